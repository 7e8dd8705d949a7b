// 13.2.6.4.12 The "in column group" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::in_column_group(Token& t) {
  switch (t.type) {
    case TokenType::characters: {
      std::string_view space = take_leading_space(t);
      insert_text(space);
      if (t.data.empty()) return Step::done;
      break;
    }
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag:
      if (t.tag == Tag::html) return in_body(t);
      if (t.tag == Tag::col) {
        insert_void_element(t);
        return Step::done;
      }
      if (t.tag == Tag::template_) return in_head(t);
      break;
    case TokenType::end_tag:
      if (t.tag == Tag::colgroup) {
        if (!current_is(Tag::colgroup)) return Step::done;
        pop();
        mode_ = InsertionMode::in_table;
        return Step::done;
      }
      if (t.tag == Tag::col) return Step::done;
      if (t.tag == Tag::template_) return in_head(t);
      break;
    case TokenType::end_of_file: return in_body(t);
  }
  if (!current_is(Tag::colgroup)) return Step::done;
  pop();
  mode_ = InsertionMode::in_table;
  return Step::reprocess;
}

}  // namespace lede::html5
