// STUB: replaced by the render helper.
#include "lede/lede.h"

namespace lede {
std::string format_article(const Article& a, Format) { return a.title.value_or("") + "\n\n" + a.text; }
std::string to_json(const Article&, const std::vector<std::pair<std::string, std::string>>&) { return "{}"; }
}  // namespace lede
