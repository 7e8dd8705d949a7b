// Shared helpers for the tests: paths and small file utilities.
#pragma once

#include <string>

namespace lede::test {

// ../shared/eval/data beside the repository.
std::string eval_data_dir();
// A fresh scratch folder under the build tree for one test.
std::string scratch_dir(const std::string& name);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
// The page ../shared/eval/data/<set>/html/<id>.html.gz, gunzipped.
std::string eval_page(const std::string& set, const std::string& id);
// `data` as one gzip member.
std::string gzip(const std::string& data);

}  // namespace lede::test
