#include "metadata/authors.h"
#include "metadata/byline.h"

#include <gtest/gtest.h>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using Names = std::vector<std::string>;
using test::jsonld;
using test::metadata_of;
using test::page;

Names byline(std::string_view raw) { return parse_byline(raw, NonPersons()); }

TEST(Byline, SplitsAuthorsAndDropsTheDate) {
  EXPECT_EQ(byline("By Jane Roe and John Doe | 31 May 2024"), (Names{"Jane Roe", "John Doe"}));
  EXPECT_EQ(byline("Jane Roe, John Doe & Ann Lee"), (Names{"Jane Roe", "John Doe", "Ann Lee"}));
  EXPECT_EQ(byline("Jane Roe; John Doe"), (Names{"Jane Roe", "John Doe"}));
  EXPECT_EQ(byline("Jane Roe May 31, 2024 at 9:00"), (Names{"Jane Roe"}));
}

TEST(Byline, StripsIntroductionsInSeveralLanguages) {
  EXPECT_EQ(byline("Written by Jane Roe"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("Posted on May 31 by Jane Roe"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("von Max Mustermann"), (Names{"Max Mustermann"}));
  EXPECT_EQ(byline("par Jean Dupont"), (Names{"Jean Dupont"}));
  EXPECT_EQ(byline("por María López"), (Names{"María López"}));
  EXPECT_EQ(byline("Author: Jane Roe"), (Names{"Jane Roe"}));
}

TEST(Byline, DropsJobTitlesAndClauses) {
  EXPECT_EQ(byline("Jane Roe, Senior Reporter"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("Staff Writer Jane Roe"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("Levi Parsons For Daily Mail Australia"), (Names{"Levi Parsons"}));
  EXPECT_EQ(byline("Mayank Gupta, CEO of CaseBasix"), (Names{"Mayank Gupta"}));
  EXPECT_EQ(byline("Jane Roe (Reuters)"), (Names{"Jane Roe"}));
}

TEST(Byline, DropsContactDetails) {
  EXPECT_EQ(byline("Jane Roe jane@example.com @janeroe"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("https://www.facebook.com/jane.roe"), Names{});
  EXPECT_EQ(byline("Email the author"), Names{});
}

TEST(Byline, RejectsRolesAgenciesAndNonNames) {
  EXPECT_EQ(byline("Staff"), Names{});
  EXPECT_EQ(byline("Admin"), Names{});
  EXPECT_EQ(byline("Editor"), Names{});
  EXPECT_EQ(byline("The Associated Press"), Names{});
  EXPECT_EQ(byline("Reuters"), Names{});
  EXPECT_EQ(byline("CNN Wire"), Names{});
  EXPECT_EQ(byline(std::string(90, 'x')), Names{});
  EXPECT_EQ(byline("Coming Soon! New Flavours"), Names{});
}

TEST(Byline, RejectsTheSiteAndItsPublisher) {
  NonPersons site;
  site.names.add("The Daily Planet");
  site.hosts.add("whova");
  EXPECT_EQ(parse_byline("Daily Planet", site), Names{});
  EXPECT_EQ(parse_byline("THE DAILY PLANET", site), Names{});
  EXPECT_EQ(parse_byline("Whova", site), Names{});
  EXPECT_EQ(parse_byline("Brian Truitt The Daily Planet", site), (Names{"Brian Truitt"}));
}

TEST(Byline, KeepsAPersonWhoseDomainIsTheirName) {
  NonPersons site;
  site.hosts.add("scalzi");
  EXPECT_EQ(parse_byline("John Scalzi", site), (Names{"John Scalzi"}));
}

TEST(Byline, KeepsUserNamesWithDigits) {
  EXPECT_EQ(byline("paulb203"), (Names{"paulb203"}));
  EXPECT_EQ(byline("By jdoe42 on 31.05.2024"), (Names{"jdoe42"}));
}

TEST(Byline, NormalisesCaseOnlyWhenUniform) {
  EXPECT_EQ(byline("JANE ROE"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("jane roe"), (Names{"Jane Roe"}));
  EXPECT_EQ(byline("JOSÉ GARCÍA"), (Names{"José García"}));
  EXPECT_EQ(byline("danah boyd McDonald"), (Names{"danah boyd McDonald"}));
  EXPECT_EQ(byline("Zoë Ødegård"), (Names{"Zoë Ødegård"}));
}

TEST(Byline, DedupesNamesContainedInOthers) {
  EXPECT_EQ(byline("Jane Roe, Jane Roe and Jane"), (Names{"Jane Roe"}));
}

TEST(Authors, ReadsJsonLdPersonsFromGraphsAndReferences) {
  std::string html = page(jsonld(R"({"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "H", "author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Doe"}]},
      {"@type": "Person", "@id": "#jane", "name": "Jane Roe"}]})"));
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe", "John Doe"}));
}

TEST(Authors, RejectsOrganizationAuthors) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "H",
                                     "author": {"@type": "Organization", "name": "Acme Widgets"}})"));
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, RejectsTheSiteNameInMetaTags) {
  std::string html = page(R"(<meta property="og:site_name" content="Daily Planet">
                             <meta name="author" content="Daily Planet">)");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, RejectsTheJsonLdPublisherWhereverItAppears) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "H",
                                     "publisher": {"@type": "Organization", "name": "Planet Media Group"}})") +
                          R"(<meta name="author" content="Planet Media Group">)");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, RejectsAnAgencyByline) {
  std::string html = page("<title>Quake hits</title>", "<h1>Quake hits</h1><p class=byline>By Associated Press</p>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, SkipsArticleAuthorUrls) {
  std::string html = page(R"(<meta property="article:author" content="https://www.facebook.com/jane.roe">
                             <meta name="author" content="Jane Roe">)");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe"}));
}

TEST(Authors, ReordersCitationAuthors) {
  std::string html = page(R"(<meta name="citation_author" content="Roe, Jane">
                             <meta name="citation_author" content="Doe, John">)");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe", "John Doe"}));
}

TEST(Authors, ReadsMicrodataOfTheFirstItemOnly) {
  std::string html = page("<title>Thread</title>",
                          "<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\"><h1>Thread</h1>"
                          "<span itemprop=author itemscope itemtype=\"https://schema.org/Person\">"
                          "<span itemprop=name>Jane Roe</span></span></div>"
                          "<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">"
                          "<span itemprop=author>John Doe</span></div>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe"}));
}

TEST(Authors, ReadsTheVisibleBylineBesideTheHeadline) {
  std::string html = page("<title>Big news</title>",
                          "<article><h1>Big news</h1><p class=byline>By Jane Roe and John Doe | 31 May 2024</p>"
                          "<p>Text.</p></article>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe", "John Doe"}));
}

TEST(Authors, ReadsANameNextToAWrittenByLabel) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><div><p>Written by</p><p>Edzel Tabing</p></div><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Edzel Tabing"}));
}

TEST(Authors, IgnoresCommentAuthors) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><p>Text.</p><div id=comments>"
                          "<span class=comment-author>Jane Roe</span></div>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

}  // namespace
}  // namespace lede::metadata
