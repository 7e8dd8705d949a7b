// libFuzzer target for the WARC reader and the HTTP response parser. The
// bytes after the first are a WARC file (plain, gzip or zstd: the reader
// recognises them), read from memory through the same fixed buffer a file
// goes through; the first byte picks that buffer's size (64 B to 8 KB, so
// that lines, headers and members straddle refills everywhere) and the block
// limit. Every record's block is parsed as an HTTP response, and so are the
// raw bytes. Crashes, sanitizer reports, hangs and a malformed status without
// a problem are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/http.h"
#include "io/warc.h"

namespace {

constexpr size_t kMaxBody = size_t{4} << 20;

void parse_http(std::string_view message) {
  lede::io::HttpResponse response;
  std::string problem;
  if (!lede::io::parse_http_response(message, kMaxBody, response, problem) && problem.empty()) {
    std::abort();
  }
  if (response.body.size() > kMaxBody) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t buffer_bytes = size_t{64} << (data[0] & 7);
  size_t max_block = (data[0] & 0x80) ? 256 : kMaxBody;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  lede::io::looks_like_warc(bytes);

  lede::io::WarcReader reader(lede::io::WarcReader::Memory{bytes, buffer_bytes}, max_block);
  lede::io::WarcRecord record;
  std::string problem;
  for (;;) {
    lede::io::WarcReader::Status status = reader.next(record, problem);
    if (status == lede::io::WarcReader::Status::end) break;
    if (status != lede::io::WarcReader::Status::record && problem.empty()) std::abort();
    if (status == lede::io::WarcReader::Status::record) {
      if (record.block.size() != record.length || record.length > max_block) std::abort();
      parse_http(record.block);
    }
  }
  parse_http(bytes);
  return 0;
}
