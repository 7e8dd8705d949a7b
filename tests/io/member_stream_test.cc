#include "io/member_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/warc_writer.h"
#include "test_support.h"

namespace lede::io {
namespace {

// Three members of a real page each, as a crawl holds them.
std::vector<std::string> pages() {
  return {test::eval_page("wcxb-dev", "0001"), test::eval_page("wcxb-dev", "0002"),
          test::eval_page("wcxb-dev", "0003")};
}

std::string compressed(const std::vector<std::string>& parts, bool zstd) {
  std::string out;
  for (const std::string& part : parts) out += zstd ? test::zstd_frame(part) : test::gzip_member(part);
  return out;
}

// Pieces taken with read() (decoded straight into the caller's memory past
// what peek() decoded ahead, and into spare room after it) and with peek() in
// between give every byte once, in order, across member boundaries, and
// member offsets stay known.
TEST(IoMemberStream, ReadingPiecesPastTheReadAheadGivesEveryByteInOrder) {
  std::vector<std::string> parts = pages();
  std::string whole = parts[0] + parts[1] + parts[2];
  for (bool zstd : {false, true}) {
    SCOPED_TRACE(zstd ? "zstd" : "gzip");
    std::string bytes = compressed(parts, zstd);
    std::unique_ptr<MemberStream> stream = MemberStream::open_memory(bytes, size_t{1} << 20);
    stream->set_read_ahead(512);
    std::string got;
    for (size_t piece = 100;; piece *= 3) {
      std::string_view ahead = stream->peek();
      if (ahead.empty()) break;
      EXPECT_LE(ahead.size(), 512u);
      got.push_back(ahead[0]);
      stream->consume(1);
      // Spare room after the piece: what is decoded into it is given next.
      std::string into(piece + 64, '\0');
      into.resize(stream->read(into.data(), piece, 64));
      got += into;
    }
    EXPECT_FALSE(stream->failed()) << stream->failure();
    EXPECT_TRUE(got == whole) << got.size() << " bytes of " << whole.size();
    EXPECT_EQ(stream->position(), whole.size());
    uint64_t second = compressed({parts[0]}, zstd).size();
    EXPECT_EQ(stream->member_offset(parts[0].size() + 1), second);
  }
}

// A corrupt member met while decoding into the caller's memory ends the
// read there: the good member's bytes are given, the failure names the bad one.
TEST(IoMemberStream, ACorruptMemberStopsAReadShort) {
  std::vector<std::string> parts = pages();
  std::string good = test::gzip_member(parts[0]);
  std::string bad = test::gzip_member(parts[1]);
  bad[bad.size() / 2] ^= 0x55;
  bad[bad.size() / 2 + 1] ^= 0x55;
  std::string bytes = good + bad;
  std::unique_ptr<MemberStream> stream = MemberStream::open_memory(bytes, size_t{1} << 20);
  stream->set_read_ahead(64);
  std::string into(parts[0].size() + parts[1].size() + 100, '\0');
  size_t got = stream->read(into.data(), into.size());
  EXPECT_GE(got, parts[0].size());
  EXPECT_LT(got, into.size());
  EXPECT_EQ(into.substr(0, parts[0].size()), parts[0]);
  EXPECT_TRUE(stream->peek().empty());
  EXPECT_TRUE(stream->failed());
  EXPECT_EQ(stream->failure_member(), good.size()) << stream->failure();
}

}  // namespace
}  // namespace lede::io
