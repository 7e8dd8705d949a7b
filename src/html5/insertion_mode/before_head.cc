// 13.2.6.4.3 The "before head" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::before_head(Token& t) {
  switch (t.type) {
    case TokenType::characters:
      take_leading_space(t);
      if (t.data.empty()) return Step::done;
      break;
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag:
      if (t.tag == Tag::html) return in_body(t);
      if (t.tag == Tag::head) {
        head_ = insert_html_element(t);
        mode_ = InsertionMode::in_head;
        return Step::done;
      }
      break;
    case TokenType::end_tag:
      if (t.tag != Tag::head && t.tag != Tag::body && t.tag != Tag::html && t.tag != Tag::br)
        return Step::done;
      break;
    case TokenType::end_of_file: break;
  }
  head_ = insert_html_element(Tag::head);
  mode_ = InsertionMode::in_head;
  return Step::reprocess;
}

}  // namespace lede::html5
