// Drives the tokenizer into the tree builder, and dumps trees for tests.
#include "html5/parser.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "html5/tokenizer.h"
#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Namespace;
using dom::Node;

namespace {

void run(TreeBuilder& builder, Tokenizer& tokenizer) {
  while (true) {
    tokenizer.set_cdata_allowed(builder.cdata_allowed());
    const Token& token = tokenizer.next();
    builder.process(token);
    if (token.type == TokenType::end_of_file) break;
  }
  builder.finish();
}

// The tokenizer state the fragment algorithm starts in for an HTML context.
ContentState context_state(dom::Tag tag) {
  switch (tag) {
    case dom::Tag::title: case dom::Tag::textarea: return ContentState::rcdata;
    case dom::Tag::style: case dom::Tag::xmp: case dom::Tag::iframe: case dom::Tag::noembed:
    case dom::Tag::noframes:
      return ContentState::rawtext;
    case dom::Tag::script: return ContentState::script_data;
    case dom::Tag::plaintext: return ContentState::plaintext;
    default: return ContentState::data;
  }
}

Node* create_context(dom::Document& doc, std::string_view context) {
  if (context.starts_with("svg "))
    return doc.create_element(adjust_svg_tag_name(context.substr(4)), {}, Namespace::svg);
  if (context.starts_with("math "))
    return doc.create_element(context.substr(5), {}, Namespace::mathml);
  return doc.create_element(context, {});
}

void build_document(dom::Document& doc, std::string_view utf8) {
  Arena token_arena;
  Tokenizer tokenizer(utf8, token_arena);
  TreeBuilder builder(doc, &tokenizer);
  run(builder, tokenizer);
}

}  // namespace

dom::Document parse_document(std::string_view utf8) {
  dom::Document doc;
  build_document(doc, utf8);
  return doc;
}

dom::Document parse_document_in_place(std::string_view utf8) {
  dom::Document doc;
  doc.borrow_from(utf8);
  build_document(doc, utf8);
  return doc;
}

dom::Document parse_fragment(std::string_view utf8, std::string_view context) {
  dom::Document doc;
  Arena token_arena;
  Tokenizer tokenizer(utf8, token_arena);
  Node* context_element = create_context(doc, context);
  // No start tag has been emitted, so no end tag is "appropriate": even
  // </script> in a script context is text.
  if (context_element->ns == Namespace::html) tokenizer.set_state(context_state(context_element->tag));
  TreeBuilder builder(doc, &tokenizer);
  builder.start_fragment(context_element);
  run(builder, tokenizer);
  Node* html = builder.fragment_root();
  if (!html) html = doc.html();
  doc.move_children(html, doc.root());
  doc.remove(html);
  return doc;
}

// --- dump_tree ---

namespace {

void dump_attributes(const Node* node, size_t depth, std::string& out) {
  std::vector<std::pair<std::string, std::string_view>> attrs;
  for (const dom::Attribute& a : node->attributes()) {
    std::string name(a.name);
    std::string_view prefix =
        node->ns == Namespace::html ? std::string_view{} : foreign_attribute_prefix(a.name);
    if (!prefix.empty()) {
      size_t colon = a.name.find(':');
      name = std::string(prefix) + " " +
             std::string(colon == std::string_view::npos ? a.name : a.name.substr(colon + 1));
    }
    attrs.emplace_back(std::move(name), a.value);
  }
  std::sort(attrs.begin(), attrs.end());
  for (const auto& [name, value] : attrs) {
    out += "| ";
    out.append(2 * depth, ' ');
    out += name;
    out += "=\"";
    out += value;
    out += "\"\n";
  }
}

void dump_node(const Node* node, size_t depth, std::string& out) {
  out += "| ";
  out.append(2 * depth, ' ');
  switch (node->type) {
    case dom::NodeType::element:
      out += '<';
      if (node->ns == Namespace::svg) out += "svg ";
      if (node->ns == Namespace::mathml) out += "math ";
      out += node->name;
      out += ">\n";
      dump_attributes(node, depth + 1, out);
      return;
    case dom::NodeType::text:
      out += '"';
      out += node->data;
      out += "\"\n";
      return;
    case dom::NodeType::comment:
      out += "<!-- ";
      out += node->data;
      out += " -->\n";
      return;
    case dom::NodeType::doctype: {
      out += "<!DOCTYPE ";
      out += node->name;
      std::string_view pub = node->attr("public"), sys = node->attr("system");
      if (!pub.empty() || !sys.empty()) {
        out += " \"";
        out += pub;
        out += "\" \"";
        out += sys;
        out += '"';
      }
      out += ">\n";
      return;
    }
    case dom::NodeType::fragment: out += "content\n"; return;
    case dom::NodeType::document: return;
  }
}

}  // namespace

std::string dump_tree(const dom::Document& doc) {
  std::string out;
  const Node* root = doc.root();
  const Node* node = root->first_child;
  size_t depth = 0;
  while (node) {
    dump_node(node, depth, out);
    if (node->first_child) {
      node = node->first_child;
      ++depth;
      continue;
    }
    while (!node->next) {
      node = node->parent;
      if (node == root) return out;
      --depth;
    }
    node = node->next;
  }
  return out;
}

}  // namespace lede::html5
