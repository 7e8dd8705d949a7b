#include "batch/progress.h"

#include <algorithm>
#include <cstdio>

namespace lede::batch {

std::string progress_line(const Stats& stats, uint64_t total_bytes) {
  double seconds = stats.seconds > 0 ? stats.seconds : 1e-9;
  char line[160];
  int n = std::snprintf(line, sizeof line, "%llu records  %.0f/s  %.1f MB/s  %llu errors",
                        static_cast<unsigned long long>(stats.read), double(stats.read) / seconds,
                        double(stats.input_bytes) / seconds / 1e6,
                        static_cast<unsigned long long>(stats.failed_total()));
  if (total_bytes > 0 && stats.input_bytes > 0 && n > 0 && size_t(n) < sizeof line) {
    double done = std::min(1.0, double(stats.input_bytes) / double(total_bytes));
    double left = seconds * (1 - done) / done;
    std::snprintf(line + n, sizeof line - size_t(n), "  %.0f%% ETA %d:%02d", done * 100, int(left) / 60,
                  int(left) % 60);
  }
  return line;
}

}  // namespace lede::batch
