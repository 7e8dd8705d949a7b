// Escaping text for the output formats, so that text never turns into markup.
#pragma once

#include <string>
#include <string_view>

namespace lede::render {

// &, <, > and " as character references: safe in HTML text and in
// double-quoted attribute values.
void append_html_escaped(std::string& out, std::string_view text);

// Where a Markdown word sits decides which of its characters would be markup.
struct MarkdownContext {
  bool line_start = false;  // first word of a line: #, >, -, 1. start blocks
  bool in_link = false;     // inside [link text]: ] would end it
  bool in_table = false;    // inside a pipe table cell: | would end it
};
// One word (no whitespace) as Markdown text, escaping only the characters
// that would otherwise read as markup.
void append_markdown_word(std::string& out, std::string_view word, MarkdownContext context);
// Plain text as Markdown inline text: whitespace collapsed, markup escaped.
void append_markdown_text(std::string& out, std::string_view text, MarkdownContext context = {});
// A URL as a Markdown link destination: spaces, parentheses and angle
// brackets percent-encoded so that the link cannot end early.
void append_markdown_destination(std::string& out, std::string_view url);

}  // namespace lede::render
