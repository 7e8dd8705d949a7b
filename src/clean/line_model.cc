#include "clean/line_model.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <string>

#include "clean/classify.h"
#include "clean/cohesion.h"
#include "clean/line_model_res.h"

namespace lede::clean {

const std::array<std::string_view, kLineModelInputs> kLineModelInputNames = {
    "bias",           "log_words",         "ends_sentence",   "stop_density",   "address_density",
    "has_chrome_vocab", "chrome_density",  "has_separators",  "link_like",      "copyright",
    "capitalised_share", "very_short",     "label",           "body",           "flagged",
    "in_region",      "before_region",     "after_region",    "log_body_distance", "neighbour_log_words",
    "nearby_body_share", "log_label_run",  "position",        "repeated_in_document", "document_without_body",
    "between_bodies", "in_dense_region", "block_share", "after_main_block", "digit_share", "prose_progress",
    "prose_vocab_share", "unique_vocab_share", "title_vocab_share", "log_content_words"};


template <size_t kTrees>
constexpr bool trees_read_known_inputs(const std::array<LineTree, kTrees>& trees, size_t inputs) {
  for (const LineTree& tree : trees) {
    for (uint8_t input : tree.input) {
      if (input >= inputs) return false;
    }
  }
  return true;
}
static_assert(trees_read_known_inputs(kLineTrees, kLineModelInputs) &&
                  trees_read_known_inputs(kContextTrees, kLineModelInputs + kContextInputs),
              "line_model_res.h is out of date: rerun bench/clean_train.py");

namespace {

bool is_label(const LineFeatures& f) { return f.words <= 6 && !f.ends_sentence; }

// The article as the densest run of prose: the segment of lines with the
// largest sum of scores, where a paragraph scores its words and any other
// line costs a little, more when its words mark it as chrome.
struct Region {
  size_t begin = 0, end = 0;  // [begin, end); empty when the text has no prose
};

Region prose_region(const std::vector<Line>& lines, const std::vector<bool>& flagged, double line_cost) {
  Region best;
  double best_sum = 0, sum = 0;
  size_t start = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineFeatures& f = lines[i].features;
    double cost = 1.0 + double(std::min<size_t>(f.words, 20)) / 4 + (flagged[i] ? 4 : 0);
    double score = is_body_paragraph(f) ? double(f.words) : -line_cost * cost;
    if (sum <= 0) sum = 0, start = i;
    sum += score;
    if (sum > best_sum) best_sum = sum, best = {start, i + 1};
  }
  return best;
}

// For each line, the distance in lines to the nearest body paragraph
// (lines.size() when there is none).
std::vector<size_t> body_distances(const std::vector<Line>& lines) {
  size_t n = lines.size();
  std::vector<size_t> distance(n, n);
  size_t last = n;
  for (size_t i = 0; i < n; ++i) {
    if (is_body_paragraph(lines[i].features)) last = i;
    if (last != n) distance[i] = i - last;
  }
  last = n;
  for (size_t i = n; i-- > 0;) {
    if (is_body_paragraph(lines[i].features)) last = i;
    if (last != n) distance[i] = std::min(distance[i], last - i);
  }
  return distance;
}

// For each label line, the length of the run of label lines it is in.
std::vector<size_t> label_runs(const std::vector<Line>& lines) {
  std::vector<size_t> run(lines.size(), 0);
  for (size_t i = 0; i < lines.size();) {
    size_t end = i;
    while (end < lines.size() && is_label(lines[end].features)) ++end;
    for (size_t k = i; k < end; ++k) run[k] = end - i;
    i = std::max(end, i + 1);
  }
  return run;
}

// Blocks of prose: body paragraphs with fewer than three other lines
// between them. The main block, the one with the most words, is usually the
// article; blocks after it are comments and teasers.
struct Blocks {
  std::vector<size_t> of_line;       // for each line, its block, or kNoBlock
  std::vector<size_t> before_line;   // the block of the last body paragraph up to the line, or kNoBlock
  std::vector<size_t> words;         // per block
  size_t main = 0;
};
constexpr size_t kNoBlock = static_cast<size_t>(-1);
constexpr size_t kBlockGap = 3;

Blocks prose_blocks(const std::vector<Line>& lines) {
  Blocks blocks{std::vector<size_t>(lines.size(), kNoBlock), std::vector<size_t>(lines.size(), kNoBlock), {}, 0};
  size_t since_body = kBlockGap;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineFeatures& f = lines[i].features;
    if (is_body_paragraph(f)) {
      if (since_body >= kBlockGap) blocks.words.push_back(0);
      blocks.of_line[i] = blocks.words.size() - 1;
      blocks.words.back() += f.words;
      since_body = 0;
    } else {
      ++since_body;
    }
    blocks.before_line[i] = blocks.words.empty() ? kNoBlock : blocks.words.size() - 1;
  }
  for (size_t b = 0; b < blocks.words.size(); ++b) {
    if (blocks.words[b] > blocks.words[blocks.main]) blocks.main = b;
  }
  return blocks;
}

size_t ascii_digits(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// Lines whose normalised text another line of the document shares. Counted
// by a hash of that text, which is built and compared in full only when
// hashes match, so that a huge document is not held a second time as keys.
std::vector<bool> repeated_in_document(const std::vector<Line>& lines) {
  struct Entry {
    uint64_t hash = 0;
    uint32_t first_line = 0;  // the line whose text the entry counts
    uint32_t count = 0;       // 0: an empty slot
  };
  std::vector<Entry> table(std::bit_ceil(std::max<size_t>(16, 2 * lines.size())));
  size_t mask = table.size() - 1;
  constexpr uint32_t kNoEntry = static_cast<uint32_t>(-1);
  std::vector<uint32_t> entry_of(lines.size(), kNoEntry);
  std::string text, other;
  for (size_t i = 0; i < lines.size(); ++i) {
    NormalisedHash key = normalised_hash(lines[i].text);
    if (key.length == 0) continue;
    size_t slot = key.hash & mask;
    for (; table[slot].count; slot = (slot + 1) & mask) {
      if (table[slot].hash != key.hash) continue;
      normalise_line(lines[i].text, text);
      normalise_line(lines[table[slot].first_line].text, other);
      if (other == text) break;
    }
    if (table[slot].count == 0) table[slot] = {key.hash, static_cast<uint32_t>(i), 0};
    ++table[slot].count;
    entry_of[i] = static_cast<uint32_t>(slot);
  }
  std::vector<bool> repeated(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) repeated[i] = entry_of[i] != kNoEntry && table[entry_of[i]].count > 1;
  return repeated;
}

// The paragraphs of the densest run of prose, and the headline: the last
// title-like line among the few just before the first of them.
constexpr size_t kHeadlineLookBack = 5;

std::vector<LineCohesion> cohesion_with_prose(const std::vector<Line>& lines, Region dense) {
  std::vector<bool> prose(lines.size());
  size_t first_prose = lines.size();
  for (size_t i = dense.begin; i < dense.end; ++i) {
    prose[i] = is_body_paragraph(lines[i].features);
    if (prose[i]) first_prose = std::min(first_prose, i);
  }
  size_t title = lines.size();
  if (first_prose < lines.size()) {
    size_t earliest = first_prose > kHeadlineLookBack ? first_prose - kHeadlineLookBack : 0;
    for (size_t i = first_prose; i-- > earliest;) {
      if (is_title_like(lines[i])) {
        title = i;
        break;
      }
    }
  }
  return line_cohesion(lines, prose, title);
}

double share(size_t part, size_t whole) { return whole ? double(part) / double(whole) : 0; }

// Mean log-length of the two lines either side, and the share of body
// paragraphs among the three either side.
void add_neighbourhood(const std::vector<Line>& lines, size_t i, LineModelInputs& x) {
  double log_words = 0;
  size_t neighbours = 0, nearby = 0, bodies = 0;
  for (size_t k = i >= 3 ? i - 3 : 0; k < std::min(lines.size(), i + 4); ++k) {
    if (k == i) continue;
    const LineFeatures& f = lines[k].features;
    if (k + 2 >= i && k <= i + 2) log_words += std::log1p(double(f.words)), ++neighbours;
    ++nearby;
    if (is_body_paragraph(f)) ++bodies;
  }
  x[input::neighbour_log_words] = neighbours ? log_words / double(neighbours) : 0;
  x[input::nearby_body_share] = share(bodies, nearby);
}

}  // namespace

std::vector<LineModelInputs> line_model_inputs(const std::vector<Line>& lines, const std::vector<bool>& flagged) {
  size_t n = lines.size();
  Region region = prose_region(lines, flagged, 1);
  Region dense = prose_region(lines, flagged, 4);  // one that long runs of other lines break
  Blocks blocks = prose_blocks(lines);
  size_t body_words = 0, body_words_before = 0;
  for (const Line& line : lines) body_words += is_body_paragraph(line.features) ? line.features.words : 0;
  std::vector<size_t> distance = body_distances(lines);
  std::vector<size_t> runs = label_runs(lines);
  std::vector<bool> repeated = repeated_in_document(lines);
  std::vector<LineCohesion> cohesion = cohesion_with_prose(lines, dense);
  size_t first_body = n, last_body = 0;
  for (size_t i = 0; i < n; ++i) {
    if (is_body_paragraph(lines[i].features)) first_body = std::min(first_body, i), last_body = i;
  }
  std::vector<LineModelInputs> inputs(n);
  for (size_t i = 0; i < n; ++i) {
    const LineFeatures& f = lines[i].features;
    LineModelInputs& x = inputs[i];
    x[input::bias] = 1;
    x[input::log_words] = std::log1p(double(f.words));
    x[input::ends_sentence] = f.ends_sentence;
    x[input::stop_density] = f.stop_density();
    x[input::address_density] = std::min(1.0, share(f.address, f.words) * 5);
    x[input::has_chrome_vocab] = f.chrome_vocab() > 0;
    x[input::chrome_density] = share(f.chrome_vocab(), f.words);
    x[input::has_separators] = f.separators > 0;
    x[input::link_like] = f.link_like;
    x[input::copyright] = f.has_copyright_sign || f.vocab[static_cast<size_t>(Vocab::copyright)] > 0;
    x[input::capitalised_share] = share(f.capitalised, f.words);
    x[input::very_short] = f.words <= 3;
    x[input::label] = is_label(f);
    x[input::body] = is_body_paragraph(f);
    x[input::flagged] = flagged[i];
    x[input::in_region] = i >= region.begin && i < region.end;
    x[input::before_region] = i < region.begin;
    x[input::after_region] = i >= region.end;
    x[input::log_body_distance] = std::log1p(double(distance[i]));
    add_neighbourhood(lines, i, x);
    x[input::log_label_run] = std::log1p(double(runs[i]));
    x[input::position] = n > 1 ? double(i) / double(n - 1) : 0;
    x[input::repeated_in_document] = repeated[i];
    x[input::document_without_body] = first_body == n;
    x[input::between_bodies] = first_body < i && i < last_body;
    x[input::in_dense_region] = i >= dense.begin && i < dense.end;
    size_t block = blocks.of_line[i];
    x[input::block_share] = block == kNoBlock ? 0 : share(blocks.words[block], blocks.words[blocks.main]);
    x[input::after_main_block] = blocks.before_line[i] != kNoBlock && blocks.before_line[i] > blocks.main;
    x[input::digit_share] = share(ascii_digits(lines[i].text), lines[i].text.size());
    x[input::prose_progress] = share(body_words_before, body_words);
    if (x[input::body] > 0) body_words_before += f.words;
    x[input::prose_vocab_share] = cohesion[i].prose_share;
    x[input::unique_vocab_share] = cohesion[i].unique_share;
    x[input::title_vocab_share] = cohesion[i].title_share;
    x[input::log_content_words] = std::log1p(double(cohesion[i].content_words));
  }
  return inputs;
}

namespace {

// The sum of the trees' leaves, `input(k)` giving input k. The descent is
// arithmetic rather than branches, which the inputs would mispredict half
// the time, and four partial sums let consecutive trees overlap.
template <size_t kTrees, class Input>
double sum_trees(const std::array<LineTree, kTrees>& trees, double bias, Input input) {
  std::array<double, 4> sums{bias, 0, 0, 0};
  for (size_t t = 0; t < kTrees; ++t) {
    const LineTree& tree = trees[t];
    size_t node = 0;
    for (size_t level = 0; level < kTreeDepth; ++level) {
      node = 2 * node + 1 + static_cast<size_t>(input(tree.input[node]) > tree.threshold[node]);
    }
    sums[t % 4] += tree.leaf[node - tree.input.size()];
  }
  return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

}  // namespace

double article_log_odds(const LineModelInputs& inputs) {
  return sum_trees(kLineTrees, kLineModelBias, [&](size_t k) { return inputs[k]; });
}

double context_log_odds(const LineModelInputs& inputs, const ContextInputs& context) {
  return sum_trees(kContextTrees, kContextModelBias,
                   [&](size_t k) { return k < kLineModelInputs ? inputs[k] : context[k - kLineModelInputs]; });
}

// A page whose best line is a confident paragraph can afford a stricter
// threshold than one (a listing, a product page) where no line is sure.
double document_threshold(double best_log_odds) {
  return kLineModelThreshold + kDocumentBestWeight * (best_log_odds - kLineModelThreshold);
}

}  // namespace lede::clean
