// Private to the recogniser: who speaks or acts in a passage, resolved against the attendance list,
// and the acronyms the minutes define ("Service Improvement Plan (SIP)").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "minutes/model.h"

namespace minutes::recognition {

// What assign_speaker looks up in every passage, prepared once per document: the attendees'
// positions as they are searched for (lower-cased, cut at a comma or bracket) and the acronyms the
// minutes gave them.
struct SpeakerIndex {
    struct Position {
        const Attendee* attendee = nullptr;
        std::string lower;                        // "director of children, families and communities" cut
        bool searched = false;                    // two words or more: searched for in the text
        std::vector<std::string_view> acronyms;   // short forms defined for that position, in order
    };
    std::vector<Position> positions;
    const std::vector<Acronym>* acronyms = nullptr;  // all the minutes define
    std::vector<std::string> member_keys;             // member_key of each attendee, in order
};

// Builds the index of `attendees` and `acronyms` (which must outlive it).
[[nodiscard]] SpeakerIndex index_speakers(const std::vector<Attendee>& attendees, const std::vector<Acronym>& acronyms);

// Sets passage.speaker_role and passage.speaker from the earliest actor the passage names:
// "Councillor Banks", "the Chairman", "The Director of ..." (an attendee's position), a defined
// acronym of a position ("the DCS"), "a Member of the Panel", a speaker label ("MR T. TEPAI:").
void assign_speaker(Passage& passage, const std::vector<Attendee>& attendees, const SpeakerIndex& index);

// Sets passage.seconder from the motion's seconder it names: "seconded by Councillor Sheahan",
// "Mr Oakford seconded the motion", "SECONDER: Angie Rivera-Malpiede", "Prop JB 2nd KN",
// "R2024-089 D. Yemm, S. Kirkey:", resolved against the attendance list. In a motion whose speaker was
// not found, or was taken to be the seconder, the mover ("Moved by Goold", "Jenni Hawkins proposed")
// becomes the speaker.
void assign_seconder(Passage& passage, const std::vector<Attendee>& attendees, const SpeakerIndex& index);

// Adds the acronyms defined in `text` that `acronyms` does not hold yet.
void find_acronyms(std::string_view text, std::vector<Acronym>& acronyms);

}  // namespace minutes::recognition
