// 13.2.6.4.1 The "initial" insertion mode, and the quirks mode a doctype
// selects. lede only needs quirks vs no-quirks: the one parsing difference is
// whether <table> closes an open <p>.
#include "html5/tree_builder.h"

namespace lede::html5 {

namespace {

constexpr std::string_view kQuirksPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

bool starts_with_ignore_case(std::string_view s, std::string_view lower_prefix) {
  return s.size() >= lower_prefix.size() &&
         dom::equals_ignore_case(s.substr(0, lower_prefix.size()), lower_prefix);
}

bool is_quirks_doctype(const Token& t) {
  if (t.force_quirks || t.name != "html") return true;
  std::string_view pub = t.has_public_id ? t.public_id : std::string_view{};
  if (t.has_public_id) {
    if (dom::equals_ignore_case(pub, "-//w3o//dtd w3 html strict 3.0//en//") ||
        dom::equals_ignore_case(pub, "-/w3c/dtd html 4.0 transitional/en") ||
        dom::equals_ignore_case(pub, "html"))
      return true;
    for (std::string_view prefix : kQuirksPublicPrefixes)
      if (starts_with_ignore_case(pub, prefix)) return true;
    if (!t.has_system_id && (starts_with_ignore_case(pub, "-//w3c//dtd html 4.01 frameset//") ||
                             starts_with_ignore_case(pub, "-//w3c//dtd html 4.01 transitional//")))
      return true;
  }
  return t.has_system_id &&
         dom::equals_ignore_case(t.system_id,
                                 "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd");
}

}  // namespace

void TreeBuilder::set_quirks_from_doctype(const Token& t) { quirks_ = is_quirks_doctype(t); }

TreeBuilder::Step TreeBuilder::initial(Token& t) {
  switch (t.type) {
    case TokenType::characters:
      take_leading_space(t);
      if (t.data.empty()) return Step::done;
      break;
    case TokenType::comment: insert_comment(t, doc_.root()); return Step::done;
    case TokenType::doctype:
      doc_.append_child(doc_.root(),
                        doc_.create_doctype(t.name, t.has_public_id ? &t.public_id : nullptr,
                                            t.has_system_id ? &t.system_id : nullptr));
      set_quirks_from_doctype(t);
      mode_ = InsertionMode::before_html;
      return Step::done;
    default: break;
  }
  quirks_ = true;
  mode_ = InsertionMode::before_html;
  return Step::reprocess;
}

}  // namespace lede::html5
