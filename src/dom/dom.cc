#include "dom/dom.h"

#include <cstring>
#include <new>

namespace lede::dom {

Document::Document() { root_ = new_node(NodeType::document); }

Node* Document::new_node(NodeType type) {
  Node* n = node_arena_.make<Node>();
  n->type = type;
  n->index = node_count_++;
  return n;
}

Node* Document::create_element(std::string_view name, std::span<const Attribute> attrs,
                               Namespace ns) {
  Tag tag = Tag::unknown;
  if (ns == Namespace::html)
    tag = tag_from_name(name);
  else if ((ns == Namespace::svg && name == "svg") || (ns == Namespace::mathml && name == "math"))
    tag = tag_from_name(name);
  return create_element(tag, name, attrs, ns);
}

Node* Document::create_element(Tag tag, std::string_view name, std::span<const Attribute> attrs,
                               Namespace ns) {
  Node* n = new_node(NodeType::element);
  n->ns = ns;
  n->tag = tag;
  n->name = tag == Tag::unknown ? keep(name) : tag_name(tag);
  if (!attrs.empty()) {
    n->attrs = copy_attributes(attrs);
    n->num_attrs = static_cast<uint32_t>(attrs.size());
  }
  return n;
}

// The array and the strings not borrowed in one allocation: most elements
// have a few short attributes, and one bump of the arena beats one per string.
Attribute* Document::copy_attributes(std::span<const Attribute> attrs) {
  size_t chars = 0;
  for (const Attribute& a : attrs) {
    if (!is_borrowed(a.name)) chars += a.name.size();
    if (!is_borrowed(a.value)) chars += a.value.size();
  }
  size_t array_bytes = sizeof(Attribute) * attrs.size();
  char* block = static_cast<char*>(arena_.allocate(array_bytes + chars, alignof(Attribute)));
  auto* copies = reinterpret_cast<Attribute*>(block);
  char* text = block + array_bytes;
  auto place = [this, &text](std::string_view s) {
    if (is_borrowed(s)) return s;
    if (!s.empty()) std::memcpy(text, s.data(), s.size());
    std::string_view placed(text, s.size());
    text += s.size();
    return placed;
  };
  for (size_t i = 0; i < attrs.size(); ++i) {
    std::string_view name = place(attrs[i].name);
    new (copies + i) Attribute{name, place(attrs[i].value)};
  }
  return copies;
}

Node* Document::clone_element(const Node* element) {
  Node* n = new_node(NodeType::element);
  n->ns = element->ns;
  n->tag = element->tag;
  n->name = element->name;
  n->attrs = element->attrs;
  n->num_attrs = element->num_attrs;
  return n;
}

Node* Document::create_text(std::string_view text) {
  Node* n = new_node(NodeType::text);
  n->data = keep(text);
  return n;
}

Node* Document::create_comment(std::string_view text) {
  Node* n = new_node(NodeType::comment);
  n->data = keep(text);
  return n;
}

Node* Document::create_doctype(std::string_view name) {
  Node* n = new_node(NodeType::doctype);
  n->name = keep(name);
  return n;
}

Node* Document::create_doctype(std::string_view name, const std::string_view* public_id,
                               const std::string_view* system_id) {
  Node* n = create_doctype(name);
  Attribute ids[2];
  uint32_t count = 0;
  if (public_id) ids[count++] = {"public", *public_id};
  if (system_id) ids[count++] = {"system", *system_id};
  if (count) add_missing_attributes(n, {ids, count});
  return n;
}

Node* Document::create_fragment() { return new_node(NodeType::fragment); }

void Document::append_child(Node* parent, Node* child) {
  child->parent = parent;
  child->prev = parent->last_child;
  child->next = nullptr;
  if (parent->last_child)
    parent->last_child->next = child;
  else
    parent->first_child = child;
  parent->last_child = child;
}

void Document::insert_before(Node* parent, Node* child, Node* ref) {
  if (!ref) {
    append_child(parent, child);
    return;
  }
  child->parent = parent;
  child->next = ref;
  child->prev = ref->prev;
  if (ref->prev)
    ref->prev->next = child;
  else
    parent->first_child = child;
  ref->prev = child;
}

void Document::move_children(Node* from, Node* to) {
  Node* first = from->first_child;
  if (!first) return;
  for (Node* c = first; c; c = c->next) c->parent = to;
  first->prev = to->last_child;
  if (to->last_child)
    to->last_child->next = first;
  else
    to->first_child = first;
  to->last_child = from->last_child;
  from->first_child = from->last_child = nullptr;
}

void Document::add_missing_attributes(Node* element, std::span<const Attribute> attrs) {
  size_t missing = 0;
  for (const Attribute& a : attrs) missing += !element->has_attr(a.name);
  if (!missing) return;
  // A new array: clones may share the old one.
  auto* merged = arena_.make_array<Attribute>(element->num_attrs + missing);
  uint32_t count = 0;
  for (const Attribute& a : element->attributes()) merged[count++] = a;
  for (const Attribute& a : attrs)
    if (!element->has_attr(a.name)) merged[count++] = {keep(a.name), keep(a.value)};
  element->attrs = merged;
  element->num_attrs = count;
}

void Document::remove(Node* node) {
  Node* parent = node->parent;
  if (!parent) return;
  if (node->prev) node->prev->next = node->next; else parent->first_child = node->next;
  if (node->next) node->next->prev = node->prev; else parent->last_child = node->prev;
  node->parent = node->prev = node->next = nullptr;
}

Node* Document::html() const {
  for (Node* c = root_->first_child; c; c = c->next)
    if (c->is(Tag::html)) return c;
  return nullptr;
}

static Node* child_of_html(const Document& doc, Tag tag) {
  Node* html = doc.html();
  if (!html) return nullptr;
  for (Node* c = html->first_child; c; c = c->next)
    if (c->is(tag)) return c;
  return nullptr;
}

Node* Document::head() const { return child_of_html(*this, Tag::head); }
Node* Document::body() const { return child_of_html(*this, Tag::body); }

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

}  // namespace lede::dom
