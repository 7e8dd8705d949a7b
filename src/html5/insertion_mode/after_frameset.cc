// 13.2.6.4.21 The "after frameset" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::after_frameset(Token& t) {
  switch (t.type) {
    case TokenType::characters: insert_text(only_space(t.data, scratch_)); return Step::done;
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag:
      if (t.tag == Tag::html) return in_body(t);
      if (t.tag == Tag::noframes) return in_head(t);
      return Step::done;
    case TokenType::end_tag:
      if (t.tag == Tag::html) mode_ = InsertionMode::after_after_frameset;
      return Step::done;
    case TokenType::end_of_file: stop_parsing(); return Step::done;
  }
  return Step::done;
}

}  // namespace lede::html5
