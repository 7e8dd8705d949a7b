// lede's document tree. Every node, attribute and string lives in the
// document's arena, or for a tree parsed in place, in the text it was parsed
// from; strings are views. Nodes link to parent and siblings, so
// every traversal below is a loop, never a recursion: a page nested 100k deep
// walks like a flat one.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "dom/tags.h"
#include "util/arena.h"

namespace lede::dom {

// `fragment` holds a template element's contents: it is the template's only
// child, and the parser puts everything inside <template> under it.
enum class NodeType : uint8_t { document, element, text, comment, doctype, fragment };

// Elements inside <svg> and <math> are foreign: their Tag is Tag::unknown
// (except the svg and math elements themselves), so that tag checks only ever
// match HTML elements, and their name keeps the standard's case (foreignObject).
enum class Namespace : uint8_t { html, svg, mathml };

struct Attribute {
  std::string_view name;   // lower-case
  std::string_view value;  // entities decoded
};

struct Node {
  NodeType type = NodeType::element;
  Namespace ns = Namespace::html;
  Tag tag = Tag::unknown;
  uint32_t flags = 0;        // pipeline marks (see select/marks.h)
  uint32_t index = 0;        // creation order, dense: index into per-node tables
  uint32_t num_attrs = 0;    // size of attrs; beside the other 32-bit fields, so no padding
  // Element name, lower-case for HTML (also for unknown tags); doctype name.
  std::string_view name;
  std::string_view data;     // text and comment content
  // Doctype nodes keep their public and system identifiers, when the doctype
  // has them, as attributes named "public" and "system".
  Attribute* attrs = nullptr;
  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* prev = nullptr;
  Node* next = nullptr;

  bool is_element() const { return type == NodeType::element; }
  bool is_text() const { return type == NodeType::text; }
  bool is(Tag t) const { return type == NodeType::element && tag == t; }
  std::span<const Attribute> attributes() const { return {attrs, num_attrs}; }
  // Value of the attribute, or an empty view; has_attr tells the two apart.
  // Inline: every stage asks for attributes by literal names, which the
  // compiler then compares without a call.
  std::string_view attr(std::string_view attr_name) const {
    const Attribute* found = find_attr(attr_name);
    return found ? found->value : std::string_view{};
  }
  bool has_attr(std::string_view attr_name) const { return find_attr(attr_name) != nullptr; }

 private:
  const Attribute* find_attr(std::string_view attr_name) const {
    for (uint32_t i = 0; i < num_attrs; ++i)
      if (attrs[i].name == attr_name) return &attrs[i];
    return nullptr;
  }
};

// The only way nodes come to be: the parser adapter builds through these.
class Document {
 public:
  Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  Node* root() const { return root_; }
  size_t node_count() const { return node_count_; }
  // For strings and attributes; nodes have an arena of their own.
  Arena& arena() { return arena_; }
  const Arena& arena() const { return arena_; }
  // The heap memory taken by the document, nodes and strings.
  size_t bytes_allocated() const { return arena_.bytes_allocated() + node_arena_.bytes_allocated(); }

  // Strings that lie inside `source` are then kept as views instead of being
  // copied: the caller promises that `source` outlives the document. The
  // parser's copies into the arena took most of its memory writes.
  void borrow_from(std::string_view source) {
    source_begin_ = reinterpret_cast<uintptr_t>(source.data());
    source_end_ = source_begin_ + source.size();
  }

  // HTML names must be lower-case; strings are copied into the arena (unless
  // borrowed, see borrow_from).
  Node* create_element(std::string_view name, std::span<const Attribute> attrs,
                       Namespace ns = Namespace::html);
  // The same when the caller already knows the name's tag.
  Node* create_element(Tag tag, std::string_view name, std::span<const Attribute> attrs,
                       Namespace ns = Namespace::html);
  // A new element with the name, namespace and attributes of `element` (the
  // attribute array is shared: attributes are never edited in place).
  Node* clone_element(const Node* element);
  Node* create_text(std::string_view text);
  Node* create_comment(std::string_view text);
  Node* create_doctype(std::string_view name);
  Node* create_doctype(std::string_view name, const std::string_view* public_id,
                       const std::string_view* system_id);
  Node* create_fragment();
  // Appends `child` (which must not be in the tree) to `parent`.
  void append_child(Node* parent, Node* child);
  // Inserts `child` (which must not be in the tree) before `ref`, a child of
  // `parent`; appends when `ref` is null.
  void insert_before(Node* parent, Node* child, Node* ref);
  void remove(Node* node);
  // Moves every child of `from`, in order, to the end of `to`.
  void move_children(Node* from, Node* to);
  // Adds the attributes `element` does not have yet (by name).
  void add_missing_attributes(Node* element, std::span<const Attribute> attrs);

  // Convenience lookups of the html/head/body elements (null if absent).
  Node* html() const;
  Node* head() const;
  Node* body() const;

 private:
  Node* new_node(NodeType type);
  Attribute* copy_attributes(std::span<const Attribute> attrs);
  bool is_borrowed(std::string_view s) const {
    auto begin = reinterpret_cast<uintptr_t>(s.data());
    return begin >= source_begin_ && begin + s.size() <= source_end_;
  }
  // `s` itself when it is borrowed, else its copy in the arena.
  std::string_view keep(std::string_view s) { return is_borrowed(s) ? s : arena_.copy(s); }

  Arena arena_;
  // Nodes side by side, apart from their strings: every stage walks the
  // tree many times, and packed nodes take fewer cache lines per walk.
  Arena node_arena_;
  Node* root_ = nullptr;
  uint32_t node_count_ = 0;
  uintptr_t source_begin_ = 0;  // the borrowed text; empty by default
  uintptr_t source_end_ = 0;
};

// Is `n` in the subtree of `ancestor` (or `ancestor` itself)?
inline bool contains(const Node* ancestor, const Node* n) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

// Pre-order successor of `node` within the subtree of `scope`, or null.
inline Node* next_in_preorder(const Node* node, const Node* scope) {
  if (node->first_child) return node->first_child;
  while (node != scope) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

// Pre-order successor that does not enter `node`'s children.
inline Node* next_skipping_children(const Node* node, const Node* scope) {
  while (node != scope) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

// Calls enter(node) before and leave(node) after each node's subtree, without
// recursion. enter() returning false skips the subtree (leave is still called).
template <typename Enter, typename Leave>
void walk(Node* scope, Enter&& enter, Leave&& leave) {
  Node* node = scope;
  while (node) {
    if (enter(node) && node->first_child) {
      node = node->first_child;
      continue;
    }
    while (true) {
      leave(node);
      if (node == scope) return;
      if (node->next) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

// Depth-first pre-order range over a subtree: `for (Node* n : subtree(x))`.
class Subtree {
 public:
  explicit Subtree(Node* scope) : scope_(scope) {}
  struct Iterator {
    Node* node;
    const Node* scope;
    Node* operator*() const { return node; }
    Iterator& operator++() {
      node = next_in_preorder(node, scope);
      return *this;
    }
    bool operator!=(const Iterator& o) const { return node != o.node; }
  };
  Iterator begin() const { return {scope_, scope_}; }
  Iterator end() const { return {nullptr, scope_}; }

 private:
  Node* scope_;
};
inline Subtree subtree(Node* scope) { return Subtree(scope); }

// ASCII case-insensitive comparison, for attribute values like "true".
bool equals_ignore_case(std::string_view a, std::string_view b);

}  // namespace lede::dom
