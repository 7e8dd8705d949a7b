#include <gtest/gtest.h>

#include <string>

#include "render/render.h"
#include "render/render_fixture.h"

namespace lede::render {
namespace {

using test::mark;
using test::page;

constexpr std::string_view kBase = "https://ex.org/a/b.html";

std::string md(std::string_view html, bool links = false) {
  RenderOptions options;
  options.links = links;
  options.base_url = kBase;
  return markdown(page(html), select::kContent, options);
}

TEST(Markdown, HeadingsParagraphsAndEmphasis) {
  EXPECT_EQ(md("<h1>Title</h1><p>Para <b>bold</b> and <i>it</i>, <strong>s</strong><em>e</em>.</p>"
               "<h3> Sub  <span>head</span></h3>"),
            "# Title\n\nPara **bold** and *it*, **s***e*.\n\n### Sub head");
}

TEST(Markdown, MarkupHugsItsTextAndEmptyElementsVanish) {
  EXPECT_EQ(md("<p>x<b> y </b>z</p><p><b></b><i> </i></p><h2> </h2><p>end</p>"), "x **y** z\n\nend");
}

TEST(Markdown, BulletAndOrderedListsNest) {
  EXPECT_EQ(md("<ul><li>one</li><li>two<ul><li>three</li></ul></li></ul>"
               "<ol start=9><li>nine</li><li>ten<ol><li>x</li></ol></li></ol>"),
            "- one\n- two\n  - three\n\n9. nine\n10. ten\n    1. x");
}

TEST(Markdown, ListItemWithParagraphsIndentsItsContinuation) {
  EXPECT_EQ(md("<ol><li><p>first</p><p>more</p></li><li>second</li></ol>"),
            "1. first\n\n   more\n\n2. second");
}

TEST(Markdown, BlockQuotesPrefixEveryLine) {
  EXPECT_EQ(md("<p>before</p><blockquote><p>q1</p><p>q2<br>q3</p></blockquote><p>after</p>"),
            "before\n\n> q1\n>\n> q2\\\n> q3\n\nafter");
}

TEST(Markdown, BrIsAHardBreakAndTwoAreAParagraphBreak) {
  EXPECT_EQ(md("<p>a<br>b<br><br>c<br></p>"), "a\\\nb\n\nc");
}

TEST(Markdown, InlineCodeAndFencedBlocks) {
  EXPECT_EQ(md("<p>Use <code>a*b_c</code> or <code>x`y</code>.</p>"
               "<pre><code class=\"hl language-cpp\">int x;\n\n  return *p;  \n</code></pre>"),
            "Use `a*b_c` or `` x`y ``.\n\n```cpp\nint x;\n\n  return *p;\n```");
}

TEST(Markdown, AdjacentCodeSpansStayApart) {
  EXPECT_EQ(md("<p><code>U+00DF</code><code>C3 9F</code></p>"), "`U+00DF` `C3 9F`");
}

TEST(Markdown, FenceOutgrowsBackticksInTheCode) {
  EXPECT_EQ(md("<pre>```\nnested\n```</pre>"), "````\n```\nnested\n```\n````");
}

TEST(Markdown, EmptyPreIsDropped) { EXPECT_EQ(md("<p>a</p><pre>\n  \n</pre><p>b</p>"), "a\n\nb"); }

TEST(Markdown, DataTableBecomesPipeTable) {
  EXPECT_EQ(md("<p>x</p><table><tr><th>A</th><th>B|C</th></tr>"
               "<tr><td>1</td><td><p>2</p></td></tr><tr><td colspan=2>wide</td></tr>"
               "<tr><td>short</td></tr></table><p>y</p>"),
            "x\n\n| A | B\\|C |\n| --- | --- |\n| 1 | 2 |\n| wide |  |\n| short |  |\n\ny");
}

TEST(Markdown, FirstRowIsTheHeaderWithoutTh) {
  EXPECT_EQ(md("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"),
            "| a | b |\n| --- | --- |\n| c | d |");
}

TEST(Markdown, RowGroupsDoNotSplitThePipeTable) {
  EXPECT_EQ(md("<table><caption>Cap</caption><thead><tr><th>h</th><th>i</th></tr></thead>"
               "<tbody><tr><td>a</td><td>b</td></tr></tbody><tfoot><tr><td>c</td><td>d</td></tr></tfoot></table>"),
            "Cap\n\n| h | i |\n| --- | --- |\n| a | b |\n| c | d |");
}

TEST(Markdown, LayoutTableIsNotAPipeTable) {
  EXPECT_EQ(md("<table><tr><td><h2>Story</h2><p>Text.</p></td><td><p>Side</p></td></tr></table>"),
            "## Story\n\nText.\n\nSide");
}

TEST(Markdown, LinksOnlyWhenAsked) {
  std::string html = "<p>See <a href=\"/x?y=1\">the docs</a>.</p>";
  EXPECT_EQ(md(html), "See the docs.");
  EXPECT_EQ(md(html, true), "See [the docs](https://ex.org/x?y=1).");
}

TEST(Markdown, RelativeLinksResolveAgainstTheBase) {
  EXPECT_EQ(md("<p><a href=c.html>1</a> <a href=../d>2</a> <a href=//cdn.org/e>3</a> "
               "<a href=?q=1>4</a> <a href=#f>5</a> <a href=mailto:x@ex.org>6</a> "
               "<a href=\"javascript:void(0)\">7</a> <a href=\"a b(1).html\">8</a></p>",
               true),
            "[1](https://ex.org/a/c.html) [2](https://ex.org/d) [3](https://cdn.org/e) "
            "[4](https://ex.org/a/b.html?q=1) [5](https://ex.org/a/b.html#f) [6](mailto:x@ex.org) 7 "
            "[8](https://ex.org/a/a%20b%281%29.html)");
}

TEST(Markdown, LinkAroundBlocksIsSplitIntoOneLinkPerBlock) {
  EXPECT_EQ(md("<a href=/u><h3>T</h3><p>d</p></a>", true),
            "### [T](https://ex.org/u)\n\n[d](https://ex.org/u)");
}

TEST(Markdown, ImagesOnlyWithLinks) {
  std::string html = "<p>a <img src=i.png alt=\"An [x] *y*\"> b</p><p><img src=\"data:image/gif;base64,R0\"></p>";
  EXPECT_EQ(md(html), "a b");
  EXPECT_EQ(md(html, true), "a ![An \\[x\\] \\*y\\*](https://ex.org/a/i.png) b");
}

TEST(Markdown, TextThatWouldBecomeMarkupIsEscaped) {
  EXPECT_EQ(md("<p># not heading</p><p>1. not list</p><p>2019. A year</p><p>- not item</p>"
               "<p>> not quote</p><p>---</p><p>a *star* and _under_ snake_case</p>"
               "<p>[ref] a\\b C:\\x &amp;amp; &lt;tag> 1 < 2 3.5 #tag</p>"),
            "\\# not heading\n\n1\\. not list\n\n2019\\. A year\n\n\\- not item\n\n\\> not quote\n\n"
            "\\---\n\na \\*star\\* and \\_under\\_ snake_case\n\n"
            "\\[ref] a\\b C:\\x \\&amp; \\<tag> 1 < 2 3.5 #tag");
}

TEST(Markdown, DeeplyNestedQuotesKeepLinesShortAndAllText) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<blockquote><p>w</p>";
  std::string out = md(html);
  size_t words = 0, longest_line = 0, line = 0;
  for (char c : out) {
    words += c == 'w';
    line = c == '\n' ? 0 : line + 1;
    longest_line = std::max(longest_line, line);
  }
  EXPECT_EQ(words, 3000u);
  EXPECT_LT(longest_line, 40u);
}

TEST(Markdown, HorizontalRule) { EXPECT_EQ(md("<p>a</p><hr><p>b</p>"), "a\n\n---\n\nb"); }

TEST(Markdown, DroppedAndTitleAreSkipped) {
  dom::Document doc = page("<h1 id=t>Headline</h1><p>a</p><div id=d>ad</div><p>b</p>");
  mark(doc, "t", select::kTitle);
  mark(doc, "d", select::kDropped);
  EXPECT_EQ(markdown(doc, select::kContent, {}), "a\n\nb");
}

}  // namespace
}  // namespace lede::render
