// Cleaning text extracted long ago with its page chrome left in (web
// corpora such as Common Crawl WET files): each line is judged as article or
// chrome, from the document alone and, when counts of the site's other pages
// are given, from the lines the site repeats; the headline, standfirst,
// byline and dateline are recovered from the lines that open the article.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clean/site_counts.h"

namespace lede::render {
class JsonWriter;
}

namespace lede::clean {

struct RemovedLine {
  size_t line = 0;          // from 1, in the input
  std::string text;
  std::string_view reason;  // "call to action", "navigation", ...
};

struct Cleaned {
  std::string title, subtitle;
  std::vector<std::string> authors;
  std::string date;  // ISO 8601: day, or time with offset when written
  std::string text;  // the body, a paragraph per line
  std::vector<RemovedLine> removed;
  size_t invalid_utf8 = 0;  // byte sequences replaced by U+FFFD
};

struct CleanOptions {
  const SiteCounts* site = nullptr;  // counts of the corpus's lines by host
  std::string_view url;              // the document's address, for its host
};

Cleaned clean_text(std::string_view text, const CleanOptions& options = {});

// {"title", "subtitle", "authors", "date", "text", "removed": [{"line",
// "reason", "text"}], "invalid_utf8"} (the last only when some were replaced).
std::string to_json(const Cleaned& cleaned);
// The same members, into an object being written; the text under the name
// `text_member`.
void write_fields(render::JsonWriter& json, const Cleaned& cleaned, std::string_view text_member = "text");
// The names write_fields adds besides the text.
std::vector<std::string> recovered_member_names();

}  // namespace lede::clean
