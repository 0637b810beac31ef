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
    unsigned threads = 2;             // search workers, each with its own Searcher; 0 = one per core
    unsigned io_threads = 1;          // libmicrohttpd threads reading requests and writing answers; they
                                      // never search, so a slow client never holds a search worker
    unsigned queue_limit = 64;        // requests waiting for a search worker; one more is 503 overloaded
    unsigned queue_wait_ms = 2000;    // a request that waited longer for a worker is 503 overloaded
                                      // (its client has likely given up) rather than searched late
    unsigned retry_after_s = 1;       // Retry-After of the 503 answers to overload
    unsigned connection_limit = 512;  // open connections at once; one more is answered 503 and closed
    unsigned per_ip_connection_limit = 128;  // open connections from one client address; likewise
    unsigned connection_timeout_s = 15;      // a connection idle for longer is closed
    unsigned request_head_timeout_s = 10;    // a new connection must send its whole request line and
                                             // headers within this (slow-loris); else 408 and closed
    std::size_t connection_memory_limit =
        64 * 1024;                        // libmicrohttpd's buffer per connection: a request must fit
                                          // (beyond it libmicrohttpd answers 414/431 itself, in HTML)
    std::size_t max_target_bytes = 8192;  // request target (path and query string); longer is 414
    std::size_t max_head_bytes = 16384;   // request line and header fields together; more is 431
    std::size_t max_header_count = 100;   // request header fields; more is 431
    std::size_t max_query_params = 100;   // query string parameters; more is 400 (limit_exceeded)
    unsigned listen_backlog = 128;        // connections queued by the kernel before accept
    unsigned reopen_interval_ms = 1000;   // a worker looks for new commits at most this often
    unsigned searcher_wait_ms = 2000;     // longest wait for a free Searcher before answering 503
    unsigned drain_timeout_s = 10;        // on SIGTERM: longest wait for requests in flight to finish
    std::size_t cache_entries = 1024;     // /search answers kept (least recently used dropped), keyed by
                                          // the request's parameters in name order and the databases'
                                          // revisions; 0 = no cache; never used with tcp:// shards
    std::size_t cache_bytes = 32 << 20;   // and their bodies' bytes at most
    std::string public_url;               // "https://minutes.example.org": base of the feeds' absolute
                                          // links; "" = from the request's Host header when it is a
                                          // plain host[:port], else the listen address
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
    std::string_view host;         // Host header, "" when absent: the base of the feeds' links
    std::size_t header_bytes = 0;  // request line and header fields together, as received
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
        params;            // in order; repeated names kept; "a" alone -> a=""
    std::string base_url;  // "http://host:port" the request was addressed to (feeds' absolute links)
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

// The base URL of absolute links in answers: `public_url` when set (without a trailing '/'), else
// "http://" + the Host header when it is a plain host[:port] (letters, digits, '-', '.', or a
// bracketed IPv6 address; port digits), else "http://" + `listen` (the address bound), else "" (links
// stay root-relative). A hostile Host header never gets into a link.
[[nodiscard]] std::string base_url_for(std::string_view public_url, std::string_view host,
                                       std::string_view listen);

// "Not Found" for 404 and so on; "Unknown" for codes the daemon never sends.
[[nodiscard]] std::string_view http_reason_phrase(int status);

}  // namespace minutes
