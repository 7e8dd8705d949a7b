// 13.2.6.4.23 The "after after frameset" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::after_after_frameset(Token& t) {
  switch (t.type) {
    case TokenType::comment: insert_comment(t, doc_.root()); return Step::done;
    case TokenType::doctype: return in_body(t);
    case TokenType::characters: {
      // Whitespace is processed as in body, the rest dropped.
      std::string space(only_space(t.data, scratch_));
      if (space.empty()) return Step::done;
      t.data = space;
      return in_body(t);
    }
    case TokenType::start_tag:
      if (t.tag == Tag::html) return in_body(t);
      if (t.tag == Tag::noframes) return in_head(t);
      return Step::done;
    case TokenType::end_of_file: stop_parsing(); return Step::done;
    case TokenType::end_tag: return Step::done;
  }
  return Step::done;
}

}  // namespace lede::html5
