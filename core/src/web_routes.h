// The daemon's page, feed and CSV endpoints (private to core): from a decoded request target and the
// Searcher of one request to a response. query_service.cpp routes to them.
#pragma once

#include <string_view>

#include "minutes/http_api.h"
#include "minutes/search.h"

namespace minutes {

// What the endpoints read, for the duration of one request: the daemon passes its leased Searcher
// (with its reopen-and-retry); nothing here holds on to it.
class WebBackend {
  public:
    virtual ~WebBackend() = default;
    [[nodiscard]] virtual Result<SearchResponse> search(const SearchOptions& options) = 0;
    [[nodiscard]] virtual Result<ItemRecord> item(std::string_view item_id) = 0;
    [[nodiscard]] virtual Result<MeetingRecord> meeting(std::string_view meeting_id) = 0;
};

// GET /: the search page (landing page without parameters). Empty form fields are dropped by a 303 to
// the clean URL, so the address a person bookmarks holds only the search state.
[[nodiscard]] HttpResponse search_page_endpoint(const RequestTarget& target, WebBackend& backend);
// GET /search.atom: the newest matching items as Atom.
[[nodiscard]] HttpResponse atom_feed_endpoint(const RequestTarget& target, WebBackend& backend);
// GET /search.csv: minutes-query's CSV of the search, as a download.
[[nodiscard]] HttpResponse csv_endpoint(const RequestTarget& target, WebBackend& backend);
// GET /items/{id} asked as HTML; accepts the search page's parameters (for highlighting and the way
// back), passage=N (the passage the search matched) and part=N (of a long item).
[[nodiscard]] HttpResponse item_page_endpoint(const RequestTarget& target, WebBackend& backend);
// GET /meetings/{id} asked as HTML.
[[nodiscard]] HttpResponse meeting_page_endpoint(const RequestTarget& target, WebBackend& backend);
// GET /static/{name}: the stylesheet; 404 for any other name.
[[nodiscard]] HttpResponse static_endpoint(const RequestTarget& target);
// An error as an HTML page with the status of http_status_for.
[[nodiscard]] HttpResponse html_error_response(const Error& error);

}  // namespace minutes
