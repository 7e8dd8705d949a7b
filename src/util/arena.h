// A bump allocator: every node, attribute and string of one document lives in
// a few large blocks that are freed together, so building a DOM costs no
// per-node heap allocation and dropping it costs one free per block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lede {

class Arena {
 public:
  explicit Arena(size_t block_size = 64 * 1024) : block_size_(block_size) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  // Inline, with the new block out of line: every node and string of a page
  // comes through here.
  void* allocate(size_t size, size_t align) {
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cursor_) & (align - 1))) & (align - 1);
    if (cursor_ == nullptr || pad + size > static_cast<size_t>(end_ - cursor_))
      return allocate_in_new_block(size, align);
    char* p = cursor_ + pad;
    cursor_ = p + size;
    return p;
  }

  // Objects made here are never destroyed: only trivially destructible types.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  template <typename T>
  T* make_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>);
    T* p = static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
    for (size_t i = 0; i < n; ++i) new (p + i) T();
    return p;
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // The memory taken from the heap so far: the blocks, used or not.
  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  [[gnu::noinline]] void* allocate_in_new_block(size_t size, size_t align) {
    grow(size + align);
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cursor_) & (align - 1))) & (align - 1);
    char* p = cursor_ + pad;
    cursor_ = p + size;
    return p;
  }

  void grow(size_t at_least) {
    size_t size = at_least > block_size_ ? at_least : block_size_;
    blocks_.emplace_back(new char[size]);
    bytes_allocated_ += size;
    cursor_ = blocks_.back().get();
    end_ = cursor_ + size;
  }

  size_t block_size_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
  size_t bytes_allocated_ = 0;
};

}  // namespace lede
