// Grids of items: the repeated cards of a listing, each named by a link.
#include "select/steps.h"

#include "select/marks.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

namespace {

// Does the link hold two or more blocks of text ("<a><div>Reflect
// Earrings</div><div>$490</div></a>")? A tile, a whole item made clickable.
bool is_tile_link(Node* link, const std::vector<NodeStats>& stats) {
  int text_blocks = 0;
  for (Node* d : dom::subtree(link)) {
    if (d != link && dom::is_block(d->tag) && stats[d->index].own_chars > 0) ++text_blocks;
    if (text_blocks >= 2) return true;
  }
  return false;
}

// Does the item have a name that is a link: a heading that is all link, or,
// where `plain_names`, a link of a few words beside text of the item's own
// (a price, a byline: "<a>Reflect Earrings</a> $490") or that holds that
// text too? An item under a heading that is no link is a box of links under
// its title, a menu. Items are small: only the first nodes are looked at, so
// that nested lists cost no more than flat ones.
bool has_linked_name(Node* item, const std::vector<NodeStats>& stats, bool plain_names) {
  constexpr int kItemNodes = 200;
  constexpr uint32_t kNameChars = 10;
  const NodeStats& whole = stats[item->index];
  const bool has_own_text = whole.chars > whole.link_chars + whole.card_chars;
  bool named = false;
  int seen = 0;
  for (Node* d = item; d && seen < kItemNodes; d = dom::next_in_preorder(d, item), ++seen) {
    const NodeStats& s = stats[d->index];
    if (d->flags & kDropped) continue;
    if (dom::is_heading(d->tag) && s.chars > 0) {
      if (s.link_chars == s.chars && !plain_names) return true;
      if (s.link_chars == 0 && plain_names) return false;
    }
    named = named || (plain_names && d->is(Tag::a) && s.link_chars >= kNameChars &&
                      (has_own_text || is_tile_link(d, stats)));
    named = named || (dom::is_heading(d->tag) && s.chars > 0 && s.link_chars == s.chars);
  }
  return named;
}

// The rows of a table: its own <tr>, directly or in its row groups, not
// those of tables nested in its cells.
std::vector<Node*> rows_of(Node* table) {
  std::vector<Node*> rows;
  for (Node* c = table->first_child; c; c = c->next) {
    if (c->is(Tag::tr)) rows.push_back(c);
    if (c->is(Tag::thead) || c->is(Tag::tbody) || c->is(Tag::tfoot))
      for (Node* r = c->first_child; r; r = r->next)
        if (r->is(Tag::tr)) rows.push_back(r);
  }
  return rows;
}

}  // namespace

// Items that each have a linked name ("<li><a><h2>Name</h2></a> $79</li>"):
// a grid of products or stories, the listing itself, not a list of links.
// Names that are plain links ask more: items made by one template (each of
// the tag and class of the one before it) and small, as cards are; a column
// of boxes of links, each under a linked title, is no grid.
bool is_grid_of_named_items(Node* n, const std::vector<NodeStats>& stats, bool plain_names) {
  constexpr int kMinItems = 3;
  constexpr uint32_t kCardChars = 600;
  int items = 0, named = 0, like_previous = 0;
  const Node* previous = nullptr;
  for (Node* c = n->first_child; c; c = c->next) {
    if (!c->is_element() || (c->flags & kDropped)) continue;
    ++items;
    named += has_linked_name(c, stats, plain_names);
    like_previous += previous && previous->tag == c->tag && previous->attr("class") == c->attr("class");
    previous = c;
  }
  if (items < kMinItems || 2 * named < items) return false;
  if (!plain_names) return true;
  return 3 * like_previous >= 2 * (items - 1) && stats[n->index].chars <= kCardChars * uint32_t(items);
}

// A table of records: a header row of <th> cells naming its columns, above
// rows of <td> data. Its cells may all be links (laureates, the files of a
// release), yet it is data, not a menu; layout tables have no such header.
bool is_data_table(Node* table) {
  constexpr int kMinRecords = 3;
  int header_cells = 0, records = 0;
  for (Node* row : rows_of(table)) {
    int headers = 0, data = 0;
    for (Node* cell = row->first_child; cell; cell = cell->next) {
      headers += cell->is(Tag::th);
      data += cell->is(Tag::td);
    }
    if (!header_cells && !records && data == 0) header_cells = headers;
    else records += data > 0 && headers + data >= 2;
  }
  return header_cells >= 2 && records >= kMinRecords;
}

// A definition list of records ("<dt><a>arXiv:2603.05498</a></dt><dd>Title,
// authors, subjects</dd>"): each term is a record's linked identifier and
// its description the record. A glossary's terms are plain words.
bool is_list_of_records(Node* dl, const std::vector<NodeStats>& stats) {
  constexpr int kMinRecords = 3;
  int terms = 0, linked_terms = 0, descriptions = 0;
  for (Node* c = dl->first_child; c; c = c->next) {
    if (c->is(Tag::dd)) ++descriptions;
    if (!c->is(Tag::dt)) continue;
    ++terms;
    linked_terms += stats[c->index].link_chars > 0;
  }
  return terms >= kMinRecords && descriptions == terms && 3 * linked_terms >= 2 * terms;
}

}  // namespace lede::select
