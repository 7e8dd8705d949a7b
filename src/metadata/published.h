// The article's first-published date, from the strongest source that has a
// plausible one: JSON-LD, meta tags, microdata, <time> and dated elements by
// the headline, and finally the URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dom/dom.h"
#include "metadata/dates.h"
#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"

namespace lede::metadata {

std::optional<Sourced<std::string>> find_published_date(const PageScan& scan, const JsonLdFacts& jsonld,
                                               const dom::Node* headline, std::string_view url,
                                               DayOrder order);

}  // namespace lede::metadata
