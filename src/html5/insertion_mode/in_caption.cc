// 13.2.6.4.11 The "in caption" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

bool closes_caption(const Token& t) {
  if (t.type == TokenType::end_tag) return t.tag == Tag::table;
  if (t.type != TokenType::start_tag) return false;
  switch (t.tag) {
    case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::tbody: case Tag::td:
    case Tag::tfoot: case Tag::th: case Tag::thead: case Tag::tr:
      return true;
    default:
      return false;
  }
}

}  // namespace

TreeBuilder::Step TreeBuilder::in_caption(Token& t) {
  bool end_caption = t.type == TokenType::end_tag && t.tag == Tag::caption;
  if (end_caption || closes_caption(t)) {
    if (!in_scope(Tag::caption, Scope::table)) return Step::done;
    generate_implied_end_tags();
    pop_until(Tag::caption);
    clear_formatting_to_marker();
    mode_ = InsertionMode::in_table;
    return end_caption ? Step::done : Step::reprocess;
  }
  if (t.type == TokenType::end_tag) {
    switch (t.tag) {
      case Tag::body: case Tag::col: case Tag::colgroup: case Tag::html: case Tag::tbody:
      case Tag::td: case Tag::tfoot: case Tag::th: case Tag::thead: case Tag::tr:
        return Step::done;
      default: break;
    }
  }
  return in_body(t);
}

}  // namespace lede::html5
