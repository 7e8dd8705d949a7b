// Runs the metadata stage on an HTML string, as the pipeline does.
#pragma once

#include <string>
#include <string_view>

#include "metadata/metadata.h"
#include "parse/parse.h"

namespace lede::metadata::test {

inline Metadata metadata_of(std::string_view html, std::string_view url = "https://news.example.com/world/story") {
  dom::Document doc = parse::parse_document(html);
  return extract(doc, {.page_url = url});
}

// A page whose <head> holds `head` and whose <body> holds `body`.
inline std::string page(std::string_view head, std::string_view body = "") {
  return "<!doctype html><html><head>" + std::string(head) + "</head><body>" + std::string(body) +
         "</body></html>";
}

// A JSON-LD script element around `json`.
inline std::string jsonld(std::string_view json) {
  return "<script type=\"application/ld+json\">" + std::string(json) + "</script>";
}

}  // namespace lede::metadata::test
