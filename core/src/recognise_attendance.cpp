// Attendance: labelled sections, name lists, positions and roles, and the chair named in prose.
#include "recognise_attendance.h"

#include <algorithm>
#include <array>

#include "minutes/names.h"

namespace minutes::recognition {
namespace {

struct Label {
    std::string_view text;
    Attendance attendance;
    Role role;
};

// Longer labels first: the first that matches wins.
constexpr std::array<Label, 70> kLabels{{
    {"present in the chair", Attendance::present, Role::chair},
    {"in the chair", Attendance::present, Role::chair},
    {"apologies for absence were received from", Attendance::apologies, Role::unknown},
    {"apologies for absence received from", Attendance::apologies, Role::unknown},
    {"apologies for absence from", Attendance::apologies, Role::unknown},
    {"apologies for absence", Attendance::apologies, Role::unknown},
    {"absent with apologies", Attendance::apologies, Role::unknown},
    {"apologies were received from", Attendance::apologies, Role::unknown},
    {"apologies received from", Attendance::apologies, Role::unknown},
    {"apologies were received", Attendance::apologies, Role::unknown},
    {"apologies from", Attendance::apologies, Role::unknown},
    {"apologies", Attendance::apologies, Role::unknown},
    {"regrets from", Attendance::apologies, Role::unknown},
    {"regrets", Attendance::apologies, Role::unknown},
    // Welsh: "Derbyniwyd ymddiheuriadau gan y Cynghorwyr ..." (apologies were received from).
    {"derbyniwyd ymddiheuriadau gan y", Attendance::apologies, Role::unknown},
    {"derbyniwyd ymddiheuriadau gan", Attendance::apologies, Role::unknown},
    {"ymddiheuriadau gan y", Attendance::apologies, Role::unknown},
    {"ymddiheuriadau gan", Attendance::apologies, Role::unknown},
    {"ymddiheuriadau", Attendance::apologies, Role::unknown},
    {"officials in attendance", Attendance::in_attendance, Role::officer},
    {"officials present", Attendance::in_attendance, Role::officer},
    {"officers in attendance", Attendance::in_attendance, Role::officer},
    {"officers present", Attendance::in_attendance, Role::officer},
    {"staff present", Attendance::in_attendance, Role::officer},
    {"staff in attendance", Attendance::in_attendance, Role::officer},
    {"staff", Attendance::in_attendance, Role::officer},
    {"officers", Attendance::in_attendance, Role::officer},
    {"also in attendance", Attendance::in_attendance, Role::guest},
    {"also attended", Attendance::in_attendance, Role::guest},
    {"also attending", Attendance::in_attendance, Role::guest},
    {"also present", Attendance::in_attendance, Role::guest},
    {"in attendance", Attendance::in_attendance, Role::guest},
    {"others present", Attendance::in_attendance, Role::guest},
    {"others in attendance", Attendance::in_attendance, Role::guest},
    {"guests", Attendance::in_attendance, Role::guest},
    {"committee members in attendance", Attendance::present, Role::member},
    {"members in attendance", Attendance::present, Role::member},
    {"directors in attendance", Attendance::present, Role::member},
    {"other directors present", Attendance::present, Role::member},
    {"other board members present", Attendance::present, Role::member},
    {"other committee members present", Attendance::present, Role::member},
    // FOWD: "District Attendees" (board and staff, a name and an office per row), "Other Attendees".
    {"district attendees", Attendance::present, Role::member},
    {"other attendees", Attendance::in_attendance, Role::guest},
    {"attendees", Attendance::present, Role::member},
    {"members absent", Attendance::absent, Role::member},
    {"not present", Attendance::absent, Role::member},
    {"board members absent", Attendance::absent, Role::member},
    {"directors absent", Attendance::absent, Role::member},
    {"trustees absent", Attendance::absent, Role::member},
    {"absent", Attendance::absent, Role::member},
    {"members present", Attendance::present, Role::member},
    {"board members present", Attendance::present, Role::member},
    {"council members present", Attendance::present, Role::member},
    {"councilmembers present", Attendance::present, Role::member},
    {"councillors present", Attendance::present, Role::member},
    {"councillors", Attendance::present, Role::member},
    {"directors present", Attendance::present, Role::member},
    {"trustees present", Attendance::present, Role::member},
    {"committee members present", Attendance::present, Role::member},
    {"those present", Attendance::present, Role::member},
    {"those attending", Attendance::present, Role::member},
    {"present (members)", Attendance::present, Role::member},
    {"present (officers)", Attendance::in_attendance, Role::officer},
    {"present", Attendance::present, Role::member},
    {"presennol", Attendance::present, Role::member},
    {"members", Attendance::present, Role::member},
    {"attending", Attendance::present, Role::member},
    {"minute taker", Attendance::present, Role::clerk},
    {"minute secretary", Attendance::present, Role::clerk},
    {"clerk", Attendance::present, Role::clerk},
}};

// Words that make a comma piece a position or an organisation rather than a person.
bool is_position_word(std::string_view key) {
    static constexpr std::array<std::string_view, 67> kWords{
        "director", "officer", "manager", "clerk", "chief", "head", "president", "trustee", "counsel", "cao", "ceo", "cfo",
        "superintendent", "council", "board", "association", "trust", "service", "services", "healthwatch",
        "ltd", "limited", "police", "department", "district", "ward", "group", "society", "party", "authority",
        "nhs", "commissioner", "engineer", "executive", "administrator", "assistant", "secretary", "treasurer",
        "chairman", "chair", "chairperson", "coordinator", "co-ordinator", "advisor", "adviser", "consultant",
        "representative", "lead", "inspector", "deputy", "senior", "chancellor", "attorney", "planner", "solicitor",
        "associates", "partners", "llp", "inc", "consulting", "consultants", "visitor",
        // Departments named after an officer: "Vincent Murray, Economic Development; Maria Woods, Forward Planning".
        "development", "planning", "investment", "enterprise", "environment"};
    for (auto w : kWords) {
        if (key == w) return true;
    }
    return false;
}

// A word of an office, also one joined by hyphens ("Chief-MLEO-CEMC", "Administrator-Clerk-Treasurer").
bool names_position(std::string_view word) {
    std::size_t start = 0;
    while (start <= word.size()) {
        std::size_t dash = word.find('-', start);
        if (dash == std::string_view::npos) dash = word.size();
        if (is_position_word(word_key(word.substr(start, dash - start)))) return true;
        start = dash + 1;
    }
    return false;
}

// Titles that stand before a name like an honorific and say the person's office.
struct Title {
    std::string_view text;
    Role role;
};
constexpr std::array<Title, 41> kTitles{{
    {"cynghorydd sir", Role::guest}, {"cynghorwyr", Role::member}, {"cynghorydd", Role::member}, {"cyng", Role::member},
    {"county councillor", Role::guest}, {"borough councillor", Role::guest}, {"district councillor", Role::guest},
    {"deputy mayor", Role::vice_chair}, {"vice president", Role::vice_chair}, {"vice chair", Role::vice_chair},
    {"vice-chair", Role::vice_chair}, {"committee chair", Role::chair}, {"mayor pro tempore", Role::vice_chair},
    {"mayor pro tem", Role::vice_chair}, {"mayor", Role::chair}, {"vice chairperson", Role::vice_chair},
    {"chairperson", Role::chair},
    {"president", Role::chair}, {"chair", Role::chair}, {"chairman", Role::chair}, {"reeve", Role::member},
    {"councillors", Role::member}, {"councilors", Role::member}, {"cllrs", Role::member},
    {"directors", Role::member}, {"director", Role::member}, {"trustees", Role::member},
    {"trustee", Role::member}, {"councilmembers", Role::member}, {"councilmember", Role::member},
    {"councilmen", Role::member}, {"councilman", Role::member}, {"councilwomen", Role::member},
    {"councilwoman", Role::member},
    {"council members", Role::member}, {"council member", Role::member}, {"crs", Role::member},
    {"commissioner", Role::member}, {"supervisors", Role::member}, {"supervisor", Role::member},
    {"messrs", Role::unknown},
}};

std::string singular_honorific(std::string_view plural) {
    std::string key = lower_ascii(plural);
    if (key == "county councillor" || key == "borough councillor" || key == "district councillor") {
        std::string t(plural);
        return title_case(t);
    }
    if (key == "councillors") return "Councillor";
    if (key == "councilors") return "Councilor";
    if (key == "cllrs") return "Cllr";
    if (key == "directors") return "Director";
    if (key == "messrs" || key == "messrs.") return "Mr";
    if (key == "cynghorwyr") return "Cynghorydd";
    if (key == "trustees") return "Trustee";
    if (key == "councilmembers") return "Councilmember";
    if (key == "councilmen") return "Councilman";
    if (key == "councilwomen") return "Councilwoman";
    if (key == "council members") return "Council Member";
    if (key == "crs") return "Cr";
    if (key == "supervisors") return "Supervisor";
    return std::string(plural);
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) return true;
    }
    return false;
}

// The word after an "&" or "and" that makes the two sides one firm: "Pesce & Associates".
bool is_firm_word(std::string_view key) {
    return key == "associates" || key == "partners" || key == "co" || key == "company" || key == "sons" || key == "son";
}

// Areas of work an office is named after: "Land Planning and Technology Administrator" is one office.
bool is_department_word(std::string_view key) {
    static constexpr std::array<std::string_view, 20> kWords{
        "planning", "finance", "technology", "operations", "development", "recreation", "works", "resources",
        "communications", "engineering", "building", "parks", "transportation", "facilities", "infrastructure",
        "administration", "environment", "housing", "economic", "bylaw"};
    for (auto w : kWords) {
        if (key == w) return true;
    }
    return false;
}

// " and " / " & " at `i` joins the two halves of one entry: a firm ("Pesce & Associates") or an
// office named after two areas ("Land Planning and Technology Administrator John-Paul Negrinotti").
bool joins_one_entry(std::string_view text, std::size_t i, std::string_view before) {
    std::size_t after = text.substr(i, 3) == " & " ? i + 3 : i + 5;
    auto next = words_of(text.substr(after, 80));
    if (next.empty()) return false;
    if (is_firm_word(word_key(next[0]))) return true;
    auto prev = words_of(before);
    if (prev.empty() || !is_department_word(word_key(prev.back()))) return false;
    for (std::size_t k = 0; k < next.size(); ++k) {
        std::string_view w = next[k];
        if (names_position(w)) return true;
        if (w.back() == ',' || w.back() == ';' || !starts_upper(w)) break;
    }
    return false;
}

// Splits at commas, semicolons, " and " and " & " outside brackets.
std::vector<std::string> split_entries(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    int depth = 0;
    auto flush = [&]() {
        std::string_view t = trim(current);
        while (!t.empty() && (t.back() == '.' || t.back() == ',')) {
            // Keep the dot of a trailing initial ("Mr. E." never ends an entry; "Sheahan." does).
            if (t.back() == '.' && t.size() >= 2 && std::isupper(static_cast<unsigned char>(t[t.size() - 2])) &&
                (t.size() == 2 || t[t.size() - 3] == ' ' || t[t.size() - 3] == '.'))
                break;
            t.remove_suffix(1);
        }
        if (!t.empty()) out.emplace_back(t);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0) {
            if (c == ',' || c == ';') {
                flush();
                continue;
            }
            if ((starts_with_ci(text.substr(i), " and ") || text.substr(i, 3) == " & ") && !joins_one_entry(text, i, current)) {
                flush();
                i += text[i + 1] == '&' ? 1 : 3;
                continue;
            }
            // Welsh "a", "ac" and "a'r" (and, and the) between names: "Owen Williams a'r Cynghorydd Sir
            // Joseph Davies", "Andrew Thomas ac Owen Williams".
            if (text.substr(i, 5) == " a'r " || (text.substr(i, 3) == " a " && i + 3 < text.size() &&
                                                 std::isupper(static_cast<unsigned char>(text[i + 3])))) {
                flush();
                i += text.substr(i, 5) == " a'r " ? 4 : 2;
                continue;
            }
            if (text.substr(i, 4) == " ac " && i + 4 < text.size() && std::isupper(static_cast<unsigned char>(text[i + 4]))) {
                flush();
                i += 3;
                continue;
            }
        }
        current += c;
    }
    flush();
    return out;
}

// A person's name as printed: 1-6 words, capitalised or initials, no digits.
bool looks_like_person(std::string_view name) {
    auto words = words_of(name);
    if (words.empty() || words.size() > 6 || name.size() > 60 || has_digit(name) ||
        name.find(':') != std::string_view::npos)
        return false;
    std::size_t lower = 0;
    for (auto w : words) {
        std::string key = word_key(w);
        if (key.empty()) return false;
        if (starts_lower(w) && key != "van" && key != "de" && key != "der" && key != "von" && key != "la" && key != "le" &&
            key != "da" && key != "di" && key != "mac")
            ++lower;
    }
    // Column headings of roll-call tables are not people.
    static constexpr std::array<std::string_view, 12> kNotNames{
        "arrived", "status", "title", "present", "absent", "remote", "excused", "name", "vacant", "total", "departed", "left"};
    if (words.size() == 1) {
        for (auto k : kNotNames) {
            if (word_key(words[0]) == k) return false;
        }
    }
    return lower == 0 && starts_upper(words[0]);
}

bool is_remote_note(std::string_view note) {
    std::string key = lower_ascii(note);
    return key.find("remote") != std::string::npos || key.find("zoom") != std::string::npos ||
           key.find("virtual") != std::string::npos || key.find("online") != std::string::npos ||
           key.find("teams") != std::string::npos || key.find("phone") != std::string::npos ||
           key.find("teleconference") != std::string::npos || key.find("video") != std::string::npos;
}

// A note in brackets that says why or how, not an office: "(by departmental request)", "(until 8.15pm)".
// ("from" is not one: "(from the Fire Service)" says where the person comes from.)
bool is_remark(std::string_view note) {
    static constexpr std::array<std::string_view, 5> kLeads{"by ", "via ", "until ", "after ", "before "};
    return std::any_of(kLeads.begin(), kLeads.end(), [note](std::string_view lead) { return starts_with_ci(note, lead); });
}

bool is_time_note(std::string_view note) {
    std::string key = lower_ascii(note);
    return key.find("arrived") != std::string::npos || key.find("left") != std::string::npos ||
           key.find("from item") != std::string::npos || key.find("departed") != std::string::npos ||
           key.find("joined") != std::string::npos || key.find("absent") != std::string::npos || has_digit(key);
}

bool is_officer_position(std::string_view position) {
    static constexpr std::array<std::string_view, 22> kWords{
        "director", "officer", "manager", "clerk", "chief", "head", "counsel", "superintendent", "commissioner",
        "engineer", "executive", "administrator", "assistant", "secretary", "treasurer", "coordinator",
        "co-ordinator", "adviser", "advisor", "chancellor", "attorney", "solicitor"};
    for (auto w : words_of(position)) {
        std::string key = word_key(w);
        for (auto k : kWords) {
            if (key == k) return true;
        }
    }
    return false;
}

// Offices held by staff rather than elected members (never "Director" or "Trustee", which boards use).
// An honorific that is an office held by staff, in a list of those also present ("Director Carroll").
bool is_staff_title(std::string_view honorific) {
    std::string key = lower_ascii(honorific);
    return key == "director" || key == "acting director" || key == "interim director" || key == "commissioner";
}

bool is_staff_position(std::string_view position) {
    static constexpr std::array<std::string_view, 13> kWords{
        "chancellor", "superintendent", "manager", "counsel", "clerk", "officer", "engineer", "administrator",
        "attorney", "solicitor", "executive", "chief", "head"};
    for (auto w : words_of(position)) {
        std::string key = word_key(w);
        for (auto k : kWords) {
            if (key == k) return true;
        }
    }
    return false;
}

// Splits a leading title ("Mayor", "Directors", "Vice President") from a name.
std::string_view take_title(std::string_view& entry, Role& role) {
    for (const auto& title : kTitles) {
        std::size_t end = title.text.size();
        if (starts_with_ci(entry, title.text) && entry.size() > end + 1 && entry[end] == '.') ++end;  // "Cllrs."
        if (starts_with_ci(entry, title.text) && entry.size() > end && entry[end] == ' ') {
            std::string_view rest = trim(entry.substr(end));
            if (rest.empty() || !starts_upper(rest) || starts_with_ci(rest, "of ")) return {};
            std::string_view found = entry.substr(0, title.text.size());  // without the dot
            entry = rest;
            role = title.role;
            return found;
        }
    }
    return {};
}

}  // namespace

// "Directors", "Councillors": a plural title with no names after it (a singular one after a name is that
// person's office: "Kelly Wilkerson, President").
bool is_plural_title_alone(std::string_view entry) {
    std::string_view t = trim(entry);
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    bool title = std::any_of(kTitles.begin(), kTitles.end(),
                             [t](const auto& k) { return t.size() == k.text.size() && starts_with_ci(t, k.text); });
    return title && lower_ascii(singular_honorific(t)) != lower_ascii(t);
}

bool is_title_word(std::string_view word) {
    std::string key = word_key(word);
    if (key.empty()) return false;
    return is_honorific(word) ||
           std::any_of(kTitles.begin(), kTitles.end(), [&key](const Title& t) { return t.text == key; });
}

bool is_office_qualifier(std::string_view word) {
    std::string key = lower_ascii(word);
    return key == "acting" || key == "interim";
}

namespace {

// The qualifier opening an entry ("Acting" in "Acting Directors Scott"); empty when there is none.
std::string_view leading_qualifier(std::string_view entry) {
    std::size_t space = entry.find(' ');
    if (space == std::string_view::npos || !is_office_qualifier(entry.substr(0, space))) return {};
    return entry.substr(0, space);
}

}  // namespace

Role role_from_text(std::string_view text) {
    std::string key = lower_ascii(trim(text));
    for (auto& c : key) {
        if (c == '-' || c == '/' || c == ',' || c == '.' || c == '(' || c == ')') c = ' ';
    }
    key = collapse_spaces(key);
    if (starts_with_ci(key, "the ")) key = key.substr(4);
    static constexpr std::array<std::string_view, 15> kChair{
        "chair", "chairman", "chairperson", "chairwoman", "cathaoirleach", "mayor", "president", "mayor cathaoirleach",
        "chair of the board", "committee chair", "presiding officer", "chair of the committee", "board president",
        "town mayor", "lord mayor"};
    static constexpr std::array<std::string_view, 15> kVice{
        "vice chair", "vice chairman", "vice chairperson", "vice president", "deputy mayor", "deputy chair",
        "first vice chair", "second vice chair", "leas chathaoirleach", "deputy chairman", "vice chairwoman",
        "deputy mayor leas chathaoirleach", "board vice president", "deputy town mayor", "deputy lord mayor"};
    for (auto k : kChair) {
        if (key == k) return Role::chair;
    }
    for (auto k : kVice) {
        if (key == k) return Role::vice_chair;
    }
    if (key == "clerk" || key == "minute taker" || key == "minute secretary" || key == "recording secretary" ||
        key == "secretary" || key == "clerk to the council" || key == "parish clerk" || key == "board clerk" ||
        key == "interim board clerk" || key == "clerk rfo" || key == "council clerk" || key == "town clerk" ||
        key == "deputy town clerk" || key == "deputy clerk")
        return Role::clerk;
    // "Pam Costa, member" in a board's roll call; "Councillor" in a table's role column.
    if (key == "member" || key == "board member" || key == "councillor" || key == "committee member") return Role::member;
    return Role::unknown;
}

void add_attendee(Attendee person, std::vector<Attendee>& attendees) {
    std::string key = member_key(person.name);
    if (key.empty()) return;
    for (auto& existing : attendees) {
        if (member_key(existing.name) != key) continue;
        // Present and sending apologies are two people ("Allan Bell" present, "Cllr Bell" apologies).
        bool opposite = (existing.attendance == Attendance::apologies || existing.attendance == Attendance::absent) !=
                        (person.attendance == Attendance::apologies || person.attendance == Attendance::absent);
        if (opposite && existing.attendance != Attendance::unknown && person.attendance != Attendance::unknown) continue;
        // Different first initials are different people ("Collins (J)", "Collins (M)").
        auto a = words_of(existing.name);
        auto b = words_of(person.name);
        // "Mick Peake" and "Mandy Peake" are two people; "M Peake" may be either.
        auto full = [](std::string_view w) { return w.size() > 2 && w.back() != '.'; };
        bool compatible = a.size() == 1 || b.size() == 1 ||
                          (a.front().front() == b.front().front() &&
                           (!full(a.front()) || !full(b.front()) || a.front() == b.front()));
        if (!compatible || existing.name.find('(') != std::string::npos || person.name.find('(') != std::string::npos) {
            if (existing.name != person.name) continue;
        }
        if (person.name.size() > existing.name.size()) existing.name = person.name;
        if (existing.honorific.empty()) existing.honorific = person.honorific;
        if (existing.position.empty()) existing.position = person.position;
        if (existing.role == Role::unknown || existing.role == Role::member ||
            (person.role == Role::clerk && existing.role != Role::chair && existing.role != Role::vice_chair))
            if (person.role != Role::unknown && person.role != Role::member) existing.role = person.role;
        if (existing.role == Role::unknown) existing.role = person.role;
        if (existing.attendance == Attendance::unknown) existing.attendance = person.attendance;
        return;
    }
    attendees.push_back(std::move(person));
}

namespace {

// US boards' roll call in prose: "The following directors were present: Ted Costa, ...", "The
// following director was present via teleconference: Marty Hanneman" (SJWD), and "Directors Dan
// Rich and Pam Tobin were absent." Sets `rest` to the names (with their title, read as an honorific).
std::optional<AttendanceSection> roll_call_prose(std::string_view text, std::string& rest) {
    if (starts_with_ci(text, "the following ")) {
        std::size_t colon = text.find(':');
        if (colon == std::string_view::npos || colon > 100) return std::nullopt;
        std::string_view head = text.substr(0, colon);
        std::size_t verb = find_word_ci(head, "present");
        bool absent = find_word_ci(head, "absent") != std::string_view::npos;
        if (verb == std::string_view::npos && !absent) return std::nullopt;
        if (find_word_ci(head, "were") == std::string_view::npos && find_word_ci(head, "was") == std::string_view::npos)
            return std::nullopt;
        AttendanceSection section{Attendance::present, Role::member};
        if (absent) section.attendance = Attendance::absent;
        else if (contains_ci(head, "teleconference") || contains_ci(head, "zoom") || contains_ci(head, "remote") ||
                 contains_ci(head, "video"))
            section.attendance = Attendance::remote;
        if (contains_ci(head, "staff") || contains_ci(head, "officers")) section.role = Role::officer;
        rest = std::string(trim(text.substr(colon + 1)));
        return section;
    }
    // "Directors Dan Rich and Pam Tobin were absent."
    std::string_view t = text;
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
    for (std::string_view tail : {" were absent", " was absent"}) {
        if (t.size() <= tail.size() || !starts_with_ci(t.substr(t.size() - tail.size()), tail)) continue;
        std::string_view names = t.substr(0, t.size() - tail.size());
        auto words = words_of(names);
        if (words.size() < 2 || words.size() > 30 || !looks_like_name_list(names)) return std::nullopt;
        rest = std::string(names);
        return AttendanceSection{Attendance::absent, Role::member};
    }
    return std::nullopt;
}

}  // namespace

std::optional<AttendanceSection> attendance_label(std::string_view paragraph, std::string& rest) {
    std::string_view text = trim(paragraph);
    if (auto prose = roll_call_prose(text, rest)) return prose;
    // Column tables under a heading in capitals (SJWD): "BOARD OF DIRECTORS" lists the board (who
    // attended is the roll call's to say), "SAN JUAN WATER DISTRICT MANAGEMENT AND STAFF" the staff.
    if (all_caps(text) && words_of(text).size() <= 8 && text.find(':') == std::string_view::npos) {
        std::string key = lower_ascii(text);
        if (key == "board of directors" || key == "board of trustees" || key == "board members") {
            rest.clear();
            return AttendanceSection{Attendance::unknown, Role::member};
        }
        if (key.size() > 10 && key.compare(key.size() - 10, 10, " and staff") == 0) {
            rest.clear();
            return AttendanceSection{Attendance::in_attendance, Role::officer};
        }
    }
    // "1. Present:" - a number before the label.
    std::size_t skip = 0;
    while (skip < text.size() && (std::isdigit(static_cast<unsigned char>(text[skip])) || text[skip] == '.')) ++skip;
    if (skip > 0 && skip < text.size() && text[skip] == ' ') text = trim(text.substr(skip));
    // "SPC Members Present:", "Council Members Present:": a body's members, named by one word.
    if (std::size_t space = text.find(' '); space != std::string_view::npos && space <= 12 &&
        starts_with_ci(text.substr(space + 1), "members present") && !starts_with_ci(text, "other ")) {
        std::string_view t = trim(text.substr(space + 1 + std::string_view("members present").size()));
        if (!t.empty() && t.front() == ':') {
            rest = std::string(trim(t.substr(1)));
            return AttendanceSection{Attendance::present, Role::member};
        }
    }
    for (const auto& label : kLabels) {
        if (!starts_with_ci(text, label.text)) continue;
        std::string_view after = text.substr(label.text.size());
        std::string_view t = trim(after);
        // "Board members present were Joanne Ahola, ...", "Also present were David W. Gordon, ..." (SCOE).
        if (label.attendance != Attendance::apologies && label.text.size() >= 7 &&
            label.text.substr(label.text.size() - 7) == "present" && starts_with_ci(t, "were ")) {
            rest = std::string(trim(t.substr(5)));
            return AttendanceSection{label.attendance, label.role};
        }
        bool separated = t.empty() || t.front() == ':' || t.front() == '-' || starts_with_ci(t, "\xE2\x80\x93") ||
                         starts_with_ci(t, "\xE2\x80\x94") || (label.text.size() > 12 && (label.text.find("from") != std::string_view::npos ||
                                                       label.text.find(" gan") != std::string_view::npos)) ||
                         (label.attendance == Attendance::apologies && (starts_with_ci(t, "from ") || starts_with_ci(t, "for ")));
        // "PRESENT Vice Chairman (...)": a label in capitals needs no colon, unless it is a word that heads
        // other things too ("OFFICERS REPORTS", "MEMBERS QUESTIONS").
        bool generic = label.text == "officers" || label.text == "members" || label.text == "councillors" ||
                       label.text == "attending";
        if (!separated && !generic && all_caps(text.substr(0, label.text.size())) && !after.empty() && after.front() == ' ' &&
            !t.empty() && starts_upper(t))
            separated = true;
        // "Apologies Betty Ross, Annie Morgan, ...": no colon, but a list of names follows.
        if (!separated && !after.empty() && after.front() == ' ' && label.attendance == Attendance::apologies &&
            words_of(t).size() >= 2 && looks_like_name_list(t) && !starts_with_ci(t, "were") && !starts_with_ci(t, "for"))
            separated = true;
        if (!after.empty() && std::isalpha(static_cast<unsigned char>(after.front()))) separated = false;
        if (!separated) continue;
        // "Apologies - none", "Present: see above" are still labels; the names come after.
        while (!t.empty() && (t.front() == ':' || t.front() == '-' || t.front() == ' ')) t.remove_prefix(1);
        if (starts_with_ci(t, "\xE2\x80\x93") || starts_with_ci(t, "\xE2\x80\x94")) t = trim(t.substr(3));
        // "Present - Members: Cllr A Able ...": the list's own head.
        for (std::string_view head : {"members:", "councillors:"})
            if (starts_with_ci(t, head)) t = trim(t.substr(head.size()));
        if (label.attendance == Attendance::apologies) {
            if (starts_with_ci(t, "for absence")) t = trim(t.substr(11));
            if (starts_with_ci(t, "were received from")) t = trim(t.substr(18));
            if (starts_with_ci(t, "were intimated on behalf of")) t = trim(t.substr(27));
            if (starts_with_ci(t, "received from")) t = trim(t.substr(13));
            if (starts_with_ci(t, "from")) t = trim(t.substr(4));
            while (!t.empty() && (t.front() == ':' || t.front() == '-')) t = trim(t.substr(1));
        }
        rest = std::string(t);
        return AttendanceSection{label.attendance, label.role};
    }
    return std::nullopt;
}

bool looks_like_name_list(std::string_view paragraph) {
    // Ignore bracketed notes: "(Director of Children, Families and Communities)".
    std::string plain;
    int depth = 0;
    for (char c : paragraph) {
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (depth == 0) plain += c;
    }
    auto words = words_of(plain);
    if (words.empty() || words.size() > 120) return false;
    std::size_t capital = 0, counted = 0;
    for (auto w : words) {
        std::string key = word_key(w);
        if (key.empty() || is_small_word(key)) continue;
        // "Paula Villescaz, president" / "Pam Costa, member": a board's roll lists offices in lower case.
        if (starts_lower(w) && (names_position(w) || key == "member" || key == "vice" || key == "clerk")) continue;
        ++counted;
        if (starts_upper(w) || is_honorific(w)) ++capital;
    }
    return counted > 0 && capital * 10 >= counted * 7 && starts_upper(words[0]);
}

namespace {

// "Head of Finance, Motor Tax and ICT (Mr. T. Gilligan), Operations Manager (Mr. B. Kennedy)":
// positions first, the person in brackets; each entry ends with its bracketed person.
std::vector<std::string> split_after_bracketed_people(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    std::size_t open = 0;
    while ((open = text.find('(', open)) != std::string_view::npos) {
        std::size_t close = text.find(')', open);
        if (close == std::string_view::npos) break;
        auto inner = words_of(text.substr(open + 1, close - open - 1));
        if (!inner.empty() && is_honorific(inner[0])) {
            std::string_view entry = trim(text.substr(start, close + 1 - start));
            while (!entry.empty() && (entry.front() == ',' || entry.front() == ';')) entry = trim(entry.substr(1));
            if (starts_with_ci(entry, "and ")) entry = trim(entry.substr(4));
            if (!entry.empty()) out.emplace_back(entry);
            start = close + 1;
        }
        open = close + 1;
    }
    std::string_view tail = trim(text.substr(std::min(start, text.size())));
    while (!tail.empty() && (tail.front() == ',' || tail.front() == ';' || tail.front() == '.')) tail = trim(tail.substr(1));
    if (!tail.empty()) {
        for (auto& e : split_entries(tail)) out.push_back(std::move(e));
    }
    return out;
}

// Initials printed after a name in an attendance table ("Rob Boyd (Chair) RB Raymond Allan RA",
// "Paul Wheelhouse PWh"): starts with the first name's initial and holds the surname's.
bool is_initials_of(std::string_view token, const std::vector<std::string_view>& name_words) {
    if (token.size() < 2 || token.size() > 4 || !std::isupper(static_cast<unsigned char>(token[0]))) return false;
    for (char c : token) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    std::vector<std::string_view> plain;  // the name's words outside brackets
    int depth = 0;
    for (auto w : name_words) {
        if (w.front() == '(') ++depth;
        if (depth == 0) plain.push_back(w);
        if (w.back() == ')' && depth > 0) --depth;
    }
    if (plain.size() < 2 || !std::isupper(static_cast<unsigned char>(plain.front()[0])) ||
        !std::isupper(static_cast<unsigned char>(plain.back()[0])))
        return false;
    return token[0] == plain.front()[0] && token.find(plain.back()[0], 1) != std::string_view::npos;
}

// Splits an attendance-table row into its people at their initials; the initials are dropped.
// A text with no such initials comes back as it was.
std::vector<std::string> split_at_initials(std::string_view entry) {
    auto words = words_of(entry);
    std::vector<std::string> out;
    std::vector<std::string_view> current;
    bool any = false;
    auto joined = [](const std::vector<std::string_view>& ws) {
        std::string t;
        for (auto w : ws) t += (t.empty() ? "" : " ") + std::string(w);
        return t;
    };
    for (auto w : words) {
        if (is_initials_of(w, current)) {
            out.push_back(joined(current));
            current.clear();
            any = true;
            continue;
        }
        current.push_back(w);
    }
    if (!any) return {std::string(entry)};
    if (!current.empty()) out.push_back(joined(current));
    return out;
}

// Two people run together where a line break stood between them: "Sarah Thorpe Cllr Brian Long", "Gina
// Preston Cllrs Richard Bell". Split before a title that follows a name of two or more words.
std::vector<std::string> split_at_title(std::string_view entry) {
    auto words = words_of(entry);
    for (std::size_t i = 2; i + 1 < words.size(); ++i) {
        // Not "Financial Accountant (Mr. P. Murnane)" (an office with its holder in brackets), "Brian
        // Harrison Chairman SFRA" (an office of a body), "Committee Vice Chair Dishell" (a title of words).
        if (!is_title_word(words[i]) || words[i].front() == '(' || !starts_upper(words[i + 1]) || all_caps(words[i + 1]))
            continue;
        std::string joined_to = word_key(words[i - 1]);
        if (joined_to == "committee" || joined_to == "vice" || joined_to == "deputy" || joined_to == "board" ||
            joined_to == "council" || joined_to == "co")
            return {std::string(entry)};
        bool name_before = std::all_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i), [](std::string_view w) {
            return starts_upper(w) && !is_title_word(w) && w.back() != ',' && role_from_text(w) == Role::unknown &&
                   !names_position(w) && !is_office_qualifier(w);
        });
        if (!name_before) return {std::string(entry)};
        std::size_t cut = static_cast<std::size_t>(words[i].data() - entry.data());
        std::vector<std::string> out{std::string(trim(entry.substr(0, cut)))};
        for (auto& rest : split_at_title(entry.substr(cut))) out.push_back(std::move(rest));
        return out;
    }
    return {std::string(entry)};
}

// An academic degree printed after a name: "Ed.D.", "Ph.D.", "M.D." (letters with dots inside).
bool is_degree(std::string_view entry) {
    if (entry.size() < 4 || entry.size() > 6 || entry.find('.') == std::string_view::npos || entry.front() == '.') return false;
    std::size_t dots = 0, lower = 0;
    for (char c : entry) {
        if (c == '.') ++dots;
        else if (!std::isalpha(static_cast<unsigned char>(c))) return false;
        else if (std::islower(static_cast<unsigned char>(c))) ++lower;
    }
    // "Ed.D.", "Ph.D.": a capital after a dot; "M.D.", "J.D.": two dotted capitals.
    return dots >= 2 || (dots == 1 && entry.back() != '.' && lower > 0);
}

// The bracketed text after a position is its holder: "(Mr. T. Gilligan)", "(L Morgan)" after "Chief
// Executive", or "(Anna Chen)" after "Group Manager Finance"; not a note ("(Chairperson)", "(via Zoom)",
// "(Independent Member)" after a person).
bool is_bracketed_person(std::string_view inside, std::string_view before) {
    auto words = words_of(inside);
    if (words.empty()) return false;
    if (words.size() == 1) {
        // "(Ms." broken from "A. Duke)" by the layout is still a person; "(Councillor)" is an office.
        std::string key = word_key(words[0]);
        return key == "mr" || key == "mrs" || key == "ms" || key == "miss" || key == "dr" || key == "mx";
    }
    if (is_honorific(words[0])) return true;
    if (words.size() > 4 || role_from_text(inside) != Role::unknown || is_remote_note(inside) ||
        is_time_note(inside) || !looks_like_person(inside))
        return false;
    // An office held by a person ("Group Manager Finance"), not a body ("Kirsty Ward (Wheatley Housing)":
    // "ward" names a position, an electoral one, and so do "council", "trust", "group" ...).
    static constexpr std::array<std::string_view, 24> kBodies{
        "council", "board", "association", "trust", "service", "services", "healthwatch", "ltd", "limited", "police",
        "department", "district", "ward", "group", "society", "party", "authority", "nhs", "associates", "partners",
        "llp", "inc", "consulting", "consultants"};
    auto office = words_of(before);
    return !office.empty() && !is_honorific(office[0]) && std::any_of(office.begin(), office.end(), [](std::string_view w) {
               std::string key = word_key(w);
               return names_position(w) && std::find(kBodies.begin(), kBodies.end(), key) == kBodies.end();
           });
}

bool has_bracketed_person(std::string_view text) {
    std::size_t open = 0;
    while ((open = text.find('(', open)) != std::string_view::npos) {
        auto inner = words_of(text.substr(open + 1, 24));
        if (!inner.empty() && is_honorific(inner[0])) return true;
        ++open;
    }
    return false;
}

}  // namespace

void read_people(std::string_view text, const AttendanceSection& section, std::vector<Attendee>& attendees,
                 std::vector<std::string>& warnings, bool one_person) {
    std::vector<std::string> entries;
    if (one_person) {
        // "Ms F Gunn, Executive Chief Officer Infrastructure and Environment": the name, then the office,
        // read as the note in brackets after the name.
        std::size_t comma = text.find(',');
        std::string_view office = comma == std::string_view::npos ? std::string_view() : trim(text.substr(comma + 1));
        while (!office.empty() && (office.back() == ',' || office.back() == ';')) office = trim(office.substr(0, office.size() - 1));
        entries.push_back(std::string(trim(text.substr(0, comma))) + (office.empty() ? "" : " (" + std::string(office) + ")"));
    } else {
        for (auto& entry : has_bracketed_person(text) ? split_after_bracketed_people(text) : split_entries(text)) {
            for (auto& person : split_at_initials(entry)) {
                for (auto& one : split_at_title(person)) entries.push_back(std::move(one));
            }
        }
    }
    // "Director Flask, Acting" / "Directors Thompson, Wilbur", or a line a word ("Acting" / "Directors" /
    // "Withers,"): a qualifier or a plural title standing alone opens the next entry.
    for (std::size_t e = 0; e + 1 < entries.size();) {
        std::string_view entry = trim(entries[e]);
        std::string_view unqualified = entry.substr(leading_qualifier(entry).size());
        if (is_office_qualifier(entry) || is_plural_title_alone(unqualified)) {
            entries[e + 1] = std::string(entry) + " " + std::string(trim(entries[e + 1]));
            entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(e));
        } else {
            ++e;
        }
    }
    std::string carried_honorific;  // "Councillors Keary, McMahon and Sheahan"
    Role carried_role = Role::unknown;
    std::string carried_position;   // "Acting Directors Scott, Bialostosky": each an acting director
    std::string pending_position;   // "Head of Finance, Motor Tax and ICT (Mr. T. Gilligan)"
    Attendee* last = nullptr;
    std::size_t before = attendees.size();
    for (std::size_t e = 0; e < entries.size(); ++e) {
        std::string_view entry = trim(entries[e]);
        std::string key = lower_ascii(entry);
        if (key == "none" || key == "nil" || key == "none received" || key == "no apologies" || key == "n/a") continue;
        // The head of a table's column ("Attendee" over the names).
        if (key == "attendee" || key == "attendees" || key == "name" || key == "names") continue;
        // "Michael McKibbin, Ed.D., vice president": a degree after the name, not a person.
        if (is_degree(entry)) continue;
        // "2 members of the public", "Members of the public (3)", "Public: 4": counted, not named; a
        // "Director of Public Works D. Kowalski" is named.
        std::string_view unbracketed = std::string_view(key).substr(0, key.find('('));
        bool public_word = find_word_ci(unbracketed, "public") != std::string::npos;
        if ((public_word && (find_word_ci(unbracketed, "the public") != std::string::npos ||
                             find_word_ci(unbracketed, "members of public") != std::string::npos || words_of(unbracketed).size() <= 3)) ||
            find_word_ci(unbracketed, "residents") != std::string::npos || find_word_ci(unbracketed, "resident") != std::string::npos)
            continue;
        Attendee person;
        person.attendance = section.attendance;
        Role role = section.role;
        std::string note;
        // Bracketed part: either the person (after a position) or a note about them.
        std::size_t open = entry.find('(');
        std::string outside(entry);
        if (open != std::string_view::npos) {
            std::size_t close = entry.rfind(')');
            std::string_view inside = close != std::string_view::npos && close > open ? entry.substr(open + 1, close - open - 1)
                                                                                       : entry.substr(open + 1);
            std::string_view before_paren = trim(entry.substr(0, open));
            auto inner_words = words_of(inside);
            if (is_bracketed_person(inside, before_paren)) {
                // Limerick style: position (Mr. T. Gilligan); or "Vice Chairman (Mr. Mycock, who took the chair)".
                std::string position = pending_position.empty() ? std::string(before_paren)
                                                                : pending_position + ", " + std::string(before_paren);
                pending_position.clear();
                std::size_t comma = inside.find(',');
                std::string_view remark = comma == std::string_view::npos ? std::string_view() : inside.substr(comma + 1);
                outside = std::string(trim(inside.substr(0, comma)));
                Role r = role_from_text(position);
                if (contains_ci(remark, "took the chair") || contains_ci(remark, "in the chair")) r = Role::chair;
                if (r != Role::unknown) role = r;
                else person.position = position;
                note.clear();
            } else {
                outside = std::string(before_paren);
                note = std::string(trim(inside));
                if (close != std::string_view::npos && close + 1 < entry.size())
                    outside += " " + std::string(trim(entry.substr(close + 1)));
            }
        }
        // Dash: "Sarah Woodbury — Chair", "Cllr David Llewellyn - Chairman".
        for (std::string_view dash : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
            std::size_t d = outside.find(dash);
            if (d != std::string::npos) {
                std::string right(trim(std::string_view(outside).substr(d + dash.size())));
                outside = std::string(trim(std::string_view(outside).substr(0, d)));
                // "Chair – Lorraine Anderson": role first.
                if (role_from_text(outside) != Role::unknown && looks_like_person(right)) std::swap(outside, right);
                note = note.empty() ? right : note + ", " + right;
                break;
            }
        }
        std::string_view name_text = trim(outside);
        if (starts_with_ci(name_text, "and ")) name_text = trim(name_text.substr(4));
        // "Chris Petersen, Board Member": the office of the person before, not a title over a name.
        if (Role office = role_from_text(name_text); office != Role::unknown && last != nullptr && note.empty()) {
            if (last->role == Role::member || last->role == Role::unknown || last->role == Role::guest) last->role = office;
            continue;
        }
        Role title_role = Role::unknown;
        // "Acting Directors Scott": the office held for now, over the title.
        std::string_view qualifier = leading_qualifier(name_text);
        if (!qualifier.empty()) {
            std::string_view rest = trim(name_text.substr(qualifier.size()));
            Role ignored = Role::unknown;
            if (take_title(rest, ignored).empty()) qualifier = {};
            else name_text = trim(name_text.substr(qualifier.size()));
        }
        std::string_view title = take_title(name_text, title_role);
        PersonName split = split_honorific(name_text);
        std::string honorific = split.honorific;
        if (!title.empty()) {
            std::string t = singular_honorific(title);
            bool plural = lower_ascii(t) != lower_ascii(title);
            honorific = honorific.empty() ? t : t + " " + honorific;
            if (!qualifier.empty()) person.position = std::string(qualifier) + " " + t;
            if (plural) {
                carried_honorific = t;
                carried_role = title_role;
                carried_position = person.position;
            }
            if (title_role == Role::guest) role = Role::guest;  // a councillor of another council
            else if (title_role != Role::member && title_role != Role::unknown) role = title_role;
            // A director or commissioner in attendance, acting or not, is the department's officer, not a
            // member of the body.
            else if (title_role == Role::member && role == Role::guest && qualifier.empty() && !is_staff_title(t)) role = Role::member;
        }
        // A piece that is a position, not a person: goes to the person before it.
        auto words = words_of(split.name);
        bool position_piece = false;
        if (honorific.empty() && person.position.empty()) {
            // "Lead Commissioner", "Worcestershire Healthwatch": the last word says office or body.
            // "Interim Chief Haverty": an office, then the surname.
            if (!words.empty() && names_position(words.back())) position_piece = true;
            std::size_t last_office = words.size();
            for (std::size_t w = 0; !position_piece && w + 1 < words.size(); ++w) {
                if (names_position(words[w])) last_office = w;
            }
            if (last_office < words.size()) {
                // The name is what follows the last word of the office: "Interim Deputy Clerk Kim Turnbull".
                // An office "of" a service runs on to the name's initials ("Director of Public Works D.
                // Kowalski"); without initials the words after "of" may be all office ("Manager of Shared
                // Technical" / "Services" on the next line, Denver).
                std::size_t first_name = last_office + 1;
                std::string connector = word_key(words[first_name]);
                if ((connector == "of" || connector == "for") && words.size() >= first_name + 3) {
                    std::size_t initial = first_name + 1;
                    auto initial_at = [&words](std::size_t k) {
                        return is_initial(words[k]) || (words[k].size() == 1 && std::isupper(static_cast<unsigned char>(words[k][0])));
                    };
                    while (initial < words.size() && !initial_at(initial)) ++initial;
                    if (initial + 1 < words.size()) first_name = initial;
                }
                std::size_t cut = static_cast<std::size_t>(words[first_name].data() - split.name.data());
                person.position = std::string(trim(std::string_view(split.name).substr(0, cut)));
                split.name = std::string(trim(std::string_view(split.name).substr(cut)));
                words = words_of(split.name);
            }
            if (!looks_like_person(split.name)) position_piece = position_piece || (last != nullptr && !words.empty());
        }
        if (position_piece) {
            bool next_is_paren_person = false;
            if (e + 1 < entries.size()) {
                std::size_t p = entries[e + 1].find('(');
                if (p != std::string::npos && p + 1 < entries[e + 1].size()) {
                    auto iw = words_of(std::string_view(entries[e + 1]).substr(p + 1));
                    next_is_paren_person = !iw.empty() && is_honorific(iw[0]);
                }
            }
            if (next_is_paren_person || last == nullptr) {
                pending_position = pending_position.empty() ? std::string(entry) : pending_position + ", " + std::string(entry);
                continue;
            }
            Role r = role_from_text(entry);
            if (r != Role::unknown && (last->role == Role::member || last->role == Role::unknown || last->role == Role::guest))
                last->role = r;
            else
                last->position = last->position.empty() ? std::string(entry) : last->position + ", " + std::string(entry);
            if (last->role == Role::guest && is_officer_position(last->position)) last->role = Role::officer;
            if (last->role == Role::member && is_staff_position(last->position)) last->role = Role::officer;
            // Apologies from someone with an outside position: a guest, not a member.
            if (last->attendance == Attendance::apologies && last->honorific.empty() && last->role == Role::member &&
                section.role == Role::unknown)
                last->role = Role::guest;
            continue;
        }
        if (!looks_like_person(split.name)) {
            if (!split.name.empty())
                warnings.push_back("attendance: could not read '" + std::string(entry.substr(0, 80)) + "' as a name");
            continue;
        }
        if (honorific.empty() && !carried_honorific.empty()) {
            honorific = carried_honorific;
            if (carried_role != Role::member && carried_role != Role::unknown) role = carried_role;
            if (person.position.empty()) person.position = carried_position;
        } else if (!honorific.empty() && title.empty()) {
            carried_honorific.clear();
            carried_role = Role::unknown;
            carried_position.clear();
        }
        person.name = split.name;
        person.honorific = honorific;
        // The note: role ("Chairman"), remote attendance, a time note, or a position.
        // "Ian Logan (IL)": the initials the minutes use for the person, not a position.
        if (is_initials_of(note, words_of(person.name))) note.clear();
        if (!note.empty()) {
            Role r = role_from_text(note);
            if (r != Role::unknown) {
                role = r;
            } else if (is_remote_note(note) && section.attendance == Attendance::present) {
                person.attendance = Attendance::remote;
            } else if (!is_time_note(note) && !is_remark(note) && person.position.empty()) {
                person.position = note;
            }
        }
        // "Also present were ... Directors Triozzi, Dumas" (Cleveland's department directors): officials.
        if (role == Role::guest && title_role != Role::guest && is_staff_title(person.honorific)) role = Role::officer;
        if (role == Role::guest && (is_officer_position(person.position) || role_from_text(person.position) == Role::clerk))
            role = role_from_text(person.position) == Role::clerk ? Role::clerk : Role::officer;
        if (role == Role::guest && title_role != Role::guest) {
            std::string h = lower_ascii(person.honorific);
            if (h.find("councillor") != std::string::npos || h.find("cllr") != std::string::npos) role = Role::member;
        }
        if (role == Role::unknown) {
            std::string h = lower_ascii(person.honorific);
            role = (h.find("councillor") != std::string::npos || h.find("cllr") != std::string::npos ||
                    h.find("director") != std::string::npos || h.find("trustee") != std::string::npos)
                       ? Role::member
                       : Role::unknown;
        }
        // Staff in a table of attendees: "Tom R. Gray (General Manager)" among the board (FOWD).
        if (role == Role::member && is_staff_position(person.position)) role = Role::officer;
        // Staff listed among those present: "Dr. Brian King, Chancellor" (set when the position piece comes).
        if (role_from_text(person.position) == Role::clerk && role != Role::chair) role = Role::clerk;
        if (role == Role::unknown && section.attendance == Attendance::apologies)
            role = person.position.empty()                   ? Role::member
                   : is_officer_position(person.position) ? Role::officer
                                                           : Role::guest;
        person.role = role;
        if (!pending_position.empty() && person.position.empty()) person.position = pending_position;
        pending_position.clear();
        add_attendee(std::move(person), attendees);
        // The person just added (or merged) is the last one a position piece may attach to.
        last = nullptr;
        std::string added_key = member_key(split.name);
        for (auto& a : attendees) {
            if (member_key(a.name) == added_key) last = &a;
        }
    }
    (void)before;
}

bool titled_mayor(const Attendee& attendee) {
    return starts_with_ci(attendee.honorific, "mayor") && !starts_with_ci(attendee.honorific, "mayor pro");
}

void settle_chair(std::vector<Attendee>& attendees) {
    bool other_chair = std::any_of(attendees.begin(), attendees.end(),
                                   [](const Attendee& a) { return a.role == Role::chair && !titled_mayor(a); });
    if (!other_chair) return;
    // Mayors of other places attending in the audience (Denver's board) are guests.
    for (auto& a : attendees)
        if (a.role == Role::chair && titled_mayor(a)) a.role = a.attendance == Attendance::present ? Role::member : Role::guest;
}

void read_chair_prose(std::string_view paragraph, std::vector<Attendee>& attendees) {
    // "Cllr. P. Harries took the Chair" / "X was in the Chair" / "Mr A Macdonald in the Chair"
    for (std::string_view marker : {" took the chair", " was in the chair", " presided", " chaired the meeting", " in the chair"}) {
        std::size_t at = find_ci(paragraph, marker);
        if (at == std::string_view::npos) continue;
        auto words = words_of(paragraph.substr(0, at));
        std::size_t start = words.size();
        // Back over the name to a comma before it: "..., The President, Martin J. Sweeney, in the Chair".
        while (start > 0 && words.size() - start < 5 && (starts_upper(words[start - 1]) || is_honorific(words[start - 1])) &&
               (start == words.size() || words[start - 1].back() != ','))
            --start;
        if (start == words.size()) continue;
        std::string name;
        for (std::size_t i = start; i < words.size(); ++i) name += (name.empty() ? "" : " ") + std::string(words[i]);
        // "The Assistant Speaker, (Mr Johnson Wapunai) took the Chair": the brackets are no part of it.
        if (name.size() > 2 && name.front() == '(' && name.back() == ')') name = name.substr(1, name.size() - 2);
        // "The President Martin J. Sweeney, in the Chair": the office before the name, without a comma.
        std::string office;
        if (auto name_words = words_of(name); name_words.size() >= 3 && word_key(name_words[0]) == "the" &&
                                               role_from_text(name_words[1]) != Role::unknown) {
            office = std::string(name_words[1]);
            while (!office.empty() && std::ispunct(static_cast<unsigned char>(office.back()))) office.pop_back();
            name = std::string(trim(std::string_view(name).substr(static_cast<std::size_t>(name_words[2].data() - name.data()))));
        }
        PersonName split = split_honorific(name);
        if (!looks_like_person(split.name) || words_of(split.name).size() < 1) continue;
        if (split.honorific.empty() && words_of(split.name).size() < 2) continue;
        add_attendee({split.name, split.honorific, Role::chair, office, Attendance::present}, attendees);
        return;
    }
    // "Chaired by Bill James", "The Meeting was Chaired by Kenny Combe.", Welsh "Cymerwyd y Gadair gan y Cyng. X".
    std::size_t at = find_ci(paragraph, "chaired by ");
    std::size_t skip = 11;
    if (at == std::string_view::npos) {
        at = find_ci(paragraph, "y gadair gan y ");
        skip = 15;
    }
    if (at != std::string_view::npos) {
        auto words = words_of(paragraph.substr(at + skip));
        std::string name;
        for (std::size_t i = 0; i < words.size() && i < 5; ++i) {
            std::string_view w = words[i];
            bool title = is_honorific(w) || word_key(w) == "cyng";
            bool stop = !title && !w.empty() && (w.back() == '.' || w.back() == ',') && w.size() > 2;
            if (!starts_upper(w) && !title) break;
            if (stop) w.remove_suffix(1);
            name += (name.empty() ? "" : " ") + std::string(w);
            if (stop) break;
        }
        PersonName split = split_honorific(name);
        if (starts_with_ci(name, "cyng. ")) split = PersonName{"Cyng.", std::string(trim(std::string_view(name).substr(6)))};
        if (looks_like_person(split.name) && (words_of(split.name).size() >= 2 || !split.honorific.empty()))
            add_attendee({split.name, split.honorific, Role::chair, "", Attendance::present}, attendees);
    }
}

}  // namespace minutes::recognition
