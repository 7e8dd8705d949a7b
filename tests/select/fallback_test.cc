// End to end through lede::extract: pages whose markup names the content as
// chrome, so that cutting named chrome would leave nothing, beside pages that
// really hold nothing but chrome, where nothing must come back.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A long legal notice in the site footer: more prose than the content, so the
// prose guard does not protect a content block misnamed as chrome.
constexpr std::string_view kFooter = R"(
<footer><p>Copyright 2024 Example Media Group. All rights reserved. The material on this site may not be
reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission
of Example Media Group. Use of this site constitutes acceptance of our user agreement and privacy policy,
which describe how we collect, use and share the information you give us and the choices you have.</p>
<p>Our editors independently choose what we write about. When you buy through links on our site we may
earn an affiliate commission, which helps to pay for the journalism you read here, though it never
decides what we review or what we think of it, and advertisers never see a story before it runs.</p>
<p>Legal notices of the group are filed with the registrar of companies; the registered office of the
group is in the old harbour building, where readers may also write to the editors with corrections.</p>
</footer>)";

std::string page(std::string_view body) {
  return std::string(R"(<!DOCTYPE html><html><head><title>Page</title></head><body>
<header><a href="/">Example</a> <a href="/news">News</a> <a href="/about">About</a></header>)") +
         std::string(body) + std::string(kFooter) + "</body></html>";
}

constexpr std::string_view kStory = R"(
<h1>Director says his new film is no vampire romance</h1>
<p>Despite the success of the genre at the box office, the director says his adaptation owes more to
southern gothic novels than to any of the teen romances it is being compared with this autumn.</p>
<p>Speaking at a comic convention in New York, he said the cast spent weeks in Louisiana before the
shoot, learning the local history that gives the novel its strange and rather melancholy mood.</p>)";

TEST(Fallback, ArticleWrapperNamedAsNavigationIsKept) {
  std::string html = page("<div class=\"single-article-content\" id=\"nav-single\">" + std::string(kStory) +
                          "</div>");
  lede::Article article = lede::extract(html);
  EXPECT_TRUE(contains(article.text, "southern gothic novels")) << article.text;
  EXPECT_TRUE(contains(article.text, "melancholy mood")) << article.text;
  EXPECT_FALSE(contains(article.text, "All rights reserved")) << article.text;
}

TEST(Fallback, RankingsInComplementaryRegionAreKept) {
  std::string rows;
  for (int rank = 1; rank <= 12; ++rank)
    rows += "<tr><td>" + std::to_string(rank) + "</td><td>University number " + std::to_string(rank) +
            " of the world, a campus by the sea</td><td>Overall score " + std::to_string(100 - rank) +
            "</td></tr>";
  std::string html = page("<div class=\"section\" role=\"complementary\"><h1>Top universities for computer "
                          "science</h1><table>" + rows + "</table></div>");
  lede::Article article = lede::extract(html);
  EXPECT_TRUE(contains(article.text, "University number 1 of the world")) << article.text;
  EXPECT_TRUE(contains(article.text, "University number 12 of the world")) << article.text;
}

// A link aggregator's story: a linked headline, in a header cut as chrome.
TEST(Fallback, CommentsAreKeptWhenTheStoryIsOnlyALink) {
  std::string comments;
  for (int i = 1; i <= 4; ++i)
    comments += "<li class=\"comment\"><p>Reader " + std::to_string(i) +
                " wrote: cloning reference counted pointers by hand has never bothered me much, and making "
                "it implicit would hide a cost that the language otherwise takes care to show.</p></li>";
  std::string html = page("<div class=\"details\" id=\"story_header\"><h1><a href=\"https://example.org/goals\">"
                          "Project goals for 2024</a></h1></div>"
                          "<ol class=\"comments\">" + comments + "</ol>");
  lede::Article article = lede::extract(html);
  EXPECT_TRUE(contains(article.text, "Reader 1 wrote")) << article.text;
  EXPECT_TRUE(contains(article.text, "Reader 4 wrote")) << article.text;
}

// A photo post: its headline and dateline are all its text.
TEST(Fallback, ShortPostKeepsItsCommentsOut) {
  std::string comments;
  for (int i = 1; i <= 6; ++i)
    comments += "<div class=\"comment\"><p>Reader " + std::to_string(i) +
                " wrote: what a lovely picture, it reminds me of the autumn we spent by the lake with the "
                "children, who still talk about the boat and the storm on the last evening.</p></div>";
  std::string html = page("<article><h1>Nook</h1><p>by Anna on July 21, 2012</p></article>"
                          "<div id=\"comments\">" + comments + "</div>");
  lede::Article article = lede::extract(html);
  EXPECT_FALSE(contains(article.text, "Reader 1 wrote")) << article.text;
}

// A shop's "page not found": a header and a footer with its legal text.
TEST(Fallback, PageOfOnlyChromeStaysEmpty) {
  std::string html = page("<div class=\"site-header\"><a href=\"/shop\">Shop</a> <a href=\"/cart\">Cart</a> "
                          "<span>Free shipping on orders over $50</span></div>");
  lede::Article article = lede::extract(html);
  EXPECT_FALSE(contains(article.text, "All rights reserved")) << article.text;
  EXPECT_FALSE(contains(article.text, "affiliate commission")) << article.text;
  EXPECT_FALSE(contains(article.text, "Free shipping")) << article.text;
}

}  // namespace
