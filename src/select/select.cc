#include "select/select.h"

#include "select/marks.h"

namespace lede::select {
void select_content(dom::Document& doc, const SelectOptions&) {
  if (dom::Node* body = doc.body()) body->flags |= kContent;
}
}  // namespace lede::select
