// Reading WARC files (WARC/1.0 and 1.1) record by record, in constant memory:
// uncompressed, gzip (one member per record, as Common Crawl writes them, or
// the whole file), or zstd (the WARC-zstd convention), recognised by content.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/byte_buffer.h"

namespace lede::io {

struct WarcRecord {
  // Header fields as the record gives them (empty when absent).
  std::string type;          // WARC-Type: response, resource, request, warcinfo, ...
  std::string target_uri;    // WARC-Target-URI, without the <> some writers add
  std::string record_id;     // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block ("application/http; msgtype=response")
  uint64_t offset = 0;       // where the record starts in the file: in the
                             // compressed bytes for gzip/zstd files (the start
                             // of its member or frame), else in the plain bytes
  uint64_t length = 0;       // Content-Length: the block's size
  util::ByteBuffer block;    // the content block, when it was read
};

class WarcReader {
 public:
  enum class Status {
    record,     // `record` holds the next record, block included
    too_large,  // the next record's block exceeds max_block_bytes: headers
                // filled, block skipped unread (not kept), `problem` says so
    malformed,  // bad headers, bad Content-Length, garbage, truncated data:
                // `problem` says what and where (`offset`: where the bad
                // record or stretch starts); reading resumes at the next
                // "WARC/1." line found after it
    end,        // no more records
  };

  // Opens `path` ("-" for stdin). Throws lede::Error naming the path when it
  // cannot be read at all.
  WarcReader(const std::string& path, size_t max_block_bytes);
  // WARC bytes held in memory (tests, fuzzing), read through a buffer of
  // `buffer_bytes` exactly as a file is; `bytes` must outlive the reader.
  struct Memory {
    std::string_view bytes;
    size_t buffer_bytes = size_t{1} << 20;
  };
  WarcReader(const Memory& input, size_t max_block_bytes);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into `record` (its strings are reused).
  Status next(WarcRecord& record, std::string& problem);

  // Compressed bytes read so far (for progress), and the file's size if known.
  uint64_t bytes_read() const;
  uint64_t file_size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Does `head` (the first bytes of a file, decompressed) start a WARC file?
bool looks_like_warc(std::string_view head);

}  // namespace lede::io
