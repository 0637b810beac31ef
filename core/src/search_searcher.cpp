// The Searcher: opens shards as one database, builds the query (text, filters, more-like-this), runs it
// with collapsing, sorting and exact facet counts, and turns matches into hits with snippets and citations.
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "minutes/item_record.h"
#include "minutes/names.h"
#include "minutes/normalise.h"
#include "minutes/query_parser.h"
#include "minutes/schema.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"
#include "search_facets.h"
#include "search_snippet.h"

namespace minutes {

struct Searcher::State {
    std::vector<std::string> locations;
    Xapian::Database db;
    bool has_remote = false;
    QueryCompiler compiler{&db};  // State lives on the heap, so &db stays valid
    // Facet slots by document id, of the revision open now (FacetTable::shared), and the facet searches
    // since the last reopen: the table is read for the second, so a one-query process (minutes-query)
    // does not read it for nothing.
    std::shared_ptr<const FacetTable> facet_table;
    std::size_t facet_searches = 0;
};

namespace {

const std::string& item_doctype_term() {
    static const std::string term =
        std::string(schema::prefix_of("doctype")) + std::string(schema::kDocTypeItem);
    return term;
}

Result<Xapian::Database> open_shard(const std::string& location) {
    try {
        Xapian::Database shard;
        if (location.rfind("tcp://", 0) == 0) {
            std::string rest = location.substr(6);
            std::size_t colon = rest.rfind(':');
            std::string port_text = colon == std::string::npos ? "" : rest.substr(colon + 1);
            bool numeric =
                !port_text.empty() && port_text.size() <= 5 &&
                std::all_of(port_text.begin(), port_text.end(), [](char c) { return c >= '0' && c <= '9'; });
            unsigned port = numeric ? static_cast<unsigned>(std::stoul(port_text)) : 0;
            if (colon == 0 || port == 0 || port > 65535) {
                return make_error(ErrorCode::InvalidArgument,
                                  "database '" + location + "': expected tcp://HOST:PORT");
            }
            // Timeouts in milliseconds: a shard that stops answering is an error, not a hang.
            shard = Xapian::Remote::open(rest.substr(0, colon), port, 10000, 5000);
        } else {
            std::error_code ec;
            if (!std::filesystem::is_directory(location, ec)) {
                return make_error(ErrorCode::NotFound, "database '" + location + "' not found");
            }
            shard = Xapian::Database(location);
        }
        std::string version = shard.get_metadata(std::string(schema::kSchemaVersionKey));
        if (version.empty()) {
            return make_error(ErrorCode::Corrupt,
                              "database '" + location + "' is not a minutes index (no schema version)");
        }
        if (version != std::to_string(schema::kSchemaVersion)) {
            return make_error(ErrorCode::Corrupt, "database '" + location + "' has schema version " +
                                                      version + "; this build reads version " +
                                                      std::to_string(schema::kSchemaVersion));
        }
        return shard;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, "database '" + location + "'"));
    }
}

// Free-text terms only: unprefixed words of three letters or more, not numbers.
class FreeTextTerms : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 3 || !(term[0] >= 'a' && term[0] <= 'z') || is_stopword(term)) return false;
        return !std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
};

// Spellings of one name ("Manordeilo & Salem Community Council", "Manordeilo and Salem ...") as one value,
// counted together and shown as the spelling most items have (of equal ones, the first in order).
FacetCounts merge_spellings(FacetCounts counts) {
    std::sort(counts.begin(), counts.end());
    std::map<std::string, std::size_t> at_key;  // facet_key -> index in merged
    FacetCounts merged;
    std::vector<std::size_t> shown_count;  // items of the spelling shown
    for (auto& [value, count] : counts) {
        auto [at, fresh] = at_key.try_emplace(facet_key(value), merged.size());
        if (fresh) {
            merged.emplace_back(std::move(value), count);
            shown_count.push_back(count);
            continue;
        }
        auto& [shown, total] = merged[at->second];
        total += count;
        if (count > shown_count[at->second]) {
            shown = std::move(value);
            shown_count[at->second] = count;
        }
    }
    return merged;
}

// The values shown for one facet: most frequent first, then by value, at most config::kFacetValuesShown.
std::vector<FacetValue> facet_values(FacetCounts counts, const schema::FacetSpec& spec) {
    if (spec.by_key) counts = merge_spellings(std::move(counts));
    std::vector<FacetValue> values;
    values.reserve(counts.size());
    for (auto& [value, count] : counts) {
        // The indexer marks a decision with both "decision" and the recogniser's "resolution": show one.
        if (spec.name == "type" && value == "resolution") continue;
        values.push_back({std::move(value), count});
    }
    auto order = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    std::size_t shown = std::min(values.size(), config::kFacetValuesShown);
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(shown), values.end(), order);
    values.resize(shown);
    return values;
}

Hit hit_for(const ItemRecord& item, std::size_t passage, const QueryWords& words, std::size_t snippet_chars) {
    Hit hit;
    hit.id = item.id;
    hit.item_id = item.id;
    hit.meeting_id = item.meeting_id;
    hit.council = item.council;
    hit.committee = item.committee;
    hit.date = item.date;
    hit.item_number = item.number;
    hit.item_title = item.title;
    hit.source = item.source;
    hit.page = item.page;
    if (passage < item.passages.size()) {
        const Passage& p = item.passages[passage];
        auto snippet = make_snippet(p.text, words, snippet_chars);
        hit.snippet = std::move(snippet.text);
        hit.highlights = std::move(snippet.highlights);
        hit.speaker = p.speaker;
        hit.speaker_role = std::string(role_name(p.speaker_role));
        hit.seconder = p.seconder;
        hit.passage_kind = std::string(passage_kind_name(p.kind));
        hit.passage = passage + 1;
        if (p.page) hit.page = p.page;
    } else if (!item.title.empty()) {
        auto snippet = make_snippet(item.title, words, snippet_chars);
        hit.snippet = std::move(snippet.text);
        hit.highlights = std::move(snippet.highlights);
    }
    hit.citation = citation_for(item, hit.page);
    return hit;
}

}  // namespace

Searcher::Searcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::open(const std::vector<std::string>& locations) {
    if (locations.empty()) return make_error(ErrorCode::InvalidArgument, "no database given");
    auto state = std::make_unique<State>();
    state->locations = locations;
    for (const auto& location : locations) {
        auto shard = open_shard(location);
        if (!shard) return tl::unexpected(shard.error());
        state->db.add_database(*shard);
        if (location.rfind("tcp://", 0) == 0) state->has_remote = true;
    }
    return Searcher(std::move(state));
}

std::size_t Searcher::document_count() const {
    try {
        return state_->db.get_doccount();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

void Searcher::set_ranking(const RankingWeights& weights) { state_->compiler.set_ranking(weights); }

Result<void> Searcher::reopen() {
    try {
        if (state_->db.reopen()) {
            state_->facet_table.reset();
            state_->facet_searches = 0;
        }
        state_->compiler.reset();
        return {};
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, "reopen"));
    }
}

namespace {

struct SearchRun {
    Xapian::Database& db;
    QueryCompiler& compiler;
    bool has_remote;
    std::size_t shards;
    std::shared_ptr<const FacetTable> facet_table;  // null: count facets with Xapian's spies
};

// The alternatives of a boost: the subqueries of an OR, else the query itself (none when empty).
std::vector<Xapian::Query> alternatives(const Xapian::Query& boost) {
    if (boost.empty()) return {};
    if (boost.get_type() != Xapian::Query::OP_OR) return {boost};
    std::vector<Xapian::Query> out;
    for (std::size_t i = 0; i < boost.get_num_subqueries(); ++i) out.push_back(boost.get_subquery(i));
    return out;
}

// `base` with each alternative of `extra` (an OR, or one query) weighing where it matches, as a chain of
// AND_MAYBE. Xapian 1.4.22 mis-weighs an OR of phrases on the right of one AND_MAYBE: items took the
// weight of phrases they do not hold (for one three-word query over the shared corpora, 35 items; the
// chain gave none). Under a filter by item ids even the chain goes wrong, so the re-ranking pass
// weighs each positional boost as a query of its own (below).
Xapian::Query and_maybe_each(Xapian::Query base, const Xapian::Query& extra) {
    for (const auto& alternative : alternatives(extra))
        base = Xapian::Query(Xapian::Query::OP_AND_MAYBE, base, alternative);
    return base;
}

Result<SearchResponse> run_search(SearchRun run, const SearchOptions& o) {
    auto compiled = run.compiler.compile(o.query);
    if (!compiled) return tl::unexpected(compiled.error());

    // Filters given as options: OR within a field, AND across fields.
    std::vector<Xapian::Query> filters;
    PassagePreference preference;
    const std::pair<const char*, const std::vector<std::string>*> option_fields[] = {
        {"committee", &o.committees}, {"council", &o.councils}, {"member", &o.members}, {"role", &o.roles},
        {"topic", &o.topics},         {"type", &o.types},       {"item", &o.items}};
    for (const auto& [field, values] : option_fields) {
        if (values->empty()) continue;
        auto q = run.compiler.option_filter(field, *values);
        if (!q) return tl::unexpected(q.error());
        filters.push_back(*q);
    }
    if (!o.sources.empty()) {
        std::vector<Xapian::Query> files;
        for (const auto& path : o.sources)
            files.emplace_back(std::string(schema::prefix_of("source")) + source_id_for(path));
        filters.emplace_back(Xapian::Query::OP_OR, files.begin(), files.end());
    }
    for (const auto& [field, value] : {std::pair{"from", &o.from}, std::pair{"to", &o.to}}) {
        if (value->empty()) continue;
        auto q = run.compiler.field_query(field, *value);
        if (!q) return tl::unexpected(q.error());
        filters.push_back(*q);
    }

    // The passage to show prefers what the filters ask for, whether written as options or in the query.
    auto prefer = [&preference](const std::string& field, const std::string& value) {
        if (field == "role") {
            auto terms = filter_terms(field, value);
            if (terms) preference.roles.push_back((*terms)[0].substr(schema::prefix_of("role").size()));
        } else if (field == "type") {
            auto terms = filter_terms(field, value);
            if (terms) {
                for (const auto& t : *terms)
                    preference.kinds.push_back(t.substr(schema::prefix_of("type").size()));
            }
        } else if (field == "member") {
            std::string key = member_key(value);
            if (!key.empty()) preference.member_keys.push_back(key);
        }
    };
    for (const auto& v : o.roles) prefer("role", v);
    for (const auto& v : o.types) prefer("type", v);
    for (const auto& v : o.members) prefer("member", v);
    for (std::size_t i = 0; i < compiled->filter_fields.size(); ++i)
        prefer(compiled->filter_fields[i], compiled->filter_values[i]);
    QueryWords words = compiled->words;
    for (const auto& key : preference.member_keys) words.add(key, true);  // "Councillor Oborski" lights up

    Xapian::Enquire enquire(run.db);
    const RankingWeights& weights = run.compiler.ranking();
    enquire.set_weighting_scheme(Xapian::BM25Weight(weights.k1, 0, 1, weights.b, 0.5));
    std::optional<Xapian::Query> like;
    if (!o.like_item.empty()) {
        std::string id_term = "Q" + o.like_item;
        Xapian::PostingIterator p = run.db.postlist_begin(id_term);
        if (p == run.db.postlist_end(id_term))
            return make_error(ErrorCode::NotFound, "like: no item '" + o.like_item + "'");
        Xapian::RSet rset;
        rset.add_document(*p);
        FreeTextTerms decider;
        Xapian::ESet eset = enquire.get_eset(config::kMoreLikeThisTerms, rset, &decider);
        // Each term counts as much as it characterises the item (its expand weight), as in Rocchio feedback.
        std::vector<Xapian::Query> terms;
        for (auto t = eset.begin(); t != eset.end(); ++t) {
            terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), t.get_weight());
        }
        if (terms.empty())
            return make_error(ErrorCode::NotFound, "like: item '" + o.like_item + "' has no text to compare");
        like = Xapian::Query(Xapian::Query::OP_AND_NOT,
                             Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                             Xapian::Query(id_term));
        for (auto t = eset.begin(); t != eset.end(); ++t) words.add(*t, false);
    }

    // A member filter matches every item of a meeting the member attended; items that name the member in
    // their text (a declaration, a speech) rank first.
    std::vector<Xapian::Query> mentions;
    for (const auto& key : preference.member_keys) mentions.emplace_back(key);
    std::optional<Xapian::Query> mention;
    if (!mentions.empty()) mention = Xapian::Query(Xapian::Query::OP_OR, mentions.begin(), mentions.end());

    bool ranked_text = compiled->has_terms || like.has_value() || mention.has_value();
    Xapian::Query positive;
    if (compiled->has_terms && !compiled->query.empty()) {
        positive =
            like ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, compiled->query, *like) : compiled->query;
    } else if (like) {
        positive =
            compiled->query.empty() ? *like : Xapian::Query(Xapian::Query::OP_FILTER, *like, compiled->query);
    } else if (!compiled->query.empty()) {
        positive = compiled->query;
    } else if (!filters.empty()) {
        positive = Xapian::Query::MatchAll;
    } else {
        return make_error(
            ErrorCode::InvalidArgument,
            "query: empty; give words, a filter (committee:, member:, type:...) or --like ITEM_ID");
    }
    // What matches, before the ranking-only boosts: facets and exact counts need nothing more.
    const Xapian::Query matching = positive;
    if (compiled->has_terms && !compiled->boost.empty()) positive = and_maybe_each(positive, compiled->boost);
    // Phrase and proximity boosts read positions, costly on every match of common words: a relevance
    // ranking by item applies them to its best kRerankDepth items only (a second, filtered pass); other
    // orders and groupings apply them inline.
    bool positional = compiled->has_terms && !compiled->positional.empty();
    // A passage filter with words ("parking" with type:decision) asks for decisions about parking: the
    // items where one passage meets the filters and holds a query word come first among the best.
    const long filters_met = preferences_level(preference);
    bool passage_filter = compiled->has_terms && compiled->words.group_count > 0 && filters_met > 0;
    bool by_relevance = o.sort == SortOrder::relevance && o.by == GroupBy::item;
    bool rerank_positional = positional && by_relevance && run.shards == 1;
    bool rerank = rerank_positional || (passage_filter && o.sort == SortOrder::relevance && o.by != GroupBy::meeting);
    if (positional && !rerank_positional) positive = and_maybe_each(positive, compiled->positional);
    if (mention) positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, positive, *mention);
    filters.emplace_back(item_doctype_term());
    Xapian::Query final_query(Xapian::Query::OP_FILTER, positive,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));

    enquire.set_query(final_query);
    // With no words to rank by, "relevance" lists the newest meetings first.
    SortOrder sort = (o.sort == SortOrder::relevance && !ranked_text) ? SortOrder::newest : o.sort;
    if (sort == SortOrder::newest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    if (sort == SortOrder::oldest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
    // Within one database items are unique by their Q term (replace_document), so collapsing by item,
    // which costs the exactness of match counts, is only needed across shards.
    // Shards given twice, or overlapping, could hold one item twice: then collapse by item id too.
    if (o.by == GroupBy::meeting)
        enquire.set_collapse_key(schema::kSlotMeeting);
    else if (run.shards > 1)
        enquire.set_collapse_key(schema::kSlotItemId);

    Xapian::doccount first = o.by == GroupBy::passage ? 0 : static_cast<Xapian::doccount>(o.offset);
    Xapian::doccount count =
        static_cast<Xapian::doccount>(o.by == GroupBy::passage ? o.offset + o.limit : o.limit);
    // Facets and exact counts need every match seen. Without collapsing, a second, unweighted pass (below)
    // counts them, so the ranked pass needs only the page and Xapian stops weighing once no other match
    // can reach it. Collapsed results (by meeting; an item held by two shards) are counted by the ranked
    // pass itself: Xapian's counts of an unweighted collapsed pass are not exact.
    bool count_apart = !o.facets.empty() && run.shards == 1 && o.by != GroupBy::meeting;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    auto add_spies = [&](Xapian::Enquire& e) {
        for (const auto& name : o.facets) {
            spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::find_facet(name)->slot));
            e.add_matchspy(spies.back().get());
        }
    };
    if (!o.facets.empty() && !count_apart) add_spies(enquire);
    Xapian::doccount check = o.facets.empty() || count_apart ? first + count : run.db.get_doccount();
    struct Row {
        Xapian::docid id;
        Xapian::Document document;
        double weight;
        Xapian::doccount collapsed;
    };
    std::vector<Row> rows;
    Xapian::MSet mset;
    if (!rerank) {
        mset = enquire.get_mset(first, count, check);
        for (auto m = mset.begin(); m != mset.end(); ++m)
            rows.push_back({*m, m.get_document(), m.get_weight(), m.get_collapse_count()});
    } else {
        auto depth = static_cast<Xapian::doccount>(config::kRerankDepth);
        mset = enquire.get_mset(0, std::max(depth, first + count), std::max(check, first + count));
        std::vector<Row> reranked;
        if (first < depth && !mset.empty()) {
            // Each positional boost is a query of its own over these items, its weight added to theirs:
            // nested beside them (AND_MAYBE under this filter), Xapian 1.4 gave items the weight of
            // phrases they do not hold (measured: an item holding two of three query words, never together,
            // came first; tests/unit/ranking_test.cpp).
            std::map<Xapian::docid, double> extra;
            if (rerank_positional) {
                std::vector<Xapian::Query> ids;
                for (auto m = mset.begin(); m != mset.end() && ids.size() < depth; ++m)
                    ids.emplace_back("Q" + m.get_document().get_value(schema::kSlotItemId));
                Xapian::Query best(Xapian::Query::OP_OR, ids.begin(), ids.end());
                for (const auto& boost : alternatives(compiled->positional)) {
                    Xapian::Enquire one(run.db);
                    one.set_weighting_scheme(Xapian::BM25Weight(weights.k1, 0, 1, weights.b, 0.5));
                    one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, boost, best));
                    Xapian::MSet found = one.get_mset(0, depth);
                    for (auto m = found.begin(); m != found.end(); ++m) extra[*m] += m.get_weight();
                }
            }
            std::set<Xapian::docid> on_topic;  // a passage meets the filters and holds a query word
            for (auto m = mset.begin(); m != mset.end() && reranked.size() < depth; ++m) {
                reranked.push_back({*m, m.get_document(), m.get_weight() + extra[*m], 0});
                if (!passage_filter) continue;
                auto item = decode_item(reranked.back().document.get_data());
                if (!item) continue;
                auto passages = rank_passages(*item, compiled->words, preference, false);
                if (!passages.empty() && passages.front().level > filters_met) on_topic.insert(*m);
            }
            std::stable_sort(reranked.begin(), reranked.end(), [&on_topic](const Row& a, const Row& b) {
                bool a_on = on_topic.count(a.id) > 0, b_on = on_topic.count(b.id) > 0;
                return a_on != b_on ? a_on : a.weight > b.weight;
            });
        }
        Xapian::doccount index = 0;
        for (auto m = mset.begin(); m != mset.end(); ++m, ++index) {
            if (index < first || index >= first + count) continue;
            if (index < reranked.size())
                rows.push_back(reranked[index]);
            else
                rows.push_back({*m, m.get_document(), m.get_weight(), 0});
        }
    }

    // The unweighted counting pass: what matches, without the ranking-only boosts.
    std::optional<FacetCounter> counter;
    Xapian::doccount counted_total = mset.get_matches_estimated();
    bool counted_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (count_apart) {
        Xapian::Enquire counting(run.db);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        counting.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching,
                                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end())));
        if (run.facet_table) {
            std::vector<std::size_t> indexes;
            for (const auto& name : o.facets) indexes.push_back(schema::facet_index(name));
            counter.emplace(run.facet_table, std::move(indexes));
            counting.add_matchspy(&*counter);
        } else {
            add_spies(counting);
        }
        Xapian::MSet all = counting.get_mset(0, 1, run.db.get_doccount());
        counted_total = all.get_matches_estimated();
        counted_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
    }

    SearchResponse response;
    response.query = o.query;
    response.offset = o.offset;
    response.limit = o.limit;
    response.sort = o.sort;
    response.by = o.by;
    response.total_estimate = counted_total;
    response.total_exact = counted_exact;

    std::size_t rank = o.by == GroupBy::passage ? 0 : o.offset;
    for (const Row& row : rows) {
        auto item = decode_item(row.document.get_data());
        if (!item) {
            response.notes.push_back("document " + std::to_string(row.id) + ": " + item.error().message);
            continue;
        }
        auto passages = rank_passages(*item, words, preference, o.by == GroupBy::passage);
        if (o.by == GroupBy::passage) {
            if (passages.empty()) passages.push_back({0, 0, 0});
            // Where no passage meeting the filters holds a query word, one of them stands for the item.
            bool one = passage_filter && passages.front().level <= filters_met;
            for (const auto& pm : passages) {
                if (pm.level != passages.front().level || (one && &pm != &passages.front())) break;
                ++rank;
                if (rank <= o.offset || rank > o.offset + o.limit) continue;
                Hit hit = hit_for(*item, pm.index, words, o.snippet_chars);
                hit.rank = rank;
                hit.score = row.weight;
                response.hits.push_back(std::move(hit));
            }
            continue;
        }
        Hit hit = hit_for(*item, passages.empty() ? 0 : passages.front().index, words, o.snippet_chars);
        hit.rank = ++rank;
        hit.score = row.weight;
        if (o.by == GroupBy::meeting) {
            hit.id = item->meeting_id;
            hit.grouped = row.collapsed;
        }
        response.hits.push_back(std::move(hit));
    }

    for (std::size_t i = 0; i < o.facets.size(); ++i) {
        auto spec = schema::find_facet(o.facets[i]);
        FacetCounts counts = counter ? counter->counts(i) : spy_counts(*spies[i], *spec);
        response.facets.push_back({o.facets[i], facet_values(std::move(counts), *spec)});
    }
    sort_facets(response.facets);
    if (run.has_remote)
        response.notes.push_back("synonyms and spelling suggestions are not available from remote shards");
    else
        response.suggestion = run.compiler.spelling_suggestion(o.query);
    return response;
}

}  // namespace

Result<SearchResponse> Searcher::search(const SearchOptions& options) {
    auto valid = validate_search_options(options);
    if (!valid) return tl::unexpected(valid.error());
    for (int attempt = 0;; ++attempt) {
        try {
            // One local database only: a match spy sees a shard's own document ids, not the combined ones.
            if (!options.facets.empty() && state_->locations.size() == 1 && !state_->has_remote &&
                !state_->facet_table) {
                ++state_->facet_searches;
                state_->facet_table =
                    FacetTable::shared(state_->db, state_->locations.front(), state_->facet_searches > 1);
            }
            return run_search({state_->db, state_->compiler, state_->has_remote, state_->locations.size(),
                               state_->facet_table},
                              options);
        } catch (const Xapian::DatabaseModifiedError& e) {
            // The indexer committed while we read: see the new revision and try once more.
            if (attempt > 0) return tl::unexpected(translate_xapian_error(e, "search"));
            auto r = reopen();
            if (!r) return tl::unexpected(r.error());
        } catch (const Xapian::Error& e) {
            return tl::unexpected(translate_xapian_error(e, "search"));
        }
    }
}

namespace {

Result<std::string> document_data(Xapian::Database& db, const std::string& id, std::string_view doctype) {
    if (id.empty() || id.size() > 64)
        return make_error(ErrorCode::InvalidArgument, std::string(doctype) + ": not an id");
    std::string term = "Q" + id;
    std::string type_term = std::string(schema::prefix_of("doctype")) + std::string(doctype);
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p != db.postlist_end(term)) {
        Xapian::Document doc = db.get_document(*p);
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(type_term);
        if (t != doc.termlist_end() && *t == type_term) return doc.get_data();
    }
    return make_error(ErrorCode::NotFound, std::string(doctype) + " '" + id + "' not found");
}

}  // namespace

Result<ItemRecord> Searcher::item(std::string_view item_id) {
    try {
        auto data = document_data(state_->db, std::string(item_id), schema::kDocTypeItem);
        if (!data) return tl::unexpected(data.error());
        return decode_item(*data);
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, "item"));
    }
}

Result<MeetingRecord> Searcher::meeting(std::string_view meeting_id) {
    try {
        auto data = document_data(state_->db, std::string(meeting_id), schema::kDocTypeMeeting);
        if (!data) return tl::unexpected(data.error());
        return decode_meeting(*data);
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, "meeting"));
    }
}

}  // namespace minutes
