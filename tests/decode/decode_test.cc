#include "decode/decode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "decode/encodings.h"
#include "test_support.h"

namespace lede::decode {
namespace {

using namespace std::string_literals;

// "łódź" in ISO-8859-2; in windows-1252 the same bytes read "³ód¼".
constexpr std::string_view kLodzLatin2 = "\xB3\xF3\x64\xBC";

std::string encoding_of(std::string_view bytes, std::string_view transport = {}) {
  return to_utf8(bytes, transport).encoding;
}

TEST(DecodeLabels, MapToCanonicalNames) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"latin1", "windows-1252"}, {"ISO-8859-1", "windows-1252"}, {"ascii", "windows-1252"},
      {"us-ascii", "windows-1252"}, {"x-sjis", "shift_jis"},    {"gb2312", "gbk"},
      {"utf8", "utf-8"},           {"unicode", "utf-16le"},      {"  UTF-8\t", "utf-8"},
      {"iso8859-2", "iso-8859-2"}, {"tis-620", "windows-874"},   {"ks_c_5601-1987", "euc-kr"},
      {"iso-2022-kr", "replacement"}};
  for (const auto& [label, name] : cases) {
    const Encoding* encoding = find_encoding(label);
    ASSERT_NE(encoding, nullptr) << label;
    EXPECT_EQ(encoding->name, name) << label;
  }
  EXPECT_EQ(find_encoding("iso-8859-99"), nullptr);
  EXPECT_EQ(find_encoding(""), nullptr);
  EXPECT_EQ(find_encoding("utf-8 utf8"), nullptr);
}

TEST(DecodeBom, Utf8BomIsStrippedAndTextViewsTheInput) {
  std::string bytes = "\xEF\xBB\xBF<p>caf\xC3\xA9";
  Decoded decoded = to_utf8(bytes, {});
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.text, "<p>caf\xC3\xA9");
  EXPECT_EQ(decoded.text.data(), bytes.data() + 3);
}

TEST(DecodeBom, Utf16BothByteOrders) {
  Decoded le = to_utf8("\xFF\xFE<\0p\0>\0\xE9\0"s, {});
  EXPECT_EQ(le.encoding, "utf-16le");
  EXPECT_EQ(le.text, "<p>\xC3\xA9");
  Decoded be = to_utf8("\xFE\xFF\0<\0p\0>\0\xE9"s, {});
  EXPECT_EQ(be.encoding, "utf-16be");
  EXPECT_EQ(be.text, "<p>\xC3\xA9");
}

TEST(DecodeBom, OddTrailingByteOfUtf16BecomesReplacement) {
  EXPECT_EQ(to_utf8("\xFF\xFEh\0i"s, {}).text, "h\xEF\xBF\xBD");
}

TEST(DecodeBom, WinsOverTransportHintAndMeta) {
  std::string bytes = "\xEF\xBB\xBF<meta charset=shift_jis>caf\xC3\xA9";
  Decoded decoded = to_utf8(bytes, "iso-8859-2");
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.text, "<meta charset=shift_jis>caf\xC3\xA9");
}

TEST(DecodeTransportHint, WinsOverMeta) {
  Decoded decoded = to_utf8("<meta charset=utf-8>caf\xE9", "latin1");
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.text, "<meta charset=utf-8>caf\xC3\xA9");
}

TEST(DecodeTransportHint, UnknownLabelIsIgnored) {
  std::string bytes = "<meta charset=iso-8859-2>"s + std::string(kLodzLatin2);
  EXPECT_EQ(encoding_of(bytes, "no-such-charset"), "iso-8859-2");
}

TEST(DecodeMeta, DeclarationsInTheirVariousForms) {
  const std::vector<std::string> heads = {
      "<meta charset=\"ISO-8859-2\">",
      "<meta charset='iso-8859-2'>",
      "<META CHARSET=latin2>",
      "<meta charset = \" l2 \" >",
      "<meta/charset=iso-8859-2>",
      "<meta name=x charset=iso-8859-2 charset=utf-8>",  // the first of a name counts
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">",
      "<meta content='text/html;charset=\"iso-8859-2\"' http-equiv=content-type>",
      "<meta http-equiv=content-type content=\"text/html; CHARSET = iso-8859-2; x=y\">",
      "<html><head><!-- a comment --><title>T</title><meta charset=iso-8859-2>",
      "<text id=\"http://x\" encoding=\"utf-8\">\n<html><meta charset=iso-8859-2>",
  };
  for (const std::string& head : heads) {
    Decoded decoded = to_utf8(head + std::string(kLodzLatin2), {});
    EXPECT_EQ(decoded.encoding, "iso-8859-2") << head;
    EXPECT_EQ(decoded.text, head + "\xC5\x82\xC3\xB3\x64\xC5\xBA") << head;
  }
}

TEST(DecodeMeta, DeclarationsThatDoNotCount) {
  const std::vector<std::string> heads = {
      "<!-- <meta charset=shift_jis> -->",
      "<meta content=\"text/html; charset=shift_jis\">",  // no http-equiv
      "<meta http-equiv=refresh content=\"text/html; charset=shift_jis\">",
      "<div title=\"<meta charset=shift_jis>\">",
      "<meta charset=\"shift_jis",  // never closed
      "<metacharset=shift_jis>",
      std::string(1100, ' ') + "<meta charset=shift_jis>",  // past the prescan's 1024 bytes
  };
  for (const std::string& head : heads) {
    EXPECT_EQ(encoding_of(head + "<p>plain ascii"), "utf-8") << head;
  }
}

TEST(DecodeMeta, DeclaredUtf16MeansUtf8) {
  EXPECT_EQ(encoding_of("<meta charset=utf-16><p>caf\xE9"), "utf-8");
  EXPECT_EQ(encoding_of("<meta charset=x-user-defined><p>caf\xE9"), "windows-1252");
}

TEST(DecodeMeta, ValidUtf8BeatsALegacyDeclaration) {
  // Crawlers re-encode pages to UTF-8 and keep the old <meta>.
  Decoded decoded = to_utf8("<meta charset=iso-8859-1><p>caf\xC3\xA9", {});
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.text, "<meta charset=iso-8859-1><p>caf\xC3\xA9");
}

TEST(DecodeMeta, ContentAttributeParsing) {
  EXPECT_EQ(charset_from_content("text/html; charset=latin1"), "latin1");
  EXPECT_EQ(charset_from_content("text/html;charset='koi8-r'"), "koi8-r");
  EXPECT_EQ(charset_from_content("charsetx; charset=gbk;q=1"), "gbk");
  EXPECT_EQ(charset_from_content("text/html; charset=\"unclosed"), "");
  EXPECT_EQ(charset_from_content("text/html"), "");
}

TEST(DecodeLabels, EncodingNameOfALabel) {
  EXPECT_EQ(encoding_name(" Latin1 "), "windows-1252");
  EXPECT_EQ(encoding_name("SJIS"), "shift_jis");
  EXPECT_EQ(encoding_name("latin-1"), "");
}

TEST(DecodeSniffing, TheStandardsOrderWithoutLedesDetector) {
  Sniffed bom = sniff_encoding("\xFE\xFF\0<"s, "latin1");
  EXPECT_EQ(bom.encoding, "utf-16be");
  EXPECT_EQ(bom.confidence, Confidence::certain);
  Sniffed transport = sniff_encoding("<meta charset=utf-8>", "koi8-r");
  EXPECT_EQ(transport.encoding, "koi8-r");
  EXPECT_EQ(transport.confidence, Confidence::certain);
  Sniffed declared = sniff_encoding("<meta charset=utf-16le>", "bogus");
  EXPECT_EQ(declared.encoding, "utf-8");
  EXPECT_EQ(declared.confidence, Confidence::tentative);
  // to_utf8 reads undeclared valid UTF-8 as UTF-8; the standard defaults.
  Sniffed undeclared = sniff_encoding("<p>caf\xC3\xA9", {});
  EXPECT_EQ(undeclared.encoding, "windows-1252");
  EXPECT_EQ(undeclared.confidence, Confidence::tentative);
  EXPECT_EQ(to_utf8("<p>caf\xC3\xA9", {}).encoding, "utf-8");
}

TEST(DecodeSniffing, EncodingDeclaredByAMetaElement) {
  EXPECT_EQ(encoding_declared_by_meta("ISO8859-2", "", ""), "iso-8859-2");
  EXPECT_EQ(encoding_declared_by_meta("utf-16", "", ""), "utf-8");
  EXPECT_EQ(encoding_declared_by_meta("x-user-defined", "", ""), "windows-1252");
  // An unknown charset falls back to the pragma, as the "in head" rules say.
  EXPECT_EQ(encoding_declared_by_meta("bogus", "Content-Type", "text/html; charset=koi8-r"),
            "koi8-r");
  EXPECT_EQ(encoding_declared_by_meta("", "refresh", "text/html; charset=koi8-r"), "");
  EXPECT_EQ(encoding_declared_by_meta("", "content-type", "text/html"), "");
  EXPECT_EQ(encoding_declared_by_meta("", "", ""), "");
}

TEST(DecodeLegacy, Windows1252CurlyQuotes) {
  Decoded decoded = to_utf8("<meta charset=windows-1252><p>\x93quoted\x94 \x80", {});
  EXPECT_EQ(decoded.text,
            "<meta charset=windows-1252><p>\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
}

TEST(DecodeLegacy, ShiftJis) {
  Decoded decoded = to_utf8("<meta charset=\"Shift_JIS\"><p>\x93\xFA\x96\x7B", {});
  EXPECT_EQ(decoded.encoding, "shift_jis");
  EXPECT_EQ(decoded.text, "<meta charset=\"Shift_JIS\"><p>\xE6\x97\xA5\xE6\x9C\xAC");  // 日本
}

TEST(DecodeLegacy, InvalidSequenceBecomesReplacementAndDecodingGoesOn) {
  Decoded decoded = to_utf8("<p>\x81 a\x93\xFA", "shift_jis");
  EXPECT_EQ(decoded.text, "<p>\xEF\xBF\xBD a\xE6\x97\xA5");
}

TEST(DecodeLegacy, ReplacementEncodingGivesOneReplacementCharacter) {
  EXPECT_EQ(to_utf8("<p>anything", "iso-2022-kr").text, "\xEF\xBF\xBD");
}

TEST(DecodeUtf8, InvalidSequencesAreRepaired) {
  Decoded decoded =
      to_utf8("a\xFF" "b\xE2\x82" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF0\x9F\x98\x80", "utf-8");
  EXPECT_EQ(decoded.encoding, "utf-8");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(decoded.text, "a" + fffd + "b" + fffd + "c" + fffd + fffd + "d" + fffd + fffd + fffd +
                              "e\xF0\x9F\x98\x80");
}

// ASCII is skipped many bytes at a time: a sequence at any offset of a long
// ASCII run, and runs cut short by the end of the input, must be seen.
TEST(DecodeUtf8, SequencesAtEveryOffsetOfAnAsciiRun) {
  const std::string fffd = "\xEF\xBF\xBD";
  for (size_t at = 0; at < 40; ++at) {
    std::string before(at, 'a'), after(39 - at, 'b');
    EXPECT_EQ(to_utf8(before + "\xFF" + after + "\xC3\xA9", "utf-8").text,
              before + fffd + after + "\xC3\xA9")
        << at;
    EXPECT_EQ(to_utf8(before + "\xC3\xA9" + after + "\xE2\x82", "utf-8").text,
              before + "\xC3\xA9" + after + fffd)
        << at;
    std::string valid = before + "\xE6\x97\xA5" + after;
    Decoded decoded = to_utf8(valid, {});
    EXPECT_EQ(decoded.encoding, "utf-8") << at;
    EXPECT_EQ(decoded.text.data(), valid.data()) << at;
  }
}

// Long ASCII runs are skipped 64 bytes at a time once 16 are ASCII: a bad
// byte anywhere in the blocks after the first, or in the bytes after the last
// whole block, must still be found.
TEST(DecodeUtf8, SequencesAtEveryOffsetOfALongAsciiRun) {
  const std::string fffd = "\xEF\xBF\xBD";
  for (size_t at = 0; at < 200; ++at) {
    std::string before(at, 'a'), after(199 - at, 'b');
    EXPECT_EQ(to_utf8(before + "\xFF" + after, "utf-8").text, before + fffd + after) << at;
    std::string valid = before + "\xC3\xA9" + after;
    EXPECT_EQ(to_utf8(valid, {}).text.data(), valid.data()) << at;
  }
}

TEST(DecodeUtf8, UndeclaredValidUtf8IsViewedWithoutCopy) {
  std::string bytes = "<p>\xE6\x97\xA5\xE6\x9C\xAC</p>";
  Decoded decoded = to_utf8(bytes, {});
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.text.data(), bytes.data());
  EXPECT_TRUE(decoded.storage.empty());
}

TEST(DecodeResult, CopiesAndMovesKeepTheirText) {
  std::vector<Decoded> kept;
  for (int i = 0; i < 20; ++i) kept.push_back(to_utf8("caf\xE9", "latin1"));  // short: SSO
  Decoded copy = kept.front();
  Decoded moved = std::move(kept.back());
  kept.clear();
  EXPECT_EQ(copy.text, "caf\xC3\xA9");
  EXPECT_EQ(moved.text, "caf\xC3\xA9");
}

TEST(DecodeDetection, UndeclaredLegacyBytesAreDetected) {
  std::string page =
      "<html><body><p>Le gouvernement fran\xE7" "ais a annonc\xE9 une r\xE9" "forme "
      "de l'\xE9" "ducation. Les \xE9l\xE8ves et les enseignants ont r\xE9" "agi "
      "tr\xE8s vite \xE0 cette d\xE9" "cision tr\xE8s attendue.</p></body></html>";
  Decoded decoded = to_utf8(page, {});
  EXPECT_NE(decoded.text.find("fran\xC3\xA7" "ais a annonc\xC3\xA9"), std::string_view::npos)
      << decoded.encoding;
}

TEST(DecodeRealPages, DeclaredLatin1CleanEvalPage) {
  std::string page = test::eval_page("cleaneval", "dev-15");
  Decoded decoded = to_utf8(page, {});
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_NE(decoded.text.find("int\xC3\xA9gration"), std::string_view::npos);  // intégration
}

TEST(DecodeRealPages, UndeclaredLatin1CleanEvalPage) {
  std::string page = test::eval_page("cleaneval", "dev-21");
  Decoded decoded = to_utf8(page, {});
  EXPECT_NE(decoded.text.find("mati\xC3\xA8re"), std::string_view::npos) << decoded.encoding;
}

TEST(DecodeRealPages, UndeclaredWesternPagesWithFewAccentsStayWindows1252) {
  // uchardet guesses windows-1250 here ("naďve") and ISO-8859-7 ("Estιe").
  Decoded english = to_utf8(test::eval_page("cleaneval", "final-629"), {});
  EXPECT_EQ(english.encoding, "windows-1252");
  EXPECT_NE(english.text.find("na\xC3\xAFve"), std::string_view::npos);  // naïve
  Decoded beauty = to_utf8(test::eval_page("cleaneval", "final-255"), {});
  EXPECT_EQ(beauty.encoding, "windows-1252");
  EXPECT_NE(beauty.text.find("Est\xC3\xA9" "e Lauder"), std::string_view::npos);  // Estée
}

TEST(DecodeRealPages, ReencodedPageDeclaringLatin1) {
  std::string page = test::eval_page("l3s-gn1", "01ccc7c5-a1d1-46e1-a5f7-43310df16575");
  Decoded decoded = to_utf8(page, {});
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_NE(decoded.text.find("Kosovo\xE2\x80\x99s"), std::string_view::npos);  // Kosovo’s
}

TEST(DecodeBinary, ClearlyBinaryContent) {
  EXPECT_TRUE(looks_binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s));
  EXPECT_TRUE(looks_binary("\xFF\xD8\xFF\xE0\0\x10JFIF"s));
  EXPECT_TRUE(looks_binary("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
  EXPECT_TRUE(looks_binary("PK\x03\x04\x14\0\x06\0"s));
  EXPECT_TRUE(looks_binary("<html>\0\0\0\x01<body>"s));
  std::string noise;
  uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245 + 12345;
    noise += static_cast<char>(state >> 24);
  }
  EXPECT_TRUE(looks_binary(noise));
}

TEST(DecodeBinary, TextIsNotBinary) {
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("<html><body><p>Hello</p></body></html>"));
  EXPECT_FALSE(looks_binary("\xFF\xFE<\0p\0>\0"s));  // UTF-16 with a BOM has NULs
  EXPECT_FALSE(looks_binary("\x1B$B" "F|K\\" "\x1B(B"));  // ISO-2022-JP escapes
  std::string page_with_stray_nul = "<p>" + std::string(5000, 'x') + '\0' + "</p>";
  EXPECT_FALSE(looks_binary(page_with_stray_nul));
  EXPECT_FALSE(looks_binary("BZh is how this text starts"));
  EXPECT_FALSE(looks_binary(test::eval_page("cleaneval", "dev-15")));
}

// The shares that make a sample binary (more than one NUL a kilobyte, more
// than 5% other control bytes) count every byte of it, the last ones too.
TEST(DecodeBinary, ControlByteSharesCountEveryByte) {
  std::string text;
  for (int i = 0; text.size() < 2004; ++i) text += "word\t\n\f\r\x1B"[i % 9];
  std::string controls = text;
  for (size_t at = 3; at < 2000; at += 20) controls[at] = (at % 3 ? '\x01' : '\x7F');  // 100
  EXPECT_FALSE(looks_binary(controls));
  controls[controls.size() - 1] = '\x02';
  EXPECT_TRUE(looks_binary(controls));

  std::string nuls = text + std::string(1073, 'x');  // 3077 bytes: up to 3 NULs are stray
  nuls[17] = nuls[1500] = nuls[3076] = '\0';
  EXPECT_FALSE(looks_binary(nuls));
  nuls[3075] = '\0';
  EXPECT_TRUE(looks_binary(nuls));
}

}  // namespace
}  // namespace lede::decode
