// Private: the writer's view of one database: source records in metadata, batches as Xapian transactions,
// one meeting per meeting id however many renderings are indexed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "index_document.h"
#include "minutes/error.h"
#include "minutes/indexer.h"

namespace minutes::index {

// What the index records about each source file, in metadata under kSourceKeyPrefix + source id, in the
// same commit as its documents: the skip-if-unchanged check, remove and prune all read it.
struct SourceRecord {
    std::string path;       // source_path_key
    std::string checksum;   // "" for minutes given in memory (add_minutes): never counts as unchanged
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  // file_time_type ticks
    std::string format;
    std::string meeting_id;
    std::size_t items = 0;  // item documents indexed from this file (0 for a rendering kept as alternate)
    std::size_t passages = 0;
    std::string sketch;  // encode_sketch of its text: tells another rendering from another part
    // The meeting date recognised in it ("" when it prints none); unknown in records of version 1.
    std::optional<std::string> date;
};

inline constexpr std::string_view kSourceKeyPrefix = "minutes.source.";

[[nodiscard]] std::string encode_record(const SourceRecord& record);
[[nodiscard]] std::optional<SourceRecord> decode_record(std::string_view data);

// Translates a Xapian exception met on database `db` (DatabaseLockError -> Locked...).
[[nodiscard]] Error translate_xapian_error(const Xapian::Error& e, const std::string& db);

struct Written {
    std::size_t items = 0;
    std::size_t meetings = 0;
};

class Store {
public:
    [[nodiscard]] static Result<Store> open(const std::string& path);
    Store() = default;

    [[nodiscard]] const std::unordered_map<std::string, SourceRecord>& records() const { return records_; }

    // Applies one prepared file: writes its documents (or records it as another rendering of a meeting
    // already indexed, adjusting `report`), and its source record. Unchanged files only touch the record.
    [[nodiscard]] Result<Written> apply(FileReport& report, SourceRecord record, std::optional<PreparedMeeting>& meeting,
                                        bool touch_only, std::uint64_t bytes, const IndexOptions& options);
    // Deletes a source's documents and record (the meeting stays while another rendering is indexed).
    [[nodiscard]] Result<void> remove_source(const std::string& source_id);

    // Commits when the batch is full; commit() always (a no-op when nothing is pending).
    [[nodiscard]] Result<void> maybe_commit(const IndexOptions& options);
    [[nodiscard]] Result<void> commit();
    // Drops the uncommitted batch after an error.
    void abandon_batch();
    [[nodiscard]] std::size_t commits() const { return commits_; }
    [[nodiscard]] bool empty() const;
    // Rewrites the committed database compactly (see IndexOptions::compact_bulk_build).
    [[nodiscard]] Result<void> compact();
    // Renderings whose meeting lost its indexed items: they must be indexed again.
    [[nodiscard]] std::vector<std::string> take_orphans();

private:
    struct ExistingMeeting {
        Xapian::docid docid = 0;
        MeetingRecord record;
    };

    void begin();
    std::optional<ExistingMeeting> find_meeting(const std::string& meeting_id);
    // The holder of another rendering of the same text in the same folder, under another meeting id.
    std::optional<std::string> rendering_by_text(const SourceRecord& record, const PreparedMeeting& prepared);
    void write_meeting(const MeetingRecord& meeting, Xapian::docid replace);
    void put_record(const std::string& source_id, const SourceRecord& record);
    void drop_record(const std::string& source_id);
    void remove_contribution(const std::string& source_id, const std::string& path);

    std::string path_;
    Xapian::WritableDatabase db_;
    std::unordered_map<std::string, SourceRecord> records_;
    std::unordered_set<std::string> meetings_;  // meeting ids present
    // Renderings whose headers were read differently (one prints no date: Denver's details.md beside
    // minutes.txt; or names the council otherwise) get meeting ids of their own; they are matched by
    // text among the files of their folder (renderings of one meeting are published together, and the
    // search stays small).
    std::unordered_map<std::string, std::unordered_set<std::string>> folders_;  // folder -> source ids
    std::unordered_map<std::string, unsigned> spelling_;
    std::vector<std::string> orphans_;
    std::size_t batch_documents_ = 0;
    std::uint64_t batch_bytes_ = 0;
    bool in_transaction_ = false;
    std::size_t commits_ = 0;
};

}  // namespace minutes::index
