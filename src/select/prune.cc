// Step 4: what is left to cut inside the kept subtrees.
#include "select/steps.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "select/marks.h"
#include "util/arena.h"
#include "util/view_memo.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

namespace {

bool is_list_like(const Node& n) {
  switch (n.tag) {
    case Tag::ul: case Tag::ol: case Tag::dl: case Tag::div: case Tag::section: case Tag::table:
    case Tag::p: case Tag::li: case Tag::nav: case Tag::menu: case Tag::tr:
      return true;
    default: return false;
  }
}

// One linked heading ("<a><h3>Title</h3></a>"): the name of a listed item,
// not a list of links.
bool is_linked_heading(Node* n) {
  int links = 0;
  bool heading = false;
  for (const Node* d : dom::subtree(n)) {
    links += d->is(Tag::a);
    heading = heading || dom::is_heading(d->tag);
    if (links > 1) return false;
  }
  return links == 1 && heading;
}

// The grid of items holding most of what was kept, on a page where prose is
// not most of it: the listing, whose items' links are their names, kept with
// the rest of each item. Null if none.
// Only the one child holding half the text is looked into at each level.
// A definition list of records is such a grid too. Tables are left out: old
// pages lay out whole columns of menus as rows.
Node* find_main_grid(Node* root, const std::vector<NodeStats>& stats) {
  const NodeStats& kept = stats[root->index];
  if (2 * kept.prose_chars >= kept.chars) return nullptr;
  for (Node* n = root; n;) {
    bool grid_tag = n->is(Tag::ul) || n->is(Tag::ol) || n->is(Tag::div) || n->is(Tag::section);
    if (grid_tag && is_grid_of_named_items(n, stats, true)) return n;
    if (n->is(Tag::dl) && is_list_of_records(n, stats)) return n;
    Node* major = nullptr;
    for (Node* c = n->first_child; c && !major; c = c->next)
      if (c->is_element() && !(c->flags & kDropped) && 2 * stats[c->index].chars >= kept.chars) major = c;
    n = major;
  }
  return nullptr;
}

// Does `n` hold `count` or more links? The items of a grid stay; in an item,
// a block of one link is its name or a button, while a list of them (tags,
// colours) is still a list of links.
constexpr int kListLinks = 3;
bool has_links(Node* n, int count) {
  for (Node* d : dom::subtree(n))
    if (d->is(Tag::a) && d->has_attr("href") && --count == 0) return true;
  return false;
}

// Does `n`, inside `grid`, hold all the text of the item it is in? Then it
// is the item, in the wrappers that lay it out ("<li><div
// class=product-item-info>...</div></li>"), not a list of links within it;
// unless it is a grid itself: the "items" are then the panels of a tabbed
// box, each a list of its own.
bool is_whole_item(Node* n, const Node* grid, const std::vector<NodeStats>& stats) {
  const Node* item = n;
  while (item->parent != grid) item = item->parent;
  return stats[n->index].chars == stats[item->index].chars && !is_grid_of_named_items(n, stats, true);
}

// How many times each link text is said in a grid. A name said in one item
// only is that item's own (its authors); one said in many items is a facet
// (topics, colours) or a button.
std::unordered_map<std::string, int> count_link_texts(Node* grid) {
  std::unordered_map<std::string, int> counts;
  for (Node* d : dom::subtree(grid))
    if (d->is(Tag::a) && d->has_attr("href")) ++counts[normalized_text(d)];
  return counts;
}

// Is `n` an enumeration of links ("A. Sun, Y. LeCun, J. Zhu"), most of them
// names said nowhere else in the grid: the item's own people, a byline?
// Tags and topics are listed without commas, and buttons repeat.
bool is_own_enumeration(Node* n, const std::unordered_map<std::string, int>& grid_link_texts) {
  int links = 0, own = 0;
  for (Node* d : dom::subtree(n)) {
    if (!d->is(Tag::a) || !d->has_attr("href")) continue;
    ++links;
    auto found = grid_link_texts.find(normalized_text(d));
    own += found != grid_link_texts.end() && found->second == 1;
  }
  const std::string text = normalized_text(n);
  const auto commas = std::count(text.begin(), text.end(), ',');
  return 3 * own >= 2 * links && commas >= links - 1;
}

// Is the text a label followed by a count in brackets ("In Stock (1,168)")?
// After stars or a score ("★★★★☆(16)", "4(91)") the count is of reviews, a
// value of a listed item.
bool is_counted_label(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() < 3 || text.back() != ')') return false;
  size_t open = text.rfind('(');
  if (open == std::string_view::npos || open + 2 >= text.size()) return false;
  std::string_view count = text.substr(open + 1, text.size() - open - 2);
  std::string_view label = text.substr(0, open);
  bool numeric = std::all_of(count.begin(), count.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; });
  bool worded = std::any_of(label.begin(), label.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '$'; });
  constexpr std::string_view kStars[] = {"\u2605", "\u2606"};  // ★ ☆
  bool rated = label.find(kStars[0]) != std::string_view::npos || label.find(kStars[1]) != std::string_view::npos;
  return numeric && worded && !rated;
}

// Does the text of `item` end with `c`? Read from the end, over a few nodes:
// a cheap test before the item's whole text is built.
bool text_ends_with(const Node* item, char c) {
  constexpr int kNodesLookedAt = 16;
  const Node* d = item;
  for (int seen = 0; seen < kNodesLookedAt; ++seen) {
    if (d->last_child) {
      d = d->last_child;
    } else {
      while (d != item && !d->prev) d = d->parent;
      if (d == item) return false;
      d = d->prev;
    }
    if (!d->is_text()) continue;
    std::string_view text = d->data;
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
    if (!text.empty()) return text.back() == c;
  }
  return false;
}

// The options of a filter beside a listing ("$50 to $75 (25)", "In Stock
// (1168)"): short labels, each with the number of items it would leave.
// They narrow the listing; they are not part of it.
bool is_filter_options(Node* n, const std::vector<NodeStats>& stats) {
  constexpr int kMinOptions = 3;
  constexpr uint32_t kOptionChars = 60;
  int options = 0;
  for (Node* c = n->first_child; c; c = c->next) options += c->is_element() && !(c->flags & kDropped);
  if (options < kMinOptions) return false;
  int counted = 0, others = 0;
  for (Node* c = n->first_child; c && 3 * others <= options; c = c->next) {
    if (!c->is_element() || (c->flags & kDropped)) continue;
    bool option = stats[c->index].chars <= kOptionChars && text_ends_with(c, ')') &&
                  is_counted_label(normalized_text(c));
    counted += option;
    others += !option;
  }
  return 3 * counted >= 2 * options;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// Does a UUID ("f2f260c3-bf1f-466a-b856-6f031758a086", lower-case) start at `at`?
bool uuid_at(std::string_view text, size_t at) {
  constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (text.size() - at < kShape.size()) return false;
  for (size_t i = 0; i < kShape.size(); ++i)
    if (kShape[i] == '-' ? text[at + i] != '-' : !is_hex(text[at + i])) return false;
  return true;
}

// Text that is mostly UUIDs: identifiers that shops print in hidden-looking
// spans to obfuscate sponsored labels; no reader reads them.
bool is_mostly_uuids(std::string_view text) {
  constexpr size_t kUuidChars = 36;
  constexpr size_t kFirstDash = 8;
  size_t uuid_chars = 0;
  // Only where a dash follows eight characters can a UUID start: memchr
  // finds those few places, where trying every place cost a pass of compares.
  for (size_t at = 0; at + kUuidChars <= text.size();) {
    size_t dash = text.find('-', at + kFirstDash);
    if (dash == std::string_view::npos) break;
    at = dash - kFirstDash;
    if (uuid_at(text, at)) {
      uuid_chars += kUuidChars;
      at += kUuidChars;
    } else {
      ++at;
    }
  }
  return 2 * uuid_chars > text.size();
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where a label sits in an item of a grid: its tag and classes, its
// parent's classes, and which of its parent's children of its tag it is
// (the first <dt> of a record names what every record's first <dt> names).
// Records have a few fields: only the nearest siblings are counted, so that
// long runs of siblings cost no more than short ones.
std::string slot_of(const Node& label) {
  constexpr int kFieldsLookedAt = 16;
  int ordinal = 0, seen = 0;
  for (const Node* p = label.prev; p && seen < kFieldsLookedAt; p = p->prev, ++seen)
    ordinal += p->tag == label.tag;
  std::string slot(label.name);
  slot += '.';
  slot += label.attr("class");
  slot += '/';
  if (label.parent) slot += label.parent->attr("class");
  slot += '#';
  slot += std::to_string(ordinal);
  return slot;
}

// The texts a slot of a grid's items holds: values if they change from item
// to item.
struct SlotTexts {
  std::string_view first;
  bool seen = false, varies = false;

  void note(std::string_view text) {
    if (!seen) first = text;
    else if (text != first) varies = true;
    seen = true;
  }
};

// The item of one of the `grids` that holds `n` (the child of the grid on
// its path up), or `n` itself if none does.
Node* item_of(Node* n, const std::vector<const Node*>& grids) {
  for (Node* a = n; a->parent; a = a->parent)
    if (std::find(grids.begin(), grids.end(), a->parent) != grids.end()) return a;
  return n;
}

// Does the item hold a block of text said nowhere else on the page? An item
// listed twice (a promoted card, a tab repeating another) has none.
bool has_text_of_its_own(Node* item, const std::vector<NodeStats>& stats, const ViewMemo<int>& seen,
                         std::string& scratch) {
  for (Node* d : dom::subtree(item)) {
    const NodeStats& s = stats[d->index];
    if (!d->is_element() || !dom::is_block(d->tag) || s.own_chars == 0 || s.chars != s.own_chars) continue;
    normalized_text_into(d, scratch);
    const int* count = seen.find(scratch);
    if (count && *count == 1) return true;
  }
  return false;
}

// A card is a few blocks; past a few dozen an item of a grid is no card.
constexpr size_t kCardBlocks = 32;

// A card that says its name or price twice (a link over the image, a hover
// layer, a quick-view panel) shows the reader one: the copies go.
bool is_said_before_in_item(std::string_view text, const std::vector<std::string_view>& item_texts) {
  return std::find(item_texts.begin(), item_texts.end(), text) != item_texts.end();
}

}  // namespace

// Step 4: inside kept subtrees, cut link lists and residual chrome.
// A link list stands out from its surroundings: in a listing page, where
// everything is links, only lists denser than the page around them go.
// Teaser cards count as links here, whatever prose they hold: a block of
// them beside more text than they hold is a list of other stories. A block
// holding more is the listing itself, and its cards are its items.
const Node* prune(Node* root, const std::vector<NodeStats>& stats, const Thresholds& t, Node* listing) {
  const NodeStats& kept = stats[root->index];
  const float limit = std::max(t.prune_density, kept.linked_share() + 0.25f);
  Node* grid = find_main_grid(root, stats);
  if (!grid && listing && dom::contains(root, listing)) grid = listing;
  const auto grid_link_texts = grid ? count_link_texts(grid) : std::unordered_map<std::string, int>{};
  auto spared_by_grid = [&](Node* n) {
    return grid && (dom::contains(n, grid) || n->parent == grid ||
                    (dom::contains(grid, n) && (!has_links(n, kListLinks) || is_whole_item(n, grid, stats) ||
                                                is_own_enumeration(n, grid_link_texts))));
  };
  for (Node* n = root->first_child; n;) {
    const NodeStats& s = stats[n->index];
    bool of_cards = s.linked_share() > limit;
    bool listing = of_cards && s.card_chars >= kept.chars - kept.card_chars;
    bool data_table = n->is(Tag::table) && is_data_table(n);
    bool cut = n->is_element() && !(n->flags & kDropped) && is_list_like(*n) && s.chars >= 10 && !data_table &&
               ((s.link_density() > limit && s.prose_chars < 200) || (of_cards && !listing)) &&
               !is_linked_heading(n) && !is_grid_of_named_items(n, stats, false) && !spared_by_grid(n);
    cut = cut || (n->is_element() && !(n->flags & kDropped) && is_list_like(*n) && is_filter_options(n, stats));
    if (cut) n->flags |= kDropped;
    if (cut || listing || data_table) {
      n = dom::next_skipping_children(n, root);
    } else {
      n = dom::next_in_preorder(n, root);
    }
  }
  return grid;
}

namespace {

// Walks the kept blocks once for drop_repeats, remembering what each said.
class RepeatCutter {
 public:
  RepeatCutter(const std::vector<NodeStats>& stats, const std::vector<const Node*>& grids)
      : stats_(stats), grids_(grids) {}

  bool enter(Node* n) {
    if (n->flags & (kDropped | kComments)) return false;
    if (n->flags & kContent) ++inside_;
    if (is_grid(n)) {  // a grid is no label, and stays
      grid_ = n;
      return true;
    }
    if (grid_ && n->parent == grid_) {
      item_ = n;
      item_texts_.clear();
    }
    const NodeStats& s = stats_[n->index];
    bool leaf_block = n->is_element() && dom::is_block(n->tag) && s.own_chars > 0 && s.chars == s.own_chars &&
                      !n->is(Tag::td) && !n->is(Tag::th);
    if (!inside_ || !leaf_block) return true;
    if (is_repeat(n, s)) {
      n->flags |= kDropped;
      return false;
    }
    return true;
  }

  void leave(Node* n) {
    if (n->flags & (kDropped | kComments)) return;
    if (n->flags & kContent) --inside_;
    // An item cut on the way (a copy, UUIDs) is not left here: the next
    // item, or the grid's end, closes it.
    if (n == grid_) grid_ = item_ = nullptr;
    if (n == item_) item_ = nullptr;
  }

  // What only the whole page tells: labels said three times, and copies in
  // a grid whose slot never varies or whose item says nothing of its own.
  void finish() {
    for (Label& label : labels_)
      if (*seen_.find(label.text) >= 3 && !(label.in_grid && slots_[slot_of(*label.node)].varies))
        label.node->flags |= kDropped;
    for (Node* copy : copies_in_grid_)
      if (!slots_[slot_of(*copy)].varies || !has_text_of_its_own(item_of(copy, grids_), stats_, seen_, scratch_))
        copy->flags |= kDropped;
  }

 private:
  static constexpr uint32_t kLabelChars = 40;
  struct Label {
    Node* node;
    std::string_view text;
    bool in_grid;
  };

  bool is_grid(const Node* n) const { return std::find(grids_.begin(), grids_.end(), n) != grids_.end(); }

  // Is the leaf block `n` to go now? Short labels are only noted: whether
  // they repeat is known at the end.
  bool is_repeat(Node* n, const NodeStats& s) {
    normalized_text_into(n, scratch_);
    if (is_mostly_uuids(scratch_)) return true;
    bool in_card = grid_ && item_ && item_texts_.size() < kCardBlocks;
    if (in_card && is_said_before_in_item(scratch_, item_texts_)) return true;
    std::string_view text = texts_.copy(scratch_);
    if (in_card) item_texts_.push_back(text);
    int count = ++*seen_.try_emplace(text).first;
    if (s.chars < kLabelChars) {
      // Repeated headings ("Pros", "Cons") structure a review; labels
      // with numbers ("Screen size: 43 in") are values of listed items.
      if (dom::is_heading(n->tag) || has_digit(text)) return false;
      if (grid_) slots_[slot_of(*n)].note(text);
      labels_.push_back({n, text, grid_ != nullptr});
      return false;
    }
    // In a grid, a longer block said again in the same slot of another
    // item is a value they share ("Subjects: Machine Learning"), if that
    // slot holds other values elsewhere.
    std::string slot = grid_ ? slot_of(*n) : std::string();
    if (grid_) slots_[slot].note(text);
    auto [first_slot, first] = first_slots_.try_emplace(text);
    if (first) *first_slot = texts_.copy(slot);
    if (count > 1 && grid_ && !first && *first_slot == slot) {
      copies_in_grid_.push_back(n);
      return false;
    }
    return count > 1;
  }

  const std::vector<NodeStats>& stats_;
  const std::vector<const Node*>& grids_;
  // Every leaf block's text is read into `scratch_` and kept in `texts_`,
  // which the memos view: no allocation per block.
  Arena texts_;
  std::string scratch_;
  ViewMemo<int> seen_;
  std::unordered_map<std::string, SlotTexts> slots_;
  std::vector<Label> labels_;
  ViewMemo<std::string_view> first_slots_;  // of longer blocks, in grids
  std::vector<Node*> copies_in_grid_;       // judged by their slot once all are seen
  int inside_ = 0;
  const Node* grid_ = nullptr;
  const Node* item_ = nullptr;                // the grid's child being walked
  std::vector<std::string_view> item_texts_;  // its leaf blocks' texts so far
};

}  // namespace

// Text blocks said twice. Short labels repeated down the page
// ("Advertisement", "Read more") are furniture: all go. A longer block seen
// before is a copy (a mobile and a desktop version, a pull quote): the first
// stays. Table cells are exempt: repeated values are data. So are labels in
// the items of a listing's grid whose slot (tag and classes) holds different
// values from item to item ("Full-Time", "Contract"): a slot that always
// says the same ("Quick view") is a button. Blocks of UUIDs go too, in the
// same pass over the blocks' texts.
void drop_repeats(Node* body, const std::vector<NodeStats>& stats, const std::vector<const Node*>& grids) {
  RepeatCutter cutter(stats, grids);
  dom::walk(body, [&](Node* n) { return cutter.enter(n); }, [&](Node* n) { cutter.leave(n); });
  cutter.finish();
}

namespace {

// Out of the text: cut, the headline, kept for the comments, or never shown.
bool is_unshown(const Node* n) {
  constexpr uint32_t kUnshown = kDropped | kTitle | kComments;
  return (n->flags & kUnshown) || (n->is_element() && dom::is_invisible(n->tag));
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

// The last text a reader sees in `root`, or null.
Node* last_shown_text(Node* root) {
  Node* last = nullptr;
  for (Node* n = root; n;) {
    if (is_unshown(n)) {
      n = dom::next_skipping_children(n, root);
      continue;
    }
    if (n->is_text() && !is_blank(n->data)) last = n;
    n = dom::next_in_preorder(n, root);
  }
  return last;
}

// The text a reader sees in `block`, whitespace collapsed, up to `limit`
// bytes and one more (enough to tell it is longer).
std::string shown_text(Node* block, size_t limit) {
  std::string text;
  for (Node* n = block; n && text.size() <= limit;) {
    if (is_unshown(n)) {
      n = dom::next_skipping_children(n, block);
      continue;
    }
    if (n->is_text())
      for (char c : n->data) {
        bool blank = static_cast<unsigned char>(c) <= ' ';
        if (!blank) text += c;
        else if (!text.empty() && text.back() != ' ') text += ' ';
      }
    n = dom::next_in_preorder(n, block);
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Was what follows `block` in `root` taken out of the text (cut, or kept
// for the comments)? The first element after it, at its level or, where it
// is last, at its parent's, tells.
bool announces_cut(const Node* block, const Node* root) {
  for (const Node* n = block; n != root; n = n->parent)
    for (const Node* s = n->next; s; s = s->next)
      if (s->is_element()) return (s->flags & (kDropped | kComments)) != 0;
  return false;
}

// A label that announces what follows it: a short heading, or a short line
// ending with a colon ("Related content:", "See also:"). Old pages set whole
// paragraphs in headings.
enum class Label { none, heading, colon_line };

Label label_kind(Node* block) {
  constexpr size_t kHeadingBytes = 80, kColonLineBytes = 48;
  std::string text = shown_text(block, kHeadingBytes);
  if (dom::is_heading(block->tag)) return text.size() <= kHeadingBytes ? Label::heading : Label::none;
  return text.size() <= kColonLineBytes && text.ends_with(':') ? Label::colon_line : Label::none;
}

}  // namespace

// Step 5: a label left last, once what it announced (a list of related
// stories, share buttons) was cut, announces nothing: a label followed by
// nothing it announced (an item's name in a listing) stays. Two at most ("See
// also:" above "Share this post"), and never two headings: a run of short
// headings at the end is the page's own (the names of a listing's items).
void drop_trailing_labels(std::vector<Node*> kept) {
  constexpr int kMostLabels = 2;
  std::sort(kept.begin(), kept.end(), [](const Node* a, const Node* b) { return a->index > b->index; });
  int dropped = 0;
  bool heading_dropped = false;
  for (Node* root : kept) {
    while (Node* text = last_shown_text(root)) {
      Node* block = text->parent;
      while (block != root && !dom::is_block(block->tag) && !dom::is_heading(block->tag)) block = block->parent;
      if (block == root || dropped == kMostLabels) return;
      const Label label = label_kind(block);
      if (label == Label::none || (label == Label::heading && heading_dropped) || !announces_cut(block, root))
        return;
      block->flags |= kDropped;
      ++dropped;
      heading_dropped = heading_dropped || label == Label::heading;
    }
  }
}

}  // namespace lede::select
