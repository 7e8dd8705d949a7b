#include "render/escape.h"

#include "render/content.h"

namespace lede::render {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Letters of any script count: "über_cool" is intraword too.
bool is_word_char(char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }
bool is_ascii_punct(char c) { return c > ' ' && c < 0x7f && !is_ascii_alnum(c); }

bool all_chars(std::string_view s, char c) { return s.find_first_not_of(c) == std::string_view::npos; }

// "&amp;" or "&#38;" written as text would be read back as a reference.
bool looks_like_reference(std::string_view after_ampersand) {
  size_t i = 0;
  if (i < after_ampersand.size() && after_ampersand[i] == '#') {
    ++i;
    if (i < after_ampersand.size() && (after_ampersand[i] == 'x' || after_ampersand[i] == 'X')) ++i;
  }
  size_t name_start = i;
  while (i < after_ampersand.size() && is_ascii_alnum(after_ampersand[i])) ++i;
  return i > name_start && i < after_ampersand.size() && after_ampersand[i] == ';';
}

// At the start of a line: would word[i] open a heading, quote, list, rule,
// setext underline or fence?
bool opens_block(std::string_view word, size_t i) {
  char c = word[i];
  if ((c == '.' || c == ')') && i + 1 == word.size() && i >= 1 && i <= 9) {
    for (size_t k = 0; k < i; ++k)
      if (!is_digit(word[k])) return false;
    return true;  // "2019." would start an ordered list
  }
  if (i != 0) return false;
  switch (c) {
    case '>': return true;
    case '#':
    case '-':
    case '=': return all_chars(word, c);
    case '+': return word.size() == 1;
    case '~': return word.starts_with("~~~");
    default: return false;
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  size_t start = 0;
  while (true) {
    size_t special = text.find_first_of("&<>\"", start);
    if (special == std::string_view::npos) break;
    out.append(text, start, special - start);
    switch (text[special]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += "&quot;"; break;
    }
    start = special + 1;
  }
  out.append(text, start);
}

void append_markdown_word(std::string& out, std::string_view word, MarkdownContext context) {
  const size_t n = word.size();
  for (size_t i = 0; i < n; ++i) {
    char c = word[i];
    bool escape = false;
    switch (c) {
      case '`':
      case '*':
      case '[': escape = true; break;
      case '\\': escape = i + 1 == n || is_ascii_punct(word[i + 1]); break;
      case ']': escape = context.in_link; break;
      case '|': escape = context.in_table; break;
      case '_': escape = !(i > 0 && i + 1 < n && is_word_char(word[i - 1]) && is_word_char(word[i + 1])); break;
      case '<':
        escape = i + 1 < n && (is_ascii_alpha(word[i + 1]) || word[i + 1] == '/' || word[i + 1] == '!' ||
                               word[i + 1] == '?');
        break;
      case '&': escape = looks_like_reference(word.substr(i + 1)); break;
      default: escape = context.line_start && opens_block(word, i);
    }
    if (escape) out += '\\';
    out += c;
  }
}

void append_markdown_text(std::string& out, std::string_view text, MarkdownContext context) {
  bool space = false;
  bool first = true;
  for_each_piece(text, [&](Piece piece, std::string_view s) {
    if (piece != Piece::word) {
      space = !first;
      return;
    }
    if (space) out += ' ';
    space = false;
    append_markdown_word(out, s, context);
    context.line_start = false;
    first = false;
  });
}

void append_markdown_destination(std::string& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : url) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || byte == 0x7f) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
}

}  // namespace lede::render
