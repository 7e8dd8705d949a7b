// A memo from string views to small values, for what a page's stages work
// out once per distinct class or id value: open addressing in one flat
// array, so that a new key costs no allocation of its own (a node-based
// std::unordered_map took one per key, thousands a page). The viewed
// strings must outlive the memo.
#pragma once

#include <cstddef>
#include <functional>
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
    Slot* slot = find_slot(slots_, key);
    if (slot->used) return {&slot->value, false};
    *slot = Slot{key, Value{}, true};
    ++size_;
    return {&slot->value, true};
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;
    Value value{};
    bool used = false;
  };
  static constexpr size_t kFirstSlots = 64;  // a power of two

  // The slot holding `key`, or the empty one where it belongs.
  static Slot* find_slot(std::vector<Slot>& slots, std::string_view key) {
    size_t mask = slots.size() - 1;
    for (size_t i = std::hash<std::string_view>{}(key) & mask;; i = (i + 1) & mask)
      if (!slots[i].used || slots[i].key == key) return &slots[i];
  }

  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? kFirstSlots : 2 * slots_.size());
    for (const Slot& slot : slots_)
      if (slot.used) *find_slot(bigger, slot.key) = slot;
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace lede
