// Article metadata from the page's markup: JSON-LD, OpenGraph and other meta
// tags, <time>, bylines, the URL. Fields without a reliable source stay empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dom/dom.h"

namespace lede::metadata {

struct Metadata {
  std::optional<std::string> title;  // headline, without " | Site" suffixes
  std::vector<std::string> authors;  // person names
  std::optional<std::string> date;   // first published, ISO 8601
  std::optional<std::string> sitename;
  std::optional<std::string> description;
  std::optional<std::string> language;
  std::optional<std::string> url;    // canonical
};

// `page_url` is the address the page was fetched from (may be empty).
Metadata extract(const dom::Document& doc, std::string_view page_url);

}  // namespace lede::metadata
