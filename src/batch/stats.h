// What a batch run did with the records it read. The invariant users rely
// on: read = extracted + skipped + failed, each split by reason.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace lede::batch {

struct Stats {
  uint64_t read = 0;
  uint64_t extracted = 0;
  std::map<std::string, uint64_t> skipped;  // by reason
  std::map<std::string, uint64_t> failed;   // by reason
  uint64_t input_bytes = 0;                 // compressed bytes read
  double seconds = 0;
  bool interrupted = false;

  uint64_t skipped_total() const;
  uint64_t failed_total() const;
  // "1204 records read: 1180 extracted, 20 skipped (...), 4 failed (...) in
  // 2.1 s"; `done` says what became of the records that went through
  // ("extracted", "cleaned").
  std::string summary(std::string_view done = "extracted") const;
  std::string to_json() const;
};

}  // namespace lede::batch
