// The search core shared by minutes-query and minutes-searchd: options, the response document and
// the Searcher over one or several databases (local directories or remote shards).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/error.h"
#include "minutes/item_record.h"
#include "minutes/model.h"

namespace minutes::config {

// Limits that keep a public endpoint safe. Exceeding one is an error (LimitExceeded) naming the limit,
// never a silently truncated or slow query. Declared once; the CLI, the daemon and the docs read them here.
inline constexpr std::size_t kMaxQueryBytes = 1024;  // length of the query string
inline constexpr std::size_t kMaxQueryTerms = 64;    // terms in the parsed query, before wildcard expansion
inline constexpr unsigned kMaxWildcardExpansion = 200;  // terms one trailing wildcard may expand to
inline constexpr std::size_t kMaxFilterValues =
    32;  // values of one filter option (committee=a&committee=b...)
inline constexpr std::size_t kMaxFilterExpansion =
    500;                                          // index keys a name filter (committee:, council:) may match
inline constexpr std::size_t kMaxPageSize = 100;  // limit
inline constexpr std::size_t kMaxResultDepth = 1000;   // offset + limit
inline constexpr std::size_t kMaxSnippetChars = 1000;  // snippet_chars

// Tuning of results.
inline constexpr std::size_t kMoreLikeThisTerms = 24;  // expansion terms taken from the given item
inline constexpr std::size_t kFacetValuesShown = 20;   // values per facet, most frequent first
inline constexpr std::size_t kMaxSynonymWords = 6;  // longest run of query words looked up as a synonym key
inline constexpr unsigned kProximityWindow = 8;     // words within which two query words count as near
inline constexpr std::size_t kRerankDepth = 100;    // best items re-ranked by phrase and proximity
inline constexpr std::size_t kMaxInflections = 8;   // indexed forms of one stem used for phrase boosts
inline constexpr std::size_t kMaxTermScan = 400;    // index terms scanned to find those forms
// A word typed closed is split into parts written apart ("cyber security") only when at most this share of
// the items hold it: a common word is written closed as the rule, and splitting it costs time for the odd
// word broken by a PDF's layout ("con tract").
inline constexpr double kSplitMaxShare = 0.01;
// Facets are counted from a table of the facet slots by document id (4 bytes per slot and id, one table
// per database revision, shared by the search workers); above this many ids, Xapian's ValueCountMatchSpy
// counts them instead (slower, no table).
inline constexpr std::size_t kFacetTableMaxDocid = std::size_t{4} << 20;

}  // namespace minutes::config

namespace minutes {

// How plain-word queries are ranked (DESIGN.md "Ranking": each factor and its dev-set gain). A query of
// plain words and "phrases" (no operators, brackets, signs or wildcards) matches items holding any of its
// words, ranked by BM25 plus these boosts; queries written with operators keep Xapian's parse as written.
// A factor of 0 turns it off (the relevance harness measures each that way).
struct RankingWeights {
    double k1 = 0.8;              // BM25 term-frequency saturation
    double b = 0.5;               // BM25 length normalisation (0: none; 1: full)
    bool any_word = true;         // plain words match items with any of them (false: all of them)
    double coordination = 1.0;    // items holding every word of the query: their words count this much again
    double exact = 0.0;           // the word as typed (unstemmed) beside its stem; hurt on the dev set,
                                  // so off (the typed form still matches where no stem is indexed)
    double title = 0.0;           // words in the agenda item's title beyond their index weight (kTitleWeight)
    double phrase = 1.0;          // two neighbouring query words in order (any inflection)
    double proximity = 0.5;       // two neighbouring query words within kProximityWindow, either order
    double span = 2.0;            // all query words (3 to 8) within a span of span_each words per word
    double span_each = 3.0;       // the span's length per query word
    double decision = 1.0;        // items with a decision, when the query names a decision (adopt, appoint...)
    double synonym_phrase = 1.0;  // an acronym's long form (a phrase), per word of it
    double spelling = 1.0;        // British/American variants (organisation/organization) count as the word
    double stem_prefix = 0.5;     // words extending the stem (vandals -> vandalised, vandalisation)
    double initials = 1.0;        // three to five neighbouring words also match their initials (CIGF), per word
    double compound = 1.0;        // two neighbouring words also match their closed compound (wind farm ->
                                  // windfarm) when the index holds it
    double split = 1.0;           // a word typed closed also matches its two parts written apart
                                  // (cybersecurity -> cyber security), as one word; rare words only
                                  // (config::kSplitMaxShare)
    double rarest = 0.0;          // the query's most specific word (in fewest items) counts this much again;
                                  // hurt on the dev set (0.5: -0.002, 1: -0.008), so off
};

enum class SortOrder { relevance, newest, oldest };
enum class GroupBy { item, passage, meeting };

[[nodiscard]] std::string_view sort_order_name(SortOrder sort);
[[nodiscard]] std::string_view group_by_name(GroupBy by);

// One search. Filters given here combine with filters written in the query (committee:X): values of one
// field are alternatives (OR), different fields must all hold (AND), as in the query language.
struct SearchOptions {
    std::string
        query;  // the query language (README "Searching"); may be empty when a filter or like_item is given
    std::vector<std::string>
        committees;  // committee names; word-sequence match ("Children and Families" matches the panel)
    std::vector<std::string> councils;  // council names; word-sequence match
    std::vector<std::string> members;   // member names in any form ("Mrs F M Oborski"): matched by member_key
    std::vector<std::string> roles;     // chair, vice_chair, member, officer, guest, clerk, public
    std::vector<std::string> topics;    // words of agenda item titles
    std::vector<std::string> types;     // decision (resolution), declaration, vote, paragraph, bullet
    std::vector<std::string> items;     // item (minute) numbers as printed: "271"
    std::vector<std::string> sources;   // source files as indexed (their paths): only their items. For
                                        // programs (the relevance harness's corpus folders); no URL or
                                        // CLI parameter, so no limit on the count
    std::string from;                   // ISO date "YYYY-MM-DD", inclusive; empty = open
    std::string to;                     // ISO date, inclusive; empty = open
    SortOrder sort = SortOrder::relevance;
    GroupBy by = GroupBy::item;  // one hit per agenda item (default), per matching passage, or per meeting
    std::size_t limit = 10;      // hits per page, 1..config::kMaxPageSize
    std::size_t offset = 0;      // hits skipped; offset + limit <= config::kMaxResultDepth
    std::vector<std::string> facets;  // facet names (schema::kFacets) to count exactly; empty = none
    std::string like_item;            // item id: "more like this", items discussing the same matter
    std::size_t snippet_chars =
        240;  // approximate snippet length in characters, 40..config::kMaxSnippetChars
};

// Fills SearchOptions from name/value pairs, as given by the CLI (--committee X) or by a URL query string
// (?committee=X), so both behave alike. Names: q (or query), committee, council, member, role, topic, type,
// item, from, to, sort, by, limit, offset, facets ("all", "true", or a comma list of facet names), like,
// snippet. Repeated names add values. An unknown name or bad value is InvalidArgument naming it; a value
// beyond a limit is LimitExceeded.
[[nodiscard]] Result<SearchOptions> search_options_from_params(
    const std::vector<std::pair<std::string, std::string>>& params);

// Checks options against the limits and value sets (done by search() too).
[[nodiscard]] Result<void> validate_search_options(const SearchOptions& options);

// A highlighted span of a snippet: byte offset and length into Hit::snippet.
struct Highlight {
    std::size_t offset = 0;
    std::size_t length = 0;
};

struct Hit {
    std::size_t rank = 0;  // 1-based position in the whole result list
    double score = 0;      // BM25 weight (0 for pure filters and date sorts without text)
    std::string id;        // item id (by item/passage) or meeting id (by meeting)
    std::string item_id;
    std::string meeting_id;
    std::string council;
    std::string committee;
    std::string date;  // ISO, or empty
    std::string item_number;
    std::string item_title;
    std::string snippet;  // plain text of the best passage, trimmed to about snippet_chars
    std::vector<Highlight> highlights;
    std::string speaker;       // speaker of the passage shown; empty when unknown
    std::string speaker_role;  // role_name of that speaker; empty when unknown
    std::string seconder;      // for a motion, its seconder when named; empty otherwise
    std::string passage_kind;  // passage_kind_name of the passage shown
    std::size_t passage = 0;   // 1-based index of the passage shown within its item (0: none)
    std::string source;        // source file as indexed
    std::optional<int> page;   // page of the passage (or item) in the source
    std::string citation;      // "Council, Committee, 13 March 2017, minute 271, p. 3"
    std::size_t grouped = 0;   // by meeting: other matching items of the meeting folded into this hit
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;  // items in the whole result set having this value
};

struct Facet {
    std::string name;
    std::vector<FacetValue> values;  // most frequent first, then by value; at most config::kFacetValuesShown
};

struct SearchResponse {
    std::string query;               // as given
    std::size_t total_estimate = 0;  // matching items (meetings when by meeting); exact when total_exact
    bool total_exact = false;
    std::size_t offset = 0;
    std::size_t limit = 0;
    SortOrder sort = SortOrder::relevance;
    GroupBy by = GroupBy::item;
    std::vector<Hit> hits;
    std::vector<Facet> facets;  // in schema order (schema::kFacets), whatever the order asked for
    std::string suggestion;     // "did you mean" query from the index's spelling data; empty when none
    std::vector<std::string>
        notes;  // degraded features ("spelling suggestions unavailable on remote shards")
};

// Puts facets in schema order (schema::kFacets), the order of every response.
void sort_facets(std::vector<Facet>& facets);

// True when a meeting's committee is its council itself ("Manordeilo & Salem Community Council" met as
// "Manordeilo and Salem Community Council"): the same facet_key.
[[nodiscard]] bool committee_is_council(std::string_view council, std::string_view committee);
// A citation a person can follow: "Worcestershire County Council, Children and Families Overview and
// Scrutiny Panel, 13 March 2017, minute 271, p. 3". Missing parts are left out, and a committee that is
// the council itself is named once.
[[nodiscard]] std::string citation_for(const ItemRecord& item, std::optional<int> page);
// "2017-03-13" -> "13 March 2017"; other text is returned unchanged.
[[nodiscard]] std::string long_date(std::string_view iso);

// Searches one or several minutes databases as one. Not thread-safe: give each thread its own Searcher.
class Searcher {
  public:
    // Opens each location: a database directory, or "tcp://host:port" for a shard served by xapian-tcpsrv.
    // Refuses databases without the current schema version (schema::kSchemaVersionKey).
    [[nodiscard]] static Result<Searcher> open(const std::vector<std::string>& locations);

    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    ~Searcher();

    [[nodiscard]] Result<SearchResponse> search(const SearchOptions& options);
    [[nodiscard]] Result<ItemRecord> item(std::string_view item_id);
    [[nodiscard]] Result<MeetingRecord> meeting(std::string_view meeting_id);
    // Re-reads the databases to see new commits.
    [[nodiscard]] Result<void> reopen();
    [[nodiscard]] std::size_t document_count() const;
    // Replaces the ranking factors (the defaults are the tuned ones; the relevance harness varies them).
    void set_ranking(const RankingWeights& weights);

  private:
    struct State;
    explicit Searcher(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace minutes
