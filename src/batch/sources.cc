// Records from HTML files, WARC files and JSONL files.
#include "batch/sources.h"

#include <filesystem>
#include <string_view>

#include "io/http.h"
#include "io/input.h"
#include "io/member_stream.h"
#include "io/warc.h"
#include "lede/lede.h"

namespace lede::batch {

namespace {

// The first bytes of a file as its reader will see them, decompressed.
std::string decompressed_head(const std::string& path) {
  constexpr size_t kHeadBytes = 64;
  // A small buffer: the stream inflates until its buffer is full, and all of
  // that but the head would be inflated again by the reader.
  constexpr size_t kBufferBytes = 4096;
  std::unique_ptr<io::MemberStream> stream = io::MemberStream::open_file(path, kBufferBytes);
  return std::string(stream->peek().substr(0, kHeadBytes));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void read_html_file(const std::string& path, const std::function<void(Record&&)>& emit,
                    std::atomic<uint64_t>& bytes_read) {
  Record record;
  record.source = path;
  record.id = io::input_id(path);
  try {
    record.html = io::read_input(path);
  } catch (const std::exception& error) {
    record.outcome = Outcome::failed;
    record.reason = "unreadable input";
    record.detail = error.what();
  }
  std::error_code error;
  uintmax_t size = path == "-" ? 0 : std::filesystem::file_size(path, error);
  bytes_read += error ? 0 : size;
  emit(std::move(record));
}

bool is_html_type(std::string_view type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

// A body without a usable Content-Type is a page if it starts like one.
bool sniffs_as_html(std::string_view body) {
  size_t i = 0;
  if (body.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < body.size() && is_space(body[i])) ++i;
  std::string start;
  for (size_t j = i; j < body.size() && start.size() < 14; ++j)
    start += static_cast<char>(body[j] >= 'A' && body[j] <= 'Z' ? body[j] + 32 : body[j]);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<!--", "<title", "<meta", "<div", "<p"})
    if (start.starts_with(tag)) return true;
  return false;
}

bool unknown_type(std::string_view type) {
  return type.empty() || type == "application/octet-stream" || type == "unknown/unknown" || type == "text/plain";
}

// The media type of a WARC resource record's Content-Type, lower-case.
std::string media_type(std::string_view content_type) {
  std::string type;
  for (char c : content_type.substr(0, content_type.find(';')))
    if (!is_space(c)) type += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return type;
}

std::string strip_angles(std::string_view id) {
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  return std::string(id);
}

// Fills the page part of `record` from one WARC record, or says why not.
void judge_warc_record(io::WarcRecord& warc, size_t max_bytes, Record& record) {
  auto skip = [&](std::string reason, std::string detail) {
    record.outcome = Outcome::skipped;
    record.reason = std::move(reason);
    record.detail = std::move(detail);
  };
  if (warc.type == "response") {
    io::HttpResponse http;
    std::string problem;
    if (!io::parse_http_response(std::move(warc.block), max_bytes, http, problem)) {
      record.outcome = Outcome::failed;
      record.reason = "malformed HTTP response";
      record.detail = problem;  // the caller names the record
      return;
    }
    record.http_status = http.status;
    record.content_type = http.content_type;
    record.charset = http.charset;
    if (http.status != 200) return skip("HTTP status not 200", std::to_string(http.status));
    if (!is_html_type(http.content_type) && !(unknown_type(http.content_type) && sniffs_as_html(http.payload())))
      return skip("not HTML", http.content_type.empty() ? "no content type" : http.content_type);
    record.html = std::move(http.body);
    record.warc_block = std::move(http.message);
    record.html_start = http.body_start;
  } else if (warc.type == "resource") {
    record.content_type = media_type(warc.content_type);
    if (!is_html_type(record.content_type) && !(unknown_type(record.content_type) && sniffs_as_html(warc.block)))
      return skip("not HTML", record.content_type.empty() ? "no content type" : record.content_type);
    record.warc_block = std::move(warc.block);
  } else {
    skip("not a response or resource record", warc.type.empty() ? "no WARC-Type" : warc.type);
  }
}

void read_warc_file(const std::string& path, const SourceOptions& options, const std::function<void(Record&&)>& emit,
                    std::atomic<uint64_t>& bytes_read, const std::atomic<bool>& stop) {
  io::WarcReader reader(path, options.max_record_bytes);
  io::WarcRecord warc;
  std::string problem;
  uint64_t counted = 0;
  while (!stop) {
    io::WarcReader::Status status = reader.next(warc, problem);
    bytes_read += reader.bytes_read() - counted;
    counted = reader.bytes_read();
    if (status == io::WarcReader::Status::end) return;
    Record record;
    record.source = path;
    record.from_warc = true;
    record.offset = warc.offset;
    if (status == io::WarcReader::Status::malformed) {
      record.outcome = Outcome::failed;
      record.reason = "malformed WARC record";
      record.detail = path + ": " + problem;
      record.id = path + ":" + std::to_string(warc.offset);
      emit(std::move(record));
      continue;
    }
    // A record without a WARC-Record-ID is still one: its place names it.
    record.id = warc.record_id.empty() ? path + ":" + std::to_string(warc.offset) : strip_angles(warc.record_id);
    record.warc_record_id = warc.record_id;
    record.warc_date = warc.date;
    record.url = warc.target_uri;
    if (status == io::WarcReader::Status::too_large) {
      record.outcome = Outcome::skipped;
      record.reason = "record over the size limit";
      record.detail = problem;
    } else {
      judge_warc_record(warc, options.max_record_bytes, record);
      if (record.outcome == Outcome::failed) record.detail = path + "@" + std::to_string(warc.offset) + ": " + record.detail;
    }
    emit(std::move(record));
  }
}

void read_jsonl_file(const std::string& path, const SourceOptions& options, const std::function<void(Record&&)>& emit,
                     std::atomic<uint64_t>& bytes_read, const std::atomic<bool>& stop) {
  io::LineReader lines(path, options.max_record_bytes);
  io::JsonlPageReader pages;
  std::string line, problem;
  io::JsonlPage page;
  std::vector<std::string> left_out = options.replaced_members;
  left_out.push_back(options.jsonl_fields.html);
  uint64_t counted = 0;
  while (!stop) {
    io::LineReader::Status status = lines.next(line, problem);
    bytes_read += lines.bytes_read() - counted;
    counted = lines.bytes_read();
    if (status == io::LineReader::Status::end) return;
    if (status == io::LineReader::Status::line && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Record record;
    record.source = path;
    record.line = lines.line_number();
    record.id = path + ":" + std::to_string(record.line);
    if (status == io::LineReader::Status::too_long) {
      record.outcome = Outcome::skipped;
      record.reason = "record over the size limit";
      record.detail = problem;
    } else if (status == io::LineReader::Status::failed) {
      record.outcome = Outcome::failed;
      record.reason = "unreadable input";
      record.detail = problem;
      emit(std::move(record));
      return;
    } else if (!pages.read(line, options.jsonl_fields, page, problem)) {
      record.outcome = Outcome::failed;
      record.reason = "malformed JSONL record";
      record.detail = path + ":" + std::to_string(record.line) + ": " + problem;
    } else {
      if (options.pass_members) record.members = io::other_members(line, left_out);
      record.html = std::move(page.html);
      record.url = std::move(page.url);
      if (!page.id.empty()) record.id = std::move(page.id);
    }
    emit(std::move(record));
  }
}

}  // namespace

InputKind input_kind(const std::string& path) {
  if (path == "-") return InputKind::html;
  std::string head = decompressed_head(path);
  if (head.starts_with("WARC/")) return InputKind::warc;
  size_t i = 0;
  while (i < head.size() && is_space(head[i])) ++i;
  return i < head.size() && head[i] == '{' ? InputKind::jsonl : InputKind::html;
}

void read_records(const std::string& path, const SourceOptions& options,
                  const std::function<void(Record&&)>& emit, std::atomic<uint64_t>& bytes_read,
                  const std::atomic<bool>& stop) {
  try {
    switch (input_kind(path)) {
      case InputKind::html: return read_html_file(path, emit, bytes_read);
      case InputKind::warc: return read_warc_file(path, options, emit, bytes_read, stop);
      case InputKind::jsonl: return read_jsonl_file(path, options, emit, bytes_read, stop);
    }
  } catch (const std::exception& error) {
    // The file could not be opened at all: one failed record stands for it.
    Record record;
    record.source = path;
    record.id = io::input_id(path);
    record.outcome = Outcome::failed;
    record.reason = "unreadable input";
    record.detail = error.what();
    emit(std::move(record));
  }
}

}  // namespace lede::batch
