// 13.2.6.4.6 The "after head" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::after_head(Token& t) {
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
      switch (t.tag) {
        case Tag::html: return in_body(t);
        case Tag::body:
          insert_html_element(t);
          frameset_ok_ = false;
          mode_ = InsertionMode::in_body;
          return Step::done;
        case Tag::frameset:
          insert_html_element(t);
          mode_ = InsertionMode::in_frameset;
          return Step::done;
        case Tag::base: case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
        case Tag::noframes: case Tag::script: case Tag::style: case Tag::template_:
        case Tag::title: {
          // Head content after </head> still goes into the head.
          push(head_);
          Step step = in_head(t);
          remove_from_stack(head_);
          return step;
        }
        case Tag::head: return Step::done;
        default: break;
      }
      break;
    case TokenType::end_tag:
      if (t.tag == Tag::template_) return in_head(t);
      if (t.tag != Tag::body && t.tag != Tag::html && t.tag != Tag::br) return Step::done;
      break;
    case TokenType::end_of_file: break;
  }
  insert_html_element(Tag::body);
  mode_ = InsertionMode::in_body;
  return Step::reprocess;
}

}  // namespace lede::html5
