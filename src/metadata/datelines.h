// Dates written on the page for its readers: <time> elements and short texts
// by the headline, each read as a date of publication, of revision, or both
// ("May 3, 2024 · Updated June 1, 2024"). The words around a date say which
// it is: its own text, the label before it ("Last updated:" <span>...</span>)
// or its class ("post-date", "updated").
#pragma once

#include <optional>

#include "dom/dom.h"
#include "metadata/dates.h"
#include "metadata/source.h"

namespace lede::metadata {

struct Dateline {
  std::optional<CalendarDate> published;
  std::optional<CalendarDate> modified;
  Source source = Source::byline;  // time_element for <time>
  // A word on the page ("Published", "Updated") or the element's markup
  // (class "updated", itemprop, pubdate) says what the date is.
  bool labelled = false;
  bool marked_up = false;  // the markup says so
  // "Originally published on ...": the first publication, explicitly.
  bool original = false;
};

// The dates of an element or a text node; nothing when it holds no date or
// too much text to be a dateline.
std::optional<Dateline> read_dateline(const dom::Node* node, DayOrder order);

}  // namespace lede::metadata
