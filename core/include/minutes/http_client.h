// A small HTTP/1.1 GET client over POSIX sockets, for `minutes-query --server URL` and the tests:
// plain http:// only, one request per connection, bounded in time and size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/error.h"

namespace minutes {

struct HttpClientOptions {
    unsigned timeout_ms = 30000;                // connect, send and each read; exceeded is Unavailable
    std::size_t max_response_bytes = 64 << 20;  // headers and body together; exceeded is LimitExceeded
};

struct HttpClientResponse {
    int status = 0;
    std::string content_type;
    std::string body;  // decoded from chunked transfer coding when the server used it
};

// GETs `url` ("http://host:port/path?query"). A non-2xx status is not an error: the caller reads
// the status and the body (the daemon's JSON error document). Errors: InvalidArgument for a URL that
// is not http://, Unavailable when the server cannot be reached or breaks off, LimitExceeded above.
[[nodiscard]] Result<HttpClientResponse> http_get(std::string_view url,
                                                  const HttpClientOptions& options = {});

// "http://host:8080" + "/search" + params -> "http://host:8080/search?q=...", each value percent-encoded.
[[nodiscard]] std::string url_with_query(std::string_view base, std::string_view path,
                                         const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace minutes
