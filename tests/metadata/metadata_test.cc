#include "metadata/metadata.h"

#include <gtest/gtest.h>

#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using Names = std::vector<std::string>;
using test::jsonld;
using test::metadata_of;
using test::page;

TEST(JsonLdMetadata, FindsTheArticleInAGraph) {
  std::string html = page(jsonld(R"({"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Daily Planet"},
      {"@type": "WebPage", "name": "Quake | Daily Planet", "datePublished": "2024-01-01"},
      {"@type": ["NewsArticle"], "headline": "Quake hits Metropolis", "datePublished": "2024-05-31",
       "author": {"@type": "Person", "name": "Lois Lane"}, "description": "All about it."}]})"));
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.title, "Quake hits Metropolis");
  EXPECT_EQ(m.date, "2024-05-31");
  EXPECT_EQ(m.authors, (Names{"Lois Lane"}));
  EXPECT_EQ(m.sitename, "Daily Planet");
  EXPECT_EQ(m.description, "All about it.");
}

TEST(JsonLdMetadata, ReadsTopLevelArraysAndSeveralScripts) {
  std::string html = page(jsonld(R"([{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle",
                                      "headline": "H", "author": ["Jane Roe", "John Doe"]}])") +
                          jsonld(R"({"@type": "Organization", "name": "Planet Corp"})"));
  EXPECT_EQ(metadata_of(html).authors, (Names{"Jane Roe", "John Doe"}));
}

TEST(JsonLdMetadata, IgnoresArticlesListedInsideOtherItems) {
  std::string html = page(jsonld(R"({"@type": "ItemList", "itemListElement": [
      {"@type": "ListItem", "item": {"@type": "Article", "headline": "Teaser",
       "datePublished": "2024-02-02", "author": {"@type": "Person", "name": "Jane Roe"}}}]})"));
  Metadata m = metadata_of(html, "https://example.com/list");
  EXPECT_EQ(m.authors, Names{});
  EXPECT_EQ(m.date, std::nullopt);
}

TEST(JsonLdMetadata, SurvivesBrokenJson) {
  std::string html = page("<script type=\"application/ld+json\">\n//<![CDATA[\n"
                          "{\"@type\": \"NewsArticle\",\n \"headline\": \"Line one\nline two\",\n"
                          " \"author\": {\"@type\": \"Person\", \"name\": \"Jane Roe\",},\n"
                          " \"datePublished\": \"2024-05-31T10:00:00+02:00\",}\n//]]>\n</script>");
  Metadata m = metadata_of(html);
  EXPECT_EQ(m.title, "Line one line two");
  EXPECT_EQ(m.authors, (Names{"Jane Roe"}));
  EXPECT_EQ(m.date, "2024-05-31T10:00:00+02:00");
}

TEST(JsonLdMetadata, DecodesEntitiesInValues) {
  std::string html = page(jsonld(R"({"@type": "Article", "headline": "Rock &amp; Roll&#8217;s <b>return</b>"})"));
  EXPECT_EQ(metadata_of(html).title, "Rock & Roll’s return");
}

TEST(SiteMetadata, ReadsSitenameFromTheBestSource) {
  EXPECT_EQ(metadata_of(page(R"(<meta property="og:site_name" content=" Daily  Planet ">)")).sitename, "Daily Planet");
  EXPECT_EQ(metadata_of(page(R"(<meta name="application-name" content="Planet App">)")).sitename, "Planet App");
  EXPECT_EQ(metadata_of(page("<title>No site here</title>")).sitename, std::nullopt);
}

TEST(SiteMetadata, ReadsTheDescription) {
  EXPECT_EQ(metadata_of(page(R"(<meta name="description" content="Plain.">
                                <meta property="og:description" content="Open Graph.">)")).description,
            "Open Graph.");
  EXPECT_EQ(metadata_of(page(R"(<meta name="description" content="Plain.">)")).description, "Plain.");
}

TEST(SiteMetadata, NormalisesTheLanguage) {
  EXPECT_EQ(metadata_of("<html lang=\"en_us\"><body></body></html>").language, "en-US");
  EXPECT_EQ(metadata_of("<html lang=\"zh-hans-cn\"><body></body></html>").language, "zh-Hans-CN");
  EXPECT_EQ(metadata_of("<html lang=\"DE\"><body></body></html>").language, "de");
  EXPECT_EQ(metadata_of(page(R"(<meta http-equiv="Content-Language" content="fr-CA, en">)")).language, "fr-CA");
  EXPECT_EQ(metadata_of(page(R"(<meta property="og:locale" content="pt_BR">)")).language, "pt-BR");
  EXPECT_EQ(metadata_of("<html lang=\"{{lang}}\"><body></body></html>").language, std::nullopt);
}

TEST(SiteMetadata, ResolvesTheCanonicalUrl) {
  std::string relative = page(R"(<link rel="canonical" href="../story?id=7#top">)");
  EXPECT_EQ(metadata_of(relative, "https://example.com/news/world/old").url, "https://example.com/news/story?id=7#top");
  std::string rooted = page(R"(<link rel="canonical" href="/a/b">)");
  EXPECT_EQ(metadata_of(rooted, "http://example.com/x/y").url, "http://example.com/a/b");
  std::string scheme_relative = page(R"(<link rel="canonical" href="//cdn.example.com/a">)");
  EXPECT_EQ(metadata_of(scheme_relative, "https://example.com/").url, "https://cdn.example.com/a");
}

TEST(SiteMetadata, FallsBackFromCanonicalToOgUrlToThePageUrl) {
  std::string og = page(R"(<meta property="og:url" content="https://example.com/og">)");
  EXPECT_EQ(metadata_of(og, "https://example.com/fetched").url, "https://example.com/og");
  EXPECT_EQ(metadata_of(page(""), "https://example.com/fetched").url, "https://example.com/fetched");
  EXPECT_EQ(metadata_of(page(R"(<link rel="canonical" href="/relative">)"), "").url, std::nullopt);
  EXPECT_EQ(metadata_of(page(R"html(<link rel="canonical" href="javascript:void(0)">)html"), "").url, std::nullopt);
}

TEST(SiteMetadata, LeavesAnEmptyPageEmpty) {
  Metadata m = metadata_of("", "");
  EXPECT_EQ(m.title, std::nullopt);
  EXPECT_TRUE(m.authors.empty());
  EXPECT_EQ(m.date, std::nullopt);
  EXPECT_EQ(m.sitename, std::nullopt);
  EXPECT_EQ(m.description, std::nullopt);
  EXPECT_EQ(m.language, std::nullopt);
  EXPECT_EQ(m.url, std::nullopt);
}

TEST(SiteMetadata, HandlesDeepNestingWithoutRecursion) {
  std::string html = "<title>Deep</title>";
  for (int i = 0; i < 100000; ++i) html += "<div class=author>";
  html += "By Jane Roe";
  EXPECT_EQ(metadata_of(html).title, "Deep");
}

}  // namespace
}  // namespace lede::metadata
