// Selection in four steps, all driven by score::NodeStats:
//  1. drop what is never content (invisible, hidden) and chrome named by
//     markup (nav, sidebars, share bars, comments, ...), under a guard;
//     where that leaves nothing of a page with plenty of text, again
//     believing only markup no designer names (see kAlmostNothing);
//  2. pick the container whose blocks add up to the most content value,
//     anchored to the headline, widened to a unique <main>/<article>, or the
//     block holding most text on pages without prose (listings);
//  3. add siblings of the container that read as prose (split layouts);
//  4. prune link lists and repeated labels left inside what was kept.
#include "select/select.h"

#include "select/marks.h"
#include "select/steps.h"

namespace lede::select {
namespace {

Thresholds thresholds_for(Focus focus) {
  switch (focus) {
    case Focus::precision: return {0.65f, 0.45f, 0.35f};
    case Focus::recall: return {0.25f, 0.75f, 0.12f};
    case Focus::balanced: break;
  }
  return {0.5f, 0.6f, 0.2f};
}

// Neither `n` nor an ancestor up to `body` is dropped or kept for the
// comments: either way it is out of the text.
bool shown(const dom::Node* n, const dom::Node* body) {
  for (; n; n = n->parent) {
    if (n->flags & (kDropped | kComments)) return false;
    if (n == body) return true;
  }
  return true;
}

// Step 1 cuts the whole page when its names mislead: an article wrapper with
// id "nav-single", rankings in a <div role=complementary>, a link
// aggregator whose content is its comments. Less than a heading is left then
// (short posts keep their headline and dateline), where a reader sees
// plenty: a few paragraphs' or a dozen items' worth of text that is not
// links, which a page of navigation or a login wall does not offer.
constexpr uint32_t kAlmostNothing = 32;  // chars
constexpr uint32_t kPlenty = 500;        // chars not in links
// What a retry must find to be believed: a paragraph, or a few items.
constexpr uint32_t kParagraph = 200;     // chars

uint32_t unlinked_chars(const score::NodeStats& s) { return s.chars - s.link_chars; }

// Without a headline known from the title, any <h1> stands for it.
bool headline_shown(const dom::Node* headline, const Landmarks& landmarks, const dom::Node* body) {
  if (headline) return shown(headline, body);
  for (const dom::Node* h1 : landmarks.h1s)
    if (shown(h1, body)) return true;
  return false;
}

// Undoes step 1, for a second try: what it cut, with the invisible parts cut
// again.
void undo_drops(dom::Node* body) {
  for (dom::Node* n : dom::subtree(body)) n->flags &= ~uint32_t{kDropped | kComments};
  drop_invisible(body);
}

}  // namespace

void select_content(dom::Document& doc, const SelectOptions& options) {
  dom::Node* body = doc.body();
  if (!body) return;
  const Thresholds t = thresholds_for(options.focus);
  std::vector<score::NodeStats> stats;
  score::StatsCache stats_cache;  // class names and texts do not change between the passes

  PageSurvey survey = survey_page(doc, body);
  const bool discussion = survey.discussion;
  if (reveal_streamed_parts(doc, survey)) {
    drop_invisible(body);
    survey.landmarks = find_landmarks(body);
  } else {
    drop_invisible(survey.invisible);
  }
  score::compute_stats(doc, body, kDropped, stats, stats_cache);
  dom::Node* headline = find_headline(doc, body, options.title);
  auto cut_chrome = [&](ChromeTrust trust, bool comments_are_content) {
    drop_named_chrome(doc, body, headline, survey.landmarks, stats, t, options.comments, comments_are_content,
                      options.product_page || survey.sells, trust);
    if (!comments_are_content) drop_flat_comments(body, stats, options.comments);
    score::compute_stats(doc, body, kDropped | kComments, stats, stats_cache);
  };
  auto retry_chrome = [&](ChromeTrust trust, bool comments_are_content) {
    undo_drops(body);
    score::compute_stats(doc, body, kDropped, stats, stats_cache);
    cut_chrome(trust, comments_are_content);
  };
  const score::NodeStats visible = stats[body->index];
  cut_chrome(ChromeTrust::names, discussion);
  if (stats[body->index].chars < kAlmostNothing && unlinked_chars(visible) >= kPlenty) {
    // A post whose headline survives is short (a photo, a link) and its
    // comments stay comments; where even the headline was cut, the names
    // misled, and the comments may be all there is to read.
    retry_chrome(ChromeTrust::strong_markup_only, discussion || !headline_shown(headline, survey.landmarks, body));
    // The text was in strong chrome (a footer, a cookie banner): the page is
    // empty after all. (What the retry kept may well be links: the items of
    // a listing.)
    if (stats[body->index].chars < kParagraph) retry_chrome(ChromeTrust::names, discussion);
  }
  if (options.product_page || survey.sells) {
    // Each step reads the counts the one before left.
    auto recount = [&] { score::compute_stats(doc, body, kDropped | kComments, stats, stats_cache); };
    if (drop_other_offers(doc, body, headline, options.title, stats)) recount();
    if (restore_declared_description(body, options.product_description)) recount();
    if (drop_buy_box_controls(body, stats)) recount();
  }

  // Dropping only takes candidates away: a headline still shown stays the
  // first match, and saves a walk over the page. One cut with its header
  // (blog themes without <article> give the post a <header>, cut as the
  // site's) still marks the post's column when no other is left.
  dom::Node* cut_headline = headline;
  if (headline && !shown(headline, body)) headline = find_headline(doc, body, options.title);
  dom::Node* anchor = headline ? headline : cut_headline;
  const ContainerChoice choice = choose_container(body, anchor, survey.landmarks, stats);
  dom::Node* container = choice.container;
  container->flags |= kContent;
  std::vector<dom::Node*> kept = add_siblings(container, body, anchor, stats, t);
  kept.push_back(container);
  std::vector<const dom::Node*> grids;
  for (dom::Node* n : kept)  // disjoint: the order does not matter
    if (const dom::Node* grid = prune(n, stats, t, choice.listing)) grids.push_back(grid);
  drop_repeats(body, stats, grids);
  drop_trailing_labels(std::move(kept));
  if (headline && !options.title.empty()) headline->flags |= kTitle;
  if (options.comments) {
    score::compute_stats(doc, body, kDropped, stats, stats_cache);
    tidy_comments(body, stats);
  }
}

}  // namespace lede::select
