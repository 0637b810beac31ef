// The page, feed and CSV endpoints: parameters checked, searches run, pages and documents rendered.
#include "web_routes.h"

#include <ctime>

#include "minutes/atom_feed.h"
#include "minutes/search_format.h"
#include "minutes/web_page.h"

namespace minutes {

namespace {

// At most this many widened searches are run to explain an empty result.
constexpr std::size_t kMaxDropSearches = 8;

std::string join_facets() {
    std::string out;
    for (const auto& name : page_facets()) out += (out.empty() ? "" : ",") + name;
    return out;
}

Result<std::size_t> whole_number(const std::string& value, std::string_view name) {
    if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
        return make_error(ErrorCode::InvalidArgument,
                          std::string(name) + ": '" + value.substr(0, 20) + "' is not a whole number");
    }
    return static_cast<std::size_t>(std::stoul(value));
}

bool is_request_error(const Error& error) {
    return error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::LimitExceeded ||
           error.code == ErrorCode::Unsupported;
}

std::string now_rfc3339() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

// The parameters of a search as the feed and CSV take them: empty values dropped (a form's blank fields).
WebParams non_empty(const WebParams& params) {
    WebParams out;
    for (const auto& pair : params) {
        if (!pair.second.empty()) out.push_back(pair);
    }
    return out;
}

}  // namespace

HttpResponse html_error_response(const Error& error) {
    return html_response(http_status_for(error), render_error_page(http_status_for(error), error.message));
}

HttpResponse search_page_endpoint(const RequestTarget& target, WebBackend& backend) {
    SearchPageInput input;
    WebParams clean;
    for (const auto& [name, value] : target.params) {
        if (name == "facets") continue;  // the page counts its own facets
        if (!is_page_param(name) && input.error.empty()) {
            input.error = "parameter '" + name.substr(0, 40) + "' is not a search parameter";
        }
        if (!value.empty() && is_page_param(name)) clean.emplace_back(name, value);
    }
    if (clean.size() != target.params.size() && input.error.empty()) {
        HttpResponse redirect =
            html_response(303, render_error_page(303, "See the search without its blank fields."));
        redirect.headers.emplace_back("Location", url_with_params("/", clean));
        return redirect;
    }
    input.params = clean;
    if (!input.error.empty()) return html_response(400, render_search_page(input));
    if (clean.empty()) return html_response(200, render_search_page(input));

    WebParams with_facets = clean;
    with_facets.emplace_back("facets", join_facets());
    auto options = search_options_from_params(with_facets);
    if (!options) {
        input.error = options.error().message;
        return html_response(http_status_for(options.error()), render_search_page(input));
    }
    if (options->limit > config::kMaxPageResults || options->snippet_chars > config::kMaxPageSnippetChars) {
        input.error = options->limit > config::kMaxPageResults
                          ? "limit: the page shows at most " + std::to_string(config::kMaxPageResults) +
                                " results at a time (the CSV download takes up to " +
                                std::to_string(config::kMaxPageSize) + ")"
                          : "snippet: the page shows snippets of at most " +
                                std::to_string(config::kMaxPageSnippetChars) + " characters";
        return html_response(400, render_search_page(input));
    }
    auto response = backend.search(*options);
    if (!response) {
        if (!is_request_error(response.error())) return html_error_response(response.error());
        input.error = response.error().message;
        return html_response(http_status_for(response.error()), render_search_page(input));
    }
    input.response = &*response;
    if (response->total_estimate == 0) {
        auto candidates = drop_candidates(clean);
        if (candidates.size() > kMaxDropSearches) candidates.resize(kMaxDropSearches);
        for (auto& drop : candidates) {
            auto wider = search_options_from_params(drop.params);
            if (!wider) continue;
            wider->limit = 1;
            wider->offset = 0;
            // A facet makes the count exact (Xapian's estimate after one hit can be off by several);
            // year is the cheapest, one value per item.
            wider->facets = {"year"};
            auto found = backend.search(*wider);
            if (!found) continue;
            drop.total = found->total_estimate;
            drop.total_exact = found->total_exact;
            input.drops.push_back(std::move(drop));
        }
        std::stable_sort(input.drops.begin(), input.drops.end(),
                         [](const DropSuggestion& a, const DropSuggestion& b) { return a.total > b.total; });
    }
    return html_response(200, render_search_page(input));
}

HttpResponse atom_feed_endpoint(const RequestTarget& target, WebBackend& backend) {
    WebParams params;
    bool has_limit = false;
    for (const auto& [name, value] : non_empty(target.params)) {
        // A feed is the newest items, one entry per item, from the first: order, grouping and paging
        // of the page it was subscribed from do not apply.
        if (name == "sort" || name == "by" || name == "offset" || name == "facets") continue;
        has_limit = has_limit || name == "limit";
        params.emplace_back(name, value);
    }
    WebParams search = params;
    search.emplace_back("sort", "newest");
    if (!has_limit) search.emplace_back("limit", std::to_string(config::kFeedEntries));
    auto options = search_options_from_params(search);
    if (!options) return error_response(options.error());
    auto response = backend.search(*options);
    if (!response) return error_response(response.error());
    HttpResponse out;
    out.content_type = "application/atom+xml; charset=utf-8";
    out.body = render_atom_feed(*response, params, now_rfc3339(), target.base_url);
    return out;
}

HttpResponse csv_endpoint(const RequestTarget& target, WebBackend& backend) {
    WebParams params;
    for (const auto& pair : non_empty(target.params)) {
        if (pair.first != "facets") params.push_back(pair);
    }
    auto options = search_options_from_params(params);
    if (!options) return error_response(options.error());
    auto response = backend.search(*options);
    if (!response) return error_response(response.error());
    HttpResponse out;
    out.content_type = "text/csv; charset=utf-8; header=present";
    out.body = search_response_csv(*response);
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"minutes-search.csv\"");
    return out;
}

HttpResponse item_page_endpoint(const RequestTarget& target, WebBackend& backend) {
    ItemPageInput input;
    for (const auto& [name, value] : non_empty(target.params)) {
        if (name == "passage" || name == "part") {
            auto number = whole_number(value, name);
            if (!number) return html_error_response(number.error());
            (name == "passage" ? input.matched_passage : input.part) = *number;
        } else if (is_page_param(name)) {
            input.back.emplace_back(name, value);
        } else {
            return html_error_response(
                Error{ErrorCode::InvalidArgument,
                      "parameter '" + name.substr(0, 40) + "': not accepted by /items/{id}"});
        }
    }
    auto item = backend.item(target.segments[1]);
    if (!item) return html_error_response(item.error());
    input.item = &*item;
    auto meeting = backend.meeting(item->meeting_id);
    if (meeting) input.meeting = &*meeting;
    SearchOptions like;
    like.like_item = item->id;
    like.limit = config::kMoreLikeThisShown;
    auto similar = backend.search(like);
    if (similar) input.similar = &*similar;
    return html_response(200, render_item_page(input));
}

HttpResponse meeting_page_endpoint(const RequestTarget& target, WebBackend& backend) {
    if (!target.params.empty()) {
        return html_error_response(Error{
            ErrorCode::InvalidArgument,
            "parameter '" + target.params.front().first.substr(0, 40) + "': not accepted by /meetings/{id}"});
    }
    auto meeting = backend.meeting(target.segments[1]);
    if (!meeting) return html_error_response(meeting.error());
    return html_response(200, render_meeting_page(*meeting));
}

HttpResponse static_endpoint(const RequestTarget& target) {
    std::string path = target.segments.size() == 2 ? "/static/" + target.segments[1] : std::string();
    HttpResponse out;
    if (path == kStylesheetPath) {
        out.content_type = "text/css; charset=utf-8";
        out.body = std::string(web_stylesheet());
    } else if (path == kIconPath) {
        out.content_type = "image/svg+xml";
        out.body = std::string(web_icon());
    } else {
        return error_response(404, "not_found", "no such static file");
    }
    out.headers.emplace_back("Cache-Control", "public, max-age=86400");
    return out;
}

}  // namespace minutes
