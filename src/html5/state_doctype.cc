// The DOCTYPE states. Doctypes are rare and short, so these go one character
// at a time, as the standard writes them. The public and system identifier
// states come in pairs that differ only in which field they fill.
#include "html5/tokenizer_internal.h"

namespace lede::html5 {

void Tokenizer::Impl::doctype_state() {
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  if (is_html_space(*pos_)) {
    consume();
  } else if (*pos_ != '>') {
    error();  // missing whitespace before the name
  }
  state_ = State::before_doctype_name;
}

void Tokenizer::Impl::before_doctype_name_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  if (*pos_ == '>') {
    error();
    ++pos_;
    return emit_doctype(true);
  }
  token_.has_name = true;
  state_ = State::doctype_name;
}

void Tokenizer::Impl::doctype_name_state() {
  for (;;) {
    if (at_end()) {
      error();
      return emit_doctype(true);
    }
    char c = *pos_;
    if (is_html_space(c)) {
      consume();
      state_ = State::after_doctype_name;
      return;
    }
    if (c == '>') {
      ++pos_;
      return emit_doctype(false);
    }
    if (c == '\0') {
      error();
      doctype_name_.append_changed(kReplacementCharacter);
      ++pos_;
    } else if (is_ascii_upper(c)) {
      doctype_name_.append_changed(to_ascii_lower(c));
      ++pos_;
    } else {
      append_current(doctype_name_);
    }
  }
}

void Tokenizer::Impl::after_doctype_name_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  if (*pos_ == '>') {
    ++pos_;
    return emit_doctype(false);
  }
  if (matches_ignoring_case(pos_, "public")) {
    pos_ += 6;
    state_ = State::after_doctype_public_keyword;
  } else if (matches_ignoring_case(pos_, "system")) {
    pos_ += 6;
    state_ = State::after_doctype_system_keyword;
  } else {
    error();
    token_.force_quirks = true;
    state_ = State::bogus_doctype;
  }
}

// After "PUBLIC" or "SYSTEM".
void Tokenizer::Impl::after_doctype_keyword_state(State before_identifier) {
  bool system = before_identifier == State::before_doctype_system_identifier;
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  char c = *pos_;
  if (is_html_space(c)) {
    consume();
    state_ = before_identifier;
  } else if (c == '"' || c == '\'') {
    error();  // missing whitespace after the keyword
    start_identifier(system, c);
  } else if (c == '>') {
    error();
    ++pos_;
    emit_doctype(true);
  } else {
    error();
    token_.force_quirks = true;
    state_ = State::bogus_doctype;
  }
}

void Tokenizer::Impl::before_doctype_identifier_state(bool system) {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  char c = *pos_;
  if (c == '"' || c == '\'') {
    start_identifier(system, c);
  } else if (c == '>') {
    error();
    ++pos_;
    emit_doctype(true);
  } else {
    error();
    token_.force_quirks = true;
    state_ = State::bogus_doctype;
  }
}

// At the opening quote of an identifier: it is present, possibly empty.
void Tokenizer::Impl::start_identifier(bool system, char quote) {
  ++pos_;
  if (system) {
    token_.has_system_id = true;
    state_ = quote == '"' ? State::doctype_system_identifier_double_quoted
                          : State::doctype_system_identifier_single_quoted;
  } else {
    token_.has_public_id = true;
    state_ = quote == '"' ? State::doctype_public_identifier_double_quoted
                          : State::doctype_public_identifier_single_quoted;
  }
}

void Tokenizer::Impl::doctype_identifier_quoted_state(bool system, char quote) {
  TokenString& id = system ? system_id_ : public_id_;
  for (;;) {
    if (at_end()) {
      error();
      return emit_doctype(true);
    }
    char c = *pos_;
    if (c == quote) {
      ++pos_;
      state_ =
          system ? State::after_doctype_system_identifier : State::after_doctype_public_identifier;
      return;
    }
    if (c == '>') {
      error();
      ++pos_;
      return emit_doctype(true);
    }
    if (c == '\0') {
      error();
      id.append_changed(kReplacementCharacter);
      ++pos_;
    } else {
      append_current(id);
    }
  }
}

void Tokenizer::Impl::after_doctype_public_identifier_state() {
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  char c = *pos_;
  if (is_html_space(c)) {
    consume();
    state_ = State::between_doctype_public_and_system_identifiers;
  } else if (c == '>') {
    ++pos_;
    emit_doctype(false);
  } else if (c == '"' || c == '\'') {
    error();  // missing whitespace between the identifiers
    start_identifier(true, c);
  } else {
    error();
    token_.force_quirks = true;
    state_ = State::bogus_doctype;
  }
}

void Tokenizer::Impl::between_doctype_public_and_system_identifiers_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  char c = *pos_;
  if (c == '>') {
    ++pos_;
    emit_doctype(false);
  } else if (c == '"' || c == '\'') {
    start_identifier(true, c);
  } else {
    error();
    token_.force_quirks = true;
    state_ = State::bogus_doctype;
  }
}

void Tokenizer::Impl::after_doctype_system_identifier_state() {
  while (!at_end() && is_html_space(*pos_)) consume();
  if (at_end()) {
    error();
    return emit_doctype(true);
  }
  if (*pos_ == '>') {
    ++pos_;
    return emit_doctype(false);
  }
  error();  // unlike the states before, this does not force quirks
  state_ = State::bogus_doctype;
}

void Tokenizer::Impl::bogus_doctype_state() {
  for (;;) {
    pos_ = find_first<AnyOf<'>', '\0'>>(pos_, end_);
    if (at_end()) return emit_doctype(false);
    if (*pos_++ == '>') return emit_doctype(false);
    error();  // NUL, ignored
  }
}

void Tokenizer::Impl::start_doctype_token() {
  token_ = Token{};
  token_.type = TokenType::doctype;
  doctype_name_.clear();
  public_id_.clear();
  system_id_.clear();
}

// Emits the doctype and returns to the data state, which emits the end of
// file next when the doctype ended with the input.
void Tokenizer::Impl::emit_doctype(bool force_quirks) {
  if (force_quirks) token_.force_quirks = true;
  token_.name = doctype_name_.finish(arena_);
  token_.public_id = public_id_.finish(arena_);
  token_.system_id = system_id_.finish(arena_);
  state_ = State::data;
  emit(token_);
}

}  // namespace lede::html5
