// 13.2.6.4.14 The "in row" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

constexpr TagSet kRowContext = tag_set({Tag::tr, Tag::template_, Tag::html});

}  // namespace

TreeBuilder::Step TreeBuilder::in_row(Token& t) {
  bool closes_row = false;
  if (t.type == TokenType::start_tag) {
    switch (t.tag) {
      case Tag::th: case Tag::td:
        clear_stack_back_to(kRowContext);
        insert_html_element(t);
        mode_ = InsertionMode::in_cell;
        push_formatting_marker();
        return Step::done;
      case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::tbody: case Tag::tfoot:
      case Tag::thead: case Tag::tr:
        closes_row = true;
        break;
      default: return in_table(t);
    }
  } else if (t.type == TokenType::end_tag) {
    switch (t.tag) {
      case Tag::tr:
        if (!in_scope(Tag::tr, Scope::table)) return Step::done;
        clear_stack_back_to(kRowContext);
        pop();
        mode_ = InsertionMode::in_table_body;
        return Step::done;
      case Tag::table: closes_row = true; break;
      case Tag::tbody: case Tag::tfoot: case Tag::thead:
        if (!in_scope(t.tag, Scope::table)) return Step::done;
        closes_row = true;
        break;
      case Tag::body: case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::html:
      case Tag::td: case Tag::th:
        return Step::done;
      default: return in_table(t);
    }
  }
  if (!closes_row) return in_table(t);
  if (!in_scope(Tag::tr, Scope::table)) return Step::done;
  clear_stack_back_to(kRowContext);
  pop();
  mode_ = InsertionMode::in_table_body;
  return Step::reprocess;
}

}  // namespace lede::html5
