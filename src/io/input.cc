// STUB: replaced by the io helper.
#include "io/input.h"

#include <fstream>
#include <sstream>

#include "lede/lede.h"

namespace lede::io {
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) { return paths; }
std::string read_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::string input_id(const std::string& path) { return path; }
}  // namespace lede::io
