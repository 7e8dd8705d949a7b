// lede: web pages to clean, structured articles.
//
//   lede::Options options;
//   options.url = "https://example.org/news/1";
//   lede::Article article = lede::extract(html_bytes, options);
//   std::cout << article.title.value_or("") << "\n\n" << article.text;
//
// extract() takes the page's raw bytes in any encoding; it never throws on bad
// HTML. Only unusable input (e.g. a binary file) raises lede::Error.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

enum class Focus { balanced, precision, recall };

struct Options {
  std::string url;            // the page's address, for metadata and links
  std::string charset;        // transport hint (e.g. from an HTTP header)
  Focus focus = Focus::balanced;
  bool include_comments = false;  // also return reader comments
  bool markdown = false;          // render Article::markdown
  bool html = false;              // render Article::html
  bool links = false;             // keep link targets in Markdown and HTML
  // Also take metadata from weak sources (dates and bylines in the running
  // text). Off by default: a field without a reliable source stays empty.
  bool guess = false;
};

struct Article {
  std::optional<std::string> title;     // the headline, without " | Site"
  std::optional<std::string> subtitle;  // the standfirst (dek)
  std::vector<std::string> authors;     // person names
  std::optional<std::string> date;           // first published, ISO 8601
  std::optional<std::string> date_modified;  // ISO 8601
  std::optional<std::string> sitename;
  std::optional<std::string> description;
  std::optional<std::string> language;  // BCP 47
  std::optional<std::string> url;       // canonical
  std::optional<std::string> image;     // the lead image's URL
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::optional<std::string> license;
  // article, listing, product, forum, documentation or other
  std::optional<std::string> page_type;
  // Where each metadata field came from, for fields that have a value:
  // ("date", "json-ld"), ("authors", "byline"), ... The sources are json-ld,
  // opengraph, meta, microdata, time-element, byline, url, html (<title>,
  // <h1>, <html lang>) and text.
  std::vector<std::pair<std::string, std::string>> sources;
  std::string text;      // body: blocks separated by blank lines
  std::string markdown;  // when Options::markdown
  std::string html;      // when Options::html: a minimal HTML fragment
  std::optional<std::string> comments;  // when Options::include_comments
  std::string encoding;  // the charset the bytes were decoded from
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

Article extract(std::string_view bytes, const Options& options = {});

// Output formats of the command line, exposed so every front end agrees.
enum class Format { txt, markdown, html, json };
// The whole document in `format`: txt is title, blank line, text; markdown
// adds "# title"; html a complete page; json one object (see README).
// `with_metadata` puts a header of the metadata fields ("key: value" lines
// between "---" lines) before txt and markdown.
std::string format_article(const Article& article, Format format, bool with_metadata = false);
// The article's fields as one JSON object on one line (no trailing newline).
// `leading` fields (e.g. id, source) come first, as JSON strings.
std::string to_json(const Article& article,
                    const std::vector<std::pair<std::string, std::string>>& leading = {});

}  // namespace lede
