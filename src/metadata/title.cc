#include "metadata/title.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <vector>

namespace lede::metadata {
namespace {

using dom::Node;

constexpr size_t kMaxHeadingBytes = 300;
constexpr size_t kHeadingsConsidered = 3;
// Word-set agreement (Dice) between an <h1> and the best-matching meta title
// for the <h1> to be the headline: a lone <h1> needs only to be on the same
// topic (a slogan shares no words), one of several must be a close match.
constexpr double kLoneHeadingAgreement = 0.3;
constexpr double kHeadingAgreement = 0.5;
// Share of a heading that must name the site for it to be a logo.
constexpr double kSiteOverlap = 0.5;

struct Separator {
  std::string_view text;
  bool strong;  // rarely inside a headline, so the part after it is chrome
};
constexpr Separator kSeparators[] = {
    {" | ", true},  {" :: ", true}, {" » ", true}, {" · ", true},  {" • ", true},
    {" - ", false}, {" – ", false}, {" — ", false}, {" ~ ", false}, {" / ", false},
};

struct Part {
  std::string_view text;
  bool after_strong = false;  // the separator before it is strong
};

std::vector<Part> split_title(std::string_view title) {
  std::vector<Part> parts;
  size_t start = 0;
  bool strong = false;
  for (size_t i = 0; i < title.size(); ++i) {
    if (title[i] != ' ') continue;  // where every separator starts
    for (const Separator& sep : kSeparators) {
      if (!title.substr(i).starts_with(sep.text)) continue;
      parts.push_back({title.substr(start, i - start), strong});
      strong = sep.strong;
      i += sep.text.size() - 1;
      start = i + 1;
      break;
    }
  }
  parts.push_back({title.substr(start), strong});
  return parts;
}

// "Thread: Headline" (forum software), "Title:Headline" (arXiv).
std::string_view without_label(std::string_view title) {
  for (std::string_view label : {"thread:", "topic:", "title:"})
    if (starts_with_ignore_case(title, label)) return trim(title.substr(label.size()));
  return title;
}

std::string_view span(std::string_view whole, const Part& first, const Part& last) {
  size_t begin = static_cast<size_t>(first.text.data() - whole.data());
  size_t end = static_cast<size_t>(last.text.data() - whole.data()) + last.text.size();
  return trim(whole.substr(begin, end - begin));
}

// Words that make a part after any separator the site's, not the
// headline's: "Amd RX7800XT refresh rate - Doom9's Forum".
constexpr std::string_view kSiteWords[] = {"forum", "forums", "community", "website", "wiki", "official", "documentation"};

// "METimes.com", "from planet-f1.com": a host name.
bool has_host_name(std::string_view part) {
  for (std::string_view tld : {".com", ".org", ".net", ".gov", ".edu", ".info", ".co.uk"}) {
    for (size_t at = part.find(tld); at != std::string_view::npos; at = part.find(tld, at + 1)) {
      size_t end = at + tld.size();
      bool after_name = at > 0 && std::isalnum(static_cast<unsigned char>(part[at - 1]));
      bool word_ends = end == part.size() || !std::isalnum(static_cast<unsigned char>(part[end]));
      if (after_name && word_ends) return true;
    }
  }
  return false;
}

bool names_a_site(std::string_view part) {
  if (has_host_name(part)) return true;
  bool site_word = false;
  for_each_word(part, [&site_word](std::string_view w) {
    for (std::string_view site : kSiteWords)
      site_word = site_word || (w.size() == site.size() && starts_with_ignore_case(w, site));
  });
  return site_word;
}

// Words as written: "Children's" is one.
size_t word_count(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++count;
  return count;
}

// "Headline - Soccer - Sport - Belfast Telegraph": two or more short parts
// at the end are a trail of sections and the site, whatever the separator,
// when a headline of some words stays. Returns how many parts stay.
size_t without_section_trail(std::string_view title, const std::vector<Part>& parts) {
  constexpr size_t kMaxSectionWords = 3, kMinTrail = 2, kMinHeadlineWords = 4;
  size_t last = parts.size();
  while (last > 1 && word_count(parts[last - 1].text) <= kMaxSectionWords) --last;
  bool trail = parts.size() - last >= kMinTrail && word_count(span(title, parts.front(), parts[last - 1])) >= kMinHeadlineWords;
  return trail ? last : parts.size();
}

size_t word_total(std::string_view text) {
  size_t count = 0;
  for_each_word(text, [&count](std::string_view) { ++count; });
  return count;
}

// Words with a letter: "01/17/2008" has none.
size_t lettered_words(std::string_view text) {
  size_t count = 0;
  for_each_word(text, [&count](std::string_view w) {
    count += std::any_of(w.begin(), w.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); });
  });
  return count;
}

// "ContraCostaTimes.com - Headline": how many leading parts are only the
// site's host name.
size_t leading_host_parts(std::string_view title, const std::vector<Part>& parts) {
  size_t first = 0;
  while (first + 1 < parts.size() && word_count(parts[first].text) == 1 && has_host_name(parts[first].text) &&
         lettered_words(span(title, parts[first + 1], parts.back())) >= 2)
    ++first;
  return first;
}

// "GlossLip » Headline of many more words": a short brand before the one
// strong separator of parts [first, last) ("Headline | Section | Brand"
// opens with a short headline).
bool opens_with_brand(std::string_view title, const std::vector<Part>& parts, size_t first, size_t last) {
  constexpr size_t kMaxBrandWords = 4, kMinHeadlineWords = 5;
  if (last - first < 2 || !parts[first + 1].after_strong) return false;
  if (std::any_of(parts.begin() + first + 2, parts.begin() + last, [](const Part& p) { return p.after_strong; }))
    return false;
  size_t brand = word_count(parts[first].text);
  std::string_view after = span(title, parts[first + 1], parts[last - 1]);
  size_t rest = word_count(after);
  // "HEADLINE | Transfer News, Fixtures, Results, Stats": a list of the
  // site's offers comes after the headline.
  bool list = std::count(after.begin(), after.end(), ',') >= 2;
  return brand <= kMaxBrandWords && rest >= kMinHeadlineWords && rest >= 2 * brand && !list;
}

// Without a known site name: "Headline | Section | Brand" sheds the short
// parts after strong separators, a trail of sections after any, and parts
// that name a site after any; then the site's name before the headline.
std::string_view strip_unknown_site(std::string_view title, const std::vector<Part>& parts) {
  constexpr size_t kMaxBrandWords = 4;
  size_t first = leading_host_parts(title, parts);
  size_t last = std::max(without_section_trail(title, parts), first + 1);
  while (last > first + 1) {
    const Part& part = parts[last - 1];
    std::string_view rest = span(title, parts[first], parts[last - 2]);
    bool brand = part.after_strong && word_count(part.text) <= kMaxBrandWords;
    if (!(brand || names_a_site(part.text)) || word_total(rest) < 2) break;
    --last;
  }
  if (opens_with_brand(title, parts, first, last)) ++first;
  return span(title, parts[first], parts[last - 1]);
}

// Drops trailing parts that name the site ("Flask Documentation (3.1.x)"),
// and leading parts that are mostly its name: a headline may open with it
// ("Arch Linux ISO ends i686 support | Arch Linux Forums").
std::string_view strip_known_site(std::string_view title, const std::vector<Part>& parts, const NameSet& site_names) {
  size_t first = 0, last = parts.size();
  while (last - first > 1 && site_names.overlaps(parts[last - 1].text, 0)) --last;
  while (last - first > 1 && site_names.overlaps(parts[first].text, kSiteOverlap)) ++first;
  return span(title, parts[first], parts[last - 1]);
}

// Orders words as words() lower-cases them, without lower-casing copies.
int compare_ignoring_case(std::string_view a, std::string_view b) {
  auto lowered = [](char c) { return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  for (size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (lowered(a[i]) != lowered(b[i])) return lowered(a[i]) < lowered(b[i]) ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// The distinct words of `s` (case ignored), sorted by compare_ignoring_case.
std::vector<std::string_view> distinct_words(std::string_view s) {
  std::vector<std::string_view> found;
  for_each_word(s, [&found](std::string_view w) { found.push_back(w); });
  std::sort(found.begin(), found.end(),
            [](std::string_view x, std::string_view y) { return compare_ignoring_case(x, y) < 0; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](std::string_view x, std::string_view y) { return compare_ignoring_case(x, y) == 0; }),
              found.end());
  return found;
}

double agreement(std::string_view a, std::string_view b) {
  std::vector<std::string_view> wa = distinct_words(a), wb = distinct_words(b);
  if (wa.empty() || wb.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < wa.size() && j < wb.size();) {
    int order = compare_ignoring_case(wa[i], wb[j]);
    common += order == 0;
    i += order <= 0;
    j += order >= 0;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

// "Headline - CBN News</titlevalue=...": a page whose scripts write its
// <title> leaves markup in it, after which nothing is the headline's.
std::string_view before_markup(std::string_view title) {
  size_t end = title.find("-->");
  for (size_t at = title.find('<'); at != std::string_view::npos && at + 1 < title.size() && at < end;
       at = title.find('<', at + 1)) {
    char next = title[at + 1];
    if (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '\\') end = at;
  }
  return trim(title.substr(0, end));
}

std::vector<Sourced<std::string>> meta_titles(const PageScan& scan, const JsonLdFacts& jsonld) {
  std::vector<Sourced<std::string>> titles;
  auto add = [&](std::string_view t, Source source) {
    std::string clean = collapse_whitespace(before_markup(t));
    if (!clean.empty()) titles.push_back({std::move(clean), source});
  };
  add(scan.meta("og:title"), Source::opengraph);
  add(jsonld.headline, Source::json_ld);
  add(scan.meta("twitter:title"), Source::meta);
  add(scan.title_element, Source::html);
  for (std::string_view key : {"parsely-title", "sailthru.title", "dc.title", "citation_title", "headline"})
    add(scan.meta(key), Source::meta);
  return titles;
}

struct Heading {
  const Node* node;
  std::string text;
};

bool in_noscript(const Node* n) {
  for (; n; n = n->parent)
    if (n->is(dom::Tag::noscript)) return true;
  return false;
}

// Is `href` the site's home page: its root ("/", "https://host/"), or the
// page that the <link rel=home> or rel=start of the page names (`home`)?
bool is_home_address(std::string_view href, std::string_view home) {
  if (href.empty()) return false;
  if (href == "/" || href == home) return true;
  size_t host = href.find("://");
  if (host == std::string_view::npos) return false;
  size_t path = href.find('/', host + 3);
  return path == std::string_view::npos || path + 1 == href.size();
}

// Is all of the <h1>'s text one link to the home page? A headline links to
// its own story, if anywhere; a heading that leads home is the site's name.
bool links_home(const Node* h1, std::string_view home) {
  const Node* link = nullptr;
  for (const Node* d = h1; d; d = dom::next_in_preorder(d, h1)) {
    if (!d->is(dom::Tag::a)) continue;
    if (link) return false;
    link = d;
  }
  return link && is_home_address(trim(link->attr("href")), home) &&
         element_text(link, false) == element_text(h1, false);
}

// Themes and documentation generators put the site's name in an <h1> of the
// page header: <h1 class="site-title">, <h1 class="menu-title">, or make it a
// link home. `home` is the page's <link rel=home> (or rel=start).
bool is_site_heading(const Node* h1, std::string_view home) {
  constexpr int kLevels = 2;
  const Node* n = h1;
  for (int level = 0; n && level < kLevels; ++level, n = n->parent)
    for (std::string_view mark : {"site-title", "site-name", "sitename", "menu-title", "logo"})
      if (class_or_id_contains(n, mark)) return true;
  return links_home(h1, home);
}

// "Advanced Usage¶": the permalink mark documentation generators append.
std::string_view without_anchor_mark(std::string_view text) {
  for (std::string_view mark : {"¶", "§", "#", "🔗"})
    if (text.ends_with(mark)) return trim(text.substr(0, text.size() - mark.size()));
  return text;
}

// The names in the site headings, which meta titles repeat as their suffix.
NameSet with_site_headings(const PageScan& scan, NameSet site_names) {
  for (const Node* h1 : scan.h1s)
    if (is_site_heading(h1, scan.home_href)) site_names.add(element_text(h1, false));
  return site_names;
}

// The <h1>s with text, without a site name some sites repeat in them. Those
// of a <noscript> fallback count only on pages that script their headline
// (the fallback may be a banner of the section).
std::vector<Heading> headings(const PageScan& scan, const NameSet& site_names) {
  std::vector<const Node*> shown;
  std::copy_if(scan.h1s.begin(), scan.h1s.end(), std::back_inserter(shown),
               [&scan](const Node* h) { return !in_noscript(h) && !is_site_heading(h, scan.home_href); });
  std::vector<Heading> out;
  for (const Node* h1 : shown.empty() ? scan.h1s : shown) {
    if (is_site_heading(h1, scan.home_href)) continue;
    std::string text = strip_site_name(without_anchor_mark(element_text(h1, false)), site_names);
    if (!text.empty() && text.size() <= kMaxHeadingBytes) out.push_back({h1, std::move(text)});
    if (out.size() == kHeadingsConsidered) break;
  }
  return out;
}

// The <h1> that best agrees with the meta titles, if it agrees enough and is
// not the site's name.
const Heading* headline_heading(const std::vector<Heading>& h1s, const std::vector<std::string>& titles,
                                const NameSet& site_names) {
  const Heading* best = nullptr;
  double best_score = 0;
  for (const Heading& h : h1s) {
    double score = titles.empty() ? 1.0 : 0.0;
    for (const std::string& t : titles) score = std::max(score, agreement(h.text, t));
    if (score > best_score && !site_names.overlaps(h.text, kSiteOverlap)) {
      best = &h;
      best_score = score;
    }
  }
  double needed = h1s.size() == 1 ? kLoneHeadingAgreement : kHeadingAgreement;
  return best_score >= needed ? best : nullptr;
}

}  // namespace

std::string strip_site_name(std::string_view title, const NameSet& site_names) {
  title = without_label(trim(title));
  std::vector<Part> parts = split_title(title);
  if (parts.size() < 2) return std::string(title);
  std::string_view known = strip_known_site(title, parts, site_names);
  if (known.size() == title.size()) return std::string(strip_unknown_site(title, parts));
  std::vector<Part> rest = split_title(known);
  return std::string(rest.size() < 2 ? known : strip_unknown_site(known, rest));
}

TitleChoice find_title(const PageScan& scan, const JsonLdFacts& jsonld, const NameSet& known_site_names) {
  NameSet site_names = with_site_headings(scan, known_site_names);
  std::vector<Sourced<std::string>> found = meta_titles(scan, jsonld);
  std::vector<std::string> titles;
  for (const auto& t : found) titles.push_back(t.value);
  for (const auto& t : found) titles.push_back(strip_site_name(t.value, site_names));
  std::vector<Heading> h1s = headings(scan, site_names);
  if (const Heading* h = headline_heading(h1s, titles, site_names)) return {h->text, h->node, Source::html};
  for (size_t i = 0; i < found.size(); ++i) {
    const std::string& stripped = titles[found.size() + i];
    if (!stripped.empty()) return {stripped, nullptr, found[i].source};
  }
  if (!h1s.empty()) return {h1s[0].text, h1s[0].node, Source::html};
  return {};
}

}  // namespace lede::metadata
