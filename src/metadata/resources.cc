#include "metadata/resources.h"

#include "metadata/text.h"
#include "metadata/url.h"

namespace lede::metadata {
namespace {

// Longer "licence names" are paragraphs of legal text.
constexpr size_t kMaxLicenceNameBytes = 120;

// An absolute URL for `ref`, or empty (a data: URI, a template placeholder).
std::string absolute(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty()) return {};
  // "//cdn.example.com/a.jpg" on a page of unknown address: the web is https.
  if (ref.starts_with("//") && !is_http_url(base)) return resolve_url({}, "https:" + std::string(ref));
  return resolve_url(base, ref);
}

// A link's text that names a licence: "CC BY-SA 4.0", "Creative Commons
// Attribution". Other anchor text ("Some rights reserved", an image) is not.
bool names_a_licence(std::string_view text) {
  return starts_with_ignore_case(text, "CC ") || starts_with_ignore_case(text, "CC-") ||
         contains_ignore_case(text, "creative commons") || contains_ignore_case(text, "licen");
}

// A URL when the value is one, else the value as a name if it is short.
std::string licence_value(std::string_view value, std::string_view base) {
  std::string text = collapse_whitespace(value);
  if (is_http_url(text) || text.starts_with('/')) return absolute(base, text);
  return text.size() <= kMaxLicenceNameBytes ? text : std::string();
}

std::optional<Sourced<std::string>> licence_from_anchor(const dom::Node* anchor, std::string_view base) {
  if (!anchor) return std::nullopt;
  std::string url = absolute(base, anchor->attr("href"));
  if (!url.empty()) return Sourced<std::string>{std::move(url), Source::html};
  std::string text = element_text(anchor, false);
  if (names_a_licence(text) && text.size() <= kMaxLicenceNameBytes)
    return Sourced<std::string>{std::move(text), Source::html};
  return std::nullopt;
}

}  // namespace

std::optional<Sourced<std::string>> find_image(const PageScan& scan, const JsonLdFacts& jsonld,
                                               std::string_view base) {
  for (const auto& [ref, source] : {Sourced<std::string_view>{scan.meta("og:image"), Source::opengraph},
                                    {scan.meta("og:image:url"), Source::opengraph},
                                    {scan.meta("og:image:secure_url"), Source::opengraph},
                                    {scan.meta("twitter:image"), Source::meta},
                                    {scan.meta("twitter:image:src"), Source::meta},
                                    {jsonld.image, Source::json_ld}}) {
    std::string url = absolute(base, ref);
    if (!url.empty()) return Sourced<std::string>{std::move(url), source};
  }
  return std::nullopt;
}

std::optional<Sourced<std::string>> find_license(const PageScan& scan, const JsonLdFacts& jsonld,
                                                 std::string_view base) {
  if (std::string value = licence_value(jsonld.license, base); !value.empty())
    return Sourced<std::string>{std::move(value), Source::json_ld};
  if (std::string url = absolute(base, scan.license_href); !url.empty())
    return Sourced<std::string>{std::move(url), Source::html};
  if (auto anchor = licence_from_anchor(scan.license_anchor, base)) return anchor;
  for (std::string_view key : {"license", "dc.rights", "dcterms.rights", "dcterms.license"})
    if (std::string value = licence_value(scan.meta(key), base); !value.empty())
      return Sourced<std::string>{std::move(value), Source::meta};
  return std::nullopt;
}

}  // namespace lede::metadata
