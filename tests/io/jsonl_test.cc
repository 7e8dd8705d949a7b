// Passing a JSONL record's members through while one is rewritten.
#include <gtest/gtest.h>

#include "io/jsonl.h"

namespace {

using lede::io::other_members;

TEST(JsonlMembers, OthersKeepTheirValuesAsWritten) {
  std::string record =
      R"( { "id" : 7, "text": "a \"quoted\" } brace", "meta": {"tags": ["x", "}"], "n": null},)"
      R"( "score": 1.50 , "ok":true } )";
  EXPECT_EQ(other_members(record, {"text"}), R"("id":7,"meta":{"tags": ["x", "}"], "n": null},"score":1.50,"ok":true)");
}

TEST(JsonlMembers, NamesAreComparedUnescaped) {
  EXPECT_EQ(other_members(R"({"t\u0065xt":"x","title":"y","keep":[]})", {"text", "title"}), R"("keep":[])");
  EXPECT_EQ(other_members(R"({"text":"only"})", {"text"}), "");
  EXPECT_EQ(other_members("{}", {"text"}), "");
}

}  // namespace
