#include "html5/open_elements.h"

#include <bit>

namespace lede::html5 {

using dom::Namespace;
using dom::Node;
using dom::Tag;

namespace {

constexpr TagSet kScope = tag_set({Tag::applet, Tag::caption, Tag::html, Tag::table, Tag::td,
                                   Tag::th, Tag::marquee, Tag::object, Tag::template_});
constexpr TagSet kTableScope = tag_set({Tag::html, Tag::table, Tag::template_});
constexpr TagSet kModeDeciders =
    tag_set({Tag::td, Tag::th, Tag::tr, Tag::tbody, Tag::thead, Tag::tfoot, Tag::caption,
             Tag::colgroup, Tag::table, Tag::template_, Tag::head, Tag::body, Tag::frameset,
             Tag::html});
constexpr TagSet kSpecial = tag_set({
    Tag::address, Tag::applet, Tag::area, Tag::article, Tag::aside, Tag::base, Tag::basefont,
    Tag::bgsound, Tag::blockquote, Tag::body, Tag::br, Tag::button, Tag::caption, Tag::center,
    Tag::col, Tag::colgroup, Tag::dd, Tag::details, Tag::dir, Tag::div, Tag::dl, Tag::dt,
    Tag::embed, Tag::fieldset, Tag::figcaption, Tag::figure, Tag::footer, Tag::form,
    Tag::frame, Tag::frameset, Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6,
    Tag::head, Tag::header, Tag::hgroup, Tag::hr, Tag::html, Tag::iframe, Tag::img,
    Tag::input, Tag::keygen, Tag::li, Tag::link, Tag::listing, Tag::main, Tag::marquee,
    Tag::menu, Tag::meta, Tag::nav, Tag::noembed, Tag::noframes, Tag::noscript, Tag::object,
    Tag::ol, Tag::p, Tag::param, Tag::plaintext, Tag::pre, Tag::script, Tag::search,
    Tag::section, Tag::source, Tag::style, Tag::summary, Tag::table, Tag::tbody,
    Tag::td, Tag::template_, Tag::textarea, Tag::tfoot, Tag::th, Tag::thead, Tag::title,
    Tag::tr, Tag::track, Tag::ul, Tag::wbr, Tag::xmp});

constexpr uint8_t bit(Barrier kind) { return static_cast<uint8_t>(1u << static_cast<int>(kind)); }

// The barriers each HTML tag is.
constexpr std::array<uint8_t, kTagCount> kHtmlBarriers = [] {
  std::array<uint8_t, kTagCount> barriers{};
  for (size_t tag = 0; tag < kTagCount; ++tag) {
    uint8_t b = 0;
    if (kScope[tag]) b |= bit(Barrier::scope) | bit(Barrier::list_item_scope) |
                          bit(Barrier::button_scope);
    if (kTableScope[tag]) b |= bit(Barrier::table_scope);
    if (kSpecial[tag]) b |= bit(Barrier::special) | bit(Barrier::list_item_stop);
    if (kModeDeciders[tag]) b |= bit(Barrier::mode);
    barriers[tag] = b;
  }
  for (Tag list : {Tag::ol, Tag::ul}) barriers[static_cast<size_t>(list)] |= bit(Barrier::list_item_scope);
  barriers[static_cast<size_t>(Tag::button)] |= bit(Barrier::button_scope);
  for (Tag kept : {Tag::address, Tag::div, Tag::p})
    barriers[static_cast<size_t>(kept)] &= static_cast<uint8_t>(~bit(Barrier::list_item_stop));
  return barriers;
}();

// The foreign elements that bound scopes: MathML mi, mo, mn, ms, mtext,
// annotation-xml; SVG foreignObject, desc, title.
bool is_foreign_boundary(const Node* node) {
  std::string_view n = node->name;
  if (node->ns == Namespace::mathml)
    return n == "mi" || n == "mo" || n == "mn" || n == "ms" || n == "mtext" ||
           n == "annotation-xml";
  if (node->ns == Namespace::svg) return n == "foreignObject" || n == "desc" || n == "title";
  return false;
}

uint8_t barriers_of(const Node* element) {
  if (element->ns == Namespace::html) return kHtmlBarriers[static_cast<size_t>(element->tag)];
  if (!is_foreign_boundary(element)) return 0;
  return bit(Barrier::scope) | bit(Barrier::list_item_scope) | bit(Barrier::button_scope) |
         bit(Barrier::special) | bit(Barrier::list_item_stop);
}

}  // namespace

bool is_special(const Node* node) { return barriers_of(node) & bit(Barrier::special); }

void OpenElements::push(Node* element) {
  const auto at = static_cast<int32_t>(entries_.size());
  Entry entry{element, static_cast<int32_t>(kNone), barriers_of(element)};
  for (unsigned bits = entry.barriers; bits; bits &= bits - 1)
    barriers_[std::countr_zero(bits)].push_back(at);
  if (element->ns == Namespace::html) {
    int32_t& topmost = topmost_[static_cast<size_t>(element->tag)];
    entry.down_same_tag = topmost;
    topmost = at;
  }
  entries_.push_back(entry);
  if (position_by_index_.size() <= element->index)
    position_by_index_.resize(element->index * 2 + 64);
  position_by_index_[element->index] = static_cast<uint32_t>(at) + 1;
}

Node* OpenElements::pop() {
  const Entry& entry = entries_.back();
  Node* element = entry.node;
  for (unsigned bits = entry.barriers; bits; bits &= bits - 1)
    barriers_[std::countr_zero(bits)].pop_back();
  if (element->ns == Namespace::html)
    topmost_[static_cast<size_t>(element->tag)] = entry.down_same_tag;
  position_by_index_[element->index] = 0;
  entries_.pop_back();
  return element;
}

void OpenElements::remove(const Node* element) {
  ptrdiff_t at = position(element);
  if (at == kNone) return;
  edit_from(static_cast<size_t>(at), [](std::vector<Node*>& above) { above.erase(above.begin()); });
}

ptrdiff_t OpenElements::position(const Node* element) const {
  if (element->index >= position_by_index_.size()) return kNone;
  return static_cast<ptrdiff_t>(position_by_index_[element->index]) - 1;
}

}  // namespace lede::html5
