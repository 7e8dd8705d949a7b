#include "metadata/published.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "dom/tags.h"
#include "metadata/datelines.h"
#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;

// How far (in bytes of visible text) a dateline may sit before or after the
// headline. One before it (a kicker with the date above the title) is rarer
// than one after it, and sidebars come before articles more often than after
// them. Text, not nodes: icons and wrappers add nodes readers do not see.
constexpr uint32_t kDateBefore = 400;
constexpr uint32_t kDateAfter = 3000;
constexpr uint32_t kBeforePenalty = 3;
// Timestamps this close (in seconds) name the same moment.
constexpr long long kSameInstantSeconds = 120;

// Meta keys naming the original publication date, strongest first.
constexpr std::string_view kPublishedMetaKeys[] = {
    "article:published_time", "article:published", "og:article:published_time",
    "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date",
    "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "article.published", "article_date_original", "original-publish-date",
    "originalpublicationdate", "publish-date", "publish_date", "publishdate", "published-date",
    "published_date", "publication_date", "published", "pubdate", "datecreated", "date",
};

// Meta keys naming the last revision.
constexpr std::string_view kModifiedMetaKeys[] = {
    "article:modified_time", "og:updated_time", "article:modified", "og:article:modified_time",
    "datemodified", "dc.date.modified", "dcterms.modified", "modified_time", "modified-date",
    "modified-time", "last-modified", "lastmod", "updated_time", "updated_at",
};

// "w-published-date", "ms.date": other names publishers give the
// publication date. Not "publisher", and not expiry dates.
bool is_other_published_key(std::string_view key) {
  for (std::string_view other : {"modif", "updat", "publisher", "expir", "end", "start"})
    if (contains_ignore_case(key, other)) return false;
  return contains_ignore_case(key, "publish") || key.ends_with(".date");
}

Source meta_source(std::string_view key) {
  if (key.starts_with("article:") || key.starts_with("og:")) return Source::opengraph;
  if (key == "datepublished" || key == "datecreated" || key == "datemodified") return Source::microdata;
  return Source::meta;
}

struct Found {
  CalendarDate date;
  Source source;
};
using MaybeFound = std::optional<Found>;

MaybeFound found(std::optional<CalendarDate> date, Source source) {
  if (!date) return std::nullopt;
  return Found{*date, source};
}

// A dateline and how far it stands from the headline.
struct PlacedDateline {
  Dateline line;
  uint32_t rank;       // smaller is closer
  bool near;           // within the window around the headline
  bool beside_headline;  // in the few lines right after it, not in it
  bool marked;         // a <time> whose markup says what it is
};

class DateFinder {
 public:
  DateFinder(const PageScan& scan, const JsonLdFacts& jsonld, const Node* headline, std::string_view url,
             DayOrder order)
      : scan_(scan), jsonld_(jsonld), headline_(headline), order_(order), url_date_(date_from_url(url)) {
    measure_text();
    read_datelines();
  }

  PageDates find(bool guess) {
    MaybeFound published = find_published();
    if (published) published = earlier_shown(*published);
    // A page whose dateline says only "Updated March 3, 2024" is dated by it:
    // readers see no other date. Machine-readable revision dates alone are
    // not: every page of some sites carries one; nor is "Last updated" at the
    // end of a page, which documentation pages carry.
    if (!published) published = visible_revision(true);
    if (!published && guess) published = found(date_in_running_text(), Source::text);
    MaybeFound modified = find_modified();
    if (published) settle(published->date);
    if (modified) settle(modified->date);
    if (modified && published && modified->date.days_after(published->date) < 0) modified.reset();
    PageDates dates;
    if (published) dates.published = Sourced<std::string>{published->date.iso(), published->source};
    if (modified) dates.modified = Sourced<std::string>{modified->date.iso(), modified->source};
    return dates;
  }

 private:
  MaybeFound find_published() const {
    if (MaybeFound f = found(read_date_value(jsonld_.date_published, order_), Source::json_ld)) return f;
    if (MaybeFound f = from_meta(kPublishedMetaKeys)) return f;
    if (MaybeFound f = from_other_meta()) return f;
    if (MaybeFound f = from_microdata(false)) return f;
    if (MaybeFound f = first_dateline(false, [](const PlacedDateline& p) { return p.marked; })) return f;
    if (MaybeFound f = found(read_date_value(jsonld_.page_date_published, order_), Source::json_ld)) return f;
    if (MaybeFound f = visible_publication()) return f;
    return found(url_date_, Source::url);
  }

  MaybeFound find_modified() const {
    if (MaybeFound f = found(read_date_value(jsonld_.date_modified, order_), Source::json_ld)) return f;
    if (MaybeFound f = from_meta(kModifiedMetaKeys)) return f;
    if (MaybeFound f = from_microdata(true)) return f;
    return visible_revision(false);
  }

  MaybeFound from_meta(std::span<const std::string_view> keys) const {
    for (std::string_view key : keys)
      for (std::string_view value : scan_.metas_named(key))
        if (MaybeFound f = found(read_date_value(value, order_), meta_source(key))) return f;
    return std::nullopt;
  }

  MaybeFound from_other_meta() const {
    for (const MetaTag& m : scan_.metas)
      if (is_other_published_key(m.key))
        if (MaybeFound f = found(read_date_value(m.content, order_), meta_source(m.key))) return f;
    return std::nullopt;
  }

  // Of several items (the posts of a thread), the one by the headline.
  MaybeFound from_microdata(bool modified) const {
    MaybeFound best;
    uint32_t best_rank = UINT32_MAX;
    for (const Node* n : scan_.itemprops) {
      std::string_view prop = n->attr("itemprop");
      bool wanted = modified ? contains_ignore_case(prop, "datemodified")
                             : contains_ignore_case(prop, "datepublished") || contains_ignore_case(prop, "datecreated");
      if (!wanted || rank(n) >= best_rank) continue;
      std::optional<CalendarDate> date;
      for (std::string_view attr : {"datetime", "content"})
        if (!date && n->has_attr(attr)) date = read_date_value(n->attr(attr), order_);
      if (std::optional<Dateline> line = date ? std::nullopt : read_dateline(n, order_))
        date = line->published ? line->published : line->modified;
      if (!date) continue;
      best = Found{*date, Source::microdata};
      best_rank = rank(n);
    }
    return best;
  }

  // The closest dateline that `wanted` accepts and that has a publication
  // (or with `modified`, a revision) date.
  template <class Wanted>
  MaybeFound first_dateline(bool modified, Wanted wanted) const {
    for (const PlacedDateline& p : lines_) {
      const std::optional<CalendarDate>& date = modified ? p.line.modified : p.line.published;
      if (date && wanted(p)) return Found{*date, p.line.source};
    }
    return std::nullopt;
  }

  // What readers see: "Originally published ..." anywhere; then by the
  // headline, a labelled date ("Posted on ...") before a bare one; then a
  // labelled date anywhere ("Published 2 February 2023" at the end).
  MaybeFound visible_publication() const {
    if (MaybeFound f = first_dateline(false, [](const PlacedDateline& p) { return p.line.original; })) return f;
    if (MaybeFound f = first_dateline(false, [](const PlacedDateline& p) { return p.near && p.line.labelled; }))
      return f;
    if (MaybeFound f = first_dateline(false, [](const PlacedDateline& p) { return p.near; })) return f;
    return first_dateline(false, [](const PlacedDateline& p) { return p.line.labelled; });
  }

  // A site that moved to a new system often declares the move's date as
  // every old story's datePublished, while the dateline under the headline
  // still shows the first publication: an earlier date shown there wins.
  MaybeFound earlier_shown(const Found& declared) const {
    constexpr int kMinDaysEarlier = 2;  // not a time zone's difference
    for (const PlacedDateline& p : lines_) {
      if (!p.beside_headline) continue;
      // ("01/12/2025" may be either day: no ground to overrule the declaration.)
      if (!p.line.published || p.line.original || p.line.published->order_guessed) break;
      if (declared.date.days_after(*p.line.published) >= kMinDaysEarlier) return Found{*p.line.published, p.line.source};
      break;
    }
    return declared;
  }

  // "Updated March 3, 2024" by the headline, else a labelled revision date
  // anywhere ("Last updated: ..." at the article's end).
  MaybeFound visible_revision(bool near_only) const {
    if (MaybeFound f = first_dateline(true, [](const PlacedDateline& p) { return p.near; })) return f;
    if (near_only) return std::nullopt;
    return first_dateline(true, [](const PlacedDateline& p) { return p.line.labelled; });
  }

  // Without a headline, document order.
  uint32_t rank(const Node* n) const {
    if (!headline_) return n->index;
    uint32_t at = text_offset(n), headline = text_offset(headline_);
    if (at >= headline) return at - headline;
    return (headline - at) * kBeforePenalty;
  }

  bool near_headline(const Node* n) const {
    if (!headline_) return true;
    uint32_t at = text_offset(n), headline = text_offset(headline_);
    if (at >= headline) return at - headline <= kDateAfter;
    return headline - at <= kDateBefore;
  }

  bool beside_headline(const Node* n) const {
    constexpr uint32_t kBesideAfter = 800;
    if (!headline_) return false;
    for (const Node* a = n; a; a = a->parent)
      if (a == headline_) return false;  // "2024.4.4 -> 2024.5.0 issue": a version, in the headline
    uint32_t at = text_offset(n), headline = text_offset(headline_);
    return at >= headline && at - headline <= kBesideAfter;
  }

  uint32_t text_offset(const Node* n) const { return n->index < text_offsets_.size() ? text_offsets_[n->index] : 0; }

  // Bytes of visible text before each node, by node index.
  void measure_text() {
    if (!headline_) return;
    const Node* root = headline_;
    while (root->parent) root = root->parent;
    uint32_t offset = 0;
    for (const Node* n = root; n;) {
      // Indexes mostly grow by one a node: push_back, where a resize call
      // for each node cost more than the walk.
      while (text_offsets_.size() <= n->index) text_offsets_.push_back(offset);
      text_offsets_[n->index] = offset;
      if (n->is_element() && dom::is_invisible(n->tag)) {
        n = dom::next_skipping_children(n, root);
        continue;
      }
      if (n->is_text()) offset += static_cast<uint32_t>(n->data.size());
      n = dom::next_in_preorder(n, root);
    }
  }

  void add_dateline(const Node* n) {
    std::optional<Dateline> line = read_dateline(n, order_);
    if (!line) return;
    bool marked = n->is(dom::Tag::time) && line->marked_up && line->published;
    lines_.push_back({*line, rank(n), near_headline(n), beside_headline(n), marked});
  }

  // Every candidate dateline, closest to the headline first.
  void read_datelines() {
    for (const std::vector<const Node*>* list : {&scan_.times, &scan_.dated, &scan_.bylines, &scan_.year_texts})
      for (const Node* n : *list) add_dateline(n);
    std::stable_sort(lines_.begin(), lines_.end(),
                     [](const PlacedDateline& a, const PlacedDateline& b) { return a.rank < b.rank; });
  }

  // Every date the page states, to check one reading against the others.
  std::vector<CalendarDate> stated_dates() const {
    std::vector<CalendarDate> dates;
    for (const PlacedDateline& p : lines_)
      for (const std::optional<CalendarDate>& d : {p.line.published, p.line.modified})
        if (d && !d->order_guessed) dates.push_back(*d);
    if (url_date_) dates.push_back(*url_date_);
    auto add_value = [&](std::string_view value) {
      std::optional<CalendarDate> d = read_date_value(value, order_);
      if (d && !d->order_guessed) dates.push_back(*d);
    };
    for (const MetaTag& m : scan_.metas) add_value(m.content);
    for (std::string_view v : {jsonld_.date_published, jsonld_.date_modified, jsonld_.page_date_published}) add_value(v);
    return dates;
  }

  void settle(CalendarDate& date) const {
    if (date.order_guessed) resolve_order(date);
    localize(date);
  }

  // "03/10/2023" read as March 10th, while the URL (or another date on the
  // page) says October 3rd: take the reading the page confirms.
  void resolve_order(CalendarDate& date) const {
    std::optional<CalendarDate> other = date.swapped();
    if (!other) return;
    bool confirmed = false, other_confirmed = false;
    for (const CalendarDate& d : stated_dates()) {
      confirmed = confirmed || d.same_day(date);
      other_confirmed = other_confirmed || d.same_day(*other);
    }
    if (other_confirmed && !confirmed) date = *other;
  }

  // Timestamps in UTC (or without an offset) name the right moment but may
  // fall on the next or previous day for the publisher: the day the page
  // itself states is the day of publication.
  void localize(CalendarDate& date) const {
    if (!date.has_time || (date.has_offset && date.offset_minutes != 0)) return;
    if (date.has_offset && same_instant_elsewhere(date)) return;
    std::optional<CalendarDate> local = url_date_;
    if (!local) local = nearest_stated_day();
    if (!local) return;
    int shift = local->days_after(date);
    bool possible = !date.has_offset || (shift == -1 && date.hour < 12) || (shift == 1 && date.hour >= 10);
    if ((shift == 1 || shift == -1) && possible) date = *local;
  }

  // The same moment at the publisher's own offset, from a <time> or meta tag.
  bool same_instant_elsewhere(CalendarDate& date) const {
    auto try_value = [&](std::string_view value) {
      std::optional<CalendarDate> d = read_date_value(value, order_);
      if (!d || !d->has_time || !d->has_offset || d->offset_minutes == 0) return false;
      if (std::llabs(d->epoch_seconds() - date.epoch_seconds()) > kSameInstantSeconds) return false;
      date = date.at_offset(d->offset_minutes);
      return true;
    };
    for (const Node* n : scan_.times)
      if (try_value(n->attr("datetime"))) return true;
    for (const MetaTag& m : scan_.metas)
      if (try_value(m.content)) return true;
    return false;
  }

  std::optional<CalendarDate> nearest_stated_day() const {
    for (const PlacedDateline& p : lines_)
      if (p.near && p.line.published) {
        CalendarDate day = *p.line.published;
        day.has_time = false;
        return day;
      }
    return std::nullopt;
  }

  // The first date in the text after the headline: the last resort of
  // --guess, since running text mentions many dates.
  std::optional<CalendarDate> date_in_running_text() const {
    if (!headline_) return std::nullopt;
    const Node* root = headline_;
    while (root->parent) root = root->parent;
    for (const Node* n = headline_; n;) {
      if (n->is_element() && dom::is_invisible(n->tag)) {
        n = dom::next_skipping_children(n, root);
        continue;
      }
      if (n->is_text())
        if (std::optional<CalendarDate> date = read_date_in_text(n->data, order_)) return date;
      n = dom::next_in_preorder(n, root);
    }
    return std::nullopt;
  }

  const PageScan& scan_;
  const JsonLdFacts& jsonld_;
  const Node* headline_;
  DayOrder order_;
  std::optional<CalendarDate> url_date_;
  std::vector<PlacedDateline> lines_;
  std::vector<uint32_t> text_offsets_;
};

}  // namespace

PageDates find_dates(const PageScan& scan, const JsonLdFacts& jsonld, const dom::Node* headline,
                     std::string_view url, DayOrder order, bool guess) {
  return DateFinder(scan, jsonld, headline, url, order).find(guess);
}

}  // namespace lede::metadata
