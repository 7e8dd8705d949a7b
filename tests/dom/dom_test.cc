#include "dom/dom.h"

#include <gtest/gtest.h>

#include <string>


namespace lede::dom {
namespace {

TEST(Tags, NamesRoundTrip) {
  EXPECT_EQ(tag_from_name("p"), Tag::p);
  EXPECT_EQ(tag_from_name("template"), Tag::template_);
  EXPECT_EQ(tag_from_name("blink"), Tag::unknown);
  EXPECT_EQ(tag_name(Tag::blockquote), "blockquote");
}

TEST(Document, BuildsAndWalksInOrder) {
  Document doc;
  Attribute attrs[] = {{"class", "a b"}};
  Node* div = doc.create_element("div", attrs);
  doc.append_child(doc.root(), div);
  doc.append_child(div, doc.create_text("one"));
  Node* p = doc.create_element("p", {});
  doc.append_child(div, p);
  doc.append_child(p, doc.create_text("two"));
  std::string seen;
  for (Node* n : subtree(doc.root()))
    seen += n->is_text() ? std::string(n->data) : "<" + std::string(n->name) + ">";
  EXPECT_EQ(seen, "<><div>one<p>two");
  EXPECT_EQ(div->attr("class"), "a b");
  EXPECT_FALSE(div->has_attr("id"));
  doc.remove(p);
  EXPECT_EQ(div->last_child->data, "one");
}

}  // namespace
}  // namespace lede::dom
