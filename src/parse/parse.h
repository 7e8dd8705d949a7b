// HTML text (UTF-8) to lede's DOM, through lede's own HTML5 parser (src/html5).
#pragma once

#include <string_view>

#include "dom/dom.h"

namespace lede::parse {

// Parses a whole document as an HTML5 browser would (scripting off).
// Never fails: any byte sequence yields a tree with html, head and body.
// Elements nested deeper than html5::kMaxTreeDepth become siblings at that
// depth, so the tree stays shallow enough for any consumer.
dom::Document parse_document(std::string_view utf8);

}  // namespace lede::parse
