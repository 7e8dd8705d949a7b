// 13.2.6.4.20 The "in frameset" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::in_frameset(Token& t) {
  switch (t.type) {
    case TokenType::characters: insert_text(only_space(t.data, scratch_)); return Step::done;
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag:
      switch (t.tag) {
        case Tag::html: return in_body(t);
        case Tag::frameset: insert_html_element(t); return Step::done;
        case Tag::frame: insert_void_element(t); return Step::done;
        case Tag::noframes: return in_head(t);
        default: return Step::done;
      }
    case TokenType::end_tag:
      if (t.tag != Tag::frameset || open_.size() == 1) return Step::done;
      pop();
      if (!context_ && !current_is(Tag::frameset)) mode_ = InsertionMode::after_frameset;
      return Step::done;
    case TokenType::end_of_file: stop_parsing(); return Step::done;
  }
  return Step::done;
}

}  // namespace lede::html5
