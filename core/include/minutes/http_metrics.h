// Request counters and latency histograms of the daemon, rendered in the Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace minutes {

// Counts requests by endpoint and status and their latency. Thread-safe and lock-free: record() is
// called by every worker at the end of every request.
class ServerMetrics {
  public:
    // Endpoint labels; anything else is counted as "other".
    static constexpr std::array<std::string_view, 11> kEndpoints{
        "search", "item", "meeting", "similar", "health", "metrics", "page", "feed", "csv", "static", "other"};
    // Status codes counted separately; anything else is counted under "other".
    static constexpr std::array<int, 12> kStatuses{200, 303, 400, 404, 405, 408, 413, 414, 431, 500, 503, 0};
    // Upper bounds of the latency histogram buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    void record(std::string_view endpoint, int status, std::chrono::nanoseconds latency);
    void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
    void request_finished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
    // A worker opened its databases or looked for new commits.
    void searcher_reopened() { reopens_.fetch_add(1, std::memory_order_relaxed); }
    // A /search answer found in (or missing from) the result cache.
    void cache_hit() { cache_hits_.fetch_add(1, std::memory_order_relaxed); }
    void cache_miss() { cache_misses_.fetch_add(1, std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t cache_hits() const { return cache_hits_.load(std::memory_order_relaxed); }

    [[nodiscard]] std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t requests(std::string_view endpoint, int status) const;
    // Prometheus exposition format (text/plain; version=0.0.4).
    [[nodiscard]] std::string prometheus_text() const;

  private:
    struct EndpointCounters {
        std::array<std::atomic<std::uint64_t>, kStatuses.size()> by_status{};
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1>
            buckets{};  // not cumulative; last is +Inf
        std::atomic<std::uint64_t> latency_ns_sum{0};
    };
    std::array<EndpointCounters, kEndpoints.size()> endpoints_{};
    std::atomic<std::int64_t> in_flight_{0};
    std::atomic<std::uint64_t> reopens_{0};
    std::atomic<std::uint64_t> cache_hits_{0};
    std::atomic<std::uint64_t> cache_misses_{0};
};

}  // namespace minutes
