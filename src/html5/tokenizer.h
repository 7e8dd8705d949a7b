// The HTML5 tokenizer: UTF-8 text in, tokens out, one at a time, with the
// standard's input preprocessing (CR LF and CR become LF). Scripting is off.
// The tree builder drives the state switches the standard gives it (RCDATA for
// <title>/<textarea>, RAWTEXT, script data, PLAINTEXT) and says whether
// CDATA sections are allowed (the adjusted current node is foreign).
#pragma once

#include <cstddef>
#include <string_view>

#include "html5/token.h"
#include "util/arena.h"

namespace lede::html5 {

// The states the tree builder may switch the tokenizer to.
enum class ContentState : uint8_t { data, rcdata, rawtext, script_data, plaintext };

class Tokenizer {
 public:
  // `input` must be valid UTF-8 and outlive the tokenizer; decoded strings
  // are allocated in `arena`.
  Tokenizer(std::string_view input, Arena& arena);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The next token; end_of_file forever once the input is consumed.
  const Token& next();

  // Called by the tree builder right after the start tag that requires it.
  void set_state(ContentState state);
  // The "appropriate end tag" test compares against this name. set_state()
  // does not change it: the tokenizer records every start tag it emits.
  void set_last_start_tag(std::string_view name);
  // True while the adjusted current node is not an element in the HTML
  // namespace: "<![CDATA[" then opens a CDATA section instead of a bogus comment.
  void set_cdata_allowed(bool allowed);

  // Parse errors seen so far (counted, not reported: lede never fails a page).
  size_t error_count() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace lede::html5
