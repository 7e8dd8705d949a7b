#include "clean/line_context.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lede::clean {

const std::array<std::string_view, kContextInputs> kContextInputNames = {
    "log_odds", "previous", "next", "near_mean", "wide_mean", "article_before", "article_after", "below_best",
    "article_share_before"};

namespace {

// A line's weight of article evidence: its words, signed by which side of
// even odds the first stage put it on, and scaled by how sure it was.
double article_weight(double log_odds, size_t words) {
  return (1 / (1 + std::exp(-log_odds)) - 0.5) * double(std::max<size_t>(words, 1));
}

// Word-weighted mean of the log-odds within `reach` lines either side, the
// line itself left out, from prefix sums.
void add_window_means(const std::vector<double>& score, const std::vector<double>& weight,
                      std::vector<ContextInputs>& out) {
  size_t n = score.size();
  std::vector<double> weighted(n + 1), total(n + 1);
  for (size_t i = 0; i < n; ++i) {
    weighted[i + 1] = weighted[i] + score[i] * weight[i];
    total[i + 1] = total[i] + weight[i];
  }
  for (auto [reach, input] : {std::pair<size_t, size_t>{2, context::near_mean}, {5, context::wide_mean}}) {
    for (size_t i = 0; i < n; ++i) {
      size_t lo = i > reach ? i - reach : 0, hi = std::min(n, i + reach + 1);
      double sum = weighted[hi] - weighted[lo] - score[i] * weight[i];
      double words = total[hi] - total[lo] - weight[i];
      out[i][input] = static_cast<float>(words > 0 ? sum / words : 0);
    }
  }
}

// For each line, the article weight of the best run of lines ending just
// before it and starting just after it (Kadane's running sums, both ways),
// as shares of the document's whole article weight.
void add_runs(const std::vector<double>& article, double whole, std::vector<ContextInputs>& out) {
  size_t n = article.size();
  double run = 0;
  for (size_t i = 0; i < n; ++i) {
    out[i][context::article_before] = static_cast<float>(run / whole);
    run = std::max(0.0, run + article[i]);
  }
  run = 0;
  for (size_t i = n; i-- > 0;) {
    out[i][context::article_after] = static_cast<float>(run / whole);
    run = std::max(0.0, run + article[i]);
  }
}

}  // namespace

std::vector<ContextInputs> context_inputs(const std::vector<Line>& lines, const std::vector<double>& log_odds,
                                          const std::vector<bool>& flagged) {
  size_t n = lines.size();
  std::vector<double> score(n), weight(n), article(n);
  double best = -std::numeric_limits<double>::infinity(), whole = 1e-9;
  for (size_t i = 0; i < n; ++i) {
    score[i] = flagged[i] ? -kContextLogOddsLimit : std::clamp(log_odds[i], -kContextLogOddsLimit, kContextLogOddsLimit);
    weight[i] = double(std::max<size_t>(lines[i].features.words, 1));
    article[i] = article_weight(score[i], lines[i].features.words);
    whole += std::max(0.0, article[i]);
    if (!flagged[i]) best = std::max(best, score[i]);
  }
  if (best == -std::numeric_limits<double>::infinity()) best = 0;  // no open line
  std::vector<ContextInputs> out(n);
  double before = 0;
  for (size_t i = 0; i < n; ++i) {
    ContextInputs& x = out[i];
    x[context::log_odds] = static_cast<float>(score[i]);
    x[context::previous] = static_cast<float>(i > 0 ? score[i - 1] : 0);
    x[context::next] = static_cast<float>(i + 1 < n ? score[i + 1] : 0);
    x[context::below_best] = static_cast<float>(score[i] - best);
    x[context::article_share_before] = static_cast<float>(before / whole);
    before += std::max(0.0, article[i]);
  }
  add_window_means(score, weight, out);
  add_runs(article, whole, out);
  return out;
}

}  // namespace lede::clean
