// One unit of batch work: a page to extract, or an input record that is not
// one (skipped, or failed to read), so that every record read is accounted for.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/byte_buffer.h"

namespace lede::batch {

enum class Outcome { page, skipped, failed };

struct Record {
  uint64_t seq = 0;          // input order
  Outcome outcome = Outcome::page;
  std::string reason;        // skipped or failed: the category counted in the stats
  std::string detail;        // and the message for this record
  std::string source;        // the input file
  std::string id;
  // The page's bytes, for Outcome::page: `html`, or the WARC block it was
  // inflated into, from html_start on (a WARC response keeps its HTTP
  // headers before them rather than copy the page).
  std::string html;
  util::ByteBuffer warc_block;
  size_t html_start = 0;
  std::string url;           // the crawled address, when the input gives it
  std::string charset;       // the transport's charset hint
  std::string members;       // JSONL with SourceOptions::pass_members: the other members, as written
  // Where the record came from: a WARC record, or a JSONL line.
  bool from_warc = false;
  uint64_t offset = 0;       // WARC: the record's offset in the file
  uint64_t line = 0;         // JSONL: the line number
  std::string warc_record_id, warc_date, content_type;
  int http_status = 0;

  std::string_view page() const {
    return (warc_block.empty() ? std::string_view(html) : warc_block.view()).substr(html_start);
  }
  size_t size() const {
    return html.size() + warc_block.size() + detail.size() + url.size() + members.size() + 256;
  }
};

// The members a --jsonl line starts with: where the record came from. Calls
// `member(name, value)` for each, in output order, with a std::string_view or
// a uint64_t value: the CLI writes them as JSON, the Python module as a dict.
template <class Member>
void for_each_provenance(const Record& r, Member&& member) {
  member("id", std::string_view(r.id));
  member("source", std::string_view(r.source));
  if (r.from_warc) {
    member("offset", r.offset);
  } else if (r.line) {
    member("line", r.line);
  }
  if (!r.url.empty()) member("url", std::string_view(r.url));
  if (r.from_warc && !r.warc_record_id.empty()) {
    member("warc_record_id", std::string_view(r.warc_record_id));
    member("warc_date", std::string_view(r.warc_date));
    if (r.http_status) member("http_status", static_cast<uint64_t>(r.http_status));
    if (!r.content_type.empty()) member("content_type", std::string_view(r.content_type));
  }
}

}  // namespace lede::batch
