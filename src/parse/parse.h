// HTML text (UTF-8) to lede's DOM, through lede's own HTML5 parser (src/html5).
#pragma once

#include <string>
#include <string_view>

#include "dom/dom.h"

namespace lede::parse {

// Parses a whole document as an HTML5 browser would (scripting off).
// Never fails: any byte sequence yields a tree with html, head and body.
// Elements nested deeper than html5::kMaxTreeDepth become siblings at that
// depth, so the tree stays shallow enough for any consumer.
dom::Document parse_document(std::string_view utf8);

// A page as parse_document parses it, with one repair browsers do not make
// (or need not: with scripting on, they read <noscript> as text): an element
// whose contents are read as text up to its end tag (title, iframe, style,
// ...) that is never closed ("<iframe ... />", cut markup) swallows the rest
// of the page, leaving the body empty. Then the element is ended at its first
// tag and the page parsed again from that repaired copy, kept in `repaired`.
// The tree's strings are views into `utf8` or `repaired` where parsing did
// not change them: both must outlive the tree.
dom::Document parse_page(std::string_view utf8, std::string& repaired);

}  // namespace lede::parse
