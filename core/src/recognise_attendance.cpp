// Attendance: labelled sections, name lists, positions and roles, and the chair named in prose.
#include "recognise_attendance.h"

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
constexpr std::array<Label, 48> kLabels{{
    {"present in the chair", Attendance::present, Role::chair},
    {"in the chair", Attendance::present, Role::chair},
    {"apologies for absence were received from", Attendance::apologies, Role::unknown},
    {"apologies for absence received from", Attendance::apologies, Role::unknown},
    {"apologies for absence from", Attendance::apologies, Role::unknown},
    {"apologies for absence", Attendance::apologies, Role::unknown},
    {"apologies were received from", Attendance::apologies, Role::unknown},
    {"apologies received from", Attendance::apologies, Role::unknown},
    {"apologies were received", Attendance::apologies, Role::unknown},
    {"apologies from", Attendance::apologies, Role::unknown},
    {"apologies", Attendance::apologies, Role::unknown},
    {"ymddiheuriadau", Attendance::apologies, Role::unknown},
    {"officials in attendance", Attendance::in_attendance, Role::officer},
    {"officers in attendance", Attendance::in_attendance, Role::officer},
    {"officers present", Attendance::in_attendance, Role::officer},
    {"staff present", Attendance::in_attendance, Role::officer},
    {"staff in attendance", Attendance::in_attendance, Role::officer},
    {"staff", Attendance::in_attendance, Role::officer},
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
    {"members absent", Attendance::absent, Role::member},
    {"board members absent", Attendance::absent, Role::member},
    {"directors absent", Attendance::absent, Role::member},
    {"trustees absent", Attendance::absent, Role::member},
    {"absent", Attendance::absent, Role::member},
    {"members present", Attendance::present, Role::member},
    {"board members present", Attendance::present, Role::member},
    {"councillors present", Attendance::present, Role::member},
    {"directors present", Attendance::present, Role::member},
    {"trustees present", Attendance::present, Role::member},
    {"committee members present", Attendance::present, Role::member},
    {"those present", Attendance::present, Role::member},
    {"those attending", Attendance::present, Role::member},
    {"present", Attendance::present, Role::member},
    {"presennol", Attendance::present, Role::member},
    {"minute taker", Attendance::present, Role::clerk},
    {"minute secretary", Attendance::present, Role::clerk},
    {"clerk", Attendance::present, Role::clerk},
}};

// Words that make a comma piece a position or an organisation rather than a person.
bool is_position_word(std::string_view key) {
    static constexpr std::array<std::string_view, 52> kWords{
        "director", "officer", "manager", "clerk", "chief", "head", "president", "trustee", "counsel",
        "superintendent", "council", "board", "association", "trust", "service", "services", "healthwatch",
        "ltd", "limited", "police", "department", "district", "ward", "group", "society", "party", "authority",
        "nhs", "commissioner", "engineer", "executive", "administrator", "assistant", "secretary", "treasurer",
        "chairman", "chair", "chairperson", "coordinator", "co-ordinator", "advisor", "adviser", "consultant",
        "representative", "lead", "inspector", "deputy", "senior", "chancellor", "attorney", "planner", "solicitor"};
    for (auto w : kWords) {
        if (key == w) return true;
    }
    return false;
}

// Titles that stand before a name like an honorific and say the person's office.
struct Title {
    std::string_view text;
    Role role;
};
constexpr std::array<Title, 19> kTitles{{
    {"deputy mayor", Role::vice_chair}, {"vice president", Role::vice_chair}, {"vice chair", Role::vice_chair},
    {"vice-chair", Role::vice_chair}, {"committee chair", Role::chair}, {"mayor", Role::chair},
    {"president", Role::chair}, {"chair", Role::chair}, {"chairman", Role::chair}, {"reeve", Role::member},
    {"councillors", Role::member}, {"councilors", Role::member}, {"cllrs", Role::member},
    {"directors", Role::member}, {"director", Role::member}, {"trustees", Role::member},
    {"trustee", Role::member}, {"councilmember", Role::member}, {"commissioner", Role::member},
}};

std::string singular_honorific(std::string_view plural) {
    std::string key = lower_ascii(plural);
    if (key == "councillors") return "Councillor";
    if (key == "councilors") return "Councilor";
    if (key == "cllrs") return "Cllr";
    if (key == "directors") return "Director";
    if (key == "trustees") return "Trustee";
    return std::string(plural);
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) return true;
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
            if (starts_with_ci(text.substr(i), " and ") || text.substr(i, 3) == " & ") {
                flush();
                i += text[i + 1] == '&' ? 1 : 3;
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
    if (words.empty() || words.size() > 6 || name.size() > 60 || has_digit(name)) return false;
    std::size_t lower = 0;
    for (auto w : words) {
        std::string key = word_key(w);
        if (key.empty()) return false;
        if (starts_lower(w) && key != "van" && key != "de" && key != "der" && key != "von" && key != "la" && key != "le" &&
            key != "da" && key != "di" && key != "mac")
            ++lower;
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

// Splits a leading title ("Mayor", "Directors", "Vice President") from a name.
std::string_view take_title(std::string_view& entry, Role& role) {
    for (const auto& title : kTitles) {
        if (starts_with_ci(entry, title.text) && entry.size() > title.text.size() && entry[title.text.size()] == ' ') {
            std::string_view rest = trim(entry.substr(title.text.size()));
            if (rest.empty() || !starts_upper(rest) || starts_with_ci(rest, "of ")) return {};
            std::string_view found = entry.substr(0, title.text.size());
            entry = rest;
            role = title.role;
            return found;
        }
    }
    return {};
}

}  // namespace

Role role_from_text(std::string_view text) {
    std::string key = lower_ascii(trim(text));
    for (auto& c : key) {
        if (c == '-' || c == '/' || c == ',' || c == '.' || c == '(' || c == ')') c = ' ';
    }
    key = collapse_spaces(key);
    if (starts_with_ci(key, "the ")) key = key.substr(4);
    static constexpr std::array<std::string_view, 12> kChair{
        "chair", "chairman", "chairperson", "chairwoman", "cathaoirleach", "mayor", "president", "mayor cathaoirleach",
        "chair of the board", "committee chair", "presiding officer", "chair of the committee"};
    static constexpr std::array<std::string_view, 12> kVice{
        "vice chair", "vice chairman", "vice chairperson", "vice president", "deputy mayor", "deputy chair",
        "first vice chair", "second vice chair", "leas chathaoirleach", "deputy chairman", "vice chairwoman",
        "deputy mayor leas chathaoirleach"};
    for (auto k : kChair) {
        if (key == k) return Role::chair;
    }
    for (auto k : kVice) {
        if (key == k) return Role::vice_chair;
    }
    if (key == "clerk" || key == "minute taker" || key == "minute secretary" || key == "recording secretary" ||
        key == "secretary" || key == "clerk to the council" || key == "parish clerk" || key == "board clerk" ||
        key == "interim board clerk" || key == "clerk rfo" || key == "council clerk")
        return Role::clerk;
    return Role::unknown;
}

void add_attendee(Attendee person, std::vector<Attendee>& attendees) {
    std::string key = member_key(person.name);
    if (key.empty()) return;
    for (auto& existing : attendees) {
        if (member_key(existing.name) != key) continue;
        // Different first initials are different people ("Collins (J)", "Collins (M)").
        auto a = words_of(existing.name);
        auto b = words_of(person.name);
        bool compatible = a.size() == 1 || b.size() == 1 || a.front().front() == b.front().front();
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

std::optional<AttendanceSection> attendance_label(std::string_view paragraph, std::string& rest) {
    std::string_view text = trim(paragraph);
    // "1. Present:" - a number before the label.
    std::size_t skip = 0;
    while (skip < text.size() && (std::isdigit(static_cast<unsigned char>(text[skip])) || text[skip] == '.')) ++skip;
    if (skip > 0 && skip < text.size() && text[skip] == ' ') text = trim(text.substr(skip));
    for (const auto& label : kLabels) {
        if (!starts_with_ci(text, label.text)) continue;
        std::string_view after = text.substr(label.text.size());
        std::string_view t = trim(after);
        bool separated = t.empty() || t.front() == ':' || t.front() == '-' || starts_with_ci(t, "\xE2\x80\x93") ||
                         starts_with_ci(t, "\xE2\x80\x94") || (label.text.size() > 12 && label.text.find("from") != std::string_view::npos) ||
                         (label.attendance == Attendance::apologies && (starts_with_ci(t, "from ") || starts_with_ci(t, "for ")));
        if (!after.empty() && std::isalpha(static_cast<unsigned char>(after.front()))) separated = false;
        if (!separated) continue;
        // "Apologies - none", "Present: see above" are still labels; the names come after.
        while (!t.empty() && (t.front() == ':' || t.front() == '-' || t.front() == ' ')) t.remove_prefix(1);
        if (starts_with_ci(t, "\xE2\x80\x93") || starts_with_ci(t, "\xE2\x80\x94")) t = trim(t.substr(3));
        if (label.attendance == Attendance::apologies) {
            if (starts_with_ci(t, "for absence")) t = trim(t.substr(11));
            if (starts_with_ci(t, "were received from")) t = trim(t.substr(18));
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
        ++counted;
        if (starts_upper(w) || is_honorific(w)) ++capital;
    }
    return counted > 0 && capital * 10 >= counted * 7 && starts_upper(words[0]);
}

void read_people(std::string_view text, const AttendanceSection& section, std::vector<Attendee>& attendees,
                 std::vector<std::string>& warnings) {
    auto entries = split_entries(text);
    std::string carried_honorific;  // "Councillors Keary, McMahon and Sheahan"
    Role carried_role = Role::unknown;
    std::string pending_position;   // "Head of Finance, Motor Tax and ICT (Mr. T. Gilligan)"
    Attendee* last = nullptr;
    std::size_t before = attendees.size();
    bool pair_line = entries.size() == 2 && text.find(" and ") == std::string_view::npos &&
                     text.find('(') == std::string_view::npos;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        std::string_view entry = trim(entries[e]);
        std::string key = lower_ascii(entry);
        if (key == "none" || key == "nil" || key == "none received" || key == "no apologies" || key == "n/a") continue;
        // "2 members of the public", "Members of the public (3)": counted, not named.
        if (key.find("public") != std::string::npos || key.find("resident") != std::string::npos) continue;
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
            if (!inner_words.empty() && is_honorific(inner_words[0])) {
                // Limerick style: position (Mr. T. Gilligan).
                std::string position = pending_position.empty() ? std::string(before_paren)
                                                                : pending_position + ", " + std::string(before_paren);
                pending_position.clear();
                outside = std::string(inside);
                note = position;
                person.position = position;
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
        Role title_role = Role::unknown;
        std::string_view title = take_title(name_text, title_role);
        PersonName split = split_honorific(name_text);
        std::string honorific = split.honorific;
        if (!title.empty()) {
            std::string t = singular_honorific(title);
            bool plural = lower_ascii(t) != lower_ascii(title);
            honorific = honorific.empty() ? t : t + " " + honorific;
            if (plural) {
                carried_honorific = t;
                carried_role = title_role;
            }
            if (title_role != Role::member && title_role != Role::unknown) role = title_role;
            else if (title_role == Role::member && role == Role::guest) role = Role::member;
        }
        // A piece that is a position, not a person: goes to the person before it.
        auto words = words_of(split.name);
        bool position_piece = false;
        if (honorific.empty() && person.position.empty()) {
            for (auto w : words) {
                if (is_position_word(word_key(w))) position_piece = true;
            }
            if (pair_line && e == 1 && last != nullptr) position_piece = true;
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
        } else if (!honorific.empty() && title.empty()) {
            carried_honorific.clear();
            carried_role = Role::unknown;
        }
        person.name = split.name;
        person.honorific = honorific;
        // The note: role ("Chairman"), remote attendance, a time note, or a position.
        if (!note.empty()) {
            Role r = role_from_text(note);
            if (r != Role::unknown) {
                role = r;
            } else if (is_remote_note(note) && section.attendance == Attendance::present) {
                person.attendance = Attendance::remote;
            } else if (!is_time_note(note) && person.position.empty()) {
                person.position = note;
            }
        }
        if (role == Role::guest && (is_officer_position(person.position) || role_from_text(person.position) == Role::clerk))
            role = role_from_text(person.position) == Role::clerk ? Role::clerk : Role::officer;
        if (role == Role::guest) {
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
        if (role == Role::unknown && section.attendance == Attendance::apologies)
            role = person.position.empty() ? Role::member : Role::guest;
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

void read_chair_prose(std::string_view paragraph, std::vector<Attendee>& attendees) {
    // "Cllr. P. Harries took the Chair" / "X was in the Chair"
    for (std::string_view marker : {" took the chair", " was in the chair", " presided", " chaired the meeting"}) {
        std::size_t at = find_ci(paragraph, marker);
        if (at == std::string_view::npos) continue;
        auto words = words_of(paragraph.substr(0, at));
        std::size_t start = words.size();
        while (start > 0 && words.size() - start < 5 && (starts_upper(words[start - 1]) || is_honorific(words[start - 1])))
            --start;
        if (start == words.size()) continue;
        std::string name;
        for (std::size_t i = start; i < words.size(); ++i) name += (name.empty() ? "" : " ") + std::string(words[i]);
        PersonName split = split_honorific(name);
        if (!looks_like_person(split.name) || words_of(split.name).size() < 1) continue;
        if (split.honorific.empty() && words_of(split.name).size() < 2) continue;
        add_attendee({split.name, split.honorific, Role::chair, "", Attendance::present}, attendees);
        return;
    }
    // "Chaired by Bill James", "The Meeting was Chaired by Kenny Combe."
    std::size_t at = find_ci(paragraph, "chaired by ");
    if (at != std::string_view::npos) {
        auto words = words_of(paragraph.substr(at + 11));
        std::string name;
        for (std::size_t i = 0; i < words.size() && i < 5; ++i) {
            std::string_view w = words[i];
            bool stop = !w.empty() && (w.back() == '.' || w.back() == ',') && w.size() > 2;
            if (!starts_upper(w) && !is_honorific(w)) break;
            if (stop) w.remove_suffix(1);
            name += (name.empty() ? "" : " ") + std::string(w);
            if (stop) break;
        }
        PersonName split = split_honorific(name);
        if (looks_like_person(split.name) && (words_of(split.name).size() >= 2 || !split.honorific.empty()))
            add_attendee({split.name, split.honorific, Role::chair, "", Attendance::present}, attendees);
    }
}

}  // namespace minutes::recognition
