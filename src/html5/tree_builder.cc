// The algorithms the insertion modes share (WHATWG HTML 13.2.4 "Parse state"
// and 13.2.6 "Tree construction"): the stack of open elements and its scopes,
// the list of active formatting elements, the adoption agency algorithm,
// the appropriate place for inserting a node, resetting the insertion mode.
#include "html5/tree_builder.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace lede::html5 {

using dom::Namespace;
using dom::Node;
using dom::Tag;

namespace {

constexpr TagSet kImpliedEndTags = tag_set({Tag::dd, Tag::dt, Tag::li, Tag::optgroup,
                                            Tag::option, Tag::p, Tag::rb, Tag::rp, Tag::rt,
                                            Tag::rtc});
constexpr TagSet kImpliedEndTagsThorough =
    tag_set({Tag::dd, Tag::dt, Tag::li, Tag::optgroup, Tag::option, Tag::p, Tag::rb, Tag::rp,
             Tag::rt, Tag::rtc, Tag::caption, Tag::colgroup, Tag::tbody, Tag::td, Tag::tfoot,
             Tag::th, Tag::thead, Tag::tr});
constexpr TagSet kFosterTargets =
    tag_set({Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr});

}  // namespace

bool is_html_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }

bool is_all_space(std::string_view s) {
  for (char c : s)
    if (!is_html_space(c)) return false;
  return true;
}

std::string_view take_leading_space(Token& t) {
  size_t n = 0;
  while (n < t.data.size() && is_html_space(t.data[n])) ++n;
  std::string_view space = t.data.substr(0, n);
  t.data.remove_prefix(n);
  return space;
}

std::string_view only_space(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s)
    if (is_html_space(c)) out.push_back(c);
  return out;
}

std::string_view drop_nulls(std::string_view s, std::string& out) {
  if (!std::memchr(s.data(), '\0', s.size())) return s;
  out.clear();
  for (char c : s)
    if (c != '\0') out.push_back(c);
  return out;
}

bool is_hidden_input(const Token& t) {
  for (const TokenAttribute& a : t.attrs)
    if (a.name == "type") return dom::equals_ignore_case(a.value, "hidden");
  return false;
}

bool is_mathml_text_integration_point(const Node* node) {
  if (node->ns != Namespace::mathml) return false;
  std::string_view n = node->name;
  return n == "mi" || n == "mo" || n == "mn" || n == "ms" || n == "mtext";
}

bool is_html_integration_point(const Node* node) {
  if (node->ns == Namespace::svg)
    return node->name == "foreignObject" || node->name == "desc" || node->name == "title";
  if (node->ns == Namespace::mathml && node->name == "annotation-xml") {
    std::string_view encoding = node->attr("encoding");
    return dom::equals_ignore_case(encoding, "text/html") ||
           dom::equals_ignore_case(encoding, "application/xhtml+xml");
  }
  return false;
}

TreeBuilder::TreeBuilder(dom::Document& doc, Tokenizer* tokenizer)
    : doc_(doc), tokenizer_(tokenizer) {
  formatting_.reserve(kMaxFormattingEntries + 1);
}

void TreeBuilder::start_fragment(Node* context) {
  context_ = context;
  Node* html = doc_.create_element(Tag::html, "html", {});
  doc_.append_child(doc_.root(), html);
  push(html);
  if (context->is(Tag::template_)) template_modes_.push_back(InsertionMode::in_template);
  reset_insertion_mode();
}

void TreeBuilder::process(const Token& token) {
  if (stopped_) return;
  Token t = token;
  if (skip_next_newline_) {
    skip_next_newline_ = false;
    if (t.type == TokenType::characters && !t.data.empty() && t.data[0] == '\n') {
      t.data.remove_prefix(1);
      if (t.data.empty()) return;
    }
  }
  if (!use_html_rules(t)) {
    foreign_content(t);
    return;
  }
  while (run_mode(mode_, t) == Step::reprocess) {
  }
}

void TreeBuilder::finish() { commit_text(); }

TreeBuilder::Step TreeBuilder::run_mode(InsertionMode mode, Token& t) {
  switch (mode) {
    case InsertionMode::initial: return initial(t);
    case InsertionMode::before_html: return before_html(t);
    case InsertionMode::before_head: return before_head(t);
    case InsertionMode::in_head: return in_head(t);
    case InsertionMode::in_head_noscript: return in_head_noscript(t);
    case InsertionMode::after_head: return after_head(t);
    case InsertionMode::in_body: return in_body(t);
    case InsertionMode::text: return text(t);
    case InsertionMode::in_table: return in_table(t);
    case InsertionMode::in_table_text: return in_table_text(t);
    case InsertionMode::in_caption: return in_caption(t);
    case InsertionMode::in_column_group: return in_column_group(t);
    case InsertionMode::in_table_body: return in_table_body(t);
    case InsertionMode::in_row: return in_row(t);
    case InsertionMode::in_cell: return in_cell(t);
    case InsertionMode::in_template: return in_template(t);
    case InsertionMode::after_body: return after_body(t);
    case InsertionMode::in_frameset: return in_frameset(t);
    case InsertionMode::after_frameset: return after_frameset(t);
    case InsertionMode::after_after_body: return after_after_body(t);
    case InsertionMode::after_after_frameset: return after_after_frameset(t);
  }
  return Step::done;
}

// --- the stack of open elements ---

void TreeBuilder::pop() { on_popped(open_.pop()); }

void TreeBuilder::pop_until(Tag tag) {
  while (!open_.empty()) {
    bool found = open_.back()->tag == tag;
    pop();
    if (found) return;
  }
}

void TreeBuilder::pop_until_any(std::span<const Tag> tags) {
  while (!open_.empty()) {
    bool found = std::find(tags.begin(), tags.end(), open_.back()->tag) != tags.end();
    pop();
    if (found) return;
  }
}

void TreeBuilder::pop_until_node(const Node* node) {
  while (!open_.empty()) {
    bool found = open_.back() == node;
    pop();
    if (found) return;
  }
}

void TreeBuilder::clear_stack_back_to(const TagSet& context) {
  while (!in_set(context, current_node()->tag)) pop();
}

namespace {

Barrier scope_barrier(int scope) {
  static constexpr Barrier kBarriers[] = {Barrier::scope, Barrier::list_item_scope,
                                          Barrier::button_scope, Barrier::table_scope};
  return kBarriers[scope];
}

}  // namespace

// An element is in scope when no boundary of the scope sits above it (an
// element that is a boundary itself counts as in scope).
bool TreeBuilder::in_scope(Tag tag, Scope scope) const {
  ptrdiff_t at = open_.topmost(tag);
  return at != OpenElements::kNone &&
         at >= open_.barrier(scope_barrier(static_cast<int>(scope)));
}

bool TreeBuilder::any_in_scope(std::span<const Tag> tags, Scope scope) const {
  ptrdiff_t boundary = open_.barrier(scope_barrier(static_cast<int>(scope)));
  for (Tag tag : tags) {
    ptrdiff_t at = open_.topmost(tag);
    if (at != OpenElements::kNone && at >= boundary) return true;
  }
  return false;
}

bool TreeBuilder::node_in_scope(const Node* node) const {
  ptrdiff_t at = open_.position(node);
  return at != OpenElements::kNone && at >= open_.barrier(Barrier::scope);
}

void TreeBuilder::generate_implied_end_tags(Tag except) {
  while (!open_.empty()) {
    Tag tag = current_node()->tag;
    if (tag == except || !in_set(kImpliedEndTags, tag)) return;
    pop();
  }
}

void TreeBuilder::generate_all_implied_end_tags_thoroughly() {
  while (!open_.empty() && in_set(kImpliedEndTagsThorough, current_node()->tag)) pop();
}

void TreeBuilder::close_p_element() {
  generate_implied_end_tags(Tag::p);
  pop_until(Tag::p);
}

void TreeBuilder::close_p_if_in_button_scope() {
  if (in_scope(Tag::p, Scope::button)) close_p_element();
}

// Only the elements that decide a mode are looked at; the html element at the
// bottom of the stack is one, so the last step (where the fragment case looks
// at the context element instead) is always taken.
void TreeBuilder::reset_insertion_mode() {
  std::span<const int32_t> deciders = open_.barriers(Barrier::mode);
  for (size_t d = deciders.size(); d-- > 0;) {
    bool last = deciders[d] == 0;
    const Node* node = last && context_ ? context_ : open_[static_cast<size_t>(deciders[d])];
    switch (node->tag) {
      case Tag::td:
      case Tag::th:
        if (last) break;
        mode_ = InsertionMode::in_cell;
        return;
      case Tag::tr: mode_ = InsertionMode::in_row; return;
      case Tag::tbody:
      case Tag::thead:
      case Tag::tfoot: mode_ = InsertionMode::in_table_body; return;
      case Tag::caption: mode_ = InsertionMode::in_caption; return;
      case Tag::colgroup: mode_ = InsertionMode::in_column_group; return;
      case Tag::table: mode_ = InsertionMode::in_table; return;
      case Tag::template_: mode_ = template_modes_.back(); return;
      case Tag::head:
        if (last) break;
        mode_ = InsertionMode::in_head;
        return;
      case Tag::body: mode_ = InsertionMode::in_body; return;
      case Tag::frameset: mode_ = InsertionMode::in_frameset; return;
      case Tag::html:
        mode_ = head_ ? InsertionMode::after_head : InsertionMode::before_head;
        return;
      default: break;
    }
    if (last) break;
  }
  mode_ = InsertionMode::in_body;
}

// --- inserting nodes ---

TreeBuilder::Location TreeBuilder::appropriate_place(Node* override_target) {
  Node* target = override_target ? override_target : current_node();
  Location where{target, nullptr};
  if (foster_parenting_ && in_set(kFosterTargets, target->tag)) {
    ptrdiff_t template_at = open_.topmost(Tag::template_);
    ptrdiff_t table_at = open_.topmost(Tag::table);
    if (template_at > table_at) {
      where = {open_[static_cast<size_t>(template_at)], nullptr};
    } else if (table_at != OpenElements::kNone) {
      Node* table = open_[static_cast<size_t>(table_at)];
      if (table->parent)
        where = {table->parent, table};
      else
        where = {open_[static_cast<size_t>(table_at) - 1], nullptr};
    } else {
      where = {open_[0], nullptr};
    }
  }
  if (where.parent->tag == Tag::template_ && where.parent->ns == Namespace::html)
    where = {where.parent->first_child, nullptr};
  // Past the depth limit, nodes go beside the current node, not into it.
  if (open_.size() > kMaxTreeDepth && !where.before && where.parent->is_element() &&
      where.parent->parent && where.parent->parent->is_element())
    where.parent = where.parent->parent;
  return where;
}

void TreeBuilder::insert_at(Location where, Node* node) {
  doc_.insert_before(where.parent, node, where.before);
}

Node* TreeBuilder::create_html_element(const Token& t) {
  attr_buf_.clear();
  for (const TokenAttribute& a : t.attrs) attr_buf_.push_back({a.name, a.value});
  Node* element = doc_.create_element(t.tag, t.name, attr_buf_);
  if (t.tag == Tag::template_) doc_.append_child(element, doc_.create_fragment());
  if (t.tag == Tag::selectedcontent) has_selectedcontent_ = true;
  return element;
}

Node* TreeBuilder::insert_html_element(const Token& t) {
  Node* element = create_html_element(t);
  insert_at(appropriate_place(), element);
  push(element);
  if (has_selectedcontent_ && (t.tag == Tag::option || t.tag == Tag::selectedcontent))
    note_select_content(element);
  return element;
}

Node* TreeBuilder::insert_html_element(Tag tag) {
  Token t;
  t.type = TokenType::start_tag;
  t.tag = tag;
  t.name = dom::tag_name(tag);
  return insert_html_element(t);
}

void TreeBuilder::insert_void_element(Token& t) {
  insert_html_element(t);
  pop();
}

void TreeBuilder::insert_text(std::string_view text) {
  if (text.empty()) return;
  Location where = appropriate_place();
  if (where.parent->type == dom::NodeType::document) return;
  Node* prev = where.before ? where.before->prev : where.parent->last_child;
  if (prev && prev->is_text()) {
    if (prev == open_text_) {
      text_buf_.append(text);
    } else if (text_capacity(prev)) {
      grow_text(prev, text);
    } else {
      commit_text();
      open_text_ = prev;
      text_buf_.assign(prev->data);
      text_buf_.append(text);
    }
    return;
  }
  commit_text();
  insert_at(where, doc_.create_text(text));
}

void TreeBuilder::commit_text() {
  if (!open_text_) return;
  open_text_->data = doc_.arena().copy(text_buf_);
  if (text_capacity_.size() <= open_text_->index) text_capacity_.resize(open_text_->index * 2 + 64);
  text_capacity_[open_text_->index] = text_buf_.size();
  open_text_ = nullptr;
}

size_t TreeBuilder::text_capacity(const Node* text) const {
  return text->index < text_capacity_.size() ? text_capacity_[text->index] : 0;
}

// A committed text node taking more text: its arena block (the builder's
// own, so writable) grows geometrically, so that a node re-entered again and
// again, like the text before a table that keeps receiving foster-parented
// text, costs time and memory linear in its length.
void TreeBuilder::grow_text(Node* text, std::string_view more) {
  size_t size = text->data.size();
  char* block = const_cast<char*>(text->data.data());
  if (size + more.size() > text_capacity_[text->index]) {
    size_t capacity = 2 * (size + more.size());
    block = static_cast<char*>(doc_.arena().allocate(capacity, 1));
    std::memcpy(block, text->data.data(), size);
    text_capacity_[text->index] = capacity;
  }
  std::memcpy(block + size, more.data(), more.size());
  text->data = {block, size + more.size()};
}

void TreeBuilder::insert_comment(const Token& t, Node* parent) {
  Node* comment = doc_.create_comment(t.data);
  if (parent)
    doc_.append_child(parent, comment);
  else
    insert_at(appropriate_place(), comment);
}

void TreeBuilder::set_tokenizer_state(ContentState state) {
  if (tokenizer_) tokenizer_->set_state(state);
}

// The generic raw text and RCDATA element parsing algorithms.
void TreeBuilder::parse_raw_text(const Token& t, ContentState state) {
  insert_html_element(t);
  set_tokenizer_state(state);
  original_mode_ = mode_;
  mode_ = InsertionMode::text;
}

// --- the list of active formatting elements ---

namespace {

using AttributePairs = std::vector<std::pair<std::string_view, std::string_view>>;

AttributePairs sorted_attributes(const Node* element) {
  AttributePairs pairs;
  for (const dom::Attribute& a : element->attributes()) pairs.emplace_back(a.name, a.value);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

// Attribute names are unique within an element, so two elements have the
// same attributes when their lists match in order or, sorted, match at all.
bool same_attributes(const Node* a, const Node* b) {
  if (a->num_attrs != b->num_attrs) return false;
  if (a->attrs == b->attrs) return true;  // clones share their array
  bool in_order = true;
  for (uint32_t i = 0; i < a->num_attrs && in_order; ++i)
    in_order = a->attrs[i].name == b->attrs[i].name && a->attrs[i].value == b->attrs[i].value;
  return in_order || sorted_attributes(a) == sorted_attributes(b);
}

bool same_element(const Node* a, const Node* b) {
  return a->tag == b->tag && a->name == b->name && same_attributes(a, b);
}

}  // namespace

size_t TreeBuilder::formatting_start() const {
  size_t start = formatting_.size();
  while (start > 0 && formatting_[start - 1]) --start;
  return start;
}

// Elements before the last marker were opened before the element that put
// the marker there, and sit below it on the stack: the standard's searches
// of the list only ever find elements after the last marker.
ptrdiff_t TreeBuilder::formatting_position(const Node* element) const {
  for (size_t i = formatting_.size(); i-- > 0;) {
    if (!formatting_[i]) break;
    if (formatting_[i] == element) return static_cast<ptrdiff_t>(i);
  }
  return -1;
}

void TreeBuilder::push_formatting(Node* element) {
  size_t start = formatting_start();
  // Noah's Ark: at most three identical entries after the last marker.
  size_t same = 0, earliest = 0;
  for (size_t i = start; i < formatting_.size(); ++i)
    if (same_element(formatting_[i], element) && same++ == 0) earliest = i;
  if (same >= 3)
    formatting_.erase(formatting_.begin() + static_cast<ptrdiff_t>(earliest));
  else if (formatting_.size() - start >= kMaxFormattingEntries)
    formatting_.erase(formatting_.begin() + static_cast<ptrdiff_t>(start));
  formatting_.push_back(element);
}

void TreeBuilder::reconstruct_formatting() {
  if (formatting_.empty()) return;
  Node* last = formatting_.back();
  if (!last || on_stack(last)) return;
  size_t i = formatting_.size() - 1;
  while (i > 0) {
    const Node* entry = formatting_[i - 1];
    if (!entry || on_stack(entry)) break;
    --i;
  }
  for (; i < formatting_.size(); ++i) {
    Node* element = doc_.clone_element(formatting_[i]);
    insert_at(appropriate_place(), element);
    push(element);
    formatting_[i] = element;
  }
}

void TreeBuilder::clear_formatting_to_marker() {
  while (!formatting_.empty()) {
    const Node* entry = formatting_.back();
    formatting_.pop_back();
    if (!entry) return;
  }
}

void TreeBuilder::remove_formatting(const Node* element) {
  ptrdiff_t at = formatting_position(element);
  if (at >= 0) formatting_.erase(formatting_.begin() + at);
}

Node* TreeBuilder::formatting_after_marker(Tag tag) const {
  for (size_t i = formatting_.size(); i-- > 0;) {
    Node* entry = formatting_[i];
    if (!entry) return nullptr;
    if (entry->tag == tag) return entry;
  }
  return nullptr;
}

// --- the adoption agency algorithm ---

bool TreeBuilder::adoption_agency(const Token& t) {
  Node* current = current_node();
  if (current->tag == t.tag && formatting_position(current) < 0) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    Node* formatting = formatting_after_marker(t.tag);
    if (!formatting) return false;
    ptrdiff_t formatting_at = open_.position(formatting);
    if (formatting_at == OpenElements::kNone) {
      remove_formatting(formatting);
      return true;
    }
    if (!node_in_scope(formatting) || open_.size() - formatting_at > kMaxAdoptionDepth)
      return true;

    Node* furthest = furthest_block_above(static_cast<size_t>(formatting_at));
    if (!furthest) {
      pop_until_node(formatting);
      remove_formatting(formatting);
      return true;
    }

    Node* common_ancestor = open_[formatting_at - 1];
    Node* bookmark_after = nullptr;  // null: the formatting element's place
    Node* last = nullptr;
    open_.edit_from(formatting_at, [&](std::vector<Node*>& above) {
      last = adopt_between(above, furthest, bookmark_after);
    });
    doc_.remove(last);
    insert_at(appropriate_place(common_ancestor), last);

    Node* adopted = doc_.clone_element(formatting);
    doc_.move_children(furthest, adopted);
    doc_.append_child(furthest, adopted);

    if (bookmark_after) {
      remove_formatting(formatting);
      formatting_.insert(formatting_.begin() + formatting_position(bookmark_after) + 1, adopted);
    } else {
      formatting_[static_cast<size_t>(formatting_position(formatting))] = adopted;
    }
    open_.edit_from(formatting_at, [&](std::vector<Node*>& above) {
      above.erase(above.begin());  // the formatting element
      above.insert(std::find(above.begin(), above.end(), furthest) + 1, adopted);
    });
  }
  return true;
}

// The first special element above the formatting element.
Node* TreeBuilder::furthest_block_above(size_t formatting_at) const {
  for (size_t i = formatting_at + 1; i < open_.size(); ++i)
    if (is_special(open_[i])) return open_[i];
  return nullptr;
}

// The adoption agency's inner loop, on the stack from the formatting element
// (above[0]) up: walks down from the furthest block to the formatting
// element, dropping elements that are not formatting ones and replacing the
// others by clones that take the subtree along. Returns the last node moved.
Node* TreeBuilder::adopt_between(std::vector<Node*>& above, Node* furthest,
                                 Node*& bookmark_after) {
  Node* last = furthest;
  auto node_at = static_cast<size_t>(std::find(above.begin(), above.end(), furthest) -
                                     above.begin());
  for (int inner = 1;; ++inner) {
    Node* node = above[--node_at];
    if (node_at == 0) return last;  // the formatting element
    ptrdiff_t entry = formatting_position(node);
    if (inner > 3 && entry >= 0) {
      formatting_.erase(formatting_.begin() + entry);
      entry = -1;
    }
    if (entry < 0) {
      above.erase(above.begin() + static_cast<ptrdiff_t>(node_at));
      continue;
    }
    Node* clone = doc_.clone_element(node);
    formatting_[static_cast<size_t>(entry)] = clone;
    above[node_at] = clone;
    if (last == furthest) bookmark_after = clone;
    doc_.remove(last);
    doc_.append_child(clone, last);
    last = clone;
  }
}

// --- end of parsing and popping hooks ---

void TreeBuilder::stop_parsing() {
  while (!open_.empty()) pop();
  stopped_ = true;
}

void TreeBuilder::on_popped(Node* element) {
  if (has_selectedcontent_ && element->tag == Tag::option)
    clone_option_into_selectedcontent(element);
}

// --- selectedcontent ---

namespace {

Node* nearest_select(const Node* node) {
  for (Node* above = node->parent; above; above = above->parent)
    if (above->is(Tag::select)) return above;
  return nullptr;
}

// A selectedcontent is disabled when it has an option, a selectedcontent or
// a second select above it. (One inside the option would otherwise receive
// copies of itself forever.)
bool is_disabled(const Node* selectedcontent, const Node* select) {
  for (const Node* above = selectedcontent->parent; above; above = above->parent) {
    if (above == select) continue;
    if (above->is(Tag::option) || above->is(Tag::selectedcontent) || above->is(Tag::select))
      return true;
  }
  return false;
}

}  // namespace

// Options count for their nearest select. The option a select without
// "multiple" shows is the last one inserted with "selected", else the first;
// its selectedcontent is the first in tree order.
void TreeBuilder::SelectState::add(Node* element, const Node* select) {
  if (element->is(Tag::option)) {
    if (!selected_option || element->has_attr("selected")) selected_option = element;
  } else if (!selectedcontent) {
    selectedcontent = element;
    selectedcontent_disabled = is_disabled(element, select);
  }
}

TreeBuilder::SelectState& TreeBuilder::select_state(Node* select) {
  auto [entry, added] = selects_.try_emplace(select);
  SelectState& state = entry->second;
  if (!added) return state;
  size_t nested = 0;  // selects inside this one
  dom::walk(
      select,
      [&](Node* n) {
        if (n != select && n->is(Tag::select)) ++nested;
        if ((n->is(Tag::option) && !nested) || n->is(Tag::selectedcontent)) state.add(n, select);
        return true;
      },
      [&](Node* n) {
        if (n != select && n->is(Tag::select)) --nested;
      });
  return state;
}

// Keeps the state of selects already looked at up to date.
void TreeBuilder::note_select_content(Node* element) {
  if (selects_.empty()) return;
  Node* select = nearest_select(element);
  auto entry = select ? selects_.find(select) : selects_.end();
  if (entry != selects_.end()) entry->second.add(element, select);
}

// "Maybe clone an option into selectedcontent": the select's enabled
// selectedcontent element shows a copy of the selected option's contents.
void TreeBuilder::clone_option_into_selectedcontent(Node* option) {
  Node* select = nearest_select(option);
  if (!select) return;
  const SelectState& state = select_state(select);
  if (state.selected_option != option || !state.selectedcontent ||
      state.selectedcontent_disabled || select->has_attr("multiple"))
    return;
  Node* target = state.selectedcontent;
  commit_text();
  while (target->first_child) doc_.remove(target->first_child);
  // Copy the subtree with a walk that keeps the copy's current parent.
  Node* copy_parent = target;
  for (Node* n = option->first_child; n;) {
    Node* copy = n->is_element()                    ? doc_.clone_element(n)
                 : n->is_text()                     ? doc_.create_text(n->data)
                 : n->type == dom::NodeType::comment ? doc_.create_comment(n->data)
                                                     : doc_.create_fragment();
    doc_.append_child(copy_parent, copy);
    if (n->first_child) {
      copy_parent = copy;
      n = n->first_child;
      continue;
    }
    while (n != option && !n->next) {
      n = n->parent;
      copy_parent = copy_parent->parent;
    }
    n = n == option ? nullptr : n->next;
  }
}

}  // namespace lede::html5
