// The page's headline, and how the steps compare text.
#include "select/steps.h"

#include "metadata/text.h"
#include "select/marks.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

// Lower-case visible text with collapsed whitespace: what headings and
// titles are compared by, the same way metadata reads them.
void normalized_text_into(const Node* n, std::string& out) {
  metadata::element_text_into(n, false, out);
  metadata::lower_ascii_in_place(out);
}

std::string normalized_text(const Node* n) {
  std::string text;
  normalized_text_into(n, text);
  return text;
}

namespace {

bool title_matches(std::string_view heading, std::string_view title) {
  if (heading.empty() || title.empty()) return false;
  if (heading == title) return true;
  return heading.size() >= 10 && title.find(heading) != std::string_view::npos;
}

// 0 for <h1>, 1 for <h2>, 2 for <h3>, -1 for anything else.
int heading_level(const Node& n) {
  if (!n.is_element()) return -1;
  switch (n.tag) {
    case Tag::h1: return 0;
    case Tag::h2: return 1;
    case Tag::h3: return 2;
    default: return -1;
  }
}

// Does `n` hold a heading of `level`?
bool holds_heading(const Node* n, int level) {
  for (const Node* d = n->first_child; d; d = dom::next_in_preorder(d, n))
    if (heading_level(*d) == level) return true;
  return false;
}

// A heading in a list item beside two or more items with headings of its
// level is one teaser of a list ("most popular stories"), even when the
// story it names is the page's own.
bool is_teaser(const Node* heading, int level) {
  const Node* item = heading->parent;
  for (int up = 0; item && !item->is(Tag::li) && up < 3; ++up) item = item->parent;
  if (!item || !item->is(Tag::li) || !item->parent) return false;
  int teasers = 0;
  for (const Node* sibling = item->parent->first_child; sibling && teasers < 3; sibling = sibling->next)
    if (sibling->is(Tag::li) && holds_heading(sibling, level)) ++teasers;
  return teasers >= 3;
}

// Does the class attribute name a title ("entry-title", "blogpost_title",
// "headline")? Blogs mark their post's title so, in a <div> as often as in
// a heading.
bool is_named_title(const Node& n) {
  std::string_view names = n.attr("class");
  for (std::string_view word : {"title", "Title", "headline", "Headline"})
    if (names.find(word) != std::string_view::npos) return true;
  return false;
}

// The element named as a title whose text is the title itself. Each
// candidate's text is read whole, so only the first few are: a page nesting
// thousands of elements so named would otherwise be read thousands of times.
Node* find_named_title(Node* body, std::string_view want) {
  constexpr int kMostCandidates = 64;
  int candidates = 0;
  for (Node* n = body; n && candidates < kMostCandidates;) {
    if (n->flags & kDropped) {
      n = dom::next_skipping_children(n, body);
      continue;
    }
    if (n->is_element() && is_named_title(*n) && (++candidates, normalized_text(n) == want)) return n;
    n = dom::next_in_preorder(n, body);
  }
  return nullptr;
}

}  // namespace

// The page's headline: the visible h1 to h3 whose text is the title (from
// metadata, else the <title> element, which often adds the site name), or
// failing that the one that says most of it: in "Misadventures: Tonight on
// the radio" the site's <h1>Misadventures</h1> is no headline beside the
// post's <h3>. Among equals, the highest level, then the first.
Node* find_headline(const dom::Document& doc, Node* body, std::string_view title) {
  std::string want = metadata::to_lower_ascii(metadata::collapse_whitespace(title));
  if (want.empty()) {
    Node* head = doc.head();
    for (Node* n = head ? head->first_child : nullptr; n; n = n->next)
      if (n->is(Tag::title)) want = normalized_text(n);
  }
  if (want.empty()) return nullptr;
  Node* best = nullptr;
  Node* teaser = nullptr;
  size_t best_size = 0;
  int best_level = 3;
  for (Node* n = body; n;) {
    if (n->flags & kDropped) {
      n = dom::next_skipping_children(n, body);
      continue;
    }
    if (int level = heading_level(*n); level >= 0) {
      std::string heading = normalized_text(n);
      if (is_teaser(n, level)) {
        if (!teaser && heading == want) teaser = n;
        n = dom::next_skipping_children(n, body);
        continue;
      }
      if (heading == want && level == 0) return n;
      bool better = heading.size() > best_size || (heading.size() == best_size && level < best_level);
      if (better && title_matches(heading, want)) best = n, best_size = heading.size(), best_level = level;
    }
    n = dom::next_in_preorder(n, body);
  }
  if (best) return best;
  Node* named = find_named_title(body, want);
  return named ? named : teaser;
}

}  // namespace lede::select
