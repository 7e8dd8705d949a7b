// Person names out of the strings publishers put where an author goes:
// meta values, JSON-LD names, visible bylines. Prefixes ("By", "von"), job
// titles, dates, contact details and site names are cut away.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metadata/text.h"

namespace lede::metadata {

// Names an author must not have.
struct NonPersons {
  NameSet names;  // the site, its publisher, organisations
  NameSet hosts;  // the host's names: people own domains named after them,
                  // so only a one-word author ("Whova") is the host's

  bool matches(std::string_view name) const;
};

// The person names in one author value or byline:
// "By Jane Roe and John Doe | 31 May 2024" -> {"Jane Roe", "John Doe"}.
std::vector<std::string> parse_byline(std::string_view raw, const NonPersons& non_persons);

// Adds `names` not yet in `out`; a name inside a longer one ("Jane" and "Jane
// Roe") counts as present, and the longer one is kept.
void merge_names(std::vector<std::string>& out, const std::vector<std::string>& names);

// Page text offers "Save as PDF" or "Recent" where a byline might be: there,
// only names written like names count (two or more capitalised words).
bool looks_like_written_name(std::string_view name);

// Written like a name and not opening with a role ("Staff Writer").
bool is_full_name(std::string_view name);

}  // namespace lede::metadata
