// UTF-8 encoding of one code point: the one encoder the decoder, the
// tokenizer's character references and the metadata readers share.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lede {

// Writes the UTF-8 bytes of `cp` (at most U+10FFFF; surrogates are written
// as they come, callers that must not emit them replace them first) into
// `bytes` and returns how many there are, 1 to 4.
inline size_t encode_utf8(uint32_t cp, char bytes[4]) {
  if (cp < 0x80) {
    bytes[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
    bytes[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
  bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  bytes[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace lede
