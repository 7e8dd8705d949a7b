#include "metadata/text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "util/byte_scan.h"
#include "util/utf8.h"

namespace lede::metadata {
namespace {

constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_alnum(char c) { return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'z'); }

// Byte length of a Unicode space at s[i] (0 if none), and whether it is a
// zero-width character that should vanish rather than separate words.
size_t unicode_space_length(std::string_view s, size_t i, bool& zero_width) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  zero_width = false;
  if (at(i) == 0xC2 && i + 1 < s.size() && at(i + 1) == 0xA0) return 2;
  if (i + 2 >= s.size()) return 0;
  if (at(i) == 0xE2 && at(i + 1) == 0x80) {
    unsigned char c = at(i + 2);
    if (c >= 0x80 && c <= 0x8A) return 3;  // en/em/thin/hair spaces
    if (c == 0xAF) return 3;               // narrow no-break space
    if (c >= 0x8B && c <= 0x8D) {          // zero-width space/joiners
      zero_width = true;
      return 3;
    }
  }
  if (at(i) == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) {  // BOM
    zero_width = true;
    return 3;
  }
  return 0;
}

struct NamedEntity {
  std::string_view name;
  uint32_t code_point;
};

// The references that actually show up in metadata strings; the rest are rare
// enough to stay as written.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},        {"lt", '<'},          {"gt", '>'},          {"quot", '"'},
    {"apos", '\''},      {"nbsp", 0xA0},       {"rsquo", 0x2019},    {"lsquo", 0x2018},
    {"rdquo", 0x201D},   {"ldquo", 0x201C},    {"ndash", 0x2013},    {"mdash", 0x2014},
    {"hellip", 0x2026},  {"middot", 0xB7},     {"bull", 0x2022},     {"copy", 0xA9},
    {"reg", 0xAE},       {"trade", 0x2122},    {"laquo", 0xAB},      {"raquo", 0xBB},
    {"eacute", 0xE9},    {"egrave", 0xE8},     {"aacute", 0xE1},     {"agrave", 0xE0},
    {"iacute", 0xED},    {"oacute", 0xF3},     {"uacute", 0xFA},     {"ntilde", 0xF1},
    {"ccedil", 0xE7},    {"auml", 0xE4},       {"ouml", 0xF6},       {"uuml", 0xFC},
    {"szlig", 0xDF},     {"Eacute", 0xC9},     {"Auml", 0xC4},       {"Ouml", 0xD6},
    {"Uuml", 0xDC},      {"ecirc", 0xEA},      {"acirc", 0xE2},      {"ocirc", 0xF4},
};

// Decodes one reference starting at s[i] == '&'; returns the bytes consumed
// (0 when it is not a reference we know).
size_t decode_reference(std::string_view s, size_t i, std::string& out) {
  size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body.size() >= 2 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    uint32_t cp = 0;
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v = c >= '0' && c <= '9' ? c - '0' : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : -1;
      if (v < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    }
    append_utf8(out, cp);
    return semi - i + 1;
  }
  for (const NamedEntity& e : kEntities) {
    if (e.name == body) {
      append_utf8(out, e.code_point);
      return semi - i + 1;
    }
  }
  return 0;
}

// Bytes that neither are nor start a space or a zero-width character, as a
// table: the collapse below asks of every byte of every text it reads.
constexpr auto kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c) {
    auto byte = static_cast<unsigned char>(c);
    plain[c] = byte > ' ' ? byte != 0xC2 && byte != 0xE2 && byte != 0xEF : !is_ascii_space(static_cast<char>(c));
  }
  return plain;
}();

bool is_plain_byte(char c) { return kPlainBytes[static_cast<unsigned char>(c)]; }

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

namespace {

// Do the 16 bytes at `p`, after a plain byte, collapse to themselves: plain
// bytes and single ASCII spaces, the last byte plain (a space there may start
// a longer run)?
bool is_collapsed_block(const char* p) {
  using ControlSpaceOrLead = util::Either<util::InRange<'\t', '\r'>, util::AnyOf<0xC2, 0xE2, 0xEF>>;
  if (util::block_mask<ControlSpaceOrLead>(p) != 0) return false;
  unsigned spaces = util::block_mask<util::AnyOf<' '>>(p);
  return (spaces & (spaces >> 1)) == 0 && (spaces & 0x8000) == 0;
}

// collapse_whitespace, written to `out`, which may be `s.data()` itself: the
// text never grows (a space is written only for a run already read), so the
// collapse can work in place. Returns the length written.
size_t collapse_whitespace_into(std::string_view s, char* out) {
  size_t written = 0;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    if (is_plain_byte(s[i])) {
      if (pending_space) out[written++] = ' ';
      pending_space = false;
      // Paragraphs (drop_repeats compares every block's text) are mostly
      // words between single spaces, which collapse to themselves.
      for (; s.size() - i >= 16 && is_collapsed_block(s.data() + i); i += 16, written += 16)
        std::memmove(out + written, s.data() + i, 16);
      // Then byte by byte: runs are words, too short for a call to memmove.
      while (i < s.size() && is_plain_byte(s[i])) out[written++] = s[i++];
      continue;
    }
    bool zero_width = false;
    size_t unicode_space = unicode_space_length(s, i, zero_width);
    if (is_ascii_space(s[i]) || (unicode_space && !zero_width)) {
      pending_space = written > 0;
      i += unicode_space ? unicode_space : 1;
      continue;
    }
    if (zero_width) {
      i += unicode_space;
      continue;
    }
    if (pending_space) out[written++] = ' ';
    pending_space = false;
    out[written++] = s[i++];
  }
  return written;
}

}  // namespace

std::string collapse_whitespace(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(collapse_whitespace_into(s, out.data()));
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  lower_ascii_in_place(out);
  return out;
}

namespace {

// Eight bytes at a time: a byte is an upper-case letter when its low seven
// bits are at least 'A' and at most 'Z' and its high bit is clear. The sums
// below stay under 0x100 in every byte, so no carry crosses into the next.
uint64_t lower_ascii_word(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighBits = 0x80 * kOnes;
  uint64_t low_bits = word & ~kHighBits;
  uint64_t at_least_a = low_bits + (0x80 - 'A') * kOnes;
  uint64_t above_z = low_bits + (0x80 - 'Z' - 1) * kOnes;
  uint64_t upper = at_least_a & ~above_z & ~word & kHighBits;
  return word | (upper >> 2);  // 0x80 >> 2 is 0x20, the case bit
}

}  // namespace

void lower_ascii_in_place(std::string& s) {
  char* p = s.data();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    word = lower_ascii_word(word);
    std::memcpy(p + i, &word, 8);
  }
  for (; i < s.size(); ++i) p[i] = lower(p[i]);
}

bool starts_with_ignore_case(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && dom::equals_ignore_case(s.substr(0, prefix.size()), prefix);
}

// Called on every link and rel of the page: candidates are found by their
// first byte (memchr when it has no case) before the rest is compared.
namespace {

// Does `needle` stand at haystack[at], its first byte already matched?
bool rest_matches_at(std::string_view haystack, size_t at, std::string_view needle) {
  size_t k = 1;
  while (k < needle.size() && lower(haystack[at + k]) == lower(needle[k])) ++k;
  return k == needle.size();
}

}  // namespace

bool contains_ignore_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (haystack.size() < needle.size()) return false;
  char first = lower(needle[0]);
  bool first_has_case = first >= 'a' && first <= 'z';
  size_t last_start = haystack.size() - needle.size();
  size_t i = 0;
  // URLs and attribute values are searched whole: 16 starts at a time for a
  // letter's either case (| 0x20 as below; the 16 bytes lie in the haystack).
  if (first_has_case) {
    for (; last_start + 1 - i >= 16; i += 16) {
      for (unsigned starts = util::block_mask(haystack.data() + i, util::EitherCaseOf{first}); starts;
           starts &= starts - 1)
        if (rest_matches_at(haystack, i + static_cast<size_t>(std::countr_zero(starts)), needle)) return true;
    }
  }
  for (; i <= last_start; ++i) {
    if (first_has_case) {
      if ((haystack[i] | 0x20) != first) continue;
    } else {
      const void* hit = std::memchr(haystack.data() + i, first, last_start + 1 - i);
      if (!hit) return false;
      i = static_cast<size_t>(static_cast<const char*>(hit) - haystack.data());
    }
    if (rest_matches_at(haystack, i, needle)) return true;
  }
  return false;
}

namespace {

// (The page scan trims every text node: many are all indentation.)
constexpr auto kAsciiSpaceBytes = [] {
  std::array<bool, 256> spaces{};
  for (int c = 0; c < 256; ++c) spaces[c] = is_ascii_space(static_cast<char>(c));
  return spaces;
}();

bool is_ascii_space_byte(char c) { return kAsciiSpaceBytes[static_cast<unsigned char>(c)]; }

// How many ASCII spaces `s` opens with. Text nodes between tags are mostly
// indentation, a line feed and tens of blanks: 16 bytes at a time.
size_t leading_spaces(std::string_view s) {
  return util::find_first<util::Not<util::Either<util::AnyOf<' '>, util::InRange<'\t', '\r'>>>>(s, 0);
}

}  // namespace

std::string_view trim(std::string_view s) {
  s.remove_prefix(leading_spaces(s));
  while (!s.empty() && is_ascii_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

std::string comparison_key(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out += lower(c);
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for_each_word(s, [&out](std::string_view w) { out.push_back(to_lower_ascii(w)); });
  return out;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t used = s[i] == '&' ? decode_reference(s, i, out) : 0;
    if (used) {
      i += used;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    bool tag_start = s[i] == '<' && i + 1 < s.size() &&
                     (s[i + 1] == '/' || s[i + 1] == '!' || (lower(s[i + 1]) >= 'a' && lower(s[i + 1]) <= 'z'));
    size_t close = tag_start ? s.find('>', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += s[i];
      continue;
    }
    out += ' ';
    i = close;
  }
  return out;
}

void element_text_into(const dom::Node* node, bool spaced, std::string& out) {
  out.clear();
  dom::Node* scope = const_cast<dom::Node*>(node);
  dom::walk(
      scope,
      [&](dom::Node* n) {
        if (n->is_text()) out += n->data;
        if (!n->is_element()) return false;
        if (n != scope && (dom::is_invisible(n->tag) || n->has_attr("hidden"))) return false;
        if (spaced || dom::is_block(n->tag) || n->is(dom::Tag::br)) out += ' ';
        return true;
      },
      [&](dom::Node* n) {
        if (n->is_element() && (spaced || dom::is_block(n->tag))) out += ' ';
      });
  out.resize(collapse_whitespace_into(out, out.data()));
}

std::string element_text(const dom::Node* node, bool spaced) {
  std::string text;
  element_text_into(node, spaced, text);
  return text;
}

void NameSet::add(std::string_view name) {
  std::string key = comparison_key(name);
  if (key.size() >= 2) keys_.push_back(std::move(key));
}

void NameSet::add_all(const NameSet& other) {
  keys_.insert(keys_.end(), other.keys_.begin(), other.keys_.end());
}

bool NameSet::overlaps(std::string_view s, double min_share) const {
  std::string key = comparison_key(s);
  if (key.empty()) return false;
  for (const std::string& name : keys_) {
    if (key == name) return true;
    const std::string& shorter = key.size() < name.size() ? key : name;
    const std::string& longer = key.size() < name.size() ? name : key;
    if (shorter.size() >= 4 && static_cast<double>(shorter.size()) >= min_share * static_cast<double>(longer.size()) &&
        longer.find(shorter) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace lede::metadata
