// JSONL input: lines from the decompressing MemberStream (also the WARC
// reader's), records through simdjson.
#include "io/jsonl.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>

#include "io/member_stream.h"

namespace lede::io {

struct LineReader::Impl {
  std::string path;
  size_t max_line_bytes;
  std::unique_ptr<MemberStream> stream;
  uint64_t line_number = 0;
};

namespace {
constexpr size_t kBufferBytes = 1 << 20;
}  // namespace

LineReader::LineReader(const std::string& path, size_t max_line_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->max_line_bytes = max_line_bytes;
  impl_->stream = MemberStream::open_file(path, kBufferBytes);
}

LineReader::LineReader(Memory memory, size_t max_line_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->path = "memory";
  impl_->max_line_bytes = max_line_bytes;
  impl_->stream = MemberStream::open_memory(memory.bytes, kBufferBytes);
}

LineReader::~LineReader() = default;

LineReader::Status LineReader::next(std::string& line, std::string& problem) {
  Impl& r = *impl_;
  MemberStream& stream = *r.stream;
  line.clear();
  bool too_long = false, any = false;
  for (std::string_view chunk; !(chunk = stream.peek()).empty();) {
    any = true;
    size_t newline = chunk.find('\n');
    size_t take = newline == std::string_view::npos ? chunk.size() : newline;
    if (!too_long && line.size() + take <= r.max_line_bytes) line.append(chunk.substr(0, take));
    else too_long = true;
    stream.consume(take + (newline == std::string_view::npos ? 0 : 1));
    if (newline != std::string_view::npos) break;
  }
  // A line-per-member gzip file would otherwise keep a record of every member.
  stream.forget_members_before(stream.position());
  if (stream.failed()) {
    problem = r.path + ": " + stream.failure();
    return Status::failed;
  }
  if (!any) return Status::end;
  ++r.line_number;
  if (too_long) {
    line.clear();
    problem = r.path + ":" + std::to_string(r.line_number) + ": line over " + std::to_string(r.max_line_bytes) +
              " bytes, skipped";
    return Status::too_long;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Status::line;
}

uint64_t LineReader::line_number() const { return impl_->line_number; }
uint64_t LineReader::bytes_read() const { return impl_->stream->bytes_read(); }
uint64_t LineReader::file_size() const { return impl_->stream->file_size(); }

// Records larger than this are rare; reallocating the parser's buffers
// after each costs little beside parsing them.
constexpr size_t kReleaseParserAfter = size_t{1} << 20;

struct JsonlPageReader::Impl {
  simdjson::dom::parser parser;
};

JsonlPageReader::JsonlPageReader() : impl_(std::make_unique<Impl>()) {}
JsonlPageReader::~JsonlPageReader() = default;

namespace {

// A string member as is, a number as its decimal text, else empty.
std::string scalar_text(simdjson::dom::element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return std::string(text);
  int64_t integer;
  if (value.get_int64().get(integer) == simdjson::SUCCESS) return std::to_string(integer);
  uint64_t unsigned_integer;
  if (value.get_uint64().get(unsigned_integer) == simdjson::SUCCESS) return std::to_string(unsigned_integer);
  return {};
}

}  // namespace

bool JsonlPageReader::read(std::string& line, const JsonlFieldNames& names, JsonlPage& page,
                           std::string& problem) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the end.
  size_t size = line.size();
  line.reserve(size + simdjson::SIMDJSON_PADDING);
  simdjson::dom::object record;
  simdjson::error_code error = impl_->parser.parse(line.data(), size, false).get(record);
  if (error) {
    problem = error == simdjson::INCORRECT_TYPE ? "not a JSON object" : std::string("bad JSON: ") + simdjson::error_message(error);
    return false;
  }
  std::string_view html;
  simdjson::dom::element value;
  if (record.at_key(names.html).get(value) || value.get_string().get(html)) {
    problem = "no string member \"" + names.html + "\"";
    return false;
  }
  page.html.assign(html);
  page.url = record.at_key(names.url).get(value) ? std::string() : scalar_text(value);
  page.id = record.at_key(names.id).get(value) ? std::string() : scalar_text(value);
  // The parser keeps buffers of about 14 bytes per byte of the largest record
  // it has read, for as long as the reader lives: after a huge record they
  // would stay alongside the record's processing and every later record's.
  if (size > kReleaseParserAfter) impl_->parser = simdjson::dom::parser();
  return true;
}

}  // namespace lede::io

namespace lede::io {

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i;
}

// Just past the string literal whose opening quote is at `i`.
size_t string_end(std::string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return s.size();
}

// Just past the value starting at `i` (with any spaces after a bare scalar).
size_t value_end(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '"') return string_end(s, i);
  size_t depth = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      i = string_end(s, i) - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return i;
      if (--depth == 0) return i + 1;
    } else if (c == ',' && depth == 0) {
      return i;
    }
  }
  return s.size();
}

// A member name as the reader compares it: the common escapes decoded; a
// name with a \u escape outside ASCII stays escaped (and matches nothing).
std::string member_name(std::string_view quoted) {
  std::string_view raw = quoted.substr(1, quoted.size() - 2);
  std::string name;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      name += raw[i];
      continue;
    }
    char escaped = raw[++i];
    if (escaped == 'u') {
      unsigned code = 0;
      const char* digits = raw.data() + i + 1;
      if (i + 4 >= raw.size() || std::from_chars(digits, digits + 4, code, 16).ptr != digits + 4 || code >= 0x80) {
        return std::string(quoted);
      }
      name += static_cast<char>(code);
      i += 4;
    } else if (escaped == 'n' || escaped == 't' || escaped == 'r' || escaped == 'b' || escaped == 'f') {
      name += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped == 'b' ? '\b' : '\f';
    } else {
      name += escaped;
    }
  }
  return name;
}

}  // namespace

std::string other_members(std::string_view object, const std::vector<std::string>& left_out) {
  std::string members;
  size_t i = skip_space(object, 0);
  if (i >= object.size() || object[i] != '{') return members;
  for (i = skip_space(object, i + 1); i < object.size() && object[i] == '"';) {
    size_t name_end = string_end(object, i);
    std::string_view quoted = object.substr(i, name_end - i);
    size_t value_start = skip_space(object, skip_space(object, name_end) + 1);
    size_t end = value_end(object, value_start);
    size_t value_stop = end;
    while (value_stop > value_start && is_json_space(object[value_stop - 1])) --value_stop;
    std::string name = member_name(quoted);
    if (std::find(left_out.begin(), left_out.end(), name) == left_out.end()) {
      if (!members.empty()) members += ',';
      members.append(quoted).append(":").append(object.substr(value_start, value_stop - value_start));
    }
    i = skip_space(object, end);
    if (i >= object.size() || object[i] != ',') break;
    i = skip_space(object, i + 1);
  }
  return members;
}

}  // namespace lede::io
