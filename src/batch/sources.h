// Inputs of a batch run as a stream of records: an HTML file is one record,
// a WARC file one per WARC record, a JSONL file one per line. The kind of a
// file is recognised by its content, not its name.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch/record.h"
#include "io/jsonl.h"

namespace lede::batch {

enum class InputKind { html, warc, jsonl };

// Looks at the first bytes of `path` (decompressed). Standard input ("-")
// is an HTML page. Throws lede::Error when the file cannot be read.
InputKind input_kind(const std::string& path);

struct SourceOptions {
  size_t max_record_bytes = size_t{20} << 20;
  io::JsonlFieldNames jsonl_fields;
  // JSONL: each record's members other than the page's and `replaced_members`
  // go into Record::members, and its output line carries them in place of
  // the provenance (id, source, line), so that it is the record rewritten.
  bool pass_members = false;
  std::vector<std::string> replaced_members;
};

// Hands each record of `path` to `emit`, in order, until the input ends or
// `stop` is set. `bytes_read` grows with the compressed bytes consumed (for
// progress). Never throws: an unreadable input is one failed record.
void read_records(const std::string& path, const SourceOptions& options,
                  const std::function<void(Record&&)>& emit, std::atomic<uint64_t>& bytes_read,
                  const std::atomic<bool>& stop);

}  // namespace lede::batch
