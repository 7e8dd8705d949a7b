// lede clean --jsonl as a user runs it on a corpus: order kept, site lines
// cut, counts saved for the next run.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

TEST(CleanCli, JsonlCorpusKeepsOrderAndCutsSiteLines) {
  std::string dir = lede::test::scratch_dir("clean_cli_jsonl");
  std::string corpus;
  for (int i = 0; i < 6; ++i) {
    corpus += "{\"id\":\"p" + std::to_string(i) + "\",\"url\":\"https://news.example/a" + std::to_string(i) +
              "\",\"text\":\"Morning briefing delivered daily\\nStory number " + std::string(1, char('a' + i)) +
              " tells of the harbour, its ferries and the people who work there.\"}\n";
  }
  lede::test::write_file(dir + "/corpus.jsonl", corpus);
  std::string command = "cd '" + dir + "' && '" + LEDE_CLI_PATH +
                        "' clean --jsonl -q -j2 --site-stats sites.txt corpus.jsonl -o out.jsonl";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::string out = lede::test::read_file(dir + "/out.jsonl");
  EXPECT_LT(out.find("\"id\":\"p0\""), out.find("\"id\":\"p5\""));
  EXPECT_NE(out.find("\"reason\":\"repeated on this site\""), std::string::npos);
  EXPECT_NE(out.find("\"text\":\"Story number a tells"), std::string::npos);  // the body starts after the cut
  EXPECT_FALSE(lede::test::read_file(dir + "/sites.txt").empty());
}

}  // namespace

namespace {

// A corpus with a record too big to clean in bounded memory: the limit is
// the user's to set, and the record skipped is counted, not lost silently.
TEST(CleanCli, RecordsOverTheSizeLimitAreSkippedAndCounted) {
  std::string dir = lede::test::scratch_dir("clean_cli_size_limit");
  std::string big;
  for (int i = 0; i < 100; ++i) big += "The council met again and the harbour stayed closed. ";
  lede::test::write_file(dir + "/corpus.jsonl",
                         "{\"id\":\"small\",\"text\":\"The ferries will run every ten minutes from May, "
                         "the port said on Monday.\"}\n{\"id\":\"big\",\"text\":\"" + big + "\"}\n");
  std::string command = "cd '" + dir + "' && '" + LEDE_CLI_PATH +
                        "' clean --jsonl --no-site --max-record-size 2K corpus.jsonl -o out.jsonl 2> err.txt";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::string out = lede::test::read_file(dir + "/out.jsonl");
  EXPECT_NE(out.find("\"id\":\"small\""), std::string::npos) << out;
  EXPECT_EQ(out.find("\"id\":\"big\""), std::string::npos) << out;
  std::string summary = lede::test::read_file(dir + "/err.txt");
  EXPECT_NE(summary.find("2 records read: 1 cleaned, 1 skipped (record over the size limit: 1)"), std::string::npos)
      << summary;
}

TEST(CleanCli, JsonlRecordsKeepTheirOtherMembers) {
  std::string dir = lede::test::scratch_dir("clean_cli_members");
  lede::test::write_file(
      dir + "/corpus.jsonl",
      R"({"id":7,"lang":"en","meta":{"crawl":"2024-10","tags":["a","b"]},"score":1.50,"title":"old",)"
      R"("content":"Share on Facebook\nThe harbour ferries will run every ten minutes from May, )"
      R"(the port said on Monday."})"
      "\n");
  std::string command = "cd '" + dir + "' && '" + LEDE_CLI_PATH +
                        "' clean --jsonl -q --no-site --text-field content corpus.jsonl -o out.jsonl";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::string out = lede::test::read_file(dir + "/out.jsonl");
  EXPECT_EQ(out.rfind(R"({"id":7,"lang":"en","meta":{"crawl":"2024-10","tags":["a","b"]},"score":1.50,)", 0), 0u)
      << out;
  EXPECT_NE(out.find(R"("content":"The harbour ferries will run)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("reason":"share prompt")"), std::string::npos) << out;
  EXPECT_EQ(out.find(R"("title":"old")"), std::string::npos) << out;  // replaced by the recovered one
  EXPECT_EQ(out.find(R"("source":)"), std::string::npos) << out;     // the record, not extract's provenance
}

}  // namespace

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
constexpr bool kSanitized = __has_feature(address_sanitizer);
#else
constexpr bool kSanitized = false;
#endif

// Paragraphs of made-up words from a vocabulary of some thousands, some
// ending a sentence: a document no cut shortens much, so that the output is
// about as large as the input.
std::string made_up_document(size_t bytes) {
  uint64_t state = 12345;
  auto next = [&](uint64_t range) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % range;
  };
  std::vector<std::string> vocabulary(20000);
  for (std::string& word : vocabulary) {
    for (size_t letters = 2 + next(9); word.size() < letters;) word += static_cast<char>('a' + next(26));
  }
  std::string text;
  while (text.size() < bytes) {
    for (size_t words = 5 + next(60); words > 0; --words) {
      text += vocabulary[next(vocabulary.size())];
      text += words > 1 ? ' ' : next(2) ? '.' : '\n';
    }
    if (text.back() == '.') text += '\n';
  }
  return text;
}

// Peak resident memory of `lede clean FILE`, in bytes.
size_t clean_peak_memory(const std::string& path) {
  pid_t child = fork();
  if (child == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(127);
    execl(LEDE_CLI_PATH, LEDE_CLI_PATH, "clean", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (child < 0 || wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return static_cast<size_t>(-1);
  }
  return static_cast<size_t>(usage.ru_maxrss) * 1024;
}

// Issue 6: `lede clean --jsonl` cleans a document per thread, so each one's
// peak multiplies; a huge document must not take many times its size.
TEST(CleanCli, HugeDocumentPeaksWithinThreeTimesItsSize) {
  if (kSanitized) GTEST_SKIP() << "the sanitizers' shadow memory is not the program's";
  std::string dir = lede::test::scratch_dir("clean_cli_huge");
  std::string document = made_up_document(size_t{16} << 20);
  lede::test::write_file(dir + "/huge.txt", document);
  size_t baseline = size_t{12} << 20;  // the program and its tables, on any input
  EXPECT_LE(clean_peak_memory(dir + "/huge.txt"), 3 * document.size() + baseline);
}

}  // namespace
