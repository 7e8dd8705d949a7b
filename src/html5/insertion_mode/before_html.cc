// 13.2.6.4.2 The "before html" insertion mode.
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Tag;

TreeBuilder::Step TreeBuilder::before_html(Token& t) {
  switch (t.type) {
    case TokenType::doctype: return Step::done;
    case TokenType::comment: insert_comment(t, doc_.root()); return Step::done;
    case TokenType::characters:
      take_leading_space(t);
      if (t.data.empty()) return Step::done;
      break;
    case TokenType::start_tag:
      if (t.tag != Tag::html) break;
      {
        dom::Node* html = create_html_element(t);
        doc_.append_child(doc_.root(), html);
        push(html);
      }
      mode_ = InsertionMode::before_head;
      return Step::done;
    case TokenType::end_tag:
      if (t.tag != Tag::head && t.tag != Tag::body && t.tag != Tag::html && t.tag != Tag::br)
        return Step::done;
      break;
    case TokenType::end_of_file: break;
  }
  dom::Node* html = doc_.create_element(Tag::html, "html", {});
  doc_.append_child(doc_.root(), html);
  push(html);
  mode_ = InsertionMode::before_head;
  return Step::reprocess;
}

}  // namespace lede::html5
