#include "dom/tags.h"

#include <array>
#include <iterator>

#include "util/hash_index.h"

namespace lede::dom {
namespace {

constexpr std::string_view kNames[] = {
    "",
#define LEDE_TAG(e, s) s,
#include "dom/tags.def"
#undef LEDE_TAG
};
static_assert(std::size(kNames) == static_cast<size_t>(Tag::count_));

// Sorted, h1 to h6 are consecutive: is_heading() relies on it.
constexpr bool names_sorted() {
  for (size_t i = 2; i < std::size(kNames); ++i)
    if (!(kNames[i - 1] < kNames[i])) return false;
  return true;
}
static_assert(names_sorted(), "tags.def must stay sorted by name");

// Every tag the tokenizer reads is looked up: by hash, not by binary search.
constexpr auto kIndex = [] {
  HashIndex<512> index;
  static_assert(std::size(kNames) * 2 <= 512);
  for (size_t t = 1; t < std::size(kNames); ++t) index.add(kNames[t], t);
  return index;
}();

template <size_t N>
constexpr std::array<bool, static_cast<size_t>(Tag::count_)> tag_set(const Tag (&tags)[N]) {
  std::array<bool, static_cast<size_t>(Tag::count_)> set{};
  for (Tag t : tags) set[static_cast<size_t>(t)] = true;
  return set;
}

constexpr Tag kBlock[] = {
    Tag::address, Tag::article, Tag::aside, Tag::blockquote, Tag::body, Tag::caption,
    Tag::center, Tag::dd, Tag::details, Tag::dialog, Tag::dir, Tag::div, Tag::dl, Tag::dt,
    Tag::fieldset, Tag::figcaption, Tag::figure, Tag::footer, Tag::form, Tag::frameset,
    Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6, Tag::header, Tag::hgroup,
    Tag::hr, Tag::html, Tag::legend, Tag::li, Tag::main, Tag::menu, Tag::nav, Tag::ol,
    Tag::p, Tag::pre, Tag::search, Tag::section, Tag::summary, Tag::table, Tag::tbody,
    Tag::td, Tag::tfoot, Tag::th, Tag::thead, Tag::tr, Tag::ul, Tag::option, Tag::marquee};
constexpr Tag kInvisible[] = {
    Tag::script, Tag::style, Tag::template_, Tag::head, Tag::title,
    Tag::meta, Tag::link, Tag::base, Tag::svg, Tag::math, Tag::canvas, Tag::iframe,
    Tag::object, Tag::embed, Tag::applet, Tag::audio, Tag::video, Tag::map, Tag::area,
    Tag::param, Tag::source, Tag::track, Tag::noembed, Tag::noframes, Tag::frame,
    Tag::select, Tag::datalist, Tag::textarea, Tag::input, Tag::button, Tag::option,
    Tag::optgroup, Tag::rp, Tag::picture};
constexpr Tag kVoid[] = {Tag::area, Tag::base, Tag::br, Tag::col, Tag::embed, Tag::hr,
                         Tag::img, Tag::input, Tag::link, Tag::meta, Tag::param,
                         Tag::source, Tag::track, Tag::wbr};

constexpr auto kBlockSet = tag_set(kBlock);
constexpr auto kInvisibleSet = tag_set(kInvisible);
constexpr auto kVoidSet = tag_set(kVoid);

// Tag names are a few bytes: compared inline, where memcmp's call cost more
// than the comparing (every tag the tokenizer reads is looked up).
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

Tag tag_from_name(std::string_view name) {
  size_t t = kIndex.find_hashed(name_hash(name), [name](size_t i) { return same_name(kNames[i], name); });
  return t == kIndex.npos ? Tag::unknown : static_cast<Tag>(t);
}

std::string_view tag_name(Tag tag) { return kNames[static_cast<size_t>(tag)]; }
bool is_block(Tag tag) { return kBlockSet[static_cast<size_t>(tag)]; }
bool is_invisible(Tag tag) { return kInvisibleSet[static_cast<size_t>(tag)]; }
bool is_void(Tag tag) { return kVoidSet[static_cast<size_t>(tag)]; }
bool is_heading(Tag tag) { return tag >= Tag::h1 && tag <= Tag::h6; }

}  // namespace lede::dom
