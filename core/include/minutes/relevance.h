// Relevance evaluation: judged query sets (TREC-style, ../shared/relevance/README.md format), matching
// ranked hits to judged items, and the metrics nDCG@10, MRR and recall@100.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/error.h"
#include "minutes/item_record.h"

namespace minutes {

// One judged row: an item identified by its file and a phrase that occurs once in it, inside the item.
struct Judgment {
    std::string file;    // relative to the corpus directory
    std::string phrase;  // verbatim words from the item's title or body
    int grade = 0;       // 3 answers it, 2 substantially relevant, 1 marginal
};

struct JudgedQuery {
    std::string id;
    std::string text;
    std::vector<std::pair<std::string, std::string>> filters;  // "council" -> corpus folder, "committee" -> name
    std::vector<Judgment> judgments;
};

// Parses the tab-separated judged set (header: query_id query filters file phrase grade).
// Errors name the source and the line.
[[nodiscard]] Result<std::vector<JudgedQuery>> parse_judged_queries(std::string_view tsv, const std::string& source);

// A ranked hit as the evaluator sees it: the file it comes from and its item's text (title and body).
struct RankedHit {
    std::string file;  // relative to the corpus directory
    std::string text;
};

// Text compared by the matching rule: normalised, case folded, whitespace runs collapsed to one space.
[[nodiscard]] std::string matching_text(std::string_view text);

struct QueryMetrics {
    double ndcg_at_10 = 0;
    double reciprocal_rank = 0;  // of the first hit with a grade, within the first 100
    double recall_at_100 = 0;    // share of judged rows matched within the first 100 hits
    std::vector<int> gains;      // gain of each hit, in rank order (first 100)
};

// Applies the README's rule: a hit matching several rows takes the highest grade among the rows not yet
// credited; each row is credited once, to the highest-ranked hit that matches it.
[[nodiscard]] QueryMetrics evaluate_ranking(const JudgedQuery& query, const std::vector<RankedHit>& hits);

// Calls `visit` with every agenda item stored in the minutes database at `db`.
[[nodiscard]] Result<void> for_each_indexed_item(const std::string& db,
                                                 const std::function<void(const ItemRecord&)>& visit);

}  // namespace minutes
