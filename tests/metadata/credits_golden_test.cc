// Real pages from the WCXB development set whose headline or byline takes
// one of the less common paths: a headline <h1> that repeats the <title>'s
// section and site, a forum served in <noscript>, a team credited beside a
// reviewer, a byline that is only text opening with "by".
#include <gtest/gtest.h>

#include <filesystem>

#include "decode/decode.h"
#include "metadata/metadata.h"
#include "parse/parse.h"
#include "test_support.h"

namespace lede::metadata {
namespace {

using Names = std::vector<std::string>;

Metadata dev_page(const std::string& id) {
  std::string bytes = test::eval_page("wcxb-dev", id);
  decode::Decoded decoded = decode::to_utf8(bytes, {});
  dom::Document doc = parse::parse_document(decoded.text);
  return extract(doc, {});
}

std::optional<Source> source_of(const Metadata& m, std::string_view field) {
  for (const auto& [name, source] : m.sources)
    if (name == field) return source;
  return std::nullopt;
}

class GoldenCredits : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::eval_data_dir() + "/wcxb-dev")) GTEST_SKIP() << "no evaluation pages";
  }
};

TEST_F(GoldenCredits, HeadlineThatRepeatsSectionAndSite) {
  // <h1>How to help babies, ... night | Patient Education | UC Davis Children's Hospital</h1>
  Metadata m = dev_page("4180");
  EXPECT_EQ(m.title, "How to help babies, toddlers sleep through the night");
  EXPECT_EQ(source_of(m, "title"), Source::html);
}

TEST_F(GoldenCredits, DiscourseThreadServedInNoscript) {
  Metadata m = dev_page("1069");
  EXPECT_EQ(m.title, "Laptop review/recommendation resources");
  EXPECT_EQ(m.authors, (Names{"Klaustrophobia"}));  // the opening post's, not a reply's
  EXPECT_EQ(source_of(m, "authors"), Source::microdata);
}

TEST_F(GoldenCredits, TeamCreditedBesideAReviewerAndAFactChecker) {
  // "By The Investopedia Team", "Reviewed by Margaret James", "Fact checked by Yarilet Perez".
  Metadata m = dev_page("0044");
  EXPECT_EQ(m.authors, (Names{"The Investopedia Team"}));
}

TEST_F(GoldenCredits, BylineThatIsOnlyTextOpeningWithBy) {
  // <span>Published August 7, 2023</span> <span>by Nicole Burke</span>
  Metadata m = dev_page("0145");
  EXPECT_EQ(m.authors, (Names{"Nicole Burke"}));
  EXPECT_EQ(source_of(m, "authors"), Source::byline);
}

}  // namespace
}  // namespace lede::metadata
