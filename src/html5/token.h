// The tokens the HTML5 tokenizer hands to the tree builder (WHATWG HTML
// "Tokenization"). Strings are views: into the input where the text needed no
// change, into the tokenizer's arena where it did (lower-cased names, decoded
// character references, U+FFFD for NUL). A token is valid until the next call
// to Tokenizer::next().
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "dom/tags.h"

namespace lede::html5 {

enum class TokenType : uint8_t {
  doctype,
  start_tag,
  end_tag,
  comment,
  characters,  // a run of characters; may mix whitespace, text and U+0000
  end_of_file,
};

struct TokenAttribute {
  std::string_view name;   // lower-cased
  std::string_view value;  // character references decoded
};

struct Token {
  TokenType type = TokenType::end_of_file;
  // Tag tokens: the lower-cased name and its interned tag (Tag::unknown when
  // the name is not in tags.def). Doctype tokens: the name (missing -> empty,
  // see has_name).
  std::string_view name;
  dom::Tag tag = dom::Tag::unknown;
  std::span<const TokenAttribute> attrs;  // duplicates already dropped
  bool self_closing = false;
  // Comment text or character data.
  std::string_view data;
  // Doctype fields ("missing" is distinct from empty in the standard).
  bool has_name = false;
  bool has_public_id = false;
  bool has_system_id = false;
  bool force_quirks = false;
  std::string_view public_id;
  std::string_view system_id;
};

}  // namespace lede::html5
