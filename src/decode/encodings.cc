// The label table of the WHATWG Encoding standard, mapped to glibc iconv.
#include <array>
#include <string>
#include <unordered_map>

#include "decode/encodings.h"

namespace lede::decode {

namespace {

// Where WHATWG's decoder is a superset of the legacy standard, the iconv name
// is that superset: GBK decodes as gb18030, Big5 as Big5-HKSCS, Shift_JIS as
// Windows-31J, EUC-KR as Windows-949, ISO-8859-8-I like ISO-8859-8.
// "replacement" and "x-user-defined" are decoded by hand.
constexpr std::array kEncodings = {
    Encoding{"utf-8", "UTF-8",
             "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    Encoding{"ibm866", "IBM866", "866 cp866 csibm866 ibm866"},
    Encoding{"iso-8859-2", "ISO-8859-2",
             "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
             "iso_8859-2:1987 l2 latin2"},
    Encoding{"iso-8859-3", "ISO-8859-3",
             "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 "
             "iso_8859-3:1988 l3 latin3"},
    Encoding{"iso-8859-4", "ISO-8859-4",
             "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 "
             "iso_8859-4:1988 l4 latin4"},
    Encoding{"iso-8859-5", "ISO-8859-5",
             "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 "
             "iso_8859-5 iso_8859-5:1988"},
    Encoding{"iso-8859-6", "ISO-8859-6",
             "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 "
             "iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 "
             "iso_8859-6 iso_8859-6:1987"},
    Encoding{"iso-8859-7", "ISO-8859-7",
             "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 "
             "iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    Encoding{"iso-8859-8", "ISO-8859-8",
             "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
             "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"},
    Encoding{"iso-8859-8-i", "ISO-8859-8", "csiso88598i iso-8859-8-i logical"},
    Encoding{"iso-8859-10", "ISO-8859-10",
             "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    Encoding{"iso-8859-13", "ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    Encoding{"iso-8859-14", "ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    Encoding{"iso-8859-15", "ISO-8859-15",
             "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    Encoding{"iso-8859-16", "ISO-8859-16", "iso-8859-16"},
    Encoding{"koi8-r", "KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"},
    Encoding{"koi8-u", "KOI8-U", "koi8-ru koi8-u"},
    Encoding{"macintosh", "MACINTOSH", "csmacintosh mac macintosh x-mac-roman"},
    Encoding{"windows-874", "CP874",
             "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    Encoding{"windows-1250", "CP1250", "cp1250 windows-1250 x-cp1250"},
    Encoding{"windows-1251", "CP1251", "cp1251 windows-1251 x-cp1251"},
    Encoding{"windows-1252", "CP1252",
             "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
             "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii "
             "windows-1252 x-cp1252"},
    Encoding{"windows-1253", "CP1253", "cp1253 windows-1253 x-cp1253"},
    Encoding{"windows-1254", "CP1254",
             "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
             "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"},
    Encoding{"windows-1255", "CP1255", "cp1255 windows-1255 x-cp1255"},
    Encoding{"windows-1256", "CP1256", "cp1256 windows-1256 x-cp1256"},
    Encoding{"windows-1257", "CP1257", "cp1257 windows-1257 x-cp1257"},
    Encoding{"windows-1258", "CP1258", "cp1258 windows-1258 x-cp1258"},
    Encoding{"x-mac-cyrillic", "MAC-CYRILLIC", "x-mac-cyrillic x-mac-ukrainian"},
    Encoding{"gbk", "GB18030",
             "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"},
    Encoding{"gb18030", "GB18030", "gb18030"},
    Encoding{"big5", "BIG5-HKSCS", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    Encoding{"euc-jp", "EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    Encoding{"iso-2022-jp", "ISO-2022-JP", "csiso2022jp iso-2022-jp"},
    Encoding{"shift_jis", "WINDOWS-31J",
             "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    Encoding{"euc-kr", "CP949",
             "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
             "ks_c_5601-1989 ksc5601 ksc_5601 windows-949"},
    Encoding{"replacement", "",
             "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"},
    Encoding{"utf-16be", "UTF-16BE", "unicodefffe utf-16be"},
    Encoding{"utf-16le", "UTF-16LE",
             "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    Encoding{"x-user-defined", "", "x-user-defined"},
};

using LabelMap = std::unordered_map<std::string_view, const Encoding*>;

LabelMap build_label_map() {
  LabelMap map;
  for (const Encoding& encoding : kEncodings) {
    std::string_view rest = encoding.labels;
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      map.emplace(rest.substr(0, space), &encoding);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
  }
  return map;
}

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

}  // namespace

const Encoding* find_encoding(std::string_view label) {
  while (!label.empty() && is_ascii_whitespace(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_ascii_whitespace(label.back())) label.remove_suffix(1);
  // The longest label has 19 characters; longer ones cannot match.
  constexpr size_t kMaxLabel = 24;
  if (label.empty() || label.size() > kMaxLabel) return nullptr;
  char lower[kMaxLabel];
  for (size_t i = 0; i < label.size(); ++i) {
    char c = label[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  static const LabelMap labels = build_label_map();
  auto found = labels.find(std::string_view(lower, label.size()));
  return found == labels.end() ? nullptr : found->second;
}

const Encoding* as_meta_declaration(const Encoding* encoding) {
  if (!encoding) return nullptr;
  if (encoding->name == "utf-16le" || encoding->name == "utf-16be") return find_encoding("utf-8");
  if (encoding->name == "x-user-defined") return find_encoding("windows-1252");
  return encoding;
}

}  // namespace lede::decode
