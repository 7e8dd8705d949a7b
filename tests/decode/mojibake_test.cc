#include "decode/mojibake.h"

#include <gtest/gtest.h>

#include "clean/clean.h"
#include "lede/lede.h"

namespace lede::decode {
namespace {

std::string repaired(std::string text) {
  repair_mojibake(text);
  return text;
}

TEST(Mojibake, RepairsUtf8ReadAsWindows1252) {
  EXPECT_EQ(repaired("it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "it\xE2\x80\x99s");        // "itâ€™s" -> "it’s"
  EXPECT_EQ(repaired("caf\xC3\x83\xC2\xA9 cr\xC3\x83\xC2\xA8me"), "caf\xC3\xA9 cr\xC3\xA8me");  // "cafÃ©" -> "café"
  EXPECT_EQ(repaired("\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C dash"), "\xE2\x80\x93 dash");     // "â€“" -> "–"
}

TEST(Mojibake, RepairsUtf8ReadAsLatin1) {
  // "computerâ\u0080\u0099s": the middle bytes became C1 controls.
  EXPECT_EQ(repaired("computer\xC3\xA2\xC2\x80\xC2\x99s"), "computer\xE2\x80\x99s");
  EXPECT_EQ(repaired("\xC3\xA2\xC2\x82\xC2\xAC" "25"), "\xE2\x82\xAC" "25");  // "€25"
}

TEST(Mojibake, DropsTheResidueOfACollapsedNoBreakSpace) {
  EXPECT_EQ(repaired("for cats.\xC3\x82"), "for cats.");                      // "cats.Â" at a paragraph's end
  EXPECT_EQ(repaired("Updated:\xC3\x82 Tuesday"), "Updated: Tuesday");
  EXPECT_EQ(repaired("one \xC3\x82 two"), "one  two");
  EXPECT_EQ(repaired("fix \xC3\x82\xC2\xA0it"), "fix \xC2\xA0it");           // an intact "Â" + NBSP
}

TEST(Mojibake, LeavesRealTextAlone) {
  for (std::string text : {"café crème, S\xC3\x83O PAULO, na\xC3\xAFve", "\xC3\x83 la carte", "plain ASCII",
                           "\xC3\xA2 bient\xC3\xB4t", "\xC3\x82\xC2\x85 control",
                           "\xC3\x8EN\xC3\x82 ROM\xC3\x82N\xC3\x82", "C\xC3\x82 text"}) {
    std::string before = text;
    EXPECT_EQ(repair_mojibake(text), 0u) << before;
    EXPECT_EQ(text, before);
  }
}

TEST(Mojibake, LeavesATruncatedRunAlone) {
  std::string text = "end \xC3\xA2\xE2\x82\xAC";  // "â€" at the very end: a third byte is missing
  EXPECT_EQ(repair_mojibake(text), 0u);
}

TEST(Mojibake, ExtractRepairsTheArticleAndItsTitle) {
  Article article = extract(
      "<html><head><meta charset=utf-8><title>Don&acirc;&euro;&trade;t panic</title></head><body><article>"
      "<h1>Don&acirc;&euro;&trade;t panic</h1><p>It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s a long story about towels, "
      "told at length, with many more words in it than a caption would have.</p></article></body></html>");
  EXPECT_EQ(article.title, "Don\xE2\x80\x99t panic");
  EXPECT_NE(article.text.find("It\xE2\x80\x99s a long story"), std::string::npos) << article.text;
}

TEST(Mojibake, CleanRepairsExtractedText) {
  clean::Cleaned cleaned = clean::clean_text(
      "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s a long story about towels, told at length, with many more words "
      "in it than a caption would have, and it goes on.\n");
  EXPECT_NE(cleaned.text.find("It\xE2\x80\x99s a long story"), std::string::npos) << cleaned.text;
}

}  // namespace
}  // namespace lede::decode
