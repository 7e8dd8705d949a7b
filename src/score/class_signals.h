// What a node's class and id names say about it. Names are split into words
// ("relatedPosts", "related-posts" and "related_posts" all give "related",
// "posts") and each word is looked up whole: substring matching is what makes
// "contentWithSidebar" look like a sidebar in other extractors.
#pragma once

#include <cstdint>
#include <string_view>

#include "dom/dom.h"
#include "util/view_memo.h"

namespace lede::score {

enum Signal : uint32_t {
  kSigNav = 1u << 0,       // menus, breadcrumbs, pagination, skip links
  kSigHeader = 1u << 1,    // site header, masthead
  kSigFooter = 1u << 2,    // page footer, copyright, legal
  kSigSidebar = 1u << 3,   // sidebars, rails, widgets
  kSigRelated = 1u << 4,   // related / recommended / popular / read-next
  kSigShare = 1u << 5,     // share and follow buttons
  kSigPromo = 1u << 6,     // newsletter, subscription, login, donation, ads
  kSigConsent = 1u << 7,   // cookie and consent banners
  kSigModal = 1u << 8,     // popups, overlays, dialogs
  kSigMeta = 1u << 9,      // byline, date, tags, author bio
  kSigComments = 1u << 10, // reader comments
  kSigContent = 1u << 11,  // article, content, entry, post, story, body, text
  kSigHidden = 1u << 12,   // hidden, sr-only and the like
  kSigReviews = 1u << 13,  // customer reviews and ratings of a product
};

inline constexpr uint32_t kChromeSignals = kSigNav | kSigHeader | kSigFooter | kSigSidebar |
                                           kSigRelated | kSigShare | kSigPromo | kSigConsent |
                                           kSigModal | kSigReviews;

// Signals of the words in a class or id attribute value.
uint32_t signals_of_names(std::string_view names);
// Signals of an element's class, id, role and itemprop/aria attributes, and
// the reviews its test and analytics names (data-testid, ...) announce.
uint32_t signals_of(const dom::Node& node);

// What signals_of has made of the class and id values seen so far on a page,
// by value: pages repeat a class list on every item of a menu or a listing.
// Its keys view the document's attributes.
using NamesMemo = ViewMemo<uint32_t>;
// The same as signals_of(node), each distinct value looked up once.
uint32_t signals_of(const dom::Node& node, NamesMemo& seen);

}  // namespace lede::score
