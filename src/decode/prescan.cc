// The HTML standard's "prescan a byte stream to determine its encoding": a
// tiny tokenizer that only understands comments, tags and their attributes,
// enough to find a <meta> charset declaration before the real parse.
#include <algorithm>
#include <string>
#include <vector>

#include "decode/encodings.h"

namespace lede::decode {

namespace {

constexpr size_t kPrescanBytes = 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (s.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (to_lower(s[pos + i]) != lower_prefix[i]) return false;
  }
  return true;
}

struct Attribute {
  std::string name;   // lower-cased, as the spec's algorithm does
  std::string value;  // lower-cased too
};

class Prescanner {
 public:
  explicit Prescanner(std::string_view bytes) : s_(bytes.substr(0, kPrescanBytes)) {}

  const Encoding* run() {
    while (pos_ < s_.size() && !ended_) {
      if (s_.compare(pos_, 4, "<!--") == 0) {
        skip_past("-->", pos_ + 2);
      } else if (starts_with_ignoring_case(s_, pos_, "<meta") && pos_ + 5 < s_.size() &&
                 (is_space(s_[pos_ + 5]) || s_[pos_ + 5] == '/')) {
        pos_ += 6;
        if (const Encoding* declared = meta_declaration()) return declared;
        ++pos_;
      } else if (starts_tag()) {
        skip_tag_name_and_attributes();
        ++pos_;
      } else if (s_[pos_] == '<' && pos_ + 1 < s_.size() &&
                 (s_[pos_ + 1] == '!' || s_[pos_ + 1] == '/' || s_[pos_ + 1] == '?')) {
        skip_past(">", pos_ + 1);
      } else {
        ++pos_;
      }
    }
    return nullptr;
  }

 private:
  // "<" or "</" followed by a letter.
  bool starts_tag() const {
    if (s_[pos_] != '<') return false;
    size_t letter = pos_ + 1;
    if (letter < s_.size() && s_[letter] == '/') ++letter;
    return letter < s_.size() && is_alpha(s_[letter]);
  }

  void skip_past(std::string_view marker, size_t from) {
    size_t found = s_.find(marker, from);
    if (found == std::string_view::npos) {
      ended_ = true;
    } else {
      pos_ = found + marker.size();
    }
  }

  void skip_tag_name_and_attributes() {
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
    Attribute ignored;
    while (get_attribute(ignored)) {
    }
  }

  // The attributes of a <meta>, read up to its '>'; the encoding when they
  // make a declaration the spec accepts.
  const Encoding* meta_declaration() {
    enum class NeedPragma { unset, yes, no } need_pragma = NeedPragma::unset;
    bool got_pragma = false;
    const Encoding* charset = nullptr;
    std::vector<std::string> seen;
    Attribute attribute;
    while (get_attribute(attribute)) {
      if (std::find(seen.begin(), seen.end(), attribute.name) != seen.end()) continue;
      seen.push_back(attribute.name);
      if (attribute.name == "http-equiv") {
        if (attribute.value == "content-type") got_pragma = true;
      } else if (attribute.name == "content") {
        const Encoding* found = find_encoding(charset_from_content(attribute.value));
        if (found && !charset) {
          charset = found;
          need_pragma = NeedPragma::yes;
        }
      } else if (attribute.name == "charset") {
        charset = find_encoding(attribute.value);
        need_pragma = NeedPragma::no;
      }
    }
    if (ended_ || !charset || need_pragma == NeedPragma::unset) return nullptr;
    if (need_pragma == NeedPragma::yes && !got_pragma) return nullptr;
    return as_meta_declaration(charset);
  }

  // The spec's "get an attribute": false when the tag ends ('>') or the bytes
  // run out (then ended_ is set).
  bool get_attribute(Attribute& attribute) {
    while (pos_ < s_.size() && (is_space(s_[pos_]) || s_[pos_] == '/')) ++pos_;
    if (at_end() || s_[pos_] == '>') return false;
    attribute.name.clear();
    attribute.value.clear();
    for (;; ++pos_) {
      if (at_end()) return false;
      char c = s_[pos_];
      if (c == '=' && !attribute.name.empty()) break;
      if (c == '/' || c == '>') return true;
      if (is_space(c)) {
        skip_spaces();
        if (at_end()) return false;
        if (s_[pos_] != '=') return true;
        break;
      }
      attribute.name += to_lower(c);
    }
    ++pos_;  // the '='
    skip_spaces();
    if (at_end()) return false;
    char first = s_[pos_];
    if (first == '"' || first == '\'') {
      for (++pos_; !at_end(); ++pos_) {
        if (s_[pos_] == first) {
          ++pos_;
          return true;
        }
        attribute.value += to_lower(s_[pos_]);
      }
      return false;
    }
    for (; !at_end(); ++pos_) {
      if (is_space(s_[pos_]) || s_[pos_] == '>') return true;
      attribute.value += to_lower(s_[pos_]);
    }
    return false;
  }

  void skip_spaces() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  // Running out of bytes aborts the whole prescan, as in the spec.
  bool at_end() {
    if (pos_ >= s_.size()) ended_ = true;
    return ended_;
  }

  std::string_view s_;
  size_t pos_ = 0;
  bool ended_ = false;
};

}  // namespace

const Encoding* prescan_meta_charset(std::string_view bytes) { return Prescanner(bytes).run(); }

std::string_view charset_from_content(std::string_view content) {
  size_t pos = 0;
  for (;;) {
    size_t found = pos;
    while (found < content.size() && !starts_with_ignoring_case(content, found, "charset")) ++found;
    if (found >= content.size()) return {};
    pos = found + 7;
    while (pos < content.size() && is_space(content[pos])) ++pos;
    if (pos >= content.size() || content[pos] != '=') continue;
    ++pos;
    while (pos < content.size() && is_space(content[pos])) ++pos;
    if (pos >= content.size()) return {};
    char first = content[pos];
    if (first == '"' || first == '\'') {
      size_t close = content.find(first, pos + 1);
      if (close == std::string_view::npos) return {};
      return content.substr(pos + 1, close - pos - 1);
    }
    size_t end = pos;
    while (end < content.size() && !is_space(content[end]) && content[end] != ';') ++end;
    return content.substr(pos, end - pos);
  }
}

}  // namespace lede::decode
