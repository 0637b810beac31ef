// Tests of the router (QueryService) without a database, and of the HTTP client against the real
// server on a loopback port: statuses, error documents, HEAD, metrics.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "minutes/http_client.h"
#include "minutes/http_server.h"
#include "minutes/indexer.h"
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

// An index of the sample's Worcestershire minutes in dir/db; its path.
std::filesystem::path index_worcestershire(const minutes::testing::TempDir& dir) {
    auto db = dir.path() / "db";
    auto writer = IndexWriter::open(db);
    REQUIRE(writer);
    REQUIRE(writer->add({minutes::testing::project_corpus() / "worcestershire"}));
    return db;
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

TEST_CASE("QueryService: the feed's links are absolute, from --public-url or a plain Host header",
          "[http][service][feed]") {
    minutes::testing::TempDir dir;
    auto db = index_worcestershire(dir);
    auto feed_links = [&](const std::string& public_url, std::string_view host) {
        ServerOptions options = options_without_database();
        options.databases = {db.string()};
        options.threads = 1;
        options.public_url = public_url;
        QueryService service(options);
        service.set_bound_address("127.0.0.1:18080");
        HttpRequest request;
        request.method = "GET";
        request.target = "/search.atom?q=ofsted";
        request.host = host;
        HttpResponse response = service.handle(request);
        REQUIRE(response.status == 200);
        std::vector<std::string> links;
        for (std::size_t at = response.body.find("href=\""); at != std::string::npos;
             at = response.body.find("href=\"", at + 1)) {
            links.push_back(response.body.substr(at + 6, response.body.find('"', at + 6) - at - 6));
        }
        return links;
    };
    // The sample's Worcestershire minutes have items about Ofsted: a self link, the search page and
    // one link per entry.
    auto from_host = feed_links("", "minutes.example.org:8080");
    REQUIRE(from_host.size() >= 3);
    CHECK(from_host[0] == "http://minutes.example.org:8080/search.atom?q=ofsted");
    CHECK(from_host[1] == "http://minutes.example.org:8080/?q=ofsted");
    for (std::size_t i = 2; i < from_host.size(); ++i) {
        CHECK(from_host[i].rfind("http://minutes.example.org:8080/items/", 0) == 0);
    }
    auto from_option = feed_links("https://minutes.example.org/archive/", "other.example");
    REQUIRE(from_option.size() == from_host.size());
    CHECK(from_option[0] == "https://minutes.example.org/archive/search.atom?q=ofsted");
    CHECK(from_option[2].rfind("https://minutes.example.org/archive/items/", 0) == 0);
    auto hostile = feed_links("", "evil.example\"><x");
    REQUIRE(hostile.size() == from_host.size());
    CHECK(hostile[0] == "http://127.0.0.1:18080/search.atom?q=ofsted");
}

TEST_CASE("QueryService: the result cache answers a repeated search, and a commit invalidates it",
          "[http][service][cache]") {
    minutes::testing::TempDir dir;
    auto db = index_worcestershire(dir);
    ServerOptions options = options_without_database();
    options.databases = {db.string()};
    options.threads = 1;
    options.reopen_interval_ms = 0;  // look for commits on every request
    QueryService service(options);
    auto search = [&](std::string_view target) {
        HttpRequest request;
        request.method = "GET";
        request.target = target;
        return service.handle(request);
    };
    auto x_cache = [](const HttpResponse& response) {
        for (const auto& [name, value] : response.headers) {
            if (name == "X-Cache") return value;
        }
        return std::string();
    };
    auto first = search("/search?q=budget&limit=3&facets=year");
    REQUIRE(first.status == 200);
    CHECK(x_cache(first) == "miss");
    // The same search with its parameters in another order is the same entry, with the same bytes.
    auto again = search("/search?facets=year&limit=3&q=budget");
    CHECK(x_cache(again) == "hit");
    CHECK(again.body == first.body);
    CHECK(service.metrics().cache_hits() == 1);
    // Another search, and errors, are not answered from the cache.
    CHECK(x_cache(search("/search?q=budget&limit=4&facets=year")) == "miss");
    CHECK(search("/search?q=budget&limit=abc").status == 400);

    // The indexer commits more minutes: the revision changes, so the next answer is computed afresh
    // and counts them.
    auto before = nlohmann::json::parse(first.body)["total_estimate"].get<std::size_t>();
    {
        auto writer = IndexWriter::open(db);
        REQUIRE(writer);
        REQUIRE(writer->add({minutes::testing::project_corpus()}));
    }
    auto after = search("/search?q=budget&limit=3&facets=year");
    REQUIRE(after.status == 200);
    CHECK(x_cache(after) == "miss");
    CHECK(nlohmann::json::parse(after.body)["total_estimate"].get<std::size_t>() > before);

    // No cache: no X-Cache header, same answer.
    ServerOptions uncached = options;
    uncached.cache_entries = 0;
    QueryService plain(uncached);
    HttpRequest request;
    request.method = "GET";
    request.target = "/search?q=budget&limit=3&facets=year";
    auto plain_answer = plain.handle(request);
    CHECK(x_cache(plain_answer).empty());
    CHECK(plain_answer.body == after.body);
}
