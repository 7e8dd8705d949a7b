// The HTTP response inside a WARC response record.
#pragma once

#include <string>
#include <string_view>

#include "util/byte_buffer.h"

namespace lede::io {

struct HttpResponse {
  int status = 0;              // 200, 404, ...
  std::string content_type;    // media type, lower-case, without parameters ("text/html")
  std::string charset;         // the charset parameter of Content-Type, if any
  // The payload, de-chunked and decoded (gzip, deflate, br). Or, when the
  // message was given to keep and no step changed its body, `message`
  // itself, the payload from body_start on (`body` then empty).
  std::string body;
  util::ByteBuffer message;
  size_t body_start = 0;

  std::string_view payload() const {
    return message.empty() ? std::string_view(body) : message.view().substr(body_start);
  }
};

// Parses `message` (status line, headers, body). Returns false with
// `problem` set when it is not an HTTP response or its body cannot be
// decoded; the body is never larger than `max_body_bytes` once decoded
// (larger is a problem too: "body over N bytes once decoded").
bool parse_http_response(std::string_view message, size_t max_body_bytes, HttpResponse& response,
                         std::string& problem);
// The same, taking the message: a body no step changes is not copied, the
// message becomes `response.message` with `body_start` where the body begins.
bool parse_http_response(util::ByteBuffer&& message, size_t max_body_bytes, HttpResponse& response,
                         std::string& problem);

}  // namespace lede::io
