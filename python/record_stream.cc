#include "record_stream.h"

#include <type_traits>

#include "conversions.h"

namespace lede::python {

namespace {

// Records extracted ahead of the Python side, at most: enough to keep the
// reader busy while Python builds dicts, few enough to keep memory flat.
constexpr size_t kReadAhead = 16;

void add_provenance(py::dict& fields, const batch::Record& r) {
  batch::for_each_provenance(r, [&](std::string_view name, auto value) {
    if constexpr (std::is_same_v<decltype(value), std::string_view>) {
      fields[text(name)] = text(value);
    } else {
      fields[text(name)] = value;
    }
  });
}

}  // namespace

RecordStream::RecordStream(std::string path, const Options& options, batch::SourceOptions sources, bool all_records)
    : path_(std::move(path)), options_(options), sources_(std::move(sources)), all_records_(all_records) {
  reader_ = std::thread([this] { read(); });
}

RecordStream::~RecordStream() {
  close();
  py::gil_scoped_release release;  // the reader may finish a page first
  reader_.join();
}

void RecordStream::close() {
  std::lock_guard lock(mutex_);
  stop_ = true;
  ready_.clear();
  changed_.notify_all();
}

void RecordStream::read() {
  try {
    std::atomic<uint64_t> bytes_read{0};
    batch::read_records(
        path_, sources_,
        [&](batch::Record&& record) {
          if (std::optional<ExtractedRecord> extracted = extract(std::move(record))) push(std::move(*extracted));
        },
        bytes_read, stop_);
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
  }
  std::lock_guard lock(mutex_);
  done_ = true;
  changed_.notify_all();
}

// As the batch pipeline treats a record: skipped ones only when asked for,
// an extraction error makes the record a failed one.
std::optional<ExtractedRecord> RecordStream::extract(batch::Record&& record) const {
  if (record.outcome == batch::Outcome::skipped && !all_records_) return std::nullopt;
  ExtractedRecord extracted;
  if (record.outcome == batch::Outcome::page) {
    try {
      Options options = options_;
      if (!record.url.empty()) options.url = record.url;
      options.charset = record.charset;
      extracted.article = lede::extract(record.page(), options);
    } catch (const std::exception& error) {
      record.outcome = batch::Outcome::failed;
      record.reason = "extraction failed";
      record.detail = record.source + (record.from_warc ? "@" + std::to_string(record.offset) : "") + ": " +
                      error.what();
    }
  }
  record.html = std::string();
  record.warc_block = util::ByteBuffer();
  extracted.record = std::move(record);
  return extracted;
}

void RecordStream::push(ExtractedRecord&& record) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return ready_.size() < kReadAhead || stop_; });
  if (stop_) return;
  ready_.push_back(std::move(record));
  changed_.notify_all();
}

std::optional<ExtractedRecord> RecordStream::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !ready_.empty() || done_ || stop_; });
  if (ready_.empty()) {
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return std::nullopt;
  }
  ExtractedRecord record = std::move(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return record;
}

py::dict next_record_dict(RecordStream& stream) {
  std::optional<ExtractedRecord> extracted;
  {
    py::gil_scoped_release release;
    extracted = stream.next();
  }
  if (!extracted) throw py::stop_iteration();
  const batch::Record& r = extracted->record;
  py::dict fields;
  add_provenance(fields, r);
  if (extracted->article) {
    add_article_fields(fields, *extracted->article, r.url.empty() ? "url" : "canonical_url");
  } else if (r.outcome == batch::Outcome::skipped) {
    fields["skipped"] = text(r.reason + " (" + r.detail + ")");
  } else {
    fields["error"] = text(r.detail);
  }
  return fields;
}

}  // namespace lede::python
