// End to end through lede::extract: the article's own structure (headings,
// lists, tables, quotes, code, line breaks) survives selection on a real-
// looking blog page, in the plain text and in the Markdown.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

using lede::Article;
using lede::Options;

constexpr std::string_view kBlogPost = R"(<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Backing up a home server with rsync - Quiet Machines</title></head>
<body class="single">
<header class="site-header"><div class="wrap"><a class="logo" href="/">Quiet Machines</a>
<nav class="c-nav"><ul><li><a href="/">Blog</a></li><li><a href="/about/">About</a></li>
<li><a href="/uses/">Uses</a></li><li><a href="/feed.xml">RSS</a></li></ul></nav></div></header>
<div class="site-inner"><div class="content-area">
<article class="post">
<h1 class="post-title">Backing up a home server with rsync</h1>
<div class="post-body">
<p>For years my backups were a folder of good intentions. Last winter a disk in the home server
failed, and I spent a weekend rebuilding photo albums from old phones. This post describes the
setup I built afterwards, which has now run every night for ten months without a single miss.</p>
<h2>What the setup needs</h2>
<p>The plan is deliberately boring. It uses tools that come with every Linux distribution, and it
keeps the backup readable as plain files, so that restoring a single photo never needs special
software. There are only three requirements.</p>
<ul>
<li>A second machine with a disk at least twice the size of the data</li>
<li>SSH access from the server to that machine with a key</li>
<li>A cron daemon, which every distribution already ships</li>
</ul>
<h2>The nightly script</h2>
<p>The script below copies three folders to the backup machine. The trailing slash rules of rsync
are a classic trap, so each source is written without one. The script stops at the first error,
which makes cron mail me the output instead of failing silently.</p>
<pre><code>#!/bin/sh
set -eu
for dir in /home /etc /srv; do
    rsync -a --delete "$dir" backup:/pool/nightly/
done</code></pre>
<p>After the first full copy, a nightly run prints a short summary. On a typical night it looks
like this, and the numbers are small because only changed files travel over the network:</p>
<p>sent 1,204 files<br>total size 38.2 GB<br>speedup 412.7</p>
<h2>How long it takes</h2>
<p>I timed the runs over a month to see whether the network or the disks were the bottleneck. The
first copy was slow, as expected, but the nightly runs have stayed under ten minutes even after
adding the photo library to the backup set.</p>
<table>
<thead><tr><th>Run</th><th>Files copied</th><th>Minutes</th></tr></thead>
<tbody>
<tr><td>First full copy</td><td>412,330</td><td>371</td></tr>
<tr><td>Typical night</td><td>1,204</td><td>6</td></tr>
</tbody>
</table>
<p>The rsync manual has a line that I now keep on a sticky note above my desk, because every
mistake I made while building this came from ignoring it:</p>
<blockquote><p>A trailing slash on the source changes this behavior to avoid creating an additional
directory level at the destination.</p></blockquote>
<p>If you set up something similar, test a restore before you trust it. A backup that has never
been restored is only a hope, and the middle of a disk failure is the worst time to learn how
your own script works.</p>
</div>
</article>
</div>
<aside class="sidebar"><section class="widget"><h3>Elsewhere</h3><ul>
<li><a href="https://example.social/@quiet">Mastodon</a></li><li><a href="/now/">Now page</a></li></ul></section></aside>
</div>
<footer class="site-footer"><p>&copy; 2024 Quiet Machines. Built with a static site generator.</p></footer>
</body>
</html>
)";

constexpr std::string_view kPreInText =
    "#!/bin/sh\nset -eu\nfor dir in /home /etc /srv; do\n    rsync -a --delete \"$dir\" "
    "backup:/pool/nightly/\ndone";

::testing::AssertionResult has(std::string_view text, std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "missing \"" << needle << "\" in:\n" << text;
}

Article extract_post(bool markdown) {
  Options options;
  options.markdown = markdown;
  return lede::extract(kBlogPost, options);
}

TEST(Structure, PlainTextKeepsEveryBlockOfThePost) {
  Article article = extract_post(false);
  EXPECT_TRUE(has(article.text, "For years my backups were a folder of good intentions."));
  EXPECT_TRUE(has(article.text, "\n\nWhat the setup needs\n\n"));
  EXPECT_TRUE(has(article.text, "\n\nSSH access from the server to that machine with a key\n\n"));
  EXPECT_TRUE(has(article.text, "Typical night 1,204 6"));
  EXPECT_TRUE(has(article.text, "A trailing slash on the source changes this behavior"));
  EXPECT_TRUE(has(article.text, "A backup that has never been restored is only a hope"));
  EXPECT_EQ(article.text.find("Mastodon"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Built with a static site generator"), std::string::npos) << article.text;
}

TEST(Structure, PreKeepsItsWhitespaceInPlainText) {
  EXPECT_TRUE(has(extract_post(false).text, kPreInText));
}

TEST(Structure, BrBreaksLinesInPlainText) {
  EXPECT_TRUE(has(extract_post(false).text, "sent 1,204 files\ntotal size 38.2 GB\nspeedup 412.7"));
}

TEST(Structure, MarkdownHasHeadingsAndListItems) {
  Article article = extract_post(true);
  EXPECT_TRUE(has(article.markdown, "\n\n## What the setup needs\n\n"));
  EXPECT_TRUE(has(article.markdown, "\n\n## The nightly script\n\n"));
  EXPECT_TRUE(has(article.markdown, "- A second machine with a disk at least twice the size of the data\n"
                                    "- SSH access from the server to that machine with a key\n"
                                    "- A cron daemon, which every distribution already ships"));
  EXPECT_EQ(article.markdown.find("# Backing up a home server"), std::string::npos)
      << "the headline is the title, not a body heading";
}

TEST(Structure, MarkdownHasAPipeTable) {
  EXPECT_TRUE(has(extract_post(true).markdown,
                  "| Run | Files copied | Minutes |\n| --- | --- | --- |\n"
                  "| First full copy | 412,330 | 371 |\n| Typical night | 1,204 | 6 |"));
}

TEST(Structure, MarkdownHasAQuoteAFenceAndHardBreaks) {
  Article article = extract_post(true);
  EXPECT_TRUE(has(article.markdown, "\n\n> A trailing slash on the source changes this behavior"));
  EXPECT_TRUE(has(article.markdown, "```\n" + std::string(kPreInText) + "\n```"));
  EXPECT_TRUE(has(article.markdown, "sent 1,204 files\\\ntotal size 38.2 GB\\\nspeedup 412.7"));
}

// Blogs print a lead paragraph, then the rest of the post in a "more" block
// that holds nearly all of the value: the lead belongs to the story.
TEST(Structure, TheLeadParagraphAboveAReadMoreBlockIsKept) {
  std::string page = "<html><body><div id=main><div class=entry-content>"
                     "<p>With summer finally upon us, it is hard not to look wistfully from the inside of a car "
                     "and long for the wind on your face on a quiet country road.</p><div id=entry-more>";
  for (int i = 0; i < 6; ++i)
    page += "<p>Motorcycle prices vary wildly, but on average a new bike fit for a beginner costs between "
            "five and ten thousand dollars, before insurance, gear and lessons.</p>";
  page += "</div></div></div><div class=sidebar><ul><li><a href=/a>Home</a></li></ul></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("With summer finally upon us")) << article.text;
}

// The headline is the first <h1> matching the title, before any <h2> that
// matches too: the <h1> goes to the title, the <h2> (a section of the same
// name) stays in the body, where it stands.
TEST(Structure, TheHeadlineIsAnH1BeforeAnyH2OfTheSameText) {
  std::string paragraph = "<p>The gauge at the harbour mouth reports the water level every minute again, after a "
                          "winter of repairs to its sensor, its solar panel and the cable to the shore.</p>";
  std::string page = "<html><head><title>Tide gauge back online</title></head><body><article>"
                     "<h2>Tide gauge back online</h2>" + paragraph + "<h1>Tide gauge back online</h1>" +
                     paragraph + paragraph + "</article></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("Tide gauge back online")) << article.text;
  EXPECT_EQ(article.text.find("Tide gauge back online", 1), std::string::npos) << article.text;
}

// A title of the post's name and the site's: the site's heading says part of
// it, the post's says more, and is the headline that goes to the title.
TEST(Structure, TheHeadlineIsTheHeadingThatSaysMostOfTheTitle) {
  std::string paragraph = "<p>The gauge at the harbour mouth reports the water level every minute again, after a "
                          "winter of repairs to its sensor, its solar panel and the cable to the shore.</p>";
  std::string page = "<html><head><title>Tide gauge back online « Harbour Notes</title></head><body>"
                     "<div class=site><h2>Harbour Notes</h2></div><div class=post><h2>Tide gauge back online</h2>" +
                     paragraph + paragraph + "</div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("The gauge at the harbour mouth")) << article.text;
  EXPECT_TRUE(article.text.find("Tide gauge back online") == std::string::npos) << article.text;
}

// A chart or shop listing names each item in a linked heading; those names
// are the listing, not a list of links to cut.
TEST(Structure, ListingKeepsItsItemsLinkedTitles) {
  const char* titles[] = {"Wuthering Heights", "Marty Supreme", "The Housemaid", "Jurassic World: Rebirth",
                          "One Battle After Another", "In the Blink of an Eye"};
  std::string page = "<html><body><nav><a href=/>Home</a><a href=/charts>Charts</a></nav><main><h1>Most popular "
                     "movies</h1><p>As determined by the site's users, updated every week.</p><ul>";
  int rank = 0;
  for (const char* title : titles) {
    std::string n = std::to_string(++rank);
    page += "<li><div class=item><span>#" + n + "</span><div class=title><a href=/t" + n + "><h3>" + title +
            "</h3></a></div><span>2026</span> <span>1h 54m</span> <span>Rated R</span></div></li>";
  }
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  for (const char* title : titles) EXPECT_TRUE(has(article.text, title)) << article.text;
}

// A story split around an inline box keeps both parts: they share their
// markup (<div class=articleBody> twice), whatever their sizes.
TEST(Structure, AStorySplitAroundAnInlineBoxKeepsBothParts) {
  std::string page = "<html><body><div id=article><div class=articleBody><p>KIEV, Ukraine (AP) - If a group of "
                     "lawmakers succeeds in its mission, films that sympathetically portray gay men and lesbians "
                     "could become a thing of the past.</p></div><div class=inline><a href=/m>Multimedia</a></div>"
                     "<div class=articleBody>";
  for (int i = 0; i < 8; ++i)
    page += "<p>The bill, which passed its first reading on Tuesday, would make the production of such works "
            "punishable by up to five years in prison, rights groups said in a statement.</p>";
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("KIEV, Ukraine (AP)")) << article.text;
  EXPECT_TRUE(has(article.text, "passed its first reading"));
}

// The lead split off by a rail of share buttons may carry a class more than
// the rest of the story (<div class="body lead"> before <div class=body>):
// it is the story's still.
TEST(Structure, ALeadSplitOffWithAnExtraClassIsKept) {
  std::string page = "<html><body><h1>Schools under drones</h1><div id=story><div class=\"body lead\"><p>"
                     "ISLAMABAD - At a middle school in the tribal areas, an enthusiastic group of students "
                     "recite their lesson for the day, which involves learning the names of the "
                     "provinces.</p></div><div class=rail>";
  for (const char* label : {"Share on Facebook", "Tweet this story", "Email a friend", "Print", "Comments", "Weigh in"})
    page += std::string("<p><a href=/s>") + label + "</a></p>";
  page += "</div><div class=body>";
  for (int i = 0; i < 8; ++i)
    page += "<p>At least 400 students in grade " + std::to_string(i + 1) + " attend the school, which the "
            "area's commander has left alone under an uneasy truce with the army.</p>";
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("ISLAMABAD - At a middle school")) << article.text;
  EXPECT_TRUE(has(article.text, "uneasy truce"));
}

// A post written as runs of text parted by <br> holds its lead loose, above
// the letter it quotes: the lead is the post's, however long the letter.
TEST(Structure, TheLooseLeadAboveAQuotedLetterIsKept) {
  std::string page = "<html><body><h1>For your first Christmas</h1><div class=post-body><img src=a.jpg><br><br>"
                     "In December of 1915, as his grandson began to enjoy his first Christmas, a 70-year-old "
                     "diplomat decided to mark the occasion by writing him a letter.<br><br><blockquote>";
  for (int i = 0; i < 10; ++i)
    page += "Sir, in wishing you all good health for the year " + std::to_string(1916 + i) +
            ", I take the liberty humbly to indicate some favours of fortune.<br><br>";
  page += "</blockquote></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(article.text.starts_with("In December of 1915")) << article.text;
  EXPECT_TRUE(has(article.text, "the year 1925"));
}

// A product's description continued in one short section per feature, each
// too short to join on its own: together they are the rest of it. A teaser
// block after them breaks the run and stays out.
TEST(Structure, ARunOfShortSectionsAfterTheDescriptionIsKept) {
  std::string page = "<html><body><div class=page><section class=overview><h1>Magnetic mat</h1>";
  for (int i = 0; i < 6; ++i)
    page += "<p>The mat holds every screw of repair " + std::to_string(i) + " where you put it, on a grid you "
            "can write on with a dry-erase marker, and rolls up for the drawer.</p>";
  page += "</section>";
  for (const char* feature : {"Time-saving layout", "Magnetic hold", "Notes that wipe off"})
    page += std::string("<section class=feature><h2>") + feature +
            "</h2><p>" + feature + ": each square keeps the parts of one step together, so that reassembly "
            "goes in order and nothing is left over.</p></section>";
  page += "<section class=more><h2><a href=/tray>Anti-static tray</a></h2><p>Another mat for another bench, "
          "in plastic, with a lid that keeps the parts from sliding off the edge.</p></section></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "rolls up for the drawer."));
  EXPECT_TRUE(has(article.text, "Notes that wipe off"));
  EXPECT_EQ(article.text.find("Anti-static tray"), std::string::npos) << article.text;
}

// A post under its headline, in the page's left column: the right column
// two levels up (a blog's modules, each a paragraph of its own) is the page
// around the post, not part of the story, however much prose it holds.
TEST(Structure, ColumnsBesideTheBlockAroundThePostStayOut) {
  std::string page = "<html><head><title>Homes bounce back</title></head><body><div id=blog>"
                     "<div id=aCol><div id=content><div class=post><h1>Homes bounce back</h1>";
  for (int i = 0; i < 5; ++i)
    page += "<p>Home prices rose 4.7 percent nationally over the twelve months through August, and in some "
            "places they are still falling while in others they rise at a fast clip.</p>";
  page += "</div></div></div><div id=cCol>";
  for (int i = 0; i < 2; ++i)
    page += "<div class=box><h4>About this blog</h4><p>Economics does not have to be complicated: it is the "
            "study of our lives, our jobs and homes, and the little decisions we face every day.</p></div>";
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "rise at a fast clip."));
  EXPECT_EQ(article.text.find("does not have to be complicated"), std::string::npos) << article.text;
}

// A post of a short closing paragraph after a long one is both: the long one
// holds nearly all the value, yet a paragraph beside another that says
// something is one of the post's blocks, not the container.
TEST(Structure, AShortParagraphBesideTheLongOneIsKept) {
  std::string page = "<html><body><div class=nav><a href=/>Home</a> <a href=/about>About</a></div>"
                     "<div class=entry><h1>More on old maps</h1><div class=post><p>";
  for (int i = 0; i < 6; ++i)
    page += "Readers sent scans of the maps their grandparents kept, drawn before the newer surveys of the "
            "valley, and several of them show the old mill road. ";
  page += "</p><p>Check them out in the <a href=/scans>gallery of scans</a>, and send yours if you have one.</p>"
          "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "show the old mill road.")) << article.text;
  EXPECT_TRUE(has(article.text, "send yours if you have one.")) << article.text;
}

// A lead paragraph that is half links (thanks, with the posts it thanks for)
// stays with the paragraph after it, which alone outscores the post.
TEST(Structure, ALeadParagraphThatIsHalfLinksStaysWithThePost) {
  std::string page = "<html><body><div class=nav><a href=/>Home</a> <a href=/about>About</a></div>"
                     "<div class=entry><div class=title>More on old maps</div><div class=post>"
                     "<p>Many thanks to the readers who answered <a href=/q1>my question about the old maps of "
                     "the valley</a>. See also <a href=https://example.org/t>the thread on the forum</a>.</p>"
                     "<p>Now the follow-up: if you kept a map from your grandparents, where did it come from, and "
                     "how well has it held up against the newer surveys of the same valley? Please answer only "
                     "if you own one.</p><ul><li><a href=/a>Old maps</a></li><li><a href=/b>Thanks</a></li></ul>"
                     "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Many thanks to the readers")) << article.text;
  EXPECT_TRUE(has(article.text, "Now the follow-up")) << article.text;
}

// Three paragraphs of a short story, each its own, for pages whose layout
// is what a test is about.
std::string ferry_story() {
  std::string story;
  for (int day = 1; day <= 3; ++day)
    story += "<p>The ferry resumed its crossings on day " + std::to_string(day) + " after engineers checked the "
             "slipway, which the storm had damaged, and the first boat left on time with forty passengers aboard.</p>";
  return story;
}

constexpr std::string_view kFerryHead =
    "<html><head><title>Harbour ferry returns after storm</title></head><body>";

// A page names its whole body role=main, around the post's column and a
// rail beside it (Yahoo's layout). The post is the column that holds the
// headline and the story, most of the named block's text; the rail of tweets
// and teasers is no part of it, though the name covers both.
TEST(Structure, ARailInsideTheNamedMainStaysOut) {
  std::string page = std::string(kFerryHead) +
                     "<div class=bd role=main><div class=grid><div class='col primary'>"
                     "<div class=art-hd><h1>Harbour ferry returns after storm</h1></div><div class=art-bd>" +
                     ferry_story() +
                     "</div></div><div class='col second'><div class=mod><ol><li><p>Crews cleared the quay "
                     "road overnight, a reader writes from the harbour. <a href='/t/1'>pic.example.com/abc</a>"
                     "</p></li></ol></div></div></div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "forty passengers aboard."));
  EXPECT_EQ(article.text.find("Crews cleared the quay road"), std::string::npos) << article.text;
}

// WordPress themes name the column of widgets beside the post "secondary",
// and some sites a teaser column so ("secondaryContent"): its prose is
// another story's, not a part of this one.
TEST(Structure, ASecondaryColumnBesideThePostStaysOut) {
  std::string page = std::string(kFerryHead) +
                     "<div id=wrap><div id=primary><h1>Harbour ferry returns after storm</h1>" + ferry_story() +
                     "</div><div id=secondaryContent><ul>";
  for (int i = 0; i < 2; ++i)
    page += "<li><p>Lifeboat crew honoured: the volunteers who answered forty calls last winter were "
            "thanked by the mayor at a ceremony on the quay.</p></li>";
  page += "</ul></div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "forty passengers aboard."));
  EXPECT_EQ(article.text.find("Lifeboat crew honoured"), std::string::npos) << article.text;
}

// A blog's list of most popular posts names each in a heading, the post on
// the page among them; the post's own title is a <div> named so. The list is
// no headline, and the column it stands in no part of the post.
TEST(Structure, APopularListNamingThePostIsNoHeadline) {
  std::string page = std::string(kFerryHead) +
                     "<div role=main><div class=cols><div class=main-col><div class=post-title>"
                     "<a href='/p/1'>Harbour ferry returns after storm</a></div>" + ferry_story() +
                     "</div><div class=right-col><h3>Most popular</h3><ul>";
  const char* popular[] = {"Harbour ferry returns after storm", "Lighthouse keeper retires", "New quay opens",
                           "Storm season ahead"};
  for (const char* name : popular)
    page += std::string("<li><h2><a href='/p/x'>") + name + "</a></h2><div>50486</div></li>";
  page += "</ul><h3>Archive</h3><p>Looking for an older post? Visit the archive of every post by month.</p>"
          "</div></div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "forty passengers aboard."));
  EXPECT_EQ(article.text.find("Looking for an older post"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Lighthouse keeper"), std::string::npos) << article.text;
}

// A post's title set in a <div class=entry-title>, not a heading, is the
// headline all the same: it goes to the title, not into the text again.
TEST(Structure, ADivNamedAsTheTitleIsTheHeadline) {
  std::string page = std::string(kFerryHead) + "<div class=entry><div class=entry-title>Harbour ferry returns "
                     "after storm</div>" + ferry_story() + "</div></body></html>";
  Article article = lede::extract(page);
  EXPECT_EQ(article.title, "Harbour ferry returns after storm");
  EXPECT_TRUE(article.text.starts_with("The ferry resumed")) << article.text;
}

// "Related stories" above a list of links that was cut, "See also:" above
// share buttons: labels that announce nothing once what they announced is
// gone. A heading that ends the post with nothing cut after it stays.
TEST(Structure, ALabelLeftLastAboveCutChromeIsCut) {
  std::string related = "<h3>Related stories</h3><ul class=related-posts><li><a href=/a>Quay road reopens after "
                        "the storm</a></li><li><a href=/b>Lifeboat crew honoured</a></li></ul>";
  std::string share = "<p>See also:</p><div class=share-buttons><a href=/s/f>Facebook</a> <a href=/s/t>X</a></div>";
  for (const std::string& tail : {related, share}) {
    Article article = lede::extract(std::string(kFerryHead) + "<article>" + ferry_story() + tail +
                                    "</article></body></html>");
    EXPECT_TRUE(article.text.ends_with("forty passengers aboard.")) << article.text;
  }
  Article article = lede::extract(std::string(kFerryHead) + "<article>" + ferry_story() +
                                  "<h3>Timetable to follow</h3></article></body></html>");
  EXPECT_TRUE(article.text.ends_with("Timetable to follow")) << article.text;
}

}  // namespace
