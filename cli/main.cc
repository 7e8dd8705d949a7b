// The lede command line: parses flags, then hands each input to the library.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "batch/pipeline.h"
#include "batch/progress.h"
#include "clean/clean.h"
#include "decode/decode.h"
#include "io/output.h"
#include "html5/parser.h"
#include "io/input.h"
#include "lede/lede.h"
#include "render/json_writer.h"

namespace {

constexpr std::string_view kUsage =
    "Usage: lede extract [options] INPUT...\n"
    "       lede parse --tree [options] [INPUT]\n"
    "       lede clean [options] FILE...\n"
    "       lede --help | --version\n";

constexpr std::string_view kMainHelp =
    "lede: the main article of web pages, as text, Markdown, HTML or JSON.\n"
    "\n"
    "Usage: lede extract [options] INPUT...\n"
    "       lede parse --tree [options] [INPUT]\n"
    "       lede clean [options] FILE...\n"
    "       lede --help | --version\n"
    "\n"
    "Commands:\n"
    "  extract   extract the article of each input (see lede extract --help)\n"
    "  parse     show how lede's HTML5 parser reads a page (see lede parse --help)\n"
    "  clean     remove page chrome from text extracted long ago (see lede clean --help)\n";

constexpr std::string_view kExtractHelp =
    "Usage: lede extract [options] INPUT...\n"
    "\n"
    "Extracts the main article of each INPUT: an HTML file, a WARC file (every\n"
    "HTML response in it), a JSONL file (a page per line), each plain, gzip or\n"
    "zstd (recognised by content); a folder (its *.html, *.htm, *.warc and\n"
    "*.jsonl files, also .gz or .zst, recursively, in sorted order); a quoted\n"
    "glob pattern; or - for an HTML page on standard input. WARC and JSONL\n"
    "inputs give JSONL output.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  txt (default), markdown, html or json\n"
    "      --jsonl          one JSON object per input and line, starting with\n"
    "                       \"id\" (the file name without extensions) and \"source\";\n"
    "                       an input that fails gives {\"id\", \"source\", \"error\"}\n"
    "      --with-markdown  with json or --jsonl, also fill the \"markdown\" field\n"
    "      --with-metadata  with txt or markdown, start with a \"---\" header of the\n"
    "                       metadata fields (title, authors, date, ...)\n"
    "      --guess          also take dates and bylines from the running text\n"
    "      --links          keep link targets in Markdown and HTML\n"
    "      --comments       also extract reader comments\n"
    "      --precision      favour precision: less boilerplate, may miss text\n"
    "      --recall         favour recall: more text, may keep boilerplate\n"
    "      --url URL        the page's address, for metadata and links (one input)\n"
    "      --charset NAME   the page's encoding if known (as from an HTTP header)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -h, --help           show this help\n"
    "\n"
    "Batch options (with --jsonl, WARC and JSONL inputs):\n"
    "  -j, --threads N      extraction threads (default: all cores)\n"
    "      --html-field F   the JSONL member holding the page (default html)\n"
    "      --url-field F    the JSONL member holding its address (default url)\n"
    "      --id-field F     the JSONL member holding its id (default id)\n"
    "      --max-record-size N  skip records larger than N bytes (K, M, G\n"
    "                       suffixes; default 20M)\n"
    "      --all-records    also write a line for each skipped record, with\n"
    "                       the reason (non-HTML, HTTP status, size, ...)\n"
    "      --shard-size N   start a new output file every N lines\n"
    "                       (out.jsonl.gz -> out-00000.jsonl.gz, ...)\n"
    "      --stats FILE     write the run's counts as JSON to FILE\n"
    "  -q, --quiet          no progress display and no summary line\n"
    "Output to a file named *.gz or *.zst is compressed. Lines come in input\n"
    "order whatever the number of threads.\n"
    "\n"
    "Without --jsonl, the documents of several inputs follow one another,\n"
    "separated by a line holding only a form feed (\\f).\n"
    "\n"
    "Exit status: 0 if every input was extracted, 1 if some inputs or records\n"
    "failed (each is named on standard error), 2 for a usage error, 130 if\n"
    "interrupted (the lines written so far are whole).\n";

constexpr std::string_view kParseHelp =
    "Usage: lede parse --tree [options] [INPUT]\n"
    "\n"
    "Parses INPUT, an HTML file (gzip is detected) or - for standard input (the\n"
    "default), as a browser would with scripting off, after decoding it as\n"
    "lede extract does, and prints the document tree in the format of the\n"
    "html5lib tests: a \"| \" line per node, indented two spaces per level.\n"
    "\n"
    "Options:\n"
    "      --tree              print the document tree\n"
    "      --fragment CONTEXT  parse a fragment as the content of the element\n"
    "                          CONTEXT (\"td\", \"svg path\", \"math mi\"), as\n"
    "                          innerHTML does\n"
    "      --charset NAME      the page's encoding if known (as from an HTTP header)\n"
    "  -h, --help              show this help\n"
    "\n"
    "Exit status: 0 if the input was parsed, 1 if it could not be read,\n"
    "2 for a usage error.\n";

constexpr std::string_view kCleanHelp =
    "Usage: lede clean [options] FILE...\n"
    "       lede clean --jsonl [options] FILE.jsonl...\n"
    "\n"
    "Removes the page chrome (calls to action, sign-in notices, donation\n"
    "appeals, cookie notices, menus, share prompts, advertisement labels,\n"
    "copyright lines) left in plain text by old extractions, such as Common\n"
    "Crawl WET files, and recovers the headline, standfirst, byline and\n"
    "dateline. Each FILE is plain text (gzip is detected), or - for standard\n"
    "input; the cleaned text is printed, headline first.\n"
    "\n"
    "Options:\n"
    "      --json           print {title, subtitle, authors, date, text, removed}\n"
    "                       where removed lists each line cut and why\n"
    "      --jsonl          the FILEs are JSONL corpora: write each record as a\n"
    "                       JSON line, its other members unchanged, its text\n"
    "                       cleaned and the recovered fields added (replacing\n"
    "                       members of the same names); lines that recur on\n"
    "                       many pages of one host (counted in a first pass,\n"
    "                       also on -j threads) are cut too\n"
    "      --text-field F   the JSONL member holding the text (default text)\n"
    "      --url-field F    the JSONL member holding its address (default url)\n"
    "      --id-field F     the JSONL member holding its id (default id)\n"
    "      --max-record-size N  skip records larger than N bytes (K, M, G\n"
    "                       suffixes; default 20M)\n"
    "      --site-stats FILE  reuse the host line counts in FILE if it exists,\n"
    "                       else count them and save them there\n"
    "      --no-site        judge each document alone, without the first pass\n"
    "  -j, --threads N      cleaning threads (default: all cores)\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -q, --quiet          no summary line\n"
    "  -h, --help           show this help\n"
    "\n"
    "Invalid UTF-8 is replaced by U+FFFD and counted (\"invalid_utf8\").\n"
    "Exit status: 0 if every input was cleaned, 1 if some failed, 2 for a\n"
    "usage error.\n";

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ExtractArgs {
  lede::Options options;
  lede::Format format = lede::Format::txt;
  bool format_given = false;
  bool jsonl = false;
  bool with_markdown = false;
  bool with_metadata = false;
  std::string output;  // empty: standard output
  std::vector<std::string> inputs;
  lede::batch::BatchOptions batch;
  bool threads_given = false;
  uint64_t shard_size = 0;
  std::string stats_file;
  bool quiet = false;
};

// "20M", "512K", "1G" or plain bytes.
uint64_t parse_size(const std::string& flag, const std::string& text) {
  size_t used = 0;
  uint64_t value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::string_view unit = std::string_view(text).substr(used);
  int shift = unit.empty() ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : -1;
  if (used == 0 || text[0] == '-' || shift < 0 || value == 0) {
    throw UsageError("option " + flag + " needs a positive size, like 20M (got '" + text + "')");
  }
  return value << shift;
}

unsigned parse_threads(const std::string& text) {
  unsigned long threads = 0;
  size_t used = 0;
  try {
    threads = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || text[0] == '-' || threads == 0 || threads > 1024) {
    throw UsageError("option -j needs a number of threads from 1 to 1024 (got '" + text + "')");
  }
  return static_cast<unsigned>(threads);
}

std::optional<lede::Format> parse_format(std::string_view name) {
  if (name == "txt") return lede::Format::txt;
  if (name == "markdown") return lede::Format::markdown;
  if (name == "html") return lede::Format::html;
  if (name == "json") return lede::Format::json;
  return std::nullopt;
}

// Walks argv, splitting "--name=value" into a flag and its value.
class ArgReader {
 public:
  ArgReader(int argc, char** argv, int first) : args_(argv + first, argv + argc) {}

  bool done() const { return next_ >= args_.size(); }

  // The next option, with "--name=value" split so that value_of finds the
  // value; operands ("-" and words without a dash, or anything after "--")
  // go to `operands` on the way. Nothing when the arguments are used up.
  std::optional<std::string> next_option(std::vector<std::string>& operands) {
    while (!done()) {
      std::string arg = args_[next_++];
      if (operands_only_ || arg == "-" || !arg.starts_with("-")) {
        operands.push_back(std::move(arg));
      } else if (arg == "--") {
        operands_only_ = true;
      } else {
        split_inline_value(arg);
        return arg;
      }
    }
    return std::nullopt;
  }

  std::string value_of(const std::string& flag) {
    if (inline_value_) return std::exchange(inline_value_, std::nullopt).value();
    if (done()) throw UsageError("option " + flag + " needs a value");
    return args_[next_++];
  }

  // A flag without a value given one ("--links=yes") is a usage error.
  void refuse_value(const std::string& flag) {
    if (inline_value_) throw UsageError("option " + flag + " takes no value");
  }

 private:
  void split_inline_value(std::string& option) {
    size_t equals = option.find('=');
    if (!option.starts_with("--") || equals == std::string::npos) return;
    inline_value_ = option.substr(equals + 1);
    option.resize(equals);
  }

  std::vector<std::string> args_;
  size_t next_ = 0;
  bool operands_only_ = false;
  std::optional<std::string> inline_value_;
};

// The options extract and clean share for JSONL corpora: threads and the
// members holding each record's document (`document_flag`), address and id.
// False when `arg` is none of them.
bool read_record_option(const std::string& arg, std::string_view document_flag, ArgReader& reader,
                        lede::batch::BatchOptions& batch, bool& threads_given) {
  lede::io::JsonlFieldNames& fields = batch.sources.jsonl_fields;
  if (arg == "-j" || arg == "--threads" || (arg.starts_with("-j") && arg.size() > 2)) {
    batch.threads = parse_threads(arg.size() > 2 && arg[1] == 'j' ? arg.substr(2) : reader.value_of(arg));
    threads_given = true;
  } else if (arg == document_flag) {
    fields.html = reader.value_of(arg);
  } else if (arg == "--url-field") {
    fields.url = reader.value_of(arg);
  } else if (arg == "--id-field") {
    fields.id = reader.value_of(arg);
  } else if (arg == "--max-record-size") {
    batch.sources.max_record_bytes = parse_size(arg, reader.value_of(arg));
  } else {
    return false;
  }
  return true;
}

ExtractArgs parse_extract_args(ArgReader& reader) {
  ExtractArgs args;
  bool precision = false, recall = false;
  while (std::optional<std::string> option = reader.next_option(args.inputs)) {
    const std::string& arg = *option;
    if (arg == "-f" || arg == "--format") {
      std::string name = reader.value_of(arg);
      std::optional<lede::Format> format = parse_format(name);
      if (!format) throw UsageError("unknown format '" + name + "' (txt, markdown, html, json)");
      args.format = *format;
      args.format_given = true;
    } else if (arg == "-o" || arg == "--output") {
      args.output = reader.value_of(arg);
      if (args.output.empty()) throw UsageError("option " + arg + " needs a file name");
    } else if (arg == "--url") {
      args.options.url = reader.value_of(arg);
    } else if (arg == "--charset") {
      args.options.charset = reader.value_of(arg);
    } else if (read_record_option(arg, "--html-field", reader, args.batch, args.threads_given)) {
    } else if (arg == "--shard-size") {
      args.shard_size = parse_size(arg, reader.value_of(arg));
    } else if (arg == "--stats") {
      args.stats_file = reader.value_of(arg);
    } else {
      reader.refuse_value(arg);
      if (arg == "--jsonl") args.jsonl = true;
      else if (arg == "--with-markdown") args.with_markdown = true;
      else if (arg == "--with-metadata") args.with_metadata = true;
      else if (arg == "--guess") args.options.guess = true;
      else if (arg == "--links") args.options.links = true;
      else if (arg == "--comments") args.options.include_comments = true;
      else if (arg == "--precision") precision = true;
      else if (arg == "--recall") recall = true;
      else if (arg == "--all-records") args.batch.all_records = true;
      else if (arg == "-q" || arg == "--quiet") args.quiet = true;
      else throw UsageError("unknown option '" + arg + "'");
    }
  }
  if (args.inputs.empty()) throw UsageError("no input given");
  if (precision && recall) throw UsageError("--precision and --recall exclude each other");
  if (precision) args.options.focus = lede::Focus::precision;
  if (recall) args.options.focus = lede::Focus::recall;
  if (args.jsonl && args.format_given && args.format != lede::Format::json) {
    throw UsageError("--jsonl writes JSON: it takes no other --format");
  }
  if (args.jsonl) args.format = lede::Format::json;
  if (args.with_markdown && args.format != lede::Format::json) {
    throw UsageError("--with-markdown needs --format json or --jsonl");
  }
  if (args.with_metadata && args.format != lede::Format::txt && args.format != lede::Format::markdown) {
    throw UsageError("--with-metadata needs --format txt or markdown");
  }
  args.options.markdown = args.format == lede::Format::markdown || args.with_markdown;
  args.options.html = args.format == lede::Format::html;
  return args;
}

// What one input gave: the document to write, or why it failed.
struct InputResult {
  std::string document;
  std::string error;  // starts with the input's path
};

InputResult process_input(const std::string& path, const ExtractArgs& args) {
  InputResult result;
  std::string bytes;
  try {
    bytes = lede::io::read_input(path);  // its errors name the path
  } catch (const std::exception& error) {
    result.error = error.what();
    return result;
  }
  try {
    lede::Article article = lede::extract(bytes, args.options);
    result.document = args.jsonl ? lede::to_json(article, {{"id", lede::io::input_id(path)},
                                                           {"source", path}})
                                 : lede::format_article(article, args.format, args.with_metadata);
  } catch (const std::exception& error) {
    result.error = path + ": " + error.what();
  } catch (...) {
    result.error = path + ": unexpected failure";
  }
  return result;
}

std::string json_error_line(const std::string& path, const std::string& error) {
  std::string line = "{\"id\":";
  lede::render::append_json_string(line, lede::io::input_id(path));
  line += ",\"source\":";
  lede::render::append_json_string(line, path);
  line += ",\"error\":";
  lede::render::append_json_string(line, error);
  line += "}";
  return line;
}

// Every input after folder expansion; a folder without pages is a failure.
std::vector<std::string> expand_all(const std::vector<std::string>& given, bool& failed) {
  std::vector<std::string> inputs;
  for (const std::string& path : given) {
    std::vector<std::string> expanded = lede::io::expand_inputs({path});
    if (expanded.empty()) {
      std::cerr << "lede: " << path << ": no .html, .htm, .html.gz or .htm.gz files in folder\n";
      failed = true;
    }
    inputs.insert(inputs.end(), expanded.begin(), expanded.end());
  }
  return inputs;
}

// Writes each input's document (or JSON line) to `out`; true if all succeeded.
bool write_documents(const std::vector<std::string>& inputs, const ExtractArgs& args,
                     std::ostream& out) {
  bool all_ok = true;
  bool first_document = true;
  for (const std::string& path : inputs) {
    InputResult result = process_input(path, args);
    if (!result.error.empty()) {
      all_ok = false;
      std::cerr << "lede: " << result.error << "\n";
      if (args.jsonl) out << json_error_line(path, result.error) << "\n";
      continue;
    }
    if (!args.jsonl && !first_document) out << "\f\n";
    first_document = false;
    out << result.document;
    if (!result.document.ends_with('\n')) out << '\n';
  }
  return all_ok;
}

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted = true; }

// What every batch run does first: all cores unless told otherwise, and
// Ctrl-C (or a kill) ends the run with whole lines written.
void start_batch(lede::batch::BatchOptions& batch, bool threads_given) {
  if (!threads_given) batch.threads = std::max(1u, std::thread::hardware_concurrency());
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

// Do the inputs hold WARC or JSONL files? Those give JSONL.
bool has_record_inputs(const std::vector<std::string>& inputs) {
  for (const std::string& path : inputs) {
    try {
      if (lede::batch::input_kind(path) != lede::batch::InputKind::html) return true;
    } catch (const std::exception&) {
      // unreadable: reported when it is read
    }
  }
  return false;
}

// Progress on a terminal, at most four times a second.
class ProgressDisplay {
 public:
  ProgressDisplay(bool enabled, uint64_t total_bytes) : enabled_(enabled), total_bytes_(total_bytes) {}
  void update(const lede::batch::Stats& stats) {
    if (!enabled_ || stats.seconds < next_) return;
    next_ = stats.seconds + 0.25;
    std::cerr << "\r" << lede::batch::progress_line(stats, total_bytes_) << "\x1b[K" << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  bool enabled_;
  uint64_t total_bytes_;
  double next_ = 0;
  bool shown_ = false;
};

uint64_t total_size(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& path : inputs) {
    std::error_code error;
    if (path == "-") return 0;
    uintmax_t size = std::filesystem::file_size(path, error);
    if (!error) total += size;
  }
  return total;
}

int run_batch(const std::vector<std::string>& inputs, ExtractArgs& args, bool failed) {
  start_batch(args.batch, args.threads_given);
  args.batch.extract = args.options;
  ProgressDisplay display(!args.quiet && ::isatty(STDERR_FILENO), total_size(inputs));
  lede::io::LineWriter out(args.output, args.shard_size);
  lede::batch::Stats stats = lede::batch::run_batch(
      inputs, args.batch, out,
      [&](const std::string& error) {
        display.clear();
        std::cerr << "lede: " << error << "\n";
      },
      [&](const lede::batch::Stats& s) { display.update(s); }, interrupted);
  out.finish();
  display.clear();
  if (!args.quiet) std::cerr << "lede: " << stats.summary() << "\n";
  if (!args.stats_file.empty()) {
    std::ofstream file(args.stats_file);
    file << stats.to_json() << "\n";
    if (!file) throw lede::Error(args.stats_file + ": cannot write");
  }
  if (stats.interrupted) return 130;
  return failed || stats.failed_total() > 0 ? 1 : 0;
}

int run_extract(ArgReader& reader) {
  ExtractArgs args = parse_extract_args(reader);
  bool failed = false;
  std::vector<std::string> inputs = expand_all(args.inputs, failed);
  if (!args.options.url.empty() && inputs.size() > 1) {
    throw UsageError("--url applies to a single input, not " + std::to_string(inputs.size()));
  }
  bool records = has_record_inputs(inputs);
  if (records && args.format_given && args.format != lede::Format::json) {
    throw UsageError("WARC and JSONL inputs give JSONL: --format does not apply");
  }
  if (records || args.jsonl) return run_batch(inputs, args, failed);
  if (args.output.empty()) {
    failed |= !write_documents(inputs, args, std::cout);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "lede: cannot write to standard output\n";
      return 1;
    }
    return failed ? 1 : 0;
  }
  // A reader of FILE never sees it half written.
  std::string temporary = lede::io::temporary_path(args.output);
  bool renamed = temporary != args.output;
  std::ofstream out(temporary, std::ios::binary);
  if (out) failed |= !write_documents(inputs, args, out);
  out.close();
  if (!out || (renamed && std::rename(temporary.c_str(), args.output.c_str()) != 0)) {
    if (renamed) std::remove(temporary.c_str());
    std::cerr << "lede: " << args.output << ": cannot write\n";
    return 1;
  }
  return failed ? 1 : 0;
}

struct ParseArgs {
  bool tree = false;
  bool fragment = false;
  std::string context;  // for a fragment: "td", "svg path", ...
  std::string charset;
  std::string input = "-";
};

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// A context is an element name, "svg " or "math " before a foreign one;
// "svg" and "math" alone name those elements, which are always foreign.
// Names are lower-cased: the parser restores SVG's camel case.
std::string fragment_context(const std::string& given) {
  std::string context = ascii_lower(given);
  if (context == "svg" || context == "math") context += " " + context;
  std::string_view name = context;
  if (name.starts_with("svg ")) name.remove_prefix(4);
  else if (name.starts_with("math ")) name.remove_prefix(5);
  if (name.empty() || name.find_first_of(" \t\n\r\f") != std::string_view::npos) {
    throw UsageError("bad fragment context '" + given + "' (e.g. td, \"svg path\", \"math mi\")");
  }
  return context;
}

ParseArgs parse_parse_args(ArgReader& reader) {
  ParseArgs args;
  std::vector<std::string> inputs;
  while (std::optional<std::string> option = reader.next_option(inputs)) {
    const std::string& arg = *option;
    if (arg == "--fragment") {
      args.context = fragment_context(reader.value_of(arg));
      args.fragment = true;
    } else if (arg == "--charset") {
      args.charset = reader.value_of(arg);
      if (lede::decode::encoding_name(args.charset).empty()) {
        throw UsageError("unknown charset '" + args.charset + "'");
      }
    } else {
      reader.refuse_value(arg);
      if (arg == "--tree") args.tree = true;
      else throw UsageError("unknown option '" + arg + "'");
    }
  }
  if (inputs.size() > 1) throw UsageError("lede parse takes a single input");
  if (!inputs.empty()) args.input = inputs.front();
  if (!args.tree) throw UsageError("lede parse needs an output: --tree");
  return args;
}

int run_parse(ArgReader& reader) {
  ParseArgs args = parse_parse_args(reader);
  std::string bytes = lede::io::read_input(args.input);  // its errors name the path
  lede::decode::Decoded decoded = lede::decode::to_utf8(bytes, args.charset);
  lede::dom::Document doc = args.fragment ? lede::html5::parse_fragment(decoded.text, args.context)
                                          : lede::html5::parse_document(decoded.text);
  std::cout << lede::html5::dump_tree(doc);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "lede: cannot write to standard output\n";
    return 1;
  }
  return 0;
}

struct CleanArgs {
  bool json = false;
  bool jsonl = false;
  bool site = true;
  std::string site_stats;
  std::string output;
  std::vector<std::string> inputs;
  lede::batch::BatchOptions batch;
  bool threads_given = false;
  bool quiet = false;
};

CleanArgs parse_clean_args(ArgReader& reader) {
  CleanArgs args;
  args.batch.sources.jsonl_fields.html = "text";
  while (std::optional<std::string> option = reader.next_option(args.inputs)) {
    const std::string& arg = *option;
    if (arg == "-o" || arg == "--output") {
      args.output = reader.value_of(arg);
      if (args.output.empty()) throw UsageError("option " + arg + " needs a file name");
    } else if (read_record_option(arg, "--text-field", reader, args.batch, args.threads_given)) {
    } else if (arg == "--site-stats") {
      args.site_stats = reader.value_of(arg);
    } else {
      reader.refuse_value(arg);
      if (arg == "--json") args.json = true;
      else if (arg == "--jsonl") args.jsonl = true;
      else if (arg == "--no-site") args.site = false;
      else if (arg == "-q" || arg == "--quiet") args.quiet = true;
      else throw UsageError("unknown option '" + arg + "'");
    }
  }
  if (args.inputs.empty()) throw UsageError("no input given");
  if (args.json && args.jsonl) throw UsageError("--json and --jsonl exclude each other");
  if (!args.jsonl && (!args.site_stats.empty() || !args.site)) {
    throw UsageError("--site-stats and --no-site apply to --jsonl");
  }
  if (!args.site && !args.site_stats.empty()) throw UsageError("--site-stats and --no-site exclude each other");
  return args;
}

// Written in pieces rather than assembled first: the text of a huge
// document would be held twice.
void write_cleaned(std::ostream& out, const lede::clean::Cleaned& cleaned, bool json) {
  if (json) {
    out << lede::clean::to_json(cleaned) << '\n';
    return;
  }
  for (const std::string* heading : {&cleaned.title, &cleaned.subtitle}) {
    if (!heading->empty()) out << *heading << '\n';
  }
  out << cleaned.text;
}

// Plain-text inputs, one document each.
int clean_documents(const CleanArgs& args, std::ostream& out) {
  bool failed = false;
  for (size_t i = 0; i < args.inputs.size(); ++i) {
    const std::string& path = args.inputs[i];
    try {
      lede::clean::Cleaned cleaned = lede::clean::clean_text(lede::io::read_input(path));
      if (cleaned.invalid_utf8) {
        std::cerr << "lede: " << path << ": " << cleaned.invalid_utf8 << " invalid UTF-8 sequences replaced\n";
      }
      if (i > 0 && !args.json) out << "\f\n";
      write_cleaned(out, cleaned, args.json);
    } catch (const std::exception& error) {
      std::cerr << "lede: " << error.what() << "\n";
      failed = true;
    }
  }
  out.flush();
  if (!out) {
    std::cerr << "lede: cannot write the output\n";
    return 1;
  }
  return failed ? 1 : 0;
}

// Site mode's counts: from --site-stats when the file exists, else counted
// over the inputs (and saved there when asked).
lede::clean::SiteCounts site_counts(const CleanArgs& args) {
  if (!args.site_stats.empty() && std::filesystem::exists(args.site_stats)) {
    return lede::clean::SiteCounts::load(args.site_stats);
  }
  lede::clean::SiteCounts counts =
      lede::clean::count_corpus(args.inputs, args.batch.sources, args.batch.threads, interrupted);
  if (!args.site_stats.empty()) counts.save(args.site_stats);
  return counts;
}

int clean_corpus(CleanArgs& args) {
  start_batch(args.batch, args.threads_given);
  std::optional<lede::clean::SiteCounts> site;
  if (args.site) site = site_counts(args);
  lede::batch::SourceOptions& sources = args.batch.sources;
  sources.pass_members = true;
  sources.replaced_members = lede::clean::recovered_member_names();
  args.batch.page_fields = [&](lede::render::JsonWriter& json, const lede::batch::Record& r) {
    lede::clean::CleanOptions options{site ? &*site : nullptr, r.url};
    lede::clean::write_fields(json, lede::clean::clean_text(r.page(), options), sources.jsonl_fields.html);
  };
  lede::io::LineWriter out(args.output, 0);
  lede::batch::Stats stats = lede::batch::run_batch(
      args.inputs, args.batch, out, [](const std::string& error) { std::cerr << "lede: " << error << "\n"; },
      nullptr, interrupted);
  out.finish();
  if (!args.quiet) std::cerr << "lede: " << stats.summary("cleaned") << "\n";
  if (stats.interrupted) return 130;
  return stats.failed_total() > 0 ? 1 : 0;
}

// glibc raises its threshold for serving allocations from mmap to the size
// of each large block freed, after which blocks of tens of megabytes come
// from the heap and stay with the process once freed: a huge document's
// working buffers would keep counting against every later one. A fixed
// threshold returns them.
void return_large_blocks_when_freed() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

int run_clean(ArgReader& reader) {
  return_large_blocks_when_freed();
  CleanArgs args = parse_clean_args(reader);
  if (args.jsonl) return clean_corpus(args);
  if (args.output.empty()) return clean_documents(args, std::cout);
  std::ofstream out(args.output, std::ios::binary);
  if (!out) throw lede::Error(args.output + ": cannot write");
  return clean_documents(args, out);
}

// The command whose --help a usage error points to.
std::string_view help_command = "extract";

int run(int argc, char** argv) {
  if (argc < 2) throw UsageError("no command given");
  std::string_view command = argv[1];
  if (command == "-h" || command == "--help") {
    std::cout << kMainHelp;
    return 0;
  }
  if (command == "--version") {
    std::cout << "lede " << LEDE_VERSION << "\n";
    return 0;
  }
  if (command != "extract" && command != "parse" && command != "clean") {
    throw UsageError("unknown command '" + std::string(command) + "'");
  }
  help_command = command;
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "-h" || arg == "--help") {
      std::cout << (command == "parse" ? kParseHelp : command == "clean" ? kCleanHelp : kExtractHelp);
      return 0;
    }
  }
  ArgReader reader(argc, argv, 2);
  if (command == "clean") return run_clean(reader);
  return command == "parse" ? run_parse(reader) : run_extract(reader);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const UsageError& error) {
    std::cerr << "lede: " << error.what() << "\n" << kUsage << "Try 'lede " << help_command << " --help'.\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "lede: " << error.what() << "\n";
    return 1;
  }
}
