// Topical cohesion: how much of a line's vocabulary the article's prose and
// headline share, the signal that tells a related story's headline from a
// subheading of the article itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/cohesion.h"
#include "clean/line_model.h"
#include "clean/lines.h"

namespace {

using lede::clean::Line;
using lede::clean::LineCohesion;
using lede::clean::line_cohesion;
using lede::clean::split_lines;

struct Document {
  std::string text;
  std::vector<Line> lines;
  explicit Document(std::string t) : text(std::move(t)), lines(split_lines(text)) {}
};

TEST(Cohesion, LinesAboutTheArticlesTopicShareItsProseVocabulary) {
  Document doc(
      "Tramway extension approved by council\n"
      "The council approved the tramway extension towards the harbour on Tuesday evening.\n"
      "Harbour tramway works\n"
      "Celebrity chef opens bakery downtown\n");
  std::vector<LineCohesion> cohesion = line_cohesion(doc.lines, {false, true, false, false}, 0);
  EXPECT_DOUBLE_EQ(cohesion[2].prose_share, 2.0 / 3);  // harbour, tramway; not works
  EXPECT_DOUBLE_EQ(cohesion[3].prose_share, 0);
  EXPECT_DOUBLE_EQ(cohesion[3].unique_share, 1);
  EXPECT_DOUBLE_EQ(cohesion[2].title_share, 1.0 / 3);  // tramway
  EXPECT_DOUBLE_EQ(cohesion[3].title_share, 0);
  EXPECT_DOUBLE_EQ(cohesion[0].title_share, 1);  // the headline itself
}

TEST(Cohesion, AProseLineDoesNotShareWithItself) {
  Document doc(
      "Quarterly figures surprised investors across markets.\n"
      "Regulators questioned the quarterly figures again.\n");
  std::vector<LineCohesion> alone = line_cohesion(doc.lines, {true, false}, doc.lines.size());
  EXPECT_DOUBLE_EQ(alone[0].prose_share, 0);
  std::vector<LineCohesion> both = line_cohesion(doc.lines, {true, true}, doc.lines.size());
  EXPECT_DOUBLE_EQ(both[0].prose_share, 2.0 / 6);  // quarterly, figures
  EXPECT_DOUBLE_EQ(both[1].prose_share, 2.0 / 5);
}

TEST(Cohesion, ShortWordsNumbersAndCaseDoNotCount) {
  Document doc(
      "The cat sat on a mat in 2024 and 12345\n"
      "ÉCOLE Tramway\n"
      "école TRAMWAY tramway\n");
  std::vector<LineCohesion> cohesion = line_cohesion(doc.lines, {false, false, true}, doc.lines.size());
  EXPECT_EQ(cohesion[0].content_words, 0u);
  EXPECT_DOUBLE_EQ(cohesion[0].prose_share, 0);
  EXPECT_EQ(cohesion[1].content_words, 2u);
  EXPECT_EQ(cohesion[2].content_words, 2u);  // distinct words
  EXPECT_DOUBLE_EQ(cohesion[1].prose_share, 1);
  EXPECT_DOUBLE_EQ(cohesion[1].unique_share, 0);
}

TEST(Cohesion, UnspacedScriptsCompareByCharacterPairs) {
  Document doc(
      "东京电力公司\n"
      "今天东京电力宣布涨价。\n"
      "体育新闻\n");
  std::vector<LineCohesion> cohesion = line_cohesion(doc.lines, {false, true, false}, doc.lines.size());
  EXPECT_GT(cohesion[0].prose_share, 0.5);  // 东京 京电 电力 shared, 力公 公司 not
  EXPECT_DOUBLE_EQ(cohesion[2].prose_share, 0);
}

TEST(Cohesion, EmptyDocumentHasNoLines) {
  EXPECT_TRUE(line_cohesion({}, {}, 0).empty());
}

}  // namespace

namespace {

using lede::clean::LineModelInputs;
namespace input = lede::clean::input;

// The model reads cohesion against the article's own prose and headline: the
// last title-like line before the first paragraph, not a menu above it.
TEST(Cohesion, TheLineModelComparesLinesWithTheProseAndTheHeadline) {
  Document doc(
      "Weather sport culture\n"
      "Harbour tramway approved\n"
      "The council approved the harbour tramway on Tuesday after a debate lasting many years.\n"
      "Construction of the tramway towards the harbour begins next spring, officials said.\n"
      "Celebrity chef opens bakery\n");
  std::vector<LineModelInputs> inputs = lede::clean::line_model_inputs(doc.lines, std::vector<bool>(5));
  EXPECT_FLOAT_EQ(inputs[1][input::title_vocab_share], 1);
  EXPECT_FLOAT_EQ(inputs[0][input::title_vocab_share], 0);
  EXPECT_GT(inputs[2][input::title_vocab_share], 0);
  EXPECT_FLOAT_EQ(inputs[2][input::prose_vocab_share], 2.0f / 10);  // harbour, tramway, from the other paragraph
  EXPECT_FLOAT_EQ(inputs[4][input::prose_vocab_share], 0);
  EXPECT_FLOAT_EQ(inputs[4][input::unique_vocab_share], 1);
}

// A line that says what another says, up to case, digits and punctuation,
// is a repeated widget ("Read more", "12 comments"), not the article.
TEST(LineModel, LinesEqualUpToCaseDigitsAndPunctuationAreRepeated) {
  Document doc(
      "Read more: 12 comments\n"
      "The council approved the tramway extension towards the harbour on Tuesday evening.\n"
      "READ MORE \xE2\x80\x94 3 comments\n"
      "Read more comments below\n");
  std::vector<LineModelInputs> inputs = lede::clean::line_model_inputs(doc.lines, std::vector<bool>(4));
  EXPECT_EQ(inputs[0][input::repeated_in_document], 1);
  EXPECT_EQ(inputs[2][input::repeated_in_document], 1);
  EXPECT_EQ(inputs[1][input::repeated_in_document], 0);
  EXPECT_EQ(inputs[3][input::repeated_in_document], 0);
}

TEST(LineModel, NormalisedHashAgreesWithTheNormalisedLine) {
  using lede::clean::normalise_line;
  using lede::clean::normalised_hash;
  EXPECT_EQ(normalised_hash("  Read more: 12 comments! ").hash, normalised_hash("read MORE comments").hash);
  EXPECT_EQ(normalised_hash("  Read more: 12 comments! ").length, normalise_line("  Read more: 12 comments! ").size());
  EXPECT_NE(normalised_hash("read more comments").hash, normalised_hash("read more comment").hash);
  EXPECT_EQ(normalised_hash("2024 -- 12").length, 0u);  // nothing but digits and punctuation
}

}  // namespace
