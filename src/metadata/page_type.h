// What kind of page this is: article, listing, product, forum, documentation
// or other. Schema.org types (JSON-LD or microdata) and og:type decide when
// the page declares them; otherwise its structure may, conservatively
// (no answer when unsure): the generator meta of forum and documentation
// software, and the URL conventions of both (viewtopic.php, /docs/).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dom/dom.h"
#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"

namespace lede::metadata {

// `address` is the page's canonical or fetched URL; `dated` tells whether the
// page has a publication date (an og:type of "article" without one is often
// a CMS default on every page).
std::optional<Sourced<std::string>> find_page_type(const dom::Document& doc, const PageScan& scan,
                                                   const JsonLdFacts& jsonld, std::string_view address, bool dated);

}  // namespace lede::metadata
