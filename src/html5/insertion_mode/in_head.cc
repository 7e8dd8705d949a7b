// 13.2.6.4.4 The "in head" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

// The start tag rules of "in head" that "in body", "after head", "in table"
// and "in template" borrow.
bool is_head_start_tag(Tag tag) {
  switch (tag) {
    case Tag::base: case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
    case Tag::noframes: case Tag::script: case Tag::style: case Tag::template_:
    case Tag::title: case Tag::noscript:
      return true;
    default:
      return false;
  }
}

}  // namespace

TreeBuilder::Step TreeBuilder::in_head(Token& t) {
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
      if (!is_head_start_tag(t.tag)) {
        if (t.tag == Tag::head) return Step::done;
        break;
      }
      switch (t.tag) {
        case Tag::base: case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
          insert_void_element(t);
          return Step::done;
        case Tag::title: parse_raw_text(t, ContentState::rcdata); return Step::done;
        case Tag::noframes: case Tag::style:
          parse_raw_text(t, ContentState::rawtext);
          return Step::done;
        case Tag::noscript:  // scripting is off: its content is markup
          insert_html_element(t);
          mode_ = InsertionMode::in_head_noscript;
          return Step::done;
        case Tag::script: parse_raw_text(t, ContentState::script_data); return Step::done;
        default:  // template
          insert_html_element(t);
          push_formatting_marker();
          frameset_ok_ = false;
          mode_ = InsertionMode::in_template;
          template_modes_.push_back(InsertionMode::in_template);
          return Step::done;
      }
    case TokenType::end_tag:
      switch (t.tag) {
        case Tag::head:
          pop();
          mode_ = InsertionMode::after_head;
          return Step::done;
        case Tag::body: case Tag::html: case Tag::br: break;
        case Tag::template_:
          if (!has_open(Tag::template_)) return Step::done;
          generate_all_implied_end_tags_thoroughly();
          pop_until(Tag::template_);
          clear_formatting_to_marker();
          template_modes_.pop_back();
          reset_insertion_mode();
          return Step::done;
        default: return Step::done;
      }
      break;
    case TokenType::end_of_file: break;
  }
  pop();  // the head element
  mode_ = InsertionMode::after_head;
  return Step::reprocess;
}

}  // namespace lede::html5
