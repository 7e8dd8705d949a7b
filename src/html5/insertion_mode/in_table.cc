// 13.2.6.4.9 The "in table" insertion mode. Content that does not belong in
// a table is foster parented: inserted before the table.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

namespace {

constexpr TagSet kTableContext = tag_set({Tag::table, Tag::template_, Tag::html});
constexpr TagSet kTableTextTargets =
    tag_set({Tag::table, Tag::tbody, Tag::template_, Tag::tfoot, Tag::thead, Tag::tr});

}  // namespace

TreeBuilder::Step TreeBuilder::in_table_anything_else(Token& t) {
  foster_parenting_ = true;
  Step step = in_body(t);
  foster_parenting_ = false;
  return step;
}

TreeBuilder::Step TreeBuilder::in_table(Token& t) {
  switch (t.type) {
    case TokenType::characters:
      if (!in_set(kTableTextTargets, current_node()->tag)) break;
      table_text_.clear();
      table_text_has_non_space_ = false;
      original_mode_ = mode_;
      mode_ = InsertionMode::in_table_text;
      return Step::reprocess;
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag:
      switch (t.tag) {
        case Tag::caption:
          clear_stack_back_to(kTableContext);
          push_formatting_marker();
          insert_html_element(t);
          mode_ = InsertionMode::in_caption;
          return Step::done;
        case Tag::colgroup:
          clear_stack_back_to(kTableContext);
          insert_html_element(t);
          mode_ = InsertionMode::in_column_group;
          return Step::done;
        case Tag::col:
          clear_stack_back_to(kTableContext);
          insert_html_element(Tag::colgroup);
          mode_ = InsertionMode::in_column_group;
          return Step::reprocess;
        case Tag::tbody: case Tag::tfoot: case Tag::thead:
          clear_stack_back_to(kTableContext);
          insert_html_element(t);
          mode_ = InsertionMode::in_table_body;
          return Step::done;
        case Tag::td: case Tag::th: case Tag::tr:
          clear_stack_back_to(kTableContext);
          insert_html_element(Tag::tbody);
          mode_ = InsertionMode::in_table_body;
          return Step::reprocess;
        case Tag::table:
          if (!in_scope(Tag::table, Scope::table)) return Step::done;
          pop_until(Tag::table);
          reset_insertion_mode();
          return Step::reprocess;
        case Tag::style: case Tag::script: case Tag::template_: return in_head(t);
        case Tag::input:
          if (!is_hidden_input(t)) break;
          insert_void_element(t);
          return Step::done;
        case Tag::form:
          if (has_open(Tag::template_) || form_) return Step::done;
          form_ = insert_html_element(t);
          pop();
          return Step::done;
        default: break;
      }
      break;
    case TokenType::end_tag:
      switch (t.tag) {
        case Tag::table:
          if (!in_scope(Tag::table, Scope::table)) return Step::done;
          pop_until(Tag::table);
          reset_insertion_mode();
          return Step::done;
        case Tag::body: case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::html:
        case Tag::tbody: case Tag::td: case Tag::tfoot: case Tag::th: case Tag::thead:
        case Tag::tr:
          return Step::done;
        case Tag::template_: return in_head(t);
        default: break;
      }
      break;
    case TokenType::end_of_file: return in_body(t);
  }
  return in_table_anything_else(t);
}

}  // namespace lede::html5
