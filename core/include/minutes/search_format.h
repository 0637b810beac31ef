// The one mapping of search results to JSON, CSV and a terminal table, shared by minutes-query and
// minutes-searchd so both print the same documents.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "minutes/error.h"
#include "minutes/item_record.h"
#include "minutes/search.h"

namespace minutes {

// Recorded in every search JSON document under "schema".
inline constexpr const char* kSearchJsonSchema = "minutes-search/1";

// The search response document (README "Searching" documents every field):
// {"schema", "query", "total_estimate", "total_exact", "offset", "limit", "sort", "by",
//  "hits": [{"rank", "id", "item_id", "meeting_id", "council", "committee", "date", "item_number",
//  "item_title",
//            "snippet", "highlights": [[byte offset, byte length]...], "speaker", "speaker_role",
//            "passage_kind", "passage", "source", "page", "score", "citation", "grouped"}],
//  "facets": {name: [{"value", "count"}]}, "suggestion": string or null, "notes": [string]}.
// indent < 0 gives one line. Always valid UTF-8.
[[nodiscard]] std::string search_response_json(const SearchResponse& response, int indent = -1);

// Reads the document search_response_json wrote (as the daemon sends it), so that `minutes-query --server`
// prints exactly what `--db` prints. Corrupt when it is not such a document.
[[nodiscard]] Result<SearchResponse> search_response_from_json(std::string_view text);

// One row per hit with a header row (RFC 4180 quoting), for spreadsheets:
// rank,id,date,council,committee,item_number,item_title,speaker,speaker_role,passage_kind,snippet,citation,source,page,score
[[nodiscard]] std::string search_response_csv(const SearchResponse& response);

struct TableStyle {
    std::size_t width = 100;  // terminal columns; lines are wrapped to fit (minimum 40)
    bool color = false;       // ANSI bold for highlights and headings; otherwise highlights are *marked*
};

// A listing a person reads in a terminal: a summary line, then per hit the date, council and committee,
// minute number and title, the snippet, the speaker, the citation and the source; then the facets.
[[nodiscard]] std::string search_response_table(const SearchResponse& response, const TableStyle& style = {});

// What to tell a person when nothing matched (exit code 1): the suggestion if there is one, and how to widen.
[[nodiscard]] std::string no_results_message(const SearchResponse& response);

// How results name an item: "Minute 271: Progress Update ...", "Minute XI" when it has no title, the
// title alone for an unnumbered section, "Untitled item" when it has neither.
[[nodiscard]] std::string item_heading(std::string_view number, std::string_view title);

// One agenda item in full ({"id", "meeting_id", "council", "committee", "date", "number", "title", "source",
// "page", "citation", "passages": [{"text", "kind", "speaker", "speaker_role", "page"}]}).
[[nodiscard]] std::string item_to_json(const ItemRecord& item, int indent = -1);

// {"error": {"code": "invalid_argument", "message": "..."}}
[[nodiscard]] std::string error_to_json(const Error& error);
// Reads such a document back (the daemon's answer to a bad request); nullopt when it is not one.
[[nodiscard]] std::optional<Error> error_from_json(std::string_view text);

}  // namespace minutes
