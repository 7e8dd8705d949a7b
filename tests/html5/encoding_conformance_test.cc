// Runs html5lib's encoding tests (../shared/html5lib-tests/encoding/*.dat):
// each gives a page's bytes and the encoding a browser ends up with, scripting
// off and no transport label. That encoding comes from the standard's sniffing
// (BOM, prescan of 1024 bytes, default windows-1252) and then from the tree
// builder, which changes a tentative encoding when it inserts a <meta> that
// declares one. Prints pass counts per file, for the sniffing alone and with
// the tree builder's change, and fails below the target rate.
// scripted/*.dat needs document.write and is skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "html5/parser.h"
#include "test_support.h"

namespace lede::html5 {
namespace {

constexpr double kTargetPassRate = 0.95;
constexpr int kFailuresShown = 10;

struct EncodingTest {
  int line = 0;
  std::string data;
  std::string expected;  // lower-cased
};

std::string to_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return text;
}

// The .dat format: "#data", the page's lines, "#encoding", the expected
// encoding's name on the next line.
std::vector<EncodingTest> parse_dat(const std::string& text) {
  std::vector<EncodingTest> tests;
  size_t pos = 0;
  int line = 1;
  auto next_line = [&]() {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string result = text.substr(pos, end - pos);
    pos = std::min(end + 1, text.size());
    ++line;
    return result;
  };
  while (pos < text.size()) {
    if (next_line() != "#data") continue;
    EncodingTest test;
    test.line = line - 1;
    bool first = true;
    while (pos < text.size()) {
      std::string data_line = next_line();
      if (data_line == "#encoding") break;
      if (!first) test.data += '\n';
      test.data += data_line;
      first = false;
    }
    test.expected = to_lower(next_line());
    tests.push_back(std::move(test));
  }
  return tests;
}

// The first <meta> the tree builder inserts that declares an encoding
// changes a tentative one (and makes it certain).
std::string_view declared_in_tree(const dom::Document& doc) {
  for (dom::Node* node : dom::subtree(doc.root())) {
    if (!node->is(dom::Tag::meta)) continue;
    std::string_view declared = decode::encoding_declared_by_meta(
        node->attr("charset"), node->attr("http-equiv"), node->attr("content"));
    if (!declared.empty()) return declared;
  }
  return {};
}

std::string encoding_after_parsing(const std::string& bytes) {
  decode::Sniffed sniffed = decode::sniff_encoding(bytes, {});
  if (sniffed.confidence == decode::Confidence::certain) return std::string(sniffed.encoding);
  decode::Decoded decoded = decode::to_utf8(bytes, sniffed.encoding);
  std::string_view declared = declared_in_tree(parse_document(decoded.text));
  return std::string(declared.empty() ? sniffed.encoding : declared);
}

std::string encoding_tests_dir() {
  return std::string(LEDE_SOURCE_DIR) + "/../shared/html5lib-tests/encoding";
}

TEST(EncodingConformance, Html5libEncodingTests) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(encoding_tests_dir()))
    if (entry.path().extension() == ".dat") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no .dat files in " << encoding_tests_dir();

  int total = 0, passed = 0, shown = 0;
  for (const auto& path : files) {
    int file_total = 0, file_passed = 0, sniffed_passed = 0;
    for (const EncodingTest& test : parse_dat(test::read_file(path.string()))) {
      ++file_total;
      if (decode::sniff_encoding(test.data, {}).encoding == test.expected) ++sniffed_passed;
      std::string got = encoding_after_parsing(test.data);
      if (got == test.expected) {
        ++file_passed;
      } else if (shown++ < kFailuresShown) {
        std::cout << "FAIL " << path.filename().string() << ":" << test.line << " expected "
                  << test.expected << ", got " << got << "\n"
                  << test.data.substr(0, 300) << "\n";
      }
    }
    std::cout << path.filename().string() << ": " << file_passed << "/" << file_total
              << " (prescan alone: " << sniffed_passed << ")\n";
    total += file_total;
    passed += file_passed;
  }
  double rate = total ? static_cast<double>(passed) / total : 0;
  std::cout << "encoding: " << passed << "/" << total << " (" << rate * 100 << "%)\n";
  EXPECT_GE(rate, kTargetPassRate);
}

// html5lib's detector test: undeclared Big5 text. The standard leaves
// detection to the browser; lede's decoding does it (the sniffing alone
// would say windows-1252).
TEST(EncodingConformance, Html5libChardetBig5) {
  std::string bytes = test::read_file(encoding_tests_dir() + "/chardet/test_big5.txt");
  EXPECT_EQ(decode::to_utf8(bytes, {}).encoding, "big5");
}

}  // namespace
}  // namespace lede::html5
