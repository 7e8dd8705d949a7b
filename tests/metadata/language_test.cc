// The language: the markup's claim, checked against the text with libcld2.
#include <gtest/gtest.h>

#include "metadata/metadata.h"
#include "metadata_fixture.h"

namespace lede::metadata {
namespace {

using test::metadata_of;

constexpr std::string_view kGerman =
    "<p>Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Nach Angaben des Wirtschaftsministeriums sollen damit bis zum Jahr 2030 mehr als achtzig Prozent des "
    "Stroms aus Wind und Sonne stammen.</p><p>Kritiker bemängeln jedoch, dass der Ausbau der Netze nicht "
    "schnell genug vorankomme und die Kosten für die Verbraucher weiter steigen würden.</p>";
constexpr std::string_view kEnglish =
    "<p>The government approved a new law on Tuesday to promote renewable energy. According to the ministry of "
    "economic affairs, more than eighty percent of electricity should come from wind and sun by 2030.</p><p>Critics "
    "complain, however, that the expansion of the grid is not progressing fast enough and that costs for "
    "consumers will continue to rise.</p>";

std::string html(std::string_view lang_attr, std::string_view body) {
  return "<!doctype html><html" + std::string(lang_attr) + "><head><title>T</title></head><body>" +
         std::string(body) + "</body></html>";
}

std::string language_source(const Metadata& m) {
  for (const auto& [field, source] : m.sources)
    if (field == "language") return std::string(source_name(source));
  return "<none>";
}

TEST(LanguageMetadata, KeepsMarkupTheTextAgreesWith) {
  Metadata m = metadata_of(html(" lang=\"de-AT\"", kGerman));
  EXPECT_EQ(m.language, "de-AT");
  EXPECT_EQ(language_source(m), "html");
}

TEST(LanguageMetadata, TheTextOverridesACmsDefault) {
  Metadata m = metadata_of(html(" lang=\"en-US\"", kGerman));
  EXPECT_EQ(m.language, "de");
  EXPECT_EQ(language_source(m), "text");
}

TEST(LanguageMetadata, ReadsTheTextWhenMarkupIsSilent) {
  Metadata m = metadata_of(html("", kGerman));
  EXPECT_EQ(m.language, "de");
  EXPECT_EQ(language_source(m), "text");
  EXPECT_EQ(metadata_of(html("", kEnglish)).language, "en");
}

TEST(LanguageMetadata, TrustsMarkupWhenTheTextIsTooShortToJudge) {
  EXPECT_EQ(metadata_of(html(" lang=\"fr\"", "<p>Home</p><p>Contact us today</p>")).language, "fr");
  EXPECT_EQ(metadata_of(html("", "<p>Bonjour</p>")).language, std::nullopt);
}

TEST(LanguageMetadata, IgnoresMenusScriptsAndQuotedComments) {
  // English navigation and a script around German text.
  std::string page = "<nav>" + std::string(kEnglish) + "</nav><script>var text = 'the quick brown fox jumps over "
                     "the lazy dog again and again and again';</script>" + std::string(kGerman);
  EXPECT_EQ(metadata_of(html("", page)).language, "de");
  // An English article with a German reader comment stays English.
  EXPECT_EQ(metadata_of(html(" lang=\"en\"", std::string(kEnglish) + std::string(kEnglish) + std::string(kGerman)))
                .language,
            "en");
}

TEST(LanguageMetadata, ReadsPagesLongerThanTheSample) {
  // Over 4 KB of German text: libcld2 reads a part of it, which is enough.
  std::string long_german;
  for (int i = 0; i < 12; ++i) long_german += kGerman;
  Metadata m = metadata_of(html(" lang=\"en-US\"", long_german));
  EXPECT_EQ(m.language, "de");
  EXPECT_EQ(language_source(m), "text");
  EXPECT_EQ(metadata_of(html(" lang=\"de\"", long_german)).language, "de");
}

TEST(LanguageMetadata, AMenuInAnotherScriptAtTheTopDoesNotNameThePage) {
  // A kilobyte of Bulgarian site text above three of English: the English
  // that follows outweighs the first kilobyte, however sure libcld2 is of it.
  std::string page =
      "<p>Правителството одобри във вторник нов закон за насърчаване на възобновяемата енергия.</p>"
      "<p>Според министерството на икономиката повече от осемдесет процента от електроенергията трябва да идва "
      "от вятъра и слънцето до 2030 година.</p><p>Критиците обаче се оплакват, че разширяването на мрежата не "
      "напредва достатъчно бързо и че разходите за потребителите ще продължат да растат.</p><p>Местните власти "
      "в няколко области вече подготвят проекти за нови соларни паркове и ветрогенератори.</p><p>Експертите "
      "предупреждават, че без допълнителни инвестиции в съхранението на енергия системата ще остане уязвима "
      "през зимните месеци, когато търсенето е най-високо.</p>";
  for (int i = 0; i < 7; ++i) page += kEnglish;
  EXPECT_EQ(metadata_of(html("", page)).language, "en");
}

}  // namespace
}  // namespace lede::metadata
