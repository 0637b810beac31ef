// minutes-relevance: ranks a judged query set with the minutes search core and with a plain SQLite FTS5
// BM25 baseline over the very same agenda items, and prints nDCG@10, MRR and recall@100 for both.
#include <sqlite3.h>
#include <xapian.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "minutes/indexer.h"
#include "minutes/normalise.h"
#include "minutes/relevance.h"
#include "minutes/search.h"

namespace fs = std::filesystem;
using namespace minutes;

namespace {

constexpr std::size_t kDepth = 100;  // hits ranked per query (recall@100)

struct IndexedItem {
    std::string file;    // relative to the corpus directory
    std::string source;  // the path as indexed
    std::string text;    // title and passages
    std::string committee_key;
};

std::string relative_file(const std::string& source, const fs::path& corpus) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::path(source), ec);
    fs::path rel = abs.lexically_relative(corpus);
    return rel.empty() ? source : rel.generic_string();
}

bool in_folder(const std::string& file, const std::string& folder) {
    return file.size() > folder.size() && file.compare(0, folder.size(), folder) == 0 && file[folder.size()] == '/';
}

// Word sequence containment on facet keys: "children and families" in "children and families overview...".
bool committee_matches(const std::string& committee_key, const std::string& wanted) {
    std::string padded = " " + committee_key + " ";
    return padded.find(" " + facet_key(wanted) + " ") != std::string::npos;
}

std::string filter_value(const JudgedQuery& q, const std::string& key) {
    for (const auto& [k, v] : q.filters) {
        if (k == key) return v;
    }
    return {};
}

// Our engine: the same search core as minutes-query, one hit per agenda item, filters applied.
Result<std::vector<RankedHit>> rank_ours(Searcher& searcher, const JudgedQuery& q,
                                         const std::map<std::string, IndexedItem>& items) {
    SearchOptions options;
    options.query = q.text;
    std::string committee = filter_value(q, "committee");
    if (!committee.empty()) options.committees.push_back(committee);
    // The council= filter names a corpus folder: the search is restricted to the files indexed from it.
    std::string folder = filter_value(q, "council");
    if (!folder.empty()) {
        std::set<std::string> sources;
        for (const auto& [id, item] : items) {
            if (in_folder(item.file, folder)) sources.insert(item.source);
        }
        options.sources.assign(sources.begin(), sources.end());
    }
    options.limit = config::kMaxPageSize;
    std::vector<RankedHit> ranked;
    while (ranked.size() < kDepth && options.offset + options.limit <= config::kMaxResultDepth) {
        auto response = searcher.search(options);
        if (!response) return tl::unexpected(response.error());
        for (const auto& hit : response->hits) {
            auto it = items.find(hit.item_id);
            if (it == items.end()) continue;
            ranked.push_back({it->second.file, it->second.text});
            if (ranked.size() == kDepth) break;
        }
        if (response->hits.size() < options.limit) break;
        options.offset += options.limit;
    }
    return ranked;
}

class Fts5Baseline {
public:
    Fts5Baseline() {
        sqlite3_open(":memory:", &db_);
        exec("CREATE VIRTUAL TABLE items USING fts5(title, body, file UNINDEXED, committee UNINDEXED, "
             "tokenize='porter unicode61')");
        sqlite3_prepare_v2(db_, "INSERT INTO items(title, body, file, committee) VALUES (?,?,?,?)", -1, &insert_,
                           nullptr);
        exec("BEGIN");
    }
    ~Fts5Baseline() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    Fts5Baseline(const Fts5Baseline&) = delete;
    Fts5Baseline& operator=(const Fts5Baseline&) = delete;

    void add(const ItemRecord& item, const IndexedItem& indexed) {
        std::string body;
        for (const auto& p : item.passages) body += p.text + "\n";
        sqlite3_bind_text(insert_, 1, item.title.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert_, 2, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert_, 3, indexed.file.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert_, 4, indexed.committee_key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(insert_);
        sqlite3_reset(insert_);
        texts_.push_back(indexed);
    }
    void finish() { exec("COMMIT"); }

    // The same words, each quoted, OR-ed: plain BM25 ranks items by how many and how rare.
    std::vector<RankedHit> rank(const JudgedQuery& q) {
        std::string match;
        std::string word;
        auto flush = [&]() {
            if (word.empty()) return;
            if (!match.empty()) match += " OR ";
            match += "\"" + word + "\"";
            word.clear();
        };
        for (char c : q.text) {
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) word += c;
            else flush();
        }
        flush();
        std::vector<RankedHit> ranked;
        if (match.empty()) return ranked;
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db_, "SELECT rowid FROM items WHERE items MATCH ? ORDER BY bm25(items)", -1, &stmt, nullptr);
        sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        std::string folder = filter_value(q, "council");
        std::string committee = filter_value(q, "committee");
        while (sqlite3_step(stmt) == SQLITE_ROW && ranked.size() < kDepth) {
            const auto& item = texts_[static_cast<std::size_t>(sqlite3_column_int64(stmt, 0) - 1)];
            if (!folder.empty() && !in_folder(item.file, folder)) continue;
            if (!committee.empty() && !committee_matches(item.committee_key, committee)) continue;
            ranked.push_back({item.file, item.text});
        }
        sqlite3_finalize(stmt);
        return ranked;
    }

private:
    void exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    std::vector<IndexedItem> texts_;  // by rowid - 1
};

// Judged rows that no indexed item can match (the file holds no items: a second rendering of a meeting
// indexed once; or the phrase is in no item: text the recogniser dropped or split). They count in every
// engine's ideal DCG alike; listing them tells ranking from recognition. Also the best nDCG@10 a ranking
// of these items could reach: every reachable row first, in grade order.
void report_unreachable(const std::vector<JudgedQuery>& queries, const std::map<std::string, IndexedItem>& items) {
    std::map<std::string, std::vector<std::string>> texts;  // file -> matching texts of its items
    for (const auto& [id, item] : items) texts[item.file].push_back(matching_text(item.text));
    std::size_t rows = 0, no_items = 0, no_phrase = 0;
    double best_sum = 0;
    for (const auto& q : queries) {
        std::vector<Judgment> reachable;
        for (const auto& j : q.judgments) {
            ++rows;
            auto it = texts.find(j.file);
            if (it == texts.end()) {
                ++no_items;
                std::fprintf(stderr, "unreachable %s (grade %d): %s holds no indexed item\n", q.id.c_str(), j.grade,
                             j.file.c_str());
                continue;
            }
            std::string phrase = matching_text(j.phrase);
            bool found = std::any_of(it->second.begin(), it->second.end(),
                                     [&](const std::string& t) { return t.find(phrase) != std::string::npos; });
            if (!found) {
                ++no_phrase;
                std::fprintf(stderr, "unreachable %s (grade %d): \"%s\" is in no item of %s\n", q.id.c_str(),
                             j.grade, j.phrase.c_str(), j.file.c_str());
                continue;
            }
            reachable.push_back(j);
        }
        std::stable_sort(reachable.begin(), reachable.end(),
                         [](const Judgment& a, const Judgment& b) { return a.grade > b.grade; });
        std::vector<RankedHit> best;
        for (const auto& j : reachable) best.push_back({j.file, j.phrase});
        best_sum += evaluate_ranking(q, best).ndcg_at_10;
    }
    std::printf("judged rows %zu; unreachable: %zu in files holding no item, %zu whose phrase is in no item\n", rows,
                no_items, no_phrase);
    if (!queries.empty())
        std::printf("best nDCG@10 reachable (every reachable row first, in grade order): %.3f\n",
                    best_sum / static_cast<double>(queries.size()));
}

// For --explain: how often each query word occurs in a text, counting words that share its first five
// letters ("vanda" counts vandals and vandalised), as "bridge:3 naming:0".
std::string word_counts(const std::string& query, const std::string& matching) {
    std::string out, word;
    auto flush = [&]() {
        if (word.empty()) return;
        std::string stem = matching_text(word).substr(0, 5);
        std::size_t n = 0;
        for (std::size_t at = matching.find(stem); at != std::string::npos; at = matching.find(stem, at + 1)) {
            if (at == 0 || !std::isalnum(static_cast<unsigned char>(matching[at - 1]))) ++n;
        }
        out += (out.empty() ? "" : " ") + word + ":" + std::to_string(n);
        word.clear();
    };
    for (char c : query) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) word += c;
        else flush();
    }
    flush();
    return out;
}

// --explain: the first ten hits of a ranking with their gains, then the judged rows they left out.
void explain(const char* engine, const JudgedQuery& q, const std::vector<RankedHit>& ranked, const QueryMetrics& m,
             std::size_t text_chars) {
    std::printf("  %s:\n", engine);
    for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
        std::string head = ranked[i].text.substr(0, ranked[i].text.find('\n')).substr(0, 60);
        std::string text = matching_text(ranked[i].text);
        auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
        std::printf("   %2zu g%d %6zuw %-50s %-40s %s\n", i + 1, m.gains[i], words, ranked[i].file.substr(0, 50).c_str(),
                    head.substr(0, 40).c_str(), word_counts(q.text, text).c_str());
        if (text_chars > 0) std::printf("        %s\n", text.substr(0, text_chars).c_str());
    }
    for (const auto& j : q.judgments) {
        std::string phrase = matching_text(j.phrase);
        bool top = false;
        for (std::size_t i = 0; i < ranked.size() && i < 10 && !top; ++i)
            top = ranked[i].file == j.file && matching_text(ranked[i].text).find(phrase) != std::string::npos;
        if (top) continue;
        // Where it is (1-based rank within the first kDepth, 0 if absent) and how long the item is.
        std::size_t at = 0, words = 0;
        for (std::size_t i = 0; i < ranked.size() && at == 0; ++i) {
            if (ranked[i].file != j.file) continue;
            std::string text = matching_text(ranked[i].text);
            if (text.find(phrase) == std::string::npos) continue;
            at = i + 1;
            words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
        }
        if (at > 0)
            std::printf("   missed g%d at %zu (%zu words; %s) %s \"%s\"\n", j.grade, at, words,
                        word_counts(q.text, matching_text(ranked[at - 1].text)).c_str(), j.file.c_str(),
                        j.phrase.c_str());
        else
            std::printf("   missed g%d not ranked %s \"%s\"\n", j.grade, j.file.c_str(), j.phrase.c_str());
    }
}

// Ranking factors by name, for --set and --ablate.
std::vector<std::pair<std::string, double*>> factors(RankingWeights& w) {
    return {{"k1", &w.k1},
            {"b", &w.b},
            {"coordination", &w.coordination},
            {"exact", &w.exact},
            {"title", &w.title},
            {"phrase", &w.phrase},
            {"proximity", &w.proximity},
            {"span", &w.span},
            {"span_each", &w.span_each},
            {"decision", &w.decision},
            {"synonym_phrase", &w.synonym_phrase},
            {"spelling", &w.spelling},
            {"stem_prefix", &w.stem_prefix},
            {"compound", &w.compound},
            {"split", &w.split},
            {"initials", &w.initials},
            {"rarest", &w.rarest}};
}

bool set_factor(RankingWeights& w, const std::string& assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string::npos) return false;
    std::string name = assignment.substr(0, eq);
    if (name == "any_word") {
        w.any_word = assignment.substr(eq + 1) != "0";
        return true;
    }
    for (auto& [n, field] : factors(w)) {
        if (n == name) {
            *field = std::atof(assignment.c_str() + eq + 1);
            return true;
        }
    }
    return false;
}

struct Totals {
    double ndcg = 0, mrr = 0, recall = 0;
    void add(const QueryMetrics& m) {
        ndcg += m.ndcg_at_10;
        mrr += m.reciprocal_rank;
        recall += m.recall_at_100;
    }
};

int run(const std::string& qrels_path, const fs::path& corpus, std::string db, bool keep_going, bool explaining,
        std::size_t text_chars, const std::string& only, const RankingWeights& weights, bool ablate) {
    std::ifstream in(qrels_path);
    if (!in) {
        std::cerr << "minutes-relevance: " << qrels_path << ": cannot open\n";
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto queries = parse_judged_queries(buffer.str(), qrels_path);
    if (!queries) {
        std::cerr << "minutes-relevance: " << queries.error().message << '\n';
        return 2;
    }
    if (!only.empty()) {
        std::string wanted = "," + only + ",";
        queries->erase(std::remove_if(queries->begin(), queries->end(),
                                      [&](const JudgedQuery& q) { return wanted.find("," + q.id + ",") == std::string::npos; }),
                       queries->end());
        if (queries->empty()) {
            std::cerr << "minutes-relevance: --only " << only << ": no such query\n";
            return 2;
        }
    }

    fs::path temp;
    if (db.empty()) {
        std::string pattern = (fs::temp_directory_path() / "minutes-relevance-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) return 3;
        temp = pattern;
        db = (temp / "index").string();
    }
    if (!fs::exists(fs::path(db) / "iamglass")) {
        std::cerr << "indexing " << corpus.string() << " into " << db << " ...\n";
        auto writer = IndexWriter::open(db);
        if (!writer) {
            std::cerr << "minutes-relevance: " << writer.error().message << '\n';
            return 3;
        }
        auto report = writer->add({corpus});
        if (!report) {
            std::cerr << "minutes-relevance: " << report.error().message << '\n';
            return 3;
        }
        std::cerr << index_report_summary(*report, 3);
    }

    std::map<std::string, IndexedItem> items;
    Fts5Baseline baseline;
    auto loaded = for_each_indexed_item(db, [&](const ItemRecord& item) {
        IndexedItem indexed;
        indexed.file = relative_file(item.source, corpus);
        indexed.source = item.source;
        indexed.text = item.title;
        for (const auto& p : item.passages) indexed.text += "\n" + p.text;
        indexed.committee_key = facet_key(item.committee);
        baseline.add(item, indexed);
        items.emplace(item.id, std::move(indexed));
    });
    if (!loaded) {
        std::cerr << "minutes-relevance: " << loaded.error().message << '\n';
        return 3;
    }
    baseline.finish();

    auto searcher = Searcher::open({db});
    if (!searcher) {
        std::cerr << "minutes-relevance: " << searcher.error().message << '\n';
        return 3;
    }

    searcher->set_ranking(weights);
    if (ablate) {
        // Each factor off in turn (any_word: all words required), against all factors as given.
        auto mean_ndcg = [&](const RankingWeights& w) {
            searcher->set_ranking(w);
            double sum = 0;
            for (const auto& q : *queries) {
                auto ranked = rank_ours(*searcher, q, items);
                if (ranked) sum += evaluate_ranking(q, *ranked).ndcg_at_10;
            }
            return sum / static_cast<double>(queries->size());
        };
        double all = mean_ndcg(weights);
        std::printf("ablation: nDCG@10 with every factor %.3f\n", all);
        RankingWeights without = weights;
        without.any_word = false;
        std::printf("  %-16s off: %.3f (gain %+.3f)\n", "any_word", mean_ndcg(without), all - mean_ndcg(without));
        RankingWeights probe = weights;
        for (auto& [name, field] : factors(probe)) {
            if (name == "k1" || name == "b" || name == "span_each") continue;
            double kept = *field;
            *field = 0;
            double off = mean_ndcg(probe);
            *field = kept;
            std::printf("  %-16s off: %.3f (gain %+.3f)\n", name.c_str(), off, all - off);
        }
        searcher->set_ranking(weights);
    }
    std::set<std::string> files;
    for (const auto& [id, item] : items) files.insert(item.file);
    std::printf("engine minutes %s (Xapian %s); baseline SQLite %s FTS5\n", MINUTES_VERSION, Xapian::version_string(),
                sqlite3_libversion());
    std::printf("corpus %s: %zu files holding %zu agenda items; %zu judged queries\n", corpus.string().c_str(),
                files.size(), items.size(), queries->size());
    report_unreachable(*queries, items);
    std::printf("%-5s %-40s %5s  %7s %7s  %7s %7s  %7s %7s\n", "id", "query", "rows", "nDCG", "FTS5", "MRR", "FTS5",
                "R@100", "FTS5");
    Totals ours_total, base_total;
    double ndcg_single = 0, ndcg_many = 0;
    int single = 0, many = 0;
    int failed = 0;
    std::vector<std::string> lost;  // grade-3 rows in the baseline's first ten but not in ours
    for (const auto& q : *queries) {
        auto ranked = rank_ours(*searcher, q, items);
        QueryMetrics ours;
        if (ranked) {
            ours = evaluate_ranking(q, *ranked);
        } else {
            std::fprintf(stderr, "%s: %s\n", q.id.c_str(), ranked.error().message.c_str());
            ++failed;
        }
        auto base_ranked = baseline.rank(q);
        auto base = evaluate_ranking(q, base_ranked);
        auto in_top10 = [&q](const std::vector<RankedHit>& hits, const Judgment& j) {
            std::string phrase = matching_text(j.phrase);
            for (std::size_t i = 0; i < hits.size() && i < 10; ++i) {
                if (hits[i].file == j.file && matching_text(hits[i].text).find(phrase) != std::string::npos)
                    return true;
            }
            return false;
        };
        for (const auto& j : q.judgments) {
            if (j.grade == 3 && in_top10(base_ranked, j) && !(ranked && in_top10(*ranked, j)))
                lost.push_back(q.id + " " + j.file + " \"" + j.phrase + "\"");
        }
        ours_total.add(ours);
        base_total.add(base);
        if (q.judgments.size() == 1) ndcg_single += ours.ndcg_at_10, ++single;
        if (q.judgments.size() >= 10) ndcg_many += ours.ndcg_at_10, ++many;
        std::string text = q.text.size() > 40 ? q.text.substr(0, 37) + "..." : q.text;
        std::printf("%-5s %-40s %5zu  %7.3f %7.3f  %7.3f %7.3f  %7.3f %7.3f\n", q.id.c_str(), text.c_str(),
                    q.judgments.size(), ours.ndcg_at_10, base.ndcg_at_10, ours.reciprocal_rank, base.reciprocal_rank,
                    ours.recall_at_100, base.recall_at_100);
        if (explaining) {
            if (ranked) explain("ours", q, *ranked, ours, text_chars);
            explain("FTS5", q, base_ranked, base, text_chars);
        }
    }
    std::printf("grade-3 rows in the baseline's first ten but not in ours: %zu\n", lost.size());
    for (const auto& l : lost) std::printf("  %s\n", l.c_str());
    double n = static_cast<double>(queries->size());
    if (single > 0) std::printf("nDCG@10 mean over %d queries with one judged row: %.3f\n", single, ndcg_single / single);
    if (many > 0) std::printf("nDCG@10 mean over %d queries with ten or more: %.3f\n", many, ndcg_many / many);
    double ours_ndcg = ours_total.ndcg / n;
    double base_ndcg = base_total.ndcg / n;
    std::printf("FTS5 baseline: nDCG@10 %.3f MRR %.3f recall@100 %.3f\n", base_ndcg, base_total.mrr / n,
                base_total.recall / n);
    std::printf("nDCG@10 %.3f (FTS5 baseline %.3f, ratio %.2f) MRR %.3f recall@100 %.3f\n", ours_ndcg, base_ndcg,
                base_ndcg > 0 ? ours_ndcg / base_ndcg : 0.0, ours_total.mrr / n, ours_total.recall / n);
    if (!temp.empty()) {
        std::error_code ec;
        fs::remove_all(temp, ec);
    }
    return failed > 0 && !keep_going ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        CLI::App app{"minutes-relevance: evaluate ranking on a judged query set (../shared/relevance/README.md "
                     "format) against a plain SQLite FTS5 BM25 baseline over the same agenda items."};
        std::string qrels;
        std::string corpus;
        std::string db;
        bool keep_going = false;
        bool explaining = false;
        bool ablate = false;
        std::size_t text_chars = 0;
        std::string only;
        std::vector<std::string> settings;
        app.add_option("QRELS", qrels, "Judged query set (TSV)")->required();
        app.add_option("CORPUS_DIR", corpus, "Corpus directory the judged files are relative to")->required();
        app.add_option("--db", db, "Use (or build, when absent) the index here instead of a temporary one");
        app.add_flag("--keep-going", keep_going, "Exit 0 even when some queries fail");
        app.add_option("--set", settings, "Ranking factor NAME=VALUE (RankingWeights in minutes/search.h); repeat");
        app.add_flag("--ablate", ablate, "First measure nDCG@10 with each ranking factor turned off in turn");
        app.add_flag("--explain", explaining, "After each query, list both engines' first ten hits and the judged rows they miss");
        app.add_option("--text", text_chars, "With --explain, print this many characters of each hit's text");
        app.add_option("--only", only, "Evaluate only the queries with these ids (comma-separated: d10,d21)");
        CLI11_PARSE(app, argc, argv);
        std::error_code ec;
        fs::path corpus_path = fs::weakly_canonical(corpus, ec);
        if (ec || !fs::is_directory(corpus_path)) {
            std::cerr << "minutes-relevance: " << corpus << ": not a directory\n";
            return 2;
        }
        RankingWeights weights;
        for (const auto& setting : settings) {
            if (!set_factor(weights, setting)) {
                std::cerr << "minutes-relevance: --set " << setting << ": unknown factor\n";
                return 2;
            }
        }
        return run(qrels, corpus_path, db, keep_going, explaining, text_chars, only, weights, ablate);
    } catch (const std::exception& e) {
        std::cerr << "minutes-relevance: internal error: " << e.what() << '\n';
        return 3;
    }
}
