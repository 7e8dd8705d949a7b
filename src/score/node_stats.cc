#include "score/node_stats.h"

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

}  // namespace

TextCounts count_text(std::string_view s) {
  TextCounts counts;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (is_space(c)) continue;
      ++counts.chars;
      // A period counts only before a space or the end: not in "3.5" or URLs.
      if (c == ',' || c == '!' || c == '?' || c == ';' ||
          (c == '.' && (i + 1 == s.size() || is_space(s[i + 1]))))
        ++counts.punct;
    } else if ((c & 0xC0) != 0x80) {
      // U+00A0 is a space to readers.
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) continue;
      // A Han, kana or Hangul character carries about what a short Latin
      // word does: weighed as three, a Chinese paragraph scores like an
      // English one of the same meaning.
      counts.chars += (c >= 0xE3 && c <= 0xED) ? 3 : 1;
      if (is_wide_punct(s, i)) ++counts.punct;
    }
  }
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

// Card links (see compute_stats): <a><h3>Name</h3><p>A blurb.</p></a>.
// Listings are made of them.
template <typename Counts>
std::vector<bool> find_card_links(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
                                  Counts&& counts_of_text) {
  constexpr uint32_t kCardChars = 100, kCardPunct = 2;
  std::vector<bool> cards(doc.node_count(), false);
  const dom::Node* link = nullptr;
  TextCounts text;
  bool holds_block = false;
  dom::walk(
      scope,
      [&](dom::Node* n) {
        if (n->flags & skip_flags) return false;
        if (n->is_text() && link) {
          TextCounts t = counts_of_text(*n);
          text.chars += t.chars;
          text.punct += t.punct;
        }
        if (!n->is_element() || dom::is_invisible(n->tag)) return false;
        if (!link && is_link(*n)) {
          link = n;
          text = {};
          holds_block = false;
        } else if (link && dom::is_block(n->tag)) {
          holds_block = true;
        }
        return true;
      },
      [&](dom::Node* n) {
        if (n != link) return;
        cards[n->index] = holds_block && text.chars >= kCardChars && text.punct >= kCardPunct;
        link = nullptr;
      });
  return cards;
}

// `signals_of_element(node)` gives an element's class and id signals,
// `counts_of_text(node)` a text node's counts.
template <typename Signals, typename Counts>
void compute(const dom::Document& doc, dom::Node* scope, uint32_t skip_flags,
             std::vector<NodeStats>& stats, Signals&& signals_of_element, Counts&& counts_of_text) {
  stats.assign(doc.node_count(), NodeStats{});
  const std::vector<bool> cards = find_card_links(doc, scope, skip_flags, counts_of_text);
  auto counts_as_link = [&](const dom::Node& n) { return is_link(n) && !cards[n.index]; };
  int card_depth = 0;
  std::vector<dom::Node*> blocks;  // nearest block ancestor of the current node
  int link_depth = 0;
  blocks.push_back(scope);
  dom::walk(
      scope,
      [&](dom::Node* n) {
        if (n->flags & skip_flags) return false;
        if (n->is_text()) {
          TextCounts t = counts_of_text(*n);
          // Counted where it stands (so inline elements have their text too)
          // and, for the block value, in the block that owns it.
          if (n->parent) {
            stats[n->parent->index].chars += t.chars;
            if (link_depth > 0) stats[n->parent->index].link_chars += t.chars;
            if (card_depth > 0) stats[n->parent->index].card_chars += t.chars;
          }
          NodeStats& owner = stats[blocks.back()->index];
          owner.own_chars += t.chars;
          owner.own_punct += t.punct;
          if (link_depth > 0) owner.own_link_chars += t.chars;
          return false;
        }
        if (!n->is_element()) return false;
        if (dom::is_invisible(n->tag)) return false;
        stats[n->index].signals = signals_of_element(*n);
        if (n != scope && dom::is_block(n->tag)) blocks.push_back(n);
        if (counts_as_link(*n)) ++link_depth;
        if (cards[n->index]) ++card_depth;
        return true;
      },
      [&](dom::Node* n) {
        if (!n->is_element() || (n->flags & skip_flags) || dom::is_invisible(n->tag)) return;
        NodeStats& s = stats[n->index];
        if (counts_as_link(*n)) --link_depth;
        if (cards[n->index]) --card_depth;
        if (n != scope && blocks.back() == n) blocks.pop_back();
        if (s.own_chars) {
          bool prose = false;
          s.value += block_value(s.own_chars, s.own_link_chars, s.own_punct, &prose);
          if (prose) s.prose_chars += s.own_chars - s.own_link_chars;
        }
        if (n == scope || !n->parent) return;
        NodeStats& p = stats[n->parent->index];
        p.chars += s.chars;
        p.link_chars += s.link_chars;
        p.card_chars += s.card_chars;
        p.prose_chars += s.prose_chars;
        p.value += s.value;
      });
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
  compute(
      doc, scope, skip_flags, stats, [&](const dom::Node& n) { return cache.signals_of(n); },
      [&](const dom::Node& text) { return cache.counts_of(text); });
}

}  // namespace lede::score
