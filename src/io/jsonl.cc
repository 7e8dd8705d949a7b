// JSONL input: lines from the decompressing MemberStream (also the WARC
// reader's), records through simdjson.
#include "io/jsonl.h"

#include <simdjson.h>

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
  return true;
}

}  // namespace lede::io
