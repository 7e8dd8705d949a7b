#include "metadata/dates.h"

#include <gtest/gtest.h>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

TEST(DateValue, ReadsIsoDatesWithAndWithoutTime) {
  EXPECT_EQ(parse_date_value("2024-05-31"), "2024-05-31");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00+02:00"), "2024-05-31T09:04:00+02:00");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00.123Z"), "2024-05-31T09:04:00+00:00");
  EXPECT_EQ(parse_date_value("2024-05-31T09:04:00-0500"), "2024-05-31T09:04:00-05:00");
  EXPECT_EQ(parse_date_value("2024-05-31 09:04"), "2024-05-31");  // no offset: day only
  EXPECT_EQ(parse_date_value("2024/05/31"), "2024-05-31");
  EXPECT_EQ(parse_date_value("20240531"), "2024-05-31");
}

TEST(DateValue, ReadsRfc822) {
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 GMT"), "2024-05-31T09:04:00+00:00");
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 +0200"), "2024-05-31T09:04:00+02:00");
  EXPECT_EQ(parse_date_value("Fri, 31 May 2024 09:04:00 EDT"), "2024-05-31T09:04:00-04:00");
}

TEST(DateValue, ReadsWrittenEnglishDates) {
  EXPECT_EQ(parse_date_value("31 May 2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("May 31, 2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("Sept. 3rd, 2024"), "2024-09-03");
  EXPECT_EQ(parse_date_value("3rd of September 2024"), "2024-09-03");
}

TEST(DateValue, ReadsMonthNamesOfOtherLanguages) {
  EXPECT_EQ(parse_date_value("31. Mai 2024"), "2024-05-31");       // de
  EXPECT_EQ(parse_date_value("12. März 2024"), "2024-03-12");      // de
  EXPECT_EQ(parse_date_value("1er février 2024"), "2024-02-01");   // fr
  EXPECT_EQ(parse_date_value("5 de mayo de 2024"), "2024-05-05");  // es
  EXPECT_EQ(parse_date_value("21 settembre 2024"), "2024-09-21");  // it
  EXPECT_EQ(parse_date_value("7 de março de 2024"), "2024-03-07"); // pt
  EXPECT_EQ(parse_date_value("14 oktober 2024"), "2024-10-14");    // nl
}

TEST(DateValue, ReadsNumericDatesInTheRightOrder) {
  EXPECT_EQ(parse_date_value("31.05.2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("05/31/2024"), "2024-05-31");  // only one reading
  EXPECT_EQ(parse_date_value("31/05/2024"), "2024-05-31");
  EXPECT_EQ(parse_date_value("03/04/2024", DayOrder::month_first), "2024-03-04");
  EXPECT_EQ(parse_date_value("03/04/2024", DayOrder::day_first), "2024-04-03");
}

TEST(DateValue, RejectsImplausibleAndRelativeDates) {
  EXPECT_EQ(parse_date_value("2 hours ago"), "");
  EXPECT_EQ(parse_date_value("yesterday"), "");
  EXPECT_EQ(parse_date_value("1994-12-31"), "");
  EXPECT_EQ(parse_date_value("2099-01-01"), "");
  EXPECT_EQ(parse_date_value("2024-02-30"), "");
  EXPECT_EQ(parse_date_value("2024-13-01"), "");
  EXPECT_EQ(parse_date_value("May 2024"), "");  // no day
}

TEST(DateText, FindsTheDateInsideABylineAndKeepsTheDay) {
  EXPECT_EQ(find_date_in_text("By Jane Roe | Published on May 31, 2024 at 9:04 am"), "2024-05-31");
  EXPECT_EQ(find_date_in_text("Veröffentlicht am 31.05.2024, 10:04 Uhr"), "2024-05-31");
  EXPECT_EQ(find_date_in_text("Call 555-1234 or read 17 reasons"), "");
}

TEST(DateUrl, FindsDatesInThePath) {
  EXPECT_EQ(date_from_url("https://example.com/2024/05/31/story"), "2024-05-31");
  EXPECT_EQ(date_from_url("https://example.com/news/2024-05-31-story.html"), "2024-05-31");
  EXPECT_EQ(date_from_url("https://example.com/20240531/story"), "2024-05-31");
  EXPECT_EQ(date_from_url("https://example.com/2024/05/story"), "");      // no day
  EXPECT_EQ(date_from_url("https://example.com/2024/x/05/31"), "");      // not one date
  EXPECT_EQ(date_from_url("https://example.com/p/12345678"), "");        // an id
  EXPECT_EQ(date_from_url("https://20240531.example.com/story"), "");    // the host
}

TEST(DateCalendarWords, KnowsMonthsAndWeekdays) {
  EXPECT_TRUE(is_calendar_word("Sept."));
  EXPECT_TRUE(is_calendar_word("mai"));
  EXPECT_TRUE(is_calendar_word("Monday"));
  EXPECT_FALSE(is_calendar_word("Jane"));
}

using test::jsonld;
using test::metadata_of;
using test::page;

TEST(PublishedDate, PrefersJsonLdPublishedOverEverythingElse) {
  std::string html = page(jsonld(R"({"@type": "NewsArticle", "headline": "H",
                                     "datePublished": "2024-05-01T08:00:00+02:00",
                                     "dateModified": "2024-06-01T08:00:00+02:00"})") +
                          R"(<meta property="article:published_time" content="2024-04-01">)");
  EXPECT_EQ(metadata_of(html).date, "2024-05-01T08:00:00+02:00");
}

TEST(PublishedDate, NeverReportsTheModifiedDate) {
  std::string html = page(R"(<meta property="article:modified_time" content="2024-06-01">)",
                          "<h1>Headline</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html, "https://example.com/a").date, std::nullopt);
}

TEST(PublishedDate, ReadsMetaTagsInOrderOfStrength) {
  std::string html = page(R"(<meta name="date" content="2024-03-01">
                             <meta name="citation_publication_date" content="2024/02/01">)");
  EXPECT_EQ(metadata_of(html).date, "2024-02-01");
}

TEST(PublishedDate, ReadsTimeElementsBesideTheHeadline) {
  std::string html = page("<title>Big news</title>",
                          "<article><h1>Big news</h1><p class=meta><time datetime=\"2024-05-31\">May 31</time></p>"
                          "<p>Text.</p></article>");
  EXPECT_EQ(metadata_of(html).date, "2024-05-31");
}

TEST(PublishedDate, IgnoresDatesInCommentsAndSidebars) {
  std::string html = page("<title>Big news</title>",
                          "<article><h1>Big news</h1><p>Text.</p></article>"
                          "<aside><time datetime=\"2024-01-02\">Jan 2</time></aside>"
                          "<div class=comments><time datetime=\"2024-01-03\">Jan 3</time></div>");
  EXPECT_EQ(metadata_of(html, "https://example.com/a").date, std::nullopt);
}

TEST(PublishedDate, ReadsADateWrittenUnderTheHeadline) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><div><span>Nov 21, 2018</span> <span>- Updated July 9, 2025</span></div>"
                          "<p>Text.</p>");
  EXPECT_EQ(metadata_of(html).date, "2018-11-21");
}

TEST(PublishedDate, RejectsFutureAndRelativeDates) {
  std::string future = page(R"(<meta property="article:published_time" content="2999-01-01T00:00:00Z">)");
  EXPECT_EQ(metadata_of(future, "https://example.com/a").date, std::nullopt);
  std::string relative = page("<title>Big news</title>", "<h1>Big news</h1><time>2 hours ago</time>");
  EXPECT_EQ(metadata_of(relative, "https://example.com/a").date, std::nullopt);
}

TEST(PublishedDate, FallsBackToTheUrl) {
  EXPECT_EQ(metadata_of(page(""), "https://example.com/2023/11/07/slug/").date, "2023-11-07");
}

TEST(PublishedDate, ReadsAmbiguousDatesByPageLanguage) {
  std::string british = R"(<html lang="en-GB"><head><meta name="date" content="03/04/2024"></head></html>)";
  std::string american = R"(<html lang="en-US"><head><meta name="date" content="03/04/2024"></head></html>)";
  EXPECT_EQ(metadata_of(british).date, "2024-04-03");
  EXPECT_EQ(metadata_of(american).date, "2024-03-04");
}

}  // namespace
}  // namespace lede::metadata
