#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <zlib.h>

#include "io/input.h"

namespace lede::test {

std::string eval_data_dir() { return std::string(LEDE_SOURCE_DIR) + "/../shared/eval/data"; }

std::string scratch_dir(const std::string& name) {
  // ctest runs each test in a process of its own, in parallel: tests sharing a
  // helper (and so a name) would empty each other's folder. The test's own
  // name keeps them apart.
  std::string folder = name;
  if (const auto* test = ::testing::UnitTest::GetInstance()->current_test_info())
    folder += std::string("-") + test->test_suite_name() + "." + test->name();
  std::filesystem::path dir = std::filesystem::path(LEDE_BINARY_DIR) / "test-scratch" / folder;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string eval_page(const std::string& set, const std::string& id) {
  return io::read_input(eval_data_dir() + "/" + set + "/html/" + id + ".html.gz");
}

std::string gzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace lede::test
