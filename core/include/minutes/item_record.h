// What the index stores for each agenda item and each meeting (Xapian document data), shared by the
// indexer that writes it and the searchers that read it. Stored in indexes: add fields, never rename.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/error.h"
#include "minutes/model.h"

namespace minutes {

// Stable ids. A meeting is identified by what it is, not by the file it came from, so that two
// renderings of one meeting (markdown and HTML of the same minutes) are one meeting:
// hash of facet_key(council), facet_key(committee) and the ISO date; when the date is unknown,
// the source path stands in for it. A Welsh version gets its own id (the language is part of the key).
[[nodiscard]] std::string meeting_id_for(const Minutes& minutes);
// "<meeting id>-<ordinal, 1-based, 3 digits>"
[[nodiscard]] std::string item_id_for(std::string_view meeting_id, std::size_t ordinal);
// Stable id of a source file: hash of its path as given (lexically normalised).
[[nodiscard]] std::string source_id_for(std::string_view path);

// One agenda item, as stored in its document's data.
struct ItemRecord {
    std::string id;
    std::string meeting_id;
    std::size_t ordinal = 0;  // 1-based position in the meeting
    std::string council;
    std::string committee;
    std::string date;  // ISO, or empty
    std::string source;
    Format format = Format::text;
    Language language = Language::unknown;
    std::string number;
    std::string title;
    std::optional<int> page;
    std::vector<Passage> passages;
};

struct ItemSummary {
    std::string id;
    std::string number;
    std::string title;
};

// One meeting, as stored in its document's data: everything but the items' passages.
struct MeetingRecord {
    std::string id;
    std::string council;
    std::string committee;
    std::string date;
    std::string start_time;
    std::string end_time;
    std::string venue;
    Language language = Language::unknown;
    std::vector<std::string> sources;  // every rendering indexed for this meeting
    std::vector<Attendee> attendees;
    std::vector<ItemSummary> items;
    std::vector<Acronym> acronyms;
};

[[nodiscard]] std::string encode_item(const ItemRecord& item);
[[nodiscard]] Result<ItemRecord> decode_item(std::string_view data);
[[nodiscard]] std::string encode_meeting(const MeetingRecord& meeting);
[[nodiscard]] Result<MeetingRecord> decode_meeting(std::string_view data);

// Builds the records of one recognised document.
[[nodiscard]] MeetingRecord meeting_record_of(const Minutes& minutes);
[[nodiscard]] std::vector<ItemRecord> item_records_of(const Minutes& minutes);

}  // namespace minutes
