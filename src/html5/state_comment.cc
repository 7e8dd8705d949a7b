// Markup declaration open, the comment states, bogus comment and the CDATA
// section states.
//
// Whatever path the comment states take, a comment's data is a slice of the
// input: they only ever append the characters they consumed, in order, and
// hold back the dashes and '!' that may turn out to close the comment. So the
// states move comment_end_ (the end of the data so far) instead of copying
// characters, and emit_comment() applies preprocessing and NUL replacement to
// the slice, which stays a view when neither changes anything. Back in the
// comment state, everything consumed so far is data.
#include <cstring>

#include "html5/tokenizer_internal.h"

namespace lede::html5 {

void Tokenizer::Impl::markup_declaration_open_state() {
  if (end_ - pos_ >= 2 && pos_[0] == '-' && pos_[1] == '-') {
    pos_ += 2;
    start_comment(pos_);
    state_ = State::comment_start;
  } else if (matches_ignoring_case(pos_, "doctype")) {
    pos_ += 7;
    start_doctype_token();
    state_ = State::doctype;
  } else if (end_ - pos_ >= 7 && std::memcmp(pos_, "[CDATA[", 7) == 0 && cdata_allowed_) {
    pos_ += 7;
    state_ = State::cdata_section;
  } else {
    // Also "[CDATA[" in HTML content: it becomes the start of the comment.
    error();
    start_comment(pos_);
    state_ = State::bogus_comment;
  }
}

void Tokenizer::Impl::bogus_comment_state() {
  const char* gt =
      static_cast<const char*>(std::memchr(pos_, '>', static_cast<size_t>(end_ - pos_)));
  comment_end_ = gt ? gt : end_;
  pos_ = gt ? gt + 1 : end_;
  state_ = State::data;  // which emits the end of file next if the input ended
  emit_comment();
}

void Tokenizer::Impl::comment_start_state() {
  if (!at_end() && *pos_ == '-') {
    ++pos_;
    state_ = State::comment_start_dash;
  } else if (!at_end() && *pos_ == '>') {
    error();
    ++pos_;
    state_ = State::data;
    emit_comment();
  } else {
    state_ = State::comment;
  }
}

void Tokenizer::Impl::comment_start_dash_state() {
  if (at_end()) return end_of_file_in_comment();
  if (*pos_ == '-') {
    ++pos_;
    state_ = State::comment_end;
  } else if (*pos_ == '>') {
    error();
    ++pos_;
    state_ = State::data;
    emit_comment();
  } else {
    state_ = State::comment;  // which takes the dash as data
  }
}

void Tokenizer::Impl::comment_state() {
  pos_ = find_first<AnyOf<'<', '-'>>(pos_, end_);
  comment_end_ = pos_;
  if (at_end()) return end_of_file_in_comment();
  if (*pos_ == '<') {
    comment_end_ = ++pos_;
    state_ = State::comment_less_than_sign;
  } else {
    ++pos_;
    state_ = State::comment_end_dash;
  }
}

// The less-than sign states only notice "<!--" nested in a comment (an error);
// the data comes out the same either way.
void Tokenizer::Impl::comment_less_than_sign_state() {
  if (!at_end() && *pos_ == '!') {
    comment_end_ = ++pos_;
    state_ = State::comment_less_than_sign_bang;
  } else if (!at_end() && *pos_ == '<') {
    comment_end_ = ++pos_;
  } else {
    state_ = State::comment;
  }
}

void Tokenizer::Impl::comment_less_than_sign_bang_state() {
  if (!at_end() && *pos_ == '-') {
    ++pos_;
    state_ = State::comment_less_than_sign_bang_dash;
  } else {
    state_ = State::comment;
  }
}

void Tokenizer::Impl::comment_less_than_sign_bang_dash_state() {
  if (!at_end() && *pos_ == '-') {
    ++pos_;
    state_ = State::comment_less_than_sign_bang_dash_dash;
  } else {
    state_ = State::comment_end_dash;
  }
}

void Tokenizer::Impl::comment_less_than_sign_bang_dash_dash_state() {
  if (!at_end() && *pos_ != '>') error();  // nested comment
  state_ = State::comment_end;
}

void Tokenizer::Impl::comment_end_dash_state() {
  if (at_end()) return end_of_file_in_comment();
  if (*pos_ == '-') {
    ++pos_;
    state_ = State::comment_end;
  } else {
    state_ = State::comment;  // which takes the held-back '-' as data
  }
}

void Tokenizer::Impl::comment_end_state() {
  if (at_end()) return end_of_file_in_comment();
  char c = *pos_;
  if (c == '>') {
    ++pos_;
    state_ = State::data;
    emit_comment();
  } else if (c == '!') {
    ++pos_;
    state_ = State::comment_end_bang;
  } else if (c == '-') {
    ++pos_;
    comment_end_ += 1;  // "--" is held back, the dash before it is data
  } else {
    state_ = State::comment;
  }
}

void Tokenizer::Impl::comment_end_bang_state() {
  if (at_end()) return end_of_file_in_comment();
  if (*pos_ == '-') {
    ++pos_;
    comment_end_ += 3;  // "--!" is data, the new dash is held back
    state_ = State::comment_end_dash;
  } else if (*pos_ == '>') {
    error();
    ++pos_;
    state_ = State::data;
    emit_comment();
  } else {
    state_ = State::comment;
  }
}

void Tokenizer::Impl::end_of_file_in_comment() {
  error();
  state_ = State::data;  // which emits the end of file next
  emit_comment();
}

void Tokenizer::Impl::start_comment(const char* data_begin) {
  token_ = Token{};
  token_.type = TokenType::comment;
  comment_begin_ = comment_end_ = data_begin;
}

void Tokenizer::Impl::emit_comment() {
  token_.data = preprocessed(comment_begin_, comment_end_);
  emit(token_);
}

void Tokenizer::Impl::cdata_section_state() {
  for (;;) {
    const char* stop = find_first<AnyOf<']', '\r'>>(pos_, end_);
    text_.append_input(pos_, static_cast<size_t>(stop - pos_));
    pos_ = stop;
    if (at_end()) {
      error();
      return emit_end_of_file();
    }
    if (*pos_ == '\r') {
      append_newline(text_);
    } else if (end_ - pos_ >= 3 && pos_[1] == ']' && pos_[2] == '>') {
      // The CDATA section bracket and end states; a NUL inside stays for
      // the tree builder.
      pos_ += 3;
      state_ = State::data;
      return;
    } else {
      text_.append_input(pos_++, 1);
    }
  }
}

}  // namespace lede::html5
