// Judged query sets, the matching rule and the ranking metrics of the relevance harness.
#include "minutes/relevance.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <xapian.h>

#include "minutes/normalise.h"
#include "minutes/schema.h"

namespace minutes {
namespace {

std::vector<std::string> split(std::string_view line, char separator) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        std::size_t end = line.find(separator, start);
        fields.emplace_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return fields;
}

constexpr std::size_t kRankingDepth = 100;
constexpr std::size_t kNdcgDepth = 10;

}  // namespace

Result<std::vector<JudgedQuery>> parse_judged_queries(std::string_view tsv, const std::string& source) {
    std::vector<JudgedQuery> queries;
    std::istringstream in{std::string(tsv)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        auto fields = split(line, '\t');
        if (number == 1 && !fields.empty() && fields[0] == "query_id") continue;
        auto where = source + ":" + std::to_string(number);
        if (fields.size() != 6) {
            return make_error(ErrorCode::InvalidArgument,
                              where + ": expected 6 tab-separated fields, found " + std::to_string(fields.size()));
        }
        int grade = 0;
        if (fields[5] == "1" || fields[5] == "2" || fields[5] == "3") grade = fields[5][0] - '0';
        else return make_error(ErrorCode::InvalidArgument, where + ": grade must be 1, 2 or 3, not '" + fields[5] + "'");
        if (queries.empty() || queries.back().id != fields[0]) {
            JudgedQuery q;
            q.id = fields[0];
            q.text = fields[1];
            if (!fields[2].empty()) {
                for (const auto& pair : split(fields[2], ';')) {
                    auto eq = pair.find('=');
                    if (eq == std::string::npos) {
                        return make_error(ErrorCode::InvalidArgument, where + ": filter '" + pair + "' is not key=value");
                    }
                    q.filters.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
                }
            }
            queries.push_back(std::move(q));
        }
        queries.back().judgments.push_back({fields[3], fields[4], grade});
    }
    return queries;
}

std::string matching_text(std::string_view text) {
    std::string folded = fold_case(normalise_text(text));
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (char c : folded) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

QueryMetrics evaluate_ranking(const JudgedQuery& query, const std::vector<RankedHit>& hits) {
    QueryMetrics metrics;
    std::vector<std::string> phrases;
    for (const auto& j : query.judgments) phrases.push_back(matching_text(j.phrase));
    std::vector<bool> credited(query.judgments.size(), false);
    double dcg = 0;
    std::size_t depth = std::min(hits.size(), kRankingDepth);
    for (std::size_t rank = 1; rank <= depth; ++rank) {
        const auto& hit = hits[rank - 1];
        std::string text = matching_text(hit.text);
        int gain = 0;
        bool matched_any = false;
        for (std::size_t r = 0; r < query.judgments.size(); ++r) {
            if (query.judgments[r].file != hit.file) continue;
            if (text.find(phrases[r]) == std::string::npos) continue;
            matched_any = true;
            if (!credited[r]) {
                gain = std::max(gain, query.judgments[r].grade);
                credited[r] = true;
            }
        }
        if (matched_any && metrics.reciprocal_rank == 0) metrics.reciprocal_rank = 1.0 / static_cast<double>(rank);
        metrics.gains.push_back(gain);
        if (rank <= kNdcgDepth) dcg += gain / std::log2(static_cast<double>(rank) + 1);
    }
    std::vector<int> ideal;
    for (const auto& j : query.judgments) ideal.push_back(j.grade);
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < kNdcgDepth; ++i) {
        idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
    }
    metrics.ndcg_at_10 = idcg > 0 ? dcg / idcg : 0;
    std::size_t found = static_cast<std::size_t>(std::count(credited.begin(), credited.end(), true));
    metrics.recall_at_100 =
        query.judgments.empty() ? 0 : static_cast<double>(found) / static_cast<double>(query.judgments.size());
    return metrics;
}

Result<void> for_each_indexed_item(const std::string& db, const std::function<void(const ItemRecord&)>& visit) {
    try {
        Xapian::Database database(db);
        std::string type_term = std::string(schema::prefix_of("doctype")) + std::string(schema::kDocTypeItem);
        for (auto it = database.postlist_begin(type_term); it != database.postlist_end(type_term); ++it) {
            auto item = decode_item(database.get_document(*it).get_data());
            if (!item) return tl::unexpected(item.error());
            visit(*item);
        }
        return {};
    } catch (const Xapian::DatabaseOpeningError& e) {
        return make_error(ErrorCode::NotFound, db + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        return make_error(ErrorCode::Corrupt, db + ": " + e.get_description());
    }
}

}  // namespace minutes
