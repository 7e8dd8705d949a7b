// Fills lede's DOM from libgumbo's tree, copying names and text into the
// document's arena. The walk uses an explicit stack of (gumbo node, parent).
#include <gumbo.h>

#include <string>
#include <vector>

#include "parse/depth_guard.h"
#include "parse/parse.h"

namespace lede::parse {
namespace {

std::string_view element_name(const GumboElement& el, std::string& scratch) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  // Unknown tags: gumbo keeps the original text "<foo-bar ...>"; take the name.
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  scratch.assign(piece.data, piece.length);
  for (char& c : scratch)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return scratch;
}

dom::Node* convert_element(dom::Document& doc, const GumboElement& el,
                           std::vector<dom::Attribute>& attrs, std::string& scratch) {
  attrs.clear();
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    attrs.push_back({a->name, a->value});
  }
  if (el.tag_namespace == GUMBO_NAMESPACE_SVG && el.tag != GUMBO_TAG_SVG)
    return doc.create_element("svg-child", attrs);
  if (el.tag_namespace == GUMBO_NAMESPACE_MATHML && el.tag != GUMBO_TAG_MATH)
    return doc.create_element("math-child", attrs);
  return doc.create_element(element_name(el, scratch), attrs);
}

}  // namespace

dom::Document parse_document(std::string_view utf8) {
  dom::Document doc;
  std::string flattened;
  if (flatten_deep_nesting(utf8, flattened)) utf8 = flattened;
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* out = gumbo_parse_with_options(&options, utf8.data(), utf8.size());

  std::vector<std::pair<const GumboNode*, dom::Node*>> stack;
  std::vector<dom::Attribute> attrs;
  std::string scratch;
  const GumboDocument& gdoc = out->document->v.document;
  if (gdoc.has_doctype) doc.append_child(doc.root(), doc.create_doctype(gdoc.name));
  for (unsigned i = gdoc.children.length; i-- > 0;)
    stack.emplace_back(static_cast<const GumboNode*>(gdoc.children.data[i]), doc.root());

  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    dom::Node* node = nullptr;
    const GumboVector* children = nullptr;
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        node = convert_element(doc, g->v.element, attrs, scratch);
        children = &g->v.element.children;
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        // Adjacent text nodes are merged so that renderers see one run.
        if (parent->last_child && parent->last_child->is_text()) {
          dom::Node* prev = parent->last_child;
          std::string joined(prev->data);
          joined += g->v.text.text;
          prev->data = doc.arena().copy(joined);
          continue;
        }
        node = doc.create_text(g->v.text.text);
        break;
      case GUMBO_NODE_COMMENT:
        node = doc.create_comment(g->v.text.text);
        break;
      case GUMBO_NODE_DOCUMENT:
        continue;
    }
    doc.append_child(parent, node);
    if (children)
      for (unsigned i = children->length; i-- > 0;)
        stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), node);
  }
  gumbo_destroy_output(&options, out);
  return doc;
}

}  // namespace lede::parse
