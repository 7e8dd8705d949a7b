#include "batch/stats.h"

#include <cstdio>

#include "render/json_writer.h"

namespace lede::batch {

namespace {

uint64_t total(const std::map<std::string, uint64_t>& counts) {
  uint64_t sum = 0;
  for (const auto& [reason, count] : counts) sum += count;
  return sum;
}

// " (reason a: 3, reason b: 1)"
std::string by_reason(const std::map<std::string, uint64_t>& counts) {
  if (counts.empty()) return {};
  std::string out = " (";
  for (const auto& [reason, count] : counts) {
    if (out.size() > 2) out += ", ";
    out += reason + ": " + std::to_string(count);
  }
  return out + ")";
}

void counts_object(render::JsonWriter& json, std::string_view name, const std::map<std::string, uint64_t>& counts) {
  json.key(name);
  json.begin_object();
  for (const auto& [reason, count] : counts) {
    json.key(reason);
    json.number(static_cast<double>(count));
  }
  json.end_object();
}

}  // namespace

uint64_t Stats::skipped_total() const { return total(skipped); }
uint64_t Stats::failed_total() const { return total(failed); }

std::string Stats::summary(std::string_view done) const {
  char time[64];
  std::snprintf(time, sizeof time, " in %.1f s", seconds);
  return std::to_string(read) + " records read: " + std::to_string(extracted) + " " + std::string(done) + ", " +
         std::to_string(skipped_total()) + " skipped" + by_reason(skipped) + ", " + std::to_string(failed_total()) +
         " failed" + by_reason(failed) + time + (interrupted ? " (interrupted)" : "");
}

std::string Stats::to_json() const {
  std::string out;
  render::JsonWriter json(out);
  json.begin_object();
  json.key("read");
  json.number(static_cast<double>(read));
  json.key("extracted");
  json.number(static_cast<double>(extracted));
  json.key("skipped");
  json.number(static_cast<double>(skipped_total()));
  json.key("failed");
  json.number(static_cast<double>(failed_total()));
  counts_object(json, "skipped_by_reason", skipped);
  counts_object(json, "failed_by_reason", failed);
  json.key("input_bytes");
  json.number(static_cast<double>(input_bytes));
  json.key("seconds");
  json.number(seconds);
  json.key("interrupted");
  json.boolean(interrupted);
  json.end_object();
  return out;
}

}  // namespace lede::batch
