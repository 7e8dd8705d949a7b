// One walk over the page that gathers everything the metadata readers look at:
// meta tags, the canonical link, JSON-LD scripts, the <title>, headings, and
// the visible elements that may carry a byline or a date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/dom.h"

namespace lede::metadata {

struct MetaTag {
  std::string key;           // name, property, itemprop or http-equiv, lower-case
  std::string_view content;
};

struct PageScan {
  std::vector<MetaTag> metas;        // document order
  std::string_view html_lang;
  std::string_view canonical_href;   // first <link rel=canonical>
  std::string_view license_href;     // first <link rel=license>
  std::string_view home_href;        // first <link rel=home> or <link rel=start>
  // The first <a rel=license>, or else the first link to a Creative Commons
  // licence (footers included: that is where licences are stated).
  const dom::Node* license_anchor = nullptr;
  std::string title_element;         // text of the first <title>
  std::vector<std::string_view> jsonld;  // bodies of ld+json scripts
  // Visible elements outside navigation, sidebars, footers, comments and
  // reviews, in document order (Node::index grows along it).
  std::vector<const dom::Node*> h1s;
  std::vector<const dom::Node*> times;       // <time>
  std::vector<const dom::Node*> itemprops;   // elements with itemprop (not <meta>)
  // rel=author, class/id byline|author, links to /author/ pages, and the
  // parents of labels like "Written by"
  std::vector<const dom::Node*> bylines;
  std::vector<const dom::Node*> dated;       // class/id date|publish|posted|timestamp
  // class/id username|user-name|postuser|postauthor: who wrote a forum post
  std::vector<const dom::Node*> user_names;
  std::vector<const dom::Node*> year_texts;  // short text nodes with a year-like number

  // Content of the first meta tag with `key` and a non-blank content.
  std::string_view meta(std::string_view key) const;
  // Contents of every meta tag with `key`.
  std::vector<std::string_view> metas_named(std::string_view key) const;
};

PageScan scan_page(const dom::Document& doc);

// True when the class or id of `node` contains `fragment` (ASCII case-folded).
bool class_or_id_contains(const dom::Node* node, std::string_view fragment);

}  // namespace lede::metadata
