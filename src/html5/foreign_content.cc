// 13.2.6.5 The rules for parsing tokens in foreign content (SVG and MathML),
// with the standard's name adjustments: SVG element and attribute names get
// their camel case back, MathML's definitionURL too, and xlink:/xml:/xmlns
// attributes are namespaced (lede keeps their qualified name; see
// foreign_attribute_prefix).
#include <array>
#include <bit>
#include <cstdint>

#include "html5/tree_builder.h"

namespace lede::html5 {

using dom::Namespace;
using dom::Node;
using dom::Tag;

namespace {

constexpr std::string_view kSvgTagNames[] = {
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion",
    "animateTransform", "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer",
    "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
    "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath",
};

constexpr std::string_view kSvgAttributeNames[] = {
    "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode",
    "clipPathUnits", "diffuseConstant", "edgeMode", "filterUnits", "glyphRef",
    "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength", "keyPoints",
    "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight",
    "markerUnits", "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength",
    "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX", "pointsAtY",
    "pointsAtZ", "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY",
    "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures", "specularConstant",
    "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles",
    "surfaceScale", "systemLanguage", "tableValues", "targetX", "targetY", "textLength",
    "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector", "zoomAndPan",
};

// For each name length, a bit for each entry of the table that long: every
// attribute of an SVG drawing is looked up, and only names of its length are
// compared.
constexpr size_t kMaxAdjustedLength = 31;
using EntriesByLength = std::array<uint64_t, kMaxAdjustedLength + 1>;

template <size_t N>
constexpr EntriesByLength entries_by_length(const std::string_view (&table)[N]) {
  static_assert(N <= 64);
  EntriesByLength entries{};
  for (size_t i = 0; i < N; ++i) {
    if (table[i].size() > kMaxAdjustedLength) throw "name too long for EntriesByLength";
    entries[table[i].size()] |= uint64_t{1} << i;
  }
  return entries;
}

constexpr EntriesByLength kSvgTagLengths = entries_by_length(kSvgTagNames);
constexpr EntriesByLength kSvgAttributeLengths = entries_by_length(kSvgAttributeNames);

// The camel-case spelling of `lower`, if the table has one.
template <size_t N>
std::string_view adjusted(const std::string_view (&table)[N], const EntriesByLength& lengths,
                          std::string_view lower) {
  if (lower.size() > kMaxAdjustedLength) return lower;
  for (uint64_t entries = lengths[lower.size()]; entries != 0; entries &= entries - 1) {
    std::string_view name = table[std::countr_zero(entries)];
    if (dom::equals_ignore_case(name, lower)) return name;
  }
  return lower;
}

// Start tags that leave foreign content for HTML.
constexpr TagSet kBreakoutTags = tag_set(
    {Tag::b, Tag::big, Tag::blockquote, Tag::body, Tag::br, Tag::center, Tag::code, Tag::dd,
     Tag::div, Tag::dl, Tag::dt, Tag::em, Tag::embed, Tag::h1, Tag::h2, Tag::h3, Tag::h4,
     Tag::h5, Tag::h6, Tag::head, Tag::hr, Tag::i, Tag::img, Tag::li, Tag::listing, Tag::menu,
     Tag::meta, Tag::nobr, Tag::ol, Tag::p, Tag::pre, Tag::ruby, Tag::s, Tag::small, Tag::span,
     Tag::strong, Tag::strike, Tag::sub, Tag::sup, Tag::table, Tag::tt, Tag::u, Tag::ul,
     Tag::var});

bool is_breakout(const Token& t) {
  if (t.type == TokenType::end_tag) return t.tag == Tag::br || t.tag == Tag::p;
  if (in_set(kBreakoutTags, t.tag)) return true;
  if (t.tag != Tag::font) return false;
  for (const TokenAttribute& a : t.attrs)
    if (a.name == "color" || a.name == "face" || a.name == "size") return true;
  return false;
}

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

}  // namespace

std::string_view adjust_svg_tag_name(std::string_view lower_name) {
  return adjusted(kSvgTagNames, kSvgTagLengths, lower_name);
}

std::string_view foreign_attribute_prefix(std::string_view name) {
  if (name.starts_with("xlink:")) {
    std::string_view local = name.substr(6);
    if (local == "actuate" || local == "arcrole" || local == "href" || local == "role" ||
        local == "show" || local == "title" || local == "type")
      return "xlink";
    return {};
  }
  if (name == "xml:lang" || name == "xml:space") return "xml";
  if (name == "xmlns" || name == "xmlns:xlink") return "xmlns";
  return {};
}

// The tree construction dispatcher's test for HTML rules, past its first
// steps (tree_builder.h).
bool TreeBuilder::use_html_rules_in_foreign_content(const Token& t, const Node* node) const {
  bool start = t.type == TokenType::start_tag;
  bool chars = t.type == TokenType::characters;
  if (is_mathml_text_integration_point(node)) {
    if (chars) return true;
    if (start && t.name != "mglyph" && t.name != "malignmark") return true;
  }
  if (start && t.name == "svg" && node->ns == Namespace::mathml && node->name == "annotation-xml")
    return true;
  return (start || chars) && is_html_integration_point(node);
}

Node* TreeBuilder::insert_foreign_element(const Token& t, Namespace ns) {
  attr_buf_.clear();
  for (const TokenAttribute& a : t.attrs) {
    std::string_view name = a.name;
    if (ns == Namespace::svg)
      name = adjusted(kSvgAttributeNames, kSvgAttributeLengths, name);
    else if (name == "definitionurl")
      name = "definitionURL";
    attr_buf_.push_back({name, a.value});
  }
  std::string_view name = ns == Namespace::svg ? adjust_svg_tag_name(t.name) : t.name;
  Node* element = doc_.create_element(name, attr_buf_, ns);
  insert_at(appropriate_place(), element);
  push(element);
  return element;
}

void TreeBuilder::insert_svg_or_math(const Token& t, Namespace ns) {
  reconstruct_formatting();
  insert_foreign_element(t, ns);
  if (t.self_closing) pop();
}

void TreeBuilder::foreign_content(Token& t) {
  switch (t.type) {
    case TokenType::characters: {
      if (t.data.find('\0') == std::string_view::npos) {
        insert_text(t.data);
      } else {
        scratch_.clear();
        for (char c : t.data)
          if (c == '\0')
            scratch_.append(kReplacementCharacter);
          else
            scratch_.push_back(c);
        insert_text(scratch_);
      }
      if (frameset_ok_) {
        for (char c : t.data)
          if (c != '\0' && !is_html_space(c)) frameset_ok_ = false;
      }
      return;
    }
    case TokenType::comment: insert_comment(t); return;
    case TokenType::doctype: return;
    case TokenType::start_tag: foreign_start_tag(t); return;
    case TokenType::end_tag: foreign_end_tag(t); return;
    case TokenType::end_of_file: return;  // never: EOF takes the HTML rules
  }
}

// HTML tags inside foreign content close it, back to the nearest HTML
// element or integration point, and take the HTML rules.
void TreeBuilder::break_out_of_foreign_content(Token& t) {
  while (!is_mathml_text_integration_point(current_node()) &&
         !is_html_integration_point(current_node()) && current_node()->ns != Namespace::html)
    pop();
  while (run_mode(mode_, t) == Step::reprocess) {
  }
}

void TreeBuilder::foreign_start_tag(Token& t) {
  if (is_breakout(t)) {
    break_out_of_foreign_content(t);
    return;
  }
  insert_foreign_element(t, adjusted_current_node()->ns);
  if (t.self_closing) pop();
}

// How many foreign elements an end tag in foreign content looks through for
// one of its name before it takes the HTML rules, as it does on reaching an
// HTML element. Foreign names compare without regard to case, so the stack's
// index does not serve; the limit keeps 100k nested <svg> followed by 100k
// stray end tags from comparing every pair.
constexpr size_t kMaxForeignEndTagSearch = kMaxTreeDepth;

void TreeBuilder::foreign_end_tag(Token& t) {
  if (is_breakout(t)) {
    break_out_of_foreign_content(t);
    return;
  }
  size_t i = open_.size() - 1;
  Node* node = open_[i];
  for (size_t looked = 1; i > 0; ++looked) {
    if (dom::equals_ignore_case(node->name, t.name)) {
      pop_until_node(node);
      return;
    }
    node = open_[--i];
    if (node->ns == Namespace::html || looked == kMaxForeignEndTagSearch) {
      while (run_mode(mode_, t) == Step::reprocess) {
      }
      return;
    }
  }
}

}  // namespace lede::html5
