// Golden tests: the whole JSON output (metadata, text, Markdown) for a few
// real pages the extractor handles well, checked in under expected/. Any
// change to what lede returns for them shows up here; when the change is
// intended, tools/update-golden.sh rewrites the files (it runs this test with
// LEDE_UPDATE_GOLDEN=1) and the diff is reviewed like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "lede/lede.h"
#include "test_support.h"

namespace {

std::string expected_path(const std::string& set, const std::string& id) {
  return std::string(LEDE_SOURCE_DIR) + "/tests/golden/expected/" + set + "__" + id + ".json";
}

bool updating() {
  const char* flag = std::getenv("LEDE_UPDATE_GOLDEN");
  return flag && std::string_view(flag) == "1";
}

// The key of the JSON field whose value holds `pos`: the last unescaped
// `"key":` before it. Inside strings every quote is escaped, so an
// unescaped quote followed by a colon always ends a key.
std::string field_at(std::string_view json, size_t pos) {
  for (size_t colon = json.rfind("\":", pos); colon != std::string_view::npos && colon > 0;
       colon = json.rfind("\":", colon - 1)) {
    size_t backslashes = 0;
    while (backslashes < colon && json[colon - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) continue;
    size_t open = json.rfind('"', colon - 1);
    if (open != std::string_view::npos) return std::string(json.substr(open + 1, colon - open - 1));
  }
  return "?";
}

std::string around(std::string_view s, size_t pos) {
  constexpr size_t kContext = 80;
  size_t from = pos > kContext ? pos - kContext : 0;
  std::string out = from > 0 ? "..." : "";
  out += s.substr(from, pos - from);
  out += "<<HERE>>";
  out += s.substr(pos, kContext);
  if (pos + kContext < s.size()) out += "...";
  return out;
}

std::string mismatch_hint(std::string_view expected, std::string_view actual) {
  size_t pos = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end()).first -
               expected.begin();
  std::ostringstream hint;
  hint << "output differs from the golden file at byte " << pos << " (expected " << expected.size()
       << " bytes, got " << actual.size() << "), in field \"" << field_at(expected, pos) << "\"\n"
       << "  expected: " << around(expected, pos) << "\n"
       << "  actual:   " << around(actual, pos) << "\n"
       << "If the change is intended, run tools/update-golden.sh and review the diff.";
  return hint.str();
}

void check_golden(const std::string& set, const std::string& id) {
  if (!std::filesystem::exists(lede::test::eval_data_dir() + "/" + set))
    GTEST_SKIP() << "no evaluation pages beside the repository (" << lede::test::eval_data_dir() << ")";
  lede::Options options;
  options.markdown = true;
  std::string actual = lede::to_json(lede::extract(lede::test::eval_page(set, id), options)) + "\n";
  const std::string path = expected_path(set, id);
  if (updating()) {
    lede::test::write_file(path, actual);
    std::cout << "wrote " << path << "\n";
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << "missing golden file " << path << ": run tools/update-golden.sh to create it";
  std::string expected = lede::test::read_file(path);
  if (expected != actual) ADD_FAILURE() << mismatch_hint(expected, actual);
}

TEST(Golden, FieldAtFindsTheEnclosingKey) {
  std::string_view json = R"({"title":"a \":b","text":"x, \"y\": z","n":["p","q"]})";
  EXPECT_EQ(field_at(json, json.find("b\"")), "title");
  EXPECT_EQ(field_at(json, json.find("z")), "text");
  EXPECT_EQ(field_at(json, json.find("q")), "n");
}

TEST(Golden, WcxbDevArticleWithNumberedTips) { check_golden("wcxb-dev", "0015"); }
TEST(Golden, WcxbDevLongEssay) { check_golden("wcxb-dev", "0160"); }
TEST(Golden, WcxbDevDocumentationWithTable) { check_golden("wcxb-dev", "4409"); }
TEST(Golden, DragnetBlogPostWithComments) { check_golden("dragnet", "R930"); }
TEST(Golden, L3sNewsArticle) { check_golden("l3s-gn1", "1ae477e7-83e3-4257-91fb-26261ed537b1"); }
TEST(Golden, CleanevalSportsColumn) { check_golden("cleaneval", "final-290"); }
TEST(Golden, CleanportalevalNewspaperBlog) { check_golden("cleanportaleval", "washingtonpost.com_blog1_12"); }
TEST(Golden, Newspaper4kArticleWithEmbeddedTweet) { check_golden("newspaper4k", "legacy-mlive.com2"); }

}  // namespace
