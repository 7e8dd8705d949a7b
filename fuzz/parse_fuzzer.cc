// libFuzzer target for lede's HTML5 parser: any bytes are decoded as lede
// decodes pages (the parser needs valid UTF-8), parsed as a document and,
// without their first byte, as a fragment in a context that byte picks; both
// trees are dumped. Crashes, sanitizer reports and a broken promise of
// parser.h (html, head and body or frameset always exist) are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decode/decode.h"
#include "dom/dom.h"
#include "html5/parser.h"

namespace {

// The contexts of html5lib's fragment tests, and then some.
constexpr std::string_view kContexts[] = {
    "body",       "div",         "html",        "head",         "title",    "textarea",
    "style",      "script",      "plaintext",   "noscript",     "xmp",      "iframe",
    "template",   "select",      "table",       "caption",      "colgroup", "tbody",
    "thead",      "tfoot",       "tr",          "td",           "th",       "frameset",
    "svg svg",    "svg desc",    "svg title",   "svg path",     "svg foreignObject",
    "math math",  "math mi",     "math mo",     "math mn",      "math ms",  "math mtext",
    "math annotation-xml",       "math malignmark",             "p",        "ul",
};

bool has_document_structure(const lede::dom::Document& doc) {
  const lede::dom::Node* html = doc.html();
  if (!html || !doc.head()) return false;
  if (doc.body()) return true;
  for (const lede::dom::Node* child = html->first_child; child; child = child->next) {
    if (child->is(lede::dom::Tag::frameset)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lede::decode::Decoded page = lede::decode::to_utf8(bytes, {});
  lede::dom::Document doc = lede::html5::parse_document(page.text);
  if (!has_document_structure(doc)) std::abort();
  lede::html5::dump_tree(doc);

  if (size == 0) return 0;
  std::string_view context = kContexts[data[0] % std::size(kContexts)];
  lede::decode::Decoded fragment_text = lede::decode::to_utf8(bytes.substr(1), {});
  lede::dom::Document fragment = lede::html5::parse_fragment(fragment_text.text, context);
  lede::html5::dump_tree(fragment);
  return 0;
}
