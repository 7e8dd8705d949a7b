// Lines that recur across the documents of one host are the site's chrome.
// SiteCounts counts, per host, in how many documents each normalised line
// occurs, in a hashed table of bounded size: when it fills, the lines seen
// only once are dropped (they can no longer prove anything), so memory stays
// flat however large the corpus. Lines a template fills in ("Posted by NAME
// on DATE at TIME") differ on every page; the same table also counts each
// short line's skeleton (its first two words, its last word, its length),
// which the template fixes while the names and dates vary.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "batch/sources.h"

namespace lede::clean {

class SiteCounts {
 public:
  explicit SiteCounts(size_t max_entries = size_t{1} << 22) : max_entries_(max_entries) {}

  // Counts each distinct line of `text` once.
  void add_document(std::string_view host, std::string_view text) { add(document_lines(host, text)); }

  // The same in two steps: the document's distinct lines, hashed (the costly
  // part, which needs no table and so runs on any thread), then counted.
  struct DocumentLines {
    uint64_t host = 0;
    std::vector<uint64_t> keys;
  };
  static DocumentLines document_lines(std::string_view host, std::string_view text);
  void add(const DocumentLines& document);

  uint32_t documents(std::string_view host) const;
  uint32_t line_documents(std::string_view host, std::string_view line) const;
  // In how many of the host's documents the line's skeleton occurs; 0 for a
  // line without one (under four words, where the skeleton would be the line
  // itself, or over twelve, which a template does not write).
  uint32_t skeleton_documents(std::string_view host, std::string_view line) const;

  // Whether the line, or else its skeleton, was seen in enough of the host's
  // documents to be its chrome.
  enum class Repeat { none, line, skeleton };
  Repeat repeat(std::string_view host, std::string_view line) const;

  // A text file: "h HOSTHASH DOCS" and "l KEY DOCS" lines, the skeletons
  // among the lines (a file saved before they were counted has none, and
  // then only whole lines are found repeated). Throws lede::Error.
  void save(const std::string& path) const;
  static SiteCounts load(const std::string& path, size_t max_entries = size_t{1} << 22);

 private:
  void prune();
  uint32_t count(uint64_t key) const;
  size_t max_entries_;
  std::unordered_map<uint64_t, uint32_t> hosts_;  // host hash -> documents
  std::unordered_map<uint64_t, uint32_t> lines_;  // host and line hash -> documents
};

// The host of a URL ("https://www.a.org/x" -> "a.org"), empty if none.
std::string_view url_host(std::string_view url);

// The first pass of site mode: the lines of every page in `inputs` (JSONL
// files, read as the batch pipeline reads them), counted by host with
// `threads` workers.
SiteCounts count_corpus(const std::vector<std::string>& inputs, const batch::SourceOptions& sources,
                        unsigned threads, const std::atomic<bool>& stop);

}  // namespace lede::clean
