// Judges each line of a document as article or chrome. First the line's
// own words (chrome vocabulary, words of address, length, end punctuation;
// chrome comes in blocks, so a line between two such lines goes with them),
// then the line model (line_model.h) for every other line: its shape and
// where it stands with respect to the document's prose. With the site's
// counts, the lines the site repeats go too, and the short lines its
// templates fill in (site_counts.h).
#pragma once

#include <string_view>
#include <vector>

#include "clean/lines.h"
#include "clean/site_counts.h"

namespace lede::clean {

namespace reason {
inline constexpr std::string_view call_to_action = "call to action";
inline constexpr std::string_view sign_in = "sign-in notice";
inline constexpr std::string_view donation = "donation appeal";
inline constexpr std::string_view cookie = "cookie notice";
inline constexpr std::string_view navigation = "navigation";
inline constexpr std::string_view share = "share prompt";
inline constexpr std::string_view advert = "advertisement label";
inline constexpr std::string_view copyright = "copyright line";
inline constexpr std::string_view link = "link";
inline constexpr std::string_view repeated = "repeated on this site";
inline constexpr std::string_view site_template = "template of this site";  // its skeleton repeated
inline constexpr std::string_view page_header = "page header";
inline constexpr std::string_view page_footer = "page footer";
inline constexpr std::string_view boilerplate = "boilerplate";  // unlike the article, by the line model
}  // namespace reason

// For each line, the chrome its own words show (a notice, a label, a bare
// link, an appeal next to such a line), or empty.
std::vector<std::string_view> chrome_words_reasons(const std::vector<Line>& lines);

// A line of running prose: long enough and ending a sentence.
bool is_body_paragraph(const LineFeatures& f);

// A headline: a few words, not a sentence ending in a full stop.
bool is_title_like(const Line& line);

// One reason per line; empty for article lines.
std::vector<std::string_view> classify_lines(const std::vector<Line>& lines, const SiteCounts* site,
                                             std::string_view host);

}  // namespace lede::clean
