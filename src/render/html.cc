// A minimal HTML fragment: structural elements only, attributes dropped
// (except href, src and alt), everything else unwrapped.
//
// Kept elements go on a stack and are written lazily, when content arrives:
// empty elements vanish. Inline elements (em, a, ...) close at every block
// boundary and open again with the next content, so their tags always nest
// inside the blocks ("<a><h3>x</h3></a>" becomes "<h3><a>x</a></h3>"). Bare
// text in a flow container (the fragment, a blockquote) is wrapped in <p>.
#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

#include "render/content.h"
#include "render/escape.h"
#include "render/render.h"

namespace lede::render {
namespace {

using dom::Node;
using dom::Tag;

// Elements nested deeper are unwrapped: every word looks at the whole stack.
constexpr size_t kMaxDepth = 64;

enum class Kind : uint8_t {
  none,      // not written: the element is unwrapped
  flow,      // holds blocks; bare text gets a <p>
  mixed,     // holds blocks or text (li, td, figure, ...)
  phrasing,  // holds text (p, headings, pre, ...)
  inline_,   // em, a, code, ...
};

class HtmlRenderer {
 public:
  HtmlRenderer(std::string& out, uint32_t keep, const RenderOptions& options)
      : out_(out), keep_(keep), options_(options) {
    stack_.push_back({nullptr, {}, Kind::flow, true, {}});  // the fragment
  }

  void begin_root() { boundary(true); }
  void end_root() { boundary(true); }

  bool enter(Node* node) {
    if (node->is_text()) {
      text(node->data);
      return false;
    }
    if (!node->is_element()) return true;
    switch (node->tag) {
      case Tag::br: line_break(); return false;
      case Tag::img: image(node); return false;
      case Tag::hr: rule(); return false;
      case Tag::table: tables_.push_back({node, is_data_table(node, keep_)}); break;
      default: break;
    }
    if (node->is(Tag::a)) {
      enter_link(node);
      return true;
    }
    Kind kind = stack_.size() < kMaxDepth ? kind_of(node) : Kind::none;
    if (kind == Kind::none) {
      if (dom::is_block(node->tag)) boundary(true);
      return true;
    }
    if (kind != Kind::inline_) boundary(false);
    stack_.push_back({node, element_name(node), kind, false, {}});
    if (node->is(Tag::pre)) {
      ++pre_depth_;
      pre_started_ = false;
    }
    // Cells are written even when empty, or the columns would shift.
    if (node->is(Tag::td) || node->is(Tag::th)) open_pending_blocks();
    return true;
  }

  void leave(Node* node) {
    if (!node->is_element()) return;
    if (stack_.back().node == node) {
      close_element();
    } else if (dom::is_block(node->tag)) {
      boundary(true);
    }
    if (node->is(Tag::table) && !tables_.empty() && tables_.back().first == node) tables_.pop_back();
  }

 private:
  struct Element {
    const Node* node;
    std::string_view name;
    Kind kind;
    bool open;               // its start tag is written (and its end tag not yet)
    std::string attributes;  // written into the start tag
  };
  enum class Last : uint8_t { content, start_tag, end_tag };  // the last thing written

  bool in_data_table() const { return !tables_.empty() && tables_.back().second; }

  const Element& innermost_block() const {
    for (auto element = stack_.rbegin(); element != stack_.rend(); ++element)
      if (element->kind != Kind::inline_) return *element;
    return stack_.front();
  }

  bool block_parent_is(std::initializer_list<std::string_view> names) const {
    std::string_view parent = innermost_block().name;
    return std::find(names.begin(), names.end(), parent) != names.end();
  }

  static std::string_view element_name(const Node* node) {
    if (node->is(Tag::menu) || node->is(Tag::dir)) return "ul";
    return dom::tag_name(node->tag);
  }

  Kind kind_of(const Node* node) const {
    switch (node->tag) {
      case Tag::p: case Tag::pre:
      case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4: case Tag::h5: case Tag::h6:
        return Kind::phrasing;
      case Tag::blockquote: return Kind::flow;
      case Tag::ul: case Tag::ol: case Tag::menu: case Tag::dir: case Tag::dl:
      case Tag::figure: case Tag::figcaption:
        return Kind::mixed;
      case Tag::li: return block_parent_is({"ul", "ol"}) ? Kind::mixed : Kind::none;
      case Tag::dd: return block_parent_is({"dl"}) ? Kind::mixed : Kind::none;
      case Tag::dt: return block_parent_is({"dl"}) ? Kind::phrasing : Kind::none;
      case Tag::table: case Tag::thead: case Tag::tbody: case Tag::tfoot: case Tag::tr:
      case Tag::td: case Tag::th:
        return in_data_table() ? Kind::mixed : Kind::none;
      case Tag::caption: return in_data_table() ? Kind::phrasing : Kind::none;
      case Tag::em: case Tag::strong: case Tag::b: case Tag::i: case Tag::code:
      case Tag::sub: case Tag::sup:
        return Kind::inline_;
      default: return Kind::none;
    }
  }

  void enter_link(const Node* anchor) {
    if (!options_.links || link_depth_ > 0 || stack_.size() >= kMaxDepth) return;
    std::string target = link_target(anchor, options_.base_url);
    if (target.empty()) return;
    std::string attributes = " href=\"";
    append_html_escaped(attributes, target);
    attributes += '"';
    stack_.push_back({anchor, "a", Kind::inline_, false, std::move(attributes)});
    ++link_depth_;
  }

  // ---- writing tags

  void write_start_tag(Element& element) {
    if (element.kind != Kind::inline_ && !out_.empty()) out_ += '\n';
    out_ += '<';
    out_ += element.name;
    out_ += element.attributes;
    out_ += '>';
    element.open = true;
    if (element.kind != Kind::inline_) {
      last_ = Last::start_tag;
      pending_break_ = 0;
      pending_space_ = false;
    }
  }

  void write_end_tag(std::string_view name, bool block) {
    if (block && last_ == Last::end_tag) out_ += '\n';
    out_ += "</";
    out_ += name;
    out_ += '>';
    if (block) last_ = Last::end_tag;
  }

  void open_pending_blocks() {
    for (Element& element : stack_)
      if (element.kind != Kind::inline_ && !element.open) write_start_tag(element);
  }

  void close_inlines() {
    for (auto element = stack_.rbegin(); element != stack_.rend(); ++element) {
      if (element->kind != Kind::inline_ || !element->open) continue;
      write_end_tag(element->name, false);
      element->open = false;
    }
  }

  void close_paragraph() {
    if (!paragraph_open_) return;
    close_inlines();
    write_end_tag("p", true);
    paragraph_open_ = false;
  }

  // A block starts or ends. Around unwrapped blocks (div, section, ...) text
  // still needs separating: a <br> in mixed containers, a space in phrasing.
  void boundary(bool unwrapped) {
    close_inlines();
    close_paragraph();
    if (!unwrapped || pre_depth_ > 0) return;
    Kind kind = innermost_block().kind;
    if (kind == Kind::phrasing)
      pending_space_ = true;
    else if (kind == Kind::mixed)
      pending_break_ = std::max(pending_break_, 1);
  }

  void close_element() {
    Element& element = stack_.back();
    if (element.kind == Kind::inline_) {
      if (element.open) write_end_tag(element.name, false);
      if (element.node->is(Tag::a)) --link_depth_;
    } else {
      boundary(false);
      if (element.open) write_end_tag(element.name, true);
      if (element.node->is(Tag::pre)) {
        --pre_depth_;
        pre_blank_.clear();
      }
    }
    stack_.pop_back();
  }

  // Everything owed before content: pending blocks, the paragraph, line
  // breaks or a space (or the <pre> whitespace `leading`), inline start tags.
  void begin_content(std::string_view leading = {}) {
    open_pending_blocks();
    if (innermost_block().kind == Kind::flow) {
      if (pending_break_ >= 2) close_paragraph();
      if (!paragraph_open_) {
        Element paragraph{nullptr, "p", Kind::phrasing, false, {}};
        write_start_tag(paragraph);
        paragraph_open_ = true;
      }
    }
    if (last_ == Last::content) {
      if (pending_break_ > 0)
        for (int i = 0; i < pending_break_; ++i) out_ += "<br>";
      else if (pending_space_)
        out_ += ' ';
    }
    pending_break_ = 0;
    pending_space_ = false;
    out_ += leading;
    for (Element& element : stack_)
      if (element.kind == Kind::inline_ && !element.open) write_start_tag(element);
    last_ = Last::content;
  }

  // ---- content

  void text(std::string_view data) {
    for_each_piece(data, [&](Piece piece, std::string_view s) {
      if (pre_depth_ == 0) {
        if (piece == Piece::word) {
          begin_content();
          append_html_escaped(out_, s);
        } else {
          pending_space_ = true;
        }
      } else if (piece == Piece::newline) {
        pre_newline();
      } else if (piece == Piece::blank) {
        pre_blank_ += s;
      } else {
        begin_content(pre_blank_);
        pre_blank_.clear();
        append_html_escaped(out_, s);
        pre_started_ = true;
      }
    });
  }

  // Inside <pre>: leading blank lines and trailing blanks of lines go.
  void pre_newline() {
    while (!pre_blank_.empty() && (pre_blank_.back() == ' ' || pre_blank_.back() == '\t')) pre_blank_.pop_back();
    if (pre_started_) pre_blank_ += '\n';
  }

  void line_break() {
    if (pre_depth_ > 0)
      pre_newline();
    else
      pending_break_ = std::min(pending_break_ + 1, 2);
  }

  void image(const Node* img) {
    if (!options_.links) return;
    std::string source = image_source(img, options_.base_url);
    if (source.empty()) return;
    begin_content();
    out_ += "<img src=\"";
    append_html_escaped(out_, source);
    out_ += "\" alt=\"";
    append_html_escaped(out_, img->attr("alt"));
    out_ += "\">";
  }

  void rule() {
    boundary(false);
    open_pending_blocks();
    if (!out_.empty()) out_ += '\n';
    out_ += "<hr>";
    last_ = Last::end_tag;
    pending_break_ = 0;
    pending_space_ = false;
  }

  std::string& out_;
  const uint32_t keep_;
  const RenderOptions& options_;
  std::vector<Element> stack_;  // written or pending elements, outermost first
  std::vector<std::pair<const Node*, bool>> tables_;  // open tables: is data
  bool paragraph_open_ = false;  // a <p> wrapping bare text in a flow container
  Last last_ = Last::start_tag;
  int pending_break_ = 0;  // <br>s owed before the next content
  bool pending_space_ = false;
  int link_depth_ = 0;
  int pre_depth_ = 0;
  bool pre_started_ = false;
  std::string pre_blank_;  // <pre> whitespace awaiting the next word
};

}  // namespace

std::string html(const dom::Document& doc, uint32_t keep, const RenderOptions& options) {
  std::string out;
  out.reserve(kept_text_size(doc, keep) * 5 / 4 + 64);
  HtmlRenderer renderer(out, keep, options);
  walk_kept(doc, keep, renderer);
  return out;
}

}  // namespace lede::render
