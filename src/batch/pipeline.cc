// Reader thread -> work queue -> workers -> results by sequence -> writer.
#include "batch/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <type_traits>

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
  for_each_provenance(r, [&](std::string_view name, auto value) {
    if constexpr (std::is_same_v<decltype(value), std::string_view>) {
      json.field(name, value);
    } else {
      json.key(name);
      json.number(static_cast<double>(value));
    }
  });
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
      render::JsonWriter json(result.line);
      json.begin_object();
      if (options.sources.pass_members) json.raw_members(r.members);
      else provenance(json, r);
      if (options.page_fields) {
        options.page_fields(json, r);
      } else {
        Options extract = options.extract;
        if (!r.url.empty()) extract.url = r.url;
        extract.charset = r.charset;
        render::article_fields(json, lede::extract(r.page(), extract), r.url.empty() ? "url" : "canonical_url");
      }
      json.end_object();
      return result;
    } catch (const std::exception& error) {
      result.line.clear();
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

namespace {

// The writing end, on the caller's thread: counts, output, errors, progress.
class Delivery {
 public:
  Delivery(io::LineWriter& out, const std::function<void(const std::string&)>& on_error,
           const ProgressCallback& progress, const std::atomic<bool>& stop)
      : out_(out), on_error_(on_error), progress_(progress), stop_(stop) {}

  // Set on the caller's stop or when the output fails: reading stops, what
  // is in flight is still written.
  std::atomic<bool> halt{false};
  std::atomic<uint64_t> bytes_read{0};

  void deliver(const Result& result) {
    count(stats_, result);
    if (result.outcome == Outcome::failed) on_error_(result.detail);
    if (result.line.empty() || failure_) return;
    try {
      out_.write_line(result.line);
    } catch (...) {
      failure_ = std::current_exception();  // drain the pipeline, then report
      halt = true;
    }
  }

  void tick() {
    if (stop_) halt = true;
    stats_.input_bytes = bytes_read;
    stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (progress_) progress_(stats_);
  }

  Stats finish() {
    stats_.interrupted = stop_;
    if (failure_) std::rethrow_exception(failure_);
    return stats_;
  }

 private:
  io::LineWriter& out_;
  const std::function<void(const std::string&)>& on_error_;
  const ProgressCallback& progress_;
  const std::atomic<bool>& stop_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  Stats stats_;
  std::exception_ptr failure_;
};

// -j1: read, extract and write on one thread, so that one thread is all a
// run with one thread uses.
void run_on_this_thread(const std::vector<std::string>& inputs, const BatchOptions& options, Delivery& delivery) {
  for (const std::string& path : inputs) {
    if (delivery.halt) break;
    read_records(
        path, options.sources,
        [&](Record&& record) {
          delivery.deliver(process(record, options));
          delivery.tick();
        },
        delivery.bytes_read, delivery.halt);
  }
}

void run_on_workers(const std::vector<std::string>& inputs, const BatchOptions& options, Delivery& delivery) {
  Pipeline pipeline(options);
  std::thread reader([&] {
    for (const std::string& path : inputs) {
      if (delivery.halt) break;
      read_records(path, options.sources, [&](Record&& r) { pipeline.push(std::move(r)); }, delivery.bytes_read,
                   delivery.halt);
    }
    pipeline.reading_done();
  });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < options.threads; ++i) workers.emplace_back([&] { pipeline.work(); });
  Result result;
  for (Pipeline::Next next; (next = pipeline.next_result(result, std::chrono::milliseconds(200))) !=
                           Pipeline::Next::done;) {
    if (next == Pipeline::Next::result) delivery.deliver(result);
    delivery.tick();
  }
  reader.join();
  for (std::thread& w : workers) w.join();
}

}  // namespace

Stats run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, io::LineWriter& out,
                const std::function<void(const std::string&)>& on_error, const ProgressCallback& progress,
                const std::atomic<bool>& stop) {
  Delivery delivery(out, on_error, progress, stop);
  if (options.threads <= 1) run_on_this_thread(inputs, options, delivery);
  else run_on_workers(inputs, options, delivery);
  return delivery.finish();
}

}  // namespace lede::batch
