#include "metadata/subtitle.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;
using dom::Tag;

// A standfirst is a sentence or two.
constexpr size_t kMinBytes = 20;
constexpr size_t kMaxBytes = 600;
constexpr size_t kMinWords = 4;
// How far after the headline to look: elements visited, and text passed
// over (bylines, dates, captions, buttons) before the body must have begun.
constexpr int kMaxElements = 150;
constexpr size_t kMaxTextPassed = 1500;
// A paragraph this long that is no standfirst is the body's first.
constexpr size_t kBodyParagraphBytes = 150;
// Share of the text that may be link text: more is a teaser or a tag list.
constexpr double kMaxLinkShare = 0.5;
// Short data-* values name components ("standfirst"); long ones are data.
constexpr size_t kMaxDataValueBytes = 40;

// Words that name a standfirst in class, id or data-* values, whole
// ("c-dek") or inside a compound ("articleStandfirst").
constexpr std::string_view kWholeWords[] = {"dek", "deck", "lede", "standfirst", "strap"};
constexpr std::string_view kCompoundParts[] = {"standfirst", "subtitle", "subheadline", "subheading", "subhead",
                                               "strapline"};
// Words that name a standfirst only right under the headline: further down,
// "intro", "lead" and "summary" name the body's first paragraph or a
// summary box.
constexpr std::string_view kAdjacentWords[] = {"intro", "lead", "leadin", "summary", "excerpt", "abstract"};
// Words that make the element something else near the headline.
constexpr std::string_view kOtherParts[] = {"caption", "credit", "byline", "author",  "date",   "time",
                                            "share",   "social", "crumb",  "kicker",  "eyebrow", "label",
                                            "tag",     "categor", "image", "img",     "photo",  "media",
                                            "video",   "figure", "meta",   "nav",     "menu",   "related",
                                            "comment", "promo",  "newsletter", "sponsor", "advert", "button",
                                            "tooltip", "bio",    "avatar", "affiliate", "disclos", "footer",
                                            "signup",  "subscri", "mailing"};
// Heading ids are slugs of their text ("introduction-to-pruning"): only
// shorter ids name a component.
constexpr size_t kMaxIdWords = 3;
// Headlines repeated in other words ("10 Free Accounting Tools for Small
// Businesses") share most of their words with it.
constexpr double kMaxHeadlineAgreement = 0.7;

size_t id_words(std::string_view id) {
  return static_cast<size_t>(std::count_if(id.begin(), id.end(), [](char c) { return c == '-' || c == '_'; })) + 1;
}

// The class, id and short data-* values of `n`, lower-cased, with every
// other character a separator.
std::string names_of(const Node* n) {
  std::string names;
  for (const dom::Attribute& a : n->attributes()) {
    bool data = a.name.starts_with("data-") && a.value.size() <= kMaxDataValueBytes;
    bool id = a.name == "id" && id_words(a.value) <= kMaxIdWords;
    if (a.name == "class" || id || data) {
      names += to_lower_ascii(a.value);
      names += ' ';
    }
  }
  return names;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Words of the names split at every separator ("article-dek" -> article, dek).
std::vector<std::string_view> split_words(std::string_view names) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < names.size();) {
    while (i < names.size() && !is_word_char(names[i])) ++i;
    size_t start = i;
    while (i < names.size() && is_word_char(names[i])) ++i;
    if (i > start) out.push_back(names.substr(start, i - start));
  }
  return out;
}

// The names with '-' and '_' dropped, so that "sub-title" reads "subtitle".
std::string compounds(std::string_view names) {
  std::string out;
  for (char c : names)
    if (c != '-' && c != '_') out += c;
  return out;
}

template <size_t N>
bool is_one_of(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// `adjacent`: nothing has been said between the headline and the element.
bool names_a_standfirst(std::string_view names, bool adjacent) {
  std::string joined = compounds(names);
  for (std::string_view word : split_words(names))
    if (is_one_of(word, kWholeWords) || (adjacent && is_one_of(word, kAdjacentWords))) return true;
  // "subtitle-2" is a typographic style (Material Design), not a role.
  for (std::string_view part : kCompoundParts)
    for (size_t at = joined.find(part); at != std::string::npos; at = joined.find(part, at + 1))
      if (at + part.size() == joined.size() || !std::isdigit(static_cast<unsigned char>(joined[at + part.size()])))
        return true;
  return false;
}

bool names_something_else(std::string_view names) {
  std::string joined = compounds(names);
  for (std::string_view other : kOtherParts)
    if (joined.find(other) != std::string::npos) return true;
  return false;
}

// Elements whose text is never a standfirst and never the start of the body.
bool is_aside(const Node* n) {
  return dom::is_invisible(n->tag) || n->is(Tag::figure) || n->is(Tag::figcaption) || n->is(Tag::nav) ||
         n->is(Tag::aside) || n->is(Tag::form) || n->is(Tag::button) || n->is(Tag::time) ||
         n->is(Tag::ul) || n->is(Tag::ol) || n->is(Tag::table) || n->ns != dom::Namespace::html ||
         n->has_attr("hidden") || dom::equals_ignore_case(n->attr("aria-hidden"), "true") ||
         dom::equals_ignore_case(n->attr("role"), "tooltip") || dom::equals_ignore_case(n->attr("role"), "dialog");
}

// The text of a standfirst candidate without the captions, credits and
// author boxes nested in it.
std::string own_text(const Node* n) {
  std::string raw;
  Node* scope = const_cast<Node*>(n);
  for (Node* d = scope; d;) {
    bool skip = d != scope && d->is_element() && (is_aside(d) || names_something_else(names_of(d)));
    if (skip) {
      d = dom::next_skipping_children(d, scope);
      continue;
    }
    if (d->is_text()) raw += d->data;
    if (d->is_element() && (dom::is_block(d->tag) || d->is(Tag::br))) raw += ' ';
    d = dom::next_in_preorder(d, scope);
  }
  return collapse_whitespace(raw);
}

// Dice agreement of the two texts' word sets.
double word_agreement(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = words(a), wb = words(b);
  std::sort(wa.begin(), wa.end());
  wa.erase(std::unique(wa.begin(), wa.end()), wa.end());
  std::sort(wb.begin(), wb.end());
  wb.erase(std::unique(wb.begin(), wb.end()), wb.end());
  if (wa.empty() || wb.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
  return 2.0 * static_cast<double>(common.size()) / static_cast<double>(wa.size() + wb.size());
}

size_t link_text_bytes(const Node* n) {
  size_t bytes = 0;
  Node* scope = const_cast<Node*>(n);
  for (Node* d = scope; d;) {
    if (d->is(Tag::a)) {
      bytes += element_text(d, false).size();
      d = dom::next_skipping_children(d, scope);
    } else {
      d = dom::next_in_preorder(d, scope);
    }
  }
  return bytes;
}

bool has_heading_inside(const Node* n) {
  Node* scope = const_cast<Node*>(n);
  for (Node* d : dom::subtree(scope))
    if (d != scope && d->is_element() && dom::is_heading(d->tag)) return true;
  return false;
}

bool has_date_number(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    bool century = (text[i] == '1' && text[i + 1] == '9') || (text[i] == '2' && text[i + 1] == '0');
    if (century && std::isdigit(static_cast<unsigned char>(text[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 3])))
      return true;
  }
  return false;
}

// The text a reader would take for a standfirst: a sentence or two, not the
// headline again, not a byline or a dateline, not a block of links.
std::optional<std::string> standfirst_text(const Node* n, std::string_view headline) {
  if (has_heading_inside(n)) return std::nullopt;
  std::string text = own_text(n);
  if (text.size() < kMinBytes || text.size() > kMaxBytes || words(text).size() < kMinWords) return std::nullopt;
  if (word_agreement(text, headline) >= kMaxHeadlineAgreement) return std::nullopt;
  if (starts_with_ignore_case(text, "by ") || (text.size() < 80 && has_date_number(text))) return std::nullopt;
  if (static_cast<double>(link_text_bytes(n)) > kMaxLinkShare * static_cast<double>(text.size())) return std::nullopt;
  return text;
}

const Node* next_element_sibling(const Node* n) {
  for (const Node* s = n->next; s; s = s->next)
    if (s->is_element()) return s;
  return nullptr;
}

// <hgroup><h1>Headline</h1><p>Standfirst</p></hgroup>, or an <h2> right
// after the <h1>.
const Node* paired_heading(const Node* h1) {
  const Node* next = next_element_sibling(h1);
  if (!next) return nullptr;
  if (h1->parent && h1->parent->is(Tag::hgroup) && (next->is(Tag::p) || dom::is_heading(next->tag))) return next;
  return next->is(Tag::h2) ? next : nullptr;
}

// The headline's <article> or <main>: a standfirst never lies outside it.
Node* article_scope(const Node* h1) {
  Node* top = h1->parent;
  for (Node* a = h1->parent; a; a = a->parent) {
    if (a->is(Tag::article) || a->is(Tag::main)) return a;
    top = a;
  }
  return top;
}

// The first element after the headline that names itself a standfirst,
// before the body begins.
std::optional<std::string> labelled_standfirst(const Node* h1, std::string_view headline) {
  Node* scope = article_scope(h1);
  size_t passed = 0;
  bool adjacent = true;  // nothing visible yet between the headline and `n`
  int visited = 0;
  for (Node* n = dom::next_skipping_children(h1, scope); n && visited < kMaxElements && passed < kMaxTextPassed;) {
    if (n->is_text()) {
      passed += trim(n->data).size();
      adjacent = adjacent && passed == 0;
      n = dom::next_in_preorder(n, scope);
      continue;
    }
    if (!n->is_element()) {
      n = dom::next_skipping_children(n, scope);
      continue;
    }
    ++visited;
    if (n->is(Tag::h1) || n->is(Tag::footer)) return std::nullopt;
    std::string names = names_of(n);
    if (is_aside(n) || names_something_else(names)) {
      adjacent = adjacent && dom::is_invisible(n->tag);
      n = dom::next_skipping_children(n, scope);
      continue;
    }
    if (names_a_standfirst(names, adjacent) || dom::equals_ignore_case(n->attr("itemprop"), "alternativeHeadline")) {
      if (auto text = standfirst_text(n, headline)) return text;
    }
    if (n->is(Tag::p) && element_text(n, false).size() >= kBodyParagraphBytes) return std::nullopt;
    n = dom::next_in_preorder(n, scope);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Sourced<std::string>> find_subtitle(const JsonLdFacts& jsonld, const TitleChoice& title) {
  std::string_view headline = title.title ? std::string_view(*title.title) : std::string_view();
  if (const Node* h1 = title.heading) {
    if (const Node* paired = paired_heading(h1))
      if (auto text = standfirst_text(paired, headline)) return Sourced<std::string>{std::move(*text), Source::html};
    if (auto text = labelled_standfirst(h1, headline)) return Sourced<std::string>{std::move(*text), Source::html};
  }
  std::string alternative = collapse_whitespace(jsonld.alternative_headline);
  if (words(alternative).size() >= kMinWords && word_agreement(alternative, headline) < kMaxHeadlineAgreement)
    return Sourced<std::string>{std::move(alternative), Source::json_ld};
  return std::nullopt;
}

}  // namespace lede::metadata
