#include "clean/site_counts.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "clean/lines.h"
#include "lede/lede.h"

namespace lede::clean {

namespace {

uint64_t fnv1a(std::string_view s, uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : s) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

uint64_t line_key(uint64_t host, std::string_view normalised) { return fnv1a(normalised, host ^ 0x9E3779B97F4A7C15ull); }

// A host's chrome shows on most of its pages; three pages at least, so that
// a pair of near-duplicate documents proves nothing.
constexpr uint32_t kMinDocuments = 3;
constexpr uint32_t kMinShareDivisor = 50;

}  // namespace

std::string_view url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return url;
}

SiteCounts::DocumentLines SiteCounts::document_lines(std::string_view host, std::string_view text) {
  DocumentLines document{fnv1a(host), {}};
  std::unordered_set<uint64_t> seen;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string normalised = normalise_line(text.substr(start, end - start));
    start = end + 1;
    if (normalised.empty()) continue;
    uint64_t key = line_key(document.host, normalised);
    if (seen.insert(key).second) document.keys.push_back(key);
  }
  return document;
}

void SiteCounts::add(const DocumentLines& document) {
  ++hosts_[document.host];
  for (uint64_t key : document.keys) {
    if (lines_.size() >= max_entries_ && !lines_.contains(key)) prune();
    if (lines_.size() < max_entries_ || lines_.contains(key)) ++lines_[key];
  }
}

void SiteCounts::prune() {
  std::erase_if(lines_, [](const auto& entry) { return entry.second <= 1; });
  // All counts above one and still full: drop the rarer half.
  if (lines_.size() >= max_entries_) {
    std::erase_if(lines_, [](const auto& entry) { return entry.second < kMinDocuments; });
  }
}

uint32_t SiteCounts::documents(std::string_view host) const {
  auto found = hosts_.find(fnv1a(host));
  return found == hosts_.end() ? 0 : found->second;
}

uint32_t SiteCounts::line_documents(std::string_view host, std::string_view line) const {
  std::string normalised = normalise_line(line);
  if (normalised.empty()) return 0;
  auto found = lines_.find(line_key(fnv1a(host), normalised));
  return found == lines_.end() ? 0 : found->second;
}

bool SiteCounts::is_repeated(std::string_view host, std::string_view line) const {
  uint32_t count = line_documents(host, line);
  return count >= std::max(kMinDocuments, documents(host) / kMinShareDivisor);
}

void SiteCounts::save(const std::string& path) const {
  std::ofstream out(path);
  for (const auto& [key, count] : hosts_) out << "h " << key << ' ' << count << '\n';
  for (const auto& [key, count] : lines_) {
    if (count >= 2) out << "l " << key << ' ' << count << '\n';
  }
  if (!out) throw Error(path + ": cannot write the site counts");
}

SiteCounts SiteCounts::load(const std::string& path, size_t max_entries) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot read the site counts");
  SiteCounts counts(max_entries);
  std::string kind;
  uint64_t key = 0;
  uint32_t count = 0;
  while (in >> kind >> key >> count) {
    if (kind == "h") counts.hosts_[key] += count;
    else if (kind == "l") counts.lines_[key] += count;
    else break;
  }
  if (!in.eof()) throw Error(path + ": not a site counts file");
  return counts;
}

namespace {

// Pages read at a time before the workers split them.
constexpr size_t kCountBatchPages = 1024;
constexpr size_t kCountBatchBytes = size_t{64} << 20;

// Counts the pages with `threads` workers, each taking every threads-th
// page; the counts are added in input order, so they do not depend on the
// number of threads.
void count_pages(const std::vector<batch::Record>& pages, unsigned threads, SiteCounts& counts) {
  std::vector<SiteCounts::DocumentLines> documents(pages.size());
  auto work = [&](size_t first) {
    for (size_t i = first; i < pages.size(); i += threads) {
      documents[i] = SiteCounts::document_lines(url_host(pages[i].url), pages[i].html);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& worker : workers) worker.join();
  for (const SiteCounts::DocumentLines& document : documents) counts.add(document);
}

}  // namespace

SiteCounts count_corpus(const std::vector<std::string>& inputs, const batch::SourceOptions& sources,
                        unsigned threads, const std::atomic<bool>& stop) {
  SiteCounts counts;
  std::atomic<uint64_t> bytes_read{0};
  batch::SourceOptions page_text = sources;
  page_text.pass_members = false;
  std::vector<batch::Record> pages;
  size_t bytes = 0;
  auto flush = [&] {
    count_pages(pages, std::max(1u, threads), counts);
    pages.clear();
    bytes = 0;
  };
  for (const std::string& path : inputs) {
    batch::read_records(
        path, page_text,
        [&](batch::Record&& r) {
          if (r.outcome != batch::Outcome::page) return;
          bytes += r.size();
          pages.push_back(std::move(r));
          if (pages.size() >= kCountBatchPages || bytes >= kCountBatchBytes) flush();
        },
        bytes_read, stop);
  }
  flush();
  return counts;
}

}  // namespace lede::clean
