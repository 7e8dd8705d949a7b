#include "score/node_stats.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <type_traits>

#include "score/class_signals.h"

namespace lede::score {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// The code point starting at s[i] when it is a non-ASCII punctuation mark that
// ends a sentence or separates clauses: CJK, Arabic, Devanagari, fullwidth.
bool is_wide_punct(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (i + 1 < s.size() && at(0) == 0xD8 && at(1) == 0x8C) return true;  // ، Arabic comma
  if (i + 1 < s.size() && at(0) == 0xD8 && at(1) == 0x9F) return true;  // ؟
  if (i + 2 >= s.size()) return false;
  if (at(0) == 0xE3 && at(1) == 0x80 && (at(2) == 0x81 || at(2) == 0x82)) return true;  // 、。
  if (at(0) == 0xEF && at(1) == 0xBC && (at(2) == 0x8C || at(2) == 0x81 || at(2) == 0x9F))
    return true;  // ，！？
  if (at(0) == 0xE0 && at(1) == 0xA5 && at(2) == 0xA4) return true;  // । danda
  return false;
}

// What the non-ASCII byte s[i] adds to `counts`: a character at its first
// byte, with the marks that span several bytes.
void count_wide_byte(std::string_view s, size_t i, TextCounts& counts) {
  unsigned char c = s[i];
  if ((c & 0xC0) == 0x80) return;
  // U+00A0 is a space to readers.
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return;
  // A Han, kana or Hangul character carries about what a short Latin
  // word does: weighed as three, a Chinese paragraph scores like an
  // English one of the same meaning.
  counts.chars += (c >= 0xE3 && c <= 0xED) ? 3 : 1;
  if (is_wide_punct(s, i)) ++counts.punct;
}

// What s[i] adds to `counts`.
inline void count_byte(std::string_view s, size_t i, TextCounts& counts) {
  unsigned char c = s[i];
  if (c >= 0x80) return count_wide_byte(s, i, counts);
  if (is_space(c)) return;
  ++counts.chars;
  // A period counts only before a space or the end: not in "3.5" or URLs.
  if (c == ',' || c == '!' || c == '?' || c == ';' || (c == '.' && (i + 1 == s.size() || is_space(s[i + 1]))))
    ++counts.punct;
}

#if defined(__SSE2__)
// 0xFF in each byte of `v` that is white space as is_space() has it.
__m128i space_bytes(__m128i v) {
  auto is = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  return _mm_or_si128(_mm_or_si128(is(' '), is('\n')), _mm_or_si128(_mm_or_si128(is('\t'), is('\r')), is('\f')));
}

// The number of 0xFF bytes in `mask` (each byte 0 or 0xFF), in both 64-bit
// halves of the result.
__m128i count_marked(__m128i mask) {
  return _mm_sad_epu8(_mm_and_si128(mask, _mm_set1_epi8(1)), _mm_setzero_si128());
}

// Adds the counts of the ASCII block of 16 bytes at `p`, whose 17th byte
// exists (it decides whether a period in the last byte ends a sentence), to
// the running `chars` and `punct` sums.
void count_ascii_block(const char* p, __m128i block, __m128i& chars, __m128i& punct) {
  auto is = [block](char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
  __m128i before_space = space_bytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)));
  __m128i marks = _mm_or_si128(_mm_or_si128(is(','), is('!')), _mm_or_si128(is('?'), is(';')));
  marks = _mm_or_si128(marks, _mm_and_si128(is('.'), before_space));
  chars = _mm_add_epi64(chars, count_marked(_mm_xor_si128(space_bytes(block), _mm_set1_epi8(-1))));
  punct = _mm_add_epi64(punct, count_marked(marks));
}

uint32_t sum_of_halves(__m128i sums) {
  return static_cast<uint32_t>(_mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
}
#endif

}  // namespace

TextCounts count_text(std::string_view s) {
  TextCounts counts;
  const size_t n = s.size();
#if defined(__SSE2__)
  // Text is mostly ASCII, and an ASCII byte's count depends on it and the
  // byte after it only: 16 bytes at a time where they are all ASCII.
  __m128i chars = _mm_setzero_si128(), punct = _mm_setzero_si128();
  size_t i = 0;
  while (n - i > 16) {
    __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    if (_mm_movemask_epi8(block) == 0) {
      count_ascii_block(s.data() + i, block, chars, punct);
      i += 16;
      continue;
    }
    for (size_t block_end = i + 16; i < block_end; ++i) count_byte(s, i, counts);
  }
  for (; i < n; ++i) count_byte(s, i, counts);
  counts.chars += sum_of_halves(chars);
  counts.punct += sum_of_halves(punct);
#else
  for (size_t i = 0; i < n; ++i) count_byte(s, i, counts);
#endif
  return counts;
}

float block_value(uint32_t chars, uint32_t link_chars, uint32_t punct, bool* prose) {
  *prose = false;
  if (chars == 0) return 0.f;
  float text = float(chars - link_chars);
  float density = float(link_chars) / float(chars);
  if (density > 0.5f) return -float(link_chars) * 0.5f;
  if (text >= 100 || (text >= 40 && punct >= 1)) {
    *prose = true;
    float punct_bonus = 1.f + 0.05f * float(punct > 10 ? 10 : punct);
    return text * (1.f - density) * punct_bonus;
  }
  // Short lines: headings and labels in an article, menu items elsewhere.
  return text * 0.05f - float(link_chars) * 0.5f;
}

void StatsCache::cover(size_t node_count) {
  if (by_index_.size() < node_count) by_index_.resize(node_count, kNotLookedUp);
  if (text_counts_.size() < node_count) text_counts_.resize(node_count, {kNotCounted, 0});
}

uint32_t StatsCache::signals_of(const dom::Node& element) {
  if (by_index_.size() <= element.index) by_index_.resize(element.index * 2 + 64, kNotLookedUp);
  uint32_t& signals = by_index_[element.index];
  if (signals == kNotLookedUp) signals = score::signals_of(element, by_value_);
  return signals;
}

TextCounts StatsCache::counts_of(const dom::Node& text) {
  if (text_counts_.size() <= text.index) text_counts_.resize(text.index * 2 + 64, {kNotCounted, 0});
  TextCounts& counts = text_counts_[text.index];
  if (counts.chars == kNotCounted) counts = count_text(text.data);
  return counts;
}

namespace {

bool is_link(const dom::Node& n) { return n.is(dom::Tag::a) && n.has_attr("href"); }

// One bottom-up pass computing NodeStats. Card links (see compute_stats) are
// told apart only once their text has been counted, so every outermost link
// is first counted as a link; the rare one that turns out to be a card is
// counted again, as a card. A separate pass to find the cards first would
// cost one more walk over the whole page for every page.
// `signals_of_element(node)` gives an element's class and id signals,
// `counts_of_text(node)` a text node's counts.
template <typename Signals, typename Counts>
class StatsWalk {
 public:
  StatsWalk(dom::Node* scope, uint32_t skip_flags, std::vector<NodeStats>& stats, Signals& signals_of_element,
            Counts& counts_of_text)
      : scope_(scope), skip_flags_(skip_flags), stats_(stats), signals_of_element_(signals_of_element),
        counts_of_text_(counts_of_text) {
    blocks_.push_back(scope);
  }

  void run(dom::Node* from) {
    dom::walk(from, [this](dom::Node* n) { return enter(n); }, [this](dom::Node* n) { leave(n); });
  }

 private:
  // Where the outermost open link started: the running totals then.
  struct OpenLink {
    const dom::Node* link = nullptr;
    uint32_t chars = 0, punct = 0, blocks = 0;
    const dom::Node* owner = nullptr;  // the block owning the link's loose text
    NodeStats owner_before;            // and its stats then
  };

  bool counts_as_link(const dom::Node& n) const { return &n != card_ && is_link(n); }

  bool enter(dom::Node* n) {
    if (n->flags & skip_flags_) return false;
    if (n->is_text()) {
      count(*n);
      return false;
    }
    if (!n->is_element() || dom::is_invisible(n->tag)) return false;
    stats_[n->index].signals = signals_of_element_(*n);
    if (dom::is_block(n->tag)) {
      ++blocks_seen_;
      if (n != scope_) blocks_.push_back(n);
    }
    if (counts_as_link(*n)) {
      ++link_depth_;
      if (!open_.link && !card_) {
        const dom::Node* owner = blocks_.back();
        open_ = {n, chars_seen_, punct_seen_, blocks_seen_, owner, stats_[owner->index]};
      }
    }
    if (n == card_) ++card_depth_;
    return true;
  }

  // Counted where it stands (so inline elements have their text too) and,
  // for the block value, in the block that owns it.
  void count(const dom::Node& text) {
    TextCounts t = counts_of_text_(text);
    chars_seen_ += t.chars;
    punct_seen_ += t.punct;
    if (text.parent) {
      NodeStats& parent = stats_[text.parent->index];
      parent.chars += t.chars;
      if (link_depth_ > 0) parent.link_chars += t.chars;
      if (card_depth_ > 0) parent.card_chars += t.chars;
    }
    NodeStats& owner = stats_[blocks_.back()->index];
    owner.own_chars += t.chars;
    owner.own_punct += t.punct;
    if (link_depth_ > 0) owner.own_link_chars += t.chars;
  }

  bool is_card(const OpenLink& open) const {
    constexpr uint32_t kCardChars = 100, kCardPunct = 2;
    return blocks_seen_ > open.blocks && chars_seen_ - open.chars >= kCardChars &&
           punct_seen_ - open.punct >= kCardPunct;
  }

  void leave(dom::Node* n) {
    if (!n->is_element() || (n->flags & skip_flags_) || dom::is_invisible(n->tag)) return;
    if (n == open_.link) {
      OpenLink open = open_;
      open_ = {};
      if (is_card(open)) {
        recount_as_card(n, open);
        return;
      }
    }
    if (counts_as_link(*n)) --link_depth_;
    if (n == card_) --card_depth_;
    if (n != scope_ && blocks_.back() == n) blocks_.pop_back();
    add_up(n);
  }

  // Undoes what the link's subtree added, then walks it again as a card.
  void recount_as_card(dom::Node* link, const OpenLink& open) {
    --link_depth_;
    if (link != scope_ && blocks_.back() == link) blocks_.pop_back();
    for (dom::Node* d : dom::subtree(link)) stats_[d->index] = NodeStats{};
    if (open.owner != link) {
      NodeStats& owner = stats_[open.owner->index];
      owner.own_chars = open.owner_before.own_chars;
      owner.own_punct = open.owner_before.own_punct;
      owner.own_link_chars = open.owner_before.own_link_chars;
    }
    card_ = link;
    run(link);
    card_ = nullptr;
  }

  void add_up(dom::Node* n) {
    NodeStats& s = stats_[n->index];
    if (s.own_chars) {
      bool prose = false;
      s.value += block_value(s.own_chars, s.own_link_chars, s.own_punct, &prose);
      if (prose) s.prose_chars += s.own_chars - s.own_link_chars;
    }
    if (n == scope_ || !n->parent) return;
    NodeStats& p = stats_[n->parent->index];
    p.chars += s.chars;
    p.link_chars += s.link_chars;
    p.card_chars += s.card_chars;
    p.prose_chars += s.prose_chars;
    p.value += s.value;
  }

  dom::Node* const scope_;
  const uint32_t skip_flags_;
  std::vector<NodeStats>& stats_;
  Signals& signals_of_element_;
  Counts& counts_of_text_;
  std::vector<dom::Node*> blocks_;  // nearest block ancestor of the current node
  int link_depth_ = 0, card_depth_ = 0;
  uint32_t chars_seen_ = 0, punct_seen_ = 0, blocks_seen_ = 0;  // running totals
  OpenLink open_;
  const dom::Node* card_ = nullptr;  // the card link being counted again
};

template <typename Signals, typename Counts>
void compute(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
             std::vector<NodeStats>& stats, Signals&& signals_of_element, Counts&& counts_of_text) {
  stats.assign(doc.node_count(), NodeStats{});
  StatsWalk<std::remove_reference_t<Signals>, std::remove_reference_t<Counts>> walk(
      scope, skip_flags, stats, signals_of_element, counts_of_text);
  walk.run(scope);
}

}  // namespace

void compute_stats(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
                   std::vector<NodeStats>& stats) {
  compute(
      doc, scope, skip_flags, stats, [](const dom::Node& n) { return signals_of(n); },
      [](const dom::Node& text) { return count_text(text.data); });
}

void compute_stats(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
                   std::vector<NodeStats>& stats, StatsCache& cache) {
  cache.cover(doc.node_count());
  compute(
      doc, scope, skip_flags, stats, [&](const dom::Node& n) { return cache.signals_of(n); },
      [&](const dom::Node& text) { return cache.counts_of(text); });
}

}  // namespace lede::score
