// Finding the first byte of a class ("one of < & \r \0", "up to the space",
// "not ASCII") in a buffer, 16 bytes at a time where SSE2 is there. Text runs,
// class values and paragraphs are long and the bytes looked for rare, so the
// tokenizer, the scorers and the writers all wait on these loops.
//
// A byte class is a type with
//   bool has(unsigned char byte) const   is `byte` in the class?
//   __m128i marks(__m128i bytes) const   (with SSE2) the high bit of each
//                                        byte of `bytes` set when it is in
// The classes below combine with Either and Not; most need no state, so
// callers name them as template arguments: find_first<AtMost<' '>>(p, end).
// Besides finding: block_mask (the class's bytes among 16), pair_mask (where
// one of a few two-byte openings stands) and count_each (how many bytes of
// each of a few classes a buffer holds).
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lede::util {

// The bytes equal to one of `Values`.
template <unsigned char... Values>
struct AnyOf {
  static constexpr bool has(unsigned char byte) { return ((byte == Values) || ...); }
#if defined(__SSE2__)
  static __m128i marks(__m128i bytes) {
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(Values))))), ...);
    return hits;
  }
#endif
};

// The bytes up to `Max`, as unsigned values.
template <unsigned char Max>
struct AtMost {
  static constexpr bool has(unsigned char byte) { return byte <= Max; }
#if defined(__SSE2__)
  static __m128i marks(__m128i bytes) {
    return _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(static_cast<char>(Max))), bytes);
  }
#endif
};

// The bytes from `Low` to `High`, both included.
template <unsigned char Low, unsigned char High>
struct InRange {
  static_assert(Low <= High && High - Low < 255, "a range that holds every byte needs no search");
  static constexpr bool has(unsigned char byte) { return static_cast<unsigned char>(byte - Low) <= High - Low; }
#if defined(__SSE2__)
  // Shifted so that `Low` lands on the smallest signed byte, the range is
  // whatever compares below one past its width: one add and one compare.
  static __m128i marks(__m128i bytes) {
    __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - Low)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 + (High - Low) + 1)));
  }
#endif
};

// The bytes from 0x80 up: UTF-8 lead and continuation bytes.
struct NonAscii {
  static constexpr bool has(unsigned char byte) { return byte >= 0x80; }
#if defined(__SSE2__)
  static __m128i marks(__m128i bytes) { return bytes; }  // the high bit is the mark
#endif
};

// An ASCII letter in either case, given in lower case: the first byte of a
// case-blind search.
struct EitherCaseOf {
  char lower;
  constexpr bool has(unsigned char byte) const { return (byte | 0x20) == static_cast<unsigned char>(lower); }
#if defined(__SSE2__)
  __m128i marks(__m128i bytes) const {
    return _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8(lower));
  }
#endif
};

// The bytes in any of `Classes`.
template <typename... Classes>
struct Either {
  static constexpr bool has(unsigned char byte) { return (Classes::has(byte) || ...); }
#if defined(__SSE2__)
  static __m128i marks(__m128i bytes) {
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, Classes::marks(bytes))), ...);
    return hits;
  }
#endif
};

// The bytes not in `Class`.
template <typename Class>
struct Not {
  static constexpr bool has(unsigned char byte) { return !Class::has(byte); }
#if defined(__SSE2__)
  static __m128i marks(__m128i bytes) { return _mm_xor_si128(Class::marks(bytes), _mm_set1_epi8(-1)); }
#endif
};

// Is `byte` in the class? A class without state answers from a table of
// the 256 bytes: the tails after the last block are short runs, where one
// load a byte beats a chain of compares.
template <typename Class>
inline constexpr auto kMembers = [] {
  std::array<bool, 256> members{};
  for (unsigned byte = 0; byte < 256; ++byte) members[byte] = Class::has(static_cast<unsigned char>(byte));
  return members;
}();

template <typename Class>
inline bool is_in(Class byte_class, char c) {
  auto byte = static_cast<unsigned char>(c);
  if constexpr (std::is_empty_v<Class>) return kMembers<Class>[byte];
  else return byte_class.has(byte);
}

// Bit k set when p[k] is in the class, for the 16 bytes at `p`, all of which
// must be readable.
template <typename Class>
inline unsigned block_mask(const char* p, Class byte_class = {}) {
#if defined(__SSE2__)
  __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<unsigned>(_mm_movemask_epi8(byte_class.marks(bytes)));
#else
  unsigned mask = 0;
  for (unsigned k = 0; k < 16; ++k) mask |= unsigned{byte_class.has(static_cast<unsigned char>(p[k]))} << k;
  return mask;
#endif
}

// Two bytes in a row, `First` then `Second`: the opening of a word looked
// for, which a test of single bytes would find too often.
template <unsigned char First, unsigned char Second>
struct Pair {
  static bool at(const char* p) {
    return static_cast<unsigned char>(p[0]) == First && static_cast<unsigned char>(p[1]) == Second;
  }
#if defined(__SSE2__)
  static __m128i marks(__m128i firsts, __m128i seconds) {
    return _mm_and_si128(_mm_cmpeq_epi8(firsts, _mm_set1_epi8(static_cast<char>(First))),
                         _mm_cmpeq_epi8(seconds, _mm_set1_epi8(static_cast<char>(Second))));
  }
#endif
};

// Bit k set when one of `Pairs` starts at p[k], for the 16 places at `p`;
// the 17 bytes from `p` must be readable.
template <typename... Pairs>
inline unsigned pair_mask(const char* p) {
#if defined(__SSE2__)
  __m128i firsts = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i seconds = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  __m128i hits = _mm_setzero_si128();
  ((hits = _mm_or_si128(hits, Pairs::marks(firsts, seconds))), ...);
  return static_cast<unsigned>(_mm_movemask_epi8(hits));
#else
  unsigned mask = 0;
  for (unsigned k = 0; k < 16; ++k) mask |= unsigned{(Pairs::at(p + k) || ...)} << k;
  return mask;
#endif
}

// The index of the first byte of `s` at or after `from` that is in the
// class, or s.size().
template <typename Class>
inline size_t find_first(std::string_view s, size_t from, Class byte_class = {}) {
#if defined(__SSE2__)
  for (; s.size() - from >= 16; from += 16)
    if (unsigned found = block_mask(s.data() + from, byte_class)) return from + std::countr_zero(found);
#endif
  while (from < s.size() && !is_in(byte_class, s[from])) ++from;
  return from;
}

// The first byte in [p, end) that is in the class, or `end`.
template <typename Class>
inline const char* find_first(const char* p, const char* end, Class byte_class = {}) {
  return p + find_first(std::string_view(p, static_cast<size_t>(end - p)), 0, byte_class);
}

// How many bytes of `s` are in each of `Classes`, counted in one pass, 16
// bytes at a time.
template <typename... Classes>
inline std::array<size_t, sizeof...(Classes)> count_each(std::string_view s) {
  std::array<size_t, sizeof...(Classes)> counts{};
  size_t i = 0;
#if defined(__SSE2__)
  // Per class, the high bits of its marks summed per 8-byte half: 0x80 for
  // each byte in the class.
  __m128i sums[sizeof...(Classes)] = {};
  auto add_marks = [&]<size_t... K>(__m128i bytes, std::index_sequence<K...>) {
    const __m128i high_bit = _mm_set1_epi8(static_cast<char>(0x80));
    ((sums[K] = _mm_add_epi64(sums[K], _mm_sad_epu8(_mm_and_si128(Classes::marks(bytes), high_bit),
                                                    _mm_setzero_si128()))),
     ...);
  };
  for (; s.size() - i >= 16; i += 16)
    add_marks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)), std::index_sequence_for<Classes...>{});
  for (size_t k = 0; k < counts.size(); ++k) {
    uint64_t halves[2];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(halves), sums[k]);
    counts[k] = static_cast<size_t>((halves[0] + halves[1]) / 0x80);
  }
#endif
  for (; i < s.size(); ++i) {
    size_t k = 0;
    ((counts[k++] += is_in(Classes{}, s[i])), ...);
  }
  return counts;
}

// The first byte in [p, end) that is not ASCII, or `end`. Every byte of
// every page comes through here, mostly ASCII markup: once 16 bytes are
// ASCII, 64 at a time. Text in other scripts, a lead byte every few bytes,
// stops in the first 16.
inline const char* find_non_ascii(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    if (unsigned found = block_mask<NonAscii>(p)) return p + std::countr_zero(found);
    p += 16;
    while (end - p >= 64) {
      auto block = reinterpret_cast<const __m128i*>(p);
      __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(block), _mm_loadu_si128(block + 1)),
                                 _mm_or_si128(_mm_loadu_si128(block + 2), _mm_loadu_si128(block + 3)));
      if (_mm_movemask_epi8(any)) break;  // the 16-byte steps find which byte
      p += 64;
    }
  }
#else
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080u) break;  // the byte loop finds which one
    p += 8;
  }
#endif
  while (p < end && !NonAscii::has(static_cast<unsigned char>(*p))) ++p;
  return p;
}

// The first ASCII white space as HTML has it (space, tab, LF, FF, CR) in `s`
// at or after `from`, or s.size(): where class and id values split into
// names. Names run long ("col-md-8 col-sm-12 entry-content ..."), so the
// blocks look for any byte up to the space and the few that are not white
// space are stepped over.
inline size_t find_html_space(std::string_view s, size_t from) {
  using HtmlSpace = AnyOf<' ', '\t', '\n', '\f', '\r'>;
  while (true) {
    from = find_first<AtMost<' '>>(s, from);
    if (from == s.size() || is_in(HtmlSpace{}, s[from])) return from;
    ++from;
  }
}

}  // namespace lede::util
