#include "metadata/byline.h"

#include <algorithm>

#include "metadata/dates.h"

namespace lede::metadata {
namespace {

constexpr size_t kMaxNameBytes = 80;
constexpr size_t kMaxNameWords = 6;
// "Reuters" is "Thomson Reuters", but "Mark" is not "Marketing Inc".
constexpr double kNonPersonOverlap = 0.5;

// Words of roles, labels and link texts: a name made only of these is no
// person ("Staff Writer", "Email the author", "Redaktion").
constexpr std::string_view kRoleWords[] = {
    "staff", "writer", "writers", "reporter", "reporters", "editor", "editors", "editorial",
    "senior", "chief", "managing", "associate", "assistant", "deputy", "executive",
    "contributing", "contributor", "contributors", "correspondent", "correspondents",
    "columnist", "journalist", "author", "authors", "admin", "administrator", "team", "guest",
    "desk", "newsroom", "news", "web", "digital", "online", "content", "producer",
    "photographer", "photo", "photos", "video", "special", "national", "international",
    "political", "business", "sports", "science", "health", "tech", "technology", "features",
    "opinion", "analyst", "director", "manager", "head", "lead", "founder", "ceo", "phd", "ph",
    "d", "jr", "sr", "former", "retired", "certified", "licensed", "registered", "consultant",
    "specialist", "strategist", "advisor", "adviser", "coach", "therapist", "dietitian",
    "nutritionist", "researcher", "professor", "president", "officer", "attorney",
    // the facets of "Shop by Category" and "Sort by Price"
    "category", "categories", "collection", "collections", "manufacturer", "brand", "brands",
    "price", "size", "color", "colour", "type", "topic", "topics", "date", "relevance",
    "popularity", "rating", "name", "style", "room", "occasion", "region", "location", "the", "a", "an", "of", "and", "our", "by", "email", "contact",
    "follow", "view", "all", "posts", "more", "articles", "profile", "about", "read", "share",
    "see", "unknown", "anonymous", "user", "member", "moderator", "webmaster", "redaktion",
    "rédaction", "redaccion", "redacción", "redazione", "redactie", "equipe", "équipe",
    "agencies", "agency", "wire", "services", "service", "release", "marketing",
    "communications", "media", "office", "department", "group", "written", "posted",
    "published", "updated", "reviewed", "edited", "expert", "experts", "in", "for", "on",
    "bio", "picture", "image", "avatar", "headshot", "portrait", "icon", "logo", "last", "update",
};

// News agencies credited as authors.
constexpr std::string_view kAgencies[] = {
    "ap", "associated press", "the associated press", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "upi", "xinhua", "ansa", "efe",
    "pa", "pa media", "press association", "bloomberg", "bloomberg news", "kyodo", "tass",
    "cnn", "cnn wire", "staff and agencies", "wire reports",
};

// Words that start a clause after the name: "Jane Roe for Daily Mail",
// "Jane Roe on 31 May", "Jane Roe, updated ...".
constexpr std::string_view kClauseWords[] = {
    "for", "on", "at", "via", "with", "in", "from", "of", "is", "updated", "published",
    "posted", "le", "am", "il", "el", "last", "update", "reviewed", "edited", "fact",
};

// Words that introduce a name at the start of a byline.
constexpr std::string_view kIntroWords[] = {"by", "von", "par", "por", "door", "and", "from", "via"};

// Lower-case name particles: "Marna van der Merwe", "Ana de la Cruz".
constexpr std::string_view kParticles[] = {"van", "der", "den", "de", "la", "le", "von", "da", "di",
                                           "du", "del", "dos", "das", "bin", "al", "y", "e", "ten", "ter"};

template <size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view word) {
  std::string lower = to_lower_ascii(word);
  return std::find(std::begin(list), std::end(list), lower) != std::end(list);
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string join(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::string remove_parenthesised(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) out += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  return out;
}

bool is_standalone_word(std::string_view s, size_t at, size_t len) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; };
  return (at == 0 || !letter(s[at - 1])) && (at + len >= s.size() || !letter(s[at + len]));
}

// Words before a "by" that credits someone other than the writer: "Reviewed
// by", "Photo by", "Powered by".
constexpr std::string_view kOtherRoles[] = {
    "reviewed", "checked", "edited", "photo", "photos", "photograph", "photographs", "photography",
    "image", "images", "illustration", "illustrations", "illustrated", "video", "produced",
    "designed", "powered", "translated", "narrated", "curated"};

// The word before s[at], lower-cased ("checked" in "Fact-checked by").
std::string word_before(std::string_view s, size_t at) {
  std::vector<std::string> before = words(s.substr(0, at));
  return before.empty() ? std::string() : before.back();
}

// Where each standalone "by" of `s` starts.
std::vector<size_t> by_positions(std::string_view s) {
  std::vector<size_t> out;
  for (size_t at = 0; (at = s.find_first_of("bB", at)) != std::string_view::npos; ++at)
    if (at + 1 < s.size() && (s[at + 1] == 'y' || s[at + 1] == 'Y') && is_standalone_word(s, at, 2)) out.push_back(at);
  return out;
}

bool is_other_role_by(std::string_view s, size_t at) {
  std::string word = word_before(s, at);
  return std::find(std::begin(kOtherRoles), std::end(kOtherRoles), word) != std::end(kOtherRoles);
}

// "Posted on 31 May by Jane Roe" -> "Jane Roe"; "Reviewed by John Doe" ->
// "" (no writer named).
std::string_view after_by(std::string_view s) {
  bool other_role = false;
  for (size_t at : by_positions(s)) {
    if (!is_other_role_by(s, at)) return s.substr(at + 2);
    other_role = true;
  }
  return other_role ? std::string_view() : s;
}

// "edited by John Doe" after the writer's name.
bool credits_other_role(std::string_view segment) {
  for (size_t at : by_positions(segment))
    if (is_other_role_by(segment, at)) return true;
  return false;
}

// Byte length of an author separator at s[i], or 0.
size_t separator_length(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ',' || c == ';' || c == '|' || c == '&' || c == '/') return 1;
  for (std::string_view symbol : {"·", "•", " – ", " — ", " - "})
    if (s.substr(i).starts_with(symbol)) return symbol.size();
  if (c != ' ') return 0;
  for (std::string_view word : {"and", "und", "et", "y", "e", "en", "with"}) {
    if (i + 1 + word.size() < s.size() && s[i + 1 + word.size()] == ' ' &&
        dom::equals_ignore_case(s.substr(i + 1, word.size()), word))
      return word.size() + 2;
  }
  return 0;
}

std::vector<std::string_view> split_authors(std::string_view s) { return split_at_separators(s, separator_length); }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// E-mail addresses, URLs, @handles, #tags and dotted user names
// ("jane.roe", "facebook.com"); initials ("J.R.R.") are fine.
bool is_contact_token(std::string_view w) {
  if (w.find('@') != std::string_view::npos || w.find("://") != std::string_view::npos ||
      starts_with_ignore_case(w, "www.") || w.starts_with('#'))
    return true;
  for (size_t dot = w.find('.'); dot != std::string_view::npos; dot = w.find('.', dot + 1))
    if (dot > 0 && dot + 2 < w.size() && is_ascii_letter(w[dot + 1]) && is_ascii_letter(w[dot + 2])) return true;
  return false;
}

std::string without_contact_tokens(std::string_view s) {
  std::vector<std::string_view> kept = split_spaces(s);
  std::erase_if(kept, is_contact_token);
  return join(kept);
}

// Trims quotes, brackets and punctuation around a name (ASCII and the common
// typographic ones), keeping the dot of a final initial ("John Q.").
std::string_view trim_punctuation(std::string_view s) {
  constexpr std::string_view kAscii = " \"'`()[]{}:;,-|*!?";
  constexpr std::string_view kTypographic[] = {"“", "”", "‘", "’", "«", "»", "–", "—", "•", "·"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (kAscii.find(s.front()) != std::string_view::npos) s.remove_prefix(1), changed = true;
    if (!s.empty() && kAscii.find(s.back()) != std::string_view::npos) s.remove_suffix(1), changed = true;
    for (std::string_view t : kTypographic) {
      if (s.starts_with(t)) s.remove_prefix(t.size()), changed = true;
      if (s.ends_with(t)) s.remove_suffix(t.size()), changed = true;
    }
  }
  size_t last_space = s.rfind(' ');
  std::string_view last_word = last_space == std::string_view::npos ? s : s.substr(last_space + 1);
  if (s.ends_with('.') && last_word.size() > 3) s.remove_suffix(1);
  return s;
}

// "31", "10+", "1er": the start of a date or a number after the name; a user
// name like "paulb203" is a name.
bool starts_with_digit(std::string_view w) {
  w = trim_punctuation(w);
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

// "Sr.", "(Editor)", "Writer," are role words too.
bool is_role_word(std::string_view w) {
  w = trim_punctuation(w);
  if (w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z') return false;  // "A. J. Neal": an initial
  if (w.ends_with('.')) w.remove_suffix(1);
  return in_list(kRoleWords, w);
}

// Post-nominal letters: "MD", "M.D.", "FAND", "PhD".
bool is_credential(std::string_view w) {
  constexpr std::string_view kMixedCase[] = {"phd", "psyd", "pharmd", "edd", "drph", "msc", "bsc", "esq"};
  std::string letters;
  for (char c : trim_punctuation(w))
    if (c != '.') letters += c;
  if (letters.size() < 2 || letters.size() > 6) return false;
  bool capitals = std::all_of(letters.begin(), letters.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return capitals || in_list(kMixedCase, letters);
}

// The words of one author segment up to whatever follows the name: a date,
// a clause ("for The Times"), or a job title; labels before it ("Author:",
// "Staff Writer") are dropped.
std::string clean_name(std::string_view segment) {
  size_t colon = segment.rfind(':');
  if (colon != std::string_view::npos) segment = segment.substr(colon + 1);
  std::vector<std::string_view> kept;
  bool date_follows = false, after_role = false, role_follows = false;
  for (std::string_view w : split_spaces(segment)) {
    std::string_view bare = trim_punctuation(w);
    // "CEO of Acme": a job and an employer, no name.
    if (kept.empty() && after_role && in_list(kClauseWords, bare)) return {};
    if (kept.empty() && (in_list(kIntroWords, bare) || is_role_word(w))) {
      after_role |= is_role_word(w);
      continue;
    }
    if (starts_with_digit(w)) {
      date_follows = true;
      break;
    }
    if (!kept.empty() && in_list(kClauseWords, bare)) break;
    // "Liz Kenny Former McKinsey Consultant": the job follows the name.
    if (kept.size() >= 2 && is_role_word(w)) {
      role_follows = true;
      break;
    }
    kept.push_back(w);
  }
  auto droppable = [&](std::string_view w) {
    return is_role_word(w) || (date_follows && is_calendar_word(trim_punctuation(w)));
  };
  // "Certified Pediatric Sleep Consultant": roles around words are a job.
  if (after_role && (role_follows || (!kept.empty() && is_role_word(kept.back())))) return {};
  while (!kept.empty() && droppable(kept.back())) kept.pop_back();
  // "Logan Jones's Profile".
  if (!kept.empty()) {
    for (std::string_view possessive : {"'s", "’s"})
      if (kept.back().ends_with(possessive) && kept.back().size() > possessive.size() + 1)
        kept.back().remove_suffix(possessive.size());
  }
  // "Cara Dumaplin RN"; "Jane DOE" keeps her surname.
  while (kept.size() > 2 && is_credential(kept.back())) kept.pop_back();
  return std::string(trim_punctuation(join(kept)));
}

// "Brian Truitt USA TODAY" -> "Brian Truitt" when "USA Today" is the site
// (its declared name: "Scalzi" in "John Scalzi" may well be the host).
std::string without_site_suffix(std::string name, const NonPersons& non_persons) {
  std::vector<std::string_view> ws = split_spaces(name);
  for (size_t keep = 1; keep < ws.size(); ++keep) {
    std::vector<std::string_view> tail(ws.begin() + static_cast<std::ptrdiff_t>(keep), ws.end());
    if (non_persons.names.overlaps(join(tail), 1.0))
      return join(std::vector<std::string_view>(ws.begin(), ws.begin() + static_cast<std::ptrdiff_t>(keep)));
  }
  return name;
}

// Punctuation no name contains ("Coming Soon!", "Home » Services", "Jane's
// Page"), and icon-font glyphs (Unicode private use, U+E000..U+F8FF).
bool has_foreign_characters(std::string_view name) {
  if (name.find_first_of("!?|@#") != std::string_view::npos) return true;
  for (std::string_view mark : {"»", "«", "©", "®", "™", "'s ", "’s "})
    if (name.find(mark) != std::string_view::npos) return true;
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    auto lead = static_cast<unsigned char>(name[i]), next = static_cast<unsigned char>(name[i + 1]);
    if (lead == 0xEE || (lead == 0xEF && next <= 0xA3)) return true;
  }
  return false;
}

// What templates print for a missing value: "undefined" from JavaScript.
constexpr std::string_view kPlaceholders[] = {"undefined", "null", "none", "nan", "n/a", "unknown"};

bool is_person_name(std::string_view name, const NonPersons& non_persons) {
  if (name.empty() || name.size() > kMaxNameBytes || has_foreign_characters(name)) return false;
  if (in_list(kPlaceholders, name)) return false;
  std::vector<std::string_view> ws = split_spaces(name);
  if (ws.size() > kMaxNameWords) return false;
  if (ws.size() == 1 && ws[0].size() < 2) return false;
  if (comparison_key(name).empty()) return false;
  bool all_roles = std::all_of(ws.begin(), ws.end(), is_role_word);
  bool all_calendar = std::all_of(ws.begin(), ws.end(), is_calendar_word);
  return !all_roles && !all_calendar && !in_list(kAgencies, name) && !non_persons.matches(name);
}

// Latin-1 capitals in UTF-8 (À..Þ) lower-case by adding 0x20 to the second byte.
void lower_latin1_capital(std::string& s, size_t i) {
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (static_cast<unsigned char>(s[i]) == 0xC3 && b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97)
    s[i + 1] = static_cast<char>(b1 + 0x20);
}

// "JANE ROE" and "jane roe" -> "Jane Roe"; mixed case is left as written,
// and so are user names, one word or with digits ("hayley.p", "ggailey777").
std::string normalise_case(std::string name) {
  if (name.find(' ') == std::string::npos) return name;
  bool has_upper = false, has_lower = false, has_digit = false;
  for (char c : name) {
    has_upper |= c >= 'A' && c <= 'Z';
    has_lower |= c >= 'a' && c <= 'z';
    has_digit |= c >= '0' && c <= '9';
  }
  if ((has_upper && has_lower) || has_digit) return name;
  bool word_start = true;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'a' && c <= 'z' && word_start) name[i] = static_cast<char>(c - 32);
    if (c >= 'A' && c <= 'Z' && !word_start) name[i] = static_cast<char>(c + 32);
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < name.size() && !word_start) lower_latin1_capital(name, i);
    bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (!continuation) word_start = c == ' ' || c == '-';
  }
  return name;
}

// Last words of a team credited as a whole: "Camphouse Team", "EcoCult Staff".
constexpr std::string_view kCollectiveWords[] = {"team", "staff", "editors", "desk", "newsroom",
                                                 "editorial", "contributors", "writers"};

// Posts a publication credits in place of a name: "SFist Contributor".
constexpr std::string_view kPostWords[] = {"contributor", "editor", "writer", "reporter",
                                           "columnist", "correspondent", "web"};

// Words of the names of institutions, never of persons.
constexpr std::string_view kInstitutionWords[] = {
    "center", "centre", "institute", "university", "department", "association", "foundation", "council",
    "agency", "ministry", "committee", "society", "laboratory", "hospital", "clinic", "college", "office"};

// "Center for Drug Evaluation and Research", "Office of Science and
// Technology": one credit, however many "and"s. A list of people has commas.
bool names_an_institution(std::string_view credit) {
  if (credit.find(',') != std::string_view::npos || credit.find(';') != std::string_view::npos) return false;
  for (const std::string& w : words(credit))
    if (in_list(kInstitutionWords, w)) return true;
  return false;
}

// A segment as credited, without its introduction ("By", "Author:") and
// whatever date follows: "By The Verge Staff, May 31" -> "The Verge Staff".
std::string credit_text(std::string_view segment) {
  size_t colon = segment.rfind(':');
  if (colon != std::string_view::npos) segment = segment.substr(colon + 1);
  std::vector<std::string_view> kept;
  for (std::string_view w : split_spaces(segment)) {
    if (kept.empty() && in_list(kIntroWords, trim_punctuation(w))) continue;
    if (!kept.empty() && starts_with_digit(w)) break;
    kept.push_back(w);
  }
  while (!kept.empty() && is_calendar_word(trim_punctuation(kept.back()))) kept.pop_back();
  return std::string(trim_punctuation(join(kept)));
}

// The site, its publisher, an agency, a team ("Podium Staff") or a body ("The
// Texas Newsroom"); a team needs a name besides its role words ("Staff").
bool is_organisation_credit(std::string_view credit, const NonPersons& non_persons) {
  std::vector<std::string_view> ws = split_spaces(credit);
  if (ws.empty()) return false;
  if (in_list(kAgencies, credit) || non_persons.names.overlaps(credit, 1.0)) return true;
  if (ws.size() > 1 && non_persons.hosts.overlaps(credit, 1.0)) return true;
  bool named = !std::all_of(ws.begin(), ws.end(), is_role_word);
  // "SFist Contributor", "Community Editor": one word and a post is no person.
  bool post = ws.size() == 2 && in_list(kPostWords, trim_punctuation(ws.back()));
  bool collective = post || in_list(kCollectiveWords, trim_punctuation(ws.back()));
  bool body = ws.size() > 1 && dom::equals_ignore_case(ws.front(), "the");
  return named && (collective || body);
}

// A segment that opens with a role and names nobody: "Head of Marketing".
bool is_job_title(std::string_view segment) {
  std::vector<std::string_view> ws = split_spaces(segment);
  return !ws.empty() && is_role_word(ws[0]) && clean_name(segment).empty();
}

// The separator between two segments is a conjunction (" and "), not a comma.
bool is_and_between(std::string_view gap) {
  gap = trim(gap);
  return !gap.empty() && gap.find_first_of(",;|&/") == std::string_view::npos;
}

}  // namespace

void merge_names(std::vector<std::string>& out, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    std::string key = comparison_key(name);
    bool known = false;
    for (std::string& existing : out) {
      std::string existing_key = comparison_key(existing);
      if (existing_key.find(key) != std::string::npos) known = true;
      if (!known && key.find(existing_key) != std::string::npos) {
        existing = name;
        known = true;
      }
      if (known) break;
    }
    if (!known) out.push_back(name);
  }
}

bool looks_like_written_name(std::string_view name) {
  std::vector<std::string_view> ws = split_spaces(name);
  if (ws.size() < 2) return false;
  return std::all_of(ws.begin(), ws.end(), [](std::string_view w) {
    auto first = static_cast<unsigned char>(w[0]);
    return (first >= 'A' && first <= 'Z') || first >= 0x80 || in_list(kParticles, w);
  });
}

bool is_only_roles(std::string_view text) {
  std::vector<std::string_view> ws = split_spaces(text);
  return !ws.empty() && std::all_of(ws.begin(), ws.end(), is_role_word);
}

bool is_full_name(std::string_view name) {
  std::vector<std::string_view> ws = split_spaces(name);
  return looks_like_written_name(name) && !is_role_word(ws[0]);
}

Credits read_credits(std::string_view raw, const NonPersons& non_persons) {
  std::string text = without_contact_tokens(collapse_whitespace(remove_parenthesised(strip_tags(raw))));
  Credits credits;
  // An organisation whose name holds "and" ("Center for Drug Evaluation and
  // Research") is one credit, not two.
  std::string whole = credit_text(after_by(text));
  if (non_persons.names.overlaps(whole, 1.0) || names_an_institution(whole)) {
    credits.organisations.push_back(std::move(whole));
    return credits;
  }
  const char* job_end = nullptr;  // of the last segment that was a job title
  for (std::string_view segment : split_authors(after_by(text))) {
    if (credits_other_role(segment)) continue;
    // "Head of Marketing and Community Development": one job, whatever follows its "and".
    if (job_end && is_and_between(std::string_view(job_end, static_cast<size_t>(segment.data() - job_end)))) {
      job_end = segment.data() + segment.size();
      continue;
    }
    job_end = is_job_title(segment) ? segment.data() + segment.size() : nullptr;
    // "Jane Roe, MD, PhD": her degrees, no more authors.
    std::vector<std::string_view> ws = split_spaces(segment);
    if (!credits.persons.empty() && std::all_of(ws.begin(), ws.end(), is_credential)) continue;
    std::string credit = credit_text(segment);
    if (is_organisation_credit(credit, non_persons)) {
      merge_names(credits.organisations, {credit});
      continue;
    }
    std::string name = without_site_suffix(clean_name(segment), non_persons);
    if (is_person_name(name, non_persons)) {
      merge_names(credits.persons, {normalise_case(std::move(name))});
    } else if (!name.empty() && non_persons.matches(name)) {
      merge_names(credits.organisations, {credit});
    }
  }
  return credits;
}

Label byline_label(std::string_view text) {
  constexpr size_t kMaxLabel = 30;
  text = trim(text);
  if (text.ends_with(':')) text = trim(text.substr(0, text.size() - 1));
  if (text.empty() || text.size() > kMaxLabel) return Label::none;
  std::vector<size_t> bys = by_positions(text);
  if (!bys.empty() && bys.back() + 2 == text.size()) return is_other_role_by(text, bys.back()) ? Label::other_role : Label::writer;
  std::vector<std::string> ws = words(text);
  bool writer_word = ws.size() == 1 && (in_list(kIntroWords, ws[0]) || ws[0] == "author" || ws[0] == "authors");
  return writer_word ? Label::writer : Label::none;
}

std::string organisation_credit(std::string_view raw) {
  std::string credit = credit_text(collapse_whitespace(remove_parenthesised(strip_tags(raw))));
  std::vector<std::string_view> ws = split_spaces(credit);
  return std::all_of(ws.begin(), ws.end(), is_role_word) ? std::string() : credit;
}

std::string read_handle(std::string_view raw, const NonPersons& non_persons) {
  std::string handle = collapse_whitespace(strip_tags(raw));
  return is_person_name(handle, non_persons) ? handle : std::string();
}

std::vector<std::string> parse_byline(std::string_view raw, const NonPersons& non_persons) {
  return read_credits(raw, non_persons).persons;
}

bool NonPersons::matches(std::string_view name) const {
  bool one_word = trim(name).find(' ') == std::string_view::npos;
  return names.overlaps(name, kNonPersonOverlap) || (one_word && hosts.overlaps(name, kNonPersonOverlap));
}

}  // namespace lede::metadata
