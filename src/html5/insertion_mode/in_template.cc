// 13.2.6.4.16 The "in template" insertion mode: the mode a template's content
// starts in, switched for the first element that says what the content is.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

// The insertion mode a template's first start tag selects.
InsertionMode template_mode_for(Tag tag) {
  switch (tag) {
    case Tag::caption: case Tag::colgroup: case Tag::tbody: case Tag::tfoot: case Tag::thead:
      return InsertionMode::in_table;
    case Tag::col: return InsertionMode::in_column_group;
    case Tag::tr: return InsertionMode::in_table_body;
    case Tag::td: case Tag::th: return InsertionMode::in_row;
    default: return InsertionMode::in_body;
  }
}

}  // namespace

TreeBuilder::Step TreeBuilder::in_template(Token& t) {
  switch (t.type) {
    case TokenType::characters:
    case TokenType::comment:
    case TokenType::doctype:
      return in_body(t);
    case TokenType::start_tag:
      switch (t.tag) {
        case Tag::base: case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
        case Tag::noframes: case Tag::script: case Tag::style: case Tag::template_:
        case Tag::title:
          return in_head(t);
        default: {
          InsertionMode mode = template_mode_for(t.tag);
          template_modes_.back() = mode;
          mode_ = mode;
          return Step::reprocess;
        }
      }
    case TokenType::end_tag:
      if (t.tag == Tag::template_) return in_head(t);
      return Step::done;
    case TokenType::end_of_file:
      if (!has_open(Tag::template_)) {
        stop_parsing();
        return Step::done;
      }
      pop_until(Tag::template_);
      clear_formatting_to_marker();
      template_modes_.pop_back();
      reset_insertion_mode();
      return Step::reprocess;
  }
  return Step::done;
}

}  // namespace lede::html5
