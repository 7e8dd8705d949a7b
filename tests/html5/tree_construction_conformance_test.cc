// Runs html5lib's tree construction tests (../shared/html5lib-tests/
// tree-construction/*.dat) through lede's parser: every test but those that
// need scripting, fragments through the fragment algorithm. Prints the pass
// count of each file and fails below the target rate.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "html5/parser.h"
#include "test_support.h"

namespace lede::html5 {
namespace {

constexpr double kTargetPassRate = 0.995;
constexpr int kFailuresShown = 30;

struct TreeTest {
  int line = 0;
  std::string data;
  std::string fragment_context;
  bool has_fragment = false;
  bool script_on = false;
  std::string document;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) out += '\n';
    out += lines[i];
  }
  return out;
}

// The .dat format: "#data", the input, "#errors" (and "#new-errors") lines,
// optionally "#document-fragment" and its context, "#script-off" or
// "#script-on", then "#document" and the expected dump up to a blank line
// before the next "#data".
std::vector<TreeTest> parse_dat(const std::string& text) {
  std::vector<std::string> lines = split_lines(text);
  std::vector<TreeTest> tests;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i] != "#data") {
      ++i;
      continue;
    }
    TreeTest test;
    test.line = static_cast<int>(i + 1);
    size_t start = ++i;
    while (i < lines.size() && lines[i] != "#errors") ++i;
    test.data = join(lines, start, i);
    while (i < lines.size() && lines[i] != "#document") {
      if (lines[i] == "#document-fragment" && i + 1 < lines.size()) {
        test.has_fragment = true;
        test.fragment_context = lines[++i];
      } else if (lines[i] == "#script-on") {
        test.script_on = true;
      }
      ++i;
    }
    start = ++i;
    while (i < lines.size() && lines[i] != "#data") ++i;
    size_t end = i;
    if (end > start && lines[end - 1].empty()) --end;
    test.document = join(lines, start, end) + "\n";
    tests.push_back(std::move(test));
  }
  return tests;
}

std::string tree_tests_dir() {
  return std::string(LEDE_SOURCE_DIR) + "/../shared/html5lib-tests/tree-construction";
}

TEST(TreeConstructionConformance, Html5libTreeTests) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(tree_tests_dir()))
    if (entry.path().extension() == ".dat") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no .dat files in " << tree_tests_dir();

  int total = 0, passed = 0, shown = 0;
  for (const auto& path : files) {
    int file_total = 0, file_passed = 0;
    for (const TreeTest& test : parse_dat(test::read_file(path.string()))) {
      if (test.script_on) continue;
      ++file_total;
      dom::Document doc = test.has_fragment ? parse_fragment(test.data, test.fragment_context)
                                            : parse_document(test.data);
      std::string got = dump_tree(doc);
      if (got == test.document) {
        ++file_passed;
      } else if (shown++ < kFailuresShown) {
        std::cout << "FAIL " << path.filename().string() << ":" << test.line << "\n"
                  << test.data << "\n--- expected\n" << test.document << "--- got\n"
                  << got << "\n";
      }
    }
    std::cout << path.filename().string() << ": " << file_passed << "/" << file_total << "\n";
    total += file_total;
    passed += file_passed;
  }
  double rate = total ? static_cast<double>(passed) / total : 0;
  std::cout << "tree construction: " << passed << "/" << total << " (" << rate * 100 << "%)\n";
  EXPECT_GE(rate, kTargetPassRate);
}

}  // namespace
}  // namespace lede::html5
