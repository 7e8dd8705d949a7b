// Main-content selection: decides which parts of the page are the article
// (and which are reader comments) and marks the DOM for the renderers.
#pragma once

#include <string_view>

#include "dom/dom.h"
#include "lede/lede.h"

namespace lede::select {

struct SelectOptions {
  Focus focus = Focus::balanced;
  bool comments = false;       // also mark the comment section (kComments)
  std::string_view title;      // the headline from metadata, if known
  bool product_page = false;   // the page declares a product (metadata's page type)
  std::string_view product_description;  // the declared product's, from JSON-LD, if any
};

void select_content(dom::Document& doc, const SelectOptions& options);

}  // namespace lede::select
