// Tests of re-ranking on real minutes: each phrase, proximity and span boost adds to an item exactly the
// weight it has on its own, and nothing to items that do not hold it.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>

#include "minutes/indexer.h"
#include "minutes/schema.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"
#include "unit/temp_dir.h"

using namespace minutes;

TEST_CASE("Searcher: re-ranked scores are the first pass plus each positional boost alone", "[rank]") {
    // Nipissing's resolutions are short items, many holding "appoint" and "by-law" but few the third
    // query word. On them, Xapian 1.4 gave a phrase nested beside the first pass (AND_MAYBE, filtered to
    // its best items) the weight of phrases an item does not hold, and such items came first.
    auto folder = testing::shared_corpus() / "nipissing-township";
    if (testing::shared_corpus_absent(folder)) return;
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    {
        auto writer = IndexWriter::open(path);
        REQUIRE(writer);
        REQUIRE(writer->add({folder}));
    }
    const std::string text = "committee appointment by-law";
    auto searcher = Searcher::open({path});
    REQUIRE(searcher);
    SearchOptions o;
    o.query = text;
    o.limit = 20;
    auto on = searcher->search(o);
    REQUIRE(on);
    REQUIRE(on->hits.size() == 20);

    RankingWeights off = RankingWeights{};
    off.phrase = 0;
    off.proximity = 0;
    off.span = 0;
    searcher->set_ranking(off);
    o.limit = 100;  // the first pass's best items, among which the boosts re-rank
    auto first = searcher->search(o);
    REQUIRE(first);
    std::map<std::string, double> first_score;
    for (const auto& h : first->hits) first_score[h.item_id] = h.score;

    // Each positional boost on its own over the whole database: BM25 of its words where it matches.
    Xapian::Database db(path);
    QueryCompiler compiler(&db);
    auto compiled = compiler.compile(text);
    REQUIRE(compiled);
    REQUIRE_FALSE(compiled->positional.empty());
    std::vector<Xapian::Query> boosts;
    if (compiled->positional.get_type() == Xapian::Query::OP_OR) {
        for (std::size_t i = 0; i < compiled->positional.get_num_subqueries(); ++i)
            boosts.push_back(compiled->positional.get_subquery(i));
    } else {
        boosts.push_back(compiled->positional);
    }
    REQUIRE(boosts.size() >= 4);  // phrase and proximity for two pairs at least
    std::map<std::string, double> boost_score;
    const RankingWeights defaults;
    for (const auto& b : boosts) {
        Xapian::Enquire e(db);
        e.set_weighting_scheme(Xapian::BM25Weight(defaults.k1, 0, 1, defaults.b, 0.5));
        e.set_query(b);
        auto m = e.get_mset(0, db.get_doccount());
        for (auto it = m.begin(); it != m.end(); ++it)
            boost_score[it.get_document().get_value(schema::kSlotItemId)] += it.get_weight();
    }
    for (const auto& h : on->hits) {
        INFO(h.item_id << " " << h.item_title);
        REQUIRE(first_score.count(h.item_id) == 1);
        CHECK(h.score == Approx(first_score[h.item_id] + boost_score[h.item_id]));
    }
}
