// The headline as a reader sees it: the <h1> when it agrees with what the
// meta tags claim, otherwise the best meta title with the site name cut off.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dom/dom.h"
#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"
#include "metadata/text.h"

namespace lede::metadata {

struct TitleChoice {
  std::optional<std::string> title;
  const dom::Node* heading = nullptr;  // the headline element, when known
  Source source = Source::html;
};

TitleChoice find_title(const PageScan& scan, const JsonLdFacts& jsonld, const NameSet& site_names);

// "Headline | Site" -> "Headline" when "Site" is one of `site_names` (or,
// failing that, looks like a site name after a strong separator).
std::string strip_site_name(std::string_view title, const NameSet& site_names);

}  // namespace lede::metadata
