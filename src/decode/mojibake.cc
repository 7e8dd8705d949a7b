#include "decode/mojibake.h"

#include <cstdint>
#include <cstring>

namespace lede::decode {
namespace {

// The byte windows-1252 shows as code point `cp`, for the bytes that can
// continue a UTF-8 sequence (0x80..0xBF); -1 for any other character.
// 0x80..0x9F are typographic characters in windows-1252 and C1 controls in
// Latin-1: text read either way comes back.
int continuation_byte(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<int>(cp);
  switch (cp) {
    case 0x20AC: return 0x80;  // €
    case 0x201A: return 0x82;  // ‚
    case 0x0192: return 0x83;  // ƒ
    case 0x201E: return 0x84;  // „
    case 0x2026: return 0x85;  // …
    case 0x2020: return 0x86;  // †
    case 0x2021: return 0x87;  // ‡
    case 0x02C6: return 0x88;  // ˆ
    case 0x2030: return 0x89;  // ‰
    case 0x0160: return 0x8A;  // Š
    case 0x2039: return 0x8B;  // ‹
    case 0x0152: return 0x8C;  // Œ
    case 0x017D: return 0x8E;  // Ž
    case 0x2018: return 0x91;  // ‘
    case 0x2019: return 0x92;  // ’
    case 0x201C: return 0x93;  // “
    case 0x201D: return 0x94;  // ”
    case 0x2022: return 0x95;  // •
    case 0x2013: return 0x96;  // –
    case 0x2014: return 0x97;  // —
    case 0x02DC: return 0x98;  // ˜
    case 0x2122: return 0x99;  // ™
    case 0x0161: return 0x9A;  // š
    case 0x203A: return 0x9B;  // ›
    case 0x0153: return 0x9C;  // œ
    case 0x017E: return 0x9E;  // ž
    case 0x0178: return 0x9F;  // Ÿ
    default: return -1;
  }
}

// The code point of valid UTF-8 at s[i] and its length; length 0 when the
// bytes there are not valid UTF-8 (never, in our own text, but cheap to say).
uint32_t code_point_at(std::string_view s, size_t i, size_t& length) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > s.size()) {
    length = 0;
    return 0;
  }
  if (length == 1) return lead;
  uint32_t cp = lead & (0x3F >> (length - 1));
  for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  return cp;
}

// The second byte's range that keeps a UTF-8 sequence valid: no overlong
// forms, no surrogates, nothing past U+10FFFF.
bool valid_second_byte(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0: return second >= 0xA0;
    case 0xED: return second <= 0x9F;
    case 0xF0: return second >= 0x90;
    case 0xF4: return second <= 0x8F;
    default: return true;
  }
}

// The UTF-8 bytes that the run of characters starting at s[i] (whose first
// is `lead`, U+00C2..U+00F4) spelled, and the run's length in bytes of s;
// 0 when the characters after the lead spell no continuation.
size_t read_run(std::string_view s, size_t i, unsigned char lead, char (&bytes)[4]) {
  size_t continuations = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  bytes[0] = static_cast<char>(lead);
  size_t at = i + 2;  // past the lead character's two bytes
  for (size_t k = 1; k <= continuations; ++k) {
    if (at >= s.size()) return 0;
    size_t length = 0;
    int b = continuation_byte(code_point_at(s, at, length));
    if (length == 0 || b < 0) return 0;
    if (k == 1 && !valid_second_byte(lead, static_cast<unsigned char>(b))) return 0;
    bytes[k] = static_cast<char>(b);
    at += length;
  }
  // "Â" and a C1 control would decode to the control: never text.
  if (lead == 0xC2 && static_cast<unsigned char>(bytes[1]) < 0xA0) return 0;
  return at - i;
}

// "Â" left of a no-break space whose own bytes were then collapsed into
// plain whitespace ("cats.Â", "Updated:Â Tuesday"): a lone "Â" before
// whitespace or the end, after anything but a capital letter, spells nothing
// in any language.
bool is_nbsp_residue(std::string_view s, size_t at) {
  if (static_cast<unsigned char>(s[at + 1]) != 0x82) return false;
  size_t next = at + 2;
  if (next < s.size() && s[next] != ' ' && s[next] != '\n' && s[next] != '\t') return false;
  if (at == 0) return true;
  auto before = static_cast<unsigned char>(s[at - 1]);
  if (before >= 'A' && before <= 'Z') return false;
  bool latin_letter_before = at >= 2 && before >= 0x80 && before <= 0xBF &&
                             static_cast<unsigned char>(s[at - 2]) >= 0xC3 &&
                             static_cast<unsigned char>(s[at - 2]) <= 0xC9;
  return !latin_letter_before;
}

}  // namespace

size_t repair_mojibake(std::string& utf8) {
  // The lead characters U+00C2..U+00F4 are C3 82..C3 B4 in UTF-8.
  std::string_view s = utf8;
  size_t at = s.find('\xC3');
  if (at == std::string_view::npos) return 0;
  std::string out;
  size_t copied = 0, repaired = 0;
  for (; at != std::string_view::npos && at + 1 < s.size(); at = s.find('\xC3', at + 1)) {
    auto second = static_cast<unsigned char>(s[at + 1]);
    if (second < 0x82 || second > 0xB4) continue;
    char bytes[4];
    size_t run = read_run(s, at, static_cast<unsigned char>(second + 0x40), bytes);
    size_t written = second + 0x40 < 0xE0 ? 2 : second + 0x40 < 0xF0 ? 3 : 4;
    if (run == 0 && is_nbsp_residue(s, at)) run = 2, written = 0;  // the "Â" goes, the space stays
    if (run == 0) continue;
    if (out.empty()) out.reserve(s.size());
    out.append(s.substr(copied, at - copied));
    out.append(bytes, written);
    copied = at + run;
    at = copied - 1;
    ++repaired;
  }
  if (repaired == 0) return 0;
  out.append(s.substr(copied));
  utf8 = std::move(out);
  return repaired;
}

}  // namespace lede::decode
