#include "parse/depth_guard.h"

#include <cstring>
#include <utility>
#include <vector>

namespace lede::parse {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool name_in(std::string_view name, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (s.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size() && same; ++i) same = lower(name[i]) == s[i];
    if (same) return true;
  }
  return false;
}

// Tags that never deepen the tree: void elements, and those whose end tag is
// implied by the next sibling (counting them would flag ordinary lists).
bool never_nests(std::string_view name) {
  return name_in(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                        "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
                        "colgroup", "caption", "rb", "rt", "rp", "a", "html", "head", "body"});
}

bool is_raw_text(std::string_view name) {
  return name_in(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes", "plaintext", "noscript"});
}

// Position after the end tag of a raw-text element `name` starting at `from`.
size_t skip_raw_text(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() <= html.size() && name_in(html.substr(i + 2, name.size()), {name}))
      return i;
  }
  return html.size();
}

size_t tag_end(std::string_view html, size_t from) {
  size_t gt = html.find('>', from);
  return gt == std::string_view::npos ? html.size() : gt + 1;
}

}  // namespace

bool flatten_deep_nesting(std::string_view html, std::string& out, size_t max_depth) {
  std::vector<std::pair<size_t, size_t>> cuts;  // byte ranges of tags to drop
  size_t depth = 0, suppressed = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_start = i + 1 + closing;
    size_t name_end = name_start;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_start) {
      ++i;
      continue;
    }
    std::string_view name = html.substr(name_start, name_end - name_start);
    size_t end = tag_end(html, name_end);
    if (!closing && is_raw_text(name)) {
      i = skip_raw_text(html, end, name);
      continue;
    }
    if (never_nests(name) || (!closing && html[end - 2] == '/')) {
      i = end;
      continue;
    }
    if (closing) {
      if (suppressed > 0) {
        --suppressed;
        cuts.emplace_back(i, end);
      } else if (depth > 0) {
        --depth;
      }
    } else if (depth >= max_depth) {
      ++suppressed;
      cuts.emplace_back(i, end);
    } else {
      ++depth;
    }
    i = end;
  }
  if (cuts.empty()) return false;
  out.clear();
  out.reserve(html.size());
  size_t kept_from = 0;
  for (auto [from, to] : cuts) {
    out.append(html.substr(kept_from, from - kept_from));
    kept_from = to;
  }
  out.append(html.substr(kept_from));
  return true;
}

}  // namespace lede::parse
