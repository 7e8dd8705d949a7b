// Telling binary files from web pages before decoding them.
#include <array>

#include "decode/decode.h"
#include "util/byte_scan.h"

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

// Control bytes that text does not contain: those below the space but tab,
// line feed, form feed, carriage return and escape (ISO-2022 shifts), and
// DEL.
using BinaryControl = util::Either<util::InRange<0x00, 0x08>, util::AnyOf<0x0B, 0x7F>, util::InRange<0x0E, 0x1A>,
                                   util::InRange<0x1C, 0x1F>>;

}  // namespace

bool looks_binary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;  // UTF-16
  if (starts_with_magic(bytes)) return true;
  // Random or compressed data has ~1 NUL in 256 bytes and ~11% control bytes;
  // a text page may carry a stray NUL, not one per kilobyte.
  std::string_view sample = bytes.substr(0, 8 * 1024);
  auto [nuls, controls] = util::count_each<util::AnyOf<0>, BinaryControl>(sample);
  return nuls > sample.size() / 1024 || controls * 20 > sample.size();
}

}  // namespace lede::decode
