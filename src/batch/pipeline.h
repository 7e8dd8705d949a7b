// The batch pipeline: inputs are read into records on one thread, extracted
// on `threads` workers, and written in input order by the caller's thread,
// with a bounded amount of work in flight so that memory does not grow with
// the size or number of inputs. With one thread, all of it runs on the
// caller's thread.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "batch/sources.h"
#include "batch/stats.h"
#include "io/output.h"
#include "lede/lede.h"

namespace lede::render {
class JsonWriter;
}

namespace lede::batch {

// Writes the fields of a page record's output line, after its provenance;
// throws to fail the record.
using PageFields = std::function<void(render::JsonWriter&, const Record&)>;

struct BatchOptions {
  Options extract;           // as for a single page; url and charset come from each record
  SourceOptions sources;
  unsigned threads = 1;      // extraction workers; 1: no other thread at all
  bool all_records = false;  // also write a line for each skipped record
  // Bytes of records read but not yet written, at most (one record over it
  // still goes through alone); 0: 8 MB per worker and 8 MB more.
  size_t in_flight_bytes = 0;
  // What to make of each page; empty: extract it with `extract`.
  PageFields page_fields;
};

// Called on the writing thread after each record, with the counts so far and
// the compressed input bytes read.
using ProgressCallback = std::function<void(const Stats&)>;

// Runs the batch over `inputs` (files, in order) and writes one JSON line
// per page (and per failed record, and per skipped record when asked) to
// `out`. Failed records are also reported through `on_error` (a message
// naming the input). Stops early, with whole lines written, when `stop`
// is set.
Stats run_batch(const std::vector<std::string>& inputs, const BatchOptions& options, io::LineWriter& out,
                const std::function<void(const std::string&)>& on_error, const ProgressCallback& progress,
                const std::atomic<bool>& stop);

}  // namespace lede::batch
