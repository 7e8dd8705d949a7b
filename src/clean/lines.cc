#include "clean/lines.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>

#include "clean/vocabulary.h"
#include "util/byte_scan.h"

namespace lede::clean {

namespace {

// Decodes the code point at `i`; returns its length, 0 for an invalid sequence.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  size_t length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (length == 0 || i + length > s.size()) return 0;
  cp = b & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// Punctuation and symbols outside ASCII: Latin-1 signs, general punctuation,
// CJK punctuation, full-width forms' punctuation.
bool is_word_code_point(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  return true;
}

bool is_unspaced_script(uint32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// Lower case for ASCII and Latin-1 letters: enough for the vocabulary.
void append_lower(std::string& out, uint32_t cp, std::string_view bytes) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
    uint32_t lower = cp + 0x20;
    out += static_cast<char>(0xC0 | (lower >> 6));
    out += static_cast<char>(0x80 | (lower & 0x3F));
  } else {
    out += bytes;
  }
}

bool is_sentence_end(uint32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

bool is_closing_mark(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
         cp == 0x300D;
}

bool is_separator(uint32_t cp) {
  return cp == '|' || cp == 0xB7 || cp == 0x2022 || cp == 0xBB || cp == 0x203A;
}

void count_word(LineFeatures& f, const std::string& lower, bool capitalised, size_t unspaced) {
  f.words += unspaced ? std::max<size_t>(1, (unspaced + 1) / 2) : 1;
  if (capitalised) ++f.capitalised;
  if (is_stop_word(lower)) ++f.stop_words;
  if (is_address_word(lower)) ++f.address;
  Vocab vocab = chrome_vocab(lower);
  if (vocab != Vocab::none) ++f.vocab[static_cast<size_t>(vocab)];
}

std::string_view trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\f\v");
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(" \t\r\f\v");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

size_t LineFeatures::chrome_vocab() const {
  size_t total = 0;
  for (size_t k = 1; k < static_cast<size_t>(Vocab::count); ++k) total += vocab[k];
  return total;
}

Vocab LineFeatures::main_vocab() const {
  size_t best = 0;
  for (size_t k = 1; k < static_cast<size_t>(Vocab::count); ++k) {
    if (vocab[k] > vocab[best]) best = k;
  }
  return vocab[best] ? static_cast<Vocab>(best) : Vocab::none;
}

bool is_valid_utf8(std::string_view text) {
  const char* end = text.data() + text.size();
  for (const char* p = util::find_non_ascii(text.data(), end); p < end; p = util::find_non_ascii(p, end)) {
    uint32_t cp = 0;
    size_t length = decode_utf8(text, static_cast<size_t>(p - text.data()), cp);
    if (length == 0) return false;
    p += length;
  }
  return true;
}

std::string repair_utf8(std::string_view text, size_t& replaced) {
  replaced = 0;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t length = decode_utf8(text, i, cp);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

LineFeatures line_features(std::string_view line) {
  LineFeatures f;
  std::string word;
  bool capitalised = false;
  size_t unspaced = 0;
  uint32_t last_mark = 0;  // the last code point that is not a closing mark
  bool has_space = false;
  for (size_t i = 0; i < line.size();) {
    uint32_t cp = 0xFFFD;
    size_t length = std::max<size_t>(1, decode_utf8(line, i, cp));
    if (is_word_code_point(cp)) {
      if (word.empty()) capitalised = cp >= 'A' && cp <= 'Z';
      if (is_unspaced_script(cp)) ++unspaced;
      append_lower(word, cp, line.substr(i, length));
    } else if (!word.empty()) {
      count_word(f, word, capitalised, unspaced);
      word.clear();
      unspaced = 0;
    }
    if (cp == 0xA9) f.has_copyright_sign = true;
    if (cp == ' ') has_space = true;
    if (is_separator(cp)) ++f.separators;
    if (!is_closing_mark(cp) && cp != ' ') last_mark = cp;
    i += length;
  }
  if (!word.empty()) count_word(f, word, capitalised, unspaced);
  f.ends_sentence = is_sentence_end(last_mark);
  f.link_like = !has_space && (line.find("://") != std::string_view::npos ||
                               line.starts_with("www.") || line.find('@') != std::string_view::npos);
  return f;
}

namespace {

constexpr size_t kContentWordLetters = 4;

// FNV-1a, fed a byte at a time so that words are hashed as they are read.
struct WordHash {
  uint64_t value = 0xcbf29ce484222325ull;
  void add(unsigned char byte) { value = (value ^ byte) * 0x100000001b3ull; }
  void add(std::string_view bytes) {
    for (char c : bytes) add(static_cast<unsigned char>(c));
  }
};

}  // namespace

void visit_content_words(std::string_view line, const std::function<void(std::span<const uint64_t> words)>& use) {
  // Handed over in batches: a call per word would cost more than hashing it.
  std::array<uint64_t, 256> batch;
  size_t batched = 0;
  auto add = [&](uint64_t hash) {
    batch[batched++] = hash;
    if (batched == batch.size()) use(batch), batched = 0;
  };
  WordHash word;
  size_t letters = 0, digits = 0;
  size_t previous_unspaced = 0;  // the byte length of the previous character when unspaced, else 0
  std::string lowered;
  auto finish = [&] {
    if (letters >= kContentWordLetters && digits < letters) add(word.value);
    word = {};
    letters = digits = 0;
  };
  for (size_t i = 0; i < line.size();) {
    auto byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80) {  // the common case, without decoding
      bool digit = byte >= '0' && byte <= '9', letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      previous_unspaced = 0;
      if (digit || letter) {
        word.add(letter ? static_cast<unsigned char>(byte | 0x20) : byte);
        ++letters;
        digits += digit;
      } else {
        finish();
      }
      ++i;
      continue;
    }
    uint32_t cp = 0xFFFD;
    size_t length = std::max<size_t>(1, decode_utf8(line, i, cp));
    if (is_word_code_point(cp) && is_unspaced_script(cp)) {
      finish();
      // Each pair of adjacent characters stands for a word.
      if (previous_unspaced) {
        WordHash pair;
        pair.add(line.substr(i - previous_unspaced, previous_unspaced + length));
        add(pair.value);
      }
      previous_unspaced = length;
    } else if (is_word_code_point(cp)) {
      previous_unspaced = 0;
      lowered.clear();
      append_lower(lowered, cp, line.substr(i, length));
      word.add(lowered);
      ++letters;
    } else {
      previous_unspaced = 0;
      finish();
    }
    i += length;
  }
  finish();
  if (batched) use(std::span<const uint64_t>(batch.data(), batched));
}

namespace {

size_t count_nonblank_lines(std::string_view text) {
  size_t count = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (!trim(text.substr(start, end - start)).empty()) ++count;
    start = end + 1;
  }
  return count;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text, size_t lines_before) {
  std::vector<Line> lines;
  lines.reserve(count_nonblank_lines(text));  // growing by doubling would hold up to three times as much
  size_t number = lines_before;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string_view line = trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back({number, line, line_features(line)});
    start = end + 1;
  }
  return lines;
}

namespace {

// Hands `emit` the bytes of the line's normalised form, one at a time: the
// words' letters lower-cased, one space between words.
template <class Emit>
void emit_normalised(std::string_view line, Emit emit) {
  bool in_text = false, space_due = false;
  std::string lowered;
  for (size_t i = 0; i < line.size();) {
    auto byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80) {  // the common case, without decoding
      if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') {
        if (space_due) emit(' ');
        emit(static_cast<char>(byte | 0x20));
        in_text = true, space_due = false;
      } else {
        space_due = in_text;
      }
      ++i;
      continue;
    }
    uint32_t cp = 0xFFFD;
    size_t length = std::max<size_t>(1, decode_utf8(line, i, cp));
    if (is_word_code_point(cp) && !(cp >= '0' && cp <= '9')) {
      if (space_due) emit(' ');
      lowered.clear();
      append_lower(lowered, cp, line.substr(i, length));
      for (char c : lowered) emit(c);
      in_text = true, space_due = false;
    } else {
      space_due = in_text;
    }
    i += length;
  }
}

}  // namespace

void normalise_line(std::string_view line, std::string& out) {
  out.clear();
  emit_normalised(line, [&](char c) { out.push_back(c); });
}

NormalisedHash normalised_hash(std::string_view line) {
  WordHash hash;
  size_t length = 0;
  emit_normalised(line, [&](char c) {
    hash.add(static_cast<unsigned char>(c));
    ++length;
  });
  return {hash.value, length};
}

std::string normalise_line(std::string_view line) {
  std::string out;
  normalise_line(line, out);
  return out;
}

}  // namespace lede::clean
