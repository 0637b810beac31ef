// Request counters and latency histograms in the Prometheus text format.
#include "minutes/http_metrics.h"

#include <cstdio>

namespace minutes {

namespace {

std::size_t endpoint_index(std::string_view endpoint) {
    for (std::size_t i = 0; i + 1 < ServerMetrics::kEndpoints.size(); ++i) {
        if (ServerMetrics::kEndpoints[i] == endpoint) return i;
    }
    return ServerMetrics::kEndpoints.size() - 1;
}

std::size_t status_index(int status) {
    for (std::size_t i = 0; i + 1 < ServerMetrics::kStatuses.size(); ++i) {
        if (ServerMetrics::kStatuses[i] == status) return i;
    }
    return ServerMetrics::kStatuses.size() - 1;
}

std::string format_double(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

}  // namespace

void ServerMetrics::record(std::string_view endpoint, int status, std::chrono::nanoseconds latency) {
    auto& counters = endpoints_[endpoint_index(endpoint)];
    counters.by_status[status_index(status)].fetch_add(1, std::memory_order_relaxed);
    double seconds = std::chrono::duration<double>(latency).count();
    std::size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
    counters.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    auto ns = latency.count() < 0 ? 0 : static_cast<std::uint64_t>(latency.count());
    counters.latency_ns_sum.fetch_add(ns, std::memory_order_relaxed);
}

std::uint64_t ServerMetrics::requests(std::string_view endpoint, int status) const {
    return endpoints_[endpoint_index(endpoint)].by_status[status_index(status)].load(
        std::memory_order_relaxed);
}

std::string ServerMetrics::prometheus_text() const {
    std::string out;
    out += "# HELP minutes_http_requests_total HTTP requests answered, by endpoint and status.\n";
    out += "# TYPE minutes_http_requests_total counter\n";
    for (std::size_t e = 0; e < kEndpoints.size(); ++e) {
        for (std::size_t s = 0; s < kStatuses.size(); ++s) {
            auto count = endpoints_[e].by_status[s].load(std::memory_order_relaxed);
            if (count == 0) continue;
            std::string status = kStatuses[s] == 0 ? "other" : std::to_string(kStatuses[s]);
            out += "minutes_http_requests_total{endpoint=\"" + std::string(kEndpoints[e]) + "\",status=\"" +
                   status + "\"} " + std::to_string(count) + "\n";
        }
    }
    out += "# HELP minutes_http_request_duration_seconds Time from request line to response queued.\n";
    out += "# TYPE minutes_http_request_duration_seconds histogram\n";
    for (std::size_t e = 0; e < kEndpoints.size(); ++e) {
        const auto& counters = endpoints_[e];
        std::string label = "endpoint=\"" + std::string(kEndpoints[e]) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
            cumulative += counters.buckets[b].load(std::memory_order_relaxed);
            std::string le = b == kBuckets.size() ? "+Inf" : format_double(kBuckets[b]);
            out += "minutes_http_request_duration_seconds_bucket{" + label + ",le=\"" + le + "\"} " +
                   std::to_string(cumulative) + "\n";
        }
        double sum = static_cast<double>(counters.latency_ns_sum.load(std::memory_order_relaxed)) / 1e9;
        out += "minutes_http_request_duration_seconds_sum{" + label + "} " + format_double(sum) + "\n";
        out +=
            "minutes_http_request_duration_seconds_count{" + label + "} " + std::to_string(cumulative) + "\n";
    }
    out += "# HELP minutes_http_requests_in_flight Requests being answered now.\n";
    out += "# TYPE minutes_http_requests_in_flight gauge\n";
    out += "minutes_http_requests_in_flight " + std::to_string(in_flight()) + "\n";
    out +=
        "# HELP minutes_searcher_reopens_total Times a worker opened its databases or looked for new commits "
        "(at most once a second each).\n";
    out += "# TYPE minutes_searcher_reopens_total counter\n";
    out +=
        "minutes_searcher_reopens_total " + std::to_string(reopens_.load(std::memory_order_relaxed)) + "\n";
    out += "# HELP minutes_search_cache_hits_total /search answers served from the result cache.\n";
    out += "# TYPE minutes_search_cache_hits_total counter\n";
    out += "minutes_search_cache_hits_total " + std::to_string(cache_hits()) + "\n";
    out += "# HELP minutes_search_cache_misses_total /search answers computed (cache on, not found).\n";
    out += "# TYPE minutes_search_cache_misses_total counter\n";
    out += "minutes_search_cache_misses_total " +
           std::to_string(cache_misses_.load(std::memory_order_relaxed)) + "\n";
    return out;
}

}  // namespace minutes
