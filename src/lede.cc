// The pipeline: bytes -> decode -> parse -> metadata -> select -> render.
#include "lede/lede.h"

#include "decode/decode.h"
#include "decode/mojibake.h"
#include "metadata/metadata.h"
#include "parse/parse.h"
#include "render/render.h"
#include "select/marks.h"
#include "select/select.h"

namespace lede {
namespace {

// Every text field read from the page, back from a mis-decoding that the
// page itself carries (see decode/mojibake.h).
void repair_mojibake(Article& article) {
  auto repair = [](std::optional<std::string>& field) {
    if (field) decode::repair_mojibake(*field);
  };
  for (std::optional<std::string>* field :
       {&article.title, &article.subtitle, &article.sitename, &article.description, &article.comments})
    repair(*field);
  for (std::vector<std::string>* list : {&article.authors, &article.tags, &article.categories})
    for (std::string& item : *list) decode::repair_mojibake(item);
  for (std::string* body : {&article.text, &article.markdown, &article.html}) decode::repair_mojibake(*body);
}

}  // namespace

Article extract(std::string_view bytes, const Options& options) {
  if (decode::looks_binary(bytes)) throw Error("binary content, not an HTML page");
  decode::Decoded decoded = decode::to_utf8(bytes, options.charset);
  std::string repaired;
  dom::Document doc = parse::parse_page(decoded.text, repaired);

  metadata::Metadata meta = metadata::extract(doc, {.page_url = options.url, .guess = options.guess});
  select::SelectOptions select_options;
  select_options.focus = options.focus;
  select_options.comments = options.include_comments;
  if (meta.title) select_options.title = *meta.title;
  select_options.product_page = meta.page_type == "product";
  select_options.product_description = meta.product_description;
  select::select_content(doc, select_options);

  Article article;
  article.title = std::move(meta.title);
  article.subtitle = std::move(meta.subtitle);
  article.authors = std::move(meta.authors);
  article.date = std::move(meta.date);
  article.date_modified = std::move(meta.date_modified);
  article.sitename = std::move(meta.sitename);
  article.description = std::move(meta.description);
  article.language = std::move(meta.language);
  article.url = std::move(meta.url);
  article.image = std::move(meta.image);
  article.tags = std::move(meta.tags);
  article.categories = std::move(meta.categories);
  article.license = std::move(meta.license);
  article.page_type = std::move(meta.page_type);
  for (const auto& [field, source] : meta.sources)
    article.sources.emplace_back(std::string(field), std::string(metadata::source_name(source)));
  article.encoding = decoded.encoding;
  article.text = render::text(doc, select::kContent);
  render::RenderOptions render_options;
  render_options.links = options.links;
  render_options.base_url = options.url;
  if (options.markdown) article.markdown = render::markdown(doc, select::kContent, render_options);
  if (options.html) article.html = render::html(doc, select::kContent, render_options);
  if (options.include_comments) {
    std::string comments = render::text(doc, select::kComments);
    if (!comments.empty()) article.comments = std::move(comments);
  }
  repair_mojibake(article);
  return article;
}

}  // namespace lede
