// The standfirst: found by its markup right under the headline, never taken
// from the body, a caption, a byline or the description meta.
#include <gtest/gtest.h>

#include "metadata/metadata.h"
#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using test::jsonld;
using test::metadata_of;
using test::page;

constexpr std::string_view kHead = "<title>Quake hits Metropolis | Daily Planet</title>";
constexpr std::string_view kBody =
    "<p>The ground shook for forty seconds on Tuesday morning, toppling chimneys across the old town and sending "
    "thousands of residents into the streets before dawn, officials said.</p>";

std::optional<Sourced<std::string>> sourced_subtitle(const Metadata& m) {
  if (!m.subtitle) return std::nullopt;
  for (const auto& [field, source] : m.sources)
    if (field == "subtitle") return Sourced<std::string>{*m.subtitle, source};
  return std::nullopt;
}

TEST(SubtitleMetadata, FindsAStandfirstByItsClassAfterTheByline) {
  std::string html = page(kHead, "<article><h1>Quake hits Metropolis</h1><p class=byline>By Lois Lane</p>"
                                 "<time datetime=2024-05-31>31 May 2024</time>"
                                 "<div class=\"article__standfirst\"><p>Hundreds flee as the strongest tremor in "
                                 "a century shakes the city.</p></div>" + std::string(kBody) + "</article>");
  auto subtitle = sourced_subtitle(metadata_of(html));
  ASSERT_TRUE(subtitle);
  EXPECT_EQ(subtitle->value, "Hundreds flee as the strongest tremor in a century shakes the city.");
  EXPECT_EQ(subtitle->source, Source::html);
}

TEST(SubtitleMetadata, ReadsDekSubHeadlineAndCamelCaseNames) {
  for (std::string_view names : {"class=\"c-dek\"", "class=\"sub-headline\"", "id=articleSubtitle",
                                 "data-component=standfirst", "class=\"post-excerpt\""}) {
    std::string html = page(kHead, "<h1>Quake hits Metropolis</h1><p " + std::string(names) +
                                       ">Hundreds flee as the strongest tremor in a century shakes the city.</p>" +
                                       std::string(kBody));
    EXPECT_EQ(metadata_of(html).subtitle, "Hundreds flee as the strongest tremor in a century shakes the city.")
        << names;
  }
}

TEST(SubtitleMetadata, TakesAnIntroOnlyRightUnderTheHeadline) {
  std::string under = page(kHead, "<h1>Quake hits Metropolis</h1><p class=article-intro>Hundreds flee as the "
                                  "strongest tremor in a century shakes the city.</p>" + std::string(kBody));
  EXPECT_EQ(metadata_of(under).subtitle, "Hundreds flee as the strongest tremor in a century shakes the city.");
  // Below the byline, an "intro" is the body's first paragraph.
  std::string below = page(kHead, "<h1>Quake hits Metropolis</h1><p class=byline>By Lois Lane</p><p "
                                  "class=article-intro>Hundreds flee as the strongest tremor in a century shakes "
                                  "the city.</p>" + std::string(kBody));
  EXPECT_EQ(metadata_of(below).subtitle, std::nullopt);
}

TEST(SubtitleMetadata, TakesAnH2RightAfterTheHeadline) {
  std::string html = page(kHead, "<header><h1>Quake hits Metropolis</h1><h2>Hundreds flee as the strongest "
                                 "tremor in a century shakes the city</h2></header>" + std::string(kBody));
  EXPECT_EQ(metadata_of(html).subtitle, "Hundreds flee as the strongest tremor in a century shakes the city");
}

TEST(SubtitleMetadata, TakesTheParagraphOfAnHgroup) {
  std::string html = page(kHead, "<hgroup><h1>Quake hits Metropolis</h1><p>Hundreds flee as the strongest tremor "
                                 "in a century shakes the city</p></hgroup>" + std::string(kBody));
  EXPECT_EQ(metadata_of(html).subtitle, "Hundreds flee as the strongest tremor in a century shakes the city");
}

TEST(SubtitleMetadata, NeverTakesTheFirstBodyParagraph) {
  std::string html = page(std::string(kHead) + R"(<meta name="description" content="The ground shook.">)",
                          "<article><h1>Quake hits Metropolis</h1><p>The ground shook.</p>" + std::string(kBody) +
                              "</article>");
  EXPECT_EQ(metadata_of(html).subtitle, std::nullopt);
}

TEST(SubtitleMetadata, IgnoresCaptionsBylinesAndDatesNamedLikeSummaries) {
  std::string html = page(kHead, "<h1>Quake hits Metropolis</h1>"
                                 "<figure><img src=a.jpg><figcaption class=summary>Rescuers search the rubble of "
                                 "the old town hall.</figcaption></figure>"
                                 "<div class=\"summary-byline\">By Lois Lane and Jimmy Olsen, staff</div>"
                                 "<div class=\"intro\">Published 31 May 2024</div>" + std::string(kBody));
  EXPECT_EQ(metadata_of(html).subtitle, std::nullopt);
}

TEST(SubtitleMetadata, StopsLookingOnceTheBodyHasBegun) {
  std::string html = page(kHead, "<h1>Quake hits Metropolis</h1>" + std::string(kBody) +
                                     "<div class=summary>Key points of the aftermath, in three short lines.</div>");
  EXPECT_EQ(metadata_of(html).subtitle, std::nullopt);
}

TEST(SubtitleMetadata, RejectsTeaserLinksAndRepeatedHeadlines) {
  std::string links = page(kHead, "<h1>Quake hits Metropolis</h1><div class=intro><a href=/a>Read more about "
                                  "the earthquake aftermath here</a></div>" + std::string(kBody));
  EXPECT_EQ(metadata_of(links).subtitle, std::nullopt);
  std::string repeated = page(kHead, "<h1>Quake hits Metropolis</h1><h2>Quake hits Metropolis</h2>" +
                                         std::string(kBody));
  EXPECT_EQ(metadata_of(repeated).subtitle, std::nullopt);
}

TEST(SubtitleMetadata, FallsBackToTheJsonLdAlternativeHeadline) {
  std::string html = page(std::string(kHead) + jsonld(R"({"@type": "NewsArticle", "headline": "Quake hits Metropolis",
      "alternativeHeadline": "Hundreds flee the strongest tremor in a century"})"),
                          "<h1>Quake hits Metropolis</h1>" + std::string(kBody));
  auto subtitle = sourced_subtitle(metadata_of(html));
  ASSERT_TRUE(subtitle);
  EXPECT_EQ(subtitle->value, "Hundreds flee the strongest tremor in a century");
  EXPECT_EQ(subtitle->source, Source::json_ld);
  std::string same = page(jsonld(R"({"@type": "NewsArticle", "headline": "Quake hits Metropolis",
      "alternativeHeadline": "Quake Hits Metropolis"})"));
  EXPECT_EQ(metadata_of(same).subtitle, std::nullopt);
}

}  // namespace
}  // namespace lede::metadata
