// What the pipeline relies on from parsing, whatever the page: a tree with
// html, head and body, bounded depth, every word of broken markup kept,
// foreign content told apart by namespace, template contents kept out of the
// article.
#include "parse/parse.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "html5/parser.h"
#include "html5/tree_builder.h"
#include "lede/lede.h"

namespace lede::parse {
namespace {

std::string all_text(const dom::Document& doc) {
  std::string text;
  for (dom::Node* n : dom::subtree(doc.root()))
    if (n->is_text()) text += n->data;
  return text;
}

dom::Node* first_named(const dom::Document& doc, std::string_view name) {
  for (dom::Node* n : dom::subtree(doc.root()))
    if (n->is_element() && n->name == name) return n;
  return nullptr;
}

TEST(Parse, HundredThousandDeepNestingDoesNotOverflow) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  dom::Document doc = parse_document(html);
  size_t depth = 0, max_depth = 0;
  dom::walk(doc.root(), [&](dom::Node*) { max_depth = std::max(max_depth, ++depth); return true; },
       [&](dom::Node*) { --depth; });
  EXPECT_GT(max_depth, html5::kMaxTreeDepth);
  EXPECT_LT(max_depth, html5::kMaxTreeDepth + 8);
  EXPECT_EQ(all_text(doc), "deep");
}

TEST(Parse, AlwaysHasHtmlHeadBody) {
  for (std::string_view html : {std::string_view(""), std::string_view("\0\xff<</>&#", 9),
                                std::string_view("<frameset></frameset><p>x")}) {
    dom::Document doc = parse_document(html);
    EXPECT_NE(doc.html(), nullptr);
    EXPECT_NE(doc.head(), nullptr);
    if (!first_named(doc, "frameset")) {
      EXPECT_NE(doc.body(), nullptr);
    }
  }
}

TEST(Parse, BrokenMarkupKeepsEveryWord) {
  dom::Document doc = parse_document(
      "<p>one<div>two</span>three<table>four<tr>five</p><b>six<i>seven</b>eight</table>"
      "nine<a href=\"x");
  std::string text = all_text(doc);
  for (std::string_view word : {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                "nine"})
    EXPECT_NE(text.find(word), std::string::npos) << word << " in " << text;
  // The truncated tag at the end is dropped, as browsers drop it.
  EXPECT_EQ(first_named(doc, "a"), nullptr);
}

TEST(Parse, ForeignElementsAreTaggedByNamespaceOnly) {
  dom::Document doc =
      parse_document("<p>a<svg><title>icon</title><path/></svg><math><mi>x</mi></math>");
  dom::Node* svg = first_named(doc, "svg");
  ASSERT_NE(svg, nullptr);
  EXPECT_TRUE(svg->is(dom::Tag::svg));
  EXPECT_EQ(svg->ns, dom::Namespace::svg);
  // An SVG <title> is not the page title: no HTML tag matches it.
  dom::Node* title = svg->first_child;
  EXPECT_EQ(title->ns, dom::Namespace::svg);
  EXPECT_EQ(title->tag, dom::Tag::unknown);
  EXPECT_EQ(title->name, "title");
  dom::Node* mi = first_named(doc, "mi");
  ASSERT_NE(mi, nullptr);
  EXPECT_EQ(mi->ns, dom::Namespace::mathml);
  EXPECT_TRUE(first_named(doc, "math")->is(dom::Tag::math));
}

TEST(Parse, TemplateContentsAreNeverExtracted) {
  std::string page = "<html><head><title>T</title></head><body><article>";
  for (int i = 0; i < 5; ++i)
    page += "<p>The visible paragraph has enough words to be the article, sentence after "
            "sentence, as any news story does.</p>";
  page += "<template><p>Template words, stamped out by a script later.</p></template>"
          "</article></body></html>";
  dom::Document doc = parse_document(page);
  dom::Node* tmpl = first_named(doc, "template");
  ASSERT_NE(tmpl, nullptr);
  ASSERT_NE(tmpl->first_child, nullptr);
  EXPECT_EQ(tmpl->first_child->type, dom::NodeType::fragment);
  Options options;
  options.markdown = options.html = true;
  Article article = extract(page, options);
  EXPECT_NE(article.text.find("visible paragraph"), std::string::npos);
  for (const std::string* out : {&article.text, &article.markdown, &article.html})
    EXPECT_EQ(out->find("Template words"), std::string::npos) << *out;
}

// Damaged pages (cut or mangled markup) leave a <title> open: by the
// standard the whole page becomes its text and the body is empty.
TEST(ParsePage, UnclosedTitleEndsAtItsFirstTag) {
  std::string html = "<html><head><title>Gale to drive Nationwide\n<script>x()</script></head>"
                     "<body><p>Cale Gale is going Nationwide.</p></body></html>";
  std::string repaired;
  dom::Document doc = parse_page(html, repaired);
  ASSERT_NE(first_named(doc, "p"), nullptr);
  EXPECT_EQ(first_named(doc, "p")->first_child->data, "Cale Gale is going Nationwide.");
  EXPECT_EQ(first_named(doc, "title")->first_child->data, "Gale to drive Nationwide\n");
  Article article = extract(html);
  EXPECT_EQ(article.text, "Cale Gale is going Nationwide.");
}

// Google Tag Manager's snippet written as XML: "<iframe ... />" is no end
// tag, so the iframe's text runs to the end of the page.
TEST(ParsePage, SelfClosedIframeEndsAtItsFirstTag) {
  std::string html = "<body><noscript><iframe src=\"https://example.com/ns\" style=\"display:none\" />"
                     "</noscript><div><h1>Fast deploys</h1><p>Connect your repository and ship.</p></div>";
  std::string repaired;
  dom::Document doc = parse_page(html, repaired);
  ASSERT_NE(first_named(doc, "p"), nullptr);
  EXPECT_EQ(extract(html).text, "Connect your repository and ship.");
}

TEST(ParsePage, TitleClosedByAMalformedEndTagIsRepairedToo) {
  std::string html = "<title>Oil</titlevalue=\"true\" -->\n</head><body><p>Prices rose.</p>";
  std::string repaired;
  dom::Document doc = parse_page(html, repaired);
  ASSERT_NE(first_named(doc, "p"), nullptr);
  EXPECT_EQ(first_named(doc, "title")->first_child->data, "Oil");
}

TEST(ParsePage, WellFormedPagesParseAsTheStandardSays) {
  // A title that quotes markup, escaped or not, is closed: left as it is.
  for (std::string html : {"<title>Use &lt;b&gt; sparingly</title><p>x</p>", "<title>a <b> tag</title><p>x</p>"}) {
    std::string repaired;
    dom::Document doc = parse_page(html, repaired);
    EXPECT_EQ(html5::dump_tree(doc), html5::dump_tree(parse_document(html))) << html;
  }
}

}  // namespace
}  // namespace lede::parse
