// Small DOMs for the renderer tests: parsed HTML with marks set by hand.
#pragma once

#include <string>
#include <string_view>

#include "dom/dom.h"
#include "parse/parse.h"
#include "select/marks.h"

namespace lede::render::test {

// The element with id="<id>"; fails the test (null) when absent.
inline dom::Node* by_id(const dom::Document& doc, std::string_view id) {
  for (dom::Node* node : dom::subtree(doc.root()))
    if (node->is_element() && node->attr("id") == id) return node;
  return nullptr;
}

inline void mark(const dom::Document& doc, std::string_view id, uint32_t flags) {
  if (dom::Node* node = by_id(doc, id)) node->flags |= flags;
}

// `body_html` parsed as a page whose whole body is the article.
inline dom::Document page(std::string_view body_html) {
  dom::Document doc = parse::parse_document("<!DOCTYPE html><html><body>" + std::string(body_html));
  doc.body()->flags |= select::kContent;
  return doc;
}

}  // namespace lede::render::test
