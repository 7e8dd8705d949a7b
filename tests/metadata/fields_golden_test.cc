// Real pages from the WCXB development set: the standfirst, image, page type
// and language, with the answers read off each page.
#include <gtest/gtest.h>

#include "decode/decode.h"
#include "metadata/metadata.h"
#include "parse/parse.h"
#include "test_support.h"

namespace lede::metadata {
namespace {

Metadata golden(const std::string& id, std::string_view url = "") {
  std::string bytes = test::eval_page("wcxb-dev", id);
  decode::Decoded decoded = decode::to_utf8(bytes, {});
  dom::Document doc = parse::parse_document(decoded.text);
  return extract(doc, {.page_url = url});
}

TEST(GoldenFields, MagazineStandfirstUnderTheHeadline) {
  Metadata m = golden("4591");
  EXPECT_EQ(m.subtitle, "Here's how to make your to-do list a bit more manageable.");
  EXPECT_TRUE(m.image && m.image->starts_with("https://www.brides.com/thmb/")) << m.image.value_or("<none>");
  EXPECT_EQ(m.page_type, "article");
}

TEST(GoldenFields, NewspaperSubheadInAnH2) {
  Metadata m = golden("0120");
  EXPECT_EQ(m.subtitle,
            "In a world marked by war, climate instability and widening inequality, meditation offers a "
            "counterbalance \u2014 a disciplined practice of inner steadiness amid constant disruption.");
  EXPECT_EQ(m.page_type, "article");
}

TEST(GoldenFields, ListicleWhoseIntroIsTheBodyHasNoSubtitle) {
  // "listicle-intro" opens the body below the lead image; the visible dek
  // above it carries no name to know it by.
  Metadata m = golden("4499");
  EXPECT_EQ(m.subtitle, std::nullopt);
  EXPECT_EQ(m.page_type, "article");
}

TEST(GoldenFields, DocumentationSiteKnownByItsGenerator) {
  Metadata m = golden("0678");
  EXPECT_EQ(m.page_type, "documentation");
  EXPECT_EQ(m.subtitle, std::nullopt);
}

TEST(GoldenFields, ProductGroupIsAListing) {
  EXPECT_EQ(golden("0634").page_type, "listing");
}

TEST(GoldenFields, TranslatedDocsOverrideTheTemplatesEnglish) {
  // <html lang="en"> on the Indonesian translation of the React docs.
  Metadata m = golden("4403");
  EXPECT_EQ(m.language, "id");
  EXPECT_EQ(m.page_type, "documentation");  // from its /docs/ address
}

}  // namespace
}  // namespace lede::metadata
