// JSONL output files: compressed by extension, sharded, never half written.
#include "io/output.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <filesystem>

#include "io/input.h"
#include "io/jsonl.h"
#include "lede/lede.h"
#include "test_support.h"

namespace lede::io {
namespace {

using test::read_file;
using test::scratch_dir;

std::string zstd_decompress(const std::string& data) {
  unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  std::string out(size == ZSTD_CONTENTSIZE_UNKNOWN ? 1 << 20 : size, '\0');
  size_t got = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
  EXPECT_FALSE(ZSTD_isError(got));
  out.resize(ZSTD_isError(got) ? 0 : got);
  return out;
}

TEST(LineWriter, CompressesByExtension) {
  std::string dir = scratch_dir("output_compress");
  for (std::string name : {"out.jsonl", "out.jsonl.gz", "out.jsonl.zst"}) {
    LineWriter out(dir + "/" + name);
    out.write_line("{\"a\":1}");
    out.write_line("{\"b\":2}");
    out.finish();
  }
  EXPECT_EQ(read_file(dir + "/out.jsonl"), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(read_input(dir + "/out.jsonl.gz"), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(zstd_decompress(read_file(dir + "/out.jsonl.zst")), "{\"a\":1}\n{\"b\":2}\n");
}

TEST(LineWriter, ShardsAreNumberedBeforeTheExtension) {
  EXPECT_EQ(shard_path("crawl/out.jsonl.gz", 3), "crawl/out-00003.jsonl.gz");
  EXPECT_EQ(shard_path("out", 12), "out-00012");
  EXPECT_EQ(shard_path("./a.b/out.jsonl", 0), "./a.b/out-00000.jsonl");
  std::string dir = scratch_dir("output_shards");
  LineWriter out(dir + "/out.jsonl", 2);
  for (int i = 0; i < 5; ++i) out.write_line(std::to_string(i));
  out.finish();
  EXPECT_EQ(read_file(dir + "/out-00000.jsonl"), "0\n1\n");
  EXPECT_EQ(read_file(dir + "/out-00001.jsonl"), "2\n3\n");
  EXPECT_EQ(read_file(dir + "/out-00002.jsonl"), "4\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/out-00003.jsonl"));
}

TEST(LineWriter, AFileAppearsOnlyWhenComplete) {
  std::string dir = scratch_dir("output_atomic");
  {
    LineWriter out(dir + "/out.jsonl");
    out.write_line("{}");
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.jsonl"));
  }  // abandoned: no file, no temporary
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.jsonl"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.jsonl.tmp"));
}

// Renaming a finished file over /dev/null would replace the device with
// that file (as root), and every later "> /dev/null" would fill the disk.
TEST(LineWriter, WritesStraightIntoADeviceAndLeavesItADevice) {
  ASSERT_TRUE(std::filesystem::is_character_file("/dev/null"));
  EXPECT_EQ(temporary_path("/dev/null"), "/dev/null");
  {
    LineWriter out("/dev/null");
    out.write_line("{}");
    out.finish();
  }
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
  std::string file = scratch_dir("output_device") + "/out.jsonl";
  EXPECT_EQ(temporary_path(file), file + ".tmp");
}

TEST(LineReader, ReadsPlainGzipAndZstdLines) {
  std::string dir = scratch_dir("line_reader");
  std::string text = "{\"html\":\"a\"}\r\n\n{\"html\":\"b\"}";  // CRLF, a blank line, no final newline
  test::write_file(dir + "/plain.jsonl", text);
  test::write_file(dir + "/gz.jsonl.gz", test::gzip(text));
  std::string zst(ZSTD_compressBound(text.size()), '\0');
  zst.resize(ZSTD_compress(zst.data(), zst.size(), text.data(), text.size(), 3));
  test::write_file(dir + "/z.jsonl.zst", zst);
  for (std::string name : {"plain.jsonl", "gz.jsonl.gz", "z.jsonl.zst"}) {
    LineReader reader(dir + "/" + name, 1000);
    std::string line, problem;
    std::vector<std::string> lines;
    while (reader.next(line, problem) == LineReader::Status::line) lines.push_back(line);
    EXPECT_EQ(lines, (std::vector<std::string>{"{\"html\":\"a\"}", "", "{\"html\":\"b\"}"})) << name;
  }
}

TEST(LineReader, TruncatedGzipFailsAndLongLinesAreSkipped) {
  std::string dir = scratch_dir("line_reader_bad");
  std::string text = std::string(3000, 'x') + "\nshort\n";
  std::string gz = test::gzip(text + std::string(100000, 'y'));
  test::write_file(dir + "/cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  test::write_file(dir + "/long.jsonl", text);
  LineReader long_lines(dir + "/long.jsonl", 1000);
  std::string line, problem;
  EXPECT_EQ(long_lines.next(line, problem), LineReader::Status::too_long);
  EXPECT_NE(problem.find("long.jsonl:1: line over 1000 bytes"), std::string::npos) << problem;
  EXPECT_EQ(long_lines.next(line, problem), LineReader::Status::line);
  EXPECT_EQ(line, "short");
  LineReader cut(dir + "/cut.jsonl.gz", 1 << 20);
  LineReader::Status status;
  while ((status = cut.next(line, problem)) != LineReader::Status::end && status != LineReader::Status::failed) {
  }
  EXPECT_EQ(status, LineReader::Status::failed);
  EXPECT_NE(problem.find("cut.jsonl.gz"), std::string::npos) << problem;
}

}  // namespace
}  // namespace lede::io
