// 13.2.6.4.15 The "in cell" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

constexpr Tag kCells[] = {Tag::td, Tag::th};

}  // namespace

void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  pop_until_any(kCells);
  clear_formatting_to_marker();
  mode_ = InsertionMode::in_row;
}

TreeBuilder::Step TreeBuilder::in_cell(Token& t) {
  if (t.type == TokenType::end_tag) {
    switch (t.tag) {
      case Tag::td: case Tag::th:
        if (!in_scope(t.tag, Scope::table)) return Step::done;
        generate_implied_end_tags();
        pop_until(t.tag);
        clear_formatting_to_marker();
        mode_ = InsertionMode::in_row;
        return Step::done;
      case Tag::body: case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::html:
        return Step::done;
      case Tag::table: case Tag::tbody: case Tag::tfoot: case Tag::thead: case Tag::tr:
        if (!in_scope(t.tag, Scope::table)) return Step::done;
        close_cell();
        return Step::reprocess;
      default: break;
    }
  } else if (t.type == TokenType::start_tag) {
    switch (t.tag) {
      case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::tbody: case Tag::td:
      case Tag::tfoot: case Tag::th: case Tag::thead: case Tag::tr:
        if (!any_in_scope(kCells, Scope::table)) return Step::done;
        close_cell();
        return Step::reprocess;
      default: break;
    }
  }
  return in_body(t);
}

}  // namespace lede::html5
