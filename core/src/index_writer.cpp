// IndexWriter: parallel read/recognise/term generation, one writer applying sources in committed batches,
// source records (checksums) in metadata, two renderings of one meeting kept as one.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "index_document.h"
#include "index_store.h"
#include "minutes/indexer.h"
#include "minutes/item_record.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "minutes/schema.h"

namespace minutes {

std::string_view file_outcome_name(FileOutcome outcome) {
    switch (outcome) {
        case FileOutcome::added: return "added";
        case FileOutcome::replaced: return "replaced";
        case FileOutcome::unchanged: return "unchanged";
        case FileOutcome::skipped: return "skipped";
        case FileOutcome::failed: return "failed";
    }
    return "";
}

std::string source_path_key(const std::filesystem::path& path) {
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec);
    if (ec) absolute = path;
    std::string key = absolute.lexically_normal().string();
    while (key.size() > 1 && key.back() == '/') key.pop_back();
    return key;
}

namespace {

using Clock = std::chrono::steady_clock;
using index::PreparedMeeting;
using index::SourceRecord;

const std::string kMeetingTerm = "XT" + std::string(schema::kDocTypeMeeting);

bool is_minutes_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::set<std::string> kKnown{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf"};
    return kKnown.count(ext) > 0;
}

std::string format_guess(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".md" || ext == ".markdown") return "markdown";
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
    if (ext == ".pdf") return "pdf";
    if (ext == ".txt" || ext == ".text") return "text";
    return "";
}

// A file found by walking the paths given to add(): either to be read, or already decided.
struct Candidate {
    std::string path;  // source_path_key
    std::uint64_t size = 0;
    std::optional<FileReport> decided;  // skipped or failed before reading
};

// The result of preparing one file on a worker thread.
struct Prepared {
    FileReport report;
    SourceRecord record;  // what to record for the file when written
    std::optional<PreparedMeeting> meeting;
    bool touch_only = false;  // content unchanged, only the modification time moved: update the record
    std::uint64_t bytes = 0;
};

// 64-bit checksum of a file's bytes, read in chunks: detects changed content, not an adversary.
Result<std::string> file_checksum(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::Io, path + ": cannot open for reading");
    std::uint64_t h = 0x9E3779B97F4A7C15ULL;
    std::vector<char> buffer(std::size_t{1} << 20);
    std::uint64_t total = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        total += got;
        std::size_t i = 0;
        for (; i + 8 <= got; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, buffer.data() + i, 8);
            h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        }
        for (; i < got; ++i) {
            h = (h ^ static_cast<unsigned char>(buffer[i])) * 0xC4CEB9FE1A85EC53ULL;
            h ^= h >> 29;
        }
    }
    if (in.bad()) return make_error(ErrorCode::Io, path + ": read error");
    h ^= total;
    char out[24];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return std::string(out);
}

std::int64_t mtime_of(const std::string& path) {
    std::error_code ec;
    auto t = std::filesystem::last_write_time(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(t.time_since_epoch().count());
}

// Bounded hand-over from the workers to the writer, counted in source bytes, delivered in file order:
// the index then does not depend on which worker finished first (two renderings or parts of one meeting
// are decided alike in every run), and the files committed before a kill are a prefix of the list.
class PreparedQueue {
public:
    explicit PreparedQueue(std::size_t capacity_bytes) : capacity_(std::max<std::size_t>(capacity_bytes, 1)) {}

    // Waits while the queue is full, except for the file the writer waits for (no deadlock) and a
    // file larger than the bound when the queue is empty. False when stopped.
    bool push(std::size_t index, Prepared item) {
        std::size_t cost = std::max<std::size_t>(static_cast<std::size_t>(item.bytes), 4096);
        std::unique_lock<std::mutex> lock(mutex_);
        not_full_.wait(lock, [&] {
            return stopped_ || index == next_ || waiting_.empty() || bytes_ + cost <= capacity_;
        });
        if (stopped_) return false;
        bytes_ += cost;
        waiting_.emplace(index, std::make_pair(cost, std::move(item)));
        if (index == next_) ready_.notify_one();
        return true;
    }

    // The next file in order.
    Prepared pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return waiting_.count(next_) > 0; });
        auto node = waiting_.extract(next_);
        ++next_;
        bytes_ -= node.mapped().first;
        not_full_.notify_all();
        return std::move(node.mapped().second);
    }

    void stop() {
        std::lock_guard<std::mutex> lock(mutex_);
        stopped_ = true;
        not_full_.notify_all();
    }

private:
    std::size_t capacity_;
    std::size_t bytes_ = 0;
    std::size_t next_ = 0;
    bool stopped_ = false;
    std::map<std::size_t, std::pair<std::size_t, Prepared>> waiting_;
    std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable ready_;
};

void count(IndexReport& report, const FileReport& file) {
    switch (file.outcome) {
        case FileOutcome::added: ++report.added; break;
        case FileOutcome::replaced: ++report.replaced; break;
        case FileOutcome::unchanged: ++report.unchanged; break;
        case FileOutcome::skipped: ++report.skipped; break;
        case FileOutcome::failed: ++report.failed; break;
    }
    std::string format = file.format.empty() ? "other" : file.format;
    ++report.per_format[format][std::string(file_outcome_name(file.outcome))];
    report.files.push_back(file);
}

void merge_into(IndexReport& into, const IndexReport& from) {
    into.added += from.added;
    into.replaced += from.replaced;
    into.unchanged += from.unchanged;
    into.skipped += from.skipped;
    into.failed += from.failed;
    into.removed += from.removed;
    into.items_written += from.items_written;
    into.meetings_written += from.meetings_written;
    into.whole_document_items += from.whole_document_items;
    into.commits += from.commits;
    into.bytes += from.bytes;
    for (const auto& [format, outcomes] : from.per_format) {
        for (const auto& [outcome, n] : outcomes) into.per_format[format][outcome] += n;
    }
    into.files.insert(into.files.end(), from.files.begin(), from.files.end());
}

// Reads, recognises and builds the documents of one file (worker thread; no database access).
Prepared prepare_file(const Candidate& candidate, const std::unordered_map<std::string, SourceRecord>& known,
                      const IndexOptions& options, index::DocumentBuilder& builder) {
    Prepared out;
    out.report.path = candidate.path;
    out.report.format = format_guess(candidate.path);
    out.bytes = candidate.size;
    auto fail = [&](FileOutcome outcome, std::string reason) {
        out.report.outcome = outcome;
        out.report.reason = std::move(reason);
        return std::move(out);
    };
    try {
        const std::string& path = candidate.path;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            // A FIFO or device would block or never end: only regular files are read.
            return fail(FileOutcome::failed, path + ": not a regular file");
        }
        std::string id = source_id_for(path);
        out.record.path = path;
        out.record.size = candidate.size;
        out.record.mtime = mtime_of(path);
        auto previous = known.find(id);
        bool seen = previous != known.end();
        if (seen && !options.force && previous->second.size == out.record.size &&
            previous->second.mtime == out.record.mtime && !previous->second.checksum.empty()) {
            if (!previous->second.format.empty()) out.report.format = previous->second.format;
            return fail(FileOutcome::unchanged, "");
        }
        auto checksum = file_checksum(path);
        if (!checksum) return fail(FileOutcome::failed, checksum.error().message);
        out.record.checksum = *checksum;
        if (seen && !options.force && previous->second.checksum == *checksum && previous->second.size == candidate.size) {
            out.record = previous->second;
            out.record.mtime = mtime_of(path);
            out.touch_only = true;
            if (!previous->second.format.empty()) out.report.format = previous->second.format;
            return fail(FileOutcome::unchanged, "");
        }
        auto text = read_source(path, options.read);
        if (!text) {
            auto code = text.error().code;
            bool policy = code == ErrorCode::Unsupported || (code == ErrorCode::InvalidArgument && candidate.size == 0);
            return fail(policy ? FileOutcome::skipped : FileOutcome::failed, text.error().message);
        }
        out.report.format = std::string(format_name(text->format));
        out.record.format = out.report.format;
        Minutes minutes = recognise(*text);
        minutes.source = path;
        bool whole = false;
        if (minutes.items.empty()) {
            if (!index::add_whole_document_item(minutes, *text)) {
                std::string reason = path + ": no text to index";
                if (!text->warnings.empty()) reason += " (" + text->warnings.front() + ")";
                return fail(FileOutcome::skipped, reason);
            }
            whole = true;
        }
        out.meeting = builder.build(minutes);
        out.meeting->whole_document = whole;
        out.report.outcome = seen ? FileOutcome::replaced : FileOutcome::added;
        return out;
    } catch (const Xapian::Error& e) {
        return fail(FileOutcome::failed, candidate.path + ": " + e.get_description());
    } catch (const std::exception& e) {
        return fail(FileOutcome::failed, candidate.path + ": " + e.what());
    }
}

}  // namespace

struct IndexWriter::State {
    std::string db_path;
    IndexOptions options;
    index::Store store;
};

IndexWriter::IndexWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
IndexWriter::~IndexWriter() = default;

Result<IndexWriter> IndexWriter::open(const std::filesystem::path& db, const IndexOptions& options) {
    auto store = index::Store::open(db.string());
    if (!store) return tl::unexpected(store.error());
    auto state = std::make_unique<State>();
    state->db_path = db.string();
    state->options = options;
    state->store = std::move(*store);
    return IndexWriter(std::move(state));
}

Result<IndexReport> IndexWriter::add(const std::vector<std::filesystem::path>& paths, const ProgressCallback& progress) {
    auto start = Clock::now();
    auto& store = state_->store;
    const auto& options = state_->options;
    IndexReport report;
    const bool bulk_build = store.empty();

    // Walk the paths given: what to read, and what is decided without reading.
    std::vector<Candidate> candidates;
    std::set<std::string> seen_paths;
    auto consider = [&](const std::filesystem::path& file, bool from_walk) {
        Candidate c;
        c.path = source_path_key(file);
        if (!seen_paths.insert(c.path).second) return;
        std::error_code ec;
        c.size = std::filesystem::file_size(file, ec);
        if (ec) c.size = 0;
        if (from_walk) {
            auto name = file.filename().string();
            if (std::find(options.ignored_names.begin(), options.ignored_names.end(), name) != options.ignored_names.end()) {
                c.decided = FileReport{c.path, FileOutcome::skipped, format_guess(file), "ignored name (corpus documentation)"};
            } else if (!is_minutes_extension(file)) {
                std::string ext = file.extension().string();
                c.decided = FileReport{c.path, FileOutcome::skipped, "",
                                       "unsupported file type '" + (ext.empty() ? std::string("(none)") : ext) + "'"};
            }
        }
        candidates.push_back(std::move(c));
    };
    for (const auto& path : paths) {
        std::error_code ec;
        auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status)) {
            Candidate c;
            c.path = source_path_key(path);
            c.decided = FileReport{c.path, FileOutcome::failed, "", path.string() + ": no such file or directory"};
            candidates.push_back(std::move(c));
        } else if (std::filesystem::is_directory(status)) {
            std::vector<std::filesystem::path> files;
            std::filesystem::recursive_directory_iterator it(
                path, std::filesystem::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                auto name = it->path().filename().string();
                std::error_code type_ec;
                if (!name.empty() && name[0] == '.') {  // hidden files and directories (.git)
                    if (it->is_directory(type_ec)) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(type_ec)) files.push_back(it->path());
            }
            if (ec) {
                Candidate c;
                c.path = source_path_key(path);
                c.decided = FileReport{c.path, FileOutcome::failed, "", path.string() + ": " + ec.message()};
                candidates.push_back(std::move(c));
            }
            std::sort(files.begin(), files.end());
            for (const auto& f : files) consider(f, true);
        } else {
            consider(path, false);
        }
    }

    // One order whatever order the paths came in, so that a run, a resumed run and a run on a file list
    // decide renderings and parts of a meeting alike.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.path < b.path; });

    IndexProgress status;
    status.files_total = candidates.size();
    for (const auto& c : candidates) status.bytes_total += c.decided ? 0 : c.size;

    // Workers prepare files in parallel; this thread writes them, in the order they are ready.
    std::unordered_map<std::string, SourceRecord> known = store.records();
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    PreparedQueue queue(options.queue_bytes);
    std::size_t threads =
        options.threads ? options.threads : std::max(2u, std::thread::hardware_concurrency()) - 1;
    threads = std::min(threads, std::max<std::size_t>(candidates.size(), 1));
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            index::DocumentBuilder builder;
            for (;;) {
                std::size_t i = next.fetch_add(1);
                if (i >= candidates.size() || stop.load()) return;
                Prepared prepared;
                if (candidates[i].decided) {
                    prepared.report = *candidates[i].decided;
                } else {
                    prepared = prepare_file(candidates[i], known, options, builder);
                }
                if (!queue.push(i, std::move(prepared))) return;
            }
        });
    }
    auto join = [&] {
        stop = true;
        queue.stop();
        for (auto& w : workers) w.join();
        workers.clear();
    };

    std::optional<Error> fatal;
    for (std::size_t done = 0; done < candidates.size(); ++done) {
        Prepared prepared = queue.pop();
        bool whole_document = prepared.meeting && prepared.meeting->whole_document;
        auto written = store.apply(prepared.report, prepared.record, prepared.meeting, prepared.touch_only,
                                   prepared.bytes, options);
        if (!written) {
            fatal = written.error();
            break;
        }
        report.items_written += written->items;
        report.meetings_written += written->meetings;
        if (whole_document && written->items > 0) ++report.whole_document_items;
        if (!prepared.report.path.empty() && prepared.report.outcome != FileOutcome::failed &&
            prepared.report.outcome != FileOutcome::unchanged)
            report.bytes += prepared.bytes;
        count(report, prepared.report);
        status.files_done = done + 1;
        status.bytes_done += prepared.bytes;
        status.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (progress) progress(status);
        auto committed = store.maybe_commit(options);
        if (!committed) {
            fatal = committed.error();
            break;
        }
    }
    join();
    if (fatal) {
        store.abandon_batch();
        return tl::unexpected(*fatal);
    }
    auto committed = store.commit();
    if (!committed) return tl::unexpected(committed.error());
    report.commits = store.commits();
    if (bulk_build && options.compact_bulk_build && report.items_written > 0) {
        auto compacted = store.compact();
        if (!compacted) return tl::unexpected(compacted.error());
    }

    // A meeting whose indexed rendering was replaced by a file now showing another meeting lost its
    // items; its other renderings are indexed again.
    auto orphans = store.take_orphans();
    if (!orphans.empty()) {
        std::vector<std::filesystem::path> again;
        for (const auto& path : orphans) {
            if (std::filesystem::exists(path)) again.emplace_back(path);
        }
        if (!again.empty()) {
            auto more = add(again, {});
            if (!more) return tl::unexpected(more.error());
            merge_into(report, *more);
        }
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return report;
}

Result<IndexReport> IndexWriter::add_minutes(const std::vector<Minutes>& minutes) {
    auto& store = state_->store;
    IndexReport report;
    index::DocumentBuilder builder;
    for (const auto& m : minutes) {
        Minutes copy = m;
        copy.source = source_path_key(m.source);
        Prepared prepared;
        prepared.report.path = copy.source;
        prepared.report.format = std::string(format_name(copy.format));
        prepared.record.path = copy.source;
        prepared.record.format = prepared.report.format;
        bool seen = store.records().count(source_id_for(copy.source)) > 0;
        prepared.report.outcome = seen ? FileOutcome::replaced : FileOutcome::added;
        if (copy.items.empty()) {
            prepared.report.outcome = FileOutcome::skipped;
            prepared.report.reason = copy.source + ": no agenda items";
        } else {
            prepared.meeting = builder.build(copy);
        }
        auto written = store.apply(prepared.report, prepared.record, prepared.meeting, false, 0, state_->options);
        if (!written) {
            store.abandon_batch();
            return tl::unexpected(written.error());
        }
        report.items_written += written->items;
        report.meetings_written += written->meetings;
        count(report, prepared.report);
    }
    auto committed = store.commit();
    if (!committed) return tl::unexpected(committed.error());
    report.commits = store.commits();
    return report;
}

Result<IndexReport> IndexWriter::remove(const std::vector<std::filesystem::path>& paths) {
    auto& store = state_->store;
    IndexReport report;
    auto records = store.records();
    for (const auto& path : paths) {
        std::string key = source_path_key(path);
        std::vector<std::string> ids;
        for (const auto& [id, record] : records) {
            if (record.path == key || (record.path.size() > key.size() && record.path.compare(0, key.size(), key) == 0 &&
                                       (key == "/" || record.path[key.size()] == '/')))
                ids.push_back(id);
        }
        if (ids.empty()) {
            count(report, FileReport{key, FileOutcome::failed, "", path.string() + ": not in the index"});
            continue;
        }
        std::sort(ids.begin(), ids.end(), [&](const auto& a, const auto& b) { return records[a].path < records[b].path; });
        for (const auto& id : ids) {
            auto removed = store.remove_source(id);
            if (!removed) {
                store.abandon_batch();
                return tl::unexpected(removed.error());
            }
            ++report.removed;
            report.files.push_back(FileReport{records[id].path, FileOutcome::skipped, records[id].format, "removed"});
            records.erase(id);
        }
    }
    auto committed = store.commit();
    if (!committed) return tl::unexpected(committed.error());
    auto orphans = store.take_orphans();
    std::vector<std::filesystem::path> again;
    for (const auto& p : orphans) {
        if (std::filesystem::exists(p)) again.emplace_back(p);
    }
    if (!again.empty()) {
        auto more = add(again, {});
        if (!more) return tl::unexpected(more.error());
        merge_into(report, *more);
    }
    report.commits = store.commits();
    return report;
}

Result<IndexReport> IndexWriter::prune() {
    std::vector<std::filesystem::path> gone;
    for (const auto& [id, record] : state_->store.records()) {
        std::error_code ec;
        if (!std::filesystem::exists(record.path, ec) && !ec) gone.emplace_back(record.path);
    }
    std::sort(gone.begin(), gone.end());
    if (gone.empty()) return IndexReport{};
    return remove(gone);
}

}  // namespace minutes
