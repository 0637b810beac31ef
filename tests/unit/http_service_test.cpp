// Tests of the router (QueryService) without a database, and of the HTTP client against the real
// server on a loopback port: statuses, error documents, HEAD, metrics.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "minutes/http_client.h"
#include "minutes/http_server.h"
#include "minutes/query_service.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

ServerOptions options_without_database() {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.searcher_wait_ms = 100;
    options.log_requests = false;
    return options;
}

HttpResponse get(QueryService& service, std::string_view target, std::string_view method = "GET") {
    HttpRequest request;
    request.method = method;
    request.target = target;
    return service.handle(request);
}

std::string error_code(const HttpResponse& response) {
    auto doc = nlohmann::json::parse(response.body);
    return doc["error"]["code"].get<std::string>();
}

}  // namespace

TEST_CASE("QueryService: statuses of requests that never reach a database", "[http][service]") {
    QueryService service(options_without_database());
    auto [method, target, status, code] = GENERATE(table<std::string, std::string, int, std::string>({
        {"POST", "/search", 405, "method_not_allowed"},
        {"DELETE", "/items/x", 405, "method_not_allowed"},
        {"GET", "/index.html", 404, "not_found"},
        {"GET", "/search/", 404, "not_found"},
        {"GET", "/items", 404, "not_found"},
        {"GET", "/items/x/similar/more", 404, "not_found"},
        {"GET", "/items/../health", 400, "invalid_argument"},
        {"GET", "/search?q=%FF", 400, "invalid_argument"},
        {"GET", "/health?verbose=1", 400, "invalid_argument"},
        {"GET", "/search?q=budget", 503, "unavailable"},
        {"HEAD", "/items/abc", 503, "unavailable"},
        {"GET", "/items/abc/similar?like=x", 400, "invalid_argument"},
    }));
    HttpResponse response = get(service, target, method);
    CHECK(response.status == status);
    CHECK(error_code(response) == code);
    CHECK(response.content_type == "application/json; charset=utf-8");
}

TEST_CASE("QueryService: limits on target, headers and body", "[http][service]") {
    QueryService service(options_without_database());
    std::string long_target = "/search?q=" + std::string(service.options().max_target_bytes, 'a');
    HttpResponse too_long = get(service, long_target);
    CHECK(too_long.status == 414);
    CHECK(error_code(too_long) == "uri_too_long");

    HttpRequest headers;
    headers.method = "GET";
    headers.target = "/health";
    headers.header_count = service.options().max_header_count + 1;
    CHECK(service.handle(headers).status == 431);

    HttpRequest body = headers;
    body.header_count = 3;
    body.body_bytes = 10;
    CHECK(service.handle(body).status == 413);

    HttpResponse method = get(service, "/search", "PUT");
    REQUIRE(method.status == 405);
    CHECK(method.headers == std::vector<std::pair<std::string, std::string>>{{"Allow", "GET, HEAD"}});
}

TEST_CASE("QueryService: health without a database is 503, metrics count every request", "[http][service]") {
    QueryService service(options_without_database());
    HttpResponse health = get(service, "/health");
    CHECK(health.status == 503);
    auto doc = nlohmann::json::parse(health.body);
    CHECK(doc["ready"] == false);
    CHECK(doc["status"] == "unavailable");
    CHECK_THAT(doc["message"].get<std::string>(), Catch::Contains("no database"));

    CHECK(get(service, "/nowhere").status == 404);
    HttpResponse metrics = get(service, "/metrics");
    CHECK(metrics.status == 200);
    CHECK(metrics.content_type == "text/plain; version=0.0.4; charset=utf-8");
    CHECK_THAT(metrics.body,
               Catch::Contains("minutes_http_requests_total{endpoint=\"health\",status=\"503\"} 1\n"));
    CHECK_THAT(metrics.body,
               Catch::Contains("minutes_http_requests_total{endpoint=\"other\",status=\"404\"} 1\n"));
    CHECK(service.metrics().requests("metrics", 200) == 1);
}

TEST_CASE("QueryService: a database that appears later is opened on a later request", "[http][service]") {
    minutes::testing::TempDir dir;
    ServerOptions options = options_without_database();
    options.databases = {(dir.path() / "not-yet").string()};
    options.reopen_interval_ms = 0;
    QueryService service(options);
    CHECK_FALSE(service.open_all());
    HttpResponse response = get(service, "/search?q=x");
    CHECK(response.status == 503);
    CHECK_THAT(response.body, Catch::Contains("database unavailable"));
}

TEST_CASE("HttpServer and http_get: a real round trip on loopback", "[http][server]") {
    QueryService service(options_without_database());
    auto server = HttpServer::start(service);
    REQUIRE(server);
    std::uint16_t port = (*server)->port();
    REQUIRE(port != 0);
    std::string base = "http://127.0.0.1:" + std::to_string(port);

    auto health = http_get(base + "/health");
    REQUIRE(health);
    CHECK(health->status == 503);
    CHECK(health->content_type == "application/json; charset=utf-8");
    CHECK(nlohmann::json::parse(health->body)["ready"] == false);

    auto metrics = http_get(url_with_query(base + "/", "/metrics", {}));
    REQUIRE(metrics);
    CHECK(metrics->status == 200);
    CHECK_THAT(metrics->body,
               Catch::Contains("minutes_http_requests_total{endpoint=\"health\",status=\"503\"} 1"));

    // Parameters are encoded by url_with_query and decoded by the server: a bad value comes back named.
    auto bad = http_get(url_with_query(base, "/health", {{"a b", "c&d"}}));
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK_THAT(bad->body, Catch::Contains("parameter 'a b'"));

    CHECK((*server)->drain_and_stop() == 0);
    auto refused = http_get(base + "/health", HttpClientOptions{2000, 1 << 20});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Unavailable);
}

TEST_CASE("http_get: URLs it refuses", "[http][client]") {
    auto [url, fragment] = GENERATE(table<std::string, std::string>({
        {"https://example.org/", "must start with http://"},
        {"ftp://x/", "must start with http://"},
        {"http:///search", "no host"},
        {"http://[::1/search", "unclosed"},
    }));
    auto response = http_get(url);
    REQUIRE_FALSE(response);
    CHECK(response.error().code == ErrorCode::InvalidArgument);
    CHECK_THAT(response.error().message, Catch::Contains(fragment));
}
