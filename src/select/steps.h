// The steps of main-content selection (see select.cc for their order), shared
// by the files of this folder only.
//
// The guard: markup that names chrome (a "sidebar" class, a <footer>) is cut
// unless it holds much of the page's prose, because then the markup is lying
// (a wrapper called "content-sidebar-wrap"). Markup whose meaning is no
// designer's choice of words (page-level nav, aside, footer, dialog) is
// believed unless it holds the main content itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/dom.h"
#include "score/node_stats.h"

namespace lede::select {

struct Thresholds {
  float chrome_guard;   // named chrome is kept if it holds more than this share of prose
  float prune_density;  // link density above which a kept list or div is cut
  float sibling_share;  // a sibling joins if its value is this share of the container's
};

// The body's <article>, <main> and <h1> elements, in document order.
struct Landmarks {
  std::vector<dom::Node*> articles, mains, h1s;
};

// Step 1: chrome.cc
// What one walk over the page finds before anything moves or is cut: whether
// it is a discussion (a forum, Q&A), where the replies are the content, the
// streamed parts below, and, in the body, what later steps would otherwise
// walk the page again for.
struct PageSurvey {
  bool discussion = false;
  bool sells = false;  // it has a control that puts a product in the cart
  std::vector<dom::Node*> slots;      // <template id="B:n">
  std::vector<dom::Node*> parts;      // <div hidden id="S:n">
  std::vector<dom::Node*> invisible;  // outermost invisible elements (see drop_invisible)
  Landmarks landmarks;
};
PageSurvey survey_page(const dom::Document& doc, dom::Node* body);
// React's streaming server rendering sends late parts of a page at its end,
// in <div hidden id="S:n">, with a script that moves each to the place marked
// <template id="B:n">, replacing the fallback there. Readers see them in that
// place; this puts them there.
// Returns whether it moved any; the survey's lists of invisible elements and
// landmarks are then out of date.
bool reveal_streamed_parts(dom::Document& doc, PageSurvey& survey);
void drop_invisible(dom::Node* body);
// What drop_invisible does, for elements a survey found.
void drop_invisible(const std::vector<dom::Node*>& invisible);
Landmarks find_landmarks(dom::Node* body);
// Which chrome drop_named_chrome believes: all it names (tags, classes, ids,
// roles), or, for pages where the designer's names cut everything, only the
// strong chrome of is_strong_chrome (and comments, bylines and datelines).
enum class ChromeTrust { names, strong_markup_only };
// `headline` (may be null) is what strong chrome must not hold to be believed.
// On a page that `sells_product` (declared, or with a cart button), reviews
// are comments and closed tab panels are content.
void drop_named_chrome(const dom::Document& doc, dom::Node* body, const dom::Node* headline,
                       const Landmarks& landmarks,
                       const std::vector<score::NodeStats>& stats, const Thresholds& t,
                       bool keep_comments, bool comments_are_content, bool sells_product,
                       ChromeTrust trust);
void drop_flat_comments(dom::Node* body, const std::vector<score::NodeStats>& stats,
                        bool keep_comments);
// With comments kept: what a comment section holds besides the comments (the
// form to write one, its labels, share and page links) is cut, and a section
// left without a comment of some words ("No comments yet", "Leave a reply")
// is no comments at all. `stats` count the comment sections (computed
// without the kDropped subtrees only).
void tidy_comments(dom::Node* body, const std::vector<score::NodeStats>& stats);

// Does `value` (a class, an id, a name) say "add to cart" (or bag, or
// basket), in any case, the words run together or parted by '-' or '_'?
bool says_add_to_cart(std::string_view value);

// Step 1c: product.cc
// On a product page: grids of other products' offers (a linked name and a
// price each), with their title. `headline` (may be null) is the product's,
// `title` its name from metadata. Returns whether it dropped any.
bool drop_other_offers(const dom::Document& doc, dom::Node* body, const dom::Node* headline, std::string_view title,
                       const std::vector<score::NodeStats>& stats);

// On a product page: the product's description as its JSON-LD declares it,
// found in a part that step 1 cut (a closed sheet, a modal), is restored.
// Returns whether it restored any.
bool restore_declared_description(dom::Node* body, std::string_view description);

// On a product page: the labels of its form (a picker's options, the
// quantity), priced add-ons (a checkbox with a price) and small blocks named
// for the cart (its button, a sticky bar). Returns whether it dropped any.
bool drop_buy_box_controls(dom::Node* body, const std::vector<score::NodeStats>& stats);

// Steps 2 and 3: container.cc
struct ContainerChoice {
  dom::Node* container = nullptr;
  dom::Node* listing = nullptr;  // the grid of items found to be the listing (step 2d), if any
};
ContainerChoice choose_container(dom::Node* body, dom::Node* headline, const Landmarks& landmarks,
                                 const std::vector<score::NodeStats>& stats);
// Marks them kContent and returns them; no two overlap, nor overlap the container.
std::vector<dom::Node*> add_siblings(dom::Node* container, dom::Node* body, const dom::Node* headline,
                                     const std::vector<score::NodeStats>& stats, const Thresholds& t);

// Step 4: prune.cc
// Returns the grid of items it found to be the listing, or null. `listing`
// (may be null) is the one step 2 found, which stands if `root` holds it and
// no grid holds most of what was kept.
const dom::Node* prune(dom::Node* root, const std::vector<score::NodeStats>& stats, const Thresholds& t,
                       dom::Node* listing);
// `grids` are those prune returned.
void drop_repeats(dom::Node* body, const std::vector<score::NodeStats>& stats,
                  const std::vector<const dom::Node*>& grids);
// Step 5: a heading or a short line ending with a colon, left last in the
// kept subtrees once what it announced was cut, is cut too.
void drop_trailing_labels(std::vector<dom::Node*> kept);

// grid.cc
// Items that each have a linked name ("<li><a><h2>Name</h2></a> $79</li>"):
// a grid of products or stories, the listing itself, not a list of links.
// `plain_names` lets a plain link name an item (see has_linked_name).
bool is_grid_of_named_items(dom::Node* n, const std::vector<score::NodeStats>& stats, bool plain_names);
// A table of records: a header row of <th> cells naming its columns, above
// rows of <td> data. Its cells may all be links, yet it is data, not a menu.
bool is_data_table(dom::Node* table);
// A <dl> whose terms are the linked names of records its descriptions hold.
bool is_list_of_records(dom::Node* dl, const std::vector<score::NodeStats>& stats);

// headline.cc
dom::Node* find_headline(const dom::Document& doc, dom::Node* body, std::string_view title);
// The visible text under `n`, lower-case ASCII, whitespace collapsed.
std::string normalized_text(const dom::Node* n);
// The same into `out` (replaced), whose room is reused.
void normalized_text_into(const dom::Node* n, std::string& out);

}  // namespace lede::select
