// End to end through lede::extract: a realistic news page with one kind of
// page chrome at a time. The story must survive whole; the chrome must go.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

using lede::Article;
using lede::Options;

// Where chrome sits on a typical CMS page. Each test fills one or two slots.
struct Slots {
  std::string head;           // inside <head>
  std::string top;            // first thing in <body>
  std::string before_story;   // in <main>, before the <article>
  std::string story_top;      // first thing in the story body
  std::string story_middle;   // between the story's paragraphs
  std::string story_end;      // last thing in the story body
  std::string after_story;    // in <main>, after the <article>
  std::string side;           // beside <main>
  std::string bottom;         // last thing in <body>
};

// Distinctive sentences of the story's first, middle and last paragraphs.
constexpr std::string_view kFirstSentence =
    "Volunteers carried the local history collection up the stairs by torchlight";
constexpr std::string_view kMiddleSentence =
    "The town refused, arguing that a library on the harbour front keeps the high street alive";
constexpr std::string_view kLastSentence =
    "The first book borrowed, she noted with some amusement, was a guide to building boats.";

std::string page(const Slots& s) {
  return R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour town rebuilds its flooded library | The Coastal Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
)" + s.head + R"(
</head>
<body class="post-template-default single single-post">
)" + s.top + R"(
<div id="page" class="site">
<div class="container">
<main id="main" class="site-main" role="main">
)" + s.before_story + R"(
<article id="post-4312" class="post-4312 post type-post status-publish hentry">
<header class="entry-header">
<h1 class="entry-title">Harbour town rebuilds its flooded library</h1>
<div class="entry-meta"><span class="posted-on">14 September 2024</span></div>
</header>
<div class="entry-content">
)" + s.story_top + R"(
<p>When the storm surge reached Port Wenlock last October, the water rose to the second shelf of
the town library within an hour. Volunteers carried the local history collection up the stairs by
torchlight, but more than eight thousand books were lost. Eleven months later, the building reopened
on Saturday with a raised floor and a flood barrier that can be bolted across the doors in minutes.</p>
<p>The rebuild cost just under two million pounds, most of it covered by insurance and a grant from
the county council. Head librarian Ruth Amadi said the hardest part was not the money but deciding
what to replace first. Children's books came back within weeks, she said, because families kept
asking for them.</p>
)" + s.story_middle + R"(
<p>Engineers who surveyed the site recommended moving the library inland altogether. The town refused, arguing that a library on the harbour front keeps the high street alive through the winter
months. Instead the ground floor was rebuilt with tiled walls and sockets set a metre above the
floor, so that a future flood can be hosed out rather than gutted.</p>
<p>Not everything could be saved. The parish records from the nineteenth century, stored in the
basement, were reduced to pulp, and conservators in Exeter are still trying to recover some of the
ledgers by freeze-drying them. Local historians have started a project to rebuild the archive from
copies held by families who emigrated.</p>
<p>On opening day the queue stretched past the lifeboat station. Ruth Amadi said she had expected a
few dozen people and instead counted more than six hundred visitors before lunch. The first book borrowed, she noted with some amusement, was a guide to building boats.</p>
)" + s.story_end + R"(
</div>
</article>
)" + s.after_story + R"(
</main>
)" + s.side + R"(
</div>
</div>
)" + s.bottom + R"(
</body>
</html>
)";
}

std::string excerpt(std::string_view text) {
  constexpr size_t kMax = 1500;
  if (text.size() <= kMax) return std::string(text);
  return std::string(text.substr(0, kMax)) + "...";
}

::testing::AssertionResult has(std::string_view text, std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "missing \"" << needle << "\" in:\n" << excerpt(text);
}

::testing::AssertionResult lacks(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  if (at == std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "unexpected \"" << needle << "\" at " << at << " in:\n"
                                       << excerpt(text);
}

void expect_story(const Article& article) {
  EXPECT_TRUE(has(article.text, kFirstSentence));
  EXPECT_TRUE(has(article.text, kMiddleSentence));
  EXPECT_TRUE(has(article.text, kLastSentence));
}

void expect_none(const Article& article, std::initializer_list<std::string_view> chrome) {
  for (std::string_view needle : chrome) EXPECT_TRUE(lacks(article.text, needle));
}

Article extract_page(const Slots& slots, const Options& options = {}) {
  return lede::extract(page(slots), options);
}

TEST(Chrome, StoryAloneIsKeptWhole) {
  Article article = extract_page({});
  expect_story(article);
  EXPECT_TRUE(has(article.text, "Children's books came back within weeks"));
  EXPECT_TRUE(lacks(article.text, "Harbour town rebuilds its flooded library"))
      << "the headline is metadata, not body text";
}

TEST(Chrome, SiteHeaderAndNavMenuAreCut) {
  Slots slots;
  slots.top = R"(
<a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding">
    <p class="site-title"><a href="/" rel="home">The Coastal Courier</a></p>
    <p class="site-description">News from the northern coast since 1921</p>
  </div>
  <nav id="site-navigation" class="c-nav main-navigation">
    <button class="menu-toggle" aria-controls="primary-menu">Menu</button>
    <ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/">Home</a></li>
      <li class="menu-item"><a href="/local/">Local News</a></li>
      <li class="menu-item"><a href="/weather/">Weather Radar</a></li>
      <li class="menu-item"><a href="/obituaries/">Obituaries</a></li>
      <li class="menu-item"><a href="/e-edition/">E-Edition</a></li>
    </ul>
  </nav>
</header>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"News from the northern coast since 1921", "Weather Radar", "Obituaries",
                        "E-Edition", "Skip to content"});
}

TEST(Chrome, BreadcrumbsAreCut) {
  Slots slots;
  slots.before_story = R"(
<nav aria-label="Breadcrumb" class="breadcrumbs">
  <ol class="breadcrumb" itemscope itemtype="https://schema.org/BreadcrumbList">
    <li class="breadcrumb-item"><a href="/">Home</a></li>
    <li class="breadcrumb-item"><a href="/community/">Community</a></li>
    <li class="breadcrumb-item active" aria-current="page">Libraries &amp; Culture</li>
  </ol>
</nav>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Libraries & Culture", "Community"});
}

TEST(Chrome, FooterWithCopyrightAndLinksIsCut) {
  Slots slots;
  slots.bottom = R"(
<footer id="colophon" class="site-footer">
  <div class="footer-widgets">
    <section class="footer-about">
      <h3>About the Courier</h3>
      <p>The Coastal Courier is an independent newspaper owned by its readers. We have covered the
      towns and villages of the northern coast for more than a century, and we publish every day of
      the year.</p>
    </section>
    <ul class="footer-links">
      <li><a href="/privacy/">Privacy Policy</a></li>
      <li><a href="/terms/">Terms of Use</a></li>
      <li><a href="/contact/">Contact the newsroom</a></li>
      <li><a href="/advertise/">Advertise with us</a></li>
    </ul>
  </div>
  <div class="site-info">&copy; 2024 Coastal Courier Media Group. All rights reserved.</div>
</footer>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"All rights reserved", "Privacy Policy", "Terms of Use", "Contact the newsroom",
                        "independent newspaper owned by its readers"});
}

TEST(Chrome, AsideSidebarIsCut) {
  Slots slots;
  slots.side = R"(
<aside id="secondary" class="widget-area" role="complementary">
  <section id="text-2" class="widget widget_text">
    <h2 class="widget-title">About this blog</h2>
    <div class="textwidget"><p>Port Wenlock Notes is written by volunteers from the harbour
    community. We cover council meetings, school events and the lifeboat crew. Tips and letters are
    always welcome at our office on Quay Street.</p></div>
  </section>
  <section id="recent-posts-2" class="widget widget_recent_entries">
    <h2 class="widget-title">Recent Posts</h2>
    <ul>
      <li><a href="/2024/09/ferry-timetable/">Winter ferry timetable announced</a></li>
      <li><a href="/2024/09/school-roof/">School roof repairs finish early</a></li>
    </ul>
  </section>
</aside>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Port Wenlock Notes is written by volunteers", "Recent Posts",
                        "Winter ferry timetable announced"});
}

TEST(Chrome, DivSidebarIsCut) {
  Slots slots;
  slots.side = R"(
<div class="sidebar col-md-4">
  <div class="sidebar-block">
    <h3>Tide times</h3>
    <p>High water at Port Wenlock today is at 06:42 and 19:05. Low water is at 00:31 and 12:58.
    Times are for the harbour entrance and may differ by a few minutes up the estuary.</p>
  </div>
  <div class="sidebar-block">
    <h3>Events this week</h3>
    <ul><li><a href="/events/quiz/">Lifeboat quiz night</a></li>
    <li><a href="/events/market/">Saturday craft market</a></li></ul>
  </div>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"High water at Port Wenlock today", "Lifeboat quiz night", "Events this week"});
}

TEST(Chrome, RelatedPostsInsideTheStoryAreCut) {
  Slots slots;
  slots.story_end = R"(
<div class="related-posts">
  <h3 class="related-posts__title">Related stories</h3>
  <ul>
    <li><a href="/2024/08/sea-wall/">Council approves budget for new sea wall</a></li>
    <li><a href="/2024/07/flood-insurance/">Flood insurance premiums double on the coast</a></li>
    <li><a href="/2024/06/archive/">Volunteers sort the town archive after the storm</a></li>
  </ul>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Related stories", "Council approves budget for new sea wall",
                        "Flood insurance premiums double"});
}

TEST(Chrome, MostReadListIsCut) {
  Slots slots;
  slots.after_story = R"(
<section class="most-read" aria-labelledby="most-read-heading">
  <h2 id="most-read-heading">Most read</h2>
  <ol class="most-read__list">
    <li><a href="/news/1/">Fishing fleet returns with record mackerel catch</a></li>
    <li><a href="/news/2/">Pier closed after winter storm damage</a></li>
    <li><a href="/news/3/">New bus route links villages to hospital</a></li>
    <li><a href="/news/4/">Lighthouse keeper's cottage sold at auction</a></li>
  </ol>
</section>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Most read", "record mackerel catch", "Lighthouse keeper's cottage"});
}

TEST(Chrome, RecommendedStoriesAreCut) {
  Slots slots;
  slots.story_end = R"(
<div class="recommended-stories">
  <h4>Recommended for you</h4>
  <div class="card"><a href="/a/"><h5>How to protect your home from flooding this winter</h5>
  <p>Sandbags, barriers and what insurers now expect.</p></a></div>
  <div class="card"><a href="/b/"><h5>The last bookbinder on the coast</h5>
  <p>A trade kept alive in a shed behind the harbour.</p></a></div>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Recommended for you", "How to protect your home from flooding",
                        "The last bookbinder on the coast"});
}

TEST(Chrome, ShareAndFollowButtonsAreCut) {
  Slots slots;
  slots.story_top = R"(
<div class="social-share">
  <span class="social-share__label">Share this article</span>
  <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>
  <a class="share-twitter" href="https://twitter.com/intent/tweet?url=x">Twitter</a>
  <a class="share-email" href="mailto:?subject=Library">Email</a>
</div>)";
  slots.story_end = R"(
<div class="follow-us">
  <p>Follow the Courier on <a href="https://instagram.com/courier">Instagram</a> and
  <a href="https://facebook.com/courier">Facebook</a></p>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Share this article", "Facebook", "Twitter", "Follow the Courier", "Instagram"});
}

// WordPress's like and share row is named after its vendor ("sharedaddy"),
// its other names only say what is switched on ("sd-like-enabled").
TEST(Chrome, WordPressLikeButtonsAreCut) {
  Slots slots;
  slots.story_end = R"(
<div id="jp-post-flair" class="sharedaddy sd-like-enabled"><div class="wpl-likebox sd-block sd-like">
  <h3 class="sd-title">Like this:</h3><div class="sd-content"><div class="wpl-button">
  <a href="/2012/10/library/?like=1" class="like needs-login sd-button" rel="nofollow"><span>Like</span></a></div>
  <div class="wpl-count sd-like-count">Be the first to like this.</div></div></div></div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Like this:", "Be the first to like this."});
}

// WordPress's themes close a post with a line of its date, categories and
// feeds, named "postmetadata": metadata, not the story's last paragraph.
TEST(Chrome, WordPressPostMetadataIsCut) {
  Slots slots;
  slots.story_end = R"(
<p class="postmetadata alt"><small>This entry was posted on 23 October 2012 at 8:14 pm and is filed under
  <a href="/category/local/" rel="category tag">Local</a>. You can follow any responses to this entry through
  the <a href="/feed/">RSS 2.0</a> feed.</small></p>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"This entry was posted", "RSS 2.0"});
}

// Utility classes name nothing: what follows the sole <article> inside <main>
// is not the story, however much text it holds.
TEST(Chrome, BlocksAfterTheSoleArticleInMainAreCut) {
  Slots slots;
  slots.after_story = R"(
<div class="px-6 py-10 md:py-12 bg-gray-50"><div class="max-w-screen-xl mx-auto">
  <p class="text-2xl font-bold mb-8">From our archive</p>
  <div class="grid gap-6"><div class="p-4">
    <p class="font-bold">Coastal towns raise their public buildings</p>
    <p>Across the county, councils have begun to lift schools and surgeries above the flood line,
    and planners now ask for a barrier on every new building along the seafront, whatever it costs.</p>
  </div></div>
</div></div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"From our archive", "Coastal towns raise", "planners now ask"});
}

TEST(Chrome, CookieConsentBannerIsCut) {
  Slots slots;
  slots.bottom = R"(
<div id="cookie-consent" class="cookie-consent" role="region" aria-label="Cookie banner">
  <p>We use cookies to personalise content and ads, to provide social media features and to
  analyse our traffic. We also share information about your use of our site with our social media,
  advertising and analytics partners who may combine it with other information.</p>
  <button class="cookie-consent__accept">Accept all cookies</button>
  <button class="cookie-consent__settings">Manage preferences</button>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"We use cookies", "Accept all cookies", "Manage preferences"});
}

TEST(Chrome, NewsletterSignupInsideTheStoryIsCut) {
  Slots slots;
  slots.story_middle = R"(
<div class="newsletter-box">
  <h3>The Morning Tide</h3>
  <p>Sign up for our free newsletter and get the day's top stories from the coast delivered to your
  inbox every morning. It only takes a moment and you can unsubscribe at any time.</p>
  <form action="/newsletter/subscribe" method="post">
    <input type="email" name="email" placeholder="Your email address">
    <button type="submit">Sign me up</button>
  </form>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"The Morning Tide", "Sign up for our free newsletter", "Sign me up"});
}

TEST(Chrome, NotificationPromptIsCut) {
  Slots slots;
  slots.bottom = R"(
<div id="onesignal-slidedown-container" class="onesignal-slidedown-container">
  <div id="onesignal-slidedown-dialog" class="slidedown-body" role="dialog">
    <p class="slidedown-body-message">Get breaking news alerts from the Courier. We will only send
    you the stories that matter most, and you can turn notifications off in your browser at any
    time.</p>
    <button class="primary slidedown-button">Allow</button>
    <button class="secondary slidedown-button">No thanks</button>
  </div>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Get breaking news alerts", "No thanks"});
}

TEST(Chrome, LoginPromptIsCut) {
  Slots slots;
  slots.story_end = R"(
<div class="login-prompt">
  <h3>Create a free account to keep reading</h3>
  <p>Register with your email address to read five more stories this month, save articles for later
  and join the conversation. Already have an account? Sign in below.</p>
  <a class="button" href="/register/">Register now</a> <a class="button" href="/login/">Sign in</a>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Create a free account to keep reading", "read five more stories this month",
                        "Register now"});
}

TEST(Chrome, DonationAppealIsCut) {
  Slots slots;
  slots.story_end = R"(
<div class="donation-appeal">
  <h3>Before you go</h3>
  <p>Independent local journalism has never been more important, and it has never cost more to
  produce. The Courier is funded by readers like you, not by billionaire owners. If you value our
  reporting, please consider supporting us with a one-off gift or a monthly contribution.</p>
  <a class="donate-button" href="/support/">Support the Courier from just &pound;2</a>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Before you go", "funded by readers like you", "Support the Courier"});
}

TEST(Chrome, SubscriptionAppealIsCut) {
  Slots slots;
  slots.after_story = R"(
<section class="subscription-offer">
  <h2>Subscribe to the Courier</h2>
  <p>Get unlimited access to every story, the digital edition of the newspaper and our puzzles
  section. Your first three months cost just one pound, and you can cancel online at any time.</p>
  <a href="/subscribe/">See subscription offers</a>
</section>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Subscribe to the Courier", "Get unlimited access", "See subscription offers"});
}

TEST(Chrome, AdvertisementBlockIsCut) {
  Slots slots;
  slots.story_middle = R"(
<div class="ad-container ad-container--inline">
  <p class="ad-label">Advertisement</p>
  <div id="div-gpt-ad-1718275-3" data-slot="/1234/courier/article_inline"></div>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Advertisement"});
}

TEST(Chrome, AuthorBioAfterTheStoryIsCut) {
  Slots slots;
  slots.story_end = R"(
<div class="author-bio">
  <img class="author-bio__avatar" src="/img/maren-holt.jpg" alt="">
  <h4 class="author-bio__name">About Maren Holt</h4>
  <p class="author-bio__text">Maren Holt is the Courier's senior reporter for climate and
  infrastructure. She joined the paper in 2016 after eight years at regional newspapers in Wales,
  and she lives in Port Wenlock with her partner and two very loud dogs.</p>
  <a href="/author/maren-holt/">More articles by Maren Holt</a>
</div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"About Maren Holt", "senior reporter for climate", "More articles by Maren Holt"});
}

// A WordPress comment thread after the post.
constexpr std::string_view kCommentSection = R"(
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Harbour town rebuilds its flooded library&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-81" class="comment even thread-even depth-1">
      <article class="comment-body">
        <footer class="comment-meta"><b class="fn">Gwen Pascoe</b> <time>14 September 2024 at 9:12 am</time></footer>
        <div class="comment-content"><p>My grandmother donated her diaries to that library in the
        sixties. I am so glad to hear some of the archive may be recovered, and I would happily lend
        copies of the photographs we still have at home.</p></div>
      </article>
    </li>
    <li id="comment-82" class="comment odd alt thread-odd depth-1">
      <article class="comment-body">
        <footer class="comment-meta"><b class="fn">Tom R.</b> <time>14 September 2024 at 11:40 am</time></footer>
        <div class="comment-content"><p>Moving it inland would have been a mistake. The harbour
        front needs places that stay open in winter, and the library was always warm and busy when
        everything else was shut.</p></div>
      </article>
    </li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
    <form id="commentform" class="comment-form">
    <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
    <p><label for="author">Name *</label> <input id="author" name="author"></p>
    <textarea name="comment"></textarea>
    <input type="submit" value="Post Comment"></form>
  </div>
</div>)";

constexpr std::string_view kCommentSentence = "My grandmother donated her diaries to that library";

TEST(Chrome, CommentSectionIsCutByDefault) {
  Slots slots;
  slots.after_story = kCommentSection;
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {kCommentSentence, "Moving it inland would have been a mistake", "Leave a Reply",
                        "thoughts on"});
  EXPECT_FALSE(article.comments.has_value()) << "comments are returned only when asked for";
}

Article extract_with_comments(const Slots& slots) {
  Options options;
  options.include_comments = true;
  return extract_page(slots, options);
}

TEST(Chrome, CommentsComeBackSeparatelyWhenAsked) {
  Slots slots;
  slots.after_story = kCommentSection;
  Article article = extract_with_comments(slots);
  expect_story(article);
  expect_none(article, {kCommentSentence, "Moving it inland would have been a mistake"});
  ASSERT_TRUE(article.comments.has_value());
  EXPECT_TRUE(has(*article.comments, kCommentSentence));
  EXPECT_TRUE(has(*article.comments, "Moving it inland would have been a mistake"));
  EXPECT_TRUE(lacks(*article.comments, kFirstSentence)) << "the story is not a comment";
  EXPECT_TRUE(lacks(*article.comments, "will not be published")) << "the form to write one is not a comment";
  EXPECT_TRUE(lacks(*article.comments, "Name *"));
}

// A wrapper around the whole page named for commenting (a widget's hook,
// "commenting-on-qna") is no thread: the story stays the text whether the
// comments are asked for or not, and is no comment.
TEST(Chrome, AWrapperNamedForCommentingIsNoThread) {
  Slots slots;
  slots.top = R"(<section class="commenting-on-qna">)";
  slots.bottom = "</section>";
  Article plain = extract_page(slots);
  Article with_comments = extract_with_comments(slots);
  expect_story(with_comments);
  EXPECT_EQ(with_comments.text, plain.text);
  EXPECT_TRUE(!with_comments.comments || lacks(*with_comments.comments, kFirstSentence));
}

// The heading over a comment section ends the text in neither mode: cut
// with the section by default, and left announcing nothing when the section
// goes to the comments.
TEST(Chrome, TheHeadingOverTheCommentsLeavesTheTextEitherWay) {
  Slots slots;
  slots.story_end = R"(<h2 class="add-your"><span class="show">Add a comment</span></h2>
<div id="comments-wrapper"><div id="comments"></div></div>)";
  for (const Article& article : {extract_page(slots), extract_with_comments(slots)}) {
    expect_story(article);
    EXPECT_TRUE(lacks(article.text, "Add a comment"));
  }
}

// A comment section without a comment holds only the form to write one and
// its notices: there are no comments to return. A short comment is one.
TEST(Chrome, ACommentSectionWithoutCommentsGivesNoComments) {
  Slots empty;
  empty.after_story = R"(<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title">Leave a Reply</h3><p>No comments yet.</p>
<form id="commentform"><p class="comment-notes">Your email address will not be published. Required
fields are marked *</p><label>Comment</label><textarea name="comment"></textarea></form></div></div>)";
  Article article = extract_with_comments(empty);
  expect_story(article);
  EXPECT_FALSE(article.comments.has_value()) << *article.comments;
  Slots one_short = empty;
  one_short.after_story = R"(<div id="comments" class="comments-area"><ol class="comment-list">
<li class="comment"><p>Lovely news, well done!</p></li></ol><div id="respond"><h3>Leave a Reply</h3>
<form id="commentform"><textarea name="comment"></textarea></form></div></div>)";
  article = extract_with_comments(one_short);
  ASSERT_TRUE(article.comments.has_value());
  EXPECT_TRUE(has(*article.comments, "Lovely news, well done!"));
  Slots flat_heading_only;
  flat_heading_only.story_end = R"(<h2 id="comments">Responses to the harbour library reopening</h2>
<p class="nocomments">No comments yet.</p>)";
  article = extract_with_comments(flat_heading_only);
  expect_story(article);
  EXPECT_FALSE(article.comments.has_value()) << *article.comments;
  // Old themes put the form alone after the post, named for comments itself.
  Slots form_alone;
  form_alone.after_story = R"(<h2 id="postcomment">Leave a comment</h2><form id="commentform">
<p><input type="text" name="author"><label for="author"><small>Name (required)</small></label></p>
<p><input type="text" name="email"><label for="email"><small>Mail (will not be published)
(required)</small></label></p><p><textarea name="comment"></textarea></p></form>)";
  article = extract_with_comments(form_alone);
  expect_story(article);
  EXPECT_FALSE(article.comments.has_value()) << *article.comments;
}

// A photo's credit line says who took it, not what the story says; the
// caption beside it stays (in Markdown; plain text leaves out figcaptions).
TEST(Chrome, PhotoCreditLinesAreCut) {
  Slots slots;
  slots.story_middle = R"(<div class="image-block"><img src="/img/library.jpg" alt="">
<p class="image-caption">Volunteers stack rescued books in the harbour master's office.
<span class="photo-credit">Susan Walsh / Coastal Press Agency</span></p></div>)";
  Article article = extract_page(slots);
  expect_story(article);
  EXPECT_TRUE(has(article.text, "Volunteers stack rescued books"));
  expect_none(article, {"Susan Walsh"});
}

// A photo's zoom controls, made of bare links a script drives, say nothing
// of the story; a heading that is a bare anchor ("<h2><a>Aftermath</a></h2>")
// stays.
TEST(Chrome, BareLinkControlsOverAPhotoAreCut) {
  Slots slots;
  slots.story_middle = R"(<div class="inset"><div class="zoom"><p><a>Enlarge Image</a></p></div>
<img src="/img/quay.jpg" alt=""><div class="close"><a>Close</a></div>
<p class="caption">The reopened library seen from the quay.</p></div><h2><a>Aftermath</a></h2>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Enlarge Image", "Close"});
  EXPECT_TRUE(has(article.text, "Aftermath"));
}

// An old blog's comments, flat in the post's own block behind a heading
// whose id names them (Movable Type): the heading is cut by its name, and
// what follows it goes with it.
constexpr std::string_view kFlatComments = R"(
<h2 id="comments">Comments</h2>
<div id="c169900"><p>My grandmother donated her diaries to that library in the sixties. I am so glad
to hear some of the archive may be recovered, and I would lend copies of the photographs.</p></div>
<p class="posted">Posted by: Gwen at September 14, 2024 9:12 AM</p>
<div id="c169901"><p>Moving it inland would have been a mistake. The harbour front needs places
that stay open in winter, and the library was always warm and busy when everything else was shut.</p></div>
<p class="posted">Posted by: Tom at September 14, 2024 11:40 AM</p>)";

TEST(Chrome, FlatCommentsBehindAHeadingCutByItsIdAreCut) {
  Slots slots;
  slots.story_end = kFlatComments;
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {kCommentSentence, "Moving it inland would have been a mistake", "Posted by: Tom"});
}

TEST(Chrome, FlatCommentsBehindAHeadingCutByItsIdComeBackWhenAsked) {
  Slots slots;
  slots.story_end = kFlatComments;
  Article article = extract_with_comments(slots);
  expect_story(article);
  expect_none(article, {kCommentSentence});
  ASSERT_TRUE(article.comments.has_value());
  EXPECT_TRUE(has(*article.comments, "Moving it inland would have been a mistake"));
}

TEST(Chrome, ForumSignatureIsCut) {
  Slots slots;
  slots.story_end = R"(<div class="signature"><div class="sig_text">Currently playing: Raji, Tales of Hearts R
    and Trails of Cold Steel. Design should be simple; communication should be honest.</div></div>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Currently playing", "Design should be simple"});
}

// On a forum or Q&A page the replies are the content. Whether the page says
// so in its head (JSON-LD) or on an element of its body (microdata), the
// same comment section is then kept rather than cut.
TEST(Chrome, CommentSectionIsKeptOnADiscussionPage) {
  Slots declared_in_head;
  declared_in_head.head = R"(<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Harbour town library"}
</script>)";
  declared_in_head.after_story = kCommentSection;
  Slots declared_in_body;
  declared_in_body.before_story = R"(<div itemscope itemtype="https://schema.org/QAPage"></div>)";
  declared_in_body.after_story = kCommentSection;
  for (const Slots& slots : {declared_in_head, declared_in_body}) {
    Article article = extract_page(slots);
    expect_story(article);
    EXPECT_TRUE(has(article.text, kCommentSentence)) << article.text;
  }
}

TEST(Chrome, HiddenElementsAreCut) {
  Slots slots;
  slots.story_top = R"(
<div hidden><p>Loading the interactive flood map, please wait while we fetch the latest data.</p></div>
<span class="icon" aria-hidden="true">Expand gallery icon</span>)";
  slots.story_middle = R"(
<div class="correction" style="display: none"><p>An earlier version of this story misstated the
cost of the rebuild and the name of the county council grant.</p></div>)";
  slots.story_end = R"(<p style="DISPLAY:NONE">Tracking pixel placeholder for campaign autumn.</p>
<p style="color: red; Visibility :
  Hidden">Survey invitation text kept for the next campaign.</p>
<p style="display: block; visibility: visible">Readers can sign the council's petition until May.</p>)";
  Article article = extract_page(slots);
  expect_story(article);
  EXPECT_NE(article.text.find("Readers can sign the council's petition"), std::string::npos) << article.text;
  expect_none(article, {"Loading the interactive flood map", "Expand gallery icon",
                        "An earlier version of this story", "Tracking pixel placeholder",
                        "Survey invitation text"});
}

// Shops keep raw product data in a block hidden by class, however much text
// it holds: a class that does nothing but hide is believed.
TEST(Chrome, DataHiddenByClassIsCutHoweverLong) {
  std::string data;
  for (int i = 0; i < 60; ++i)
    data += "<dt>retail_price_tier" + std::to_string(i) + ":</dt><dd>$20.00 for 1 to 9 items, then $15.00 for 10 "
            "to 49 items, and $13.00 for fifty items or more, shipped worldwide.</dd>";
  Slots slots;
  slots.after_story = "<dl class=\"productView-info hide\">" + data + "</dl>";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"retail_price_tier"});
}

TEST(Chrome, ScriptStyleAndTemplateContentIsCut) {
  Slots slots;
  slots.head = R"(<style>.entry-content p { margin-bottom: 1.5em; font-family: Georgia, serif; }</style>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "community"});</script>)";
  slots.story_middle = R"(
<script type="text/javascript">var articleTracking = { id: 4312, words: 412 }; trackView(articleTracking);</script>
<style>.flood-map { height: 400px; }</style>
<template id="card-template"><div class="card"><p>Template placeholder text for cards.</p></div></template>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"dataLayer", "articleTracking", "margin-bottom", "flood-map", "Template placeholder"});
}

// Readers run JavaScript: what <noscript> says is never what they see.
TEST(Chrome, NoscriptFallbackTextIsCut) {
  Slots slots;
  slots.story_middle = R"(
<noscript><p>Please enable JavaScript to view the interactive map of the flood.</p></noscript>)";
  slots.after_story = R"(
<div id="disqus_thread"></div>
<noscript>Please enable JavaScript to view the <a href="https://disqus.com/?ref_noscript">comments
powered by Disqus.</a></noscript>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Please enable JavaScript", "powered by Disqus"});
}

TEST(Chrome, FormsAreCut) {
  Slots slots;
  slots.top = R"(
<form role="search" method="get" class="search-form" action="/">
  <label><span class="screen-reader-text">Search for:</span>
  <input type="search" class="search-field" placeholder="Search the Courier"></label>
  <button type="submit" class="search-submit">Search</button>
</form>)";
  slots.story_end = R"(
<form class="wpcf7-form" action="/contact/" method="post">
  <p><label>Your name<br><input type="text" name="your-name"></label></p>
  <p><label>Topic<br><select name="topic"><option>Choose a topic</option><option>Report a
  correction</option><option>Suggest a story</option></select></label></p>
  <p><label>Your message<br><textarea name="your-message">Type your message here</textarea></label></p>
  <p><button type="submit">Send message</button></p>
</form>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"Search for:", "Choose a topic", "Report a", "Type your message here",
                        "Send message"});
}

TEST(Chrome, GermanPageWithChromeKeepsTheStory) {
  std::string page = R"(<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Stadtbibliothek öffnet nach Hochwasser wieder | Nordkurier</title></head>
<body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Startseite</a></li>
<li><a href="/politik/">Politik</a></li><li><a href="/wirtschaft/">Wirtschaft</a></li>
<li><a href="/kultur/">Kultur</a></li></ul></nav></header>
<main class="content">
<article class="article">
<h1>Stadtbibliothek öffnet nach Hochwasser wieder</h1>
<div class="article-body">
<p>Elf Monate nach dem Hochwasser hat die Stadtbibliothek am Samstag ihre Türen wieder geöffnet. Der
Keller und das Erdgeschoss mussten vollständig saniert werden, mehr als achttausend Bücher waren
verloren. Freiwillige hatten in der Nacht der Flut die heimatkundliche Sammlung in den ersten Stock
getragen.</p>
<p>Die Sanierung kostete knapp zwei Millionen Euro, den größten Teil übernahmen die Versicherung und
das Land. Bibliotheksleiterin Ruth Amadi sagte, am schwierigsten sei nicht das Geld gewesen, sondern
die Entscheidung, was zuerst ersetzt werden sollte. Kinderbücher seien schon nach wenigen Wochen
zurückgekehrt, weil Familien immer wieder danach gefragt hätten.</p>
<p>Am Eröffnungstag reichte die Schlange bis zur Brücke über die Hase. Die Leiterin hatte mit ein paar
Dutzend Besuchern gerechnet und zählte vor dem Mittag mehr als sechshundert. Das erste ausgeliehene
Buch war ausgerechnet ein Ratgeber für den Bootsbau.</p>
</div>
<div class="related-articles"><h3>Mehr zum Thema</h3><ul>
<li><a href="/a/">Stadtrat beschließt neuen Deich</a></li>
<li><a href="/b/">Versicherungsprämien an der Küste verdoppeln sich</a></li></ul></div>
</article>
</main>
<footer class="site-footer"><a href="/impressum/">Impressum</a> <a href="/datenschutz/">Datenschutz</a>
<p>&copy; 2024 Nordkurier Mediengruppe</p></footer>
<div class="cookie-banner"><p>Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die
Zugriffe auf unsere Website zu analysieren. Mit einem Klick auf Akzeptieren stimmen Sie dem zu.</p>
<button>Akzeptieren</button></div>
</body>
</html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Freiwillige hatten in der Nacht der Flut die heimatkundliche Sammlung"));
  EXPECT_TRUE(has(article.text, "Das erste ausgeliehene Buch war ausgerechnet ein Ratgeber für den Bootsbau."));
  expect_none(article, {"Startseite", "Wirtschaft", "Mehr zum Thema", "Stadtrat beschließt neuen Deich",
                        "Impressum", "Datenschutz", "Wir verwenden Cookies"});
}

TEST(Chrome, SpanishPageWithChromeKeepsTheStory) {
  std::string page = R"(<!DOCTYPE html>
<html lang="es">
<head><meta charset="utf-8"><title>El pueblo que salvó su biblioteca del mar | Diario del Litoral</title></head>
<body>
<div id="menu-principal" class="navbar"><a href="/">Portada</a> <a href="/local/">Local</a>
<a href="/deportes/">Deportes</a> <a href="/opinion/">Opinión</a></div>
<div class="breadcrumbs"><a href="/">Inicio</a> &rsaquo; <a href="/cultura/">Cultura</a></div>
<div id="contenido" class="main-content">
<div class="entry-content">
<h1>El pueblo que salvó su biblioteca del mar</h1>
<p>Cuando el temporal llegó al puerto en octubre, el agua alcanzó el segundo estante de la biblioteca
municipal en menos de una hora. Los voluntarios subieron la colección de historia local al primer piso
a la luz de las linternas. Aun así, se perdieron más de ocho mil libros.</p>
<p>La reconstrucción costó casi dos millones de euros, cubiertos en su mayor parte por el seguro y por
una subvención de la diputación. La directora, Ruth Amadi, explicó que lo más difícil no fue el dinero
sino decidir qué reponer primero. Los libros infantiles volvieron en pocas semanas porque las familias
no dejaban de pedirlos.</p>
<p>El día de la reapertura la cola llegaba hasta la estación de salvamento. La directora esperaba a unas
pocas docenas de personas y contó más de seiscientas antes del mediodía. El primer libro prestado fue,
curiosamente, un manual de construcción de barcos.</p>
<div class="compartir social-share"><a href="#">Compartir en Facebook</a> <a href="#">Compartir en X</a></div>
</div>
</div>
<div class="sidebar"><h3>Lo más leído</h3><ol><li><a href="/1/">Récord de capturas en la lonja</a></li>
<li><a href="/2/">Cierra el muelle tras el temporal</a></li></ol></div>
<div id="footer">Aviso legal · Política de privacidad · &copy; 2024 Diario del Litoral</div>
</body>
</html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Los voluntarios subieron la colección de historia local al primer piso"));
  EXPECT_TRUE(has(article.text, "El primer libro prestado fue, curiosamente, un manual de construcción de barcos."));
  expect_none(article, {"Deportes", "Inicio", "Compartir en Facebook", "Lo más leído",
                        "Récord de capturas", "Aviso legal"});
}

// Wrappers named after the layout they hold ("content with sidebar") are
// not sidebars: the story inside them must survive, the real sidebar not.
TEST(Chrome, ContentWithSidebarWrapperKeepsTheStory) {
  Slots slots;
  std::string page_html = page(slots);
  const std::string open = R"(<div class="container">)";
  page_html.replace(page_html.find(open), open.size(),
                    R"(<div id="contentWithSidebar" class="contentWithSidebar clearfix">)");
  page_html.insert(page_html.find("</main>") + 7,
                   R"(<div id="sidebar" class="sidebar"><h3>Tide times</h3><p>High water at Port
Wenlock today is at 06:42 and 19:05, low water at 00:31 and 12:58.</p></div>)");
  Article article = lede::extract(page_html);
  expect_story(article);
  expect_none(article, {"High water at Port"});
}

// The Genesis theme's markup: the story and the sidebar share one wrapper.
TEST(Chrome, ContentSidebarWrapKeepsTheStory) {
  Slots slots;
  std::string page_html = page(slots);
  const std::string open = R"(<div class="container">)";
  page_html.replace(page_html.find(open), open.size(), R"(<div class="content-sidebar-wrap">)");
  page_html.insert(page_html.find("</main>") + 7,
                   R"(<aside class="sidebar sidebar-primary widget-area" role="complementary">
<section class="widget featured-content"><h4 class="widget-title">Featured</h4><p>Our guide to the best
coastal walks this autumn, from the cliffs at Hartland to the dunes of the estuary.</p></section></aside>)");
  Article article = lede::extract(page_html);
  expect_story(article);
  expect_none(article, {"Our guide to the best coastal walks", "Featured"});
}

// Page builders (here Elementor) wrap every block, the story included, in
// "widget" elements.
TEST(Chrome, PageBuilderWidgetsKeepTheStory) {
  Slots slots;
  std::string page_html = page(slots);
  const std::string story_open = R"(<div class="entry-content">)";
  page_html.replace(page_html.find(story_open), story_open.size(),
                    R"(<div class="elementor-element elementor-widget elementor-widget-theme-post-content" data-widget_type="theme-post-content.default"><div class="elementor-widget-container">)");
  page_html.insert(page_html.find("</article>"), "</div>");
  const std::string top = R"(<div id="page" class="site">)";
  page_html.replace(page_html.find(top), top.size(),
                    top + R"(
<div class="elementor-element elementor-widget elementor-widget-nav-menu"><div class="elementor-widget-container">
<nav class="elementor-nav-menu--main"><ul class="elementor-nav-menu"><li><a href="/">Home</a></li>
<li><a href="/weather/">Weather Radar</a></li><li><a href="/obituaries/">Obituaries</a></li></ul></nav></div></div>
<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">
<p>Breaking: coastal road closed at Hartland Cross.</p></div></div>)");
  Article article = lede::extract(page_html);
  expect_story(article);
  expect_none(article, {"Weather Radar", "Obituaries"});
}

// A short post beside a sidebar that holds more prose than the post: the
// sidebar is kept by the prose guard, so the headline's column must win.
std::string short_post_page(const std::string& sidebar) {
  return R"(<!DOCTYPE html><html><head><title>Tide gauge back online | Harbour Notes</title></head>
<body><div id="outer"><div id="header"><a href="/">Harbour Notes</a></div>
<div id="content-wrapper"><div id="main-wrapper"><div class="main"><div class="posts">
<div class="day"><h2 class="date-header">Monday</h2><div class="post-outer"><div class="post">
<h3 class="post-title"><a href="/tide-gauge">Tide gauge back online</a></h3>
<div class="post-body"><p>The harbour's tide gauge is reporting again after the winter storms
knocked out its power supply; readings from the last six weeks were lost.</p></div>
</div></div></div></div></div></div>)" + sidebar + R"(</div></div></body></html>)";
}

std::string teaser(int i) {
  return "<article class=\"card\"><h1>Teaser " + std::to_string(i) +
         "</h1><p>Long teaser text number " + std::to_string(i) +
         " about another story on this site, with enough words to outweigh the short post above "
         "it, written the way sidebars summarise the stories they link to.</p></article>";
}

TEST(Chrome, ShortPostBesideWordySidebarDivKeepsThePost) {
  std::string sidebar = R"(<div id="sidebar-wrapper"><div id="sidebar" class="sidebar section">)";
  for (int i = 0; i < 6; ++i)
    sidebar += "<div class=\"widget Text\"><p>About the author " + std::to_string(i) +
               ": a retired harbour master who writes about boats, tides and the weather on "
               "this coast, and answers every letter readers send him.</p></div>";
  sidebar += "</div></div>";
  Article article = lede::extract(short_post_page(sidebar));
  EXPECT_TRUE(has(article.text, "reporting again after the winter storms"));
  EXPECT_TRUE(lacks(article.text, "retired harbour master"));
}

TEST(Chrome, AsideOfTeaserArticlesIsCutBesideAShortPost) {
  std::string sidebar = "<aside id=\"sidebar\"><h1>Most popular</h1>";
  for (int i = 0; i < 5; ++i) sidebar += teaser(i);
  sidebar += "</aside>";
  Article article = lede::extract(short_post_page(sidebar));
  EXPECT_TRUE(has(article.text, "reporting again after the winter storms"));
  EXPECT_TRUE(lacks(article.text, "Long teaser text"));
}

// A post of a line or two under its headline, on a page whose menus and
// archive lists hold far more text: the block holding most of the page's text
// is the page around the post, not a listing.
std::string short_post_among_links(const std::string& post) {
  std::string links = "<div class=box><h4>Archives</h4><ul>";
  for (int i = 0; i < 30; ++i)
    links += "<li><a href=/archive/" + std::to_string(i) + ">Posts from week " + std::to_string(i) +
             " of the harbour year</a></li>";
  links += "</ul></div>";
  return R"(<html><head><title>Tide gauge back online | Harbour Notes</title></head>
<body><div id="container"><div class="col-a">)" + post + "</div><div class=\"col-b\">" + links +
         "</div><div class=\"col-c\">" + links + "</div></div></body></html>";
}

TEST(Chrome, ShortPostUnderItsHeadlineBeatsThePageOfLinksAroundIt) {
  Article article = lede::extract(short_post_among_links(R"(<div class="post-content">
<h3 class="posttitle"><a href="/tide-gauge">Tide gauge back online</a></h3>
<div class="entry"><p>The harbour's tide gauge reports again, six weeks after the storm cut its power.</p>
</div></div>)"));
  EXPECT_TRUE(has(article.text, "six weeks after the storm"));
  EXPECT_TRUE(lacks(article.text, "Posts from week 3"));
}

// The same when the block chosen is the post itself, headline and all.
TEST(Chrome, ShortPostHoldingItsHeadlineBeatsThePageOfLinksAroundIt) {
  Article article = lede::extract(short_post_among_links(R"(<div class="post">
<h2>Tide gauge back online</h2><p>The harbour's tide gauge reports again, six weeks after the storm.</p>
<p>Readings from the six weeks it was dark are lost for good.</p></div>)"));
  EXPECT_TRUE(has(article.text, "six weeks after the storm"));
  EXPECT_TRUE(has(article.text, "lost for good"));
  EXPECT_TRUE(lacks(article.text, "Posts from week 3"));
}

// Below the story, blocks of other posts' excerpts, each cut short with
// "[...]" by the blog software and named by a plain link: teasers, which do
// not join the story as prose would.
TEST(Chrome, ExcerptsCutShortBesideTheStoryAreNotItsContinuation) {
  std::string page = R"(<html><head><title>Why should the harbour wait? | Harbour Notes</title></head>
<body><div class="page"><div class="story"><h1>Why should the harbour wait?</h1><div>)";
  for (int i = 0; i < 5; ++i)
    page += "<p>The council has promised a new sea wall for a decade, and paragraph " + std::to_string(i) +
            " of this story explains why the tide gauge readings make the case for building it this year.</p>";
  page += "</div></div><div class=more><h3>Earlier posts</h3><ul>";
  for (int i = 0; i < 2; ++i)
    page += "<li><a href=/p" + std::to_string(i) + ">Earlier post " + std::to_string(i) +
            "</a> The ferry timetable changes again this winter, and the new boats are slower than the old ones, "
            "which means [...]</li>";
  page += "</ul></div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "make the case for building it"));
  EXPECT_TRUE(lacks(article.text, "ferry timetable"));
}

// Two columns, neither holding most of the prose: the post under its headline
// and a rail of teasers, each with a summary. The headline's column wins.
std::string post_beside_rail_of_teasers(const std::string& headline) {
  std::string rail = "<div id=\"cCol\">";
  for (int i = 0; i < 4; ++i)
    rail += "<div class=\"box module\"><div class=\"entry\"><h4><a href=\"/p" + std::to_string(i) +
            "\">Another story " + std::to_string(i) + "</a></h4><p class=\"summary\">Summary " +
            std::to_string(i) + " of another story on this blog, long enough to read as prose "
            "and to give the rail as much weight as the post beside it.</p></div></div>";
  rail += "</div>";
  return R"(<!DOCTYPE html><html><head><title>Removing a browser add-on | Gadget Notes</title></head>
<body><div id="shell"><div id="page"><div id="aCol"><div class="hentry">)" +
         headline + R"(<div class="entry-content">
<p>If you suspect that a browser add-on is slowing things down, open the add-ons manager from the
tools menu and disable it there; the change takes effect after a restart.</p>
<p>To remove it for good, click Remove instead. Settings you changed in the add-on are deleted
with it, so write them down first if you may want it back later.</p></div></div></div>)" +
         rail + "</div></div></body></html>";
}

void expect_post_without_rail(const Article& article) {
  EXPECT_TRUE(has(article.text, "open the add-ons manager"));
  EXPECT_TRUE(has(article.text, "Settings you changed"));
  EXPECT_TRUE(lacks(article.text, "Summary 2 of another story"));
}

TEST(Chrome, RailOfTeaserSummariesBesideThePostIsCut) {
  expect_post_without_rail(
      lede::extract(post_beside_rail_of_teasers("<h1 class=\"entry-title\">Removing a browser add-on</h1>")));
}

// Blog themes without <article> give the post a <header>, which is cut as
// the site's; the headline it held still marks the post's column.
TEST(Chrome, RailIsCutWhenThePostsHeaderIsCutWithItsHeadline) {
  expect_post_without_rail(lede::extract(post_beside_rail_of_teasers(
      "<header class=\"postHeader\"><h1 class=\"entry-title\">Removing a browser add-on</h1>"
      "<address class=\"byline\">By <a href=\"/author/jo\">JO PARK</a></address></header>")));
}

// An article's own <footer> is usually tags and share buttons, but when it
// holds most of the page's prose (a video's transcript) it is the content.
// <main class="main-sidebar"> names the layout; the sidebar inside it is
// still a sidebar, however much of the page's prose the <main> holds.
TEST(Chrome, SidebarInsideAMainNamedForTheLayoutIsCut) {
  std::string html = "<html><body><main class=\"main-sidebar group\"><div class=container><section id=content>"
                     "<div class=single><h1>She Was Tired Of Being Photoshopped</h1>";
  for (int i = 0; i < 3; ++i)
    html += "<p>Grammy Award-winning singer-songwriter Colbie Caillat released her new EP this week, and its "
            "lead single makes a powerful statement about beauty ideals and the pressure to look perfect.</p>";
  html += "</div></section><aside id=sidebar><div class=\"widget widget-viral\"><h3>Going Viral</h3>";
  for (int i = 0; i < 5; ++i)
    html += "<article class=group><h4><a href=/s" + std::to_string(i) +
            ">30 Facts That Are So Irresistibly Weird You Will Want To Tell Your Friends About Them</a></h4>"
            "<p>Number " + std::to_string(i) + " will surprise even the people who think they have seen it all.</p>"
            "</article>";
  html += "</div></aside></div></main></body></html>";
  Article article = lede::extract(html);
  EXPECT_TRUE(has(article.text, "lead single makes a powerful statement"));
  EXPECT_TRUE(lacks(article.text, "Irresistibly Weird"));
  EXPECT_TRUE(lacks(article.text, "will surprise even"));
}

// A video page: a two-line summary in the page's one <article>, beside a
// long rail of other videos. The summary is the content, not the rail.
TEST(Chrome, ShortStoryInTheSoleArticleBeatsARailOfVideoLinks) {
  std::string html = "<html><body><div class=contain><div class=video-teaser><article><p>In a video posted to "
                     "their page, a couple ask for prayers as they are about to welcome two sets of twins "
                     "twelve weeks early.</p></article><template><article><p>Player</p></article></template>"
                     "</div><div class=video-browse><ul>";
  for (int i = 0; i < 30; ++i)
    html += "<li><a href=/v" + std::to_string(i) + "><h5>World: Authorities declare a major emergency as "
            "bushfires spread</h5></a></li>";
  html += "</ul></div></div></body></html>";
  Article article = lede::extract(html);
  EXPECT_TRUE(has(article.text, "two sets of twins"));
  EXPECT_TRUE(lacks(article.text, "bushfires"));
}

// "People who viewed this item also viewed": a carousel of other items, which
// ARIA names as such whatever its classes.
TEST(Chrome, CarouselOfOtherItemsIsCut) {
  std::string items;
  for (int i = 0; i < 8; ++i)
    items += "<li><a href=/itm/" + std::to_string(i) + ">Cadena DID 520ERS3 con 104 eslabones oro para moto, "
             "repuestos y accesorios</a><span>$153.43 previous price $168.76, free delivery in two days</span></li>";
  Slots slots;
  slots.after_story = "<section><h2>People who viewed this item also viewed</h2><div aria-roledescription="
                      "\"Carousel\" role=\"group\"><ul>" + items + "</ul></div></section>";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"eslabones", "previous price"});
}

TEST(Chrome, TranscriptInTheArticlesFooterIsKept) {
  std::string transcript;
  for (int i = 0; i < 8; ++i)
    transcript += "<p>Speaker " + std::to_string(i) + ": we trained every morning by the harbour, "
                  "and by the end of the summer the whole crew could row the length of the bay.</p>";
  std::string page = R"(<!DOCTYPE html><html><head><title>Rowing the bay | Harbour Video</title></head>
<body><nav><a href="/">Home</a> <a href="/videos">Videos</a></nav><article><h1>Rowing the bay</h1>
<div class="video"><iframe src="/embed/42"></iframe></div>
<footer id="meta-data"><div id="transcript"><h2>Transcript</h2>)" + transcript +
                     R"(</div></footer></article><footer><p>© Harbour Video</p></footer></body></html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Speaker 0: we trained every morning"));
  EXPECT_TRUE(has(article.text, "Speaker 7: we trained every morning"));
  EXPECT_TRUE(lacks(article.text, "© Harbour Video"));
}

// Chinese and Japanese say in 60 characters what English says in 200: a
// short Japanese story is prose, not a page without any (a listing).
TEST(Chrome, ShortJapaneseStoryIsNotTakenForAListing) {
  std::string links;
  for (int i = 0; i < 30; ++i)
    links += "<li><a href=\"/n/" + std::to_string(i) + "\">関連ニュース 経済 政治 国際 記事一覧 " +
             std::to_string(i) + "</a></li>";
  std::string page = R"(<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>港の図書館が再開</title></head>
<body><div class="topics"><ul>)" + links + R"(</ul></div><div class="story"><h1>港の図書館が再開</h1>
<p>昨年十月の高潮で浸水した港町の図書館が、十一か月ぶりに再開した。床を高くし、扉には数分で取り付けられる防潮板を備えた。</p>
<p>再建費用の大半は保険と県の補助金でまかなわれた。館長は、最初に買い戻したのは子ども向けの本だったと話した。</p></div></body></html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "十一か月ぶりに再開した"));
  EXPECT_TRUE(lacks(article.text, "関連ニュース"));
}

// React streams a page's late parts to its end, hidden, with a script that
// moves them into place: the story arrives that way and must be read there.
TEST(Chrome, StoryStreamedByReactIsReadInItsPlace) {
  std::string page = R"(<!DOCTYPE html><html><head><title>Harbour town rebuilds its flooded library</title></head>
<body><header><a href="/">Coastal Courier</a></header><main><h1>Harbour town rebuilds its flooded library</h1>
<div class="story"><!--$?--><template id="B:0"></template><p>Loading...</p><!--/$--></div>
<p>Head librarian Ruth Amadi said the hardest part was not the money but deciding what to replace first.</p></main>
<footer>© Coastal Courier</footer>
<div hidden id="S:0"><p>When the storm surge reached Port Wenlock last October, the water rose to the
second shelf of the town library within an hour, and more than eight thousand books were lost.</p>
<p>Eleven months later the building reopened on Saturday with a raised floor and a flood barrier.</p></div>
<script>$RC("B:0","S:0")</script></body></html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "the water rose to the second shelf"));
  EXPECT_TRUE(has(article.text, "Eleven months later the building reopened"));
  EXPECT_TRUE(lacks(article.text, "Loading..."));
  EXPECT_LT(article.text.find("Eleven months later"), article.text.find("Head librarian Ruth Amadi"))
      << "the streamed part belongs before the paragraph that follows its place";
}

// What no reader sees stays unread in a streamed part moved into place, and
// so does the fallback it replaces.
TEST(Chrome, InvisibleElementsOfAStreamedPartStayUnread) {
  std::string page = R"(<!DOCTYPE html><html><head><title>Harbour town rebuilds its flooded library</title></head>
<body><main><h1>Harbour town rebuilds its flooded library</h1>
<div class="story"><!--$?--><template id="B:0"></template><article><p>Loading the story...</p></article><!--/$--></div>
<p>Head librarian Ruth Amadi said the hardest part was not the money but deciding what to replace first.</p></main>
<div hidden id="S:0"><style>.drop-cap{float:left;font-size:3em}</style><p>When the storm surge reached Port
Wenlock last October, the water rose to the second shelf of the town library within an hour.</p></div>
<script>$RC("B:0","S:0")</script></body></html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "the water rose to the second shelf"));
  EXPECT_TRUE(lacks(article.text, "drop-cap"));
  EXPECT_TRUE(lacks(article.text, "Loading the story"));
}

// Data a script reads, left as the text of a <div>, is no one's prose; a
// paragraph that quotes a brace is, and so is an example in <code>.
TEST(Chrome, RawJsonBlocksAreCut) {
  Slots slots;
  slots.story_middle =
      R"(<div class="state">{"desktop_buybox_group_1":[{"displayPrice":"EUR 15.49","priceAmount":15.49,)"
      R"("currencySymbol":"EUR","locale":"en-GB"}]}</div>)"
      R"(<div>["flood-barrier-widget", "lending-map", "opening-hours", "volunteer-rota", "harbour-webcam"]</div>)"
      R"(<p>{"The sea gives and the sea takes," read the banner that volunteers hung across the doors on opening day, }</p>)"
      R"(<pre><code>{"branch": "Port Wenlock", "reopened": "2024-09-14", "floor_raised_by_metres": 1.2}</code></pre>)";
  Article article = extract_page(slots);
  expect_story(article);
  expect_none(article, {"displayPrice", "harbour-webcam"});
  EXPECT_TRUE(has(article.text, "the sea takes"));
  EXPECT_TRUE(has(article.text, "floor_raised_by_metres"));
}

// An old layout table: the chapter's headline and its paragraphs deep in one
// cell, the book's chapter list in the next, and below the table the site's
// disclaimer, one paragraph worth more than all of the chapter's. The
// chapter is the content, not the note at the foot of the page.
TEST(Chrome, AStoryInTheHeadlinesCellOutweighsADisclaimerBelowTheLayout) {
  std::string page = R"(<html><head><title>Staring</title></head><body><div id="one_col">
<table><tr><td><ol>)";
  for (int i = 0; i < 200; ++i)
    page += "<li><a href=\"/c/" + std::to_string(i) + "\">Chapter " + std::to_string(i) + "</a></li>";
  page += R"(</ol></td><td><table><tr><td><div class="pad4"><h1>Staring</h1>
<p>It is normal to stare when a stranger on the bus looks like a film star you once admired from afar, or to
look out to lunch while you daydream about a win.</p>
<p>But what if you have just been told that you had a brief and fixed blank stare on your face, that you did
not answer to your name, and you remember nothing of it?</p>
<p>You could have had a mild kind of seizure that doctors now call an absence, because people look absent
minded while the brain is taken over by a storm of activity.</p>
<p>If this is your first staring spell, it is important to see a doctor who can find its cause and start a
treatment that keeps the next one away.</p>
</div></td></tr></table></td></tr></table>
<p>Information on this site is provided for informational purposes, and is not meant to substitute for the advice of
your own physician, or other medical professional. You should not use it for diagnosing, or treating, a health
problem, or disease, or prescribing any medication. Information about each product is taken from its labels, or
from its maker's advertising. We are not responsible for statements, or claims, that makers make about their
products, for typographical errors, or for changes in formulation. If you have, or suspect, a medical problem,
contact your health care provider promptly.</p></div></body></html>)";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "mild kind of seizure"));
  EXPECT_TRUE(lacks(article.text, "typographical errors"));
}

// A forum theme marks the thread's opening post as the discussion author's
// ("uix_discussionAuthor") among the replies: the post is the thread's own,
// not a comment to cut. (A short one is cut as a byline would be.)
TEST(Chrome, AnOpeningPostMarkedAsTheDiscussionAuthorsIsKept) {
  std::string page = R"(<html><head><title>Best boat varnish for a wooden dinghy | Harbour Forum</title></head>
<body><h1>Best boat varnish for a wooden dinghy</h1><ol class="messageList">
<li class="message uix_threadAuthor uix_discussionAuthor"><article><blockquote class="messageText">
I am restoring an old clinker dinghy this winter and wonder which varnish holds up best on the
transom and the gunwales, where the sun and the salt spray hit hardest. I have tried two brands,
and both cracked after one summer on the mooring. The boat is larch on oak frames, about fifty years
old, and spent ten of them under a tarpaulin in a field before I bought her. I have stripped the old
finish to bare wood, filled the worst of the checks, and let her dry in the shed since October. What
do you use, how many coats, and do you thin the first ones? I would rather do this once, properly,
than sand it all back again next spring.</blockquote></article></li>)";
  for (int i = 0; i < 3; ++i)
    page += R"(<li class="message"><article><blockquote class="messageText">Reply )" + std::to_string(i) +
            R"(: thin the first coats well, sand lightly between them, and build up eight or more coats
before the boat goes back in the water; it is the thickness that keeps the sun out.</blockquote></article></li>)";
  page += "</ol></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "restoring an old clinker dinghy"));
  EXPECT_TRUE(has(article.text, "thin the first coats well"));
}

// An old blog's page for one day: a two-line post under no heading the title
// names, beside a sidebar of wordy news items that holds nearly all the
// prose, so that the guard keeps it. Without a headline to anchor to, the
// post beside the sidebar is the content, not the sidebar's items.
TEST(Chrome, ATwoLinePostWithoutAHeadlineBeatsTheWordySidebarBesideIt) {
  std::string page = R"(<html><head><title>Dog News: weird, inspiring dog tales</title></head><body>
<div id="wrapper"><div id="main"><div class="dateheader">Monday, January 03, 2005</div>
<div class="content">I have a couple of invites to give away. If you want one, drop me a short note
to tell me how you help others; two sentences are enough.</div></div><div id="sidebar">)";
  for (int i = 0; i < 6; ++i)
    page += "<p>Council to name new dog park " + std::to_string(i) +
            ". The city council this month will face a real tail-wagger of a challenge: naming the "
            "city's first ever dog park, from three names its parks board voted to recommend.</p>";
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "a couple of invites to give away"));
  EXPECT_TRUE(lacks(article.text, "tail-wagger"));
}

}  // namespace
