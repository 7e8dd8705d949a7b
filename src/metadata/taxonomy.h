// How the publisher files the page: its tags (keywords) and its categories
// (sections), from JSON-LD, article:* meta and keyword meta tags.
#pragma once

#include <string>
#include <vector>

#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/source.h"

namespace lede::metadata {

// Trimmed, without duplicates (case-insensitive), at most kMaxTerms; an
// empty value when no source names any.
Sourced<std::vector<std::string>> find_tags(const PageScan& scan, const JsonLdFacts& jsonld);
Sourced<std::vector<std::string>> find_categories(const PageScan& scan, const JsonLdFacts& jsonld);

inline constexpr size_t kMaxTerms = 30;

}  // namespace lede::metadata
