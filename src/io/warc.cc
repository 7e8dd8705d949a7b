// The WARC grammar over a MemberStream: a version line, header lines up to a
// blank line, Content-Length bytes of block, CRLF CRLF. Everything else is
// reported and skipped up to the next line that starts with "WARC/1.".
//
// After a malformed record the bytes it was read with (headers and the block
// when kept) are scanned again, so that a record swallowed by a wrong
// Content-Length is still found. Skipping up to the next record after a
// report is quiet: one report per bad stretch of input.
#include "io/warc.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "io/member_stream.h"

namespace lede::io {

namespace {

constexpr size_t kBufferBytes = size_t{1} << 20;
// What the stream decodes ahead for the header lines: a record's headers and
// the start of its block. The rest of the block is decoded straight into it.
constexpr size_t kReadAheadBytes = size_t{4} << 10;
// Room after a block for the CRLF CRLF that ends its record, so that a
// record's member is decoded to its end in the call that ends its block.
constexpr size_t kBlockSpareBytes = 64;
constexpr size_t kMaxHeaderBytes = size_t{256} << 10;
// How far to read on in a record's member when its block is not followed by
// CRLF CRLF, to tell a corrupt member from a wrong Content-Length.
constexpr size_t kLookaheadBytes = size_t{1} << 20;
constexpr std::string_view kVersionPrefix = "WARC/1.";

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() &&
         std::equal(a.begin(), a.end(), lower_b.begin(), [](char x, char y) { return lower(x) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool parse_length(std::string_view text, uint64_t& value) {
  if (text.empty() || text.size() > 18) return false;  // 18 digits cannot overflow
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// A bit of input for a message: short, control bytes shown as '?'.
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text.substr(0, 40)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  if (text.size() > 40) out += "...";
  return out + "\"";
}

}  // namespace

struct WarcReader::Impl {
  Impl(std::unique_ptr<MemberStream> input, size_t max_block)
      : stream(std::move(input)), max_block_bytes(max_block) {
    stream->set_read_ahead(kReadAheadBytes);
  }

  enum class Read { ok, partial, end, failed };  // partial: a last line without "\n"

  std::unique_ptr<MemberStream> stream;
  size_t max_block_bytes;
  // Bytes already read that are scanned again before the stream's next ones.
  std::string replay;
  size_t replay_used = 0;
  uint64_t replay_position = 0;  // decompressed position of replay[0]
  std::string line;
  std::string headers;  // the raw header lines of the record being read
  bool have_version_line = false;
  uint64_t record_position = 0;   // decompressed position of its version line
  uint64_t headers_position = 0;  // and of the header line after it
  bool resyncing = false;        // skipping after a report: quietly
  uint64_t resync_member = 0;    // the member of the record last reported

  bool replaying() const { return replay_used < replay.size(); }

  std::string_view peek() {
    if (replaying()) return std::string_view(replay).substr(replay_used);
    return stream->peek();
  }

  void consume(size_t n) {
    if (!replaying()) {
      stream->consume(n);
      return;
    }
    replay_used += n;
    if (replay_used == replay.size()) {
      replay.clear();
      replay.shrink_to_fit();
      replay_used = 0;
    }
  }

  uint64_t position() const {
    return replaying() ? replay_position + replay_used : stream->position();
  }

  bool failed() const { return !replaying() && stream->failed(); }

  // "offset N": in the file for plain input, else the member's offset and,
  // inside a member, the position in the decompressed stream.
  std::string where(uint64_t position) const {
    MemberStream::Member member = stream->member_at(position);
    std::string text = "offset " + std::to_string(member.offset);
    if (member.position != position) text += " (decompressed byte " + std::to_string(position) + ")";
    return text;
  }

  // One line, through its "\n", with its first `keep` bytes appended to `into`.
  Read read_line(std::string& into, size_t keep, uint64_t& length) {
    length = 0;
    for (;;) {
      std::string_view bytes = peek();
      if (bytes.empty()) {
        if (failed()) return Read::failed;
        return length == 0 ? Read::end : Read::partial;
      }
      const void* newline = std::memchr(bytes.data(), '\n', bytes.size());
      size_t n = newline ? static_cast<size_t>(static_cast<const char*>(newline) - bytes.data()) + 1
                         : bytes.size();
      size_t kept = length < keep ? static_cast<size_t>(std::min<uint64_t>(keep - length, n)) : 0;
      into.append(bytes.data(), kept);
      consume(n);
      length += n;
      if (newline) return Read::ok;
    }
  }

  // `count` bytes, appended to `into` unless it is null.
  Read read_bytes(uint64_t count, util::ByteBuffer* into, uint64_t& got) {
    got = 0;
    while (got < count) {
      if (into && !replaying()) {
        size_t wanted = static_cast<size_t>(count - got);
        char* space = into->extend(wanted + kBlockSpareBytes);
        size_t read = stream->read(space, wanted, kBlockSpareBytes);
        into->shrink_to(into->size() - kBlockSpareBytes - (wanted - read));
        got += read;
        if (read < wanted) return failed() ? Read::failed : Read::end;
        continue;
      }
      std::string_view bytes = peek();
      if (bytes.empty()) return failed() ? Read::failed : Read::end;
      size_t n = static_cast<size_t>(std::min<uint64_t>(bytes.size(), count - got));
      if (into) into->append(bytes.substr(0, n));
      consume(n);
      got += n;
    }
    return Read::ok;
  }

  // Returns how many it skipped.
  uint64_t skip_line_breaks() {
    uint64_t skipped = 0;
    for (;;) {
      std::string_view bytes = peek();
      size_t n = 0;
      while (n < bytes.size() && (bytes[n] == '\r' || bytes[n] == '\n')) ++n;
      if (n == 0) return skipped;
      consume(n);
      skipped += n;
    }
  }

  // A stream failure is part of the stretch already reported when it comes
  // while recovering from an earlier one, or from the member of the record
  // just reported.
  bool failure_already_reported() const {
    return stream->failed_while_recovering() ||
           (resyncing && stream->failure_member() == resync_member);
  }

  std::optional<Status> find_record_start(WarcRecord& record, std::string& problem);
  Status read_record(WarcRecord& record, std::string& problem);
  bool parse_headers(WarcRecord& record, std::string& problem);
  bool read_terminator();
  bool member_failed_at(uint64_t record_member);
  bool member_fails_ahead(uint64_t member, util::ByteBuffer& into);
  Status malformed_from_failure(const std::string& at, std::string& problem);
  // Reading goes on from here, quietly up to the next record.
  Status malformed_here(uint64_t member) {
    resyncing = true;
    resync_member = member;
    return Status::malformed;
  }
  Status malformed_with_replay(WarcRecord& record, const std::string& at, std::string& problem);
};

// Skips to the next version line. nullopt once there: `have_version_line` is
// set. Else malformed (what was skipped, reported once, `record.offset`
// where it starts) or end.
std::optional<WarcReader::Status> WarcReader::Impl::find_record_start(WarcRecord& record,
                                                                      std::string& problem) {
  bool reporting = false;
  bool garbage_first = false;
  uint64_t garbage_position = 0, skipped = 0;
  auto report = [&] {
    if (garbage_first) {
      problem = std::to_string(skipped) + " bytes that are not a WARC record at " +
                where(garbage_position) + ", skipped";
    }
    return Status::malformed;
  };
  for (;;) {
    uint64_t blank = skip_line_breaks();
    if (garbage_first) skipped += blank;
    if (peek().empty()) {
      if (failed()) {
        if (!reporting && !failure_already_reported()) {
          reporting = true;
          problem = stream->failure();
          record.offset = stream->failure_member();
        }
        stream->recover();
        continue;
      }
      resyncing = false;
      return reporting ? std::optional<Status>(report()) : Status::end;
    }
    uint64_t line_position = position();
    uint64_t length = 0;
    line.clear();
    Read read = read_line(line, kVersionPrefix.size(), length);
    if (read == Read::failed) continue;
    if (line.starts_with(kVersionPrefix)) {
      have_version_line = true;
      record_position = line_position;
      resyncing = false;
      if (reporting) return report();
      return std::nullopt;
    }
    if (!reporting && !resyncing) {
      reporting = garbage_first = true;
      garbage_position = line_position;
      record.offset = stream->member_offset(line_position);
    }
    skipped += length;
    stream->forget_members_before(line_position);
  }
}

WarcReader::Status WarcReader::Impl::read_record(WarcRecord& record, std::string& problem) {
  stream->forget_members_before(record_position);
  record.offset = stream->member_offset(record_position);
  std::string at = "record at " + where(record_position);
  headers_position = position();
  headers.clear();
  for (;;) {
    size_t before = headers.size();
    uint64_t length = 0;
    Read read = read_line(headers, kMaxHeaderBytes - before, length);
    if (read == Read::failed) return malformed_from_failure(at, problem);
    if (read != Read::ok) {
      problem = at + ": the data ends inside its headers";
      return malformed_with_replay(record, at, problem);
    }
    if (length > kMaxHeaderBytes - before) {
      problem = at + ": headers over " + std::to_string(kMaxHeaderBytes) + " bytes";
      return malformed_here(record.offset);
    }
    std::string_view added = std::string_view(headers).substr(before);
    if (added == "\r\n" || added == "\n") break;
  }
  if (!parse_headers(record, problem)) {
    problem = at + ": " + problem;
    return malformed_with_replay(record, at, problem);
  }

  bool too_large = record.length > max_block_bytes;
  if (!too_large) record.block.reserve(static_cast<size_t>(record.length) + kBlockSpareBytes);
  uint64_t got = 0;
  Read read = read_bytes(record.length, too_large ? nullptr : &record.block, got);
  if (read == Read::failed) return malformed_from_failure(at, problem);
  if (read == Read::end) {
    problem = at + ": Content-Length " + std::to_string(record.length) +
              " runs past the end of the data (" + std::to_string(got) + " bytes left)";
    if (too_large) return malformed_here(record.offset);  // its block is gone: nothing to rescan
    return malformed_with_replay(record, at, problem);
  }
  if (!read_terminator()) {
    problem = at + ": its block (Content-Length " + std::to_string(record.length) +
              ") is not followed by the blank lines that end a record";
    if (too_large) return malformed_here(record.offset);  // its block is gone: nothing to rescan
    return malformed_with_replay(record, at, problem);
  }
  if (member_failed_at(record.offset)) return malformed_from_failure(at, problem);
  if (too_large) {
    problem = at + ": block of " + std::to_string(record.length) + " bytes over the " +
              std::to_string(max_block_bytes) + "-byte limit, skipped";
    return Status::too_large;
  }
  return Status::record;
}

bool WarcReader::Impl::parse_headers(WarcRecord& record, std::string& problem) {
  std::string_view rest(headers);
  std::string* field = nullptr;  // the value a continuation line extends
  bool field_seen = false;
  std::string length_text;
  int lengths = 0;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view raw = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.empty()) break;  // the blank line that ends the headers
    if (raw.front() == ' ' || raw.front() == '\t') {
      if (!field_seen) {
        problem = "a continuation line before any header field";
        return false;
      }
      if (field && !trim(raw).empty()) *field += ' ' + std::string(trim(raw));
      continue;
    }
    size_t colon = raw.find(':');
    std::string_view name = trim(raw.substr(0, colon == std::string_view::npos ? 0 : colon));
    if (colon == std::string_view::npos || name.empty() ||
        name.find_first_of(" \t") != std::string_view::npos) {
      problem = "bad header line " + quote(raw);
      return false;
    }
    std::string_view value = trim(raw.substr(colon + 1));
    field_seen = true;
    field = nullptr;
    if (equals_ignoring_case(name, "content-length")) {
      ++lengths;
      if (lengths > 1 && trim(length_text) != value) {
        problem = "two different Content-Length fields";
        return false;
      }
      field = &length_text;
    } else if (equals_ignoring_case(name, "warc-type")) {
      field = &record.type;
    } else if (equals_ignoring_case(name, "warc-target-uri")) {
      field = &record.target_uri;
    } else if (equals_ignoring_case(name, "warc-record-id")) {
      field = &record.record_id;
    } else if (equals_ignoring_case(name, "warc-date")) {
      field = &record.date;
    } else if (equals_ignoring_case(name, "content-type")) {
      field = &record.content_type;
    }
    if (field) field->assign(value);
  }
  std::string_view uri = record.target_uri;
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    record.target_uri = std::string(uri.substr(1, uri.size() - 2));
  }
  if (lengths == 0) {
    problem = "no Content-Length";
    return false;
  }
  if (!parse_length(trim(length_text), record.length)) {
    problem = "Content-Length " + quote(length_text) + " is not a number";
    return false;
  }
  return true;
}

// The CRLF CRLF after the block; tolerant of bare LFs and of the data ending
// there, not of anything else.
bool WarcReader::Impl::read_terminator() {
  for (int eaten = 0; eaten < 4; ++eaten) {
    std::string_view bytes = peek();
    if (bytes.empty()) return true;
    if (bytes[0] != '\r' && bytes[0] != '\n') return eaten > 0;
    consume(1);
  }
  return true;
}

// Did the member holding the record end badly (a truncated member, a
// checksum mismatch) before yielding anything after the record? Asked once
// the record is read, so that its content is never trusted before its
// member's checksum is.
bool WarcReader::Impl::member_failed_at(uint64_t record_member) {
  if (replaying() || !stream->peek().empty() || !stream->failed()) return false;
  return stream->failure_member() == stream->member_offset(position() - 1) ||
         stream->failure_member() == record_member;
}

// Does `member` fail within the next kLookaheadBytes? What is read on the
// way is appended to `into`, to be scanned again.
bool WarcReader::Impl::member_fails_ahead(uint64_t member, util::ByteBuffer& into) {
  if (stream->format() == MemberStream::Format::plain) return false;
  for (size_t ahead = 0; ahead < kLookaheadBytes && !replaying();) {
    std::string_view bytes = stream->peek();
    if (bytes.empty()) return stream->failed() && stream->failure_member() == member;
    if (stream->member_offset(position()) != member) return false;
    size_t n = std::min(bytes.size(), kLookaheadBytes - ahead);
    into.append(bytes.substr(0, n));
    consume(n);
    ahead += n;
  }
  return false;
}

WarcReader::Status WarcReader::Impl::malformed_from_failure(const std::string& at,
                                                           std::string& problem) {
  problem = at + ": " + stream->failure();
  uint64_t member = stream->failure_member();
  stream->recover();
  return malformed_here(member);
}

// A record found bad after reading its headers and the start of its block
// (kept whole): when its member turns out corrupt, that is the problem;
// otherwise its bytes after the version line are scanned again before the
// rest of the input.
WarcReader::Status WarcReader::Impl::malformed_with_replay(WarcRecord& record,
                                                          const std::string& at,
                                                          std::string& problem) {
  if (replaying()) {
    // Read from the replay, which still holds it: step back.
    replay_used = static_cast<size_t>(headers_position - replay_position);
  } else {
    if (member_fails_ahead(record.offset, record.block)) return malformed_from_failure(at, problem);
    replay.reserve(headers.size() + record.block.size());
    replay.assign(headers).append(record.block.view());
    replay_used = 0;
    replay_position = headers_position;
  }
  record.block.clear();  // junk: a malformed record's block is not given out
  return malformed_here(record.offset);
}

WarcReader::WarcReader(const std::string& path, size_t max_block_bytes)
    : impl_(std::make_unique<Impl>(MemberStream::open_file(path, kBufferBytes), max_block_bytes)) {}

WarcReader::WarcReader(const Memory& input, size_t max_block_bytes)
    : impl_(std::make_unique<Impl>(MemberStream::open_memory(input.bytes, input.buffer_bytes),
                                   max_block_bytes)) {}

WarcReader::~WarcReader() = default;

WarcReader::Status WarcReader::next(WarcRecord& record, std::string& problem) {
  problem.clear();
  record.type.clear();
  record.target_uri.clear();
  record.record_id.clear();
  record.date.clear();
  record.content_type.clear();
  record.block.clear();
  record.offset = record.length = 0;
  if (!impl_->have_version_line) {
    if (std::optional<Status> status = impl_->find_record_start(record, problem)) return *status;
  }
  impl_->have_version_line = false;
  return impl_->read_record(record, problem);
}

uint64_t WarcReader::bytes_read() const { return impl_->stream->bytes_read(); }

uint64_t WarcReader::file_size() const { return impl_->stream->file_size(); }

bool looks_like_warc(std::string_view head) { return head.starts_with(kVersionPrefix); }

}  // namespace lede::io
