// Selection in four steps, all driven by score::NodeStats:
//  1. drop what is never content (invisible, hidden) and chrome named by
//     markup (nav, sidebars, share bars, ...), unless the "chrome" holds much
//     of the page's prose: then the markup is lying (a wrapper called
//     "content-sidebar-wrap");
//  2. pick the container whose blocks add up to the most content value;
//  3. add siblings of the container that read as prose (split layouts);
//  4. prune link lists and chrome left inside what was kept.
#include "select/select.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "score/class_signals.h"
#include "score/node_stats.h"
#include "select/marks.h"

namespace lede::select {
namespace {

using dom::Node;
using dom::Tag;
using score::NodeStats;

struct Thresholds {
  float chrome_guard;      // chrome kept if it holds more than this share of prose
  float prune_density;     // link density above which a kept list or div is cut
  float sibling_share;     // a sibling joins if its value is this share of the container's
};

Thresholds thresholds_for(Focus focus) {
  switch (focus) {
    case Focus::precision: return {0.65f, 0.45f, 0.35f};
    case Focus::recall: return {0.25f, 0.75f, 0.12f};
    case Focus::balanced: break;
  }
  return {0.5f, 0.6f, 0.2f};
}

bool inline_style_hides(std::string_view style) {
  std::string compact;
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n') compact += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool is_hidden(const Node& n) {
  if (n.has_attr("hidden")) return true;
  if (dom::equals_ignore_case(n.attr("aria-hidden"), "true")) return true;
  std::string_view style = n.attr("style");
  return !style.empty() && inline_style_hides(style);
}

// Step 1a: what no reader sees, by tag. Hidden elements are handled with the
// named chrome, under its guard: frameworks that stream a page hide it in a
// <div hidden> until a script swaps it in.
void drop_invisible(Node* body) {
  for (Node* n = body; n;) {
    if (n->is_element() && dom::is_invisible(n->tag)) {
      n->flags |= kDropped;
      n = dom::next_skipping_children(n, body);
    } else {
      n = dom::next_in_preorder(n, body);
    }
  }
}

bool has_ancestor(const Node* n, Tag a, Tag b) {
  for (const Node* p = n->parent; p; p = p->parent)
    if (p->is(a) || p->is(b)) return true;
  return false;
}

// What the element's tag or names say it is, as score signals.
uint32_t chrome_signals(const Node& n, const NodeStats& s) {
  uint32_t sig = s.signals & (score::kChromeSignals | score::kSigComments | score::kSigHidden);
  if (is_hidden(n)) sig |= score::kSigHidden;
  switch (n.tag) {
    case Tag::nav: sig |= score::kSigNav; break;
    case Tag::aside: sig |= score::kSigSidebar; break;
    case Tag::footer: sig |= score::kSigFooter; break;
    case Tag::dialog: sig |= score::kSigModal; break;
    // What a reader without scripts sees: a "please enable JavaScript" line,
    // or on some sites (Discourse) the whole page, which the guard keeps.
    case Tag::noscript: sig |= score::kSigHidden; break;
    // Search boxes, sign-up boxes, product option pickers. Sites built as
    // one big <form> are saved by the prose guard.
    case Tag::form: sig |= score::kSigPromo; break;
    case Tag::header:
      // An article's own header holds its headline and standfirst.
      if (!has_ancestor(&n, Tag::article, Tag::main)) sig |= score::kSigHeader;
      break;
    default: break;
  }
  return sig;
}

bool names_forum(std::string_view names) {
  for (std::string_view word : {"forum", "thread", "topic", "bbpress", "phpbb", "xenforo", "discourse",
                                "vbulletin"})
    if (names.find(word) != std::string_view::npos) return true;
  return false;
}

// Forums and Q&A pages: there the replies are the content. Schema.org types
// (JSON-LD or microdata) say so, or forum software's class names.
bool is_discussion_page(Node* root) {
  for (Node* n : dom::subtree(root)) {
    if (!n->is_element()) continue;
    if (n->is(Tag::script) && n->attr("type") == "application/ld+json") {
      for (Node* c = n->first_child; c; c = c->next)
        if (c->is_text() && (c->data.find("DiscussionForumPosting") != std::string_view::npos ||
                             c->data.find("QAPage") != std::string_view::npos))
          return true;
    }
    std::string_view itemtype = n->attr("itemtype");
    if (itemtype.find("DiscussionForumPosting") != std::string_view::npos ||
        itemtype.find("QAPage") != std::string_view::npos)
      return true;
    if (n->is(Tag::body) && (names_forum(n->attr("class")) || names_forum(n->attr("id")))) return true;
  }
  return false;
}

// Step 1b: chrome named by markup, with the guard described above. Comment
// sections are cut too, unless comments are what the page is about (forums).
// Signals that name too much of the page's prose to be believed: page
// builders call every block a "widget", some themes every paragraph a "post".
// Counted over the outermost node carrying each signal.
uint32_t distrusted_signals(Node* body, const std::vector<NodeStats>& stats) {
  constexpr int kBits = 16;
  float prose_under[kBits] = {};
  int open_count[kBits] = {};
  dom::walk(
      body,
      [&](Node* n) {
        if (!n->is_element() || (n->flags & kDropped)) return false;
        if (n == body) return true;  // the body's names describe the page
        uint32_t sig = chrome_signals(*n, stats[n->index]);
        for (int b = 0; b < kBits; ++b)
          if (sig & (1u << b) && open_count[b]++ == 0) prose_under[b] += float(stats[n->index].prose_chars);
        return true;
      },
      [&](Node* n) {
        if (!n->is_element() || (n->flags & kDropped) || n == body) return;
        uint32_t sig = chrome_signals(*n, stats[n->index]);
        for (int b = 0; b < kBits; ++b)
          if (sig & (1u << b)) --open_count[b];
      });
  const float page_prose = float(stats[body->index].prose_chars);
  uint32_t distrusted = 0;
  for (int b = 0; b < kBits; ++b)
    if (page_prose > 0 && prose_under[b] > 0.5f * page_prose) distrusted |= 1u << b;
  // Long comment threads under short posts are common; forums are told apart
  // by is_discussion_page instead.
  return distrusted & ~uint32_t{score::kSigComments};
}

// Step 1b: chrome named by markup, with the guard described above. Comment
// sections are cut too, unless comments are what the page is about (forums).
// Markup whose meaning is not a designer's choice of names: page-level nav,
// aside, footer, header and dialog elements, cookie banners and modals. It is
// believed whatever prose it holds (Shopify footers carry whole legal texts in
// modals), unless it holds the main content itself.
bool is_strong_chrome(const Node& n, uint32_t sig) {
  switch (n.tag) {
    case Tag::nav: case Tag::aside: case Tag::footer: case Tag::dialog: return true;
    case Tag::header: return sig & score::kSigHeader;
    default: return sig & (score::kSigModal | score::kSigConsent);
  }
}

// A <time> that is all the text of its block is a dateline, not prose:
// "Tuesday 4 June 2024 17:30 CEST" under the headline.
bool is_standalone_time(const Node& n, const std::vector<NodeStats>& stats) {
  if (!n.is(Tag::time) || !n.parent) return false;
  const Node* block = n.parent;
  while (block->parent && !dom::is_block(block->tag)) block = block->parent;
  return stats[block->index].own_chars == stats[n.index].chars;
}

// Per node: does its subtree hold a <main>, an <article> or an <h1>?
std::vector<bool> mark_main_holders(const dom::Document& doc, Node* body) {
  std::vector<bool> holds(doc.node_count(), false);
  for (Node* n : dom::subtree(body)) {
    if (!(n->is(Tag::main) || n->is(Tag::article) || n->is(Tag::h1))) continue;
    for (Node* a = n; a && !holds[a->index]; a = a->parent) holds[a->index] = true;
  }
  return holds;
}

void drop_named_chrome(const dom::Document& doc, Node* body, const std::vector<NodeStats>& stats,
                       const Thresholds& t, bool keep_comments, bool comments_are_content) {
  const float page_prose = float(stats[body->index].prose_chars);
  const uint32_t trusted = ~distrusted_signals(body, stats);
  const std::vector<bool> holds_main = mark_main_holders(doc, body);
  for (Node* n = body->first_child; n;) {
    const NodeStats& s = stats[n->index];
    uint32_t sig = n->is_element() ? chrome_signals(*n, s) : 0;
    if (!is_strong_chrome(*n, sig)) sig &= trusted;
    bool is_comments = sig & score::kSigComments;
    // Bylines, datelines, tags and author boxes: metadata, not body text.
    bool is_meta = ((s.signals & score::kSigMeta) && !(s.signals & score::kSigContent) &&
                    s.chars < 600) ||
                   is_standalone_time(*n, stats);
    bool is_chrome = ((sig & (score::kChromeSignals | score::kSigHidden)) || is_meta) &&
                     (float(s.prose_chars) <= t.chrome_guard * page_prose ||
                      (is_strong_chrome(*n, sig) && !holds_main[n->index]));
    if (is_comments && !comments_are_content) {
      n->flags |= keep_comments ? kComments : kDropped;
      n = dom::next_skipping_children(n, body);
    } else if (is_chrome) {
      n->flags |= kDropped;
      n = dom::next_skipping_children(n, body);
    } else {
      n = dom::next_in_preorder(n, body);
    }
  }
}

bool is_comments_heading(const Node& n, const std::vector<NodeStats>& stats) {
  if (!dom::is_heading(n.tag)) return false;
  if (stats[n.index].signals & score::kSigComments) return true;
  for (Node* c = n.first_child; c; c = c->next)
    if (c->is(Tag::a) && !c->has_attr("href") && (stats[c->index].signals & score::kSigComments))
      return true;
  return false;
}

// Flat blogs put the comments after the post in the same container, behind a
// heading named "comments" (<h2><a id="comments"></a>...</h2>): cut the
// heading and what follows it, when a post precedes it.
void drop_flat_comments(Node* body, const std::vector<NodeStats>& stats, bool keep_comments) {
  for (Node* n = body; n; n = dom::next_in_preorder(n, body)) {
    if (!n->is_element() || (n->flags & (kDropped | kComments)) || !is_comments_heading(*n, stats))
      continue;
    uint32_t prose_before = 0;
    for (Node* p = n->prev; p; p = p->prev) prose_before += stats[p->index].prose_chars;
    if (prose_before < 200) continue;
    for (Node* c = n; c; c = c->next) c->flags |= keep_comments ? kComments : kDropped;
    return;
  }
}

// Step 2: the element with the highest summed block value. Among an element
// and its child holding nearly all of that value, the child: it is tighter.
constexpr float kTightShare = 0.8f;

Node* pick_container(Node* root, const std::vector<NodeStats>& stats) {
  Node* best = root;
  float best_value = stats[root->index].value;
  for (Node* n : dom::subtree(root)) {
    if (!n->is_element() || (n->flags & (kDropped | kComments))) continue;
    if (stats[n->index].value > best_value) {
      best = n;
      best_value = stats[n->index].value;
    }
  }
  for (bool moved = true; moved;) {
    moved = false;
    for (Node* c = best->first_child; c; c = c->next) {
      if (c->is_element() && !(c->flags & kDropped) &&
          stats[c->index].value >= kTightShare * stats[best->index].value &&
          stats[c->index].prose_chars >= kTightShare * stats[best->index].prose_chars) {
        best = c;
        moved = true;
        break;
      }
    }
  }
  return best;
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

Node* prefer_listing(Node* container, Node* body, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kWeakProse = 200;
  if (stats[container->index].prose_chars >= kWeakProse) return container;
  Node* listing = listing_container(body, stats);
  return stats[listing->index].chars > 3 * stats[container->index].chars ? listing : container;
}

bool is_semantic_container(const Node& n) {
  return n.is(Tag::main) || n.is(Tag::article) || n.attr("role") == "main" ||
         n.attr("itemprop") == "articleBody";
}

size_t count_tag(Node* root, Tag tag) {
  size_t count = 0;
  for (Node* n : dom::subtree(root)) count += n->is(tag);
  return count;
}

// Step 2b: where the page names its main content (a single <main> or
// <article>) around the densest prose, the whole named container is the
// content: listings, products and link-rich posts hold their items there,
// beside the prose that won step 2.
Node* widen_to_named_container(Node* container, Node* body) {
  Node* named = nullptr;
  for (Node* n = container; n && n != body; n = n->parent)
    if (is_semantic_container(*n) && !(n->flags & kDropped)) named = n;
  if (!named) return container;
  if (named->is(Tag::article) && count_tag(body, Tag::article) > 1) return container;
  if (named->is(Tag::main) && count_tag(body, Tag::main) > 1) return container;
  return named;
}

// Step 3: prose-bearing siblings of the container and of its near ancestors.
void add_siblings(Node* container, Node* body, const std::vector<NodeStats>& stats,
                  const Thresholds& t) {
  const float base = stats[container->index].value;
  Node* child = container;
  for (int level = 0; level < 3 && child != body && child->parent; ++level) {
    for (Node* s = child->parent->first_child; s; s = s->next) {
      if (s == child || !s->is_element() || (s->flags & kDropped)) continue;
      const NodeStats& st = stats[s->index];
      if (st.value >= t.sibling_share * base && st.prose_chars >= 100 && st.link_density() < 0.3f)
        s->flags |= kContent;
    }
    child = child->parent;
  }
}

bool is_list_like(const Node& n) {
  switch (n.tag) {
    case Tag::ul: case Tag::ol: case Tag::dl: case Tag::div: case Tag::section: case Tag::table:
    case Tag::p: case Tag::li: case Tag::nav: case Tag::menu: case Tag::tr:
      return true;
    default: return false;
  }
}

// Step 4: inside kept subtrees, cut link lists and residual chrome.
// A link list stands out from its surroundings: in a listing page, where
// everything is links, only lists denser than the page around them go.
void prune(Node* root, const std::vector<NodeStats>& stats, const Thresholds& t) {
  const float limit = std::max(t.prune_density, stats[root->index].link_density() + 0.25f);
  for (Node* n = root->first_child; n;) {
    const NodeStats& s = stats[n->index];
    bool cut = n->is_element() && !(n->flags & kDropped) && is_list_like(*n) && s.chars >= 10 &&
               s.link_density() > limit && s.prose_chars < 200;
    if (cut) {
      n->flags |= kDropped;
      n = dom::next_skipping_children(n, root);
    } else {
      n = dom::next_in_preorder(n, root);
    }
  }
}

std::string normalized(std::string_view s);
std::string text_of(Node* n);

// Short labels repeated down the page ("Advertisement", "Read more", "Pros")
// are furniture. Table cells are exempt: repeated values are data.
void drop_repeated_labels(Node* body, const std::vector<NodeStats>& stats) {
  std::unordered_map<std::string, int> seen;
  std::vector<std::pair<Node*, std::string>> labels;
  int inside = 0;
  dom::walk(
      body,
      [&](Node* n) {
        if (n->flags & (kDropped | kComments)) return false;
        if (n->flags & kContent) ++inside;
        const NodeStats& s = stats[n->index];
        if (inside && n->is_element() && dom::is_block(n->tag) && s.own_chars > 0 &&
            s.chars == s.own_chars && s.chars < 40 && !n->is(Tag::td) && !n->is(Tag::th)) {
          std::string text = normalized(text_of(n));
          ++seen[text];
          labels.emplace_back(n, std::move(text));
        }
        return true;
      },
      [&](Node* n) {
        if (!(n->flags & (kDropped | kComments)) && (n->flags & kContent)) --inside;
      });
  for (auto& [node, text] : labels)
    if (seen[text] >= 3) node->flags |= kDropped;
}

std::string normalized(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string text_of(Node* n) {
  std::string text;
  for (Node* d : dom::subtree(n))
    if (d->is_text()) text += d->data;
  return text;
}

bool title_matches(std::string_view heading, std::string_view title) {
  if (heading.empty() || title.empty()) return false;
  if (heading == title) return true;
  return heading.size() >= 10 && title.find(heading) != std::string_view::npos;
}

// The page's headline: the first visible h1 to h3 whose text is the title
// (from metadata, else the <title> element, which often adds the site name).
Node* find_headline(const dom::Document& doc, Node* body, std::string_view title) {
  std::string want = normalized(title);
  if (want.empty()) {
    Node* head = doc.head();
    for (Node* n = head ? head->first_child : nullptr; n; n = n->next)
      if (n->is(Tag::title)) want = normalized(text_of(n));
  }
  if (want.empty()) return nullptr;
  for (Tag level : {Tag::h1, Tag::h2, Tag::h3}) {
    for (Node* n = body; n;) {
      if (n->flags & kDropped) {
        n = dom::next_skipping_children(n, body);
        continue;
      }
      if (n->is(level) && title_matches(normalized(text_of(n)), want)) return n;
      n = dom::next_in_preorder(n, body);
    }
  }
  return nullptr;
}

bool contains(const Node* ancestor, const Node* n) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

int depth_of(const Node* n) {
  int depth = 0;
  for (; n->parent; n = n->parent) ++depth;
  return depth;
}

// Step 2a: a short post under its headline loses to a wordy sidebar. When
// the container comes before the headline and lies far from it (their common
// ancestor is three or more levels above the headline), look in the
// headline's column instead. A container after the headline is the usual
// layout: a header with the title, then the body.
Node* anchor_to_headline(Node* container, Node* headline, const std::vector<NodeStats>& stats) {
  if (!headline || contains(container, headline) || container->index > headline->index)
    return container;
  Node* column = headline;
  while (column->parent && !contains(column->parent, container)) column = column->parent;
  if (depth_of(headline) - depth_of(column) < 3) return container;
  Node* post = pick_container(column, stats);
  // A masthead column (site title and menu) has no text of its own.
  return stats[post->index].value > 0 ? post : container;
}

}  // namespace

void select_content(dom::Document& doc, const SelectOptions& options) {
  Node* body = doc.body();
  if (!body) return;
  const Thresholds t = thresholds_for(options.focus);
  std::vector<NodeStats> stats;

  const bool discussion = is_discussion_page(doc.root());
  drop_invisible(body);
  score::compute_stats(doc, body, kDropped, stats);
  drop_named_chrome(doc, body, stats, t, options.comments, discussion);
  if (!discussion) drop_flat_comments(body, stats, options.comments);
  score::compute_stats(doc, body, kDropped | kComments, stats);

  Node* headline = find_headline(doc, body, options.title);
  Node* container = pick_container(body, stats);
  container = anchor_to_headline(container, headline, stats);
  container = widen_to_named_container(prefer_listing(container, body, stats), body);
  container->flags |= kContent;
  add_siblings(container, body, stats, t);
  for (Node* n : dom::subtree(body))
    if (n->flags & kContent) prune(n, stats, t);
  drop_repeated_labels(body, stats);
  if (headline && !options.title.empty()) headline->flags |= kTitle;
}

}  // namespace lede::select
