// The decompressed bytes of a file read in constant memory, through one
// fixed-size input buffer: plain bytes, gzip members or zstd frames one after
// another (recognised by their magic bytes), with the compressed offset of the
// member each decompressed byte comes from. After corrupt data it can skip to
// the next member start found in the compressed bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace lede::io {

class Inflater;

class MemberStream {
 public:
  enum class Format { plain, gzip, zstd };

  // Throws lede::Error naming the path when it cannot be opened.
  static std::unique_ptr<MemberStream> open_file(const std::string& path, size_t buffer_bytes);
  // `bytes` must outlive the stream; it is read through the same buffer.
  static std::unique_ptr<MemberStream> open_memory(std::string_view bytes, size_t buffer_bytes);
  ~MemberStream();
  MemberStream(const MemberStream&) = delete;
  MemberStream& operator=(const MemberStream&) = delete;

  Format format() const { return format_; }

  // The decompressed bytes ready to read: at least one, unless the stream is
  // at its end or failed().
  std::string_view peek();
  void consume(size_t n);
  // Reads up to `n` bytes into `into`: what is buffered is copied, the rest
  // decoded straight into `into`. Fewer only at the end or at a failure.
  // With `spare` bytes of room after the `n`, decoding may run into them, so
  // that a member ending just after the `n` bytes ends in the same decoder
  // call (stopping inside a member costs ISA-L a copy of its 32 KB window);
  // what lands there is kept, the next bytes peek() gives.
  size_t read(char* into, size_t n, size_t spare = 0);
  // peek() decodes at most `bytes` ahead (never more than its buffer), so
  // that a reader taking large pieces with read() has them decoded in place
  // rather than copied out of the buffer.
  void set_read_ahead(size_t bytes);
  uint64_t position() const { return position_; }  // decompressed bytes consumed

  // Corrupt or truncated data was met where peek() stopped.
  bool failed() const { return !failure_.empty() && buffered() == 0; }
  const std::string& failure() const { return failure_; }
  uint64_t failure_member() const { return failure_member_; }  // where the bad member starts
  // The failure came while looking for a good member after recover().
  bool failed_while_recovering() const { return failure_while_recovering_; }
  // Clears the failure and moves to the next gzip member or zstd frame start
  // after the bad one. False when none is left (the stream is at its end).
  bool recover();

  struct Member {
    uint64_t position;  // of its first decompressed byte
    uint64_t offset;    // of its first compressed byte
  };
  // The member that holds decompressed byte `position` (for plain files,
  // `position` itself for both). Members before forget_members_before()'s
  // position are no longer known.
  Member member_at(uint64_t position) const;
  uint64_t member_offset(uint64_t position) const { return member_at(position).offset; }
  void forget_members_before(uint64_t position);

  uint64_t bytes_read() const;
  uint64_t file_size() const;

  class Source;

 private:
  explicit MemberStream(std::unique_ptr<Source> source, size_t buffer_bytes);
  size_t buffered() const { return out_end_ - out_begin_; }
  void detect_format();
  void decode();
  bool start_member();
  // Each decodes what it can into `room` bytes at `out` and says how many.
  size_t decode_step(uint8_t* out, size_t room);
  size_t decode_gzip_step(uint8_t* out, size_t room);
  size_t decode_zstd_step(uint8_t* out, size_t room);
  bool load_zstd_dictionary();
  void fail(std::string what, uint64_t member);

  std::unique_ptr<Source> source_;
  Format format_ = Format::plain;
  std::unique_ptr<uint8_t[]> out_;  // decompressed bytes (gzip, zstd)
  size_t out_capacity_;
  size_t read_ahead_;  // how much of out_ peek() fills
  size_t out_begin_ = 0, out_end_ = 0;
  uint64_t position_ = 0;  // decompressed bytes consumed
  uint64_t produced_ = 0;  // decompressed bytes decoded
  std::deque<Member> members_;
  bool in_member_ = false;
  uint64_t member_start_ = 0;  // compressed offset of the member being decoded
  bool ended_ = false;
  bool recovering_ = false;
  std::string failure_;
  uint64_t failure_member_ = 0;
  bool failure_while_recovering_ = false;
  std::unique_ptr<Inflater> inflater_;
  struct ZstdContext;
  std::unique_ptr<ZstdContext> zstd_;
};

}  // namespace lede::io
