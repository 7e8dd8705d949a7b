// Step 1: what is never content, and chrome that markup names.
#include "select/steps.h"

#include "score/class_signals.h"
#include "select/marks.h"

#include <bit>
#include <vector>

namespace lede::select {

using dom::Node;
using dom::Tag;
using score::NodeStats;

namespace {

// Does `style`, lower-cased and without blanks, contain `needle` (lower-case,
// blank-free)? Matched in place: most elements with a style attribute hide
// nothing, and a compacted copy of each cost an allocation.
bool compact_style_contains(std::string_view style, std::string_view needle) {
  auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  for (size_t start = 0; start < style.size(); ++start) {
    if (lower(style[start]) != needle[0]) continue;
    size_t matched = 1;
    for (size_t i = start + 1; i < style.size() && matched < needle.size(); ++i) {
      if (is_blank(style[i])) continue;
      if (lower(style[i]) != needle[matched]) break;
      ++matched;
    }
    if (matched == needle.size()) return true;
  }
  return false;
}

bool inline_style_hides(std::string_view style) {
  return compact_style_contains(style, "display:none") || compact_style_contains(style, "visibility:hidden");
}

// Does an aria-label on `n`'s parent or grandparent speak for it?
bool labelled_above(const Node& n) {
  constexpr int kLevels = 2;
  int level = 0;
  for (const Node* p = n.parent; p && level < kLevels; p = p->parent, ++level)
    if (p->has_attr("aria-label")) return true;
  return false;
}

// aria-hidden hides from screen readers only. On a block it mostly marks
// what is also hidden from sight (a closed menu, a slide off screen); on a
// link it marks a second link to where another already leads (a teaser's
// summary under its linked title), there for the eyes to read. So is inline
// text under an aria-label that says it for screen readers: the visible form
// of "4.7 out of 5 stars, 58,483 ratings".
bool is_hidden(const Node& n) {
  if (n.has_attr("hidden")) return true;
  if (!n.is(Tag::a) && dom::equals_ignore_case(n.attr("aria-hidden"), "true") &&
      (dom::is_block(n.tag) || !labelled_above(n)))
    return true;
  std::string_view style = n.attr("style");
  return !style.empty() && inline_style_hides(style);
}

// Removes the fallback a streamed part replaces: `slot` and its following
// siblings up to the boundary's closing "/$" comment, if there is one.
void remove_fallback(dom::Document& doc, Node* slot) {
  Node* end = slot->next;
  while (end && !(end->type == dom::NodeType::comment && end->data == "/$")) end = end->next;
  if (!end) return;
  for (Node* n = slot->next; n != end;) {
    Node* next = n->next;
    doc.remove(n);
    n = next;
  }
}

}  // namespace

bool reveal_streamed_parts(dom::Document& doc, PageSurvey& survey) {
  bool moved = false;
  std::vector<Node*>& slots = survey.slots;
  const std::vector<Node*>& parts = survey.parts;
  for (Node* part : parts) {
    std::string_view key = part->attr("id").substr(2);
    for (Node*& slot : slots) {
      if (!slot || slot->attr("id").substr(2) != key) continue;
      remove_fallback(doc, slot);
      while (Node* c = part->first_child) {
        doc.remove(c);
        doc.insert_before(slot->parent, c, slot);
      }
      doc.remove(slot);
      doc.remove(part);
      slot = nullptr;
      moved = true;
      break;
    }
  }
  return moved;
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

namespace {

bool has_ancestor(const Node* n, Tag a, Tag b) {
  for (const Node* p = n->parent; p; p = p->parent)
    if (p->is(a) || p->is(b)) return true;
  return false;
}

std::string_view first_class(const Node& n) {
  std::string_view names = n.attr("class");
  size_t start = names.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  names.remove_prefix(start);
  return names.substr(0, names.find(' '));
}

// A closed panel of a tab box or accordion ("Description", "Specifications",
// "Reviews"): a hidden block beside a shown one of its tag and first class,
// or a hidden tabpanel. A reader opens it with a click; its text is the
// page's as much as the open panel's.
bool is_closed_panel(const Node& n, const std::vector<NodeStats>& stats) {
  constexpr int kSiblingsLookedAt = 24;
  if (!dom::is_block(n.tag) || !n.parent) return false;
  if (n.attr("role") == "tabpanel") return true;
  std::string_view kind = first_class(n);
  if (kind.empty()) return false;
  int seen = 0;
  for (const Node* c = n.parent->first_child; c && seen < kSiblingsLookedAt; c = c->next) {
    if (c == &n || !c->is_element()) continue;
    ++seen;
    if (c->tag == n.tag && first_class(*c) == kind && !is_hidden(*c) && !(stats[c->index].signals & score::kSigHidden))
      return true;
  }
  return false;
}

// What the element's tag or names say it is, as score signals.
// `panels_shown`: whether closed panels count as shown (see is_closed_panel).
uint32_t chrome_signals(const Node& n, const std::vector<NodeStats>& stats, bool panels_shown) {
  const NodeStats& s = stats[n.index];
  uint32_t sig = s.signals & (score::kChromeSignals | score::kSigComments | score::kSigHidden);
  // <main class="main-sidebar">: the layout's name; a <main> is no sidebar.
  if (n.is(Tag::main)) sig &= ~uint32_t{score::kSigSidebar};
  if (is_hidden(n)) sig |= score::kSigHidden;
  if (panels_shown && (sig & score::kSigHidden) && is_closed_panel(n, stats)) sig &= ~uint32_t{score::kSigHidden};
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

// chrome_signals per element, worked out once: the passes of step 1b ask
// for most elements two or three times, and each answer reads attributes.
class ChromeSignalsMemo {
 public:
  ChromeSignalsMemo(size_t node_count, const std::vector<NodeStats>& stats, bool panels_shown)
      : by_index_(node_count, kNotComputed), stats_(stats), panels_shown_(panels_shown) {}
  uint32_t of(const Node& n) {
    uint32_t& sig = by_index_[n.index];
    if (sig == kNotComputed) sig = chrome_signals(n, stats_, panels_shown_);
    return sig;
  }

 private:
  static constexpr uint32_t kNotComputed = ~0u;  // no element has every signal
  std::vector<uint32_t> by_index_;
  const std::vector<NodeStats>& stats_;
  bool panels_shown_;
};

bool names_forum(std::string_view names) {
  for (std::string_view word : {"forum", "thread", "topic", "bbpress", "phpbb", "xenforo", "discourse",
                                "vbulletin"})
    if (names.find(word) != std::string_view::npos) return true;
  return false;
}

// Forums and Q&A pages: there the replies are the content. Schema.org types
// (JSON-LD or microdata) say so, or forum software's class names on <body>.
bool is_discussion_element(const Node* n) {
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
  return n->is(Tag::body) && (names_forum(n->attr("class")) || names_forum(n->attr("id")));
}

// Does `value` say `word` (lower-case) from `at` on, in any case, with any
// '-' or '_' between its letters? Returns where the match ends, or npos.
size_t match_parted(std::string_view value, size_t at, std::string_view word) {
  for (char letter : word) {
    while (at < value.size() && (value[at] == '-' || value[at] == '_')) ++at;
    if (at == value.size()) return std::string_view::npos;
    char c = value[at];
    if (static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) != letter) return std::string_view::npos;
    ++at;
  }
  return at;
}

}  // namespace

// Does `value` say "add to cart" (or bag, or basket), in any case, the words
// run together or parted by '-' or '_' ("add-to-cart", "AddToBag")? Read in
// place: most buttons of a page say no such thing.
bool says_add_to_cart(std::string_view value) {
  for (size_t at = 0; at < value.size(); ++at) {
    if (value[at] != 'a' && value[at] != 'A') continue;
    size_t end = match_parted(value, at, "addto");
    if (end == std::string_view::npos) continue;
    for (std::string_view thing : {"cart", "bag", "basket"})
      if (match_parted(value, end, thing) != std::string_view::npos) return true;
  }
  return false;
}

namespace {

// A control that puts a product in the cart: the page sells something.
bool is_cart_control(const Node* n) {
  if (!n->is(Tag::button) && !n->is(Tag::form) && !n->is(Tag::input)) return false;
  for (std::string_view name : {"id", "class", "name", "action"})
    if (says_add_to_cart(n->attr(name))) return true;
  return n->is(Tag::form) && n->attr("action").find("/cart/add") != std::string_view::npos;
}

// A slot or a part of a streamed page, by its id.
void note_streamed(Node* n, PageSurvey& survey) {
  std::string_view id = n->attr("id");
  if (n->is(Tag::template_) && id.starts_with("B:")) survey.slots.push_back(n);
  else if (n->is(Tag::div) && id.starts_with("S:") && n->has_attr("hidden")) survey.parts.push_back(n);
}

void note_landmark(Node* n, Landmarks& landmarks) {
  if (n->is(Tag::article)) landmarks.articles.push_back(n);
  else if (n->is(Tag::main)) landmarks.mains.push_back(n);
  else if (n->is(Tag::h1)) landmarks.h1s.push_back(n);
}

// The body's part of the survey.
void survey_body(Node* body, PageSurvey& survey) {
  const Node* invisible_end = nullptr;  // where the open invisible subtree ends
  bool in_invisible = false;
  for (Node* b : dom::subtree(body)) {
    if (in_invisible && b == invisible_end) in_invisible = false;
    if (!b->is_element()) continue;
    survey.discussion = survey.discussion || is_discussion_element(b);
    survey.sells = survey.sells || is_cart_control(b);
    note_streamed(b, survey);
    note_landmark(b, survey.landmarks);
    if (!in_invisible && dom::is_invisible(b->tag)) {
      survey.invisible.push_back(b);
      in_invisible = true;
      invisible_end = dom::next_skipping_children(b, body);
    }
  }
}

}  // namespace

// One walk instead of one per question: each walk over a page's nodes and
// their attributes costs cache misses.
PageSurvey survey_page(const dom::Document& doc, Node* body) {
  PageSurvey survey;
  for (Node* n = doc.root(); n;) {
    if (n == body) {  // streamed parts are looked for in the body only
      survey_body(body, survey);
      n = dom::next_skipping_children(n, doc.root());
      continue;
    }
    if (n->is_element()) survey.discussion = survey.discussion || is_discussion_element(n);
    n = dom::next_in_preorder(n, doc.root());
  }
  return survey;
}

void drop_invisible(const std::vector<Node*>& invisible) {
  for (Node* n : invisible) n->flags |= kDropped;
}

Landmarks find_landmarks(Node* body) {
  Landmarks landmarks;
  for (Node* n : dom::subtree(body)) note_landmark(n, landmarks);
  return landmarks;
}

namespace {

// Signals that name too much of the page's prose to be believed: page
// builders call every block a "widget", some themes every paragraph a "post".
// Counted over the outermost node carrying each signal.
uint32_t distrusted_signals(Node* body, const std::vector<NodeStats>& stats, ChromeSignalsMemo& signals) {
  constexpr int kBits = 16;
  constexpr uint32_t kCountedSignals = (1u << kBits) - 1;
  float prose_under[kBits] = {};
  int open_count[kBits] = {};
  // Most elements carry no signal: visit only the bits that are set.
  dom::walk(
      body,
      [&](Node* n) {
        if (!n->is_element() || (n->flags & kDropped)) return false;
        if (n == body) return true;  // the body's names describe the page
        for (uint32_t sig = signals.of(*n) & kCountedSignals; sig; sig &= sig - 1) {
          int b = std::countr_zero(sig);
          if (open_count[b]++ == 0) prose_under[b] += float(stats[n->index].prose_chars);
        }
        return true;
      },
      [&](Node* n) {
        if (!n->is_element() || (n->flags & kDropped) || n == body) return;
        for (uint32_t sig = signals.of(*n) & kCountedSignals; sig; sig &= sig - 1) --open_count[std::countr_zero(sig)];
      });
  const float page_prose = float(stats[body->index].prose_chars);
  uint32_t distrusted = 0;
  for (int b = 0; b < kBits; ++b)
    if (page_prose > 0 && prose_under[b] > 0.5f * page_prose) distrusted |= 1u << b;
  // Long comment threads under short posts are common; forums are told apart
  // by is_discussion_page instead.
  return distrusted & ~uint32_t{score::kSigComments};
}

// Markup whose meaning is not a designer's choice of names: page-level nav,
// aside, footer, header and dialog elements, cookie banners and modals. It is
// believed whatever prose it holds (Shopify footers carry whole legal texts in
// modals), unless it holds the main content itself. So are the class names
// that do nothing but hide ("hide", "d-none"): shops keep raw product data
// there (closed panels aside: chrome_signals lets those be).
bool is_strong_chrome(const Node& n, uint32_t sig, uint32_t named_signals) {
  if (named_signals & sig & score::kSigHidden) return true;
  switch (n.tag) {
    case Tag::nav: case Tag::dialog: return true;
    // An article's own footer or aside can hold its body (a transcript, a
    // long note); the guard judges those.
    case Tag::aside: case Tag::footer: return !has_ancestor(&n, Tag::article, Tag::main);
    case Tag::header: return sig & score::kSigHeader;
    default: return sig & (score::kSigModal | score::kSigConsent);
  }
}

// An element whose only text is a JSON object or array: data that a script
// reads ("{\"displayPrice\":\"EUR 15.49\",...}"), left in a <div> that some
// style or none hides. It opens with a quoted key and its colon, or a quoted
// item and its comma; a quotation in braces does not. In <pre> or <code> it
// is an example a page teaches with.
bool holds_raw_json(const Node& n) {
  constexpr size_t kMinData = 80;
  const Node* text = n.first_child;
  if (!text || text->next || !text->is_text()) return false;
  std::string_view data = text->data;
  size_t start = data.find_first_not_of(" \t\r\n");
  size_t end = data.find_last_not_of(" \t\r\n");
  if (start == std::string_view::npos || end - start + 1 < kMinData) return false;
  data = data.substr(start, end - start + 1);
  const char closing = data.front() == '{' ? '}' : ']';
  if ((data.front() != '{' && data.front() != '[') || data.back() != closing) return false;
  size_t open_quote = data.find_first_not_of("[{ \t\r\n");
  if (open_quote == std::string_view::npos || data[open_quote] != '"') return false;
  size_t close_quote = data.find('"', open_quote + 1);
  if (close_quote == std::string_view::npos) return false;
  size_t after = data.find_first_not_of(" \t\r\n", close_quote + 1);
  if (after == std::string_view::npos || (data[after] != ':' && data[after] != ',')) return false;
  for (const Node* a = &n; a; a = a->parent)
    if (a->is(Tag::pre) || a->is(Tag::code)) return false;
  return true;
}

// A bare <a>, without an address or any other attribute, that is all the
// text of its block and a word or three: a control that a script drives
// ("Enlarge Image", "Close" over a photo), which says nothing of the story.
bool is_bare_control(const Node& n, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kControlChars = 24;
  if (!n.is(Tag::a) || n.num_attrs != 0 || !n.parent) return false;
  const Node* block = n.parent;
  while (block->parent && !dom::is_block(block->tag)) block = block->parent;
  if (dom::is_heading(block->tag)) return false;
  const NodeStats& s = stats[n.index];
  return s.chars > 0 && s.chars <= kControlChars && stats[block->index].chars == s.chars;
}

// A <time> that is all the text of its block is a dateline, not prose:
// "Tuesday 4 June 2024 17:30 CEST" under the headline.
bool is_standalone_time(const Node& n, const std::vector<NodeStats>& stats) {
  if (!n.is(Tag::time) || !n.parent) return false;
  const Node* block = n.parent;
  while (block->parent && !dom::is_block(block->tag)) block = block->parent;
  return stats[block->index].own_chars == stats[n.index].chars;
}

// Per node: does its subtree hold the main content, that is a <main>, the
// headline, or the page's <article>? Where a page has several <article>
// elements they are teaser cards, which a sidebar may well hold; without a
// known headline, any <h1> stands for it.
std::vector<bool> mark_main_holders(const dom::Document& doc, const Landmarks& landmarks, const Node* headline) {
  std::vector<bool> holds(doc.node_count(), false);
  auto mark_up_from = [&holds](const Node* n) {
    for (const Node* a = n; a && !holds[a->index]; a = a->parent) holds[a->index] = true;
  };
  if (landmarks.articles.size() == 1) mark_up_from(landmarks.articles.front());
  for (const Node* n : landmarks.mains) mark_up_from(n);
  if (headline) {
    mark_up_from(headline);
  } else {
    for (const Node* n : landmarks.h1s) mark_up_from(n);
  }
  return holds;
}

}  // namespace

// Step 1b: chrome named by markup, with the guard described in steps.h.
// Comment sections are cut too, unless comments are what the page is about.
void drop_named_chrome(const dom::Document& doc, Node* body, const Node* headline, const Landmarks& landmarks,
                       const std::vector<NodeStats>& stats, const Thresholds& t,
                       bool keep_comments, bool comments_are_content, bool sells_product,
                       ChromeTrust trust) {
  const float page_prose = float(stats[body->index].prose_chars);
  // A product's page puts its description, specifications and reviews in
  // tabs; elsewhere hidden panels are more often a template's unused parts
  // or help for other browsers than the reader's.
  ChromeSignalsMemo signals(doc.node_count(), stats, sells_product);
  const uint32_t trusted = ~distrusted_signals(body, stats, signals);
  const std::vector<bool> holds_main = mark_main_holders(doc, landmarks, headline);
  // On pages of little prose (tables, listings), what holds most of the text
  // that is not links is the content, though named a header or the target
  // of a skip link ("page-header", "skip-to-products"): names of places in
  // the layout, not of kinds of chrome.
  constexpr uint32_t kLittleProse = 1000;
  constexpr uint32_t kParagraph = 200;  // prose chars
  constexpr uint32_t kLayoutNames = score::kSigNav | score::kSigHeader;
  const NodeStats& page = stats[body->index];
  auto holds_most_text = [&](const NodeStats& s) {
    return page.prose_chars < kLittleProse && 2 * (s.chars - s.link_chars) > page.chars - page.link_chars;
  };
  // Chrome is a part of a page: an element named for some (an "outerAd"
  // wrapper) around nearly all of its text, links included, is the page's
  // frame. (On pages of teasers, where all is links, the guard's prose
  // does not tell.)
  constexpr float kWrapsPage = 0.8f;
  auto wraps_page = [&](const NodeStats& s) { return float(s.chars) >= kWrapsPage * float(page.chars); };
  for (Node* n = body->first_child; n;) {
    const NodeStats& s = stats[n->index];
    uint32_t sig = n->is_element() ? signals.of(*n) : 0;
    // A <form> around most of the page's text is how some frameworks build
    // every page (ASP.NET, rank tables with filters), not a sign-up box.
    if (n->is(Tag::form) && 2 * s.chars > page.chars) sig &= ~uint32_t{score::kSigPromo};
    // A table of records named a header ("sticky-header") names its header row.
    if (n->is(Tag::table) && (sig & kLayoutNames) && is_data_table(n)) sig &= ~kLayoutNames;
    const bool strong = is_strong_chrome(*n, sig, s.signals);
    // Customer reviews are a product's comments: they often hold more prose
    // than its description, which the guard would take for the content. (On
    // a review site, reviews are the content.)
    const bool is_reviews = sells_product && (sig & score::kSigReviews) && !holds_main[n->index];
    // Comments are known by their names whatever the trust: whether they are
    // content is comments_are_content's call.
    if (!strong) sig &= trust == ChromeTrust::names ? trusted : uint32_t{score::kSigComments};
    bool is_comments = (sig & score::kSigComments) || is_reviews;
    // Bylines, datelines, tags and author boxes: metadata, not body text. An
    // inline element so named that holds paragraphs is misused markup.
    const uint32_t meta_limit = dom::is_block(n->tag) ? 600 : 200;
    bool is_meta = ((s.signals & score::kSigMeta) && !(s.signals & score::kSigContent) &&
                    s.chars < meta_limit) ||
                   is_standalone_time(*n, stats);
    // A shop's buy box holds the product's name and its description: named
    // for where it sits ("offer-holder-sticky-navbar"), it is no chrome.
    const bool is_buy_box = sells_product && !strong && holds_main[n->index] && s.prose_chars >= kParagraph;
    // Hidden is a state, not a part: what is hidden is cut however much it holds.
    const bool is_frame = !strong && !(sig & score::kSigHidden) && wraps_page(s);
    bool is_chrome = ((sig & (score::kChromeSignals | score::kSigHidden)) || is_meta) &&
                     ((float(s.prose_chars) <= t.chrome_guard * page_prose &&
                       ((sig & ~kLayoutNames) || !holds_most_text(s))) ||
                      (strong && !holds_main[n->index])) &&
                     !is_buy_box && !is_frame;
    if (is_comments && !comments_are_content) {
      n->flags |= keep_comments ? kComments : kDropped;
      n = dom::next_skipping_children(n, body);
    } else if (is_chrome || (n->is_element() && (holds_raw_json(*n) || is_bare_control(*n, stats)))) {
      n->flags |= kDropped;
      n = dom::next_skipping_children(n, body);
    } else {
      n = dom::next_in_preorder(n, body);
    }
  }
}

namespace {

bool is_comments_heading(const Node& n, const std::vector<NodeStats>& stats) {
  if (!dom::is_heading(n.tag)) return false;
  if (stats[n.index].signals & score::kSigComments) return true;
  for (Node* c = n.first_child; c; c = c->next)
    if (c->is(Tag::a) && !c->has_attr("href") && (stats[c->index].signals & score::kSigComments))
      return true;
  return false;
}

}  // namespace

// Flat blogs put the comments after the post in the same container, behind a
// heading named "comments" (<h2><a id="comments"></a>...</h2>): cut the
// heading and what follows it, when a post precedes it. The heading itself
// may already be cut, by its own name (<h2 id="comments">); what is inside
// chrome cut before is not looked at.
void drop_flat_comments(Node* body, const std::vector<NodeStats>& stats, bool keep_comments) {
  for (Node* n = body; n;) {
    if (n->is_element() && is_comments_heading(*n, stats)) {
      uint32_t prose_before = 0;
      for (Node* p = n->prev; p; p = p->prev) prose_before += stats[p->index].prose_chars;
      if (prose_before >= 200) {
        for (Node* c = n; c; c = c->next) c->flags |= keep_comments ? kComments : kDropped;
        return;
      }
    }
    n = (n->flags & (kDropped | kComments)) ? dom::next_skipping_children(n, body) : dom::next_in_preorder(n, body);
  }
}

namespace {

bool holds_text_field(Node* form) {
  for (const Node* n : dom::subtree(form))
    if (n->is(Tag::textarea)) return true;
  return false;
}

// A form in a comment section is the one to write a comment with: labels,
// fields and the rules for posting. (A thread wrapped whole in a form, for
// its moderation boxes, holds the section's prose and stays.) Chrome named
// inside the section (share rows, pagination, a "please enable JavaScript"
// line) goes too. Returns the text left in `root` outside links and
// headings ("3 thoughts on ...", "Leave a Reply"), which stay.
uint32_t cut_comment_chrome(Node* root, uint32_t section_prose, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kFormProse = 400;  // the rules for posting, not a thread
  constexpr uint32_t kSectionChrome = score::kChromeSignals | score::kSigHidden;
  const NodeStats& whole = stats[root->index];
  uint32_t cut = 0;
  for (Node* n = root; n;) {  // the root too: the section may be the form itself ("commentform")
    const NodeStats& s = stats[n->index];
    bool minor = 2 * s.prose_chars <= section_prose;
    bool form = n->is(Tag::form) && (minor || (s.prose_chars < kFormProse && holds_text_field(n)));
    const uint32_t sig = n->is_element() ? chrome_signals(*n, stats, false) : 0;
    bool chrome = (sig & kSectionChrome) && !(sig & score::kSigComments) && minor;
    if (form || chrome || dom::is_heading(n->tag)) {
      if (!dom::is_heading(n->tag)) n->flags |= kDropped;
      cut += s.chars - s.link_chars;
      n = dom::next_skipping_children(n, root);
    } else {
      n = dom::next_in_preorder(n, root);
    }
  }
  return whole.chars - whole.link_chars - cut;
}

}  // namespace

void tidy_comments(Node* body, const std::vector<NodeStats>& stats) {
  constexpr uint32_t kSomeWords = 20;  // chars not in links nor headings: a short comment
  for (Node* n = body; n;) {
    if (!(n->flags & kComments)) {
      n = (n->flags & kDropped) ? dom::next_skipping_children(n, body) : dom::next_in_preorder(n, body);
      continue;
    }
    // A section is a run of sibling roots: flat comments are marked one
    // block at a time (drop_flat_comments).
    std::vector<Node*> roots;
    for (Node* r = n; r && (!r->is_element() || (r->flags & kComments)); r = r->next)
      if (r->flags & kComments) roots.push_back(r);
    uint32_t prose = 0, left = 0;
    for (Node* r : roots) prose += stats[r->index].prose_chars;
    // A heading marked as a root of its own (the flat thread's) says what
    // follows; it is not a comment either.
    for (Node* r : roots) left += dom::is_heading(r->tag) ? 0 : cut_comment_chrome(r, prose, stats);
    if (left < kSomeWords)
      for (Node* r : roots) r->flags = (r->flags & ~uint32_t{kComments}) | kDropped;
    n = dom::next_skipping_children(roots.back(), body);
  }
}

}  // namespace lede::select
