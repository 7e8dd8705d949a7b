#include "metadata/url.h"

#include <vector>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of "scheme:" at the start of `url`, or 0.
size_t scheme_length(std::string_view url) {
  if (url.empty() || !is_alpha(url[0])) return 0;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i + 1;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

struct UrlParts {
  std::string_view origin;  // "https://host:port"
  std::string_view path;
  std::string_view query;   // with '?', without fragment
};

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  size_t scheme = scheme_length(url);
  size_t authority_end = url.find_first_of("/?#", scheme + 2);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  parts.origin = url.substr(0, authority_end);
  std::string_view rest = url.substr(authority_end);
  rest = rest.substr(0, rest.find('#'));
  size_t query = rest.find('?');
  parts.path = rest.substr(0, query);
  if (query != std::string_view::npos) parts.query = rest.substr(query);
  return parts;
}

// RFC 3986 5.2.4 on a path that starts with '/'.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    bool last = end == path.size();
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.push_back({});
    } else if (segment == ".") {
      if (last) segments.push_back({});
    } else {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view segment : segments) {
    out += '/';
    out += segment;
  }
  return out.empty() ? "/" : out;
}

// Path and the query/fragment that follows it in a relative reference.
std::pair<std::string_view, std::string_view> split_path_suffix(std::string_view ref) {
  size_t cut = ref.find_first_of("?#");
  if (cut == std::string_view::npos) return {ref, {}};
  return {ref.substr(0, cut), ref.substr(cut)};
}

std::string merge_relative(const UrlParts& base, std::string_view ref) {
  if (ref.starts_with('?')) return std::string(base.origin) + std::string(base.path) + std::string(ref);
  if (ref.starts_with('#'))
    return std::string(base.origin) + std::string(base.path) + std::string(base.query) + std::string(ref);
  auto [path, suffix] = split_path_suffix(ref);
  std::string merged;
  if (path.starts_with('/')) {
    merged = path;
  } else {
    size_t slash = base.path.rfind('/');
    merged = slash == std::string_view::npos ? "/" : std::string(base.path.substr(0, slash + 1));
    merged += path;
  }
  return std::string(base.origin) + remove_dot_segments(merged) + std::string(suffix);
}

}  // namespace

bool is_http_url(std::string_view url) {
  return starts_with_ignore_case(url, "http://") || starts_with_ignore_case(url, "https://");
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  std::string resolved;
  if (scheme_length(ref)) {
    resolved = ref;
  } else if (ref.starts_with("//") && is_http_url(base)) {
    resolved = std::string(base.substr(0, scheme_length(base))) + std::string(ref);
  } else if (is_http_url(base)) {
    resolved = merge_relative(split_url(trim(base)), ref);
  }
  return is_http_url(resolved) && url_host(resolved).size() > 0 ? resolved : std::string();
}

std::string_view url_host(std::string_view url) {
  size_t scheme = scheme_length(url);
  if (!scheme || url.substr(scheme, 2) != "//") return {};
  std::string_view authority = url.substr(scheme + 2);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  return authority.substr(0, authority.find(':'));
}

}  // namespace lede::metadata
