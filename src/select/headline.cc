// The page's headline, and the text helpers the steps share.
#include "select/steps.h"

#include "select/marks.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

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

namespace {

bool title_matches(std::string_view heading, std::string_view title) {
  if (heading.empty() || title.empty()) return false;
  if (heading == title) return true;
  return heading.size() >= 10 && title.find(heading) != std::string_view::npos;
}

}  // namespace

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

}  // namespace lede::select
