#include "metadata/datelines.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>

#include "dom/tags.h"
#include "metadata/page_scan.h"
#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;

// A dateline is a line, not a paragraph.
constexpr size_t kMaxDatelineBytes = 160;
// How much text before a date may hold its label ("Last updated on").
constexpr size_t kLabelWindowBytes = 40;
constexpr int kLabelWindowNodes = 12;

// Words that introduce a revision date, lower-case (see fold_case). A bare
// "update" is left out: "Development Update 2024-10-04" is a title.
constexpr std::string_view kRevisionLabels[] = {
    "updated", "update:", "modified", "last edited", "edited on", "revised", "aktualisiert", "geändert",
    "mis à jour", "mise à jour", "actualizado", "actualizada", "atualizado", "atualizada", "aggiornato",
    "aggiornata", "bijgewerkt", "zaktualizowano", "aktualizováno", "oppdatert", "uppdaterad",
    "opdateret", "päivitetty", "güncellendi", "güncelleme", "обновлено", "оновлено"};

// Words that introduce a publication date.
constexpr std::string_view kPublicationLabels[] = {
    "published", "posted", "publié", "publicado", "publicada", "pubblicato", "veröffentlicht",
    "erschienen", "gepubliceerd", "geplaatst", "opublikowano", "publikováno", "publicerad", "publiceret",
    "publisert", "julkaistu", "yayınlanma", "опубликовано", "опубліковано", "started by"};

// Words that say a date is the first publication, whatever else the page says.
constexpr std::string_view kOriginalLabels[] = {
    "originally published", "first published", "originally posted", "ursprünglich veröffentlicht",
    "erstmals veröffentlicht", "publié initialement", "publicado originalmente", "originalmente publicado",
    "pubblicato originariamente", "oorspronkelijk gepubliceerd"};

// Words that introduce some other date: a member's join date in a forum
// post, a company's founding, a deadline.
constexpr std::string_view kOtherDateLabels[] = {
    "joined", "member since", "registered", "founded", "since", "seit", "inscrit", "inscrito", "iscritto",
    "registrado", "lid sinds", "born", "expires", "expiry", "valid until", "valid through", "good through",
    "gültig bis", "offer ends", "deadline", "due"};

// A text node with more words than this besides the date is a sentence that
// mentions a date ("The tax season ends April 15, 2025."), not a dateline.
constexpr size_t kMaxDatelineWords = 8;

enum class Role { unknown, published, modified, other };

// string_view::rfind, without comparing where the first byte differs: every
// label is looked for in every dateline candidate.
size_t last_position(std::string_view text, std::string_view label) {
  if (label.empty() || label.size() > text.size()) return label.empty() ? text.size() : std::string_view::npos;
  for (size_t at = text.size() - label.size() + 1; at-- > 0;)
    if (text[at] == label[0] && text.substr(at, label.size()) == label) return at;
  return std::string_view::npos;
}

// Position of the first (or last) label of `labels` in `folded`, or npos.
size_t find_label(std::string_view folded, std::span<const std::string_view> labels, bool last) {
  size_t best = std::string_view::npos;
  for (std::string_view label : labels) {
    size_t at = last ? last_position(folded, label) : folded.find(label);
    if (at == std::string_view::npos) continue;
    if (best == std::string_view::npos || (last ? at > best : at < best)) best = at;
  }
  return best;
}

size_t words_besides_the_date(std::string_view text) {
  size_t count = 0;
  for (const std::string& w : words(text))
    if (!(w[0] >= '0' && w[0] <= '9') && !is_calendar_word(w)) ++count;
  return count;
}

bool has_year_after(std::string_view text, size_t from) {
  int run = 0;
  for (size_t i = from; i < text.size(); ++i) {
    run = text[i] >= '0' && text[i] <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// The visible text of `node`, or nothing when it is longer than `limit`.
std::optional<std::string> bounded_text(const Node* node, size_t limit) {
  if (node->is_text()) {
    if (node->data.size() > limit * 2) return std::nullopt;
    std::string text = collapse_whitespace(node->data);
    if (text.size() > limit) return std::nullopt;
    return text;
  }
  std::string raw;
  const Node* n = node;
  while (n) {
    if (n != node && n->is_element() && dom::is_invisible(n->tag)) {
      n = dom::next_skipping_children(n, node);
      continue;
    }
    if (n->is_text()) {
      raw += n->data;
      raw += ' ';
      if (raw.size() > limit * 2) return std::nullopt;
    }
    n = dom::next_in_preorder(n, node);
  }
  std::string text = collapse_whitespace(raw);
  if (text.size() > limit) return std::nullopt;
  return text;
}

// The text just before `node` in document order, up to a few words: where a
// label such as "Updated" or "Published on" stands.
std::string text_before(const Node* node) {
  std::string before;
  const Node* n = node;
  for (int steps = 0; steps < kLabelWindowNodes && before.size() < kLabelWindowBytes; ++steps) {
    if (!n->prev) {
      n = n->parent;
      if (!n || n->is(dom::Tag::body)) break;
      continue;
    }
    n = n->prev;
    while (n->last_child && !(n->is_element() && dom::is_invisible(n->tag))) n = n->last_child;
    if (n->is_text()) before.insert(0, std::string(n->data) + " ");
  }
  std::string folded = fold_case(collapse_whitespace(before));
  if (folded.size() > kLabelWindowBytes) folded.erase(0, folded.size() - kLabelWindowBytes);
  return folded;
}

// What the label before `node` says its date is. A label followed by a
// year already has its own date ("Updated June 1, 2024 | <span>...").
Role label_before(const Node* node) {
  std::string before = text_before(node);
  Role role = Role::unknown;
  size_t label = std::string_view::npos;
  for (auto [labels, label_role] : {std::pair{std::span<const std::string_view>(kRevisionLabels), Role::modified},
                                    {kPublicationLabels, Role::published},
                                    {kOtherDateLabels, Role::other}}) {
    size_t at = find_label(before, labels, true);
    if (at != std::string_view::npos && (label == std::string_view::npos || at > label)) {
      label = at;
      role = label_role;
    }
  }
  if (label == std::string_view::npos || has_year_after(before, label)) return Role::unknown;
  return role;
}

// What the element's class, id or itemprop says: WordPress marks a post that
// was never revised "published updated", so "publish" wins.
Role role_from_markup(const Node* n) {
  if (!n->is_element()) return Role::unknown;
  std::string_view itemprop = n->attr("itemprop");
  if (contains_ignore_case(itemprop, "datemodified")) return Role::modified;
  if (contains_ignore_case(itemprop, "datepublished") || contains_ignore_case(itemprop, "datecreated"))
    return Role::published;
  if (n->has_attr("pubdate") || class_or_id_contains(n, "publish")) return Role::published;
  if (class_or_id_contains(n, "modif") || class_or_id_contains(n, "updated")) return Role::modified;
  return Role::unknown;
}

// Dates in program listings are data ("'date': 'Thu, 14 Jun 2012'").
bool in_code(const Node* node) {
  constexpr int kLevels = 8;
  int level = 0;
  for (const Node* n = node; n && level < kLevels; n = n->parent, ++level)
    if (n->is(dom::Tag::pre) || n->is(dom::Tag::code)) return true;
  return false;
}

void assign(Dateline& line, Role role, std::optional<CalendarDate> date) {
  if (!date) return;
  if (role == Role::modified) {
    line.modified = date;
  } else {
    line.published = date;
  }
}

// "May 3, 2024 · Updated June 1, 2024": both dates in one line, split at
// the revision label. A <time> whose text starts with the label ("Updated
// April 10, 2025") has its revision date in its datetime.
void read_split_line(const Node* node, std::string_view own, size_t revision, DayOrder order, Dateline& line) {
  constexpr size_t kLeadingLabelBytes = 8;
  line.labelled = true;
  line.published = read_date_in_text(own.substr(0, revision), order);
  line.modified = read_date_in_text(own.substr(revision), order);
  if (node->is(dom::Tag::time) && node->has_attr("datetime") && revision < kLeadingLabelBytes)
    if (std::optional<CalendarDate> value = read_date_value(node->attr("datetime"), order)) line.modified = value;
}

// One date, whose role its own words, its markup or the label before it
// tell; false for a date that is neither publication nor revision.
bool read_single_date(const Node* node, std::string_view own, bool says_published, DayOrder order, Dateline& line) {
  std::optional<CalendarDate> date;
  if (node->is(dom::Tag::time) && node->has_attr("datetime")) date = read_date_value(node->attr("datetime"), order);
  if (!date) date = read_date_in_text(own, order);
  Role markup = role_from_markup(node);
  line.marked_up = markup != Role::unknown;
  Role role = says_published ? Role::published : markup;
  if (role == Role::unknown) role = label_before(node);
  if (role == Role::other) return false;
  line.labelled = role != Role::unknown;
  assign(line, role, date);
  return true;
}

}  // namespace

std::optional<Dateline> read_dateline(const Node* node, DayOrder order) {
  if (in_code(node)) return std::nullopt;
  std::optional<std::string> own = bounded_text(node, kMaxDatelineBytes);
  if (!own) return std::nullopt;
  // Without the digits of a year (or a <time datetime>) no date can be read:
  // a candidate without them ends here, before its labels are looked for.
  bool has_datetime = node->is(dom::Tag::time) && node->has_attr("datetime");
  if (!has_datetime && !may_hold_date(*own)) return std::nullopt;
  if (node->is_text() && words_besides_the_date(*own) > kMaxDatelineWords) return std::nullopt;
  std::string folded = fold_case(*own);
  size_t other = find_label(folded, kOtherDateLabels, false);
  size_t revision = find_label(folded, kRevisionLabels, false);
  size_t publication = find_label(folded, kPublicationLabels, false);
  size_t original = find_label(folded, kOriginalLabels, false);
  if (other != std::string_view::npos && other < std::min(revision, publication)) return std::nullopt;

  Dateline line;
  line.source = node->is(dom::Tag::time) ? Source::time_element : Source::byline;
  if (original != std::string_view::npos) {
    line.original = line.labelled = true;
    line.published = read_date_in_text(std::string_view(*own).substr(original), order);
  } else if (revision != std::string_view::npos) {
    read_split_line(node, *own, revision, order, line);
  } else if (!read_single_date(node, *own, publication != std::string_view::npos, order, line)) {
    return std::nullopt;
  }
  if (!line.published && !line.modified) return std::nullopt;
  return line;
}

}  // namespace lede::metadata
