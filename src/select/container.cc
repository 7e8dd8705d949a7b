// Step 2 and 3: the container of the content, and the siblings that join it.
#include "select/steps.h"

#include <algorithm>

#include "score/class_signals.h"
#include "select/marks.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

namespace {

// Step 2: the element with the highest summed block value. Among an element
// and its child holding nearly all of that value, the child: it is tighter.
// `stats` are those computed without the kDropped and kComments subtrees.
constexpr float kTightShare = 0.8f;

// Text of a sentence: this many characters and a stop, as block_value
// (score/node_stats.cc) counts a block as prose.
constexpr uint32_t kSentence = 40;

// A paragraph is one of the post's blocks, not a container, when another
// paragraph beside it says something beyond its links: a short lead or
// closing line ("Check them out in [the gallery]") weighs little beside a
// long paragraph, yet a reader takes them together. Link lists around them
// still go (step 4), so nothing is gained by stopping at one paragraph.
bool is_one_of_paragraphs(const Node* c, const std::vector<NodeStats>& stats) {
  if (!c->is(Tag::p)) return false;
  for (const Node* s = c->parent->first_child; s; s = s->next) {
    if (s == c || !s->is(Tag::p) || (s->flags & kDropped)) continue;
    const NodeStats& ss = stats[s->index];
    if (ss.own_chars - ss.own_link_chars >= kSentence && ss.own_punct >= 1) return true;
  }
  return false;
}

// A paragraph that won alone beside a paragraph half links (a lead thanking
// "the readers who answered [my query]", below zero) is the post's only
// prose, not its container, when the block holding both has little prose
// besides: the rest is that lead and lists of links, which step 4 prunes. A
// block with other prose is the page around the paragraph.
bool is_lone_prose_of_post(const Node* c, const std::vector<NodeStats>& stats) {
  constexpr float kLittleMore = 1.5f;
  const NodeStats& parent = stats[c->parent->index];
  return is_one_of_paragraphs(c, stats) && parent.value > 0 &&
         float(parent.prose_chars) <= kLittleMore * float(stats[c->index].prose_chars);
}

// The text of `s` when it is loose in its parent: a text node or an inline
// element, not a block.
score::TextCounts loose_text(const Node* s) {
  score::TextCounts loose;
  if (s->is_element() && dom::is_block(s->tag)) return loose;
  for (const Node* d = s; d;) {
    if (d->flags & kDropped) {  // a <script> in a <span>
      d = dom::next_skipping_children(d, s);
      continue;
    }
    if (d->is_text()) {
      score::TextCounts t = score::count_text(d->data);
      loose.chars += t.chars;
      loose.punct += t.punct;
    }
    d = dom::next_in_preorder(d, s);
  }
  return loose;
}

// In a block whose paragraphs are runs of text parted by <br> (blog editors
// write so, and old pages in <font> or <strong>), a child block after a run
// that reads as prose is one of its blocks, not a tighter container: the
// quoted letter below its lead. (Loose text after the last block is as often
// the page's copyright line.)
bool follows_loose_prose(const Node* c) {
  score::TextCounts before;
  for (const Node* s = c->parent->first_child; s != c; s = s->next) {
    score::TextCounts t = loose_text(s);
    before.chars += t.chars;
    before.punct += t.punct;
  }
  return before.chars >= kSentence && before.punct >= 1;
}

Node* pick_container(Node* root, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kLeftOut = kDropped | kComments;
  Node* best = root;
  float best_value = stats[root->index].value;
  for (Node* n = root; n;) {
    if (n->is_element() && !(n->flags & kLeftOut) && stats[n->index].value > best_value) {
      best = n;
      best_value = stats[n->index].value;
    }
    // The stats left these subtrees out: every value there is 0, which cannot
    // beat a best of 0 or more. (Below a negative best, a 0 still can.)
    bool skip = (n->flags & kLeftOut) && best_value >= 0;
    n = skip ? dom::next_skipping_children(n, root) : dom::next_in_preorder(n, root);
  }
  if (best != root && is_lone_prose_of_post(best, stats)) best = best->parent;
  for (bool moved = true; moved;) {
    moved = false;
    for (Node* c = best->first_child; c; c = c->next) {
      if (c->is_element() && !(c->flags & kDropped) &&
          stats[c->index].value >= kTightShare * stats[best->index].value &&
          stats[c->index].prose_chars >= kTightShare * stats[best->index].prose_chars &&
          !is_one_of_paragraphs(c, stats) && !follows_loose_prose(c)) {
        best = c;
        moved = true;
        break;
      }
    }
  }
  return best;
}

int depth_of(const Node* n) {
  int depth = 0;
  for (; n->parent; n = n->parent) ++depth;
  return depth;
}

// Linear in the depth: a page nested 100,000 deep must not cost its square.
Node* common_ancestor(Node* a, Node* b) {
  int depth_a = depth_of(a), depth_b = depth_of(b);
  for (; depth_a > depth_b; --depth_a) a = a->parent;
  for (; depth_b > depth_a; --depth_b) b = b->parent;
  while (a != b) a = a->parent, b = b->parent;
  return a;
}

// Is `n` a block named sidebar or related list? Such blocks survive step 1
// when they hold most of the page's prose, which a short post allows. Layout
// wrappers named for both ("content-sidebar-wrap") are not sidebars.
bool is_named_sidebar(const Node* n, const std::vector<NodeStats>& stats) {
  uint32_t sig = stats[n->index].signals;
  return n->is(Tag::aside) || ((sig & (score::kSigSidebar | score::kSigRelated)) && !(sig & score::kSigContent));
}

// Is `n` inside such a block?
bool in_named_sidebar(const Node* n, const Node* body, const std::vector<NodeStats>& stats) {
  for (; n && n != body; n = n->parent)
    if (is_named_sidebar(n, stats)) return true;
  return false;
}

// Step 2c: pages without prose (listings, link collections, tables of
// items) have no winner in step 2. Their content is the block holding most
// of the remaining text: descend from the body while one child holds 80%.
Node* listing_container(Node* body, const std::vector<NodeStats>& stats) {
  auto text = [&](Node* n) {
    const NodeStats& s = stats[n->index];
    return float(s.chars) - 0.5f * float(s.link_chars);
  };
  Node* node = body;
  for (bool moved = true; moved;) {
    moved = false;
    for (Node* c = node->first_child; c; c = c->next) {
      if (c->is_element() && !(c->flags & (kDropped | kComments)) && text(c) >= 0.8f * text(node)) {
        node = c;
        moved = true;
        break;
      }
    }
  }
  return node;
}

// Is `n` in the one <article> of the page that survived step 1?
bool in_sole_article(const Node* n, Node* body) {
  const Node* article = n;
  while (article && article != body && !article->is(Tag::article)) article = article->parent;
  if (!article || article == body) return false;
  for (Node* a = body; a;) {
    if (a->flags & kDropped) {
      a = dom::next_skipping_children(a, body);
      continue;
    }
    if (a->is(Tag::article) && a != article) return false;
    a = dom::next_in_preorder(a, body);
  }
  return true;
}

// Is `container` the post under `headline`: it holds the headline and prose
// besides, or it comes after it, at most a few levels below the block holding
// both (the post, not the page)?
bool is_post_under_headline(Node* container, Node* headline, const std::vector<NodeStats>& stats) {
  constexpr int kNear = 3;
  if (!headline) return false;
  if (dom::contains(container, headline))
    return stats[container->index].prose_chars > stats[headline->index].prose_chars;
  if (container->index < headline->index) return false;
  return depth_of(container) - depth_of(common_ancestor(container, headline)) <= kNear;
}

Node* prefer_listing(Node* container, Node* headline, Node* body, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kWeakProse = 200;
  if (stats[container->index].prose_chars >= kWeakProse) return container;
  // A short story in the page's one <article> (a video's summary) is the
  // content, not the rail of other videos beside it.
  if (stats[container->index].prose_chars > 0 && in_sole_article(container, body)) return container;
  Node* listing = listing_container(body, stats);
  // A short post under its headline (a photo's caption, a link and a line
  // about it) is the content. The block holding most of the page's text
  // around the block that holds the post and its headline is the page,
  // with the menus and sidebars of a blog; a listing's grid stands beside the
  // intro, or is the block that holds the headline.
  if (stats[container->index].prose_chars > 0 && is_post_under_headline(container, headline, stats)) {
    Node* post = common_ancestor(container, headline);
    if (listing != post && dom::contains(listing, post)) return container;
  }
  if (in_named_sidebar(listing, body, stats)) return container;
  return stats[listing->index].chars > 3 * stats[container->index].chars ? listing : container;
}

// The largest grid of named items on the page outside `container`, or null.
// Only blocks that could outweigh the container are looked at: big, mostly
// links, with several children.
Node* largest_grid_outside(Node* container, Node* body, const std::vector<NodeStats>& stats,
                           uint32_t min_chars) {
  Node* grid = nullptr;
  for (Node* n = body; n;) {
    const NodeStats& s = stats[n->index];
    if (n == container || (n->flags & (kDropped | kComments)) || s.chars < min_chars) {
      n = dom::next_skipping_children(n, body);
      continue;
    }
    bool grid_tag = n->is(Tag::ul) || n->is(Tag::ol) || n->is(Tag::div) || n->is(Tag::section);
    if (grid_tag && s.linked_share() >= 0.5f && (!grid || s.chars > stats[grid->index].chars) &&
        is_grid_of_named_items(n, stats, true) && !in_named_sidebar(n, body, stats))
      grid = n;
    n = dom::next_in_preorder(n, body);
  }
  return grid;
}

// Step 2d: a category page's short text (an intro, a note on shipping) wins
// step 2 over the grid of products beside it, which has no prose. A grid of
// named items holding several times the container's text is the listing:
// the content is the block holding both. A grid of bare names and values
// (products and prices, no blurbs) need only hold clearly more: teasers of
// other stories carry blurbs, products do not. Not so for a grid outside the
// block that holds the container and the headline, or after the page's one
// <article>: that is a short post's sidebar, or the rail of other videos
// beside a video's summary. A sole <article> below the grid is the
// category's description, which closes the listing.
// `listing` is set to the grid when the container widens to it.
Node* widen_to_grid(Node* container, Node* headline, Node* body, const std::vector<NodeStats>& stats,
                    Node** listing) {
  constexpr uint32_t kShortText = 1500;
  constexpr uint32_t kGridWeight = 2;
  constexpr float kBareGridWeight = 1.25f;
  constexpr uint32_t kMinGridChars = 500;  // a dozen items, named and priced
  const NodeStats& s = stats[container->index];
  if (s.prose_chars >= kShortText) return container;
  const auto bare_grid_chars = static_cast<uint32_t>(kBareGridWeight * float(s.chars));
  Node* grid = largest_grid_outside(container, body, stats, std::max(bare_grid_chars, kMinGridChars));
  if (!grid) return container;
  if (stats[grid->index].prose_chars > 0 && stats[grid->index].chars < kGridWeight * s.chars) return container;
  if (headline && !dom::contains(common_ancestor(container, headline), grid)) return container;
  if (s.prose_chars > 0 && grid->index > container->index && in_sole_article(container, body)) return container;
  *listing = grid;
  return common_ancestor(container, grid);
}

bool is_semantic_container(const Node& n) {
  return n.is(Tag::main) || n.is(Tag::article) || n.attr("role") == "main" ||
         n.attr("itemprop") == "articleBody";
}

// Step 2b: where the page names its main content (a single <main> or
// <article>) around the densest prose, the whole named container is the
// content: listings, products and link-rich posts hold their items there,
// beside the prose that won step 2. The innermost such name is the
// tightest: a <main> around a sole <article> also holds what follows the
// story (related reads, sign-up boxes). Some pages name their whole body so,
// a rail of teasers and tweets beside the post included: where the block
// holding the container and the headline (the post) holds most of the named
// container's text (three fifths: a category's intro may hold half, beside
// its grid of short names), the post is the content, and the rest the rail.
Node* widen_to_named_container(Node* container, Node* headline, Node* body, const Landmarks& landmarks,
                                const std::vector<NodeStats>& stats) {
  for (Node* n = container; n && n != body; n = n->parent) {
    if (!is_semantic_container(*n) || (n->flags & kDropped)) continue;
    if (n->is(Tag::article) && landmarks.articles.size() > 1) continue;
    if (n->is(Tag::main) && landmarks.mains.size() > 1) continue;
    if (headline && dom::contains(n, headline)) {
      constexpr float kMostText = 0.6f;  // of the text not in links
      auto text = [&](const Node* x) { return float(stats[x->index].chars - stats[x->index].link_chars); };
      Node* post = common_ancestor(container, headline);
      if (post != n && text(post) >= kMostText * text(n)) return post;
    }
    return n;
  }
  return container;
}

// Step 2a: a short post under its headline loses to a wordy sidebar. When
// the container lies far from the headline (their common ancestor is three or
// more levels above the headline), look in the headline's column instead, if
// the container comes before the headline or sits in a named sidebar that the
// headline is not in. A container after the headline is otherwise the usual
// layout, a header with the title, then the body, unless the headline's column
// holds a post worth half the container: then the story is there, and the
// container a note at the foot of the page (a disclaimer below a layout table).
Node* anchor_to_headline(Node* container, Node* headline, Node* body,
                         const std::vector<NodeStats>& stats) {
  constexpr float kRival = 0.5f;
  if (!headline || dom::contains(container, headline)) return container;
  const bool usual = container->index > headline->index &&
                     !(in_named_sidebar(container, body, stats) && !in_named_sidebar(headline, body, stats));
  Node* common = common_ancestor(headline, container);
  Node* column = headline;
  while (column != common && column->parent && column->parent != common) column = column->parent;
  if (depth_of(headline) - depth_of(column) < 3) return container;
  Node* post = pick_container(column, stats);
  // A masthead column (site title and menu) has no prose of its own.
  if (stats[post->index].value <= 0 || stats[post->index].prose_chars == 0) return container;
  return !usual || stats[post->index].value >= kRival * stats[container->index].value ? post : container;
}

// Step 2a, continued: a container that holds the headline spans the page's columns
// when no column holds most of the value (a post beside a rail of teasers).
// The headline's column is the post's if it carries a fair share of the value.
Node* narrow_to_headline(Node* container, Node* headline, const std::vector<NodeStats>& stats) {
  constexpr float kColumnShare = 0.4f;
  if (!headline || headline == container || !dom::contains(container, headline)) return container;
  // The headline's ancestors below the container, the outermost last: each
  // level's column, found without climbing from the headline again.
  std::vector<Node*> path;
  for (Node* n = headline; n != container; n = n->parent) path.push_back(n);
  for (auto column = path.rbegin(); *column != headline; ++column) {
    if (stats[(*column)->index].value < kColumnShare * stats[container->index].value) return container;
    container = *column;
  }
  return container;
}

// Does the text directly in `block` end with "[...]" or "[…]"? Blog software
// marks so the excerpt of a post it cut short; a writer's own trailing
// ellipsis ("and so on...") has no brackets, and listings keep such lines.
bool ends_as_excerpt(const Node* block) {
  for (const Node* c = block->last_child; c; c = c->prev) {
    if (!c->is_text()) continue;
    std::string_view text = c->data;
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
    if (text.empty()) continue;
    if (!text.ends_with("]")) return false;
    text.remove_suffix(1);
    return text.ends_with("[...") || text.ends_with("[\u2026");
  }
  return false;
}

// Teasers of other stories: a heading that is all link, followed by a summary,
// a card link, or two or more excerpts cut short ("... [...]"). A story
// continued in a sibling block has none of these.
bool holds_teasers(Node* n, const std::vector<NodeStats>& stats) {
  constexpr int kExcerpts = 2;
  if (stats[n->index].card_chars > 0) return true;
  int excerpts = 0;
  for (Node* d : dom::subtree(n)) {
    if (d->flags & kDropped) continue;
    const NodeStats& s = stats[d->index];
    if (dom::is_heading(d->tag) && s.chars > 0 && s.link_chars == s.chars) return true;
    if (d->is_element() && s.own_chars - s.own_link_chars >= kSentence && ends_as_excerpt(d) &&
        ++excerpts == kExcerpts)
      return true;
  }
  return false;
}

// Step 2c, continued: on a page without a known headline, a container inside a
// named sidebar that the guard kept for its prose (a blog's rail of stories
// beside a two-line post) gives way to the best post beside that sidebar.
// With a headline, anchor_to_headline has judged.
Node* leave_sidebar(Node* container, Node* headline, Node* body, const std::vector<NodeStats>& stats) {
  if (headline) return container;
  Node* sidebar = nullptr;  // the outermost
  for (Node* n = container; n && n != body; n = n->parent)
    if (is_named_sidebar(n, stats)) sidebar = n;
  if (!sidebar) return container;
  Node* best = container;
  float best_value = 0;
  for (Node* c = sidebar->parent->first_child; c; c = c->next) {
    if (c == sidebar || !c->is_element() || (c->flags & (kDropped | kComments))) continue;
    Node* post = pick_container(c, stats);
    const NodeStats& s = stats[post->index];
    if (s.prose_chars > 0 && s.value > best_value) {
      best = post;
      best_value = s.value;
    }
  }
  return best;
}

}  // namespace

ContainerChoice choose_container(Node* body, Node* headline, const Landmarks& landmarks,
                                 const std::vector<NodeStats>& stats) {
  ContainerChoice choice;
  Node* container = anchor_to_headline(pick_container(body, stats), headline, body, stats);
  container = narrow_to_headline(container, headline, stats);
  container = leave_sidebar(prefer_listing(container, headline, body, stats), headline, body, stats);
  container = widen_to_grid(container, headline, body, stats, &choice.listing);
  choice.container = widen_to_named_container(container, headline, body, landmarks, stats);
  return choice;
}

namespace {

// The classes of an element's class attribute.
std::vector<std::string_view> class_list(std::string_view names) {
  constexpr std::string_view kBlanks = " \t\n\r\f";
  std::vector<std::string_view> list;
  for (size_t i = 0; i < names.size();) {
    size_t end = std::min(names.find_first_of(kBlanks, i), names.size());
    if (end > i) list.push_back(names.substr(i, end - i));
    i = end + 1;
  }
  return list;
}

// Does one of `a` and `b`, each with a class, have all the other's classes?
bool class_lists_nest(const Node& a, const Node& b) {
  std::vector<std::string_view> x = class_list(a.attr("class")), y = class_list(b.attr("class"));
  if (x.empty() || y.empty()) return false;
  if (x.size() > y.size()) std::swap(x, y);
  return std::ranges::all_of(x, [&](std::string_view c) { return std::ranges::find(y, c) != y.end(); });
}

// A sibling that could join the container: a block of prose, not of links
// or teasers, nor named a sidebar.
bool is_prose_sibling(Node* s, const std::vector<NodeStats>& stats) {
  const NodeStats& st = stats[s->index];
  if (s->is(Tag::aside) || (st.signals & (score::kSigSidebar | score::kSigRelated))) return false;
  return st.prose_chars >= 100 && st.link_density() < 0.3f && !holds_teasers(s, stats);
}

bool is_empty_or_dropped(const Node* s, const std::vector<NodeStats>& stats) {
  return !s->is_element() || (s->flags & kDropped) || stats[s->index].chars == 0;
}

// The prose siblings that follow `child` without a break: page builders
// split a product's or a service's description into one section per
// feature, each too short to join on its own. Together, if they weigh
// `min_value`, they join.
void add_run_after(Node* child, float min_value, const std::vector<NodeStats>& stats,
                   std::vector<Node*>& added) {
  std::vector<Node*> run;
  float value = 0;
  for (Node* s = child->next; s; s = s->next) {
    if (is_empty_or_dropped(s, stats)) continue;
    if (!is_prose_sibling(s, stats)) break;
    run.push_back(s);
    value += stats[s->index].value;
  }
  if (value < min_value) return;
  for (Node* s : run) {
    if (s->flags & kContent) continue;
    s->flags |= kContent;
    added.push_back(s);
  }
}

}  // namespace

// Step 3: prose-bearing siblings of the container and of its near ancestors.
// The block holding the headline and the story is the post: blocks beside it
// and beside its wrapper may still be its own (a lead split off, a note
// below), but further up lies the page, whose other columns (a blog's rail
// of modules, a promo) are no part of it, however much prose they hold.
std::vector<Node*> add_siblings(Node* container, Node* body, const Node* headline,
                                const std::vector<NodeStats>& stats, const Thresholds& t) {
  std::vector<Node*> added;
  const float base = stats[container->index].value;
  Node* child = container;
  int post_level = -1;  // the level whose child first holds the headline
  for (int level = 0; level < 3 && child != body && child->parent; ++level) {
    if (post_level >= 0 && level > post_level + 1) break;
    for (Node* s = child->parent->first_child; s; s = s->next) {
      if (s == child || !s->is_element() || (s->flags & kDropped)) continue;
      const NodeStats& st = stats[s->index];
      // A paragraph of prose before the container is the story's own:
      // the lead above a "read more" block. (Below it come disclaimers.)
      bool story_paragraph = level <= 1 && s->is(Tag::p) && s->index < child->index;
      // A block of the container's own tag and class is the rest of a story
      // split around an inline box: <div class=articleBody> twice. Before
      // it, one with fewer or more classes is too (a lead split off by a
      // rail of share buttons); after it, that is as often a column of the
      // same layout grid ("col-12 mb-5") as a part of the story.
      bool story_part = s->tag == child->tag && !child->attr("class").empty() &&
                        (s->attr("class") == child->attr("class") ||
                         (s->index < child->index && class_lists_nest(*s, *child)));
      if ((story_paragraph || story_part || st.value >= t.sibling_share * base) && is_prose_sibling(s, stats)) {
        s->flags |= kContent;
        added.push_back(s);
      }
    }
    add_run_after(child, t.sibling_share * base, stats, added);
    if (post_level < 0 && headline && dom::contains(child, headline)) post_level = level;
    child = child->parent;
  }
  return added;
}

}  // namespace lede::select
