// index_stats: counts of a minutes database, and a check that documents and source records agree.
#include <unordered_map>

#include <xapian.h>

#include "index_store.h"
#include "minutes/indexer.h"
#include "minutes/item_record.h"
#include "minutes/schema.h"

namespace minutes {

Result<IndexStats> index_stats(const std::filesystem::path& db_path) {
    const std::string path = db_path.string();
    std::error_code ec;
    if (!std::filesystem::is_directory(db_path, ec)) return make_error(ErrorCode::NotFound, "database " + path + ": no such directory");
    IndexStats stats;
    try {
        Xapian::Database db(path);
        std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
        stats.documents = db.get_doccount();
        if (version.empty()) {
            // Created by an indexer killed before its first commit: empty, not foreign.
            if (stats.documents == 0) return stats;
            return make_error(ErrorCode::Corrupt, "database " + path + " is not a minutes index");
        }
        stats.schema_version = std::stoi(version);

        std::unordered_map<std::string, index::SourceRecord> records;
        for (auto k = db.metadata_keys_begin(std::string(index::kSourceKeyPrefix)); k != db.metadata_keys_end(); ++k) {
            auto record = index::decode_record(db.get_metadata(*k));
            if (!record) {
                stats.problems.push_back("unreadable source record " + *k);
                continue;
            }
            records.emplace((*k).substr(index::kSourceKeyPrefix.size()), std::move(*record));
        }
        stats.sources = records.size();

        auto tally = [](std::map<std::string, IndexStats::Count>& into, const std::string& key, bool meeting) {
            auto& c = into[key.empty() ? "(unknown)" : key];
            if (meeting) ++c.meetings; else ++c.items;
        };
        std::unordered_map<std::string, std::size_t> items_per_source;
        std::unordered_map<std::string, std::size_t> passages_per_source;
        for (bool meeting : {true, false}) {
            std::string term = "XT" + std::string(meeting ? schema::kDocTypeMeeting : schema::kDocTypeItem);
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                Xapian::Document doc = db.get_document(*p);
                tally(stats.per_council, doc.get_value(schema::kSlotCouncil), meeting);
                tally(stats.per_committee, doc.get_value(schema::kSlotCommittee), meeting);
                tally(stats.per_year, doc.get_value(schema::kSlotYear), meeting);
                if (meeting) {
                    ++stats.meetings;
                    continue;
                }
                ++stats.items;
                auto item = decode_item(doc.get_data());
                if (!item) {
                    stats.problems.push_back("item document " + std::to_string(*p) + ": " + item.error().message);
                    continue;
                }
                stats.passages += item->passages.size();
                std::string source = source_id_for(item->source);
                ++items_per_source[source];
                passages_per_source[source] += item->passages.size();
                if (!records.count(source)) stats.problems.push_back("item " + item->id + " comes from " + item->source +
                                                                     ", which has no source record");
            }
        }
        for (const auto& [id, record] : records) {
            std::size_t items = items_per_source.count(id) ? items_per_source[id] : 0;
            if (items != record.items) {
                stats.problems.push_back(record.path + ": recorded " + std::to_string(record.items) + " items, index holds " +
                                         std::to_string(items));
            }
            if (record.items > 0 && passages_per_source[id] != record.passages) {
                stats.problems.push_back(record.path + ": recorded " + std::to_string(record.passages) +
                                         " passages, index holds " + std::to_string(passages_per_source[id]));
            }
        }
    } catch (const Xapian::Error& e) {
        return tl::unexpected(index::translate_xapian_error(e, path));
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Corrupt, "database " + path + ": " + e.what());
    }
    return stats;
}

}  // namespace minutes
