// Telling binary files from web pages before decoding them.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Per byte value: kNul and kControl bits, for the bytes after the last
// 16-byte block: one load a byte beats the chain of comparisons.
constexpr uint8_t kControl = 1, kNul = 2;
constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int byte = 0; byte < 256; ++byte) {
    auto b = static_cast<unsigned char>(byte);
    classes[b] = static_cast<uint8_t>((is_binary_control(b) ? kControl : 0) | (b == 0 ? kNul : 0));
  }
  return classes;
}();

// Adds the NUL and binary control bytes of `sample` to `nuls` and `controls`.
void count_binary_bytes(std::string_view sample, size_t& nuls, size_t& controls) {
  size_t i = 0;
#if defined(__SSE2__)
  // Pages are read 16 bytes at a time; the sums are kept per 8-byte half.
  __m128i nul_sums = _mm_setzero_si128(), control_sums = _mm_setzero_si128();
  auto count = [](__m128i marked) {
    return _mm_sad_epu8(_mm_and_si128(marked, _mm_set1_epi8(1)), _mm_setzero_si128());
  };
  for (; sample.size() - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(sample.data() + i));
    auto is = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    __m128i below_space = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    __m128i text_controls = _mm_or_si128(_mm_or_si128(is('\t'), is('\n')),
                                         _mm_or_si128(_mm_or_si128(is('\f'), is('\r')), is('\x1B')));
    __m128i controls_here = _mm_or_si128(_mm_andnot_si128(text_controls, below_space), is('\x7F'));
    nul_sums = _mm_add_epi64(nul_sums, count(is('\0')));
    control_sums = _mm_add_epi64(control_sums, count(controls_here));
  }
  auto total = [](__m128i sums) {
    return static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
           static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  };
  nuls += total(nul_sums);
  controls += total(control_sums);
#endif
  for (; i < sample.size(); ++i) {
    uint8_t byte_class = kByteClasses[static_cast<unsigned char>(sample[i])];
    nuls += byte_class >> 1;
    controls += byte_class & kControl;
  }
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;  // UTF-16
  if (starts_with_magic(bytes)) return true;
  // Random or compressed data has ~1 NUL in 256 bytes and ~11% control bytes;
  // a text page may carry a stray NUL, not one per kilobyte.
  std::string_view sample = bytes.substr(0, 8 * 1024);
  size_t nuls = 0, controls = 0;
  count_binary_bytes(sample, nuls, controls);
  return nuls > sample.size() / 1024 || controls * 20 > sample.size();
}

}  // namespace lede::decode
