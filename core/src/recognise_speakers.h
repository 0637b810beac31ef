// Private to the recogniser: who speaks or acts in a passage, resolved against the attendance list,
// and the acronyms the minutes define ("Service Improvement Plan (SIP)").
#pragma once

#include <string_view>
#include <vector>

#include "minutes/model.h"

namespace minutes::recognition {

// Sets passage.speaker_role and passage.speaker from the earliest actor the passage names:
// "Councillor Banks", "the Chairman", "The Director of ..." (an attendee's position), a defined
// acronym of a position ("the DCS"), "a Member of the Panel", a speaker label ("MR T. TEPAI:").
void assign_speaker(Passage& passage, const std::vector<Attendee>& attendees, const std::vector<Acronym>& acronyms);

// Adds the acronyms defined in `text` that `acronyms` does not hold yet.
void find_acronyms(std::string_view text, std::vector<Acronym>& acronyms);

}  // namespace minutes::recognition
