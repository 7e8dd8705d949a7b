// Element names as small integers, so that the scorer and renderers switch on
// a number instead of comparing strings.
#pragma once

#include <cstdint>
#include <string_view>

namespace lede::dom {

enum class Tag : uint16_t {
  unknown = 0,
#define LEDE_TAG(e, s) e,
#include "dom/tags.def"
#undef LEDE_TAG
  count_
};

// Lower-case ASCII name to Tag; Tag::unknown for anything else.
Tag tag_from_name(std::string_view lower_name);
std::string_view tag_name(Tag tag);

// Block-level for text layout: these break the line in every renderer.
bool is_block(Tag tag);
// Never rendered: their content is code, styling or embedded media.
bool is_invisible(Tag tag);
// Elements with no content (br, img, ...).
bool is_void(Tag tag);
bool is_heading(Tag tag);

}  // namespace lede::dom
