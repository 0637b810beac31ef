// The indexer's report and stats as JSON and as the summary printed after a run.
#include <cstdio>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "minutes/indexer.h"

namespace minutes {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// A reason without the file name in front, so that files failing alike are grouped.
std::string generic_reason(const FileReport& file) {
    std::string_view reason = file.reason;
    if (reason.size() > file.path.size() + 2 && reason.compare(0, file.path.size(), file.path) == 0 &&
        reason.compare(file.path.size(), 2, ": ") == 0)
        reason.remove_prefix(file.path.size() + 2);
    return std::string(reason);
}

void grouped(std::ostringstream& out, const IndexReport& report, FileOutcome outcome, std::size_t max_listed) {
    std::map<std::string, std::vector<std::string>> by_reason;
    for (const auto& f : report.files) {
        if (f.outcome == outcome) by_reason[generic_reason(f)].push_back(f.path);
    }
    if (by_reason.empty()) return;
    out << "  " << file_outcome_name(outcome) << ":\n";
    for (const auto& [reason, paths] : by_reason) {
        out << "    " << (reason.empty() ? "(no reason given)" : reason) << ": " << paths.size()
            << (paths.size() == 1 ? " file\n" : " files\n");
        for (std::size_t i = 0; i < paths.size() && i < max_listed; ++i) out << "      " << paths[i] << '\n';
        if (paths.size() > max_listed) out << "      ... and " << paths.size() - max_listed << " more\n";
    }
}

json counts_json(const std::map<std::string, IndexStats::Count>& counts) {
    json j = json::object();
    for (const auto& [name, c] : counts) j[name] = {{"meetings", c.meetings}, {"items", c.items}};
    return j;
}

}  // namespace

std::string index_report_json(const IndexReport& r) {
    json files = json::array();
    for (const auto& f : r.files) {
        json file{{"path", f.path}, {"outcome", std::string(file_outcome_name(f.outcome))}, {"format", f.format}};
        if (!f.reason.empty()) file["reason"] = f.reason;
        files.push_back(std::move(file));
    }
    json j{{"added", r.added},
           {"replaced", r.replaced},
           {"unchanged", r.unchanged},
           {"skipped", r.skipped},
           {"failed", r.failed},
           {"removed", r.removed},
           {"items_written", r.items_written},
           {"meetings_written", r.meetings_written},
           {"whole_document_items", r.whole_document_items},
           {"commits", r.commits},
           {"bytes", r.bytes},
           {"seconds", r.seconds},
           {"per_format", r.per_format},
           {"files", std::move(files)}};
    return dump(j);
}

std::string index_stats_json(const IndexStats& s) {
    json j{{"documents", s.documents},
           {"meetings", s.meetings},
           {"items", s.items},
           {"passages", s.passages},
           {"sources", s.sources},
           {"schema_version", s.schema_version},
           {"per_council", counts_json(s.per_council)},
           {"per_committee", counts_json(s.per_committee)},
           {"per_year", counts_json(s.per_year)},
           {"problems", s.problems}};
    return dump(j);
}

std::string index_report_summary(const IndexReport& r, std::size_t max_listed) {
    std::ostringstream out;
    double mb = static_cast<double>(r.bytes) / (1024.0 * 1024.0);
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f MB read in %.1f s (%.1f MB/s)", mb, r.seconds,
                  r.seconds > 0 ? mb / r.seconds : 0.0);
    out << "added " << r.added << ", replaced " << r.replaced << ", unchanged " << r.unchanged << ", skipped "
        << r.skipped << ", failed " << r.failed;
    if (r.removed) out << ", removed " << r.removed;
    out << "\n  " << r.items_written << " item documents and " << r.meetings_written << " meeting documents written, "
        << r.commits << " commits; " << rate << '\n';
    if (r.whole_document_items) {
        out << "  " << r.whole_document_items
            << " files had no recognised agenda items and were indexed as one item each\n";
    }
    if (!r.per_format.empty()) {
        out << "  per format:\n";
        for (const auto& [format, outcomes] : r.per_format) {
            out << "    " << format << ":";
            bool first = true;
            for (const auto& [outcome, n] : outcomes) {
                out << (first ? " " : ", ") << outcome << ' ' << n;
                first = false;
            }
            out << '\n';
        }
    }
    grouped(out, r, FileOutcome::skipped, max_listed);
    grouped(out, r, FileOutcome::failed, max_listed);
    return out.str();
}

std::string index_stats_summary(const IndexStats& s) {
    std::ostringstream out;
    out << "documents " << s.documents << ": meetings " << s.meetings << ", items " << s.items << ", passages "
        << s.passages << "; sources " << s.sources << "; schema " << s.schema_version << '\n';
    auto table = [&](const char* title, const std::map<std::string, IndexStats::Count>& counts) {
        out << title << ":\n";
        for (const auto& [name, c] : counts) out << "  " << name << ": meetings " << c.meetings << ", items " << c.items << '\n';
    };
    table("per council", s.per_council);
    table("per committee", s.per_committee);
    table("per year", s.per_year);
    if (!s.problems.empty()) {
        out << "problems:\n";
        for (const auto& p : s.problems) out << "  " << p << '\n';
    }
    return out.str();
}

}  // namespace minutes
