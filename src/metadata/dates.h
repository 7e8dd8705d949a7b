// Dates as publishers write them, to ISO 8601. Results are "YYYY-MM-DD", or
// "YYYY-MM-DDTHH:MM:SS+HH:MM" when the time and its offset are both known.
// Every result lies between 1995-01-01 and two days after now (the clock at
// run time); anything else is no date at all. Relative dates ("2 hours ago",
// "vor 2 Stunden") are never turned into dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lede::metadata {

// How to read an ambiguous "03/04/2024".
enum class DayOrder { month_first, day_first };

// A calendar date with the time and UTC offset when the page gave them.
struct CalendarDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC
  // Written as "03/04/2024": day and month could be read the other way.
  bool order_guessed = false;

  // "2024-05-31" or "2024-05-31T09:04:00+02:00".
  std::string iso() const;
  bool same_day(const CalendarDate& other) const;
  // Days from `other` to this date (calendar days, times ignored).
  int days_after(const CalendarDate& other) const;
  // The same date with day and month exchanged, when that is a valid date.
  std::optional<CalendarDate> swapped() const;
  // The same instant expressed at another UTC offset (needs time and offset).
  CalendarDate at_offset(int offset_minutes) const;
  // Seconds since the epoch; only meaningful with time and offset.
  long long epoch_seconds() const;
};

// A date given as a value: a meta content, JSON-LD or <time datetime>. The
// whole value should be the date (ISO 8601, RFC 822, "31 May 2024", ...).
std::optional<CalendarDate> read_date_value(std::string_view value, DayOrder order = DayOrder::month_first);

// The first complete date (day, month and year) in free text such as a
// byline ("Published on 31. Mai 2024, 10:04 CET"), with its time when one
// follows it.
std::optional<CalendarDate> read_date_in_text(std::string_view text, DayOrder order = DayOrder::month_first);

// False when `text` holds no date for the two above to read: every date they
// read has a four-digit year. A cheap test before the text is tokenized.
bool may_hold_date(std::string_view text);

// The same two as ISO strings, empty when there is no plausible date.
// find_date_in_text keeps the day only.
std::string parse_date_value(std::string_view value, DayOrder order = DayOrder::month_first);
std::string find_date_in_text(std::string_view text, DayOrder order = DayOrder::month_first);

// Lower case for ASCII, Latin-1, Latin Extended-A and Cyrillic letters: for
// comparing words like "März", "Şubat", "Обновлено" without case.
std::string fold_case(std::string_view s);

// True for month names and abbreviations of the languages read above, and
// for weekday names ("May", "mai", "Sept", "Monday"): words that belong to a
// date rather than to a name. Case-insensitive.
bool is_calendar_word(std::string_view word);

// A date in the URL path: /2024/05/31/, /2024-05-31-, /20240531/,
// /2023/october/03/.
std::optional<CalendarDate> date_from_url(std::string_view url);

}  // namespace lede::metadata
