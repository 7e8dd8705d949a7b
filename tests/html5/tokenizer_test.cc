// What the tree builder and lede rely on beyond the conformance suite: views
// into the input, preprocessing, NUL handling, state switches, and speed on
// hostile sizes.
#include "html5/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace lede::html5 {
namespace {

// A token with its strings copied, to outlive the tokenizer's next() call.
struct Copied {
  TokenType type;
  std::string name;
  std::string data;
  std::vector<std::pair<std::string, std::string>> attrs;
};

std::vector<Copied> drain(Tokenizer& tokenizer) {
  std::vector<Copied> out;
  for (;;) {
    const Token& t = tokenizer.next();
    if (t.type == TokenType::end_of_file) return out;
    Copied c{t.type, std::string(t.name), std::string(t.data), {}};
    for (const TokenAttribute& a : t.attrs) c.attrs.emplace_back(a.name, a.value);
    out.push_back(std::move(c));
  }
}

std::vector<Copied> tokenize(std::string_view input) {
  Arena arena;
  Tokenizer tokenizer(input, arena);
  return drain(tokenizer);
}

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(Tokenizer, UnchangedStringsAreViewsIntoTheInput) {
  std::string input = "<section data-x=\"a b\" id=main>Hello, world<!-- note --></section>";
  Arena arena;
  Tokenizer tokenizer(input, arena);

  const Token& tag = tokenizer.next();
  ASSERT_EQ(tag.type, TokenType::start_tag);
  EXPECT_EQ(tag.tag, dom::Tag::section);
  ASSERT_EQ(tag.attrs.size(), 2u);
  EXPECT_EQ(tag.attrs[0].name, "data-x");
  EXPECT_EQ(tag.attrs[0].value, "a b");
  EXPECT_TRUE(inside(tag.attrs[0].name, input));
  EXPECT_TRUE(inside(tag.attrs[0].value, input));
  EXPECT_TRUE(inside(tag.attrs[1].value, input));

  const Token& text = tokenizer.next();
  ASSERT_EQ(text.type, TokenType::characters);
  EXPECT_EQ(text.data, "Hello, world");
  EXPECT_TRUE(inside(text.data, input));

  const Token& comment = tokenizer.next();
  ASSERT_EQ(comment.type, TokenType::comment);
  EXPECT_EQ(comment.data, " note ");
  EXPECT_TRUE(inside(comment.data, input));

  EXPECT_EQ(tokenizer.next().type, TokenType::end_tag);
  EXPECT_EQ(tokenizer.next().type, TokenType::end_of_file);
  EXPECT_EQ(tokenizer.next().type, TokenType::end_of_file);  // for ever
  EXPECT_EQ(tokenizer.error_count(), 0u);
}

TEST(Tokenizer, ChangedStringsAreDecodedCopies) {
  std::string input = "<MyTag CLASS='&lt;&#x41;'>a&amp;b&notit;";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  const Token& tag = tokenizer.next();
  EXPECT_EQ(tag.name, "mytag");
  EXPECT_EQ(tag.tag, dom::Tag::unknown);
  ASSERT_EQ(tag.attrs.size(), 1u);
  EXPECT_EQ(tag.attrs[0].name, "class");
  EXPECT_EQ(tag.attrs[0].value, "<A");
  EXPECT_FALSE(inside(tag.attrs[0].value, input));
  EXPECT_EQ(tokenizer.next().data, "a&b\xC2\xACit;");  // the longest name: "not"
}

TEST(Tokenizer, CarriageReturnsBecomeLineFeeds) {
  auto tokens = tokenize("a\r\nb\rc<p title=\"x\r\ny\"\r\n>\r\r\n<!--\r-->\r");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].data, "a\nb\nc");
  EXPECT_EQ(tokens[1].attrs.at(0).second, "x\ny");
  EXPECT_EQ(tokens[2].data, "\n\n");
  EXPECT_EQ(tokens[3].data, "\n");
  EXPECT_EQ(tokens[4].data, "\n");
}

TEST(Tokenizer, NulIsKeptInTextAndReplacedElsewhere) {
  using namespace std::string_literals;
  const std::string fffd = "\xEF\xBF\xBD";
  Arena arena;
  std::string input = "a\0b<t\0g a\0=\"\0\"><!--\0-->"s;
  Tokenizer tokenizer(input, arena);
  auto tokens = drain(tokenizer);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].data, "a\0b"s);  // the tree builder decides
  EXPECT_EQ(tokens[1].name, "t" + fffd + "g");
  EXPECT_EQ(tokens[1].attrs.at(0), std::make_pair("a" + fffd, fffd));
  EXPECT_EQ(tokens[2].data, fffd);
  EXPECT_EQ(tokenizer.error_count(), 5u);

  std::string title = "<title>\0</title>"s;
  Tokenizer rcdata(title, arena);
  rcdata.next();
  rcdata.set_state(ContentState::rcdata);
  EXPECT_EQ(rcdata.next().data, fffd);
}

TEST(Tokenizer, TreeBuilderSwitchesTheContentState) {
  std::string input =
      "<title>a<b>&amp;</TITLE ><script><!--<script>x</script>--></script><plaintext></plaintext>";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  EXPECT_EQ(tokenizer.next().tag, dom::Tag::title);
  tokenizer.set_state(ContentState::rcdata);
  EXPECT_EQ(tokenizer.next().data, "a<b>&");
  const Token& end_title = tokenizer.next();
  EXPECT_EQ(end_title.type, TokenType::end_tag);
  EXPECT_EQ(end_title.name, "title");
  EXPECT_EQ(tokenizer.next().tag, dom::Tag::script);
  tokenizer.set_state(ContentState::script_data);
  // Double-escaped: the inner </script> does not end the script.
  EXPECT_EQ(tokenizer.next().data, "<!--<script>x</script>-->");
  EXPECT_EQ(tokenizer.next().type, TokenType::end_tag);
  EXPECT_EQ(tokenizer.next().tag, dom::Tag::plaintext);
  tokenizer.set_state(ContentState::plaintext);
  EXPECT_EQ(tokenizer.next().data, "</plaintext>");
}

TEST(Tokenizer, EndTagMustMatchTheLastStartTag) {
  std::string input = "x</style></b>y";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  tokenizer.set_state(ContentState::rawtext);
  tokenizer.set_last_start_tag("b");  // as for a fragment whose context is <b>
  EXPECT_EQ(tokenizer.next().data, "x</style>");
  EXPECT_EQ(tokenizer.next().name, "b");
  EXPECT_EQ(tokenizer.next().data, "y");
}

TEST(Tokenizer, CdataOnlyWhereAllowed) {
  std::string input = "<![CDATA[a<b]]><![CDATA[c]]>";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  const Token& comment = tokenizer.next();
  EXPECT_EQ(comment.type, TokenType::comment);
  EXPECT_EQ(comment.data, "[CDATA[a<b]]");
  tokenizer.set_cdata_allowed(true);
  const Token& text = tokenizer.next();
  EXPECT_EQ(text.type, TokenType::characters);
  EXPECT_EQ(text.data, "c");
}

TEST(Tokenizer, TextBeforeMarkupComesFirst) {
  auto tokens = tokenize("one<!--two-->three<b>four");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].data, "one");
  EXPECT_EQ(tokens[1].type, TokenType::comment);
  EXPECT_EQ(tokens[2].data, "three");
  EXPECT_EQ(tokens[3].name, "b");
  EXPECT_EQ(tokens[4].data, "four");
}

TEST(Tokenizer, HugeAttributeCountStaysLinear) {
  constexpr int kAttributes = 200000;
  std::string input = "<div";
  for (int i = 0; i < kAttributes; ++i) input += " a" + std::to_string(i) + "=" + std::to_string(i);
  input += " a0=again A1=again>";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  auto start = std::chrono::steady_clock::now();
  const Token& tag = tokenizer.next();
  // A hang guard, generous under sanitizers: a quadratic duplicate check
  // takes minutes here.
  EXPECT_LT(seconds_since(start), 20.0);
  ASSERT_EQ(tag.attrs.size(), static_cast<size_t>(kAttributes));
  EXPECT_EQ(tag.attrs[0].value, "0");  // the first of duplicates wins
  EXPECT_EQ(tag.attrs[1].value, "1");
  EXPECT_EQ(tag.attrs.back().name, "a" + std::to_string(kAttributes - 1));
  EXPECT_EQ(tokenizer.error_count(), 2u);
}

TEST(Tokenizer, TenMegabyteTextRunIsOneView) {
  std::string input = "<p>";
  std::string sentence = "Plain words, digits 0123456789 and punctuation; nothing to decode. ";
  while (input.size() < 10'000'000) input += sentence;
  input += "</p>";
  Arena arena;
  Tokenizer tokenizer(input, arena);
  tokenizer.next();
  const Token& text = tokenizer.next();
  ASSERT_EQ(text.type, TokenType::characters);
  EXPECT_EQ(text.data.data(), input.data() + 3);
  EXPECT_EQ(text.data.size(), input.size() - 7);
  EXPECT_EQ(tokenizer.next().type, TokenType::end_tag);
}

}  // namespace
}  // namespace lede::html5
