// Bylines and datelines among a document's opening lines. The one place
// where the cleaner calls the metadata stage's helpers (names and dates).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede::clean {

// The person names of `line` when it reads as a byline ("By Jane Roe",
// "Anna Novak, Peter Grant"): every word a name, a prefix, a date or a
// separator. `near_date`: a dateline is next to it, which makes a single
// bare name credible.
std::vector<std::string> byline_authors(std::string_view line, bool near_date);

// The date of a short line that is mostly a date, as ISO 8601: the day, and
// the time with its offset when the line gives both ("Tuesday 4 June 2024
// 17:30 CEST" -> "2024-06-04T17:30:00+02:00"); empty if none.
std::string dateline_date(std::string_view line);

}  // namespace lede::clean
