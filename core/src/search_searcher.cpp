// The Searcher: opens shards as one database, builds the query (text, filters, more-like-this), runs it
// with collapsing, sorting and exact facet counts, and turns matches into hits with snippets and citations.
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "minutes/names.h"
#include "minutes/query_parser.h"
#include "minutes/schema.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"
#include "search_snippet.h"

namespace minutes {

struct Searcher::State {
    std::vector<std::string> locations;
    Xapian::Database db;
    bool has_remote = false;
    QueryCompiler compiler{&db};  // State lives on the heap, so &db stays valid
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

std::vector<FacetValue> facet_values(const Xapian::ValueCountMatchSpy& spy, const schema::FacetSpec& spec) {
    bool multi_valued = spec.multi_valued;
    std::map<std::string, std::size_t> counts;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
        const std::string value = *v;
        auto freq = static_cast<std::size_t>(v.get_termfreq());
        if (!multi_valued) {
            if (!value.empty()) counts[value] += freq;
            continue;
        }
        // Each document's list names a value once, so summing over distinct lists counts documents.
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t sep = value.find(schema::kListSeparator, start);
            if (sep == std::string::npos) sep = value.size();
            if (sep > start) counts[value.substr(start, sep - start)] += freq;
            start = sep + 1;
        }
    }
    // The indexer marks a decision with both "decision" and the recogniser's "resolution": show one.
    if (spec.name == "type") counts.erase("resolution");
    std::vector<FacetValue> values;
    values.reserve(counts.size());
    for (auto& [value, count] : counts) values.push_back({value, count});
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (values.size() > config::kFacetValuesShown) values.resize(config::kFacetValuesShown);
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
        state_->db.reopen();
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
};

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
    if (compiled->has_terms && !compiled->boost.empty())
        positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, positive, compiled->boost);
    // Phrase and proximity boosts read positions, costly on every match of common words: a relevance
    // ranking by item applies them to its best kRerankDepth items only (a second, filtered pass); other
    // orders and groupings apply them inline.
    bool positional = compiled->has_terms && !compiled->positional.empty();
    bool rerank = positional && o.sort == SortOrder::relevance && o.by == GroupBy::item && run.shards == 1;
    if (positional && !rerank)
        positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, positive, compiled->positional);
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

    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const auto& name : o.facets) {
        auto spec = schema::find_facet(name);
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot));
        enquire.add_matchspy(spies.back().get());
    }

    Xapian::doccount first = o.by == GroupBy::passage ? 0 : static_cast<Xapian::doccount>(o.offset);
    Xapian::doccount count =
        static_cast<Xapian::doccount>(o.by == GroupBy::passage ? o.offset + o.limit : o.limit);
    // Exact counts need every match seen: facets ask for it; otherwise the page is enough.
    Xapian::doccount check = o.facets.empty() ? first + count : run.db.get_doccount();
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
            std::vector<Xapian::Query> ids;
            for (auto m = mset.begin(); m != mset.end() && ids.size() < depth; ++m)
                ids.emplace_back("Q" + m.get_document().get_value(schema::kSlotItemId));
            Xapian::Enquire second(run.db);
            second.set_weighting_scheme(Xapian::BM25Weight(weights.k1, 0, 1, weights.b, 0.5));
            second.set_query(Xapian::Query(
                Xapian::Query::OP_FILTER,
                Xapian::Query(Xapian::Query::OP_AND_MAYBE, final_query, compiled->positional),
                Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
            Xapian::MSet best = second.get_mset(0, depth);
            for (auto m = best.begin(); m != best.end(); ++m)
                reranked.push_back({*m, m.get_document(), m.get_weight(), 0});
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

    SearchResponse response;
    response.query = o.query;
    response.offset = o.offset;
    response.limit = o.limit;
    response.sort = o.sort;
    response.by = o.by;
    response.total_estimate = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

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
            for (const auto& pm : passages) {
                if (pm.level != passages.front().level) break;
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
        response.facets.push_back({o.facets[i], facet_values(*spies[i], *spec)});
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
            return run_search({state_->db, state_->compiler, state_->has_remote, state_->locations.size()},
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
