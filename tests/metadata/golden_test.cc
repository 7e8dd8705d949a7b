// Real pages from the WCXB development set, with the answers read off each
// page's own markup (headline, byline, dateline).
#include <gtest/gtest.h>

#include "decode/decode.h"
#include "metadata/metadata.h"
#include "parse/parse.h"
#include "test_support.h"

namespace lede::metadata {
namespace {

using Names = std::vector<std::string>;

Metadata golden(const std::string& id, std::string_view url) {
  std::string bytes = test::eval_page("wcxb-dev", id);
  decode::Decoded decoded = decode::to_utf8(bytes, {});
  dom::Document doc = parse::parse_document(decoded.text);
  return extract(doc, {.page_url = url});
}

std::string day(const std::optional<std::string>& date) { return date ? date->substr(0, 10) : "<none>"; }

TEST(GoldenMetadata, ReviewsFeatureWithThreeJsonLdAuthors) {
  Metadata m = golden("0010", "https://www.reviewed.com/dishwashers/features/best-year-2025-appliances");
  EXPECT_EQ(m.title, "These are the best major appliances of 2025");
  EXPECT_EQ(m.authors, (Names{"Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"}));
  EXPECT_EQ(day(m.date), "2025-05-19");  // datePublished; the page shows "Updated August 14"
  EXPECT_EQ(m.sitename, "Reviewed");
}

TEST(GoldenMetadata, SchoolPaperWithSiteNameHeadingsAndAPlainTextDate) {
  // Three <h1>s name the paper; the story's own <h1> is the fourth.
  Metadata m = golden("0186", "https://shssoutherner.org/10501/entertainment/a-beginners-guide-to-skincare/");
  EXPECT_EQ(m.title, "A Beginner\u2019s Guide to Skincare");
  EXPECT_EQ(m.authors, (Names{"Audrey Huang"}));
  EXPECT_EQ(m.date, "2024-05-31");
  EXPECT_EQ(m.sitename, "The Southerner");
  EXPECT_EQ(m.language, "en-US");
}

TEST(GoldenMetadata, PersonalBlogWhoseSiteIsItsAuthor) {
  Metadata m = golden("0198", "https://www.kristian-larsen.com/reviews/best-audiobook-subscriptions/");
  EXPECT_EQ(m.title, "Best Audiobook Subscriptions in 2025 - I Tried 11 Services");
  EXPECT_EQ(m.authors, (Names{"Kristian Larsen"}));
  EXPECT_EQ(day(m.date), "2025-07-13");
}

TEST(GoldenMetadata, WriterMistypedAsOrganizationStillFoundInTheByline) {
  Metadata m = golden("0397", "https://gardenwith.me/articles/mastering-clematis-pruning/");
  EXPECT_EQ(m.title, "Mastering Clematis Pruning: A Group-by-Group Guide to Abundant Blooms All Season");
  EXPECT_EQ(m.authors, (Names{"Randy Thompson"}));
  EXPECT_EQ(m.date, "2025-12-20");
  EXPECT_EQ(m.sitename, "GardenWithMe");
}

}  // namespace
}  // namespace lede::metadata
