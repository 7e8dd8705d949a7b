// Person names of the article's authors, from JSON-LD, meta tags, microdata
// and visible bylines, cleaned of prefixes, job titles, dates and site names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/dom.h"
#include "metadata/byline.h"
#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"

namespace lede::metadata {

// JSON-LD persons first, then meta tags, microdata, and visible bylines
// (near `headline`, when it is known); on a `forum_thread`, the opening
// post's user name last. JSON-LD organisations join `non_persons`.
Sourced<std::vector<std::string>> find_authors(const PageScan& scan, const JsonLdFacts& jsonld,
                                      NonPersons non_persons, const dom::Node* headline, bool forum_thread);

}  // namespace lede::metadata
