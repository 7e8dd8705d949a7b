#include "metadata/dates.h"

#include <chrono>
#include <cstdio>
#include <iterator>
#include <vector>

#include "metadata/text.h"
#include "util/hash_index.h"

namespace lede::metadata {
namespace {

using CivilDays = std::chrono::sys_days;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

std::chrono::year_month_day civil(const CalendarDate& d) {
  using namespace std::chrono;
  return year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
}

bool valid_calendar_date(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  CalendarDate probe;
  probe.year = y, probe.month = m, probe.day = d;
  return civil(probe).ok();
}

// Sites publish no earlier than the web's commercial start, and nothing is
// published in the future: two days of slack cover time zones and clocks.
bool plausible(const CalendarDate& d) {
  using namespace std::chrono;
  if (d.year < 1995 || !valid_calendar_date(d.year, d.month, d.day)) return false;
  if (CivilDays(civil(d)) > floor<days>(system_clock::now()) + days{2}) return false;
  return !d.has_time || (d.hour < 24 && d.minute < 60 && d.second < 61);
}

std::optional<CalendarDate> if_plausible(const CalendarDate& d) {
  if (!plausible(d)) return std::nullopt;
  return d;
}

// Reads between min_digits and max_digits digits at s[i].
bool read_number(std::string_view s, size_t& i, size_t min_digits, size_t max_digits, int& value) {
  size_t start = i;
  value = 0;
  while (i < s.size() && is_digit(s[i]) && i - start < max_digits) value = value * 10 + (s[i++] - '0');
  return i - start >= min_digits;
}

// ---- Time zones ----

// Whether US daylight saving time is in force on a date: from the second
// Sunday of March to the first Sunday of November.
bool us_daylight_time(const CalendarDate& d) {
  using namespace std::chrono;
  if (d.month < 3 || d.month > 11) return false;
  if (d.month > 3 && d.month < 11) return true;
  year_month_weekday nth_sunday{year{d.year}, month{static_cast<unsigned>(d.month)},
                                weekday_indexed{Sunday, d.month == 3 ? 2u : 1u}};
  unsigned change_day = static_cast<unsigned>(year_month_day{CivilDays(nth_sunday)}.day());
  return d.month == 3 ? static_cast<unsigned>(d.day) >= change_day : static_cast<unsigned>(d.day) < change_day;
}

// Zone abbreviations with one meaning in news datelines, in minutes east of
// UTC. "IST" (India, Ireland, Israel) and "AST" (Atlantic, Arabia) are left
// out: the offset would be a guess.
struct ZoneName {
  std::string_view name;
  int offset_minutes;
};
constexpr ZoneName kZones[] = {
    {"gmt", 0},     {"utc", 0},    {"ut", 0},     {"z", 0},      {"wet", 0},     {"west", 60},
    {"bst", 60},    {"cet", 60},   {"cest", 120}, {"mez", 60},   {"mesz", 120},  {"eet", 120},
    {"eest", 180},  {"msk", 180},  {"pkt", 300},  {"wib", 420},  {"hkt", 480},   {"sgt", 480},
    {"awst", 480},  {"jst", 540},  {"kst", 540},  {"acst", 570}, {"aest", 600},  {"aedt", 660},
    {"nzst", 720},  {"nzdt", 780}, {"est", -300}, {"edt", -240}, {"cst", -360},  {"cdt", -300},
    {"mst", -420},  {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480},
    {"hst", -600},
};

// US zones written without saying whether summer time applies ("9:04 a.m. ET").
constexpr ZoneName kUsGenericZones[] = {{"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}};

bool zone_offset(std::string_view word, const CalendarDate& date, int& offset) {
  for (const ZoneName& z : kZones) {
    if (dom::equals_ignore_case(word, z.name)) {
      offset = z.offset_minutes;
      return true;
    }
  }
  for (const ZoneName& z : kUsGenericZones) {
    if (dom::equals_ignore_case(word, z.name)) {
      offset = z.offset_minutes + (us_daylight_time(date) ? 60 : 0);
      return true;
    }
  }
  return false;
}

// "+02:00", "-0500", "+02", "Z", " UTC" at s[i].
void read_iso_offset(std::string_view s, size_t i, CalendarDate& dt) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return;
  if (s[i] == '+' || s[i] == '-') {
    int sign = s[i] == '-' ? -1 : 1;
    int hours = 0, minutes = 0;
    ++i;
    if (!read_number(s, i, 2, 2, hours)) return;
    if (i < s.size() && s[i] == ':') ++i;
    read_number(s, i, 2, 2, minutes);
    if (hours > 14 || minutes > 59) return;
    dt.has_offset = true;
    dt.offset_minutes = sign * (hours * 60 + minutes);
    return;
  }
  size_t start = i;
  while (i < s.size() && is_letter_byte(s[i])) ++i;
  dt.has_offset = zone_offset(s.substr(start, i - start), dt, dt.offset_minutes);
}

// "T09:04", "T09:04:00.123Z", " 09:04:00+02:00" at s[i].
void read_iso_time(std::string_view s, size_t i, CalendarDate& dt) {
  if (i + 1 >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ') || !is_digit(s[i + 1])) return;
  ++i;
  if (!read_number(s, i, 1, 2, dt.hour) || i >= s.size() || s[i] != ':') return;
  ++i;
  if (!read_number(s, i, 2, 2, dt.minute)) return;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!read_number(s, i, 2, 2, dt.second)) return;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  dt.has_time = true;
  read_iso_offset(s, i, dt);
}

// "2024-05-31", "2024/05/31", "2024.5.31", "20240531", each with an optional
// time, at the start of `s`.
bool parse_iso(std::string_view s, CalendarDate& dt) {
  size_t i = 0;
  if (!read_number(s, i, 4, 4, dt.year) || i >= s.size()) return false;
  char sep = s[i];
  if (sep == '-' || sep == '/' || sep == '.') {
    ++i;
    if (!read_number(s, i, 1, 2, dt.month) || i >= s.size() || s[i] != sep) return false;
    ++i;
    if (!read_number(s, i, 1, 2, dt.day)) return false;
  } else if (!read_number(s, i, 2, 2, dt.month) || !read_number(s, i, 2, 2, dt.day)) {
    return false;
  }
  if (i < s.size() && is_digit(s[i])) return false;
  read_iso_time(s, i, dt);
  return true;
}

// ---- Month names ----

}  // namespace

std::string fold_case(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
      continue;
    }
    if (c < 0xC0 || c >= 0xE0 || i + 1 >= out.size()) continue;
    uint32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3F);
    uint32_t lower = cp;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F)) lower = cp + 0x20;
    else if (cp >= 0x400 && cp <= 0x40F) lower = cp + 0x50;
    else if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
      bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (odd_capitals ? cp % 2 == 1 : cp % 2 == 0) lower = cp + 1;
    }
    if (lower != cp) {
      out[i] = static_cast<char>(0xC0 | (lower >> 6));
      out[i + 1] = static_cast<char>(0x80 | (lower & 0x3F));
    }
    ++i;
  }
  return out;
}

namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Names, genitive forms and abbreviations in English, German, French,
// Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish,
// Czech, Romanian, Turkish, Indonesian, Hungarian, Russian and Ukrainian.
// Abbreviations that are everyday words ("out", "set") are left out.
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"janv", 1},
    {"enero", 1}, {"ene", 1}, {"gennaio", 1}, {"gen", 1}, {"janeiro", 1}, {"januari", 1},
    {"stycznia", 1}, {"styczeń", 1}, {"ledna", 1}, {"leden", 1}, {"ianuarie", 1}, {"ocak", 1},
    {"január", 1}, {"janvāris", 1}, {"января", 1}, {"январь", 1}, {"січня", 1},
    {"february", 2}, {"feb", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"févr", 2},
    {"fevr", 2}, {"febrero", 2}, {"febbraio", 2}, {"fevereiro", 2}, {"fev", 2}, {"februari", 2},
    {"lutego", 2}, {"luty", 2}, {"února", 2}, {"únor", 2}, {"februarie", 2}, {"şubat", 2},
    {"subat", 2}, {"február", 2}, {"febr", 2}, {"февраля", 2}, {"февраль", 2}, {"лютого", 2},
    {"march", 3}, {"mar", 3}, {"märz", 3}, {"maerz", 3}, {"mär", 3}, {"mrz", 3}, {"mars", 3},
    {"marzo", 3}, {"março", 3}, {"marco", 3}, {"maart", 3}, {"mrt", 3}, {"marca", 3},
    {"marzec", 3}, {"března", 3}, {"březen", 3}, {"martie", 3}, {"mart", 3}, {"maret", 3},
    {"március", 3}, {"marts", 3}, {"марта", 3}, {"март", 3}, {"березня", 3},
    {"april", 4}, {"apr", 4}, {"avril", 4}, {"avr", 4}, {"abril", 4}, {"abr", 4}, {"aprile", 4},
    {"kwietnia", 4}, {"kwiecień", 4}, {"dubna", 4}, {"duben", 4}, {"aprilie", 4}, {"nisan", 4},
    {"április", 4}, {"апреля", 4}, {"апрель", 4}, {"квітня", 4},
    {"may", 5}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"mag", 5}, {"maio", 5}, {"mei", 5},
    {"maj", 5}, {"maja", 5}, {"května", 5}, {"květen", 5}, {"mayıs", 5}, {"mayis", 5},
    {"május", 5}, {"мая", 5}, {"май", 5}, {"травня", 5},
    {"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6}, {"giu", 6},
    {"junho", 6}, {"czerwca", 6}, {"czerwiec", 6}, {"června", 6}, {"červen", 6}, {"iunie", 6},
    {"haziran", 6}, {"június", 6}, {"июня", 6}, {"июнь", 6}, {"червня", 6},
    {"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"juil", 7}, {"julio", 7},
    {"luglio", 7}, {"lug", 7}, {"julho", 7}, {"lipca", 7}, {"lipiec", 7}, {"července", 7},
    {"červenec", 7}, {"iulie", 7}, {"temmuz", 7}, {"július", 7}, {"июля", 7}, {"июль", 7},
    {"липня", 7},
    {"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"ago", 8},
    {"augustus", 8}, {"augusti", 8}, {"sierpnia", 8}, {"sierpień", 8}, {"srpna", 8},
    {"srpen", 8}, {"ağustos", 8}, {"agustos", 8}, {"agustus", 8}, {"augusztus", 8},
    {"августа", 8}, {"август", 8}, {"серпня", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9}, {"septiembre", 9},
    {"setiembre", 9}, {"settembre", 9}, {"setembro", 9}, {"września", 9}, {"wrzesień", 9},
    {"září", 9}, {"septembrie", 9}, {"eylül", 9}, {"eylul", 9}, {"szeptember", 9},
    {"сентября", 9}, {"сентябрь", 9}, {"вересня", 9},
    {"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10}, {"octobre", 10}, {"octubre", 10},
    {"ottobre", 10}, {"ott", 10}, {"outubro", 10}, {"października", 10}, {"październik", 10},
    {"října", 10}, {"říjen", 10}, {"octombrie", 10}, {"ekim", 10}, {"október", 10},
    {"октября", 10}, {"октябрь", 10}, {"жовтня", 10},
    {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
    {"listopada", 11}, {"listopad", 11}, {"listopadu", 11}, {"noiembrie", 11}, {"kasım", 11},
    {"kasim", 11}, {"ноября", 11}, {"ноябрь", 11}, {"листопада", 11},
    {"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12}, {"diciembre", 12}, {"dic", 12}, {"dicembre", 12},
    {"dezembro", 12}, {"desember", 12}, {"grudnia", 12}, {"grudzień", 12}, {"prosince", 12},
    {"prosinec", 12}, {"decembrie", 12}, {"aralık", 12}, {"aralik", 12},
    {"декабря", 12}, {"декабрь", 12}, {"грудня", 12},
};

// Every word of every short text on the page is looked up.
constexpr auto kMonthIndex = [] {
  HashIndex<1024> index;
  static_assert(std::size(kMonths) * 2 <= 1024);
  for (size_t i = 0; i < std::size(kMonths); ++i) index.add(kMonths[i].name, i);
  return index;
}();

int month_number(std::string_view word) {
  if (word.size() > 24) return 0;
  std::string lower = fold_case(word);
  size_t i = kMonthIndex.find(lower, [](size_t m) { return kMonths[m].name; });
  return i == kMonthIndex.npos ? 0 : kMonths[i].month;
}

// ---- Dates in running text ----

struct Token {
  enum Kind { number, word, punct } kind;
  std::string_view text;
  int value = 0;  // numbers of up to 8 digits
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (is_digit(s[i])) {
      while (i < s.size() && is_digit(s[i])) ++i;
      Token t{Token::number, s.substr(start, i - start)};
      if (t.text.size() <= 8)
        for (char c : t.text) t.value = t.value * 10 + (c - '0');
      tokens.push_back(t);
    } else if (is_letter_byte(s[i])) {
      while (i < s.size() && is_letter_byte(s[i])) ++i;
      tokens.push_back({Token::word, s.substr(start, i - start)});
    } else {
      ++i;
      if (s[start] != ' ') tokens.push_back({Token::punct, s.substr(start, 1)});
    }
  }
  return tokens;
}

class TextDateMatcher {
 public:
  TextDateMatcher(const std::vector<Token>& tokens, DayOrder order) : t_(tokens), order_(order) {}

  // Tries every pattern at token i; on success `end` is one past the match.
  bool match_at(size_t i, CalendarDate& dt, size_t& end) const {
    return month_day_year(i, dt, end) || day_month_year(i, dt, end) || year_month_day(i, dt, end) ||
           east_asian(i, dt, end) || numeric_ymd(i, dt, end) || numeric_dmy(i, dt, end);
  }

  // "09:04", "9:04:00 pm", "9:04 a.m. ET", "09:04 GMT", "09:04:00 +0200"
  // after a date.
  void read_time(size_t i, CalendarDate& dt) const {
    for (int connectors = 0; connectors < 2; ++connectors)
      if (is_any_word(i, {"at", "um", "à", "a", "las", "alle", "om", "kl", "t"}) || is_punct(i, ",") ||
          is_punct(i, "-") || is_punct(i, "|") || is_punct(i, "."))
        ++i;
    if (!is_number(i, 1, 2) || !(is_punct(i + 1, ":") || is_word(i + 1, "h")) || !is_number(i + 2, 2, 2)) return;
    dt.hour = t_[i].value;
    dt.minute = t_[i + 2].value;
    i += 3;
    if (is_punct(i, ":") && is_number(i + 1, 2, 2)) {
      dt.second = t_[i + 1].value;
      i += 2;
    }
    if (is_punct(i, ".") && is_number(i + 1, 1, 9)) i += 2;  // fractions of a second
    dt.has_time = true;
    read_meridiem(i, dt);
    read_offset(i, dt);
  }

 private:
  bool in_range(size_t i) const { return i < t_.size(); }
  bool is_number(size_t i, size_t min_digits, size_t max_digits) const {
    return in_range(i) && t_[i].kind == Token::number && t_[i].text.size() >= min_digits &&
           t_[i].text.size() <= max_digits;
  }
  bool is_punct(size_t i, std::string_view p) const {
    return in_range(i) && t_[i].kind == Token::punct && t_[i].text == p;
  }
  bool is_word(size_t i, std::string_view w) const {
    return in_range(i) && t_[i].kind == Token::word && dom::equals_ignore_case(t_[i].text, w);
  }
  bool is_any_word(size_t i, std::initializer_list<std::string_view> ws) const {
    for (std::string_view w : ws)
      if (is_word(i, w)) return true;
    return false;
  }
  bool is_ordinal_suffix(size_t i) const { return is_any_word(i, {"st", "nd", "rd", "th", "er", "º", "o"}); }
  bool is_filler(size_t i) const { return is_any_word(i, {"de", "of", "del"}); }
  int month_at(size_t i) const { return in_range(i) && t_[i].kind == Token::word ? month_number(t_[i].text) : 0; }

  // "pm", "PM", "p.m." after a time.
  void read_meridiem(size_t& i, CalendarDate& dt) const {
    bool pm = false;
    if (is_any_word(i, {"am", "pm"})) {
      pm = is_word(i, "pm");
      i += 1;
    } else if (is_any_word(i, {"a", "p"}) && is_punct(i + 1, ".") && is_word(i + 2, "m")) {
      pm = is_word(i, "p");
      i += is_punct(i + 3, ".") ? 4 : 3;
    } else {
      return;
    }
    if (pm && dt.hour < 12) dt.hour += 12;
    if (!pm && dt.hour == 12) dt.hour = 0;
  }

  void read_offset(size_t i, CalendarDate& dt) const {
    if (is_any_word(i, {"gmt", "utc"}) && (is_punct(i + 1, "+") || is_punct(i + 1, "-"))) ++i;
    if ((is_punct(i, "+") || is_punct(i, "-")) && is_number(i + 1, 1, 4)) {
      int hours = t_[i + 1].value, minutes = 0;
      if (t_[i + 1].text.size() == 4) {
        minutes = hours % 100;
        hours /= 100;
      } else if (is_punct(i + 2, ":") && is_number(i + 3, 2, 2)) {
        minutes = t_[i + 3].value;
      }
      dt.offset_minutes = (t_[i].text == "-" ? -1 : 1) * (hours * 60 + minutes);
      dt.has_offset = hours <= 14 && minutes < 60;
    } else if (in_range(i) && t_[i].kind == Token::word) {
      dt.has_offset = zone_offset(t_[i].text, dt, dt.offset_minutes);
    }
  }

  bool set_date(CalendarDate& dt, int year, int month, int day) const {
    dt.year = year;
    dt.month = month;
    dt.day = day;
    return true;
  }

  // "May 31, 2024", "Sept. 3rd 2024"
  bool month_day_year(size_t i, CalendarDate& dt, size_t& end) const {
    int month = month_at(i);
    if (!month) return false;
    size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    if (!is_number(k, 1, 2)) return false;
    int day = t_[k++].value;
    if (is_ordinal_suffix(k)) ++k;
    if (is_punct(k, ",")) ++k;
    if (!is_number(k, 4, 4)) return false;
    end = k + 1;
    return set_date(dt, t_[k].value, month, day);
  }

  // "31 May 2024", "31. Mai 2024", "1er mars 2024", "5 de mayo de 2024"
  bool day_month_year(size_t i, CalendarDate& dt, size_t& end) const {
    if (!is_number(i, 1, 2)) return false;
    size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    if (is_ordinal_suffix(k)) ++k;
    if (is_filler(k)) ++k;
    int month = month_at(k);
    if (!month) return false;
    ++k;
    if (is_punct(k, ".")) ++k;
    if (is_punct(k, ",")) ++k;
    if (is_filler(k)) ++k;
    if (!is_number(k, 4, 4)) return false;
    end = k + 1;
    return set_date(dt, t_[k].value, month, t_[i].value);
  }

  // "2023 Jan 7" (citations), "2024. május 31." (Hungarian)
  bool year_month_day(size_t i, CalendarDate& dt, size_t& end) const {
    if (!is_number(i, 4, 4)) return false;
    size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    int month = month_at(k);
    if (!month) return false;
    ++k;
    if (is_punct(k, ".")) ++k;
    if (!is_number(k, 1, 2) || is_punct(k + 1, ":")) return false;
    end = k + 1;
    return set_date(dt, t_[i].value, month, t_[k].value);
  }

  // "2024年5月31日" (Chinese, Japanese), "2024년 5월 31일" (Korean)
  bool east_asian(size_t i, CalendarDate& dt, size_t& end) const {
    if (!is_number(i, 4, 4) || !is_any_word(i + 1, {"年", "년"}) || !is_number(i + 2, 1, 2) ||
        !is_any_word(i + 3, {"月", "월"}) || !is_number(i + 4, 1, 2))
      return false;
    end = i + 5;
    if (is_any_word(end, {"日", "일"})) ++end;
    return set_date(dt, t_[i].value, t_[i + 2].value, t_[i + 4].value);
  }

  bool numeric_triplet(size_t i, std::string_view& sep) const {
    if (!in_range(i + 4) || t_[i + 1].kind != Token::punct) return false;
    sep = t_[i + 1].text;
    if (sep != "-" && sep != "/" && sep != ".") return false;
    return is_punct(i + 3, sep);
  }

  // "2024-05-31", "2024/5/31"
  bool numeric_ymd(size_t i, CalendarDate& dt, size_t& end) const {
    std::string_view sep;
    if (!is_number(i, 4, 4) || !numeric_triplet(i, sep) || !is_number(i + 2, 1, 2) || !is_number(i + 4, 1, 2))
      return false;
    end = i + 5;
    return set_date(dt, t_[i].value, t_[i + 2].value, t_[i + 4].value);
  }

  // "31.05.2024" (always day first), "05/31/2024", "31/05/2024"
  bool numeric_dmy(size_t i, CalendarDate& dt, size_t& end) const {
    std::string_view sep;
    if (!is_number(i, 1, 2) || !numeric_triplet(i, sep) || !is_number(i + 2, 1, 2) || !is_number(i + 4, 4, 4))
      return false;
    int first = t_[i].value, second = t_[i + 2].value;
    bool day_first = sep == "." || first > 12 || (second <= 12 && order_ == DayOrder::day_first);
    dt.order_guessed = sep != "." && first <= 12 && second <= 12 && first != second;
    end = i + 5;
    return set_date(dt, t_[i + 4].value, day_first ? second : first, day_first ? first : second);
  }

  const std::vector<Token>& t_;
  DayOrder order_;
};

// The first plausible date in `text`, with the time that follows it.
std::optional<CalendarDate> scan_text(std::string_view text, DayOrder order) {
  if (!may_hold_date(text)) return std::nullopt;
  std::string collapsed = collapse_whitespace(text);
  std::vector<Token> tokens = tokenize(collapsed);
  TextDateMatcher matcher(tokens, order);
  for (size_t i = 0; i < tokens.size(); ++i) {
    CalendarDate dt;
    size_t end = 0;
    if (!matcher.match_at(i, dt, end)) continue;
    matcher.read_time(end, dt);
    if (plausible(dt)) return dt;
  }
  return std::nullopt;
}

// ---- Dates in URL paths ----

bool is_url_delimiter(char c) { return c == '/' || c == '-' || c == '_' || c == '.'; }

// The pieces of a path between delimiters: "2024", "05", "31", "story".
struct PathPiece {
  size_t start, end;  // byte range in the path
  std::string_view text;
  bool digits;
};

std::vector<PathPiece> path_pieces(std::string_view path) {
  std::vector<PathPiece> pieces;
  for (size_t i = 0; i < path.size();) {
    if (is_url_delimiter(path[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    bool digits = true;
    for (; i < path.size() && !is_url_delimiter(path[i]); ++i) digits = digits && is_digit(path[i]);
    pieces.push_back({start, i, path.substr(start, i - start), digits});
  }
  return pieces;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// "2024/05/31" or "2024/october/03" as three pieces one delimiter apart, or
// "20240531" as one.
bool url_date_at(const std::vector<PathPiece>& pieces, size_t i, CalendarDate& dt) {
  const PathPiece& y = pieces[i];
  if (!y.digits) return false;
  if (y.text.size() == 8) {
    dt.year = to_int(y.text.substr(0, 4));
    dt.month = to_int(y.text.substr(4, 2));
    dt.day = to_int(y.text.substr(6, 2));
    return true;
  }
  if (y.text.size() != 4 || i + 2 >= pieces.size()) return false;
  const PathPiece& m = pieces[i + 1];
  const PathPiece& d = pieces[i + 2];
  if (m.start != y.end + 1 || d.start != m.end + 1 || !d.digits || d.text.size() > 2) return false;
  dt.month = m.digits && m.text.size() <= 2 ? to_int(m.text) : m.digits ? 0 : month_number(m.text);
  dt.year = to_int(y.text);
  dt.day = to_int(d.text);
  return dt.month != 0;
}

constexpr std::string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};

}  // namespace

std::string CalendarDate::iso() const {
  char buf[64];
  if (!has_time || !has_offset) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  int offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day, hour, minute,
                second, offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return buf;
}

bool CalendarDate::same_day(const CalendarDate& other) const {
  return year == other.year && month == other.month && day == other.day;
}

int CalendarDate::days_after(const CalendarDate& other) const {
  return static_cast<int>((CivilDays(civil(*this)) - CivilDays(civil(other))).count());
}

std::optional<CalendarDate> CalendarDate::swapped() const {
  CalendarDate other = *this;
  std::swap(other.day, other.month);
  return if_plausible(other);
}

long long CalendarDate::epoch_seconds() const {
  long long days = CivilDays(civil(*this)).time_since_epoch().count();
  return days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60LL;
}

CalendarDate CalendarDate::at_offset(int offset) const {
  using namespace std::chrono;
  long long local = epoch_seconds() + offset * 60LL;
  long long day_count = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  long long seconds = local - day_count * 86400;
  year_month_day ymd{CivilDays{days{day_count}}};
  CalendarDate out = *this;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(seconds / 3600);
  out.minute = static_cast<int>(seconds / 60 % 60);
  out.second = static_cast<int>(seconds % 60);
  out.offset_minutes = offset;
  return out;
}

bool is_calendar_word(std::string_view word) {
  std::string lower = to_lower_ascii(word);
  if (lower.ends_with('.')) lower.pop_back();
  for (std::string_view w : kWeekdays)
    if (w == lower) return true;
  return month_number(lower) != 0;
}

bool may_hold_date(std::string_view text) {
  constexpr int kYearDigits = 4;
  int digits = 0;
  for (size_t i = 0; i < text.size() && digits < kYearDigits; ++i)
    if (is_digit(text[i])) ++digits;
  return digits == kYearDigits;
}

std::optional<CalendarDate> read_date_value(std::string_view value, DayOrder order) {
  // (Meta contents and JSON-LD values of every kind come here.)
  if (!may_hold_date(value)) return std::nullopt;
  std::string text = collapse_whitespace(value);
  CalendarDate dt;
  if (parse_iso(text, dt)) return if_plausible(dt);
  return scan_text(text, order);
}

std::optional<CalendarDate> read_date_in_text(std::string_view text, DayOrder order) {
  return scan_text(text, order);
}

std::string parse_date_value(std::string_view value, DayOrder order) {
  std::optional<CalendarDate> date = read_date_value(value, order);
  return date ? date->iso() : std::string();
}

std::string find_date_in_text(std::string_view text, DayOrder order) {
  std::optional<CalendarDate> date = scan_text(text, order);
  if (!date) return {};
  date->has_time = false;
  return date->iso();
}

std::optional<CalendarDate> date_from_url(std::string_view url) {
  size_t scheme_end = url.find("//");
  std::string_view path = scheme_end == std::string_view::npos ? url : url.substr(scheme_end + 2);
  path = path.substr(0, path.find_first_of("?#"));
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::vector<PathPiece> pieces = path_pieces(path.substr(slash));
  for (size_t i = 0; i < pieces.size(); ++i) {
    CalendarDate dt;
    if (url_date_at(pieces, i, dt) && plausible(dt)) return dt;
  }
  return std::nullopt;
}

}  // namespace lede::metadata
