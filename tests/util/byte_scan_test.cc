// The byte scans behind the tokenizer, the scorers and the writers: a wrong
// answer at any position, in a 16-byte block or in the tail after the last
// one, misplaces a tag, a word or an escape.
#include "util/byte_scan.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace lede::util;

// Lengths around the 16-byte blocks and the 64-byte steps: tails of 0 to 15.
constexpr std::array<size_t, 13> kLengths = {1, 2, 15, 16, 17, 30, 31, 32, 33, 41, 47, 64, 100};

// A buffer of exactly `size` bytes on the heap, so that the sanitizer build
// catches a scan that reads past its end.
class ExactBuffer {
 public:
  explicit ExactBuffer(size_t size) : bytes_(new char[size]), size_(size) {}
  void fill(unsigned char byte) { std::fill(bytes_.get(), bytes_.get() + size_, static_cast<char>(byte)); }
  char& operator[](size_t i) { return bytes_[i]; }
  const char* begin() const { return bytes_.get(); }
  const char* end() const { return bytes_.get() + size_; }

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_;
};

// The first byte value, from `from` on, for which `is_member` is false:
// a filler that matches nothing.
template <typename Member>
unsigned char first_outside(Member is_member, unsigned from) {
  for (unsigned b = from; b < 256; ++b)
    if (!is_member(static_cast<unsigned char>(b))) return static_cast<unsigned char>(b);
  for (unsigned b = 0; b < from; ++b)
    if (!is_member(static_cast<unsigned char>(b))) return static_cast<unsigned char>(b);
  ADD_FAILURE() << "the class holds every byte";
  return 0;
}

// Runs `find` (a scan over [begin, end)) with every byte value at every
// position 0..40 of buffers of every length in kLengths, among fillers
// outside the class, one ASCII and one from 0x80 up; where the byte is in
// the class, again with a second one at the end. Returns the first case
// where `find` misses the position that `is_member` says, or "".
template <typename Find, typename Member>
std::string first_miss(Find find, Member is_member) {
  for (unsigned char filler : {first_outside(is_member, 0x21), first_outside(is_member, 0x80)}) {
    for (size_t length : kLengths) {
      ExactBuffer buffer(length);
      for (size_t at = 0; at < length && at <= 40; ++at) {
        for (unsigned b = 0; b < 256; ++b) {
          auto byte = static_cast<unsigned char>(b);
          buffer.fill(filler);
          buffer[at] = static_cast<char>(byte);
          size_t expected = is_member(byte) ? at : length;
          for (int pass = 0; pass < (is_member(byte) ? 2 : 1); ++pass) {
            if (pass == 1) buffer[length - 1] = static_cast<char>(byte);
            auto found = static_cast<size_t>(find(buffer.begin(), buffer.end()) - buffer.begin());
            if (found != expected)
              return "byte " + std::to_string(b) + " at " + std::to_string(at) + " of " + std::to_string(length) +
                     " among " + std::to_string(filler) + ": found " + std::to_string(found);
          }
        }
      }
    }
  }
  return "";
}

template <typename Class, typename Member>
std::string first_miss_of(Member is_member, Class byte_class = {}) {
  return first_miss([byte_class](const char* p, const char* end) { return find_first(p, end, byte_class); },
                    is_member);
}

TEST(ByteScan, AnyOfFindsOnlyItsBytes) {
  auto stop = [](unsigned char b) { return b == '<' || b == '&' || b == '\r' || b == 0; };
  EXPECT_EQ((first_miss_of<AnyOf<'<', '&', '\r', '\0'>>(stop)), "");
  auto lead = [](unsigned char b) { return b == 0xC2 || b == 0xE2; };
  EXPECT_EQ((first_miss_of<AnyOf<0xC2, 0xE2>>(lead)), "");
}

TEST(ByteScan, AtMostFindsBytesUpToTheBoundUnsigned) {
  EXPECT_EQ((first_miss_of<AtMost<' '>>([](unsigned char b) { return b <= 0x20; })), "");
  EXPECT_EQ((first_miss_of<AtMost<0xBF>>([](unsigned char b) { return b <= 0xBF; })), "");
}

TEST(ByteScan, InRangeFindsBothEndsAndBetween) {
  EXPECT_EQ((first_miss_of<InRange<'\t', '\r'>>([](unsigned char b) { return b >= 9 && b <= 13; })), "");
  EXPECT_EQ((first_miss_of<InRange<0x80, 0xBF>>([](unsigned char b) { return b >= 0x80 && b <= 0xBF; })), "");
  EXPECT_EQ((first_miss_of<InRange<'a', 'a'>>([](unsigned char b) { return b == 'a'; })), "");
  EXPECT_EQ((first_miss_of<InRange<0x00, 0xFE>>([](unsigned char b) { return b != 0xFF; })), "");
}

TEST(ByteScan, NonAsciiFindsEveryByteFrom0x80) {
  EXPECT_EQ((first_miss_of<NonAscii>([](unsigned char b) { return b >= 0x80; })), "");
}

TEST(ByteScan, EitherCaseOfFindsALetterInBothCases) {
  EXPECT_EQ(first_miss_of([](unsigned char b) { return b == 'r' || b == 'R'; }, EitherCaseOf{'r'}), "");
}

TEST(ByteScan, EitherAndNotCombineClasses) {
  auto piece_break = [](unsigned char b) { return b <= ' ' || b == 0xC2 || b == 0xE2 || b == 0xEF; };
  EXPECT_EQ((first_miss_of<Either<AtMost<' '>, AnyOf<0xC2, 0xE2, 0xEF>>>(piece_break)), "");
  auto not_printable = [](unsigned char b) { return b < 0x20 || b >= 0x7F; };
  EXPECT_EQ((first_miss_of<Not<InRange<0x20, 0x7E>>>(not_printable)), "");
  auto not_space = [](unsigned char b) { return b != ' ' && (b < 9 || b > 13); };
  EXPECT_EQ((first_miss_of<Not<Either<AnyOf<' '>, InRange<'\t', '\r'>>>>(not_space)), "");
}

TEST(ByteScan, FindFirstInAViewStartsAtTheOffsetGiven) {
  std::string_view s = "a<b<c--------------------------------<";
  EXPECT_EQ(find_first<AnyOf<'<'>>(s, 0), 1u);
  EXPECT_EQ(find_first<AnyOf<'<'>>(s, 2), 3u);
  EXPECT_EQ(find_first<AnyOf<'<'>>(s, 4), s.size() - 1);
  EXPECT_EQ(find_first<AnyOf<'<'>>(s, s.size()), s.size());
  EXPECT_EQ(find_first<AnyOf<'>'>>(s, 0), s.size());
}

TEST(ByteScan, BlockMaskMarksEachByteOfTheClass) {
  for (unsigned b = 0; b < 256; ++b) {
    bool member = b <= ' ';
    for (unsigned at = 0; at < 16; ++at) {
      ExactBuffer block(16);
      block.fill('x');
      block[at] = static_cast<char>(b);
      EXPECT_EQ(block_mask<AtMost<' '>>(block.begin()), member ? 1u << at : 0u) << b << " at " << at;
    }
  }
  std::string_view words = "a b  c\td e f g h";
  EXPECT_EQ(block_mask<AnyOf<' '>>(words.data()), 0b0101'0101'0001'1010u);
  EXPECT_EQ(block_mask<Not<AnyOf<' '>>>(words.data()), 0b1010'1010'1110'0101u);
}

// A pair is marked where its first byte stands, also in the last place of
// the block, whose second byte is the 17th; half a pair is not.
TEST(ByteScan, PairMaskMarksWherePairsStart) {
  for (unsigned at = 0; at < 16; ++at) {
    for (unsigned b = 0; b < 256; ++b) {
      ExactBuffer bytes(17);
      bytes.fill('x');
      bytes[at] = 'a';
      bytes[at + 1] = static_cast<char>(b);
      unsigned expected = b == 'u' || b == 'y' ? 1u << at : 0u;
      EXPECT_EQ((pair_mask<Pair<'a', 'u'>, Pair<'a', 'y'>, Pair<'p', 'o'>>(bytes.begin())), expected)
          << b << " after a at " << at;
    }
  }
  std::string_view words = "author posted by";  // and the 17th byte, the closing NUL
  EXPECT_EQ((pair_mask<Pair<'a', 'u'>, Pair<'p', 'o'>, Pair<'b', 'y'>>(words.data())), 0b0100'0000'1000'0001u);
}

// Every byte value counted once at each position of buffers of every length
// (in a block or in the tail), among fillers of its own class or not.
TEST(ByteScan, CountEachCountsTheBytesOfEveryClassInOnePass) {
  using Control = Either<InRange<0x00, 0x08>, AnyOf<0x7F>>;
  for (size_t length : kLengths) {
    for (unsigned char filler : {'a', '\0', '\xC3'}) {
      ExactBuffer buffer(length);
      for (size_t at = 0; at < length && at <= 40; ++at) {
        for (unsigned b = 0; b < 256; ++b) {
          buffer.fill(filler);
          buffer[at] = static_cast<char>(b);
          std::string_view s(buffer.begin(), length);
          size_t nuls = (filler == 0 ? length - 1 : 0) + (b == 0);
          size_t controls = (filler == 0 ? length - 1 : 0) + (b <= 8 || b == 0x7F);
          size_t high = (filler >= 0x80 ? length - 1 : 0) + (b >= 0x80);
          auto [nul_count, control_count, high_count] = count_each<AnyOf<0>, Control, NonAscii>(s);
          ASSERT_EQ(nul_count, nuls) << b << " at " << at << " of " << length;
          ASSERT_EQ(control_count, controls) << b << " at " << at << " of " << length;
          ASSERT_EQ(high_count, high) << b << " at " << at << " of " << length;
        }
      }
    }
  }
  EXPECT_EQ(count_each<AnyOf<' '>>(std::string_view(std::string(8192, ' ')))[0], 8192u);
  EXPECT_EQ(count_each<AnyOf<' '>>(std::string_view())[0], 0u);
}

TEST(ByteScan, FindNonAsciiFindsTheFirstByteFrom0x80) {
  auto high = [](unsigned char b) { return b >= 0x80; };
  EXPECT_EQ(first_miss(find_non_ascii, high), "");
  // Past the first 16 bytes, it steps 64 at a time: a byte in any of the four
  // blocks of a step, or in the tail after the last step, is found.
  for (size_t length : {80u, 144u, 200u, 207u}) {
    ExactBuffer buffer(length);
    for (size_t at = 0; at < length; ++at) {
      buffer.fill('a');
      buffer[at] = '\xC3';
      EXPECT_EQ(static_cast<size_t>(find_non_ascii(buffer.begin(), buffer.end()) - buffer.begin()), at)
          << at << " of " << length;
    }
    buffer.fill('a');
    EXPECT_EQ(find_non_ascii(buffer.begin(), buffer.end()), buffer.end()) << length;
  }
}

TEST(ByteScan, HtmlSpaceStepsOverOtherControlBytes) {
  auto space = [](unsigned char b) { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'; };
  auto find = [](const char* p, const char* end) {
    return p + find_html_space(std::string_view(p, static_cast<size_t>(end - p)), 0);
  };
  EXPECT_EQ(first_miss(find, space), "");
  for (size_t shift = 0; shift < 40; ++shift) {
    std::string value = std::string(shift, 'a') + "\x01\v\x1F" + std::string(shift, 'b') + "\fc";
    EXPECT_EQ(find_html_space(value, 0), 2 * shift + 3) << shift;
    EXPECT_EQ(find_html_space(value, 2 * shift + 4), value.size()) << shift;
  }
}

}  // namespace
