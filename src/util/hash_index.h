// Hashing of short names (tag names, attribute names, character reference
// names, class name words), and an index of a fixed table of names built at
// compile time: one hash and a probe or two instead of a binary search whose
// every step compares strings.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lede {

// FNV-1a: names are short, so a byte at a time is fast enough.
constexpr uint32_t kNameHashStart = 2166136261u;
constexpr uint32_t name_hash_step(uint32_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 16777619u; }
constexpr uint32_t name_hash(std::string_view name) {
  uint32_t h = kNameHashStart;
  for (char c : name) h = name_hash_step(h, c);
  return h;
}

// Positions in a table of names, by name: open addressing with linear
// probing. kSlots is a power of two, at least twice the names added.
template <size_t kSlots>
class HashIndex {
  static_assert((kSlots & (kSlots - 1)) == 0);

 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  constexpr void add(std::string_view name, size_t position) {
    size_t i = name_hash(name) & (kSlots - 1);
    while (slots_[i] != 0) i = (i + 1) & (kSlots - 1);
    slots_[i] = static_cast<uint16_t>(position + 1);
  }

  // The position whose name, as `name_at(position)` gives it, is `name`; npos
  // when none is.
  template <typename NameAt>
  constexpr size_t find(std::string_view name, NameAt name_at) const {
    return find_hashed(name_hash(name), [&](size_t position) { return name_at(position) == name; });
  }

  // The position with name_hash `hash` that `is_it(position)` accepts: for a
  // caller that hashed the name as it read it.
  template <typename IsIt>
  constexpr size_t find_hashed(uint32_t hash, IsIt is_it) const {
    for (size_t i = hash & (kSlots - 1); slots_[i] != 0; i = (i + 1) & (kSlots - 1)) {
      size_t position = slots_[i] - 1u;
      if (is_it(position)) return position;
    }
    return npos;
  }

 private:
  std::array<uint16_t, kSlots> slots_{};  // position + 1; 0 is empty
};

}  // namespace lede
