// The query language's fields and value rules (dates, roles, passage types), shared by the query
// parser, the option filters of the CLI and the daemon, and their help texts. The parser itself
// (string -> Xapian::Query) is private to core: programs search through Searcher (search.h).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/error.h"

namespace minutes {

// A field a query may name ("committee:X") and the option of the same name (--committee X, ?committee=X).
struct QueryField {
    std::string_view name;
    std::string_view help;
};

inline constexpr std::array<QueryField, 11> kQueryFields{{
    {"committee", "committee name; its words in order match (\"Children and Families\" matches the panel)"},
    {"council", "council name; its words in order match"},
    {"member", "member in any form: Oborski, \"F M Oborski\", \"Mrs Oborski\""},
    {"role", "speaker role: chair, vice_chair, member, officer, guest, clerk, public"},
    {"topic", "words of the agenda item title"},
    {"item", "item (minute) number as printed: 271, or 5.A under its section"},
    {"type", "passage type: decision, declaration, vote, paragraph, bullet"},
    {"date", "meeting date: 2017-03-13, a month 2017-03 or a year 2017"},
    {"from", "meetings on or after a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
    {"to", "meetings on or before a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
    {"language", "language of the minutes: en, cy"},
}};

// An inclusive range of meeting dates as the index stores them ("YYYYMMDD"); an empty end is open.
struct DateRange {
    std::string first;
    std::string last;
};

// Reads "2017", "2017-03" or "2017-03-13" (also "20170313") as the days it covers:
// "2017-03" -> {"20170301", "20170331"}. Anything else, or an impossible day, is InvalidArgument naming
// `field`.
[[nodiscard]] Result<DateRange> parse_date_expression(std::string_view text, std::string_view field);

// The index terms an exact-valued filter stands for (alternatives: any may match):
// member -> XM<member_key>, role -> XR<role>, type -> XK<kind> (decision is also "resolution"),
// item -> XN<folded number>, language -> XL<code>, date (a single day) -> XD<YYYYMMDD>.
// committee and council give their exact key here (XC/XA + facet_key); the searcher widens them to
// every committee whose name contains the words in order. Bad values are InvalidArgument naming the field.
[[nodiscard]] Result<std::vector<std::string>> filter_terms(std::string_view field, std::string_view value);

// True when `key` (a facet_key) contains the words of `wanted` (a facet_key) in order, as whole words:
// "children and families" is in "children and families overview and scrutiny panel".
[[nodiscard]] bool name_key_matches(std::string_view key, std::string_view wanted);

}  // namespace minutes
