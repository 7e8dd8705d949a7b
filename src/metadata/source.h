// Where a metadata value came from, so that users can filter by trust.
#pragma once

#include <string_view>

namespace lede::metadata {

enum class Source { json_ld, opengraph, meta, microdata, time_element, byline, url, html, text };

// "json-ld", "opengraph", ... as the JSON output spells them.
std::string_view source_name(Source source);

template <class T>
struct Sourced {
  T value;
  Source source;
};

}  // namespace lede::metadata
