// The tag states: tag open, end tag open, tag name, the attribute states and
// self-closing start tag. Names and values are scanned in runs of bytes that
// need no change, so lower-case names and plain values stay views.
#include <array>

#include "html5/tokenizer_internal.h"
#include "util/hash_index.h"

namespace lede::html5 {
namespace {

// Bytes a run of a tag name, attribute name or unquoted value stops at.
using ByteSet = std::array<bool, 256>;

constexpr ByteSet byte_set(std::string_view bytes, bool upper_case) {
  ByteSet set{};
  for (char c : bytes) set[static_cast<unsigned char>(c)] = true;
  for (char c : std::string_view("\t\n\f \r\0", 6)) set[static_cast<unsigned char>(c)] = true;
  for (int c = 'A'; upper_case && c <= 'Z'; ++c) set[static_cast<size_t>(c)] = true;
  return set;
}

// Each set also holds whitespace, CR (read as LF) and NUL.
constexpr ByteSet kTagNameStops = byte_set("/>", true);
constexpr ByteSet kAttributeNameStops = byte_set("/>=\"'<", true);
constexpr ByteSet kUnquotedValueStops = byte_set("&>\"'<=`", false);

const char* skip_to_stop(const char* p, const char* end, const ByteSet& stops) {
  while (p < end && !stops[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// Below this many attributes a linear search beats hashing.
constexpr size_t kLinearSearchLimit = 16;

}  // namespace

void Tokenizer::Impl::tag_open_state() {
  const char* less_than = pos_ - 1;
  if (at_end()) {
    error();
    text_.append_input(less_than, 1);
    return emit_end_of_file();
  }
  char c = *pos_;
  if (c == '!') {
    ++pos_;
    state_ = State::markup_declaration_open;
  } else if (c == '/') {
    ++pos_;
    state_ = State::end_tag_open;
    return end_tag_open_state();
  } else if (is_ascii_alpha(c)) {
    start_tag_token(false);
    state_ = State::tag_name;
    return tag_name_state();
  } else if (c == '?') {
    error();
    start_comment(pos_);
    state_ = State::bogus_comment;
  } else {
    error();
    text_.append_input(less_than, 1);
    state_ = State::data;
  }
}

void Tokenizer::Impl::end_tag_open_state() {
  if (at_end()) {
    error();
    text_.append_input(pos_ - 2, 2);
    return emit_end_of_file();
  }
  char c = *pos_;
  if (is_ascii_alpha(c)) {
    start_tag_token(true);
    state_ = State::tag_name;
    return tag_name_state();
  } else if (c == '>') {
    error();
    ++pos_;
    state_ = State::data;
  } else {
    error();
    start_comment(pos_);
    state_ = State::bogus_comment;
  }
}

void Tokenizer::Impl::tag_name_state() {
  for (;;) {
    const char* stop = skip_to_stop(pos_, end_, kTagNameStops);
    tag_name_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    char c = *pos_;
    if (is_html_space(c)) {
      consume();
      state_ = State::before_attribute_name;
      return before_attribute_name_state();
    }
    if (c == '/' || c == '>') {
      ++pos_;
      state_ = c == '/' ? State::self_closing_start_tag : State::data;
      if (c == '>') emit_tag();
      return;
    }
    if (c == '\0') {
      error();
      tag_name_.append_changed(kReplacementCharacter);
    } else {
      tag_name_.append_changed(to_ascii_lower(c));
    }
    ++pos_;
  }
}

void Tokenizer::Impl::before_attribute_name_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end() || *pos_ == '/' || *pos_ == '>') {
    state_ = State::after_attribute_name;
    return;
  }
  start_attribute();
  if (*pos_ == '=') {
    error();
    attribute_name_.append_input(pos_++, 1);
  }
  state_ = State::attribute_name;
  return attribute_name_state();
}

void Tokenizer::Impl::attribute_name_state() {
  for (;;) {
    const char* stop = skip_to_stop(pos_, end_, kAttributeNameStops);
    attribute_name_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    char c = at_end() ? ' ' : *pos_;
    if (is_html_space(c) || c == '/' || c == '>') {
      leave_attribute_name();
      state_ = State::after_attribute_name;
      return;
    }
    if (c == '=') {
      leave_attribute_name();
      ++pos_;
      state_ = State::before_attribute_value;
      return before_attribute_value_state();
    }
    if (c == '\0') {
      error();
      attribute_name_.append_changed(kReplacementCharacter);
    } else if (is_ascii_upper(c)) {
      attribute_name_.append_changed(to_ascii_lower(c));
    } else {  // '"', '\'' or '<': an error, kept as part of the name
      error();
      attribute_name_.append_input(pos_, 1);
    }
    ++pos_;
  }
}

void Tokenizer::Impl::after_attribute_name_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  char c = *pos_;
  if (c == '/') {
    ++pos_;
    state_ = State::self_closing_start_tag;
  } else if (c == '=') {
    ++pos_;
    state_ = State::before_attribute_value;
  } else if (c == '>') {
    ++pos_;
    state_ = State::data;
    emit_tag();
  } else {
    start_attribute();
    state_ = State::attribute_name;
  }
}

void Tokenizer::Impl::before_attribute_value_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  char c = at_end() ? '\0' : *pos_;
  if (c == '"' || c == '\'') {
    ++pos_;
    state_ = c == '"' ? State::attribute_value_double_quoted : State::attribute_value_single_quoted;
    return attribute_value_quoted_state(c);
  } else if (c == '>') {
    error();
    ++pos_;
    state_ = State::data;
    emit_tag();
  } else {
    state_ = State::attribute_value_unquoted;
  }
}

void Tokenizer::Impl::attribute_value_quoted_state(char quote) {
  for (;;) {
    const char* stop = quote == '"' ? find_first<AnyOf<'"', '&', '\r', '\0'>>(pos_, end_)
                                    : find_first<AnyOf<'\'', '&', '\r', '\0'>>(pos_, end_);
    attribute_value_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    char c = *pos_;
    if (c == quote) {
      ++pos_;
      state_ = State::after_attribute_value_quoted;
      return after_attribute_value_quoted_state();
    }
    if (c == '&') {
      consume_character_reference(attribute_value_, true);
    } else if (c == '\r') {
      append_newline(attribute_value_);
    } else {
      error();
      attribute_value_.append_changed(kReplacementCharacter);
      ++pos_;
    }
  }
}

void Tokenizer::Impl::attribute_value_unquoted_state() {
  for (;;) {
    const char* stop = skip_to_stop(pos_, end_, kUnquotedValueStops);
    attribute_value_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    char c = *pos_;
    if (is_html_space(c)) {
      consume();
      state_ = State::before_attribute_name;
      return;
    }
    if (c == '>') {
      ++pos_;
      state_ = State::data;
      return emit_tag();
    }
    if (c == '&') {
      consume_character_reference(attribute_value_, true);
    } else if (c == '\0') {
      error();
      attribute_value_.append_changed(kReplacementCharacter);
      ++pos_;
    } else {  // '"', '\'', '<', '=' or '`': an error, kept in the value
      error();
      attribute_value_.append_input(pos_++, 1);
    }
  }
}

void Tokenizer::Impl::after_attribute_value_quoted_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  char c = *pos_;
  if (is_html_space(c)) {
    consume();
    state_ = State::before_attribute_name;
  } else if (c == '/') {
    ++pos_;
    state_ = State::self_closing_start_tag;
  } else if (c == '>') {
    ++pos_;
    state_ = State::data;
    emit_tag();
  } else {
    error();
    state_ = State::before_attribute_name;
  }
}

void Tokenizer::Impl::self_closing_start_tag_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  if (*pos_ == '>') {
    ++pos_;
    token_.self_closing = true;
    state_ = State::data;
    return emit_tag();
  }
  error();
  state_ = State::before_attribute_name;
}

void Tokenizer::Impl::start_tag_token(bool end_tag) {
  token_ = Token{};
  token_.type = end_tag ? TokenType::end_tag : TokenType::start_tag;
  tag_name_.clear();
  attributes_.clear();
  indexed_attributes_ = 0;
  attribute_open_ = false;
}

void Tokenizer::Impl::start_attribute() {
  finish_attribute();
  attribute_name_.clear();
  attribute_value_.clear();
  attribute_open_ = true;
  attribute_dropped_ = false;
}

// The standard checks for a duplicate as the attribute name state is left.
void Tokenizer::Impl::leave_attribute_name() {
  if (is_duplicate_attribute(attribute_name_.view())) {
    error();
    attribute_dropped_ = true;
  }
}

void Tokenizer::Impl::finish_attribute() {
  if (!attribute_open_) return;
  attribute_open_ = false;
  if (attribute_dropped_) return;
  attributes_.push_back({attribute_name_.finish(arena_), attribute_value_.finish(arena_)});
}

bool Tokenizer::Impl::is_duplicate_attribute(std::string_view name) {
  if (attributes_.size() < kLinearSearchLimit) {
    for (const TokenAttribute& a : attributes_) {
      if (a.name == name) return true;
    }
    return false;
  }
  update_attribute_index();
  size_t mask = attribute_slots_.size() - 1;
  for (size_t i = name_hash(name) & mask; attribute_slots_[i] != 0; i = (i + 1) & mask) {
    if (attributes_[attribute_slots_[i] - 1].name == name) return true;
  }
  return false;
}

// Adds the attributes not indexed yet, rebuilding the table at a new tag or
// when it gets half full.
void Tokenizer::Impl::update_attribute_index() {
  size_t count = attributes_.size();
  if (indexed_attributes_ == 0 || attribute_slots_.size() < 2 * count) {
    size_t size = 64;
    while (size < 4 * count) size *= 2;
    attribute_slots_.assign(size, 0);
    indexed_attributes_ = 0;
  }
  size_t mask = attribute_slots_.size() - 1;
  for (; indexed_attributes_ < count; ++indexed_attributes_) {
    size_t i = name_hash(attributes_[indexed_attributes_].name) & mask;
    while (attribute_slots_[i] != 0) i = (i + 1) & mask;
    attribute_slots_[i] = static_cast<uint32_t>(indexed_attributes_ + 1);
  }
}

void Tokenizer::Impl::emit_tag() {
  finish_attribute();
  token_.tag = dom::tag_from_name(tag_name_.view());
  token_.name =
      token_.tag != dom::Tag::unknown ? dom::tag_name(token_.tag) : tag_name_.finish(arena_);
  if (token_.type == TokenType::start_tag) {
    token_.attrs = attributes_;
    last_start_tag_ = token_.name;
  } else {
    // The tree builder never looks at an end tag's attributes.
    if (!attributes_.empty()) error();
    if (token_.self_closing) error();
  }
  emit(token_);
}

}  // namespace lede::html5
