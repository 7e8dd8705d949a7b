#include "render/content.h"

#include "metadata/text.h"
#include "metadata/url.h"

namespace lede::render {
namespace {

using dom::Node;
using dom::Tag;

struct TextSize {
  size_t bytes = 0;
  void begin_root() {}
  void end_root() {}
  bool enter(Node* node) {
    bytes += node->data.size();
    return true;
  }
  void leave(Node*) {}
};

std::string resolve(std::string_view target, std::string_view base_url) {
  std::string resolved = metadata::resolve_url(base_url, target);
  // Non-http targets (mailto:, relative ones without a base) stay as written.
  return resolved.empty() ? std::string(target) : resolved;
}

}  // namespace

size_t kept_text_size(const dom::Document& doc, uint32_t keep) {
  TextSize size;
  walk_kept(doc, keep, size);
  return size.bytes;
}

bool is_data_table(const Node* table, uint32_t keep) {
  int cells = 0;
  int paragraphs_in_cell = 0;
  for (const Node* node = dom::next_in_preorder(table, table); node;) {
    if (is_hidden(node, keep)) {
      node = dom::next_skipping_children(node, table);
      continue;
    }
    if (node->is_element()) {
      switch (node->tag) {
        case Tag::td:
        case Tag::th:
          ++cells;
          paragraphs_in_cell = 0;
          break;
        case Tag::tr:
        case Tag::tbody:
        case Tag::thead:
        case Tag::tfoot:
        case Tag::caption:
        case Tag::div:  // wrappers of a cell's text
        case Tag::center:
          break;
        case Tag::p:
          if (++paragraphs_in_cell > 1) return false;
          break;
        default:
          if (dom::is_block(node->tag)) return false;
      }
    }
    node = dom::next_in_preorder(node, table);
  }
  return cells > 1;
}

std::string link_target(const Node* anchor, std::string_view base_url) {
  std::string_view href = metadata::trim(anchor->attr("href"));
  if (href.empty() || href == "#" || metadata::starts_with_ignore_case(href, "javascript:")) return {};
  return resolve(href, base_url);
}

std::string image_source(const Node* img, std::string_view base_url) {
  std::string_view src = metadata::trim(img->attr("src"));
  if (src.empty() || metadata::starts_with_ignore_case(src, "data:")) {
    std::string_view lazy = metadata::trim(img->attr("data-src"));
    if (!lazy.empty()) src = lazy;
  }
  // Inline data: images would bury the text under kilobytes of base64.
  if (src.empty() || metadata::starts_with_ignore_case(src, "data:")) return {};
  return resolve(src, base_url);
}

}  // namespace lede::render
