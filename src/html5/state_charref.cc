// The character reference states: character reference, named character
// reference, ambiguous ampersand, and the numeric states. Their return state is
// always the caller, so they are one call that reads ahead from the '&' and
// appends the result to the caller's string: the text or an attribute value.
#include <algorithm>
#include <array>

#include "html5/entities_res.h"
#include "html5/tokenizer_internal.h"
#include "util/hash_index.h"
#include "util/utf8.h"

namespace lede::html5 {
namespace {

constexpr uint32_t kMaxCodePoint = 0x10FFFF;

constexpr std::string_view reference_name(const NamedReference& r) {
  return {kReferenceNames + r.name_offset, r.name_size};
}

std::string_view reference_value(const NamedReference& r) {
  return {kReferenceValues + r.value_offset, r.value_size};
}

// Where the names starting with each byte begin in the sorted table; those
// starting with byte b are [kFirstByteStart[b], kFirstByteStart[b + 1]).
constexpr std::array<uint16_t, 257> first_byte_starts() {
  std::array<uint16_t, 257> starts{};
  size_t i = 0;
  for (size_t b = 0; b < 257; ++b) {
    while (i < std::size(kNamedReferences) &&
           static_cast<unsigned char>(kReferenceNames[kNamedReferences[i].name_offset]) < b) {
      ++i;
    }
    starts[b] = static_cast<uint16_t>(i);
  }
  return starts;
}
constexpr std::array<uint16_t, 257> kFirstByteStart = first_byte_starts();

// The names that end with ';', hashed: nearly every reference in real pages
// is one of them ("&amp;", "&nbsp;"), and one probe beats narrowing the
// sorted table byte by byte.
constexpr auto kSemicolonNames = [] {
  HashIndex<4096> index;
  static_assert(std::size(kNamedReferences) * 3 / 2 <= 4096);
  for (size_t r = 0; r < std::size(kNamedReferences); ++r) {
    std::string_view name = reference_name(kNamedReferences[r]);
    if (name.back() == ';') index.add(name, r);
  }
  return index;
}();

// The reference named by the input at p when that is letters and digits closed
// by a ';' the table knows. It is then the longest match: names hold ';' only
// at their end, so every other name the input starts with is a prefix of it.
const NamedReference* named_reference_with_semicolon(const char* p, const char* end) {
  const char* limit = end - p > static_cast<ptrdiff_t>(kLongestReferenceName)
                          ? p + kLongestReferenceName
                          : end;
  const char* q = p;
  while (q < limit && is_ascii_alphanumeric(*q)) ++q;
  if (q == limit || *q != ';') return nullptr;
  std::string_view name(p, static_cast<size_t>(q + 1 - p));
  size_t r = kSemicolonNames.find(
      name, [](size_t i) { return reference_name(kNamedReferences[i]); });
  return r == kSemicolonNames.npos ? nullptr : &kNamedReferences[r];
}

// The longest name in the table that [p, end) starts with, or nullptr. The
// names sharing the prefix read so far are a range of the sorted table, and
// the one equal to the prefix, if any, comes first.
const NamedReference* longest_named_reference(const char* p, const char* end) {
  if (const NamedReference* r = named_reference_with_semicolon(p, end)) return r;
  auto first_byte = static_cast<unsigned char>(*p);
  const NamedReference* first = kNamedReferences + kFirstByteStart[first_byte];
  const NamedReference* last = kNamedReferences + kFirstByteStart[first_byte + 1];
  const NamedReference* longest = nullptr;
  for (size_t k = 1; k < kLongestReferenceName && p + k < end && first != last; ++k) {
    auto c = static_cast<unsigned char>(p[k]);
    auto char_at_k = [k](const NamedReference& r) {
      return r.name_size > k ? static_cast<int>(static_cast<unsigned char>(reference_name(r)[k]))
                             : -1;
    };
    first = std::partition_point(first, last,
                                 [&](const NamedReference& r) { return char_at_k(r) < c; });
    last = std::partition_point(first, last,
                                [&](const NamedReference& r) { return char_at_k(r) <= c; });
    if (first != last && first->name_size == k + 1) longest = first;
  }
  return longest;
}

bool is_ascii_hex_digit(char c) {
  return is_ascii_digit(c) || static_cast<unsigned char>((c | 0x20) - 'a') < 6;
}

uint32_t hex_digit_value(char c) {
  return is_ascii_digit(c) ? static_cast<uint32_t>(c - '0')
                           : static_cast<uint32_t>((c | 0x20) - 'a' + 10);
}

bool is_noncharacter(uint32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

bool is_control(uint32_t cp) { return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F); }

bool is_ascii_whitespace(uint32_t cp) {
  return cp == 0x09 || cp == 0x0A || cp == 0x0C || cp == 0x0D || cp == 0x20;
}

void append_utf8(TokenString& out, uint32_t cp) {
  char bytes[4];
  out.append_changed(std::string_view(bytes, encode_utf8(cp, bytes)));
}

}  // namespace

void Tokenizer::Impl::consume_character_reference(TokenString& out, bool in_attribute) {
  char next = pos_ + 1 < end_ ? pos_[1] : '\0';
  if (next == '#') return consume_numeric_reference(out);
  if (is_ascii_alphanumeric(next) && consume_named_reference(out, in_attribute)) return;
  // Not a reference: the '&' is text, and so is what follows it.
  out.append_input(pos_++, 1);
}

bool Tokenizer::Impl::consume_named_reference(TokenString& out, bool in_attribute) {
  const char* name = pos_ + 1;
  const NamedReference* match = longest_named_reference(name, end_);
  if (match == nullptr) {
    // The ambiguous ampersand state: letters and digits stay text; an error
    // only if a ';' ends them.
    const char* p = name;
    while (p < end_ && is_ascii_alphanumeric(*p)) ++p;
    if (p < end_ && *p == ';') error();
    return false;
  }
  const char* after = name + match->name_size;
  bool has_semicolon = reference_name(*match).back() == ';';
  if (!has_semicolon && in_attribute && after < end_ &&
      (*after == '=' || is_ascii_alphanumeric(*after))) {
    // Kept as written, for the sake of old URLs like "?a=1&copy=2".
    out.append_input(pos_, static_cast<size_t>(after - pos_));
  } else {
    if (!has_semicolon) error();
    out.append_changed(reference_value(*match));
  }
  pos_ = after;
  return true;
}

void Tokenizer::Impl::consume_numeric_reference(TokenString& out) {
  const char* p = pos_ + 2;  // past "&#"
  bool hex = p < end_ && (*p == 'x' || *p == 'X');
  const char* digits = hex ? p + 1 : p;
  const char* q = digits;
  uint32_t value = 0;
  for (; q < end_ && (hex ? is_ascii_hex_digit(*q) : is_ascii_digit(*q)); ++q) {
    // Saturate: anything past the last code point is replaced alike.
    if (value <= kMaxCodePoint) value = value * (hex ? 16 : 10) + hex_digit_value(*q);
  }
  if (q == digits) {  // absence of digits: "&#" or "&#x" is text
    error();
    out.append_input(pos_, static_cast<size_t>(digits - pos_));
    pos_ = digits;
    return;
  }
  if (q < end_ && *q == ';') {
    ++q;
  } else {
    error();  // missing semicolon
  }
  pos_ = q;
  // The numeric character reference end state.
  if (value == 0 || value > kMaxCodePoint || (value >= 0xD800 && value <= 0xDFFF)) {
    error();
    value = 0xFFFD;
  } else if (is_noncharacter(value)) {
    error();
  } else if (value == 0x0D || (is_control(value) && !is_ascii_whitespace(value))) {
    error();
    if (value >= 0x80 && value <= 0x9F && kNumericReplacements[value - 0x80] != 0) {
      value = kNumericReplacements[value - 0x80];
    }
  }
  append_utf8(out, value);
}

}  // namespace lede::html5
