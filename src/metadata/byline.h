// Person names out of the strings publishers put where an author goes:
// meta values, JSON-LD names, visible bylines. Prefixes ("By", "von"), job
// titles, dates, contact details and site names are cut away.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metadata/text.h"

namespace lede::metadata {

// Names an author must not have.
struct NonPersons {
  NameSet names;  // the site, its publisher, organisations
  NameSet hosts;  // the host's names: people own domains named after them,
                  // so only a one-word author ("Whova") is the host's

  bool matches(std::string_view name) const;
};

// Who one author value or byline credits: people, and apart from them the
// site, a publisher, an agency or a team ("The Verge Staff"), which stand in
// for an author only on pages that name no person.
struct Credits {
  std::vector<std::string> persons;
  std::vector<std::string> organisations;
};

// "By Jane Roe and John Doe | 31 May 2024" -> persons {"Jane Roe", "John Doe"};
// "By The Daily Planet Staff" -> organisations {"The Daily Planet Staff"}.
Credits read_credits(std::string_view raw, const NonPersons& non_persons);

// What a short text before a name says of it: "By" and "Written by" credit
// the writer, "Reviewed by" and "Photo by" someone else.
enum class Label { none, writer, other_role };
Label byline_label(std::string_view text);

// The name of an author declared an organisation, as written: empty when it
// is only a role ("Staff").
std::string organisation_credit(std::string_view raw);

// A forum member's name as they chose it ("microfast", "b.scherer"), which
// read_credits() would not take for a person's; empty when it is no name.
std::string read_handle(std::string_view raw, const NonPersons& non_persons);

// The persons of read_credits().
std::vector<std::string> parse_byline(std::string_view raw, const NonPersons& non_persons);

// Adds `names` not yet in `out`; a name inside a longer one ("Jane" and "Jane
// Roe") counts as present, and the longer one is kept.
void merge_names(std::vector<std::string>& out, const std::vector<std::string>& names);

// Page text offers "Save as PDF" or "Recent" where a byline might be: there,
// only names written like names count (two or more capitalised words).
bool looks_like_written_name(std::string_view name);

// Only words of roles and labels: "Staff Writer", "The Author".
bool is_only_roles(std::string_view text);

// Written like a name and not opening with a role ("Staff Writer").
bool is_full_name(std::string_view name);

}  // namespace lede::metadata
