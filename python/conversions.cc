#include "conversions.h"

namespace lede::python {

namespace {

py::object optional_text(const std::optional<std::string>& value) {
  if (!value) return py::none();
  return text(*value);
}

py::list text_list(const std::vector<std::string>& values) {
  py::list list;
  for (const std::string& value : values) list.append(text(value));
  return list;
}

}  // namespace

PageBytes page_bytes(const py::handle& html) {
  PyObject* object = html.ptr();
  if (PyUnicode_Check(object)) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(object, &size);  // cached by the str
    if (!data) throw py::error_already_set();  // lone surrogates: UnicodeEncodeError
    return PageBytes(std::string_view(data, static_cast<size_t>(size)), true);
  }
  if (PyBytes_Check(object)) {
    return PageBytes(std::string_view(PyBytes_AS_STRING(object), static_cast<size_t>(PyBytes_GET_SIZE(object))),
                     false);
  }
  if (PyObject_CheckBuffer(object)) {
    Py_buffer buffer;
    if (PyObject_GetBuffer(object, &buffer, PyBUF_SIMPLE) != 0) throw py::error_already_set();
    std::string copy(static_cast<const char*>(buffer.buf), static_cast<size_t>(buffer.len));
    PyBuffer_Release(&buffer);
    return PageBytes(std::move(copy));
  }
  throw py::type_error(std::string("html must be str or bytes, not ") + Py_TYPE(object)->tp_name);
}

py::str text(std::string_view utf8) {
  PyObject* decoded = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "replace");
  if (!decoded) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(decoded);
}

void add_article_fields(py::dict& fields, const Article& article, std::string_view url_key) {
  py::str url_name = text(url_key);
  fields["title"] = optional_text(article.title);
  fields["subtitle"] = optional_text(article.subtitle);
  fields["authors"] = text_list(article.authors);
  fields["date"] = optional_text(article.date);
  fields["date_modified"] = optional_text(article.date_modified);
  fields["sitename"] = optional_text(article.sitename);
  fields["description"] = optional_text(article.description);
  fields["language"] = optional_text(article.language);
  fields[url_name] = optional_text(article.url);
  fields["image"] = optional_text(article.image);
  fields["tags"] = text_list(article.tags);
  fields["categories"] = text_list(article.categories);
  fields["license"] = optional_text(article.license);
  fields["page_type"] = optional_text(article.page_type);
  py::dict sources;
  for (const auto& [field, source] : article.sources) sources[field == "url" ? url_name : text(field)] = text(source);
  fields["sources"] = sources;
  fields["text"] = text(article.text);
  if (!article.markdown.empty()) fields["markdown"] = text(article.markdown);
  if (!article.html.empty()) fields["html"] = text(article.html);
  if (article.comments) fields["comments"] = text(*article.comments);
}

}  // namespace lede::python
