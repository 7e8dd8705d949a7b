// Telling binary files from web pages before decoding them.
#include <array>
#include <cstdint>

#include "decode/decode.h"

namespace lede::decode {

namespace {

constexpr std::array<std::string_view, 16> kBinaryMagics = {
    std::string_view("\x89PNG\r\n\x1A\n", 8),
    "\xFF\xD8\xFF",              // JPEG
    "GIF87a",
    "GIF89a",
    "%PDF-",
    "PK\x03\x04",                // ZIP, and so docx, xlsx, epub, jar
    "\x1F\x8B",                  // gzip (left compressed)
    "BZh",                       // bzip2 (checked below: needs its block magic)
    "\xFD" "7zXZ",               // xz
    "7z\xBC\xAF\x27\x1C",
    "\x28\xB5\x2F\xFD",          // zstd
    "\x7F" "ELF",
    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",  // MS Office (OLE2)
    "OggS",
    "ID3",                       // MP3
    "RIFF",                      // WAV, AVI, WebP
};

bool starts_with_magic(std::string_view bytes) {
  for (std::string_view magic : kBinaryMagics) {
    if (!bytes.starts_with(magic)) continue;
    // "BZh" can begin a text; a bzip2 stream goes on with "1AY&SY".
    if (magic == "BZh") return bytes.size() >= 10 && bytes.substr(4, 6) == "1AY&SY";
    return true;
  }
  // ISO media (MP4, MOV, HEIF, AVIF): a box size, then "ftyp".
  return bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp";
}

// Control bytes that text does not contain. Tab, line feed, form feed,
// carriage return and escape (ISO-2022 shifts) are text.
constexpr bool is_binary_control(unsigned char byte) {
  return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r' &&
          byte != 0x1B) ||
         byte == 0x7F;
}

// Per byte value: kNul and kControl bits. Every page's first 8 KB is
// counted, and one load a byte beats the chain of comparisons.
constexpr uint8_t kControl = 1, kNul = 2;
constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int byte = 0; byte < 256; ++byte) {
    auto b = static_cast<unsigned char>(byte);
    classes[b] = static_cast<uint8_t>((is_binary_control(b) ? kControl : 0) | (b == 0 ? kNul : 0));
  }
  return classes;
}();

}  // namespace

bool looks_binary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;  // UTF-16
  if (starts_with_magic(bytes)) return true;
  // Random or compressed data has ~1 NUL in 256 bytes and ~11% control bytes;
  // a text page may carry a stray NUL, not one per kilobyte.
  std::string_view sample = bytes.substr(0, 8 * 1024);
  size_t nuls = 0, controls = 0;
  for (char c : sample) {
    uint8_t byte_class = kByteClasses[static_cast<unsigned char>(c)];
    nuls += byte_class >> 1;
    controls += byte_class & kControl;
  }
  return nuls > sample.size() / 1024 || controls * 20 > sample.size();
}

}  // namespace lede::decode
