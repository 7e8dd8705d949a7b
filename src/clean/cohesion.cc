#include "clean/cohesion.h"

#include <bit>
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
// document, cheaper than a node per word.
class WordTable {
 public:
  explicit WordTable(size_t words) : slots_(std::bit_ceil(2 * words + 2)), mask_(slots_.size() - 1) {}

  WordCounts& operator[](uint64_t hash) {
    hash = hash ? hash : 1;
    for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      WordCounts& entry = slots_[slot];
      if (entry.hash == hash) return entry;
      if (entry.hash == 0) {
        entry.hash = hash;
        return entry;
      }
    }
  }

 private:
  std::vector<WordCounts> slots_;
  size_t mask_;
};

}  // namespace

std::vector<LineCohesion> line_cohesion(const std::vector<Line>& lines, const std::vector<bool>& prose, size_t title) {
  std::vector<uint64_t> words;
  std::vector<size_t> begin(lines.size() + 1);
  for (size_t i = 0; i < lines.size(); ++i) {
    begin[i] = words.size();
    append_content_words(lines[i].text, words);
  }
  begin[lines.size()] = words.size();
  WordTable table(words.size());
  // Each line's distinct words, as their entries in the table.
  std::vector<WordCounts*> distinct;
  std::vector<size_t> distinct_begin(lines.size() + 1);
  distinct.reserve(words.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    distinct_begin[i] = distinct.size();
    for (size_t k = begin[i]; k < begin[i + 1]; ++k) {
      WordCounts& entry = table[words[k]];
      if (entry.last_line == i) continue;
      entry.last_line = static_cast<uint32_t>(i);
      ++entry.lines;
      if (prose[i]) ++entry.prose_lines;
      if (i == title) entry.in_title = true;
      distinct.push_back(&entry);
    }
  }
  distinct_begin[lines.size()] = distinct.size();
  std::vector<LineCohesion> cohesion(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t count = distinct_begin[i + 1] - distinct_begin[i];
    if (count == 0) continue;
    size_t in_prose = 0, unique = 0, in_title = 0;
    for (size_t k = distinct_begin[i]; k < distinct_begin[i + 1]; ++k) {
      const WordCounts& entry = *distinct[k];
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
