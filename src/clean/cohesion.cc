#include "clean/cohesion.h"

#include <algorithm>
#include <cstdint>

namespace lede::clean {

namespace {

constexpr uint32_t kNoLine = static_cast<uint32_t>(-1);

struct WordCounts {
  uint64_t hash = 0;  // 0: an empty slot
  uint32_t lines = 0, prose_lines = 0;
  uint32_t last_line = kNoLine;  // the last line counted, so that a line counts a word once
  bool in_title = false;
};

// The document's content words by hash, open addressing: one flat table per
// document, cheaper than a node per word, grown with the vocabulary rather
// than sized for every word of a huge document.
class WordTable {
 public:
  WordCounts& operator[](uint64_t hash) {
    hash = hash ? hash : 1;
    if (2 * (used_ + 1) > slots_.size()) grow();
    WordCounts& entry = slots_[find(hash)];
    if (entry.hash == 0) {
      entry.hash = hash;
      ++used_;
    }
    return entry;
  }

  const WordCounts& at(uint64_t hash) const { return slots_[find(hash ? hash : 1)]; }

 private:
  size_t find(uint64_t hash) const {
    size_t mask = slots_.size() - 1;
    size_t slot = hash & mask;
    while (slots_[slot].hash != hash && slots_[slot].hash != 0) slot = (slot + 1) & mask;
    return slot;
  }

  void grow() {
    std::vector<WordCounts> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), WordCounts{});
    for (const WordCounts& entry : old) {
      if (entry.hash != 0) slots_[find(entry.hash)] = entry;
    }
  }

  std::vector<WordCounts> slots_;
  size_t used_ = 0;
};

}  // namespace

std::vector<LineCohesion> line_cohesion(const std::vector<Line>& lines, const std::vector<bool>& prose, size_t title) {
  WordTable table;
  // Each line's distinct words: line i's are distinct[begin[i], begin[i + 1]).
  std::vector<uint64_t> distinct, words;
  std::vector<size_t> begin(lines.size() + 1);
  for (size_t i = 0; i < lines.size(); ++i) {
    begin[i] = distinct.size();
    words.clear();
    append_content_words(lines[i].text, words);
    for (uint64_t word : words) {
      WordCounts& entry = table[word];
      if (entry.last_line == i) continue;
      entry.last_line = static_cast<uint32_t>(i);
      ++entry.lines;
      if (prose[i]) ++entry.prose_lines;
      if (i == title) entry.in_title = true;
      distinct.push_back(word);
    }
  }
  begin[lines.size()] = distinct.size();
  std::vector<LineCohesion> cohesion(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t count = begin[i + 1] - begin[i];
    if (count == 0) continue;
    size_t in_prose = 0, unique = 0, in_title = 0;
    for (size_t k = begin[i]; k < begin[i + 1]; ++k) {
      const WordCounts& entry = table.at(distinct[k]);
      if (entry.prose_lines > (prose[i] ? 1u : 0u)) ++in_prose;  // the line itself does not count
      if (entry.lines == 1) ++unique;
      if (entry.in_title) ++in_title;
    }
    double total = double(count);
    cohesion[i] = {double(in_prose) / total, double(unique) / total, double(in_title) / total, count};
  }
  return cohesion;
}

}  // namespace lede::clean
