#include "io/http.h"

#include <gtest/gtest.h>

#include <string>

#include "io/warc_writer.h"
#include "test_support.h"

namespace lede::io {
namespace {

constexpr size_t kMax = 64 << 20;

// brotli -q 11 of a 246-byte page (kBrotliPage) and of 64 MB of 'a' (a bomb),
// made with libbrotlienc, which the tests do not link.
const std::string kBrotliPage =
    "<!DOCTYPE html><html><head><title>Brotli page</title></head><body><article><h1>Brotli "
    "page</h1><p>This body was compressed with brotli, as many servers now send pages.</p><p>The "
    "reader must decode it before extraction.</p></article></body></html>";
const std::string kBrotliPageCompressed(
    "\x1B\xF5\x00\x00\x8C\x93\x5C\xF9\xEC\x94\xBA\x2D\xD5\x87\xE4\x31\x94\xB5\x20\x0A\x0E\xE4\x3B\x7A"
    "\xB0\x78\x84\x2C\x6F\x1F\x72\x75\xBB\x4B\x46\x30\x0A\x42\x94\x84\xF4\x23\x29\x95\x6D\x93\x26\x57"
    "\x27\xE1\x4E\xFB\x24\x82\x30\xBA\x42\x13\xA6\x09\x79\xF6\x57\x75\x68\x84\xEE\x32\x81\xF7\xD2\x80"
    "\xFE\x03\xBB\x03\x82\x6D\x48\x8C\x1B\xF4\xB5\xE2\x8A\xFA\xB5\x9D\x38\x40\xAA\x8A\xC6\x56\x58\x0F"
    "\xFD\x3D\x17\xE8\xD6\x6B\x3C\x85\x0F\x55\x42\xD6\x2E\x73\x65\xB2\xCA\x3A\x6B\xD1\x02\x99\x54\xC0"
    "\xB2\x07\x78\xE8\x7E",
    125);
const std::string kBrotliBomb(
    "\xCB\xFF\xFF\x3F\xF8\x25\xC2\xE2\xB1\x40\x20\xF7\xFE\x8F\xFF\xFF\x7F\xF0\x4B\x00\xC4\x61\x11\x80"
    "\xEE\xFD\x1F\xFF\xFF\xFF\xE0\x97\x00\x88\xC3\x02\x00\xDD\xFB\x3F\xFE\xFF\xFF\xC1\x2F\x01\x10\x87"
    "\x05\x00\xBA\xF7\x7F\xFC\xFF\xFF\x83\x5F\x02\x20\x0E\x0B\x00\x74\xEF\xFF\xF8\xFF\xFF\x07\xBF\x04"
    "\x40\x1C\x16\x00\xE8\xDE\xFF\xF1\xFF\xFF\x0F\x7E\x09\x80\x38\x2C\x00\xD0\xBD\xFF\xCB\xFF\xFF\x3F"
    "\xFC\x12\x00\x71\x58\x00\xA0\x7B\xFF\x07",
    106);

const std::string& page() {
  static const std::string html = test::eval_page("wcxb-dev", "0002");
  return html;
}

HttpResponse parse_ok(std::string_view message, size_t max = kMax) {
  HttpResponse response;
  std::string problem;
  EXPECT_TRUE(parse_http_response(message, max, response, problem)) << problem;
  EXPECT_TRUE(problem.empty());
  return response;
}

std::string parse_problem(std::string_view message, size_t max = kMax) {
  HttpResponse response;
  std::string problem;
  EXPECT_FALSE(parse_http_response(message, max, response, problem));
  return problem;
}

std::string encoded(std::string_view body, std::string_view encoding) {
  return test::http_message(body, "Content-Encoding: " + std::string(encoding) + "\r\n");
}

std::string chunked(std::string_view body, size_t chunk, bool final_chunk = true) {
  std::string out;
  for (size_t at = 0; at < body.size(); at += chunk) {
    std::string_view piece = body.substr(at, chunk);
    char size[32];
    std::snprintf(size, sizeof size, "%zX", piece.size());
    out += size;
    out += at == 0 ? ";name=value\r\n" : "\r\n";
    out.append(piece).append("\r\n");
  }
  if (final_chunk) out += "0\r\nX-Trailer: 1\r\n\r\n";
  return out;
}

std::string chunked_message(std::string_view chunked_body, std::string_view extra = "") {
  return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n" + std::string(extra) +
         "Content-Type: text/html\r\n\r\n" + std::string(chunked_body);
}

TEST(IoHttp, StatusLines) {
  EXPECT_EQ(parse_ok("HTTP/1.1 200 OK\r\n\r\nbody").status, 200);
  EXPECT_EQ(parse_ok("HTTP/1.0 404 Not Found\r\n\r\n").status, 404);
  EXPECT_EQ(parse_ok("HTTP/2 200\r\ncontent-type: text/html\r\n\r\nx").status, 200);
  EXPECT_EQ(parse_ok("HTTP/1.1 301\r\n\r\n").status, 301);
  EXPECT_EQ(parse_ok("HTTP/1.1 200 OK\r\n\r\nbody").body, "body");
  EXPECT_NE(parse_problem("GET / HTTP/1.1\r\nHost: a\r\n\r\n").find("not an HTTP response"),
            std::string::npos);
  parse_problem("");
  parse_problem("HTTP/1.1 20 OK\r\n\r\n");
  parse_problem("HTTP/x 200 OK\r\n\r\n");
}

TEST(IoHttp, HeadersAreCaseInsensitiveAndMayBeFolded) {
  HttpResponse response = parse_ok(
      "HTTP/1.1 200 OK\r\nCONTENT-TYPE: Text/HTML;\r\n charset=\"ISO-8859-1\"\r\nbroken line\r\n"
      "\r\n<p>x</p>");
  EXPECT_EQ(response.content_type, "text/html");
  EXPECT_EQ(response.charset, "ISO-8859-1");
  EXPECT_EQ(response.body, "<p>x</p>");
  // Bare LF line ends; no charset.
  response = parse_ok("HTTP/1.1 200 OK\ncontent-type: application/xhtml+xml\n\n<p>y</p>");
  EXPECT_EQ(response.content_type, "application/xhtml+xml");
  EXPECT_EQ(response.charset, "");
  EXPECT_EQ(response.body, "<p>y</p>");
}

TEST(IoHttp, HeadersWithoutBodyGiveAnEmptyBody) {
  HttpResponse response = parse_ok("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
  EXPECT_EQ(response.content_type, "text/html");
  EXPECT_EQ(response.body, "");
}

TEST(IoHttp, ChunkedBodiesAreJoined) {
  EXPECT_EQ(parse_ok(chunked_message(chunked(page(), 1000))).body, page());
  EXPECT_EQ(parse_ok(chunked_message(chunked(page(), 4096, false))).body, page())
      << "a missing final chunk is tolerated";
  // A body cut inside a chunk gives what it holds.
  std::string cut = chunked(page(), 4096).substr(0, 10000);
  std::string body = parse_ok(chunked_message(cut)).body;
  EXPECT_GT(body.size(), 9000u);
  EXPECT_TRUE(page().starts_with(body));
}

TEST(IoHttp, ChunkedHeaderOnAnAlreadyJoinedBodyPassesItThrough) {
  EXPECT_EQ(parse_ok(chunked_message(page())).body, page());
}

TEST(IoHttp, ContentEncodings) {
  EXPECT_EQ(parse_ok(encoded(test::gzip_member(page()), "gzip")).body, page());
  EXPECT_EQ(parse_ok(encoded(test::gzip_member(page()), "x-gzip")).body, page());
  EXPECT_EQ(parse_ok(encoded(test::deflate_bytes(page(), 15), "deflate")).body, page())
      << "zlib-wrapped deflate";
  EXPECT_EQ(parse_ok(encoded(test::deflate_bytes(page(), -15), "deflate")).body, page())
      << "raw deflate";
  EXPECT_EQ(parse_ok(encoded(kBrotliPageCompressed, "br")).body, kBrotliPage);
  EXPECT_EQ(parse_ok(encoded(test::zstd_frame(page()), "zstd")).body, page());
  EXPECT_EQ(parse_ok(encoded(page(), "identity")).body, page());
  EXPECT_EQ(parse_ok(encoded(page(), "GZip")).body, page()) << "case-insensitive, passed through";
}

TEST(IoHttp, ChunkedAndEncoded) {
  std::string message = chunked_message(chunked(test::gzip_member(page()), 3000),
                                        "Content-Encoding: gzip\r\n");
  EXPECT_EQ(parse_ok(message).body, page());
  // Stacked codings are undone last first.
  std::string twice = encoded(test::gzip_member(test::deflate_bytes(page(), 15)), "deflate, gzip");
  EXPECT_EQ(parse_ok(twice).body, page());
}

// Given the message to keep, an unencoded body is not copied: the message
// becomes the body's storage, the body starting after the headers. Every
// message gives the payload the copying overload gives.
TEST(IoHttp, TakingTheMessageKeepsAnUnencodedBodyInPlace) {
  std::string plain = encoded(page(), "identity");
  util::ByteBuffer message(plain);
  const char* storage = message.data();
  HttpResponse response;
  std::string problem;
  ASSERT_TRUE(parse_http_response(std::move(message), kMax, response, problem)) << problem;
  EXPECT_EQ(response.payload(), page());
  EXPECT_EQ(response.message.data(), storage) << "the message's own buffer";
  EXPECT_EQ(response.body_start, plain.size() - page().size());

  for (const std::string& other :
       {encoded(test::gzip_member(page()), "gzip"), chunked_message(chunked(page(), 1000)),
        std::string("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"), encoded(page(), "gzip")}) {
    HttpResponse taken;
    ASSERT_TRUE(parse_http_response(util::ByteBuffer(other), kMax, taken, problem)) << problem;
    EXPECT_EQ(taken.payload(), parse_ok(other).body);
    EXPECT_EQ(taken.content_type, "text/html");
  }
  EXPECT_FALSE(parse_http_response(util::ByteBuffer("not http"), kMax, response, problem));
}

TEST(IoHttp, BodiesStoredDecodedArePassedThrough) {
  for (const char* encoding : {"gzip", "x-gzip", "deflate", "br", "zstd", "compress"}) {
    SCOPED_TRACE(encoding);
    EXPECT_EQ(parse_ok(encoded(page(), encoding)).body, page());
  }
  std::string text = "plain text, not markup, stored decoded.\n";
  for (const char* encoding : {"deflate", "br"}) {
    SCOPED_TRACE(encoding);
    EXPECT_EQ(parse_ok(encoded(text, encoding)).body, text);
  }
}

TEST(IoHttp, DecompressionBombsStopAtTheCap) {
  std::string zeros(size_t{64} << 20, '\0');
  const size_t cap = 1 << 20;
  for (const auto& [name, body] :
       {std::pair<std::string, std::string>{"gzip", test::gzip_member(zeros)},
        {"deflate", test::deflate_bytes(zeros, 15)},
        {"zstd", test::zstd_frame(zeros)},
        {"br", kBrotliBomb}}) {
    SCOPED_TRACE(name);
    std::string problem = parse_problem(encoded(body, name), cap);
    EXPECT_NE(problem.find("body over 1048576 bytes once decoded"), std::string::npos) << problem;
  }
  // Under a generous cap the same bomb decodes.
  EXPECT_EQ(parse_ok(encoded(kBrotliBomb, "br"), size_t{64} << 20).body.size(), size_t{64} << 20);
  // And an unencoded body over the cap is refused too.
  EXPECT_FALSE(parse_problem(test::http_message(page()), 1000).empty());
}

TEST(IoHttp, TruncatedGzipGivesWhatItHolds) {
  std::string compressed = test::gzip_member(page());
  std::string body = parse_ok(encoded(compressed.substr(0, compressed.size() / 2), "gzip")).body;
  EXPECT_GT(body.size(), page().size() / 4);
  EXPECT_TRUE(page().starts_with(body));
}

TEST(IoHttp, CorruptEncodedBodiesAreProblems) {
  std::string compressed = test::gzip_member(page());
  for (size_t i = 20; i < 60; ++i) compressed[i] = static_cast<char>(compressed[i] ^ 0x33);
  std::string problem = parse_problem(encoded(compressed, "gzip"));
  EXPECT_NE(problem.find("corrupt gzip body"), std::string::npos) << problem;
  std::string binary = "\x01\x02\x03\x04\xFF\xFE\x00\x10";
  binary.resize(200, '\x07');
  EXPECT_NE(parse_problem(encoded(binary, "compress")).find("unsupported Content-Encoding compress"),
            std::string::npos);
}

}  // namespace
}  // namespace lede::io
