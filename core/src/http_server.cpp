// libmicrohttpd glue: worker threads, limits, one log line per request, drain on shutdown.
#include "minutes/http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

namespace minutes {

namespace {

using Clock = std::chrono::steady_clock;

// One request, from its request line to its completion; owned by libmicrohttpd's per-request slot.
struct RequestContext {
    Clock::time_point start = Clock::now();
    std::string target;  // raw request target as sent
    std::string method;
    int status = 0;  // 0 until answered by us
    bool answered = false;
    bool first_call_seen = false;
};

// Path part of the target, printable only and bounded, so a hostile request cannot forge log lines.
std::string loggable_path(std::string_view target) {
    constexpr std::size_t kMaxLogged = 200;
    std::string_view path = target.substr(0, target.find('?'));
    std::string out;
    for (std::size_t i = 0; i < path.size() && out.size() < kMaxLogged; ++i) {
        auto c = static_cast<unsigned char>(path[i]);
        if (c < 0x21 || c >= 0x7f || c == '\\') {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    if (path.size() > kMaxLogged) out += "...";
    return out;
}

void write_line(const std::string& line) {
    // One write() per line: lines from several workers never interleave.
    std::size_t done = 0;
    while (done < line.size()) {
        ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

std::string_view termination_name(MHD_RequestTerminationCode code) {
    switch (code) {
        case MHD_REQUEST_TERMINATED_COMPLETED_OK:
            return "ok";
        case MHD_REQUEST_TERMINATED_WITH_ERROR:
            return "error";
        case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED:
            return "timeout";
        case MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN:
            return "shutdown";
        case MHD_REQUEST_TERMINATED_READ_ERROR:
            return "read error";
        case MHD_REQUEST_TERMINATED_CLIENT_ABORT:
            return "client abort";
    }
    return "unknown";
}

struct ListenAddress {
    sockaddr_storage storage{};
    bool ipv6 = false;
};

Result<ListenAddress> parse_listen(const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size()) {
        return make_error(ErrorCode::InvalidArgument, "--listen: expected HOST:PORT, got '" + listen + "'");
    }
    std::string host = listen.substr(0, colon);
    std::string port = listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &found);
    if (rc != 0 || found == nullptr) {
        return make_error(ErrorCode::InvalidArgument,
                          "--listen: cannot resolve '" + listen + "': " + ::gai_strerror(rc));
    }
    ListenAddress address;
    std::memcpy(&address.storage, found->ai_addr, found->ai_addrlen);
    address.ipv6 = found->ai_family == AF_INET6;
    ::freeaddrinfo(found);
    return address;
}

}  // namespace

struct HttpServer::State {
    QueryService* service = nullptr;
    MHD_Daemon* daemon = nullptr;
    std::atomic<std::int64_t> open_requests{0};
    bool log_requests = true;

    static void* on_request_line(void* cls, const char* uri, MHD_Connection*) {
        auto* state = static_cast<State*>(cls);
        state->open_requests.fetch_add(1);
        auto* context = new RequestContext;
        context->target = uri != nullptr ? uri : "";
        return context;
    }

    static void on_completed(void* cls, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode code) {
        auto* state = static_cast<State*>(cls);
        auto* context = static_cast<RequestContext*>(*con_cls);
        if (context == nullptr) return;
        *con_cls = nullptr;
        if (state->log_requests) {
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - context->start).count();
            char timing[32];
            std::snprintf(timing, sizeof timing, "%.2f ms", ms);
            std::string line = (context->method.empty() ? "-" : context->method) + " " +
                               loggable_path(context->target) + " " +
                               (context->answered ? std::to_string(context->status) : "-") + " " + timing;
            // Requests refused by the server library itself (request line or headers too big, timeouts).
            if (code != MHD_REQUEST_TERMINATED_COMPLETED_OK)
                line += std::string(" (") + termination_name(code).data() + ")";
            write_line(line + "\n");
        }
        delete context;
        state->open_requests.fetch_sub(1);
    }

    static MHD_Result on_request(void* cls, MHD_Connection* connection, const char* url, const char* method,
                                 const char*, const char*, std::size_t* upload_data_size, void** con_cls) {
        auto* state = static_cast<State*>(cls);
        auto* context = static_cast<RequestContext*>(*con_cls);
        if (context == nullptr) return MHD_NO;  // no request line callback: cannot happen with our options
        if (context->answered) {
            *upload_data_size = 0;  // a body we refused: discard what arrives
            return MHD_YES;
        }
        context->method = method;
        if (context->target.empty()) context->target = url;
        bool has_body =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length") != nullptr ||
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Transfer-Encoding") != nullptr;
        bool simple = !has_body && (context->method == "GET" || context->method == "HEAD");
        // libmicrohttpd 0.9.75 closes the connection when a response is queued in the first call (the
        // body might be unread), so a plain GET is answered in the second call to keep the connection
        // alive; anything with a body or another method is answered at once, and closed.
        if (simple && !context->first_call_seen) {
            context->first_call_seen = true;
            return MHD_YES;
        }

        HttpRequest request;
        request.method = context->method;
        request.target = context->target;
        int headers = MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr);
        request.header_count = headers < 0 ? 0 : static_cast<std::size_t>(headers);
        if (const char* accept = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Accept")) {
            request.accept = accept;
        }
        if (const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length")) {
            request.body_bytes = std::strtoull(length, nullptr, 10);
            if (request.body_bytes == 0 && std::strcmp(length, "0") != 0) request.body_bytes = 1;
        }
        if (MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Transfer-Encoding") != nullptr) {
            request.body_bytes = std::max<std::size_t>(request.body_bytes, 1);
        }
        if (*upload_data_size > 0) request.body_bytes = std::max(request.body_bytes, *upload_data_size);

        HttpResponse response = state->service->handle(request);
        context->answered = true;
        context->status = response.status;

        MHD_Response* reply = MHD_create_response_from_buffer(response.body.size(), response.body.data(),
                                                              MHD_RESPMEM_MUST_COPY);
        if (reply == nullptr) return MHD_NO;
        MHD_add_response_header(reply, MHD_HTTP_HEADER_CONTENT_TYPE, response.content_type.c_str());
        MHD_add_response_header(reply, "X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : response.headers) {
            MHD_add_response_header(reply, name.c_str(), value.c_str());
        }
        // A refused body is not read: close rather than parse what follows as a request.
        if (request.body_bytes > 0) MHD_add_response_header(reply, MHD_HTTP_HEADER_CONNECTION, "close");
        MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(response.status), reply);
        MHD_destroy_response(reply);
        *upload_data_size = 0;
        return queued;
    }

    static void on_library_error(void*, const char* format, va_list args) {
        char message[512];
        std::vsnprintf(message, sizeof message, format, args);
        std::string line = std::string("minutes-searchd: http: ") + message;
        if (line.empty() || line.back() != '\n') line.push_back('\n');
        write_line(line);
    }
};

HttpServer::HttpServer(std::unique_ptr<State> state) : state_(std::move(state)) {}

HttpServer::~HttpServer() {
    if (state_ && state_->daemon != nullptr) MHD_stop_daemon(state_->daemon);
}

Result<std::unique_ptr<HttpServer>> HttpServer::start(QueryService& service) {
    const ServerOptions& options = service.options();
    auto address = parse_listen(options.listen);
    if (!address) return tl::unexpected(address.error());

    auto state = std::make_unique<State>();
    state->service = &service;
    state->log_requests = options.log_requests;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (address->ipv6) flags |= MHD_USE_IPv6;
    unsigned threads =
        options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads;

    MHD_OptionItem settings[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &address->storage},
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(threads), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(options.connection_limit), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(options.per_ip_connection_limit), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(options.connection_timeout_s), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(options.connection_memory_limit), nullptr},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, static_cast<intptr_t>(options.listen_backlog), nullptr},
        {MHD_OPTION_END, 0, nullptr},
    };
    state->daemon =
        MHD_start_daemon(flags, 0, nullptr, nullptr, &State::on_request, state.get(),
                         // The logger first, so that messages about the later options go through it too.
                         MHD_OPTION_EXTERNAL_LOGGER, &State::on_library_error, state.get(), MHD_OPTION_ARRAY,
                         settings, MHD_OPTION_URI_LOG_CALLBACK, &State::on_request_line, state.get(),
                         MHD_OPTION_NOTIFY_COMPLETED, &State::on_completed, state.get(), MHD_OPTION_END);
    if (state->daemon == nullptr) {
        return make_error(ErrorCode::Unavailable, "--listen: cannot listen on " + options.listen +
                                                      " (address in use, or not an address of this host)");
    }
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(state)));
}

std::uint16_t HttpServer::port() const {
    const MHD_DaemonInfo* info = MHD_get_daemon_info(state_->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info != nullptr ? info->port : 0;
}

std::size_t HttpServer::drain_and_stop() {
    if (state_->daemon == nullptr) return 0;
    MHD_socket listener = MHD_quiesce_daemon(state_->daemon);
    if (listener != MHD_INVALID_SOCKET) ::close(listener);
    auto deadline = Clock::now() + std::chrono::seconds(state_->service->options().drain_timeout_s);
    while (state_->open_requests.load() > 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    auto unanswered = state_->open_requests.load();
    MHD_stop_daemon(state_->daemon);
    state_->daemon = nullptr;
    return unanswered > 0 ? static_cast<std::size_t>(unanswered) : 0;
}

}  // namespace minutes
