// The tokenizer's state machine, shared by the files that implement its
// states (grouped by kind as the standard groups them: text, tags, comments,
// doctypes, character references).
//
// The whole input is in memory, so where the standard walks a few states one
// character at a time only to decide between "this is markup" and "this was
// text after all" (the RCDATA/RAWTEXT/script end tag states, the script escape
// states, the character reference states), the code looks ahead instead and
// says so; every other state is a state here.
//
// A state function returns to the dispatcher (Impl::run_state) after it
// switches state, except along the common path through a tag, where it calls
// the next state's function directly, always forward and never back, so the
// calls nest no deeper than this chain: data, tag open, end tag open, tag name,
// before attribute name, attribute name, before attribute value, attribute
// value (quoted), after attribute value (quoted).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "html5/tokenizer.h"
#include "util/byte_scan.h"

namespace lede::html5 {

enum class State : uint8_t {
  data,
  rcdata,
  rawtext,
  script_data,
  script_data_escaped,
  script_data_escaped_dash,
  script_data_escaped_dash_dash,
  script_data_double_escaped,
  script_data_double_escaped_dash,
  script_data_double_escaped_dash_dash,
  plaintext,
  tag_open,
  end_tag_open,
  tag_name,
  before_attribute_name,
  attribute_name,
  after_attribute_name,
  before_attribute_value,
  attribute_value_double_quoted,
  attribute_value_single_quoted,
  attribute_value_unquoted,
  after_attribute_value_quoted,
  self_closing_start_tag,
  bogus_comment,
  markup_declaration_open,
  comment_start,
  comment_start_dash,
  comment,
  comment_less_than_sign,
  comment_less_than_sign_bang,
  comment_less_than_sign_bang_dash,
  comment_less_than_sign_bang_dash_dash,
  comment_end_dash,
  comment_end,
  comment_end_bang,
  doctype,
  before_doctype_name,
  doctype_name,
  after_doctype_name,
  after_doctype_public_keyword,
  before_doctype_public_identifier,
  doctype_public_identifier_double_quoted,
  doctype_public_identifier_single_quoted,
  after_doctype_public_identifier,
  between_doctype_public_and_system_identifiers,
  after_doctype_system_keyword,
  before_doctype_system_identifier,
  doctype_system_identifier_double_quoted,
  doctype_system_identifier_single_quoted,
  after_doctype_system_identifier,
  bogus_doctype,
  cdata_section,
  end_of_file,  // the end-of-file token was emitted; it is emitted again
};

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

inline bool is_ascii_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_ascii_upper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }
inline bool is_ascii_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool is_ascii_alphanumeric(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
inline char to_ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + 0x20) : c; }
// Whitespace after input preprocessing; a raw CR becomes LF, so it counts.
inline bool is_html_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

// The states find the byte that ends a run of text or of a value with
// find_first<AnyOf<...>>: runs are long and those bytes rare.
using util::AnyOf;
using util::find_first;

// A token's string under construction. It stays a view into the input while
// the characters appended are the input's own bytes, back to back; the first
// character that differs (lower-cased, decoded, normalised) moves it into a
// reusable buffer, which finish() copies into the arena.
class TokenString {
 public:
  void clear() {
    begin_ = nullptr;
    size_ = 0;
    copied_ = false;
    buffer_.clear();
  }
  bool empty() const { return copied_ ? buffer_.empty() : size_ == 0; }
  std::string_view view() const {
    return copied_ ? std::string_view(buffer_) : std::string_view(begin_, size_);
  }

  // The input bytes [p, p + n), unchanged.
  void append_input(const char* p, size_t n) {
    if (!copied_) {
      if (size_ == 0) {
        begin_ = p;
        size_ = n;
        return;
      }
      if (begin_ + size_ == p) {
        size_ += n;
        return;
      }
      copy_out();
    }
    buffer_.append(p, n);
  }
  // Characters that are not the input's bytes at this place.
  void append_changed(std::string_view s) {
    if (!copied_) copy_out();
    buffer_.append(s);
  }
  void append_changed(char c) {
    if (!copied_) copy_out();
    buffer_.push_back(c);
  }

  std::string_view finish(Arena& arena) const { return copied_ ? arena.copy(buffer_) : view(); }

 private:
  void copy_out() {
    buffer_.assign(begin_, size_);
    copied_ = true;
  }

  const char* begin_ = nullptr;
  size_t size_ = 0;
  bool copied_ = false;
  std::string buffer_;
};

struct Tokenizer::Impl {
  Impl(std::string_view input, Arena& arena);

  const Token& next();
  void run_state();

  // --- input (tokenizer.cc) ---------------------------------------------
  bool at_end() const { return pos_ == end_; }
  // Consumes the current character; CR LF is one character (LF) after
  // preprocessing. States test for '\r' wherever they test for '\n'.
  void consume() { pos_ += *pos_ == '\r' && pos_ + 1 < end_ && pos_[1] == '\n' ? 2 : 1; }
  // Appends the current character to `s` (CR and CR LF as LF) and consumes it.
  void append_current(TokenString& s);
  // At "\r" or "\r\n": appends one LF and consumes it.
  void append_newline(TokenString& s);
  // True when the input at `p` starts with `lower`, ignoring ASCII case.
  bool matches_ignoring_case(const char* p, std::string_view lower) const;
  // The input slice [begin, end) after preprocessing, with NUL as U+FFFD: a
  // view when that changes nothing, else a copy in the arena.
  std::string_view preprocessed(const char* begin, const char* end);
  // Errors in the input stream itself (controls, noncharacters, surrogates)
  // are not counted: finding them costs a pass over every byte, and nothing
  // acts on the count.
  void error() { ++errors_; }

  // --- emitting (tokenizer.cc) --------------------------------------------
  void emit_text();
  void emit(Token& token);
  void emit_end_of_file();

  // --- text states (state_data.cc) -----------------------------------------
  void data_state();
  void rcdata_state();
  void rawtext_state();
  void plaintext_state();
  void script_data_state();
  void script_data_escaped_state();
  void script_data_escaped_dash_state();
  void script_data_escaped_dash_dash_state();
  void script_data_double_escaped_state();
  void script_data_double_escaped_dash_state();
  void script_data_double_escaped_dash_dash_state();
  void append_newline_or_replaced_nul();
  void script_data_escaped_less_than_sign();
  void script_data_double_escaped_less_than_sign();
  bool try_appropriate_end_tag();

  // --- tag states (state_tag.cc) ------------------------------------------
  void tag_open_state();
  void end_tag_open_state();
  void tag_name_state();
  void before_attribute_name_state();
  void attribute_name_state();
  void after_attribute_name_state();
  void before_attribute_value_state();
  void attribute_value_quoted_state(char quote);
  void attribute_value_unquoted_state();
  void after_attribute_value_quoted_state();
  void self_closing_start_tag_state();
  void start_tag_token(bool end_tag);
  void start_attribute();
  void finish_attribute();
  void leave_attribute_name();
  bool is_duplicate_attribute(std::string_view name);
  void update_attribute_index();
  void emit_tag();

  // --- comment and CDATA states (state_comment.cc) --------------------------
  void markup_declaration_open_state();
  void bogus_comment_state();
  void comment_start_state();
  void comment_start_dash_state();
  void comment_state();
  void comment_less_than_sign_state();
  void comment_less_than_sign_bang_state();
  void comment_less_than_sign_bang_dash_state();
  void comment_less_than_sign_bang_dash_dash_state();
  void comment_end_dash_state();
  void comment_end_state();
  void comment_end_bang_state();
  void cdata_section_state();
  void end_of_file_in_comment();
  void start_comment(const char* data_begin);
  void emit_comment();

  // --- doctype states (state_doctype.cc) ----------------------------------
  void doctype_state();
  void before_doctype_name_state();
  void doctype_name_state();
  void after_doctype_name_state();
  void after_doctype_keyword_state(State before_identifier);
  void before_doctype_identifier_state(bool system);
  void doctype_identifier_quoted_state(bool system, char quote);
  void after_doctype_public_identifier_state();
  void between_doctype_public_and_system_identifiers_state();
  void after_doctype_system_identifier_state();
  void bogus_doctype_state();
  void start_identifier(bool system, char quote);
  void start_doctype_token();
  void emit_doctype(bool force_quirks);

  // --- character references (state_charref.cc) ----------------------------
  // At '&': consumes a character reference and appends what it stands for
  // (or the '&' alone when it starts none) to `out`.
  void consume_character_reference(TokenString& out, bool in_attribute);
  bool consume_named_reference(TokenString& out, bool in_attribute);
  void consume_numeric_reference(TokenString& out);

  // --- members -------------------------------------------------------------
  const char* pos_;
  const char* end_;
  Arena& arena_;
  State state_ = State::data;
  size_t errors_ = 0;
  bool cdata_allowed_ = false;
  std::string_view last_start_tag_;
  std::string last_start_tag_storage_;  // a name set_last_start_tag() was given

  // Tokens ready to hand out: pending characters, then the token that ended them.
  const Token* ready_[2] = {};
  uint8_t ready_count_ = 0;
  uint8_t ready_next_ = 0;

  Token text_token_;
  TokenString text_;  // characters not emitted yet
  Token token_;       // the tag, comment, doctype or end of file being built

  // Tags.
  TokenString tag_name_;
  TokenString attribute_name_;
  TokenString attribute_value_;
  bool attribute_open_ = false;
  bool attribute_dropped_ = false;  // a duplicate name: parsed, then dropped
  std::vector<TokenAttribute> attributes_;
  // Open-addressing index of attributes_ by name (index + 1; 0 = empty),
  // used once a tag has too many attributes to compare them one by one.
  std::vector<uint32_t> attribute_slots_;
  size_t indexed_attributes_ = 0;

  // Comments: the data is the input slice [comment_begin_, comment_end_),
  // which preprocessing and NUL replacement may still change.
  const char* comment_begin_ = nullptr;
  const char* comment_end_ = nullptr;

  // Doctypes.
  TokenString doctype_name_;
  TokenString public_id_;
  TokenString system_id_;

  std::string scratch_;  // preprocessed() builds its copies here
};

}  // namespace lede::html5
