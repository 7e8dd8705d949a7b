// What the three renderers share: which nodes are rendered, the walk over
// them, how text splits into words and whitespace, which tables hold data, and
// where links and images point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "dom/dom.h"
#include "select/marks.h"
#include "util/byte_scan.h"

namespace lede::render {

// Nodes never rendered, nor their subtrees: dropped or invisible elements,
// the headline, comments and doctypes.
inline bool is_never_rendered(const dom::Node* node) {
  if (node->flags & (select::kDropped | select::kTitle)) return true;
  switch (node->type) {
    case dom::NodeType::element: return dom::is_invisible(node->tag);
    case dom::NodeType::text:
    case dom::NodeType::document: return false;
    default: return true;
  }
}

// Nodes left out of a subtree kept for `keep`: the never rendered ones and
// subtrees kept for the other output (comments inside the body).
inline bool is_hidden(const dom::Node* node, uint32_t keep) {
  constexpr uint32_t kKeepMarks = select::kContent | select::kComments;
  if ((node->flags & kKeepMarks & ~keep) && !(node->flags & keep)) return true;
  return is_never_rendered(node);
}

// Feeds every kept subtree to `renderer` in document order: begin_root(),
// enter(node) / leave(node) for each visible node (enter returning false skips
// the children; leave is still called), end_root(). A kept subtree nested in a
// kept subtree is walked once, as part of the outer one; a subtree kept for
// the other output is searched for kept subtrees, but not rendered.
template <typename Renderer>
void walk_kept(const dom::Document& doc, uint32_t keep, Renderer& renderer) {
  auto render_subtree = [&](dom::Node* root) {
    renderer.begin_root();
    dom::walk(
        root, [&](dom::Node* node) { return !is_hidden(node, keep) && renderer.enter(node); },
        [&](dom::Node* node) {
          if (!is_hidden(node, keep)) renderer.leave(node);
        });
    renderer.end_root();
  };
  dom::walk(
      doc.root(),
      [&](dom::Node* node) {
        if (is_never_rendered(node)) return false;
        if (!(node->flags & keep)) return true;
        render_subtree(node);
        return false;
      },
      [](dom::Node*) {});
}

// Bytes of text in the kept subtrees: what an output string should reserve.
size_t kept_text_size(const dom::Document& doc, uint32_t keep);

// A text node's content as the renderers see it: words, runs of blanks
// (spaces, tabs; a no-break space is the blank " ") and line feeds. Soft
// hyphens and zero-width spaces vanish without splitting the word around
// them into two words (the pieces just follow each other); CR LF is one line
// feed.
enum class Piece : uint8_t { word, blank, newline };

// The first byte at or after `i` that may end a word, or the end: a blank,
// a line feed, or the lead byte of U+00A0, U+00AD, U+200B or U+FEFF. Any
// byte up to the space is taken, one compare for the five blanks (the other
// control bytes are rare enough to be looked at again by the caller).
inline size_t next_piece_break(std::string_view text, size_t i) {
  return util::find_first<util::Either<util::AtMost<' '>, util::AnyOf<0xC2, 0xE2, 0xEF>>>(text, i);
}

template <typename Fn>
void for_each_piece(std::string_view text, Fn&& fn) {
  size_t word_start = 0;
  size_t i = 0;
  const size_t n = text.size();
  auto byte = [&](size_t at) { return at < n ? static_cast<unsigned char>(text[at]) : 0u; };
  while (true) {
    i = next_piece_break(text, i);
    if (i == n) break;
    unsigned char c = byte(i);
    size_t length = 1;
    bool dropped = false;
    Piece piece = Piece::blank;
    std::string_view blank;
    if (c == ' ' || c == '\t' || c == '\f') {
      while (byte(i + length) == ' ' || byte(i + length) == '\t' || byte(i + length) == '\f') ++length;
      blank = text.substr(i, length);
    } else if (c == '\n') {
      piece = Piece::newline;
    } else if (c == '\r') {
      dropped = byte(i + 1) == '\n';
      piece = Piece::newline;
    } else if (c == 0xC2 && byte(i + 1) == 0xA0) {  // U+00A0 no-break space
      length = 2;
      blank = " ";
    } else if (c == 0xC2 && byte(i + 1) == 0xAD) {  // U+00AD soft hyphen
      length = 2;
      dropped = true;
    } else if ((c == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) == 0x8B) ||  // U+200B
               (c == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF)) {  // U+FEFF
      length = 3;
      dropped = true;
    } else {
      ++i;
      continue;
    }
    if (i > word_start) fn(Piece::word, text.substr(word_start, i - word_start));
    if (!dropped) fn(piece, piece == Piece::newline ? std::string_view("\n") : blank);
    i += length;
    word_start = i;
  }
  if (n > word_start) fn(Piece::word, text.substr(word_start));
}

// A data table (rows of short cells) renders as rows; a layout table (cells
// holding lists, headings, nested tables, several paragraphs, or one cell
// only) is a mere wrapper whose cells render as blocks.
bool is_data_table(const dom::Node* table, uint32_t keep);

// Where a link points: resolved against `base_url` when possible; empty for
// links that go nowhere (no href, "#", javascript:).
std::string link_target(const dom::Node* anchor, std::string_view base_url);
// Where an image comes from (src, or a lazy-loading data-src when src is a
// placeholder), resolved like links; empty when unknown.
std::string image_source(const dom::Node* img, std::string_view base_url);

}  // namespace lede::render
