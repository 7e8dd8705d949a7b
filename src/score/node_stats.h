// Per-node aggregates from one bottom-up pass: how much visible text a subtree
// holds, how much of it is link text, and how much reads like prose. Every
// decision of the selection stage derives from these in O(1) per node.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dom/dom.h"
#include "score/class_signals.h"

namespace lede::score {

struct TextCounts {
  uint32_t chars = 0;  // non-space code points
  uint32_t punct = 0;  // sentence ends and commas, in any script
};
TextCounts count_text(std::string_view utf8);

struct NodeStats {
  uint32_t chars = 0;       // visible text in the subtree
  uint32_t link_chars = 0;  // of which inside <a href>, but for card links
  uint32_t card_chars = 0;  // of which inside card links (see compute_stats)
  uint32_t prose_chars = 0; // of which in prose-like blocks (see block_value)
  uint32_t signals = 0;     // class/id signals of the node itself
  float value = 0;          // sum of block values: > 0 reads as content
  // Text owned directly by this node as a block (not by nested blocks).
  uint32_t own_chars = 0, own_link_chars = 0, own_punct = 0;

  float link_density() const { return chars ? float(link_chars) / float(chars) : 0.f; }
  // The same, counting card links as links: how much of it is made of links.
  float linked_share() const { return chars ? float(link_chars + card_chars) / float(chars) : 0.f; }
};

// How much a block of text looks like article prose (positive) or like
// navigation (negative), from its own text only.
float block_value(uint32_t chars, uint32_t link_chars, uint32_t punct, bool* prose);

// What one stats computation over a document keeps for the next: the class
// and id signals of its elements (signals_of) and the counts of its texts. A
// caller that computes the stats again as it drops nodes has each element's
// names looked up and each text counted once, not each time. Valid while the
// elements' attributes and the texts stay as they were.
class StatsCache {
 public:
  uint32_t signals_of(const dom::Node& element);
  TextCounts counts_of(const dom::Node& text);
  // Makes room for the nodes of a document at once: growing with the
  // indexes met filled each table about twice over.
  void cover(size_t node_count);

 private:
  static constexpr uint32_t kNotLookedUp = ~0u;  // no element has every signal
  static constexpr uint32_t kNotCounted = ~0u;   // as TextCounts::chars; no text is that long
  std::vector<uint32_t> by_index_;
  NamesMemo by_value_;
  std::vector<TextCounts> text_counts_;  // by Node::index
};

// Stats for every node under `scope`, indexed by Node::index. Subtrees whose
// root has any flag in `skip_flags` count as empty, as do invisible elements.
// A card link, one that makes a whole teaser card clickable (a heading and a
// blurb of a few sentences), holds the card's text, not a link label: it
// counts as text, as card_chars.
void compute_stats(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
                   std::vector<NodeStats>& stats, StatsCache& cache);
// The same for a single computation.
void compute_stats(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
                   std::vector<NodeStats>& stats);

}  // namespace lede::score
