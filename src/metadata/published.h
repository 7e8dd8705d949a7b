// The article's dates: when it was first published and when it was last
// revised, each from the strongest source that has a plausible one: JSON-LD,
// meta tags, microdata, <time> and datelines by the headline, the URL.
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

struct PageDates {
  // First published; when the page states only a revision date by its
  // headline ("Updated March 3, 2024"), that date, as the only one readers see.
  std::optional<Sourced<std::string>> published;
  std::optional<Sourced<std::string>> modified;  // never before `published`
};

// With `guess`, a date in the article's running text is a last resort.
PageDates find_dates(const PageScan& scan, const JsonLdFacts& jsonld, const dom::Node* headline,
                     std::string_view url, DayOrder order, bool guess);

}  // namespace lede::metadata
