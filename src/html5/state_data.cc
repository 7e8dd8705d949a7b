// The text states: data, RCDATA, RAWTEXT, script data with its escaped and
// double-escaped states, PLAINTEXT. Each scans a run of ordinary characters in
// bulk and appends it to the pending characters token as one view.
//
// The "less-than sign", "end tag open", "end tag name", "escape start" and
// "double escape start/end" states only decide whether what follows '<' is an
// appropriate end tag or switches the escaping; everything they look at is
// emitted as characters otherwise. With the whole input at hand that decision
// is a lookahead (try_appropriate_end_tag and the *_less_than_sign helpers),
// and the characters are then scanned as ordinary text, which emits the same.
#include <cstring>

#include "html5/tokenizer_internal.h"

namespace lede::html5 {
namespace {

// After '<' in the data state: a tag, an end tag, a comment or a doctype.
bool starts_markup(char c) { return is_ascii_alpha(c) || c == '!' || c == '/' || c == '?'; }

// What may follow "</name" or "<script" for the name to count.
bool ends_tag_name(char c) { return is_html_space(c) || c == '/' || c == '>'; }

}  // namespace

void Tokenizer::Impl::data_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'<', '&', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) return emit_end_of_file();
    switch (*pos_) {
      case '&': consume_character_reference(text_, false); break;
      case '\r': append_newline(text_); break;
      case '\0':  // kept: the tree builder decides what a NUL means here
        error();
        text_.append_input(pos_++, 1);
        break;
      default:
        // The tree builder must see the text before a tag or comment: it
        // may change whether a CDATA section is allowed.
        if (!text_.empty() && pos_ + 1 < end_ && starts_markup(pos_[1])) return emit_text();
        ++pos_;
        state_ = State::tag_open;
        return tag_open_state();
    }
  }
}

void Tokenizer::Impl::rcdata_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'<', '&', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) return emit_end_of_file();
    if (*pos_ == '&') {
      consume_character_reference(text_, false);
    } else if (*pos_ != '<') {
      append_newline_or_replaced_nul();
    } else if (try_appropriate_end_tag()) {
      return;
    } else {
      text_.append_input(pos_++, 1);
    }
  }
}

void Tokenizer::Impl::rawtext_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'<', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) return emit_end_of_file();
    if (*pos_ != '<') {
      append_newline_or_replaced_nul();
    } else if (try_appropriate_end_tag()) {
      return;
    } else {
      text_.append_input(pos_++, 1);
    }
  }
}

void Tokenizer::Impl::plaintext_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) return emit_end_of_file();
    append_newline_or_replaced_nul();
  }
}

void Tokenizer::Impl::append_newline_or_replaced_nul() {
  if (*pos_ == '\r') return append_newline(text_);
  error();
  text_.append_changed(kReplacementCharacter);
  ++pos_;
}

// At '<': the RCDATA/RAWTEXT/script data (escaped) less-than sign, end tag
// open and end tag name states. The name must be the last start tag's, in
// ASCII letters of any case, followed by what ends a tag name.
bool Tokenizer::Impl::try_appropriate_end_tag() {
  std::string_view name = last_start_tag_;
  // "</", the name and one more character.
  if (name.empty() || static_cast<size_t>(end_ - pos_) < name.size() + 3 || pos_[1] != '/') {
    return false;
  }
  const char* p = pos_ + 2;
  for (char c : name) {
    if (!is_ascii_alpha(*p) || to_ascii_lower(*p) != c) return false;
    ++p;
  }
  if (!ends_tag_name(*p)) return false;
  start_tag_token(true);
  for (const char* c = pos_ + 2; c < p; ++c) {
    if (is_ascii_upper(*c)) {
      tag_name_.append_changed(to_ascii_lower(*c));
    } else {
      tag_name_.append_input(c, 1);
    }
  }
  pos_ = p;
  // What ends the name is handled there exactly as the end tag name state would.
  state_ = State::before_attribute_name;
  return true;
}

void Tokenizer::Impl::script_data_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'<', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) return emit_end_of_file();
    if (*pos_ != '<') {
      append_newline_or_replaced_nul();
    } else if (try_appropriate_end_tag()) {
      return;
    } else if (end_ - pos_ >= 4 && std::memcmp(pos_, "<!--", 4) == 0) {
      // The escape start and escape start dash states.
      text_.append_input(pos_, 4);
      pos_ += 4;
      state_ = State::script_data_escaped_dash_dash;
      return;
    } else {
      text_.append_input(pos_++, 1);
    }
  }
}

void Tokenizer::Impl::script_data_escaped_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'-', '<', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    if (*pos_ == '-') {
      text_.append_input(pos_++, 1);
      state_ = State::script_data_escaped_dash;
      return;
    }
    if (*pos_ == '<') return script_data_escaped_less_than_sign();
    append_newline_or_replaced_nul();
  }
}

void Tokenizer::Impl::script_data_escaped_dash_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  if (*pos_ == '-') {
    text_.append_input(pos_++, 1);
    state_ = State::script_data_escaped_dash_dash;
  } else if (*pos_ == '<') {
    script_data_escaped_less_than_sign();
  } else {
    state_ = State::script_data_escaped;  // which treats the character alike
  }
}

void Tokenizer::Impl::script_data_escaped_dash_dash_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  if (*pos_ == '-') {
    text_.append_input(pos_++, 1);
  } else if (*pos_ == '<') {
    script_data_escaped_less_than_sign();
  } else if (*pos_ == '>') {
    text_.append_input(pos_++, 1);
    state_ = State::script_data;
  } else {
    state_ = State::script_data_escaped;
  }
}

// The escaped less-than sign, end tag open/name and double escape start states.
void Tokenizer::Impl::script_data_escaped_less_than_sign() {
  if (try_appropriate_end_tag()) return;
  if (end_ - pos_ > 7 && matches_ignoring_case(pos_ + 1, "script") && ends_tag_name(pos_[7])) {
    text_.append_input(pos_, 7);
    pos_ += 7;
    state_ = State::script_data_double_escaped;
    return;
  }
  text_.append_input(pos_++, 1);
  state_ = State::script_data_escaped;
}

void Tokenizer::Impl::script_data_double_escaped_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<'-', '<', '\r', '\0'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    if (*pos_ == '-') {
      text_.append_input(pos_++, 1);
      state_ = State::script_data_double_escaped_dash;
      return;
    }
    if (*pos_ == '<') return script_data_double_escaped_less_than_sign();
    append_newline_or_replaced_nul();
  }
}

void Tokenizer::Impl::script_data_double_escaped_dash_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  if (*pos_ == '-') {
    text_.append_input(pos_++, 1);
    state_ = State::script_data_double_escaped_dash_dash;
  } else if (*pos_ == '<') {
    script_data_double_escaped_less_than_sign();
  } else {
    state_ = State::script_data_double_escaped;
  }
}

void Tokenizer::Impl::script_data_double_escaped_dash_dash_state() {
  if (at_end()) {
    error();
    return emit_end_of_file();
  }
  if (*pos_ == '-') {
    text_.append_input(pos_++, 1);
  } else if (*pos_ == '<') {
    script_data_double_escaped_less_than_sign();
  } else if (*pos_ == '>') {
    text_.append_input(pos_++, 1);
    state_ = State::script_data;
  } else {
    state_ = State::script_data_double_escaped;
  }
}

// The double escaped less-than sign and double escape end states.
void Tokenizer::Impl::script_data_double_escaped_less_than_sign() {
  if (end_ - pos_ > 8 && pos_[1] == '/' && matches_ignoring_case(pos_ + 2, "script") &&
      ends_tag_name(pos_[8])) {
    text_.append_input(pos_, 8);
    pos_ += 8;
    state_ = State::script_data_escaped;
    return;
  }
  text_.append_input(pos_++, 1);
  state_ = State::script_data_double_escaped;
}

}  // namespace lede::html5
