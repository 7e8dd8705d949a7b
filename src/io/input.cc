// Reading inputs: POSIX reads with a size cap, ISA-L for gzip,
// std::filesystem for folders.
#include "io/input.h"

#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "io/decompress.h"
#include "lede/lede.h"

namespace lede::io {

namespace {

namespace fs = std::filesystem;

constexpr size_t kChunk = 64 * 1024;

std::string describe_size(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20;
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  return std::to_string(bytes) + " bytes";
}

// A descriptor closed on every path out, except stdin which is not ours.
class InputFile {
 public:
  explicit InputFile(const std::string& path)
      : fd_(path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC)),
        owned_(path != "-") {
    if (fd_ < 0) throw Error(path + ": " + std::strerror(errno));
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile() {
    if (owned_) ::close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

std::string read_all(const std::string& path, size_t max_bytes) {
  InputFile file(path);
  std::string data;
  struct stat info;
  if (::fstat(file.fd(), &info) == 0 && S_ISREG(info.st_mode)) {
    if (static_cast<unsigned long long>(info.st_size) > max_bytes) {
      throw Error(path + ": input larger than the " + describe_size(max_bytes) + " limit");
    }
    data.reserve(static_cast<size_t>(info.st_size));
  }
  char buffer[kChunk];
  for (;;) {
    ssize_t got = ::read(file.fd(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(path + ": " + std::strerror(errno));
    if (got == 0) return data;
    if (data.size() + static_cast<size_t>(got) > max_bytes) {
      throw Error(path + ": input larger than the " + describe_size(max_bytes) + " limit");
    }
    data.append(buffer, static_cast<size_t>(got));
  }
}

bool has_gzip_magic(std::string_view bytes) { return bytes.starts_with("\x1F\x8B"); }

// Every member of a (possibly multi-member) gzip file, concatenated, as gzip
// -d does; bytes after the last member that are not a gzip member (e.g. zero
// padding) are ignored, as gzip does.
std::string gunzip(std::string_view compressed, const std::string& path, size_t max_bytes) {
  std::string out, error;
  switch (inflate_all(compressed, DeflateWrapper::gzip, max_bytes, out, error)) {
    case DecodeResult::complete: return out;
    case DecodeResult::truncated: throw Error(path + ": truncated gzip data");
    case DecodeResult::over_limit:
      throw Error(path + ": larger than the " + describe_size(max_bytes) + " limit once decompressed");
    case DecodeResult::corrupt: break;
  }
  throw Error(path + ": corrupt gzip data (" + error + ")");
}

bool ends_with_ignoring_case(std::string_view s, std::string_view lower_suffix) {
  if (s.size() < lower_suffix.size()) return false;
  std::string_view tail = s.substr(s.size() - lower_suffix.size());
  return std::equal(tail.begin(), tail.end(), lower_suffix.begin(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
  });
}

bool strip_suffix(std::string_view& s, std::string_view lower_suffix) {
  if (!ends_with_ignoring_case(s, lower_suffix)) return false;
  s.remove_suffix(lower_suffix.size());
  return true;
}

bool is_input_file_name(std::string_view name) {
  if (!strip_suffix(name, ".gz")) strip_suffix(name, ".zst");
  for (std::string_view extension : {".html", ".htm", ".warc", ".jsonl"})
    if (ends_with_ignoring_case(name, extension)) return true;
  return false;
}

// The inputs under `folder`, sorted. Unreadable subfolders are skipped.
std::vector<std::string> inputs_in_folder(const std::string& folder) {
  std::vector<std::string> pages;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code ignored;
    if (it->is_regular_file(ignored) && is_input_file_name(it->path().filename().native())) {
      pages.push_back(it->path().string());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

// A pattern with * ? or [ that names no file itself ("crawl/*.warc.gz",
// quoted so that the shell's argument limit does not apply): its matches,
// sorted.
std::vector<std::string> glob_matches(const std::string& pattern) {
  std::vector<std::string> matches;
  std::error_code error;
  if (pattern.find_first_of("*?[") == std::string::npos || fs::exists(pattern, error)) return matches;
  glob_t found{};
  if (::glob(pattern.c_str(), 0, nullptr, &found) == 0) {
    for (size_t i = 0; i < found.gl_pathc; ++i) matches.emplace_back(found.gl_pathv[i]);
  }
  ::globfree(&found);
  return matches;
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<std::string> inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      std::vector<std::string> found = inputs_in_folder(path);
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (std::vector<std::string> matches = glob_matches(path); !matches.empty()) {
      inputs.insert(inputs.end(), matches.begin(), matches.end());
    } else {
      inputs.push_back(path);
    }
  }
  return inputs;
}

std::string read_input(const std::string& path) { return read_input(path, kMaxInputBytes); }

std::string read_input(const std::string& path, size_t max_bytes) {
  std::string bytes = read_all(path, max_bytes);
  if (!has_gzip_magic(bytes)) return bytes;
  return gunzip(bytes, path, max_bytes);
}

std::string input_id(const std::string& path) {
  if (path == "-") return "stdin";
  std::string_view name = path;
  while (name.size() > 1 && name.back() == '/') name.remove_suffix(1);
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos && name.size() > 1) {
    name.remove_prefix(slash + 1);
  }
  std::string_view id = name;
  strip_suffix(id, ".gz");
  if (!strip_suffix(id, ".html")) strip_suffix(id, ".htm");
  return std::string(id.empty() ? name : id);
}

}  // namespace lede::io
