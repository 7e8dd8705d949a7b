// A memo from string views to small values, for what a page's stages work
// out once per distinct class or id value: open addressing in one flat
// array, so that a new key costs no allocation of its own (a node-based
// std::unordered_map took one per key, thousands a page). The viewed
// strings must outlive the memo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

template <typename Value>
class ViewMemo {
 public:
  // The value held for `key`, and whether the key was new (its value then
  // value-initialized, for the caller to fill). The pointer is valid until
  // the next call.
  std::pair<Value*, bool> try_emplace(std::string_view key) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    uint32_t hash = hash_of(key);
    Slot* slot = find_slot(slots_, key, hash);
    if (slot->used) return {&slot->value, false};
    *slot = Slot{key, hash, true, Value{}};
    ++size_;
    return {&slot->value, true};
  }

  // The value held for `key`, or null.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    uint32_t hash = hash_of(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask; slots_[i].used; i = (i + 1) & mask)
      if (slots_[i].hash == hash && slots_[i].key == key) return &slots_[i].value;
    return nullptr;
  }

  size_t size() const { return size_; }

 private:
  // The hash is kept so that growing never reads the keys again (they lie
  // all over the document's strings) and most probes compare no characters.
  struct Slot {
    std::string_view key;
    uint32_t hash = 0;
    bool used = false;
    Value value{};
  };
  static constexpr size_t kFirstSlots = 64;  // a power of two

  // Class values are short: eight bytes a step, inline, costs a fraction of
  // std::hash's call. The final mix spreads every byte into the low bits
  // the table's mask keeps.
  static uint32_t hash_of(std::string_view key) {
    uint64_t h = key.size() * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, key.data() + i, 8);
      h = (h ^ word) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    uint64_t tail = 0;
    for (size_t shift = 0; i < key.size(); ++i, shift += 8)
      tail |= uint64_t{static_cast<unsigned char>(key[i])} << shift;
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<uint32_t>(h >> 32);
  }

  // The slot holding `key`, or the empty one where it belongs.
  static Slot* find_slot(std::vector<Slot>& slots, std::string_view key, uint32_t hash) {
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask)
      if (!slots[i].used || (slots[i].hash == hash && slots[i].key == key)) return &slots[i];
  }

  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? kFirstSlots : 2 * slots_.size());
    size_t mask = bigger.size() - 1;
    for (const Slot& slot : slots_) {
      if (!slot.used) continue;
      size_t i = slot.hash & mask;
      while (bigger[i].used) i = (i + 1) & mask;
      bigger[i] = slot;
    }
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace lede
