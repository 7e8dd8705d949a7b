// 13.2.6.4.7 The "in body" insertion mode, with the relaxed <select> parsing
// of the current standard (no "in select" modes: select content is parsed
// here, and option, optgroup, hr and input close what a select requires).
#include "html5/tree_builder.h"

#include <algorithm>

namespace lede::html5 {

using dom::Namespace;
using dom::Node;
using dom::Tag;

namespace {

constexpr Tag kHeadings[] = {Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6};
constexpr TagSet kFormattingEndTags =
    tag_set({Tag::a, Tag::b, Tag::big, Tag::code, Tag::em, Tag::font, Tag::i, Tag::nobr,
             Tag::s, Tag::small, Tag::strike, Tag::strong, Tag::tt, Tag::u});
// End tags that close the same element when it is in scope.
constexpr TagSet kBlockEndTags = tag_set(
    {Tag::address, Tag::article, Tag::aside, Tag::blockquote, Tag::button, Tag::center,
     Tag::details, Tag::dialog, Tag::dir, Tag::div, Tag::dl, Tag::fieldset, Tag::figcaption,
     Tag::figure, Tag::footer, Tag::header, Tag::hgroup, Tag::listing, Tag::main, Tag::menu,
     Tag::nav, Tag::ol, Tag::pre, Tag::search, Tag::section, Tag::select, Tag::summary,
     Tag::ul});


}  // namespace

TreeBuilder::Step TreeBuilder::in_body(Token& t) {
  switch (t.type) {
    case TokenType::characters: return in_body_characters(t);
    case TokenType::comment: insert_comment(t); return Step::done;
    case TokenType::doctype: return Step::done;
    case TokenType::start_tag: return in_body_start_tag(t);
    case TokenType::end_tag: return in_body_end_tag(t);
    case TokenType::end_of_file:
      if (!template_modes_.empty()) return in_template(t);
      stop_parsing();
      return Step::done;
  }
  return Step::done;
}

TreeBuilder::Step TreeBuilder::in_body_characters(Token& t) {
  std::string_view data = drop_nulls(t.data, scratch_);
  if (data.empty()) return Step::done;
  reconstruct_formatting();
  insert_text(data);
  if (frameset_ok_ && !is_all_space(data)) frameset_ok_ = false;
  return Step::done;
}

TreeBuilder::Step TreeBuilder::in_body_start_tag(Token& t) {
  if (in_body_start_tag_blocks(t) || in_body_start_tag_forms(t) ||
      in_body_start_tag_formatting(t))
    return Step::done;
  switch (t.tag) {
    case Tag::html:
      if (!has_open(Tag::template_)) add_token_attributes(open_[0], t);
      return Step::done;
    case Tag::base: case Tag::basefont: case Tag::bgsound: case Tag::link: case Tag::meta:
    case Tag::noframes: case Tag::script: case Tag::style: case Tag::template_:
    case Tag::title:
      return in_head(t);
    case Tag::body:
      if (open_.size() < 2 || !open_[1]->is(Tag::body) || has_open(Tag::template_))
        return Step::done;
      frameset_ok_ = false;
      add_token_attributes(open_[1], t);
      return Step::done;
    case Tag::frameset:
      if (open_.size() < 2 || !open_[1]->is(Tag::body) || !frameset_ok_) return Step::done;
      doc_.remove(open_[1]);
      while (open_.size() > 1) pop();
      insert_html_element(t);
      mode_ = InsertionMode::in_frameset;
      return Step::done;
    case Tag::image:
      t.tag = Tag::img;
      t.name = "img";
      return Step::reprocess;
    case Tag::textarea:
      insert_html_element(t);
      skip_next_newline_ = true;
      set_tokenizer_state(ContentState::rcdata);
      original_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = InsertionMode::text;
      return Step::done;
    case Tag::xmp:
      close_p_if_in_button_scope();
      reconstruct_formatting();
      frameset_ok_ = false;
      parse_raw_text(t, ContentState::rawtext);
      return Step::done;
    case Tag::iframe:
      frameset_ok_ = false;
      parse_raw_text(t, ContentState::rawtext);
      return Step::done;
    case Tag::noembed: parse_raw_text(t, ContentState::rawtext); return Step::done;
    case Tag::rb: case Tag::rtc:
      if (in_scope(Tag::ruby)) generate_implied_end_tags();
      insert_html_element(t);
      return Step::done;
    case Tag::rp: case Tag::rt:
      if (in_scope(Tag::ruby)) generate_implied_end_tags(Tag::rtc);
      insert_html_element(t);
      return Step::done;
    case Tag::caption: case Tag::col: case Tag::colgroup: case Tag::frame: case Tag::head:
    case Tag::tbody: case Tag::td: case Tag::tfoot: case Tag::th: case Tag::thead:
    case Tag::tr:
      return Step::done;
    case Tag::math: insert_svg_or_math(t, Namespace::mathml); return Step::done;
    case Tag::svg: insert_svg_or_math(t, Namespace::svg); return Step::done;
    default: break;
  }
  reconstruct_formatting();
  insert_html_element(t);
  return Step::done;
}

// A repeated <html> or <body> start tag adds the attributes the element lacks,
// which costs a look through (and a copy of) those it has: past this many it
// adds nothing more, so that 100k tags <body a1>, <body a2>, ... stay linear.
constexpr uint32_t kMaxMergedAttributes = 256;

void TreeBuilder::add_token_attributes(Node* element, const Token& t) {
  if (element->num_attrs >= kMaxMergedAttributes) return;
  attr_buf_.clear();
  for (const TokenAttribute& a : t.attrs) attr_buf_.push_back({a.name, a.value});
  doc_.add_missing_attributes(element, attr_buf_);
}

// Formatting elements, and the elements that put a marker in their list:
// true when `t` was one of them.
bool TreeBuilder::in_body_start_tag_formatting(Token& t) {
  switch (t.tag) {
    case Tag::a:
      if (Node* open_a = formatting_after_marker(Tag::a)) {
        if (!adoption_agency(t)) in_body_any_other_end_tag(t);
        remove_formatting(open_a);
        remove_from_stack(open_a);
      }
      reconstruct_formatting();
      push_formatting(insert_html_element(t));
      return true;
    case Tag::b: case Tag::big: case Tag::code: case Tag::em: case Tag::font: case Tag::i:
    case Tag::s: case Tag::small: case Tag::strike: case Tag::strong: case Tag::tt:
    case Tag::u:
      reconstruct_formatting();
      push_formatting(insert_html_element(t));
      return true;
    case Tag::nobr:
      reconstruct_formatting();
      if (in_scope(Tag::nobr)) {
        if (!adoption_agency(t)) in_body_any_other_end_tag(t);
        reconstruct_formatting();
      }
      push_formatting(insert_html_element(t));
      return true;
    case Tag::applet: case Tag::marquee: case Tag::object:
      reconstruct_formatting();
      insert_html_element(t);
      push_formatting_marker();
      frameset_ok_ = false;
      return true;
    case Tag::table:
      if (!quirks_) close_p_if_in_button_scope();
      insert_html_element(t);
      frameset_ok_ = false;
      mode_ = InsertionMode::in_table;
      return true;
    case Tag::area: case Tag::br: case Tag::embed: case Tag::img: case Tag::keygen:
    case Tag::wbr:
      reconstruct_formatting();
      insert_void_element(t);
      frameset_ok_ = false;
      return true;
    case Tag::param: case Tag::source: case Tag::track:
      insert_void_element(t);
      return true;
    default:
      return false;
  }
}

// Start tags of block containers, headings, lists and the like: true when
// `t` was one of them.
bool TreeBuilder::in_body_start_tag_blocks(Token& t) {
  switch (t.tag) {
    case Tag::address: case Tag::article: case Tag::aside: case Tag::blockquote:
    case Tag::center: case Tag::details: case Tag::dialog: case Tag::dir: case Tag::div:
    case Tag::dl: case Tag::fieldset: case Tag::figcaption: case Tag::figure:
    case Tag::footer: case Tag::header: case Tag::hgroup: case Tag::main: case Tag::menu:
    case Tag::nav: case Tag::ol: case Tag::p: case Tag::search: case Tag::section:
    case Tag::summary: case Tag::ul:
      close_p_if_in_button_scope();
      insert_html_element(t);
      return true;
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      close_p_if_in_button_scope();
      if (dom::is_heading(current_node()->tag)) pop();
      insert_html_element(t);
      return true;
    case Tag::pre: case Tag::listing:
      close_p_if_in_button_scope();
      insert_html_element(t);
      skip_next_newline_ = true;
      frameset_ok_ = false;
      return true;
    case Tag::li: case Tag::dd: case Tag::dt:
      in_body_list_item(t);
      return true;
    case Tag::plaintext:
      close_p_if_in_button_scope();
      insert_html_element(t);
      set_tokenizer_state(ContentState::plaintext);
      return true;
    case Tag::button:
      if (in_scope(Tag::button)) {
        generate_implied_end_tags();
        pop_until(Tag::button);
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return true;
    case Tag::hr:
      close_p_if_in_button_scope();
      if (in_scope(Tag::select)) generate_implied_end_tags();
      insert_void_element(t);
      frameset_ok_ = false;
      return true;
    default:
      return false;
  }
}

void TreeBuilder::in_body_list_item(Token& t) {
  frameset_ok_ = false;
  ptrdiff_t open_item = t.tag == Tag::li
                            ? open_.topmost(Tag::li)
                            : std::max(open_.topmost(Tag::dd), open_.topmost(Tag::dt));
  if (open_item != OpenElements::kNone && open_item >= open_.barrier(Barrier::list_item_stop)) {
    Tag tag = open_[static_cast<size_t>(open_item)]->tag;
    generate_implied_end_tags(tag);
    pop_until(tag);
  }
  close_p_if_in_button_scope();
  insert_html_element(t);
}

// Forms and select content: true when `t` was one of them.
bool TreeBuilder::in_body_start_tag_forms(Token& t) {
  bool select_context = context_ && context_->is(Tag::select) && context_->ns == Namespace::html;
  switch (t.tag) {
    case Tag::form:
      if (form_ && !has_open(Tag::template_)) return true;
      close_p_if_in_button_scope();
      {
        Node* form = insert_html_element(t);
        if (!has_open(Tag::template_)) form_ = form;
      }
      return true;
    case Tag::select:
      if (select_context) return true;
      if (in_scope(Tag::select)) {
        pop_until(Tag::select);
        return true;
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return true;
    case Tag::input:
      if (select_context) return true;
      if (in_scope(Tag::select)) pop_until(Tag::select);
      reconstruct_formatting();
      insert_void_element(t);
      if (!is_hidden_input(t)) frameset_ok_ = false;
      return true;
    case Tag::option:
      if (in_scope(Tag::select))
        generate_implied_end_tags(Tag::optgroup);
      else if (current_is(Tag::option))
        pop();
      reconstruct_formatting();
      insert_html_element(t);
      return true;
    case Tag::optgroup:
      if (in_scope(Tag::select))
        generate_implied_end_tags();
      else if (current_is(Tag::option))
        pop();
      reconstruct_formatting();
      insert_html_element(t);
      return true;
    default:
      return false;
  }
}

TreeBuilder::Step TreeBuilder::in_body_end_tag(Token& t) {
  if (in_body_end_tag_blocks(t)) return Step::done;
  switch (t.tag) {
    case Tag::template_: return in_head(t);
    case Tag::body:
      if (in_scope(Tag::body)) mode_ = InsertionMode::after_body;
      return Step::done;
    case Tag::html:
      if (!in_scope(Tag::body)) return Step::done;
      mode_ = InsertionMode::after_body;
      return Step::reprocess;
    case Tag::br:
      t.type = TokenType::start_tag;
      t.attrs = {};
      reconstruct_formatting();
      insert_void_element(t);
      frameset_ok_ = false;
      return Step::done;
    default: break;
  }
  if (in_set(kFormattingEndTags, t.tag)) {
    if (!adoption_agency(t)) in_body_any_other_end_tag(t);
    return Step::done;
  }
  in_body_any_other_end_tag(t);
  return Step::done;
}

// End tags of containers, forms, paragraphs, list items and headings: true
// when `t` was one of them.
bool TreeBuilder::in_body_end_tag_blocks(Token& t) {
  Tag tag = t.tag;
  if (in_set(kBlockEndTags, tag)) {
    if (!in_scope(tag)) return true;
    generate_implied_end_tags();
    pop_until(tag);
    return true;
  }
  switch (tag) {
    case Tag::form:
      if (!has_open(Tag::template_)) {
        Node* form = form_;
        form_ = nullptr;
        if (!form || !node_in_scope(form)) return true;
        generate_implied_end_tags();
        remove_from_stack(form);
      } else {
        if (!in_scope(Tag::form)) return true;
        generate_implied_end_tags();
        pop_until(Tag::form);
      }
      return true;
    case Tag::p:
      if (!in_scope(Tag::p, Scope::button)) insert_html_element(Tag::p);
      close_p_element();
      return true;
    case Tag::li:
      if (!in_scope(Tag::li, Scope::list_item)) return true;
      generate_implied_end_tags(Tag::li);
      pop_until(Tag::li);
      return true;
    case Tag::dd: case Tag::dt:
      if (!in_scope(tag)) return true;
      generate_implied_end_tags(tag);
      pop_until(tag);
      return true;
    case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
      if (!any_in_scope(kHeadings, Scope::normal)) return true;
      generate_implied_end_tags();
      pop_until_any(kHeadings);
      return true;
    case Tag::applet: case Tag::marquee: case Tag::object:
      if (!in_scope(tag)) return true;
      generate_implied_end_tags();
      pop_until(tag);
      clear_formatting_to_marker();
      return true;
    default:
      return false;
  }
}

// How many open elements of unknown tags an end tag of an unknown name looks
// through for its own. Known tags find theirs through the stack's index;
// unknown ones compare names, and 100k open <x-a> with 100k stray </x-b>
// would compare every pair. Past the limit the end tag is ignored.
constexpr size_t kMaxUnknownEndTagSearch = kMaxTreeDepth;

void TreeBuilder::in_body_any_other_end_tag(const Token& t) {
  ptrdiff_t special = open_.barrier(Barrier::special);
  ptrdiff_t at = open_.topmost(t.tag);
  for (size_t looked = 1; t.tag == Tag::unknown && at != OpenElements::kNone && at > special;
       ++looked) {
    if (open_[static_cast<size_t>(at)]->name == t.name) break;
    at = looked < kMaxUnknownEndTagSearch ? open_.next_down_with_same_tag(static_cast<size_t>(at))
                                          : OpenElements::kNone;
  }
  if (at == OpenElements::kNone || at < special) return;
  Node* node = open_[static_cast<size_t>(at)];
  generate_implied_end_tags(node->tag);
  pop_until_node(node);
}

}  // namespace lede::html5
