#include "parse/parse.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "parse/depth_guard.h"

namespace lede::parse {
namespace {

TEST(Parse, HundredThousandDeepNestingDoesNotOverflow) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  dom::Document doc = parse::parse_document(html);
  size_t depth = 0, max_depth = 0;
  dom::walk(doc.root(), [&](dom::Node*) { max_depth = std::max(max_depth, ++depth); return true; },
       [&](dom::Node*) { --depth; });
  EXPECT_GT(max_depth, 500u);
  EXPECT_LT(max_depth, 600u);
  bool text_kept = false;
  for (dom::Node* n : dom::subtree(doc.root())) text_kept |= n->is_text() && n->data == "deep";
  EXPECT_TRUE(text_kept);
}

TEST(Parse, AlwaysHasHtmlHeadBody) {
  dom::Document doc = parse::parse_document("");
  EXPECT_NE(doc.html(), nullptr);
  EXPECT_NE(doc.head(), nullptr);
  EXPECT_NE(doc.body(), nullptr);
}

TEST(DepthGuard, LeavesOrdinaryPagesAlone) {
  std::string out;
  std::string page = "<ul><li>a<li>b</ul><p>x<p>y<script>if (a<b) {}</script>";
  for (int i = 0; i < 2000; ++i) page += "<p>para<br><img src=x>";
  EXPECT_FALSE(flatten_deep_nesting(page, out));
}

TEST(DepthGuard, CutsTagsBeyondTheLimitWithTheirEndTags) {
  std::string out;
  ASSERT_TRUE(flatten_deep_nesting("<div><div><b>x</b></div></div>", out, 2));
  EXPECT_EQ(out, "<div><div>x</div></div>");
}

}  // namespace
}  // namespace lede::parse
