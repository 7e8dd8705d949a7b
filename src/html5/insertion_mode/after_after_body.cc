// 13.2.6.4.22 The "after after body" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::after_after_body(Token& t) {
  switch (t.type) {
    case TokenType::comment: insert_comment(t, doc_.root()); return Step::done;
    case TokenType::doctype: return in_body(t);
    case TokenType::characters: {
      Token space = t;
      space.data = take_leading_space(t);
      if (!space.data.empty()) in_body(space);
      if (t.data.empty()) return Step::done;
      break;
    }
    case TokenType::start_tag:
      if (t.tag == Tag::html) return in_body(t);
      break;
    case TokenType::end_of_file: stop_parsing(); return Step::done;
    case TokenType::end_tag: break;
  }
  mode_ = InsertionMode::in_body;
  return Step::reprocess;
}

}  // namespace lede::html5
