// 13.2.6.4.13 The "in table body" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

constexpr TagSet kTableBodyContext =
    tag_set({Tag::tbody, Tag::tfoot, Tag::thead, Tag::template_, Tag::html});
constexpr Tag kTableSections[] = {Tag::tbody, Tag::tfoot, Tag::thead};

}  // namespace

TreeBuilder::Step TreeBuilder::in_table_body(Token& t) {
  if (t.type == TokenType::start_tag) {
    switch (t.tag) {
      case Tag::tr:
        clear_stack_back_to(kTableBodyContext);
        insert_html_element(t);
        mode_ = InsertionMode::in_row;
        return Step::done;
      case Tag::th: case Tag::td:
        clear_stack_back_to(kTableBodyContext);
        insert_html_element(Tag::tr);
        mode_ = InsertionMode::in_row;
        return Step::reprocess;
      case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::tbody: case Tag::tfoot:
      case Tag::thead:
        break;
      default: return in_table(t);
    }
  } else if (t.type == TokenType::end_tag) {
    switch (t.tag) {
      case Tag::tbody: case Tag::tfoot: case Tag::thead:
        if (!in_scope(t.tag, Scope::table)) return Step::done;
        clear_stack_back_to(kTableBodyContext);
        pop();
        mode_ = InsertionMode::in_table;
        return Step::done;
      case Tag::table: break;
      case Tag::body: case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::html:
      case Tag::td: case Tag::th: case Tag::tr:
        return Step::done;
      default: return in_table(t);
    }
  } else {
    return in_table(t);
  }
  // A new section, caption or columns, or </table>: close this section first.
  if (!any_in_scope(kTableSections, Scope::table)) return Step::done;
  clear_stack_back_to(kTableBodyContext);
  pop();
  mode_ = InsertionMode::in_table;
  return Step::reprocess;
}

}  // namespace lede::html5
