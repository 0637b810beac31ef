// The query parser proper (private to core): query language string -> Xapian::Query, with field filters,
// date ranges, synonyms (the index's and the shipped abbreviations), bounded wildcards and spelling.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include <map>

#include "minutes/error.h"
#include "minutes/search.h"

namespace minutes {

// What a query contributes to highlighting: folded words with their English stems (parallel lists: a text
// word matches query word k when it equals words[k] or stems to stems[k]) and wildcard prefixes.
struct QueryWords {
    static constexpr std::size_t kNewGroup = static_cast<std::size_t>(-1);
    // Words that must appear in sequence ("holding your nerve", or the long form of an acronym).
    struct Phrase {
        std::vector<std::string> words;
        std::vector<std::string> stems;
        std::size_t group = 0;
    };
    std::vector<std::string> words;
    std::vector<std::string> stems;
    std::vector<std::size_t>
        groups;  // parallel: words of one concept (an acronym and its long form) share one
    std::vector<Phrase> phrases;
    std::vector<std::string> prefixes;
    std::size_t group_count = 0;
    // Adds a word as a concept of its own, or to `group`; returns the word's group.
    std::size_t add(const std::string& folded, bool keep_stopwords, std::size_t group = kNewGroup);
    // Adds folded words that must appear in sequence; a single word is added as a word.
    std::size_t add_phrase(const std::vector<std::string>& folded_words, std::size_t group = kNewGroup);
};

// A synonym expansion: what was written (a phrase keeps its quotes) and the synonyms found for it.
struct SynonymExpansion {
    std::string written;
    std::vector<std::string> synonyms;
};

struct CompiledQuery {
    Xapian::Query query;     // what matches; empty (Query()) when the text holds no terms and no filters
    Xapian::Query boost;     // ranking only (AND_MAYBE beside `query`); empty when none
    Xapian::Query positional;  // ranking only, needing positions (phrase, proximity): costly on every
                               // match, so the searcher applies it to the first kRerankDepth only
    bool has_terms = false;  // some free-text term is wanted (otherwise the query is filters only)
    QueryWords words;        // for snippets
    std::vector<std::string> filter_fields;  // fields used as filters in the text ("role", "member"...)
    std::vector<std::string> filter_values;  // their values, parallel to filter_fields
};

// The shipped list of local-government abbreviations: folded short form -> long form.
struct Abbreviation {
    std::string_view short_form;
    std::string_view long_form;
};
[[nodiscard]] const std::vector<Abbreviation>& shipped_abbreviations();

// True for the English words too common to rank, highlight or characterise an item ("the", "of").
[[nodiscard]] bool is_stopword(const std::string& folded_word);

// The shipped British/American spelling variants of a folded word (organisation -> organization,
// neighbourhood -> neighborhood, licence -> license); -ise/-ize forms follow a rule. Empty when none.
[[nodiscard]] std::vector<std::string> spelling_variants(const std::string& folded_word);

// True when a folded word names a decision (adopt, approve, appoint, award, purchase...): such queries
// prefer items holding a decision.
[[nodiscard]] bool is_decision_word(const std::string& folded_word);

// One part of a plain query: a written word (or a run of words that is a synonym key) or a "phrase",
// with the synonyms found for it.
struct PlainPart {
    std::vector<std::string> words;  // as written
    bool quoted = false;             // a "phrase": required, words in sequence
    std::vector<std::string> synonyms;
};

// Parses queries against one database (which may be several shards combined). Without a database
// (nullptr) there are no synonyms, spelling or name widening: committee:X gives its exact key, as the
// table tests of the language expect. Keeps a cache of committee and council keys: call reset() after
// the database is reopened.
class QueryCompiler {
  public:
    explicit QueryCompiler(const Xapian::Database* db);

    [[nodiscard]] Result<CompiledQuery> compile(std::string_view text);
    // The filter for one field given as an option: any of `values` (OR).
    [[nodiscard]] Result<Xapian::Query> option_filter(std::string_view field,
                                                      const std::vector<std::string>& values);
    // The query with each unknown word replaced by the index's spelling suggestion; empty when none.
    [[nodiscard]] std::string spelling_suggestion(std::string_view text) const;
    // The query text after synonym expansion (what Xapian's parser sees). When `concepts` is given, each
    // expansion adds one entry: the words written and the words of their synonyms.
    [[nodiscard]] Result<std::string> expand_synonyms(
        std::string_view text, std::vector<SynonymExpansion>* concepts = nullptr) const;
    void reset();
    void set_ranking(const RankingWeights& weights) { weights_ = weights; }
    [[nodiscard]] const RankingWeights& ranking() const { return weights_; }

    // One filter value -> query: widened names, date ranges and exact terms (used by the field processors).
    [[nodiscard]] Result<Xapian::Query> field_query(std::string_view field, std::string_view value);

  private:
    [[nodiscard]] Result<Xapian::Query> name_query(std::string_view prefix, std::string_view value,
                                                   std::string_view field);
    [[nodiscard]] std::vector<std::string> synonyms_for(const std::vector<std::string>& originals) const;
    // Plain queries: matching and ranking queries built from the parts (query_parser_ranking.cpp).
    void build_ranked(const std::vector<PlainPart>& parts, CompiledQuery& out);
    // Indexed unstemmed forms sharing the stem of `exact` ("bins" -> bin, bins), for phrase boosts.
    [[nodiscard]] std::vector<std::string> inflections(const std::string& exact);
    [[nodiscard]] bool term_exists(const std::string& term) const;
    // Whether at most config::kSplitMaxShare of the items hold `term` (false when the index cannot say).
    [[nodiscard]] bool held_by_few(const std::string& term) const;
    const Xapian::Database* db_;
    RankingWeights weights_;
    std::map<std::string, std::vector<std::string>> inflection_cache_;
    std::vector<std::string> committee_keys_;
    std::vector<std::string> council_keys_;
    bool keys_loaded_ = false;
};

// Maps a Xapian exception to a core Error; `context` names what was being done ("search", a database path).
[[nodiscard]] Error translate_xapian_error(const Xapian::Error& e, std::string_view context);

}  // namespace minutes
