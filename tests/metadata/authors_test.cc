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

TEST(Authors, IgnoresATemplatesPlaceholderForAMissingName) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "H",
                                     "author": {"@type": "Person", "name": "undefined"}})"));
  EXPECT_EQ(metadata_of(html).authors, Names{});
  EXPECT_EQ(byline("By Nan Goldin"), (Names{"Nan Goldin"}));
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

TEST(Byline, DropsDegreesAndJobsAfterTheName) {
  EXPECT_EQ(byline("Dylan Bailey, MS, RD, FAND"), (Names{"Dylan Bailey"}));
  EXPECT_EQ(byline("Genevieve Carlton, Ph.D."), (Names{"Genevieve Carlton"}));
  EXPECT_EQ(byline("Cara Dumaplin RN"), (Names{"Cara Dumaplin"}));
  EXPECT_EQ(byline("Liz Kenny Former McKinsey Consultant"), (Names{"Liz Kenny"}));
  EXPECT_EQ(byline("Certified Pediatric Sleep Consultant"), Names{});
  EXPECT_EQ(byline("Logan Jones's Profile"), (Names{"Logan Jones"}));
  EXPECT_EQ(byline("Md Aynal Haque"), (Names{"Md Aynal Haque"}));
}

TEST(Byline, KeepsUserNamesAsWritten) {
  EXPECT_EQ(byline("hayley.p"), (Names{"hayley.p"}));
  EXPECT_EQ(byline("CDB"), (Names{"CDB"}));
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

// Where the page sources its authors from, as the JSON output reports it.
std::optional<Source> authors_source(const Metadata& m) {
  for (const auto& [field, source] : m.sources)
    if (field == "authors") return source;
  return std::nullopt;
}

TEST(Authors, CreditsAnOrganizationOnlyWhenNoPersonIsNamed) {
  std::string org_only = page(jsonld(R"({"@type": "Article", "headline": "H",
                                         "author": {"@type": "Organization", "name": "Acme Widgets"}})"));
  Metadata m = metadata_of(org_only);
  EXPECT_EQ(m.authors, (Names{"Acme Widgets"}));
  EXPECT_EQ(authors_source(m), Source::json_ld);
  std::string with_byline = page(jsonld(R"({"@type": "Article", "headline": "Quake hits",
                                            "author": {"@type": "Organization", "name": "Acme Widgets"}})"),
                                 "<h1>Quake hits</h1><p class=byline>By Jane Roe</p><p>Text.</p>");
  m = metadata_of(with_byline);
  EXPECT_EQ(m.authors, (Names{"Jane Roe"}));
  EXPECT_EQ(authors_source(m), Source::byline);
}

TEST(Authors, KeepsAnOrganisationWhoseNameHoldsAndWhole) {
  std::string html = page(R"(<meta property="og:site_name" content="U.S. Food and Drug Administration">
                             <meta name="dcterms.creator" content="Center for Drug Evaluation and Research">)");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Center for Drug Evaluation and Research"}));
  std::string pair = page(R"(<meta name="author" content="Jane Roe and John Doe">)");
  EXPECT_EQ(metadata_of(pair).authors, (Names{"Jane Roe", "John Doe"}));
}

TEST(Authors, TakesTheSiteNameOnlyWhenThePageNamesNoPerson) {
  std::string head = R"(<meta property="og:site_name" content="Daily Planet">
                        <meta name="author" content="Daily Planet">)";
  EXPECT_EQ(metadata_of(page(head)).authors, (Names{"Daily Planet"}));
  std::string with_writer = page(std::string(head) + R"(<meta name="parsely-author" content="Jane Roe">)");
  EXPECT_EQ(metadata_of(with_writer).authors, (Names{"Jane Roe"}));
}

TEST(Authors, NeverMixesThePublisherWithPersons) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "H",
                                     "author": [{"@type": "Person", "name": "Jane Roe"}, "Planet Media Group"],
                                     "publisher": {"@type": "Organization", "name": "Planet Media Group"}})"));
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe"}));
}

TEST(Authors, CreditsAnAgencyOnlyWithoutAWriter) {
  std::string agency = page("<title>Quake hits</title>", "<h1>Quake hits</h1><p class=byline>By Associated Press</p>");
  EXPECT_EQ(metadata_of(agency).authors, (Names{"Associated Press"}));
  std::string writer = page("<title>Quake hits</title>",
                            "<h1>Quake hits</h1><p class=byline>By Jane Roe and Associated Press</p>");
  EXPECT_EQ(metadata_of(writer).authors, (Names{"Jane Roe"}));
}

TEST(Authors, KeepsATeamCreditWhole) {
  EXPECT_EQ(read_credits("By The Verge Staff", NonPersons()).organisations, (Names{"The Verge Staff"}));
  EXPECT_EQ(read_credits("Camphouse Team", NonPersons()).organisations, (Names{"Camphouse Team"}));
  EXPECT_EQ(read_credits("Camphouse Team", NonPersons()).persons, Names{});
  EXPECT_EQ(read_credits("Staff", NonPersons()).organisations, Names{});
}

TEST(Authors, ReadsTheWrittenByTwitterCard) {
  std::string html = page(R"(<meta name="twitter:label1" content="Written by">
                             <meta name="twitter:data1" content="Tyler Brown">
                             <meta name="twitter:label2" content="Est. reading time">
                             <meta name="twitter:data2" content="7 minutes">)");
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.authors, (Names{"Tyler Brown"}));
  EXPECT_EQ(authors_source(m), Source::meta);
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

TEST(Authors, ReadsABylineThatOpensWithBy) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><div><span>Published May 31, 2024</span> <span>by Nicole Burke</span></div>"
                          "<p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Nicole Burke"}));
}

// Far from the headline: more than the byline window of nodes.
std::string long_article() {
  std::string paragraphs;
  for (int i = 0; i < 400; ++i) paragraphs += "<p>Words <b>of</b> the story.</p>";
  return paragraphs;
}

TEST(Authors, ReadsAWrittenByBylineAfterTheArticle) {
  std::string html = page("<title>How apps are made</title>",
                          "<h1>How apps are made</h1>" + long_article() +
                              "<p>Written by<!-- --> <a href=\"/blog/author/mk\">Moses Kim and Kate Shokurova</a></p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Moses Kim", "Kate Shokurova"}));
}

TEST(Authors, ReadsAnArticleByBoxAfterTheArticle) {
  std::string html = page("<title>Understanding Lean</title>",
                          "<h1>Understanding Lean</h1>" + long_article() +
                              "<div><h2>Article by</h2><div>Matias Heikkilä</div></div>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Matias Heikkilä"}));
}

TEST(Authors, IgnoresAnAuthorLinkFarFromTheHeadlineWithoutAWriterLabel) {
  std::string html = page("<title>How apps are made</title>",
                          "<h1>How apps are made</h1>" + long_article() +
                              "<p>More from <a href=\"/blog/author/mk\">Moses Kim</a></p>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, ReadsABylineTheTemplateIndentsOverSeveralLines) {
  std::string html = page("<title>Survival Guide to SysV Init</title>",
                          "<h1>Survival Guide to SysV Init</h1><p>by Jon Foster\n              -\n"
                          "                           \n             2025-09-13<br>Updated: 2025-09-13</p>"
                          "<p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jon Foster"}));
}

TEST(Authors, TakesAOneWordNameOnlyWhereTheBylineSaysSo) {
  std::string labelled = page("<title>Big news</title>",
                              "<h1>Big news</h1><p>by <a href=/u/amanda>Amanda</a> · May 31, 2024</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(labelled).authors, (Names{"Amanda"}));
  std::string facet = page("<title>Socks</title>", "<h1>Socks</h1><a href=/c>By Category</a><p>Text.</p>");
  EXPECT_EQ(metadata_of(facet).authors, Names{});
  std::string terms = page("<title>Socks</title>",
                           "<h1>Socks</h1><p>By signing up, I accept the Terms &amp; Conditions</p>");
  EXPECT_EQ(metadata_of(terms).authors, Names{});
}

TEST(Authors, SkipsReviewersAndPhotographers) {
  EXPECT_EQ(byline("Reviewed by John Doe"), Names{});
  EXPECT_EQ(byline("Photo by John Doe"), Names{});
  EXPECT_EQ(byline("Written by Jane Roe, edited by John Doe"), (Names{"Jane Roe"}));
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><div><span>Medically reviewed by</span> <a href=/p/jd>John Doe</a></div>"
                          "<p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, DropsAPublicationAfterALoneComma) {
  std::string html = page("<title>Shaun Edwards on board</title>",
                          "<h1>Shaun Edwards on board</h1><p class=date>Jan 14 2008 <span>by Andy Howell, "
                          "Western Mail</span></p><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Andy Howell"}));
}

TEST(Authors, ReadsTheOpeningPostOfAScriptedForumsFallback) {
  // Discourse serves its posts to readers without scripts in <noscript>.
  std::string html = page("<title>Best budget headphones - Forum</title>",
                          "<noscript><div itemscope itemtype=\"http://schema.org/DiscussionForumPosting\">"
                          "<h1>Best budget headphones</h1><span itemprop=author itemscope "
                          "itemtype=\"http://schema.org/Person\"><span itemprop=name>Noah_B</span></span>"
                          "<p>Which ones?</p></div></noscript>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"Noah_B"}));
}

TEST(Authors, TakesALowerCaseHandleOnlyBesideItsPostsDate) {
  std::string dated = page("<title>Design awards</title>",
                           "<h1>Design awards</h1><div><p><time datetime=2025-12-19>12/19 2025</time></p>"
                           "<p>by ibby</p></div><p>Text.</p>");
  EXPECT_EQ(metadata_of(dated).authors, (Names{"ibby"}));
  std::string menu = page("<title>Design awards</title>",
                          "<h1>Design awards</h1><div><span>By stage</span><a href=/seed>Seed</a></div><p>Text.</p>");
  EXPECT_EQ(metadata_of(menu).authors, Names{});
}

TEST(Authors, ReadsAnAuthorLabelFarAfterTheHeadlineButNotOnATeaserCard) {
  std::string after = page("<title>LLC rules</title>",
                           "<h1>LLC rules</h1>" + long_article() + "<div><p>Author:</p><div>Shai Shmarel</div></div>");
  EXPECT_EQ(metadata_of(after).authors, (Names{"Shai Shmarel"}));
  std::string card = page("<title>Therapy</title>", "<div class=card><p>By: Samer Morqos, April 22, 2025</p></div>");
  EXPECT_EQ(metadata_of(card).authors, Names{});
}

TEST(Authors, ReadsTheNameInTheLineOfFactsUnderTheHeadline) {
  std::string piped = page("<title>AI in health</title>",
                           "<header><h1>AI in health</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p>"
                           "</header><p>Text.</p>");
  EXPECT_EQ(metadata_of(piped).authors, (Names{"Aaron Ricadela"}));
  std::string section = page("<title>Pricing guide</title>",
                             "<h1>Pricing guide</h1><p>Dec 26, 2025 <span>&bull;</span> Mahua Das in "
                             "<a href=/category/pm>Project Management</a></p><p>Text.</p>");
  EXPECT_EQ(metadata_of(section).authors, (Names{"Mahua Das"}));
}

TEST(Authors, TakesNoSectionButtonOrSourceFromTheLineOfFacts) {
  std::string html = page("<title>Drills</title>",
                          "<h1>Drills</h1><div><span>Aug 20, 2019</span> <a href=/category/world>North Korea</a>"
                          "<button>Facebook Messenger</button> <cite>Daily Mail</cite> Source: Xinhua Agency"
                          "</div><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

TEST(Authors, CreditsAForumThreadToItsOpeningPostersUserName) {
  std::string html = page("<title>ISO size - Forums</title><meta name=generator content=\"vBulletin 4.2\">",
                          "<h1>ISO size</h1><div class=username_container><a class=\"username offline\" "
                          "href=member.php?u=1>microfast</a> <ul><li>View Profile</li></ul></div><p>Why?</p>"
                          "<div class=username_container><a class=username href=member.php?u=2>helper9</a></div>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"microfast"}));
  std::string blog = page("<title>ISO size</title>",
                          "<h1>ISO size</h1><span class=username>microfast</span><p>Why?</p>");
  EXPECT_EQ(metadata_of(blog).authors, Names{});
}

TEST(Authors, ReadsBylinesThatPutTheDateFirstOrAJobAfterTheName) {
  std::string date_first = page("<title>Nix builds</title>",
                                "<h1>Nix builds</h1><div class=dateAndAuthor><span>Dec 17, 2025</span>"
                                "<span>Julian K. Arni</span></div><p>Text.</p>");
  EXPECT_EQ(metadata_of(date_first).authors, (Names{"Julian K. Arni"}));
  EXPECT_EQ(byline("Written by Danielle Padula, Head of Marketing and Community Development"),
            (Names{"Danielle Padula"}));
  EXPECT_EQ(byline("By A. J. Neal"), (Names{"A. J. Neal"}));
  EXPECT_EQ(byline("By Dieter Hogen with Uta Pippig"), (Names{"Dieter Hogen", "Uta Pippig"}));
}

TEST(Authors, CreditsAPostWithoutANameAsAWhole) {
  std::string html = page("<title>Big news</title>", "<h1>Big news</h1><p>By SFist Contributor</p><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).authors, (Names{"SFist Contributor"}));
}

TEST(Authors, ReadsTheColumnOfFactsBesideTheHeadlineButNotASidebar) {
  std::string facts = page("<title>Sleep training</title>",
                           "<div><h1>Sleep training</h1></div><div><aside><p>May 25, 2023</p>"
                           "<p class=author>Written By <span>Angela Holliday-Bell, MD</span></p></aside>"
                           "<p>Text.</p></div>");
  EXPECT_EQ(metadata_of(facts).authors, (Names{"Angela Holliday-Bell"}));
  std::string sidebar = page("<title>Sleep training</title>",
                             "<div><h1>Sleep training</h1>" + long_article() + "</div>"
                             "<aside><p class=author>Written By <span>Jane Roe</span></p></aside>");
  EXPECT_EQ(metadata_of(sidebar).authors, Names{});
}

TEST(Authors, IgnoresCommentAuthors) {
  std::string html = page("<title>Big news</title>",
                          "<h1>Big news</h1><p>Text.</p><div id=comments>"
                          "<span class=comment-author>Jane Roe</span></div>");
  EXPECT_EQ(metadata_of(html).authors, Names{});
}

// Sidebars, comment lists and related items are named by a token's start or
// end; a layout modifier before such a word names the wrapper's layout.
TEST(Authors, IgnoresAuthorsInChromeNamedByAClassTokensStartOrEnd) {
  auto authors_in = [](std::string_view wrapper_class) {
    return metadata_of(page("<title>Big news</title>",
                            "<h1>Big news</h1><div class='" + std::string(wrapper_class) +
                                "'><p>Text.</p><span class=author>Jane Roe</span></div>"))
        .authors;
  };
  for (std::string_view chrome : {"sidebar-1", "x commentlist", "related-posts", "post_comments", "yarpp-related"})
    EXPECT_EQ(authors_in(chrome), Names{}) << chrome;
  for (std::string_view layout : {"has-sidebar", "no-comments", "entry", "post entry-content"})
    EXPECT_EQ(authors_in(layout), (Names{"Jane Roe"})) << layout;
}

}  // namespace
}  // namespace lede::metadata
