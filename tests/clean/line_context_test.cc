// The second stage's inputs: what the first stage concluded around a line,
// the evidence that keeps an unsure line inside a story and cuts the same
// line among a footer's links.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/line_context.h"
#include "clean/lines.h"

namespace {

using lede::clean::ContextInputs;
using lede::clean::context_inputs;
using lede::clean::Line;
using lede::clean::split_lines;
namespace context = lede::clean::context;

struct Document {
  std::string text;
  std::vector<Line> lines;
  explicit Document(std::string t) : text(std::move(t)), lines(split_lines(text)) {}
};

// Five lines of two words each: an unsure line between two sure article
// lines, then two sure chrome lines.
const Document kFiveLines("one two\nthree four\nfive six\nseven eight\nnine ten\n");

TEST(LineContext, NeighboursVerdictsReachTheLine) {
  std::vector<ContextInputs> x = context_inputs(kFiveLines.lines, {4, 0, 4, -4, -4}, std::vector<bool>(5));
  EXPECT_FLOAT_EQ(x[1][context::log_odds], 0);
  EXPECT_FLOAT_EQ(x[1][context::previous], 4);
  EXPECT_FLOAT_EQ(x[1][context::next], 4);
  EXPECT_FLOAT_EQ(x[0][context::previous], 0);  // nothing before the first line
  EXPECT_FLOAT_EQ(x[1][context::near_mean], 4.0f / 3);  // (4 + 4 - 4) / 3 lines of equal length
  EXPECT_FLOAT_EQ(x[3][context::near_mean], 0);       // (0 + 4 - 4) / 3
  EXPECT_FLOAT_EQ(x[1][context::below_best], -4);
  EXPECT_FLOAT_EQ(x[0][context::below_best], 0);
}

TEST(LineContext, RunsOfArticleEitherSideAreSharesOfTheDocuments) {
  std::vector<ContextInputs> x = context_inputs(kFiveLines.lines, {4, 0, 4, -4, -4}, std::vector<bool>(5));
  // Lines 0 and 2 carry all the article weight, equally.
  EXPECT_NEAR(x[1][context::article_before], 0.5, 1e-6);
  EXPECT_NEAR(x[1][context::article_after], 0.5, 1e-6);
  EXPECT_NEAR(x[3][context::article_before], 1, 1e-6);
  EXPECT_NEAR(x[3][context::article_after], 0, 1e-6);
  EXPECT_NEAR(x[3][context::article_share_before], 1, 1e-6);
  EXPECT_NEAR(x[0][context::article_share_before], 0, 1e-6);
}

TEST(LineContext, LinesTheirOwnWordsFlagCountAsCertainChrome) {
  std::vector<ContextInputs> x = context_inputs(kFiveLines.lines, {4, 0, 9, -4, -4}, {false, false, true, false, false});
  EXPECT_FLOAT_EQ(x[2][context::log_odds], -lede::clean::kContextLogOddsLimit);
  EXPECT_FLOAT_EQ(x[1][context::next], -lede::clean::kContextLogOddsLimit);
  EXPECT_FLOAT_EQ(x[0][context::below_best], 0);  // the flagged line's 9 is not the best
}

TEST(LineContext, EmptyDocumentHasNoInputs) {
  Document empty("");
  EXPECT_TRUE(context_inputs(empty.lines, {}, {}).empty());
}

}  // namespace
