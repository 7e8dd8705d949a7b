// A small streaming JSON writer: the one place that escapes strings for JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede::render {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void string(std::string_view value);  // invalid UTF-8 becomes U+FFFD
  void null();
  void boolean(bool value);
  void number(double value);
  // key + string, or key + null when the value is absent
  void field(std::string_view name, const std::optional<std::string>& value);
  void field(std::string_view name, std::string_view value);
  void field(std::string_view name, const std::vector<std::string>& values);
  // Members already written as JSON ("a":1,"b":[2]), into the open object;
  // nothing when empty.
  void raw_members(std::string_view members);

 private:
  void separate();
  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (with quotes) to out.
void append_json_string(std::string& out, std::string_view s);

}  // namespace lede::render
