// 13.2.6.4.10 The "in table text" insertion mode: character runs inside a
// table are gathered, then either inserted (all whitespace) or foster
// parented.
#include "html5/tree_builder.h"

namespace lede::html5 {

TreeBuilder::Step TreeBuilder::in_table_text(Token& t) {
  if (t.type == TokenType::characters) {
    std::string_view data = drop_nulls(t.data, scratch_);
    table_text_.append(data);
    if (!table_text_has_non_space_ && !is_all_space(data)) table_text_has_non_space_ = true;
    return Step::done;
  }
  if (table_text_has_non_space_) {
    Token pending;
    pending.type = TokenType::characters;
    pending.data = table_text_;
    in_table_anything_else(pending);
  } else {
    insert_text(table_text_);
  }
  mode_ = original_mode_;
  return Step::reprocess;
}

}  // namespace lede::html5
