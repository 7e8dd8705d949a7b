// Plain text: blocks separated by a blank line, whitespace collapsed, data
// table rows on one line each, no images and so no captions.
#include <algorithm>
#include <vector>

#include "render/content.h"
#include "render/render.h"

namespace lede::render {
namespace {

using dom::Node;
using dom::Tag;

class TextRenderer {
 public:
  TextRenderer(std::string& out, uint32_t keep) : out_(out), keep_(keep) {}

  void begin_root() { block_break(); }
  void end_root() { block_break(); }

  bool enter(Node* node) {
    if (node->is_text()) {
      text(node->data);
      return false;
    }
    if (!node->is_element()) return true;
    switch (node->tag) {
      case Tag::br:
        line_break();
        return false;
      case Tag::pre:
        block_break();
        ++pre_depth_;
        pre_started_ = false;
        return true;
      case Tag::table:
        block_break();
        data_tables_.push_back(is_data_table(node, keep_));
        return true;
      // A caption speaks of its image, which plain text has not got: it
      // stays in Markdown and HTML, beside the image.
      case Tag::figcaption:
        return false;
      default:
        break;
    }
    if (in_data_table() && (node->is(Tag::td) || node->is(Tag::th))) {
      pending_space_ = true;
      ++cell_depth_;
    } else if (in_data_table() && node->is(Tag::tr)) {
      request_lines(1);
    } else if (in_data_table() && is_row_group(node)) {
      return true;
    } else if (dom::is_block(node->tag)) {
      block_break();
    }
    return true;
  }

  void leave(Node* node) {
    if (!node->is_element()) return;
    if (node->is(Tag::pre)) {
      --pre_depth_;
      pre_blank_.clear();
    } else if (node->is(Tag::table)) {
      data_tables_.pop_back();
    } else if (in_data_table() && (node->is(Tag::td) || node->is(Tag::th))) {
      --cell_depth_;
      pending_space_ = true;
      return;
    } else if (in_data_table() && node->is(Tag::tr)) {
      request_lines(1);
      return;
    } else if (in_data_table() && is_row_group(node)) {
      return;
    }
    if (dom::is_block(node->tag)) block_break();
  }

 private:
  static bool is_row_group(const Node* node) {
    return node->is(Tag::thead) || node->is(Tag::tbody) || node->is(Tag::tfoot);
  }

  bool in_data_table() const { return !data_tables_.empty() && data_tables_.back(); }

  // Between blocks a blank line; inside a data table cell, a space.
  void block_break() {
    if (cell_depth_ > 0)
      pending_space_ = true;
    else
      request_lines(2);
  }

  void request_lines(int lines) { pending_lines_ = std::max(pending_lines_, lines); }

  // <br>: a line break; two in a row make a paragraph break.
  void line_break() {
    if (pre_depth_ > 0)
      pre_newline();
    else if (cell_depth_ > 0)
      pending_space_ = true;
    else
      pending_lines_ = std::min(pending_lines_ + 1, 2);
  }

  void pre_newline() {
    pre_blank_.clear();  // trailing blanks of the line
    if (pre_started_) pending_lines_ = std::min(pending_lines_ + 1, 2);
  }

  void text(std::string_view data) {
    if (pre_depth_ == 0) {
      collapsed_text(data);
      return;
    }
    for_each_piece(data, [&](Piece piece, std::string_view s) {
      if (piece == Piece::newline) {
        pre_newline();
      } else if (piece == Piece::blank) {
        pre_blank_ += s;
      } else {
        pre_word(s);
        pre_started_ = true;
      }
    });
  }

  // Outside <pre> every run of blanks and line feeds is one space, so words
  // that stand one space apart in `data` are written as they stand, in one
  // append, instead of a word at a time.
  void collapsed_text(std::string_view data) {
    const char* run_begin = nullptr;
    const char* run_end = nullptr;  // of the words not yet written
    for_each_piece(data, [&](Piece piece, std::string_view s) {
      if (piece != Piece::word) {
        pending_space_ = true;
        return;
      }
      if (run_end && s.data() == run_end + 1 && *run_end == ' ') {
        run_end = s.data() + s.size();
        pending_space_ = false;
        return;
      }
      if (run_end) out_.append(run_begin, run_end);
      separate();
      run_begin = s.data();
      run_end = s.data() + s.size();
    });
    if (run_end) out_.append(run_begin, run_end);
  }

  // Writes what separates the previous word from the next one.
  void separate() {
    if (!out_.empty()) {
      if (pending_lines_ > 0)
        out_.append(pending_lines_, '\n');
      else if (pending_space_ && out_.back() != '\n')
        out_ += ' ';
    }
    pending_lines_ = 0;
    pending_space_ = false;
  }

  // A word in <pre>, after the blanks before it on its line.
  void pre_word(std::string_view s) {
    separate();
    out_ += pre_blank_;
    pre_blank_.clear();
    out_ += s;
  }

  std::string& out_;
  const uint32_t keep_;
  int pending_lines_ = 0;       // line feeds owed before the next word (at most 2)
  bool pending_space_ = false;  // a space owed before the next word on the same line
  int pre_depth_ = 0;
  bool pre_started_ = false;  // the <pre> printed something: its line feeds count
  std::string pre_blank_;     // <pre> blanks awaiting the next word on their line
  int cell_depth_ = 0;
  std::vector<bool> data_tables_;  // per open table: rows on one line each
};

}  // namespace

std::string text(const dom::Document& doc, uint32_t keep) {
  std::string out;
  out.reserve(kept_text_size(doc, keep) + 64);
  TextRenderer renderer(out, keep);
  walk_kept(doc, keep, renderer);
  return out;
}

}  // namespace lede::render
