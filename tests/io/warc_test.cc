#include "io/warc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/warc_writer.h"
#include "lede/lede.h"
#include "test_support.h"

namespace lede::io {
namespace {

using test::WarcCompression;
using test::WarcRecordSpec;

struct ReadAll {
  std::vector<WarcRecord> records;
  std::vector<WarcRecord> too_large;
  std::vector<std::string> malformed;  // the problems
  std::vector<uint64_t> malformed_offsets;
};

ReadAll read_all(WarcReader& reader) {
  ReadAll all;
  WarcRecord record;
  std::string problem;
  for (int call = 0; call < 100000; ++call) {
    switch (reader.next(record, problem)) {
      case WarcReader::Status::record:
        EXPECT_TRUE(problem.empty()) << problem;
        all.records.push_back(std::move(record));
        break;
      case WarcReader::Status::too_large:
        EXPECT_TRUE(record.block.empty());
        all.too_large.push_back(std::move(record));
        break;
      case WarcReader::Status::malformed:
        EXPECT_FALSE(problem.empty());
        all.malformed.push_back(problem);
        all.malformed_offsets.push_back(record.offset);
        break;
      case WarcReader::Status::end:
        return all;
    }
  }
  ADD_FAILURE() << "the reader never reached its end";
  return all;
}

ReadAll read_bytes(std::string_view bytes, size_t buffer_bytes, size_t max_block = 64 << 20) {
  WarcReader reader(WarcReader::Memory{bytes, buffer_bytes}, max_block);
  return read_all(reader);
}

std::string joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& problem : problems) out += "\n  " + problem;
  return out;
}

// A crawl as Common Crawl writes it, from real pages: warcinfo, then a
// request and a response per page, and an empty metadata record.
const std::vector<WarcRecordSpec>& crawl() {
  static const std::vector<WarcRecordSpec> specs = [] {
    std::vector<WarcRecordSpec> out;
    out.push_back({"warcinfo", "", "<urn:uuid:info>", "application/warc-fields",
                   "software: lede-test\r\nformat: WARC File Format 1.0\r\n"});
    for (const char* id : {"0001", "0002", "0003", "0004"}) {
      std::string uri = std::string("https://example.org/page/") + id;
      out.push_back({"request", uri, std::string("<urn:uuid:request-") + id + ">",
                     "application/http; msgtype=request",
                     "GET /page/" + std::string(id) + " HTTP/1.1\r\nHost: example.org\r\n\r\n"});
      out.push_back({"response", uri, std::string("<urn:uuid:response-") + id + ">",
                     "application/http; msgtype=response",
                     test::http_message(test::eval_page("wcxb-dev", id))});
    }
    out.push_back({"metadata", "https://example.org/page/0004", "<urn:uuid:metadata>",
                   "application/warc-fields", ""});
    return out;
  }();
  return specs;
}

std::vector<std::string> texts(const std::vector<WarcRecordSpec>& specs) {
  std::vector<std::string> out;
  for (const WarcRecordSpec& spec : specs) out.push_back(test::warc_record(spec));
  return out;
}

void expect_same(const WarcRecord& got, const WarcRecordSpec& spec) {
  EXPECT_EQ(got.type, spec.type);
  EXPECT_EQ(got.target_uri, spec.target_uri);
  EXPECT_EQ(got.record_id, spec.record_id);
  EXPECT_EQ(got.content_type, spec.content_type);
  EXPECT_EQ(got.date, "2024-05-01T12:00:00Z");
  EXPECT_EQ(got.length, spec.block.size());
  EXPECT_TRUE(got.block == spec.block) << spec.record_id << ": block differs";
}

// Every record but those in `lost` read intact and in order, `malformed`
// problems reported, and every record written accounted for.
void expect_outcome(const ReadAll& all, const std::vector<WarcRecordSpec>& specs,
                    const std::vector<size_t>& lost, size_t malformed) {
  std::vector<std::string> expected_ids, got_ids;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (std::find(lost.begin(), lost.end(), i) == lost.end()) expected_ids.push_back(specs[i].record_id);
  }
  for (const WarcRecord& record : all.records) got_ids.push_back(record.record_id);
  EXPECT_EQ(got_ids, expected_ids) << joined(all.malformed);
  for (const WarcRecord& record : all.records) {
    for (const WarcRecordSpec& spec : specs) {
      if (spec.record_id == record.record_id) expect_same(record, spec);
    }
  }
  EXPECT_EQ(all.malformed.size(), malformed) << joined(all.malformed);
  EXPECT_GE(all.records.size() + all.too_large.size() + all.malformed.size(), specs.size());
}

const WarcCompression kCompressions[] = {WarcCompression::none, WarcCompression::gzip_per_record,
                                         WarcCompression::gzip_whole,
                                         WarcCompression::zstd_per_record};

std::string name_of(WarcCompression compression) {
  switch (compression) {
    case WarcCompression::none: return "plain";
    case WarcCompression::gzip_per_record: return "gzip per record";
    case WarcCompression::gzip_whole: return "whole-file gzip";
    case WarcCompression::zstd_per_record: return "zstd per record";
  }
  return "";
}

// --- Formats and offsets ---

struct FormatCase {
  WarcCompression compression;
  std::string dictionary;  // zstd only
  bool compressed_dictionary = false;
};

void expect_reads_back(const FormatCase& format) {
  SCOPED_TRACE(name_of(format.compression) + (format.dictionary.empty() ? "" : " with a dictionary"));
  test::WarcFile file = test::build_warc(texts(crawl()), format.compression, format.dictionary);
  if (format.compressed_dictionary) {
    // The dictionary frame may hold the dictionary zstd-compressed.
    std::string packed = test::zstd_dictionary_frame(test::zstd_frame(format.dictionary));
    size_t plain_frame = 8 + format.dictionary.size();
    file.bytes = packed + file.bytes.substr(plain_frame);
    for (uint64_t& offset : file.offsets) offset = offset - plain_frame + packed.size();
  }
  std::string dir = test::scratch_dir("warc_formats");
  test::write_file(dir + "/crawl.warc", file.bytes);

  WarcReader reader(dir + "/crawl.warc", 64 << 20);
  ReadAll from_file = read_all(reader);
  expect_outcome(from_file, crawl(), {}, 0);
  ASSERT_EQ(from_file.records.size(), file.offsets.size());
  for (size_t i = 0; i < file.offsets.size(); ++i) {
    EXPECT_EQ(from_file.records[i].offset, file.offsets[i]) << "record " << i;
  }
  EXPECT_EQ(reader.bytes_read(), file.bytes.size());
  EXPECT_EQ(reader.file_size(), file.bytes.size());

  // Small buffers put every boundary (lines, headers, members) across refills.
  for (size_t buffer : {size_t{1}, size_t{100}, size_t{4096}}) {
    ReadAll from_memory = read_bytes(file.bytes, buffer);
    expect_outcome(from_memory, crawl(), {}, 0);
    for (size_t i = 0; i < from_memory.records.size() && i < file.offsets.size(); ++i) {
      EXPECT_EQ(from_memory.records[i].offset, file.offsets[i]) << "record " << i;
    }
  }
}

TEST(IoWarcReader, ReadsPlainFiles) { expect_reads_back({WarcCompression::none, ""}); }
TEST(IoWarcReader, ReadsGzipPerRecordWithMemberOffsets) {
  expect_reads_back({WarcCompression::gzip_per_record, ""});
}
TEST(IoWarcReader, ReadsWholeFileGzip) { expect_reads_back({WarcCompression::gzip_whole, ""}); }
TEST(IoWarcReader, ReadsZstdPerRecordWithFrameOffsets) {
  expect_reads_back({WarcCompression::zstd_per_record, ""});
}
TEST(IoWarcReader, ReadsWarcZstdWithADictionaryFrame) {
  std::string dictionary = test::eval_page("wcxb-dev", "0005").substr(0, 32 << 10);
  expect_reads_back({WarcCompression::zstd_per_record, dictionary});
  expect_reads_back({WarcCompression::zstd_per_record, dictionary, true});
}

TEST(IoWarcReader, RecognisesCompressionByContentNotName) {
  std::string dir = test::scratch_dir("warc_names");
  test::WarcFile gzip = test::build_warc(texts(crawl()), WarcCompression::gzip_per_record);
  test::write_file(dir + "/crawl.warc.zst", gzip.bytes);
  WarcReader reader(dir + "/crawl.warc.zst", 64 << 20);
  expect_outcome(read_all(reader), crawl(), {}, 0);
}

TEST(IoWarcReader, HeaderSyntax) {
  // WARC/1.1, field names in any case, a continuation line, <> around the URI,
  // an empty block, bare LF line ends.
  std::string text =
      "WARC/1.1\r\nwarc-type: resource\r\nWARC-TARGET-URI: <http://example.org/a>\r\n"
      "warc-record-id: <urn:x>\r\nContent-type: text/html\r\n  ; charset=utf-8\r\n"
      "X-Note: part one\r\n\tpart two\r\ncontent-LENGTH:5\r\n\r\nhello\r\n\r\n"
      "WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
      "WARC/1.0\nWARC-Type: response\nContent-Length: 3\n\nabc\n\n";
  ReadAll all = read_bytes(text, 4096);
  ASSERT_EQ(all.records.size(), 3u) << joined(all.malformed);
  EXPECT_TRUE(all.malformed.empty()) << joined(all.malformed);
  EXPECT_EQ(all.records[0].type, "resource");
  EXPECT_EQ(all.records[0].target_uri, "http://example.org/a");
  EXPECT_EQ(all.records[0].record_id, "<urn:x>");
  EXPECT_EQ(all.records[0].content_type, "text/html ; charset=utf-8");
  EXPECT_EQ(all.records[0].block, "hello");
  EXPECT_EQ(all.records[1].type, "metadata");
  EXPECT_EQ(all.records[1].block, "");
  EXPECT_EQ(all.records[1].offset, text.find("WARC/1.0\r\n"));
  EXPECT_EQ(all.records[2].block, "abc");
  EXPECT_EQ(all.records[2].offset, text.find("WARC/1.0\n"));
}

TEST(IoWarcReader, EmptyInputEndsAtOnce) {
  EXPECT_TRUE(read_bytes("", 4096).malformed.empty());
  ReadAll blank = read_bytes("\r\n\r\n", 4096);
  EXPECT_TRUE(blank.records.empty());
  EXPECT_TRUE(blank.malformed.empty());
}

TEST(IoWarcReader, AnHtmlPageIsOneMalformedStretch) {
  ReadAll all = read_bytes(test::eval_page("wcxb-dev", "0001"), 4096);
  EXPECT_TRUE(all.records.empty());
  ASSERT_EQ(all.malformed.size(), 1u) << joined(all.malformed);
  EXPECT_NE(all.malformed[0].find("not a WARC record at offset 0"), std::string::npos)
      << all.malformed[0];
}

TEST(IoWarcReader, UnreadablePathsThrowNamingThePath) {
  std::string dir = test::scratch_dir("warc_missing");
  try {
    WarcReader reader(dir + "/absent.warc.gz", 1 << 20);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("absent.warc.gz"), std::string::npos);
  }
  EXPECT_THROW(WarcReader(dir, 1 << 20), Error);
}

TEST(IoWarcReader, LooksLikeWarc) {
  EXPECT_TRUE(looks_like_warc("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  EXPECT_TRUE(looks_like_warc("WARC/1.1\r\n"));
  EXPECT_FALSE(looks_like_warc("<!DOCTYPE html>"));
  EXPECT_FALSE(looks_like_warc("WARC/0.17\r\n"));
  EXPECT_FALSE(looks_like_warc(""));
}

// --- Records over the size limit ---

TEST(IoWarcReader, RecordsOverTheLimitAreSkippedWithTheirHeaders) {
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(crawl()), compression);
    ReadAll all = read_bytes(file.bytes, 4096, 10000);  // every page is larger
    EXPECT_TRUE(all.malformed.empty()) << joined(all.malformed);
    ASSERT_EQ(all.too_large.size(), 4u);
    ASSERT_EQ(all.records.size(), crawl().size() - 4);
    for (size_t i = 0; i < 4; ++i) {
      const WarcRecordSpec& spec = crawl()[2 + 2 * i];
      EXPECT_EQ(all.too_large[i].type, "response");
      EXPECT_EQ(all.too_large[i].record_id, spec.record_id);
      EXPECT_EQ(all.too_large[i].target_uri, spec.target_uri);
      EXPECT_EQ(all.too_large[i].length, spec.block.size());
      EXPECT_EQ(all.too_large[i].offset, file.offsets[2 + 2 * i]);
      // The request after it is read whole.
      if (i < 3) expect_same(all.records[2 + i], crawl()[3 + 2 * i]);
    }
  }
}

TEST(IoWarcReader, AHugeRecordIsSkippedWithoutBeingHeld) {
  // 64 MB of block in a 64 KB gzip member: skipped in a 4 KB buffer, the
  // record after it read.
  std::vector<std::string> records = {
      test::warc_record({"resource", "http://example.org/huge", "<urn:huge>", "text/plain",
                         std::string(size_t{64} << 20, 'x')}),
      test::warc_record({"resource", "http://example.org/next", "<urn:next>", "text/plain", "next"})};
  test::WarcFile file = test::build_warc(records, WarcCompression::gzip_per_record);
  ReadAll all = read_bytes(file.bytes, 4096, 1 << 20);
  ASSERT_EQ(all.too_large.size(), 1u);
  EXPECT_EQ(all.too_large[0].length, size_t{64} << 20);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].block, "next");
  EXPECT_EQ(all.records[0].offset, file.offsets[1]);
}

// --- Malformed input: the same damage in every format ---

// The crawl with record `k`'s text changed by `damage`, read back in each format.
template <typename Damage>
void expect_damage(size_t k, Damage damage, const std::vector<size_t>& lost, size_t malformed,
                   const std::string& problem_part) {
  std::vector<std::string> records = texts(crawl());
  damage(records[k]);
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(records, compression);
    for (size_t buffer : {size_t{1} << 20, size_t{256}}) {
      ReadAll all = read_bytes(file.bytes, buffer);
      expect_outcome(all, crawl(), lost, malformed);
      if (all.malformed.empty()) continue;
      EXPECT_NE(all.malformed[0].find(problem_part), std::string::npos) << all.malformed[0];
      // The problem names where the record starts, and so does its offset.
      std::string at = "offset " + std::to_string(file.offsets[k]);
      EXPECT_NE(all.malformed[0].find(at), std::string::npos) << all.malformed[0];
      EXPECT_EQ(all.malformed_offsets[0], file.offsets[k]);
    }
  }
}

void replace(std::string& text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

std::string content_length_line(const std::string& record) {
  size_t at = record.find("Content-Length: ");
  return record.substr(at, record.find("\r\n", at) - at);
}

TEST(IoWarcReaderMalformed, HeaderLineWithoutColon) {
  expect_damage(3, [](std::string& r) { replace(r, "WARC-Date: ", "WARC-Date "); }, {3}, 1,
                "bad header line");
}

TEST(IoWarcReaderMalformed, MissingContentLength) {
  expect_damage(3, [](std::string& r) { replace(r, content_length_line(r) + "\r\n", ""); }, {3}, 1,
                "no Content-Length");
}

TEST(IoWarcReaderMalformed, NonNumericContentLength) {
  expect_damage(4, [](std::string& r) { replace(r, content_length_line(r), "Content-Length: 12a4"); },
                {4}, 1, "not a number");
}

TEST(IoWarcReaderMalformed, ContentLengthTooLargeSwallowingTheNextRecordsHeaders) {
  // The record after it is found again in the bytes read for the bad one.
  expect_damage(
      4,
      [](std::string& r) {
        std::string line = content_length_line(r);
        uint64_t length = std::stoull(line.substr(16));
        replace(r, line, "Content-Length: " + std::to_string(length + 150));
      },
      {4}, 1, "not followed by the blank lines");
}

TEST(IoWarcReaderMalformed, ContentLengthTooSmall) {
  expect_damage(
      4,
      [](std::string& r) {
        std::string line = content_length_line(r);
        uint64_t length = std::stoull(line.substr(16));
        replace(r, line, "Content-Length: " + std::to_string(length - 10));
      },
      {4}, 1, "not followed by the blank lines");
}

TEST(IoWarcReaderMalformed, ContentLengthPastTheEndOfTheFile) {
  // In the middle: the records it swallowed are found again.
  expect_damage(2, [](std::string& r) { replace(r, content_length_line(r), "Content-Length: 9000000"); },
                {2}, 1, "runs past the end of the data");
  // The last record.
  size_t last = crawl().size() - 1;
  expect_damage(last, [](std::string& r) { replace(r, "Content-Length: 0", "Content-Length: 100"); },
                {last}, 1, "runs past the end of the data");
}

TEST(IoWarcReaderMalformed, EveryBadRecordInsideASwallowingOneIsReportedOnce) {
  // The first record's Content-Length swallows the rest of the file: 300
  // records without Content-Length and a good one, all found again.
  std::string text = test::warc_record({"resource", "http://example.org/first", "<urn:first>",
                                        "text/plain", "first"});
  replace(text, "Content-Length: 5", "Content-Length: 9000000");
  for (int i = 0; i < 300; ++i) {
    text += "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:" + std::to_string(i) +
            ">\r\n\r\nno length\r\n\r\n";
  }
  text += test::warc_record({"resource", "http://example.org/last", "<urn:last>", "text/plain", "last"});
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    ReadAll all = read_bytes(test::build_warc({text}, compression).bytes, 4096);
    ASSERT_EQ(all.malformed.size(), 301u) << joined(all.malformed);
    EXPECT_NE(all.malformed[0].find("runs past the end of the data"), std::string::npos);
    EXPECT_NE(all.malformed[1].find("no Content-Length"), std::string::npos);
    ASSERT_EQ(all.records.size(), 1u);
    EXPECT_EQ(all.records[0].block, "last");
  }
}

TEST(IoWarcReaderMalformed, GarbageBetweenRecords) {
  // Garbage after record 2 (so before 3), with "WARC/1.0" inside a line: not a record start.
  std::vector<std::string> records = texts(crawl());
  records[2] += "this is no WARC record\r\nxx WARC/1.0 nor this\r\n";
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(records, compression);
    ReadAll all = read_bytes(file.bytes, 256);
    expect_outcome(all, crawl(), {}, 1);
    ASSERT_EQ(all.malformed.size(), 1u);
    EXPECT_NE(all.malformed[0].find("46 bytes that are not a WARC record"), std::string::npos)
        << all.malformed[0];
    // Where the garbage starts: in its member, or in the file.
    uint64_t garbage = compression == WarcCompression::none ? file.offsets[3] - 46 : file.offsets[2];
    EXPECT_EQ(all.malformed_offsets[0], garbage);
  }
}

TEST(IoWarcReaderMalformed, TruncatedFiles) {
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(crawl()), compression);
    // Cut in the middle of record 6 (or of the whole-file member).
    size_t cut = compression == WarcCompression::gzip_whole
                     ? file.bytes.size() / 2
                     : static_cast<size_t>((file.offsets[6] + file.offsets[7]) / 2);
    ReadAll all = read_bytes(std::string_view(file.bytes).substr(0, cut), 4096);
    ASSERT_EQ(all.malformed.size(), 1u) << joined(all.malformed);
    ASSERT_GE(all.records.size(), compression == WarcCompression::gzip_whole ? 1u : 6u);
    for (size_t i = 0; i < all.records.size(); ++i) expect_same(all.records[i], crawl()[i]);
    EXPECT_LT(all.records.size(), 7u);
    if (compression != WarcCompression::gzip_whole) {
      EXPECT_NE(all.malformed[0].find("offset " + std::to_string(file.offsets[6])), std::string::npos)
          << all.malformed[0];
    }
  }
}

// --- Malformed compressed data ---

TEST(IoWarcReaderMalformed, GarbageBetweenMembersOrFrames) {
  for (WarcCompression compression :
       {WarcCompression::gzip_per_record, WarcCompression::zstd_per_record}) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(crawl()), compression);
    std::string bytes = file.bytes;
    bytes.insert(static_cast<size_t>(file.offsets[5]), "garbage\x1F\x8B between members");
    ReadAll all = read_bytes(bytes, 4096);
    expect_outcome(all, crawl(), {}, 1);
    ASSERT_EQ(all.malformed.size(), 1u);
    EXPECT_NE(all.malformed[0].find("offset " + std::to_string(file.offsets[5])), std::string::npos)
        << all.malformed[0];
    EXPECT_EQ(all.malformed_offsets[0], file.offsets[5]);
  }
}

TEST(IoWarcReaderMalformed, TruncatedMemberOrFrameFollowedByAGoodOne) {
  for (WarcCompression compression :
       {WarcCompression::gzip_per_record, WarcCompression::zstd_per_record}) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(crawl()), compression);
    std::string bytes = file.bytes;
    // Record 4's member loses its last 100 bytes.
    bytes.erase(static_cast<size_t>(file.offsets[5]) - 100, 100);
    ReadAll all = read_bytes(bytes, 4096);
    expect_outcome(all, crawl(), {4}, 1);
    ASSERT_EQ(all.malformed.size(), 1u);
    EXPECT_NE(all.malformed[0].find("record at offset " + std::to_string(file.offsets[4])),
              std::string::npos)
        << all.malformed[0];
  }
}

TEST(IoWarcReaderMalformed, CorruptMemberOrFrame) {
  for (WarcCompression compression :
       {WarcCompression::gzip_per_record, WarcCompression::zstd_per_record}) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(crawl()), compression);
    std::string bytes = file.bytes;
    size_t middle = static_cast<size_t>((file.offsets[6] + file.offsets[7]) / 2);
    for (size_t i = middle; i < middle + 16; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    ReadAll all = read_bytes(bytes, 4096);
    expect_outcome(all, crawl(), {6}, 1);
    ASSERT_EQ(all.malformed.size(), 1u);
    EXPECT_NE(all.malformed[0].find("corrupt"), std::string::npos) << all.malformed[0];
  }
}

// One member for the whole file: nothing to resynchronise on. Corrupt
// deflate data can decode to junk for a while before the decoder notices, and
// the junk may be reported too; the decoder's failure ends the file.
TEST(IoWarcReaderMalformed, CorruptWholeFileGzipStopsAtTheFailure) {
  test::WarcFile file = test::build_warc(texts(crawl()), WarcCompression::gzip_whole);
  std::string bytes = file.bytes;
  for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 16; ++i) bytes[i] = '\0';
  ReadAll all = read_bytes(bytes, 4096);
  ASSERT_GE(all.malformed.size(), 1u);
  EXPECT_NE(all.malformed.back().find("gzip member at offset 0"), std::string::npos)
      << joined(all.malformed);
  ASSERT_GE(all.records.size(), 1u);
  for (size_t i = 0; i < all.records.size() && i < 4; ++i) expect_same(all.records[i], crawl()[i]);
}

TEST(IoWarcReaderMalformed, UnusableZstdDictionaryIsReportedOnce) {
  std::string dictionary = test::eval_page("wcxb-dev", "0005").substr(0, 32 << 10);
  test::WarcFile file = test::build_warc(texts(crawl()), WarcCompression::zstd_per_record, dictionary);
  // The dictionary frame claims more bytes than the file holds.
  std::string bytes = file.bytes;
  bytes[7] = '\x7F';
  ReadAll all = read_bytes(bytes, 4096);
  EXPECT_TRUE(all.records.empty());
  ASSERT_EQ(all.malformed.size(), 1u) << joined(all.malformed);
  EXPECT_NE(all.malformed[0].find("WARC-zstd dictionary"), std::string::npos) << all.malformed[0];
}

// Cut anywhere, each format: the records read are intact and in order, and
// every record that starts before the cut is read or reported.
TEST(IoWarcReaderMalformed, CutAtEveryByte) {
  std::vector<WarcRecordSpec> specs;
  for (int i = 0; i < 3; ++i) {
    std::string body(40 + 60 * i, static_cast<char>('a' + i));
    specs.push_back({"resource", "http://example.org/" + std::to_string(i),
                     "<urn:" + std::to_string(i) + ">", "text/plain", body});
  }
  for (WarcCompression compression : kCompressions) {
    SCOPED_TRACE(name_of(compression));
    test::WarcFile file = test::build_warc(texts(specs), compression);
    for (size_t cut = 0; cut <= file.bytes.size(); ++cut) {
      SCOPED_TRACE("cut at " + std::to_string(cut));
      ReadAll all = read_bytes(std::string_view(file.bytes).substr(0, cut), 64);
      ASSERT_LE(all.records.size(), specs.size());
      for (size_t i = 0; i < all.records.size(); ++i) expect_same(all.records[i], specs[i]);
      size_t started = 0;
      for (uint64_t offset : file.offsets) started += offset < cut ? 1 : 0;
      if (compression == WarcCompression::gzip_whole) started = cut > 0 ? 1 : 0;
      ASSERT_GE(all.records.size() + all.malformed.size(), started) << joined(all.malformed);
    }
  }
}

}  // namespace
}  // namespace lede::io
