// The tokenizer's plumbing: the public class, the state dispatch, input
// preprocessing and emitting. The states themselves live in state_*.cc.
#include "html5/tokenizer.h"

#include "html5/tokenizer_internal.h"

namespace lede::html5 {

Tokenizer::Tokenizer(std::string_view input, Arena& arena) : impl_(new Impl(input, arena)) {}
Tokenizer::~Tokenizer() { delete impl_; }

const Token& Tokenizer::next() { return impl_->next(); }

void Tokenizer::set_state(ContentState state) {
  switch (state) {
    case ContentState::data: impl_->state_ = State::data; break;
    case ContentState::rcdata: impl_->state_ = State::rcdata; break;
    case ContentState::rawtext: impl_->state_ = State::rawtext; break;
    case ContentState::script_data: impl_->state_ = State::script_data; break;
    case ContentState::plaintext: impl_->state_ = State::plaintext; break;
  }
}

void Tokenizer::set_last_start_tag(std::string_view name) {
  // The caller's string may not outlive the call.
  impl_->last_start_tag_storage_.assign(name);
  impl_->last_start_tag_ = impl_->last_start_tag_storage_;
}

void Tokenizer::set_cdata_allowed(bool allowed) { impl_->cdata_allowed_ = allowed; }

size_t Tokenizer::error_count() const { return impl_->errors_; }

Tokenizer::Impl::Impl(std::string_view input, Arena& arena)
    : pos_(input.data()), end_(input.data() + input.size()), arena_(arena) {
  text_token_.type = TokenType::characters;
}

const Token& Tokenizer::Impl::next() {
  if (ready_next_ < ready_count_) return *ready_[ready_next_++];
  ready_count_ = ready_next_ = 0;
  while (ready_count_ == 0) run_state();
  return *ready_[ready_next_++];
}

void Tokenizer::Impl::run_state() {
  switch (state_) {
    case State::data: return data_state();
    case State::rcdata: return rcdata_state();
    case State::rawtext: return rawtext_state();
    case State::script_data: return script_data_state();
    case State::script_data_escaped: return script_data_escaped_state();
    case State::script_data_escaped_dash: return script_data_escaped_dash_state();
    case State::script_data_escaped_dash_dash: return script_data_escaped_dash_dash_state();
    case State::script_data_double_escaped: return script_data_double_escaped_state();
    case State::script_data_double_escaped_dash: return script_data_double_escaped_dash_state();
    case State::script_data_double_escaped_dash_dash:
      return script_data_double_escaped_dash_dash_state();
    case State::plaintext: return plaintext_state();
    case State::tag_open: return tag_open_state();
    case State::end_tag_open: return end_tag_open_state();
    case State::tag_name: return tag_name_state();
    case State::before_attribute_name: return before_attribute_name_state();
    case State::attribute_name: return attribute_name_state();
    case State::after_attribute_name: return after_attribute_name_state();
    case State::before_attribute_value: return before_attribute_value_state();
    case State::attribute_value_double_quoted: return attribute_value_quoted_state('"');
    case State::attribute_value_single_quoted: return attribute_value_quoted_state('\'');
    case State::attribute_value_unquoted: return attribute_value_unquoted_state();
    case State::after_attribute_value_quoted: return after_attribute_value_quoted_state();
    case State::self_closing_start_tag: return self_closing_start_tag_state();
    case State::bogus_comment: return bogus_comment_state();
    case State::markup_declaration_open: return markup_declaration_open_state();
    case State::comment_start: return comment_start_state();
    case State::comment_start_dash: return comment_start_dash_state();
    case State::comment: return comment_state();
    case State::comment_less_than_sign: return comment_less_than_sign_state();
    case State::comment_less_than_sign_bang: return comment_less_than_sign_bang_state();
    case State::comment_less_than_sign_bang_dash: return comment_less_than_sign_bang_dash_state();
    case State::comment_less_than_sign_bang_dash_dash:
      return comment_less_than_sign_bang_dash_dash_state();
    case State::comment_end_dash: return comment_end_dash_state();
    case State::comment_end: return comment_end_state();
    case State::comment_end_bang: return comment_end_bang_state();
    case State::doctype: return doctype_state();
    case State::before_doctype_name: return before_doctype_name_state();
    case State::doctype_name: return doctype_name_state();
    case State::after_doctype_name: return after_doctype_name_state();
    case State::after_doctype_public_keyword:
      return after_doctype_keyword_state(State::before_doctype_public_identifier);
    case State::before_doctype_public_identifier: return before_doctype_identifier_state(false);
    case State::doctype_public_identifier_double_quoted:
      return doctype_identifier_quoted_state(false, '"');
    case State::doctype_public_identifier_single_quoted:
      return doctype_identifier_quoted_state(false, '\'');
    case State::after_doctype_public_identifier: return after_doctype_public_identifier_state();
    case State::between_doctype_public_and_system_identifiers:
      return between_doctype_public_and_system_identifiers_state();
    case State::after_doctype_system_keyword:
      return after_doctype_keyword_state(State::before_doctype_system_identifier);
    case State::before_doctype_system_identifier: return before_doctype_identifier_state(true);
    case State::doctype_system_identifier_double_quoted:
      return doctype_identifier_quoted_state(true, '"');
    case State::doctype_system_identifier_single_quoted:
      return doctype_identifier_quoted_state(true, '\'');
    case State::after_doctype_system_identifier: return after_doctype_system_identifier_state();
    case State::bogus_doctype: return bogus_doctype_state();
    case State::cdata_section: return cdata_section_state();
    case State::end_of_file: return emit(token_);
  }
}

void Tokenizer::Impl::append_current(TokenString& s) {
  if (*pos_ == '\r') return append_newline(s);
  s.append_input(pos_, 1);
  ++pos_;
}

void Tokenizer::Impl::append_newline(TokenString& s) {
  s.append_changed('\n');
  consume();
}

bool Tokenizer::Impl::matches_ignoring_case(const char* p, std::string_view lower) const {
  if (static_cast<size_t>(end_ - p) < lower.size()) return false;
  for (char c : lower) {
    if (to_ascii_lower(*p++) != c) return false;
  }
  return true;
}

std::string_view Tokenizer::Impl::preprocessed(const char* begin, const char* end) {
  const char* special = find_first<AnyOf<'\r', '\0'>>(begin, end);
  if (special == end) return {begin, static_cast<size_t>(end - begin)};
  scratch_.assign(begin, special);
  for (const char* p = special; p < end; ++p) {
    if (*p == '\0') {
      error();
      scratch_ += kReplacementCharacter;
    } else if (*p == '\r') {
      scratch_ += '\n';
      if (p + 1 < end && p[1] == '\n') ++p;
    } else {
      scratch_ += *p;
    }
  }
  return arena_.copy(scratch_);
}

void Tokenizer::Impl::emit_text() {
  text_token_.data = text_.finish(arena_);
  text_.clear();
  ready_[ready_count_++] = &text_token_;
}

void Tokenizer::Impl::emit(Token& token) {
  if (!text_.empty()) emit_text();
  ready_[ready_count_++] = &token;
}

void Tokenizer::Impl::emit_end_of_file() {
  token_ = Token{};
  state_ = State::end_of_file;
  emit(token_);
}

}  // namespace lede::html5
