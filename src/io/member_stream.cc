// One input buffer, one output buffer, a decoder per format. Decoding fills
// the whole output buffer across member boundaries (a member per WARC record
// is typical), noting where each member's output starts; a failure is held
// back until the bytes decoded before it have been read.
#include "io/member_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/decompress.h"
#include "lede/lede.h"

namespace lede::io {

namespace {

constexpr size_t kMinBufferBytes = 64;
// A WARC-zstd dictionary is tens of kilobytes; anything near this is not one.
constexpr size_t kMaxDictionaryBytes = size_t{64} << 20;
constexpr uint32_t kZstdDictionaryFrameMagic = 0x184D2A5D;

uint32_t read_le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

bool is_zstd_frame_magic(const uint8_t* p) { return read_le32(p) == 0xFD2FB528; }
bool is_zstd_skippable_magic(const uint8_t* p) { return (read_le32(p) & 0xFFFFFFF0) == 0x184D2A50; }

// Does `size` bytes at `p` start a member? With fewer than 4 bytes only the
// prefix is checked (the caller knows no more will come).
bool starts_member(MemberStream::Format format, const uint8_t* p, size_t size) {
  if (format == MemberStream::Format::gzip) {
    // ID1 ID2 CM=deflate, then flags whose reserved bits are clear.
    if (size < 3 || p[0] != 0x1F || p[1] != 0x8B || p[2] != 8) return false;
    return size < 4 || (p[3] & 0xE0) == 0;
  }
  return size >= 4 && (is_zstd_frame_magic(p) || is_zstd_skippable_magic(p));
}

const char* format_noun(MemberStream::Format format) {
  return format == MemberStream::Format::gzip ? "gzip member" : "zstd frame";
}

}  // namespace

// The file (or memory) seen through one fixed buffer. Bytes already consumed
// stay readable until the buffer is compacted, so that a search for the next
// member can start inside a bad one.
class MemberStream::Source {
 public:
  Source(int fd, bool owns_fd, std::string_view memory, size_t capacity, uint64_t file_size)
      : fd_(fd), owns_fd_(owns_fd), memory_(memory),
        capacity_(std::max(capacity, kMinBufferBytes)), file_size_(file_size) {
    buffer_.reset(new uint8_t[capacity_]);
  }
  ~Source() {
    if (owns_fd_) ::close(fd_);
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const uint8_t* data() const { return buffer_.get() + begin_; }
  size_t size() const { return end_ - begin_; }
  uint64_t offset() const { return buffer_offset_ + begin_; }  // of data()[0]
  uint64_t earliest() const { return buffer_offset_; }         // oldest byte still held
  void consume(size_t n) { begin_ += n; }

  // Moves to `offset`: within the buffer, or by seeking (files, memory).
  // False for a pipe whose bytes at `offset` are gone.
  bool seek(uint64_t offset) {
    if (offset >= buffer_offset_ && offset <= buffer_offset_ + end_) {
      begin_ = static_cast<size_t>(offset - buffer_offset_);
      return true;
    }
    if (fd_ < 0) {
      memory_read_ = static_cast<size_t>(std::min<uint64_t>(offset, memory_.size()));
    } else if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) != static_cast<off_t>(offset)) {
      return false;
    }
    buffer_offset_ = offset;
    begin_ = end_ = 0;
    eof_ = false;
    return true;
  }
  uint64_t file_size() const { return file_size_; }
  const std::string& error() const { return error_; }

  // Reads more bytes; false at the end of the input (or on a read error).
  // Bytes from `keep_from` on are kept when they fit in half the buffer.
  bool fill(uint64_t keep_from) {
    if (eof_) return false;
    if (capacity_ - end_ < capacity_ / 2) compact(keep_from);
    size_t got = read_some(buffer_.get() + end_, capacity_ - end_);
    if (got == 0) {
      eof_ = true;
      return false;
    }
    end_ += got;
    return true;
  }

 private:
  void compact(uint64_t keep_from) {
    size_t keep = begin_;
    if (keep_from >= buffer_offset_ && keep_from < offset() &&
        end_ - (keep_from - buffer_offset_) <= capacity_ / 2) {
      keep = static_cast<size_t>(keep_from - buffer_offset_);
    }
    std::memmove(buffer_.get(), buffer_.get() + keep, end_ - keep);
    begin_ -= keep;
    end_ -= keep;
    buffer_offset_ += keep;
  }

  size_t read_some(uint8_t* into, size_t room) {
    if (fd_ < 0) {
      size_t n = std::min(room, memory_.size() - memory_read_);
      std::memcpy(into, memory_.data() + memory_read_, n);
      memory_read_ += n;
      return n;
    }
    for (;;) {
      ssize_t got = ::read(fd_, into, room);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      error_ = std::string("read error: ") + std::strerror(errno);
      return 0;
    }
  }

  int fd_;  // -1: reading memory_
  bool owns_fd_;
  std::string_view memory_;
  size_t memory_read_ = 0;
  std::unique_ptr<uint8_t[]> buffer_;
  size_t capacity_;
  size_t begin_ = 0, end_ = 0;
  uint64_t buffer_offset_ = 0;  // file offset of buffer_[0]
  uint64_t file_size_;
  bool eof_ = false;
  std::string error_;
};

struct MemberStream::ZstdContext {
  ZstdContext() : context(ZSTD_createDCtx()) {
    if (!context) throw Error("out of memory for the zstd decoder");
  }
  ~ZstdContext() { ZSTD_freeDCtx(context); }
  ZstdContext(const ZstdContext&) = delete;
  ZstdContext& operator=(const ZstdContext&) = delete;
  ZSTD_DCtx* context;
};

std::unique_ptr<MemberStream> MemberStream::open_file(const std::string& path, size_t buffer_bytes) {
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path + ": " + std::strerror(errno));
  struct stat info;
  uint64_t size = 0;
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      if (path != "-") ::close(fd);
      throw Error(path + ": is a folder, not a WARC file");
    }
    if (S_ISREG(info.st_mode)) size = static_cast<uint64_t>(info.st_size);
  }
  auto source = std::make_unique<Source>(fd, path != "-", std::string_view(), buffer_bytes, size);
  std::unique_ptr<MemberStream> stream(new MemberStream(std::move(source), buffer_bytes));
  if (!stream->source_->error().empty()) throw Error(path + ": " + stream->source_->error());
  return stream;
}

std::unique_ptr<MemberStream> MemberStream::open_memory(std::string_view bytes, size_t buffer_bytes) {
  auto source = std::make_unique<Source>(-1, false, bytes, buffer_bytes, bytes.size());
  return std::unique_ptr<MemberStream>(new MemberStream(std::move(source), buffer_bytes));
}

MemberStream::MemberStream(std::unique_ptr<Source> source, size_t buffer_bytes)
    : source_(std::move(source)),
      out_capacity_(std::max(buffer_bytes, kMinBufferBytes)),
      read_ahead_(out_capacity_) {
  detect_format();
}

MemberStream::~MemberStream() = default;

void MemberStream::detect_format() {
  while (source_->size() < 4 && source_->fill(0)) {
  }
  const uint8_t* head = source_->data();
  if (source_->size() >= 2 && head[0] == 0x1F && head[1] == 0x8B) {
    format_ = Format::gzip;
    inflater_ = std::make_unique<Inflater>();
  } else if (source_->size() >= 4 && (is_zstd_frame_magic(head) || is_zstd_skippable_magic(head))) {
    format_ = Format::zstd;
    zstd_ = std::make_unique<ZstdContext>();
  } else {
    return;
  }
  out_.reset(new uint8_t[out_capacity_]);
  if (format_ == Format::zstd && read_le32(head) == kZstdDictionaryFrameMagic) load_zstd_dictionary();
}

// WARC-zstd: a leading skippable frame holds the dictionary (itself maybe
// zstd-compressed) that every later frame was compressed with.
bool MemberStream::load_zstd_dictionary() {
  while (source_->size() < 8 && source_->fill(0)) {
  }
  if (source_->size() < 8) {
    fail("the WARC-zstd dictionary frame at offset 0 is truncated", 0);
    return false;
  }
  uint32_t size = read_le32(source_->data() + 4);
  if (size > kMaxDictionaryBytes) {
    fail("the WARC-zstd dictionary frame at offset 0 is too large (" + std::to_string(size) +
             " bytes)", 0);
    return false;
  }
  source_->consume(8);
  std::string dictionary;  // grown as it arrives: the size may be a lie
  while (dictionary.size() < size) {
    if (source_->size() == 0 && !source_->fill(source_->offset())) {
      fail("the WARC-zstd dictionary frame at offset 0 is truncated", 0);
      return false;
    }
    size_t n = std::min<size_t>(source_->size(), size - dictionary.size());
    dictionary.append(reinterpret_cast<const char*>(source_->data()), n);
    source_->consume(n);
  }
  if (dictionary.size() >= 4 && is_zstd_frame_magic(reinterpret_cast<const uint8_t*>(dictionary.data()))) {
    std::string decoded, error;
    if (zstd_all(dictionary, kMaxDictionaryBytes, decoded, error) != DecodeResult::complete) {
      fail("the WARC-zstd dictionary at offset 0 cannot be decompressed" +
               (error.empty() ? std::string() : " (" + error + ")"), 0);
      return false;
    }
    dictionary.swap(decoded);
  }
  size_t loaded = ZSTD_DCtx_loadDictionary(zstd_->context, dictionary.data(), dictionary.size());
  if (ZSTD_isError(loaded)) {
    fail(std::string("the WARC-zstd dictionary at offset 0 cannot be used (") +
             ZSTD_getErrorName(loaded) + ")", 0);
    return false;
  }
  return true;
}

std::string_view MemberStream::peek() {
  if (format_ == Format::plain) {
    if (source_->size() == 0 && !ended_ && failure_.empty() && !source_->fill(source_->offset())) {
      if (source_->error().empty()) {
        ended_ = true;
      } else {
        fail(source_->error() + " at offset " + std::to_string(source_->offset()), source_->offset());
      }
    }
    return {reinterpret_cast<const char*>(source_->data()), source_->size()};
  }
  if (buffered() == 0 && failure_.empty() && !ended_) decode();
  return {reinterpret_cast<const char*>(out_.get() + out_begin_), buffered()};
}

void MemberStream::consume(size_t n) {
  position_ += n;
  if (format_ == Format::plain) {
    source_->consume(n);
  } else {
    out_begin_ += n;
  }
}

void MemberStream::set_read_ahead(size_t bytes) {
  read_ahead_ = std::clamp(bytes, kMinBufferBytes, out_capacity_);
}

size_t MemberStream::read(char* into, size_t n, size_t spare) {
  size_t got = 0;
  while (got < n) {
    if (format_ == Format::plain || buffered() > 0) {
      std::string_view bytes = peek();
      if (bytes.empty()) break;
      size_t take = std::min(bytes.size(), n - got);
      std::memcpy(into + got, bytes.data(), take);
      consume(take);
      got += take;
      continue;
    }
    if (!failure_.empty() || ended_ || (!in_member_ && !start_member())) break;
    size_t room = n - got + std::min(spare, out_capacity_);
    size_t made = decode_step(reinterpret_cast<uint8_t*>(into + got), room);
    size_t kept = std::min(made, n - got);
    std::memcpy(out_.get(), into + got + kept, made - kept);
    out_begin_ = 0;
    out_end_ = made - kept;
    got += kept;
    position_ += kept;
  }
  return got;
}

void MemberStream::decode() {
  out_begin_ = out_end_ = 0;
  while (out_end_ < read_ahead_ && failure_.empty() && !ended_) {
    if (!in_member_ && !start_member()) break;
    out_end_ += decode_step(out_.get() + out_end_, read_ahead_ - out_end_);
  }
}

size_t MemberStream::decode_step(uint8_t* out, size_t room) {
  return format_ == Format::gzip ? decode_gzip_step(out, room) : decode_zstd_step(out, room);
}

bool MemberStream::start_member() {
  while (source_->size() < 4 && source_->fill(source_->offset())) {
  }
  if (!source_->error().empty()) {
    fail(source_->error() + " at offset " + std::to_string(source_->offset()), source_->offset());
    return false;
  }
  if (source_->size() == 0) {
    ended_ = true;
    return false;
  }
  uint64_t offset = source_->offset();
  if (!starts_member(format_, source_->data(), source_->size())) {
    fail("bytes at offset " + std::to_string(offset) + " do not start a " + format_noun(format_),
         offset);
    return false;
  }
  member_start_ = offset;
  members_.push_back({produced_, offset});
  in_member_ = true;
  if (format_ == Format::gzip) {
    inflater_->start(DeflateWrapper::gzip);
  } else {
    ZSTD_DCtx_reset(zstd_->context, ZSTD_reset_session_only);
  }
  return true;
}

size_t MemberStream::decode_gzip_step(uint8_t* out, size_t room) {
  // At the end of the input the inflater may still hold output: one call
  // without input flushes it, and no output then means a truncated member.
  bool at_end = source_->size() == 0 && !source_->fill(member_start_);
  Inflater::Step step = inflater_->run(source_->data(), source_->size(), out, room);
  source_->consume(step.consumed);
  produced_ += step.produced;
  std::string where = "gzip member at offset " + std::to_string(member_start_);
  if (step.error) {
    fail("corrupt " + where + " (" + step.error + ")", member_start_);
  } else if (step.finished) {
    in_member_ = false;
    recovering_ = false;
  } else if (step.consumed == 0 && step.produced == 0) {
    std::string cause = source_->error().empty() ? "" : " (" + source_->error() + ")";
    fail(at_end ? "truncated " + where + cause : "the gzip decoder stalled in the " + where,
         member_start_);
  }
  return step.produced;
}

size_t MemberStream::decode_zstd_step(uint8_t* out, size_t room) {
  bool at_end = source_->size() == 0 && !source_->fill(member_start_);
  ZSTD_inBuffer input{source_->data(), source_->size(), 0};
  ZSTD_outBuffer output{out, room, 0};
  size_t hint = ZSTD_decompressStream(zstd_->context, &output, &input);
  source_->consume(input.pos);
  produced_ += output.pos;
  std::string where = "zstd frame at offset " + std::to_string(member_start_);
  if (ZSTD_isError(hint)) {
    fail("corrupt " + where + " (" + ZSTD_getErrorName(hint) + ")", member_start_);
  } else if (hint == 0) {
    in_member_ = false;
    recovering_ = false;
  } else if (input.pos == 0 && output.pos == 0) {
    std::string cause = source_->error().empty() ? "" : " (" + source_->error() + ")";
    fail(at_end ? "truncated " + where + cause : "the zstd decoder stalled in the " + where,
         member_start_);
  }
  return output.pos;
}

void MemberStream::fail(std::string what, uint64_t member) {
  failure_ = std::move(what);
  failure_member_ = member;
  failure_while_recovering_ = recovering_;
  in_member_ = false;
}

bool MemberStream::recover() {
  failure_.clear();
  in_member_ = false;
  recovering_ = true;
  if (format_ == Format::plain || !source_->error().empty()) {
    ended_ = true;
    return false;
  }
  // Search from just after the bad member's start (a truncated member is
  // followed by a good one inside what the decoder took for its data), or,
  // in a pipe, from the oldest byte still held.
  if (!source_->seek(failure_member_ + 1)) source_->seek(source_->earliest());
  for (;;) {
    const uint8_t* data = source_->data();
    size_t size = source_->size();
    uint8_t first = format_ == Format::gzip ? 0x1F : 0x28;
    size_t at = 0;
    for (; at < size; ++at) {
      if (data[at] != first && !(format_ == Format::zstd && (data[at] & 0xF0) == 0x50)) continue;
      if (size - at < 4) break;  // too close to the end to tell: read more
      if (starts_member(format_, data + at, size - at)) {
        source_->consume(at);
        return true;
      }
    }
    source_->consume(at);
    if (!source_->fill(source_->offset())) {
      source_->consume(source_->size());
      ended_ = true;
      return false;
    }
  }
}

MemberStream::Member MemberStream::member_at(uint64_t position) const {
  if (format_ == Format::plain) return {position, position};
  auto after = std::upper_bound(members_.begin(), members_.end(), position,
                                [](uint64_t p, const Member& member) { return p < member.position; });
  if (after == members_.begin()) return members_.empty() ? Member{0, 0} : members_.front();
  return *std::prev(after);
}

void MemberStream::forget_members_before(uint64_t position) {
  while (members_.size() > 1 && members_[1].position <= position) members_.pop_front();
}

uint64_t MemberStream::bytes_read() const { return source_->offset(); }

uint64_t MemberStream::file_size() const { return source_->file_size(); }

}  // namespace lede::io
