// The pipeline's parser is lede's own (src/html5); this stage only names it.
#include "parse/parse.h"

#include "html5/parser.h"

namespace lede::parse {

dom::Document parse_document(std::string_view utf8) { return html5::parse_document(utf8); }

}  // namespace lede::parse
