// 13.2.6.4.8 The "text" insertion mode: the contents of RCDATA, RAWTEXT and
// script elements.
#include "html5/tree_builder.h"

namespace lede::html5 {

TreeBuilder::Step TreeBuilder::text(Token& t) {
  switch (t.type) {
    case TokenType::characters: insert_text(t.data); return Step::done;
    case TokenType::end_of_file:
      pop();
      mode_ = original_mode_;
      return Step::reprocess;
    case TokenType::end_tag:
      pop();
      mode_ = original_mode_;
      return Step::done;
    default: return Step::done;
  }
}

}  // namespace lede::html5
