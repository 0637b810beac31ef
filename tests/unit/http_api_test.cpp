// Tests of the daemon's HTTP layer without sockets: target decoding, errors, status mapping, metrics.
#include "minutes/http_api.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "minutes/http_metrics.h"

using namespace minutes;
using Params = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("percent_decode: escapes, plus and their errors", "[http]") {
    auto [text, plus, expected] = GENERATE(table<std::string, bool, std::string>({
        {"budget%20cuts", false, "budget cuts"},
        {"budget+cuts", true, "budget cuts"},
        {"budget+cuts", false, "budget+cuts"},
        {"a%2Bb", true, "a+b"},
        {"%C3%A9t%C3%A9", true, "\xc3\xa9t\xc3\xa9"},
        {"Ysgol%20Gymraeg%20%E2%80%94", true, "Ysgol Gymraeg \xe2\x80\x94"},
        {"%2f", false, "/"},
        {"", true, ""},
    }));
    auto decoded = percent_decode(text, plus, "q");
    REQUIRE(decoded);
    CHECK(*decoded == expected);
}

TEST_CASE("percent_decode: malformed input names the parameter", "[http]") {
    auto [text, fragment] = GENERATE(table<std::string, std::string>({
        {"abc%", "bad percent-encoding at byte 4"},
        {"abc%4", "bad percent-encoding at byte 4"},
        {"%zz", "bad percent-encoding at byte 1"},
        {"%C3%28", "not valid UTF-8"},     // lead byte followed by a non-continuation byte
        {"%ED%A0%80", "not valid UTF-8"},  // encoded surrogate U+D800
        {"%C0%AF", "not valid UTF-8"},     // overlong '/'
        {"%FF", "not valid UTF-8"},
        {"a%00b", "control character"},
        {"%1B[31m", "control character"},
    }));
    auto decoded = percent_decode(text, true, "parameter 'committee'");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == ErrorCode::InvalidArgument);
    CHECK_THAT(decoded.error().message, Catch::Contains("parameter 'committee'"));
    CHECK_THAT(decoded.error().message, Catch::Contains(fragment));
}

TEST_CASE("percent_encode and query_string round-trip through parse_request_target", "[http]") {
    Params params{{"q", "\"budget cuts\" NEAR/5 school & a+b=c"},
                  {"committee", "Children & Families"},
                  {"from", "2017-01-01"},
                  {"member", "Ms \xc3\x89lodie"}};
    std::string target = "/search?" + query_string(params);
    CHECK(target.find(' ') == std::string::npos);
    CHECK(percent_encode("a b/c~d") == "a%20b%2Fc~d");
    auto parsed = parse_request_target(target, 100);
    REQUIRE(parsed);
    CHECK(parsed->params == params);
    CHECK(parsed->segments == std::vector<std::string>{"search"});
}

TEST_CASE("parse_request_target: segments and parameters", "[http]") {
    auto parsed = parse_request_target("/items/ab12-003/similar?limit=5&&facets&q=a+b&q=c", 100);
    REQUIRE(parsed);
    CHECK(parsed->path == "/items/ab12-003/similar");
    CHECK(parsed->segments == std::vector<std::string>{"items", "ab12-003", "similar"});
    CHECK(parsed->params == Params{{"limit", "5"}, {"facets", ""}, {"q", "a b"}, {"q", "c"}});

    auto root = parse_request_target("/", 100);
    REQUIRE(root);
    CHECK(root->segments.empty());

    auto trailing = parse_request_target("/search/", 100);
    REQUIRE(trailing);
    CHECK(trailing->segments == std::vector<std::string>{"search", ""});

    // An encoded slash stays inside its segment: it cannot reach another route or a file.
    auto encoded = parse_request_target("/items/a%2F..%2Fb", 100);
    REQUIRE(encoded);
    CHECK(encoded->segments == std::vector<std::string>{"items", "a/../b"});
}

TEST_CASE("parse_request_target: hostile targets are refused with a reason", "[http]") {
    auto [target, fragment] = GENERATE(table<std::string, std::string>({
        {"/items/../../etc/passwd", "'.' and '..'"},
        {"/items/%2e%2e/x", "'.' and '..'"},
        {"/./search", "'.' and '..'"},
        {"//search", "empty segment"},
        {"/search//x", "empty segment"},
        {"search", "must start with '/'"},
        {"http://example.org/search", "must start with '/'"},
        {"", "must start with '/'"},
        {"/search?q=%ZZ", "parameter 'q': bad percent-encoding"},
        {"/search?q=%C3", "parameter 'q': not valid UTF-8"},
        {"/search?%C3=1", "parameter name: not valid UTF-8"},
        {"/search?=1", "parameter without a name"},
        {"/it%FFems", "path: not valid UTF-8"},
    }));
    auto parsed = parse_request_target(target, 100);
    REQUIRE_FALSE(parsed);
    CHECK_THAT(parsed.error().message, Catch::Contains(fragment));
}

TEST_CASE("parse_request_target: parameter count limit", "[http]") {
    std::string target = "/search?";
    for (int i = 0; i < 5; ++i) target += "q=" + std::to_string(i) + "&";
    CHECK(parse_request_target(target, 5));
    target += "q=6";
    auto parsed = parse_request_target(target, 5);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == ErrorCode::LimitExceeded);
    CHECK_THAT(parsed.error().message, Catch::Contains("more than 5 parameters"));
}

TEST_CASE("http_status_for: one status per error code", "[http]") {
    auto [code, status] = GENERATE(table<ErrorCode, int>({
        {ErrorCode::InvalidArgument, 400},
        {ErrorCode::LimitExceeded, 400},
        {ErrorCode::Unsupported, 400},
        {ErrorCode::NotFound, 404},
        {ErrorCode::Unavailable, 503},
        {ErrorCode::Locked, 503},
        {ErrorCode::Corrupt, 500},
        {ErrorCode::Io, 500},
    }));
    CHECK(http_status_for(Error{code, "x"}) == status);
}

TEST_CASE("error_document: the JSON error shape, valid whatever the message holds", "[http]") {
    auto doc = nlohmann::json::parse(
        error_document("invalid_argument", "parameter 'limit': \"abc\" is not a number"));
    CHECK(doc == nlohmann::json{{"error",
                                 {{"code", "invalid_argument"},
                                  {"message", "parameter 'limit': \"abc\" is not a number"}}}});
    // Invalid UTF-8 quoted from a request must not make the document unparseable.
    auto hostile = error_document("not_found", std::string("no item '\xff\xfe'"));
    auto parsed = nlohmann::json::parse(hostile);
    CHECK(parsed["error"]["message"] == "no item '\xef\xbf\xbd\xef\xbf\xbd'");

    HttpResponse response = error_response(Error{ErrorCode::NotFound, "no item 'x'"});
    CHECK(response.status == 404);
    CHECK(response.content_type == "application/json; charset=utf-8");
    CHECK(nlohmann::json::parse(response.body)["error"]["code"] == "not_found");
}

TEST_CASE("ServerMetrics: counters and cumulative histogram in Prometheus text", "[http][metrics]") {
    ServerMetrics metrics;
    using std::chrono::microseconds;
    metrics.record("search", 200, microseconds(300));   // bucket 0.0005
    metrics.record("search", 200, microseconds(3000));  // bucket 0.005
    metrics.record("search", 400, microseconds(20));
    metrics.record("item", 404, std::chrono::seconds(10));  // +Inf only
    metrics.record("no-such-endpoint", 418, microseconds(1));
    CHECK(metrics.requests("search", 200) == 2);
    CHECK(metrics.requests("other", 0) == 1);

    std::string text = metrics.prometheus_text();
    auto has = [&](const std::string& line) { return text.find(line + "\n") != std::string::npos; };
    CHECK(has("# TYPE minutes_http_requests_total counter"));
    CHECK(has("minutes_http_requests_total{endpoint=\"search\",status=\"200\"} 2"));
    CHECK(has("minutes_http_requests_total{endpoint=\"search\",status=\"400\"} 1"));
    CHECK(has("minutes_http_requests_total{endpoint=\"item\",status=\"404\"} 1"));
    CHECK(has("minutes_http_requests_total{endpoint=\"other\",status=\"other\"} 1"));
    CHECK_FALSE(has("minutes_http_requests_total{endpoint=\"meeting\",status=\"200\"} 0"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"0.0005\"} 2"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"0.001\"} 2"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"0.005\"} 3"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"+Inf\"} 3"));
    CHECK(has("minutes_http_request_duration_seconds_count{endpoint=\"search\"} 3"));
    CHECK(has("minutes_http_request_duration_seconds_sum{endpoint=\"search\"} 0.00332"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"item\",le=\"2.5\"} 0"));
    CHECK(has("minutes_http_request_duration_seconds_bucket{endpoint=\"item\",le=\"+Inf\"} 1"));
    CHECK(has("minutes_http_requests_in_flight 0"));
}

TEST_CASE("base_url_for: --public-url, then a plain Host header, then the address bound", "[http][api]") {
    CHECK(base_url_for("https://minutes.example.org/", "evil.example", "127.0.0.1:8080") ==
          "https://minutes.example.org");
    CHECK(base_url_for("https://example.org/minutes", "", "") == "https://example.org/minutes");
    auto [host, expected] = GENERATE(table<std::string, std::string>({
        {"minutes.example.org", "http://minutes.example.org"},
        {"minutes.example.org:8080", "http://minutes.example.org:8080"},
        {"127.0.0.1:18080", "http://127.0.0.1:18080"},
        {"[::1]:8080", "http://[::1]:8080"},
        {"[2001:db8::1]", "http://[2001:db8::1]"},
        // Anything else falls back to the address bound: quotes, markup, userinfo, paths, bad ports.
        {"", "http://127.0.0.1:8080"},
        {"evil\"><script>", "http://127.0.0.1:8080"},
        {"user@evil.example", "http://127.0.0.1:8080"},
        {"evil.example/path", "http://127.0.0.1:8080"},
        {"evil.example:80x", "http://127.0.0.1:8080"},
        {"evil.example:", "http://127.0.0.1:8080"},
        {"evil.example:123456", "http://127.0.0.1:8080"},
        {"[::1", "http://127.0.0.1:8080"},
        {"[::1]x", "http://127.0.0.1:8080"},
        {"[zz]:80", "http://127.0.0.1:8080"},
        {".evil", "http://127.0.0.1:8080"},
        {"exa mple.org", "http://127.0.0.1:8080"},
        {std::string(300, 'a'), "http://127.0.0.1:8080"},
    }));
    CHECK(base_url_for("", host, "127.0.0.1:8080") == expected);
    // No server bound (the router used without sockets): links stay root-relative.
    if (expected == "http://127.0.0.1:8080") CHECK(base_url_for("", host, "").empty());
}
