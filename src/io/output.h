// Where JSONL output goes: standard output or a file, compressed by the file
// name's extension (.gz, .zst), optionally split into numbered shards. Files
// are written under a temporary name and renamed when complete, so that no
// reader sees a half-written file, and they only ever end on a whole line.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace lede::io {

class LineWriter {
 public:
  // `path` empty or "-": standard output. `shard_lines` > 0 starts a new
  // file every that many lines: "out.jsonl.gz" becomes "out-00000.jsonl.gz",
  // "out-00001.jsonl.gz", ... Throws lede::Error naming the file.
  explicit LineWriter(const std::string& path, uint64_t shard_lines = 0);
  ~LineWriter();  // abandons an unfinished file (see finish)
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;

  // Writes `line` and a "\n". Throws lede::Error naming the file.
  void write_line(std::string_view line);
  // Completes the output: flushes, closes and renames the current file.
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "out.jsonl.gz", 3 -> "out-00003.jsonl.gz": the shard number goes before
// the first extension of the file name.
std::string shard_path(const std::string& path, uint64_t shard);

// The name to write `path` under until it is complete: "path.tmp", or `path`
// itself when it exists and is no regular file (/dev/null, a FIFO): renaming
// over a device would replace it, and a pipe's reader takes lines as they come.
std::string temporary_path(const std::string& path);

}  // namespace lede::io
