// The daemon's router and its pool of Searchers (one per worker: Xapian objects are not thread-safe).
#include "minutes/query_service.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>

#include "minutes/search.h"
#include "minutes/search_format.h"
#include "minutes/web_page.h"
#include "web_routes.h"

namespace minutes {

namespace {

using Clock = std::chrono::steady_clock;
using Params = std::vector<std::pair<std::string, std::string>>;
using nlohmann::json;

constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr std::string_view kPrometheus = "text/plain; version=0.0.4; charset=utf-8";

// One worker's Searcher and when it last looked for new commits.
struct PooledSearcher {
    std::optional<Searcher> searcher;
    Clock::time_point last_check{};
    std::uint64_t generation = 0;  // request_reopen() count it was opened at
    std::string last_error;        // why the last open failed
    std::string revision;          // the databases' revisions when last (re)opened; "" = do not cache
    bool busy = false;
};

// The revisions of the local databases as one string ("12,7"). A remote shard is skipped (xapian-tcpsrv
// does not say) and makes the list incomplete; an unreadable database is an error naming it.
struct Revisions {
    std::string list;
    bool complete = true;
    std::string error;
};

Revisions read_revisions(const std::vector<std::string>& locations) {
    Revisions out;
    for (const auto& location : locations) {
        if (location.rfind("tcp://", 0) == 0) {
            out.complete = false;
            continue;
        }
        try {
            Xapian::Database database(location);
            if (!out.list.empty()) out.list += ",";
            out.list += std::to_string(database.get_revision());
        } catch (const Xapian::Error& error) {
            out.complete = false;
            out.error = location + ": " + error.get_msg();
        }
    }
    return out;
}

// The cache's view, read before a Searcher (re)opens so that the Searcher sees at least these revisions;
// "" (do not cache) unless every database said.
std::string revisions_of(const std::vector<std::string>& locations) {
    Revisions r = read_revisions(locations);
    return r.complete ? r.list : std::string();
}

// /search answers by request and database revision, least recently used dropped first. A hit is the
// same bytes the search would give at that revision; a commit changes the revision, so old entries
// are never served for new data (they age out).
class ResultCache {
  public:
    ResultCache(std::size_t max_entries, std::size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}

    [[nodiscard]] bool enabled() const { return max_entries_ > 0 && max_bytes_ > 0; }

    std::optional<std::string> find(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto found = index_.find(key);
        if (found == index_.end()) return std::nullopt;
        entries_.splice(entries_.begin(), entries_, found->second);
        return found->second->second;
    }

    void insert(const std::string& key, const std::string& body) {
        if (key.size() + body.size() > max_bytes_ / 4) return;  // one answer never fills the cache
        std::lock_guard lock(mutex_);
        if (index_.count(key) > 0) return;
        entries_.emplace_front(key, body);
        index_.emplace(key, entries_.begin());
        bytes_ += key.size() + body.size();
        while (index_.size() > max_entries_ || bytes_ > max_bytes_) {
            auto& oldest = entries_.back();
            bytes_ -= oldest.first.size() + oldest.second.size();
            index_.erase(oldest.first);
            entries_.pop_back();
        }
    }

  private:
    std::size_t max_entries_;
    std::size_t max_bytes_;
    std::mutex mutex_;
    std::list<std::pair<std::string, std::string>> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> index_;
    std::size_t bytes_ = 0;
};

// The cache key of a search: the databases' revisions, then the parameters in name order (so the same
// search written in another order is one entry), NUL-separated (parameters cannot hold NUL).
std::string cache_key(std::string_view revision, std::uint64_t generation, Params params) {
    std::stable_sort(params.begin(), params.end());
    std::string key(revision);
    key += std::to_string(generation);
    for (const auto& [name, value] : params) {
        key.push_back('\0');
        key += name;
        key.push_back('\0');
        key += value;
    }
    return key;
}

std::string dump(const json& doc) {
    std::string out = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    out.push_back('\n');
    return out;
}

json attendee_json(const Attendee& attendee) {
    return {{"name", attendee.name},
            {"honorific", attendee.honorific},
            {"role", role_name(attendee.role)},
            {"position", attendee.position},
            {"attendance", attendance_name(attendee.attendance)}};
}

json meeting_json(const MeetingRecord& meeting) {
    json attendees = json::array();
    for (const auto& attendee : meeting.attendees) attendees.push_back(attendee_json(attendee));
    json items = json::array();
    for (const auto& item : meeting.items) {
        items.push_back({{"id", item.id}, {"number", item.number}, {"title", item.title}});
    }
    json acronyms = json::array();
    for (const auto& acronym : meeting.acronyms) {
        acronyms.push_back({{"short", acronym.short_form}, {"long", acronym.long_form}});
    }
    return {{"id", meeting.id},
            {"council", meeting.council},
            {"committee", meeting.committee},
            {"date", meeting.date},
            {"start_time", meeting.start_time},
            {"end_time", meeting.end_time},
            {"venue", meeting.venue},
            {"language", language_name(meeting.language)},
            {"sources", meeting.sources},
            {"attendees", std::move(attendees)},
            {"items", std::move(items)},
            {"acronyms", std::move(acronyms)}};
}

// The item as minutes-query prints it (item_to_json), with its meeting and attendance added.
json item_with_meeting(const ItemRecord& item, const std::optional<MeetingRecord>& meeting) {
    json doc = json::parse(item_to_json(item), nullptr, /*allow_exceptions=*/false);
    doc["meeting"] = meeting ? meeting_json(*meeting) : json(nullptr);
    return doc;
}

HttpResponse json_response(std::string body) {
    HttpResponse response;
    response.body = std::move(body);
    response.content_type = std::string(kJson);
    return response;
}

// Runs a read on a Searcher; a failure that is not about the request itself (typically the indexer
// committing twice while we read: DatabaseModifiedError) reopens the databases and tries once more.
template <class Read>
auto read_with_retry(Searcher& searcher, Read&& read) {
    auto result = read();
    if (!result) {
        auto code = result.error().code;
        bool about_request = code == ErrorCode::NotFound || code == ErrorCode::InvalidArgument ||
                             code == ErrorCode::LimitExceeded || code == ErrorCode::Unsupported;
        if (!about_request && searcher.reopen()) result = read();
    }
    return result;
}

// Parameters a path-only endpoint was given anyway: named in a 400, so typos do not pass silently.
std::optional<HttpResponse> reject_params(const Params& params, std::string_view endpoint) {
    if (params.empty()) return std::nullopt;
    return error_response(
        400, "invalid_argument",
        "parameter '" + params.front().first + "': not accepted by " + std::string(endpoint));
}

// The pages' view of one request's Searcher, with the same reopen-and-retry as the JSON endpoints.
class LeasedBackend final : public WebBackend {
  public:
    explicit LeasedBackend(Searcher& searcher) : searcher_(searcher) {}
    Result<SearchResponse> search(const SearchOptions& options) override {
        return read_with_retry(searcher_, [&] { return searcher_.search(options); });
    }
    Result<ItemRecord> item(std::string_view item_id) override {
        return read_with_retry(searcher_, [&] { return searcher_.item(item_id); });
    }
    Result<MeetingRecord> meeting(std::string_view meeting_id) override {
        return read_with_retry(searcher_, [&] { return searcher_.meeting(meeting_id); });
    }

  private:
    Searcher& searcher_;
};

}  // namespace

struct QueryService::State {
    explicit State(ServerOptions opts)
        : options(std::move(opts)), cache(options.cache_entries, options.cache_bytes) {
        if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
        pool.resize(options.threads);
    }

    ServerOptions options;
    ServerMetrics metrics;
    std::mutex mutex;
    std::condition_variable freed;
    std::vector<PooledSearcher> pool;
    std::atomic<std::uint64_t> generation{1};
    std::string bound_address;  // written once, before any request
    ResultCache cache;

    // A Searcher held for one request and given back to the pool at scope exit.
    class Lease {
      public:
        Lease(State& state, std::size_t index) : state_(&state), index_(index) {}
        Lease(Lease&& other) noexcept : state_(std::exchange(other.state_, nullptr)), index_(other.index_) {}
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (state_ == nullptr) return;
            {
                std::lock_guard lock(state_->mutex);
                state_->pool[index_].busy = false;
            }
            state_->freed.notify_one();
        }
        Searcher& searcher() { return *state_->pool[index_].searcher; }
        const PooledSearcher& slot() const { return state_->pool[index_]; }

      private:
        State* state_;
        std::size_t index_;
    };

    Result<Lease> acquire() {
        if (options.databases.empty())
            return make_error(ErrorCode::Unavailable, "no database configured (--db)");
        std::size_t index = 0;
        {
            std::unique_lock lock(mutex);
            auto free_slot = [&] {
                for (std::size_t i = 0; i < pool.size(); ++i) {
                    if (!pool[i].busy) {
                        index = i;
                        return true;
                    }
                }
                return false;
            };
            if (!freed.wait_for(lock, std::chrono::milliseconds(options.searcher_wait_ms), free_slot)) {
                return make_error(ErrorCode::Unavailable, "overloaded: no free searcher within " +
                                                              std::to_string(options.searcher_wait_ms) +
                                                              " ms");
            }
            pool[index].busy = true;
        }
        Lease lease(*this, index);
        auto& slot = pool[index];
        auto now = Clock::now();
        auto interval = std::chrono::milliseconds(options.reopen_interval_ms);
        auto wanted = generation.load();
        if (!slot.searcher || slot.generation != wanted) {
            // A database that failed to open is retried at most once per interval, not on every request.
            if (!slot.searcher && slot.generation == wanted && now - slot.last_check < interval) {
                return make_error(ErrorCode::Unavailable, "database unavailable: " + slot.last_error);
            }
            slot.last_check = now;
            slot.generation = wanted;
            std::string revision = cache.enabled() ? revisions_of(options.databases) : std::string();
            auto opened = Searcher::open(options.databases);
            if (opened) slot.revision = std::move(revision);
            if (opened) {
                slot.searcher = std::move(*opened);
                metrics.searcher_reopened();
            } else if (!slot.searcher) {
                slot.last_error = opened.error().message;
                return make_error(ErrorCode::Unavailable, "database unavailable: " + slot.last_error);
            }
            // A failed reopen on SIGHUP keeps serving from the databases already open.
        } else if (now - slot.last_check >= interval) {
            slot.last_check = now;
            std::string revision = cache.enabled() ? revisions_of(options.databases) : std::string();
            if (slot.searcher->reopen()) {
                metrics.searcher_reopened();
                slot.revision = std::move(revision);
            } else {
                slot.revision.clear();
            }
        }
        return lease;
    }

    HttpResponse search(const RequestTarget&, Params params) {
        auto options_or = search_options_from_params(params);
        if (!options_or) return error_response(options_or.error());
        auto lease = acquire();
        if (!lease) return error_response(lease.error());
        std::string key;
        if (cache.enabled() && !lease->slot().revision.empty()) {
            key = cache_key(lease->slot().revision, lease->slot().generation, params);
            if (auto hit = cache.find(key)) {
                metrics.cache_hit();
                HttpResponse response = json_response(std::move(*hit));
                response.headers.emplace_back("X-Cache", "hit");
                return response;
            }
            metrics.cache_miss();
        }
        Searcher& searcher = lease->searcher();
        auto response = read_with_retry(searcher, [&] { return searcher.search(*options_or); });
        if (!response) return error_response(response.error());
        HttpResponse answer = json_response(search_response_json(*response) + "\n");
        if (!key.empty()) {
            cache.insert(key, answer.body);
            answer.headers.emplace_back("X-Cache", "miss");
        }
        return answer;
    }

    HttpResponse search_endpoint(const RequestTarget& target) { return search(target, target.params); }

    HttpResponse similar_endpoint(const RequestTarget& target) {
        for (const auto& [name, value] : target.params) {
            if (name == "like") {
                return error_response(400, "invalid_argument",
                                      "parameter 'like': the item is given by the path");
            }
        }
        Params params = target.params;
        params.emplace_back("like", target.segments[1]);
        return search(target, std::move(params));
    }

    HttpResponse item_endpoint(const RequestTarget& target) {
        if (auto rejected = reject_params(target.params, "/items/{id}")) return *rejected;
        auto lease = acquire();
        if (!lease) return error_response(lease.error());
        Searcher& searcher = lease->searcher();
        auto item = read_with_retry(searcher, [&] { return searcher.item(target.segments[1]); });
        if (!item) return error_response(item.error());
        std::optional<MeetingRecord> meeting;
        if (auto found = read_with_retry(searcher, [&] { return searcher.meeting(item->meeting_id); })) {
            meeting = std::move(*found);
        }
        return json_response(dump(item_with_meeting(*item, meeting)));
    }

    HttpResponse meeting_endpoint(const RequestTarget& target) {
        if (auto rejected = reject_params(target.params, "/meetings/{id}")) return *rejected;
        auto lease = acquire();
        if (!lease) return error_response(lease.error());
        Searcher& searcher = lease->searcher();
        auto meeting = read_with_retry(searcher, [&] { return searcher.meeting(target.segments[1]); });
        if (!meeting) return error_response(meeting.error());
        return json_response(dump(meeting_json(*meeting)));
    }

    // A page, feed or CSV endpoint (web_routes.h) over a leased Searcher; HTML errors for pages.
    HttpResponse web(const RequestTarget& target, HttpResponse (*endpoint)(const RequestTarget&, WebBackend&),
                     bool html) {
        auto lease = acquire();
        if (!lease) return html ? html_error_response(lease.error()) : error_response(lease.error());
        LeasedBackend backend(lease->searcher());
        return endpoint(target, backend);
    }
    HttpResponse item_html_endpoint(const RequestTarget& t) { return web(t, &item_page_endpoint, true); }
    HttpResponse meeting_html_endpoint(const RequestTarget& t) { return web(t, &meeting_page_endpoint, true); }
    HttpResponse page_endpoint(const RequestTarget& t) { return web(t, &search_page_endpoint, true); }
    HttpResponse feed_endpoint(const RequestTarget& t) { return web(t, &atom_feed_endpoint, false); }
    HttpResponse csv_search_endpoint(const RequestTarget& t) { return web(t, &csv_endpoint, false); }
    HttpResponse static_file_endpoint(const RequestTarget& t) { return static_endpoint(t); }

    HealthStatus health() {
        HealthStatus status;
        auto lease = acquire();
        if (!lease) {
            status.message = lease.error().message;
            return status;
        }
        status.ready = true;
        status.document_count = lease->searcher().document_count();
        Revisions revisions = read_revisions(options.databases);
        status.revision = revisions.list;
        if (!revisions.error.empty()) {
            status.ready = false;
            status.message = revisions.error;
        }
        return status;
    }

    HttpResponse health_endpoint(const RequestTarget& target) {
        if (auto rejected = reject_params(target.params, "/health")) return *rejected;
        HealthStatus status = health();
        json doc = {{"status", status.ready ? "ready" : "unavailable"},
                    {"ready", status.ready},
                    {"documents", status.document_count},
                    {"revision", status.revision},
                    {"shards", options.databases.size()}};
        if (!status.ready) doc["message"] = status.message;
        HttpResponse response = json_response(dump(doc));
        if (!status.ready) response.status = 503;
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    }

    HttpResponse metrics_endpoint(const RequestTarget& target) {
        if (auto rejected = reject_params(target.params, "/metrics")) return *rejected;
        HttpResponse response;
        response.content_type = std::string(kPrometheus);
        response.body = metrics.prometheus_text();
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    }

    // The routes: a path pattern ("{}" matches one segment) and its handler. Add pages and feeds here.
    struct Route {
        std::string_view endpoint;
        std::array<std::string_view, 3> pattern;
        std::size_t length;
        HttpResponse (State::*handler)(const RequestTarget&);
    };
    static constexpr std::array<Route, 10> kRoutes{{
        {"search", {"search"}, 1, &State::search_endpoint},
        {"item", {"items", "{}"}, 2, &State::item_endpoint},
        {"similar", {"items", "{}", "similar"}, 3, &State::similar_endpoint},
        {"meeting", {"meetings", "{}"}, 2, &State::meeting_endpoint},
        {"health", {"health"}, 1, &State::health_endpoint},
        {"metrics", {"metrics"}, 1, &State::metrics_endpoint},
        {"page", {}, 0, &State::page_endpoint},
        {"feed", {"search.atom"}, 1, &State::feed_endpoint},
        {"csv", {"search.csv"}, 1, &State::csv_search_endpoint},
        {"static", {"static", "{}"}, 2, &State::static_file_endpoint},
    }};

    static const Route* find_route(const std::vector<std::string>& segments) {
        for (const auto& route : kRoutes) {
            if (route.length != segments.size()) continue;
            bool match = true;
            for (std::size_t i = 0; i < route.length && match; ++i) {
                match = route.pattern[i] == "{}" ? !segments[i].empty() : route.pattern[i] == segments[i];
            }
            if (match) return &route;
        }
        return nullptr;
    }

    HttpResponse route(const HttpRequest& request) {
        if (request.target.size() > options.max_target_bytes) {
            return error_response(
                414, "uri_too_long",
                "request target longer than " + std::to_string(options.max_target_bytes) + " bytes");
        }
        if (request.header_count > options.max_header_count) {
            return error_response(431, "header_fields_too_large",
                                  "more than " + std::to_string(options.max_header_count) + " header fields");
        }
        if (request.header_bytes > options.max_head_bytes) {
            return error_response(431, "header_fields_too_large",
                                  "request line and header fields longer than " +
                                      std::to_string(options.max_head_bytes) + " bytes");
        }
        if (request.method != "GET" && request.method != "HEAD") {
            HttpResponse response =
                error_response(405, "method_not_allowed", "only GET and HEAD are allowed");
            response.headers.emplace_back("Allow", "GET, HEAD");
            return response;
        }
        if (request.body_bytes > 0) return error_response(413, "payload_too_large", "requests take no body");
        auto target = parse_request_target(request.target, options.max_query_params);
        if (!target) return error_response(400, error_code_name(target.error().code), target.error().message);
        target->base_url = base_url_for(options.public_url, request.host, bound_address);
        const Route* found = find_route(target->segments);
        if (found == nullptr) {
            return error_response(404, "not_found", "no endpoint at this path (see /health, /search)");
        }
        auto handler = found->handler;
        // Items and meetings: HTML for a browser, JSON for API clients or with a .json suffix.
        if (found->endpoint == "item" || found->endpoint == "meeting") {
            std::string& id = target->segments[1];
            if (id.size() > 5 && id.compare(id.size() - 5, 5, ".json") == 0) {
                id.resize(id.size() - 5);
            } else if (prefers_html(request.accept)) {
                handler = found->endpoint == "item" ? &State::item_html_endpoint : &State::meeting_html_endpoint;
            }
        }
        HttpResponse response = (this->*handler)(*target);
        response.endpoint = found->endpoint;
        // One URL, two representations: shared caches must key on Accept (html_response adds it to pages).
        bool negotiated = found->endpoint == "item" || found->endpoint == "meeting";
        if (negotiated && handler == found->handler) response.headers.emplace_back("Vary", "Accept");
        return response;
    }
};

QueryService::QueryService(ServerOptions options) : state_(std::make_unique<State>(std::move(options))) {}
QueryService::~QueryService() = default;

Result<void> QueryService::open_all() {
    std::vector<State::Lease> leases;
    for (std::size_t i = 0; i < state_->pool.size(); ++i) {
        auto lease = state_->acquire();
        if (!lease) return tl::unexpected(lease.error());
        leases.push_back(std::move(*lease));
    }
    return {};
}

HttpResponse QueryService::handle(const HttpRequest& request) {
    auto start = Clock::now();
    state_->metrics.request_started();
    HttpResponse response = state_->route(request);
    state_->metrics.request_finished();
    state_->metrics.record(response.endpoint, response.status, Clock::now() - start);
    return response;
}

void QueryService::set_bound_address(std::string address) { state_->bound_address = std::move(address); }

void QueryService::request_reopen() { state_->generation.fetch_add(1); }

HealthStatus QueryService::health() { return state_->health(); }

ServerMetrics& QueryService::metrics() { return state_->metrics; }

const ServerOptions& QueryService::options() const { return state_->options; }

}  // namespace minutes
