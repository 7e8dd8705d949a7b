#include "metadata/page_scan.h"

#include <array>
#include <bit>

#include "metadata/text.h"
#include "util/byte_scan.h"
#include "util/view_memo.h"

namespace lede::metadata {
namespace {

using dom::Node;
using dom::Tag;

// Enough candidates for any real page; bounds the work on pathological ones.
constexpr size_t kMaxCandidates = 300;

constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// (Every byte of every class and id value of the page is asked.)
constexpr auto kSpaceBytes = [] {
  std::array<bool, 256> spaces{};
  for (int c = 0; c < 256; ++c) spaces[c] = is_ascii_space(static_cast<char>(c));
  return spaces;
}();

bool is_space_byte(char c) { return kSpaceBytes[static_cast<unsigned char>(c)]; }

// "sidebar-1", "comments-area", "yarpp-related", but not "has-sidebar" or
// "template-sidebar": a page's main wrapper often names its sidebar layout.
// (Arrays of string_view: every class token of the page goes through these.)
constexpr std::string_view kLayoutModifiers[] = {"has-", "no-", "with-", "without-", "hide-", "show-"};
constexpr std::string_view kChromeStarts[] = {"sidebar", "comment", "related"};
constexpr std::string_view kChromeEnds[] = {"-comment", "_comment", "-comments", "_comments", "-related", "_related"};

// The first bytes of kChromeStarts and the last of kChromeEnds: a token
// starting and ending with others (most do) needs no comparison.
constexpr auto kChromeEdgeBytes = [] {
  struct {
    std::array<bool, 256> first{}, last{};
  } edges;
  for (std::string_view start : kChromeStarts) edges.first[static_cast<unsigned char>(start.front())] = true;
  for (std::string_view end : kChromeEnds) edges.last[static_cast<unsigned char>(end.back())] = true;
  return edges;
}();

bool is_chrome_token(std::string_view token) {
  bool chrome = false;
  if (kChromeEdgeBytes.first[static_cast<unsigned char>(token.front())])
    for (std::string_view start : kChromeStarts) chrome = chrome || token.starts_with(start);
  if (kChromeEdgeBytes.last[static_cast<unsigned char>(token.back())])
    for (std::string_view end : kChromeEnds) chrome = chrome || token.ends_with(end);
  if (!chrome) return false;  // most tokens: the modifiers need no look
  for (std::string_view modifier : kLayoutModifiers)
    if (token.starts_with(modifier)) return false;
  return true;
}

bool has_chrome_token(std::string_view names) {
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && is_space_byte(names[i])) ++i;
    size_t start = i;
    i = util::find_html_space(names, i);
    if (i > start && is_chrome_token(names.substr(start, i - start))) return true;
  }
  return false;
}

// What the tests below make of one class or id value. A value's words never
// run into the other attribute's, so an element's facts are those of its class
// and of its id together.
struct NameFacts {
  bool chrome = false;  // a sidebar, comment or related-items token
  bool byline = false;  // mentions byline, author or writtenby
  bool dated = false;   // mentions date, publish, posted or timestamp
  bool user = false;    // mentions username, user-name, postuser or postauthor

  NameFacts& operator|=(NameFacts other) {
    chrome = chrome || other.chrome;
    byline = byline || other.byline;
    dated = dated || other.dated;
    user = user || other.user;
    return *this;
  }
};

// What the class or id words at the start of `rest` mention. One pass over a
// value with a switch on each letter finds what a search per word found, in a
// pass per word: every class and id of a page comes here.
void add_mentions(std::string_view rest, NameFacts& facts) {
  switch (rest[0]) {
    case 'a': facts.byline = facts.byline || rest.starts_with("author"); break;
    case 'b': facts.byline = facts.byline || rest.starts_with("byline"); break;
    case 'w': facts.byline = facts.byline || rest.starts_with("writtenby"); break;
    case 'd': facts.dated = facts.dated || rest.starts_with("date"); break;
    case 't': facts.dated = facts.dated || rest.starts_with("timestamp"); break;
    case 'p':
      facts.dated = facts.dated || rest.starts_with("publish") || rest.starts_with("posted");
      facts.user = facts.user || rest.starts_with("postuser") || rest.starts_with("postauthor");
      break;
    case 'u':
      facts.user = facts.user || rest.starts_with("username") || rest.starts_with("user-name") ||
                   rest.starts_with("user_name");
      break;
    default: break;
  }
}

// `lowered` is scratch space for the value folded to lower case.
NameFacts facts_of_name(std::string_view value, std::string& lowered) {
  NameFacts facts;
  if (value.empty()) return facts;
  lowered.assign(value);
  lower_ascii_in_place(lowered);
  facts.chrome = has_chrome_token(lowered);
  std::string_view text = lowered;
  size_t i = 0;
  // Every mention opens with one of a few pairs of letters: 16 places are
  // tested at a time for a pair, and add_mentions runs only where one stands.
  using util::Pair;
  for (; text.size() - i >= 17; i += 16) {
    unsigned starts = util::pair_mask<Pair<'a', 'u'>, Pair<'b', 'y'>, Pair<'w', 'r'>, Pair<'d', 'a'>,
                                      Pair<'t', 'i'>, Pair<'p', 'u'>, Pair<'p', 'o'>, Pair<'u', 's'>>(text.data() + i);
    for (; starts; starts &= starts - 1)
      add_mentions(text.substr(i + static_cast<size_t>(std::countr_zero(starts))), facts);
  }
  for (; i < text.size(); ++i) add_mentions(text.substr(i), facts);
  return facts;
}

// Microdata items with authors and dates of their own.
bool is_reply_item(const Node* n) {
  if (!n->has_attr("itemscope")) return false;
  std::string_view type = n->attr("itemtype");
  return contains_ignore_case(type, "Review") || contains_ignore_case(type, "Comment") ||
         contains_ignore_case(type, "Answer");
}

// The page's main wrapper, whatever its class says ("sidebar_content" beside
// a sidebar is still the content).
// (One pass over the attributes: asked three times of every element.)
bool is_container(const Node* n) {
  if (n->is(Tag::body) || n->is(Tag::html) || n->is(Tag::article) || n->is(Tag::main)) return true;
  for (const dom::Attribute& a : n->attributes()) {
    if (a.name == "role" && dom::equals_ignore_case(a.value, "main")) return true;
    if (a.name == "id" && (dom::equals_ignore_case(a.value, "content") || dom::equals_ignore_case(a.value, "main") ||
                           dom::equals_ignore_case(a.value, "main-content")))
      return true;
  }
  return false;
}

bool is_form_control(const Node* n) {
  return n->is(Tag::input) || n->is(Tag::textarea) || n->is(Tag::select) || n->is(Tag::button) ||
         n->is(Tag::label) || n->is(Tag::option);
}

// (The class and id, already read, first: few elements have either mark.)
bool is_byline_like(const Node* n, NameFacts names) {
  if (!names.byline && !contains_ignore_case(n->attr("rel"), "author")) return false;
  return !is_container(n) && !is_form_control(n);
}

// Links to an author's page: /author/jane-roe, /authors/jane-roe/.
constexpr std::string_view kAuthorPathParts[] = {
    "/author/",      "/authors/", "/autor/",    "/auteur/",  "/writers/", "/contributors/",
    "/contributor/", "/byline/",  "/reporter/", "/journalist/"};

// Every part starts with '/': only the address's slashes are compared at,
// one pass for all parts (every visible link comes here).
bool is_author_link(const Node* n) {
  if (!n->is(Tag::a)) return false;
  std::string_view href = n->attr("href");
  for (size_t slash = href.find('/'); slash != std::string_view::npos; slash = href.find('/', slash + 1)) {
    std::string_view rest = href.substr(slash);
    if (rest.size() < 2) break;
    char letter = static_cast<char>(rest[1] | 0x20);  // every part has one after its '/'
    for (std::string_view part : kAuthorPathParts)
      if (part[1] == letter && starts_with_ignore_case(rest, part)) return true;
  }
  return false;
}

// Words that label the name beside them: "Written by" <p>Jane Roe</p>.
constexpr std::string_view kBylineLabels[] = {
    "by",     "written by", "posted by", "words by", "story by", "reported by", "article by", "authored by",
    "author", "authors",    "autor",     "auteur",   "von",      "par",         "por",        "door"};

// More characters than `limit` as a reader sees them: a run of whitespace
// (templates indent a byline over several lines) is one.
bool shows_more_than(std::string_view text, size_t limit) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  size_t length = 0;
  for (size_t i = 0; i < text.size() && length <= limit; ++i)
    if (!is_space(text[i]) || i == 0 || !is_space(text[i - 1])) ++length;
  return length > limit;
}

// The labels' first letters, lower-case: most texts start with none of them.
constexpr auto kLabelInitials = [] {
  std::array<bool, 256> initials{};
  for (std::string_view label : kBylineLabels) initials[static_cast<unsigned char>(label[0])] = true;
  return initials;
}();

// A label alone, or opening a short text: "By Jane Roe", "von Max Muster".
bool is_byline_label(std::string_view text) {
  constexpr size_t kMaxLabelledName = 60;
  text = trim(text);
  if (text.empty() || !kLabelInitials[static_cast<unsigned char>(text[0] | 0x20)]) return false;
  if (text.ends_with(':')) text.remove_suffix(1);
  if (shows_more_than(text, kMaxLabelledName)) return false;
  for (std::string_view label : kBylineLabels) {
    // (The first byte first: every short text of the page comes here.)
    if (text.empty() || (text[0] | 0x20) != label[0] || !starts_with_ignore_case(text, label)) continue;
    std::string_view rest = text.substr(label.size());
    if (trim(rest).empty() || rest.starts_with(' ') || rest.starts_with(':')) return true;  // "By :" too
  }
  return false;
}

// Short text that may be a date: "Nov 21, 2018", "Posted 31.05.2024".
bool has_year_number(std::string_view text) {
  constexpr size_t kMaxDateText = 100;
  if (text.size() > kMaxDateText) return false;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 4 <= text.size();) {
    // A year is four digits: when the window's last byte is none, neither
    // this window nor the three after it (which hold that byte) is a year.
    if (!is_digit(text[i + 3])) {
      i += 4;
      continue;
    }
    bool century = (text[i] == '1' && text[i + 1] == '9') || (text[i] == '2' && text[i + 1] == '0');
    if (century && is_digit(text[i + 2])) return true;
    ++i;
  }
  return false;
}

bool is_date_like(const Node* n, NameFacts names) { return names.dated && !is_container(n); }

bool is_rel_license(const Node* n) { return contains_ignore_case(n->attr("rel"), "license"); }

bool links_to_cc_licence(const Node* n) {
  std::string_view href = n->attr("href");
  return contains_ignore_case(href, "creativecommons.org/licenses/") ||
         contains_ignore_case(href, "creativecommons.org/publicdomain/");
}

void add_candidate(std::vector<const Node*>& list, const Node* n) {
  if (list.size() < kMaxCandidates) list.push_back(n);
}

std::string_view text_child(const Node* n) {
  return n->first_child && n->first_child->is_text() ? n->first_child->data : std::string_view{};
}

class Scanner {
 public:
  explicit Scanner(PageScan& out) : out_(out) {}

  bool enter(Node* n) {
    if (n->is_text() && !chrome_) add_text(n);
    if (!n->is_element()) return false;
    // Inside <svg> and <math>: drawings and formulas, not page text.
    if (n->ns != dom::Namespace::html && !n->is(Tag::svg) && !n->is(Tag::math)) return false;
    switch (n->tag) {
      case Tag::html: out_.html_lang = n->attr("lang"); break;
      case Tag::meta: add_meta(n); return false;
      case Tag::link: add_link(n); return false;
      case Tag::a: add_license_anchor(n); break;
      case Tag::title: add_title(n); return false;
      case Tag::script: add_script(n); return false;
      case Tag::style: case Tag::template_: return false;
      // What a reader without scripts sees: in the body of some sites
      // (Discourse) the whole page, headline and byline included.
      case Tag::noscript: if (n->parent && n->parent->is(Tag::head)) return false; break;
      default: break;
    }
    if (n->is(Tag::article)) ++articles_open_;
    if (n->is(Tag::p) && !out_.h1s.empty()) paragraph_after_h1_ = true;
    // Inside chrome nothing is a candidate and only the outermost chrome
    // element counts: the class and id of the elements below it need no look.
    if (chrome_) return true;
    names_ = name_facts(n);
    if (is_chrome(n)) {
      chrome_ = n;
    } else {
      add_visible(n);
    }
    return true;
  }

  void leave(Node* n) {
    if (chrome_ == n) chrome_ = nullptr;
    if (n->is(Tag::article)) --articles_open_;
  }

 private:
  // Microdata <meta itemprop> in a comment or teaser describes that item.
  void add_meta(const Node* n) {
    std::string_view content = n->has_attr("content") ? n->attr("content") : n->attr("value");
    for (std::string_view attr : {"name", "property", "itemprop", "http-equiv"}) {
      if (attr == "itemprop" && chrome_) continue;
      std::string_view key = trim(n->attr(attr));
      if (!key.empty()) out_.metas.push_back({to_lower_ascii(key), content});
    }
  }

  void add_link(const Node* n) {
    if (out_.canonical_href.empty() && contains_ignore_case(n->attr("rel"), "canonical"))
      out_.canonical_href = trim(n->attr("href"));
    if (out_.license_href.empty() && is_rel_license(n))
      out_.license_href = trim(n->attr("href"));
    std::string_view rel = trim(n->attr("rel"));
    if (out_.home_href.empty() && (dom::equals_ignore_case(rel, "home") || dom::equals_ignore_case(rel, "start")))
      out_.home_href = trim(n->attr("href"));
  }

  // An <a rel=license> wins over an earlier bare link to a licence.
  void add_license_anchor(const Node* n) {
    const Node*& anchor = out_.license_anchor;
    if (anchor && is_rel_license(anchor)) return;
    if (is_rel_license(n) || (!anchor && links_to_cc_licence(n))) anchor = n;
  }

  void add_title(const Node* n) {
    if (out_.title_element.empty()) out_.title_element = collapse_whitespace(text_child(n));
  }

  void add_script(const Node* n) {
    if (dom::equals_ignore_case(trim(n->attr("type")), "application/ld+json"))
      out_.jsonld.push_back(text_child(n));
  }

  void add_text(Node* n) {
    // ("Sort by Price" in a <select> is no byline.)
    if (n->parent && !is_form_control(n->parent) && is_byline_label(n->data)) add_candidate(out_.bylines, n->parent);
    if (has_year_number(n->data)) add_candidate(out_.year_texts, n);
  }

  void add_visible(const Node* n) {
    if (n->is(Tag::h1)) add_candidate(out_.h1s, n);
    if (n->is(Tag::time)) add_candidate(out_.times, n);
    if (n->has_attr("itemprop")) add_candidate(out_.itemprops, n);
    if (is_byline_like(n, names_) || is_author_link(n)) add_candidate(out_.bylines, n);
    if (is_date_like(n, names_)) add_candidate(out_.dated, n);
    if (names_.user && !is_container(n)) add_candidate(out_.user_names, n);
  }

  // Regions whose bylines and dates belong to something other than the
  // article (teasers, comments, reviews, answers, widgets). An article's own
  // <footer> and <aside> are not: they hold its byline and date.
  bool is_chrome(const Node* n) const {
    if (is_reply_item(n)) return true;
    if (is_container(n)) return false;
    if (n->is(Tag::nav)) return true;
    if (n->is(Tag::aside) && articles_open_ == 0 && follows_headline(n)) return false;
    if ((n->is(Tag::footer) || n->is(Tag::aside)) && articles_open_ == 0) return true;
    return names_.chrome;
  }

  // An <aside> that opens right after the first headline, before any
  // paragraph, is the story's column of facts (date, author, topics), not a
  // sidebar.
  bool follows_headline(const Node* aside) const {
    constexpr uint32_t kMaxNodesBetween = 8;
    return !out_.h1s.empty() && !paragraph_after_h1_ && aside->index <= out_.h1s.front()->index + kMaxNodesBetween;
  }

  // Class lists repeat on every item of a menu or a listing, so each distinct
  // class value is judged once; ids are mostly unique and judged each time.
  NameFacts name_facts(const Node* n) {
    NameFacts facts;
    if (std::string_view class_value = n->attr("class"); !class_value.empty()) {
      auto [known, added] = class_facts_.try_emplace(class_value);
      if (added) *known = facts_of_name(class_value, lowered_);
      facts = *known;
    }
    facts |= facts_of_name(n->attr("id"), lowered_);
    return facts;
  }

  PageScan& out_;
  NameFacts names_;                  // of the current element's class and id
  ViewMemo<NameFacts> class_facts_;  // keys view the document
  std::string lowered_;
  const Node* chrome_ = nullptr;  // the outermost open chrome element
  int articles_open_ = 0;
  bool paragraph_after_h1_ = false;
};

}  // namespace

bool class_or_id_contains(const dom::Node* node, std::string_view fragment) {
  return contains_ignore_case(node->attr("class"), fragment) ||
         contains_ignore_case(node->attr("id"), fragment);
}

std::string_view PageScan::meta(std::string_view key) const {
  for (const MetaTag& m : metas)
    if (m.key == key && !trim(m.content).empty()) return trim(m.content);
  return {};
}

std::vector<std::string_view> PageScan::metas_named(std::string_view key) const {
  std::vector<std::string_view> out;
  for (const MetaTag& m : metas)
    if (m.key == key && !trim(m.content).empty()) out.push_back(trim(m.content));
  return out;
}

PageScan scan_page(const dom::Document& doc) {
  PageScan scan;
  Scanner scanner(scan);
  dom::walk(
      doc.root(), [&](Node* n) { return n == doc.root() || scanner.enter(n); },
      [&](Node* n) { scanner.leave(n); });
  return scan;
}

}  // namespace lede::metadata
