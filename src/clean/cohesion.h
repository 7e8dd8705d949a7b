// Topical cohesion: an article's lines share their vocabulary with each
// other and with its headline; related-story headlines, promos, sidebars and
// menus are about other things. Measured on content words (lines.h), so in
// any language and without word lists.
#pragma once

#include <cstddef>
#include <vector>

#include "clean/lines.h"

namespace lede::clean {

struct LineCohesion {
  double prose_share = 0;   // of the line's content words, the share the other prose lines also use
  double unique_share = 0;  // the share no other line of the document uses
  double title_share = 0;   // the share the headline uses
  size_t content_words = 0; // distinct
};

// `prose[i]`: line i is confident prose (a paragraph where the document's
// prose is densest); `title`: the index of the headline, or lines.size()
// when there is none.
std::vector<LineCohesion> line_cohesion(const std::vector<Line>& lines, const std::vector<bool>& prose, size_t title);

}  // namespace lede::clean
