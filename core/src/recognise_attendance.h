// Private to the recogniser: who attended, read from "Present:" / "Also attended:" / "Apologies:"
// sections, lists under such headings, and prose ("Cllr. P. Harries took the Chair").
#pragma once

#include <string>
#include <vector>

#include "minutes/model.h"
#include "recognise_text.h"

namespace minutes::recognition {

struct AttendanceSection {
    Attendance attendance = Attendance::unknown;
    Role role = Role::unknown;  // default role of the people listed (member, officer, guest, clerk, chair)
};

// When the paragraph opens with (or, after a sentence, contains) an attendance label, returns the
// section it starts and sets `rest` to the text after the label. Only the first label is read.
[[nodiscard]] std::optional<AttendanceSection> attendance_label(std::string_view paragraph, std::string& rest);

// True when a paragraph reads like a list of names (mostly capitalised words, few verbs).
[[nodiscard]] bool looks_like_name_list(std::string_view paragraph);

// Reads the people in one section's text and adds (or merges) them into `attendees`; with
// `one_person`, the text is one person's line ("Ms F Gunn, Executive Chief Officer Infrastructure and
// Environment"): the name, then after its comma the office, never split at "and".
// Text it cannot read as names becomes a warning.
void read_people(std::string_view text, const AttendanceSection& section, std::vector<Attendee>& attendees,
                 std::vector<std::string>& warnings, bool one_person = false);

// Prose about the chair: "X took the Chair", "Chaired by X", "PRESENT IN THE CHAIR: X". Adds the chair.
void read_chair_prose(std::string_view paragraph, std::vector<Attendee>& attendees);

// An honorific or a one-word title printed before a name: "Cllr", "Mrs", "Mayor", "Directors".
[[nodiscard]] bool is_title_word(std::string_view word);

// "Directors", "Councillors": a plural title with no names after it (a singular one after a name is that
// person's office: "Kelly Wilkerson, President").
[[nodiscard]] bool is_plural_title_alone(std::string_view entry);

// "Acting", "Interim": an office held for now ("Acting Directors Scott, Bialostosky").
[[nodiscard]] bool is_office_qualifier(std::string_view word);

// Role named by a role text such as "Chairman", "Vice Chair", "Mayor/Cathaoirleach", "Clerk"; unknown otherwise.
[[nodiscard]] Role role_from_text(std::string_view text);

// The honorific printed before the attendee's name makes them the mayor ("Mayor Moran"), not the
// mayor's deputy ("Mayor Pro Tem Fernandez").
[[nodiscard]] bool titled_mayor(const Attendee& attendee);

// One chair: a mayor listed at a meeting that another attendee chairs ("Cr M Tane (Chairperson), Mayor
// H Wilson"; Limerick's "PRESENT IN THE CHAIR: ... Councillor D. McSweeney" over "Mayor Moran") sits as
// a member, or is a guest when only in attendance; the title alone made the mayor chair.
void settle_chair(std::vector<Attendee>& attendees);

// Adds or merges one attendee (same member key and compatible initials are one person).
void add_attendee(Attendee person, std::vector<Attendee>& attendees);

}  // namespace minutes::recognition
