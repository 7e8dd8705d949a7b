// Dates of real pages from the WCXB development set, each read off the
// page's own markup: which source wins and which trap it avoids.
#include <gtest/gtest.h>

#include <filesystem>

#include "decode/decode.h"
#include "metadata/metadata.h"
#include "parse/parse.h"
#include "test_support.h"

namespace lede::metadata {
namespace {

struct Dates {
  std::optional<std::string> date, date_modified;
};

Dates dates_of(const std::string& id, std::string_view url) {
  std::string bytes = test::eval_page("wcxb-dev", id);
  decode::Decoded decoded = decode::to_utf8(bytes, {});
  dom::Document doc = parse::parse_document(decoded.text);
  Metadata m = extract(doc, {.page_url = url});
  return {m.date, m.date_modified};
}

class GoldenDates : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::eval_data_dir() + "/wcxb-dev"))
      GTEST_SKIP() << "no evaluation pages beside the repository";
  }
};

TEST_F(GoldenDates, DocumentationDatedByItsMetaNotItsRevision) {
  // <meta name="ms.date"> and <meta name="updated_at">.
  Dates d = dates_of("4409", "https://learn.microsoft.com/en-us/azure/azure-functions/functions-overview");
  EXPECT_EQ(d.date, "2025-03-06T00:00:00+00:00");
  EXPECT_EQ(d.date_modified, "2025-10-23T11:11:00+00:00");
}

TEST_F(GoldenDates, UtcPublishedTimeExpressedAtTheBlogsOwnOffset) {
  // article:published_time 2025-12-19T03:05:00+00:00; the <time> says 19:05 -08:00.
  Dates d = dates_of("0481", "https://spectrecollie.com/2025/12/18/are-ai-evangelists-in-heat/");
  EXPECT_EQ(d.date, "2025-12-18T19:05:00-08:00");
}

TEST_F(GoldenDates, OriginalPublicationNoteOverTheRefreshedDateline) {
  Dates d = dates_of("4565", "https://www.realestate.com.au/advice/pros-cons-living-in-a-tiny-home/");
  EXPECT_EQ(d.date, "2019-09-26");
}

TEST_F(GoldenDates, ForumThreadDatedByItsFirstPostNotAMembersJoinDate) {
  Dates d = dates_of("0536", "https://forums.virtualbox.org/viewtopic.php?t=112320");
  EXPECT_EQ(d.date.value_or("").substr(0, 10), "2024-09-11");
}

TEST_F(GoldenDates, AmbiguousNumericDateReadTheWayTheUrlSpellsIt) {
  // The dateline says "03/10/2023" on an en page; the URL has /2023/october/03/.
  Dates d = dates_of("4690", "https://www.wsetglobal.com/knowledge-centre/blog/2023/october/03/"
                             "how-many-wine-types-and-styles-are-there/");
  EXPECT_EQ(d.date, "2023-10-03");
}

TEST_F(GoldenDates, PageShowingOnlyItsRevisionDate) {
  // "Last Updated : 20 January 2025" under the headline, nothing else.
  Dates d = dates_of("4123", "https://www.eufic.org/en/misinformation/article/"
                             "debunking-10-common-nutrition-myths-for-2025");
  EXPECT_EQ(d.date, "2025-01-20");
  EXPECT_EQ(d.date_modified, "2025-01-20");
}

}  // namespace
}  // namespace lede::metadata
