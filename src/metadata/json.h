// A tolerant JSON reader for the JSON-LD that pages embed. Publishers ship
// broken JSON (trailing commas, raw newlines and stray quotes in strings, HTML
// escaping, CDATA wrappers, comments, several objects back to back); this
// reader keeps whatever it can make sense of instead of failing. It never
// recurses, so hostile nesting cannot exhaust the stack.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede::metadata {

enum class JsonKind : uint8_t { null, boolean, number, string, array, object };

struct JsonNode {
  JsonKind kind = JsonKind::null;
  int32_t parent = -1;
  int32_t first_child = -1;
  int32_t next = -1;   // next sibling: array item or object member
  std::string key;     // member name when the parent is an object
  std::string text;    // string value, or the spelling of a number/literal
};

class Json {
 public:
  static Json parse(std::string_view text);

  const std::vector<JsonNode>& nodes() const { return nodes_; }
  const JsonNode& node(int32_t index) const { return nodes_[static_cast<size_t>(index)]; }
  // Top-level values, in order of appearance.
  const std::vector<int32_t>& roots() const { return roots_; }
  // The member `key` of object `index`, or -1.
  int32_t member(int32_t index, std::string_view key) const;
  // Children of an array or object, in order.
  std::vector<int32_t> children(int32_t index) const;

 private:
  friend class JsonParser;
  std::vector<JsonNode> nodes_;
  std::vector<int32_t> roots_;
};

}  // namespace lede::metadata
