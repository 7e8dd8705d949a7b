// Class and id names: which words a name carries decides whether a block is
// cut as chrome, so names describing something else must carry none.
#include <gtest/gtest.h>

#include "score/class_signals.h"

namespace {

using namespace lede::score;

TEST(ClassSignals, WordsAreFoundWhateverTheSeparatorOrCase) {
  EXPECT_TRUE(signals_of_names("related-posts") & kSigRelated);
  EXPECT_TRUE(signals_of_names("related_posts") & kSigRelated);
  EXPECT_TRUE(signals_of_names("relatedPosts") & kSigRelated);
  EXPECT_TRUE(signals_of_names("site-footer") & kSigFooter);
}

// Shop themes name the other products offered beside the one on sale
// "upsells" (WooCommerce's "up-sells upsells products").
TEST(ClassSignals, UpsellsAreRelated) {
  EXPECT_TRUE(signals_of_names("up-sells upsells products") & kSigRelated);
  EXPECT_TRUE(signals_of_names("product-upsell") & kSigRelated);
}

// A block of promotions is named in the plural as often ("ysc-promos-new").
TEST(ClassSignals, PromosArePromotions) {
  EXPECT_TRUE(signals_of_names("ysc-promos-new") & kSigPromo);
  EXPECT_TRUE(signals_of_names("promo") & kSigPromo);
}

TEST(ClassSignals, WordsAreMatchedWholeNotAsSubstrings) {
  EXPECT_FALSE(signals_of_names("navigable") & kSigNav);
  EXPECT_FALSE(signals_of_names("commentary") & kSigComments);
  EXPECT_TRUE(signals_of_names("commentlist") & kSigComments);
}

// Menus are named by compounds ending in "nav" ("postnav", "topnav"); the
// word must end there.
TEST(ClassSignals, CompoundsEndingInNavAreMenus) {
  for (const char* name : {"postnav", "topnav", "leftNav", "site-mainnav"})
    EXPECT_TRUE(signals_of_names(name) & kSigNav) << name;
  for (const char* name : {"navigable", "canvas", "unavailable"})
    EXPECT_FALSE(signals_of_names(name) & kSigNav) << name;
}

// Long class values, their names parted by any white space wherever it falls.
TEST(ClassSignals, EveryNameOfALongValueCounts) {
  for (size_t shift = 0; shift <= 16; ++shift) {
    std::string value = "col-md-" + std::string(shift, '8') + " has-x\tcategory-ads\nrelated-posts\r\fsite-footer";
    EXPECT_EQ(signals_of_names(value), uint32_t{kSigRelated | kSigFooter}) << shift;
    EXPECT_EQ(signals_of_names(value + " no-sidebar" + std::string(shift, ' ')), uint32_t{kSigRelated | kSigFooter})
        << shift;
  }
}

TEST(ClassSignals, LayoutAndStylingPrefixesSilenceTheRestOfTheName) {
  EXPECT_EQ(signals_of_names("has-sidebar"), 0u);
  EXPECT_EQ(signals_of_names("no-sidebar"), 0u);
  EXPECT_EQ(signals_of_names("ob-has-background-overlay"), 0u);
  EXPECT_EQ(signals_of_names("contentWithSidebar") & kSigSidebar, 0u);
}

TEST(ClassSignals, TopicSlugsOfAPostAreNotLayout) {
  EXPECT_EQ(signals_of_names("category-social-media tag-newsletter"), 0u);
  EXPECT_EQ(signals_of_names("entry-category-social_media entry-category-ads"), 0u);
  EXPECT_TRUE(signals_of_names("entry-category-social_media share-bar") & kSigShare);
  // The slug word is a segment of its own, after a '-' or '_', before a '-'.
  EXPECT_EQ(signals_of_names("post_tags-social"), 0u);
  EXPECT_TRUE(signals_of_names("posttag-share") & kSigShare);
  EXPECT_TRUE(signals_of_names("share-tag") & kSigShare);
  EXPECT_EQ(signals_of_names("comments-open comments-closed"), 0u);
  EXPECT_TRUE(signals_of_names("comments-opened") & kSigComments);
  EXPECT_EQ(signals_of_names("https://example.org/share"), 0u);  // an id that is a URL
}

// What a product card qualifies for is not what it is: a card
// "subscription-eligible" is no subscription box.
TEST(ClassSignals, StatesOfAnElementAreNotWhatItIs) {
  EXPECT_EQ(signals_of_names("card-wrapper subscription-eligible"), 0u);
  EXPECT_EQ(signals_of_names("subscriptionEligible comments-enabled"), 0u);
  EXPECT_TRUE(signals_of_names("newsletter-subscription") & kSigPromo);
}

// Tailwind's arbitrary values name CSS variables: a sticky block placed
// below the header is not a menu.
TEST(ClassSignals, UtilityClassesWithArbitraryValuesNameNoPart) {
  EXPECT_EQ(signals_of_names("w-full sticky top-[var(--nav-height)] h-[var(--header-height)]"), 0u);
  EXPECT_TRUE(signals_of_names("sticky top-[var(--nav-height)] site-nav") & kSigNav);
}

// The press's or the publisher's reviews of a book are its description.
TEST(ClassSignals, EditorialReviewsAreNoCustomerReviews) {
  EXPECT_EQ(signals_of_names("editorialReviews_feature_div") & kSigReviews, 0u);
  EXPECT_EQ(signals_of_names("editorial-reviews") & kSigReviews, 0u);
  EXPECT_TRUE(signals_of_names("customer-reviews") & kSigReviews);
}

// BEM: "block__element". The block names the component around the element;
// an author box inside a post entry is an author box.
TEST(ClassSignals, BemElementNamesWhatTheElementIs) {
  EXPECT_EQ(signals_of_names("cs-entry__author"), uint32_t{kSigMeta});
  EXPECT_EQ(signals_of_names("post__footer"), uint32_t{kSigFooter});
  EXPECT_EQ(signals_of_names("footer__text") & kSigFooter, 0u);
  EXPECT_TRUE(signals_of_names("footer__") & kSigFooter);
  // CSS modules: Component_element__hash. The hash names nothing.
  EXPECT_TRUE(signals_of_names("ArticleFooter_authorFooter__5NsdY") & kSigMeta);
  // styled-components: Block__StyledElement-sc-hash-n. A card's header is no
  // page header.
  EXPECT_EQ(signals_of_names("Cards__StyledCustomerCardHeader-sc-e2c04df0-7"), 0u);
  // Shopify sections: template--id__words_hash. The words name the section.
  EXPECT_TRUE(signals_of_names("shopify-section-template--1611__product_reviews_BTfBq7") & kSigReviews);
  EXPECT_TRUE(signals_of_names("shopify-section-template--1611__related_products_x7Yq") & kSigRelated);
}

// Shops embed customer reviews as widgets named after their vendor
// ("yotpo-main-widget", "jdgm-widget", "okendo-widget-container"), in any language
// the shop writes in.
TEST(ClassSignals, ReviewWidgetsAreReviews) {
  for (const char* names : {"yotpo yotpo-main-widget", "jdgm-widget jdgm-review-widget", "okendo-widget-container",
                            "bv_main_container bazaarvoice", "produkt-bewertungen"})
    EXPECT_TRUE(signals_of_names(names) & kSigReviews) << names;
}

// Frameworks name components in test and analytics attributes: only what
// says reviews is read there, as other words name parts of components ("a
// card's header") more often than parts of the page.
TEST(ClassSignals, TestIdsNameReviewSections) {
  lede::dom::Document doc;
  const lede::dom::Attribute reviews[] = {{"data-testid", "reviews-and-ratings"}};
  const lede::dom::Attribute header[] = {{"data-testid", "card-header"}};
  EXPECT_TRUE(signals_of(*doc.create_element("div", reviews)) & kSigReviews);
  EXPECT_EQ(signals_of(*doc.create_element("div", header)), 0u);
}

// An id that starts with "secondary" names the column beside the post
// (WordPress themes' "secondary", "secondaryContent"); classes so named style
// a variant of a label or a button, and a word before it says the same.
TEST(ClassSignals, SecondaryIdsAreSidebars) {
  lede::dom::Document doc;
  for (const char* id : {"secondary", "secondaryContentContainer", "secondary-column"}) {
    const lede::dom::Attribute attrs[] = {{"id", id}};
    EXPECT_TRUE(signals_of(*doc.create_element("div", attrs)) & kSigSidebar) << id;
  }
  for (const char* id : {"secondaryness", "nav-secondary"}) {
    const lede::dom::Attribute attrs[] = {{"id", id}};
    EXPECT_FALSE(signals_of(*doc.create_element("div", attrs)) & kSigSidebar) << id;
  }
  const lede::dom::Attribute label[] = {{"class", "secondary-label text-secondary"}};
  EXPECT_FALSE(signals_of(*doc.create_element("span", label)) & kSigSidebar);
}

// WordPress's "Recent Comments" widget lists the latest comments on other
// posts, in the sidebar: related links, not this post's thread.
TEST(ClassSignals, RecentCommentsAreAWidgetNotTheThread) {
  for (const char* names : {"widget widget_recent_comments", "recent-comments-list"}) {
    EXPECT_FALSE(signals_of_names(names) & kSigComments) << names;
    EXPECT_TRUE(signals_of_names(names) & kSigRelated) << names;
  }
  EXPECT_FALSE(signals_of_names("recentcomments") & kSigComments);
  EXPECT_TRUE(signals_of_names("comments-area") & kSigComments);
}

// A name ending in "author" names a person or what a person wrote, whoever's
// author the words before it say: a forum theme marks the thread's opening
// post "uix_discussionAuthor" among the replies, and that post is no comment.
TEST(ClassSignals, NamesEndingInAuthorAreMetadataNotWhatPrecedes) {
  EXPECT_FALSE(signals_of_names("sectionMain message uix_threadAuthor uix_discussionAuthor") & kSigComments);
  EXPECT_EQ(signals_of_names("uix_discussionAuthor"), kSigMeta);
  EXPECT_EQ(signals_of_names("comment-author"), kSigMeta);
  EXPECT_EQ(signals_of_names("article_author"), kSigMeta);
  EXPECT_TRUE(signals_of_names("comment-authors-list") & kSigComments);
  EXPECT_TRUE(signals_of_names("commentauthor") & kSigComments);  // one word, read as comments
}

}  // namespace

// Selection looks values up through a per-page memo: a value seen before must
// give what a fresh lookup gives, whichever attribute it was first seen in (a
// hiding class hides only as a class, not as an id).
TEST(ClassSignals, MemoizedLookupsGiveWhatFreshOnesGive) {
  lede::dom::Document doc;
  const lede::dom::Attribute as_id[] = {{"id", "hidden"}};
  const lede::dom::Attribute as_class[] = {{"class", "hidden"}};
  const lede::dom::Attribute sidebar[] = {{"class", "sidebar"}, {"id", "main"}};
  lede::dom::Node* id_element = doc.create_element("div", as_id);
  lede::dom::Node* class_element = doc.create_element("div", as_class);
  lede::dom::Node* sidebar_element = doc.create_element("div", sidebar);
  NamesMemo seen;
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(signals_of(*id_element, seen), signals_of(*id_element));
    EXPECT_EQ(signals_of(*class_element, seen), signals_of(*class_element));
    EXPECT_EQ(signals_of(*sidebar_element, seen), signals_of(*sidebar_element));
  }
  EXPECT_EQ(signals_of(*id_element, seen) & kSigHidden, 0u);
  EXPECT_TRUE(signals_of(*class_element, seen) & kSigHidden);
  EXPECT_EQ(signals_of(*sidebar_element, seen), uint32_t{kSigSidebar | kSigContent});
}

// Each framework names its screen-reader-only utility its own way; all hide
// text that repeats what the page shows. A class that merely mentions a
// screen ("screen-wide") hides nothing.
TEST(ClassSignals, ScreenReaderOnlyClassesHide) {
  lede::dom::Document doc;
  for (const char* names : {"sr-only", "u-text-sr-only", "visually-hidden", "price visuallyhidden",
                            "screen-reader-text", "a-offscreen", "sr-clipped"}) {
    const lede::dom::Attribute attrs[] = {{"class", names}};
    EXPECT_TRUE(signals_of(*doc.create_element("span", attrs)) & kSigHidden) << names;
  }
  const lede::dom::Attribute shown[] = {{"class", "screen-wide offscreen-menu-toggle"}};
  EXPECT_EQ(signals_of(*doc.create_element("span", shown)) & kSigHidden, 0u);
}

// "hiddenBox", "hiddenContent": camelCase names after "hidden" name what a
// script shows later (a comment's preview box); hyphenated ones are
// Bootstrap's responsive classes, which hide on one screen size only.
TEST(ClassSignals, CamelCaseHiddenNamesHide) {
  lede::dom::Document doc;
  for (const char* names : {"hiddenBox", "comments-header hiddenBox", "hiddenContent"}) {
    const lede::dom::Attribute attrs[] = {{"class", names}};
    EXPECT_TRUE(signals_of(*doc.create_element("div", attrs)) & kSigHidden) << names;
  }
  for (const char* names : {"hidden-xs", "hidden-print", "hiddenness"}) {
    const lede::dom::Attribute attrs[] = {{"class", names}};
    EXPECT_FALSE(signals_of(*doc.create_element("div", attrs)) & kSigHidden) << names;
  }
}
