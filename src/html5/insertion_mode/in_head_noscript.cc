// 13.2.6.4.5 The "in head noscript" insertion mode: <noscript> in <head> with
// scripting off, where only head content is allowed.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::in_head_noscript(Token& t) {
  switch (t.type) {
    case TokenType::doctype: return Step::done;
    case TokenType::comment: return in_head(t);
    case TokenType::characters: {
      Token space = t;
      space.data = take_leading_space(t);
      if (!space.data.empty()) in_head(space);
      if (t.data.empty()) return Step::done;
      break;
    }
    case TokenType::start_tag:
      switch (t.tag) {
        case Tag::html: return in_body(t);
        case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
        case Tag::noframes: case Tag::style:
          return in_head(t);
        case Tag::head: case Tag::noscript: return Step::done;
        default: break;
      }
      break;
    case TokenType::end_tag:
      if (t.tag == Tag::noscript) {
        pop();
        mode_ = InsertionMode::in_head;
        return Step::done;
      }
      if (t.tag != Tag::br) return Step::done;
      break;
    case TokenType::end_of_file: break;
  }
  pop();  // the noscript element
  mode_ = InsertionMode::in_head;
  return Step::reprocess;
}

}  // namespace lede::html5
