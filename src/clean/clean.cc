#include "clean/clean.h"

#include <algorithm>
#include <optional>

#include "clean/classify.h"
#include "clean/lines.h"
#include "clean/recognise.h"
#include "decode/mojibake.h"
#include "render/json_writer.h"

namespace lede::clean {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// A document is judged a window of this many lines at a time: the model
// keeps a few hundred bytes per line, which for a 20 MB record of one-word
// lines would be gigabytes. No article runs to this many lines; a document
// that does is a dump (a word list, a log) and each window is judged as a
// document of its own, the opening looked for in the first.
constexpr size_t kWindowLines = size_t{1} << 16;

// Mojibake's lead characters U+00C2..U+00F4 ("Ã", "â") all begin with the
// byte 0xC3 in UTF-8: text without that byte has none to repair.
bool may_hold_mojibake(std::string_view text) { return text.find('\xC3') != std::string_view::npos; }

// Where the article opens, as indices into the lines.
struct Opening {
  size_t headline = kNone, standfirst = kNone, byline = kNone, dateline = kNone;
  std::vector<std::string> authors;
  std::string date;
};

// The line model cuts short lines above the prose for where they stand; the
// last few before the first paragraph may still be the article's headline,
// byline or dateline, and are searched with the lines kept.
constexpr size_t kOpeningLookBack = 4;

bool cut_for_position(std::string_view why) {
  return why == reason::page_header || why == reason::navigation || why == reason::boilerplate;
}

// The lines where a headline, byline and dateline may stand: up to the
// second paragraph of prose, at most 15 lines. A line cut as the site's
// template ("Posted by NAME on DATE") may be the article's own byline or
// dateline, so it is searched as if kept.
std::vector<size_t> opening_window(const std::vector<Line>& lines, const std::vector<std::string_view>& reasons) {
  size_t first_body = 0;
  while (first_body < lines.size() && !(reasons[first_body].empty() && is_body_paragraph(lines[first_body].features))) {
    ++first_body;
  }
  std::vector<size_t> window;
  size_t paragraphs = 0;
  for (size_t i = 0; i < lines.size() && window.size() < 15; ++i) {
    bool near_opening = cut_for_position(reasons[i]) && i < first_body && i + kOpeningLookBack >= first_body;
    if (!reasons[i].empty() && reasons[i] != reason::site_template && !near_opening) continue;
    if (is_body_paragraph(lines[i].features) && ++paragraphs == 2) break;
    window.push_back(i);
  }
  return window;
}

void find_meta_lines(const std::vector<Line>& lines, const std::vector<size_t>& window, Opening& opening) {
  for (size_t k = 0; k < window.size() && opening.dateline == kNone; ++k) {
    std::string date = dateline_date(lines[window[k]].text);
    if (!date.empty()) opening.dateline = window[k], opening.date = std::move(date);
  }
  for (size_t k = 0; k < window.size() && opening.byline == kNone; ++k) {
    size_t i = window[k];
    bool near_date = opening.dateline != kNone && (i <= opening.dateline + 2 && i + 2 >= opening.dateline);
    std::vector<std::string> authors = byline_authors(lines[i].text, near_date);
    if (!authors.empty()) opening.byline = i, opening.authors = std::move(authors);
  }
}

// The headline (and standfirst) just before the byline or dateline; without
// either, the last title-like line before the first paragraph of prose. A
// page without either and without prose (a list) has no headline to find:
// its last short line is one of its items.
void find_headline(const std::vector<Line>& lines, const std::vector<size_t>& window, Opening& opening) {
  size_t meta = std::min(opening.byline, opening.dateline);
  bool has_prose = std::any_of(lines.begin(), lines.end(), [](const Line& line) {
    return is_body_paragraph(line.features);
  });
  if (meta == kNone && !has_prose) return;
  std::vector<size_t> before;
  for (size_t i : window) {
    if (i >= meta || is_body_paragraph(lines[i].features)) break;
    before.push_back(i);
  }
  if (before.empty()) return;
  size_t last = before.back();
  if (meta != kNone && before.size() >= 2 && lines[last].features.words >= 8 &&
      is_title_like(lines[before[before.size() - 2]])) {
    opening.standfirst = last;
    opening.headline = before[before.size() - 2];
  } else if (is_title_like(lines[last])) {
    opening.headline = last;
  }
}

// Lines above the headline are the page's header: masthead, sections, alerts.
void cut_above_headline(const Opening& opening, std::vector<std::string_view>& reasons) {
  if (opening.headline == kNone) return;
  for (size_t i = 0; i < opening.headline; ++i) {
    if (reasons[i].empty()) reasons[i] = reason::page_header;
  }
}

// Cleans one window of the document's lines into `cleaned`; the article's
// opening is looked for in the first window only.
void clean_window(std::string_view text, size_t lines_before, const CleanOptions& options, Cleaned& cleaned) {
  std::vector<Line> lines = split_lines(text, lines_before);
  std::vector<std::string_view> reasons = classify_lines(lines, options.site, url_host(options.url));
  Opening opening;
  if (lines_before == 0) {
    std::vector<size_t> window = opening_window(lines, reasons);
    find_meta_lines(lines, window, opening);
    find_headline(lines, window, opening);
  }
  for (size_t i : {opening.headline, opening.standfirst}) {
    if (i != kNone) reasons[i] = {};
  }
  // A template's byline or dateline gives its authors and date, and is still
  // the template's: it stays cut, as on the site's other pages.
  for (size_t i : {opening.byline, opening.dateline}) {
    if (i != kNone && reasons[i] != reason::site_template) reasons[i] = {};
  }
  cut_above_headline(opening, reasons);
  if (lines_before == 0) {
    cleaned.authors = std::move(opening.authors);
    cleaned.date = std::move(opening.date);
  }
  auto in_body = [&](size_t i) {
    return reasons[i].empty() && i != opening.headline && i != opening.standfirst && i != opening.byline &&
           i != opening.dateline;
  };
  // Reserved to the byte for a document of one window, by doubling over
  // many: a huge document's body grown line by line would briefly hold up
  // to three times its size.
  size_t body_bytes = 0, removed = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (in_body(i)) body_bytes += lines[i].text.size() + 1;
    if (!reasons[i].empty()) ++removed;
  }
  auto reserve_more = [](auto& container, size_t more) {
    size_t want = container.size() + more;
    if (want > container.capacity()) container.reserve(container.empty() ? want : std::max(want, 2 * container.capacity()));
  };
  reserve_more(cleaned.text, body_bytes);
  reserve_more(cleaned.removed, removed);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    if (!reasons[i].empty()) {
      cleaned.removed.push_back({lines[i].number, std::string(line), reasons[i]});
    } else if (i == opening.headline) {
      cleaned.title = line;
    } else if (i == opening.standfirst) {
      cleaned.subtitle = line;
    } else if (in_body(i)) {
      cleaned.text.append(line).push_back('\n');
    }
  }
}

// The end of the window of at most kWindowLines lines that starts at `start`.
size_t window_end(std::string_view text, size_t start) {
  size_t end = start;
  for (size_t n = 0; n < kWindowLines && end < text.size(); ++n) {
    end = text.find('\n', end);
    end = end == std::string_view::npos ? text.size() : end + 1;
  }
  return end;
}

}  // namespace

Cleaned clean_text(std::string_view input, const CleanOptions& options) {
  Cleaned cleaned;
  // The lines are views into the input itself unless it needs repair: a copy
  // would be one more time the size of a huge document.
  std::string repaired;
  std::string_view text = input;
  if (!is_valid_utf8(input) || may_hold_mojibake(input)) {
    repaired = repair_utf8(input, cleaned.invalid_utf8);
    decode::repair_mojibake(repaired);  // "itâ€™s", as corpora made by older tools often hold
    text = repaired;
  }
  size_t lines_before = 0, start = 0;
  do {  // once for an empty document: it has an (empty) window too
    size_t end = window_end(text, start);
    clean_window(text.substr(start, end - start), lines_before, options, cleaned);
    lines_before += static_cast<size_t>(std::count(text.begin() + start, text.begin() + end, '\n'));
    start = end;
  } while (start < text.size());
  return cleaned;
}

std::vector<std::string> recovered_member_names() {
  return {"title", "subtitle", "authors", "date", "removed", "invalid_utf8"};
}

void write_fields(render::JsonWriter& json, const Cleaned& cleaned, std::string_view text_member) {
  auto optional = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  json.field("title", optional(cleaned.title));
  json.field("subtitle", optional(cleaned.subtitle));
  json.field("authors", cleaned.authors);
  json.field("date", optional(cleaned.date));
  json.field(text_member, std::string_view(cleaned.text));
  json.key("removed");
  json.begin_array();
  for (const RemovedLine& removed : cleaned.removed) {
    json.begin_object();
    json.key("line");
    json.number(static_cast<double>(removed.line));
    json.field("reason", removed.reason);
    json.field("text", std::string_view(removed.text));
    json.end_object();
  }
  json.end_array();
  if (cleaned.invalid_utf8) {
    json.key("invalid_utf8");
    json.number(static_cast<double>(cleaned.invalid_utf8));
  }
}

std::string to_json(const Cleaned& cleaned) {
  std::string out;
  render::JsonWriter json(out);
  json.begin_object();
  write_fields(json, cleaned);
  json.end_object();
  return out;
}

}  // namespace lede::clean
