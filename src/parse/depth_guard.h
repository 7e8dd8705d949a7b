// libgumbo needs time and memory quadratic in nesting depth (10k nested divs
// take 0.8 GB). Before handing a page to it, start tags nested deeper than a
// browser would build (Chromium flattens beyond 512) are cut, with their end
// tags. Text is kept, so nothing of the content is lost; normal pages are
// returned untouched.
#pragma once

#include <string>
#include <string_view>

namespace lede::parse {

inline constexpr size_t kMaxNestingDepth = 512;

// True if tags had to be cut; the flattened page is then in `out`.
bool flatten_deep_nesting(std::string_view html, std::string& out,
                          size_t max_depth = kMaxNestingDepth);

}  // namespace lede::parse
