// lede clean: page chrome cut from extracted text, the article kept whole,
// its headline, byline and dateline recovered.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "clean/clean.h"
#include "test_support.h"

namespace {

using lede::clean::Cleaned;
using lede::clean::clean_text;

bool was_cut(const Cleaned& cleaned, std::string_view start, std::string_view reason = {}) {
  return std::any_of(cleaned.removed.begin(), cleaned.removed.end(), [&](const auto& r) {
    return r.text.starts_with(start) && (reason.empty() || r.reason == reason);
  });
}

const char* const kCourier =
    "Get breaking news alerts from The Daily Courier\n"
    "Alerts can be turned off in your browser settings.\n"
    "City council approves new tram line after decade of delays\n"
    "The 14 km line will link the harbour to the university by 2029\n"
    "Anna Novak,Peter Grant\n"
    "Tuesday 4 June 2024 17:30 CEST\n"
    "Journalism like ours depends on you\n"
    "From city hall to the courts, our reporters are there when it matters. Whether it's tracking council "
    "spending or covering the elections, we need readers like you to keep going.\n"
    "Every contribution, however small, keeps our newsroom independent.\n"
    "The city council voted 31 to 14 on Tuesday to approve the tram line, ending a dispute that has lasted "
    "more than ten years.\n"
    "Construction is to begin next spring, and the first trams should run between the harbour and the "
    "university campus by the autumn of 2029.\n"
    "Opponents said the cost, estimated at 480 million euros, would burden the city for decades.\n"
    "You have been signed in\n"
    "Reload the page to finish signing in\n";

TEST(Clean, IssueExampleLosesItsChromeAndKeepsTheStory) {
  Cleaned cleaned = clean_text(kCourier);
  EXPECT_EQ(cleaned.title, "City council approves new tram line after decade of delays");
  EXPECT_EQ(cleaned.subtitle, "The 14 km line will link the harbour to the university by 2029");
  EXPECT_EQ(cleaned.authors, (std::vector<std::string>{"Anna Novak", "Peter Grant"}));
  EXPECT_EQ(cleaned.date, "2024-06-04T17:30:00+02:00");
  EXPECT_TRUE(was_cut(cleaned, "Get breaking news"));
  EXPECT_TRUE(was_cut(cleaned, "Journalism like ours", "donation appeal"));
  EXPECT_TRUE(was_cut(cleaned, "From city hall"));
  EXPECT_TRUE(was_cut(cleaned, "Every contribution", "donation appeal"));
  EXPECT_TRUE(was_cut(cleaned, "You have been signed in", "sign-in notice"));
  EXPECT_TRUE(was_cut(cleaned, "Reload the page"));
  EXPECT_EQ(cleaned.text.find("Alerts"), std::string::npos);
  EXPECT_EQ(cleaned.text.rfind("The city council voted 31 to 14", 0), 0u);
  EXPECT_NE(cleaned.text.find("Opponents said the cost"), std::string::npos);
}

TEST(Clean, GermanPageLosesItsChrome) {
  Cleaned cleaned = clean_text(
      "Startseite | Politik | Wirtschaft | Sport\n"
      "Stadtrat beschließt neue Straßenbahnlinie\n"
      "Von Anna Novak\n"
      "Jetzt den Newsletter abonnieren\n"
      "Der Stadtrat hat am Dienstag mit 31 zu 14 Stimmen den Bau der neuen Linie beschlossen, nach mehr als "
      "zehn Jahren Streit.\n"
      "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und bis 2029 abgeschlossen sein.\n"
      "Unterstützen Sie unseren Journalismus mit einer Spende.\n"
      "Artikel teilen\n");
  EXPECT_EQ(cleaned.title, "Stadtrat beschließt neue Straßenbahnlinie");
  EXPECT_EQ(cleaned.authors, std::vector<std::string>{"Anna Novak"});
  EXPECT_TRUE(was_cut(cleaned, "Startseite", "navigation") || was_cut(cleaned, "Startseite"));
  EXPECT_TRUE(was_cut(cleaned, "Jetzt den Newsletter", "call to action"));
  EXPECT_TRUE(was_cut(cleaned, "Unterstützen Sie", "donation appeal"));
  EXPECT_TRUE(was_cut(cleaned, "Artikel teilen", "share prompt"));
  EXPECT_NE(cleaned.text.find("Die Bauarbeiten sollen"), std::string::npos);
}

TEST(Clean, FrenchAndSpanishNoticesAreCut) {
  Cleaned french = clean_text(
      "Le conseil municipal a approuvé mardi la nouvelle ligne de tramway, après dix ans de débats.\n"
      "Nous utilisons des cookies pour améliorer votre expérience.\n"
      "Les travaux commenceront au printemps prochain et dureront cinq ans.\n"
      "Partager sur Facebook\n");
  EXPECT_TRUE(was_cut(french, "Nous utilisons des cookies", "cookie notice"));
  EXPECT_TRUE(was_cut(french, "Partager", "share prompt"));
  EXPECT_NE(french.text.find("Les travaux commenceront"), std::string::npos);
  Cleaned spanish = clean_text(
      "El ayuntamiento aprobó el martes la nueva línea de tranvía, tras diez años de retrasos.\n"
      "Publicidad\n"
      "Las obras comenzarán la próxima primavera y durarán cinco años, según el alcalde.\n"
      "© 2024 Diario del Puerto. Todos los derechos reservados.\n");
  EXPECT_TRUE(was_cut(spanish, "Publicidad", "advertisement label"));
  EXPECT_TRUE(was_cut(spanish, "©", "copyright line"));
  EXPECT_NE(spanish.text.find("Las obras comenzarán"), std::string::npos);
}

// Section menus carry no chrome vocabulary: what gives them away is where
// they stand, above the run of prose. (Short lines after the prose are left
// to the model and its view of the lines around: after a story they are as
// often its list, its last subheading or a caption as other headlines, and
// cutting them all cost more article than it removed chrome.)
TEST(Clean, SectionMenusAboveTheArticleAreCut) {
  Cleaned cleaned = clean_text(
      "Cronaca\nPolitica\nEconomia\nSport\nCultura\nSpettacoli\nMotori\n"
      "Il porto riapre dopo tre mesi di lavori\n"
      "Il porto della città ha riaperto lunedì mattina ai traghetti, dopo tre mesi di lavori sulle banchine "
      "e sui moli danneggiati dalla mareggiata di novembre.\n"
      "Secondo l'autorità portuale, i collegamenti con le isole torneranno regolari entro la fine della "
      "settimana, mentre il traffico merci riprenderà a pieno ritmo solo a marzo.\n"
      "I lavori, costati dodici milioni di euro, hanno rinforzato anche la diga foranea, che era stata "
      "giudicata a rischio già nel 2019 da una perizia del comune.\n"
      "Nuovo ospedale, il cantiere parte a giugno\n"
      "Treni regionali, sciopero venerdì\n"
      "La squadra di casa vince il derby\n"
      "Mostra di pittura al castello fino a maggio\n"
      "Il meteo del fine settimana\n");
  EXPECT_TRUE(was_cut(cleaned, "Cronaca"));
  EXPECT_TRUE(was_cut(cleaned, "Motori"));
  EXPECT_EQ(cleaned.title, "Il porto riapre dopo tre mesi di lavori");
  EXPECT_EQ(cleaned.text.rfind("Il porto della città", 0), 0u) << cleaned.text;
  EXPECT_NE(cleaned.text.find("I lavori, costati"), std::string::npos);
}

TEST(Clean, AnArticleWithoutChromeLosesNothing) {
  std::string article =
      "We support our readers' right to know, the editor wrote, and you should too.\n"
      "The river rose four metres overnight, flooding the lower town for the first time since 1953.\n"
      "Residents were evacuated by boat; the mayor said the water should fall by Friday.\n"
      "Our thanks go to the volunteers, she added, who worked through the night.\n";
  Cleaned cleaned = clean_text(article);
  EXPECT_TRUE(cleaned.removed.empty()) << cleaned.removed[0].text << " (" << cleaned.removed[0].reason << ")";
  EXPECT_EQ(cleaned.text, article);
}

// Short subheadings between paragraphs stand inside the run of prose: the
// model must keep them, in any language, whatever their shape.
TEST(Clean, ArticlesWithSubheadingsLoseNothingInSeveralLanguages) {
  const std::string articles[] = {
      "Der Fluss stieg über Nacht um vier Meter und überflutete zum ersten Mal seit 1953 die Unterstadt.\n"
      "Die Bewohner wurden mit Booten in Sicherheit gebracht, sagte die Bürgermeisterin am Morgen.\n"
      "Die Helfer\n"
      "Mehr als zweihundert Freiwillige arbeiteten die ganze Nacht, um Sandsäcke an die Ufer zu bringen.\n"
      "Das Wasser soll nach Angaben der Behörden bis Freitag wieder auf den normalen Stand sinken.\n",
      "El río subió cuatro metros durante la noche e inundó la parte baja del pueblo por primera vez desde 1953.\n"
      "Los vecinos fueron evacuados en barca, según explicó la alcaldesa por la mañana.\n"
      "Los voluntarios\n"
      "Más de doscientas personas trabajaron toda la noche para llevar sacos de arena a las orillas.\n"
      "Las autoridades esperan que el agua vuelva a su nivel normal antes del viernes.\n",
      "川の水位は一晩で四メートル上昇し、一九五三年以来初めて町の低い地域が浸水した。\n"
      "住民はボートで避難し、市長は金曜日までに水が引く見込みだと述べた。\n"
      "ボランティアの活動\n"
      "二百人以上のボランティアが夜通し働き、土のうを川岸に運んだ。\n"
      "当局によると、水位は週末までに通常の高さに戻る見通しだという。\n"};
  for (const std::string& article : articles) {
    Cleaned cleaned = clean_text(article);
    EXPECT_TRUE(cleaned.removed.empty()) << cleaned.removed[0].text << " (" << cleaned.removed[0].reason << ")";
  }
}

// A chrome block absorbs the short notices between its lines, not a long
// paragraph that happens to stand between two links.
TEST(Clean, LongParagraphBetweenTwoLinksIsKept) {
  std::string paragraph =
      "Our guide walks you through the whole move, from the first estimate to the last box, and it starts "
      "with the question most people ask too late: how much will the move really cost? The answer depends "
      "on distance, on the weight of what you own and on the season, since summer moves cost more. Share "
      "the list of rooms with two or three companies and compare their written estimates line by line, "
      "because the cheapest quote often leaves out packing, stairs and long carries, which are billed on the "
      "day of the move at rates you never agreed to.\n";
  Cleaned cleaned = clean_text("https://example.com/moving/estimates\n" + paragraph +
                               "https://example.com/moving/checklist\n");
  EXPECT_TRUE(was_cut(cleaned, "https://example.com/moving/estimates", "link"));
  EXPECT_FALSE(was_cut(cleaned, "Our guide walks you")) << cleaned.removed[1].reason;
  EXPECT_NE(cleaned.text.find("Our guide walks you"), std::string::npos);
}

// A page without prose (a product sheet, a list) has no headline above its
// paragraphs and no footer after them: its items are its content.
TEST(Clean, PageWithoutProseKeepsItsItems) {
  Cleaned cleaned = clean_text(
      "Home\n"
      "Trail Runner 3 hiking boot\n"
      "Waterproof leather upper with a breathable lining\n"
      "Vibram sole for grip on wet rock\n"
      "Weight 540 g per boot in size 42\n"
      "Available in brown and grey\n"
      "Sizes 38 to 47\n");
  EXPECT_TRUE(was_cut(cleaned, "Home", "navigation"));
  EXPECT_EQ(cleaned.title, "");
  for (const char* item : {"Waterproof leather upper", "Vibram sole", "Weight 540 g"}) {
    EXPECT_NE(cleaned.text.find(item), std::string::npos) << item;
  }
}

TEST(Clean, EmptyInputGivesEmptyOutput) {
  Cleaned cleaned = clean_text("");
  EXPECT_TRUE(cleaned.text.empty());
  EXPECT_TRUE(cleaned.removed.empty());
  EXPECT_TRUE(cleaned.title.empty());
  EXPECT_TRUE(clean_text("\n\n  \n").text.empty());
}

TEST(Clean, HugeLineIsKeptWhole) {
  std::string line;
  while (line.size() < (size_t{8} << 20)) line += "The council met again and the vote was close. ";
  Cleaned cleaned = clean_text(line);
  EXPECT_TRUE(cleaned.removed.empty());
  EXPECT_TRUE(cleaned.title.empty());
  EXPECT_EQ(cleaned.text.size(), line.size());  // the trailing space trimmed, a newline added
}

// A document of more lines than any article (a dump: a word list, a log) is
// judged a window of lines at a time, so that the model's few hundred bytes
// per line stay bounded; every line still ends up kept or removed, removed
// lines keep their numbers in the input, and the story at the top keeps its
// headline.
TEST(Clean, AHugeDocumentOfShortLinesLosesNoLine) {
  std::string text = "City council approves new tram line after decade of delays\n"
                     "The city council voted 31 to 14 on Tuesday to approve the tram line, which will link the "
                     "harbour to the university by 2029 after a decade of studies and delays.\n\n";
  const char* words[] = {"alpha", "menu", "beta", "Home", "gamma", "Share"};
  constexpr size_t kLines = 200000;
  for (size_t i = 0; i < kLines; ++i) {
    text += words[i % 6];
    text += '\n';
  }
  size_t kept = 0;
  Cleaned cleaned = clean_text(text);
  for (char c : cleaned.text) kept += c == '\n';
  EXPECT_EQ(cleaned.title, "City council approves new tram line after decade of delays");
  EXPECT_EQ(kept + cleaned.removed.size(), kLines + 1);  // the story's paragraph, and every word line
  for (const auto& removed : cleaned.removed) {
    ASSERT_GE(removed.line, 4u);
    ASSERT_EQ(removed.text, words[(removed.line - 4) % 6]) << removed.line;
  }
}

TEST(Clean, InvalidUtf8IsReplacedAndCounted) {
  Cleaned cleaned = clean_text("The caf\xE9 on the corner reopened on Monday after a long renovation.\n\xFF\xFE\n");
  EXPECT_EQ(cleaned.invalid_utf8, 3u);
  EXPECT_NE(cleaned.text.find("caf\xEF\xBF\xBD on"), std::string::npos);
  EXPECT_NE(lede::clean::to_json(cleaned).find("\"invalid_utf8\":3"), std::string::npos);
}

TEST(Clean, JsonListsRemovedLinesWithReasons) {
  std::string json = lede::clean::to_json(clean_text(kCourier));
  EXPECT_NE(json.find("\"authors\":[\"Anna Novak\",\"Peter Grant\"]"), std::string::npos);
  EXPECT_NE(json.find("{\"line\":13,\"reason\":\"sign-in notice\",\"text\":\"You have been signed in\"}"),
            std::string::npos)
      << json;
}

TEST(CleanSite, LinesRepeatedAcrossTheHostAreCut) {
  lede::clean::SiteCounts counts;
  std::string chrome = "Morning briefing delivered daily\n";
  for (int i = 0; i < 5; ++i) {
    counts.add_document("example.org", chrome + "A story about topic " + std::string(1, char('a' + i)) +
                                           " with enough words to be prose here.\n");
  }
  std::string doc = chrome + "Another story, told at length, about the harbour and its ferries.\n";
  Cleaned alone = clean_text(doc);
  EXPECT_FALSE(was_cut(alone, "Morning briefing"));
  Cleaned site = clean_text(doc, {&counts, "https://www.example.org/2024/story"});
  EXPECT_TRUE(was_cut(site, "Morning briefing", "repeated on this site"));
  Cleaned other_host = clean_text(doc, {&counts, "https://other.org/story"});
  EXPECT_FALSE(was_cut(other_host, "Morning briefing"));
}

// A blog's pages as its template writes them: the headline, the byline
// with the author and the time of posting, the story, the template's footer.
std::string blog_post(const std::string& author, const std::string& when, const std::string& topic) {
  return "Inside the newsroom: " + topic + "\n" + "Posted by " + author + " on " + when + "\n" +
         "The editors met on Monday to talk about " + topic +
         ", and the discussion ran well past the hour they had set aside for it.\n"
         "Several readers had written in to ask how such decisions are made, so we agreed to explain "
         "the process in full here.\n"
         "Last updated at " + when + " GMT\n";
}

lede::clean::SiteCounts blog_counts() {
  lede::clean::SiteCounts counts;
  const char* authors[] = {"Julia Beizer", "Marty Baron", "Ann Lee", "Raju Narisetti", "Olga Khazan"};
  const char* whens[] = {"March 8, 2013 at 3:23 pm", "March 25, 2013 at 7:05 am", "April 2, 2013 at 9:12 am",
                         "April 9, 2013 at 1:40 pm", "May 1, 2013 at 6:02 pm"};
  const char* topics[] = {"comments", "the paywall", "corrections", "our mobile apps", "the archive"};
  for (int i = 0; i < 5; ++i) counts.add_document("post.example", blog_post(authors[i], whens[i], topics[i]));
  return counts;
}

TEST(CleanSite, TemplateLinesWithVariablePartsShareASkeleton) {
  lede::clean::SiteCounts counts = blog_counts();
  using Repeat = lede::clean::SiteCounts::Repeat;
  // A name and a date never seen, in the template's words.
  EXPECT_EQ(counts.line_documents("post.example", "Posted by Bethonie Butler on February 19, 2013 at 12:40 pm"), 0u);
  EXPECT_EQ(counts.skeleton_documents("post.example", "Posted by Bethonie Butler on February 19, 2013 at 12:40 pm"),
            3u);  // the three posted in the afternoon
  EXPECT_EQ(counts.repeat("post.example", "Posted by Bethonie Butler on February 19, 2013 at 12:40 pm"),
            Repeat::skeleton);
  EXPECT_EQ(counts.repeat("post.example", "Last updated at June 3, 2013 at 11:00 am GMT"), Repeat::skeleton);
  // A headline opens with the same words, but ends otherwise.
  EXPECT_EQ(counts.repeat("post.example", "Inside the newsroom: how we choose letters"), Repeat::none);
  // Another host's pages prove nothing here.
  EXPECT_EQ(counts.repeat("other.example", "Posted by Bethonie Butler on February 19, 2013 at 12:40 pm"),
            Repeat::none);
}

TEST(CleanSite, TemplateLinesAreCutAndTheBylineStillRead) {
  lede::clean::SiteCounts counts = blog_counts();
  std::string doc = blog_post("Bethonie Butler", "February 19, 2013 at 12:40 pm", "letters to the editor");
  Cleaned alone = clean_text(doc);
  EXPECT_FALSE(was_cut(alone, "Posted by"));
  Cleaned site = clean_text(doc, {&counts, "https://post.example/2013/02/19/letters"});
  EXPECT_TRUE(was_cut(site, "Posted by Bethonie Butler", "template of this site"));
  EXPECT_TRUE(was_cut(site, "Last updated at February 19", "template of this site"));
  EXPECT_EQ(site.authors, std::vector<std::string>{"Bethonie Butler"});
  EXPECT_EQ(site.date.substr(0, 10), "2013-02-19");
  EXPECT_EQ(site.title, "Inside the newsroom: letters to the editor");
  EXPECT_NE(site.text.find("The editors met on Monday"), std::string::npos);
}

TEST(CleanSite, ProseIsNeverATemplateLine) {
  lede::clean::SiteCounts counts;
  const char* subjects[] = {"the harbour plan", "a new school", "the tram budget", "its own pay rise", "the park"};
  for (const char* subject : subjects) {
    counts.add_document("a.org", std::string("The council said on Tuesday that ") + subject + " was finally approved.\n");
  }
  std::string sentence = "The council said on Monday that the bridge repairs were approved.";
  EXPECT_EQ(counts.repeat("a.org", sentence), lede::clean::SiteCounts::Repeat::skeleton);
  std::string doc = sentence + "\nWork is to begin in the spring and should be finished before the winter, "
                               "the mayor told reporters after the vote.\n";
  Cleaned cleaned = clean_text(doc, {&counts, "https://a.org/story"});
  EXPECT_FALSE(was_cut(cleaned, "The council said"));
}

TEST(CleanSite, CountsSurviveSaveAndLoad) {
  lede::clean::SiteCounts counts;
  for (int i = 0; i < 4; ++i) counts.add_document("a.org", "Sign up for our emails\nStory " + std::to_string(i));
  std::string path = ::testing::TempDir() + "/site_counts.txt";
  counts.save(path);
  lede::clean::SiteCounts loaded = lede::clean::SiteCounts::load(path);
  EXPECT_EQ(loaded.documents("a.org"), 4u);
  EXPECT_EQ(loaded.line_documents("a.org", "Sign up for our EMAILS"), 4u);
  EXPECT_EQ(loaded.skeleton_documents("a.org", "Sign up for their emails"), 4u);
}

TEST(CleanSite, CountingOnSeveralThreadsGivesTheSameCounts) {
  std::string dir = lede::test::scratch_dir("clean_site_threads");
  std::string corpus;
  for (int i = 0; i < 3000; ++i) {
    std::string host = i % 3 ? "a.org" : "b.org";
    corpus += "{\"url\":\"https://" + host + "/" + std::to_string(i) + "\",\"text\":\"Sign up\\nStory " +
              std::string(1, char('a' + i % 26)) + "\"}\n";
  }
  lede::test::write_file(dir + "/corpus.jsonl", corpus);
  lede::batch::SourceOptions sources;
  sources.jsonl_fields.html = "text";
  std::atomic<bool> stop{false};
  lede::clean::SiteCounts one = lede::clean::count_corpus({dir + "/corpus.jsonl"}, sources, 1, stop);
  lede::clean::SiteCounts three = lede::clean::count_corpus({dir + "/corpus.jsonl"}, sources, 3, stop);
  for (const lede::clean::SiteCounts* counts : {&one, &three}) {
    EXPECT_EQ(counts->documents("a.org"), 2000u);
    EXPECT_EQ(counts->line_documents("a.org", "Sign up"), 2000u);
    EXPECT_EQ(counts->line_documents("b.org", "Story a"), 39u);  // i a multiple of 78 below 3000
  }
}

TEST(CleanSite, TableStaysWithinItsCap) {
  lede::clean::SiteCounts counts(64);
  for (int i = 0; i < 1000; ++i) {
    std::string letters;  // digits are not compared, so the unique part is in letters
    for (int n = i + 1; n; n /= 26) letters += static_cast<char>('a' + n % 26);
    counts.add_document("a.org", "menu line\nunique line " + letters);
  }
  EXPECT_GE(counts.line_documents("a.org", "menu line"), 900u);
}

}  // namespace

namespace {

TEST(Clean, MojibakeIsRepaired) {
  Cleaned cleaned = lede::clean::clean_text(
      "The caf\xC3\x83\xC2\xA9 on the corner reopened on Monday after a long renovation, its owner said.\n");
  EXPECT_NE(cleaned.text.find("caf\xC3\xA9 on"), std::string::npos) << cleaned.text;
  EXPECT_EQ(cleaned.invalid_utf8, 0u);
}

}  // namespace
