#include "warc_stream.h"

#include "conversions.h"

namespace lede::python {

namespace {

size_t checked_size(int64_t max_record_size) {
  if (max_record_size <= 0) throw py::value_error("max_record_size must be positive");
  return static_cast<size_t>(max_record_size);
}

py::object optional_bytes(bool present, std::string_view bytes) {
  if (!present) return py::none();
  return py::bytes(bytes.data(), bytes.size());
}

}  // namespace

WarcStream::WarcStream(const std::string& path, int64_t max_record_size)
    : reader_(path, checked_size(max_record_size)), max_record_bytes_(static_cast<size_t>(max_record_size)) {}

bool WarcStream::next(Next& next) {
  std::lock_guard lock(mutex_);
  next.problem.clear();
  next.has_http = false;
  next.status = reader_.next(next.warc, next.problem);
  if (next.status == io::WarcReader::Status::end) return false;
  if (next.status == io::WarcReader::Status::record && next.warc.type == "response") {
    next.has_http = io::parse_http_response(next.warc.block, max_record_bytes_, next.http, next.problem);
  }
  return true;
}

py::dict next_warc_dict(WarcStream& stream) {
  WarcStream::Next next;
  bool more = false;
  {
    py::gil_scoped_release release;
    more = stream.next(next);
  }
  if (!more) throw py::stop_iteration();
  const io::WarcRecord& warc = next.warc;
  bool whole = next.status == io::WarcReader::Status::record;
  bool headers = whole || next.status == io::WarcReader::Status::too_large;
  py::dict fields;
  py::object none = py::none();
  fields["type"] = headers ? py::object(text(warc.type)) : none;
  fields["url"] = headers ? py::object(text(warc.target_uri)) : none;
  fields["record_id"] = headers ? py::object(text(warc.record_id)) : none;
  fields["date"] = headers ? py::object(text(warc.date)) : none;
  fields["content_type"] = headers ? py::object(text(warc.content_type)) : none;
  fields["offset"] = warc.offset;
  fields["length"] = headers ? py::object(py::int_(warc.length)) : none;
  fields["http_status"] = next.has_http ? py::object(py::int_(next.http.status)) : none;
  fields["http_content_type"] = next.has_http ? py::object(text(next.http.content_type)) : none;
  fields["charset"] = next.has_http ? py::object(text(next.http.charset)) : none;
  // The page for a response, the block itself for any other record.
  fields["payload"] = next.has_http ? optional_bytes(true, next.http.body) : optional_bytes(whole, warc.block);
  fields["error"] = next.problem.empty() ? none : py::object(text(next.problem));
  return fields;
}

}  // namespace lede::python
