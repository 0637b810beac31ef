// The daemon's HTML pages (search page, item page, meeting page), the escaping helpers every page and
// feed writes through, the compiled-in stylesheet and script, and the Content-Security-Policy.
// Pure functions from search results and records to text: no sockets, no Searcher (web_routes.cpp
// connects them to the daemon), so they are tested directly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/http_api.h"
#include "minutes/item_record.h"
#include "minutes/search.h"

namespace minutes::config {

// Largest HTML page the daemon sends (stylesheet included). An item longer than this is shown in parts.
inline constexpr std::size_t kMaxPageBytes = 100 * 1024;
// Passage text shown per part of an item page, each passage counted with its speaker and
// kPassageMarkupBytes for its markup: leaves room under kMaxPageBytes for the stylesheet, attendance and
// the rest of the page.
inline constexpr std::size_t kItemPartTextBytes = 48 * 1024;
inline constexpr std::size_t kPassageMarkupBytes = 160;
// Results on one search page and their snippet length, so a page stays under kMaxPageBytes (the JSON
// search and the CSV take up to kMaxPageSize and kMaxSnippetChars).
inline constexpr std::size_t kMaxPageResults = 50;
inline constexpr std::size_t kMaxPageSnippetChars = 400;
// Items listed under "More like this" on an item page.
inline constexpr std::size_t kMoreLikeThisShown = 5;
// Entries of an Atom feed when the feed URL gives no limit.
inline constexpr std::size_t kFeedEntries = 20;

}  // namespace minutes::config

namespace minutes {

using WebParams = std::vector<std::pair<std::string, std::string>>;

// ---- Escaping: every string from the index or the request passes through one of these where written.

// Text content and attribute values of HTML: & < > " ' escaped; invalid UTF-8 and control characters
// (other than TAB and LF) become U+FFFD, so nothing the index holds can change the page's structure.
[[nodiscard]] std::string html_escape(std::string_view text);
// Character data and attribute values of XML 1.0: as html_escape, and every character XML 1.0 forbids
// (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF, lone surrogates) becomes U+FFFD, so the feed always parses.
[[nodiscard]] std::string xml_escape(std::string_view text);
// `path` with the parameters as a percent-encoded query string ("/" + "?q=a%20b"); no '?' when empty.
[[nodiscard]] std::string url_with_params(std::string_view path, const WebParams& params);

// ---- Static assets and the security policy.

// The stylesheet, served at kStylesheetPath (pages load nothing from elsewhere).
inline constexpr std::string_view kStylesheetPath = "/static/minutes.css";
[[nodiscard]] std::string_view web_stylesheet();
// The pages' icon (SVG), served at kIconPath, so browsers do not ask for a /favicon.ico that is not there.
inline constexpr std::string_view kIconPath = "/static/icon.svg";
[[nodiscard]] std::string_view web_icon();
// The one inline script (optional enhancement: copy buttons for citations, auto-submit of sort and
// grouping); pages work without it.
[[nodiscard]] std::string_view web_script();
// "sha256-<base64>" of web_script(), as a CSP source expression.
[[nodiscard]] std::string web_script_hash();
// The Content-Security-Policy of every page: nothing from elsewhere, no inline script but the hashed one,
// no plugins, no framing, forms submit only to the daemon.
[[nodiscard]] std::string content_security_policy();
// SHA-256 of `data`, base64 (RFC 4648) encoded; exposed for the test against the FIPS 180-4 examples.
[[nodiscard]] std::string sha256_base64(std::string_view data);

// True when an Accept header asks for HTML over JSON (a browser's "text/html,...;q=0.9,*/*;q=0.8");
// false for "application/json", "*/*" or no header, so API clients keep getting JSON.
[[nodiscard]] bool prefers_html(std::string_view accept);

// ---- The search page.

// Search parameters the page accepts in its URL (the names of search_options_from_params but "facets",
// which the page chooses itself).
[[nodiscard]] bool is_page_param(std::string_view name);
// Facets counted beside the results, in the order shown.
[[nodiscard]] const std::vector<std::string>& page_facets();

// The URL parameters with one pair added, or removed when present (a facet click, and a click again);
// the offset is dropped so a narrowed search starts at its first page.
[[nodiscard]] WebParams toggle_param(const WebParams& params, const std::string& name,
                                     const std::string& value);

// A way to widen a search that found nothing: drop one filter or one query word.
struct DropSuggestion {
    std::string label;      // what is dropped, in words: "committee: Cabinet", "the word 'ofsted'"
    WebParams params;       // the search without it
    std::size_t total = 0;  // its results
    bool total_exact = false;
};
// The searches to try when nothing matched: each filter parameter left out in turn, then each word of a
// plain query of several words (no quotes, brackets or operators). `total` is filled by the caller.
[[nodiscard]] std::vector<DropSuggestion> drop_candidates(const WebParams& params);

struct SearchPageInput {
    WebParams params;                          // the page's URL parameters (is_page_param names only)
    const SearchResponse* response = nullptr;  // null on the landing page and when the request was bad
    std::string error;                         // a bad request, in words, shown beside the form
    std::vector<DropSuggestion> drops;         // for an empty result (with totals), best first
};
[[nodiscard]] std::string render_search_page(const SearchPageInput& input);

// ---- Item and meeting pages.

struct ItemPageInput {
    const ItemRecord* item = nullptr;         // required
    const MeetingRecord* meeting = nullptr;   // its meeting (attendance, neighbours); may be null
    const SearchResponse* similar = nullptr;  // "more like this"; may be null
    std::string query;                        // the search that led here: its words are marked
    std::size_t matched_passage = 0;          // 1-based passage the search matched; 0 = none
    std::size_t part = 0;                     // 1-based part of a long item; 0 = the matched one
    WebParams back;                           // parameters of the search page to go back to
};
[[nodiscard]] std::string render_item_page(const ItemPageInput& input);
// Splits passages into parts of about config::kItemPartTextBytes of text: [first, last) per part.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> item_parts(const ItemRecord& item);

[[nodiscard]] std::string render_meeting_page(const MeetingRecord& meeting);

// A small page for errors asked as HTML (bad item id, unknown path): status and message, and a way back.
[[nodiscard]] std::string render_error_page(int status, std::string_view message);

// An HTML response with the page headers (type, CSP, referrer policy).
[[nodiscard]] HttpResponse html_response(int status, std::string body);

}  // namespace minutes
