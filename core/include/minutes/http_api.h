// The daemon's HTTP layer without any server library: the limits (ServerOptions), request target
// decoding, the JSON error document and the one mapping from Error to HTTP status. Pure functions,
// so they can be unit tested and fuzzed; the router is query_service.h, the socket glue http_server.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/error.h"

namespace minutes {

// Settings of minutes-searchd. Every bound a public endpoint needs is here, with its default.
struct ServerOptions {
    std::vector<std::string> databases;  // database directories or tcp://host:port shards, searched as one
    std::string listen =
        "127.0.0.1:8080";             // host:port; host is an IPv4 address or [IPv6]; port 0 = any free port
    unsigned threads = 2;             // worker threads, each with its own Searcher; 0 = one per core
    unsigned connection_limit = 512;  // open connections at once; beyond it new ones are closed at accept
    unsigned per_ip_connection_limit = 128;  // open connections from one client address
    unsigned connection_timeout_s = 15;      // a connection idle (or a client this slow) for longer is closed
    std::size_t connection_memory_limit =
        32 * 1024;                        // per-connection buffer: the request line and headers
                                          // must fit (else 414 or 431), as must the response headers
    std::size_t max_target_bytes = 8192;  // request target (path and query string); longer is 414
    std::size_t max_header_count = 100;   // request header fields; more is 431
    std::size_t max_query_params = 100;   // query string parameters; more is 400 (limit_exceeded)
    unsigned listen_backlog = 128;        // connections queued by the kernel before accept
    unsigned reopen_interval_ms = 1000;   // a worker looks for new commits at most this often
    unsigned searcher_wait_ms = 2000;     // longest wait for a free Searcher before answering 503
    unsigned drain_timeout_s = 10;        // on SIGTERM: longest wait for requests in flight to finish
    bool log_requests = true;             // one line per request on stderr: method, path, status, ms
};

// One request as the server library hands it over. Views stay valid for the duration of the call.
struct HttpRequest {
    std::string_view method;       // "GET", "HEAD", ...
    std::string_view target;       // raw request target as sent: "/search?q=budget%20cuts"
    std::size_t header_count = 0;  // request header fields
    std::size_t body_bytes = 0;    // declared Content-Length (or bytes received); no endpoint takes a body
    std::string_view accept;       // Accept header, "" when absent: /items and /meetings answer HTML
                                   // when it prefers text/html (a browser), JSON otherwise
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>>
        headers;                          // extra header fields ("Allow", "Cache-Control")
    std::string_view endpoint = "other";  // label for metrics and logs: search, item, meeting, similar, ...
};

// A request target split and decoded: path segments and query parameters, each percent-decoded
// and checked to be valid UTF-8 without control characters.
struct RequestTarget {
    std::string path;                   // raw path as sent, for logs and messages
    std::vector<std::string> segments;  // "/items/abc/similar" -> items, abc, similar
    std::vector<std::pair<std::string, std::string>>
        params;  // in order; repeated names kept; "a" alone -> a=""
};

// Decodes %XX escapes (and '+' as a space when `plus_as_space`, as in query strings). A bad escape,
// invalid UTF-8 or a control character other than TAB/LF/CR is InvalidArgument naming `what`.
[[nodiscard]] Result<std::string> percent_decode(std::string_view text, bool plus_as_space,
                                                 std::string_view what);

// Encodes every byte outside RFC 3986 unreserved characters as %XX, for building URLs.
[[nodiscard]] std::string percent_encode(std::string_view text);

// "q=a b&committee=x" from name/value pairs, each percent-encoded.
[[nodiscard]] std::string query_string(const std::vector<std::pair<std::string, std::string>>& params);

// Splits and decodes a request target. Paths must be absolute; "." and ".." segments, empty
// segments inside the path and more than `max_params` parameters are errors naming what is wrong.
[[nodiscard]] Result<RequestTarget> parse_request_target(std::string_view target, std::size_t max_params);

// The one mapping from core errors to HTTP status: InvalidArgument, LimitExceeded, Unsupported -> 400,
// NotFound -> 404, Unavailable and Locked -> 503, Corrupt and Io -> 500.
[[nodiscard]] int http_status_for(const Error& error);

// {"error":{"code":"...","message":"..."}}, one line, valid UTF-8 whatever the message holds.
[[nodiscard]] std::string error_document(std::string_view code, std::string_view message);

// A JSON error response with the document above.
[[nodiscard]] HttpResponse error_response(int status, std::string_view code, std::string_view message);
[[nodiscard]] HttpResponse error_response(const Error& error);

// "Not Found" for 404 and so on; "Unknown" for codes the daemon never sends.
[[nodiscard]] std::string_view http_reason_phrase(int status);

}  // namespace minutes
