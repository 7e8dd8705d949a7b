// The pages of one input file (HTML, WARC or JSONL, as lede's batch run reads
// it), read and extracted on a thread of its own while Python takes the
// results, in input order, as dicts shaped like the lines of `lede extract
// --jsonl`.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "batch/record.h"
#include "batch/sources.h"
#include "lede/lede.h"

namespace lede::python {

namespace py = pybind11;

// A record as extracted: its provenance, and the article or why not.
struct ExtractedRecord {
  batch::Record record;  // html dropped once extracted
  std::optional<Article> article;
};

class RecordStream {
 public:
  RecordStream(std::string path, const Options& options, batch::SourceOptions sources, bool all_records);
  ~RecordStream();  // stops the reader and waits for it
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  // The next record, waiting for it; nothing at the end of the file. Call
  // without the GIL.
  std::optional<ExtractedRecord> next();
  // Stops reading early; next() then ends.
  void close();

 private:
  void read();
  std::optional<ExtractedRecord> extract(batch::Record&& record) const;
  void push(ExtractedRecord&& record);

  const std::string path_;
  const Options options_;
  const batch::SourceOptions sources_;
  const bool all_records_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ExtractedRecord> ready_;
  bool done_ = false;
  std::exception_ptr failure_;
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

// RecordStream.__next__: the next record as a dict, or StopIteration.
py::dict next_record_dict(RecordStream& stream);

}  // namespace lede::python
