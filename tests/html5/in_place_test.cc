// Parsing in place (parse_document_in_place): the pipeline's trees keep
// views into the page instead of copies. The tree must be the one
// parse_document builds, whatever the parser changed or moved.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "html5/parser.h"

namespace lede::html5 {
namespace {

bool points_into(std::string_view part, std::string_view whole) {
  return !part.empty() && part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

dom::Node* first_element(const dom::Document& doc, std::string_view name) {
  for (dom::Node* n : dom::subtree(doc.root()))
    if (n->is_element() && n->name == name) return n;
  return nullptr;
}

TEST(ParseInPlace, BuildsTheSameTreeAsACopyingParse) {
  using namespace std::string_literals;
  const std::string pages[] = {
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://www.w3.org/TR/xhtml1/DTD/x.dtd\">"
      "<p CLASS=Lead ID='x' class=dup>Fish &amp; chips &#8217;n&nbsp;peas</p><!-- a comment -->",
      "<p>line one\r\nline two\rthree</p><p title=\"a\r\nb\">\0nul</p><!--\0-->"s,
      "<div>before</x>after</y>more<my-widget data-Note=\"kept\">custom</my-widget></div>",
      "<table>loose<tr>cells<td>in</td></tr>text</table><b>1<p>2</b>3</p>",
      "<p>text before<table> foster<tr><td>x</td></tr> again</table></p>",
      "<template><i>inside</i> words</template><svg viewBox=\"0 0 1 1\"><foreignObject>f</foreignObject></svg>",
      "<title>A &lt;title&gt;</title><textarea>\nkept &amp; decoded</textarea><script>if (a<b) x();</script>",
  };
  for (const std::string& page : pages)
    EXPECT_EQ(dump_tree(parse_document_in_place(page)), dump_tree(parse_document(page))) << page;
}

TEST(ParseInPlace, KeepsUnchangedStringsAsViewsAndCopiesDecodedOnes) {
  std::string page = "<p class=lead>Plain words</p><p title=\"a&amp;b\">x &lt; y</p><!--note-->";
  dom::Document doc = parse_document_in_place(page);
  dom::Node* plain = first_element(doc, "p");
  ASSERT_NE(plain, nullptr);
  EXPECT_TRUE(points_into(plain->attr("class"), page));
  EXPECT_TRUE(points_into(plain->first_child->data, page));
  dom::Node* decoded = plain->next;
  ASSERT_NE(decoded, nullptr);
  EXPECT_EQ(decoded->attr("title"), "a&b");
  EXPECT_FALSE(points_into(decoded->attr("title"), page));
  EXPECT_EQ(decoded->first_child->data, "x < y");
  EXPECT_FALSE(points_into(decoded->first_child->data, page));
  EXPECT_TRUE(points_into(decoded->next->data, page));
}

TEST(ParseInPlace, PlainParseCopiesEveryString) {
  std::string page = "<p class=lead>Plain words</p>";
  dom::Document doc = parse_document(page);
  dom::Node* p = first_element(doc, "p");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(points_into(p->attr("class"), page));
  EXPECT_FALSE(points_into(p->first_child->data, page));
}

}  // namespace
}  // namespace lede::html5
