#include "clean/site_counts.h"

#include <algorithm>
#include <fstream>
#include <optional>
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

// A skeleton is taken from lines of four to twelve words: a shorter line is
// its own skeleton, a longer one is prose or a run of items, not a label a
// template fills in. Lengths go in three classes, so that a name of two
// words or three, or a date with or without its weekday, keeps the skeleton.
constexpr size_t kSkeletonMinWords = 4;
constexpr size_t kSkeletonMaxWords = 12;

// The skeleton: the first two words, the last, the length class. Templates
// open with fixed words ("Posted by NAME on DATE at TIME", "Last updated at
// DATE") and often close with one.
std::optional<uint64_t> skeleton_key(uint64_t host, std::string_view normalised) {
  size_t words = static_cast<size_t>(std::count(normalised.begin(), normalised.end(), ' ')) + 1;
  if (words < kSkeletonMinWords || words > kSkeletonMaxWords) return std::nullopt;
  char length_class = words <= 5 ? '1' : words <= 8 ? '2' : '3';
  std::string_view first_two = normalised.substr(0, normalised.find(' ', normalised.find(' ') + 1));
  std::string_view last = normalised.substr(normalised.rfind(' ') + 1);
  uint64_t hash = fnv1a(first_two, host ^ 0xC2B2AE3D27D4EB4Full);
  return fnv1a(last, fnv1a(std::string_view(&length_class, 1), hash));
}

// A host's chrome shows on most of its pages; three pages at least, so that
// a pair of near-duplicate documents proves nothing.
constexpr uint32_t kMinDocuments = 3;
constexpr uint32_t kMinShareDivisor = 50;
// Skeletons are coarser than lines, so five times that share: a template's
// line is on most of the pages it serves, the headlines of a series ("How to
// choose ...") on fewer.
constexpr uint32_t kSkeletonShareDivisor = 10;

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
    for (std::optional<uint64_t> key : {std::optional(line_key(document.host, normalised)),
                                        skeleton_key(document.host, normalised)}) {
      if (key && seen.insert(*key).second) document.keys.push_back(*key);
    }
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

uint32_t SiteCounts::count(uint64_t key) const {
  auto found = lines_.find(key);
  return found == lines_.end() ? 0 : found->second;
}

uint32_t SiteCounts::line_documents(std::string_view host, std::string_view line) const {
  std::string normalised = normalise_line(line);
  return normalised.empty() ? 0 : count(line_key(fnv1a(host), normalised));
}

uint32_t SiteCounts::skeleton_documents(std::string_view host, std::string_view line) const {
  std::optional<uint64_t> key = skeleton_key(fnv1a(host), normalise_line(line));
  return key ? count(*key) : 0;
}

SiteCounts::Repeat SiteCounts::repeat(std::string_view host, std::string_view line) const {
  std::string normalised = normalise_line(line);
  if (normalised.empty()) return Repeat::none;
  uint64_t host_hash = fnv1a(host);
  uint32_t host_documents = documents(host);
  if (count(line_key(host_hash, normalised)) >= std::max(kMinDocuments, host_documents / kMinShareDivisor)) {
    return Repeat::line;
  }
  std::optional<uint64_t> skeleton = skeleton_key(host_hash, normalised);
  if (skeleton && count(*skeleton) >= std::max(kMinDocuments, host_documents / kSkeletonShareDivisor)) {
    return Repeat::skeleton;
  }
  return Repeat::none;
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
