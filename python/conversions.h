// Between Python objects and lede's C++ types, for the extension module.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"

namespace lede::python {

namespace py = pybind11;

// A page's bytes, readable while the GIL is released: a str's UTF-8 and a
// bytes object's contents are borrowed (both immutable, and the caller's
// reference keeps them alive); any other buffer (bytearray, memoryview) is
// copied, since another thread could change it meanwhile.
class PageBytes {
 public:
  explicit PageBytes(std::string_view borrowed, bool is_text) : borrowed_(borrowed), is_text_(is_text) {}
  explicit PageBytes(std::string owned) : owned_(std::move(owned)), is_owned_(true) {}
  std::string_view view() const { return is_owned_ ? std::string_view(owned_) : borrowed_; }
  bool is_text() const { return is_text_; }  // a str: decoded already

 private:
  std::string_view borrowed_;
  std::string owned_;
  bool is_owned_ = false;
  bool is_text_ = false;
};

// Raises TypeError for anything but str and bytes-like objects.
PageBytes page_bytes(const py::handle& html);

// UTF-8 as a str; an invalid byte becomes U+FFFD, as in lede's JSON output.
py::str text(std::string_view utf8);

// The article's members, named and ordered as in lede::to_json: `url_key`
// names the canonical URL ("url", or "canonical_url" in crawl records).
void add_article_fields(py::dict& fields, const Article& article, std::string_view url_key);

}  // namespace lede::python
