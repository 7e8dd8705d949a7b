// HTML5 tree construction (WHATWG HTML "Tree construction"): tokens in, lede's
// DOM out. This header holds the parser state the standard defines (insertion
// mode, stack of open elements, list of active formatting elements, ...) and
// the algorithms the insertion modes share; each insertion mode lives in its
// own file under insertion_mode/, foreign content in foreign_content.cc.
//
// Everything is a loop: no algorithm recurses, and the stacks are vectors
// reused for the whole parse. Elements nested deeper than kMaxTreeDepth are
// attached to the element at that depth instead of nesting further, as
// browsers do, so that the tree stays shallow enough for any consumer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dom/dom.h"
#include "html5/open_elements.h"
#include "html5/tag_set.h"
#include "html5/token.h"
#include "html5/tokenizer.h"

namespace lede::html5 {

inline constexpr size_t kMaxTreeDepth = 512;

// Limits the standard does not set, so that no input makes the parser's
// work grow faster than the input (browsers set limits of their own):
//
// The list of active formatting elements keeps at most this many elements
// after its last marker, forgetting the oldest beyond (as the Noah's Ark
// clause forgets the oldest of four identical ones). Without it, a page
// opening <b id=1>, <b id=2>, ... and never closing them has every one
// reopened in each later paragraph: a tree quadratic in the page.
inline constexpr size_t kMaxFormattingEntries = 12;
// The adoption agency reaches this far down the stack of open elements for
// the formatting element of a misnested end tag; deeper, the end tag is
// ignored as if the element were out of scope. Reordering the stack under
// thousands of open elements for every stray </b> would be quadratic, and a
// page nested that deep is flattened in the tree anyway.
inline constexpr size_t kMaxAdoptionDepth = kMaxTreeDepth;
// The other limits sit beside the algorithm they bound: the searches for an
// end tag's element by name (kMaxUnknownEndTagSearch in in_body.cc,
// kMaxForeignEndTagSearch in foreign_content.cc) and the attributes repeated
// <html> and <body> tags add (kMaxMergedAttributes in in_body.cc).

enum class InsertionMode : uint8_t {
  initial,
  before_html,
  before_head,
  in_head,
  in_head_noscript,
  after_head,
  in_body,
  text,
  in_table,
  in_table_text,
  in_caption,
  in_column_group,
  in_table_body,
  in_row,
  in_cell,
  in_template,
  after_body,
  in_frameset,
  after_frameset,
  after_after_body,
  after_after_frameset,
};

class TreeBuilder {
 public:
  // `tokenizer` receives the state switches; it may be null when tokens are
  // fed by hand.
  TreeBuilder(dom::Document& doc, Tokenizer* tokenizer);

  // The fragment case: `context` is an element created in the document but
  // not inserted. Call before the first token.
  void start_fragment(dom::Node* context);

  // Tree construction dispatcher: one token at a time, end_of_file last.
  void process(const Token& token);
  // Call after end_of_file: finishes pending text.
  void finish();

  // True when "<![CDATA[" opens a CDATA section: the adjusted current node
  // is not an HTML element.
  // (Inline, as is the test for HTML rules: both are asked for every token.)
  bool cdata_allowed() const { return !open_.empty() && adjusted_current_node()->ns != dom::Namespace::html; }

  // The html element the fragment case parses into.
  dom::Node* fragment_root() const { return open_.empty() ? nullptr : open_[0]; }

 private:
  enum class Step : bool { done, reprocess };
  enum class Scope : uint8_t { normal, list_item, button, table };
  struct Location {
    dom::Node* parent;
    dom::Node* before;  // null: append
  };

  // --- insertion modes (insertion_mode/*.cc) ---
  Step run_mode(InsertionMode mode, Token& t);
  Step initial(Token& t);
  Step before_html(Token& t);
  Step before_head(Token& t);
  Step in_head(Token& t);
  Step in_head_noscript(Token& t);
  Step after_head(Token& t);
  Step in_body(Token& t);
  Step text(Token& t);
  Step in_table(Token& t);
  Step in_table_text(Token& t);
  Step in_caption(Token& t);
  Step in_column_group(Token& t);
  Step in_table_body(Token& t);
  Step in_row(Token& t);
  Step in_cell(Token& t);
  Step in_template(Token& t);
  Step after_body(Token& t);
  Step in_frameset(Token& t);
  Step after_frameset(Token& t);
  Step after_after_body(Token& t);
  Step after_after_frameset(Token& t);

  // in_body.cc's larger rules.
  Step in_body_characters(Token& t);
  Step in_body_start_tag(Token& t);
  Step in_body_end_tag(Token& t);
  bool in_body_start_tag_blocks(Token& t);
  bool in_body_start_tag_forms(Token& t);
  bool in_body_start_tag_formatting(Token& t);
  void add_token_attributes(dom::Node* element, const Token& t);
  bool in_body_end_tag_blocks(Token& t);
  void in_body_any_other_end_tag(const Token& t);
  void in_body_list_item(Token& t);
  // in_table.cc: "anything else", foster parenting on.
  Step in_table_anything_else(Token& t);
  void close_cell();

  // --- foreign content (foreign_content.cc) ---
  bool use_html_rules(const Token& t) const {
    if (open_.empty() || t.type == TokenType::end_of_file) return true;
    const dom::Node* node = adjusted_current_node();
    return node->ns == dom::Namespace::html || use_html_rules_in_foreign_content(t, node);
  }
  // The same when the adjusted current node `node` is not an HTML element.
  bool use_html_rules_in_foreign_content(const Token& t, const dom::Node* node) const;
  void foreign_content(Token& t);
  void foreign_start_tag(Token& t);
  void foreign_end_tag(Token& t);
  void break_out_of_foreign_content(Token& t);
  dom::Node* insert_foreign_element(const Token& t, dom::Namespace ns);
  void insert_svg_or_math(const Token& t, dom::Namespace ns);

  // --- the shared algorithms (tree_builder.cc) ---
  dom::Node* current_node() const { return open_.back(); }
  dom::Node* adjusted_current_node() const {
    if (context_ && open_.size() == 1) return context_;
    return open_.back();
  }
  bool current_is(dom::Tag tag) const { return !open_.empty() && open_.back()->tag == tag; }
  bool on_stack(const dom::Node* node) const { return open_.contains(node); }
  bool has_open(dom::Tag tag) const { return open_.has(tag); }

  void push(dom::Node* element) { open_.push(element); }
  void pop();
  void pop_until(dom::Tag tag);                 // pops up to and including it
  void pop_until_any(std::span<const dom::Tag> tags);
  void pop_until_node(const dom::Node* node);
  void remove_from_stack(const dom::Node* node) { open_.remove(node); }
  void clear_stack_back_to(const TagSet& context);

  bool in_scope(dom::Tag tag, Scope scope = Scope::normal) const;
  bool any_in_scope(std::span<const dom::Tag> tags, Scope scope) const;
  bool node_in_scope(const dom::Node* node) const;

  void generate_implied_end_tags(dom::Tag except = dom::Tag::unknown);
  void generate_all_implied_end_tags_thoroughly();
  void close_p_element();
  void close_p_if_in_button_scope();
  void reset_insertion_mode();

  Location appropriate_place(dom::Node* override_target = nullptr);
  void insert_at(Location where, dom::Node* node);
  dom::Node* create_html_element(const Token& t);
  dom::Node* insert_html_element(const Token& t);
  dom::Node* insert_html_element(dom::Tag tag);  // no attributes
  void insert_void_element(Token& t);
  void insert_text(std::string_view text);
  void insert_comment(const Token& t, dom::Node* parent = nullptr);
  void commit_text();
  size_t text_capacity(const dom::Node* text) const;
  void grow_text(dom::Node* text, std::string_view more);
  void parse_raw_text(const Token& t, ContentState state);
  void set_tokenizer_state(ContentState state);

  size_t formatting_start() const;  // just after the last marker
  ptrdiff_t formatting_position(const dom::Node* element) const;  // -1: not after it
  void push_formatting(dom::Node* element);
  void push_formatting_marker() { formatting_.push_back(nullptr); }
  void reconstruct_formatting();
  void clear_formatting_to_marker();
  void remove_formatting(const dom::Node* element);
  dom::Node* formatting_after_marker(dom::Tag tag) const;
  bool adoption_agency(const Token& t);  // false: act as "any other end tag"
  dom::Node* furthest_block_above(size_t formatting_at) const;
  dom::Node* adopt_between(std::vector<dom::Node*>& above, dom::Node* furthest,
                           dom::Node*& bookmark_after);

  void on_popped(dom::Node* element);
  // What "maybe clone an option into selectedcontent" needs of a select,
  // found by one walk of it when an option in it first closes, then kept up
  // to date as options and selectedcontent elements are inserted: closing
  // each of 20k options must not walk the select again.
  struct SelectState {
    dom::Node* selected_option = nullptr;
    dom::Node* selectedcontent = nullptr;
    bool selectedcontent_disabled = false;
    void add(dom::Node* option_or_selectedcontent, const dom::Node* select);
  };
  SelectState& select_state(dom::Node* select);
  void note_select_content(dom::Node* element);
  void clone_option_into_selectedcontent(dom::Node* option);
  void set_quirks_from_doctype(const Token& t);
  void stop_parsing();

  dom::Document& doc_;
  Tokenizer* tokenizer_;
  InsertionMode mode_ = InsertionMode::initial;
  InsertionMode original_mode_ = InsertionMode::initial;
  std::vector<InsertionMode> template_modes_;

  OpenElements open_;
  std::vector<dom::Node*> formatting_;           // null entries are markers

  dom::Node* head_ = nullptr;
  dom::Node* form_ = nullptr;
  dom::Node* context_ = nullptr;                 // fragment case only
  bool quirks_ = false;
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool skip_next_newline_ = false;
  bool stopped_ = false;
  bool has_selectedcontent_ = false;
  std::unordered_map<const dom::Node*, SelectState> selects_;

  // A text node takes its first run of characters at once. Runs appended
  // to it later are gathered here and copied into the arena once the parser
  // moves on to another node.
  dom::Node* open_text_ = nullptr;
  std::string text_buf_;
  // By Node::index: the arena block size of text nodes committed from
  // text_buf_, 0 for the others. Text arriving for them later grows the block.
  std::vector<size_t> text_capacity_;
  // "in table text": the pending table character tokens.
  std::string table_text_;
  bool table_text_has_non_space_ = false;
  // Scratch space reused by every element created.
  std::vector<dom::Attribute> attr_buf_;
  std::string scratch_;
};

// Character classes and adjustments the modes share.
bool is_html_space(char c);
bool is_all_space(std::string_view s);
// Splits off the leading whitespace of a character token's data.
std::string_view take_leading_space(Token& t);
// The whitespace characters of `s`, in `out` (frameset modes drop the rest).
std::string_view only_space(std::string_view s, std::string& out);
// `s` without U+0000 characters, in `out` when some had to be dropped.
std::string_view drop_nulls(std::string_view s, std::string& out);
// An <input type=hidden> start tag (it does not end "frameset-ok" and stays
// in tables).
bool is_hidden_input(const Token& t);
bool is_html_integration_point(const dom::Node* node);
bool is_mathml_text_integration_point(const dom::Node* node);
// The attribute names foreign elements keep in a namespace ("xlink:href"):
// the prefix, or an empty view for names in no namespace.
std::string_view foreign_attribute_prefix(std::string_view name);
// The standard's case for an SVG element name given in lower case.
std::string_view adjust_svg_tag_name(std::string_view lower_name);

}  // namespace lede::html5
