// JSONL output through zlib (gzip) or zstd, or plain.
#include "io/output.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "lede/lede.h"

namespace lede::io {

namespace {

constexpr size_t kBufferBytes = 1 << 20;

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// One output file (or stdout): bytes in, maybe compressed, out.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view bytes) = 0;
  virtual void close() = 0;
};

class FileSink : public Sink {
 public:
  FileSink(std::FILE* file, std::string name) : file_(file), name_(std::move(name)) {}
  ~FileSink() override {
    if (file_ && file_ != stdout) std::fclose(file_);
  }
  void write(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail();
  }
  void close() override {
    bool ok = std::fflush(file_) == 0;
    if (file_ != stdout) ok = std::fclose(file_) == 0 && ok;
    file_ = nullptr;
    if (!ok) fail();
  }

 protected:
  [[noreturn]] void fail() { throw Error(name_ + ": cannot write (" + std::strerror(errno) + ")"); }
  std::FILE* file_;
  std::string name_;
};

class GzipSink : public FileSink {
 public:
  GzipSink(std::FILE* file, std::string name) : FileSink(file, std::move(name)) {
    // Level 6 is zlib's default; 16 + MAX_WBITS writes a gzip wrapper.
    if (deflateInit2(&stream_, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw Error(name_ + ": cannot start the gzip encoder");
  }
  ~GzipSink() override { deflateEnd(&stream_); }
  void write(std::string_view bytes) override { pump(bytes, Z_NO_FLUSH); }
  void close() override {
    pump({}, Z_FINISH);
    FileSink::close();
  }

 private:
  void pump(std::string_view bytes, int flush) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream_.avail_in = static_cast<uInt>(bytes.size());
    int status;
    do {
      stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
      stream_.avail_out = static_cast<uInt>(out_.size());
      status = deflate(&stream_, flush);
      FileSink::write({out_.data(), out_.size() - stream_.avail_out});
    } while (stream_.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  }
  z_stream stream_{};
  std::vector<char> out_ = std::vector<char>(kBufferBytes);
};

class ZstdSink : public FileSink {
 public:
  ZstdSink(std::FILE* file, std::string name) : FileSink(file, std::move(name)), stream_(ZSTD_createCStream()) {
    ZSTD_initCStream(stream_, 3);
  }
  ~ZstdSink() override { ZSTD_freeCStream(stream_); }
  void write(std::string_view bytes) override {
    ZSTD_inBuffer input{bytes.data(), bytes.size(), 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output{out_.data(), out_.size(), 0};
      check(ZSTD_compressStream(stream_, &output, &input));
      FileSink::write({out_.data(), output.pos});
    }
  }
  void close() override {
    for (size_t left = 1; left != 0;) {
      ZSTD_outBuffer output{out_.data(), out_.size(), 0};
      left = check(ZSTD_endStream(stream_, &output));
      FileSink::write({out_.data(), output.pos});
    }
    FileSink::close();
  }

 private:
  size_t check(size_t code) {
    if (ZSTD_isError(code)) throw Error(name_ + ": zstd: " + ZSTD_getErrorName(code));
    return code;
  }
  ZSTD_CStream* stream_;
  std::vector<char> out_ = std::vector<char>(ZSTD_CStreamOutSize());
};

std::unique_ptr<Sink> open_sink(const std::string& path, const std::string& temporary) {
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) throw Error(path + ": cannot write (" + std::strerror(errno) + ")");
  std::setvbuf(file, nullptr, _IOFBF, kBufferBytes);
  if (ends_with(path, ".gz")) return std::make_unique<GzipSink>(file, path);
  if (ends_with(path, ".zst")) return std::make_unique<ZstdSink>(file, path);
  return std::make_unique<FileSink>(file, path);
}

}  // namespace

std::string shard_path(const std::string& path, uint64_t shard) {
  size_t slash = path.rfind('/');
  size_t name_start = slash == std::string::npos ? 0 : slash + 1;
  size_t dot = path.find('.', name_start == path.size() ? name_start : name_start + 1);
  if (dot == std::string::npos) dot = path.size();
  char number[32];
  std::snprintf(number, sizeof number, "-%05llu", static_cast<unsigned long long>(shard));
  return path.substr(0, dot) + number + path.substr(dot);
}

std::string temporary_path(const std::string& path) {
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) return path;
  return path + ".tmp";
}

struct LineWriter::Impl {
  std::string path;
  uint64_t shard_lines = 0;
  uint64_t shard = 0;
  uint64_t lines_in_file = 0;
  std::string current;    // the file being written, its final name
  std::string temporary;  // and the name it has until it is complete
  std::unique_ptr<Sink> sink;
  std::string pending;    // lines not yet handed to the sink

  bool to_stdout() const { return path.empty() || path == "-"; }

  void open_next() {
    if (to_stdout()) {
      sink = std::make_unique<FileSink>(stdout, "standard output");
      return;
    }
    current = shard_lines ? shard_path(path, shard++) : path;
    temporary = temporary_path(current);
    sink = open_sink(current, temporary);
    lines_in_file = 0;
  }

  void close_current() {
    if (!sink) return;
    if (!pending.empty()) sink->write(pending);
    pending.clear();
    sink->close();
    sink.reset();
    if (!to_stdout() && temporary != current && std::rename(temporary.c_str(), current.c_str()) != 0)
      throw Error(current + ": cannot write (" + std::strerror(errno) + ")");
  }
};

LineWriter::LineWriter(const std::string& path, uint64_t shard_lines) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->shard_lines = shard_lines;
  impl_->open_next();
}

LineWriter::~LineWriter() {
  if (impl_->sink && !impl_->to_stdout()) {
    impl_->sink.reset();
    if (impl_->temporary != impl_->current) std::remove(impl_->temporary.c_str());
  }
}

void LineWriter::write_line(std::string_view line) {
  Impl& w = *impl_;
  if (!w.sink) w.open_next();
  w.pending.append(line);
  w.pending.push_back('\n');
  if (w.pending.size() >= kBufferBytes) {
    w.sink->write(w.pending);
    w.pending.clear();
  }
  if (w.shard_lines && ++w.lines_in_file == w.shard_lines) w.close_current();
}

void LineWriter::finish() { impl_->close_current(); }

}  // namespace lede::io
