#include <gtest/gtest.h>

#include <string>

#include "render/render.h"
#include "render/render_fixture.h"

namespace lede::render {
namespace {

using test::mark;
using test::page;

std::string fragment(std::string_view html, bool links = false) {
  RenderOptions options;
  options.links = links;
  options.base_url = "https://ex.org/a/b.html";
  return render::html(page(html), select::kContent, options);
}

TEST(Html, KeepsStructureDropsAttributesUnwrapsTheRest) {
  EXPECT_EQ(fragment("<div class=x><p id=p style=\"color:red\">Hello <span class=s>big</span> "
                     "<b>world</b><font>!</font></p><section><h2 class=h>Sub</h2></section></div>"),
            "<p>Hello big <b>world</b>!</p>\n<h2>Sub</h2>");
}

TEST(Html, BareTextInAContainerBecomesAParagraph) {
  EXPECT_EQ(fragment("<div>bare <em>text</em><div>more</div>tail</div>"),
            "<p>bare <em>text</em></p>\n<p>more</p>\n<p>tail</p>");
}

TEST(Html, BrBreaksLinesAndTwoSplitBareParagraphs) {
  EXPECT_EQ(fragment("<div><br>a<br>b<br><br>c<br></div><p>d<br><br>e</p>"),
            "<p>a<br>b</p>\n<p>c</p>\n<p>d<br><br>e</p>");
}

TEST(Html, ListsAndQuotes) {
  EXPECT_EQ(fragment("<ul class=l><li>a</li><li><p>b</p><ol><li>c</li></ol></li><li></li></ul>"
                     "<blockquote>q</blockquote>"),
            "<ul>\n<li>a</li>\n<li>\n<p>b</p>\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>\n"
            "<blockquote>\n<p>q</p>\n</blockquote>");
}

TEST(Html, DivsInsideListItemsSeparateLines) {
  EXPECT_EQ(fragment("<ul><li>a<div>b</div>c</li></ul>"), "<ul>\n<li>a<br>b<br>c</li>\n</ul>");
}

TEST(Html, TextIsEscaped) {
  EXPECT_EQ(fragment("<p>a &lt;b&gt; &amp; \"q\" 'x'</p>"), "<p>a &lt;b&gt; &amp; &quot;q&quot; 'x'</p>");
}

TEST(Html, LinksAndImagesOnlyWhenAsked) {
  std::string html = "<p><a href=\"/x?a=1&amp;b=2\" class=c onclick=\"go()\">t</a> "
                     "<img src=i.png alt='A \"q\"' width=3></p>";
  EXPECT_EQ(fragment(html), "<p>t</p>");
  EXPECT_EQ(fragment(html, true),
            "<p><a href=\"https://ex.org/x?a=1&amp;b=2\">t</a> "
            "<img src=\"https://ex.org/a/i.png\" alt=\"A &quot;q&quot;\"></p>");
}

TEST(Html, InlineElementsReopenInsideBlocks) {
  EXPECT_EQ(fragment("<a href=/u><h3>T</h3>d</a>", true),
            "<h3><a href=\"https://ex.org/u\">T</a></h3>\n<p><a href=\"https://ex.org/u\">d</a></p>");
}

TEST(Html, DataTableKeepsItsCellsEvenEmptyOnes) {
  EXPECT_EQ(fragment("<table class=t border=1><tr><th>A</th><th>B</th></tr>"
                     "<tr><td>1</td><td></td></tr></table>"),
            "<table>\n<tbody>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n<tr>\n<td>1</td>\n<td></td>\n</tr>\n"
            "</tbody>\n</table>");
}

TEST(Html, LayoutTableIsUnwrapped) {
  EXPECT_EQ(fragment("<table><tr><td><h2>Story</h2><p>Text.</p></td><td>Side</td></tr></table>"),
            "<h2>Story</h2>\n<p>Text.</p>\n<p>Side</p>");
}

TEST(Html, PreKeepsWhitespace) {
  EXPECT_EQ(fragment("<pre class=c>\n  a &lt; b\n\n    <code>c</code>  \n</pre>"),
            "<pre>  a &lt; b\n\n    <code>c</code></pre>");
}

TEST(Html, FigureAndDefinitionList) {
  EXPECT_EQ(fragment("<figure><img src=p.jpg><figcaption>Cap</figcaption></figure>"
                     "<dl><dt>T</dt><dd>D</dd></dl>",
                     true),
            "<figure><img src=\"https://ex.org/a/p.jpg\" alt=\"\">\n<figcaption>Cap</figcaption>\n</figure>\n"
            "<dl>\n<dt>T</dt>\n<dd>D</dd>\n</dl>");
}

TEST(Html, DeepNestingIsFlattenedBeyondALimit) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<blockquote><b>";
  html += "deep";
  std::string out = fragment(html);
  EXPECT_NE(out.find("deep"), std::string::npos);
  EXPECT_LT(out.size(), 2000u);
}

TEST(Html, HiddenAndDroppedAreLeftOut) {
  dom::Document doc = page("<h1 id=t>Head</h1><p>a<script>x()</script></p><div id=d><p>ad</p></div><hr><p>b</p>");
  mark(doc, "t", select::kTitle);
  mark(doc, "d", select::kDropped);
  EXPECT_EQ(render::html(doc, select::kContent, {}), "<p>a</p>\n<hr>\n<p>b</p>");
}

}  // namespace
}  // namespace lede::render
