// Person names: honorifics and the forgiving member key that makes "Oborski", "F M Oborski" and
// "Mrs Oborski" one member.
#pragma once

#include <string>
#include <string_view>

namespace minutes {

struct PersonName {
    std::string honorific;  // "Mrs", "Councillor", "Dr"; empty when none
    std::string name;       // the rest, trimmed: "F M Oborski"
};

// Splits leading honorifics and titles ("Mrs", "Cllr", "Councillor", "Dr", "Hon.") from a name.
// Several may stack ("Cllr Dr A Smith" -> honorific "Cllr Dr").
[[nodiscard]] PersonName split_honorific(std::string_view text);

// True for a word that is an honorific ("Mr", "Mrs.", "cllr"...), case-insensitive.
[[nodiscard]] bool is_honorific(std::string_view word);

// The member key: the folded surname, ignoring honorifics, initials, bracketed notes and
// trailing post-nominals. "Mrs F M Oborski" -> "oborski"; "Councillor O'Brien" -> "obrien";
// "" when no surname can be found.
[[nodiscard]] std::string member_key(std::string_view name);

}  // namespace minutes
