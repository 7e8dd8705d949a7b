// What lede::extract promises on hostile input: broken markup still yields
// the prose, absurd sizes and depths finish, bad bytes never leak into the
// output as invalid UTF-8, binary files are refused, and results are stable.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "lede/lede.h"
#include "test_support.h"

namespace {

using lede::Article;
using lede::Options;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kParagraph =
    "<p>The ferry to the outer islands runs twice a day in summer and once a day in winter. "
    "Tickets are sold at the harbour office, which opens an hour before each sailing. "
    "Passengers with bicycles are asked to board first and to leave them on the lower deck.</p>\n";

constexpr std::string_view kSentence = "Tickets are sold at the harbour office";

std::string article_page(std::string_view body_inside) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Island ferry timetable</title>"
         "</head><body><header class=\"site-header\"><nav><a href=\"/\">Home</a> "
         "<a href=\"/travel/\">Travel</a></nav></header><main><article>" +
         std::string(body_inside) + "</article></main></body></html>";
}

std::string paragraphs(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += kParagraph;
  return out;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool eval_data_present() { return std::filesystem::exists(lede::test::eval_data_dir()); }

TEST(Robustness, Utf8CheckerRejectsWhatItShould) {
  EXPECT_TRUE(is_valid_utf8("plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  for (std::string_view bad : {"\xFF", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80"})
    EXPECT_FALSE(is_valid_utf8(bad));
}

TEST(Robustness, BrokenHtmlStillYieldsTheProse) {
  // The <title> is closed: an unclosed one swallows the rest of the page as
  // its text, in browsers too.
  std::string broken =
      "<html><head><title>Island ferry timetable</title><body><div class=\"content\">"
      "<p>The ferry to the outer islands runs twice a day in summer and once a day in winter. "
      "<b>Tickets are sold <i>at the harbour office</b>, which opens</i> an hour before each sailing."
      "</div></div></span>"
      "<p>Passengers with bicycles are asked to board first and to leave them on the lower deck. "
      "The crossing takes forty minutes in calm weather and longer when the wind is from the west. "
      "Dogs are welcome on board if they are kept on a lead"
      "<div><p>In winter the last boat back leaves at four o'clock, so day trips need some planning. "
      "The cafe on the main island stays open until the final sailing. <table><tr><td>Check the "
      "board at the quay for cancellations";
  Article article = lede::extract(broken);
  EXPECT_NE(article.text.find("Tickets are sold at the harbour office, which opens an hour before"),
            std::string::npos)
      << article.text;
  EXPECT_NE(article.text.find("The crossing takes forty minutes in calm weather"), std::string::npos)
      << article.text;
  EXPECT_NE(article.text.find("the last boat back leaves at four o'clock"), std::string::npos)
      << article.text;
}

TEST(Robustness, EmptyInputGivesEmptyText) {
  Article article;
  ASSERT_NO_THROW(article = lede::extract(""));
  EXPECT_EQ(article.text, "");
  EXPECT_FALSE(article.comments.has_value());
}

TEST(Robustness, PageWithOnlyNavigationGivesNearlyNoText) {
  std::string page =
      "<!DOCTYPE html><html><head><title>Site map</title></head><body>"
      "<nav class=\"main-menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news/\">News</a></li>"
      "<li><a href=\"/sport/\">Sport</a></li><li><a href=\"/weather/\">Weather</a></li></ul></nav>"
      "<div class=\"links\"><a href=\"/a\">About us</a> | <a href=\"/c\">Contact</a> | "
      "<a href=\"/p\">Privacy</a> | <a href=\"/t\">Terms</a></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_LE(article.text.size(), 40u) << article.text;
}

TEST(Robustness, HundredThousandNestedDivsFinishAndKeepTheText) {
  constexpr int kDepth = 100000;
  std::string page = "<html><body>";
  page.reserve(kDepth * 11 + 1000);
  for (int i = 0; i < kDepth; ++i) page += "<div>";
  page += paragraphs(3);
  for (int i = 0; i < kDepth; ++i) page += "</div>";
  page += "</body></html>";
  Clock::time_point start = Clock::now();
  Article article = lede::extract(page);
  double seconds = seconds_since(start);
  EXPECT_NE(article.text.find(kSentence), std::string::npos);
  EXPECT_LT(seconds, 10.0) << "deep nesting must not be quadratic";
}

// 30 MB rather than 50: under AddressSanitizer 50 MB takes too long for a
// unit test, and 30 MB already is far beyond any real article page.
TEST(Robustness, ThirtyMegabytePageFinishes) {
  constexpr size_t kTarget = 30u << 20;
  // Numbered paragraphs: identical ones would be cut as copies.
  std::string body;
  body.reserve(kTarget + kParagraph.size() + 32);
  for (size_t i = 0; body.size() < kTarget; ++i)
    body.append(kParagraph.substr(0, 3)).append("Day ").append(std::to_string(i)).append(". ")
        .append(kParagraph.substr(3));
  std::string page = article_page(body);
  body = std::string();
  Clock::time_point start = Clock::now();
  Article article = lede::extract(page);
  double seconds = seconds_since(start);
  EXPECT_NE(article.text.find(kSentence), std::string::npos);
  EXPECT_GT(article.text.size(), kTarget / 2) << "the page is all article";
  EXPECT_LT(seconds, 60.0);
}

TEST(Robustness, ACopiedParagraphAppearsOnce) {
  std::string body = std::string(kParagraph) + "<p>A second, different paragraph follows here, "
                     "long enough to read as prose in any article.</p>\n" + std::string(kParagraph);
  Article article = lede::extract(article_page(body));
  size_t first = article.text.find(kSentence);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(article.text.find(kSentence, first + 1), std::string::npos);
  EXPECT_NE(article.text.find("A second, different paragraph"), std::string::npos);
}

TEST(Robustness, InvalidUtf8BytesGiveValidUtf8Output) {
  std::string junk = "\xFF\xFE caf\xC3 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \x80\x80 \xE2\x28\xA1 end";
  std::string page = "<html><head><meta charset=\"utf-8\"><title>Broken \xC3 bytes \xFF</title></head>"
                     "<body><article><h2>Report \xE0\x80</h2>" +
                     paragraphs(2) + "<p>Some bytes are bad: " + junk + ".</p>" + paragraphs(2) +
                     "<ul><li>item \xF8\x88\x80\x80\x80</li></ul></article></body></html>";
  Options options;
  options.markdown = true;
  options.html = true;
  Article article;
  ASSERT_NO_THROW(article = lede::extract(page, options));
  EXPECT_NE(article.text.find(kSentence), std::string::npos);
  EXPECT_NE(article.text.find("Some bytes are bad:"), std::string::npos);
  EXPECT_TRUE(is_valid_utf8(article.text));
  EXPECT_TRUE(is_valid_utf8(article.markdown));
  EXPECT_TRUE(is_valid_utf8(article.html));
  EXPECT_TRUE(is_valid_utf8(article.title.value_or("")));
  EXPECT_TRUE(is_valid_utf8(lede::to_json(article)));
}

TEST(Robustness, BinaryInputThrows) {
  std::string png = "\x89PNG\r\n\x1A\n";
  png += std::string("\0\0\0\rIHDR", 8);
  std::mt19937 random(20240914);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 4096; ++i) png += static_cast<char>(byte(random));
  EXPECT_THROW(lede::extract(png), lede::Error);
}

TEST(Robustness, ExtractionIsDeterministic) {
  std::string page = article_page(
      "<h2>Winter sailings</h2>" + paragraphs(4) +
      "<div class=\"related-links\"><a href=\"/a\">Summer timetable</a> <a href=\"/b\">Fares</a></div>"
      "<div id=\"comments\"><p>Great service, the crew were very helpful when my bike chain broke "
      "on the quay. Thank you to everyone at the harbour office.</p></div>");
  Options options;
  options.markdown = true;
  options.html = true;
  options.include_comments = true;
  options.url = "https://islands.example/ferry/timetable";
  std::string first = lede::to_json(lede::extract(page, options));
  std::string second = lede::to_json(lede::extract(page, options));
  EXPECT_EQ(first, second);
  if (!eval_data_present()) GTEST_SKIP() << "no evaluation pages beside the repository";
  std::string real = lede::test::eval_page("dragnet", "100");
  EXPECT_EQ(lede::to_json(lede::extract(real, options)), lede::to_json(lede::extract(real, options)));
}

TEST(Robustness, RecallKeepsAtLeastAsMuchAsPrecision) {
  if (!eval_data_present()) GTEST_SKIP() << "no evaluation pages beside the repository";
  for (auto [set, id] : {std::pair{"dragnet", "100"}, std::pair{"wcxb-dev", "0016"}}) {
    SCOPED_TRACE(std::string(set) + "/" + id);
    std::string page = lede::test::eval_page(set, id);
    Options precision;
    precision.focus = lede::Focus::precision;
    Options recall;
    recall.focus = lede::Focus::recall;
    Article precise = lede::extract(page, precision);
    Article balanced = lede::extract(page);
    Article full = lede::extract(page, recall);
    EXPECT_FALSE(precise.text.empty());
    EXPECT_GE(full.text.size(), precise.text.size());
    EXPECT_GE(full.text.size(), balanced.text.size());
  }
}

}  // namespace
