// Reader thread -> work queue -> workers -> results by sequence -> writer.
#include "batch/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "render/article_json.h"
#include "render/json_writer.h"

namespace lede::batch {

namespace {

// A record turned into its output line.
struct Result {
  Outcome outcome;
  std::string reason;
  std::string detail;  // for failures: the message for stderr
  std::string line;    // empty: nothing to write
  size_t budget = 0;   // the in-flight bytes it held
};

void provenance(render::JsonWriter& json, const Record& r) {
  json.field("id", std::string_view(r.id));
  json.field("source", std::string_view(r.source));
  if (r.from_warc) {
    json.key("offset");
    json.number(static_cast<double>(r.offset));
  } else if (r.line) {
    json.key("line");
    json.number(static_cast<double>(r.line));
  }
  if (!r.url.empty()) json.field("url", std::string_view(r.url));
  if (r.from_warc && !r.warc_record_id.empty()) {
    json.field("warc_record_id", std::string_view(r.warc_record_id));
    json.field("warc_date", std::string_view(r.warc_date));
    if (r.http_status) {
      json.key("http_status");
      json.number(r.http_status);
    }
    if (!r.content_type.empty()) json.field("content_type", std::string_view(r.content_type));
  }
}

std::string outcome_line(const Record& r, std::string_view key, std::string_view message) {
  std::string line;
  render::JsonWriter json(line);
  json.begin_object();
  provenance(json, r);
  json.field(key, message);
  json.end_object();
  return line;
}

Result process(Record& r, const BatchOptions& options) {
  Result result{r.outcome, r.reason, r.detail, {}, r.size()};
  if (r.outcome == Outcome::skipped) {
    if (options.all_records) result.line = outcome_line(r, "skipped", r.reason + " (" + r.detail + ")");
    return result;
  }
  if (r.outcome == Outcome::page) {
    try {
      Options extract = options.extract;
      if (!r.url.empty()) extract.url = r.url;
      extract.charset = r.charset;
      Article article = lede::extract(r.html, extract);
      render::JsonWriter json(result.line);
      json.begin_object();
      provenance(json, r);
      render::article_fields(json, article, r.url.empty() ? "url" : "canonical_url");
      json.end_object();
      return result;
    } catch (const std::exception& error) {
      result.outcome = Outcome::failed;
      result.reason = "extraction failed";
      result.detail = r.source + (r.from_warc ? "@" + std::to_string(r.offset) : "") + ": " + error.what();
    }
  }
  result.line = outcome_line(r, "error", result.detail);
  return result;
}

// The state the threads share, under one mutex: work flows through it at
// page granularity (milliseconds), so contention is negligible.
class Pipeline {
 public:
  // 8 MB of pages per worker keeps every worker fed (a page is ~100 KB)
  // while a run's memory stays flat; a record over budget still goes through
  // alone.
  explicit Pipeline(const BatchOptions& options)
      : options_(options),
        budget_(options.in_flight_bytes ? options.in_flight_bytes
                                         : (size_t{8} << 20) * (std::max(1u, options.threads) + 1)) {}

  // Reader side: blocks while the work in flight is over budget.
  void push(Record&& record) {
    std::unique_lock lock(mutex_);
    size_t size = record.size();
    room_.wait(lock, [&] { return in_flight_ == 0 || in_flight_ + size <= budget_; });
    in_flight_ += size;
    record.seq = next_seq_++;
    work_.push_back(std::move(record));
    work_ready_.notify_one();
  }

  void reading_done() {
    std::lock_guard lock(mutex_);
    reading_done_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  void work() {
    for (;;) {
      Record record;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return !work_.empty() || reading_done_; });
        if (work_.empty()) return;
        record = std::move(work_.front());
        work_.pop_front();
      }
      Result result = process(record, options_);
      std::lock_guard lock(mutex_);
      results_.emplace(record.seq, std::move(result));
      result_ready_.notify_all();
    }
  }

  enum class Next { result, nothing_yet, done };

  // Writer side: the next result in input order, waiting at most `wait`.
  Next next_result(Result& result, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    for (;;) {
      auto found = results_.find(written_);
      if (found != results_.end()) {
        result = std::move(found->second);
        results_.erase(found);
        ++written_;
        in_flight_ -= result.budget;
        room_.notify_one();
        return Next::result;
      }
      if (reading_done_ && written_ == next_seq_) return Next::done;
      if (result_ready_.wait_for(lock, wait) == std::cv_status::timeout) return Next::nothing_yet;
    }
  }

 private:
  const BatchOptions& options_;
  const size_t budget_;
  std::mutex mutex_;
  std::condition_variable room_, work_ready_, result_ready_;
  std::deque<Record> work_;
  std::map<uint64_t, Result> results_;
  size_t in_flight_ = 0;
  uint64_t next_seq_ = 0, written_ = 0;
  bool reading_done_ = false;
};

void count(Stats& stats, const Result& result) {
  ++stats.read;
  switch (result.outcome) {
    case Outcome::page: ++stats.extracted; break;
    case Outcome::skipped: ++stats.skipped[result.reason]; break;
    case Outcome::failed: ++stats.failed[result.reason]; break;
  }
}

}  // namespace

Stats run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, io::LineWriter& out,
                const std::function<void(const std::string&)>& on_error, const ProgressCallback& progress,
                const std::atomic<bool>& stop) {
  const auto start = std::chrono::steady_clock::now();
  Pipeline pipeline(options);
  std::atomic<uint64_t> bytes_read{0};
  // Set on the caller's stop or when the output fails: the reader stops,
  // what is in flight is still written.
  std::atomic<bool> halt{false};
  std::thread reader([&] {
    for (const std::string& path : inputs) {
      if (halt) break;
      read_records(path, options.sources, [&](Record&& r) { pipeline.push(std::move(r)); }, bytes_read, halt);
    }
    pipeline.reading_done();
  });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < std::max(1u, options.threads); ++i) workers.emplace_back([&] { pipeline.work(); });

  Stats stats;
  Result result;
  std::exception_ptr failure;
  for (Pipeline::Next next; (next = pipeline.next_result(result, std::chrono::milliseconds(200))) !=
                           Pipeline::Next::done;) {
    if (stop) halt = true;
    if (next == Pipeline::Next::result) {
      count(stats, result);
      if (result.outcome == Outcome::failed) on_error(result.detail);
      if (!result.line.empty() && !failure) {
        try {
          out.write_line(result.line);
        } catch (...) {
          failure = std::current_exception();  // drain the pipeline, then report
          halt = true;
        }
      }
    }
    stats.input_bytes = bytes_read;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) progress(stats);
  }
  reader.join();
  for (std::thread& w : workers) w.join();
  stats.interrupted = stop;
  if (failure) std::rethrow_exception(failure);
  return stats;
}

}  // namespace lede::batch
