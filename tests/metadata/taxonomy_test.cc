// Tags, categories, the lead image and the licence: each from the best
// source the page has, cleaned, and absolute where it is a URL.
#include <gtest/gtest.h>

#include "metadata/metadata.h"
#include "metadata/taxonomy.h"
#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using Names = std::vector<std::string>;
using test::jsonld;
using test::metadata_of;
using test::page;

std::string source_of(const Metadata& m, std::string_view field) {
  for (const auto& [name, source] : m.sources)
    if (name == field) return std::string(source_name(source));
  return "<none>";
}

TEST(TagMetadata, SplitsJsonLdKeywordsAndDropsRepeats) {
  Metadata m = metadata_of(page(jsonld(R"({"@type": "NewsArticle", "headline": "H",
                                           "keywords": " Earthquakes ,Metropolis,, earthquakes, Rock &amp; Roll"})")));
  EXPECT_EQ(m.tags, (Names{"Earthquakes", "Metropolis", "Rock & Roll"}));
  EXPECT_EQ(source_of(m, "tags"), "json-ld");
  Metadata array = metadata_of(page(jsonld(R"({"@type": "BlogPosting", "keywords": ["C++", "C", "c++"]})")));
  EXPECT_EQ(array.tags, (Names{"C++", "C"}));
}

TEST(TagMetadata, FallsBackToArticleTagThenKeywordMeta) {
  Metadata og = metadata_of(page(R"(<meta property="article:tag" content="Science">
                                    <meta property="article:tag" content="Geology">
                                    <meta name="keywords" content="seo, junk">)"));
  EXPECT_EQ(og.tags, (Names{"Science", "Geology"}));
  EXPECT_EQ(source_of(og, "tags"), "opengraph");
  Metadata meta = metadata_of(page(R"(<meta name="news_keywords" content="quake; city">)"));
  EXPECT_EQ(meta.tags, (Names{"quake", "city"}));
  EXPECT_EQ(source_of(meta, "tags"), "meta");
  EXPECT_EQ(metadata_of(page("<title>T</title>")).tags, Names{});
}

TEST(TagMetadata, KeepsAtMostThirtyShortTerms) {
  std::string list;
  for (int i = 0; i < 50; ++i) list += "tag" + std::to_string(i) + ",";
  list += std::string(200, 'x');
  Metadata m = metadata_of(page(R"(<meta name="keywords" content=")" + list + "\">"));
  EXPECT_EQ(m.tags.size(), kMaxTerms);
  EXPECT_EQ(m.tags.front(), "tag0");
  Metadata sentence = metadata_of(page(R"(<meta name="keywords" content=")" + std::string(200, 'x') + "\">"));
  EXPECT_EQ(sentence.tags, Names{});
}

TEST(CategoryMetadata, ReadsArticleSectionFromJsonLdThenOpenGraph) {
  Metadata ld = metadata_of(page(jsonld(R"({"@type": "NewsArticle", "headline": "H",
                                            "articleSection": ["World", "Europe"]})")));
  EXPECT_EQ(ld.categories, (Names{"World", "Europe"}));
  EXPECT_EQ(source_of(ld, "categories"), "json-ld");
  Metadata og = metadata_of(page(R"(<meta property="article:section" content="Science">)"));
  EXPECT_EQ(og.categories, (Names{"Science"}));
  EXPECT_EQ(source_of(og, "categories"), "opengraph");
}

TEST(ImageMetadata, ResolvesOpenGraphAndTwitterImagesAgainstThePage) {
  Metadata og = metadata_of(page(R"(<meta property="og:image" content="/img/quake.jpg">
                                    <meta name="twitter:image" content="https://cdn.example.com/t.jpg">)"),
                            "https://news.example.com/world/story");
  EXPECT_EQ(og.image, "https://news.example.com/img/quake.jpg");
  EXPECT_EQ(source_of(og, "image"), "opengraph");
  Metadata twitter = metadata_of(page(R"(<meta name="twitter:image" content="//cdn.example.com/t.jpg">)"), "");
  EXPECT_EQ(twitter.image, "https://cdn.example.com/t.jpg");
  EXPECT_EQ(metadata_of(page(R"(<meta property="og:image" content="data:image/png;base64,AAAA">)")).image,
            std::nullopt);
}

TEST(ImageMetadata, ReadsEveryShapeOfJsonLdImage) {
  auto image_of = [](std::string_view value) {
    return metadata_of(page(jsonld(R"({"@type": "NewsArticle", "headline": "H", "image": )" + std::string(value) +
                                   "}")),
                       "https://example.com/a/b")
        .image;
  };
  EXPECT_EQ(image_of(R"("https://example.com/1.jpg")"), "https://example.com/1.jpg");
  EXPECT_EQ(image_of(R"({"@type": "ImageObject", "url": "/2.jpg"})"), "https://example.com/2.jpg");
  EXPECT_EQ(image_of(R"([{"@type": "ImageObject", "contentUrl": "3.jpg"}, "4.jpg"])"), "https://example.com/a/3.jpg");
  EXPECT_EQ(image_of(R"([])"), std::nullopt);
  std::string by_id = page(jsonld(R"({"@graph": [{"@type": "Article", "headline": "H", "image": {"@id": "#img"}},
                                                 {"@type": "ImageObject", "@id": "#img", "url": "/5.jpg"}]})"));
  EXPECT_EQ(metadata_of(by_id, "https://example.com/").image, "https://example.com/5.jpg");
}

TEST(LicenseMetadata, PrefersJsonLdThenLinkRelLicense) {
  Metadata ld = metadata_of(page(jsonld(R"({"@type": "Article", "headline": "H",
      "license": "https://creativecommons.org/licenses/by/4.0/"})") + R"(<link rel="license" href="/terms">)"));
  EXPECT_EQ(ld.license, "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(source_of(ld, "license"), "json-ld");
  Metadata link = metadata_of(page(R"(<link rel="license" href="/terms">)"), "https://example.com/a");
  EXPECT_EQ(link.license, "https://example.com/terms");
  EXPECT_EQ(source_of(link, "license"), "html");
}

TEST(LicenseMetadata, ReadsLicenceLinksInTheFooter) {
  Metadata rel = metadata_of(page("", R"(<p>Text</p><footer><a href="https://creativecommons.org/licenses/by/4.0/">CC</a>
      <a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></footer>)"));
  EXPECT_EQ(rel.license, "https://creativecommons.org/licenses/by-sa/4.0/");
  Metadata bare = metadata_of(page("", R"(<footer>Licensed under
      <a href="http://creativecommons.org/licenses/by-nc/3.0/">a Creative Commons licence</a></footer>)"));
  EXPECT_EQ(bare.license, "http://creativecommons.org/licenses/by-nc/3.0/");
  Metadata text = metadata_of(page("", R"(<a rel="license">CC BY 4.0</a>)"));
  EXPECT_EQ(text.license, "CC BY 4.0");
  EXPECT_EQ(metadata_of(page("", R"(<a rel="license"><img src="badge.png"></a>)"), "").license, std::nullopt);
}

TEST(LicenseMetadata, ReadsLicenceMetaTagsButNotOtherLinks) {
  Metadata meta = metadata_of(page(R"(<meta name="dc.rights" content="CC0 1.0 Universal">)"));
  EXPECT_EQ(meta.license, "CC0 1.0 Universal");
  EXPECT_EQ(source_of(meta, "license"), "meta");
  EXPECT_EQ(metadata_of(page("", R"(<footer><a href="/privacy">Privacy licence terms</a></footer>)")).license,
            std::nullopt);
}

}  // namespace
}  // namespace lede::metadata
