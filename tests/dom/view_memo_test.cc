// The memo the stages keep per page of what each distinct class or id value
// means: a value is worked out once, whatever else was added since, and the
// empty value is a key like any other.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/view_memo.h"

namespace {

TEST(ViewMemo, KeepsEachValueByItsKeyAcrossGrowth) {
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.push_back("class-" + std::to_string(i));
  lede::ViewMemo<int> memo;
  for (int i = 0; i < 1000; ++i) {
    auto [value, added] = memo.try_emplace(keys[i]);
    ASSERT_TRUE(added) << keys[i];
    EXPECT_EQ(*value, 0);  // new values start empty
    *value = i;
  }
  EXPECT_EQ(memo.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    // A different string with the same characters finds the same entry.
    std::string same = keys[i];
    auto [value, added] = memo.try_emplace(same);
    EXPECT_FALSE(added) << keys[i];
    EXPECT_EQ(*value, i);
  }
  EXPECT_EQ(memo.size(), 1000u);
}

TEST(ViewMemo, TheEmptyKeyIsAKey) {
  lede::ViewMemo<int> memo;
  auto [value, added] = memo.try_emplace("");
  ASSERT_TRUE(added);
  *value = 7;
  EXPECT_EQ(*memo.try_emplace("").first, 7);
  EXPECT_TRUE(memo.try_emplace("x").second);
  EXPECT_EQ(memo.size(), 2u);
}

TEST(ViewMemo, FindsOnlyWhatWasAdded) {
  lede::ViewMemo<int> memo;
  EXPECT_EQ(memo.find("related"), nullptr);  // nothing added yet
  std::vector<std::string> keys;  // the memo views them
  for (int i = 0; i < 100; ++i) keys.push_back("value-" + std::to_string(i));
  for (int i = 0; i < 100; ++i) *memo.try_emplace(keys[i]).first = i;
  std::string key = "value-42";
  ASSERT_NE(memo.find(key), nullptr);
  EXPECT_EQ(*memo.find(key), 42);
  EXPECT_EQ(memo.find("value-100"), nullptr);
  EXPECT_EQ(memo.size(), 100u);  // finding adds nothing
}

}  // namespace
