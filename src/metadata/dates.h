// Dates as publishers write them, to ISO 8601. Results are "YYYY-MM-DD", or
// "YYYY-MM-DDTHH:MM:SS+HH:MM" when the time and its offset are both known.
// Every result lies between 1995-01-01 and today; anything else is empty.
#pragma once

#include <string>
#include <string_view>

namespace lede::metadata {

// How to read an ambiguous "03/04/2024".
enum class DayOrder { month_first, day_first };

// A date given as a value: a meta content, JSON-LD or <time datetime>. The
// whole value should be the date (ISO 8601, RFC 822, "31 May 2024", ...).
std::string parse_date_value(std::string_view value, DayOrder order = DayOrder::month_first);

// The first complete date (day, month and year) in free text such as a
// byline: "Published on 31. Mai 2024, 10:04". Day precision only.
std::string find_date_in_text(std::string_view text, DayOrder order = DayOrder::month_first);

// True for month names and abbreviations of the languages read above, and
// for weekday names ("May", "mai", "Sept", "Monday"): words that belong to a
// date rather than to a name. Case-insensitive.
bool is_calendar_word(std::string_view word);

// A date in the URL path: /2024/05/31/, /2024-05-31-, /20240531/.
std::string date_from_url(std::string_view url);

}  // namespace lede::metadata
