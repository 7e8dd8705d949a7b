// The date and date_modified fields on whole pages: which source wins, how
// each is labelled, and the traps (ids, join dates, relative dates, revision
// dates, time zones).
#include <gtest/gtest.h>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using test::jsonld;
using test::metadata_of;
using test::page;

constexpr std::string_view kPlainUrl = "https://example.com/a";

std::optional<std::string> source_of(const Metadata& m, std::string_view field) {
  for (const auto& [name, source] : m.sources)
    if (name == field) return std::string(source_name(source));
  return std::nullopt;
}

Metadata guessed(std::string_view html, bool guess) {
  dom::Document doc = parse::parse_document(html);
  return extract(doc, {.page_url = kPlainUrl, .guess = guess});
}

TEST(PublishedDate, PrefersJsonLdPublishedOverEverythingElse) {
  std::string html = page(jsonld(R"({"@type": "NewsArticle", "headline": "H",
                                     "datePublished": "2024-05-01T08:00:00+02:00",
                                     "dateModified": "2024-06-01T08:00:00+02:00"})") +
                          R"(<meta property="article:published_time" content="2024-04-01">)");
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.date, "2024-05-01T08:00:00+02:00");
  EXPECT_EQ(source_of(m, "date"), "json-ld");
  EXPECT_EQ(m.date_modified, "2024-06-01T08:00:00+02:00");
  EXPECT_EQ(source_of(m, "date_modified"), "json-ld");
}

TEST(PublishedDate, NeverReportsAMachineReadableRevisionDateAsPublished) {
  std::string html = page(R"(<meta property="article:modified_time" content="2024-06-01">)",
                          "<h1>Headline</h1><p>Text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, std::nullopt);
  EXPECT_EQ(m.date_modified, "2024-06-01");
  EXPECT_EQ(source_of(m, "date_modified"), "opengraph");
}

TEST(PublishedDate, ReadsMetaTagsInOrderOfStrength) {
  std::string html = page(R"(<meta name="date" content="2024-03-01">
                             <meta name="citation_publication_date" content="2024/02/01">)");
  EXPECT_EQ(metadata_of(html).date, "2024-02-01");
}

TEST(PublishedDate, LabelsEachMetaSourceByItsVocabulary) {
  Metadata og = metadata_of(page(R"(<meta property="article:published_time" content="2024-03-01">)"), kPlainUrl);
  EXPECT_EQ(source_of(og, "date"), "opengraph");
  Metadata dc = metadata_of(page(R"(<meta name="dc.date.issued" content="2024-03-01">)"), kPlainUrl);
  EXPECT_EQ(source_of(dc, "date"), "meta");
  Metadata item = metadata_of(page("", R"(<div itemscope itemtype="https://schema.org/Article">
      <meta itemprop="datePublished" content="2024-03-01"><h1>H</h1></div>)"), kPlainUrl);
  EXPECT_EQ(item.date, "2024-03-01");
  EXPECT_EQ(source_of(item, "date"), "microdata");
}

TEST(PublishedDate, ReadsOtherPublicationMetaNames) {
  EXPECT_EQ(metadata_of(page(R"(<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">)"), kPlainUrl).date,
            "2025-05-27T06:03:43+00:00");
  EXPECT_EQ(metadata_of(page(R"(<meta name="published" content="July 17, 2025">)"), kPlainUrl).date, "2025-07-17");
  // A publisher is no date, and neither is an expiry.
  EXPECT_EQ(metadata_of(page(R"(<meta name="offer-expiry-date" content="2025-07-17">)"), kPlainUrl).date,
            std::nullopt);
}

TEST(PublishedDate, ReadsMicrodataOnVisibleElements) {
  std::string html = page("<title>Thread</title>",
                          "<h1>Thread</h1><div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">"
                          "<span itemprop=\"datePublished\">11-29-2024, 09:03 AM</span><p>First post.</p></div>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2024-11-29");
  EXPECT_EQ(source_of(m, "date"), "microdata");
}

TEST(PublishedDate, ReadsTimeElementsBesideTheHeadline) {
  std::string html = page("<title>Big news</title>",
                          "<article><h1>Big news</h1><p class=meta><time datetime=\"2024-05-31\">May 31</time></p>"
                          "<p>Text.</p></article>");
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.date, "2024-05-31");
  EXPECT_EQ(source_of(m, "date"), "time-element");
}

TEST(PublishedDate, TakesWordPressPublishedUpdatedTimeAsPublished) {
  std::string html = page("<title>Post</title>",
                          "<h1>Post</h1><time class=\"entry-date published updated\" datetime=\"2024-05-31\">"
                          "May 31, 2024</time><p>Text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2024-05-31");
}

TEST(PublishedDate, TakesAnEarlierDateShownUnderTheHeadlineOverTheDeclaredOne) {
  // A site's move to a new system restamped its old stories' datePublished.
  std::string moved = page("<title>Foundational fitness</title>" +
                               jsonld(R"({"@type": "Article", "datePublished": "2025-06-12"})"),
                           "<h1>Foundational fitness</h1><p>November 2, 2022</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(moved, kPlainUrl).date, "2022-11-02");
  // A day apart is a time zone; an ambiguous day order and a version number in
  // the headline prove nothing.
  std::string zone = page("<title>Zones</title>" +
                              jsonld(R"({"@type": "Article", "datePublished": "2025-12-19T10:00:00-05:00"})"),
                          "<h1>Zones</h1><p>Dec 18, 2025</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(zone, kPlainUrl).date, "2025-12-19T10:00:00-05:00");
  std::string ambiguous = page("<title>Careers</title>" +
                                   jsonld(R"({"@type": "Article", "datePublished": "2025-11-28"})"),
                               "<h1>Careers</h1><p>Last post: 01/12/2025</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(ambiguous, kPlainUrl).date, "2025-11-28");
  std::string version = page("<title>2024.4.4 upgrade stuck</title>" +
                                 jsonld(R"({"@type": "Article", "datePublished": "2024-05-03"})"),
                             "<h1>2024.4.4 upgrade stuck</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(version, kPlainUrl).date, "2024-05-03");
}

TEST(PublishedDate, IgnoresDatesInCommentsAndSidebars) {
  std::string html = page("<title>Big news</title>",
                          "<article><h1>Big news</h1><p>Text.</p></article>"
                          "<aside><time datetime=\"2024-01-02\">Jan 2</time></aside>"
                          "<div class=comments><time datetime=\"2024-01-03\">Jan 3</time></div>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, std::nullopt);
}

TEST(PublishedDate, TakesTheDatelineClosestToTheHeadline) {
  std::string html = page("<title>Big news</title>",
                          "<div><p>Latest</p><p>March 3, 2024</p></div>"
                          "<h1>Big news</h1><p>By Jane Roe</p><p>May 31, 2024</p><p>Story text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2024-05-31");
  EXPECT_EQ(source_of(m, "date"), "byline");
}

TEST(PublishedDate, SplitsAPublishedAndUpdatedDateline) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><div><span>Nov 21, 2018</span> <span>- Updated July 9, 2025</span></div>"
                          "<p>Text.</p>");
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.date, "2018-11-21");
  EXPECT_EQ(m.date_modified, "2025-07-09");
  EXPECT_EQ(source_of(m, "date_modified"), "byline");
}

TEST(PublishedDate, ReadsTheLabelBeforeADate) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><p>Published <b>May 3, 2024</b></p>"
                          "<p>Last updated: <span>June 1, 2024</span></p><p>Text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2024-05-03");
  EXPECT_EQ(m.date_modified, "2024-06-01");
}

TEST(PublishedDate, DatesAPageByItsOnlyVisibleRevisionDate) {
  std::string html = page("<title>Guide</title>", "<h1>Guide</h1><p>Updated August 14, 2025</p><p>Text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2025-08-14");
  EXPECT_EQ(m.date_modified, "2025-08-14");
  EXPECT_EQ(source_of(m, "date"), "byline");
}

TEST(PublishedDate, LeavesAPageWithOnlyARevisionDateAtItsEndUndated) {
  std::string filler(4000, 'x');
  std::string html = page("<title>Logging HOWTO</title>",
                          "<h1>Logging HOWTO</h1><p>" + filler + "</p>"
                          "<p>Last updated on <time datetime=\"2026-03-08\">Mar 08, 2026</time></p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, std::nullopt);
  EXPECT_EQ(m.date_modified, "2026-03-08");
}

TEST(PublishedDate, LeavesAPageWithOnlyAMachineReadableRevisionDateUndated) {
  std::string html = page("<title>Guide</title><meta property=\"og:updated_time\" content=\"2025-08-14T10:00:00+00:00\">",
                          "<h1>Guide</h1><p>Text.</p>");
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, std::nullopt);
  EXPECT_EQ(m.date_modified, "2025-08-14T10:00:00+00:00");
}

TEST(PublishedDate, PrefersALabelledPublicationDateToABareOne) {
  std::string html = page("<title>Thread</title>",
                          "<h1>Thread</h1><p>March 5, 2026</p><p>Started by Jane, June 04, 2024, 11:23 AM</p>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, "2024-06-04");
}

TEST(PublishedDate, BelievesAnOriginalPublicationNoteOverTheDateline) {
  std::string html = page("<title>Tiny homes</title>",
                          "<h1>Tiny homes</h1><p>30 September 2022</p><p>Story text.</p>"
                          "<p>This article was originally published on 26 Sep 2019.</p>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, "2019-09-26");
}

TEST(PublishedDate, IgnoresJoinDatesAndOtherDatesByTheHeadline) {
  std::string html = page("<title>Question</title>",
                          "<h1>Question</h1><dl><dd>Joined: 4. Jul 2012</dd></dl>"
                          "<p>valid through <span>01/23/2026</span></p>"
                          "<p>Post by jane &raquo; <span>11. Sep 2024, 18:36</span></p>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, "2024-09-11");
}

TEST(PublishedDate, IgnoresDatesInSentencesAndCode) {
  std::string html = page("<title>Taxes</title>",
                          "<h1>Taxes</h1><p>The end of the tax season for most Americans is April 15, 2025.</p>"
                          "<pre>'date': 'Thu, 14 Jun 2012 12:59:39 GMT'</pre>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, std::nullopt);
}

TEST(PublishedDate, TakesNoDateFromIdsCookiesOrScripts) {
  std::string html = page("<title>Story</title>",
                          "<h1 id=\"story-20240531\">Story</h1><p>Ref. 20240531-0042</p>"
                          "<p>This cookie expires 31 Dec 2025</p>"
                          "<script>document.cookie = 'a=1; expires=Fri, 31 Dec 2024 23:59:59 GMT';</script>");
  EXPECT_EQ(metadata_of(html, "https://example.com/p/20241301").date, std::nullopt);
}

TEST(PublishedDate, RejectsFutureAndRelativeDates) {
  std::string future = page(R"(<meta property="article:published_time" content="2999-01-01T00:00:00Z">)");
  EXPECT_EQ(metadata_of(future, kPlainUrl).date, std::nullopt);
  std::string relative =
      page("<title>Big news</title>", "<h1>Big news</h1><time>2 hours ago</time><p>vor 2 Stunden</p>");
  EXPECT_EQ(metadata_of(relative, kPlainUrl).date, std::nullopt);
}

TEST(PublishedDate, FallsBackToTheUrl) {
  Metadata m = metadata_of(page(""), "https://example.com/2023/11/07/slug/");
  EXPECT_EQ(m.date, "2023-11-07");
  EXPECT_EQ(source_of(m, "date"), "url");
}

TEST(PublishedDate, ReadsAmbiguousDatesByPageLanguage) {
  std::string british = R"(<html lang="en-GB"><head><meta name="date" content="03/04/2024"></head></html>)";
  std::string american = R"(<html lang="en-US"><head><meta name="date" content="03/04/2024"></head></html>)";
  EXPECT_EQ(metadata_of(british).date, "2024-04-03");
  EXPECT_EQ(metadata_of(american).date, "2024-03-04");
}

TEST(PublishedDate, ReadsAnAmbiguousDateTheWayTheUrlConfirms) {
  std::string html = page("<title>Wine</title>", "<h1>Wine</h1><p class=blog-date>03/10/2023</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(html, "https://example.com/blog/2023/october/03/wine/").date, "2023-10-03");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, "2023-03-10");
}

TEST(PublishedDate, ExpressesAUtcTimestampAtThePublishersOffset) {
  std::string html = page(R"(<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">)",
                          "<h1>Post</h1><time datetime=\"2025-12-18T19:05:00-08:00\">December 18, 2025</time>");
  EXPECT_EQ(metadata_of(html, kPlainUrl).date, "2025-12-18T19:05:00-08:00");
}

TEST(PublishedDate, TakesThePublishersDayFromTheUrlOverAUtcTimestamp) {
  std::string html = page(R"(<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">)");
  EXPECT_EQ(metadata_of(html, "https://example.com/2025/12/18/post/").date, "2025-12-18");
  // Fourteen hours after midnight UTC no zone is still on the day before.
  std::string afternoon = page(R"(<meta property="article:published_time" content="2025-12-19T14:41:41+00:00">)");
  EXPECT_EQ(metadata_of(afternoon, "https://example.com/2025/12/18/post/").date, "2025-12-19T14:41:41+00:00");
}

TEST(ModifiedDate, ReadsEachKindOfSource) {
  Metadata og = metadata_of(page(R"(<meta property="og:updated_time" content="2024-06-01T10:00:00+00:00">)"),
                            kPlainUrl);
  EXPECT_EQ(og.date_modified, "2024-06-01T10:00:00+00:00");
  EXPECT_EQ(source_of(og, "date_modified"), "opengraph");
  Metadata time = metadata_of(page("<title>Post</title>", "<h1>Post</h1><time class=updated datetime=\"2024-06-01\">"
                                                          "June 1</time>"),
                              kPlainUrl);
  EXPECT_EQ(time.date_modified, "2024-06-01");
  EXPECT_EQ(source_of(time, "date_modified"), "time-element");
}

TEST(ModifiedDate, DropsARevisionBeforeThePublication) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "H", "datePublished": "2024-05-01",
                                     "dateModified": "2023-01-01"})"));
  Metadata m = metadata_of(html, kPlainUrl);
  EXPECT_EQ(m.date, "2024-05-01");
  EXPECT_EQ(m.date_modified, std::nullopt);
}

TEST(GuessedDate, ReadsRunningTextOnlyWhenAskedTo) {
  std::string html = page("<title>Report</title>",
                          "<h1>Report</h1><p>" + std::string(4000, 'x') +
                              "</p><p>The council met on 12 March 2024 to discuss the budget at length.</p>");
  EXPECT_EQ(guessed(html, false).date, std::nullopt);
  Metadata m = guessed(html, true);
  EXPECT_EQ(m.date, "2024-03-12");
  EXPECT_EQ(source_of(m, "date"), "text");
}

}  // namespace
}  // namespace lede::metadata
