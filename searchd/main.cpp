// minutes-searchd: the read-only HTTP query daemon. Arguments and signals here; everything else in core.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "minutes/http_server.h"
#include "minutes/query_service.h"

int main(int argc, char** argv) {
    try {
        minutes::ServerOptions options;
        CLI::App app{
            "minutes-searchd: answers minutes searches over HTTP (read-only; see README \"The query "
            "daemon\")"};
        app.add_option(
               "--db", options.databases,
               "Database directory or tcp://HOST:PORT shard (xapian-tcpsrv); repeat to search several as one")
            ->required();
        app.add_option("--listen", options.listen, "Address to listen on, HOST:PORT (port 0: any free port)")
            ->capture_default_str();
        app.add_option("--threads", options.threads,
                       "Worker threads, each with its own searcher (0: one per core)")
            ->capture_default_str();
        app.add_option("--connection-limit", options.connection_limit, "Open connections at most")
            ->capture_default_str();
        app.add_option("--per-ip-connection-limit", options.per_ip_connection_limit,
                       "Open connections from one client address at most")
            ->capture_default_str();
        app.add_option("--timeout", options.connection_timeout_s,
                       "Seconds before an idle or slow connection is closed")
            ->capture_default_str();
        app.add_option("--io-threads", options.io_threads,
                       "Threads reading requests and writing answers (they never search)")
            ->capture_default_str();
        app.add_option("--queue-limit", options.queue_limit,
                       "Requests waiting for a search worker at most; beyond it 503 overloaded")
            ->capture_default_str();
        app.add_option("--queue-wait-ms", options.queue_wait_ms,
                       "A request waiting longer for a worker is answered 503 overloaded")
            ->capture_default_str();
        app.add_option("--head-timeout", options.request_head_timeout_s,
                       "Seconds a new connection has to send its request line and headers")
            ->capture_default_str();
        app.add_option("--public-url", options.public_url,
                       "Base URL of absolute links in feeds (https://host[:port][/path]); default: from the "
                       "Host header")
            ->check([](const std::string& url) -> std::string {
                bool scheme = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
                bool clean = url.find_first_of(" \t\r\n\"'<>\\?#") == std::string::npos;
                return scheme && clean && url.size() <= 200
                           ? std::string()
                           : "expected http://HOST[:PORT][/PATH] or https://..., without quotes, spaces, '?' or '#'";
            });
        app.add_option("--cache-entries", options.cache_entries,
                       "/search answers kept in the result cache (keyed by database revision); 0: no cache")
            ->capture_default_str();
        app.add_option("--reopen-interval-ms", options.reopen_interval_ms,
                       "A worker looks for new commits at most this often")
            ->capture_default_str();
        app.add_option("--drain-timeout", options.drain_timeout_s,
                       "On SIGTERM, seconds to wait for requests in flight")
            ->capture_default_str();
        bool quiet = false;
        app.add_flag("--quiet", quiet, "Do not log one line per request");
        CLI11_PARSE(app, argc, argv);
        options.log_requests = !quiet;

        // Block the signals before any worker starts, so the workers inherit the mask and only
        // sigwait below sees them.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGTERM);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        signal(SIGPIPE, SIG_IGN);

        minutes::QueryService service(options);
        if (auto opened = service.open_all(); !opened) {
            std::cerr << "minutes-searchd: warning: " << opened.error().message
                      << " (answering 503 until it can be opened)\n";
        }
        auto server = minutes::HttpServer::start(service);
        if (!server) {
            std::cerr << "minutes-searchd: " << server.error().message << "\n";
            return minutes::exit_code_for(server.error());
        }
        std::cerr << "minutes-searchd: listening on " << options.listen.substr(0, options.listen.rfind(':'))
                  << ":" << (*server)->port() << " (" << service.options().threads << " threads, "
                  << options.databases.size() << " database(s))" << std::endl;

        for (;;) {
            int received = 0;
            if (sigwait(&signals, &received) != 0) continue;
            if (received == SIGHUP) {
                service.request_reopen();
                std::cerr << "minutes-searchd: SIGHUP: reopening the databases" << std::endl;
                continue;
            }
            break;
        }
        std::cerr << "minutes-searchd: draining requests in flight" << std::endl;
        std::size_t unanswered = (*server)->drain_and_stop();
        std::cerr << "minutes-searchd: stopped";
        if (unanswered > 0)
            std::cerr << " (" << unanswered << " requests unanswered after the drain timeout)";
        std::cerr << std::endl;
        return unanswered > 0 ? 3 : 0;
    } catch (const std::exception& error) {
        std::cerr << "minutes-searchd: " << error.what() << "\n";
        return 3;
    }
}
