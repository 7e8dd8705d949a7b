// Behaviour of lede's HTML5 tree construction that the pipeline relies on:
// misnested markup repaired as browsers do, foster parenting out of tables,
// namespaces of foreign content, template contents, and pathological nesting
// parsed in bounded time and depth.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "html5/parser.h"
#include "html5/tree_builder.h"

namespace lede::html5 {
namespace {

std::string body_dump(std::string_view html) {
  std::string dump = dump_tree(parse_document(html));
  // Drop the "| <html>", "|   <head>", "|   <body>" lines every case shares.
  const std::string prefix = "| <html>\n|   <head>\n|   <body>\n";
  return dump.starts_with(prefix) ? dump.substr(prefix.size()) : dump;
}

size_t max_depth(const dom::Document& doc) {
  size_t depth = 0, deepest = 0;
  dom::walk(
      doc.root(),
      [&](dom::Node*) {
        deepest = std::max(deepest, depth++);
        return true;
      },
      [&](dom::Node*) { --depth; });
  return deepest;
}

TEST(TreeBuilder, MisnestedFormattingIsAdopted) {
  EXPECT_EQ(body_dump("<b>1<p>2</b>3</p>"),
            "|     <b>\n"
            "|       \"1\"\n"
            "|     <p>\n"
            "|       <b>\n"
            "|         \"2\"\n"
            "|       \"3\"\n");
}

TEST(TreeBuilder, FormattingIsReopenedInTheNextBlock) {
  EXPECT_EQ(body_dump("<p><i>a<p>b"),
            "|     <p>\n"
            "|       <i>\n"
            "|         \"a\"\n"
            "|     <p>\n"
            "|       <i>\n"
            "|         \"b\"\n");
}

TEST(TreeBuilder, TextInTablesIsFosterParented) {
  EXPECT_EQ(body_dump("<table>x<tr><td>y</td></tr>z</table>"),
            "|     \"xz\"\n"
            "|     <table>\n"
            "|       <tbody>\n"
            "|         <tr>\n"
            "|           <td>\n"
            "|             \"y\"\n");
}

TEST(TreeBuilder, ElementsInTablesAreFosterParented) {
  EXPECT_EQ(body_dump("<table><div>a</div><tr><td>b</table>"),
            "|     <div>\n"
            "|       \"a\"\n"
            "|     <table>\n"
            "|       <tbody>\n"
            "|         <tr>\n"
            "|           <td>\n"
            "|             \"b\"\n");
}

TEST(TreeBuilder, TextAcrossTokensIsOneNode) {
  dom::Document doc = parse_document("<p>a&amp;b&lt;c</p>");
  dom::Node* p = doc.body()->first_child;
  ASSERT_TRUE(p && p->is(dom::Tag::p));
  ASSERT_TRUE(p->first_child && p->first_child->is_text());
  EXPECT_EQ(p->first_child->data, "a&b<c");
  EXPECT_EQ(p->first_child->next, nullptr);
}

TEST(TreeBuilder, ForeignElementsKeepTheirNamespaceAndCase) {
  dom::Document doc = parse_document("<svg viewbox='0 0 1 1'><foreignObject><p>x</svg>");
  dom::Node* svg = doc.body()->first_child;
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->ns, dom::Namespace::svg);
  EXPECT_EQ(svg->tag, dom::Tag::svg);
  EXPECT_EQ(svg->attr("viewBox"), "0 0 1 1");
  dom::Node* foreign_object = svg->first_child;
  EXPECT_EQ(foreign_object->name, "foreignObject");
  EXPECT_EQ(foreign_object->tag, dom::Tag::unknown);
  // An HTML integration point: its content is HTML again.
  EXPECT_TRUE(foreign_object->first_child->is(dom::Tag::p));
  EXPECT_EQ(foreign_object->first_child->ns, dom::Namespace::html);
}

TEST(TreeBuilder, TemplateContentsSitInAFragment) {
  dom::Document doc = parse_document("<template><td>x</td></template>");
  dom::Node* tmpl = doc.head()->first_child;
  ASSERT_TRUE(tmpl && tmpl->is(dom::Tag::template_));
  ASSERT_EQ(tmpl->first_child->type, dom::NodeType::fragment);
  EXPECT_TRUE(tmpl->first_child->first_child->is(dom::Tag::td));
}

TEST(TreeBuilder, FragmentsParseInTheirContext) {
  EXPECT_EQ(dump_tree(parse_fragment("<td>a<td>b", "tr")),
            "| <td>\n|   \"a\"\n| <td>\n|   \"b\"\n");
  EXPECT_EQ(dump_tree(parse_fragment("<path/>", "svg svg")), "| <svg path>\n");
}

// 100,000 levels of nesting must parse in bounded time, and the tree stays
// within the depth limit: deeper elements go beside the element at the limit.
void expect_deep_nesting_is_bounded(const std::string& open_tag, const std::string& close_tag) {
  const int kLevels = 100000;
  std::string html;
  for (int i = 0; i < kLevels; ++i) html += open_tag;
  html += "deep text";
  for (int i = 0; i < kLevels; ++i) html += close_tag;
  html += "<p>after</p>";

  auto start = std::chrono::steady_clock::now();
  dom::Document doc = parse_document(html);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // A guard against hangs, not a speed test (bench_parse measures speed):
  // under the sanitizers on a busy machine this takes a few seconds.
  EXPECT_LT(seconds, 30.0) << open_tag;
  EXPECT_LE(max_depth(doc), kMaxTreeDepth + 2) << open_tag;
  std::string text;
  for (dom::Node* n : dom::subtree(doc.root()))
    if (n->is_text()) text += n->data;
  EXPECT_EQ(text, "deep textafter") << open_tag;
}

TEST(TreeBuilder, DeepNestingIsBoundedInTimeAndDepth) {
  expect_deep_nesting_is_bounded("<div>", "</div>");
  expect_deep_nesting_is_bounded("<span>", "</span>");
  expect_deep_nesting_is_bounded("<b>", "</b>");
  expect_deep_nesting_is_bounded("<div><em>", "</em></div>");
  expect_deep_nesting_is_bounded("<table><tr><td>", "</td></tr></table>");
  expect_deep_nesting_is_bounded("<ul><li>", "</li></ul>");
}

}  // namespace
}  // namespace lede::html5
