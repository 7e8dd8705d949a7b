#include "metadata/language.h"

#include <bit>
#include <cstdint>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstdlib>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

using dom::Node;
using dom::Tag;

// Enough text to recognise any language (libcld2 reads about 20 MB/s, so a
// larger sample would cost more than the rest of the metadata stage).
constexpr size_t kMaxTextBytes = 4 * 1024;
// Most pages are written in one language: when a prefix of the sample
// already names it with this share, the rest would not change the answer, and
// libcld2 (7% of a crawl page's instructions) reads a quarter or half as much.
constexpr size_t kQuarterReadingBytes = kMaxTextBytes / 4;
constexpr size_t kHalfReadingBytes = kMaxTextBytes / 2;
constexpr int kSettledPercent = 90;
// A quarter of the sample is a few headlines and a byline: it settles the
// answer only when nearly all of it is in one language, letters fill most of
// it, and the rest of the sample is written in the same kind of script (a
// Bulgarian site menu above English paper titles is not a Bulgarian page).
// With fewer letters scored, one English menu line can outweigh a Burmese
// paragraph.
constexpr int kQuarterSettledPercent = 95;
constexpr int kQuarterSettledScoredBytes = 800;
constexpr int kSameScriptNonAsciiPercent = 20;
// Shorter text runs are menu items, buttons and labels, often in English
// whatever the page's language.
constexpr size_t kMinRunBytes = 20;
// Letters cld2 must have scored before its answer counts, alone or against
// the markup, and the share the top language must hold of them.
constexpr int kMinScoredBytes = 200;
constexpr int kMinTopPercent = 60;
// A page with this share of its text in the declared language is in that
// language, whatever its reader comments or quotations are in.
constexpr int kMinDeclaredPercent = 25;

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// At most `max_bytes` of `text`, not cutting a character.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
  return text.substr(0, cut);
}

// About 0 for English, a few percent for French, half or more for Cyrillic
// or Thai text.
int non_ascii_percent(std::string_view text) {
  constexpr uint64_t kHighBits = 0x8080808080808080;
  size_t non_ascii = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    non_ascii += std::popcount(word & kHighBits);
  }
  for (; i < text.size(); ++i) non_ascii += static_cast<unsigned char>(text[i]) >> 7;
  return text.empty() ? 0 : static_cast<int>(non_ascii * 100 / text.size());
}

bool is_page_chrome(const Node* n) {
  return dom::is_invisible(n->tag) || n->is(Tag::nav) || n->is(Tag::footer) || n->ns != dom::Namespace::html;
}

// The page's longer visible text runs, up to kMaxTextBytes.
std::string visible_text(const dom::Document& doc) {
  std::string text;
  Node* scope = doc.body() ? doc.body() : doc.root();
  for (Node* n = scope; n && text.size() < kMaxTextBytes;) {
    if (n->is_element() && n != scope && is_page_chrome(n)) {
      n = dom::next_skipping_children(n, scope);
      continue;
    }
    if (n->is_text()) {
      std::string_view run = trim(n->data);
      if (run.size() >= kMinRunBytes) {
        text += run;
        text += '\n';
      }
    }
    n = dom::next_in_preorder(n, scope);
  }
  text.resize(utf8_prefix(text, kMaxTextBytes).size());
  return text;
}

// cld2 still speaks the ISO 639 codes of its day.
std::string bcp47_code(CLD2::Language language) {
  std::string_view code = CLD2::LanguageCode(language);
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  return std::string(code);
}

std::string_view primary_subtag(std::string_view tag) { return tag.substr(0, tag.find('-')); }

// Same language, or two that cld2 itself cannot tell apart reliably
// (Bosnian/Croatian/Serbian, Indonesian/Malay, Danish/Norwegian, ...).
bool same_language(std::string_view declared, std::string_view detected) {
  if (primary_subtag(declared) == primary_subtag(detected)) return true;
  std::string declared_copy(declared);
  CLD2::Language a = CLD2::GetLanguageFromName(declared_copy.c_str());
  std::string detected_copy(detected == "he" ? "iw" : detected);
  CLD2::Language b = CLD2::GetLanguageFromName(detected_copy.c_str());
  if (a == CLD2::UNKNOWN_LANGUAGE) return true;  // nothing cld2 knows: no evidence against it
  if (a == b) return true;
  int set = CLD2::LanguageCloseSet(a);
  return set != 0 && set == CLD2::LanguageCloseSet(b);
}

TextLanguages detect_languages(std::string_view text) {
  TextLanguages found;
  CLD2::Language top3[3];
  int scored_bytes = 0;
  bool reliable = false;
  CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, top3, found.percent, &scored_bytes,
                              &reliable);
  for (int i = 0; i < 3; ++i)
    if (top3[i] != CLD2::UNKNOWN_LANGUAGE && top3[i] != CLD2::TG_UNKNOWN_LANGUAGE) found.top[i] = bcp47_code(top3[i]);
  found.scored_bytes = scored_bytes;
  found.confident = reliable && scored_bytes >= kMinScoredBytes && found.percent[0] >= kMinTopPercent &&
                    !found.top[0].empty();
  return found;
}

}  // namespace

TextLanguages text_languages(const dom::Document& doc) {
  std::string text = visible_text(doc);
  if (text.empty()) return {};
  if (text.size() > kQuarterReadingBytes) {
    std::string_view prefix = utf8_prefix(text, kQuarterReadingBytes);
    TextLanguages quarter = detect_languages(prefix);
    if (quarter.confident && quarter.percent[0] >= kQuarterSettledPercent &&
        quarter.scored_bytes >= kQuarterSettledScoredBytes &&
        std::abs(non_ascii_percent(prefix) - non_ascii_percent(std::string_view(text).substr(prefix.size()))) <=
            kSameScriptNonAsciiPercent)
      return quarter;
  }
  if (text.size() > kHalfReadingBytes) {
    TextLanguages half = detect_languages(utf8_prefix(text, kHalfReadingBytes));
    if (half.confident && half.percent[0] >= kSettledPercent) return half;
  }
  return detect_languages(text);
}

std::optional<Sourced<std::string>> check_language(std::optional<Sourced<std::string>> declared,
                                                   const TextLanguages& text) {
  if (!text.confident) return declared;
  if (declared) {
    for (int i = 0; i < 3; ++i)
      if (!text.top[i].empty() && text.percent[i] >= kMinDeclaredPercent && same_language(declared->value, text.top[i]))
        return declared;
  }
  return Sourced<std::string>{text.top[0], Source::text};
}

}  // namespace lede::metadata
