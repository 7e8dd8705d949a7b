#include "metadata/json.h"

#include <gtest/gtest.h>

#include <string>

namespace lede::metadata {
namespace {

// The string value at object member `key` of the first root, or "<none>".
std::string string_member(const Json& json, std::string_view key) {
  if (json.roots().empty()) return "<none>";
  int32_t m = json.member(json.roots()[0], key);
  return m < 0 ? "<none>" : json.node(m).text;
}

TEST(TolerantJson, ReadsWellFormedObjects) {
  Json json = Json::parse(R"({"@type": "NewsArticle", "n": 3, "ok": true, "list": [1, "a"], "o": {"k": null}})");
  ASSERT_EQ(json.roots().size(), 1u);
  int32_t root = json.roots()[0];
  EXPECT_EQ(string_member(json, "@type"), "NewsArticle");
  EXPECT_EQ(json.node(json.member(root, "n")).kind, JsonKind::number);
  EXPECT_EQ(json.node(json.member(root, "ok")).kind, JsonKind::boolean);
  EXPECT_EQ(json.children(json.member(root, "list")).size(), 2u);
  int32_t inner = json.member(root, "o");
  EXPECT_EQ(json.node(json.member(inner, "k")).kind, JsonKind::null);
}

TEST(TolerantJson, DecodesEscapesAndSurrogatePairs) {
  Json json = Json::parse(R"({"a": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/"})");
  EXPECT_EQ(string_member(json, "a"), "café 😀 \"q\" \\ /");
}

TEST(TolerantJson, ToleratesTrailingAndDoubledCommas) {
  Json json = Json::parse(R"({"a": "x",, "b": ["1", "2",], })");
  EXPECT_EQ(string_member(json, "a"), "x");
  EXPECT_EQ(json.children(json.member(json.roots()[0], "b")).size(), 2u);
}

TEST(TolerantJson, KeepsRawNewlinesInsideStrings) {
  Json json = Json::parse("{\"headline\": \"Two\nlines\", \"b\": \"c\"}");
  EXPECT_EQ(string_member(json, "headline"), "Two lines");
  EXPECT_EQ(string_member(json, "b"), "c");
}

TEST(TolerantJson, TreatsUnescapedInnerQuotesAsText) {
  Json json = Json::parse(R"({"headline": "He said "no" to it", "b": "c"})");
  EXPECT_EQ(string_member(json, "headline"), "He said \"no\" to it");
  EXPECT_EQ(string_member(json, "b"), "c");
}

TEST(TolerantJson, SkipsCdataWrappersAndComments) {
  Json json = Json::parse("//<![CDATA[\n{\"a\": /* note */ \"x\"} // end\n//]]>");
  EXPECT_EQ(string_member(json, "a"), "x");
}

TEST(TolerantJson, DecodesAnHtmlEscapedScript) {
  Json json = Json::parse("{&quot;@type&quot;: &quot;Article&quot;}");
  EXPECT_EQ(string_member(json, "@type"), "Article");
}

TEST(TolerantJson, ReadsObjectsBackToBack) {
  Json json = Json::parse(R"({"a": "1"} {"a": "2"})");
  EXPECT_EQ(json.roots().size(), 2u);
}

TEST(TolerantJson, KeepsWhatPrecedesATruncation) {
  Json json = Json::parse(R"({"headline": "Kept", "author": {"name": "Jane)");
  EXPECT_EQ(string_member(json, "headline"), "Kept");
}

TEST(TolerantJson, SurvivesHostileNesting) {
  std::string deep(200000, '[');
  Json json = Json::parse(deep);
  EXPECT_EQ(json.roots().size(), 1u);
}

}  // namespace
}  // namespace lede::metadata
