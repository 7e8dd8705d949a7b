// End to end through lede::extract: pages whose content is a list of items
// (courses, products, stories) keep the items, and stories keep out lists of
// other stories.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

using lede::Article;

::testing::AssertionResult has(std::string_view text, std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "missing \"" << needle << "\" in:\n" << text;
}

const char* const kCourses[] = {"Chief Digital Officer", "Chief Product Officer", "Sustainability Leadership",
                                "Applied Machine Learning", "Design and Manufacturing"};

// One course card: the whole card is a link, its blurb a paragraph.
std::string course_card(const char* name) {
  return std::string("<div class=item><a href=/c/") + name[0] + "><div class=card-body><h3>" + name +
         "</h3><p>Over twelve months, the " + name +
         " program teaches you to lead teams through change, weigh new tools against old ones, and bring a "
         "strategy to your board.</p></div></a></div>";
}

// A listing whose items are whole-card links keeps them, not only the prose
// of its banner.
TEST(Listing, ItemsThatAreWholeCardLinksAreKept) {
  std::string page =
      "<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav><div class=title-area><h1>Certificate "
      "programs</h1><p>Award-winning faculty. Transformative tools and technologies. A global reputation. Our "
      "certificate programs give working professionals the knowledge, the network and the credential to "
      "lead, wherever they are. Classes meet on campus and online, in the evenings and at weekends, so "
      "that nobody has to leave a job to join one.</p></div><div class=layout><div class=list>";
  for (const char* course : kCourses) page += course_card(course);
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  for (const char* course : kCourses) EXPECT_TRUE(has(article.text, course));
  EXPECT_TRUE(has(article.text, "the Design and Manufacturing program teaches you"));
}

// Under a story, a block of whole-card links is a list of other stories,
// however much prose their blurbs hold.
TEST(Listing, CardLinksAfterAStoryAreNotPartOfIt) {
  std::string page =
      "<html><body><main><article><h1>How the harbour library was rebuilt</h1>";
  for (int i = 0; i < 6; ++i)
    page += "<p>Volunteers carried the local history collection up the stairs by torchlight, and the town "
            "council voted, after a long and heated evening, to rebuild on the same site by the water.</p>";
  page += "</article><section><h2>Read next</h2><div class=grid>";
  for (const char* course : kCourses) page += course_card(course);
  page += "</div></section></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "rebuild on the same site by the water."));
  for (const char* course : kCourses) EXPECT_EQ(article.text.find(course), std::string::npos) << article.text;
}

// Items of a shop listing share values ("For monitors: 5-22 lbs"): each is a
// fact about its item, not furniture said down the page ("Quick view").
TEST(Listing, RepeatedValuesOfItemsAreKeptAndRepeatedButtonsCut) {
  const char* arms[] = {"M2 Single Monitor Arm", "M8 Single Monitor Arm", "M2 Dual Monitor Arm",
                        "M8 Dual Monitor Arm"};
  std::string page = "<html><body><main><h1>Monitor arms</h1><p>Choose the right arm for your desk, your screens "
                     "and the way you work: every arm below adjusts in height, depth and tilt.</p><ul>";
  for (const char* arm : arms)
    page += std::string("<li><div class=tile><h3>") + arm +
            "</h3><div>For monitors: 5-22 lbs</div><div>Screen size: up to 43 in</div><div>Quick view</div>"
            "</div></li>";
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  size_t values = 0;
  for (size_t at = article.text.find("For monitors: 5-22 lbs"); at != std::string::npos;
       at = article.text.find("For monitors: 5-22 lbs", at + 1))
    ++values;
  EXPECT_EQ(values, 4u) << article.text;
  EXPECT_EQ(article.text.find("Quick view"), std::string::npos) << article.text;
}

// A table of ranked items under a short intro, with a longer legal notice in
// the footer: a page of little prose. `wrapper` opens the element the
// page's builder put around the table, `wrapper_end` closes it.
std::string ranking_page(std::string_view wrapper, std::string_view wrapper_end) {
  std::string page = "<html><body>" + std::string(wrapper) +
                     "<h1>Computer science rankings</h1><p>A ranking of departments by their faculty's "
                     "papers at selective conferences.</p><table>";
  const char* places[] = {"Carnegie Mellon", "Tsinghua", "Illinois", "Peking", "Shanghai Jiao Tong",
                          "Berkeley", "Stanford", "Michigan", "Cornell", "Washington"};
  for (int rank = 1; const char* place : places) {
    page += "<tr><td>" + std::to_string(rank) + "</td><td>" + place + " University</td><td>" +
            std::to_string(40 - rank) + ".5</td><td>" + std::to_string(180 - 7 * rank) + "</td></tr>";
    ++rank;
  }
  page += "</table>" + std::string(wrapper_end) +
          "<footer><p>This ranking is offered as is, without any warranty of fitness for a purpose. The "
          "counts come from public bibliographies, which are incomplete; corrections are welcome by mail, "
          "and each is checked by hand before the next update of the data, which happens every few "
          "months.</p></footer></body></html>";
  return page;
}

// Some frameworks wrap every page in one <form>: it is no sign-up box.
TEST(Listing, APageWrappedInAFormKeepsItsTable) {
  Article article = lede::extract(ranking_page("<form id=rankform method=get><div>", "</div></form>"));
  EXPECT_TRUE(has(article.text, "Shanghai Jiao Tong University"));
}

// Where prose is scarce, the block holding most of the text is the content,
// though its name says where it sits ("page-header").
TEST(Listing, ATablePageKeepsItsTableInABlockNamedHeader) {
  Article article = lede::extract(ranking_page("<div class=page-header>", "</div>"));
  EXPECT_TRUE(has(article.text, "Shanghai Jiao Tong University"));
}

// A shop's category page: a description above a grid of products, each named
// by a linked heading. The grid is the listing, not a list of links.
TEST(Listing, AGridOfProductsUnderADescriptionIsKept) {
  const char* dresses[] = {"Blue and White Striped Crochet Lace Midi Dress", "Washed Hot Pink Ribbed Midi Dress",
                           "Green and Cream Striped Cutout Midi Dress", "White and Blue Midi Dress With Pockets",
                           "Black Tiered Smocked Maxi Dress", "Sage Linen Button-Front Shirt Dress"};
  std::string page = "<html><body><main><h1>Casual dresses</h1><p>If you can wear a dress, why wouldn't you? "
                     "Our casual dresses go from a morning coffee to an evening out: drawstring waists, smocked "
                     "bodices and soft knits, in every length and in colours for every season of the year.</p><ul>";
  for (int i = 0; const char* dress : dresses)
    page += "<li><a href=/p" + std::to_string(++i) + "><h2>" + dress + "</h2></a><span>$79</span></li>";
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  for (const char* dress : dresses) EXPECT_TRUE(has(article.text, dress));
}

const char* const kChairs[] = {"Wit High Back Mesh Task Chair", "Novo High Back Mesh Task Chair",
                               "Zone Too Tasker Chair", "Ionic Ergonomic Mesh Chair", "Ergohuman Plus Elite Chair",
                               "Eclipse Executive Mesh Chair"};

// A shop's category page under a short description and a table of sizes,
// whose products are named by plain links (no headings); the filters beside
// the grid hold another list of links. `item` gives one product's markup.
template <typename Item>
std::string chair_page(Item item) {
  std::string page = "<html><body><main><h1>Mesh office chairs</h1><p>Mesh backs breathe, padded seats "
                     "cushion: choose by how long you sit.</p><table>";
  for (int height = 170; height <= 190; height += 10)
    page += "<tr><td>Your height " + std::to_string(height) + " cm</td><td>Seat height " +
            std::to_string(height / 4) + " cm</td><td>Back height " + std::to_string(height / 3) + " cm</td></tr>";
  page += "</table><div class=toolbar><ul>";
  for (const char* maker : {"SitOnIt", "Friant", "Eurotech", "Raynor"})
    page += std::string("<li><a href=/m/") + maker + ">" + maker + "</a></li>";
  page += "</ul></div><div class=grid>";
  for (int i = 0; const char* chair : kChairs) page += item(chair, ++i);
  page += "</div></main></body></html>";
  return page;
}

// The grid holds most of the page: its items' links are their names, not a
// list of links to cut.
TEST(Listing, ProductsNamedByPlainLinksAreKept) {
  Article article = lede::extract(chair_page([](const char* chair, int i) {
    return "<div class=product><div class=image><a href=/p" + std::to_string(i) +
           "><img src=a.jpg></a></div><div class=name><a href=/p" + std::to_string(i) + ">" + chair +
           "</a></div><div class=price>$655.00 $403.00</div><div class=brand>SitOnIt</div></div>";
  }));
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
  EXPECT_TRUE(has(article.text, "$403.00"));
}

// Items made wholly clickable, the name and the price in one link: a tile,
// not a link label.
TEST(Listing, ProductsThatAreWholeTileLinksAreKept) {
  Article article = lede::extract(chair_page([](const char* chair, int i) {
    return "<div class=tile><a href=/p" + std::to_string(i) + "><div class=name>" + chair +
           "</div><div class=material>Recycled mesh</div><div class=price>$520.00</div></a></div>";
  }));
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
}

// Inside an item, a list of several links (topics, colours) is still a list
// of links; the item's name is kept.
TEST(Listing, ListsOfLinksInsideTheItemsOfAGridAreCut) {
  Article article = lede::extract(chair_page([](const char* chair, int i) {
    return "<div class=product><div class=name><a href=/p" + std::to_string(i) + ">" + chair +
           "</a></div><div class=price>$655.00</div><div class=topics><a href=/t/1>ergonomic</a> <a "
           "href=/t/2>breathable</a> <a href=/t/3>adjustable</a> <a href=/t/4>lumbar</a></div></div>";
  }));
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
  EXPECT_EQ(article.text.find("breathable"), std::string::npos) << article.text;
}

// A column of boxes of links, each under a title, made from one template
// and holding most of a page: no grid of items, so its menus go.
TEST(Listing, AColumnOfLinkBoxesIsNoGrid) {
  std::string page = "<html><body><main><h1>Sitemap</h1><p>Everything on this site.</p><div class=boxes>";
  for (const char* box : {"Products", "Company", "Support", "Legal"}) {
    page += std::string("<div class=box><h3>") + box + "</h3><ul>";
    for (const char* link : {"Overview of all items", "What is new this month", "Archive of old things"})
      page += std::string("<li><a href=/") + box + ">" + link + "</a></li>";
    page += "</ul></div>";
  }
  page += "</div></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_EQ(article.text.find("What is new this month"), std::string::npos) << article.text;
}

// Products named by a plain link, each beside its price: eighteen, with
// several times the text of a paragraph.
std::string product_grid() {
  std::string grid = "<div class=products>";
  for (int i = 0; const char* chair : kChairs)
    for (const char* colour : {"black", "grey", "white"})
      grid += "<div class=product><a href=/p" + std::to_string(++i) + ">" + chair + " in " + colour +
              "</a><div class=price>$655.00</div></div>";
  return grid + "</div>";
}

// A paragraph of prose of about 300 characters.
const char* const kParagraph =
    "<p>Mesh backs breathe and padded seats cushion, so choose by how long you sit. Every chair here adjusts "
    "in height, depth and tilt, carries a twelve-year warranty, and can be tried for thirty days at home before "
    "you decide to keep it. Our fitters visit offices of ten people or more for free.</p>";

// The category's description, and every chair of product_grid() with its price.
void expect_description_and_grid(const Article& article) {
  EXPECT_TRUE(has(article.text, "before you decide to keep it."));
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
  EXPECT_TRUE(has(article.text, "$655.00"));
}

// A category page under its headline, whose description sits in one block and
// the grid of products in another: the grid, several times the description's
// text, is the listing, kept with it.
TEST(Listing, AGridBesideACategorysDescriptionIsKeptWithIt) {
  std::string page = "<html><body><div class=layout><h1>Mesh office chairs</h1><div class=intro>" +
                     std::string(kParagraph) + "</div><div class=listing>" + product_grid() +
                     "</div></div></body></html>";
  Article article = lede::extract(page);
  expect_description_and_grid(article);
}

// A category page whose description, below the grid, is the page's one
// <article>: it closes the listing, which is kept with it. (A sole <article>
// before a grid is a short story beside a rail of other stories.)
TEST(Listing, AGridAboveACategorysDescriptionInAnArticleIsKeptWithIt) {
  std::string page = "<html><body><div class=layout><h1>Mesh office chairs</h1><div class=listing>" +
                     product_grid() + "</div><article>" + std::string(kParagraph) +
                     "</article></div></body></html>";
  Article article = lede::extract(page);
  expect_description_and_grid(article);
}

// A grid of bare names and prices, eighteen products with more text than the
// category's description beside it though not twice as much: the listing.
TEST(Listing, AGridOfNamesAndPricesOutweighingTheDescriptionIsKept) {
  std::string grid = "<div class=products>";
  for (int i = 0; const char* chair : kChairs)
    for (const char* colour : {"black", "grey", "white"})
      grid += "<div class=product><a href=/p" + std::to_string(++i) + ">" + chair + " in " + colour +
              "</a><div class=price>$655.00</div></div>";
  grid += "</div>";
  std::string page = "<html><body><div class=layout><h1>Mesh office chairs</h1><div class=intro>" +
                     std::string(kParagraph) +
                     "<p>Delivery is free on orders over two hundred pounds, and we collect your old chair for "
                     "recycling when we bring the new one. Assembly takes ten minutes with the key in the "
                     "box, or our fitters do it for you on the day.</p></div><div class=listing>" + grid +
                     "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "before you decide to keep it."));
  EXPECT_TRUE(has(article.text, "Zone Too Tasker Chair in grey"));
}

// A category page whose grid, found beside its intro, is wrapped in a block
// of its own and holds less than half of what is kept, a table of delivery
// times following it: the grid stays whole, each product's name and price.
TEST(Listing, AGridFoundBesideTheIntroStaysWholeWhenItHoldsLessThanHalf) {
  std::string page = "<html><body><div class=layout><h1>Mesh office chairs</h1><div class=intro>" +
                     std::string(kParagraph) + "</div><div class=listing>" + product_grid() +
                     "</div><ul class=delivery>";
  for (int zone = 1; zone <= 16; ++zone)
    page += "<li>Delivery to zone " + std::to_string(zone) + " within " + std::to_string(zone % 4 + 2) +
            " working days</li>";
  page += "</ul></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "before you decide to keep it."));
  EXPECT_TRUE(has(article.text, "Zone Too Tasker Chair in grey"));
  EXPECT_TRUE(has(article.text, "$655.00"));
}

// A river of stories whose summaries link again to each story, marked
// aria-hidden so that screen readers do not read the link twice: the eye
// reads them, and they stay. An aria-hidden icon among them stays out.
TEST(Listing, SummariesLinkedAgainForTheEyeAreKept) {
  std::string page = "<html><body><main><h1>Headphones</h1><section class=river>";
  for (int i = 0; i < 8; ++i) {
    std::string href = "/articles/" + std::to_string(i);
    page += "<article class=river-article><header><h2><a href=" + href + ">Firmware update " +
            std::to_string(i) + " for wireless earbuds</a></h2><p class=river-desc><a href=" + href +
            " aria-hidden=true tabindex=-1>The update brings steadier pairing, a louder call microphone and a "
            "battery readout, story " + std::to_string(i) + ".</a></p><span class=icon aria-hidden=true>"
            "Comments icon</span></header></article>";
  }
  page += "</section></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Firmware update 3 for wireless earbuds"));
  EXPECT_TRUE(has(article.text, "a battery readout, story 3."));
  EXPECT_EQ(article.text.find("Comments icon"), std::string::npos) << article.text;
}

// A rating shown as stars and a count, each marked aria-hidden because the
// link around them says it all for screen readers in its aria-label: the eye
// reads the visible form, and it stays. Hidden text that no label speaks for
// (a filter option's visible name beside its screen-reader text) stays out.
TEST(Listing, RatingsSpokenByAnAriaLabelAreKeptForTheEye) {
  std::string page = "<html><body><main><h1>Best sellers in books</h1><ol class=ranking>";
  for (int i = 1; i <= 6; ++i) {
    std::string n = std::to_string(i);
    page += "<li><a href=/b" + n + ">Novel number " + n + "</a><div><a href=/r" + n +
            " aria-label=\"4.7 out of 5 stars, 5,8" + n + "3 ratings\"><i aria-hidden=true class=stars><span>4." + n +
            " out of 5 stars</span></i> <span aria-hidden=true>5,8" + n + "3</span></a></div><span>$1" + n +
            ".99</span></li>";
  }
  page += "</ol><label><span aria-hidden=true>Hardcover only</span><span class=sr-only>Refine by format: "
          "Hardcover</span><input type=checkbox></label></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Novel number 3"));
  EXPECT_TRUE(has(article.text, "4.3 out of 5 stars"));
  EXPECT_TRUE(has(article.text, "5,833"));
  EXPECT_EQ(article.text.find("Hardcover only"), std::string::npos) << article.text;
}

// Cards classed by what their product qualifies for ("subscription-eligible")
// are the listing's items, not sign-up boxes.
TEST(Listing, ProductCardsEligibleForASubscriptionAreKept) {
  std::string page = "<html><body><main><h1>Organic coffee</h1><ul class=product-grid>";
  for (int i = 0; const char* chair : kChairs) {
    std::string n = std::to_string(++i);
    page += "<li><div class='card-wrapper subscription-eligible'><h3><a href=/p" + n + ">" + chair +
            "</a></h3><span class=price>$2" + n + ".99</span></div></li>";
  }
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
  EXPECT_TRUE(has(article.text, "$22.99"));
}

// Each product of a grid, below the category's description, wrapped in one
// block that holds its links (the name, a review link, a compare button):
// the block is the item, and stays with its name and price.
TEST(Listing, AnItemWrappedInABlockOfLinksIsKept) {
  std::string page = "<html><body><main><h1>Mesh office chairs</h1>" + std::string(kParagraph) +
                     "<p>Delivery is free on orders over two hundred pounds, and we collect your old chair for "
                     "recycling when we bring the new one. Assembly takes ten minutes with the key in the box, "
                     "or our fitters do it for you on the day.</p><ol class=products>";
  for (int i = 0; const char* chair : kChairs)
    for (const char* colour : {"black", "grey"}) {
      std::string href = "/p" + std::to_string(++i);
      page += "<li class=product><div class=product-item-info><a href=" + href + "><img src=/i.jpg></a><a href=" +
              href + "#reviews>Be the first to review this product</a><strong><a href=" + href + ">" + chair +
              " in " + colour + "</a></strong><span class=price>$" + std::to_string(100 + i) +
              ".00</span><a href=/compare>Add to Compare</a></div></li>";
    }
  page += "</ol></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "before you decide to keep it."));
  for (const char* chair : kChairs) EXPECT_TRUE(has(article.text, chair));
  EXPECT_TRUE(has(article.text, "$103.00"));
}

// Cards that name each field for screen readers ("<dt>Brand Name</dt>"):
// the first field of every card says the same, a label, not a value, though
// each card's fields differ from one another.
TEST(Listing, FieldLabelsRepeatedInEveryCardAreLeftOut) {
  std::string page = "<html><body><main><h1>Running shoes</h1><ul class=results>";
  for (int i = 0; const char* brand : {"Skechers", "Asics", "Brooks", "Hoka", "Saucony", "Mizuno"}) {
    ++i;
    page += "<li class=result><a href=/p" + std::to_string(i) + "><dl><dt>Brand Name</dt><dd>" + brand +
            "</dd><dt>Product Name</dt><dd>Trail Runner " + std::to_string(i) + " Sneaker</dd><dt>Color</dt>"
            "<dd>" + (i % 2 ? "White/Silver" : "Black/Red") + "</dd><dt>Price</dt><dd>$" +
            std::to_string(70 + i) + ".99</dd></dl></a></li>";
  }
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Trail Runner 4 Sneaker"));
  EXPECT_TRUE(has(article.text, "Saucony"));
  EXPECT_TRUE(has(article.text, "White/Silver"));
  EXPECT_TRUE(has(article.text, "$74.99"));
  EXPECT_EQ(article.text.find("Brand Name"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("Product Name"), std::string::npos) << article.text;
}

// Cards that say each product's name three times (a link over the image,
// a heading for the hover layer, the heading under it) and its price twice
// (regular and sale, the same): the reader sees each once.
TEST(Listing, ACardSayingItsNameTwiceShowsItOnce) {
  std::string page = "<html><body><main><h1>Coffee</h1><div class=grid>";
  for (int i = 0; const char* roast : {"Dark Roast", "Medium Roast", "Espresso Roast", "Blueberry", "Vanilla"}) {
    std::string link = "<a href=/p" + std::to_string(++i) + ">" + roast + " Coffee</a>";
    std::string price = "$1" + std::to_string(i) + ".99";
    page += "<div class=card><div class=media>" + link + "<img src=/i.jpg></div><div class=content><h3>" + link +
            "</h3></div><div class=content><h3>" + link + "</h3><div class=price><div class=regular>" + price +
            "</div><div class=sale>" + price + "</div></div></div></div>";
  }
  page += "</div></main></body></html>";
  Article article = lede::extract(page);
  for (const char* name : {"Dark Roast Coffee", "Vanilla Coffee", "$15.99"}) {
    size_t first = article.text.find(name);
    ASSERT_NE(first, std::string::npos) << name << " missing in:\n" << article.text;
    EXPECT_EQ(article.text.find(name, first + 1), std::string::npos) << name << " twice in:\n" << article.text;
  }
}

// A short post under its headline, with a grid of products in another
// column: the grid lies outside the block holding the post and its headline.
TEST(Listing, AGridBesideAShortPostIsNotPartOfIt) {
  std::string page = "<html><body><div class=layout><div class=post><h1>Our chairs, tried at home</h1><div "
                     "class=entry>" + std::string(kParagraph) + "</div></div><div class=column>" + product_grid() +
                     "</div></div></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "before you decide to keep it."));
  for (const char* chair : kChairs) EXPECT_EQ(article.text.find(chair), std::string::npos) << article.text;
}

// In the items of a listing, a slot whose text changes from item to item
// holds values, however often each repeats; one that always says the same
// is a button.
TEST(Listing, RepeatedValuesInTheSlotsOfAGridAreKeptAndButtonsCut) {
  const char* jobs[] = {"Senior Ruby Developer", "Full Stack Engineer", "Software Engineer in Test",
                        "Frontend Developer", "Site Reliability Engineer", "Data Engineer"};
  std::string page = "<html><body><main><h1>Remote programming jobs</h1><p>New jobs every day.</p><ul>";
  for (int i = 0; const char* job : jobs) {
    const char* kind = i % 3 == 2 ? "Contract" : "Full-Time";
    page += "<li class=job><a href=/j" + std::to_string(++i) + ">" + job + "</a><div class=company>Acme " + job +
            " Team</div><div class=kind>" + kind + "</div><div class=button>Quick view</div></li>";
  }
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  size_t full_time = 0;
  for (size_t at = article.text.find("Full-Time"); at != std::string::npos; at = article.text.find("Full-Time", at + 1))
    ++full_time;
  EXPECT_EQ(full_time, 4u) << article.text;
  EXPECT_TRUE(has(article.text, "Contract"));
  EXPECT_EQ(article.text.find("Quick view"), std::string::npos) << article.text;
}

const char* const kLaureates[] = {"Wilhelm Roentgen", "Hendrik Lorentz", "Pierre Curie", "Marie Curie",
                                  "Philipp Lenard"};

// A page of prose about prizes, then a table of laureates whose every cell
// but the year is a link, with a header row if `header_row`.
std::string laureates_page(std::string_view table_class, bool header_row) {
  std::string page = "<html><body><main><h1>List of laureates</h1>";
  for (int i = 0; i < 4; ++i)
    page += "<p>The prizes are awarded every year by the academy to people who have made outstanding "
            "contributions to physics, and each laureate receives a medal, a diploma and a sum of money.</p>";
  page += "<table class=\"" + std::string(table_class) + "\">";
  if (header_row) page += "<tr><th>Year</th><th><a href=/physics>Physics</a></th><th><a href=/peace>Peace</a></th></tr>";
  for (int i = 0; i < 5; ++i)
    page += "<tr><th>" + std::to_string(1901 + i) + "</th><td><a href=/p/" + std::to_string(i) + ">" +
            kLaureates[i] + "</a></td><td><a href=/q/" + std::to_string(i) + ">Peace laureate " +
            std::to_string(i) + "</a></td></tr>";
  page += "</table></main></body></html>";
  return page;
}

// A table of records is data though all its cells are links.
TEST(Listing, ATableOfLinkedRecordsUnderAHeaderRowIsKept) {
  Article article = lede::extract(laureates_page("wikitable", true));
  for (const char* name : kLaureates) EXPECT_TRUE(has(article.text, name));
}

// "sticky-header" names the table's header row, not the page's header.
TEST(Listing, ATableOfRecordsNamedAHeaderIsKept) {
  Article article = lede::extract(laureates_page("wikitable sticky-header", true));
  for (const char* name : kLaureates) EXPECT_TRUE(has(article.text, name));
}

// Without a header row naming columns, a table of links is a menu laid out
// in rows.
TEST(Listing, ATableOfLinksWithoutAHeaderRowIsCut) {
  Article article = lede::extract(laureates_page("wikitable", false));
  EXPECT_TRUE(has(article.text, "a medal, a diploma"));
  for (const char* name : kLaureates) EXPECT_EQ(article.text.find(name), std::string::npos) << article.text;
}

const char* const kPapers[] = {"Anatomy of Massive Activations", "Provably Unbiased Judges",
                               "Partial Information Puzzles", "Access and Inference in Introspection"};

// A page listing papers as a definition list: each term a paper's linked
// identifier, each description its title, `authors` and `subject`.
std::string papers_page(const std::function<std::string(int)>& authors,
                        const std::function<std::string(int)>& subject = [](int) { return "Machine Learning"; }) {
  std::string page = "<html><body><nav><a href=/>Home</a> <a href=/help>Help</a></nav><main><h1>Recent "
                     "submissions</h1><p>Showing 4 entries.</p><dl>";
  for (int i = 0; i < 4; ++i)
    page += "<dt><a href=/abs/" + std::to_string(i) + ">arXiv:2603.0549" + std::to_string(i) +
            "</a> [<a href=/pdf/" + std::to_string(i) + ">pdf</a>]</dt><dd><div class=title>Title: " +
            kPapers[i] + "</div><div class=authors>" + authors(i) +
            "</div><div class=subjects>Subjects: " + subject(i) + "</div></dd>";
  page += "</dl></main></body></html>";
  return page;
}

std::string author_link(const std::string& name) { return "<a href=/a/" + name + ">" + name + "</a>"; }

// Each paper's authors, linked and listed with commas, are the paper's own.
TEST(Listing, TheAuthorsOfRecordsInADefinitionListAreKept) {
  Article article = lede::extract(papers_page([](int i) {
    std::string n = std::to_string(i);
    return author_link("Ada Sun" + n) + ", " + author_link("Yan Lee" + n) + ", " + author_link("Jia Zhu" + n);
  }));
  for (const char* paper : kPapers) EXPECT_TRUE(has(article.text, paper));
  EXPECT_TRUE(has(article.text, "Ada Sun2, Yan Lee2, Jia Zhu2"));
}

// Links listed with commas that other items list too (topics drawn from one
// vocabulary) are a list of links still.
TEST(Listing, AnEnumerationOfLinksSharedWithOtherItemsIsCut) {
  Article article = lede::extract(papers_page([](int i) {
    const char* const topics[] = {"Robotics", "Vision", "Language", "Planning"};
    return author_link(topics[i % 4]) + ", " + author_link(topics[(i + 1) % 4]) + ", " +
           author_link(topics[(i + 2) % 4]);
  }));
  for (const char* paper : kPapers) EXPECT_TRUE(has(article.text, paper));
  EXPECT_EQ(article.text.find("Robotics"), std::string::npos) << article.text;
}

// Links of an item's own set apart by spaces, not commas, are its tags: a
// list of links, not a byline.
TEST(Listing, AnItemsOwnTagsWithoutCommasAreCut) {
  Article article = lede::extract(papers_page([](int i) {
    std::string n = std::to_string(i);
    return author_link("robotics-" + n) + " " + author_link("vision-" + n) + " " + author_link("planning-" + n);
  }));
  for (const char* paper : kPapers) EXPECT_TRUE(has(article.text, paper));
  EXPECT_EQ(article.text.find("vision-2"), std::string::npos) << article.text;
}

const char* const kLenses[] = {"Canon RF 7-14mm Fisheye Lens", "Nikon Z 70-200mm Zoom Lens",
                               "Tamron 35-100mm Portrait Lens", "Sigma 28-70mm Travel Lens"};

// A listing of lenses, each with `rating` under its name, beside a filter
// whose options are plain labels with counts.
std::string lenses_page(std::string_view rating) {
  std::string page = "<html><body><main><h1>Mirrorless lenses</h1><div class=filters><h3>Price</h3><div>";
  for (const char* option : {"$0 to $250 (39)", "$250 to $500 (73)", "$500 to $1000 (52)", "In Stock (1,168)"})
    page += std::string("<a class=option><span>") + option + "</span></a>";
  page += "</div></div><div class=grid>";
  for (int i = 0; const char* lens : kLenses) {
    ++i;
    page += "<div class=item><h2><a href=/l/" + std::to_string(i) + ">" + lens + "</a></h2><div class=rating>" +
            std::string(rating) + "</div><p>Sharp from edge to edge, light enough to carry all day, and sealed "
            "against rain and dust.</p><div class=price>$" + std::to_string(800 + 100 * i) + ".00</div></div>";
  }
  page += "</div></main></body></html>";
  return page;
}

// The options of a filter narrow the listing; they are not part of it.
TEST(Listing, FilterOptionsWithCountsAreCut) {
  Article article = lede::extract(lenses_page("Rated 4.5"));
  for (const char* lens : kLenses) EXPECT_TRUE(has(article.text, lens));
  EXPECT_EQ(article.text.find("In Stock"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("$250 to $500"), std::string::npos) << article.text;
}

// Stars or a score before a count in brackets: the number of reviews of a
// listed item, a value to keep.
TEST(Listing, ReviewCountsAfterStarsAreKept) {
  std::string page = "<html><body><main><h1>Free courses to learn to code</h1><p>We rated every free course we "
                     "took this year, and these are the ones our readers liked best.</p><ul>";
  for (const char* course : {"Elements of AI", "Full Stack Open", "Java Programming", "Ethics of AI"})
    page += std::string("<li>") + course + " \u2605\u2605\u2605\u2605\u2606(16)</li>";
  page += "</ul></main></body></html>";
  Article article = lede::extract(page);
  EXPECT_TRUE(has(article.text, "Full Stack Open \u2605\u2605\u2605\u2605\u2606(16)"));
}

// Items of a grid sharing a value ("Subjects: Artificial Intelligence") keep
// it each, however long it is.
TEST(Listing, ALongValueSharedByItemsOfAGridIsKeptInEach) {
  Article article = lede::extract(papers_page(
      [](int i) { return author_link("Ada Sun" + std::to_string(i)); },
      [](int i) { return i < 3 ? "Artificial Intelligence (cs.AI); Computation and Language" : "Robotics (cs.RO)"; }));
  const std::string shared = "Artificial Intelligence (cs.AI); Computation and Language";
  size_t first = article.text.find(shared);
  ASSERT_NE(first, std::string::npos) << article.text;
  size_t second = article.text.find(shared, first + 1);
  ASSERT_NE(second, std::string::npos) << article.text;
  EXPECT_NE(article.text.find(shared, second + 1), std::string::npos) << article.text;
}

// An item listed twice (promoted at the top, then in its place) is said
// once: none of its copy's text is its own.
TEST(Listing, AnItemListedTwiceInAGridIsKeptOnce) {
  std::string page = "<html><body><main><h1>Events this week</h1><div class=grid>";
  auto card = [](int i) {
    return "<div class=card><h3><a href=/e/" + std::to_string(i) + ">Evening meetup number " + std::to_string(i) +
           "</a></h3><div class=where>Makers club meeting " +
           std::string(i % 2 ? "at the old harbour warehouse" : "in the library reading room") + " for the " +
           std::to_string(i) + "th time</div></div>";
  };
  page += card(1);
  for (int i = 1; i <= 5; ++i) page += card(i);
  page += "</div></main></body></html>";
  Article article = lede::extract(page);
  const std::string blurb = "meeting at the old harbour warehouse for the 1th time";
  size_t first = article.text.find(blurb);
  ASSERT_NE(first, std::string::npos) << article.text;
  EXPECT_EQ(article.text.find(blurb, first + 1), std::string::npos) << article.text;
  EXPECT_TRUE(has(article.text, "for the 5th time"));
}

// An old news site wraps its whole page in a block named for the ads it once
// held ("outerAd"); its books page is teasers whose headings and blurbs are
// all links. The frame is no advert: the teasers are the page, not the one
// paragraph outside it (a note for browsers without the stylesheet).
TEST(Listing, TeasersInsideAFrameNamedForAdsAreKept) {
  const char* const books[] = {"The tale of the quiet harbour", "Beyond the northern lights",
                               "A winter book of small hours", "Letters from the lighthouse"};
  std::string page =
      "<html><head><title>Books - headlines</title></head><body><p>Please note: your browser has been "
      "unable to load the stylesheet that accompanies this page. The page is still readable.</p>"
      "<div id=outerAd><div id=header><a href=/>The Daily</a></div><div id=content><h1>Books</h1>";
  for (const char* book : books)
    page += std::string("<div class=row><h3><a href=/b>") + book + "</a></h3><h4><a href=/b>book review</a></h4>"
            "<p><a href=/b>" + book + ", reviewed: a patient, funny and generous story of a coast and the "
            "people who keep its lights burning through the storms.</a></p></div>";
  page += "</div></div></body></html>";
  Article article = lede::extract(page);
  for (const char* book : books) EXPECT_TRUE(has(article.text, book));
}

}  // namespace
