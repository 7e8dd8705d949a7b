#include "render/json_writer.h"

#include <charconv>
#include <cmath>

#include "util/byte_scan.h"

namespace lede::render {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at s[i], or, when it is broken,
// minus the length of its maximal prefix (at least one byte): that prefix
// becomes one U+FFFD, as the Unicode standard recommends.
int sequence_length(std::string_view s, size_t i) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  int length;
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;         // no overlong forms
    if (lead == 0xED) high = 0x9F;        // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;        // nothing above U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    if (i + k >= s.size()) return -k;
    unsigned char byte = static_cast<unsigned char>(s[i + k]);
    bool fits = k == 1 ? byte >= low && byte <= high : is_continuation(byte);
    if (!fits) return -k;
  }
  return length;
}

void append_unicode_escape(std::string& out, unsigned code) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 15];
}

// U+2028 and U+2029 are valid JSON but end lines in JavaScript.
bool is_line_separator(std::string_view s, size_t i) {
  return s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9');
}

// Where the run of bytes starting at s[i] that go out as they are ends:
// printable ASCII but quote and backslash, and well-formed UTF-8 sequences.
size_t verbatim_end(std::string_view s, size_t i) {
  // Text is mostly printable ASCII: the scan stops at any other byte, and a
  // byte from 0x80 up is looked at one sequence at a time below.
  using NotVerbatimAscii = util::Either<util::Not<util::InRange<0x20, 0x7E>>, util::AnyOf<'"', '\\'>>;
  while (true) {
    i = util::find_first<NotVerbatimAscii>(s, i);
    if (i == s.size() || static_cast<unsigned char>(s[i]) < 0x80) return i;
    int length = sequence_length(s, i);
    if (length < 0 || (length == 3 && is_line_separator(s, i))) return i;
    i += static_cast<size_t>(length);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    size_t end = verbatim_end(s, i);
    out.append(s.data() + i, end - i);
    i = end;
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\b': out += "\\b"; ++i; continue;
      case '\f': out += "\\f"; ++i; continue;
      default: break;
    }
    if (c < 0x80) {  // other control characters and DEL
      append_unicode_escape(out, c);
      ++i;
      continue;
    }
    int length = sequence_length(s, i);
    if (length < 0) {
      out += "\xEF\xBF\xBD";
      i += static_cast<size_t>(-length);
    } else {
      append_unicode_escape(out, s[i + 2] == '\xA8' ? 0x2028 : 0x2029);
      i += 3;
    }
  }
  out += '"';
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ += ',';
  first_.back() = false;
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  first_.push_back(true);
}

void JsonWriter::end_object() {
  out_ += '}';
  first_.pop_back();
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  first_.push_back(true);
}

void JsonWriter::end_array() {
  out_ += ']';
  first_.pop_back();
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::raw_members(std::string_view members) {
  if (members.empty()) return;
  separate();
  out_ += members;
}

void JsonWriter::string(std::string_view value) {
  separate();
  append_json_string(out_, value);
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void JsonWriter::number(double value) {
  if (!std::isfinite(value)) {
    null();
    return;
  }
  separate();
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void JsonWriter::field(std::string_view name, const std::optional<std::string>& value) {
  key(name);
  if (value)
    string(*value);
  else
    null();
}

void JsonWriter::field(std::string_view name, std::string_view value) {
  key(name);
  string(value);
}

void JsonWriter::field(std::string_view name, const std::vector<std::string>& values) {
  key(name);
  begin_array();
  for (const std::string& value : values) string(value);
  end_array();
}

}  // namespace lede::render
