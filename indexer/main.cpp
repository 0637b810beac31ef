// minutes-index: reads minutes files, recognises their structure and writes them into a Xapian database.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "minutes/indexer.h"
#include "minutes/minutes_json.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"

namespace {

int run_inspect(const std::vector<std::string>& files, bool compact) {
    int status = 0;
    for (const auto& file : files) {
        auto text = minutes::read_source(file);
        if (!text) {
            std::cerr << "minutes-index: " << text.error().message << '\n';
            status = 1;  // like grep: some files could not be read
            continue;
        }
        std::cout << minutes::minutes_to_json(minutes::recognise(*text), compact ? -1 : 2) << '\n';
    }
    return status;
}

int fail(const minutes::Error& error) {
    std::cerr << "minutes-index: " << error.message << '\n';
    return minutes::exit_code_for(error);
}

// One line, rewritten in place, on a terminal only: files, bytes, rate and ETA.
class ProgressLine {
public:
    ProgressLine() : enabled_(isatty(STDERR_FILENO) == 1) {}
    void operator()(const minutes::IndexProgress& p) {
        if (!enabled_ || (p.seconds - last_ < 0.2 && p.files_done != p.files_total)) return;
        last_ = p.seconds;
        double mb = static_cast<double>(p.bytes_done) / (1024.0 * 1024.0);
        double total_mb = static_cast<double>(p.bytes_total) / (1024.0 * 1024.0);
        double rate = p.seconds > 0 ? mb / p.seconds : 0;
        double eta = rate > 0 ? (total_mb - mb) / rate : 0;
        std::fprintf(stderr, "\r  %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %.0f s   ", p.files_done, p.files_total, mb,
                     total_mb, rate, eta < 0 ? 0 : eta);
        if (p.files_done == p.files_total) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    bool enabled_;
    double last_ = -1;
};

// Paths listed one per line in FILE ("-" for standard input), read after the database is open and locked.
bool read_path_list(const std::string& from, std::vector<std::string>& paths) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (from != "-") {
        file.open(from);
        if (!file) return false;
        in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
        if (!line.empty()) paths.push_back(line);
    }
    return true;
}

struct WriteCommand {
    std::string db;
    std::vector<std::string> paths;
    std::string files_from;
    bool prune = false;
    bool json = false;
};

int print_report(const minutes::IndexReport& report, const WriteCommand& command) {
    if (command.json) {
        std::cout << minutes::index_report_json(report) << '\n';
    } else {
        std::cout << "minutes-index: " << command.db << ": " << minutes::index_report_summary(report);
    }
    return report.all_indexed() ? 0 : 1;
}

// --prune, if asked, then the report: the common end of add and remove.
int finish(minutes::IndexWriter& writer, minutes::IndexReport& report, const WriteCommand& command) {
    if (command.prune) {
        auto pruned = writer.prune();
        if (!pruned) return fail(pruned.error());
        report.removed += pruned->removed;
        report.files.insert(report.files.end(), pruned->files.begin(), pruned->files.end());
    }
    return print_report(report, command);
}

int run_add(const WriteCommand& command, const minutes::IndexOptions& options) {
    auto writer = minutes::IndexWriter::open(command.db, options);
    if (!writer) return fail(writer.error());
    std::vector<std::string> listed = command.paths;
    if (!command.files_from.empty() && !read_path_list(command.files_from, listed)) {
        return fail({minutes::ErrorCode::InvalidArgument, "--files-from " + command.files_from + ": cannot read"});
    }
    if (listed.empty() && !command.prune) {
        return fail({minutes::ErrorCode::InvalidArgument, "add: no PATH given (nor --files-from, nor --prune)"});
    }
    std::vector<std::filesystem::path> paths(listed.begin(), listed.end());
    ProgressLine progress;
    minutes::IndexReport report;
    if (!paths.empty()) {
        auto added = writer->add(paths, [&](const minutes::IndexProgress& p) { progress(p); });
        if (!added) return fail(added.error());
        report = std::move(*added);
    }
    return finish(*writer, report, command);
}

int run_remove(const WriteCommand& command) {
    if (command.paths.empty() && !command.prune) {
        return fail({minutes::ErrorCode::InvalidArgument, "remove: no PATH given (nor --prune)"});
    }
    auto writer = minutes::IndexWriter::open(command.db);
    if (!writer) return fail(writer.error());
    minutes::IndexReport report;
    if (!command.paths.empty()) {
        auto removed = writer->remove(std::vector<std::filesystem::path>(command.paths.begin(), command.paths.end()));
        if (!removed) return fail(removed.error());
        report = std::move(*removed);
    }
    return finish(*writer, report, command);
}

int run_stats(const std::string& db, bool json) {
    auto stats = minutes::index_stats(db);
    if (!stats) return fail(stats.error());
    std::cout << (json ? minutes::index_stats_json(*stats) + "\n" : minutes::index_stats_summary(*stats));
    return stats->problems.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        CLI::App app{"minutes-index: index local-government meeting minutes (text, markdown, HTML, PDF) into a "
                     "Xapian database for minutes-query and minutes-searchd."};
        app.require_subcommand(1);

        std::vector<std::string> inspect_files;
        bool compact = false;
        auto* inspect = app.add_subcommand(
            "inspect", "Print the structure recognised in FILEs as JSON (schema minutes/1), one document per file.");
        inspect->add_option("FILE", inspect_files, "Minutes files to inspect")->required();
        inspect->add_flag("--compact", compact, "One line of JSON per file instead of indented output");

        minutes::IndexOptions options;
        std::size_t batch_mb = options.batch_bytes >> 20;
        std::size_t queue_mb = options.queue_bytes >> 20;
        WriteCommand add_command;
        auto* add = app.add_subcommand(
            "add", "Index files and directories (recursively) into the database DIR; unchanged files are skipped. "
                   "Exit 0 when every file was indexed, 1 when some failed (the rest are committed).");
        add->add_option("--db", add_command.db, "Database directory (created when missing)")->required();
        add->add_option("PATH", add_command.paths, "Minutes files or directories");
        add->add_option("--files-from", add_command.files_from, "Also index the paths listed in FILE, one per line ('-': stdin)");
        add->add_option("--threads", options.threads, "Worker threads reading and recognising (0: one per core but one, left to the writer)")
            ->capture_default_str();
        add->add_option("--batch-documents", options.batch_documents, "Commit after this many documents")
            ->capture_default_str()->check(CLI::PositiveNumber);
        add->add_option("--batch-mb", batch_mb, "Commit after this many MB of source files")
            ->capture_default_str()->check(CLI::PositiveNumber);
        add->add_option("--queue-mb", queue_mb, "Memory bound: MB of source files prepared ahead of the writer")
            ->capture_default_str()->check(CLI::PositiveNumber);
        add->add_flag("--force", options.force, "Re-index files even when unchanged");
        add->add_flag("--prune", add_command.prune, "Also remove documents of indexed files that no longer exist");
        add->add_flag("--json", add_command.json, "Print the report as JSON instead of the summary");

        WriteCommand remove_command;
        auto* remove = app.add_subcommand("remove", "Remove the documents of files (or of every file under directories).");
        remove->add_option("--db", remove_command.db, "Database directory")->required();
        remove->add_option("PATH", remove_command.paths, "Indexed files or directories");
        remove->add_flag("--prune", remove_command.prune, "Remove documents of indexed files that no longer exist");
        remove->add_flag("--json", remove_command.json, "Print the report as JSON instead of the summary");

        std::string stats_db;
        bool stats_json = false;
        auto* stats = app.add_subcommand("stats", "Documents, meetings, items, passages, per council, committee and year.");
        stats->add_option("--db", stats_db, "Database directory")->required();
        stats->add_flag("--json", stats_json, "Print JSON instead of text");

        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            app.exit(e);
            return 2;
        }
        if (inspect->parsed()) return run_inspect(inspect_files, compact);
        if (add->parsed()) {
            options.batch_bytes = batch_mb << 20;
            options.queue_bytes = queue_mb << 20;
            return run_add(add_command, options);
        }
        if (remove->parsed()) return run_remove(remove_command);
        if (stats->parsed()) return run_stats(stats_db, stats_json);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "minutes-index: internal error: " << e.what() << '\n';
        return 3;
    }
}
