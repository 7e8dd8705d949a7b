#include "score/class_signals.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "util/byte_scan.h"
#include "util/hash_index.h"

namespace lede::score {
namespace {

struct Word {
  std::string_view word;
  uint32_t signals;
};

// Sorted by word. Words are what class names are made of, in the language
// class names are written in; page text is never matched against this.
constexpr Word kWords[] = {
    {"ad", kSigPromo},
    {"addthis", kSigShare},
    {"ads", kSigPromo},
    {"adsense", kSigPromo},
    {"adslot", kSigPromo},
    {"advert", kSigPromo},
    {"advertisement", kSigPromo},
    {"advertising", kSigPromo},
    {"article", kSigContent},
    {"articlebody", kSigContent},
    {"author", kSigMeta},
    {"banner", kSigPromo},
    {"bazaarvoice", kSigReviews},  // review widgets name themselves after their vendor
    {"bewertungen", kSigReviews},  // German for "reviews"
    {"bio", kSigMeta},
    {"blog", kSigContent},
    {"body", kSigContent},
    {"breadcrumb", kSigNav},
    {"breadcrumbs", kSigNav},
    {"byline", kSigMeta},
    {"colophon", kSigFooter},
    {"comment", kSigComments},
    {"comments", kSigComments},
    {"consent", kSigConsent},
    {"content", kSigContent},
    {"cookie", kSigConsent},
    {"cookies", kSigConsent},
    {"copyright", kSigFooter},
    {"credit", kSigMeta},  // a photo's credit line: who took it, not what it shows
    {"credits", kSigMeta},
    {"crumbs", kSigNav},
    {"dateline", kSigMeta},
    {"dialog", kSigModal},
    {"discussion", kSigComments},
    {"disqus", kSigComments},
    {"donate", kSigPromo},
    {"donation", kSigPromo},
    {"entry", kSigContent},
    {"follow", kSigShare},
    {"footer", kSigFooter},
    {"gdpr", kSigConsent},
    {"header", kSigHeader},
    {"jdgm", kSigReviews},
    {"judgeme", kSigReviews},
    {"lightbox", kSigModal},
    {"login", kSigPromo},
    {"main", kSigContent},
    {"masthead", kSigHeader},
    {"megamenu", kSigNav},
    {"menu", kSigNav},
    {"menubar", kSigNav},
    {"modal", kSigModal},
    {"nav", kSigNav},
    {"navbar", kSigNav},
    {"navigation", kSigNav},
    {"newsletter", kSigPromo},
    {"okendo", kSigReviews},
    {"outbrain", kSigRelated},
    {"overlay", kSigModal},
    {"pager", kSigNav},
    {"pagination", kSigNav},
    {"paywall", kSigPromo},
    {"popular", kSigRelated},
    {"popup", kSigModal},
    {"post", kSigContent},
    {"postmetadata", kSigMeta},  // WordPress's line of date, categories and feeds under a post
    {"powerreviews", kSigReviews},
    {"promo", kSigPromo},
    {"promos", kSigPromo},
    {"promotion", kSigPromo},
    {"prose", kSigContent},
    {"rail", kSigSidebar},
    {"ratings", kSigReviews},
    {"recommendations", kSigRelated},
    {"recommended", kSigRelated},
    {"register", kSigPromo},
    {"related", kSigRelated},
    {"replies", kSigComments},
    {"respond", kSigComments},
    {"reviews", kSigReviews},
    {"share", kSigShare},
    {"sharebar", kSigShare},
    {"sharedaddy", kSigShare},  // WordPress's sharing and like buttons, named after their vendor
    {"sharing", kSigShare},
    {"sidebar", kSigSidebar},
    {"signature", kSigMeta},  // a forum member's sign-off under each post
    {"signin", kSigPromo},
    {"signup", kSigPromo},
    {"skip", kSigNav},
    {"social", kSigShare},
    {"sponsor", kSigPromo},
    {"sponsored", kSigPromo},
    {"story", kSigContent},
    {"subnav", kSigNav},
    {"subscribe", kSigPromo},
    {"subscription", kSigPromo},
    {"taboola", kSigRelated},
    {"tags", kSigMeta},
    {"text", kSigContent},
    {"toolbar", kSigNav},
    {"topbar", kSigHeader},
    {"trending", kSigRelated},
    {"upsell", kSigRelated},  // other products offered beside the one on sale
    {"upsells", kSigRelated},
    {"yotpo", kSigReviews},
};

constexpr bool words_sorted() {
  for (size_t i = 1; i < std::size(kWords); ++i)
    if (!(kWords[i - 1].word < kWords[i].word)) return false;
  return true;
}
static_assert(words_sorted());

// Every word of every class and id is looked up, in each scoring pass.
constexpr auto kWordIndex = [] {
  HashIndex<256> index;
  static_assert(std::size(kWords) * 2 <= 256);
  for (size_t i = 0; i < std::size(kWords); ++i) index.add(kWords[i].word, i);
  return index;
}();

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Does `word`, its upper-case letters lowered, equal `lower`?
bool equals_lowered(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if ((is_upper(c) ? static_cast<char>(c + 32) : c) != lower[i]) return false;
  }
  return true;
}

bool starts_lowered(std::string_view word, std::string_view lower) {
  return word.size() >= lower.size() && equals_lowered(word.substr(0, lower.size()), lower);
}

// The signals of one word of a name as it stands in the name (any case),
// `hash` the name_hash of its lowered letters.
uint32_t lookup(std::string_view word, uint32_t hash) {
  size_t i = kWordIndex.find_hashed(hash, [word](size_t w) { return equals_lowered(word, kWords[w].word); });
  if (i != kWordIndex.npos) return kWords[i].signals;
  // Comment sections are named by compounds more than by words:
  // "commentlist", "commentbody", "comment_1234".
  if (starts_lowered(word, "comment") && !starts_lowered(word, "commentar")) return kSigComments;
  // So are menus: "topnav", "postnav", "sitenav".
  if (word.size() > 3 && equals_lowered(word.substr(word.size() - 3), "nav")) return kSigNav;
  return 0;
}

// What a byte of a class or id name is to its words: every byte of every
// distinct name on a page is classed, with one look-up.
enum class NameByte : uint8_t { separator, lower_or_digit, upper };
constexpr auto kNameBytes = [] {
  std::array<NameByte, 256> kinds{};
  for (int c = 0; c < 256; ++c) {
    char byte = static_cast<char>(c);
    kinds[c] = is_upper(byte)                      ? NameByte::upper
               : is_lower(byte) || is_digit(byte) ? NameByte::lower_or_digit
                                                  : NameByte::separator;
  }
  return kinds;
}();

struct NameWords {
  uint32_t signals = 0;
  size_t last_double_underscore = std::string_view::npos;
};

// The signals of the words of `name` ("related-posts", "relatedPosts"), and
// where its last "__" starts, found in the same pass. Each word is looked up
// where it stands, hashed as it is read.
NameWords read_words(std::string_view name) {
  // Longer runs of letters (hashes, base64) are no words.
  constexpr size_t kMaxWordBytes = 32;
  NameWords words;
  // "has-sidebar", "no-sidebar", "contentWithSidebar",
  // "has-background-overlay": the words after these describe the layout
  // around the element or its styling, not the element.
  bool skip_rest = false;
  size_t start = 0;
  uint32_t hash = kNameHashStart;
  auto flush = [&](size_t end) {
    std::string_view w = name.substr(start, end - start);
    if (w.empty() || w.size() > kMaxWordBytes) return;
    if (!skip_rest) words.signals |= lookup(w, hash);
    skip_rest = skip_rest || equals_lowered(w, "has") || equals_lowered(w, "with") || equals_lowered(w, "no") ||
                equals_lowered(w, "without");
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    NameByte kind = kNameBytes[static_cast<unsigned char>(c)];
    if (kind == NameByte::separator) {
      flush(i);
      start = i + 1;
      hash = kNameHashStart;
      if (c == '_' && i > 0 && name[i - 1] == '_') words.last_double_underscore = i - 1;
      continue;
    }
    if (kind == NameByte::upper) {
      // camelCase boundary: "relatedPosts" -> related, posts; "CNN" stays one.
      if (i > 0 && is_lower(name[i - 1])) {
        flush(i);
        start = i;
        hash = kNameHashStart;
      }
      c = static_cast<char>(c + 32);
    }
    hash = name_hash_step(hash, c);
  }
  flush(name.size());
  return words;
}

// Words of one class or id name.
uint32_t signals_of_name(std::string_view name) {
  NameWords words = read_words(name);
  // BEM names ("entry__author", "post__footer"): the block before "__" is
  // the component around the element; the element part says what it is.
  // CSS modules append a hash the same way ("ArticleBio_root__ua8zj"): that
  // names nothing, and the part before it is read whole; so do
  // styled-components' ("Card__StyledHeader-sc-1xznbxx-1"). Shopify's
  // section ids put snake_case words before their hash
  // ("template--1611__product_reviews_BTfBq7"): those say what it is.
  size_t element = words.last_double_underscore;
  if (element == std::string_view::npos || element + 2 >= name.size()) return words.signals;
  std::string_view tail = name.substr(element + 2);
  bool hash = tail.find('_') == std::string_view::npos &&
              std::any_of(tail.begin(), tail.end(), [](char c) { return is_upper(c) || is_digit(c); });
  return read_words(hash ? name.substr(0, element) : tail).signals;
}

// Does `word` end right before name[dash], at the start of `name` or after a
// '-' or '_'?
bool is_segment_before(std::string_view name, size_t dash, std::string_view word) {
  if (dash < word.size()) return false;
  size_t at = dash - word.size();
  return name.substr(at, word.size()) == word && (at == 0 || name[at - 1] == '-' || name[at - 1] == '_');
}

// Blogs tag posts with their topics' slugs ("category-cookbook-promo",
// "tag-social-media", Typepad's "entry-category-social_media"): those names
// describe the story, not the layout. Likewise WordPress's comment state of a
// post ("comments-open"), and ids that are URLs rather than names.
// (Every slug prefix ends with a dash: the words are compared at dashes only,
// in the one pass that looks for URL bytes.)
bool is_topic_name(std::string_view name) {
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '/' || c == ':' || c == '.') return true;
    if (c == '-' && (is_segment_before(name, i, "category") || is_segment_before(name, i, "tag") ||
                     is_segment_before(name, i, "tags")))
      return true;
  }
  return name == "comments-open" || name == "comments-closed";
}

// Calls `on_name` with each name of a space-separated list.
template <typename OnName>
void for_each_name(std::string_view names, OnName&& on_name) {
  size_t i = 0;
  while (i < names.size()) {
    size_t end = util::find_html_space(names, i);
    on_name(names.substr(i, end - i));
    i = end + 1;
  }
}

// A name for what an element qualifies for or has switched on
// ("subscription-eligible" on a product card, "comments-enabled"): a state
// of the element, not what it is.
bool is_state_name(std::string_view name) {
  for (std::string_view state : {"eligible", "Eligible", "enabled", "Enabled"})
    if (name.size() > state.size() && name.ends_with(state)) return true;
  return false;
}

// A utility class with an arbitrary value ("top-[var(--nav-height)]",
// "h-[calc(100vh-var(--header-h))]"): styling, whose words are the names of
// CSS variables, not of the element.
bool is_utility_with_value(std::string_view name) { return name.find('[') != std::string_view::npos; }

// Reviews written by the publisher or the press ("editorialReviews",
// "editorial-reviews"): the product's own description, not its customers'.
bool names_editorial_reviews(std::string_view name) {
  return name.find("editorial") != std::string_view::npos || name.find("Editorial") != std::string_view::npos;
}

// A name ending in "author" ("discussionAuthor", "thread-author") names a
// person, or what a person wrote: the words before it say whose author, not
// what the element is. Forum themes so mark the opening post among the
// replies ("uix_discussionAuthor"): it is no comment.
bool names_an_author(std::string_view name) {
  constexpr std::string_view kAuthor = "author";
  if (name.size() <= kAuthor.size()) return false;
  size_t at = name.size() - kAuthor.size();
  char before = name[at - 1];
  if (name[at] == 'A') return is_lower(before) && equals_lowered(name.substr(at), kAuthor);
  return name.substr(at) == kAuthor && (before == '-' || before == '_');
}

// An id that starts with "secondary" ("secondary", WordPress themes' id for
// the column of widgets beside "primary"; "secondaryContent") names the
// page's second column. Classes so named style a variant ("secondary-label",
// "text-secondary").
bool names_secondary_column(std::string_view id) {
  constexpr std::string_view kSecondary = "secondary";
  if (!starts_lowered(id, kSecondary)) return false;
  if (id.size() == kSecondary.size()) return true;
  return kNameBytes[static_cast<unsigned char>(id[kSecondary.size()])] != NameByte::lower_or_digit;
}

// "Recent comments" ("widget_recent_comments", "RecentComments") is a list
// of the latest comments across a site, linking to other posts: a widget of
// the sidebar, not this post's thread.
bool names_recent(std::string_view name) {
  return name.find("recent") != std::string_view::npos || name.find("Recent") != std::string_view::npos;
}

// Most names have no signal word: the topic, state and utility tests are
// left for those that do.
uint32_t signals_of_one_name(std::string_view name) {
  uint32_t signals = signals_of_name(name);
  if (!signals || is_topic_name(name) || is_state_name(name) || is_utility_with_value(name)) return 0;
  if (names_an_author(name)) return kSigMeta;
  if ((signals & kSigReviews) && names_editorial_reviews(name)) signals &= ~uint32_t{kSigReviews};
  if ((signals & kSigComments) && names_recent(name)) signals = (signals & ~uint32_t{kSigComments}) | kSigRelated;
  return signals;
}

// Whole class names that hide an element on every screen. Words alone are not
// enough: "hidden-xs" hides only on phones.
constexpr std::string_view kHidingNames[] = {"hidden", "d-none", "hide", "is-hidden"};
// Text for screen readers only, as utility classes name it in each framework
// ("sr-only", "u-text-sr-only", "visually-hidden", "screen-reader-text",
// "a-offscreen"): it repeats what the page shows ("Price: $79").
constexpr std::string_view kScreenReaderEndings[] = {"sr-only",           "visually-hidden",    "visuallyhidden",
                                                     "screen-reader-text", "screen-reader-only", "offscreen",
                                                     "sr-clipped"};

// The last letters of the names above: a name ending in another (most do)
// needs no comparison.
constexpr auto kHidingLastLetters = [] {
  std::array<bool, 256> last{};
  for (std::string_view name : kHidingNames) last[static_cast<unsigned char>(name.back())] = true;
  for (std::string_view ending : kScreenReaderEndings) last[static_cast<unsigned char>(ending.back())] = true;
  return last;
}();

bool is_hiding_name(std::string_view name) {
  // "hiddenBox", "hiddenContent": hidden until a script shows it. (Hyphenated
  // names after "hidden" are responsive: "hidden-xs" hides on phones only.)
  constexpr std::string_view kHidden = "hidden";
  if (name.size() > kHidden.size() && name.starts_with(kHidden) && is_upper(name[kHidden.size()])) return true;
  if (name.empty() || !kHidingLastLetters[static_cast<unsigned char>(name.back())]) return false;
  for (std::string_view hiding : kHidingNames)
    if (name == hiding) return true;
  for (std::string_view ending : kScreenReaderEndings)
    if (name.ends_with(ending)) return true;
  return false;
}

// The signals of a class or id value, with kSigHidden when it has a hiding
// class (which counts on class values only): one pass over the names for both.
uint32_t value_signals(std::string_view value) {
  uint32_t signals = 0;
  bool hidden = false;
  for_each_name(value, [&](std::string_view name) {
    signals |= signals_of_one_name(name);
    hidden = hidden || is_hiding_name(name);
  });
  return signals | (hidden ? uint32_t{kSigHidden} : 0u);
}

}  // namespace

uint32_t signals_of_names(std::string_view names) {
  uint32_t signals = 0;
  for_each_name(names, [&signals](std::string_view name) { signals |= signals_of_one_name(name); });
  return signals;
}

namespace {

// `signals_of_value(value)` gives value_signals(value).
template <typename ValueSignals>
uint32_t element_signals(const dom::Node& node, ValueSignals&& signals_of_value) {
  uint32_t signals = 0;
  for (const dom::Attribute& a : node.attributes()) {
    if (a.name == "class" || a.name == "id") {
      signals |= signals_of_value(a.value) & (a.name == "class" ? ~0u : ~uint32_t{kSigHidden});
      if (a.name == "id" && names_secondary_column(a.value)) signals |= kSigSidebar;
    } else if (a.name == "role") {
      if (a.value == "navigation" || a.value == "menu" || a.value == "menubar" || a.value == "search")
        signals |= kSigNav;
      else if (a.value == "banner") signals |= kSigHeader;
      else if (a.value == "contentinfo") signals |= kSigFooter;
      else if (a.value == "complementary") signals |= kSigSidebar;
      else if (a.value == "dialog" || a.value == "alertdialog") signals |= kSigModal;
      else if (a.value == "main" || a.value == "article") signals |= kSigContent;
    } else if (a.name == "aria-roledescription") {
      // A carousel's slides are other items or stories to browse; a story's
      // own photos come as figures.
      if (dom::equals_ignore_case(a.value, "carousel")) signals |= kSigRelated;
    } else if (a.name == "data-testid" || a.name == "data-hook" || a.name == "data-component" ||
               a.name == "data-appears-component-name" || a.name == "data-section-type") {
      // Component frameworks name a shop's review section only in test and
      // analytics attributes. Their other words name parts of components ("a
      // card's header") more than parts of the page: those are not read.
      signals |= signals_of_names(a.value) & kSigReviews;
    } else if (a.name == "itemprop") {
      if (a.value == "articleBody" || a.value == "text" || a.value == "reviewBody") signals |= kSigContent;
      else if (a.value == "author" || a.value == "datePublished") signals |= kSigMeta;
      else if (a.value == "comment") signals |= kSigComments;
      else if (a.value == "review") signals |= kSigReviews;
    }
  }
  return signals;
}

}  // namespace

uint32_t signals_of(const dom::Node& node) { return element_signals(node, value_signals); }

uint32_t signals_of(const dom::Node& node, NamesMemo& seen) {
  return element_signals(node, [&seen](std::string_view value) {
    auto [signals, added] = seen.try_emplace(value);
    if (added) *signals = value_signals(value);
    return *signals;
  });
}

}  // namespace lede::score
