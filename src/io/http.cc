// HTTP responses as crawlers store them: lenient about everything that does
// not change the body (header syntax, line ends), careful about the body.
// Crawlers often store the body already de-chunked or decoded while keeping
// the original Transfer-Encoding and Content-Encoding headers, so a body that
// does not look encoded is passed through as it is.
#include "io/http.h"

#include <algorithm>
#include <vector>

#include "io/decompress.h"

namespace lede::io {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() &&
         std::equal(a.begin(), a.end(), lower_b.begin(), [](char x, char y) { return lower(x) == y; });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The next line of `text` from `pos` without its "\n" or "\r\n"; false at the
// end of the text.
bool next_line(std::string_view text, size_t& pos, std::string_view& line) {
  if (pos >= text.size()) return false;
  size_t end = text.find('\n', pos);
  size_t stop = end == std::string_view::npos ? text.size() : end;
  line = text.substr(pos, stop - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = end == std::string_view::npos ? text.size() : end + 1;
  return true;
}

// "HTTP/1.1 200 OK", "HTTP/1.0 404", "HTTP/2 200".
bool parse_status_line(std::string_view line, int& status) {
  if (line.size() < 5 || !equals_ignoring_case(line.substr(0, 5), "http/")) return false;
  size_t i = 5;
  size_t digits = i;
  while (i < line.size() && is_digit(line[i])) ++i;
  if (i == digits) return false;
  if (i < line.size() && line[i] == '.') {
    size_t minor = ++i;
    while (i < line.size() && is_digit(line[i])) ++i;
    if (i == minor) return false;
  }
  if (i >= line.size() || line[i] != ' ') return false;
  while (i < line.size() && line[i] == ' ') ++i;
  if (line.size() - i < 3 || !is_digit(line[i]) || !is_digit(line[i + 1]) || !is_digit(line[i + 2])) {
    return false;
  }
  if (line.size() - i > 3 && line[i + 3] != ' ' && line[i + 3] != '\t') return false;
  status = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
  return true;
}

struct Header {
  std::string_view name;
  std::string value;  // folded lines joined with a space
};

// Header lines up to the blank line; `pos` ends at the body. Lines without a
// colon are ignored. False when no blank line ends them (no body then).
bool read_headers(std::string_view message, size_t& pos, std::vector<Header>& headers) {
  std::string_view line;
  while (next_line(message, pos, line)) {
    if (line.empty()) return true;
    if (line.front() == ' ' || line.front() == '\t') {
      if (!headers.empty() && !trim(line).empty()) {
        headers.back().value += ' ';
        headers.back().value += trim(line);
      }
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.push_back({trim(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
  }
  return false;
}

void parse_content_type(std::string_view value, HttpResponse& response) {
  size_t semicolon = value.find(';');
  response.content_type = lowered(trim(value.substr(0, semicolon)));
  while (semicolon != std::string_view::npos) {
    value.remove_prefix(semicolon + 1);
    semicolon = value.find(';');
    std::string_view parameter = value.substr(0, semicolon);
    size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!equals_ignoring_case(trim(parameter.substr(0, equals)), "charset")) continue;
    std::string_view charset = trim(parameter.substr(equals + 1));
    if (charset.size() >= 2 && (charset.front() == '"' || charset.front() == '\'') &&
        charset.back() == charset.front()) {
      charset = trim(charset.substr(1, charset.size() - 2));
    }
    response.charset = std::string(charset);
  }
}

// Codings listed in header values ("gzip, br"), lower-case, in the order applied.
void add_codings(std::string_view value, std::vector<std::string>& codings) {
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string coding = lowered(trim(value.substr(0, comma)));
    if (!coding.empty()) codings.push_back(std::move(coding));
    value.remove_prefix(comma == std::string_view::npos ? value.size() : comma + 1);
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool parse_chunk_size(std::string_view line, uint64_t& size) {
  line = trim(line.substr(0, line.find(';')));  // no chunk extensions
  if (line.empty() || line.size() > 15) return false;
  size = 0;
  for (char c : line) {
    int digit = hex_digit(c);
    if (digit < 0) return false;
    size = size * 16 + static_cast<uint64_t>(digit);
  }
  return true;
}

// The chunks of `body` joined. A body that ends early (no final chunk, a
// short chunk) gives what it holds. False, `out` untouched, when the body
// does not start with a chunk size: it was stored de-chunked.
bool dechunk(std::string_view body, std::string& out) {
  size_t pos = 0;
  std::string_view line;
  uint64_t size = 0;
  if (!next_line(body, pos, line) || !parse_chunk_size(line, size)) return false;
  std::string joined;
  for (;;) {
    if (size == 0) break;  // the last chunk; trailers are of no use
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    joined.append(body.substr(pos, take));
    pos += take;
    if (body.substr(pos).starts_with("\r\n")) {
      pos += 2;
    } else if (body.substr(pos).starts_with("\n")) {
      pos += 1;
    }
    if (!next_line(body, pos, line) || !parse_chunk_size(line, size)) break;
  }
  out = std::move(joined);
  return true;
}

// Text rather than compressed bytes: no control bytes but white space early on.
bool looks_like_text(std::string_view body) {
  for (unsigned char c : body.substr(0, 512)) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return true;
}

// Markup that was never encoded: what a stored, already decoded page starts with.
bool looks_like_markup(std::string_view body) {
  std::string_view start = body;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  while (!start.empty() && is_space(start.front())) start.remove_prefix(1);
  return start.starts_with("<") && looks_like_text(body);
}

bool has_zlib_header(std::string_view body) {
  if (body.size() < 2) return false;
  auto cmf = static_cast<unsigned char>(body[0]);
  auto flg = static_cast<unsigned char>(body[1]);
  return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
}

enum class Decoding { decoded, passed_through, failed };

// Undoes one coding of `body` into `out`.
Decoding decode_coding(const std::string& coding, std::string_view body, size_t max_bytes,
                       std::string& out, std::string& problem) {
  bool gzip = coding == "gzip" || coding == "x-gzip";
  DecodeResult result;
  std::string error;
  if (coding == "identity" || coding == "none") {
    return Decoding::passed_through;
  } else if (gzip) {
    if (!body.starts_with("\x1F\x8B")) return Decoding::passed_through;
    result = inflate_all(body, DeflateWrapper::gzip, max_bytes, out, error);
  } else if (coding == "deflate") {
    if (looks_like_markup(body)) return Decoding::passed_through;
    // "deflate" is meant zlib-wrapped, but servers send raw deflate too.
    result = DecodeResult::corrupt;
    if (has_zlib_header(body)) result = inflate_all(body, DeflateWrapper::zlib, max_bytes, out, error);
    if (result == DecodeResult::corrupt) {
      result = inflate_all(body, DeflateWrapper::raw, max_bytes, out, error);
    }
  } else if (coding == "br") {
    if (looks_like_markup(body)) return Decoding::passed_through;
    result = brotli_all(body, max_bytes, out, error);
  } else if (coding == "zstd") {
    if (!body.starts_with("\x28\xB5\x2F\xFD")) return Decoding::passed_through;
    result = zstd_all(body, max_bytes, out, error);
  } else {
    if (looks_like_text(body)) return Decoding::passed_through;
    problem = "unsupported Content-Encoding " + coding;
    return Decoding::failed;
  }
  switch (result) {
    case DecodeResult::complete:
      return Decoding::decoded;
    case DecodeResult::truncated:  // crawlers cut long bodies: keep what there is
      if (!gzip && coding != "zstd" && looks_like_text(body)) return Decoding::passed_through;
      return Decoding::decoded;
    case DecodeResult::over_limit:
      problem = "body over " + std::to_string(max_bytes) + " bytes once decoded";
      return Decoding::failed;
    case DecodeResult::corrupt:
      break;
  }
  if (looks_like_text(body)) return Decoding::passed_through;
  problem = "corrupt " + coding + " body (" + error + ")";
  return Decoding::failed;
}

}  // namespace

namespace {

// Everything but `response.body`: `payload` ends as the decoded body, a view
// into `message` when no step changed it, else into `decoded_body`.
bool parse_response(std::string_view message, size_t max_body_bytes, HttpResponse& response,
                    std::string& decoded_body, std::string_view& payload, std::string& problem) {
  response = HttpResponse();
  problem.clear();
  size_t pos = 0;
  while (pos < message.size() && (message[pos] == '\r' || message[pos] == '\n')) ++pos;
  std::string_view status_line;
  if (!next_line(message, pos, status_line) || !parse_status_line(status_line, response.status)) {
    response.status = 0;
    std::string start;
    for (char c : status_line.substr(0, 40)) start += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    problem = "not an HTTP response: it starts \"" + start + "\"";
    return false;
  }
  std::vector<Header> headers;
  bool has_body = read_headers(message, pos, headers);
  std::vector<std::string> codings;
  bool chunked = false;
  for (const Header& header : headers) {
    if (equals_ignoring_case(header.name, "content-type")) {
      if (!trim(header.value).empty()) parse_content_type(header.value, response);
    } else if (equals_ignoring_case(header.name, "content-encoding")) {
      add_codings(header.value, codings);
    } else if (equals_ignoring_case(header.name, "transfer-encoding")) {
      std::vector<std::string> transfer;
      add_codings(header.value, transfer);
      for (std::string& coding : transfer) {
        if (coding == "chunked") {
          chunked = true;
        } else {
          codings.push_back(std::move(coding));  // applied after the content codings
        }
      }
    }
  }
  // `payload` is the body as decoded so far: the message itself until a
  // step (dechunking, a coding) writes a new one into `body`, so that a
  // compressed body is not copied before it is inflated.
  payload = has_body ? message.substr(pos) : std::string_view();
  std::string& body = decoded_body;
  if (chunked && dechunk(payload, body)) payload = body;
  std::string decoded;
  for (auto coding = codings.rbegin(); coding != codings.rend(); ++coding) {
    switch (decode_coding(*coding, payload, max_body_bytes, decoded, problem)) {
      case Decoding::decoded:
        body.swap(decoded);
        payload = body;
        break;
      case Decoding::passed_through:
        break;
      case Decoding::failed:
        return false;
    }
  }
  if (payload.size() > max_body_bytes) {
    problem = "body over " + std::to_string(max_body_bytes) + " bytes once decoded";
    return false;
  }
  return true;
}

}  // namespace

bool parse_http_response(std::string_view message, size_t max_body_bytes, HttpResponse& response,
                         std::string& problem) {
  std::string decoded;
  std::string_view payload;
  if (!parse_response(message, max_body_bytes, response, decoded, payload, problem)) return false;
  if (payload.data() == decoded.data()) {
    response.body = std::move(decoded);
  } else {
    response.body.assign(payload);
  }
  return true;
}

bool parse_http_response(util::ByteBuffer&& message, size_t max_body_bytes, HttpResponse& response,
                         std::string& problem) {
  std::string decoded;
  std::string_view payload;
  if (!parse_response(message, max_body_bytes, response, decoded, payload, problem)) return false;
  if (payload.data() == decoded.data()) {
    response.body = std::move(decoded);
  } else {
    // An unchanged body ends the message (no body: an empty view at its end).
    response.body_start = message.size() - payload.size();
    response.message = std::move(message);
  }
  return true;
}

}  // namespace lede::io
