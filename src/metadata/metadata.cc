// The metadata stage: one scan of the page, the JSON-LD read once, then each
// field from its own cascade of sources.
#include "metadata/metadata.h"

#include <algorithm>
#include <vector>

#include "metadata/authors.h"
#include "metadata/jsonld.h"
#include "metadata/language.h"
#include "metadata/page_scan.h"
#include "metadata/page_type.h"
#include "metadata/published.h"
#include "metadata/resources.h"
#include "metadata/subtitle.h"
#include "metadata/taxonomy.h"
#include "metadata/text.h"
#include "metadata/title.h"
#include "metadata/url.h"

namespace lede::metadata {
namespace {

std::optional<Sourced<std::string>> first_present(std::initializer_list<Sourced<std::string_view>> values) {
  for (const auto& [value, source] : values) {
    std::string clean = collapse_whitespace(value);
    if (!clean.empty()) return Sourced<std::string>{std::move(clean), source};
  }
  return std::nullopt;
}

bool is_ascii_alpha(std::string_view s) {
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return !s.empty();
}

bool is_ascii_alnum(std::string_view s) {
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return !s.empty();
}

// Case of one BCP 47 subtag after the language: script "Hans", region "US".
std::string subtag_case(std::string_view subtag) {
  std::string out = to_lower_ascii(subtag);
  if (out.size() == 2) {
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  } else if (out.size() == 4 && is_ascii_alpha(out)) {
    out[0] = static_cast<char>(out[0] - 32);
  }
  return out;
}

// "en_us" -> "en-US", "zh-hans-cn" -> "zh-Hans-CN"; empty unless it starts
// with a 2-3 letter language code.
std::string normalise_language(std::string_view value) {
  value = trim(value);
  value = value.substr(0, value.find_first_of(",; "));
  std::string tag;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find_first_of("-_", start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view subtag = value.substr(start, end - start);
    if (tag.empty()) {
      if (subtag.size() < 2 || subtag.size() > 3 || !is_ascii_alpha(subtag)) return {};
      tag = to_lower_ascii(subtag);
    } else {
      if (subtag.empty() || subtag.size() > 8 || !is_ascii_alnum(subtag)) break;
      tag += '-' + subtag_case(subtag);
    }
    start = end + 1;
  }
  return tag;
}

std::optional<Sourced<std::string>> find_language(const PageScan& scan) {
  for (const auto& [value, source] : {Sourced<std::string_view>{scan.html_lang, Source::html},
                                      {scan.meta("content-language"), Source::meta},
                                      {scan.meta("og:locale"), Source::opengraph},
                                      {scan.meta("language"), Source::meta},
                                      {scan.meta("dc.language"), Source::meta}}) {
    std::string lang = normalise_language(value);
    if (!lang.empty()) return Sourced<std::string>{std::move(lang), source};
  }
  return std::nullopt;
}

// The canonical link, og:url, or the address the page was fetched from
// (which is no claim of the page's, so it has no source).
std::optional<Sourced<std::string>> find_url(const PageScan& scan, std::string_view page_url) {
  for (const auto& [candidate, source] : {Sourced<std::string_view>{scan.canonical_href, Source::html},
                                          {scan.meta("og:url"), Source::opengraph},
                                          {page_url, Source::url}}) {
    if (candidate.empty()) continue;
    std::string url = resolve_url(page_url, candidate);
    if (!url.empty()) return Sourced<std::string>{std::move(url), source};
  }
  return std::nullopt;
}

// The name a host registers: "example" for news.example.com and
// www.example.co.uk (a two-letter country code after a short label is one
// public suffix).
std::string_view registered_name(std::string_view host) {
  std::vector<std::string_view> labels;
  for (size_t start = 0; start <= host.size();) {
    size_t dot = std::min(host.find('.', start), host.size());
    labels.push_back(host.substr(start, dot - start));
    start = dot + 1;
  }
  if (labels.size() < 2) return {};
  size_t name = labels.size() - 2;
  bool country_suffix = labels.back().size() == 2 && labels[name].size() <= 3;
  if (country_suffix && name > 0) --name;
  return labels[name];
}

// Subdomains that name a section of a site, not a publisher.
constexpr std::string_view kSectionSubdomains[] = {
    "blog", "blogs", "news", "home", "shop", "store", "support", "help", "docs", "forum",
    "forums", "community", "discuss", "online", "mobile", "learn", "resources"};

// "www.the-verge.com" -> "the-verge.com" and "the-verge"; "jane.substack.com"
// also -> "jane": how a site's name shows up in titles ("... | The Verge")
// and fake bylines.
void add_host_names(NameSet& names, std::string_view host) {
  if (starts_with_ignore_case(host, "www.")) host.remove_prefix(4);
  if (host.empty()) return;
  names.add(host);
  std::string_view registered = registered_name(host);
  names.add(registered);
  std::string_view first = host.substr(0, host.find('.'));
  bool section = std::find(std::begin(kSectionSubdomains), std::end(kSectionSubdomains), to_lower_ascii(first)) !=
                 std::end(kSectionSubdomains);
  if (first != registered && first.size() >= 4 && !section) names.add(first);
}

// The names the site goes by, none of which is an author or a headline.
NonPersons site_identity(const PageScan& scan, const JsonLdFacts& jsonld, std::string_view address) {
  NonPersons site;
  for (std::string_view name : {scan.meta("og:site_name"), std::string_view(jsonld.publisher),
                                std::string_view(jsonld.website), scan.meta("application-name")})
    if (!name.empty()) site.names.add(name);
  add_host_names(site.hosts, url_host(address));
  return site;
}

// "03/04/2024" is March 4th in American English, April 3rd elsewhere.
DayOrder day_order(std::string_view language) {
  if (language.empty() || language == "en" || language == "en-US") return DayOrder::month_first;
  return DayOrder::day_first;
}

// Sets `field` from `found` and records its source.
void assign(Metadata& meta, std::string_view name, std::optional<std::string>& field,
            std::optional<Sourced<std::string>> found) {
  if (!found) return;
  field = std::move(found->value);
  meta.sources.emplace_back(name, found->source);
}

// Sets a list field from `found` when it names anything.
void assign_list(Metadata& meta, std::string_view name, std::vector<std::string>& field,
                 Sourced<std::vector<std::string>> found) {
  if (found.value.empty()) return;
  field = std::move(found.value);
  meta.sources.emplace_back(name, found.source);
}

}  // namespace

std::string_view source_name(Source source) {
  switch (source) {
    case Source::json_ld: return "json-ld";
    case Source::opengraph: return "opengraph";
    case Source::meta: return "meta";
    case Source::microdata: return "microdata";
    case Source::time_element: return "time-element";
    case Source::byline: return "byline";
    case Source::url: return "url";
    case Source::html: return "html";
    case Source::text: return "text";
  }
  return "";
}

Metadata extract(const dom::Document& doc, const MetadataOptions& options) {
  PageScan scan = scan_page(doc);
  JsonLdFacts jsonld = read_jsonld(scan.jsonld);
  Metadata meta;
  std::optional<Sourced<std::string>> url = find_url(scan, options.page_url);
  std::optional<Sourced<std::string>> language = check_language(find_language(scan), text_languages(doc));
  std::string_view address = url ? std::string_view(url->value) : options.page_url;
  NonPersons site = site_identity(scan, jsonld, address);
  NameSet site_names = site.names;
  site_names.add_all(site.hosts);
  TitleChoice title = find_title(scan, jsonld, site_names);
  DayOrder order = day_order(language ? std::string_view(language->value) : std::string_view());
  PageDates dates = find_dates(scan, jsonld, title.heading, address, order, options.guess);
  std::optional<Sourced<std::string>> page_type =
      find_page_type(doc, scan, jsonld, address, dates.published.has_value());
  bool forum_thread = page_type && page_type->value == "forum";
  Sourced<std::vector<std::string>> authors = find_authors(scan, jsonld, site, title.heading, forum_thread);

  if (title.title) assign(meta, "title", meta.title, Sourced<std::string>{*title.title, title.source});
  if (!authors.value.empty()) {
    meta.authors = std::move(authors.value);
    meta.sources.emplace_back("authors", authors.source);
  }
  assign(meta, "date", meta.date, std::move(dates.published));
  assign(meta, "date_modified", meta.date_modified, std::move(dates.modified));
  assign(meta, "sitename", meta.sitename,
         first_present({{scan.meta("og:site_name"), Source::opengraph},
                        {jsonld.publisher, Source::json_ld},
                        {jsonld.website, Source::json_ld},
                        {scan.meta("application-name"), Source::meta}}));
  assign(meta, "description", meta.description,
         first_present({{scan.meta("og:description"), Source::opengraph},
                        {scan.meta("description"), Source::meta},
                        {jsonld.description, Source::json_ld},
                        {scan.meta("twitter:description"), Source::meta}}));
  assign(meta, "language", meta.language, std::move(language));
  assign(meta, "url", meta.url, std::move(url));
  assign(meta, "subtitle", meta.subtitle, find_subtitle(jsonld, title));
  assign(meta, "image", meta.image, find_image(scan, jsonld, address));
  assign_list(meta, "tags", meta.tags, find_tags(scan, jsonld));
  assign_list(meta, "categories", meta.categories, find_categories(scan, jsonld));
  assign(meta, "license", meta.license, find_license(scan, jsonld, address));
  assign(meta, "page_type", meta.page_type, std::move(page_type));
  meta.product_description = std::move(jsonld.product_description);
  return meta;
}

}  // namespace lede::metadata
