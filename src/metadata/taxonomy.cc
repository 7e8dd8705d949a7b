#include "metadata/taxonomy.h"

#include <algorithm>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

// Longer "terms" are sentences: a description pasted into the keywords.
constexpr size_t kMaxTermBytes = 80;

// Collects terms from comma- (or semicolon-) separated lists, dropping
// repeats and junk.
class Terms {
 public:
  void add_list(std::string_view list) {
    for (size_t start = 0; start <= list.size() && terms_.size() < kMaxTerms;) {
      size_t comma = std::min(list.find_first_of(",;", start), list.size());
      add(list.substr(start, comma - start));
      start = comma + 1;
    }
  }

  std::vector<std::string> take() { return std::move(terms_); }

 private:
  void add(std::string_view raw) {
    std::string term = collapse_whitespace(decode_entities(raw));
    std::string key = to_lower_ascii(term);
    if (key.empty() || term.size() > kMaxTermBytes) return;
    if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) return;
    keys_.push_back(std::move(key));
    terms_.push_back(std::move(term));
  }

  std::vector<std::string> terms_;
  std::vector<std::string> keys_;  // each term in lower case
};

std::vector<std::string> terms_of(const std::vector<std::string_view>& lists) {
  Terms terms;
  for (std::string_view list : lists) terms.add_list(list);
  return terms.take();
}

std::vector<std::string_view> views(const std::vector<std::string>& strings) {
  return {strings.begin(), strings.end()};
}

// The first source in the cascade that names any term.
Sourced<std::vector<std::string>> first_terms(
    std::initializer_list<std::pair<std::vector<std::string_view>, Source>> cascade) {
  for (const auto& [lists, source] : cascade) {
    std::vector<std::string> terms = terms_of(lists);
    if (!terms.empty()) return {std::move(terms), source};
  }
  return {{}, Source::html};
}

}  // namespace

Sourced<std::vector<std::string>> find_tags(const PageScan& scan, const JsonLdFacts& jsonld) {
  return first_terms({{views(jsonld.keywords), Source::json_ld},
                      {scan.metas_named("article:tag"), Source::opengraph},
                      {scan.metas_named("news_keywords"), Source::meta},
                      {scan.metas_named("keywords"), Source::meta}});
}

Sourced<std::vector<std::string>> find_categories(const PageScan& scan, const JsonLdFacts& jsonld) {
  return first_terms({{views(jsonld.sections), Source::json_ld},
                      {scan.metas_named("article:section"), Source::opengraph}});
}

}  // namespace lede::metadata
