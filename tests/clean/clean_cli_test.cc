// lede clean --jsonl as a user runs it on a corpus: order kept, site lines
// cut, counts saved for the next run.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>

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
