// A plain-text document as lines, with the features the chrome classifier
// reads from each: counts of words by kind, punctuation, case. Words are runs
// of letters and digits; text without spaces (Chinese, Japanese) counts one
// word per two characters, so lengths compare across languages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lede::clean {

// What the vocabulary knows about a word (several languages each).
enum class Vocab {
  none,
  sign_in,      // sign, login, anmelden, connexion, ...
  subscribe,    // subscribe, newsletter, alerts, abonnieren, ...
  donate,       // donate, contribution, journalism, spenden, ...
  cookie,       // cookie, consent, privacy, datenschutz, ...
  share,        // share, tweet, print, teilen, partager, ...
  advert,       // advertisement, sponsored, anzeige, publicité, ...
  copyright,    // copyright, rights, reserved, ...
  navigation,   // menu, home, skip, search, next, ...
  count
};

// Counts in 32 bits: a document holds one of these per line, and no line
// has four billion words.
struct LineFeatures {
  uint32_t words = 0;          // weighted as above
  uint32_t capitalised = 0;    // words starting with an upper-case ASCII letter
  uint32_t stop_words = 0;     // function words (the, der, le, el, ...)
  uint32_t address = 0;        // words of address: you, our, us, wir, vous, ...
  uint32_t vocab[static_cast<size_t>(Vocab::count)] = {};
  uint32_t separators = 0;     // | · • » used as menu separators
  bool ends_sentence = false;
  bool has_copyright_sign = false;
  bool link_like = false;    // a bare URL or e-mail address

  size_t chrome_vocab() const;  // words of any chrome vocabulary
  Vocab main_vocab() const;     // the most frequent chrome vocabulary, or none
  double stop_density() const { return words ? double(stop_words) / double(words) : 0; }
};

struct Line {
  size_t number = 0;       // from 1, in the input
  std::string_view text;   // trimmed
  LineFeatures features;
};

// `text` made valid UTF-8: every invalid sequence becomes U+FFFD. `replaced`
// counts them.
std::string repair_utf8(std::string_view text, size_t& replaced);
bool is_valid_utf8(std::string_view text);

// The non-blank lines of `text` (which must outlive them), with features,
// numbered from lines_before + 1.
std::vector<Line> split_lines(std::string_view text, size_t lines_before = 0);

LineFeatures line_features(std::string_view line);

// Hands `use` the hashes of the line's content words, in order and some at a
// time: words of
// four letters or more that are not numbers, lower-cased; in scripts written
// without spaces, every two adjacent characters. Short words are mostly
// function words in any language, so what is left says what the line is about.
void visit_content_words(std::string_view line, const std::function<void(std::span<const uint64_t> words)>& use);

// Letters and digits only, lower-cased, digits dropped: the form in which a
// line is compared with the same site's other pages.
std::string normalise_line(std::string_view line);
// The same into `out`, whose buffer is reused.
void normalise_line(std::string_view line, std::string& out);

// A hash and the length of normalise_line(line), without building it.
struct NormalisedHash {
  uint64_t hash = 0;
  size_t length = 0;
};
NormalisedHash normalised_hash(std::string_view line);

}  // namespace lede::clean
