#include "clean/cohesion.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace lede::clean {

namespace {

// Each line's distinct content words: line i's are words[begin[i], begin[i + 1]), sorted.
struct LineWords {
  std::vector<uint64_t> words;
  std::vector<size_t> begin;
};

LineWords distinct_content_words(const std::vector<Line>& lines) {
  LineWords out;
  out.begin.reserve(lines.size() + 1);
  for (const Line& line : lines) {
    size_t begin = out.words.size();
    out.begin.push_back(begin);
    append_content_words(line.text, out.words);
    auto first = out.words.begin() + static_cast<std::ptrdiff_t>(begin);
    std::sort(first, out.words.end());
    out.words.erase(std::unique(first, out.words.end()), out.words.end());
  }
  out.begin.push_back(out.words.size());
  return out;
}

struct WordCounts {
  uint32_t lines = 0, prose_lines = 0;
};

}  // namespace

std::vector<LineCohesion> line_cohesion(const std::vector<Line>& lines, const std::vector<bool>& prose, size_t title) {
  LineWords line_words = distinct_content_words(lines);
  std::unordered_map<uint64_t, WordCounts> counts;
  counts.reserve(line_words.words.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t k = line_words.begin[i]; k < line_words.begin[i + 1]; ++k) {
      WordCounts& count = counts[line_words.words[k]];
      ++count.lines;
      if (prose[i]) ++count.prose_lines;
    }
  }
  auto title_begin = line_words.words.begin(), title_end = title_begin;
  if (title < lines.size()) {
    title_begin += static_cast<std::ptrdiff_t>(line_words.begin[title]);
    title_end = line_words.words.begin() + static_cast<std::ptrdiff_t>(line_words.begin[title + 1]);
  }
  std::vector<LineCohesion> cohesion(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t words = line_words.begin[i + 1] - line_words.begin[i];
    if (words == 0) continue;
    size_t in_prose = 0, unique = 0, in_title = 0;
    for (size_t k = line_words.begin[i]; k < line_words.begin[i + 1]; ++k) {
      uint64_t word = line_words.words[k];
      const WordCounts& count = counts.find(word)->second;
      if (count.prose_lines > (prose[i] ? 1u : 0u)) ++in_prose;  // the line itself does not count
      if (count.lines == 1) ++unique;
      if (std::binary_search(title_begin, title_end, word)) ++in_title;
    }
    double total = double(words);
    cohesion[i] = {double(in_prose) / total, double(unique) / total, double(in_title) / total, words};
  }
  return cohesion;
}

}  // namespace lede::clean
