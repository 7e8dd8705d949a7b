// Bytes that grow without being zeroed first: a WARC record's block is
// inflated straight into one (std::string in C++20 zeroes what it grows by,
// and zeroing a page cost more than the copy it would save).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <ostream>
#include <string_view>
#include <utility>

namespace lede::util {

class ByteBuffer {
 public:
  ByteBuffer() = default;
  explicit ByteBuffer(std::string_view bytes) { append(bytes); }
  ByteBuffer(ByteBuffer&& other) noexcept
      : bytes_(std::move(other.bytes_)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    bytes_ = std::move(other.bytes_);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return *this;
  }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  const char* data() const { return bytes_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {bytes_.get(), size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: read as text everywhere

  void clear() { size_ = 0; }
  void reserve(size_t capacity) {
    if (capacity <= capacity_) return;
    // Default-initialised chars: not zeroed.
    std::unique_ptr<char[]> larger(new char[capacity]);
    if (size_) std::memcpy(larger.get(), bytes_.get(), size_);
    bytes_ = std::move(larger);
    capacity_ = capacity;
  }

  // Makes the buffer `n` bytes longer and returns where they start, their
  // contents unset until the caller writes them.
  char* extend(size_t n) {
    if (capacity_ - size_ < n) reserve(std::max(size_ + n, capacity_ + capacity_ / 2));
    char* space = bytes_.get() + size_;
    size_ += n;
    return space;
  }
  // Drops bytes from the end: the part of an extend() left unwritten.
  void shrink_to(size_t size) { size_ = std::min(size, size_); }

  void append(std::string_view bytes) {
    if (!bytes.empty()) std::memcpy(extend(bytes.size()), bytes.data(), bytes.size());
  }

  friend bool operator==(const ByteBuffer& a, std::string_view b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, const ByteBuffer& bytes) {
    return out << bytes.view();
  }

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace lede::util
