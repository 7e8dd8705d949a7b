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
