// A set of HTML tags, for the standard's many "one of" lists.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>

#include "dom/tags.h"

namespace lede::html5 {

inline constexpr size_t kTagCount = static_cast<size_t>(dom::Tag::count_);

using TagSet = std::array<bool, kTagCount>;
constexpr TagSet tag_set(std::initializer_list<dom::Tag> tags) {
  TagSet set{};
  for (dom::Tag t : tags) set[static_cast<size_t>(t)] = true;
  return set;
}
inline bool in_set(const TagSet& set, dom::Tag tag) { return set[static_cast<size_t>(tag)]; }

}  // namespace lede::html5
