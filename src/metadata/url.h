// The little URL handling metadata needs: resolving a canonical link against
// the page address, and a host name to compare site names with.
#pragma once

#include <string>
#include <string_view>

namespace lede::metadata {

// True for "http://..." and "https://..." (any case).
bool is_http_url(std::string_view url);

// `ref` made absolute against `base` (RFC 3986 reference resolution). Empty
// when the result would not be an http(s) URL.
std::string resolve_url(std::string_view base, std::string_view ref);

// "www.Example.co.uk" from "https://user@www.Example.co.uk:8080/x"; empty
// when `url` is not absolute.
std::string_view url_host(std::string_view url);

}  // namespace lede::metadata
