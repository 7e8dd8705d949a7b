#include "metadata/json.h"

#include "metadata/text.h"

namespace lede::metadata {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$' || c == '@' || c == '.' || c == '+' || c == '-';
}
bool closes_value(char c) { return c == ',' || c == ':' || c == '}' || c == ']'; }
// A byte of a string that goes to the value unchanged.
bool copies_as_is(char c, char quote) { return c != quote && c != '\\' && static_cast<unsigned char>(c) >= 0x20; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

class JsonParser {
 public:
  JsonParser(std::string_view text, Json& out) : text_(text), out_(out) {}

  void run() {
    while (true) {
      skip_insignificant();
      if (pos_ >= text_.size()) return;
      char c = text_[pos_];
      if (c == ',') {
        ++pos_;
      } else if (c == '}' || c == ']') {
        if (!stack_.empty()) stack_.pop_back();
        ++pos_;
      } else if (in_object()) {
        read_member();
      } else {
        read_value({});
      }
    }
  }

 private:
  bool in_object() const {
    return !stack_.empty() && out_.node(stack_.back()).kind == JsonKind::object;
  }

  // Whitespace, JS comments and the markup that wraps scripts (CDATA, <!--).
  void skip_insignificant() {
    while (pos_ < text_.size()) {
      std::string_view rest = text_.substr(pos_);
      if (is_space(rest[0])) {
        ++pos_;
      } else if (rest.starts_with("//")) {
        size_t eol = rest.find('\n');
        pos_ = eol == std::string_view::npos ? text_.size() : pos_ + eol;
      } else if (rest.starts_with("/*")) {
        size_t end = rest.find("*/", 2);
        pos_ = end == std::string_view::npos ? text_.size() : pos_ + end + 2;
      } else if (rest.starts_with("<![CDATA[")) {
        pos_ += 9;
      } else if (rest.starts_with("]]>") || rest.starts_with("-->")) {
        pos_ += 3;
      } else if (rest.starts_with("<!--")) {
        pos_ += 4;
      } else {
        return;
      }
    }
  }

  void read_member() {
    char c = text_[pos_];
    std::string key;
    if (c == '"' || c == '\'') {
      key = read_string(c);
    } else if (is_word_char(c)) {
      key = read_word();
    } else {
      ++pos_;  // garbage between members
      return;
    }
    skip_insignificant();
    if (pos_ >= text_.size() || text_[pos_] != ':') return;
    ++pos_;
    skip_insignificant();
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == ',' || text_[pos_] == '}') {
      add_node(JsonKind::null, std::move(key));
      return;
    }
    read_value(std::move(key));
  }

  void read_value(std::string key) {
    char c = text_[pos_];
    if (c == '{' || c == '[') {
      ++pos_;
      stack_.push_back(add_node(c == '{' ? JsonKind::object : JsonKind::array, std::move(key)));
    } else if (c == '"' || c == '\'') {
      std::string value = read_string(c);
      out_.nodes_[static_cast<size_t>(add_node(JsonKind::string, std::move(key)))].text = std::move(value);
    } else if (is_word_char(c)) {
      std::string word = read_word();
      JsonKind kind = word == "true" || word == "false" ? JsonKind::boolean
                      : word == "null" || word == "undefined" ? JsonKind::null
                      : (word[0] == '-' || (word[0] >= '0' && word[0] <= '9')) ? JsonKind::number
                      : JsonKind::string;
      out_.nodes_[static_cast<size_t>(add_node(kind, std::move(key)))].text = std::move(word);
    } else {
      ++pos_;  // not a value: skip the byte and resynchronise
    }
  }

  std::string read_word() {
    size_t start = pos_;
    while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  // A quote ends the string only when what follows can follow a value;
  // otherwise it is an unescaped quote inside the text.
  bool quote_ends_string(size_t quote_pos) const {
    size_t i = quote_pos + 1;
    bool newline = false;
    while (i < text_.size() && is_space(text_[i])) newline |= text_[i++] == '\n';
    if (i >= text_.size() || closes_value(text_[i])) return true;
    return newline && (text_[i] == '"' || text_[i] == '\'');  // a missing comma
  }

  std::string read_string(char quote) {
    std::string out;
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\\' && pos_ + 1 < text_.size()) {
        read_escape(out);
      } else if (c == quote && quote_ends_string(pos_)) {
        ++pos_;
        return out;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
        ++pos_;
      } else {
        // Up to the next quote, escape or control byte in one append: JSON-LD
        // holds whole articles, and their strings were most of its parsing.
        size_t end = pos_ + 1;
        while (end < text_.size() && copies_as_is(text_[end], quote)) ++end;
        out.append(text_, pos_, end - pos_);
        pos_ = end;
      }
    }
    return out;
  }

  uint32_t read_hex4(size_t at) const {
    if (at + 4 > text_.size()) return 0xFFFFFFFF;
    uint32_t v = 0;
    for (size_t i = at; i < at + 4; ++i) {
      int h = hex_value(text_[i]);
      if (h < 0) return 0xFFFFFFFF;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    return v;
  }

  void read_escape(std::string& out) {
    char e = text_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case 'n': out += '\n'; return;
      case 't': out += '\t'; return;
      case 'r': out += '\r'; return;
      case 'b': case 'f': out += ' '; return;
      case 'u': break;
      default: out += e; return;
    }
    uint32_t cp = read_hex4(pos_);
    if (cp == 0xFFFFFFFF) return;
    pos_ += 4;
    bool high_surrogate = cp >= 0xD800 && cp <= 0xDBFF;
    if (high_surrogate && text_.substr(pos_).starts_with("\\u")) {
      uint32_t low = read_hex4(pos_ + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        pos_ += 6;
      }
    }
    append_utf8(out, cp);
  }

  int32_t add_node(JsonKind kind, std::string key) {
    auto index = static_cast<int32_t>(out_.nodes_.size());
    JsonNode node;
    node.kind = kind;
    node.key = std::move(key);
    if (stack_.empty()) {
      out_.roots_.push_back(index);
    } else {
      int32_t parent = stack_.back();
      node.parent = parent;
      int32_t& last = last_child_[static_cast<size_t>(parent)];
      if (last < 0) {
        out_.nodes_[static_cast<size_t>(parent)].first_child = index;
      } else {
        out_.nodes_[static_cast<size_t>(last)].next = index;
      }
      last = index;
    }
    out_.nodes_.push_back(std::move(node));
    last_child_.push_back(-1);
    return index;
  }

  std::string_view text_;
  size_t pos_ = 0;
  Json& out_;
  std::vector<int32_t> stack_;       // open containers
  std::vector<int32_t> last_child_;  // per node, for appending
};

Json Json::parse(std::string_view text) {
  Json json;
  // Some publishers HTML-escape the whole script: no raw quote, but &quot;.
  std::string decoded;
  if (text.find('"') == std::string_view::npos && text.find("&quot;") != std::string_view::npos) {
    decoded = decode_entities(text);
    text = decoded;
  }
  JsonParser(text, json).run();
  return json;
}

int32_t Json::member(int32_t index, std::string_view key) const {
  if (index < 0 || node(index).kind != JsonKind::object) return -1;
  for (int32_t c = node(index).first_child; c >= 0; c = node(c).next)
    if (node(c).key == key) return c;
  return -1;
}

std::vector<int32_t> Json::children(int32_t index) const {
  std::vector<int32_t> out;
  if (index < 0) return out;
  for (int32_t c = node(index).first_child; c >= 0; c = node(c).next) out.push_back(c);
  return out;
}

}  // namespace lede::metadata
