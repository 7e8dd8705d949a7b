// The article's fields as JSON members, for writers that put fields of their
// own around them (the crawl pipeline's records).
#pragma once

#include <string_view>

#include "lede/lede.h"
#include "render/json_writer.h"

namespace lede::render {

// Writes the article's members, in the order of to_json, into the object
// `json` has open. `url_key` names the canonical URL's member: "url", or
// "canonical_url" where the record's own "url" (the crawled address) came first.
void article_fields(JsonWriter& json, const Article& article, std::string_view url_key);

}  // namespace lede::render
