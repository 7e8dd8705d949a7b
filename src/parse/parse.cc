// The pipeline's parser is lede's own (src/html5); this stage adds the one
// repair of damaged markup that the standard does not make.
#include "parse/parse.h"

#include "html5/parser.h"

namespace lede::parse {

dom::Document parse_document(std::string_view utf8) { return html5::parse_document(utf8); }

namespace {

using dom::Node;
using dom::Tag;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_letter(char c) { return lower(c) >= 'a' && lower(c) <= 'z'; }
constexpr size_t npos = std::string_view::npos;

// Where the first tag (start tag, end tag or comment) in `text` begins.
size_t first_tag(std::string_view text, size_t from = 0) {
  for (size_t i = text.find('<', from); i != npos && i + 1 < text.size(); i = text.find('<', i + 1)) {
    char next = text[i + 1];
    if (is_letter(next) || next == '!' || (next == '/' && i + 2 < text.size() && is_letter(text[i + 2])))
      return i;
  }
  return npos;
}

// Elements whose contents the tokenizer reads as text up to their end tag.
// Scripts are left out: their code is full of '<' that are not tags.
bool reads_raw_text(Tag tag) {
  switch (tag) {
    case Tag::title: case Tag::textarea: case Tag::iframe: case Tag::noembed: case Tag::noframes:
    case Tag::style: case Tag::xmp: return true;
    default: return false;
  }
}

bool text_holds_tags(const Node* element) {
  for (const Node* t = element->first_child; t; t = t->next)
    if (t->is_text() && first_tag(t->data) != npos) return true;
  return false;
}

// The raw-text element left open by damaged markup ("<iframe ... />", a cut
// "<title>"), which by the standard swallows the rest of the page as its
// text; null if there is none. Its text is the last node of the page, or for
// a title, the parser adds an empty body after it.
const Node* swallowing_element(const dom::Document& doc) {
  const Node* last = doc.root();
  while (last->last_child) last = last->last_child;
  if (last->is_text() && last->parent && reads_raw_text(last->parent->tag) && text_holds_tags(last->parent))
    return last->parent;
  const Node* head = doc.head();
  const Node* body = doc.body();
  if (!head || (body && body->first_child)) return nullptr;
  for (const Node* n = head->first_child; n; n = n->next)
    if (n->is(Tag::title) && text_holds_tags(n)) return n;
  return nullptr;
}

// `lower_needle` starts with '<', which has no case: candidates are found by
// memchr and only they are compared (this runs over the whole page).
size_t find_ignore_case(std::string_view text, std::string_view lower_needle, size_t from) {
  for (size_t i = text.find(lower_needle[0], from); i != npos && i + lower_needle.size() <= text.size();
       i = text.find(lower_needle[0], i + 1)) {
    size_t k = 1;
    while (k < lower_needle.size() && lower(text[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return i;
  }
  return npos;
}

// Is the tag at `at`, of `length` characters, followed by what ends a tag name?
bool name_ends(std::string_view html, size_t at, size_t length) {
  if (at + length >= html.size()) return true;
  char c = html[at + length];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Where the end tag of the element `name` left open should have been: the
// first tag after the start tag that follows the last proper end tag.
size_t missing_end_tag(std::string_view html, std::string_view name) {
  std::string open = "<" + std::string(name), close = "</" + std::string(name);
  size_t from = 0;
  for (size_t at = find_ignore_case(html, close, 0); at != npos; at = find_ignore_case(html, close, at + 1))
    if (name_ends(html, at, close.size())) from = at + close.size();
  for (size_t at = find_ignore_case(html, open, from); at != npos; at = find_ignore_case(html, open, at + 1)) {
    if (!name_ends(html, at, open.size())) continue;
    size_t text = html.find('>', at);
    return text == npos ? npos : first_tag(html, text + 1);
  }
  return npos;
}

}  // namespace

dom::Document parse_page(std::string_view utf8, std::string& repaired) {
  dom::Document doc = html5::parse_document_in_place(utf8);
  const Node* open = swallowing_element(doc);
  if (!open) return doc;
  size_t end = missing_end_tag(utf8, open->name);
  if (end == npos) return doc;
  std::string end_tag = "</" + std::string(open->name) + ">";
  repaired.reserve(utf8.size() + end_tag.size());
  repaired.assign(utf8.substr(0, end)).append(end_tag).append(utf8.substr(end));
  return html5::parse_document_in_place(repaired);
}

}  // namespace lede::parse
