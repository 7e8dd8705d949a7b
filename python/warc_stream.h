// WARC records one at a time for Python (lede.read_warc): every record of the
// file, its HTTP response parsed when it has one.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "io/http.h"
#include "io/warc.h"

namespace lede::python {

namespace py = pybind11;

class WarcStream {
 public:
  // Raises lede.Error when `path` cannot be opened.
  WarcStream(const std::string& path, int64_t max_record_size);

  // The next record, or false at the end. `problem` is set for a malformed
  // stretch of the file, a record over the size limit and a response whose
  // HTTP message cannot be parsed. Call without the GIL: Python threads may
  // share one stream.
  struct Next {
    io::WarcRecord warc;
    io::WarcReader::Status status;
    std::string problem;
    io::HttpResponse http;
    bool has_http = false;
  };
  bool next(Next& next);

 private:
  std::mutex mutex_;
  io::WarcReader reader_;
  size_t max_record_bytes_;
};

// WarcStream.__next__: the next record as a dict, or StopIteration.
py::dict next_warc_dict(WarcStream& stream);

}  // namespace lede::python
