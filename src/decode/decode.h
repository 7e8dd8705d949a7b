// Page bytes to UTF-8 text: encoding sniffing (BOM, transport hint, <meta>
// prescan, detector, windows-1252 fallback) and conversion. Invalid sequences
// become U+FFFD; decoding never fails.
#pragma once

#include <string>
#include <string_view>

namespace lede::decode {

struct Decoded {
  std::string_view text;  // valid UTF-8: a view of the input or of `storage`
  std::string storage;
  std::string encoding;   // canonical WHATWG name, e.g. "utf-8", "windows-1252"

  // A copy or move views its own `storage` (a moved short string would
  // otherwise leave `text` dangling).
  Decoded() = default;
  Decoded(const Decoded& other);
  Decoded(Decoded&& other) noexcept;
  Decoded& operator=(const Decoded& other);
  Decoded& operator=(Decoded&& other) noexcept;
  ~Decoded() = default;
};

// `transport_charset` is a hint from outside the page (HTTP header, --charset),
// empty if none. The result's text may view `bytes`: keep them alive.
Decoded to_utf8(std::string_view bytes, std::string_view transport_charset);

// The canonical WHATWG name of the encoding `label` names ("latin1" gives
// "windows-1252"), ignoring case and surrounding whitespace; empty if the
// label names none.
std::string_view encoding_name(std::string_view label);

// How sure the HTML standard is of a sniffed encoding: a BOM or a transport
// label is certain; a prescanned <meta> or the default is tentative, and the
// tree builder may still change it when it meets a <meta> (see below).
enum class Confidence { tentative, certain };

struct Sniffed {
  std::string_view encoding;  // canonical WHATWG name
  Confidence confidence = Confidence::tentative;
};

// The HTML standard's encoding sniffing algorithm as written: BOM, transport
// label, prescan of the first 1024 bytes, else the default windows-1252.
// to_utf8 adds lede's own steps (valid UTF-8 wins over a prescanned legacy
// <meta>; a detector before the default); this is the standard's answer alone.
Sniffed sniff_encoding(std::string_view bytes, std::string_view transport_charset);

// The encoding a <meta> element's attributes declare when the tree builder
// inserts it (the standard's "in head" rules, which then "change the
// encoding"): a charset attribute naming an encoding, else http-equiv
// Content-Type with a content attribute holding a charset. UTF-16 becomes
// UTF-8 and x-user-defined windows-1252, as "change the encoding" says.
// Empty if the element declares nothing; pass empty views for absent
// attributes.
std::string_view encoding_declared_by_meta(std::string_view charset, std::string_view http_equiv,
                                           std::string_view content);

// True for content that is clearly not text (NUL bytes, many control bytes):
// the caller reports it rather than extracting garbage.
bool looks_binary(std::string_view bytes);

}  // namespace lede::decode
