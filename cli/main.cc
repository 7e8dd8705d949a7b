// STUB: replaced by the CLI helper.
#include <iostream>

#include "io/input.h"
#include "lede/lede.h"

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  std::string bytes = lede::io::read_input(argv[2]);
  std::cout << lede::format_article(lede::extract(bytes), lede::Format::txt) << "\n";
  return 0;
}
