// Building WARC files for the tests: records from strings, written plain,
// gzip per record, as one gzip member, or zstd per record (WARC-zstd, with or
// without a dictionary frame).
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lede::test {

struct WarcRecordSpec {
  std::string type = "response";
  std::string target_uri;
  std::string record_id;  // "<urn:uuid:...>"-like, from the uri when empty
  std::string content_type = "application/http; msgtype=response";
  std::string block;
};

// One record, "WARC/1.0" line to the CRLF CRLF after its block.
inline std::string warc_record(const WarcRecordSpec& spec, std::string_view version = "WARC/1.0") {
  std::string id = spec.record_id.empty() ? "<urn:test:" + spec.target_uri + ">" : spec.record_id;
  std::string out(version);
  out += "\r\nWARC-Type: " + spec.type + "\r\n";
  if (!spec.target_uri.empty()) out += "WARC-Target-URI: " + spec.target_uri + "\r\n";
  out += "WARC-Date: 2024-05-01T12:00:00Z\r\nWARC-Record-ID: " + id + "\r\n";
  out += "Content-Type: " + spec.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(spec.block.size()) + "\r\n\r\n";
  return out + spec.block + "\r\n\r\n";
}

// An HTTP response message as a crawler stores it.
inline std::string http_message(std::string_view body, std::string_view extra_headers = "",
                                std::string_view status_line = "HTTP/1.1 200 OK") {
  std::string out(status_line);
  out += "\r\nContent-Type: text/html; charset=utf-8\r\n";
  out += extra_headers;
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  return out.append(body);
}

// zlib's deflate with a given wrapper: window_bits 15 + 16 gzip, 15 zlib, -15 raw.
inline std::string deflate_bytes(std::string_view data, int window_bits, int level = 6) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate");
  return out;
}

inline std::string gzip_member(std::string_view data) { return deflate_bytes(data, 15 + 16); }

// One zstd frame with a checksum, compressed with `dictionary` (raw content) if given.
inline std::string zstd_frame(std::string_view data, std::string_view dictionary = {}) {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 3);
  if (!dictionary.empty()) ZSTD_CCtx_loadDictionary(context, dictionary.data(), dictionary.size());
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t size = ZSTD_compress2(context, out.data(), out.size(), data.data(), data.size());
  ZSTD_freeCCtx(context);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

// The skippable frame that carries a WARC-zstd dictionary.
inline std::string zstd_dictionary_frame(std::string_view dictionary) {
  std::string out = "\x5D\x2A\x4D\x18";
  auto size = static_cast<uint32_t>(dictionary.size());
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((size >> shift) & 0xFF);
  return out.append(dictionary);
}

enum class WarcCompression { none, gzip_per_record, gzip_whole, zstd_per_record };

struct WarcFile {
  std::string bytes;
  std::vector<uint64_t> offsets;  // where each record starts, as the reader reports it
};

// `records` (each warc_record() output) as one file. `dictionary` only with zstd.
inline WarcFile build_warc(const std::vector<std::string>& records, WarcCompression compression,
                           std::string_view dictionary = {}) {
  WarcFile file;
  if (compression == WarcCompression::gzip_whole) {
    std::string all;
    for (const std::string& record : records) all += record;
    file.bytes = gzip_member(all);
    file.offsets.assign(records.size(), 0);
    return file;
  }
  if (!dictionary.empty()) file.bytes = zstd_dictionary_frame(dictionary);
  for (const std::string& record : records) {
    file.offsets.push_back(file.bytes.size());
    switch (compression) {
      case WarcCompression::none: file.bytes += record; break;
      case WarcCompression::gzip_per_record: file.bytes += gzip_member(record); break;
      case WarcCompression::zstd_per_record: file.bytes += zstd_frame(record, dictionary); break;
      case WarcCompression::gzip_whole: break;
    }
  }
  return file;
}

}  // namespace lede::test
