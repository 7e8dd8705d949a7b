#include "io/input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "lede/lede.h"
#include "test_support.h"

namespace lede::io {
namespace {

using test::gzip;


// The message of the lede::Error that reading `path` raises.
std::string read_error(const std::string& path, size_t max_bytes = kMaxInputBytes) {
  try {
    read_input(path, max_bytes);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

std::string page(int i) {
  return "<html><body><p>page " + std::to_string(i) + "</p></body></html>";
}

TEST(IoReadInput, PlainFile) {
  std::string dir = test::scratch_dir("io_plain");
  test::write_file(dir + "/a.html", page(1));
  EXPECT_EQ(read_input(dir + "/a.html"), page(1));
}

TEST(IoReadInput, GzipIsDetectedByMagicNotName) {
  std::string dir = test::scratch_dir("io_gzip");
  test::write_file(dir + "/a.html.gz", gzip(page(1)));
  test::write_file(dir + "/b.html", gzip(page(2)));
  test::write_file(dir + "/c.html.gz", page(3));  // named .gz, stored plain
  EXPECT_EQ(read_input(dir + "/a.html.gz"), page(1));
  EXPECT_EQ(read_input(dir + "/b.html"), page(2));
  EXPECT_EQ(read_input(dir + "/c.html.gz"), page(3));
}

TEST(IoReadInput, MultiMemberGzipIsConcatenated) {
  std::string dir = test::scratch_dir("io_multi");
  test::write_file(dir + "/m.html.gz", gzip(page(1)) + gzip(page(2)) + std::string(8, '\0'));
  EXPECT_EQ(read_input(dir + "/m.html.gz"), page(1) + page(2));
  // The output is first sized by the last member's trailer: a small last
  // member, or a large one, must not cut or pad what the others give.
  std::string tail = "<p>tail</p>";
  test::write_file(dir + "/small_last.html.gz", gzip(page(1)) + gzip(page(2)) + gzip(tail));
  EXPECT_EQ(read_input(dir + "/small_last.html.gz"), page(1) + page(2) + tail);
  test::write_file(dir + "/large_last.html.gz", gzip(tail) + gzip(page(1)));
  EXPECT_EQ(read_input(dir + "/large_last.html.gz"), tail + page(1));
}

TEST(IoReadInput, TruncatedGzipNamesThePath) {
  std::string dir = test::scratch_dir("io_truncated");
  std::string compressed = gzip(std::string(5000, 'x') + page(1));
  test::write_file(dir + "/t.html.gz", compressed.substr(0, compressed.size() - 12));
  EXPECT_EQ(read_error(dir + "/t.html.gz"), dir + "/t.html.gz: truncated gzip data");
  // A second member cut short is truncated too.
  test::write_file(dir + "/t2.html.gz", compressed + compressed.substr(0, 20));
  EXPECT_EQ(read_error(dir + "/t2.html.gz"), dir + "/t2.html.gz: truncated gzip data");
}

TEST(IoReadInput, CorruptGzipNamesThePath) {
  std::string dir = test::scratch_dir("io_corrupt");
  std::string compressed = gzip(page(1));
  compressed[compressed.size() - 8] ^= 0x55;  // the CRC in the trailer
  test::write_file(dir + "/c.html.gz", compressed);
  std::string message = read_error(dir + "/c.html.gz");
  EXPECT_TRUE(message.starts_with(dir + "/c.html.gz: corrupt gzip data")) << message;
}

TEST(IoReadInput, MissingFileAndFolderAreErrors) {
  std::string dir = test::scratch_dir("io_missing");
  EXPECT_EQ(read_error(dir + "/nope.html"), dir + "/nope.html: No such file or directory");
  EXPECT_EQ(read_error(dir), dir + ": Is a directory");
}

TEST(IoReadInput, InputsOverTheLimitAreRefused) {
  std::string dir = test::scratch_dir("io_limit");
  test::write_file(dir + "/big.html", std::string(2000, 'x'));
  EXPECT_EQ(read_error(dir + "/big.html", 1000),
            dir + "/big.html: input larger than the 1000 bytes limit");
  EXPECT_EQ(read_input(dir + "/big.html", 2000).size(), 2000u);
  // A small file that inflates past the limit (a gzip bomb) stops early.
  std::string bomb = gzip(std::string(size_t{4} << 20, '\0'));
  ASSERT_LT(bomb.size(), 64u * 1024);
  test::write_file(dir + "/bomb.html.gz", bomb);
  EXPECT_EQ(read_error(dir + "/bomb.html.gz", size_t{1} << 20),
            dir + "/bomb.html.gz: larger than the 1 MB limit once decompressed");
  EXPECT_EQ(read_input(dir + "/bomb.html.gz").size(), size_t{4} << 20);
}

TEST(IoExpandInputs, FoldersGiveTheirPagesRecursivelySorted) {
  std::string dir = test::scratch_dir("io_expand");
  std::filesystem::create_directories(dir + "/sub/deeper");
  for (const char* name : {"b.html", "a.htm", "c.html.gz", "d.htm.gz", "E.HTML", "notes.txt",
                           "archive.tar.gz", "sub/x.html", "sub/deeper/y.htm", "sub/z.json"}) {
    test::write_file(dir + "/" + name, page(0));
  }
  std::vector<std::string> expected = {dir + "/E.HTML",       dir + "/a.htm",
                                       dir + "/b.html",       dir + "/c.html.gz",
                                       dir + "/d.htm.gz",     dir + "/sub/deeper/y.htm",
                                       dir + "/sub/x.html"};
  EXPECT_EQ(expand_inputs({dir}), expected);
}

TEST(IoExpandInputs, FilesStdinAndMissingPathsStayInOrder) {
  std::string dir = test::scratch_dir("io_expand_files");
  test::write_file(dir + "/page.txt", page(0));
  std::filesystem::create_directories(dir + "/folder");
  test::write_file(dir + "/folder/p.html", page(0));
  std::vector<std::string> given = {dir + "/page.txt", "-", dir + "/missing.html", dir + "/folder"};
  std::vector<std::string> expected = {dir + "/page.txt", "-", dir + "/missing.html",
                                       dir + "/folder/p.html"};
  EXPECT_EQ(expand_inputs(given), expected);
}

TEST(IoInputId, FileNameWithoutDirectoriesAndExtensions) {
  EXPECT_EQ(input_id("data/html/0001.html.gz"), "0001");
  EXPECT_EQ(input_id("/abs/page.htm"), "page");
  EXPECT_EQ(input_id("x/Page.HTML"), "Page");
  EXPECT_EQ(input_id("dir/page.txt"), "page.txt");
  EXPECT_EQ(input_id("dump.gz"), "dump");
  EXPECT_EQ(input_id("a.b.html"), "a.b");
  EXPECT_EQ(input_id("-"), "stdin");
}

}  // namespace
}  // namespace lede::io
