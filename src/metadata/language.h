// The page's language: what the markup declares (<html lang>,
// Content-Language, og:locale), checked against what its text is written in
// according to libcld2. CMS templates often declare a default ("en-US") on
// pages written in another language, so a confident reading of the text wins.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dom/dom.h"
#include "metadata/source.h"

namespace lede::metadata {

// What libcld2 reads in the page's visible text: up to three languages as
// BCP 47 tags ("de", "zh-Hant") with their share of the text in percent.
struct TextLanguages {
  std::string top[3];
  int percent[3] = {0, 0, 0};
  int scored_bytes = 0;    // letters libcld2 scored
  bool confident = false;  // enough text, and the first language clearly leads
};
TextLanguages text_languages(const dom::Document& doc);

// `declared` (the markup's tag, already normalised) kept when a good part of
// the text is in that language or the text says nothing for sure; the text's
// language, with Source::text, when the markup says nothing or the text
// confidently says otherwise.
std::optional<Sourced<std::string>> check_language(std::optional<Sourced<std::string>> declared,
                                                   const TextLanguages& text);

}  // namespace lede::metadata
