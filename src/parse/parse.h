// HTML text (UTF-8) to lede's DOM. The parser library behind this is an
// implementation detail: no header outside src/parse includes it.
#pragma once

#include <string_view>

#include "dom/dom.h"

namespace lede::parse {

// Parses a whole document as an HTML5 browser would (scripting off).
// Never fails: any byte sequence yields a tree with html, head and body.
dom::Document parse_document(std::string_view utf8);

}  // namespace lede::parse
