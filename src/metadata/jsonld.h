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
  bool organisation = false;  // declared an Organization: an author only
                              // when no person is named
};

struct JsonLdFacts {
  bool has_article = false;     // an Article-like main entity was found
  std::string headline;         // of the article entity
  std::vector<JsonLdAuthor> authors;       // Person, untyped and Organization authors
  std::vector<std::string> organisations;  // names that are not persons
  std::string date_published;   // raw values, as written
  std::string date_modified;
  std::string page_date_published;  // of a WebPage entity: weaker evidence
  std::string description;
  std::string publisher;        // publisher name
  std::string website;          // WebSite name
  // Of the article entity, or else of the page or product the page is about:
  std::string alternative_headline;
  std::string image;                  // the first image URL, as written
  std::vector<std::string> keywords;  // as written: strings, maybe comma lists
  std::vector<std::string> sections;  // articleSection
  std::string license;                // URL or name
  std::string product_description;    // of the main Product entity, as written
  // Lower-cased @type of every entity not nested in another (WebPage aside),
  // in document order: what the page says it is.
  std::vector<std::string> top_level_types;
};

JsonLdFacts read_jsonld(const std::vector<std::string_view>& scripts);

}  // namespace lede::metadata
