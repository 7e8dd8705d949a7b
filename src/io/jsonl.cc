// JSONL input: zlib's gzread for gzip and plain files (it passes plain bytes
// through), zstd's streaming decoder, and simdjson for the records.
#include "io/jsonl.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <simdjson.h>
#include <vector>

#include "lede/lede.h"

namespace lede::io {

namespace {

constexpr size_t kChunk = 256 * 1024;

// Decompressed bytes of a file, a chunk at a time.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Bytes into `out` (up to `size`); 0 at the end; throws lede::Error.
  virtual size_t read(char* out, size_t size) = 0;
  virtual uint64_t compressed_bytes_read() const = 0;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(int fd, const std::string& path) : path_(path), file_(gzdopen(fd, "rb")) {
    if (!file_) {
      ::close(fd);
      throw Error(path + ": cannot open");
    }
    gzbuffer(file_, kChunk);
  }
  ~GzipSource() override { gzclose(file_); }
  size_t read(char* out, size_t size) override {
    int got = gzread(file_, out, static_cast<unsigned>(size));
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(file_, &code);
      throw Error(path_ + ": " + (code == Z_DATA_ERROR ? "corrupt gzip data (" + std::string(message) + ")"
                                                       : std::string(message)));
    }
    // gzread reports a gzip stream cut short as a plain end.
    if (got == 0 && !gzdirect(file_)) {
      int code = 0;
      gzerror(file_, &code);
      if (code == Z_BUF_ERROR) throw Error(path_ + ": truncated gzip data");
    }
    return static_cast<size_t>(got);
  }
  uint64_t compressed_bytes_read() const override { return static_cast<uint64_t>(gzoffset(file_)); }

 private:
  std::string path_;
  gzFile file_;
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(int fd, const std::string& path) : fd_(fd), path_(path), stream_(ZSTD_createDStream()), in_(kChunk) {}
  ~ZstdSource() override {
    ZSTD_freeDStream(stream_);
    if (fd_ != STDIN_FILENO) ::close(fd_);
  }
  size_t read(char* out, size_t size) override {
    ZSTD_outBuffer output{out, size, 0};
    while (output.pos == 0) {
      if (input_.pos == input_.size) {
        ssize_t got = ::read(fd_, in_.data(), in_.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw Error(path_ + ": " + std::strerror(errno));
        if (got == 0) {
          if (in_frame_) throw Error(path_ + ": truncated zstd data");
          return 0;
        }
        consumed_ += static_cast<uint64_t>(got);
        input_ = {in_.data(), static_cast<size_t>(got), 0};
      }
      size_t hint = ZSTD_decompressStream(stream_, &output, &input_);
      if (ZSTD_isError(hint)) throw Error(path_ + ": corrupt zstd data (" + ZSTD_getErrorName(hint) + ")");
      in_frame_ = hint != 0;
    }
    return output.pos;
  }
  uint64_t compressed_bytes_read() const override { return consumed_; }

 private:
  int fd_;
  std::string path_;
  ZSTD_DStream* stream_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  uint64_t consumed_ = 0;
  bool in_frame_ = false;
};

std::unique_ptr<ByteSource> open_source(const std::string& path, uint64_t& size) {
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path + ": " + std::strerror(errno));
  struct stat info;
  size = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) ? static_cast<uint64_t>(info.st_size) : 0;
  unsigned char magic[4] = {};
  bool zstd = size >= 4 && ::pread(fd, magic, 4, 0) == 4 && magic[0] == 0x28 && magic[1] == 0xB5 &&
              magic[2] == 0x2F && magic[3] == 0xFD;
  if (zstd) return std::make_unique<ZstdSource>(fd, path);
  return std::make_unique<GzipSource>(fd == STDIN_FILENO ? ::dup(fd) : fd, path);
}

}  // namespace

struct LineReader::Impl {
  std::string path;
  size_t max_line_bytes;
  uint64_t size = 0;
  std::unique_ptr<ByteSource> source;
  std::vector<char> buffer = std::vector<char>(kChunk);
  size_t begin = 0, end = 0;  // unread bytes of `buffer`
  uint64_t line_number = 0;
  bool at_end = false;

  bool refill() {
    if (at_end) return false;
    begin = 0;
    end = source->read(buffer.data(), buffer.size());
    at_end = end == 0;
    return !at_end;
  }
};

LineReader::LineReader(const std::string& path, size_t max_line_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->max_line_bytes = max_line_bytes;
  impl_->source = open_source(path, impl_->size);
}

LineReader::~LineReader() = default;

LineReader::Status LineReader::next(std::string& line, std::string& problem) {
  Impl& r = *impl_;
  line.clear();
  bool too_long = false;
  try {
    for (;;) {
      if (r.begin == r.end && !r.refill()) {
        if (line.empty() && !too_long) return Status::end;
        break;  // a last line without "\n"
      }
      const char* start = r.buffer.data() + r.begin;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', r.end - r.begin));
      size_t take = newline ? static_cast<size_t>(newline - start) : r.end - r.begin;
      if (!too_long && line.size() + take <= r.max_line_bytes) line.append(start, take);
      else too_long = true;
      r.begin += take + (newline ? 1 : 0);
      if (newline) break;
    }
  } catch (const Error& error) {
    problem = error.what();
    r.at_end = true;
    r.begin = r.end = 0;
    return Status::failed;
  }
  ++r.line_number;
  if (too_long) {
    line.clear();
    problem = r.path + ":" + std::to_string(r.line_number) + ": line over " + std::to_string(r.max_line_bytes) +
              " bytes, skipped";
    return Status::too_long;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Status::line;
}

uint64_t LineReader::line_number() const { return impl_->line_number; }
uint64_t LineReader::bytes_read() const { return impl_->source->compressed_bytes_read(); }
uint64_t LineReader::file_size() const { return impl_->size; }

struct JsonlPageReader::Impl {
  simdjson::dom::parser parser;
};

JsonlPageReader::JsonlPageReader() : impl_(std::make_unique<Impl>()) {}
JsonlPageReader::~JsonlPageReader() = default;

namespace {

// A string member as is, a number as its decimal text, else empty.
std::string scalar_text(simdjson::dom::element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return std::string(text);
  int64_t integer;
  if (value.get_int64().get(integer) == simdjson::SUCCESS) return std::to_string(integer);
  uint64_t unsigned_integer;
  if (value.get_uint64().get(unsigned_integer) == simdjson::SUCCESS) return std::to_string(unsigned_integer);
  return {};
}

}  // namespace

bool JsonlPageReader::read(std::string& line, const JsonlFieldNames& names, JsonlPage& page,
                           std::string& problem) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end.
  size_t size = line.size();
  line.reserve(size + simdjson::SIMDJSON_PADDING);
  simdjson::dom::object record;
  simdjson::error_code error = impl_->parser.parse(line.data(), size, false).get(record);
  if (error) {
    problem = error == simdjson::INCORRECT_TYPE ? "not a JSON object" : std::string("bad JSON: ") + simdjson::error_message(error);
    return false;
  }
  std::string_view html;
  simdjson::dom::element value;
  if (record.at_key(names.html).get(value) || value.get_string().get(html)) {
    problem = "no string member \"" + names.html + "\"";
    return false;
  }
  page.html.assign(html);
  page.url = record.at_key(names.url).get(value) ? std::string() : scalar_text(value);
  page.id = record.at_key(names.id).get(value) ? std::string() : scalar_text(value);
  return true;
}

}  // namespace lede::io
