// The pipeline's parser is lede's own (src/html5); this stage adds the one
// repair of damaged markup that the standard does not make.
#include "parse/parse.h"

#include "html5/parser.h"

namespace lede::parse {

dom::Document parse_document(std::string_view utf8) { return html5::parse_document(utf8); }

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_letter(char c) { return lower(c) >= 'a' && lower(c) <= 'z'; }

size_t find_ignore_case(std::string_view text, std::string_view lower_needle, size_t from) {
  for (size_t i = from; i + lower_needle.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < lower_needle.size() && lower(text[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return i;
  }
  return std::string_view::npos;
}

// Does the head's <title> hold markup as text? Only then is the scan of the
// page for a closing tag worth making.
bool title_swallowed_markup(const dom::Document& doc) {
  const dom::Node* head = doc.head();
  if (!head) return false;
  for (const dom::Node* n = head->first_child; n; n = n->next) {
    if (!n->is(dom::Tag::title)) continue;
    for (const dom::Node* t = n->first_child; t; t = t->next)
      if (t->is_text() && t->data.find('<') != std::string_view::npos) return true;
  }
  return false;
}

// Is there an end tag "</title" (then a space, '/' or '>') at or after `from`?
bool has_title_end_tag(std::string_view html, size_t from) {
  for (size_t at = find_ignore_case(html, "</title", from); at != std::string_view::npos;
       at = find_ignore_case(html, "</title", at + 1)) {
    char next = at + 7 < html.size() ? html[at + 7] : '>';
    if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\f') return true;
  }
  return false;
}

// Where the tag that should have ended an unclosed <title> begins: its first
// start tag, end tag or comment. npos when the title is closed after all.
size_t unclosed_title_end(std::string_view html) {
  size_t open = find_ignore_case(html, "<title", 0);
  if (open == std::string_view::npos) return open;
  size_t text = html.find('>', open);
  if (text == std::string_view::npos || has_title_end_tag(html, text)) return std::string_view::npos;
  for (size_t i = html.find('<', text); i != std::string_view::npos && i + 1 < html.size();
       i = html.find('<', i + 1)) {
    char next = html[i + 1];
    if (is_letter(next) || next == '!' || (next == '/' && i + 2 < html.size() && is_letter(html[i + 2])))
      return i;
  }
  return std::string_view::npos;
}

}  // namespace

dom::Document parse_page(std::string_view utf8, std::string& repaired) {
  dom::Document doc = parse_document(utf8);
  if (!title_swallowed_markup(doc)) return doc;
  size_t end = unclosed_title_end(utf8);
  if (end == std::string_view::npos) return doc;
  repaired.reserve(utf8.size() + 8);
  repaired.assign(utf8.substr(0, end)).append("</title>").append(utf8.substr(end));
  return parse_document(repaired);
}

}  // namespace lede::parse
