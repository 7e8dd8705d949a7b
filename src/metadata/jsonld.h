// What the page's schema.org JSON-LD says about the article: the main
// Article-like entity (NewsArticle, BlogPosting, ...), found through @graph,
// arrays and @id references, plus the site's WebSite and Organization names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede::metadata {

struct JsonLdAuthor {
  std::string name;
  bool typed_person = false;  // declared "@type": "Person", not just a string
};

struct JsonLdFacts {
  bool has_article = false;     // an Article-like main entity was found
  std::string headline;         // of the article entity
  std::vector<JsonLdAuthor> authors;       // Person (or untyped) authors
  std::vector<std::string> organisations;  // names that are not persons
  std::string date_published;   // raw values, as written
  std::string date_modified;
  std::string page_date_published;  // of a WebPage entity: weaker evidence
  std::string description;
  std::string publisher;        // publisher name
  std::string website;          // WebSite name
};

JsonLdFacts read_jsonld(const std::vector<std::string_view>& scripts);

}  // namespace lede::metadata
