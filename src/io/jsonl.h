// Reading JSONL files whose records carry HTML (a corpus of crawled pages):
// line by line in constant memory, from plain, gzip or zstd files.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lede::io {

// The lines of a file, decompressed as they are read (gzip and zstd are
// recognised by their magic bytes). A line longer than the limit is skipped,
// not held, and reported.
class LineReader {
 public:
  enum class Status { line, too_long, failed, end };

  // Throws lede::Error naming the path when it cannot be opened.
  LineReader(const std::string& path, size_t max_line_bytes);
  // Reads `bytes` (which must outlive the reader) as if they were a file.
  struct Memory {
    std::string_view bytes;
  };
  LineReader(Memory memory, size_t max_line_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line, without its "\n" (or "\r\n"). After `failed` (corrupt or
  // truncated compressed data, a read error) `problem` says what, and the
  // reader is at its end.
  Status next(std::string& line, std::string& problem);
  uint64_t line_number() const;  // of the line last returned, from 1
  uint64_t bytes_read() const;   // of the file, compressed
  uint64_t file_size() const;    // 0 when unknown (a pipe)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Which members of a JSONL record hold the page.
struct JsonlFieldNames {
  std::string html = "html";
  std::string url = "url";
  std::string id = "id";
};

struct JsonlPage {
  std::string html, url, id;  // url and id empty when absent
};

// Reads the page out of one JSONL line. False, with `problem` set, when the
// line is not a JSON object or has no string member `names.html`. An id may
// be a string or a number.
class JsonlPageReader {
 public:
  JsonlPageReader();
  ~JsonlPageReader();
  bool read(std::string& line, const JsonlFieldNames& names, JsonlPage& page, std::string& problem);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The members of `object` (a JSON object already validated) other than
// those named in `left_out`, as written there ("a":1,"b":[2]): what a
// record passes through unchanged when one member is rewritten.
std::string other_members(std::string_view object, const std::vector<std::string>& left_out);

}  // namespace lede::io
