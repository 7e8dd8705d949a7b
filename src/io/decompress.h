// Decompressors for crawl inputs: a streaming inflater on ISA-L's igzip (it
// inflates several times faster than zlib) for WARC files, and size-capped
// one-shot decoders (deflate in its three wrappers, brotli, zstd) for HTTP
// bodies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct inflate_state;  // ISA-L's, kept out of this header

namespace lede::io {

// What surrounds the deflate data.
enum class DeflateWrapper { gzip, zlib, raw };

// One deflate stream after another, decoded in pieces (ISA-L's stream API).
class Inflater {
 public:
  Inflater();
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Forgets the previous stream; the next bytes start a new one.
  void start(DeflateWrapper wrapper);

  struct Step {
    size_t consumed = 0;
    size_t produced = 0;
    bool finished = false;          // the stream ended, its checksum verified
    const char* error = nullptr;    // corrupt data: what is wrong
  };
  // Decodes what it can of `in` into `out`. Bytes after the end of the stream
  // are left unconsumed.
  Step run(const uint8_t* in, size_t in_size, uint8_t* out, size_t out_size);

 private:
  std::unique_ptr<inflate_state> state_;
};

enum class DecodeResult {
  complete,    // the whole input decoded
  truncated,   // the input ends inside the stream: `out` holds what it gave
  corrupt,     // `error` says what is wrong
  over_limit,  // more than `max_out` bytes once decoded
};

// `in` decoded whole into `out` (replaced), never past `max_out` bytes.
// gzip accepts several members in a row, as gzip -d does.
DecodeResult inflate_all(std::string_view in, DeflateWrapper wrapper, size_t max_out,
                         std::string& out, std::string& error);
DecodeResult brotli_all(std::string_view in, size_t max_out, std::string& out, std::string& error);
DecodeResult zstd_all(std::string_view in, size_t max_out, std::string& out, std::string& error);

}  // namespace lede::io
