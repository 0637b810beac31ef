// The writer's database: batches as transactions, source records, meetings kept one per meeting id.
#include "index_store.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "minutes/item_record.h"
#include "minutes/schema.h"

namespace minutes::index {
namespace {

const std::string kMeetingTerm = "XT" + std::string(schema::kDocTypeMeeting);
const std::string kSourcePrefix = std::string(schema::prefix_of("source"));
const std::string kMeetingPrefix = std::string(schema::prefix_of("meeting"));

std::string record_key(const std::string& source_id) { return std::string(kSourceKeyPrefix) + source_id; }

bool is_meeting_document(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(kMeetingTerm);
    return t != doc.termlist_end() && *t == kMeetingTerm;
}

std::string folder_of(const std::string& path) { return std::filesystem::path(path).parent_path().string(); }

std::vector<std::string> source_ids(const MeetingRecord& meeting) {
    std::vector<std::string> ids;
    for (const auto& s : meeting.sources) ids.push_back(source_id_for(s));
    return ids;
}

}  // namespace

// Tab-separated, path last (the one field that could hold anything but a tab or newline). Version 2
// adds the date before the path.
std::string encode_record(const SourceRecord& r) {
    std::ostringstream out;
    out << "2\t" << r.checksum << '\t' << r.size << '\t' << r.mtime << '\t' << r.format << '\t' << r.meeting_id << '\t'
        << r.items << '\t' << r.passages << '\t' << r.sketch << '\t' << r.date.value_or("") << '\t' << r.path;
    return out.str();
}

std::optional<SourceRecord> decode_record(std::string_view data) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    const int before_path = data.substr(0, 2) == "1\t" ? 9 : 10;  // version 1 has no date
    for (int i = 0; i < before_path; ++i) {
        auto tab = data.find('\t', start);
        if (tab == std::string_view::npos) return std::nullopt;
        fields.emplace_back(data.substr(start, tab - start));
        start = tab + 1;
    }
    if (fields[0] != "1" && fields[0] != "2") return std::nullopt;
    SourceRecord r;
    try {
        r.checksum = fields[1];
        r.size = std::stoull(fields[2]);
        r.mtime = std::stoll(fields[3]);
        r.format = fields[4];
        r.meeting_id = fields[5];
        r.items = std::stoul(fields[6]);
        r.passages = std::stoul(fields[7]);
        r.sketch = fields[8];
        if (fields.size() > 9) r.date = fields[9];
    } catch (const std::exception&) {
        return std::nullopt;
    }
    r.path = std::string(data.substr(start));
    return r;
}

Error translate_xapian_error(const Xapian::Error& e, const std::string& db) {
    std::string type = e.get_type();
    if (type == "DatabaseLockError") return Error{ErrorCode::Locked, "database " + db + " is locked by another indexer"};
    if (type == "DatabaseCorruptError") return Error{ErrorCode::Corrupt, "database " + db + ": " + e.get_msg()};
    if (type == "DatabaseNotFoundError") return Error{ErrorCode::NotFound, "database " + db + ": " + e.get_msg()};
    if (type == "DatabaseOpeningError" || type == "DatabaseCreateError" || type == "DatabaseVersionError")
        return Error{ErrorCode::Io, "database " + db + ": cannot open: " + e.get_msg()};
    return Error{ErrorCode::Io, "database " + db + ": " + e.get_description()};
}

namespace {

// A compaction is written beside the database and swapped in by two renames; this finishes or undoes
// one that a kill interrupted.
void recover_compaction(const std::string& path) {
    std::error_code ec;
    const std::string compacting = path + ".compacting";
    const std::string previous = path + ".previous";
    if (!std::filesystem::exists(path, ec) && std::filesystem::exists(previous, ec)) {
        // Killed between the renames: the compacted copy was complete before the first one.
        if (std::filesystem::exists(compacting, ec)) {
            std::filesystem::rename(compacting, path, ec);
        } else {
            std::filesystem::rename(previous, path, ec);
        }
    }
    if (std::filesystem::exists(path, ec)) {
        std::filesystem::remove_all(previous, ec);
        std::filesystem::remove_all(compacting, ec);
    }
}

}  // namespace

Result<Store> Store::open(const std::string& path) {
    Store store;
    store.path_ = path;
    recover_compaction(path);
    try {
        store.db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        std::string version = store.db_.get_metadata(std::string(schema::kSchemaVersionKey));
        std::string ours = std::to_string(schema::kSchemaVersion);
        if (version.empty()) {
            if (store.db_.get_doccount() != 0) {
                return make_error(ErrorCode::Corrupt, "database " + path + " is a Xapian database but not a minutes index");
            }
            store.db_.set_metadata(std::string(schema::kSchemaVersionKey), ours);
            store.db_.commit();
        } else if (version != ours) {
            return make_error(ErrorCode::Corrupt, "database " + path + " has schema version " + version +
                                                      "; this build writes version " + ours + ": index into a new directory");
        }
        for (auto k = store.db_.metadata_keys_begin(std::string(kSourceKeyPrefix)); k != store.db_.metadata_keys_end(); ++k) {
            auto record = decode_record(store.db_.get_metadata(*k));
            if (!record) return make_error(ErrorCode::Corrupt, "database " + path + ": unreadable source record " + *k);
            store.records_.emplace((*k).substr(kSourceKeyPrefix.size()), std::move(*record));
        }
        for (auto t = store.db_.allterms_begin(kMeetingPrefix); t != store.db_.allterms_end(kMeetingPrefix); ++t) {
            store.meetings_.insert((*t).substr(kMeetingPrefix.size()));
        }
        for (const auto& [id, record] : store.records_) store.folders_[folder_of(record.path)].insert(id);
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, path));
    }
    return store;
}

void Store::begin() {
    if (in_transaction_) return;
    db_.begin_transaction(true);
    in_transaction_ = true;
}

std::optional<Store::ExistingMeeting> Store::find_meeting(const std::string& meeting_id) {
    if (!meetings_.count(meeting_id)) return std::nullopt;
    auto p = db_.postlist_begin("Q" + meeting_id);
    if (p == db_.postlist_end("Q" + meeting_id)) {
        meetings_.erase(meeting_id);
        return std::nullopt;
    }
    ExistingMeeting existing;
    existing.docid = *p;
    auto record = decode_meeting(db_.get_document(existing.docid).get_data());
    if (!record) return std::nullopt;
    existing.record = std::move(*record);
    return existing;
}

void Store::write_meeting(const MeetingRecord& meeting, Xapian::docid replace) {
    auto doc = meeting_document(meeting, source_ids(meeting));
    if (replace) {
        db_.replace_document(replace, doc);
    } else {
        db_.add_document(doc);
    }
    meetings_.insert(meeting.id);
}

void Store::put_record(const std::string& source_id, const SourceRecord& record) {
    db_.set_metadata(record_key(source_id), encode_record(record));
    records_[source_id] = record;
    folders_[folder_of(record.path)].insert(source_id);
}

void Store::drop_record(const std::string& source_id) {
    db_.set_metadata(record_key(source_id), "");
    if (auto r = records_.find(source_id); r != records_.end()) folders_[folder_of(r->second.path)].erase(source_id);
    records_.erase(source_id);
}

std::optional<std::string> Store::rendering_by_text(const SourceRecord& record, const PreparedMeeting& prepared) {
    auto folder = folders_.find(folder_of(record.path));
    if (folder == folders_.end() || prepared.sketch.minima.empty()) return std::nullopt;
    const std::string self = source_id_for(record.path);
    const std::string& date = prepared.meeting.date;
    std::optional<std::string> best;
    double best_share = kRenderingContainment;
    for (const auto& id : folder->second) {
        auto r = records_.find(id);
        if (id == self || r == records_.end() || r->second.items == 0 || !r->second.date ||
            r->second.meeting_id == prepared.meeting.id)
            continue;
        // One without a date, or both of the same date: two dates are two meetings, and two undated
        // files have nothing but their text to go by (parts of a sitting share a lot of it).
        const std::string& other_date = *r->second.date;
        if (date.empty() == other_date.empty() && (date.empty() || date != other_date)) continue;
        TextSketch other = decode_sketch(r->second.sketch);
        if (other.minima.empty()) continue;
        double share = containment(prepared.sketch, other);
        if (share >= best_share) {
            best_share = share;
            best = id;
        }
    }
    return best;
}

// Deletes what `path` contributed: its item documents, and its place in the meetings that list it.
// A meeting whose items came from `path` is deleted with them; its other renderings become orphans,
// indexed again afterwards (one of them then holds the meeting's items).
void Store::remove_contribution(const std::string& source_id, const std::string& path) {
    std::vector<Xapian::docid> docids;
    const std::string term = kSourcePrefix + source_id;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) docids.push_back(*p);
    for (auto docid : docids) {
        Xapian::Document doc = db_.get_document(docid);
        if (!is_meeting_document(doc)) {
            db_.delete_document(docid);
            continue;
        }
        auto meeting = decode_meeting(doc.get_data());
        if (!meeting) {
            db_.delete_document(docid);
            continue;
        }
        bool held_items = !meeting->sources.empty() && meeting->sources.front() == path;
        auto& sources = meeting->sources;
        sources.erase(std::remove(sources.begin(), sources.end(), path), sources.end());
        if (held_items || sources.empty()) {
            db_.delete_document(docid);
            meetings_.erase(meeting->id);
            for (const auto& other : sources) {
                drop_record(source_id_for(other));
                orphans_.push_back(other);
            }
        } else {
            write_meeting(*meeting, docid);
        }
    }
}

Result<Written> Store::apply(FileReport& report, SourceRecord record, std::optional<PreparedMeeting>& prepared,
                             bool touch_only, std::uint64_t bytes, const IndexOptions&) {
    Written written;
    try {
        const std::string source_id = source_id_for(record.path);
        if (report.outcome == FileOutcome::unchanged) {
            if (touch_only) {
                begin();
                put_record(source_id, record);
            }
            return written;
        }
        if (!prepared || report.outcome == FileOutcome::failed || report.outcome == FileOutcome::skipped) return written;

        begin();
        if (records_.count(source_id)) remove_contribution(source_id, record.path);

        auto existing = find_meeting(prepared->meeting.id);
        bool apart = false;  // another meeting of the same id: not a rendering of anything
        if (existing && !existing->record.sources.empty()) {
            // Same council, committee and date but another meeting: a special meeting before the regular
            // one (the start times differ), or another part of the sitting (a debate split over files:
            // different text). Either becomes a meeting document of its own. Two meetings of one body on
            // one day share their boilerplate (heading, attendance, closing formulae), which can make a
            // short one look contained in the other; the start time tells them apart.
            const auto& started = existing->record.start_time;
            bool other_start = !started.empty() && !prepared->meeting.start_time.empty() &&
                               started != prepared->meeting.start_time;
            auto holder = records_.find(source_id_for(existing->record.sources.front()));
            if (other_start || (holder != records_.end() && containment(prepared->sketch, decode_sketch(holder->second.sketch)) <
                                                                 kRenderingContainment)) {
                rekey_meeting(*prepared, source_id_for(prepared->meeting.id + '\x1f' + record.path));
                existing = find_meeting(prepared->meeting.id);
                apart = true;
            }
        }
        const bool dated = !prepared->meeting.date.empty();
        // Not by start time: one rendering prints the time the meeting was called for, the other the call
        // to order, hours later for a committee that sat after the Board (Denver).
        if (!existing && !apart) {
            if (auto other = rendering_by_text(record, *prepared)) {
                SourceRecord holder = records_.at(*other);
                if (dated && holder.date->empty()) {
                    // The undated meeting gives way: its holder becomes a rendering of this dated one.
                    remove_contribution(*other, holder.path);
                    holder.items = 0;
                    holder.passages = 0;
                    holder.meeting_id = prepared->meeting.id;
                    put_record(*other, holder);
                    prepared->meeting.sources.push_back(holder.path);
                    report.reason = "another rendering of this meeting, " + holder.path + ", prints no date: replaced by this one";
                } else {
                    // Another rendering of that meeting, decided below (a dated one holds the items).
                    rekey_meeting(*prepared, holder.meeting_id);
                    existing = find_meeting(holder.meeting_id);
                }
            }
        }
        MeetingRecord& meeting = prepared->meeting;
        record.sketch = encode_sketch(prepared->sketch);
        bool write_items = true;
        if (existing && !existing->record.sources.empty()) {
            const auto& old = existing->record;
            const std::string& holder = old.sources.front();
            // A dated rendering holds the items (results show when a meeting was); then the one that
            // recognised more items; then the smaller path, so that the choice does not hang on order.
            bool old_dated = !old.date.empty();
            bool wins = dated != old_dated ? dated
                                           : meeting.items.size() > old.items.size() ||
                                                 (meeting.items.size() == old.items.size() && record.path < holder);
            if (wins) {
                // This rendering holds the meeting's items from now on.
                db_.delete_document(kMeetingPrefix + meeting.id);
                for (const auto& other : old.sources) {
                    if (other == record.path) continue;
                    meeting.sources.push_back(other);
                    auto r = records_.find(source_id_for(other));
                    if (r != records_.end()) {
                        SourceRecord alternate = r->second;
                        alternate.items = 0;
                        alternate.passages = 0;
                        put_record(r->first, alternate);
                    }
                }
                for (const auto& a : old.acronyms) {
                    bool known = std::any_of(meeting.acronyms.begin(), meeting.acronyms.end(),
                                             [&](const Acronym& b) { return b.short_form == a.short_form; });
                    if (!known) meeting.acronyms.push_back(a);
                }
                report.reason = "another rendering of this meeting, " + holder + ", recognised fewer items (" +
                                std::to_string(old.items.size()) + " against " + std::to_string(meeting.items.size()) +
                                "): replaced by this one";
                existing.reset();
            } else {
                // Kept as an alternate rendering: listed in the meeting, not indexed twice.
                MeetingRecord kept = old;
                if (std::find(kept.sources.begin(), kept.sources.end(), record.path) == kept.sources.end())
                    kept.sources.push_back(record.path);
                write_meeting(kept, existing->docid);
                write_items = false;
                report.outcome = FileOutcome::skipped;
                report.reason = "same meeting as " + holder + ", which is indexed (" + std::to_string(old.items.size()) +
                                " items against " + std::to_string(meeting.items.size()) + " here)";
            }
        }
        record.meeting_id = meeting.id;
        record.date = meeting.date;
        if (write_items) {
            for (auto& doc : prepared->items) db_.add_document(doc);
            write_meeting(meeting, existing ? existing->docid : 0);
            written.items = prepared->items.size();
            written.meetings = 1;
            record.items = prepared->items.size();
            record.passages = prepared->passages;
            for (const auto& [word, n] : prepared->spelling) spelling_[word] += n;
            for (const auto& [key, value] : prepared->synonyms) db_.add_synonym(key, value);
        } else {
            written.meetings = 1;
            record.items = 0;
            record.passages = 0;
        }
        put_record(source_id, record);
        batch_documents_ += written.items + written.meetings;
        batch_bytes_ += bytes;
        prepared.reset();  // the documents are in Xapian's buffers now
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, path_));
    }
    return written;
}

Result<void> Store::remove_source(const std::string& source_id) {
    try {
        auto r = records_.find(source_id);
        if (r == records_.end()) return {};
        begin();
        std::string path = r->second.path;
        remove_contribution(source_id, path);
        drop_record(source_id);
        batch_documents_ += 1;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, path_));
    }
    return {};
}

Result<void> Store::maybe_commit(const IndexOptions& options) {
    if (batch_documents_ >= options.batch_documents || batch_bytes_ >= options.batch_bytes) return commit();
    return {};
}

Result<void> Store::commit() {
    if (!in_transaction_) return {};
    try {
        // Spelling frequencies are summed over the batch: one call per distinct word, not per occurrence.
        for (const auto& [word, n] : spelling_) db_.add_spelling(word, n);
        spelling_.clear();
        db_.commit_transaction();
        in_transaction_ = false;
        ++commits_;
        batch_documents_ = 0;
        batch_bytes_ = 0;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, path_));
    }
    return {};
}

void Store::abandon_batch() {
    spelling_.clear();
    batch_documents_ = 0;
    batch_bytes_ = 0;
    orphans_.clear();
    if (!in_transaction_) return;
    in_transaction_ = false;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // Nothing more to undo: the last commit stands.
    }
    // The in-memory view may hold changes that were cancelled: reload it from the last commit.
    records_.clear();
    meetings_.clear();
    try {
        for (auto k = db_.metadata_keys_begin(std::string(kSourceKeyPrefix)); k != db_.metadata_keys_end(); ++k) {
            if (auto record = decode_record(db_.get_metadata(*k))) records_.emplace((*k).substr(kSourceKeyPrefix.size()), *record);
        }
        for (auto t = db_.allterms_begin(kMeetingPrefix); t != db_.allterms_end(kMeetingPrefix); ++t)
            meetings_.insert((*t).substr(kMeetingPrefix.size()));
    } catch (const Xapian::Error&) {
        // The database is unusable; the next call reports it.
    }
}

bool Store::empty() const {
    try {
        return records_.empty() && db_.get_doccount() == 0;
    } catch (const Xapian::Error&) {
        return false;
    }
}

Result<void> Store::compact() {
    if (in_transaction_) return make_error(ErrorCode::InvalidArgument, "database " + path_ + ": compact with a batch open");
    const std::string compacting = path_ + ".compacting";
    const std::string previous = path_ + ".previous";
    std::error_code ec;
    std::filesystem::remove_all(compacting, ec);
    try {
        db_.compact(compacting);
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(compacting, ec);
        return tl::unexpected(translate_xapian_error(e, path_));
    }
    try {
        db_.close();  // releases the lock: the swap below must not pull the files from under our own writer
        std::filesystem::rename(path_, previous, ec);
        if (!ec) std::filesystem::rename(compacting, path_, ec);
        if (ec) {
            recover_compaction(path_);
        } else {
            std::filesystem::remove_all(previous, ec);
        }
        db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, path_));
    }
    if (ec) return make_error(ErrorCode::Io, "database " + path_ + ": compacted copy not swapped in: " + ec.message());
    return {};
}

std::vector<std::string> Store::take_orphans() {
    std::vector<std::string> out;
    std::swap(out, orphans_);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace minutes::index
