// The whole-document formats of the command line and the JSON record.
#include "lede/lede.h"
#include "render/escape.h"
#include "render/article_json.h"
#include "render/json_writer.h"

namespace lede {
namespace {

// Paragraphs from plain text, for an article rendered without HTML.
void append_text_as_html(std::string& out, std::string_view text) {
  while (!text.empty()) {
    size_t end = text.find("\n\n");
    std::string_view block = text.substr(0, end);
    out += "<p>";
    for (size_t line_end; (line_end = block.find('\n')) != std::string_view::npos;) {
      render::append_html_escaped(out, block.substr(0, line_end));
      out += "<br>\n";
      block.remove_prefix(line_end + 1);
    }
    render::append_html_escaped(out, block);
    out += "</p>\n";
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
  }
}

std::string html_document(const Article& article) {
  std::string out = "<!DOCTYPE html>\n<html";
  if (article.language) {
    out += " lang=\"";
    render::append_html_escaped(out, *article.language);
    out += '"';
  }
  out += ">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  render::append_html_escaped(out, article.title.value_or(""));
  out += "</title>\n</head>\n<body>\n";
  if (article.title && !article.title->empty()) {
    out += "<h1>";
    render::append_html_escaped(out, *article.title);
    out += "</h1>\n";
  }
  if (!article.html.empty()) {
    out += article.html;
    out += '\n';
  } else {
    append_text_as_html(out, article.text);
  }
  out += "</body>\n</html>";
  return out;
}

// A heading (if any), a blank line, the body (if any).
std::string titled(std::string heading, std::string_view body) {
  if (heading.empty()) return std::string(body);
  if (!body.empty()) {
    heading += "\n\n";
    heading += body;
  }
  return heading;
}

void add_header_line(std::string& out, std::string_view key, const std::optional<std::string>& value) {
  if (!value || value->empty()) return;
  out += key;
  out += ": ";
  out += *value;
  out += '\n';
}

void add_header_line(std::string& out, std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  std::string joined;
  for (const std::string& v : values) joined += (joined.empty() ? "" : "; ") + v;
  add_header_line(out, key, joined);
}

// "---", one "key: value" line per metadata field with a value, "---": the
// front matter that static site tools and trafilatura's users read.
std::string metadata_header(const Article& article) {
  std::string out = "---\n";
  add_header_line(out, "title", article.title);
  add_header_line(out, "subtitle", article.subtitle);
  add_header_line(out, "authors", article.authors);
  add_header_line(out, "date", article.date);
  add_header_line(out, "date_modified", article.date_modified);
  add_header_line(out, "sitename", article.sitename);
  add_header_line(out, "description", article.description);
  add_header_line(out, "language", article.language);
  add_header_line(out, "url", article.url);
  add_header_line(out, "image", article.image);
  add_header_line(out, "tags", article.tags);
  add_header_line(out, "categories", article.categories);
  add_header_line(out, "license", article.license);
  add_header_line(out, "page_type", article.page_type);
  out += "---\n";
  return out;
}

std::string body_document(const Article& article, Format format) {
  bool has_title = article.title && !article.title->empty();
  if (format == Format::txt) return titled(has_title ? *article.title : std::string(), article.text);
  std::string heading;
  if (has_title) {
    heading = "# ";
    render::append_markdown_text(heading, *article.title);
  }
  return titled(std::move(heading), article.markdown.empty() ? article.text : article.markdown);
}

}  // namespace

std::string format_article(const Article& article, Format format, bool with_metadata) {
  switch (format) {
    case Format::txt:
    case Format::markdown:
      return with_metadata ? metadata_header(article) + body_document(article, format)
                           : body_document(article, format);
    case Format::html:
      return html_document(article);
    case Format::json:
      break;
  }
  return to_json(article);
}

std::string to_json(const Article& article, const std::vector<std::pair<std::string, std::string>>& leading) {
  std::string out;
  out.reserve(256 + article.text.size() + article.markdown.size() + article.html.size() +
              (article.comments ? article.comments->size() : 0));
  render::JsonWriter json(out);
  json.begin_object();
  for (const auto& [name, value] : leading) json.field(name, std::string_view(value));
  render::article_fields(json, article, "url");
  json.end_object();
  return out;
}

namespace render {

void article_fields(JsonWriter& json, const Article& article, std::string_view url_key) {
  json.field("title", article.title);
  json.field("subtitle", article.subtitle);
  json.field("authors", article.authors);
  json.field("date", article.date);
  json.field("date_modified", article.date_modified);
  json.field("sitename", article.sitename);
  json.field("description", article.description);
  json.field("language", article.language);
  json.field(url_key, article.url);
  json.field("image", article.image);
  json.field("tags", article.tags);
  json.field("categories", article.categories);
  json.field("license", article.license);
  json.field("page_type", article.page_type);
  json.key("sources");
  json.begin_object();
  for (const auto& [field, source] : article.sources)
    json.field(field == "url" ? url_key : std::string_view(field), std::string_view(source));
  json.end_object();
  json.field("text", std::string_view(article.text));
  if (!article.markdown.empty()) json.field("markdown", std::string_view(article.markdown));
  if (!article.html.empty()) json.field("html", std::string_view(article.html));
  if (article.comments) json.field("comments", article.comments);
}

}  // namespace render
}  // namespace lede
