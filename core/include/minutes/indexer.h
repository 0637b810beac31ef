// The indexer: reads minutes files in parallel, recognises them and writes one Xapian document per agenda
// item and one per meeting (schema.h), in committed batches, under Xapian's single-writer lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "minutes/error.h"
#include "minutes/model.h"
#include "minutes/reader.h"

namespace minutes {

struct IndexOptions {
    // Worker threads that read, recognise and generate terms; 0 means one per core but one. One more
    // thread (the caller's) writes to the database, and it is the bottleneck: on 2 cores one worker
    // indexed ../shared/corpora in 26.9 s, two in 30.3 s (the same CPU time, spent competing with it).
    std::size_t threads = 0;
    // A batch is committed when it holds this many new or replaced documents...
    std::size_t batch_documents = 20000;
    // ...or when the source files behind it add up to this many bytes. A killed indexer loses at most
    // the batch in progress; the database holds exactly the batches committed before. Xapian buffers a
    // batch's postings and positions in std::maps (tens of times the source bytes): this is the main
    // memory bound, and the writer's cost grows with those maps, so small batches are faster too
    // (cleveland 2007, 15 MB: 2 MB batches took 23% less CPU and 33% less peak RSS than 16 MB).
    std::size_t batch_bytes = std::size_t{2} << 20;
    // Prepared documents waiting for the writer, counted in source bytes (the documents built from them
    // take about twenty times that). Workers wait while the queue is full. The single writer is the
    // bottleneck, so a longer queue buys no speed (cleveland-city-record, 61 MB: 8 MB queued gave a peak
    // RSS of 336 MB, 2 MB gave 197 MB, in the same time).
    std::size_t queue_bytes = std::size_t{2} << 20;
    // Re-index files even when their checksum says they are unchanged.
    bool force = false;
    // After an add() into an empty database (a bulk build), compact it (xapian-compact): the B-trees of
    // a fresh build are about half full, so this roughly halves the size. Done in a copy swapped in by
    // rename; a kill during it leaves the uncompacted database, which the next open() restores.
    bool compact_bulk_build = true;
    // File names skipped when found while walking a directory (corpus documentation, not minutes).
    // Files named explicitly on the command line are always indexed.
    std::vector<std::string> ignored_names{"README.md", "SOURCES.md", "LICENSE", "LICENSE.md", "MANIFEST.tsv"};
    // Per-file limits passed to the readers.
    ReadOptions read;
};

// What happened to one file.
enum class FileOutcome {
    added,      // new source, documents written
    replaced,   // source seen before with other content, its documents replaced
    unchanged,  // same size, time and checksum as when last indexed: skipped
    skipped,    // not indexed by policy (unsupported type, empty, no text, a rendering already indexed)
    failed,     // could not be read or written; the message says why
};
[[nodiscard]] std::string_view file_outcome_name(FileOutcome outcome);

struct FileReport {
    std::string path;
    FileOutcome outcome = FileOutcome::added;
    std::string format;  // "markdown", "pdf"...; "" when not detected
    std::string reason;  // for skipped and failed
};

struct IndexReport {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
    std::size_t failed = 0;
    std::size_t removed = 0;        // sources removed (remove, prune)
    std::size_t items_written = 0;  // item documents added or replaced
    std::size_t meetings_written = 0;
    std::size_t whole_document_items = 0;  // files with no recognised agenda items, indexed as one item
    std::size_t commits = 0;
    std::uint64_t bytes = 0;  // bytes of the source files read
    double seconds = 0;
    // Per format name: how many files had each outcome ("markdown" -> {"added" -> 3}).
    std::map<std::string, std::map<std::string, std::size_t>> per_format;
    std::vector<FileReport> files;  // every file considered, in the order finished

    [[nodiscard]] bool all_indexed() const { return failed == 0; }
};

// Progress while adding, reported from the writer thread after each file.
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    double seconds = 0;  // since add() began
};
using ProgressCallback = std::function<void(const IndexProgress&)>;

// Counts for `minutes-index stats`.
struct IndexStats {
    std::size_t documents = 0;
    std::size_t meetings = 0;
    std::size_t items = 0;
    std::size_t passages = 0;
    std::size_t sources = 0;  // source files recorded as indexed
    int schema_version = 0;
    // Meetings and items per council, committee and year (display names as printed).
    struct Count {
        std::size_t meetings = 0;
        std::size_t items = 0;
    };
    std::map<std::string, Count> per_council;
    std::map<std::string, Count> per_committee;
    std::map<std::string, Count> per_year;
    // Disagreements between the recorded sources and the documents (empty for a sound index).
    std::vector<std::string> problems;
};

// The writer of one database. Holds Xapian's write lock from open() until destroyed; a second writer
// on the same database gets ErrorCode::Locked. Not thread-safe: use one IndexWriter from one thread
// (it runs its own worker threads inside add()).
class IndexWriter {
public:
    // Opens or creates the database at `db`. Refuses a database of another schema version (Corrupt) and
    // one locked by another writer (Locked, "database DIR is locked by another indexer").
    [[nodiscard]] static Result<IndexWriter> open(const std::filesystem::path& db, const IndexOptions& options = {});

    IndexWriter(IndexWriter&&) noexcept;
    IndexWriter& operator=(IndexWriter&&) noexcept;
    ~IndexWriter();

    // Indexes files and directories (recursively), committing in batches. Per-file problems are in the
    // report (outcome failed or skipped); an Error is returned only when the database itself fails, after
    // which the batches already committed stay.
    [[nodiscard]] Result<IndexReport> add(const std::vector<std::filesystem::path>& paths,
                                          const ProgressCallback& progress = {});
    // Indexes minutes already recognised (tests, other front ends), as if read from minutes.source, and
    // commits. No checksum is recorded, so a later add() of that file indexes it again.
    [[nodiscard]] Result<IndexReport> add_minutes(const std::vector<Minutes>& minutes);
    // Removes the documents of these files (or of every indexed file under these directories), then
    // commits. A meeting also rendered by another indexed file is re-indexed from that file.
    [[nodiscard]] Result<IndexReport> remove(const std::vector<std::filesystem::path>& paths);
    // Removes the documents of indexed files that no longer exist, then commits.
    [[nodiscard]] Result<IndexReport> prune();

private:
    struct State;
    explicit IndexWriter(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Counts of a database, read-only (works while a writer is active, showing its last commit).
[[nodiscard]] Result<IndexStats> index_stats(const std::filesystem::path& db);

// The report and the stats as JSON (one object; paths and reasons as given), for scripts and tests.
[[nodiscard]] std::string index_report_json(const IndexReport& report);
[[nodiscard]] std::string index_stats_json(const IndexStats& stats);
// The report as the human-readable summary printed after a run: counts, per format, skipped and failed
// grouped by reason (at most `max_listed` files named per group).
[[nodiscard]] std::string index_report_summary(const IndexReport& report, std::size_t max_listed = 10);
[[nodiscard]] std::string index_stats_summary(const IndexStats& stats);

// The path under which a source file is recorded: absolute and lexically normal, so that remove and
// prune find it whatever the working directory.
[[nodiscard]] std::string source_path_key(const std::filesystem::path& path);

}  // namespace minutes
