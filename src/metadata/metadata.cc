// The metadata stage: one scan of the page, the JSON-LD read once, then each
// field from its own cascade of sources.
#include "metadata/metadata.h"

#include <algorithm>
#include <vector>

#include "metadata/authors.h"
#include "metadata/jsonld.h"
#include "metadata/page_scan.h"
#include "metadata/published.h"
#include "metadata/text.h"
#include "metadata/title.h"
#include "metadata/url.h"

namespace lede::metadata {
namespace {

std::optional<std::string> first_present(std::initializer_list<std::string_view> values) {
  for (std::string_view v : values) {
    std::string clean = collapse_whitespace(v);
    if (!clean.empty()) return clean;
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

std::optional<std::string> find_language(const PageScan& scan) {
  for (std::string_view v : {scan.html_lang, scan.meta("content-language"), scan.meta("og:locale"),
                             scan.meta("language"), scan.meta("dc.language")}) {
    std::string lang = normalise_language(v);
    if (!lang.empty()) return lang;
  }
  return std::nullopt;
}

std::optional<std::string> find_url(const PageScan& scan, std::string_view page_url) {
  for (std::string_view candidate : {scan.canonical_href, scan.meta("og:url"), page_url}) {
    if (candidate.empty()) continue;
    std::string url = resolve_url(page_url, candidate);
    if (!url.empty()) return url;
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
DayOrder day_order(const std::optional<std::string>& language) {
  if (!language || *language == "en" || *language == "en-US") return DayOrder::month_first;
  return DayOrder::day_first;
}

}  // namespace

Metadata extract(const dom::Document& doc, std::string_view page_url) {
  PageScan scan = scan_page(doc);
  JsonLdFacts jsonld = read_jsonld(scan.jsonld);
  Metadata meta;
  meta.sitename = first_present({scan.meta("og:site_name"), jsonld.publisher, jsonld.website,
                                 scan.meta("application-name")});
  meta.description = first_present({scan.meta("og:description"), scan.meta("description"),
                                    jsonld.description, scan.meta("twitter:description")});
  meta.language = find_language(scan);
  meta.url = find_url(scan, page_url);

  std::string_view address = meta.url ? std::string_view(*meta.url) : page_url;
  NonPersons site = site_identity(scan, jsonld, address);
  NameSet site_names = site.names;
  site_names.add_all(site.hosts);
  TitleChoice title = find_title(scan, jsonld, site_names);
  meta.title = std::move(title.title);
  meta.authors = find_authors(scan, jsonld, site, title.heading);
  meta.date = find_published_date(scan, jsonld, title.heading, address, day_order(meta.language));
  return meta;
}

}  // namespace lede::metadata
