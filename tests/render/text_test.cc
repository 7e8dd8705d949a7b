#include <gtest/gtest.h>

#include <string>

#include "render/render.h"
#include "render/render_fixture.h"
#include "test_support.h"

namespace lede::render {
namespace {

using test::mark;
using test::page;

std::string body_text(std::string_view html) { return text(page(html), select::kContent); }

TEST(Text, ParagraphsAreBlocksWithCollapsedWhitespace) {
  EXPECT_EQ(body_text("<p>One  two\n\t three </p>\n\n<p> Four </p>"), "One two three\n\nFour");
}

// Words a single space apart are written as they stand; every other run of
// blanks becomes one space, and a soft hyphen joins its word's halves.
TEST(Text, EveryRunOfBlanksBecomesOneSpaceAcrossTextNodes) {
  EXPECT_EQ(body_text("<p>one two  three\tfour\xC2\xA0" "five six\xC2\xADseven <b>bold</b> eight</p>"),
            "one two three four five sixseven bold eight");
  EXPECT_EQ(body_text("<p>a<b>b</b> c <i> d</i>e</p><p> f g </p>"), "ab c de\n\nf g");
}

TEST(Text, BrBreaksTheLineAndTwoMakeAParagraph) {
  EXPECT_EQ(body_text("<p>a<br>b</p>"), "a\nb");
  EXPECT_EQ(body_text("<p>a<br> <br>b</p>"), "a\n\nb");
  EXPECT_EQ(body_text("<p><br>a<br></p><p>b</p>"), "a\n\nb");
}

TEST(Text, PreKeepsItsWhitespace) {
  EXPECT_EQ(body_text("<p>x</p><pre>\n  if (a)\n\n    b  =  c;  \n</pre><p>y</p>"),
            "x\n\n  if (a)\n\n    b  =  c;\n\ny");
  EXPECT_EQ(body_text("<pre><span>a</span>  <span>b</span>\n<b>c</b></pre>"), "a  b\nc");
}

TEST(Text, PreNeverProducesMoreThanOneBlankLine) {
  EXPECT_EQ(body_text("<pre>a\n\n\n\nb</pre>"), "a\n\nb");
}

// Plain text has no images, so a caption would speak of nothing there;
// Markdown and HTML keep it beside its image (see their tests).
TEST(Text, FigureCaptionsGoWithTheirImages) {
  EXPECT_EQ(body_text("<p>Before.</p><figure><img src=p.jpg><figcaption>A heron. Photo: Ann Lee</figcaption>"
                      "</figure><p>After.</p>"),
            "Before.\n\nAfter.");
  EXPECT_NE(markdown(page("<figure><img src=p.jpg><figcaption>A heron</figcaption></figure>"), select::kContent, {})
                .find("A heron"),
            std::string::npos);
}

TEST(Text, ListItemsAreBlocksWithoutMarkers) {
  EXPECT_EQ(body_text("<ul><li>one</li><li>two<ul><li>three</li></ul></li></ul><ol><li>four</li></ol>"),
            "one\n\ntwo\n\nthree\n\nfour");
}

TEST(Text, DataTableRowsAreLinesWithCellsSeparatedBySpaces) {
  EXPECT_EQ(body_text("<p>before</p><table><thead><tr><th>Name</th><th>Age</th></tr></thead>"
                      "<tbody><tr><td>Ann</td><td>31</td></tr>"
                      "<tr><td><p>Bob</p></td><td>4<br>2</td></tr></tbody></table><p>after</p>"),
            "before\n\nName Age\nAnn 31\nBob 4 2\n\nafter");
}

TEST(Text, LayoutTableCellsAreBlocks) {
  EXPECT_EQ(body_text("<table><tr><td><h2>Story</h2><p>One.</p><p>Two.</p></td><td>Side</td></tr></table>"),
            "Story\n\nOne.\n\nTwo.\n\nSide");
}

TEST(Text, InlineElementsNeverGlueOrSplitWords) {
  EXPECT_EQ(body_text("<p><span>a</span><span>b</span> <em>c</em><a href=x>d</a></p>"
                      "<div>e</div><div>f</div>"),
            "ab cd\n\ne\n\nf");
}

TEST(Text, EntitiesNbspSoftHyphenAndZeroWidthSpace) {
  EXPECT_EQ(body_text("<p>caf&eacute;&nbsp;&amp;&nbsp;&nbsp;bar co&shy;operate zero&#8203;width "
                      "&lt;tag&gt;&nbsp;</p><p>&nbsp;</p>"),
            "café & bar cooperate zerowidth <tag>");
}

TEST(Text, ImagesScriptsAndStylesGiveNothing) {
  EXPECT_EQ(body_text("<p>a <img src=x.png alt=Alt> b<script>var s;</script><style>p{}</style></p>"
                      "<button>Click</button><select><option>One</select>"),
            "a b");
}

TEST(Text, DroppedSubtreesAreSkipped) {
  dom::Document doc = page("<p>keep</p><div id=ad><p>buy now</p></div><p>this <span id=x>not</span>too</p>");
  mark(doc, "ad", select::kDropped);
  mark(doc, "x", select::kDropped);
  EXPECT_EQ(text(doc, select::kContent), "keep\n\nthis too");
}

TEST(Text, KeptSubtreesRenderInDocumentOrderAndNestedOnesOnce) {
  dom::Document doc = parse::parse_document(
      "<body><div id=nav>menu</div><div id=a><p id=inner>one</p></div><aside>side</aside>"
      "<div id=b>two</div></body>");
  mark(doc, "a", select::kContent);
  mark(doc, "inner", select::kContent);
  mark(doc, "b", select::kContent);
  EXPECT_EQ(text(doc, select::kContent), "one\n\ntwo");
}

TEST(Text, HeadlineIsLeftToTheTitle) {
  dom::Document doc = page("<h1 id=t>The Headline</h1><p>Body.</p>");
  mark(doc, "t", select::kTitle);
  EXPECT_EQ(text(doc, select::kContent), "Body.");
}

TEST(Text, CommentsInsideTheBodyAreRenderedOnlyAsComments) {
  dom::Document doc = page("<p>Story.</p><div id=c><p>First!</p></div>");
  mark(doc, "c", select::kComments);
  EXPECT_EQ(text(doc, select::kContent), "Story.");
  EXPECT_EQ(text(doc, select::kComments), "First!");
}

TEST(Text, NothingKeptGivesEmptyText) {
  dom::Document doc = parse::parse_document("<p>unselected</p>");
  EXPECT_EQ(text(doc, select::kContent), "");
}

TEST(Text, DeepNestingDoesNotOverflow) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  EXPECT_EQ(body_text(html), "deep");
}

// Words longer than the renderer's 16-byte steps, and the marks that end or
// vanish inside them, wherever they fall.
TEST(Text, LongWordsSplitOnlyAtBlanksWhereverTheyFall) {
  for (size_t shift = 0; shift <= 16; ++shift) {
    std::string lead(shift, 'x');
    std::string html = "<p>" + lead + "Incomprehensibilities\xC2\xA0notwithstanding,   extra\xC2\xADordinarily" +
                       " long\xE2\x80\x8Bwinded\tcontrol\x01characters\n\n\n  stay</p>";
    EXPECT_EQ(body_text(html),
              lead + "Incomprehensibilities notwithstanding, extraordinarily longwinded control\x01characters stay")
        << shift;
  }
}

// Whatever the page, the text keeps its layout promises.
TEST(Text, RealPageHasNoStrayWhitespace) {
  dom::Document doc = parse::parse_document(lede::test::eval_page("wcxb-dev", "0002"));
  doc.body()->flags |= select::kContent;
  std::string out = text(doc, select::kContent);
  ASSERT_GT(out.size(), 500u);
  EXPECT_NE(out.front(), '\n');
  EXPECT_NE(out.back(), '\n');
  EXPECT_EQ(out.find("\n\n\n"), std::string::npos);
  EXPECT_EQ(out.find(" \n"), std::string::npos);
  EXPECT_EQ(out.find("\n "), std::string::npos) << "no <pre> on this page: lines start with text";
  EXPECT_EQ(out.find("  "), std::string::npos);
  EXPECT_EQ(out.find("\xC2\xA0"), std::string::npos);
}

}  // namespace
}  // namespace lede::render
