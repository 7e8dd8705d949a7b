// The C++ side of the Python package `lede`: extraction with the GIL released,
// articles and crawl records as dicts with the members of lede's JSON output,
// WARC records one at a time. The Python API around it is python/lede/.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <string_view>

#include "clean/clean.h"
#include "io/input.h"
#include "lede/lede.h"
#include "conversions.h"
#include "record_stream.h"
#include "warc_stream.h"

namespace py = pybind11;

namespace lede::python {
namespace {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "txt") return Format::txt;
  if (name == "markdown") return Format::markdown;
  if (name == "html") return Format::html;
  if (name == "json") return Format::json;
  return std::nullopt;
}

// Extraction options kept for many pages: what lede.Extractor holds.
class Extractor {
 public:
  Extractor(const std::string& output_format, bool with_metadata, bool include_comments, bool favor_precision,
            bool favor_recall, bool include_links, bool guess, bool with_markdown)
      : format_name_(output_format), with_metadata_(with_metadata), with_markdown_(with_markdown) {
    std::optional<Format> format = parse_format(output_format);
    if (!format) {
      throw py::value_error("output_format must be 'txt', 'markdown', 'html' or 'json', not '" + output_format + "'");
    }
    if (favor_precision && favor_recall) throw py::value_error("favor_precision and favor_recall exclude each other");
    format_ = *format;
    options_.focus = favor_precision ? Focus::precision : favor_recall ? Focus::recall : Focus::balanced;
    options_.include_comments = include_comments;
    options_.links = include_links;
    options_.guess = guess;
    // As the command line does: render what the output format shows.
    options_.markdown = format_ == Format::markdown || with_markdown;
    options_.html = format_ == Format::html;
  }

  // The document in the output format, or None when the page has no article text.
  py::object extract(const py::handle& html, const std::optional<std::string>& url,
                     const std::optional<std::string>& charset) const {
    PageBytes page = page_bytes(html);
    Options options = page_options(page, url, charset);
    std::optional<std::string> document;
    {
      py::gil_scoped_release release;
      Article article = lede::extract(page.view(), options);
      if (!article.text.empty()) document = format_article(article, format_, with_metadata_);
    }
    if (!document) return py::none();
    return text(*document);
  }

  py::dict extract_article(const py::handle& html, const std::optional<std::string>& url,
                           const std::optional<std::string>& charset) const {
    PageBytes page = page_bytes(html);
    Options options = page_options(page, url, charset);
    Article article;
    {
      py::gil_scoped_release release;
      article = lede::extract(page.view(), options);
    }
    py::dict fields;
    add_article_fields(fields, article, "url");
    return fields;
  }

  const Options& options() const { return options_; }

  // The constructor's arguments, to rebuild it (pickling) and show it (repr).
  py::dict arguments() const {
    py::dict args;
    args["output_format"] = format_name_;
    args["with_metadata"] = with_metadata_;
    args["include_comments"] = options_.include_comments;
    args["favor_precision"] = options_.focus == Focus::precision;
    args["favor_recall"] = options_.focus == Focus::recall;
    args["include_links"] = options_.links;
    args["guess"] = options_.guess;
    args["with_markdown"] = with_markdown_;
    return args;
  }

  static Extractor from_arguments(const py::dict& args) {
    return Extractor(args["output_format"].cast<std::string>(), args["with_metadata"].cast<bool>(),
                     args["include_comments"].cast<bool>(), args["favor_precision"].cast<bool>(),
                     args["favor_recall"].cast<bool>(), args["include_links"].cast<bool>(),
                     args["guess"].cast<bool>(), args["with_markdown"].cast<bool>());
  }

 private:
  Options page_options(const PageBytes& page, const std::optional<std::string>& url,
                       const std::optional<std::string>& charset) const {
    Options options = options_;
    options.url = url.value_or("");
    // A str is text already: its UTF-8 must not be sniffed as something else.
    options.charset = page.is_text() ? "utf-8" : charset.value_or("");
    return options;
  }

  std::string format_name_;
  Format format_ = Format::txt;
  bool with_metadata_ = false;
  bool with_markdown_ = false;
  Options options_;
};

std::string extractor_repr(const Extractor& extractor) {
  std::string repr = "lede.Extractor(";
  bool first = true;
  for (const auto& [name, value] : extractor.arguments()) {
    repr += (first ? "" : ", ") + name.cast<std::string>() + "=" + py::repr(value).cast<std::string>();
    first = false;
  }
  return repr + ")";
}

void bind_extractor(py::module_& m) {
  py::class_<Extractor>(m, "Extractor",
                        "Extraction options kept for many pages (see lede.extract for each):\n"
                        "  Extractor(*, output_format='txt', with_metadata=False, include_comments=False,\n"
                        "            favor_precision=False, favor_recall=False, include_links=False,\n"
                        "            guess=False, with_markdown=False)\n"
                        "extract(html, url=None, *, charset=None) -> str | None, as lede.extract;\n"
                        "extract_article(html, url=None, *, charset=None) -> dict, as lede.extract_article;\n"
                        "extract_file(path, *, all_records, html_field, url_field, id_field,\n"
                        "             max_record_size) -> iterator of dicts, as lede.extract_file.\n"
                        "Thread-safe (one Extractor may serve many threads) and picklable.")
      .def(py::init<const std::string&, bool, bool, bool, bool, bool, bool, bool>(), py::kw_only(),
           py::arg("output_format") = "txt", py::arg("with_metadata") = false, py::arg("include_comments") = false,
           py::arg("favor_precision") = false, py::arg("favor_recall") = false, py::arg("include_links") = false,
           py::arg("guess") = false, py::arg("with_markdown") = false)
      .def("extract", &Extractor::extract, py::arg("html"), py::arg("url") = py::none(), py::kw_only(),
           py::arg("charset") = py::none())
      .def("extract_article", &Extractor::extract_article, py::arg("html"), py::arg("url") = py::none(),
           py::kw_only(), py::arg("charset") = py::none())
      .def(
          "extract_file",
          [](const Extractor& extractor, const std::string& path, bool all_records, const std::string& html_field,
             const std::string& url_field, const std::string& id_field, int64_t max_record_size) {
            if (max_record_size <= 0) throw py::value_error("max_record_size must be positive");
            batch::SourceOptions sources;
            sources.max_record_bytes = static_cast<size_t>(max_record_size);
            sources.jsonl_fields = {html_field, url_field, id_field};
            return std::make_unique<RecordStream>(path, extractor.options(), sources, all_records);
          },
          py::arg("path"), py::kw_only(), py::arg("all_records") = false, py::arg("html_field") = "html",
          py::arg("url_field") = "url", py::arg("id_field") = "id", py::arg("max_record_size") = 20 << 20)
      .def_property_readonly("options", &Extractor::arguments)
      .def("__repr__", &extractor_repr)
      .def(py::pickle([](const Extractor& extractor) { return extractor.arguments(); },
                      [](const py::dict& args) { return Extractor::from_arguments(args); }));
}

void bind_streams(py::module_& m) {
  py::class_<RecordStream>(m, "RecordStream")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &next_record_dict)
      .def("close", &RecordStream::close)
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](RecordStream& stream, const py::args&) { stream.close(); });
  py::class_<WarcStream>(m, "WarcStream")
      .def(py::init<const std::string&, int64_t>(), py::arg("path"), py::arg("max_record_size"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &next_warc_dict);
}

}  // namespace
}  // namespace lede::python

PYBIND11_MODULE(_lede, m) {
  using namespace lede::python;
  m.doc() = "lede's extension module; use the package `lede`";
  m.attr("__version__") = LEDE_VERSION;
  py::register_exception<lede::Error>(m, "Error", PyExc_ValueError);
  bind_extractor(m);
  bind_streams(m);
  m.def(
      "clean_json",
      [](const std::string& text, const std::string& url) {
        py::gil_scoped_release release;
        lede::clean::CleanOptions options;
        options.url = url;
        return lede::clean::to_json(lede::clean::clean_text(text, options));
      },
      py::arg("text"), py::arg("url"));
  m.def(
      "expand_inputs",
      [](const std::vector<std::string>& paths) {
        py::gil_scoped_release release;
        return lede::io::expand_inputs(paths);
      },
      py::arg("paths"));
}
