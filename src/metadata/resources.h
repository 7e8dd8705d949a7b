// What the page points to about itself: its lead image and its licence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"

namespace lede::metadata {

// og:image, twitter:image or the JSON-LD image, made absolute against
// `base` (the canonical or fetched address).
std::optional<Sourced<std::string>> find_image(const PageScan& scan, const JsonLdFacts& jsonld,
                                               std::string_view base);

// The licence's URL (absolute when it is a link) or, failing that, its name:
// JSON-LD license, <link rel=license>, <a rel=license> or a link to a
// Creative Commons licence, meta license or dc.rights.
std::optional<Sourced<std::string>> find_license(const PageScan& scan, const JsonLdFacts& jsonld,
                                                 std::string_view base);

}  // namespace lede::metadata
