// bench_parse: lede's HTML5 parser against libgumbo and libxml2, on the same
// UTF-8 bytes, in one process.
//
//   bench_parse [FOLDER] [MAX_PAGES] [ROUNDS]
//
// FOLDER holds the pages (*.html or *.html.gz; default the wcxb-dev set, for
// a run from the repository's root), MAX_PAGES limits how many are read (0,
// the default: all), ROUNDS is how often each parser goes over every page
// (default 3; the best round counts).
// Every page is gunzipped and decoded to UTF-8 by lede's decoder before any
// timing, so all three parsers see identical bytes. Each round times every
// parser in turn, so that load from elsewhere on the machine spreads over all
// of them; CPU time is printed beside wall time for the same reason.
//
// Also printed: the memory of lede's DOM (its arena's blocks, per input byte),
// and lede::extract on the raw bytes (decode, parse, metadata, selection,
// rendering), the whole pipeline, per page.
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

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
#include "html5/parser.h"
#include "io/input.h"
#include "lede/lede.h"

namespace {

// Relative to the repository, where the benchmarks run from (as bench_speed).
constexpr const char* kDefaultFolder = "../shared/eval/data/wcxb-dev/html";

struct Page {
  std::string name;
  std::string raw;  // gunzipped bytes, for lede::extract
  std::string utf8;
};

std::vector<Page> load_pages(const std::string& folder, size_t max_pages) {
  std::vector<std::string> paths = lede::io::expand_inputs({folder});
  if (max_pages && paths.size() > max_pages) paths.resize(max_pages);
  std::vector<Page> pages;
  pages.reserve(paths.size());
  for (const std::string& path : paths) {
    Page page;
    page.name = lede::io::input_id(path);
    page.raw = lede::io::read_input(path);
    page.utf8 = std::string(lede::decode::to_utf8(page.raw, "").text);
    pages.push_back(std::move(page));
  }
  return pages;
}

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Timing {
  const char* name;
  std::function<size_t(const Page&)> run;  // returns something, so work is not elided
  double best_wall = 1e300;
  double best_cpu = 1e300;
  size_t checksum = 0;
};

void time_round(Timing& t, const std::vector<Page>& pages) {
  double cpu_start = cpu_seconds();
  auto start = std::chrono::steady_clock::now();
  for (const Page& page : pages) t.checksum += t.run(page);
  std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  t.best_wall = std::min(t.best_wall, wall.count());
  t.best_cpu = std::min(t.best_cpu, cpu_seconds() - cpu_start);
}

void print_timing(const Timing& t, size_t pages, size_t bytes) {
  std::printf("%-14s %8.1f %9.1f %9.3f %11.3f\n", t.name, bytes / t.best_wall / 1e6,
              pages / t.best_wall, 1e3 * t.best_wall / pages, 1e3 * t.best_cpu / pages);
}

size_t parse_lede(const Page& page) { return lede::html5::parse_document(page.utf8).node_count(); }

size_t parse_gumbo(const Page& page) {
  GumboOutput* out =
      gumbo_parse_with_options(&kGumboDefaultOptions, page.utf8.data(), page.utf8.size());
  size_t children = out->root->v.element.children.length;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return children;
}

size_t parse_libxml2(const Page& page) {
  constexpr int kOptions =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  htmlDocPtr doc = htmlReadMemory(page.utf8.data(), static_cast<int>(page.utf8.size()), nullptr,
                                  "UTF-8", kOptions);
  size_t found = doc != nullptr;
  xmlFreeDoc(doc);
  return found;
}

size_t extract_lede(const Page& page) {
  try {
    return lede::extract(page.raw).text.size();
  } catch (const lede::Error&) {
    return 0;
  }
}

// lede's DOM memory: the document arena's blocks against the page's bytes.
void print_dom_memory(const std::vector<Page>& pages, size_t bytes) {
  size_t arena_bytes = 0, nodes = 0;
  double worst = 0;
  std::string worst_page;
  for (const Page& page : pages) {
    lede::dom::Document doc = lede::html5::parse_document(page.utf8);
    size_t allocated = doc.bytes_allocated();
    arena_bytes += allocated;
    nodes += doc.node_count();
    // Tiny pages measure the first block, not the DOM: rank pages of 64 KB up.
    double ratio = double(allocated) / double(std::max<size_t>(page.utf8.size(), 1));
    if (page.utf8.size() >= 64 * 1024 && ratio > worst) {
      worst = ratio;
      worst_page = page.name;
    }
  }
  std::printf("lede DOM: %.2f arena bytes per input byte (%.1f MB for %.1f MB; %zu nodes, "
              "%.1f bytes/node); worst page of 64 KB+: %.2f (%s)\n",
              double(arena_bytes) / double(bytes), arena_bytes / 1e6, bytes / 1e6, nodes,
              double(arena_bytes) / double(nodes), worst, worst_page.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 4 || (argc > 1 && argv[1][0] == '-')) {
    std::fprintf(stderr, "usage: bench_parse [FOLDER] [MAX_PAGES] [ROUNDS]\n");
    return 2;
  }
  std::string folder = argc > 1 ? argv[1] : kDefaultFolder;
  size_t max_pages = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 0;
  int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;

  std::vector<Page> pages;
  try {
    pages = load_pages(folder, max_pages);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_parse: %s\n", e.what());
    return 1;
  }
  if (pages.empty()) {
    std::fprintf(stderr, "bench_parse: no pages in %s\n", folder.c_str());
    return 1;
  }
  size_t bytes = 0;
  for (const Page& page : pages) bytes += page.utf8.size();
  std::printf("%s\n%zu pages, %.1f MB of UTF-8, best of %d rounds\n\n", folder.c_str(),
              pages.size(), bytes / 1e6, rounds);

  xmlInitParser();
  Timing lede{"lede html5", parse_lede};
  Timing gumbo{"libgumbo", parse_gumbo};
  Timing libxml2{"libxml2", parse_libxml2};
  Timing extract{"lede::extract", extract_lede};
  for (int round = 0; round < rounds; ++round)
    for (Timing* t : {&lede, &gumbo, &libxml2, &extract}) time_round(*t, pages);

  std::printf("%-14s %8s %9s %9s %11s\n", "", "MB/s", "pages/s", "ms/page", "cpu ms/page");
  for (const Timing* t : {&lede, &gumbo, &libxml2}) print_timing(*t, pages.size(), bytes);
  std::printf("\nlede/libgumbo %.1fx (cpu %.1fx), lede/libxml2 %.1fx (cpu %.1fx)\n",
              gumbo.best_wall / lede.best_wall, gumbo.best_cpu / lede.best_cpu,
              libxml2.best_wall / lede.best_wall, libxml2.best_cpu / lede.best_cpu);
  print_dom_memory(pages, bytes);
  std::printf("\nwhole pipeline, raw bytes in (decode, parse, metadata, select, render):\n");
  print_timing(extract, pages.size(), bytes);
  std::printf("parse share of extract: %.0f%% (cpu)\n", 100 * lede.best_cpu / extract.best_cpu);
  xmlCleanupParser();
  return 0;
}
