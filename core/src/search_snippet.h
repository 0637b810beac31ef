// Choosing the passages of an item that match a query, and cutting a highlighted snippet from one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "minutes/item_record.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"

namespace minutes {

// What makes a passage preferred beyond its words: the filters of the search (role:officer prefers an
// officer's passage, type:decision a decision, member:Oborski hers).
struct PassagePreference {
    std::vector<std::string> roles;        // role names
    std::vector<std::string> kinds;        // passage kind names
    std::vector<std::string> member_keys;  // member_key of wanted speakers
};

struct PassageMatch {
    std::size_t index = 0;  // 0-based passage index in the item
    long score = 0;         // higher is better
    long level = 0;         // preferences met and distinct query words matched: passages of the item's best
                            // level are the ones listed by passage
};

// The level of a passage meeting every preference and holding no query word (0: no preference): a
// passage above it also holds a query word (or, without preferences, any passage above 0 does).
[[nodiscard]] long preferences_level(const PassagePreference& preference);

// Passages that match the query words or the preference, best first (ties in document order). Unless
// `every_passage`, the scan stops at the first passage matching every concept and preference.
[[nodiscard]] std::vector<PassageMatch> rank_passages(const ItemRecord& item, const QueryWords& words,
                                                      const PassagePreference& preference, bool every_passage);

struct Snippet {
    std::string text;
    std::vector<Highlight> highlights;
};

// About `chars` characters of `text` around its first match, whitespace collapsed, cut at word
// boundaries (with "…" where cut), matched words marked as highlights.
[[nodiscard]] Snippet make_snippet(std::string_view text, const QueryWords& words, std::size_t chars);

}  // namespace minutes
