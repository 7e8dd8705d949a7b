// The page type: declared schema.org types and og:type first, the page's
// structure only when it is unmistakable.
#include <gtest/gtest.h>

#include "metadata/metadata.h"
#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using test::jsonld;
using test::metadata_of;
using test::page;

std::optional<std::string> type_of(std::string_view head, std::string_view body = "") {
  return metadata_of(page(head, body)).page_type;
}

std::string ld_type(std::string_view type) { return jsonld(R"({"@type": ")" + std::string(type) + R"("})"); }

TEST(PageTypeMetadata, MapsJsonLdTypes) {
  EXPECT_EQ(type_of(ld_type("NewsArticle")), "article");
  EXPECT_EQ(type_of(ld_type("BlogPosting")), "article");
  EXPECT_EQ(type_of(ld_type("Report")), "article");
  EXPECT_EQ(type_of(ld_type("Product")), "product");
  EXPECT_EQ(type_of(ld_type("QAPage")), "forum");
  EXPECT_EQ(type_of(ld_type("DiscussionForumPosting")), "forum");
  EXPECT_EQ(type_of(ld_type("TechArticle")), "documentation");
  EXPECT_EQ(type_of(ld_type("APIReference")), "documentation");
  EXPECT_EQ(type_of(ld_type("CollectionPage")), "listing");
  EXPECT_EQ(type_of(ld_type("SearchResultsPage")), "listing");
  EXPECT_EQ(type_of(ld_type("Organization")), std::nullopt);
}

TEST(PageTypeMetadata, TheMostSpecificDeclaredTypeWins) {
  EXPECT_EQ(type_of(jsonld(R"({"@graph": [{"@type": "CollectionPage"}, {"@type": "Article", "headline": "H"}]})")),
            "article");
  EXPECT_EQ(type_of(jsonld(R"([{"@type": "Article", "headline": "H"}, {"@type": "DiscussionForumPosting"}])")),
            "forum");
  EXPECT_EQ(type_of(jsonld(R"({"@type": ["WebPage", "QAPage"]})")), "forum");
}

TEST(PageTypeMetadata, IgnoresTypesNestedInOtherItems) {
  // Teasers listed on a page do not make it an article.
  EXPECT_EQ(type_of(jsonld(R"({"@type": "ItemList", "itemListElement": [
      {"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Teaser"}}]})")),
            "listing");
  // Nor does the product an article reviews.
  EXPECT_EQ(type_of(jsonld(R"({"@type": "Review", "itemReviewed": {"@type": "Product", "name": "P"}})")),
            std::nullopt);
}

TEST(PageTypeMetadata, ReadsMicrodataAndOpenGraph) {
  EXPECT_EQ(type_of("", R"(<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">P</span></div>)"),
            "product");
  EXPECT_EQ(type_of("", R"(<div itemscope itemtype="http://schema.org/Review">
      <div itemprop="itemReviewed" itemscope itemtype="http://schema.org/Product"></div></div>)"),
            std::nullopt);
  EXPECT_EQ(type_of(R"(<meta property="og:type" content="product">)"), "product");
  EXPECT_EQ(type_of(R"(<meta property="og:type" content="product.group">)"), "listing");
  EXPECT_EQ(type_of(R"(<meta property="og:type" content="website">)"), std::nullopt);
}

TEST(PageTypeMetadata, AnOpenGraphArticleNeedsAPublicationDate) {
  EXPECT_EQ(type_of(R"(<meta property="og:type" content="article">
                       <meta property="article:published_time" content="2024-05-31T10:00:00Z">)"),
            "article");
  // Many CMSs declare every page an article: an undated one is no evidence.
  EXPECT_EQ(type_of(R"(<meta property="og:type" content="article">)"), std::nullopt);
}

TEST(PageTypeMetadata, RecognisesForumAndDocumentationSoftware) {
  EXPECT_EQ(type_of(R"(<meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse">)"), "forum");
  EXPECT_EQ(type_of(R"(<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.7.0">)"), "documentation");
  EXPECT_EQ(type_of(R"(<meta name="generator" content="WordPress 6.5">)"), std::nullopt);
}

TEST(PageTypeMetadata, ReadsForumAndDocumentationAddresses) {
  auto at = [](std::string_view url) { return metadata_of(page(""), url).page_type; };
  EXPECT_EQ(at("https://forum.example.org/viewtopic.php?t=42"), "forum");
  EXPECT_EQ(at("https://example.com/community/threads/help-me.123/"), "forum");
  EXPECT_EQ(at("https://example.com/docs/getting-started"), "documentation");
  EXPECT_EQ(at("https://docs.example.com/guide"), "documentation");
  // A segment, not a substring: /docsis-modems/ and /api-news/ say nothing.
  EXPECT_EQ(at("https://example.com/docsis-modems/"), std::nullopt);
  EXPECT_EQ(at("https://example.com/news/2024/api-news"), std::nullopt);
  // Markup outranks the address.
  EXPECT_EQ(metadata_of(page(ld_type("NewsArticle")), "https://example.com/docs/x").page_type, "article");
}

TEST(PageTypeMetadata, RecordsWhereTheTypeCameFrom) {
  Metadata m = metadata_of(page(ld_type("Product") + R"(<meta property="og:type" content="article">)"));
  ASSERT_EQ(m.page_type, "product");
  bool found = false;
  for (const auto& [field, source] : m.sources)
    if (field == "page_type") found = source == Source::json_ld;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace lede::metadata
