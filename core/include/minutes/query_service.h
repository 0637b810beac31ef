// The daemon's router: from method, request target and headers to a response {status, type, body},
// over a pool of Searchers. Independent of the HTTP server library, so it is tested without sockets.
#pragma once

#include <memory>
#include <string>

#include "minutes/http_api.h"
#include "minutes/http_metrics.h"

namespace minutes {

// Readiness of the databases, as /health reports it.
struct HealthStatus {
    bool ready = false;              // a Searcher is open on every database
    std::size_t document_count = 0;  // items and meetings, all shards together
    std::string revision;            // local databases' revisions joined by ','; "" when none is local
    std::string message;             // why not ready
};

// Answers GET/HEAD requests: /search, /items/{id}, /items/{id}/similar, /meetings/{id}, /health, /metrics.
// Thread-safe: handle() is called from every worker thread at once. It holds one Searcher per worker
// (ServerOptions::threads, taken from a pool for the duration of one request) because Xapian database
// objects are not thread-safe. Each Searcher looks for new commits at most every reopen_interval_ms.
class QueryService {
  public:
    // Does not fail: databases that cannot be opened yet are retried on later requests (503 until then).
    explicit QueryService(ServerOptions options);
    QueryService(const QueryService&) = delete;
    QueryService& operator=(const QueryService&) = delete;
    ~QueryService();

    // Opens a Searcher for every worker now rather than on first use; the error of the first failure.
    [[nodiscard]] Result<void> open_all();

    [[nodiscard]] HttpResponse handle(const HttpRequest& request);

    // The address the server is bound to ("127.0.0.1:8080"), the last resort for absolute links when
    // there is neither --public-url nor a plain Host header; set by HttpServer before it serves.
    void set_bound_address(std::string address);

    // Makes every Searcher open its databases afresh before its next request (SIGHUP).
    void request_reopen();

    [[nodiscard]] HealthStatus health();
    [[nodiscard]] ServerMetrics& metrics();
    [[nodiscard]] const ServerOptions& options() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace minutes
