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

// True for content that is clearly not text (NUL bytes, many control bytes):
// the caller reports it rather than extracting garbage.
bool looks_binary(std::string_view bytes);

}  // namespace lede::decode
