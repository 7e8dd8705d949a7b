// A model of "this line is the article's": boosted shallow regression trees
// over the line's own features and its context (where the document's prose
// is densest, how far the nearest paragraph is, runs of short lines), trained
// offline by bench/clean_train.py (see line_model_res.h), in two stages: the
// second also reads the first's verdicts on the lines around
// (line_context.h). Trees rather than one weighted sum, because the inputs
// interact: a short line means one thing above the prose and another inside
// it.
// Features are counts and shapes, not words, so that the model carries over
// to the languages it was not trained on; the one use of words is how much a
// line shares its vocabulary with the document's prose (cohesion.h).
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "clean/line_context.h"
#include "clean/lines.h"

namespace lede::clean {

inline constexpr size_t kLineModelInputs = 35;
// Floats: the second stage needs every line's inputs at once, and the trees'
// thresholds, learnt from inputs printed to six digits, need no more.
using LineModelInputs = std::array<float, kLineModelInputs>;

// Where each input stands in LineModelInputs.
namespace input {
enum Input : size_t {
  bias, log_words, ends_sentence, stop_density, address_density, has_chrome_vocab, chrome_density,
  has_separators, link_like, copyright, capitalised_share, very_short, label, body, flagged, in_region,
  before_region, after_region, log_body_distance, neighbour_log_words, nearby_body_share, log_label_run,
  position, repeated_in_document, document_without_body, between_bodies, in_dense_region, block_share,
  after_main_block, digit_share, prose_progress, prose_vocab_share, unique_vocab_share, title_vocab_share,
  log_content_words
};

}  // namespace input

// The inputs' names, in order, for the training script and the weights file.
extern const std::array<std::string_view, kLineModelInputs> kLineModelInputNames;

// The inputs of every line; `flagged[i]`: the line's own words already mark
// it as chrome (a notice, a label, a link).
std::vector<LineModelInputs> line_model_inputs(const std::vector<Line>& lines, const std::vector<bool>& flagged);

// The first stage's log-odds that the line is the article's, from the line
// and where it stands alone.
double article_log_odds(const LineModelInputs& inputs);

// The second stage's, from the same and the first stage's verdicts around
// the line (line_context.h): the model's answer.
double context_log_odds(const LineModelInputs& inputs, const ContextInputs& context);

// Lines of a document whose second-stage log-odds fall below this are
// chrome, given the best of the document's lines that no word of their own
// flags.
double document_threshold(double best_log_odds);

}  // namespace lede::clean
