#include "metadata/title.h"

#include <gtest/gtest.h>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using test::jsonld;
using test::metadata_of;
using test::page;

NameSet names(std::initializer_list<std::string_view> list) {
  NameSet set;
  for (std::string_view n : list) set.add(n);
  return set;
}

TEST(TitleStrip, CutsAKnownSiteNameOnEitherSide) {
  NameSet site = names({"The Daily Planet"});
  EXPECT_EQ(strip_site_name("Quake hits Metropolis | The Daily Planet", site), "Quake hits Metropolis");
  EXPECT_EQ(strip_site_name("Daily Planet - Quake hits Metropolis", site), "Quake hits Metropolis");
  EXPECT_EQ(strip_site_name("Quake hits Metropolis – Daily Planet", site), "Quake hits Metropolis");
  EXPECT_EQ(strip_site_name("Quake hits Metropolis :: The Daily Planet", site), "Quake hits Metropolis");
  EXPECT_EQ(strip_site_name("Quake hits Metropolis » News » Daily Planet", site), "Quake hits Metropolis");
}

TEST(TitleStrip, KeepsAHeadlineThatMentionsTheSite) {
  NameSet site = names({"Arch Linux"});
  EXPECT_EQ(strip_site_name("Arch Linux ISO ends i686 support | Arch Linux Forums", site),
            "Arch Linux ISO ends i686 support");
}

TEST(TitleStrip, MatchesTheSiteByItsHostName) {
  NameSet host = names({"theverge.com", "theverge"});
  EXPECT_EQ(strip_site_name("The best phones of the year - The Verge", host), "The best phones of the year");
}

TEST(TitleStrip, KeepsSeparatorsThatBelongToTheHeadline) {
  NameSet site = names({"Daily Planet"});
  EXPECT_EQ(strip_site_name("Quake - what we know so far", site), "Quake - what we know so far");
  EXPECT_EQ(strip_site_name("Daily Planet", site), "Daily Planet");
}

TEST(TitleStrip, DropsAShortBrandAfterAPipeEvenWhenUnknown) {
  EXPECT_EQ(strip_site_name("How to repot an orchid | Acme", NameSet()), "How to repot an orchid");
  EXPECT_EQ(strip_site_name("Help babies sleep | Patient Education | UC Davis Health", NameSet()), "Help babies sleep");
  EXPECT_EQ(strip_site_name("Acme | Fast builds", NameSet()), "Acme | Fast builds");
}

TEST(TitleStrip, DropsADocumentationSetsNameAfterAnySeparator) {
  EXPECT_EQ(strip_site_name("Advanced Usage — Requests 2.32 documentation", NameSet()), "Advanced Usage");
  EXPECT_EQ(strip_site_name("Documentation", NameSet()), "Documentation");
}

TEST(Title, IgnoresAnH1ThatIsTheSitesLogoAndCutsItsNameFromTheTitle) {
  std::string html = page("<title>What is Ownership? - The Rust Book</title>",
                          R"(<header><h1 class="menu-title">The Rust Book</h1></header>
                             <main><h2>What Is Ownership?</h2><p>Text.</p></main>)");
  EXPECT_EQ(metadata_of(html).title, "What is Ownership?");
}

// A blog's name in an <h1> that is one link home, above the post's <h3>:
// the site's name, whatever its block is called, and no headline.
TEST(Title, IgnoresAnH1ThatIsOneLinkHome) {
  for (std::string_view home : {"/", "https://notes.example.org/", "https://example.org/notes/"}) {
    std::string html = page(R"(<title>Tide gauge back online - Harbour Notes</title>
                               <link rel="start" href="https://example.org/notes/" title="Home">)",
                            R"(<div id="banner"><h1 id="banner-header"><a href=")" + std::string(home) +
                                R"(">Harbour Notes</a></h1></div>
                               <h3 class="entry-header">Tide gauge back online</h3><p>Text.</p>)");
    EXPECT_EQ(metadata_of(html).title, "Tide gauge back online") << home;
  }
}

// A headline may link to its own story.
TEST(Title, KeepsAnH1ThatLinksToItsStory) {
  std::string html = page("<title>Tide gauge back online | Harbour Notes</title>",
                          R"(<h1><a href="https://example.org/2012/11/tide-gauge.html">Tide gauge back online</a></h1>
                             <p>Text.</p>)");
  EXPECT_EQ(metadata_of(html).title, "Tide gauge back online");
}

TEST(Title, KeepsAnH1WhoseClassOnlyMentionsATitle) {
  std::string html = page("<title>What is Ownership? - The Rust Book</title>",
                          R"(<h1 class="entry-title">What is Ownership?</h1><p>Text.</p>)");
  EXPECT_EQ(metadata_of(html).title, "What is Ownership?");
}

TEST(Title, LeavesOutHiddenElementsOfTheHeading) {
  std::string html = page("",
                          R"(<h1>IAM overview<span hidden><span>Stay organized with collections</span></span></h1>
                             <p>Text.</p>)");
  EXPECT_EQ(metadata_of(html).title, "IAM overview");
}

TEST(Title, DropsThePermalinkMarkOfAHeading) {
  std::string html = page("<title>Advanced Usage — Requests 2.32 documentation</title>",
                          R"(<h1>Advanced Usage<a class="headerlink" href="#advanced-usage">¶</a></h1><p>Text.</p>)");
  EXPECT_EQ(metadata_of(html).title, "Advanced Usage");
}

TEST(TitleStrip, DropsATrailOfSectionsAfterAnySeparator) {
  EXPECT_EQ(strip_site_name("Chelsea hoping to sign Anelka before weekend - Soccer - Sport - Belfast Telegraph",
                            NameSet()),
            "Chelsea hoping to sign Anelka before weekend");
  EXPECT_EQ(strip_site_name("Quake - what we know so far", NameSet()), "Quake - what we know so far");
  EXPECT_EQ(strip_site_name("Rock - Paper - Scissors", NameSet()), "Rock - Paper - Scissors");
}

TEST(TitleStrip, DropsAHostNameAfterAnySeparator) {
  EXPECT_EQ(strip_site_name("OP-ED: John Esposito - METimes.com", NameSet()), "OP-ED: John Esposito");
  EXPECT_EQ(strip_site_name("Amazon.com profits soar - what it means", NameSet()),
            "Amazon.com profits soar - what it means");
  EXPECT_EQ(strip_site_name("ContraCostaTimes.com - Choi three-shot winner in Sony", NameSet()),
            "Choi three-shot winner in Sony");
  EXPECT_EQ(strip_site_name("kansascity.com - 01/17/2008", NameSet()), "kansascity.com - 01/17/2008");
}

TEST(Title, CutsAMetaTitleAtMarkupInIt) {
  std::string html = page(R"(<title>Bush to Saudis: More Oil Please</titlevalue="true" --> </head></title>)",
                          "<p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Bush to Saudis: More Oil Please");
  std::string fine = page("<title>Tom &lt;3 Jerry: a love story</title>");
  EXPECT_EQ(metadata_of(fine).title, "Tom <3 Jerry: a love story");
}

TEST(TitleStrip, DropsAShortBrandBeforeAPipeWhenALongHeadlineFollows) {
  EXPECT_EQ(strip_site_name("GlossLip » Former Idol skips jail, goes directly to rehab", NameSet()),
            "Former Idol skips jail, goes directly to rehab");
  EXPECT_EQ(strip_site_name("Acme | Fast builds", NameSet()), "Acme | Fast builds");
  EXPECT_EQ(strip_site_name("Quake hits Metropolis, thousands flee | Acme", NameSet()), "Quake hits Metropolis, thousands flee");
  EXPECT_EQ(strip_site_name("MORT DENIES SPECULATION | Transfer News, Fixtures, Results, Stats", NameSet()),
            "MORT DENIES SPECULATION | Transfer News, Fixtures, Results, Stats");
}

TEST(TitleStrip, DropsAForumsNameAfterAnySeparator) {
  EXPECT_EQ(strip_site_name("Wrong refresh rate on RX7800 - Doom9's Forum", NameSet()), "Wrong refresh rate on RX7800");
  EXPECT_EQ(strip_site_name("Thread: Which web host?", NameSet()), "Which web host?");
}

TEST(Title, UsesTheHeadlineTheReaderSees) {
  std::string html = page(R"(<title>Quake hits Metropolis, thousands flee | Daily Planet</title>
                             <meta property="og:site_name" content="Daily Planet">)",
                          "<h1>Quake hits Metropolis,  thousands\n flee</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Quake hits Metropolis, thousands flee");
}

TEST(Title, PrefersAnH1ThatAgreesWithTheMetaTitles) {
  std::string html = page(R"(<meta property="og:title" content="Quake hits Metropolis">)",
                          "<h1>Daily Planet</h1><h1>Quake hits Metropolis today</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Quake hits Metropolis today");
}

TEST(Title, IgnoresAnH1ThatIsASlogan) {
  std::string html = page(R"(<title>Customer service software | Acme</title>)",
                          "<h1>Your content. Your canvas.</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Customer service software");
}

TEST(Title, IgnoresAnH1ThatIsTheSiteName) {
  std::string html = page(R"(<meta property="og:site_name" content="Daily Planet">
                             <meta property="og:title" content="Quake hits Metropolis">)",
                          "<h1>Daily Planet</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Quake hits Metropolis");
}

TEST(Title, PrefersTheShownHeadlineToANoscriptFallback) {
  std::string html = page("<title>Williams gets stitches - College Basketball</title>",
                          "<noscript><h1>Williams gets stitches - College Basketball</h1></noscript>"
                          "<h1>Williams gets stitches</h1><p>Text.</p>");
  EXPECT_EQ(metadata_of(html).title, "Williams gets stitches");
}

TEST(Title, ReadsAHeadlineOnlyANoscriptFallbackShows) {
  std::string html = page(R"(<meta property="og:title" content="Laptop review resources">)",
                          "<noscript><h1>Laptop review  resources</h1><p>Text.</p></noscript>");
  Metadata m = metadata_of(html);
  ASSERT_FALSE(m.sources.empty());
  EXPECT_EQ(m.sources.front(), (std::pair<std::string_view, Source>("title", Source::html)));
}

TEST(Title, FallsBackThroughJsonLdAndTwitter) {
  EXPECT_EQ(metadata_of(page(jsonld(R"({"@type": "BlogPosting", "headline": "From JSON-LD"})"))).title, "From JSON-LD");
  EXPECT_EQ(metadata_of(page(R"(<meta name="twitter:title" content="From Twitter">)")).title, "From Twitter");
  EXPECT_EQ(metadata_of(page("", "<h1>Only a heading</h1>")).title, "Only a heading");
  EXPECT_EQ(metadata_of(page("", "<p>Nothing</p>")).title, std::nullopt);
}

}  // namespace
}  // namespace lede::metadata
