// bench_warc FILE [--max-block BYTES] [--http] [--problems]
//
// Reads a WARC file with lede's WarcReader and prints the records read and
// the speed in MB/s of compressed input and of decompressed output; then, in
// the same run, decompresses the same file without parsing it, with ISA-L
// (what the reader uses) and with zlib for gzip files, or with zstd, to show
// what decompression alone costs. --http also parses the HTTP responses (and
// decodes their bodies); --problems prints every problem reported.
// CPU seconds are given beside wall seconds: on a shared machine trust them.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>

#include "io/decompress.h"
#include "io/http.h"
#include "io/warc.h"
#include "lede/lede.h"

namespace {

constexpr size_t kBuffer = size_t{1} << 20;

struct Timing {
  double wall = 0, cpu = 0;
};

Timing timed(const std::function<void()>& run) {
  auto wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  run();
  Timing t;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  t.cpu = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
  return t;
}

double mb(uint64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

void print_speed(const char* what, Timing t, uint64_t in_bytes, uint64_t out_bytes) {
  std::printf("%-26s %7.3f s wall %7.3f s CPU   in %7.1f MB/s   out %7.1f MB/s (CPU)\n", what, t.wall,
              t.cpu, mb(in_bytes) / t.cpu, mb(out_bytes) / t.cpu);
}

// Calls `take` with the file's bytes, a buffer at a time.
void read_chunks(const std::string& path, const std::function<bool(const uint8_t*, size_t)>& take) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw lede::Error(path + ": " + std::strerror(errno));
  std::unique_ptr<uint8_t[]> buffer(new uint8_t[kBuffer]);
  for (;;) {
    ssize_t got = ::read(fd, buffer.get(), kBuffer);
    if (got <= 0 || !take(buffer.get(), static_cast<size_t>(got))) break;
  }
  ::close(fd);
}

// Every gzip member of the file, decoded and dropped; returns the bytes decoded.
uint64_t gunzip_with_zlib(const std::string& path) {
  z_stream stream{};
  inflateInit2(&stream, 16 + MAX_WBITS);
  std::unique_ptr<uint8_t[]> out(new uint8_t[kBuffer]);
  uint64_t total = 0;
  read_chunks(path, [&](const uint8_t* data, size_t size) {
    stream.next_in = const_cast<uint8_t*>(data);
    stream.avail_in = static_cast<uInt>(size);
    while (stream.avail_in > 0) {
      stream.next_out = out.get();
      stream.avail_out = kBuffer;
      int status = inflate(&stream, Z_NO_FLUSH);
      total += kBuffer - stream.avail_out;
      if (status == Z_STREAM_END) {
        inflateReset(&stream);
      } else if (status != Z_OK) {
        return false;
      }
    }
    return true;
  });
  inflateEnd(&stream);
  return total;
}

uint64_t gunzip_with_isal(const std::string& path) {
  lede::io::Inflater inflater;
  inflater.start(lede::io::DeflateWrapper::gzip);
  std::unique_ptr<uint8_t[]> out(new uint8_t[kBuffer]);
  uint64_t total = 0;
  read_chunks(path, [&](const uint8_t* data, size_t size) {
    while (size > 0) {
      lede::io::Inflater::Step step = inflater.run(data, size, out.get(), kBuffer);
      data += step.consumed;
      size -= step.consumed;
      total += step.produced;
      if (step.error) return false;
      if (step.finished) inflater.start(lede::io::DeflateWrapper::gzip);
    }
    return true;
  });
  return total;
}

uint64_t unzstd(const std::string& path) {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  std::unique_ptr<uint8_t[]> out(new uint8_t[kBuffer]);
  uint64_t total = 0;
  read_chunks(path, [&](const uint8_t* data, size_t size) {
    ZSTD_inBuffer input{data, size, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output{out.get(), kBuffer, 0};
      if (ZSTD_isError(ZSTD_decompressStream(context, &output, &input))) return false;
      total += output.pos;
    }
    return true;
  });
  ZSTD_freeDCtx(context);
  return total;
}

struct ReadStats {
  uint64_t records = 0, too_large = 0, malformed = 0, block_bytes = 0, http_ok = 0, http_failed = 0;
  uint64_t compressed = 0;
};

ReadStats read_warc(const std::string& path, size_t max_block, bool http, bool problems) {
  lede::io::WarcReader reader(path, max_block);
  lede::io::WarcRecord record;
  lede::io::HttpResponse response;
  std::string problem;
  ReadStats stats;
  for (;;) {
    lede::io::WarcReader::Status status = reader.next(record, problem);
    if (status == lede::io::WarcReader::Status::end) break;
    if (problems && !problem.empty()) std::printf("  %s\n", problem.c_str());
    if (status == lede::io::WarcReader::Status::too_large) ++stats.too_large;
    if (status == lede::io::WarcReader::Status::malformed) ++stats.malformed;
    if (status != lede::io::WarcReader::Status::record) continue;
    ++stats.records;
    stats.block_bytes += record.block.size();
    if (http && record.type == "response") {
      bool ok = lede::io::parse_http_response(record.block, max_block, response, problem);
      ++(ok ? stats.http_ok : stats.http_failed);
    }
  }
  stats.compressed = reader.bytes_read();
  return stats;
}

std::string magic_of(const std::string& path) {
  std::string head(4, '\0');
  int fd = ::open(path.c_str(), O_RDONLY);
  ssize_t got = fd < 0 ? 0 : ::read(fd, head.data(), head.size());
  if (fd >= 0) ::close(fd);
  head.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return head;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  size_t max_block = size_t{64} << 20;
  bool http = false, problems = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--max-block" && i + 1 < argc) {
      max_block = std::stoull(argv[++i]);
    } else if (arg == "--http") {
      http = true;
    } else if (arg == "--problems") {
      problems = true;
    } else if (path.empty() && !arg.starts_with("--")) {
      path = arg;
    } else {
      std::fprintf(stderr, "usage: bench_warc FILE [--max-block BYTES] [--http] [--problems]\n");
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: bench_warc FILE [--max-block BYTES] [--http] [--problems]\n");
    return 2;
  }
  try {
    ReadStats stats;
    Timing reading = timed([&] { stats = read_warc(path, max_block, http, problems); });
    std::printf("%s: %llu records, %llu too large, %llu malformed; %.1f MB in, %.1f MB of blocks\n",
                path.c_str(), static_cast<unsigned long long>(stats.records),
                static_cast<unsigned long long>(stats.too_large),
                static_cast<unsigned long long>(stats.malformed), mb(stats.compressed),
                mb(stats.block_bytes));
    if (http) {
      std::printf("HTTP responses: %llu parsed, %llu failed\n",
                  static_cast<unsigned long long>(stats.http_ok),
                  static_cast<unsigned long long>(stats.http_failed));
    }
    std::string magic = magic_of(path);
    uint64_t decompressed = 0;
    Timing isal, zlib_time, zstd_time;
    bool gzip = magic.starts_with("\x1F\x8B");
    bool zstd = magic.size() == 4 && (magic == "\x28\xB5\x2F\xFD" || magic.substr(1) == "\x2A\x4D\x18");
    if (gzip) {
      isal = timed([&] { decompressed = gunzip_with_isal(path); });
    } else if (zstd) {
      zstd_time = timed([&] { decompressed = unzstd(path); });
    } else {
      decompressed = stats.compressed;
    }
    print_speed(http ? "WarcReader + HTTP" : "WarcReader", reading, stats.compressed, decompressed);
    if (gzip) {
      zlib_time = timed([&] { gunzip_with_zlib(path); });
      print_speed("ISA-L inflate alone", isal, stats.compressed, decompressed);
      print_speed("zlib inflate alone", zlib_time, stats.compressed, decompressed);
      std::printf("WarcReader / ISA-L alone: %.2fx the time; zlib / ISA-L: %.2fx\n",
                  reading.cpu / isal.cpu, zlib_time.cpu / isal.cpu);
    } else if (zstd) {
      print_speed("zstd alone", zstd_time, stats.compressed, decompressed);
    }
  } catch (const lede::Error& error) {
    std::fprintf(stderr, "bench_warc: %s\n", error.what());
    return 1;
  }
  return 0;
}
