// The HTTP server of minutes-searchd: libmicrohttpd worker threads in front of a QueryService, with
// the connection, per-address, timeout and memory bounds of ServerOptions.
#pragma once

#include <cstdint>
#include <memory>

#include "minutes/error.h"
#include "minutes/query_service.h"

namespace minutes {

class HttpServer {
  public:
    // Binds ServerOptions::listen and starts ServerOptions::threads worker threads answering through
    // `service`, which must outlive the server. An error names the address when it cannot be bound.
    // Call with SIGTERM, SIGINT and SIGHUP blocked so the workers inherit the mask and the caller
    // receives them (sigwait).
    [[nodiscard]] static Result<std::unique_ptr<HttpServer>> start(QueryService& service);

    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    ~HttpServer();  // stops at once (drain_and_stop() first for a clean exit)

    // The port bound (useful with port 0).
    [[nodiscard]] std::uint16_t port() const;

    // Stops accepting connections, waits up to ServerOptions::drain_timeout_s for the requests in
    // flight to be answered, then stops the workers. Returns how many requests were still unanswered.
    std::size_t drain_and_stop();

    struct State;

  private:
    explicit HttpServer(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace minutes
