#include "metadata/page_type.h"

#include <array>
#include <span>

#include "metadata/text.h"
#include "metadata/url.h"

namespace lede::metadata {
namespace {

using dom::Node;
using dom::Tag;

// In order of precedence: a page that declares a forum thread and an
// article is a thread (each post is typed an article by some forums); one
// that declares a product and an article is a product page with a write-up.
enum class Kind { forum, documentation, product, article, listing, none };
constexpr std::array<std::string_view, 5> kKindNames = {"forum", "documentation", "product", "article", "listing"};

// A lower-cased schema.org type, without its prefix.
Kind kind_of_type(std::string_view t) {
  if (t == "discussionforumposting" || t == "qapage") return Kind::forum;
  if (t == "techarticle" || t == "apireference") return Kind::documentation;
  if (t == "product" || t == "productgroup" || t == "productmodel" || t == "individualproduct" || t == "offer" ||
      t == "aggregateoffer")
    return Kind::product;
  if (t.ends_with("article") || t.ends_with("blogposting") || t == "report") return Kind::article;
  if (t == "collectionpage" || t == "itemlist" || t == "searchresultspage") return Kind::listing;
  return Kind::none;
}

Kind strongest(Kind a, Kind b) { return static_cast<int>(a) < static_cast<int>(b) ? a : b; }

Kind kind_of_types(const std::vector<std::string>& types) {
  Kind kind = Kind::none;
  for (const std::string& t : types) kind = strongest(kind, kind_of_type(t));
  return kind;
}

std::string_view bare_type(std::string_view type) {
  size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

// Types of microdata items that are no property of another item.
std::vector<std::string> microdata_types(const dom::Document& doc) {
  std::vector<std::string> types;
  for (Node* n : dom::subtree(doc.root()))
    if (n->is_element() && n->has_attr("itemscope") && !n->has_attr("itemprop") && n->has_attr("itemtype"))
      types.push_back(to_lower_ascii(bare_type(trim(n->attr("itemtype")))));
  return types;
}

Kind kind_of_og_type(std::string_view og_type, bool dated) {
  std::string t = to_lower_ascii(og_type);
  if ((t == "article" || t.starts_with("article:")) && dated) return Kind::article;
  if (t == "product.group") return Kind::listing;  // a collection of products
  if (t == "product" || t == "product.item" || t == "og:product") return Kind::product;
  return Kind::none;
}

// Software that only ever builds one kind of page names itself in the
// generator meta: "Discourse 3.4.0", "mkdocs-1.6.1".
constexpr std::string_view kForumSoftware[] = {"discourse", "vbulletin",  "phpbb", "xenforo", "mybb",
                                               "simple machines", "flarum", "invision", "nodebb"};
constexpr std::string_view kDocumentationSoftware[] = {"sphinx",   "mkdocs",  "docusaurus", "gitbook", "rustdoc",
                                                       "vitepress", "docfx",  "doxygen",    "javadoc", "starlight",
                                                       "nextra",   "antora",  "mdbook",     "docutils"};

bool mentions_any(std::string_view text, std::span<const std::string_view> names) {
  for (std::string_view name : names)
    if (contains_ignore_case(text, name)) return true;
  return false;
}

Kind kind_of_generator(const PageScan& scan) {
  for (std::string_view generator : scan.metas_named("generator")) {
    if (mentions_any(generator, kForumSoftware)) return Kind::forum;
    if (mentions_any(generator, kDocumentationSoftware)) return Kind::documentation;
  }
  return Kind::none;
}

// Paths that forum software and documentation sites use by convention.
constexpr std::string_view kForumPathParts[] = {"/viewtopic.php", "/showthread.php", "/threads/", "/showtopic",
                                                "/topic/"};
constexpr std::string_view kDocumentationSegments[] = {"docs", "doc", "documentation", "manual", "reference", "api"};

bool has_segment(std::string_view path, std::string_view segment) {
  for (size_t at = path.find(segment); at != std::string_view::npos; at = path.find(segment, at + 1)) {
    bool starts = at > 0 && path[at - 1] == '/';
    size_t end = at + segment.size();
    if (starts && (end == path.size() || path[end] == '/')) return true;
  }
  return false;
}

Kind kind_of_address(std::string_view address) {
  std::string_view host = url_host(address);
  if (host.empty()) return Kind::none;
  std::string path = to_lower_ascii(address.substr(address.find(host) + host.size()));
  path = path.substr(0, path.find_first_of("?#"));
  for (std::string_view part : kForumPathParts)
    if (path.find(part) != std::string::npos) return Kind::forum;
  for (std::string_view segment : kDocumentationSegments)
    if (has_segment(path, segment)) return Kind::documentation;
  if (starts_with_ignore_case(host, "docs.") || starts_with_ignore_case(host, "doc.")) return Kind::documentation;
  return Kind::none;
}

Sourced<std::string> named(Kind kind, Source source) {
  return {std::string(kKindNames[static_cast<size_t>(kind)]), source};
}

}  // namespace

std::optional<Sourced<std::string>> find_page_type(const dom::Document& doc, const PageScan& scan,
                                                   const JsonLdFacts& jsonld, std::string_view address, bool dated) {
  if (Kind kind = kind_of_types(jsonld.top_level_types); kind != Kind::none) return named(kind, Source::json_ld);
  if (Kind kind = kind_of_types(microdata_types(doc)); kind != Kind::none) return named(kind, Source::microdata);
  if (Kind kind = kind_of_og_type(scan.meta("og:type"), dated); kind != Kind::none)
    return named(kind, Source::opengraph);
  if (Kind kind = kind_of_generator(scan); kind != Kind::none) return named(kind, Source::meta);
  if (Kind kind = kind_of_address(address); kind != Kind::none) return named(kind, Source::url);
  return std::nullopt;
}

}  // namespace lede::metadata
