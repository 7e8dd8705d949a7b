// Step 1c, on product pages: other products offered beside the product, and
// the product's declared description where step 1 cut it.
#include "select/steps.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "metadata/text.h"
#include "select/marks.h"

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Currency signs, as UTF-8, that stand beside an amount ("$8.03", "15,49 €").
constexpr std::array<std::string_view, 10> kCurrencySigns = {"$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫"};

// Does a currency sign or a three-letter code ("EUR 163.12", "12 USD") stand
// right before or after `at`, where a run of digits starts or ends? One space
// may part them.
bool currency_beside(std::string_view text, size_t start, size_t end) {
  auto sign_ends_at = [&](size_t at) {
    for (std::string_view sign : kCurrencySigns)
      if (at >= sign.size() && text.substr(at - sign.size(), sign.size()) == sign) return true;
    return at >= 3 && is_upper(text[at - 1]) && is_upper(text[at - 2]) && is_upper(text[at - 3]) &&
           (at == 3 || !is_upper(text[at - 4]));
  };
  auto sign_starts_at = [&](size_t at) {
    for (std::string_view sign : kCurrencySigns)
      if (text.substr(at, sign.size()) == sign) return true;
    return at + 3 <= text.size() && is_upper(text[at]) && is_upper(text[at + 1]) && is_upper(text[at + 2]) &&
           (at + 3 == text.size() || !is_upper(text[at + 3]));
  };
  size_t before = start > 0 && text[start - 1] == ' ' ? start - 1 : start;
  size_t after = end < text.size() && text[end] == ' ' ? end + 1 : end;
  return sign_ends_at(before) || (after < text.size() && sign_starts_at(after));
}

// Does the text name a price: an amount with its currency?
bool has_price(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && (is_digit(text[end]) || text[end] == '.' || text[end] == ',')) ++end;
    if (currency_beside(text, i, end)) return true;
    i = end;
  }
  return false;
}

// A link to another page. Buttons that put the product in the cart are
// written as links too ("javascript:addToCart(42)", "#").
bool leads_away(const Node& n) {
  if (!n.is(Tag::a) || n.attr("role") == "button") return false;
  std::string_view href = n.attr("href");
  return !href.empty() && !href.starts_with('#') && !metadata::starts_with_ignore_case(href, "javascript:");
}

// An offer of another product: a short block with a link (its name, or a
// link over the whole card) and a price. Cards are small: only their first
// nodes are read, so that nested grids cost no more than flat ones. A card
// that names the product (`product_name`, lower-case) offers one of its own
// editions or bundles ("Buy Forza Horizon 5 - Deluxe Edition").
bool is_offer_card(Node* item, std::string_view product_name, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kCardChars = 500;
  constexpr int kCardNodes = 300;
  const NodeStats& s = stats[item->index];
  if (!item->is_element() || (item->flags & kDropped) || s.chars == 0 || s.chars > kCardChars) return false;
  bool linked = false;
  std::string text;  // the card's texts, a space apart: amount and sign are often apart ("119,90<span>€")
  int seen = 0;
  for (Node* d = item; d && seen < kCardNodes; ++seen) {
    if (d->flags & kDropped) {
      d = dom::next_skipping_children(d, item);
      continue;
    }
    linked = linked || leads_away(*d);
    if (d->is_text()) text.append(metadata::trim(d->data)).push_back(' ');
    d = dom::next_in_preorder(d, item);
  }
  if (!linked || !has_price(text)) return false;
  return product_name.empty() || normalized_text(item).find(product_name) == std::string::npos;
}

// A grid of at least three offer cards, most of its items.
// Items are counted first: most elements have too few to be a grid, and
// reading their cards would cost a walk each.
bool is_grid_of_offers(Node* n, std::string_view product_name, const std::vector<NodeStats>& stats) {
  constexpr int kMinCards = 3;
  auto is_item = [&](const Node* c) { return c->is_element() && !(c->flags & kDropped) && stats[c->index].chars > 0; };
  int items = 0;
  for (Node* c = n->first_child; c; c = c->next) items += is_item(c);
  if (items < kMinCards) return false;
  int cards = 0;
  for (Node* c = n->first_child; c; c = c->next) cards += is_item(c) && is_offer_card(c, product_name, stats);
  return cards >= kMinCards && 2 * cards >= items;
}

// Per node: does its subtree hold the headline?
std::vector<bool> headline_holders(const dom::Document& doc, const Node* headline) {
  std::vector<bool> holds(doc.node_count(), false);
  for (const Node* a = headline; a; a = a->parent) holds[a->index] = true;
  return holds;
}

// The grid with the title and links around it ("Customers also viewed",
// "See all"): its ancestors that add little text to it.
Node* with_its_title(Node* grid, Node* body, const std::vector<bool>& holds_headline,
                     const std::vector<NodeStats>& stats) {
  constexpr uint32_t kTitleChars = 120;
  const uint32_t grid_chars = stats[grid->index].chars;
  while (grid->parent && grid->parent != body && !holds_headline[grid->parent->index] &&
         stats[grid->parent->index].chars <= grid_chars + kTitleChars)
    grid = grid->parent;
  return grid;
}

// Does a text shown under `body` (neither dropped nor comments) name a
// price? The texts of a block are read together: shops set the amount and
// its sign apart ("149<span>€</span>").
bool shows_a_price(Node* body) {
  std::string block_text;
  bool priced = false;
  dom::walk(
      body,
      [&](Node* n) {
        if (priced || (n->flags & (kDropped | kComments))) return false;
        if (n->is_text()) block_text += n->data;
        if (n->is_element() && dom::is_block(n->tag)) {
          priced = has_price(block_text);
          block_text.clear();
        }
        return n->is_element();
      },
      [&](Node* n) {
        if (priced || !n->is_element() || !dom::is_block(n->tag)) return;
        priced = has_price(block_text);
        block_text.clear();
      });
  return priced || has_price(block_text);
}

// A stretch of the declared description to look for in the page: its
// longest run free of markup (JSON-LD writers leave "<br>" and "&amp;" in
// it), lower-case with whitespace collapsed, cut at a word boundary. Empty
// when too short to single out one block.
std::string description_probe(std::string_view description) {
  constexpr size_t kMinProbe = 40;
  constexpr size_t kMaxProbe = 80;
  const std::string text = metadata::to_lower_ascii(metadata::collapse_whitespace(description));
  std::string_view best;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find_first_of("<>&", start), text.size());
    std::string_view run = std::string_view(text).substr(start, end - start);
    if (run.size() > best.size()) best = run;
    start = end + 1;
  }
  while (!best.empty() && best.front() == ' ') best.remove_prefix(1);
  if (best.size() > kMaxProbe) best = best.substr(0, best.rfind(' ', kMaxProbe));
  while (!best.empty() && best.back() == ' ') best.remove_suffix(1);
  return best.size() >= kMinProbe ? std::string(best) : std::string();
}

// The text under `body` that step 1 left shown, lower-case, whitespace
// collapsed, blocks apart: what a reader of the selection could see.
std::string shown_text(Node* body) {
  std::string text;
  dom::walk(
      body,
      [&](Node* n) {
        if (n->flags & (kDropped | kComments)) return false;
        if (n->is_text()) text += n->data;
        if (n->is_element() && (dom::is_block(n->tag) || n->is(Tag::br))) text += ' ';
        return n->is_element();
      },
      [&](Node* n) {
        if (n->is_element() && dom::is_block(n->tag)) text += ' ';
      });
  text = metadata::collapse_whitespace(text);
  metadata::lower_ascii_in_place(text);
  return text;
}

bool holds_h1(Node* n) {
  for (Node* d : dom::subtree(n))
    if (d->is(Tag::h1)) return true;
  return false;
}

bool is_checkbox(const Node* n) { return n->is(Tag::input) && dom::equals_ignore_case(n->attr("type"), "checkbox"); }

// The page's checkboxes by id, for the labels that name them.
std::unordered_map<std::string_view, const Node*> checkboxes_by_id(Node* body) {
  std::unordered_map<std::string_view, const Node*> by_id;
  for (Node* n : dom::subtree(body))
    if (is_checkbox(n) && !n->attr("id").empty()) by_id.emplace(n->attr("id"), n);
  return by_id;
}

// The checkbox a label names: by its id, or the one inside it. Labels are
// small: only their first nodes are read.
const Node* labelled_checkbox(Node* label, const std::unordered_map<std::string_view, const Node*>& by_id) {
  constexpr int kLabelNodes = 32;
  if (auto found = by_id.find(label->attr("for")); found != by_id.end()) return found->second;
  int seen = 0;
  for (Node* d = label; d && seen < kLabelNodes; d = dom::next_in_preorder(d, label), ++seen)
    if (is_checkbox(d)) return d;
  return nullptr;
}

// The add-on with what goes with it (its own options, its quantity): the
// smallest block that holds both the checkbox and its label, if small.
Node* add_on_block(const Node* input, Node* label, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kAddOnChars = 500;
  std::unordered_set<const Node*> around_input;
  for (const Node* a = input; a; a = a->parent) around_input.insert(a);
  for (Node* a = label; a && (a == label || stats[a->index].chars <= kAddOnChars); a = a->parent)
    if (around_input.contains(a)) return a;
  return label;
}

}  // namespace

// A product page offers other products too: "customers also viewed", "you
// may also like", "complete the look", each a grid of cards with a linked
// name and a price. The product itself is one offer, not a grid of them,
// and its price is shown outside them: where no price is left once the grids
// are cut, the page offered nothing of its own, and the grids were its
// listing (a shop's category page that calls itself a product).
bool drop_other_offers(const dom::Document& doc, Node* body, const Node* headline, std::string_view title,
                       const std::vector<NodeStats>& stats) {
  // Names shorter than this are words that any card may hold.
  constexpr size_t kMinName = 4;
  std::string product_name = headline ? normalized_text(headline)
                                      : metadata::to_lower_ascii(metadata::collapse_whitespace(title));
  if (product_name.size() < kMinName) product_name.clear();
  // A grid that holds most of the page's text is the page: a listing that
  // declares its items as products.
  auto text = [&](const Node* n) { return stats[n->index].chars - stats[n->index].link_chars; };
  const uint32_t page_text = text(body);
  const std::vector<bool> holds_headline = headline_holders(doc, headline);
  std::vector<Node*> sections;
  for (Node* n = body; n;) {
    bool grid = n->is_element() && !(n->flags & (kDropped | kComments)) && n != body &&
                !holds_headline[n->index] && 2 * text(n) < page_text && is_grid_of_offers(n, product_name, stats);
    if (grid) {
      Node* section = with_its_title(n, body, holds_headline, stats);
      section->flags |= kDropped;
      sections.push_back(section);
      n = dom::next_skipping_children(section, body);
    } else if (n->flags & (kDropped | kComments)) {
      n = dom::next_skipping_children(n, body);
    } else {
      n = dom::next_in_preorder(n, body);
    }
  }
  if (sections.empty() || shows_a_price(body)) return !sections.empty();
  for (Node* section : sections) section->flags &= ~uint32_t{kDropped};
  return false;
}

// Shops put the description in a sheet that slides in ("Description >"),
// a modal or a closed drawer, which step 1 cuts as dialogs. The page's
// JSON-LD says what the product's description is: where no shown text has
// it and a cut part does, that part is the description's place, and stays.
// Parts much longer than the description hold more than it (a footer that
// repeats it among its legal texts) and stay cut, as do those with an <h1>:
// the product's header, whose subtitle repeats the description's opening.
bool restore_declared_description(Node* body, std::string_view description) {
  constexpr size_t kSlack = 500;  // chars: the sheet's title, care notes
  const std::string probe = description_probe(description);
  if (probe.empty() || shown_text(body).find(probe) != std::string::npos) return false;
  const size_t max_chars = 3 * description.size() + kSlack;
  for (Node* n = body; n;) {
    if (!(n->flags & kDropped)) {
      n = dom::next_in_preorder(n, body);
      continue;
    }
    if (n->is_element() && !dom::is_invisible(n->tag)) {
      std::string text = normalized_text(n);
      if (text.size() <= max_chars && text.find(probe) != std::string::npos && !holds_h1(n)) {
        n->flags &= ~uint32_t{kDropped};
        return true;
      }
    }
    n = dom::next_skipping_children(n, body);
  }
  return false;
}

// The buy box is a form: its labels name what a shopper sets (a colour's
// swatches, the sizes, the quantity, "Gift wrap"), not what the page says
// about the product; the chosen option is shown beside the picker's title
// ("Color: Black Forest Green"), which stays. A label longer than a caption
// holds more than a control's name (CSS-only tabs wrap whole panels in one).
// A checkbox whose label names a price adds something else to the order (a
// protection plan, a second product): it goes with what comes with it.
// Cart buttons built of links and blocks, and the bars that repeat the
// product's name and price beside them, are named for the cart; blocks so
// named that say more are the purchase section itself, and stay.
bool drop_buy_box_controls(Node* body, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kCaptionChars = 120;
  const auto checkboxes = checkboxes_by_id(body);
  std::vector<Node*> cuts;
  for (Node* n = body; n;) {
    if (n->flags & (kDropped | kComments)) {
      n = dom::next_skipping_children(n, body);
      continue;
    }
    if (n->is_element() && stats[n->index].chars <= kCaptionChars &&
        (says_add_to_cart(n->attr("class")) || says_add_to_cart(n->attr("id")))) {
      cuts.push_back(n);
      n = dom::next_skipping_children(n, body);
      continue;
    }
    if (!n->is(Tag::label)) {
      n = dom::next_in_preorder(n, body);
      continue;
    }
    const Node* checkbox = labelled_checkbox(n, checkboxes);
    if (checkbox && has_price(normalized_text(n))) cuts.push_back(add_on_block(checkbox, n, stats));
    else if (stats[n->index].chars <= kCaptionChars) cuts.push_back(n);
    n = dom::next_skipping_children(n, body);
  }
  for (Node* cut : cuts) cut->flags |= kDropped;
  return !cuts.empty();
}

}  // namespace lede::select
