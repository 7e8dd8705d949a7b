// The string helpers every metadata reader leans on: case-blind search in
// attribute values and URLs, and whitespace collapsing of element text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metadata/text.h"
#include "parse/parse.h"

namespace {

using lede::metadata::collapse_whitespace;
using lede::metadata::contains_ignore_case;
using lede::metadata::element_text;
using lede::metadata::for_each_word;
using lede::metadata::lower_ascii_in_place;
using lede::metadata::trim;
using lede::metadata::words;

TEST(ContainsIgnoreCase, FindsANeedleWhateverTheCaseAndWhereverItStands) {
  EXPECT_TRUE(contains_ignore_case("https://example.org/AUTHOR/jane-roe", "/author/"));
  EXPECT_TRUE(contains_ignore_case("Nofollow Author", "author"));
  EXPECT_TRUE(contains_ignore_case("x/author/", "/author/"));  // at the very end
  EXPECT_TRUE(contains_ignore_case("/Author/", "/author/"));   // the whole haystack
  EXPECT_TRUE(contains_ignore_case("anything", ""));
}

TEST(ContainsIgnoreCase, MissesPartialAndNearMatches) {
  EXPECT_FALSE(contains_ignore_case("/autho", "/author/"));       // shorter than the needle
  EXPECT_FALSE(contains_ignore_case("/a/au/aut/author", "/author/"));  // first byte often, never all
  EXPECT_FALSE(contains_ignore_case("https://example.org/about", "/author/"));
  EXPECT_FALSE(contains_ignore_case("co-author", "authors"));
  // Bytes that are letters only once case-folded with | 0x20: '@' is not '`'.
  EXPECT_FALSE(contains_ignore_case("@", "`"));
}

// Long URLs, with the needle (or a near miss) at every offset.
TEST(ContainsIgnoreCase, FindsANeedleAnywhereInALongHaystack) {
  for (size_t shift = 0; shift <= 40; ++shift) {
    std::string lead = "https://example.org/" + std::string(shift, 'c');
    EXPECT_TRUE(contains_ignore_case(lead + "CreativeCommons.org/licenses/by/4.0/", "creativecommons.org/licenses/"))
        << shift;
    EXPECT_TRUE(contains_ignore_case(lead + "/author/", "/author/")) << shift;
    EXPECT_FALSE(contains_ignore_case(lead + "creativecommons.org/licence/by/4.0/", "creativecommons.org/licenses/"))
        << shift;
    EXPECT_FALSE(contains_ignore_case(lead + "creativecommons.org/licenses", "creativecommons.org/licenses/"))
        << shift;
  }
}

// Trimming takes ASCII white space off both ends, and nothing else.
TEST(Trim, TakesAsciiWhiteSpaceOffBothEnds) {
  EXPECT_EQ(trim("\n\t\r\f\v Jane  Roe \n  "), "Jane  Roe");
  EXPECT_EQ(trim(" \n\t "), "");
  EXPECT_EQ(trim("\xC2\xA0Jane\x01"), "\xC2\xA0Jane\x01");  // a no-break space, a control byte
}

// Text nodes open with long indentation, read 16 bytes at a time: every
// length of every kind of ASCII space goes, and nothing after it.
TEST(Trim, TakesIndentationOfAnyLengthOff) {
  const std::string spaces = " \t\n\v\f\r";
  for (size_t length = 0; length < 50; ++length) {
    std::string indent;
    for (size_t i = 0; i < length; ++i) indent += spaces[i % spaces.size()];
    EXPECT_EQ(trim(indent + "Jane Roe" + indent), "Jane Roe") << length;
    EXPECT_EQ(trim(indent + "\x01Jane"), "\x01Jane") << length;  // a control byte is no space
    EXPECT_EQ(trim(indent), "") << length;
  }
}

// for_each_word splits as words() does, keeping each word as written.
TEST(Words, EachWordAsWrittenIsAWordOfWords) {
  const std::string text = "The Daily-Post's 2024 \xC3\x89" "dition: FORUM_wiki [x]";
  std::vector<std::string> seen;
  for_each_word(text, [&seen](std::string_view w) { seen.emplace_back(w); });
  EXPECT_EQ(seen, (std::vector<std::string>{"The", "Daily", "Post", "s", "2024", "\xC3\x89" "dition", "FORUM", "wiki",
                                            "x"}));
  std::vector<std::string> lowered = words(text);
  ASSERT_EQ(lowered.size(), seen.size());
  for (size_t i = 0; i < seen.size(); ++i) {
    lower_ascii_in_place(seen[i]);
    EXPECT_EQ(seen[i], lowered[i]);
  }
}

TEST(CollapseWhitespace, JoinsRunsOfAsciiAndUnicodeSpacesIntoOneSpace) {
  EXPECT_EQ(collapse_whitespace("  Jane \t\n Roe  "), "Jane Roe");
  EXPECT_EQ(collapse_whitespace("Jane\xC2\xA0\xE2\x80\x89Roe"), "Jane Roe");  // no-break and thin spaces
  EXPECT_EQ(collapse_whitespace("Jane\xE2\x80\x8BRoe"), "JaneRoe");          // zero-width space vanishes
  EXPECT_EQ(collapse_whitespace("caf\xC3\xA9 \xE2\x82\xAC 5"), "caf\xC3\xA9 \xE2\x82\xAC 5");  // other UTF-8 stays
  EXPECT_EQ(collapse_whitespace("\xEF\xBB\xBFTitle"), "Title");                // byte-order mark
  EXPECT_EQ(collapse_whitespace(" \xC2\xA0 "), "");
}

TEST(CollapseWhitespace, CollapsesEveryRunInALongParagraphWhereverItFalls) {
  // Long texts are read 16 bytes at a time: a run must collapse the same at
  // any offset, across a block's end, and at the very end.
  const std::vector<std::string> words = {"The", "quick", "brown", "fox", "jumps", "over", "the", "lazy",
                                          "dog", "and", "keeps", "running", "far", "far", "away", "today"};
  const std::string runs[] = {"  ", "\t", " \n ", "\xC2\xA0", " \xE2\x80\x89 ", "\r\n"};
  std::string expected;
  for (const std::string& word : words) expected += (expected.empty() ? "" : " ") + word;
  for (const std::string& run : runs) {
    for (size_t odd = 1; odd < words.size(); ++odd) {
      std::string text = words[0];
      for (size_t i = 1; i < words.size(); ++i) text += (i == odd ? run : " ") + words[i];
      EXPECT_EQ(collapse_whitespace(text), expected) << "run " << odd;
      EXPECT_EQ(collapse_whitespace(text + run), expected) << "run " << odd;
    }
  }
}

// Element text is collapsed as one string although it comes in pieces: spaces
// at the edges of text nodes and blocks merge, zero-width characters vanish.
TEST(ElementText, CollapsesWhitespaceAcrossTextNodesAndBlocks) {
  auto doc = lede::parse::parse_document(
      "<div id=x><p>  Jane\xC2\xA0 </p><p>\xE2\x80\x8BRoe <b>and</b>\n\t<i> Ann</i></p>  </div>");
  const lede::dom::Node* div = nullptr;
  for (lede::dom::Node* n : lede::dom::subtree(doc.root()))
    if (n->attr("id") == "x") div = n;
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(element_text(div, false), "Jane Roe and Ann");
  EXPECT_EQ(element_text(div, true), "Jane Roe and Ann");
}

// Titles and headings are compared lower-cased: only A-Z change, whatever
// the length of the text and wherever the letters fall in it, and UTF-8
// bytes (É is C3 89) and the neighbours of A-Z ('@', '[', '`', '{') stay.
TEST(LowerAsciiInPlace, LowersOnlyAsciiCapitals) {
  std::string text = "@AZ[`az{ \xC3\x89T\xC3\xA9 ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 Mixed Case Title \x7F\xFF";
  lede::metadata::lower_ascii_in_place(text);
  EXPECT_EQ(text, "@az[`az{ \xC3\x89t\xC3\xA9 abcdefghijklmnopqrstuvwxyz 0123456789 mixed case title \x7F\xFF");
  for (size_t length = 0; length < 20; ++length) {
    std::string capitals(length, 'Q');
    lede::metadata::lower_ascii_in_place(capitals);
    EXPECT_EQ(capitals, std::string(length, 'q'));
  }
}

}  // namespace
