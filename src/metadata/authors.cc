#include "metadata/authors.h"

#include <algorithm>
#include <cstdint>

#include "metadata/byline.h"
#include "metadata/dates.h"
#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;

void add_credits(Credits& out, const Credits& more) {
  merge_names(out.persons, more.persons);
  merge_names(out.organisations, more.organisations);
}

constexpr size_t kMaxBylineChars = 100;
// How far (in nodes) a byline may sit before or after the headline.
constexpr uint32_t kBylineBefore = 150;
constexpr uint32_t kBylineAfter = 600;

// itemprop=author: a Person item's name, or the element's own text.
std::string microdata_author(const Node* n) {
  if (n->has_attr("itemscope")) {
    if (contains_ignore_case(n->attr("itemtype"), "Organization")) return {};
    Node* scope = const_cast<Node*>(n);
    for (Node* d : dom::subtree(scope)) {
      if (d == scope || !d->is_element() || !contains_ignore_case(d->attr("itemprop"), "name")) continue;
      return d->has_attr("content") ? std::string(d->attr("content")) : element_text(d, true);
    }
  }
  return n->has_attr("content") ? std::string(n->attr("content")) : element_text(n, true);
}

// The item an itemprop belongs to: its nearest itemscope ancestor.
const Node* owning_item(const Node* n) {
  for (const Node* p = n->parent; p; p = p->parent)
    if (p->has_attr("itemscope")) return p;
  return nullptr;
}

// The authors of the first item that declares any: a forum thread's opening
// post, not every reply; all co-authors of one article. (Reviews, comments
// and answers never reach here: the scan skips them.)
Credits microdata_authors(const PageScan& scan, const NonPersons& np) {
  Credits out;
  const Node* first_item = nullptr;
  for (const Node* n : scan.itemprops) {
    std::string_view prop = n->attr("itemprop");
    if (!contains_ignore_case(prop, "author") && !contains_ignore_case(prop, "creator")) continue;
    const Node* item = owning_item(n);
    if (first_item && item != first_item) continue;
    first_item = item;
    std::string text = microdata_author(n);
    if (text.size() <= kMaxBylineChars) add_credits(out, read_credits(text, np));
  }
  return out;
}

bool near_headline(const Node* n, const Node* headline) {
  return n->index + kBylineBefore >= headline->index && n->index <= headline->index + kBylineAfter;
}

bool is_container(const Node* n) {
  return n->is(dom::Tag::body) || n->is(dom::Tag::html) || n->is(dom::Tag::article) || n->is(dom::Tag::main);
}

// The alt text of an author photo, for bylines that show only a picture.
std::string image_alt(const Node* n) {
  Node* scope = const_cast<Node*>(n);
  for (Node* d : dom::subtree(scope))
    if (d->is(dom::Tag::img) && !trim(d->attr("alt")).empty()) return std::string(d->attr("alt"));
  return {};
}

// rel=author, or a class like "byline", "author-name", on the element or
// close above it (<div class=author><a class=name>).
bool is_marked_byline(const Node* n) {
  constexpr int kLevels = 3;
  for (int level = 0; n && level < kLevels && !is_container(n); ++level, n = n->parent) {
    if (contains_ignore_case(n->attr("rel"), "author") || class_or_id_contains(n, "byline") ||
        class_or_id_contains(n, "author"))
      return true;
  }
  return false;
}

// The sibling before `n` that readers see: no blank text, no comment
// ("Written by<!-- --> <a>" from templating).
const Node* shown_before(const Node* n) {
  const Node* before = n->prev;
  while (before && (before->is_text() ? trim(before->data).empty() : !before->is_element())) before = before->prev;
  return before;
}

std::string shown_text(const Node* n) { return n->is_text() ? std::string(n->data) : element_text(n, true); }

// The label just before a byline element, at its level or its parent's:
// <span>By</span> <a>Jane Roe</a>, <span>Reviewed by</span> <div><a>John Doe</a></div>.
Label label_before(const Node* n) {
  constexpr int kLevels = 2;
  for (int level = 0; n && level < kLevels; ++level, n = n->parent) {
    const Node* before = shown_before(n);
    if (before) return byline_label(shown_text(before));
  }
  return Label::none;
}

bool opens_with_label(std::string_view text) {
  for (std::string_view label : {"by ", "written by", "posted by", "von ", "par ", "por "})
    if (starts_with_ignore_case(text, label)) return true;
  return false;
}

// "Jane Roe" of "By: Jane Roe"; empty without a label.
std::string_view after_label(std::string_view text) {
  if (!opens_with_label(text)) return {};
  std::string_view rest = text.substr(text.find(' ') + 1);
  if (starts_with_ignore_case(rest, "by ")) rest.remove_prefix(3);  // "Written by"
  return trim(rest);
}

// A <time> in the small block around `n`: "by ibby" beside its post's date
// is a byline, "By stage" in a menu is not.
bool beside_time(const Node* n) {
  constexpr int kLevels = 2;
  constexpr size_t kMaxBlockNodes = 60;
  for (int level = 0; n && level < kLevels && !is_container(n); ++level, n = n->parent) {
    size_t seen = 0;
    Node* scope = const_cast<Node*>(n);
    for (Node* d : dom::subtree(scope)) {
      if (d->is(dom::Tag::time)) return true;
      if (++seen > kMaxBlockNodes) return false;
    }
  }
  return false;
}

// "Amanda", "MixmasterFred", "ibby": one word, a name only as the whole of a
// labelled byline (when lower-case, beside a date), right after a label when
// capitalised ("by Amanda Jones" cut short), or where the markup says it is
// one and alone in its element (not "Sign" of "Sign In", "Topic" of "Topic
// Author").
bool is_marked_handle(const Node* byline, std::string_view text, std::string_view name) {
  if (name.size() < 3 || name.find(' ') != std::string_view::npos) return false;
  bool capitalised = name[0] >= 'A' && name[0] <= 'Z';
  std::string_view labelled = after_label(text);
  if (labelled == name && (capitalised || beside_time(byline))) return true;
  if (capitalised && (label_before(byline) == Label::writer || labelled.starts_with(name))) return true;
  if (!is_marked_byline(byline)) return false;
  Node* scope = const_cast<Node*>(byline);
  for (Node* d : dom::subtree(scope))
    if (d->is_text() && dom::equals_ignore_case(trim(d->data), name)) return true;
  return false;
}

// "by signing up" is no name, though read_credits() capitalises it; "JANE
// ROE" is.
bool written_in(std::string_view text, std::string_view name) {
  std::string lower_text = to_lower_ascii(text), lower_name = to_lower_ascii(name);
  size_t at = lower_text.find(lower_name);
  return at != std::string::npos && text.substr(at, name.size()) != lower_name;
}

// Credits in the text of a byline element. Page text is no meta value: a
// person's name there must be written like one.
Credits text_credits(const Node* n, std::string_view text, const NonPersons& np) {
  Credits credits = read_credits(text, np);
  std::erase_if(credits.persons, [&](const std::string& name) {
    bool written_name = looks_like_written_name(name) && written_in(text, name);
    return !written_name && !is_marked_handle(n, text, name);
  });
  // "Paul Frew, Home and Digital Security Expert": beside a full name, one
  // word is a leftover of the job.
  if (std::any_of(credits.persons.begin(), credits.persons.end(), looks_like_written_name))
    std::erase_if(credits.persons, [](const std::string& name) { return !looks_like_written_name(name); });
  // "by Andy Howell, Western Mail": on the page, co-authors are joined by
  // "and"; a name after a lone comma is the writer's paper or post.
  bool lone_comma = std::count(text.begin(), text.end(), ',') == 1 && text.find('&') == std::string_view::npos &&
                    text.find(';') == std::string_view::npos && !contains_ignore_case(text, " and ");
  if (lone_comma && credits.persons.size() == 2) credits.persons.pop_back();
  return credits;
}

// Where a line of facts names something other than its writer: a link to a
// section or a tag ("in <a>Project Management</a>", unless it goes to the
// writer's page), a button ("Facebook Messenger"), a cited source or a
// title of a work (<cite>, <i>, <em>), a heading.
bool names_other_thing(const Node* leaf, const Node* block) {
  for (const Node* n = leaf->parent; n && n != block->parent; n = n->parent) {
    if (n->is(dom::Tag::a) && !n->attr("href").empty() && !contains_ignore_case(n->attr("href"), "author"))
      return true;
    if (n->is(dom::Tag::button) || n->is(dom::Tag::cite) || n->is(dom::Tag::i) || n->is(dom::Tag::em) ||
        dom::is_heading(n->tag))
      return true;
  }
  return false;
}

// "Jane Roe" of "Jane Roe in": a piece of a line of facts that is a name and
// nothing else (but a clause word after it), written like one.
std::string whole_name(std::string_view piece, const NonPersons& np) {
  std::string name = collapse_whitespace(piece);
  // "Source: Xinhua": a label, and whatever follows it is no written name.
  if (name.find(':') != std::string::npos || name.find("：") != std::string::npos) return {};
  for (std::string_view clause : {" in", " on"})
    if (name.ends_with(clause)) name.resize(name.size() - clause.size());
  constexpr size_t kMaxNameWords = 3;
  size_t spaces = std::count(name.begin(), name.end(), ' ');
  if (spaces < 1 || spaces >= kMaxNameWords) return {};
  Credits credits = read_credits(name, np);
  bool only_name = credits.persons.size() == 1 && credits.persons[0] == name && looks_like_written_name(name);
  return only_name ? name : std::string();
}

// The separators of a line of facts: "Jane Roe | May 3, 2024 · 4 min read".
std::vector<std::string_view> line_pieces(std::string_view text) {
  return split_at_separators(text, [](std::string_view s, size_t i) -> size_t {
    if (s[i] == '|') return 1;
    for (std::string_view symbol : {"·", "•", "∙", "—", "–"})
      if (s.substr(i).starts_with(symbol)) return symbol.size();
    return 0;
  });
}

// The first name standing alone in a piece of a short block, away from
// links to sections and from credits of other roles ("Reviewed by").
std::string name_in_line(const Node* block, const NonPersons& np) {
  Node* scope = const_cast<Node*>(block);
  for (Node* leaf : dom::subtree(scope)) {
    if (!leaf->is_text() || names_other_thing(leaf, block) || label_before(leaf) == Label::other_role) continue;
    for (std::string_view piece : line_pieces(leaf->data)) {
      std::string name = whole_name(piece, np);
      if (!name.empty()) return name;
    }
  }
  return {};
}

// A byline element that holds no name, only a label ("Written by", "The
// Author") or a photo without alt text: the name is beside it.
bool is_bare_label(std::string_view text) {
  if (text.empty() || byline_label(text) == Label::writer) return true;
  return !opens_with_label(std::string(text) + " ") && is_only_roles(text);
}

// Credits in a byline element or, when it is a bare label, in its parents
// (still short).
Credits byline_credits(const Node* n, const NonPersons& np) {
  constexpr int kLevels = 3;
  for (int level = 0; n && level < kLevels && !is_container(n); ++level, n = n->parent) {
    std::string text = element_text(n, true);
    if (text.size() > kMaxBylineChars) break;
    if (text.empty()) text = image_alt(n);
    Credits credits = text_credits(n, text, np);
    if (!credits.persons.empty() || !credits.organisations.empty()) return credits;
    // "Dec 17, 2025 Julian K. Arni": the date first, the name in a piece of its own.
    if (read_date_in_text(text)) {
      if (std::string name = name_in_line(n, np); !name.empty()) return Credits{{std::move(name)}, {}};
    }
    if (!is_bare_label(text)) break;
  }
  return {};
}

bool is_inside(const Node* n, const Node* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

// "Written by", "Posted by": a label no other credit uses, so a byline it
// opens counts wherever it stands (some templates put it after the
// article). "Author:" and "By:" count anywhere after the headline: before
// one, they may sign a teaser card.
bool opens_with_writer_label(std::string_view text, bool after_headline) {
  text = trim(text);
  for (std::string_view label : {"written by", "posted by", "authored by", "article by", "story by", "words by"})
    if (starts_with_ignore_case(text, label)) return true;
  // "Article written by:", "This post was written by"
  constexpr size_t kMaxLabel = 30;
  if (contains_ignore_case(text.substr(0, kMaxLabel), "written by")) return true;
  if (!after_headline) return false;
  for (std::string_view label : {"author:", "authors:", "by:"})
    if (starts_with_ignore_case(text, label)) return true;
  return false;
}

bool has_writer_label(const Node* n, const Node* headline) {
  bool after_headline = headline && n->index > headline->index;
  const Node* before = shown_before(n);
  return (before && opens_with_writer_label(shown_text(before), after_headline)) ||
         opens_with_writer_label(element_text(n, true), after_headline);
}

// The innermost byline elements first: "author-box" holds a bio, its
// "author-name" only the name (and the climb from it reaches the box anyway).
// The first that names a person wins, or an organisation credited with
// "By" before it ("By The Verge Staff" before a "Full Bio" link); else the
// first organisation.
Credits visible_byline(const PageScan& scan, const NonPersons& np, const Node* headline, bool is_article) {
  const std::vector<const Node*>& all = scan.bylines;
  Credits found;
  for (size_t i = 0; i < all.size(); ++i) {
    const Node* n = all[i];
    if (i + 1 < all.size() && is_inside(all[i + 1], n)) continue;
    // Without a headline to stand beside, on a page that is no article (a
    // product, a service with testimonials), only an explicit byline counts.
    bool placed = headline ? near_headline(n, headline) : is_article || is_marked_byline(n);
    if (!placed && !has_writer_label(n, headline)) continue;
    Label label = label_before(n);
    if (label == Label::other_role) continue;
    Credits credits = byline_credits(n, np);
    bool labelled = label == Label::writer || opens_with_label(element_text(n, true));
    if (!credits.persons.empty() || (!credits.organisations.empty() && labelled))
      return credits;
    if (found.organisations.empty()) found.organisations = std::move(credits.organisations);
  }
  return found;
}

// The line of facts under a headline, without a label or a byline class:
// "Aaron Ricadela | Senior Writer | July 2, 2025", "Dec 26, 2025 • Mahua Das
// in Design". Beside the date, a name written like one is the writer's.
Credits dateline_names(const PageScan& scan, const NonPersons& np, const Node* headline) {
  constexpr uint32_t kMaxNodesAfterHeadline = 80;
  constexpr size_t kMaxLineChars = 150;
  constexpr int kLevels = 3;
  if (!headline) return {};
  for (const Node* t : scan.year_texts) {
    if (t->index < headline->index) continue;
    if (t->index > headline->index + kMaxNodesAfterHeadline) break;
    if (!read_date_in_text(t->data)) continue;
    const Node* block = t->parent;
    for (int level = 0; level < kLevels && block && !is_container(block); ++level, block = block->parent) {
      if (element_text(block, true).size() > kMaxLineChars) break;
      std::string name = name_in_line(block, np);
      if (!name.empty()) return Credits{{std::move(name)}, {}};
    }
  }
  return {};
}

// A thread credits its opening post's writer by the handle they chose,
// which no byline reader takes for a name: the first user name on the page
// (the innermost element of a "username_container" with its menu).
Credits opening_poster(const PageScan& scan, const NonPersons& np) {
  const std::vector<const Node*>& all = scan.user_names;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i + 1 < all.size() && is_inside(all[i + 1], all[i])) continue;
    std::string handle = read_handle(element_text(all[i], true), np);
    if (!handle.empty()) return Credits{{std::move(handle)}, {}};
  }
  return {};
}

// citation_author "Roe, Jane" -> "Jane Roe".
std::string natural_order(std::string_view name) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) return std::string(name);
  return collapse_whitespace(std::string(name.substr(comma + 1)) + " " + std::string(name.substr(0, comma)));
}

constexpr std::string_view kAuthorMetaKeys[] = {
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", "citation_author", "byl", "og:article:author",
};

// Twitter's reading-time card pairs labels with values: label1 "Written by",
// data1 "Jane Roe".
std::string_view twitter_card_author(const PageScan& scan) {
  for (char slot = '1'; slot <= '4'; ++slot) {
    std::string label = "twitter:label";
    label += slot;
    std::string_view text = scan.meta(label);
    if (dom::equals_ignore_case(text, "written by") || dom::equals_ignore_case(text, "author"))
      return scan.meta("twitter:data" + std::string(1, slot));
  }
  return {};
}

// The sources in order of trust: the first to name a person gives the
// authors; failing all, the first to credit an organisation.
class AuthorCascade {
 public:
  // True once a person is named.
  bool offer(Credits credits, Source source) {
    if (!credits.persons.empty()) {
      persons_ = {std::move(credits.persons), source};
      return true;
    }
    if (organisations_.value.empty()) organisations_ = {std::move(credits.organisations), source};
    return false;
  }

  bool credits_anyone() const { return !persons_.value.empty() || !organisations_.value.empty(); }

  Sourced<std::vector<std::string>> result() && {
    return persons_.value.empty() ? std::move(organisations_) : std::move(persons_);
  }

 private:
  Sourced<std::vector<std::string>> persons_{{}, Source::byline};
  Sourced<std::vector<std::string>> organisations_{{}, Source::byline};
};

// A declared Person with a full name may share the site's name: a personal
// blog (an empty set of non-persons lets it through). A declared
// Organization is credited as one, whatever its name looks like.
Credits jsonld_credits(const JsonLdFacts& jsonld, const NonPersons& non_persons) {
  Credits credits;
  for (const JsonLdAuthor& a : jsonld.authors) {
    if (a.organisation) {
      std::string credit = organisation_credit(a.name);
      if (!credit.empty()) merge_names(credits.organisations, {credit});
      continue;
    }
    bool own_name = a.typed_person && is_full_name(a.name);
    add_credits(credits, read_credits(a.name, own_name ? NonPersons() : non_persons));
  }
  return credits;
}

Credits meta_credits(const PageScan& scan, std::string_view key, const NonPersons& non_persons) {
  Credits credits;
  for (std::string_view value : scan.metas_named(key))
    add_credits(credits, read_credits(key == "citation_author" ? natural_order(value) : std::string(value), non_persons));
  return credits;
}

}  // namespace

Sourced<std::vector<std::string>> find_authors(const PageScan& scan, const JsonLdFacts& jsonld,
                                               NonPersons non_persons, const dom::Node* headline,
                                               bool forum_thread) {
  for (const std::string& org : jsonld.organisations) non_persons.names.add(org);
  bool is_article = jsonld.has_article || dom::equals_ignore_case(scan.meta("og:type"), "article");
  AuthorCascade cascade;
  auto done = [&](Credits credits, Source source) { return cascade.offer(std::move(credits), source); };
  bool found = done(jsonld_credits(jsonld, non_persons), Source::json_ld);
  for (std::string_view key : kAuthorMetaKeys) {
    if (found) break;
    found = done(meta_credits(scan, key, non_persons), key.starts_with("article:") ? Source::opengraph : Source::meta);
  }
  found = found || done(read_credits(twitter_card_author(scan), non_persons), Source::meta);
  found = found || done(microdata_authors(scan, non_persons), Source::microdata);
  found = found || done(visible_byline(scan, non_persons, headline, is_article), Source::byline);
  found = found || (forum_thread && done(opening_poster(scan, non_persons), Source::byline));
  // Last, as it reads names from unlabelled text: only where nothing else credits anyone.
  found = found || (!cascade.credits_anyone() && done(dateline_names(scan, non_persons, headline), Source::byline));
  return std::move(cascade).result();
}

}  // namespace lede::metadata
