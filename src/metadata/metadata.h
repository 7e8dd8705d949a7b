// Article metadata from the page's markup: JSON-LD, OpenGraph and other meta
// tags, <time>, bylines, the URL. Fields without a reliable source stay empty;
// every field with a value records where it came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dom/dom.h"
#include "metadata/source.h"

namespace lede::metadata {

struct Metadata {
  std::optional<std::string> title;  // headline, without " | Site" suffixes
  std::optional<std::string> subtitle;
  std::vector<std::string> authors;  // person names
  std::optional<std::string> date;   // first published, ISO 8601
  std::optional<std::string> date_modified;
  std::optional<std::string> sitename;
  std::optional<std::string> description;
  std::optional<std::string> language;
  std::optional<std::string> url;    // canonical
  std::optional<std::string> image;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::optional<std::string> license;
  std::optional<std::string> page_type;
  // What the page's JSON-LD says of the product it sells, for selection to
  // find in the page: no field of the article.
  std::string product_description;
  // (field name, source) for each field with a value, in field order.
  std::vector<std::pair<std::string_view, Source>> sources;
};

struct MetadataOptions {
  std::string_view page_url;  // the address the page was fetched from (may be empty)
  bool guess = false;         // also read dates and bylines from running text
};

Metadata extract(const dom::Document& doc, const MetadataOptions& options);

}  // namespace lede::metadata
