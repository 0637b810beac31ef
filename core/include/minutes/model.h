// The document model: what the recogniser recovers from a minutes file and the indexer stores.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minutes {

// What part someone plays at the meeting. Stored in indexes by name (role_name): do not rename.
enum class Role { unknown, chair, vice_chair, member, officer, guest, clerk, public_ };

// Whether and how someone attended.
enum class Attendance { unknown, present, in_attendance, remote, apologies, absent };

// What a passage of an agenda item is.
enum class PassageKind { paragraph, bullet, resolution, declaration, vote };

// The format a source file was read from.
enum class Format { text, markdown, html, pdf };

enum class Language { unknown, english, welsh };

[[nodiscard]] std::string_view role_name(Role role);  // "vice_chair", "public"; "" for unknown
[[nodiscard]] std::optional<Role> parse_role(std::string_view name);
[[nodiscard]] std::string_view attendance_name(Attendance attendance);
[[nodiscard]] std::optional<Attendance> parse_attendance(std::string_view name);
[[nodiscard]] std::string_view passage_kind_name(PassageKind kind);
[[nodiscard]] std::optional<PassageKind> parse_passage_kind(std::string_view name);
[[nodiscard]] std::string_view format_name(Format format);
[[nodiscard]] std::string_view language_name(Language language);  // "en", "cy", "" for unknown

// A calendar date; all zero when unknown.
struct MeetingDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    [[nodiscard]] bool valid() const;
    [[nodiscard]] std::string iso() const;  // "2017-03-13", or "" when not valid
    // Parses exactly "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
    [[nodiscard]] static std::optional<MeetingDate> from_iso(std::string_view text);
    friend bool operator==(const MeetingDate& a, const MeetingDate& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

struct Attendee {
    std::string name;       // as printed, without honorific: "L R Duffy", "Catherine Driscoll"
    std::string honorific;  // "Ms", "Councillor", "Dr"; empty when none
    Role role = Role::unknown;
    std::string position;   // "Director of Children, Families and Communities"; empty when none
    Attendance attendance = Attendance::unknown;
};

struct Passage {
    std::string text;
    PassageKind kind = PassageKind::paragraph;
    Role speaker_role = Role::unknown;
    std::string speaker;       // resolved name from the attendance list, or as printed; empty when unknown
                               // (for a motion, its mover: "Proposed by Councillor Leddin")
    std::optional<int> page;   // 1-based page of the source, for paginated formats
    // A motion's seconder ("Seconded by Councillor Sheahan"), resolved like the speaker; empty when
    // none is named. Last, with an initialiser, so that brace-initialised Passages stay valid.
    std::string seconder{};
};

struct AgendaItem {
    std::string number;  // exactly as printed: "271", "5", "70/17"; empty for unnumbered sections
    std::string title;
    std::optional<int> page;
    std::vector<Passage> passages;
};

// An abbreviation the minutes define themselves: "Service Improvement Plan (SIP)".
struct Acronym {
    std::string short_form;
    std::string long_form;
};

// One meeting's minutes as recognised from one source file.
struct Minutes {
    std::string source;  // path as given to the reader
    Format format = Format::text;
    Language language = Language::unknown;
    std::string council;
    std::string committee;
    MeetingDate date;
    std::string start_time;  // "14:00"; empty when unknown
    std::string end_time;
    std::string venue;
    std::vector<Attendee> attendees;
    std::vector<AgendaItem> items;
    std::vector<Acronym> acronyms;
    std::vector<std::string> warnings;  // what could not be placed, in words
};

}  // namespace minutes
