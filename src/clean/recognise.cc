#include "clean/recognise.h"

#include <array>
#include <cctype>
#include <utility>

#include "metadata/byline.h"
#include "metadata/dates.h"
#include "metadata/text.h"

namespace lede::clean {

namespace {

bool is_digits(std::string_view word) {
  return !word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos;
}

// Words of `line` that a dateline may hold besides the date: digits,
// calendar words, and a few short words ("on", "at", "um", "le").
size_t date_words(const std::vector<std::string>& words) {
  size_t count = 0;
  for (const std::string& w : words) {
    if (is_digits(w) || metadata::is_calendar_word(w) || w.size() <= 3) ++count;
  }
  return count;
}

// "+02:00" for a zone abbreviation or numeric offset, empty if unknown.
std::string zone_offset(std::string_view zone) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kZones = {{
      {"utc", "+00:00"}, {"gmt", "+00:00"}, {"z", "+00:00"}, {"wet", "+00:00"}, {"bst", "+01:00"},
      {"cet", "+01:00"}, {"mez", "+01:00"}, {"cest", "+02:00"}, {"mesz", "+02:00"}, {"eet", "+02:00"},
      {"eest", "+03:00"}, {"est", "-05:00"}, {"edt", "-04:00"}, {"cst", "-06:00"}, {"cdt", "-05:00"},
      {"mst", "-07:00"}, {"mdt", "-06:00"}, {"pst", "-08:00"}, {"pdt", "-07:00"}, {"jst", "+09:00"}}};
  std::string lower = metadata::to_lower_ascii(zone);
  for (const auto& [name, offset] : kZones) {
    if (lower == name) return std::string(offset);
  }
  // +0200, +02:00, -5
  if (zone.size() >= 2 && (zone[0] == '+' || zone[0] == '-')) {
    std::string digits;
    for (char c : zone.substr(1)) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      else if (c != ':') return {};
    }
    if (digits.size() == 1 || digits.size() == 3) digits = "0" + digits;
    if (digits.size() == 2) digits += "00";
    if (digits.size() != 4) return {};
    return std::string(1, zone[0]) + digits.substr(0, 2) + ":" + digits.substr(2);
  }
  return {};
}

// "17:30 CEST", "5:30 pm EDT", "10:04 +0200" -> "T17:30:00+02:00"; empty
// unless both the time and its offset are written.
std::string time_with_offset(std::string_view line) {
  for (size_t colon = line.find(':'); colon != std::string_view::npos; colon = line.find(':', colon + 1)) {
    size_t start = colon;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(line[start - 1]))) --start;
    if (colon - start < 1 || colon - start > 2 || colon + 3 > line.size()) continue;
    std::string_view minutes = line.substr(colon + 1, 2);
    if (!is_digits(minutes)) continue;
    int hour = std::stoi(std::string(line.substr(start, colon - start)));
    std::string_view rest = line.substr(colon + 3);
    if (rest.starts_with(":") && rest.size() >= 3 && is_digits(rest.substr(1, 2))) rest.remove_prefix(3);
    std::vector<std::string_view> tokens;
    for (size_t i = 0; i < rest.size() && tokens.size() < 3;) {
      size_t begin = rest.find_first_not_of(" ,()", i);
      if (begin == std::string_view::npos) break;
      size_t end = std::min(rest.find_first_of(" ,()", begin), rest.size());
      tokens.push_back(rest.substr(begin, end - begin));
      i = end;
    }
    size_t next = 0;
    if (next < tokens.size()) {
      std::string meridiem = metadata::to_lower_ascii(tokens[next]);
      if (meridiem == "pm" || meridiem == "p.m.") hour = hour % 12 + 12, ++next;
      else if (meridiem == "am" || meridiem == "a.m.") hour = hour % 12, ++next;
    }
    if (hour > 23 || next >= tokens.size()) return {};
    std::string offset = zone_offset(tokens[next]);
    if (offset.empty() && next + 1 < tokens.size() && (tokens[next] == "UTC" || tokens[next] == "GMT")) {
      offset = zone_offset(tokens[next + 1]);
    }
    if (offset.empty()) return {};
    std::string time = "T";
    time += static_cast<char>('0' + hour / 10);
    time += static_cast<char>('0' + hour % 10);
    return time + ":" + std::string(minutes) + ":00" + offset;
  }
  return {};
}

// How many words metadata::words(line) would give, without copying them:
// bylines and datelines are short, and a huge line would be copied whole.
size_t word_count(std::string_view line) {
  size_t count = 0;
  metadata::for_each_word(line, [&](std::string_view) { ++count; });
  return count;
}

}  // namespace

std::vector<std::string> byline_authors(std::string_view line, bool near_date) {
  if (word_count(line) > 12) return {};
  std::vector<std::string> words = metadata::words(line);
  if (words.empty()) return {};
  std::vector<std::string> names = metadata::parse_byline(line, metadata::NonPersons{});
  size_t name_words = 0;
  for (const std::string& name : names) {
    if (!metadata::looks_like_written_name(name)) return {};
    name_words += metadata::words(name).size();
  }
  if (names.empty() || name_words + date_words(words) + 1 < words.size()) return {};
  bool has_prefix = name_words < words.size() && !metadata::contains_ignore_case(names[0], words[0]);
  if (!has_prefix && names.size() < 2 && !near_date) return {};
  return names;
}

std::string dateline_date(std::string_view line) {
  if (word_count(line) > 14) return {};
  std::vector<std::string> words = metadata::words(line);
  if (words.empty()) return {};
  std::string day = metadata::find_date_in_text(line);
  if (day.empty()) return {};
  // Mostly the date: at most a prefix ("Published", "Updated on") and a name.
  if (date_words(words) * 2 < words.size()) return {};
  if (day.size() == 10) day += time_with_offset(line);
  return day;
}

}  // namespace lede::clean
