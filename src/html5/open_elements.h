// The stack of open elements (WHATWG HTML 13.2.4.3), indexed so that the
// searches the standard makes of it cost constant time however deep the stack
// grows: a page of 100k unclosed <span>s followed by 100k stray end tags must
// not walk 100k entries per tag. Two indexes make that so:
// - every open HTML element links to the next one down with the same tag, so
//   the topmost element with a tag is always at hand;
// - for each kind of barrier (the elements a search stops at: scope
//   boundaries, special elements, ...), the positions of the open ones.
// Changing the stack anywhere but at its top (only the adoption agency and
// the removal of misnested elements do) re-indexes the entries above the
// change, so those callers keep their changes near the top.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "dom/dom.h"
#include "html5/tag_set.h"

namespace lede::html5 {

// What stops a search down the stack.
enum class Barrier : uint8_t {
  scope,            // "has an element in scope"
  list_item_scope,  // "... in list item scope"
  button_scope,     // "... in button scope"
  table_scope,      // "... in table scope"
  special,          // the special elements, where "any other end tag" gives up
  list_item_stop,   // where <li>, <dd> and <dt> stop looking for one to close:
                    // the special elements but address, div and p
  mode,             // the elements "reset the insertion mode" decides on
  count_
};

// The special category: HTML's list, and the MathML and SVG elements that
// bound scopes (mi, mo, mn, ms, mtext, annotation-xml; foreignObject, desc,
// title).
bool is_special(const dom::Node* node);

class OpenElements {
 public:
  // A position in the stack counts from 0, the bottom; kNone is no position.
  static constexpr ptrdiff_t kNone = -1;

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  dom::Node* operator[](size_t position) const { return entries_[position].node; }
  dom::Node* back() const { return entries_.back().node; }

  void push(dom::Node* element);
  dom::Node* pop();
  // Takes the element out of the stack, if it is there.
  void remove(const dom::Node* element);
  // Rewrites the entries from position `from` up: `edit` gets them, bottom
  // first, in a vector to change as it likes (without touching the stack),
  // and what it leaves there becomes the top of the stack.
  template <typename Edit>
  void edit_from(size_t from, Edit&& edit) {
    std::vector<dom::Node*> above;
    above.reserve(entries_.size() - from);
    for (size_t i = from; i < entries_.size(); ++i) above.push_back(entries_[i].node);
    while (entries_.size() > from) pop();
    edit(above);
    for (dom::Node* element : above) push(element);
  }

  bool contains(const dom::Node* element) const { return position(element) != kNone; }
  ptrdiff_t position(const dom::Node* element) const;
  // The topmost open HTML element with the tag.
  ptrdiff_t topmost(dom::Tag tag) const { return topmost_[static_cast<size_t>(tag)]; }
  bool has(dom::Tag tag) const { return topmost(tag) != kNone; }
  // The next HTML element down from `position` with the same tag as it.
  ptrdiff_t next_down_with_same_tag(size_t position) const {
    return entries_[position].down_same_tag;
  }
  // The topmost barrier of the kind.
  ptrdiff_t barrier(Barrier kind) const {
    const std::vector<int32_t>& open = barriers_[static_cast<size_t>(kind)];
    return open.empty() ? kNone : open.back();
  }
  // The positions of all barriers of the kind, bottom first.
  std::span<const int32_t> barriers(Barrier kind) const {
    return barriers_[static_cast<size_t>(kind)];
  }

 private:
  struct Entry {
    dom::Node* node;
    int32_t down_same_tag;
    uint8_t barriers;  // a bit per Barrier kind
  };

  std::vector<Entry> entries_;
  // By Node::index: position + 1 of the open elements, 0 for the others.
  std::vector<uint32_t> position_by_index_;
  std::array<int32_t, kTagCount> topmost_ = filled_with_none();
  std::array<std::vector<int32_t>, static_cast<size_t>(Barrier::count_)> barriers_;

  static constexpr std::array<int32_t, kTagCount> filled_with_none() {
    std::array<int32_t, kTagCount> a{};
    a.fill(kNone);
    return a;
  }
};

}  // namespace lede::html5
