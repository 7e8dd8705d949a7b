// The batch pipeline as crawl users rely on it: every record accounted for,
// output in input order whatever the thread count, whole lines only.
#include "batch/pipeline.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <atomic>
#include <string>
#include <vector>

#include "io/input.h"
#include "render/json_writer.h"
#include "test_support.h"

namespace lede::batch {
namespace {

using test::read_file;
using test::scratch_dir;
using test::write_file;

std::string story(int n) {
  std::string paragraph = "<p>Story " + std::to_string(n) +
                          ": the harbour board of Kessel agreed on Monday to dredge the northern basin, "
                          "a job the fishing fleet has asked for since the storms of last winter silted "
                          "it up. Work starts in the spring and will take two months.</p>";
  return "<html><head><title>Harbour " + std::to_string(n) + "</title></head><body><nav><a href='/'>Home</a></nav>"
         "<article><h1>Harbour " + std::to_string(n) + "</h1>" + paragraph + paragraph + "</article></body></html>";
}

std::string jsonl_record(const std::string& id, const std::string& url, const std::string& html) {
  std::string line;
  render::JsonWriter json(line);
  json.begin_object();
  json.field("id", std::string_view(id));
  json.field("url", std::string_view(url));
  json.field("html", std::string_view(html));
  json.end_object();
  return line + "\n";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct BatchRun {
  Stats stats;
  std::vector<std::string> lines;
  std::vector<std::string> errors;
};

BatchRun run(const std::vector<std::string>& inputs, BatchOptions options, const std::string& out_path) {
  BatchRun result;
  std::atomic<bool> stop{false};
  {
    io::LineWriter out(out_path);
    result.stats = run_batch(
        inputs, options, out, [&](const std::string& e) { result.errors.push_back(e); }, nullptr, stop);
    out.finish();
  }
  result.lines = lines_of(read_file(out_path));
  return result;
}

// A JSONL file of `count` pages, with a broken line and a line without html.
std::string corpus(const std::string& dir, int count) {
  std::string jsonl;
  for (int i = 0; i < count; ++i) {
    jsonl += jsonl_record("page-" + std::to_string(i), "https://kessel.example/" + std::to_string(i), story(i));
    if (i == 3) jsonl += "{\"id\": \"broken\", \"html\": \"<p>unterminated\n";
    if (i == 5) jsonl += "{\"id\": 77, \"body\": \"<p>no html member</p>\"}\n";
  }
  write_file(dir + "/pages.jsonl", jsonl);
  return dir + "/pages.jsonl";
}

TEST(Batch, EveryJsonlRecordIsExtractedOrCountedAsFailed) {
  std::string dir = scratch_dir("batch_jsonl");
  BatchRun r = run({corpus(dir, 8)}, {}, dir + "/out.jsonl");
  EXPECT_EQ(r.stats.read, 10u);
  EXPECT_EQ(r.stats.extracted, 8u);
  EXPECT_EQ(r.stats.failed.at("malformed JSONL record"), 2u);
  EXPECT_EQ(r.stats.read, r.stats.extracted + r.stats.skipped_total() + r.stats.failed_total());
  ASSERT_EQ(r.lines.size(), 10u);  // failures have their line too
  EXPECT_NE(r.lines[0].find("\"id\":\"page-0\""), std::string::npos) << r.lines[0];
  EXPECT_NE(r.lines[0].find("\"url\":\"https://kessel.example/0\""), std::string::npos);
  EXPECT_NE(r.lines[0].find("\"line\":1"), std::string::npos);
  EXPECT_NE(r.lines[0].find("dredge the northern basin"), std::string::npos);
  EXPECT_NE(r.lines[4].find("\"error\""), std::string::npos) << r.lines[4];
  EXPECT_NE(r.lines[7].find("no string member \\\"html\\\""), std::string::npos) << r.lines[7];
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].find("pages.jsonl:5"), std::string::npos) << r.errors[0];
}

TEST(Batch, OutputIsTheSameInInputOrderWhateverTheThreadCount) {
  std::string dir = scratch_dir("batch_order");
  std::string jsonl = corpus(dir, 40);
  for (int i = 0; i < 5; ++i) write_file(dir + "/page" + std::to_string(i) + ".html", story(100 + i));
  std::vector<std::string> inputs = io::expand_inputs({dir});
  ASSERT_EQ(inputs.size(), 6u);  // five pages and the JSONL file
  BatchOptions one, four;
  one.threads = 1;
  four.threads = 4;
  BatchRun a = run(inputs, one, dir + "/one.out");
  BatchRun b = run(inputs, four, dir + "/four.out");
  EXPECT_EQ(a.stats.read, 47u);
  EXPECT_EQ(read_file(dir + "/one.out"), read_file(dir + "/four.out"));
}

TEST(Batch, AllRecordsListsSkippedOnesWithTheReason) {
  std::string dir = scratch_dir("batch_skipped");
  std::string big = jsonl_record("big", "", story(1) + std::string(5000, ' '));
  write_file(dir + "/in.jsonl", jsonl_record("small", "", story(2)) + big);
  BatchOptions options;
  options.sources.max_record_bytes = 4000;
  BatchRun quiet = run({dir + "/in.jsonl"}, options, dir + "/quiet.out");
  EXPECT_EQ(quiet.stats.skipped.at("record over the size limit"), 1u);
  EXPECT_EQ(quiet.lines.size(), 1u);
  options.all_records = true;
  BatchRun all = run({dir + "/in.jsonl"}, options, dir + "/all.out");
  ASSERT_EQ(all.lines.size(), 2u);
  EXPECT_NE(all.lines[1].find("\"skipped\":\"record over the size limit ("), std::string::npos) << all.lines[1];
}

TEST(Batch, AStoppedRunWritesWholeLinesOnly) {
  std::string dir = scratch_dir("batch_stop");
  std::string jsonl = corpus(dir, 30);
  std::atomic<bool> stop{false};
  int seen = 0;
  io::LineWriter out(dir + "/out.jsonl");
  BatchOptions options;
  options.in_flight_bytes = 4096;  // the reader waits for the writer
  Stats stats = run_batch(
      {jsonl}, options, out, [](const std::string&) {},
      [&](const Stats& s) {
        if (s.read >= 3 && ++seen) stop = true;
      },
      stop);
  out.finish();
  EXPECT_TRUE(stats.interrupted);
  EXPECT_LT(stats.read, 32u);
  std::string written = read_file(dir + "/out.jsonl");
  ASSERT_FALSE(written.empty());
  EXPECT_EQ(written.back(), '\n');
  EXPECT_EQ(lines_of(written).size(), stats.read);
}

TEST(Batch, AnUnreadableInputIsOneFailedRecord) {
  std::string dir = scratch_dir("batch_missing");
  BatchRun r = run({dir + "/missing.warc.gz"}, {}, dir + "/out.jsonl");
  EXPECT_EQ(r.stats.read, 1u);
  EXPECT_EQ(r.stats.failed.at("unreadable input"), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("missing.warc.gz"), std::string::npos);
}

TEST(Batch, InputKindIsRecognisedByContent) {
  std::string dir = scratch_dir("batch_kind");
  write_file(dir + "/a.dat", "  {\"html\": \"<p>x</p>\"}\n");
  write_file(dir + "/b.dat", test::gzip("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  write_file(dir + "/c.dat", "<!doctype html><p>x</p>");
  EXPECT_EQ(input_kind(dir + "/a.dat"), InputKind::jsonl);
  EXPECT_EQ(input_kind(dir + "/b.dat"), InputKind::warc);
  EXPECT_EQ(input_kind(dir + "/c.dat"), InputKind::html);
}

TEST(Batch, StatsSummaryAndJsonAgree) {
  Stats stats;
  stats.read = 5;
  stats.extracted = 3;
  stats.skipped["not HTML"] = 1;
  stats.failed["malformed WARC record"] = 1;
  stats.seconds = 2;
  EXPECT_EQ(stats.summary(),
            "5 records read: 3 extracted, 1 skipped (not HTML: 1), 1 failed (malformed WARC record: 1) in 2.0 s");
  EXPECT_EQ(stats.summary("cleaned").substr(0, 28), "5 records read: 3 cleaned, 1");
  EXPECT_EQ(stats.to_json(),
            "{\"read\":5,\"extracted\":3,\"skipped\":1,\"failed\":1,\"skipped_by_reason\":{\"not HTML\":1},"
            "\"failed_by_reason\":{\"malformed WARC record\":1},\"input_bytes\":0,\"seconds\":2,\"interrupted\":false}");
}

}  // namespace
}  // namespace lede::batch
