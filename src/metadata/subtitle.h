// The standfirst (dek): the short summary a page sets right under its
// headline. Found among the elements just after the headline <h1> by their
// class, id or data attributes ("standfirst", "dek", "subtitle", ...), as an
// <h2> straight after the <h1>, or in an <hgroup>; failing those, the
// JSON-LD alternativeHeadline. Never the first paragraph of the body, a
// caption, a byline or a date.
#pragma once

#include <optional>
#include <string>

#include "metadata/jsonld.h"
#include "metadata/source.h"
#include "metadata/title.h"

namespace lede::metadata {

std::optional<Sourced<std::string>> find_subtitle(const JsonLdFacts& jsonld, const TitleChoice& title);

}  // namespace lede::metadata
