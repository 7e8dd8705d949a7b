// The second stage of the line model: each line seen in the light of the
// first stage's verdicts on its neighbours. Article and chrome come in runs
// (a story's paragraphs, a footer's links, a thread of comments), so a line
// the first stage is unsure of is more likely article between confident
// article lines than among confident chrome, and a run of prose far from the
// document's strongest run is more likely a teaser or a comment. The first
// stage scores each line alone, from its shape and where the prose stands;
// these inputs tell the second what it concluded around the line.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "clean/lines.h"

namespace lede::clean {

inline constexpr size_t kContextInputs = 9;
// Floats: a document holds a set per line, and the trees' thresholds need no more.
using ContextInputs = std::array<float, kContextInputs>;

namespace context {
enum Input : size_t {
  log_odds,        // the line's own first-stage log-odds
  previous,        // of the line before (0 at the start)
  next,            // of the line after (0 at the end)
  near_mean,       // word-weighted mean over two lines either side
  wide_mean,       // the same over five lines either side
  article_before,  // article weight of the best run ending just before the line, per the document's
  article_after,   // and of the best run starting just after it
  below_best,      // the line's log-odds minus the best of the document's open lines
  article_share_before  // share of the document's article weight in the lines before it
};
}  // namespace context

extern const std::array<std::string_view, kContextInputs> kContextInputNames;

// First-stage log-odds are clipped to this; a line its own words flag
// counts as certain chrome.
inline constexpr double kContextLogOddsLimit = 6;

// The inputs of every line, from the first stage's log-odds of every line
// (`flagged[i]`: line i's own words mark it as chrome, its log-odds unused).
std::vector<ContextInputs> context_inputs(const std::vector<Line>& lines, const std::vector<double>& log_odds,
                                          const std::vector<bool>& flagged);

}  // namespace lede::clean
