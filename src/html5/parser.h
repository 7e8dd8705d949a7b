// lede's own HTML5 parser: the standard's tokenizer and tree construction,
// scripting off. Any input yields a tree; parse errors are not reported.
#pragma once

#include <string>
#include <string_view>

#include "dom/dom.h"

namespace lede::html5 {

// Parses a whole document: the tree always has html, head and body (or
// frameset).
dom::Document parse_document(std::string_view utf8);

// The same, with the tree's texts, comments, names and attribute values left
// as views into `utf8` wherever parsing did not change them (no character
// reference, CR or NUL in them): `utf8` must outlive the tree.
dom::Document parse_document_in_place(std::string_view utf8);

// The HTML fragment parsing algorithm. `context` names the context element:
// "td", or with a namespace, "svg path" / "math mi". The fragment's nodes
// are the document root's children.
dom::Document parse_fragment(std::string_view utf8, std::string_view context);

// The tree in html5lib's test format: one "| " line per node, two spaces of
// indent per level, attributes sorted on their own lines, "content" for the
// contents of a template.
std::string dump_tree(const dom::Document& doc);

}  // namespace lede::html5
