#include "clean/classify.h"

#include <algorithm>
#include <limits>

#include "clean/line_model.h"

namespace lede::clean {

namespace {

std::string_view vocab_reason(Vocab vocab) {
  switch (vocab) {
    case Vocab::sign_in: return reason::sign_in;
    case Vocab::subscribe: return reason::call_to_action;
    case Vocab::donate: return reason::donation;
    case Vocab::cookie: return reason::cookie;
    case Vocab::share: return reason::share;
    case Vocab::advert: return reason::advert;
    case Vocab::copyright: return reason::copyright;
    case Vocab::navigation: return reason::navigation;
    default: return {};
  }
}

// A short line is a label, a button or a heading; with chrome vocabulary and
// nothing that makes it a sentence, it is chrome.
constexpr size_t kShortLine = 12;
constexpr size_t kLabelLine = 6;

std::string_view chrome_words_reason(const LineFeatures& f) {
  if (f.link_like) return reason::link;
  if ((f.has_copyright_sign || f.vocab[static_cast<size_t>(Vocab::copyright)]) && f.words <= 30) {
    return reason::copyright;
  }
  if (f.words == 0) return reason::navigation;  // separators and symbols only
  size_t vocab = f.chrome_vocab();
  std::string_view by_vocab = vocab_reason(f.main_vocab());
  if (vocab >= 1 && f.words <= kShortLine) {
    bool label = !f.ends_sentence && f.words <= kLabelLine;
    if (label || vocab >= 2 || f.address >= 1) return by_vocab;
  }
  if (f.separators >= 2 && f.words <= 20 && !f.ends_sentence) return reason::navigation;
  return {};
}

// A paragraph addressing the reader in chrome's words. Blogs write so too,
// so this alone cuts nothing.
bool is_appeal(const LineFeatures& f) {
  return f.chrome_vocab() >= 2 && f.address >= 2 && f.address * 15 >= f.words;
}

// Chrome comes in blocks: an appeal next to a chrome line, and a line
// between two chrome lines that addresses the reader or is too short to be
// prose, belong to the block. Notices and appeals are a few sentences; a
// longer line is prose that happens to stand between two links.
constexpr size_t kLongestBlockLine = 80;

void fill_blocks(const std::vector<Line>& lines, std::vector<std::string_view>& reasons) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineFeatures& f = lines[i].features;
    if (!reasons[i].empty() || f.words > kLongestBlockLine) continue;
    std::string_view before = i > 0 ? reasons[i - 1] : std::string_view();
    std::string_view after = i + 1 < lines.size() ? reasons[i + 1] : std::string_view();
    if (is_appeal(f) && (!before.empty() || !after.empty())) {
      reasons[i] = before.empty() ? after : before;
      continue;
    }
    if (before.empty() || after.empty()) continue;
    bool addressing = f.address >= 1 && (f.address * 20 >= f.words || f.chrome_vocab() >= 1);
    if (addressing || (f.words <= kLabelLine && !f.ends_sentence)) reasons[i] = before;
  }
}

// The site's repeated lines, and the lines its templates fill in. A
// document that is nearly all repeated lines is a duplicate of another, not
// chrome: then only lines that are not prose go. Prose is never a template's.
void cut_repeated(const std::vector<Line>& lines, const SiteCounts& site, std::string_view host,
                  std::vector<std::string_view>& reasons) {
  using Repeat = SiteCounts::Repeat;
  std::vector<Repeat> repeats(lines.size());
  size_t repeated_words = 0, words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    repeats[i] = site.repeat(host, lines[i].text);
    if (repeats[i] == Repeat::skeleton && is_body_paragraph(lines[i].features)) repeats[i] = Repeat::none;
    words += lines[i].features.words;
    if (repeats[i] == Repeat::line) repeated_words += lines[i].features.words;
  }
  bool duplicate = repeated_words * 10 >= words * 8;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (repeats[i] == Repeat::none || !reasons[i].empty()) continue;
    if (duplicate && is_body_paragraph(lines[i].features)) continue;
    reasons[i] = repeats[i] == Repeat::line ? reason::repeated : reason::site_template;
  }
}

}  // namespace

bool is_body_paragraph(const LineFeatures& f) { return (f.words >= 10 && f.ends_sentence) || f.words >= 30; }

bool is_title_like(const Line& line) {
  const LineFeatures& f = line.features;
  return f.words >= 2 && f.words <= 30 && !(f.ends_sentence && line.text.ends_with('.'));
}

namespace {

// Why the model cut a line that no word of its own marks as chrome: where
// it stands with respect to the article's prose, and its shape.
std::string_view model_reason(const LineModelInputs& x) {
  if (x[input::before_region] > 0) return reason::page_header;
  if (x[input::after_region] > 0) return reason::page_footer;
  if (x[input::label] > 0) return reason::navigation;
  return reason::boilerplate;
}

}  // namespace

std::vector<std::string_view> chrome_words_reasons(const std::vector<Line>& lines) {
  std::vector<std::string_view> reasons(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) reasons[i] = chrome_words_reason(lines[i].features);
  fill_blocks(lines, reasons);
  return reasons;
}

std::vector<std::string_view> classify_lines(const std::vector<Line>& lines, const SiteCounts* site,
                                             std::string_view host) {
  std::vector<std::string_view> reasons = chrome_words_reasons(lines);
  std::vector<bool> flagged(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) flagged[i] = !reasons[i].empty();
  if (site && !host.empty()) cut_repeated(lines, *site, host, reasons);
  // The first stage judges each line alone; the second, each line the
  // words left, with the first's verdicts around it.
  std::vector<LineModelInputs> inputs = line_model_inputs(lines, flagged);
  std::vector<double> first_stage(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!flagged[i]) first_stage[i] = article_log_odds(inputs[i]);
  }
  std::vector<ContextInputs> context = context_inputs(lines, first_stage, flagged);
  std::vector<double> log_odds(lines.size());
  double best = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!reasons[i].empty()) continue;
    log_odds[i] = context_log_odds(inputs[i], context[i]);
    best = std::max(best, log_odds[i]);
  }
  double threshold = document_threshold(best);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!reasons[i].empty()) continue;
    if (log_odds[i] < threshold) reasons[i] = model_reason(inputs[i]);
  }
  return reasons;
}

}  // namespace lede::clean
