#include "metadata/dates.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <vector>

#include "metadata/text.h"

namespace lede::metadata {
namespace {

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// Sites publish no earlier than the web's commercial start, and nothing is
// published tomorrow (one day of slack for time zones ahead of UTC).
bool plausible(const DateTime& d) {
  using namespace std::chrono;
  if (d.year < 1995 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  year_month_day date{year{d.year}, month{static_cast<unsigned>(d.month)},
                      day{static_cast<unsigned>(d.day)}};
  if (!date.ok()) return false;
  sys_days today = floor<days>(system_clock::now());
  if (sys_days(date) > today + days{1}) return false;
  return !d.has_time || (d.hour < 24 && d.minute < 60 && d.second < 61);
}

std::string format(const DateTime& d) {
  if (!plausible(d)) return {};
  char buf[64];
  if (!d.has_time || !d.has_offset) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  int offset = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month, d.day,
                d.hour, d.minute, d.second, d.offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return buf;
}

// Reads between min_digits and max_digits digits at s[i].
bool read_number(std::string_view s, size_t& i, size_t min_digits, size_t max_digits, int& value) {
  size_t start = i;
  value = 0;
  while (i < s.size() && is_digit(s[i]) && i - start < max_digits) value = value * 10 + (s[i++] - '0');
  return i - start >= min_digits;
}

// Time-zone abbreviations common in RFC 822 dates, in minutes east of UTC.
struct ZoneName {
  std::string_view name;
  int offset_minutes;
};
constexpr ZoneName kZones[] = {{"gmt", 0},    {"utc", 0},    {"ut", 0},     {"z", 0},
                               {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
                               {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
                               {"cet", 60},   {"cest", 120}, {"bst", 60},   {"jst", 540}};

bool zone_offset(std::string_view word, int& offset) {
  for (const ZoneName& z : kZones) {
    if (dom::equals_ignore_case(word, z.name)) {
      offset = z.offset_minutes;
      return true;
    }
  }
  return false;
}

// "+02:00", "-0500", "+02", "Z", " UTC" at s[i].
void read_iso_offset(std::string_view s, size_t i, DateTime& dt) {
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
  dt.has_offset = zone_offset(s.substr(start, i - start), dt.offset_minutes);
}

// "T09:04", "T09:04:00.123Z", " 09:04:00+02:00" at s[i].
void read_iso_time(std::string_view s, size_t i, DateTime& dt) {
  if (i + 1 >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ') || !is_digit(s[i + 1])) return;
  ++i;
  if (!read_number(s, i, 2, 2, dt.hour) || i >= s.size() || s[i] != ':') return;
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
bool parse_iso(std::string_view s, DateTime& dt) {
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

struct MonthName {
  std::string_view name;
  int month;
};

// English, German, French, Spanish, Italian, Portuguese and Dutch names and
// abbreviations. Abbreviations that are everyday words ("out", "set") are
// left out.
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"janv", 1},
    {"enero", 1}, {"ene", 1}, {"gennaio", 1}, {"gen", 1}, {"janeiro", 1}, {"januari", 1},
    {"february", 2}, {"feb", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"févr", 2},
    {"fevr", 2}, {"febrero", 2}, {"febbraio", 2}, {"fevereiro", 2}, {"fev", 2}, {"februari", 2},
    {"march", 3}, {"mar", 3}, {"märz", 3}, {"maerz", 3}, {"mär", 3}, {"mrz", 3}, {"mars", 3},
    {"marzo", 3}, {"março", 3}, {"marco", 3}, {"maart", 3}, {"mrt", 3},
    {"april", 4}, {"apr", 4}, {"avril", 4}, {"avr", 4}, {"abril", 4}, {"abr", 4}, {"aprile", 4},
    {"may", 5}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"mag", 5}, {"maio", 5}, {"mei", 5},
    {"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6}, {"giu", 6},
    {"junho", 6},
    {"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"juil", 7}, {"julio", 7},
    {"luglio", 7}, {"lug", 7}, {"julho", 7},
    {"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"ago", 8},
    {"augustus", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9}, {"septiembre", 9},
    {"setiembre", 9}, {"settembre", 9}, {"setembro", 9},
    {"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10}, {"octobre", 10}, {"octubre", 10},
    {"ottobre", 10}, {"ott", 10}, {"outubro", 10},
    {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
    {"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12}, {"diciembre", 12}, {"dic", 12}, {"dicembre", 12},
    {"dezembro", 12},
};

int month_from_word(const Token& t) {
  if (t.kind != Token::word || t.text.size() > 12) return 0;
  std::string lower = to_lower_ascii(t.text);
  for (const MonthName& m : kMonths)
    if (m.name == lower) return m.month;
  return 0;
}

class TextDateMatcher {
 public:
  TextDateMatcher(const std::vector<Token>& tokens, DayOrder order) : t_(tokens), order_(order) {}

  // Tries every pattern at token i; on success `end` is one past the match.
  bool match_at(size_t i, DateTime& dt, size_t& end) const {
    return month_day_year(i, dt, end) || day_month_year(i, dt, end) ||
           numeric_ymd(i, dt, end) || numeric_dmy(i, dt, end);
  }

  // "09:04", "9:04:00 pm", "09:04 GMT", "09:04:00 +0200" after a date.
  void read_time(size_t i, DateTime& dt) const {
    if (is_word(i, "at") || is_word(i, "um") || is_word(i, "à") || is_punct(i, ",") || is_punct(i, "-") ||
        is_punct(i, "|"))
      ++i;
    if (!is_number(i, 1, 2) || !is_punct(i + 1, ":") || !is_number(i + 2, 2, 2)) return;
    dt.hour = t_[i].value;
    dt.minute = t_[i + 2].value;
    i += 3;
    if (is_punct(i, ":") && is_number(i + 1, 2, 2)) {
      dt.second = t_[i + 1].value;
      i += 2;
    }
    dt.has_time = true;
    if (is_word(i, "pm") && dt.hour < 12) dt.hour += 12;
    if (is_word(i, "am") && dt.hour == 12) dt.hour = 0;
    if (is_word(i, "am") || is_word(i, "pm")) ++i;
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
  bool is_ordinal_suffix(size_t i) const {
    return is_word(i, "st") || is_word(i, "nd") || is_word(i, "rd") || is_word(i, "th") ||
           is_word(i, "er") || is_word(i, "º") || is_word(i, "o");
  }
  bool is_filler(size_t i) const { return is_word(i, "de") || is_word(i, "of") || is_word(i, "del"); }

  void read_offset(size_t i, DateTime& dt) const {
    if ((is_punct(i, "+") || is_punct(i, "-")) && is_number(i + 1, 4, 4)) {
      int hhmm = t_[i + 1].value;
      dt.offset_minutes = (t_[i].text == "-" ? -1 : 1) * (hhmm / 100 * 60 + hhmm % 100);
      dt.has_offset = hhmm / 100 <= 14 && hhmm % 100 < 60;
    } else if (in_range(i) && t_[i].kind == Token::word) {
      dt.has_offset = zone_offset(t_[i].text, dt.offset_minutes);
    }
  }

  // "May 31, 2024", "Sept. 3rd 2024"
  bool month_day_year(size_t i, DateTime& dt, size_t& end) const {
    int month = in_range(i) ? month_from_word(t_[i]) : 0;
    if (!month) return false;
    size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    if (!is_number(k, 1, 2)) return false;
    int day = t_[k++].value;
    if (is_ordinal_suffix(k)) ++k;
    if (is_punct(k, ",")) ++k;
    if (!is_number(k, 4, 4)) return false;
    dt.year = t_[k].value;
    dt.month = month;
    dt.day = day;
    end = k + 1;
    return true;
  }

  // "31 May 2024", "31. Mai 2024", "1er mars 2024", "5 de mayo de 2024"
  bool day_month_year(size_t i, DateTime& dt, size_t& end) const {
    if (!is_number(i, 1, 2)) return false;
    size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    if (is_ordinal_suffix(k)) ++k;
    if (is_filler(k)) ++k;
    int month = in_range(k) ? month_from_word(t_[k]) : 0;
    if (!month) return false;
    ++k;
    if (is_punct(k, ".")) ++k;
    if (is_punct(k, ",")) ++k;
    if (is_filler(k)) ++k;
    if (!is_number(k, 4, 4)) return false;
    dt.year = t_[k].value;
    dt.month = month;
    dt.day = t_[i].value;
    end = k + 1;
    return true;
  }

  bool numeric_triplet(size_t i, std::string_view& sep) const {
    if (!in_range(i + 4) || t_[i + 1].kind != Token::punct) return false;
    sep = t_[i + 1].text;
    if (sep != "-" && sep != "/" && sep != ".") return false;
    return is_punct(i + 3, sep);
  }

  // "2024-05-31", "2024/5/31"
  bool numeric_ymd(size_t i, DateTime& dt, size_t& end) const {
    std::string_view sep;
    if (!is_number(i, 4, 4) || !numeric_triplet(i, sep) || !is_number(i + 2, 1, 2) || !is_number(i + 4, 1, 2))
      return false;
    dt.year = t_[i].value;
    dt.month = t_[i + 2].value;
    dt.day = t_[i + 4].value;
    end = i + 5;
    return true;
  }

  // "31.05.2024" (always day first), "05/31/2024", "31/05/2024"
  bool numeric_dmy(size_t i, DateTime& dt, size_t& end) const {
    std::string_view sep;
    if (!is_number(i, 1, 2) || !numeric_triplet(i, sep) || !is_number(i + 2, 1, 2) || !is_number(i + 4, 4, 4))
      return false;
    int first = t_[i].value, second = t_[i + 2].value;
    bool day_first = sep == "." || first > 12 || (second <= 12 && order_ == DayOrder::day_first);
    dt.year = t_[i + 4].value;
    dt.day = day_first ? first : second;
    dt.month = day_first ? second : first;
    end = i + 5;
    return true;
  }

  const std::vector<Token>& t_;
  DayOrder order_;
};

// The first plausible date in `text`; with `with_time`, also the time after it.
std::string scan_text(std::string_view text, DayOrder order, bool with_time) {
  std::string collapsed = collapse_whitespace(text);
  std::vector<Token> tokens = tokenize(collapsed);
  TextDateMatcher matcher(tokens, order);
  for (size_t i = 0; i < tokens.size(); ++i) {
    DateTime dt;
    size_t end = 0;
    if (!matcher.match_at(i, dt, end)) continue;
    if (with_time) matcher.read_time(end, dt);
    std::string formatted = format(dt);
    if (!formatted.empty()) return formatted;
  }
  return {};
}

bool is_url_delimiter(char c) { return c == '/' || c == '-' || c == '_' || c == '.'; }

struct DigitRun {
  size_t start, end;  // byte range in the path
  std::string_view digits;
};

// Runs of digits in a URL path that stand between delimiters ("/2024/").
std::vector<DigitRun> delimited_digit_runs(std::string_view path) {
  std::vector<DigitRun> runs;
  for (size_t i = 0; i < path.size();) {
    if (!is_digit(path[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < path.size() && is_digit(path[i])) ++i;
    if ((start == 0 || is_url_delimiter(path[start - 1])) && (i == path.size() || is_url_delimiter(path[i])))
      runs.push_back({start, i, path.substr(start, i - start)});
  }
  return runs;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// "2024/05/31" as three runs, one delimiter apart; or "20240531" as one.
bool url_date_at(const std::vector<DigitRun>& runs, size_t i, DateTime& dt) {
  const DigitRun& r = runs[i];
  if (r.digits.size() == 8) {
    dt.year = to_int(r.digits.substr(0, 4));
    dt.month = to_int(r.digits.substr(4, 2));
    dt.day = to_int(r.digits.substr(6, 2));
    return true;
  }
  if (r.digits.size() != 4 || i + 2 >= runs.size()) return false;
  const DigitRun& m = runs[i + 1];
  const DigitRun& d = runs[i + 2];
  if (m.start != r.end + 1 || d.start != m.end + 1 || m.digits.size() != 2 || d.digits.size() != 2) return false;
  dt.year = to_int(r.digits);
  dt.month = to_int(m.digits);
  dt.day = to_int(d.digits);
  return true;
}

constexpr std::string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};

}  // namespace

bool is_calendar_word(std::string_view word) {
  std::string lower = to_lower_ascii(word);
  if (lower.ends_with('.')) lower.pop_back();
  for (std::string_view w : kWeekdays)
    if (w == lower) return true;
  for (const MonthName& m : kMonths)
    if (m.name == lower) return true;
  return false;
}

std::string parse_date_value(std::string_view value, DayOrder order) {
  std::string text = collapse_whitespace(value);
  DateTime dt;
  if (parse_iso(text, dt)) return format(dt);
  return scan_text(text, order, true);
}

std::string find_date_in_text(std::string_view text, DayOrder order) {
  return scan_text(text, order, false);
}

std::string date_from_url(std::string_view url) {
  size_t scheme_end = url.find("//");
  std::string_view path = scheme_end == std::string_view::npos ? url : url.substr(scheme_end + 2);
  path = path.substr(0, path.find_first_of("?#"));
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return {};
  std::vector<DigitRun> runs = delimited_digit_runs(path.substr(slash));
  for (size_t i = 0; i < runs.size(); ++i) {
    DateTime dt;
    if (!url_date_at(runs, i, dt)) continue;
    std::string formatted = format(dt);
    if (!formatted.empty()) return formatted;
  }
  return {};
}

}  // namespace lede::metadata
