#include "metadata/authors.h"

#include <cstdint>

#include "metadata/byline.h"
#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;

constexpr size_t kMaxBylineChars = 100;
// How far (in nodes) a byline may sit before or after the headline.
constexpr uint32_t kBylineBefore = 150;
constexpr uint32_t kBylineAfter = 600;

// itemprop=author: a Person item's name, or the element's own text.
std::string microdata_author(const Node* n) {
  if (n->has_attr("itemscope")) {
    if (contains_ignore_case(n->attr("itemtype"), "Organization")) return {};
    Node* scope = const_cast<Node*>(n);
    for (Node* d : dom::subtree(scope)) {
      if (d == scope || !d->is_element() || !contains_ignore_case(d->attr("itemprop"), "name")) continue;
      return d->has_attr("content") ? std::string(d->attr("content")) : element_text(d, true);
    }
  }
  return n->has_attr("content") ? std::string(n->attr("content")) : element_text(n, true);
}

// The item an itemprop belongs to: its nearest itemscope ancestor.
const Node* owning_item(const Node* n) {
  for (const Node* p = n->parent; p; p = p->parent)
    if (p->has_attr("itemscope")) return p;
  return nullptr;
}

// The authors of the first item that declares any: a forum thread's opening
// post, not every reply; all co-authors of one article. (Reviews, comments
// and answers never reach here: the scan skips them.)
std::vector<std::string> microdata_authors(const PageScan& scan, const NonPersons& np) {
  std::vector<std::string> out;
  const Node* first_item = nullptr;
  for (const Node* n : scan.itemprops) {
    std::string_view prop = n->attr("itemprop");
    if (!contains_ignore_case(prop, "author") && !contains_ignore_case(prop, "creator")) continue;
    const Node* item = owning_item(n);
    if (first_item && item != first_item) continue;
    first_item = item;
    std::string text = microdata_author(n);
    if (text.size() <= kMaxBylineChars) merge_names(out, parse_byline(text, np));
  }
  return out;
}

bool near_headline(const Node* n, const Node* headline) {
  return n->index + kBylineBefore >= headline->index && n->index <= headline->index + kBylineAfter;
}

bool is_container(const Node* n) {
  return n->is(dom::Tag::body) || n->is(dom::Tag::html) || n->is(dom::Tag::article) || n->is(dom::Tag::main);
}

// The alt text of an author photo, for bylines that show only a picture.
std::string image_alt(const Node* n) {
  Node* scope = const_cast<Node*>(n);
  for (Node* d : dom::subtree(scope))
    if (d->is(dom::Tag::img) && !trim(d->attr("alt")).empty()) return std::string(d->attr("alt"));
  return {};
}

// Names in a byline element; when it holds only a label ("Written by") or a
// photo, its parents (still short) hold the name.
std::vector<std::string> byline_names(const Node* n, const NonPersons& np) {
  constexpr int kLevels = 3;
  for (int level = 0; n && level < kLevels && !is_container(n); ++level, n = n->parent) {
    std::string text = element_text(n, true);
    if (text.size() > kMaxBylineChars) break;
    std::vector<std::string> names = parse_byline(text.empty() ? image_alt(n) : text, np);
    std::erase_if(names, [](const std::string& name) { return !looks_like_written_name(name); });
    if (!names.empty()) return names;
  }
  return {};
}

bool is_inside(const Node* n, const Node* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

// Without a headline to stand beside, on a page that is no article (a
// product, a service with testimonials), only a byline that says so counts:
// rel=author, a "byline" class, or text opening with "By".
bool is_explicit_byline(const Node* n) {
  if (contains_ignore_case(n->attr("rel"), "author") || class_or_id_contains(n, "byline")) return true;
  std::string text = element_text(n, true);
  return starts_with_ignore_case(text, "by ") || starts_with_ignore_case(text, "written by");
}

// The innermost byline elements first: "author-box" holds a bio, its
// "author-name" only the name (and the climb from it reaches the box anyway).
std::vector<std::string> visible_byline(const PageScan& scan, const NonPersons& np, const Node* headline,
                                        bool is_article) {
  const std::vector<const Node*>& all = scan.bylines;
  for (size_t i = 0; i < all.size(); ++i) {
    const Node* n = all[i];
    if (i + 1 < all.size() && is_inside(all[i + 1], n)) continue;
    if (headline ? !near_headline(n, headline) : !(is_article || is_explicit_byline(n))) continue;
    std::vector<std::string> names = byline_names(n, np);
    if (!names.empty()) return names;
  }
  return {};
}

// citation_author "Roe, Jane" -> "Jane Roe".
std::string natural_order(std::string_view name) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) return std::string(name);
  return collapse_whitespace(std::string(name.substr(comma + 1)) + " " + std::string(name.substr(0, comma)));
}

constexpr std::string_view kAuthorMetaKeys[] = {
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", "citation_author", "byl", "og:article:author",
};

}  // namespace

Sourced<std::vector<std::string>> find_authors(const PageScan& scan, const JsonLdFacts& jsonld,
                                               NonPersons non_persons, const dom::Node* headline) {
  for (const std::string& org : jsonld.organisations) non_persons.names.add(org);

  // A declared Person with a full name may share the site's name: a
  // personal blog. An empty set of non-persons lets it through.
  std::vector<std::string> names;
  for (const JsonLdAuthor& a : jsonld.authors)
    merge_names(names, parse_byline(a.name, a.typed_person && is_full_name(a.name) ? NonPersons() : non_persons));
  if (!names.empty()) return {names, Source::json_ld};
  for (std::string_view key : kAuthorMetaKeys) {
    for (std::string_view value : scan.metas_named(key))
      merge_names(names, parse_byline(key == "citation_author" ? natural_order(value) : std::string(value), non_persons));
    if (!names.empty()) return {names, key.starts_with("article:") ? Source::opengraph : Source::meta};
  }
  names = microdata_authors(scan, non_persons);
  if (!names.empty()) return {names, Source::microdata};
  bool is_article = jsonld.has_article || dom::equals_ignore_case(scan.meta("og:type"), "article");
  return {visible_byline(scan, non_persons, headline, is_article), Source::byline};
}

}  // namespace lede::metadata
