// Reading inputs for the command line: files, folders, stdin, gzip.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lede::io {

// Every input path expanded: folders become their pages and crawl files
// (*.html, *.htm, *.warc, *.jsonl, each also .gz or .zst; recursively,
// sorted), glob patterns that name no file their matches (sorted); "-" and
// plain files stay as given. A path that does not exist is kept, so that
// reading it reports the error.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

// The whole content of a file ("-" is stdin), gunzipped when it starts with
// the gzip magic. Throws lede::Error naming the path on any failure
// (unreadable, truncated or corrupt gzip, ...).
std::string read_input(const std::string& path);

// Inputs larger than this, compressed or once gunzipped, are refused with a
// lede::Error rather than exhausting memory (a gzip bomb stops here too).
inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// read_input with another size limit.
std::string read_input(const std::string& path, size_t max_bytes);

// The id of an input in --jsonl output: file name without .gz, .html, .htm
// ("a/b/page.html.gz" gives "page"); "stdin" for "-".
std::string input_id(const std::string& path);

}  // namespace lede::io
