// String helpers shared by the metadata readers: whitespace, case, entity
// decoding and the text of small elements (headlines, bylines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom/dom.h"

namespace lede::metadata {

// Trims and collapses runs of whitespace (ASCII, no-break and thin spaces) to
// one space; drops zero-width characters.
std::string collapse_whitespace(std::string_view s);

std::string to_lower_ascii(std::string_view s);
// The same in place: A-Z become a-z, every other byte (UTF-8 included) stays.
void lower_ascii_in_place(std::string& s);
bool starts_with_ignore_case(std::string_view s, std::string_view prefix);
bool contains_ignore_case(std::string_view haystack, std::string_view needle);
std::string_view trim(std::string_view s);

// Lower-case letters and digits only (non-ASCII bytes kept): "The Daily-Post"
// and "thedailypost" compare equal. For matching names, never for output.
std::string comparison_key(std::string_view s);

// Words of `s`: runs of letters/digits (non-ASCII bytes count as letters),
// lower-cased.
std::vector<std::string> words(std::string_view s);

// Calls `on_word` with each word of `s` as words() splits them, as it stands
// in `s` (not lower-cased): no copies, for callers that count words or
// compare them ignoring case.
template <typename OnWord>
void for_each_word(std::string_view s, OnWord&& on_word) {
  auto is_word_byte = [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') || byte >= 0x80;
  };
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_word_byte(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && is_word_byte(s[i])) ++i;
    if (i > start) on_word(s.substr(start, i - start));
  }
}

// The parts of `s` between separators; `separator_length(s, i)` is the byte
// length of a separator starting at s[i], or 0.
template <class SeparatorLength>
std::vector<std::string_view> split_at_separators(std::string_view s, SeparatorLength separator_length) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    size_t length = separator_length(s, i);
    if (!length) {
      ++i;
      continue;
    }
    parts.push_back(s.substr(start, i - start));
    i += length;
    start = i;
  }
  parts.push_back(s.substr(start));
  return parts;
}

// Decodes character references (&amp; &#8217; &eacute; ...) as found in
// JSON-LD, whose script text the HTML parser leaves encoded.
std::string decode_entities(std::string_view s);
// Appends the UTF-8 encoding of a code point (U+FFFD for invalid ones).
void append_utf8(std::string& out, uint32_t code_point);
// Removes <tags> from a string that should be plain text.
std::string strip_tags(std::string_view s);

// The visible text under `node` (none of elements marked `hidden`) with
// collapsed whitespace. With `spaced`, every element boundary separates words
// ("<a>Jane</a><a>John</a>" keeps the two names apart), which suits bylines;
// headings join inline runs as is.
std::string element_text(const dom::Node* node, bool spaced);
// The same into `out` (replaced), whose room is reused: for callers that read
// the text of many elements in turn.
void element_text_into(const dom::Node* node, bool spaced, std::string& out);

// Names compared loosely: case, spaces and punctuation are ignored, so
// "The Verge", "theverge" and "THE-VERGE" are one name.
class NameSet {
 public:
  void add(std::string_view name);
  void add_all(const NameSet& other);
  // True when `s` equals a name, or one contains the other, the shorter has
  // at least 4 characters and at least `min_share` of the longer's.
  bool overlaps(std::string_view s, double min_share) const;

 private:
  std::vector<std::string> keys_;  // comparison_key() of each name
};

}  // namespace lede::metadata
