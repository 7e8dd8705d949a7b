// The algorithms the insertion modes share (WHATWG HTML 13.2.4 "Parse state"
// and 13.2.6 "Tree construction"): the stack of open elements and its scopes,
// the list of active formatting elements, the adoption agency algorithm,
// the appropriate place for inserting a node, resetting the insertion mode.
#include "html5/tree_builder.h"

#include <cstring>

namespace lede::html5 {

using dom::Namespace;
using dom::Node;
using dom::Tag;

namespace {

constexpr TagSet kScopeNormal = tag_set({Tag::applet, Tag::caption, Tag::html, Tag::table,
                                         Tag::td, Tag::th, Tag::marquee, Tag::object,
                                         Tag::template_});
constexpr TagSet kScopeListItem =
    tag_set({Tag::applet, Tag::caption, Tag::html, Tag::table, Tag::td, Tag::th, Tag::marquee,
             Tag::object, Tag::template_, Tag::ol, Tag::ul});
constexpr TagSet kScopeButton =
    tag_set({Tag::applet, Tag::caption, Tag::html, Tag::table, Tag::td, Tag::th, Tag::marquee,
             Tag::object, Tag::template_, Tag::button});
constexpr TagSet kScopeTable = tag_set({Tag::html, Tag::table, Tag::template_});

constexpr TagSet kImpliedEndTags = tag_set({Tag::dd, Tag::dt, Tag::li, Tag::optgroup,
                                            Tag::option, Tag::p, Tag::rb, Tag::rp, Tag::rt,
                                            Tag::rtc});
constexpr TagSet kImpliedEndTagsThorough =
    tag_set({Tag::dd, Tag::dt, Tag::li, Tag::optgroup, Tag::option, Tag::p, Tag::rb, Tag::rp,
             Tag::rt, Tag::rtc, Tag::caption, Tag::colgroup, Tag::tbody, Tag::td, Tag::tfoot,
             Tag::th, Tag::thead, Tag::tr});
constexpr TagSet kFosterTargets =
    tag_set({Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr});

constexpr TagSet kSpecial = tag_set({
    Tag::address, Tag::applet, Tag::area, Tag::article, Tag::aside, Tag::base, Tag::basefont,
    Tag::bgsound, Tag::blockquote, Tag::body, Tag::br, Tag::button, Tag::caption, Tag::center,
    Tag::col, Tag::colgroup, Tag::dd, Tag::details, Tag::dir, Tag::div, Tag::dl, Tag::dt,
    Tag::embed, Tag::fieldset, Tag::figcaption, Tag::figure, Tag::footer, Tag::form,
    Tag::frame, Tag::frameset, Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6,
    Tag::head, Tag::header, Tag::hgroup, Tag::hr, Tag::html, Tag::iframe, Tag::img,
    Tag::input, Tag::keygen, Tag::li, Tag::link, Tag::listing, Tag::main, Tag::marquee,
    Tag::menu, Tag::meta, Tag::nav, Tag::noembed, Tag::noframes, Tag::noscript, Tag::object,
    Tag::ol, Tag::p, Tag::param, Tag::plaintext, Tag::pre, Tag::script, Tag::search,
    Tag::section, Tag::source, Tag::style, Tag::summary, Tag::table, Tag::tbody,
    Tag::td, Tag::template_, Tag::textarea, Tag::tfoot, Tag::th, Tag::thead, Tag::title,
    Tag::tr, Tag::track, Tag::ul, Tag::wbr, Tag::xmp});

const TagSet& scope_set(int scope) {
  static constexpr const TagSet* kSets[] = {&kScopeNormal, &kScopeListItem, &kScopeButton,
                                            &kScopeTable};
  return *kSets[scope];
}

// MathML mi, mo, mn, ms, mtext, annotation-xml; SVG foreignObject, desc,
// title: the foreign elements that bound scopes and are special.
bool is_foreign_boundary(const Node* node) {
  if (node->ns == Namespace::mathml) {
    std::string_view n = node->name;
    return n == "mi" || n == "mo" || n == "mn" || n == "ms" || n == "mtext" ||
           n == "annotation-xml";
  }
  if (node->ns == Namespace::svg) {
    std::string_view n = node->name;
    return n == "foreignObject" || n == "desc" || n == "title";
  }
  return false;
}

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

bool is_special(const Node* node) {
  if (node->ns == Namespace::html) return in_set(kSpecial, node->tag);
  return is_foreign_boundary(node);
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
  open_.reserve(64);
  formatting_.reserve(16);
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

bool TreeBuilder::cdata_allowed() const {
  return !open_.empty() && adjusted_current_node()->ns != Namespace::html;
}

Node* TreeBuilder::adjusted_current_node() const {
  if (context_ && open_.size() == 1) return context_;
  return open_.back();
}

// --- the stack of open elements ---

void TreeBuilder::mark_on_stack(const Node* element) {
  if (on_stack_.size() <= element->index) on_stack_.resize(element->index * 2 + 64);
  on_stack_[element->index] = 1;
}

void TreeBuilder::push(Node* element) {
  open_.push_back(element);
  mark_on_stack(element);
  ++open_count_[static_cast<size_t>(element->tag)];
}

void TreeBuilder::pop() {
  Node* element = open_.back();
  open_.pop_back();
  on_stack_[element->index] = 0;
  --open_count_[static_cast<size_t>(element->tag)];
  on_popped(element);
}

void TreeBuilder::pop_until(Tag tag) {
  while (!open_.empty()) {
    bool found = open_.back()->tag == tag;
    pop();
    if (found) return;
  }
}

void TreeBuilder::pop_until_any(const TagSet& tags) {
  while (!open_.empty()) {
    bool found = in_set(tags, open_.back()->tag);
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

void TreeBuilder::remove_from_stack(const Node* node) {
  for (size_t i = open_.size(); i-- > 0;) {
    if (open_[i] != node) continue;
    open_.erase(open_.begin() + static_cast<ptrdiff_t>(i));
    on_stack_[node->index] = 0;
    --open_count_[static_cast<size_t>(node->tag)];
    return;
  }
}

void TreeBuilder::clear_stack_back_to(const TagSet& context) {
  while (!in_set(context, current_node()->tag)) pop();
}

// Scope checks give up at once when no such element is open, so that deep
// pages do not walk their whole stack for every tag.
bool TreeBuilder::in_scope(Tag tag, Scope scope) const {
  if (!has_open(tag)) return false;
  const TagSet& boundary = scope_set(static_cast<int>(scope));
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* node = open_[i];
    if (node->tag == tag) return true;
    if (in_set(boundary, node->tag)) return false;
    if (scope != Scope::table && is_foreign_boundary(node)) return false;
  }
  return false;
}

bool TreeBuilder::any_in_scope(const TagSet& tags, Scope scope) const {
  const TagSet& boundary = scope_set(static_cast<int>(scope));
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* node = open_[i];
    if (in_set(tags, node->tag) && node->ns == Namespace::html) return true;
    if (in_set(boundary, node->tag)) return false;
    if (scope != Scope::table && is_foreign_boundary(node)) return false;
  }
  return false;
}

bool TreeBuilder::node_in_scope(const Node* target) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* node = open_[i];
    if (node == target) return true;
    if (in_set(kScopeNormal, node->tag) || is_foreign_boundary(node)) return false;
  }
  return false;
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

void TreeBuilder::reset_insertion_mode() {
  for (size_t i = open_.size(); i-- > 0;) {
    bool last = i == 0;
    const Node* node = last && context_ ? context_ : open_[i];
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
    where = {open_[0], nullptr};
    for (size_t i = open_.size(); i-- > 0;) {
      Node* node = open_[i];
      if (node->tag == Tag::template_) {
        where = {node, nullptr};
        break;
      }
      if (node->tag == Tag::table) {
        if (node->parent)
          where = {node->parent, node};
        else
          where = {open_[i - 1], nullptr};
        break;
      }
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
    if (prev != open_text_) {
      commit_text();
      open_text_ = prev;
      text_buf_.assign(prev->data);
    }
    text_buf_.append(text);
    return;
  }
  commit_text();
  insert_at(where, doc_.create_text(text));
}

void TreeBuilder::commit_text() {
  if (!open_text_) return;
  open_text_->data = doc_.arena().copy(text_buf_);
  open_text_ = nullptr;
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

bool same_attributes(const Node* a, const Node* b) {
  if (a->num_attrs != b->num_attrs) return false;
  for (const dom::Attribute& attr : a->attributes()) {
    bool found = false;
    for (const dom::Attribute& other : b->attributes())
      if (other.name == attr.name) {
        found = other.value == attr.value;
        break;
      }
    if (!found) return false;
  }
  return true;
}

}  // namespace

// How far back the Noah's Ark clause looks. The standard looks back to the
// last marker; a page opening thousands of distinct formatting elements would
// make that quadratic, and identical elements sit close together anyway.
constexpr size_t kNoahsArkWindow = 256;

void TreeBuilder::push_formatting(Node* element) {
  // Noah's Ark: at most three identical entries after the last marker.
  size_t same = 0, earliest = 0;
  size_t stop = formatting_.size() > kNoahsArkWindow ? formatting_.size() - kNoahsArkWindow : 0;
  for (size_t i = formatting_.size(); i-- > stop;) {
    const Node* entry = formatting_[i];
    if (!entry) break;
    if (entry->tag != element->tag || entry->name != element->name ||
        !same_attributes(entry, element))
      continue;
    ++same;
    earliest = i;
  }
  if (same >= 3) formatting_.erase(formatting_.begin() + static_cast<ptrdiff_t>(earliest));
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
  for (size_t i = formatting_.size(); i-- > 0;)
    if (formatting_[i] == element) {
      formatting_.erase(formatting_.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
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

namespace {

ptrdiff_t index_of(const std::vector<Node*>& list, const Node* node) {
  for (size_t i = list.size(); i-- > 0;)
    if (list[i] == node) return static_cast<ptrdiff_t>(i);
  return -1;
}

}  // namespace

bool TreeBuilder::adoption_agency(const Token& t) {
  Node* current = current_node();
  if (current->tag == t.tag && index_of(formatting_, current) < 0) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    Node* formatting = formatting_after_marker(t.tag);
    if (!formatting) return false;
    if (!on_stack(formatting)) {
      remove_formatting(formatting);
      return true;
    }
    if (!node_in_scope(formatting)) return true;

    size_t formatting_at = static_cast<size_t>(index_of(open_, formatting));
    Node* furthest = nullptr;
    for (size_t i = formatting_at + 1; i < open_.size() && !furthest; ++i)
      if (is_special(open_[i])) furthest = open_[i];
    if (!furthest) {
      pop_until_node(formatting);
      remove_formatting(formatting);
      return true;
    }

    Node* common_ancestor = open_[formatting_at - 1];
    Node* bookmark_after = nullptr;  // null: the formatting element's place
    Node* last = adopt_between(formatting, furthest, bookmark_after);
    doc_.remove(last);
    insert_at(appropriate_place(common_ancestor), last);

    Node* adopted = doc_.clone_element(formatting);
    doc_.move_children(furthest, adopted);
    doc_.append_child(furthest, adopted);

    if (bookmark_after) {
      remove_formatting(formatting);
      formatting_.insert(formatting_.begin() + index_of(formatting_, bookmark_after) + 1,
                         adopted);
    } else {
      formatting_[static_cast<size_t>(index_of(formatting_, formatting))] = adopted;
    }
    remove_from_stack(formatting);
    open_.insert(open_.begin() + index_of(open_, furthest) + 1, adopted);
    mark_on_stack(adopted);
    ++open_count_[static_cast<size_t>(adopted->tag)];
  }
  return true;
}

// The adoption agency's inner loop: walks up the stack from the furthest
// block to the formatting element, dropping elements that are not formatting
// ones and replacing the others by clones that take the subtree along.
// Returns the last node moved.
Node* TreeBuilder::adopt_between(Node* formatting, Node* furthest, Node*& bookmark_after) {
  Node* last = furthest;
  size_t node_at = static_cast<size_t>(index_of(open_, furthest));
  for (int inner = 1;; ++inner) {
    Node* node = open_[--node_at];
    if (node == formatting) return last;
    ptrdiff_t entry = index_of(formatting_, node);
    if (inner > 3 && entry >= 0) {
      formatting_.erase(formatting_.begin() + entry);
      entry = -1;
    }
    if (entry < 0) {
      open_.erase(open_.begin() + static_cast<ptrdiff_t>(node_at));
      on_stack_[node->index] = 0;
      --open_count_[static_cast<size_t>(node->tag)];
      continue;
    }
    Node* clone = doc_.clone_element(node);
    formatting_[static_cast<size_t>(entry)] = clone;
    open_[node_at] = clone;
    on_stack_[node->index] = 0;
    mark_on_stack(clone);
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

namespace {

Node* first_descendant(Node* scope, Tag tag) {
  for (Node* n = scope->first_child; n; n = dom::next_in_preorder(n, scope))
    if (n->tag == tag) return n;
  return nullptr;
}

// The option a select without "multiple" shows: the last one inserted with
// "selected", else the first.
Node* selected_option(Node* select) {
  Node* first = nullptr;
  Node* selected = nullptr;
  for (Node* n = select->first_child; n; n = dom::next_in_preorder(n, select)) {
    if (n->tag != Tag::option) continue;
    if (!first) first = n;
    if (n->has_attr("selected")) selected = n;
  }
  return selected ? selected : first;
}

// "Get a select's enabled selectedcontent": none for a multiple select, nor
// when the first selectedcontent is disabled, i.e. has an option, a
// selectedcontent or another select above it. (A selectedcontent inside the
// option would otherwise receive copies of itself forever.)
Node* enabled_selectedcontent(Node* select) {
  if (select->has_attr("multiple")) return nullptr;
  Node* target = first_descendant(select, Tag::selectedcontent);
  if (!target) return nullptr;
  for (Node* above = target->parent; above; above = above->parent) {
    if (above == select) continue;
    if (above->is(Tag::option) || above->is(Tag::selectedcontent) || above->is(Tag::select))
      return nullptr;
  }
  return target;
}

}  // namespace

// "Maybe clone an option into selectedcontent": the select's selectedcontent
// element shows a copy of the selected option's contents.
void TreeBuilder::clone_option_into_selectedcontent(Node* option) {
  Node* select = option->parent;
  while (select && !select->is(Tag::select)) select = select->parent;
  if (!select) return;
  Node* target = enabled_selectedcontent(select);
  if (!target || selected_option(select) != option) return;
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
