// The selected part of a DOM to text, Markdown and minimal HTML.
//
// What is rendered: every subtree whose root carries `keep` (see
// select/marks.h), in document order, minus subtrees marked kDropped and
// invisible elements (script, style, ...). A kept subtree inside another kept
// one is rendered once. Subtrees carrying another keep mark than `keep` are
// skipped: comments (kComments) inside the body's container are not body.
#pragma once

#include <string>
#include <string_view>

#include "dom/dom.h"

namespace lede::render {

struct RenderOptions {
  bool links = false;        // Markdown/HTML: keep hrefs
  std::string_view base_url; // to resolve relative hrefs when links are kept
};

// Blocks (paragraphs, headings, list items, table rows, pre) separated by a
// blank line; whitespace collapsed except in <pre> and at <br>.
std::string text(const dom::Document& doc, uint32_t keep);
std::string markdown(const dom::Document& doc, uint32_t keep, const RenderOptions& options);
std::string html(const dom::Document& doc, uint32_t keep, const RenderOptions& options);

}  // namespace lede::render
