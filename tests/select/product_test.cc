// End to end through lede::extract: product pages keep the product's
// description, not what shoppers wrote about it.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

using lede::Article;

constexpr std::string_view kDescription =
    "Our everyday daypack carries a laptop, a lunch and a rain shell, with a padded back panel that stays "
    "cool on long climbs.";
constexpr std::string_view kReviewSentence = "I took this pack across three national parks this summer";

// A shop page: a short description and a much longer customer review section.
// `head` declares (or not) what the page is about.
std::string shop_page(std::string_view head) {
  std::string page = "<html><head>" + std::string(head) +
                     "</head><body><main><h1>Trail 25 Pack</h1><div class=price>$99.95</div>"
                     "<div class=description><p>" + std::string(kDescription) +
                     "</p></div><div class=product-reviews><h2>Reviews</h2>";
  for (int i = 0; i < 6; ++i)
    page += "<div class=review-card><p>" + std::string(kReviewSentence) +
            ", and it held up well, although the hip belt pockets are small, the zips are stiff when cold, and "
            "I wish the bottle pockets were deeper.</p></div>";
  page += "</div></main></body></html>";
  return page;
}

constexpr std::string_view kProductJsonLd =
    R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",)"
    R"("name":"Trail 25 Pack"}</script>)";

// Reviews hold more prose than the description: still, they are the
// product's comments, not its content.
TEST(Product, CustomerReviewsOfADeclaredProductAreLeftOut) {
  Article article = lede::extract(shop_page(kProductJsonLd));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find(kReviewSentence), std::string::npos) << article.text;
}

// With comments asked for, the reviews come as comments.
TEST(Product, CustomerReviewsOfADeclaredProductAreItsComments) {
  lede::Options options;
  options.include_comments = true;
  Article article = lede::extract(shop_page(kProductJsonLd), options);
  ASSERT_TRUE(article.comments.has_value());
  EXPECT_NE(article.comments->find(kReviewSentence), std::string::npos) << *article.comments;
}

// Component frameworks name sections in test and analytics attributes, not
// in classes ("data-testid=reviews-and-ratings"); Shopify themes name them
// in section ids, before a hash.
TEST(Product, ReviewsNamedOutsideClassesAreLeftOut) {
  for (std::string_view wrapper : {"data-testid=reviews-and-ratings", "data-hook=product-reviews",
                                   "id=shopify-section-template--1611__product_reviews_BTfBq7"}) {
    std::string page = shop_page(kProductJsonLd);
    page.replace(page.find("class=product-reviews"), std::string_view("class=product-reviews").size(), wrapper);
    Article article = lede::extract(page);
    EXPECT_NE(article.text.find(kDescription), std::string::npos) << wrapper << article.text;
    EXPECT_EQ(article.text.find(kReviewSentence), std::string::npos) << wrapper << article.text;
  }
}

// A page of reviews that declares no product (a review site) keeps them.
TEST(Product, ReviewsOnAPageThatSellsNothingAreKept) {
  Article article = lede::extract(shop_page(""));
  EXPECT_NE(article.text.find(kReviewSentence), std::string::npos) << article.text;
}

// A page that declares no product but has a button putting one in the cart
// sells it: its reviews are customers' comments all the same.
TEST(Product, ReviewsOnAPageWithACartButtonAreLeftOut) {
  for (std::string_view control : {"<button id=add-to-cart-button>Add to Cart</button>",
                                   "<form action=/cart/add method=post><input type=submit value=Buy></form>",
                                   "<button class=AddToBag>Add to bag</button>"}) {
    std::string page = shop_page("");
    page.insert(page.find("<div class=description>"), control);
    Article article = lede::extract(page);
    EXPECT_NE(article.text.find(kDescription), std::string::npos) << control << "\n" << article.text;
    EXPECT_EQ(article.text.find(kReviewSentence), std::string::npos) << control << "\n" << article.text;
  }
}

// What the press said of a book, in a block named for editorial reviews, is
// the book's description; its customers' reviews are left out.
TEST(Product, EditorialReviewsOfADeclaredProductAreKept) {
  std::string page = shop_page(kProductJsonLd);
  page.insert(page.find("<div class=product-reviews>"),
              "<div id=editorialReviews><h2>Editorial reviews</h2><p>A supremely practical pack: it distills "
              "what long-distance walkers learned the hard way into twenty-five litres. - Trail Monthly</p></div>");
  Article article = lede::extract(page);
  EXPECT_NE(article.text.find("A supremely practical pack"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find(kReviewSentence), std::string::npos) << article.text;
}

// Shops obfuscate "Sponsored" labels behind runs of UUIDs: no reader reads
// them. A block with one identifier among words stays.
TEST(Product, BlocksOfUuidsAreLeftOut) {
  std::string page = shop_page(kProductJsonLd);
  const std::string ids =
      "<div>Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-ad51-162a45a841c3U58304ab9-e401-4091-"
      "b773-e7e337a260ad</div><p>Order reference 0d48abc0-6602-4407-a05b-e5f87e8f229c is printed on the box, "
      "beside the care instructions and the warranty card.</p>";
  page.insert(page.find("<div class=description>"), ids);
  Article article = lede::extract(page);
  EXPECT_EQ(article.text.find("f2f260c3"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Order reference 0d48abc0"), std::string::npos) << article.text;
}

// Other products offered beside the product ("customers also viewed"): a
// grid of cards, each a linked name and a price, under a title. `cards` is
// the markup of each card's purchase link (a link away, or a cart button).
constexpr const char* kOtherPacks[] = {"Summit 30 Rucksack in Slate", "Ridge 18 Hip Pack in Moss",
                                       "Canyon 40 Travel Duffel in Sand", "Harbor 22 Roll-Top Bag in Navy"};

std::string grid_of_offers(bool cards_lead_away) {
  std::string grid = "<section><h2>Customers also viewed</h2><ul>";
  for (int i = 0; const char* name : kOtherPacks) {
    std::string href = cards_lead_away ? "/p/" + std::to_string(++i) : "javascript:addToCart(" + std::to_string(++i) + ")";
    grid += "<li><a href=\"" + href + "\"><h3>" + name + "</h3></a><span class=price>$" + std::to_string(40 + i) +
            ".00</span><span>+ $9.50 delivery</span></li>";
  }
  return grid + "</ul><a href=/similar>See all</a></section>";
}

std::string with_grid(std::string page, const std::string& grid) {
  page.insert(page.find("<div class=product-reviews>"), grid);
  return page;
}

TEST(Product, GridsOfOtherProductsOffersAreLeftOut) {
  Article article = lede::extract(with_grid(shop_page(kProductJsonLd), grid_of_offers(true)));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("$99.95"), std::string::npos) << article.text;
  for (const char* name : kOtherPacks) EXPECT_EQ(article.text.find(name), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Customers also viewed"), std::string::npos) << article.text;
}

// Shops often set the amount and its currency sign apart ("119,90<span>€").
TEST(Product, OffersWhosePriceIsSplitAcrossElementsAreLeftOut) {
  std::string grid = "<section><h2>You may also like</h2><ul>";
  for (int i = 0; const char* name : kOtherPacks) {
    const std::string number = std::to_string(++i);
    grid += "<li><a href=/p/" + number + "><h3>" + name + "</h3></a><span class=price><bdi>4" + number +
            ",90<span>€</span></bdi></span></li>";
  }
  grid += "</ul></section>";
  Article article = lede::extract(with_grid(shop_page(kProductJsonLd), grid));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  for (const char* name : kOtherPacks) EXPECT_EQ(article.text.find(name), std::string::npos) << article.text;
}

// The product's own price split the same way still shows that the page
// sells something of its own: the grid beside it is other products'.
TEST(Product, AProductPriceSplitAcrossElementsStillShowsThePagesOwnOffer) {
  std::string page = shop_page(kProductJsonLd);
  page.replace(page.find("$99.95"), std::string_view("$99.95").size(), "99,95<span>€</span>");
  Article article = lede::extract(with_grid(page, grid_of_offers(true)));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  for (const char* name : kOtherPacks) EXPECT_EQ(article.text.find(name), std::string::npos) << article.text;
}

// Editions of the product itself, each with a cart button, are what the
// page sells: they stay.
TEST(Product, OffersWithCartButtonsAreThePagesOwn) {
  Article article = lede::extract(with_grid(shop_page(kProductJsonLd), grid_of_offers(false)));
  for (const char* name : kOtherPacks) EXPECT_NE(article.text.find(name), std::string::npos) << article.text;
}

// Cards that name the product offer its own editions and bundles.
TEST(Product, OffersNamingTheProductAreItsEditions) {
  std::string grid = "<div>";
  for (const char* edition : {"Standard", "Deluxe", "Collector's"})
    grid += std::string("<div><a href=/bundle><h3>Trail 25 Pack ") + edition +
            " Edition</h3></a><div>$129.00</div></div>";
  grid += "</div>";
  Article article = lede::extract(with_grid(shop_page(kProductJsonLd), grid));
  EXPECT_NE(article.text.find("Trail 25 Pack Deluxe Edition"), std::string::npos) << article.text;
}

// A page that sells nothing of its own (a gift guide) keeps its picks.
TEST(Product, OffersOnAPageThatDeclaresNoProductAreKept) {
  Article article = lede::extract(with_grid(shop_page(""), grid_of_offers(true)));
  for (const char* name : kOtherPacks) EXPECT_NE(article.text.find(name), std::string::npos) << article.text;
}

// A page that declares no product but puts one in the cart sells it: the
// other products offered beside it are left out all the same.
TEST(Product, OffersBesideAProductWithACartButtonAreLeftOut) {
  std::string page = with_grid(shop_page(""), grid_of_offers(true));
  page.insert(page.find("<div class=description>"), "<button name=add-to-cart>Add to cart</button>");
  Article article = lede::extract(page);
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  for (const char* name : kOtherPacks) EXPECT_EQ(article.text.find(name), std::string::npos) << article.text;
}

// A category page that declares its items as products: the grid holding
// most of the page's text is the page.
TEST(Product, AGridHoldingMostOfTheTextIsTheListing) {
  std::string page = std::string("<html><head>") + std::string(kProductJsonLd) +
                     "</head><body><main><h1>Packs</h1><p>Daypacks and duffels for every trip.</p>" +
                     grid_of_offers(true) + "</main></body></html>";
  Article article = lede::extract(page);
  for (const char* name : kOtherPacks) EXPECT_NE(article.text.find(name), std::string::npos) << article.text;
}

// A category page that calls itself a product, its description longer than
// the grid's text: no price is shown outside the grid, so the page offers
// nothing of its own, and the grid is its listing.
TEST(Product, AGridOnAPageWithNoPriceOfItsOwnIsTheListing) {
  std::string page = std::string("<html><head>") + std::string(kProductJsonLd) +
                     "</head><body><main><h1>Packs</h1>" + grid_of_offers(true) + "<div class=about><p>" +
                     std::string(kDescription) + "</p><p>" + std::string(kDescription) + "</p><p>" +
                     std::string(kDescription) + "</p></div></main></body></html>";
  Article article = lede::extract(page);
  for (const char* name : kOtherPacks) EXPECT_NE(article.text.find(name), std::string::npos) << article.text;
}

// A tab box: the description open, the specifications and the care notes in
// panels a click opens, hidden until then (inline or by a class). They are
// the product's as much as the open one; a hidden block beside nothing of
// its kind (a raw data blob) stays out.
std::string tabbed_product_page(std::string_view head) {
  return "<html><head>" + std::string(head) +
         "</head><body><main><h1>Trail 25 Pack</h1><div class=price>$99.95</div><div class=tab-panes>"
         "<div class=tab-pane><p>" + std::string(kDescription) + "</p></div>"
         "<div class=tab-pane style='display:none'><table><tr><th>Volume</th><td>25 litres</td></tr>"
         "<tr><th>Weight</th><td>890 grams</td></tr></table></div>"
         "<div class='tab-pane hidden'><p>Wash by hand in cold water and let it dry in the shade.</p></div>"
         "</div><div class=hidden>SKU-20931 variant-blob 4411</div></main></body></html>";
}

TEST(Product, ClosedPanelsOfATabBoxAreKept) {
  Article article = lede::extract(tabbed_product_page(kProductJsonLd));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("890 grams"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("let it dry in the shade"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("variant-blob"), std::string::npos) << article.text;
}

// Elsewhere hidden panels are more often a template's unused parts.
TEST(Product, ClosedPanelsOnAPageThatSellsNothingStayHidden) {
  Article article = lede::extract(tabbed_product_page(""));
  EXPECT_EQ(article.text.find("890 grams"), std::string::npos) << article.text;
}

// A shop's description in a sheet that slides in over the page: a dialog,
// which is cut as chrome, unless the page's JSON-LD declares it as the
// product's description.
std::string sheet_page(std::string_view declared_description, std::string_view shown_paragraph) {
  return R"(<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",)"
         R"("name":"Trail 25 Pack","description":")" + std::string(declared_description) +
         R"("}</script></head><body><main><h1>Trail 25 Pack</h1><div class=price>$99.95</div>)"
         "<p>" + std::string(shown_paragraph) + "</p>"
         "<button>Add to cart</button><div class=accordion><button><h5>Description</h5></button>"
         "<div class=sheet role=dialog aria-modal=false><h5>Description</h5><p>" + std::string(kDescription) +
         "</p></div><button><h5>Delivery</h5></button><div class=sheet role=dialog aria-modal=false>"
         "<p>Standard delivery takes four to seven working days once your order has shipped.</p></div>"
         "</div></main></body></html>";
}

constexpr std::string_view kShownParagraph =
    "Made in a small workshop in the Lake District from recycled sailcloth and tested on the fells.";

TEST(Product, ADeclaredDescriptionInACutSheetIsKept) {
  Article article = lede::extract(sheet_page(kDescription, kShownParagraph));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("four to seven working days"), std::string::npos) << article.text;
}

TEST(Product, ASheetThatIsNotTheDeclaredDescriptionStaysCut) {
  Article article = lede::extract(sheet_page("A daypack for long walks.", kShownParagraph));
  EXPECT_EQ(article.text.find(kDescription), std::string::npos) << article.text;
}

// A description the page already shows is not read twice from its sheet.
TEST(Product, ADeclaredDescriptionShownAlreadyIsNotRepeated) {
  Article article = lede::extract(sheet_page(kDescription, kDescription));
  size_t first = article.text.find(kDescription);
  ASSERT_NE(first, std::string::npos) << article.text;
  EXPECT_EQ(article.text.find(kDescription, first + 1), std::string::npos) << article.text;
}

// The buy box is a form: a picker's options, each a radio button or a
// checkbox with its label (by `for` or around the input), and the quantity's
// caption. The picker's title and the chosen option, shown outside the
// labels, stay.
std::string page_with_picker(std::string_view head, std::string_view picker) {
  std::string page = shop_page(head);
  page.insert(page.find("<div class=description>"), picker);
  return page;
}

constexpr std::string_view kColourPicker =
    "<div class=picker><h6>Colour</h6><span>Chosen: Slate Grey</span>"
    "<input type=radio name=colour id=c1><label for=c1>Ochre Sunrise</label>"
    "<input type=radio id=c2><label for=c2>Fjord Teal</label>"
    "<label><input type=checkbox name=size value=s>Small torso</label>"
    "<label for=qty>Quantity</label><input type=number id=qty value=1></div>";

TEST(Product, LabelsOfTheBuyBoxAreLeftOut) {
  Article article = lede::extract(page_with_picker(kProductJsonLd, kColourPicker));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Chosen: Slate Grey"), std::string::npos) << article.text;
  for (std::string_view option : {"Ochre Sunrise", "Fjord Teal", "Small torso", "Quantity"})
    EXPECT_EQ(article.text.find(option), std::string::npos) << option << "\n" << article.text;
}

// A buy box named for where it sits ("sticky-navbar") holds the product's
// name and description: on a product page it is no menu.
TEST(Product, ABuyBoxNamedLikeChromeIsKept) {
  std::string page = std::string("<html><head>") + std::string(kProductJsonLd) +
                     "</head><body><nav><a href=/>Home</a> <a href=/packs>Packs</a></nav>"
                     "<main><div class=offer-holder-sticky-navbar><h1>Trail 25 Pack</h1><div class=price>$99.95</div><p>" +
                     std::string(kDescription) + " " + std::string(kDescription) + " " + std::string(kDescription) +
                     "</p></div><div class=story><p>" + std::string(kReviewSentence) +
                     ", our founder says: every pack is cut and sewn in the same small workshop, checked seam by "
                     "seam, and sent out with a card that names the person who made it.</p><p>" +
                     std::string(kReviewSentence) + ", she adds, and the packs came back with stories rather "
                     "than complaints, which is why the design has barely changed in ten years.</p></div></main>"
                     "<div class=footer-links><a href=/about>About</a></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  std::string unsold = page;
  unsold.replace(unsold.find(kProductJsonLd), kProductJsonLd.size(), "");
  EXPECT_EQ(lede::extract(unsold).text.find(kDescription), std::string::npos) << lede::extract(unsold).text;
}

// Cart buttons built of links and blocks, and a sticky bar repeating the
// name and the price, are named for the cart; a purchase section so named
// that says more stays.
TEST(Product, SmallBlocksNamedForTheCartAreLeftOut) {
  Article article = lede::extract(page_with_picker(
      kProductJsonLd,
      "<div class=sticky-add-to-cart><span>Trail 25</span> <span>$99</span></div>"
      "<div id=btn_addtocart><a href=#>Put it in my basket</a></div>"
      "<div id=purchase_section_add_to_cart><h2>Trail 25 Pack with rain cover and hip belt pockets, in five "
      "colours</h2><p>Ships in recycled packaging from our workshop within two days, with a spare buckle and a repair kit.</p></div>"));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Put it in my basket"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("$99\n"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Ships in recycled packaging"), std::string::npos) << article.text;
}

// CSS-only tabs make each tab a checkbox and wrap its panel in the label: a
// label longer than a caption holds the product's text.
TEST(Product, ALabelAroundAPanelIsKept) {
  Article article = lede::extract(page_with_picker(
      kProductJsonLd,
      "<div class=tabs><label><input type=checkbox name=tab><h3>Materials</h3><p>The body is recycled "
      "ripstop nylon with a waterproof coating, the straps are padded with closed-cell foam, and every "
      "seam is taped, so the pack shrugs off a day of rain on the fells.</p></label></div>"));
  EXPECT_NE(article.text.find("recycled ripstop nylon"), std::string::npos) << article.text;
}

// On a page that sells nothing, a form's labels are what it asks (a survey,
// a calculator): they stay.
TEST(Product, LabelsOnAPageThatSellsNothingAreKept) {
  Article article = lede::extract(page_with_picker("", kColourPicker));
  EXPECT_NE(article.text.find("Ochre Sunrise"), std::string::npos) << article.text;
}

// A checkbox with a price adds something else to the order (a protection
// plan, a second product): it is left out with its own options.
TEST(Product, PricedAddOnsAreLeftOut) {
  Article article = lede::extract(page_with_picker(
      kProductJsonLd,
      "<div class=add-ons><div class=add-on><input type=checkbox id=plan>"
      "<label for=plan>Three-year protection plan <span>24,00</span><span>€</span></label>"
      "<div class=plan-terms>Covers drops and spills</div></div></div>"));
  EXPECT_NE(article.text.find(kDescription), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("protection plan"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Covers drops and spills"), std::string::npos) << article.text;
}

}  // namespace
