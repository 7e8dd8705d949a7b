#include "clean/cohesion.h"

#include <algorithm>
#include <cstdint>
#include <span>

namespace lede::clean {

namespace {

constexpr uint32_t kNoLine = static_cast<uint32_t>(-1);

// Sixteen bytes a word: a document of made-up words (identifiers, encoded
// data) has about as many distinct words as words.
struct WordCounts {
  uint64_t hash = 0;             // 0: an empty slot
  uint32_t last_line = kNoLine;  // the last line that counted or read the word, so that a line does so once
  uint8_t lines = 0, prose_lines = 0;  // up to 2: what is read is "one" or "more than one"
  bool in_title = false;
};

void count_up_to_two(uint8_t& count) { count += count < 2; }

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

  // A word already counted.
  WordCounts& at(uint64_t hash) { return slots_[find(hash ? hash : 1)]; }

  void forget_last_lines() {
    for (WordCounts& entry : slots_) entry.last_line = kNoLine;
  }

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
  // Two passes over the text, counting and then reading the counts, rather
  // than keeping the words in between: a huge document's would take more
  // memory than its text.
  WordTable table;
  for (size_t i = 0; i < lines.size(); ++i) {
    visit_content_words(lines[i].text, [&](std::span<const uint64_t> words) {
      for (uint64_t word : words) {
        WordCounts& entry = table[word];
        if (entry.last_line == i) continue;  // a line counts a word once
        entry.last_line = static_cast<uint32_t>(i);
        count_up_to_two(entry.lines);
        if (prose[i]) count_up_to_two(entry.prose_lines);
        if (i == title) entry.in_title = true;
      }
    });
  }
  table.forget_last_lines();
  std::vector<LineCohesion> cohesion(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t count = 0, in_prose = 0, unique = 0, in_title = 0;
    visit_content_words(lines[i].text, [&](std::span<const uint64_t> words) {
      for (uint64_t word : words) {
        WordCounts& entry = table.at(word);
        if (entry.last_line == i) continue;
        entry.last_line = static_cast<uint32_t>(i);
        ++count;
        if (entry.prose_lines > (prose[i] ? 1u : 0u)) ++in_prose;  // the line itself does not count
        if (entry.lines == 1) ++unique;
        if (entry.in_title) ++in_title;
      }
    });
    if (count == 0) continue;
    double total = double(count);
    cohesion[i] = {double(in_prose) / total, double(unique) / total, double(in_title) / total, count};
  }
  return cohesion;
}

}  // namespace lede::clean
