// Node stats computed again with a stats cache, as selection does after it
// drops chrome: the same stats, with each element's names looked up and each
// text counted once.
#include <gtest/gtest.h>

#include <vector>

#include "html5/parser.h"
#include "score/class_signals.h"
#include "score/node_stats.h"

namespace {

using namespace lede;
using score::NodeStats;

const char kPage[] =
    "<div class=sidebar><a href=/a>Related story</a></div>"
    "<article class=post-content><p>First paragraph, with a comma. And more text.</p>"
    "<p>Second paragraph of the article, long enough to read as prose here.</p></article>"
    "<footer id=site-footer>Copyright</footer>";

void expect_same_stats(const std::vector<NodeStats>& a, const std::vector<NodeStats>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].chars, b[i].chars) << i;
    EXPECT_EQ(a[i].link_chars, b[i].link_chars) << i;
    EXPECT_EQ(a[i].prose_chars, b[i].prose_chars) << i;
    EXPECT_EQ(a[i].signals, b[i].signals) << i;
    EXPECT_EQ(a[i].value, b[i].value) << i;
  }
}

TEST(NodeStats, CachedSignalsAndCountsGiveTheSameStats) {
  dom::Document doc = html5::parse_document(kPage);
  std::vector<NodeStats> fresh, cached;
  score::compute_stats(doc, doc.body(), 0, fresh);
  score::StatsCache cache;
  score::compute_stats(doc, doc.body(), 0, cached, cache);
  expect_same_stats(fresh, cached);
  score::compute_stats(doc, doc.body(), 0, cached, cache);
  expect_same_stats(fresh, cached);
  EXPECT_TRUE(fresh[doc.body()->first_child->index].signals & score::kSigSidebar);
}

// The second computation takes the signals from the cache: an element whose
// class changed in between keeps the signals it had (which is why the cache
// is only for a document whose attributes stay as they were).
TEST(NodeStats, ASecondComputationDoesNotLookNamesUpAgain) {
  dom::Document doc = html5::parse_document(kPage);
  dom::Node* sidebar = doc.body()->first_child;
  std::vector<NodeStats> stats;
  score::StatsCache cache;
  score::compute_stats(doc, doc.body(), 0, stats, cache);

  dom::Attribute footer_class[] = {{"class", "footer"}};
  sidebar->attrs = footer_class;
  sidebar->num_attrs = 1;
  score::compute_stats(doc, doc.body(), 0, stats, cache);
  EXPECT_EQ(stats[sidebar->index].signals, score::kSigSidebar);
  score::compute_stats(doc, doc.body(), 0, stats);
  EXPECT_EQ(stats[sidebar->index].signals, score::kSigFooter);
}

// Likewise for texts: one whose words changed in between keeps its counts.
TEST(NodeStats, ASecondComputationDoesNotCountTextsAgain) {
  dom::Document doc = html5::parse_document(kPage);
  dom::Node* footer = doc.body()->last_child;
  dom::Node* copyright = footer->first_child;
  ASSERT_TRUE(copyright && copyright->is_text());
  std::vector<NodeStats> stats;
  score::StatsCache cache;
  score::compute_stats(doc, doc.body(), 0, stats, cache);
  EXPECT_EQ(stats[footer->index].chars, 9u);

  copyright->data = "All rights reserved";
  score::compute_stats(doc, doc.body(), 0, stats, cache);
  EXPECT_EQ(stats[footer->index].chars, 9u);
  score::compute_stats(doc, doc.body(), 0, stats);
  EXPECT_EQ(stats[footer->index].chars, 17u);
}

// A card link holds a teaser's text, not a link label: its text is card
// text, not link text, in the link, in the blocks inside it and in the block
// that owns its loose text; a plain link beside it stays link text.
TEST(NodeStats, CardLinksCountAsCardTextNotLinkText) {
  dom::Document doc = html5::parse_document(
      "<section><a href=/story>Teaser: <h3>A headline of the story</h3>"
      "<p>A blurb of a few sentences, long enough to be read. It says what the story is about,"
      " and why one would read it.</p></a>"
      "<a href=/more>More stories</a></section>");
  dom::Node* section = doc.body()->first_child;
  dom::Node* card = section->first_child;
  dom::Node* plain = section->last_child;
  dom::Node* blurb = card->last_child;
  std::vector<NodeStats> stats;
  score::compute_stats(doc, doc.body(), 0, stats);

  EXPECT_EQ(stats[card->index].link_chars, 0u);
  EXPECT_GE(stats[card->index].card_chars, 100u);
  EXPECT_EQ(stats[card->index].card_chars, stats[card->index].chars);
  EXPECT_EQ(stats[blurb->index].own_link_chars, 0u);
  EXPECT_GT(stats[blurb->index].prose_chars, 0u);
  EXPECT_EQ(stats[plain->index].link_chars, 11u);
  EXPECT_EQ(stats[section->index].link_chars, 11u);
  EXPECT_EQ(stats[section->index].own_link_chars, 11u);  // "Teaser:" is card text
  EXPECT_EQ(stats[section->index].card_chars, stats[card->index].chars);
}

// A link too short to be a card, though it holds a block, is link text.
TEST(NodeStats, ShortLinksHoldingBlocksAreLinks) {
  dom::Document doc = html5::parse_document("<div><a href=/x><h3>Short name</h3></a></div>");
  dom::Node* div = doc.body()->first_child;
  std::vector<NodeStats> stats;
  score::compute_stats(doc, doc.body(), 0, stats);
  EXPECT_EQ(stats[div->index].link_chars, 9u);
  EXPECT_EQ(stats[div->index].card_chars, 0u);
  EXPECT_EQ(stats[div->first_child->first_child->index].own_link_chars, 9u);
}

}  // namespace

namespace {

// What a block of text weighs: visible characters (a Han, kana or Hangul one
// as three, white space and U+00A0 as none) and the marks that end sentences
// or separate clauses (a period only before a space or the end).
TEST(TextCounts, CountVisibleCharactersAndSentencePunctuation) {
  auto counted = [](std::string_view text) {
    score::TextCounts counts = score::count_text(text);
    return std::pair{counts.chars, counts.punct};
  };
  EXPECT_EQ(counted(" a b\t\n\r\fc "), std::pair(3u, 0u));
  EXPECT_EQ(counted("Yes, no; why? Now!"), std::pair(15u, 4u));
  EXPECT_EQ(counted("Version 3.5 of x.org. Done."), std::pair(23u, 2u));
  EXPECT_EQ(counted("a\xC2\xA0" "b"), std::pair(2u, 0u));
  EXPECT_EQ(counted("caf\xC3\xA9 \x01"), std::pair(5u, 0u));
  EXPECT_EQ(counted("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82"), std::pair(9u, 1u));  // 中文。
  EXPECT_EQ(counted("\xEF\xBC\x8C\xD8\x9F\xE0\xA5\xA4"), std::pair(3u, 3u));      // ，؟।
}

// Long texts count the same wherever their marks fall: a period at the end of
// a 16-byte stretch before a space, a U+00A0 or a Han character across one.
TEST(TextCounts, LongTextsCountTheSameWhereverTheirMarksFall) {
  auto counted = [](const std::string& text) {
    score::TextCounts counts = score::count_text(text);
    return std::pair{counts.chars, counts.punct};
  };
  const std::string unit = "Done. Yes, ok ";  // 11 characters, 2 marks
  const std::string wide = "caf\xC3\xA9. \xC2\xA0\xE4\xB8\xAD\xE3\x80\x82 ";  // café. 中。: 11 and 2
  for (size_t shift = 0; shift <= 16; ++shift) {
    std::string spaces(shift, ' ');
    std::string text = spaces, mixed = spaces;
    for (int i = 0; i < 10; ++i) text += unit;
    for (int i = 0; i < 10; ++i) mixed += (i % 2 ? unit : wide);
    EXPECT_EQ(counted(text), std::pair(110u, 20u)) << shift;
    EXPECT_EQ(counted(mixed), std::pair(110u, 20u)) << shift;
    EXPECT_EQ(counted(text + "3.5 x.org"), std::pair(118u, 20u)) << shift;
    EXPECT_EQ(counted(text + "The end."), std::pair(117u, 21u)) << shift;
  }
}

}  // namespace
