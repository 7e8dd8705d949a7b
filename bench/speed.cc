// bench_speed: how fast lede extracts, against decoding + parsing alone.
//
//   bench_speed [--set DIR] [--limit N] [--repeat R]
//
// DIR is a dataset folder (its html/ subfolder is used) or a folder of pages;
// default ../shared/eval/data/wcxb-dev. All pages are read (and gunzipped)
// into memory first, so only in-process work is timed. Each phase runs R times
// over every page; the best run is reported. Rates use wall time
// (steady_clock); the CPU time (std::clock) beside them shows when other load on
// the machine stretched the wall time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/decode.h"
#include "io/input.h"
#include "lede/lede.h"
#include "parse/parse.h"

namespace {

struct Args {
  std::string set = "../shared/eval/data/wcxb-dev";
  size_t limit = 0;  // 0: every page
  int repeat = 3;
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: bench_speed [--set DIR] [--limit N] [--repeat R]\n");
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc) usage();
    const char* value = argv[++i];
    if (flag == "--set") {
      args.set = value;
    } else if (flag == "--limit") {
      args.limit = std::strtoul(value, nullptr, 10);
    } else if (flag == "--repeat") {
      args.repeat = std::max(1, std::atoi(value));
    } else {
      usage();
    }
  }
  return args;
}

std::vector<std::string> load_pages(const Args& args) {
  namespace fs = std::filesystem;
  fs::path dir = fs::is_directory(fs::path(args.set) / "html") ? fs::path(args.set) / "html"
                                                               : fs::path(args.set);
  std::vector<std::string> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  if (args.limit && paths.size() > args.limit) paths.resize(args.limit);
  std::vector<std::string> pages;
  pages.reserve(paths.size());
  for (const std::string& path : paths) pages.push_back(lede::io::read_input(path));
  return pages;
}

struct Seconds {
  double wall = 1e300;
  double cpu = 1e300;
};

// The fastest of `repeat` runs of `phase` over every page, in wall and CPU time.
Seconds best_of(const std::vector<std::string>& pages, int repeat,
                const std::function<void(const std::string&)>& phase) {
  Seconds best;
  for (int run = 0; run < repeat; ++run) {
    std::clock_t cpu_start = std::clock();
    auto start = std::chrono::steady_clock::now();
    for (const std::string& page : pages) phase(page);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best.wall = std::min(best.wall, elapsed.count());
    best.cpu = std::min(best.cpu, double(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  return best;
}

void report(const char* name, Seconds seconds, size_t pages, size_t bytes) {
  std::printf("%-13s %8.1f pages/s %7.1f MB/s %8.3f ms/page %8.3f cpu ms/page\n", name,
              pages / seconds.wall, bytes / seconds.wall / 1e6, 1e3 * seconds.wall / pages,
              1e3 * seconds.cpu / pages);
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  std::vector<std::string> pages;
  try {
    pages = load_pages(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_speed: %s\n", e.what());
    return 1;
  }
  if (pages.empty()) {
    std::fprintf(stderr, "bench_speed: no pages in %s\n", args.set.c_str());
    return 1;
  }
  size_t bytes = 0;
  for (const std::string& page : pages) bytes += page.size();
  std::printf("%zu pages, %.1f MB, best of %d runs\n", pages.size(), bytes / 1e6, args.repeat);

  // The sums keep the work observable, so the compiler cannot drop it.
  size_t nodes = 0;
  Seconds parse = best_of(pages, args.repeat, [&](const std::string& page) {
    lede::decode::Decoded decoded = lede::decode::to_utf8(page, "");
    nodes += lede::parse::parse_document(decoded.text).node_count();
  });
  size_t text_bytes = 0, failures = 0;
  lede::Options options;
  Seconds full = best_of(pages, args.repeat, [&](const std::string& page) {
    try {
      text_bytes += lede::extract(page, options).text.size();
    } catch (const lede::Error&) {
      ++failures;
    }
  });

  report("decode+parse", parse, pages.size(), bytes);
  report("extract", full, pages.size(), bytes);
  std::printf("extract/parse %.2f (cpu %.2f)  (%zu nodes, %zu text bytes, %zu failures per run)\n",
              full.wall / parse.wall, full.cpu / parse.cpu, nodes / args.repeat,
              text_bytes / args.repeat, failures / args.repeat);
  return 0;
}
