// Fuzz target: the daemon's HTTP request layer: target splitting, percent-decoding, query-string
// parameters, the search options they give, and routing by QueryService over a database that does not
// exist (every route answers without one: 404, 405, 400 or 503), and the front door's check of the
// request head (http_head.h), given the whole input as the bytes a new connection sent.
// Input: "METHOD\nTARGET\nACCEPT"; missing lines are empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http_head.h"
#include "minutes/http_api.h"
#include "minutes/query_service.h"
#include "minutes/search.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string_view next_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

minutes::QueryService& service() {
    static minutes::QueryService instance([] {
        minutes::ServerOptions options;
        options.databases = {"fuzz-no-such-database"};
        options.threads = 1;
        options.log_requests = false;
        options.searcher_wait_ms = 10;
        return options;
    }());
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const std::string_view method = next_line(rest);
    const std::string_view target = next_line(rest);
    const std::string_view accept = next_line(rest);

    for (const bool plus : {false, true}) {
        Result<std::string> decoded = percent_decode(target, plus, "fuzz");
        if (decoded) {
            fuzz::require_utf8(*decoded, "percent_decode accepted invalid UTF-8");
            for (const char c : *decoded) {
                const auto u = static_cast<unsigned char>(c);
                fuzz::require(u >= 0x20 || c == '\t' || c == '\n' || c == '\r',
                              "percent_decode accepted a control character");
            }
            Result<std::string> again = percent_decode(percent_encode(*decoded), false, "fuzz");
            fuzz::require(again && *again == *decoded, "percent_encode does not round-trip");
        }
    }

    Result<RequestTarget> parsed = parse_request_target(target, 100);
    if (parsed) {
        fuzz::require(parsed->params.size() <= 100, "parse_request_target exceeded max_params");
        const auto& segments = parsed->segments;
        for (std::size_t i = 0; i < segments.size(); ++i) {
            fuzz::require_utf8(segments[i], "a decoded path segment is not valid UTF-8");
            fuzz::require(segments[i] != "." && segments[i] != "..", "a '.' or '..' segment was accepted");
            // Only a trailing slash leaves an empty segment (documented in http_api.cpp; no route has one).
            fuzz::require(!segments[i].empty() || i + 1 == segments.size(), "an empty inner segment was accepted");
        }
        for (const auto& [name, value] : parsed->params) {
            fuzz::require_utf8(name, "a decoded parameter name is not valid UTF-8");
            fuzz::require_utf8(value, "a decoded parameter value is not valid UTF-8");
        }
        Result<SearchOptions> options = search_options_from_params(parsed->params);
        if (!options) fuzz::require_json(error_response(options.error()).body, "error document is not JSON");
    } else {
        fuzz::require_json(error_response(parsed.error()).body, "error document is not JSON");
    }

    // The error document must stay JSON whatever bytes a message carries.
    fuzz::require_json(error_document(method, target), "error_document is not valid UTF-8 JSON");

    HttpRequest request;
    request.method = method;
    request.target = target;
    request.accept = accept;
    request.header_count = 3;
    const HttpResponse response = service().handle(request);
    fuzz::require(http_reason_phrase(response.status) != "Unknown", "handle answered an unknown status");
    if (response.content_type.rfind("application/json", 0) == 0 && !response.body.empty()) {
        fuzz::require_json(response.body, "a JSON response body is not valid UTF-8 JSON");
    }
    fuzz::require_utf8(response.body, "a response body is not valid UTF-8");

    // The raw bytes as a request head, small limits so that every branch is reachable.
    ServerOptions limits;
    limits.max_target_bytes = 64;
    limits.max_header_count = 4;
    limits.max_head_bytes = 256;
    const std::string_view head(reinterpret_cast<const char*>(data), size);
    for (const bool more : {false, true}) {
        const HeadCheck check = check_head(head, more, limits);
        fuzz::require(check.method.size() <= 16 && check.target.size() <= 256, "check_head kept too much to log");
        if (check.verdict == HeadCheck::Verdict::Refuse) {
            fuzz::require(check.status == 400 || check.status == 414 || check.status == 431 || check.status == 505,
                          "check_head refused with an unexpected status");
            fuzz::require(!check.code.empty() && !check.message.empty(), "check_head refused without a reason");
            fuzz::require_json(error_document(check.code, check.message), "head refusal is not JSON");
        } else if (check.verdict == HeadCheck::Verdict::Admit) {
            fuzz::require(head.find("\n\n") != std::string_view::npos || head.find("\n\r\n") != std::string_view::npos,
                          "check_head admitted a head without its empty line");
        } else {
            fuzz::require(!more, "check_head waits for more although more was buffered");
        }
    }
    return 0;
}
