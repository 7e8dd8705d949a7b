#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "lede/lede.h"
#include "render/json_writer.h"

namespace lede::render {
namespace {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_string("a\"b\\c/"), R"("a\"b\\c/")");
  EXPECT_EQ(json_string("l1\nl2\r\t\b\f"), R"("l1\nl2\r\t\b\f")");
  EXPECT_EQ(json_string(std::string_view("\x01\x1f\x7f\0", 4)), R"("\u0001\u001f\u007f\u0000")");
  EXPECT_EQ(json_string("line\xE2\x80\xA8sep"), R"("line\u2028sep")");
}

TEST(JsonString, KeepsValidUtf8) {
  EXPECT_EQ(json_string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST(JsonString, ReplacesInvalidUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(json_string("a\xFF" "b"), "\"a" + fffd + "b\"");
  EXPECT_EQ(json_string("end\xC3"), "\"end" + fffd + "\"");  // truncated sequence
  EXPECT_EQ(json_string("\xC0\xAF"), "\"" + fffd + fffd + "\"");  // overlong
  EXPECT_EQ(json_string("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // surrogate
  EXPECT_EQ(json_string("\xE2\x82" "x"), "\"" + fffd + "x\"");  // one U+FFFD for the broken prefix
  EXPECT_EQ(json_string("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");  // above U+10FFFF
}

// Long strings, with what needs escaping or checking anywhere in them.
TEST(JsonString, LongStringsEscapeWhereverTheMarkFalls) {
  const std::string fffd = "\xEF\xBF\xBD";
  for (size_t shift = 0; shift <= 16; ++shift) {
    std::string lead(shift, 'x');
    std::string tail(20, 'y');
    EXPECT_EQ(json_string(lead + "say \"hi\" \\ " + tail), "\"" + lead + "say \\\"hi\\\" \\\\ " + tail + "\"") << shift;
    EXPECT_EQ(json_string(lead + "one\ntwo\x7F" + tail), "\"" + lead + "one\\ntwo\\u007f" + tail + "\"") << shift;
    EXPECT_EQ(json_string(lead + "caf\xC3\xA9 \xE2\x80\xA8" + tail), "\"" + lead + "caf\xC3\xA9 \\u2028" + tail + "\"")
        << shift;
    EXPECT_EQ(json_string(lead + "bad\xFF" + tail), "\"" + lead + "bad" + fffd + tail + "\"") << shift;
  }
}

TEST(JsonWriter, WritesCompactNestedValues) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.field("s", std::string_view("v"));
  json.field("none", std::optional<std::string>());
  json.field("list", std::vector<std::string>{"a", "b"});
  json.key("nested");
  json.begin_object();
  json.key("n");
  json.number(1.5);
  json.key("i");
  json.number(3);
  json.key("inf");
  json.number(INFINITY);
  json.key("nan");
  json.number(NAN);
  json.key("flags");
  json.begin_array();
  json.boolean(true);
  json.boolean(false);
  json.null();
  json.end_array();
  json.end_object();
  json.key("empty");
  json.begin_array();
  json.end_array();
  json.end_object();
  EXPECT_EQ(out,
            R"({"s":"v","none":null,"list":["a","b"],"nested":{"n":1.5,"i":3,"inf":null,"nan":null,)"
            R"("flags":[true,false,null]},"empty":[]})");
}

TEST(ArticleJson, AbsentFieldsAreNullAndOptionalOutputsLeftOut) {
  Article article;
  article.text = "Body";
  EXPECT_EQ(to_json(article),
            R"({"title":null,"subtitle":null,"authors":[],"date":null,"date_modified":null,"sitename":null,)"
            R"("description":null,"language":null,"url":null,"image":null,"tags":[],"categories":[],)"
            R"("license":null,"page_type":null,"sources":{},"text":"Body"})");
}

TEST(ArticleJson, LeadingFieldsFirstThenAllFieldsInOrder) {
  Article article;
  article.title = "T \"q\"";
  article.authors = {"Ann", "Bob"};
  article.date = "2024-01-02";
  article.sitename = "Site";
  article.description = "D";
  article.language = "en";
  article.url = "https://ex.org/";
  article.page_type = "article";
  article.tags = {"x"};
  article.sources = {{"title", "json-ld"}, {"date", "meta"}};
  article.text = "a\n\nb";
  article.markdown = "*a*";
  article.html = "<p>a</p>";
  article.comments = "c";
  EXPECT_EQ(to_json(article, {{"id", "7"}, {"source", "x.html"}}),
            R"({"id":"7","source":"x.html","title":"T \"q\"","subtitle":null,"authors":["Ann","Bob"],)"
            R"("date":"2024-01-02","date_modified":null,"sitename":"Site","description":"D","language":"en",)"
            R"("url":"https://ex.org/","image":null,"tags":["x"],"categories":[],"license":null,)"
            R"("page_type":"article","sources":{"title":"json-ld","date":"meta"},)"
            R"("text":"a\n\nb","markdown":"*a*","html":"<p>a</p>","comments":"c"})");
}

TEST(FormatArticle, MetadataHeaderListsFieldsWithValues) {
  Article article;
  article.title = "Title";
  article.authors = {"Jane Roe", "John Doe"};
  article.date = "2024-05-31T09:04:00+01:00";
  article.text = "Body.";
  EXPECT_EQ(format_article(article, Format::txt, true),
            "---\ntitle: Title\nauthors: Jane Roe; John Doe\ndate: 2024-05-31T09:04:00+01:00\n---\n"
            "Title\n\nBody.");
  EXPECT_EQ(format_article(article, Format::markdown, true),
            "---\ntitle: Title\nauthors: Jane Roe; John Doe\ndate: 2024-05-31T09:04:00+01:00\n---\n"
            "# Title\n\nBody.");
  EXPECT_EQ(format_article(article, Format::txt), "Title\n\nBody.");
}

TEST(FormatArticle, TxtIsTitleBlankLineText) {
  Article article;
  article.text = "Body.";
  EXPECT_EQ(format_article(article, Format::txt), "Body.");
  article.title = "Title";
  EXPECT_EQ(format_article(article, Format::txt), "Title\n\nBody.");
}

TEST(FormatArticle, MarkdownHasAnEscapedHeadingAndFallsBackToText) {
  Article article;
  article.title = "Why *this*  matters";
  article.text = "plain";
  EXPECT_EQ(format_article(article, Format::markdown), "# Why \\*this\\* matters\n\nplain");
  article.markdown = "**rich**";
  EXPECT_EQ(format_article(article, Format::markdown), "# Why \\*this\\* matters\n\n**rich**");
}

TEST(FormatArticle, HtmlIsACompleteEscapedDocument) {
  Article article;
  article.title = "A <b> & C";
  article.language = "en";
  article.text = "one\ntwo\n\nthree <x>";
  EXPECT_EQ(format_article(article, Format::html),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>A &lt;b&gt; &amp; C</title>\n</head>\n<body>\n<h1>A &lt;b&gt; &amp; C</h1>\n"
            "<p>one<br>\ntwo</p>\n<p>three &lt;x&gt;</p>\n</body>\n</html>");
  article.html = "<p>rich</p>";
  std::string page = format_article(article, Format::html);
  EXPECT_NE(page.find("</h1>\n<p>rich</p>\n</body>"), std::string::npos) << page;
}

TEST(FormatArticle, JsonIsToJson) {
  Article article;
  article.title = "T";
  article.text = "x";
  EXPECT_EQ(format_article(article, Format::json), to_json(article));
}

}  // namespace
}  // namespace lede::render
