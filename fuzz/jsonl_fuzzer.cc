// libFuzzer target for JSONL input: the bytes after the first are a JSONL
// file (plain, gzip or zstd), read line by line from memory; every line is
// read as a page record. The first byte picks the line limit. Crashes,
// sanitizer reports, hangs, a failed record without a problem, or a line over
// the limit are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t max_line = data[0] & 1 ? 64 : 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  lede::io::LineReader lines(lede::io::LineReader::Memory{bytes}, max_line);
  lede::io::JsonlPageReader pages;
  lede::io::JsonlFieldNames names;
  lede::io::JsonlPage page;
  std::string line, problem;
  for (;;) {
    lede::io::LineReader::Status status = lines.next(line, problem);
    if (status == lede::io::LineReader::Status::end || status == lede::io::LineReader::Status::failed) break;
    if (status == lede::io::LineReader::Status::too_long) {
      if (problem.empty()) std::abort();
      continue;
    }
    if (line.size() > max_line) std::abort();
    problem.clear();
    if (!pages.read(line, names, page, problem) && problem.empty()) std::abort();
  }
  return 0;
}
