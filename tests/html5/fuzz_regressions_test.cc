// Inputs the parser fuzzer (fuzz/run.sh) found a fault with, replayed as the
// fuzzer runs them: the files under tests/html5/fuzz_regressions/, named after
// the fault. Plus the fault's smallest form, with the tree it must give.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "html5/parser.h"
#include "test_support.h"

namespace lede::html5 {
namespace {

std::string regressions_dir() {
  return std::string(LEDE_SOURCE_DIR) + "/tests/html5/fuzz_regressions";
}

// What fuzz/parse_fuzzer.cc does with an input (its fragment context aside).
void parse_as_the_fuzzer_does(const std::string& bytes) {
  decode::Decoded page = decode::to_utf8(bytes, {});
  EXPECT_FALSE(dump_tree(parse_document(page.text)).empty());
  if (bytes.empty()) return;
  decode::Decoded rest = decode::to_utf8(std::string_view(bytes).substr(1), {});
  dump_tree(parse_fragment(rest.text, "body"));
}

TEST(FuzzRegressions, EveryFoundInputParsesQuickly) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(regressions_dir()))
    inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty()) << "no inputs in " << regressions_dir();
  for (const auto& path : inputs) {
    auto start = std::chrono::steady_clock::now();
    parse_as_the_fuzzer_does(test::read_file(path.string()));
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::seconds(10)) << path.filename().string();
  }
}

// A selectedcontent inside the selected option is disabled: copying the
// option into it would copy the copy forever.
TEST(FuzzRegressions, SelectedcontentInsideTheOptionStaysEmpty) {
  EXPECT_EQ(dump_tree(parse_document("<select><option>x<selectedcontent>")),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <select>\n"
            "|       <option>\n"
            "|         \"x\"\n"
            "|         <selectedcontent>\n");
}

}  // namespace
}  // namespace lede::html5
