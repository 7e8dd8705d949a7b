// The progress line a batch run shows on a terminal.
#pragma once

#include <cstdint>
#include <string>

#include "batch/stats.h"

namespace lede::batch {

// "12034 records  1520/s  38.2 MB/s  3 errors  41% ETA 0:52": the ETA and
// share only when the input's total size (`total_bytes`) is known.
std::string progress_line(const Stats& stats, uint64_t total_bytes);

}  // namespace lede::batch
