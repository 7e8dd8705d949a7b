// The small multilingual word lists behind the line features: function
// words, words of address and the vocabulary of page chrome, in English,
// German, French, Spanish, Italian, Dutch and Portuguese. Lists of single
// words, not phrases: the classifier weighs them with length, punctuation
// and position, so no word alone cuts a line.
#pragma once

#include <string_view>

#include "clean/lines.h"

namespace lede::clean {

// `word` lower-case.
bool is_stop_word(std::string_view word);
bool is_address_word(std::string_view word);
Vocab chrome_vocab(std::string_view word);

}  // namespace lede::clean
