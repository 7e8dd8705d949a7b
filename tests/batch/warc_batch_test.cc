// WARC files through the batch pipeline: which records become articles, what
// each line says about its record, and that nothing goes missing.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "batch/pipeline.h"
#include "io/warc_writer.h"
#include "test_support.h"

namespace lede::batch {
namespace {

using test::WarcCompression;
using test::WarcRecordSpec;

std::string record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block) {
  WarcRecordSpec spec;
  spec.type = type;
  spec.target_uri = uri;
  spec.content_type = content_type;
  spec.block = block;
  return test::warc_record(spec);
}

std::string response(const std::string& uri, const std::string& http) {
  return record("response", uri, "application/http; msgtype=response", http);
}

// A crawl as Common Crawl writes one, with the records an extractor must
// pass over: a warcinfo, a request, a 404, an image, a resource page, a
// chunked gzip-encoded page, and a cut-off record.
std::vector<std::string> crawl_records() {
  std::string page = test::eval_page("l3s-gn1", "01ccc7c5-a1d1-46e1-a5f7-43310df16575");
  std::string chunked;
  std::string gz = test::gzip_member(page);
  for (size_t at = 0; at < gz.size(); at += 4000) {
    std::string chunk = gz.substr(at, 4000);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    chunked += size + chunk + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string chunked_http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                             "Content-Encoding: gzip\r\n\r\n" + chunked;
  return {
      record("warcinfo", "", "application/warc-fields", "software: t\r\n"),
      record("request", "https://a.example/1", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\n\r\n"),
      response("https://a.example/1", test::http_message(test::eval_page("wcxb-dev", "0010"))),
      response("https://a.example/gone", test::http_message("<p>gone</p>", "", "HTTP/1.1 404 Not Found")),
      response("https://a.example/logo.png",
               "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG"),
      record("resource", "file:///page.html", "text/html", test::eval_page("cleaneval", "final-290")),
      response("https://b.example/chunked", chunked_http),
  };
}

struct Collected {
  Stats stats;
  std::string output;
  std::vector<std::string> errors;
};

Collected run_on(const std::string& path, unsigned threads, bool all_records) {
  Collected c;
  BatchOptions options;
  options.threads = threads;
  options.all_records = all_records;
  std::atomic<bool> stop{false};
  std::string out = path + ".j" + std::to_string(threads) + (all_records ? "a" : "") + ".jsonl";
  {
    io::LineWriter writer(out);
    c.stats = run_batch({path}, options, writer, [&](const std::string& e) { c.errors.push_back(e); }, nullptr,
                        stop);
    writer.finish();
  }
  c.output = test::read_file(out);
  return c;
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(WarcBatch, OnlyHtmlResponsesBecomeArticlesAndEveryRecordIsCounted) {
  std::string dir = test::scratch_dir("warc_batch");
  for (WarcCompression compression :
       {WarcCompression::gzip_per_record, WarcCompression::zstd_per_record, WarcCompression::none}) {
    test::WarcFile file = test::build_warc(crawl_records(), compression);
    std::string path = dir + "/crawl" + std::to_string(int(compression)) + ".warc";
    test::write_file(path, file.bytes);
    Collected c = run_on(path, 2, false);
    EXPECT_EQ(c.stats.read, 7u);
    EXPECT_EQ(c.stats.extracted, 3u);
    EXPECT_EQ(c.stats.skipped.at("not a response or resource record"), 2u);
    EXPECT_EQ(c.stats.skipped.at("HTTP status not 200"), 1u);
    EXPECT_EQ(c.stats.skipped.at("not HTML"), 1u);
    EXPECT_EQ(c.stats.failed_total(), 0u);
    EXPECT_EQ(count_of(c.output, "\n"), 3u);
    // The first article's line: where it came from, then what it says.
    std::string first = c.output.substr(0, c.output.find('\n'));
    EXPECT_NE(first.find("\"offset\":" + std::to_string(file.offsets[2]) + ","), std::string::npos) << first;
    EXPECT_NE(first.find("\"url\":\"https://a.example/1\",\"warc_record_id\":\"<urn:test:https://a.example/1>\","
                         "\"warc_date\":\"2024-05-01T12:00:00Z\",\"http_status\":200,\"content_type\":\"text/html\""),
              std::string::npos)
        << first;
    EXPECT_NE(first.find("\"title\":\"These are the best major appliances of 2025\""), std::string::npos);
    EXPECT_NE(c.output.find("\"url\":\"https://b.example/chunked\""), std::string::npos);
  }
}

TEST(WarcBatch, SkippedRecordsAreListedWhenAskedAndThreadsDoNotChangeTheOutput) {
  std::string dir = test::scratch_dir("warc_batch_all");
  std::string path = dir + "/crawl.warc.gz";
  test::write_file(path, test::build_warc(crawl_records(), WarcCompression::gzip_per_record).bytes);
  Collected one = run_on(path, 1, true);
  Collected three = run_on(path, 3, true);
  EXPECT_EQ(one.output, three.output);
  EXPECT_EQ(count_of(one.output, "\n"), 7u);
  EXPECT_NE(one.output.find("\"http_status\":404,\"content_type\":\"text/html\",\"skipped\":\"HTTP status not 200 (404)\""),
            std::string::npos)
      << one.output.substr(0, 2000);
  EXPECT_NE(one.output.find("\"skipped\":\"not HTML (image/png)\""), std::string::npos);
  EXPECT_NE(one.output.find("\"skipped\":\"not a response or resource record (request)\""), std::string::npos);
}

TEST(WarcBatch, ARecordWithoutAnIdIsNamedByItsPlace) {
  std::string dir = test::scratch_dir("warc_batch_no_id");
  std::string http = test::http_message(test::eval_page("wcxb-dev", "0010"));
  std::string record = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\n"
                       "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                       std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  test::write_file(dir + "/no-id.warc", record);
  Collected c = run_on(dir + "/no-id.warc", 1, false);
  EXPECT_EQ(c.stats.extracted, 1u);
  EXPECT_TRUE(c.output.starts_with("{\"id\":\"" + dir + "/no-id.warc:0\",")) << c.output.substr(0, 200);
}

TEST(WarcBatch, DamageIsReportedWithTheFileAndTheRestIsRead) {
  std::string dir = test::scratch_dir("warc_batch_damage");
  std::vector<std::string> records = crawl_records();
  test::WarcFile file = test::build_warc(records, WarcCompression::gzip_per_record);
  // Garbage inside the third record's gzip member: that record fails, the
  // others are still read.
  std::string damaged = file.bytes;
  for (size_t i = file.offsets[2] + 100; i < file.offsets[2] + 140; ++i) damaged[i] = 'x';
  test::write_file(dir + "/damaged.warc.gz", damaged);
  Collected c = run_on(dir + "/damaged.warc.gz", 2, false);
  EXPECT_EQ(c.stats.failed.at("malformed WARC record"), 1u);
  EXPECT_EQ(c.stats.extracted, 2u);
  EXPECT_EQ(c.stats.read, c.stats.extracted + c.stats.skipped_total() + c.stats.failed_total());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("damaged.warc.gz: "), std::string::npos) << c.errors[0];
  EXPECT_NE(c.output.find("\"error\":"), std::string::npos);
  // Cut short in the last record: the records before it are all there.
  test::write_file(dir + "/cut.warc.gz", file.bytes.substr(0, file.bytes.size() - 500));
  Collected cut = run_on(dir + "/cut.warc.gz", 1, false);
  EXPECT_EQ(cut.stats.extracted, 2u);
  EXPECT_EQ(cut.stats.failed_total(), 1u);
}

}  // namespace
}  // namespace lede::batch
