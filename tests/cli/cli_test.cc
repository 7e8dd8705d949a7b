// The lede binary as a user runs it: exit codes, outputs, --jsonl lines.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "io/input.h"
#include "test_support.h"

namespace {

using lede::test::read_file;
using lede::test::write_file;
using lede::test::gzip;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `lede ARGS` through the shell (so ARGS may redirect stdin) in `dir`.
RunResult run_lede(const std::string& dir, const std::string& args) {
  std::string command = "cd '" + dir + "' && '" + LEDE_CLI_PATH + "' " + args +
                        " > cli.stdout 2> cli.stderr";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(dir + "/cli.stdout");
  result.err = read_file(dir + "/cli.stderr");
  return result;
}

std::string article_page(const std::string& topic) {
  std::string paragraph =
      "<p>The city council of Lindenfeld voted on Tuesday to rebuild the old " + topic +
      " bridge, a project residents have awaited for more than twenty years. The mayor said "
      "construction would begin next spring and that the river crossing would stay open to "
      "pedestrians throughout.</p>\n";
  return "<!DOCTYPE html><html><head><title>Council backs " + topic +
         " bridge</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
         "<article><h1>Council backs " + topic + " bridge</h1>" + paragraph + paragraph +
         paragraph + "</article><footer>Copyright Lindenfeld Gazette</footer></body></html>";
}


std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The string value of `"key"` in a one-line JSON object; our test values
// hold no escapes.
std::string json_field(const std::string& line, const std::string& key) {
  size_t at = line.find("\"" + key + "\"");
  if (at == std::string::npos) return "<no " + key + ">";
  at = line.find('"', line.find(':', at) + 1);
  if (at == std::string::npos) return "<no value>";
  return line.substr(at + 1, line.find('"', at + 1) - at - 1);
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = lede::test::scratch_dir(std::string("cli_") +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  RunResult run(const std::string& args) const { return run_lede(dir_, args); }

  std::string dir_;
};

TEST_F(Cli, HelpAndVersion) {
  RunResult help = run("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("lede extract"), std::string::npos);
  RunResult extract_help = run("extract --help");
  EXPECT_EQ(extract_help.exit_code, 0);
  EXPECT_NE(extract_help.out.find("--jsonl"), std::string::npos);
  EXPECT_NE(extract_help.out.find("form feed"), std::string::npos);
  RunResult version = run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(version.out.starts_with("lede ")) << version.out;
}

TEST_F(Cli, UsageErrorsExitWithTwo) {
  write_file(path("a.html"), article_page("stone"));
  write_file(path("b.html"), article_page("iron"));
  for (const std::string args :
       {"", "frobnicate a.html", "extract", "extract --bogus a.html", "extract --format pdf a.html",
        "extract a.html --format", "extract --precision --recall a.html",
        "extract --url https://example.org/x a.html b.html", "extract --links=yes a.html",
        "extract --jsonl --format txt a.html", "extract --with-markdown a.html"}) {
    RunResult result = run(args);
    EXPECT_EQ(result.exit_code, 2) << args;
    EXPECT_NE(result.err.find("Usage: lede extract"), std::string::npos) << args;
    EXPECT_EQ(result.out, "") << args;
  }
}

TEST_F(Cli, ExtractsOnePageAsText) {
  write_file(path("page.html"), article_page("stone"));
  RunResult result = run("extract page.html");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("rebuild the old stone bridge"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "");
}

// After "--" every argument is an input, so a file whose name starts with a
// dash can be read; before it, such a name is an unknown option.
TEST_F(Cli, DoubleDashEndsTheOptions) {
  write_file(path("-page.html"), article_page("stone"));
  EXPECT_EQ(run("extract -page.html").exit_code, 2);
  RunResult extract = run("extract --format json -- -page.html");
  EXPECT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_NE(extract.out.find("rebuild the old stone bridge"), std::string::npos) << extract.out;
  RunResult parse = run("parse --tree -- -page.html");
  EXPECT_EQ(parse.exit_code, 0) << parse.err;
  EXPECT_NE(parse.out.find("<article>"), std::string::npos) << parse.out;
  write_file(path("-notes.txt"), "A line of text that nobody would call chrome, as it says a whole thing.\n");
  RunResult clean = run("clean -- -notes.txt");
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_NE(clean.out.find("nobody would call chrome"), std::string::npos) << clean.out;
}

TEST_F(Cli, FailedInputIsNamedAndTheRunGoesOn) {
  write_file(path("good.html"), article_page("stone"));
  RunResult result = run("extract missing.html good.html");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("lede: missing.html: No such file or directory"), std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("rebuild the old stone bridge"), std::string::npos) << result.out;
}

TEST_F(Cli, JsonlGivesOneLinePerInputEvenForFailures) {
  write_file(path("good.html"), article_page("stone"));
  std::string compressed = gzip(article_page("iron"));
  write_file(path("cut.html.gz"), compressed.substr(0, compressed.size() / 2));
  write_file(path("photo.html"), std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  write_file(path("zipped.htm.gz"), gzip(article_page("iron")));
  RunResult result =
      run("extract --jsonl good.html missing.html cut.html.gz photo.html zipped.htm.gz");
  EXPECT_EQ(result.exit_code, 1);
  std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 5u) << result.out;
  const std::vector<std::string> ids = {"good", "missing", "cut", "photo", "zipped"};
  const std::vector<std::string> sources = {"good.html", "missing.html", "cut.html.gz",
                                            "photo.html", "zipped.htm.gz"};
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_TRUE(lines[i].starts_with("{") && lines[i].ends_with("}")) << lines[i];
    EXPECT_EQ(json_field(lines[i], "id"), ids[i]);
    EXPECT_EQ(json_field(lines[i], "source"), sources[i]);
  }
  EXPECT_EQ(lines[0].find("\"error\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("rebuild the old stone bridge"), std::string::npos) << lines[0];
  EXPECT_EQ(json_field(lines[1], "error"), "missing.html: No such file or directory");
  EXPECT_EQ(json_field(lines[2], "error"), "cut.html.gz: truncated gzip data");
  EXPECT_NE(json_field(lines[3], "error").find("binary"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("rebuild the old iron bridge"), std::string::npos) << lines[4];
  for (const char* failed : {"missing.html", "cut.html.gz", "photo.html"}) {
    EXPECT_NE(result.err.find(std::string("lede: ") + failed + ": "), std::string::npos) << failed;
  }
}

TEST_F(Cli, FolderInputIsExpandedInSortedOrder) {
  std::filesystem::create_directories(path("site/sub"));
  write_file(path("site/b.html"), article_page("stone"));
  write_file(path("site/sub/a.htm.gz"), gzip(article_page("iron")));
  write_file(path("site/notes.txt"), "not a page");
  RunResult result = run("extract --jsonl site");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 2u) << result.out;
  EXPECT_EQ(json_field(lines[0], "source"), "site/b.html");
  EXPECT_EQ(json_field(lines[1], "source"), "site/sub/a.htm.gz");
  EXPECT_EQ(json_field(lines[1], "id"), "a");
}

TEST_F(Cli, SeveralTextDocumentsAreSeparatedByAFormFeedLine) {
  write_file(path("one.html"), article_page("stone"));
  write_file(path("two.html"), article_page("iron"));
  RunResult result = run("extract one.html two.html");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  size_t separator = result.out.find("\n\f\n");
  ASSERT_NE(separator, std::string::npos) << result.out;
  EXPECT_NE(result.out.substr(0, separator).find("old stone bridge"), std::string::npos);
  EXPECT_NE(result.out.substr(separator).find("old iron bridge"), std::string::npos);
}

TEST_F(Cli, OutputOptionWritesTheFile) {
  write_file(path("page.html"), article_page("stone"));
  RunResult result = run("extract -o result.txt page.html");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(read_file(path("result.txt")).find("rebuild the old stone bridge"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path("result.txt.tmp")));
  RunResult jsonl = run("extract --jsonl --output=result.jsonl page.html");
  EXPECT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(lines_of(read_file(path("result.jsonl"))).size(), 1u);
}

TEST_F(Cli, ReadsStandardInputPlainOrGzipped) {
  write_file(path("page.html"), article_page("stone"));
  write_file(path("page.html.gz"), gzip(article_page("iron")));
  RunResult plain = run("extract - < page.html");
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("rebuild the old stone bridge"), std::string::npos) << plain.out;
  RunResult gzipped = run("extract --jsonl - < page.html.gz");
  EXPECT_EQ(gzipped.exit_code, 0) << gzipped.err;
  EXPECT_EQ(json_field(gzipped.out, "id"), "stdin");
  EXPECT_EQ(json_field(gzipped.out, "source"), "-");
  EXPECT_NE(gzipped.out.find("rebuild the old iron bridge"), std::string::npos) << gzipped.out;
}

TEST_F(Cli, JsonFormatsAndCharset) {
  write_file(path("latin1.html"), "<html><head><title>Caf\xE9</title></head><body><article><p>"
                                  "Le caf\xE9 du village a rouvert ses portes apr\xE8s des mois de "
                                  "travaux, pour le plus grand plaisir des habitants du "
                                  "quartier.</p></article></body></html>");
  RunResult json = run("extract --format json --charset latin1 latin1.html");
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(json.out.starts_with("{")) << json.out;
  EXPECT_NE(json.out.find("caf\xC3\xA9 du village"), std::string::npos) << json.out;
  RunResult with_markdown = run("extract --jsonl --with-markdown latin1.html");
  EXPECT_EQ(with_markdown.exit_code, 0) << with_markdown.err;
  EXPECT_NE(json_field(with_markdown.out, "markdown").find("village"), std::string::npos)
      << with_markdown.out;
}

TEST_F(Cli, ParseHelp) {
  RunResult main_help = run("--help");
  EXPECT_NE(main_help.out.find("lede parse"), std::string::npos) << main_help.out;
  RunResult help = run("parse --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--fragment CONTEXT"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("html5lib"), std::string::npos) << help.out;
}

TEST_F(Cli, ParseTreePrintsTheHtml5libDump) {
  write_file(path("page.html"), "<!DOCTYPE html><title>T</title><p class=x>One<b>two</p>");
  RunResult result = run("parse --tree page.html");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "| <!DOCTYPE html>\n"
            "| <html>\n"
            "|   <head>\n"
            "|     <title>\n"
            "|       \"T\"\n"
            "|   <body>\n"
            "|     <p>\n"
            "|       class=\"x\"\n"
            "|       \"One\"\n"
            "|       <b>\n"
            "|         \"two\"\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(Cli, ParseReadsStandardInputByDefaultAndGzip) {
  write_file(path("page.html.gz"), gzip("<p>zipped"));
  for (const std::string args : {"parse --tree < page.html.gz", "parse --tree - < page.html.gz"}) {
    RunResult result = run(args);
    EXPECT_EQ(result.exit_code, 0) << args << result.err;
    EXPECT_NE(result.out.find("|       \"zipped\"\n"), std::string::npos) << args << result.out;
  }
}

TEST_F(Cli, ParseFragmentInItsContext) {
  write_file(path("cells.html"), "<td>a</td><p>");
  RunResult row = run("parse --tree --fragment TR cells.html");
  EXPECT_EQ(row.exit_code, 0) << row.err;
  // Without a <table> to foster-parent before, the <p> lands at the top.
  EXPECT_EQ(row.out, "| <td>\n|   \"a\"\n| <p>\n");
  write_file(path("svg.html"), "<circle/><p>");
  RunResult svg = run("parse --tree --fragment='svg g' svg.html");
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_EQ(svg.out, "| <svg circle>\n| <p>\n");
}

TEST_F(Cli, ParseDecodesAsExtractDoes) {
  // "łódź" in ISO-8859-2, declared by the page or given on the command line.
  write_file(path("declared.html"), "<meta charset=iso-8859-2><p>\xB3\xF3\x64\xBC");
  RunResult declared = run("parse --tree declared.html");
  EXPECT_EQ(declared.exit_code, 0) << declared.err;
  EXPECT_NE(declared.out.find("\"\xC5\x82\xC3\xB3\x64\xC5\xBA\""), std::string::npos)
      << declared.out;
  write_file(path("plain.html"), "<p>\xB3\xF3\x64\xBC");
  RunResult given = run("parse --tree --charset latin2 plain.html");
  EXPECT_EQ(given.exit_code, 0) << given.err;
  EXPECT_NE(given.out.find("\"\xC5\x82\xC3\xB3\x64\xC5\xBA\""), std::string::npos) << given.out;
}

TEST_F(Cli, ParseErrors) {
  write_file(path("a.html"), "<p>a");
  for (const std::string args :
       {"parse a.html", "parse --tree a.html a.html", "parse --tree --fragment '' a.html",
        "parse --tree --fragment 'svg ' a.html", "parse --tree --fragment 'x y' a.html",
        "parse --tree --charset latin-1 a.html", "parse --tree --bogus a.html",
        "parse --tree=yes a.html", "parse --tree --fragment"}) {
    RunResult result = run(args);
    EXPECT_EQ(result.exit_code, 2) << args;
    EXPECT_NE(result.err.find("Try 'lede parse --help'"), std::string::npos) << args << result.err;
    EXPECT_EQ(result.out, "") << args;
  }
  RunResult missing = run("parse --tree missing.html");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "lede: missing.html: No such file or directory\n");
  EXPECT_EQ(missing.out, "");
}

}  // namespace

std::string jsonl_page(const std::string& id, const std::string& topic) {
  std::string html = article_page(topic);
  std::string escaped;
  for (char c : html) escaped += c == '"' ? std::string("\\\"") : c == '\n' ? std::string("\\n") : std::string(1, c);
  return "{\"id\":\"" + id + "\",\"url\":\"https://lindenfeld.example/" + id + "\",\"html\":\"" + escaped + "\"}\n";
}

TEST_F(Cli, JsonlInputGivesJsonlOutputAndASummary) {
  write_file(path("pages.jsonl"), jsonl_page("a", "stone") + "not json\n" + jsonl_page("b", "iron"));
  RunResult result = run("extract pages.jsonl");
  EXPECT_EQ(result.exit_code, 1);  // one record failed
  std::vector<std::string> lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 3u) << result.out;
  EXPECT_EQ(json_field(lines[0], "id"), "a");
  EXPECT_EQ(json_field(lines[0], "url"), "https://lindenfeld.example/a");
  EXPECT_NE(lines[0].find("rebuild the old stone bridge"), std::string::npos);
  EXPECT_NE(lines[1].find("\"error\""), std::string::npos);
  EXPECT_NE(result.err.find("lede: pages.jsonl:2: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("lede: 3 records read: 2 extracted, 0 skipped, 1 failed (malformed JSONL record: 1)"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(run("extract --format txt pages.jsonl").exit_code, 2);
  RunResult quiet = run("extract -q pages.jsonl");
  EXPECT_EQ(quiet.err.find("records read"), std::string::npos) << quiet.err;
}

TEST_F(Cli, ThreadCountDoesNotChangeTheOutput) {
  std::string jsonl;
  for (int i = 0; i < 30; ++i) jsonl += jsonl_page("p" + std::to_string(i), i % 2 ? "stone" : "iron");
  write_file(path("pages.jsonl"), jsonl);
  RunResult one = run("extract -j1 pages.jsonl -o one.jsonl.gz --stats one.json");
  RunResult two = run("extract -j 2 pages.jsonl -o two.jsonl.gz");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  std::string a = lede::io::read_input(path("one.jsonl.gz")), b = lede::io::read_input(path("two.jsonl.gz"));
  EXPECT_EQ(lines_of(a).size(), 30u);
  EXPECT_EQ(a, b);
  EXPECT_NE(read_file(path("one.json")).find("\"read\":30,\"extracted\":30,\"skipped\":0,\"failed\":0"),
            std::string::npos)
      << read_file(path("one.json"));
  for (const std::string args : {"extract -j0 pages.jsonl", "extract -j x pages.jsonl",
                                 "extract --max-record-size 12Q pages.jsonl"})
    EXPECT_EQ(run(args).exit_code, 2) << args;
}
