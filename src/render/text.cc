// STUB: replaced by the render helper.
#include "render/render.h"
#include "select/marks.h"

namespace lede::render {
std::string text(const dom::Document& doc, uint32_t keep) {
  std::string out;
  int inside = 0;
  dom::walk(
      doc.root(),
      [&](dom::Node* n) {
        if (n->flags & select::kDropped) return false;
        if (n->is_element() && dom::is_invisible(n->tag)) return false;
        if (n->flags & keep) ++inside;
        if (inside && n->is_text()) out += n->data;
        if (inside && n->is_element() && dom::is_block(n->tag)) out += "\n";
        return true;
      },
      [&](dom::Node* n) {
        if (n->flags & keep) --inside;
      });
  return out;
}
std::string markdown(const dom::Document& doc, uint32_t keep, const RenderOptions&) { return text(doc, keep); }
std::string html(const dom::Document& doc, uint32_t keep, const RenderOptions&) { return text(doc, keep); }
}  // namespace lede::render
