#include "metadata/dates.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

std::string url_date(std::string_view url) {
  std::optional<CalendarDate> date = date_from_url(url);
  return date ? date->iso() : "";
}

// "YYYY-MM-DD" `days` from today by the system clock.
std::string days_from_today(int days) {
  using namespace std::chrono;
  year_month_day d{floor<std::chrono::days>(system_clock::now()) + std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

TEST(DateValue, ReadsIsoDatesWithAndWithoutTime) {
  EXPECT_EQ(parse_date_value("2024-05-31"), "2024-05-31");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00+02:00"), "2024-05-31T09:04:00+02:00");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00.123Z"), "2024-05-31T09:04:00+00:00");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00-0500"), "2024-05-31T09:04:00-05:00");
  EXPECT_EQ(parse_date_value("2024-05-31 09:04"), "2024-05-31");  // no offset: day only
  EXPECT_EQ(parse_date_value("2024/05/31"), "2024-05-31");
  EXPECT_EQ(parse_date_value("20240531"), "2024-05-31");
}

TEST(DateValue, ReadsTheIssuesExamples) {
  EXPECT_EQ(parse_date_value("Friday 31 May 2024 09:04 BST"), "2024-05-31T09:04:00+01:00");
  EXPECT_EQ(parse_date_value("31.05.2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("May 31, 2024 at 9:04 a.m. ET"), "2024-05-31T09:04:00-04:00");
  EXPECT_EQ(parse_date_value("2024-05-31T08:04:00Z"), "2024-05-31T08:04:00+00:00");
}

TEST(DateValue, ReadsRfc822AndJavaScriptDates) {
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 GMT"), "2024-05-31T09:04:00+00:00");
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 +0200"), "2024-05-31T09:04:00+02:00");
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 EDT"), "2024-05-31T09:04:00-04:00");
  EXPECT_EQ(parse_date_value("Fri May 31 2024 09:04:00 GMT+0200 (Central European Summer Time)"),
            "2024-05-31T09:04:00+02:00");
}

TEST(DateValue, GivesUsZonesTheirSummerOrWinterOffset) {
  EXPECT_EQ(parse_date_value("December 5, 2024 at 9:04 p.m. ET"), "2024-12-05T21:04:00-05:00");
  // 2024: summer time from Sunday March 10 to Sunday November 3.
  EXPECT_EQ(parse_date_value("March 9, 2024 10:00 PT"), "2024-03-09T10:00:00-08:00");
  EXPECT_EQ(parse_date_value("March 10, 2024 10:00 PT"), "2024-03-10T10:00:00-07:00");
  EXPECT_EQ(parse_date_value("November 2, 2024 10:00 CT"), "2024-11-02T10:00:00-05:00");
  EXPECT_EQ(parse_date_value("November 3, 2024 10:00 CT"), "2024-11-03T10:00:00-06:00");
}

TEST(DateValue, KeepsOnlyTheDayWhenTheZoneIsAmbiguous) {
  EXPECT_EQ(parse_date_value("31 May 2024 09:04 IST"), "2024-05-31");  // India, Ireland or Israel
}

TEST(DateValue, ReadsTwelveHourClocks) {
  EXPECT_EQ(parse_date_value("May 31, 2024 12:30 am GMT"), "2024-05-31T00:30:00+00:00");
  EXPECT_EQ(parse_date_value("May 31, 2024 12:30 PM GMT"), "2024-05-31T12:30:00+00:00");
  EXPECT_EQ(parse_date_value("May 31, 2024 1:30 p.m. GMT"), "2024-05-31T13:30:00+00:00");
}

TEST(DateValue, ReadsWrittenEnglishDates) {
  EXPECT_EQ(parse_date_value("31 May 2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("May 31, 2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("Sept. 3rd, 2024"), "2024-09-03");
  EXPECT_EQ(parse_date_value("3rd of September 2024"), "2024-09-03");
  EXPECT_EQ(parse_date_value("2023 Jan 7"), "2023-01-07");  // citation style
}

TEST(DateValue, ReadsMonthNamesOfOtherLanguages) {
  EXPECT_EQ(parse_date_value("31. Mai 2024"), "2024-05-31");       // de
  EXPECT_EQ(parse_date_value("12. März 2024"), "2024-03-12");      // de
  EXPECT_EQ(parse_date_value("1er février 2024"), "2024-02-01");   // fr
  EXPECT_EQ(parse_date_value("5 de mayo de 2024"), "2024-05-05");  // es
  EXPECT_EQ(parse_date_value("21 settembre 2024"), "2024-09-21");  // it
  EXPECT_EQ(parse_date_value("7 de março de 2024"), "2024-03-07"); // pt
  EXPECT_EQ(parse_date_value("14 oktober 2024"), "2024-10-14");    // nl
  EXPECT_EQ(parse_date_value("31 maj 2024"), "2024-05-31");        // sv
  EXPECT_EQ(parse_date_value("31 maja 2024"), "2024-05-31");       // pl
  EXPECT_EQ(parse_date_value("31. května 2024"), "2024-05-31");    // cs
  EXPECT_EQ(parse_date_value("3 Şubat 2024"), "2024-02-03");       // tr, capital non-ASCII letter
  EXPECT_EQ(parse_date_value("2024. május 31."), "2024-05-31");    // hu
  EXPECT_EQ(parse_date_value("31 Мая 2024"), "2024-05-31");        // ru
  EXPECT_EQ(parse_date_value("31 травня 2024"), "2024-05-31");     // uk
  EXPECT_EQ(parse_date_value("2024年5月31日"), "2024-05-31");      // ja, zh
  EXPECT_EQ(parse_date_value("2024년 5월 31일"), "2024-05-31");    // ko
}

TEST(DateValue, ReadsNumericDatesInTheRightOrder) {
  EXPECT_EQ(parse_date_value("31.05.2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("05/31/2024"), "2024-05-31");  // only one reading
  EXPECT_EQ(parse_date_value("31/05/2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("03/04/2024", DayOrder::month_first), "2024-03-04");
  EXPECT_EQ(parse_date_value("03/04/2024", DayOrder::day_first), "2024-04-03");
}

TEST(DateValue, MarksOnlyTrulyAmbiguousReadings) {
  EXPECT_TRUE(read_date_value("03/04/2024")->order_guessed);
  EXPECT_FALSE(read_date_value("05/31/2024")->order_guessed);
  EXPECT_FALSE(read_date_value("03.04.2024")->order_guessed);  // dots: always day first
  EXPECT_FALSE(read_date_value("04/04/2024")->order_guessed);
}

TEST(DateValue, InventsNoDateFromRelativeTimes) {
  for (std::string_view relative : {"2 hours ago", "vor 2 Stunden", "yesterday", "gestern", "il y a 3 jours",
                                    "hace 2 días", "Today at 6:23 PM", "1 week ago"})
    EXPECT_EQ(parse_date_value(relative), "") << relative;
}

TEST(DateValue, RejectsImpossibleAndOutOfRangeDates) {
  EXPECT_EQ(parse_date_value("1994-12-31"), "");
  EXPECT_EQ(parse_date_value("1995-01-01"), "1995-01-01");
  EXPECT_EQ(parse_date_value("2024-02-30"), "");
  EXPECT_EQ(parse_date_value("2024-13-01"), "");
  EXPECT_EQ(parse_date_value("2024-05-31T25:00:00Z"), "");
  EXPECT_EQ(parse_date_value("May 2024"), "");  // no day
}

TEST(DateValue, AcceptsUpToTwoDaysAfterTodayAndNoMore) {
  EXPECT_EQ(parse_date_value(days_from_today(0)), days_from_today(0));
  EXPECT_EQ(parse_date_value(days_from_today(2)), days_from_today(2));
  EXPECT_EQ(parse_date_value(days_from_today(3)), "");
  EXPECT_EQ(parse_date_value("2999-01-01"), "");
}

TEST(DateText, FindsTheDateInsideABylineAndKeepsTheDay) {
  EXPECT_EQ(find_date_in_text("By Jane Roe | Published on May 31, 2024 at 9:04 am"), "2024-05-31");
  EXPECT_EQ(find_date_in_text("Veröffentlicht am 31.05.2024, 10:04 Uhr"), "2024-05-31");
  EXPECT_EQ(find_date_in_text("Call 555-1234 or read 17 reasons"), "");
  EXPECT_EQ(find_date_in_text("Order 20240531-0042 shipped"), "");  // an id, not a date
}

TEST(CalendarDateArithmetic, ExpressesOneMomentAtAnotherOffset) {
  CalendarDate utc = *read_date_value("2025-12-19T03:05:00Z");
  EXPECT_EQ(utc.at_offset(-8 * 60).iso(), "2025-12-18T19:05:00-08:00");
  EXPECT_EQ(utc.at_offset(9 * 60).iso(), "2025-12-19T12:05:00+09:00");
  EXPECT_EQ(utc.at_offset(-8 * 60).epoch_seconds(), utc.epoch_seconds());
}

TEST(CalendarDateArithmetic, CountsDaysAndSwapsDayAndMonth) {
  CalendarDate a = *read_date_value("2024-03-01"), b = *read_date_value("2024-02-28");
  EXPECT_EQ(a.days_after(b), 2);  // leap year
  EXPECT_EQ(read_date_value("2024-03-10")->swapped()->iso(), "2024-10-03");
  EXPECT_FALSE(read_date_value("2024-03-13")->swapped());
}

TEST(DateUrl, FindsDatesInThePath) {
  EXPECT_EQ(url_date("https://example.com/2024/05/31/story"), "2024-05-31");
  EXPECT_EQ(url_date("https://example.com/news/2024-05-31-story.html"), "2024-05-31");
  EXPECT_EQ(url_date("https://example.com/20240531/story"), "2024-05-31");
  EXPECT_EQ(url_date("https://example.com/blog/2023/october/03/story/"), "2023-10-03");
  EXPECT_EQ(url_date("https://example.com/2024/05/story"), "");      // no day
  EXPECT_EQ(url_date("https://example.com/2024/x/05/31"), "");      // not one date
  EXPECT_EQ(url_date("https://example.com/p/12345678"), "");        // an id
  EXPECT_EQ(url_date("https://example.com/item/a20240531"), "");    // part of an id
  EXPECT_EQ(url_date("https://20240531.example.com/story"), "");    // the host
  EXPECT_EQ(url_date("https://example.com/story?d=2024-05-31"), "");  // the query
}

TEST(DateCalendarWords, KnowsMonthsAndWeekdays) {
  EXPECT_TRUE(is_calendar_word("Sept."));
  EXPECT_TRUE(is_calendar_word("mai"));
  EXPECT_TRUE(is_calendar_word("Monday"));
  EXPECT_TRUE(is_calendar_word("Października"));
  EXPECT_FALSE(is_calendar_word("Jane"));
}

// The test that lets readers skip a text: only a year's four digits matter,
// wherever they stand, since whitespace is collapsed before dates are read.
TEST(DateMayHoldDate, NeedsFourDigits) {
  EXPECT_TRUE(may_hold_date("Posted 31. Mai 2024"));
  EXPECT_TRUE(may_hold_date("20\u200b24-05-31"));
  EXPECT_FALSE(may_hold_date("May 3, 24"));
  EXPECT_FALSE(may_hold_date("Updated yesterday"));
  EXPECT_FALSE(read_date_in_text("May 3, 24"));
  EXPECT_EQ(parse_date_value("2024-05-31"), "2024-05-31");
}

}  // namespace
}  // namespace lede::metadata
