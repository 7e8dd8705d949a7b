// CommonMark (with GFM pipe tables). Text flows through one state machine:
// breaks, spaces and inline markup are owed ("pending") and written only when
// the next content arrives, so empty elements leave no trace and no line ends
// in whitespace. Containers that prefix lines (quotes, list items) are a stack
// of levels written at the start of every line.
#include <algorithm>
#include <charconv>
#include <vector>

#include "render/content.h"
#include "render/escape.h"
#include "render/render.h"

namespace lede::render {
namespace {

using dom::Node;
using dom::Tag;

struct CodeScan {
  bool has_text = false;      // anything but whitespace
  size_t longest_ticks = 0;   // longest run of backticks in the text
};

CodeScan scan_code(const Node* code, uint32_t keep) {
  CodeScan scan;
  for (const Node* node = code; node;) {
    if (node != code && is_hidden(node, keep)) {
      node = dom::next_skipping_children(node, code);
      continue;
    }
    if (node->is_text()) {
      std::string_view s = node->data;
      if (s.find_first_not_of(" \t\n\r\f") != std::string_view::npos) scan.has_text = true;
      size_t run = 0;
      for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        scan.longest_ticks = std::max(scan.longest_ticks, run);
      }
    }
    node = dom::next_in_preorder(node, code);
  }
  return scan;
}

// "python" from class="language-python" (or lang-python) on the <pre> or on
// the <code> inside it.
std::string_view code_language(const Node* pre) {
  const Node* first = pre->first_child;
  while (first && !first->is_element()) first = first->next;
  for (const Node* node : {pre, first}) {
    if (!node) continue;
    std::string_view classes = node->attr("class");
    while (!classes.empty()) {
      size_t end = classes.find(' ');
      std::string_view token = classes.substr(0, end);
      classes = end == std::string_view::npos ? std::string_view() : classes.substr(end + 1);
      for (std::string_view prefix : {"language-", "lang-"}) {
        if (!token.starts_with(prefix)) continue;
        std::string_view language = token.substr(prefix.size());
        bool plain = std::all_of(language.begin(), language.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '+' || c == '#' || c == '_' || c == '.';
        });
        if (plain && !language.empty()) return language;
      }
    }
  }
  return {};
}

// Quotes and list items nested deeper add no prefix: every line repeats the
// prefixes of all levels.
constexpr size_t kMaxLevels = 16;

int colspan(const Node* cell) {
  std::string_view value = cell->attr("colspan");
  int span = 1;
  std::from_chars(value.data(), value.data() + value.size(), span);
  return std::clamp(span, 1, 64);
}

class MarkdownRenderer {
 public:
  MarkdownRenderer(std::string& out, uint32_t keep, const RenderOptions& options)
      : out_(out), keep_(keep), options_(options) {}

  void begin_root() { request_break(2); }
  void end_root() { request_break(2); }

  bool enter(Node* node) {
    if (node->is_text()) {
      text(node->data);
      return false;
    }
    if (!node->is_element()) return true;
    if (fence_node_) {  // inside a code fence only text and line breaks count
      if (node->is(Tag::br)) pre_newline();
      return true;
    }
    switch (node->tag) {
      case Tag::br: line_break(); return false;
      case Tag::img: image(node); return false;
      case Tag::hr: rule(); return false;
      case Tag::pre: return enter_pre(node);
      case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
        request_break(2);
        if (inline_depth_ == 0) heading_level_ = static_cast<int>(node->tag) - static_cast<int>(Tag::h1) + 1;
        ++inline_depth_;
        return true;
      case Tag::ul: case Tag::ol: case Tag::menu: case Tag::dir:
        request_break(in_list_item() ? 1 : 2);
        lists_.push_back({node, node->is(Tag::ol), list_start(node)});
        return true;
      case Tag::li: enter_item(node); return true;
      case Tag::blockquote:
        request_break(2);
        if (inline_depth_ == 0 && levels_.size() < kMaxLevels) levels_.push_back({node, true, false, 0, {}});
        return true;
      case Tag::table:
        request_break(2);
        tables_.push_back({node, inline_depth_ == 0 && is_data_table(node, keep_)});
        return true;
      case Tag::thead: case Tag::tbody: case Tag::tfoot: case Tag::tr:
        if (!in_data_table()) request_break(2);
        return true;
      case Tag::td: case Tag::th:
        if (in_data_table()) open_cell(); else request_break(2);
        return true;
      case Tag::b: case Tag::strong:
        if (strong_depth_++ == 0 && code_depth_ == 0) spans_.push_back({node, "**", "**", false});
        return true;
      case Tag::i: case Tag::em:
        if (em_depth_++ == 0 && code_depth_ == 0) spans_.push_back({node, "*", "*", false});
        return true;
      case Tag::code: case Tag::kbd: case Tag::samp: case Tag::tt:
        if (code_depth_++ == 0) enter_code(node);
        return true;
      case Tag::a: enter_link(node); return true;
      default:
        if (dom::is_block(node->tag)) request_break(2);
        return true;
    }
  }

  void leave(Node* node) {
    if (!node->is_element()) return;
    if (fence_node_) {
      if (node == fence_node_) close_fence();
      return;
    }
    switch (node->tag) {
      case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
        if (--inline_depth_ == 0) heading_level_ = 0;  // an empty heading writes nothing
        request_break(2);
        return;
      case Tag::ul: case Tag::ol: case Tag::menu: case Tag::dir:
        if (!lists_.empty() && lists_.back().node == node) lists_.pop_back();
        request_break(2);
        return;
      case Tag::li:
        pop_level(node);
        request_break(1);
        return;
      case Tag::blockquote:
        pop_level(node);
        request_break(2);
        return;
      case Tag::table:
        if (!tables_.empty() && tables_.back().node == node) tables_.pop_back();
        request_break(2);
        return;
      case Tag::thead: case Tag::tbody: case Tag::tfoot:
        if (!in_data_table()) request_break(2);
        return;
      case Tag::tr:
        if (in_data_table()) end_row(); else request_break(2);
        return;
      case Tag::td: case Tag::th:
        if (in_data_table()) close_cell(node); else request_break(2);
        return;
      case Tag::b: case Tag::strong:
        --strong_depth_;
        close_span(node);
        return;
      case Tag::i: case Tag::em:
        --em_depth_;
        close_span(node);
        return;
      case Tag::code: case Tag::kbd: case Tag::samp: case Tag::tt:
        if (--code_depth_ == 0 && close_span(node)) --inline_depth_;
        return;
      case Tag::a:
        if (close_span(node)) --link_depth_;
        return;
      default:
        if (dom::is_block(node->tag)) request_break(2);
    }
  }

 private:
  struct Level {  // a container that prefixes its lines
    const Node* node;
    bool quote;    // "> "; otherwise a list item: its marker, then indentation
    bool started;  // its first line is written
    uint8_t marker_size;
    char marker[14];
  };
  struct Span {  // inline markup around content
    const Node* node;
    std::string open;
    std::string close;
    bool written;  // open is written, close not yet
  };
  struct List {
    const Node* node;
    bool ordered;
    int next_number;
  };
  struct Table {
    const Node* node;
    bool data;  // a pipe table; else its cells are blocks
    int rows = 0;
    int cells = 0;  // in the current row, counting colspans
    int columns = 0;
    bool row_open = false;
  };

  // ---- lines and breaks

  // A line's prefix from the levels. Blank lines carry only the levels
  // already started, and no trailing spaces.
  void write_prefix(bool blank) {
    size_t before = out_.size();
    for (Level& level : levels_) {
      if (blank && !level.started) break;
      if (level.quote)
        out_ += "> ";
      else if (level.started || blank)
        out_.append(level.marker_size, ' ');
      else
        out_.append(level.marker, level.marker_size);
      if (!blank) level.started = true;
    }
    if (blank)
      while (out_.size() > before && out_.back() == ' ') out_.pop_back();
  }

  // Writes the owed line breaks and the new line's prefix.
  void open_line() {
    if (pending_break_ > 0 && !out_.empty()) {
      if (hard_break_) out_ += '\\';
      for (int i = 1; i < pending_break_; ++i) {
        out_ += '\n';
        write_prefix(true);
      }
      out_ += '\n';
      line_open_ = false;
    }
    pending_break_ = 0;
    hard_break_ = false;
    if (line_open_) return;
    write_prefix(false);
    line_open_ = true;
    line_start_ = spacing_start_ = out_.size();
    pending_space_ = false;
  }

  // Markup written before a break is closed before it, and opens again with
  // the next content: emphasis never spans paragraphs.
  void close_spans() {
    for (auto span = spans_.rbegin(); span != spans_.rend(); ++span) {
      if (!span->written) continue;
      out_ += span->close;
      span->written = false;
    }
  }

  void request_break(int lines) {
    if (inline_depth_ > 0) {  // headings, cells and code stay on one line
      pending_space_ = true;
      return;
    }
    close_spans();
    pending_break_ = std::max(pending_break_, lines);
    hard_break_ = false;
  }

  // <br>: a hard line break ("\" at the end of the line); a second one in a
  // row makes a paragraph break.
  void line_break() {
    if (inline_depth_ > 0) {
      pending_space_ = true;
    } else if (pending_break_ == 0) {
      if (line_open_ && out_.size() > line_start_) {
        pending_break_ = 1;
        hard_break_ = true;
      }
    } else if (hard_break_) {
      request_break(2);
    }
  }

  // Everything owed before content on the current line.
  void begin_content() {
    bool same_line = pending_break_ == 0 && line_open_;
    open_line();
    if (same_line && pending_space_ && out_.size() > spacing_start_) out_ += ' ';
    pending_space_ = false;
    if (heading_level_ > 0) {
      out_.append(heading_level_, '#');
      out_ += ' ';
      heading_level_ = 0;
    }
    for (Span& span : spans_) {
      if (span.written) continue;
      // `a``b` would read as one code span: keep adjacent ones apart.
      if (span.open.front() == '`' && !out_.empty() && out_.back() == '`') out_ += ' ';
      out_ += span.open;
      span.written = true;
    }
  }

  // ---- text

  void text(std::string_view data) {
    for_each_piece(data, [&](Piece piece, std::string_view s) {
      if (fence_node_)
        fence_piece(piece, s);
      else if (piece == Piece::word)
        word(s);
      else
        pending_space_ = true;
    });
  }

  void word(std::string_view s) {
    begin_content();
    if (code_depth_ == 0) {
      append_markdown_word(out_, s, {out_.size() == line_start_, link_depth_ > 0, cell_depth_ > 0});
      return;
    }
    for (char c : s) {  // code is literal, but a | would still end a table cell
      if (c == '|' && cell_depth_ > 0) out_ += '\\';
      out_ += c;
    }
  }

  void image(const Node* img) {
    if (!options_.links || code_depth_ > 0) return;
    std::string source = image_source(img, options_.base_url);
    if (source.empty()) return;
    begin_content();
    out_ += "![";
    append_markdown_text(out_, img->attr("alt"), {false, true, cell_depth_ > 0});
    out_ += "](";
    append_markdown_destination(out_, source);
    out_ += ')';
  }

  void rule() {
    if (inline_depth_ > 0) {
      pending_space_ = true;
      return;
    }
    request_break(2);
    open_line();
    out_ += "---";
    request_break(2);
  }

  // ---- inline markup

  void enter_code(const Node* code) {
    CodeScan scan = scan_code(code, keep_);
    std::string ticks(scan.longest_ticks + 1, '`');
    // A space keeps backticks inside the code apart from the delimiters.
    std::string_view pad = scan.longest_ticks > 0 ? " " : "";
    spans_.push_back({code, ticks + std::string(pad), std::string(pad) + ticks, false});
    ++inline_depth_;
  }

  void enter_link(const Node* anchor) {
    if (!options_.links || link_depth_ > 0 || code_depth_ > 0) return;
    std::string target = link_target(anchor, options_.base_url);
    if (target.empty()) return;
    std::string close = "](";
    append_markdown_destination(close, target);
    close += ')';
    spans_.push_back({anchor, "[", std::move(close), false});
    ++link_depth_;
  }

  bool close_span(const Node* node) {
    if (spans_.empty() || spans_.back().node != node) return false;
    if (spans_.back().written) out_ += spans_.back().close;
    spans_.pop_back();
    return true;
  }

  // ---- lists and quotes

  bool in_list_item() const { return !levels_.empty() && !levels_.back().quote; }

  static int list_start(const Node* list) {
    std::string_view value = list->attr("start");
    int start = 1;
    std::from_chars(value.data(), value.data() + value.size(), start);
    return std::clamp(start, 0, 999999999);
  }

  void enter_item(const Node* item) {
    request_break(1);
    if (inline_depth_ > 0 || levels_.size() >= kMaxLevels) return;
    Level level{item, false, false, 0, {}};
    if (!lists_.empty() && lists_.back().ordered) {
      auto result = std::to_chars(level.marker, level.marker + 10, lists_.back().next_number++);
      char* end = result.ptr;
      *end++ = '.';
      *end++ = ' ';
      level.marker_size = static_cast<uint8_t>(end - level.marker);
    } else {
      level.marker[0] = '-';
      level.marker[1] = ' ';
      level.marker_size = 2;
    }
    levels_.push_back(level);
  }

  void pop_level(const Node* node) {
    if (!levels_.empty() && levels_.back().node == node) levels_.pop_back();
  }

  // ---- code fences

  bool enter_pre(const Node* pre) {
    if (inline_depth_ > 0) return true;  // in a heading or cell: inline text
    CodeScan scan = scan_code(pre, keep_);
    if (!scan.has_text) return false;
    request_break(2);
    open_line();
    fence_.assign(std::max<size_t>(3, scan.longest_ticks + 1), '`');
    out_ += fence_;
    out_ += code_language(pre);
    fence_node_ = pre;
    fence_started_ = false;
    pending_break_ = 1;
    return true;
  }

  // Inside the fence whitespace is kept, but leading blank lines and
  // trailing blanks of lines are not.
  void fence_piece(Piece piece, std::string_view s) {
    if (piece == Piece::newline) {
      pre_newline();
    } else if (piece == Piece::blank) {
      fence_blank_ += s;
    } else {
      open_line();
      out_ += fence_blank_;
      fence_blank_.clear();
      out_ += s;
      fence_started_ = true;
    }
  }

  void pre_newline() {
    fence_blank_.clear();
    if (fence_started_) ++pending_break_;
  }

  void close_fence() {
    fence_node_ = nullptr;
    fence_blank_.clear();
    pending_break_ = 1;
    hard_break_ = false;
    open_line();
    out_ += fence_;
    request_break(2);
  }

  // ---- pipe tables

  bool in_data_table() const { return !tables_.empty() && tables_.back().data; }

  void open_cell() {
    Table& table = tables_.back();
    if (!table.row_open) {
      request_break(1);
      open_line();
      out_ += '|';
      table.row_open = true;
    }
    out_ += ' ';
    spacing_start_ = out_.size();
    pending_space_ = false;
    ++inline_depth_;
    ++cell_depth_;
  }

  void close_cell(const Node* cell) {
    close_spans();  // markup opened outside the table must not cross cells
    --inline_depth_;
    --cell_depth_;
    pending_space_ = false;
    out_ += " |";
    int span = colspan(cell);
    for (int i = 1; i < span; ++i) out_ += "  |";
    tables_.back().cells += span;
  }

  // The first row is the header: the delimiter row follows it.
  void end_row() {
    Table& table = tables_.back();
    if (!table.row_open) return;
    table.row_open = false;
    if (++table.rows == 1) {
      table.columns = table.cells;
      request_break(1);
      open_line();
      out_ += '|';
      for (int i = 0; i < table.columns; ++i) out_ += " --- |";
    } else {
      for (int i = table.cells; i < table.columns; ++i) out_ += "  |";
    }
    table.cells = 0;
    request_break(1);
  }

  std::string& out_;
  const uint32_t keep_;
  const RenderOptions& options_;

  int pending_break_ = 0;       // line feeds owed before the next content
  bool hard_break_ = false;     // the one owed line feed is a <br>
  bool pending_space_ = false;  // a space owed before the next content
  bool line_open_ = false;      // the current line's prefix is written
  size_t line_start_ = 0;       // where the current line's text starts
  size_t spacing_start_ = 0;    // no owed space is written before this offset
  int heading_level_ = 0;       // "#"s owed before the heading's text

  std::vector<Level> levels_;
  std::vector<Span> spans_;
  std::vector<List> lists_;
  std::vector<Table> tables_;
  int inline_depth_ = 0;  // inside headings, cells, code: breaks become spaces
  int cell_depth_ = 0;
  int strong_depth_ = 0;
  int em_depth_ = 0;
  int code_depth_ = 0;
  int link_depth_ = 0;

  const Node* fence_node_ = nullptr;  // the <pre> being written as a code fence
  std::string fence_;
  std::string fence_blank_;  // blanks awaiting the next word on their line
  bool fence_started_ = false;
};

}  // namespace

std::string markdown(const dom::Document& doc, uint32_t keep, const RenderOptions& options) {
  std::string out;
  out.reserve(kept_text_size(doc, keep) * 5 / 4 + 64);
  MarkdownRenderer renderer(out, keep, options);
  walk_kept(doc, keep, renderer);
  return out;
}

}  // namespace lede::render
