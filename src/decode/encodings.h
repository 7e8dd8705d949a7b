// The WHATWG Encoding standard's encodings and their labels, and the HTML
// standard's <meta> prescan. Internal to the decode stage (and its tests).
#pragma once

#include <string_view>

namespace lede::decode {

struct Encoding {
  std::string_view name;        // canonical WHATWG name, lower-case
  std::string_view iconv_name;  // glibc iconv's name for the same decoder
  std::string_view labels;      // every label, space separated
};

// The encoding a label names ("latin1", " UTF8 ", "x-sjis"...), ignoring case
// and surrounding whitespace; nullptr for an unknown label.
const Encoding* find_encoding(std::string_view label);

// What a <meta> declaring `encoding` means (nullptr stays nullptr): a page
// read as ASCII to find its <meta> is not UTF-16, so UTF-16 means UTF-8, and
// x-user-defined means windows-1252, as the HTML standard says.
const Encoding* as_meta_declaration(const Encoding* encoding);

// The encoding declared by a <meta charset> or <meta http-equiv content> in
// the first 1024 bytes, following the HTML standard's prescan (comments
// skipped, attributes quoted or not); nullptr if none. A declared UTF-16 is
// reported as UTF-8 and x-user-defined as windows-1252, as the spec says.
const Encoding* prescan_meta_charset(std::string_view bytes);

// The label in a Content-Type-like value: "text/html; charset=latin1" gives
// "latin1" (quotes removed); empty if there is none.
std::string_view charset_from_content(std::string_view content);

}  // namespace lede::decode
