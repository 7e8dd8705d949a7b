#include "metadata/published.h"

#include <algorithm>
#include <cstdint>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;

// How far (in nodes) a date may sit before or after the headline.
constexpr uint32_t kDateBefore = 150;
constexpr uint32_t kDateAfter = 600;
constexpr size_t kMaxDatedTextBytes = 120;

// Meta keys naming the original publication date, strongest first.
constexpr std::string_view kPublishedMetaKeys[] = {
    "article:published_time", "article:published", "og:article:published_time",
    "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date",
    "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "article.published", "article_date_original", "original-publish-date",
    "originalpublicationdate", "publish-date", "publish_date", "publishdate", "pubdate",
    "datecreated", "date",
};

bool is_modified_date(const Node* n) {
  return class_or_id_contains(n, "modif") || class_or_id_contains(n, "updated") ||
         contains_ignore_case(n->attr("itemprop"), "modified");
}

bool near_headline(const Node* n, const Node* headline) {
  if (!headline) return true;
  return n->index + kDateBefore >= headline->index && n->index <= headline->index + kDateAfter;
}

// "May 3, 2024 - Updated June 1, 2024" -> "May 3, 2024 - ": the text before
// any mention of a revision.
std::string_view before_update(std::string_view text) {
  size_t cut = text.size();
  for (std::string_view word : {"updat", "modif", "edited", "revised", "aktualisiert", "mis à jour", "actualiz"}) {
    auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                          [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
    cut = std::min(cut, static_cast<size_t>(it - text.begin()));
  }
  return text.substr(0, cut);
}

// A date carried by an element: its machine-readable attribute, else its text.
std::string element_date(const Node* n, DayOrder order) {
  for (std::string_view attr : {"datetime", "content"})
    if (n->has_attr(attr)) return parse_date_value(n->attr(attr), order);
  std::string text = element_text(n, true);
  if (text.size() > kMaxDatedTextBytes) return {};
  return find_date_in_text(before_update(text), order);
}

std::string from_meta(const PageScan& scan, DayOrder order) {
  for (std::string_view key : kPublishedMetaKeys)
    for (std::string_view value : scan.metas_named(key)) {
      std::string date = parse_date_value(value, order);
      if (!date.empty()) return date;
    }
  return {};
}

std::string from_microdata(const PageScan& scan, DayOrder order) {
  for (const Node* n : scan.itemprops) {
    std::string_view prop = n->attr("itemprop");
    if (!contains_ignore_case(prop, "datepublished") && !contains_ignore_case(prop, "datecreated")) continue;
    std::string date = element_date(n, order);
    if (!date.empty()) return date;
  }
  return {};
}

bool is_publication_time(const Node* n) {
  return n->has_attr("pubdate") || class_or_id_contains(n, "publish") || class_or_id_contains(n, "entry-date") ||
         class_or_id_contains(n, "post-date");
}

// <time pubdate> or a "published" class anywhere, else any <time> by the headline.
std::string from_time_elements(const PageScan& scan, const Node* headline, DayOrder order) {
  for (bool strong_pass : {true, false}) {
    for (const Node* n : scan.times) {
      if (is_modified_date(n) || is_publication_time(n) != strong_pass) continue;
      if (!strong_pass && !near_headline(n, headline)) continue;
      std::string date = element_date(n, order);
      if (!date.empty()) return date;
    }
  }
  return {};
}

std::string from_dated_elements(const std::vector<const Node*>& nodes, const Node* headline, DayOrder order) {
  for (const Node* n : nodes) {
    if (is_modified_date(n) || !near_headline(n, headline)) continue;
    std::string date = element_date(n, order);
    if (!date.empty()) return date;
  }
  return {};
}

uint32_t distance(const Node* a, const Node* b) {
  return a->index > b->index ? a->index - b->index : b->index - a->index;
}

// A date written as plain text beside the headline ("Nov 21, 2018"): the
// closest one wins. Without a known headline there is nothing to be beside.
std::string from_text_by_headline(const PageScan& scan, const Node* headline, DayOrder order) {
  if (!headline) return {};
  std::string best;
  uint32_t best_distance = UINT32_MAX;
  for (const Node* n : scan.year_texts) {
    if (!near_headline(n, headline) || distance(n, headline) >= best_distance) continue;
    std::string date = find_date_in_text(before_update(n->data), order);
    if (date.empty()) continue;
    best = std::move(date);
    best_distance = distance(n, headline);
  }
  return best;
}

}  // namespace

std::optional<Sourced<std::string>> find_published_date(const PageScan& scan, const JsonLdFacts& jsonld,
                                                        const dom::Node* headline, std::string_view url,
                                                        DayOrder order) {
  auto found = [](std::string date, Source source) -> std::optional<Sourced<std::string>> {
    if (date.empty()) return std::nullopt;
    return Sourced<std::string>{std::move(date), source};
  };
  std::optional<Sourced<std::string>> date = found(parse_date_value(jsonld.date_published, order), Source::json_ld);
  if (!date) date = found(from_meta(scan, order), Source::meta);
  if (!date) date = found(from_microdata(scan, order), Source::microdata);
  if (!date) date = found(from_time_elements(scan, headline, order), Source::time_element);
  if (!date) date = found(parse_date_value(jsonld.page_date_published, order), Source::json_ld);
  if (!date) date = found(from_dated_elements(scan.dated, headline, order), Source::byline);
  if (!date) date = found(from_dated_elements(scan.bylines, headline, order), Source::byline);
  if (!date) date = found(from_text_by_headline(scan, headline, order), Source::byline);
  if (!date) date = found(date_from_url(url), Source::url);
  return date;
}

}  // namespace lede::metadata
