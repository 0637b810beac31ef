// A search as an Atom feed (RFC 4287): the newest matching items, so a feed reader alerts on new
// decisions, a member's declarations or a topic in one committee.
#pragma once

#include <string>
#include <string_view>

#include "minutes/search.h"
#include "minutes/web_page.h"

namespace minutes {

// Stable id of an item's entry, the same in every feed and across restarts: "urn:minutes:item:<item id>".
[[nodiscard]] std::string atom_entry_id(std::string_view item_id);
// Stable id of the feed of a search: its parameters in name order, percent-encoded, so the same search
// written in another parameter order is the same feed ("urn:minutes:search:committee%3DCabinet%26q%3D...").
[[nodiscard]] std::string atom_feed_id(const WebParams& params);
// An ISO meeting date as an RFC 3339 timestamp ("2017-03-13" -> "2017-03-13T00:00:00Z"); empty when the
// text is not an ISO date.
[[nodiscard]] std::string atom_timestamp(std::string_view iso_date);

// The feed document. `params` are the search's URL parameters (for the feed's id, title and links:
// `base_url` + /search.atom?..., /?..., /items/<id>; feed readers need absolute links, so the daemon
// passes the address it was reached at, "http://host:port" without a trailing '/'; "" leaves them
// root-relative). Each entry: id, title (minute and title,
// committee, date), updated and published (the meeting date), a link to the item page, the council as
// author, the committee as category, the snippet as summary and the citation, speaker and snippet as
// content, all as text. The feed's updated is its newest entry's date, or `now_rfc3339` when no entry
// has one. Undated items get 1970-01-01T00:00:00Z (Atom requires a date; they sort last).
[[nodiscard]] std::string render_atom_feed(const SearchResponse& response, const WebParams& params,
                                           std::string_view now_rfc3339, std::string_view base_url = {});

}  // namespace minutes
