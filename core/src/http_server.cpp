// The daemon's sockets: a front door that admits connections and checks each new connection's request
// head before libmicrohttpd sees it, libmicrohttpd I/O threads, a bounded queue of requests for the
// search workers, one log line per request, drain on shutdown.
#include "minutes/http_server.h"

#include "http_head.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace minutes {

namespace {

using Clock = std::chrono::steady_clock;

// One request, from its request line to its completion; owned by libmicrohttpd's per-request slot.
// While a search worker holds it the connection is suspended, so libmicrohttpd does not touch it.
struct RequestContext {
    enum class Phase {
        Reading,   // request line and headers arriving
        Waiting,   // in the queue or with a search worker; the connection is suspended
        Ready,     // the worker's response is in `response`; the connection is resumed
        Answered,  // response queued with libmicrohttpd
    };
    Clock::time_point start = Clock::now();
    Clock::time_point queued{};
    MHD_Connection* connection = nullptr;
    std::string target;  // raw request target as sent
    std::string method;
    std::string accept;
    std::string host;
    std::size_t header_count = 0;
    std::size_t header_bytes = 0;
    HttpResponse response;
    Phase phase = Phase::Reading;
    int status = 0;  // 0 until answered by us
    bool first_call_seen = false;

    HttpRequest request() const {
        HttpRequest request;
        request.method = method;
        request.target = target;
        request.accept = accept;
        request.host = host;
        request.header_count = header_count;
        request.header_bytes = header_bytes;
        return request;
    }
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
    // One write() per line: lines from several threads never interleave.
    std::size_t done = 0;
    while (done < line.size()) {
        ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

void log_request(std::string_view method, std::string_view target, int status, Clock::time_point start,
                 std::string_view note) {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.2f ms", ms);
    std::string line = (method.empty() ? std::string("-") : loggable_path(method)) + " " +
                       loggable_path(target) + " " + (status > 0 ? std::to_string(status) : "-") + " " + timing;
    if (!note.empty()) line += " (" + std::string(note) + ")";
    write_line(line + "\n");
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
    socklen_t length = 0;
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
    address.length = found->ai_addrlen;
    ::freeaddrinfo(found);
    return address;
}

// The client address as a map key (the address bytes, without the port).
std::string address_key(const sockaddr* address) {
    if (address == nullptr) return {};
    if (address->sa_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(address);
        return std::string(reinterpret_cast<const char*>(&in->sin_addr), sizeof in->sin_addr);
    }
    if (address->sa_family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
        return std::string(reinterpret_cast<const char*>(&in6->sin6_addr), sizeof in6->sin6_addr);
    }
    return {};
}

// A complete HTTP/1.1 answer with the JSON error document, for the front door (which has no
// libmicrohttpd connection to answer through).
std::string raw_error_answer(int status, std::string_view code, std::string_view message,
                             unsigned retry_after_s) {
    std::string body = error_document(code, message) + "\n";
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(http_reason_phrase(status)) +
                      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n";
    if (status == 503) out += "Retry-After: " + std::to_string(retry_after_s) + "\r\n";
    out += "\r\n";
    return out + body;
}

HttpResponse overloaded_response(const ServerOptions& options, std::string message) {
    HttpResponse response = error_response(503, "overloaded", message);
    response.headers.emplace_back("Retry-After", std::to_string(options.retry_after_s));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace

struct HttpServer::State {
    QueryService* service = nullptr;
    const ServerOptions* options = nullptr;
    MHD_Daemon* daemon = nullptr;
    std::atomic<std::int64_t> open_requests{0};
    bool log_requests = true;
    std::uint16_t port = 0;

    // The queue of requests for the search workers.
    std::mutex queue_mutex;
    std::condition_variable queue_filled;
    std::deque<RequestContext*> queue;
    bool workers_stopping = false;
    std::vector<std::thread> workers;

    // The front door: our own listening socket; connections are handed to libmicrohttpd once their
    // first request head has arrived whole and within the limits.
    struct Pending {
        sockaddr_storage address{};
        socklen_t address_length = 0;
        Clock::time_point accepted;
        Clock::time_point deadline;       // the whole head by then (slow-loris)
        Clock::time_point idle_deadline;  // some bytes by then (an idle connection)
        std::size_t bytes_seen = 0;
        bool closing = false;          // answered by the front door: reading what the client still sends
        bool holds_address = false;    // counted against the per-address limit
    };
    int listen_fd = -1;
    int epoll_fd = -1;
    int stop_fd = -1;
    std::thread front_door;
    std::unordered_map<int, Pending> pending;
    std::size_t closing_count = 0;
    std::atomic<std::size_t> mhd_connections{0};
    std::mutex per_ip_mutex;
    std::unordered_map<std::string, unsigned> per_ip;

    ~State() {
        for (int fd : {listen_fd, epoll_fd, stop_fd}) {
            if (fd >= 0) ::close(fd);
        }
    }

    // --- libmicrohttpd callbacks ---

    static void* on_request_line(void* cls, const char* uri, MHD_Connection* connection) {
        auto* state = static_cast<State*>(cls);
        state->open_requests.fetch_add(1);
        auto* context = new RequestContext;
        context->connection = connection;
        context->target = uri != nullptr ? uri : "";
        return context;
    }

    static void on_completed(void* cls, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode code) {
        auto* state = static_cast<State*>(cls);
        auto* context = static_cast<RequestContext*>(*con_cls);
        if (context == nullptr) return;
        *con_cls = nullptr;
        if (state->log_requests) {
            // Requests ended by the server library itself (timeouts, broken connections) are marked.
            log_request(context->method, context->target, context->status, context->start,
                        code == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : termination_name(code));
        }
        delete context;
        state->open_requests.fetch_sub(1);
    }

    static void on_connection(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode code) {
        auto* state = static_cast<State*>(cls);
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            state->mhd_connections.fetch_add(1);
            return;
        }
        state->mhd_connections.fetch_sub(1);
        const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (info != nullptr) state->release_address(address_key(info->client_addr));
    }

    static MHD_Result header_size(void* cls, MHD_ValueKind, const char* key, const char* value) {
        auto* context = static_cast<RequestContext*>(cls);
        ++context->header_count;
        context->header_bytes += std::strlen(key) + (value != nullptr ? std::strlen(value) : 0) + 4;
        return MHD_YES;
    }

    MHD_Result send_response(MHD_Connection* connection, RequestContext& context, bool close) {
        const HttpResponse& response = context.response;
        context.phase = RequestContext::Phase::Answered;
        context.status = response.status;
        MHD_Response* reply = MHD_create_response_from_buffer(
            response.body.size(), const_cast<char*>(response.body.data()), MHD_RESPMEM_PERSISTENT);
        if (reply == nullptr) return MHD_NO;
        MHD_add_response_header(reply, MHD_HTTP_HEADER_CONTENT_TYPE, response.content_type.c_str());
        MHD_add_response_header(reply, "X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : response.headers) {
            MHD_add_response_header(reply, name.c_str(), value.c_str());
        }
        // A refused body is not read: close rather than parse what follows as a request.
        if (close) MHD_add_response_header(reply, MHD_HTTP_HEADER_CONNECTION, "close");
        MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(response.status), reply);
        MHD_destroy_response(reply);
        return queued;
    }

    static MHD_Result on_request(void* cls, MHD_Connection* connection, const char* url, const char* method,
                                 const char*, const char*, std::size_t* upload_data_size, void** con_cls) {
        auto* state = static_cast<State*>(cls);
        auto* context = static_cast<RequestContext*>(*con_cls);
        if (context == nullptr) return MHD_NO;  // no request line callback: cannot happen with our options
        using Phase = RequestContext::Phase;
        switch (context->phase) {
            case Phase::Answered:
                *upload_data_size = 0;  // a body we refused: discard what arrives
                return MHD_YES;
            case Phase::Ready:  // resumed by the worker that answered it
                return state->send_response(connection, *context, false);
            case Phase::Waiting:  // cannot happen: a suspended connection is not processed
                return MHD_YES;
            case Phase::Reading:
                break;
        }
        context->method = method;
        if (context->target.empty()) context->target = url;
        std::size_t body_bytes = 0;
        if (const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length")) {
            body_bytes = std::strcmp(length, "0") == 0 ? 0 : 1;
        }
        if (MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Transfer-Encoding") != nullptr) body_bytes = 1;
        if (*upload_data_size > 0) body_bytes = std::max(body_bytes, *upload_data_size);
        bool simple = body_bytes == 0 && (context->method == "GET" || context->method == "HEAD");
        // libmicrohttpd 0.9.75 closes the connection when a response is queued in the first call (the
        // body might be unread), so a plain GET is answered in the second call to keep the connection
        // alive; anything with a body or another method is answered at once, and closed.
        if (simple && !context->first_call_seen) {
            context->first_call_seen = true;
            return MHD_YES;
        }
        MHD_get_connection_values(connection, MHD_HEADER_KIND, &State::header_size, context);
        context->header_bytes += context->method.size() + context->target.size() + 11;
        if (const char* accept = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Accept")) {
            context->accept = accept;
        }
        if (const char* host = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Host")) {
            context->host = host;
        }

        if (!simple) {
            // Refused before any search (405, 413): answered here, without a worker.
            HttpRequest request = context->request();
            request.body_bytes = body_bytes;
            context->response = state->service->handle(request);
            *upload_data_size = 0;
            return state->send_response(connection, *context, body_bytes > 0);
        }

        // A plain GET or HEAD: to the search workers through the bounded queue, or 503 when it is full.
        {
            std::unique_lock lock(state->queue_mutex);
            if (state->queue.size() < state->options->queue_limit && !state->workers_stopping) {
                context->phase = Phase::Waiting;
                context->queued = Clock::now();
                // Suspended before a worker can see it, so the worker's resume always finds it suspended.
                MHD_suspend_connection(connection);
                state->queue.push_back(context);
                lock.unlock();
                state->queue_filled.notify_one();
                return MHD_YES;
            }
        }
        context->response = overloaded_response(
            *state->options, "the server is busy (" + std::to_string(state->options->queue_limit) +
                                 " requests waiting); retry after " +
                                 std::to_string(state->options->retry_after_s) + " s");
        state->service->metrics().record("other", 503, Clock::now() - context->start);
        return state->send_response(connection, *context, false);
    }

    static void on_library_error(void*, const char* format, va_list args) {
        char message[512];
        std::vsnprintf(message, sizeof message, format, args);
        std::string line = std::string("minutes-searchd: http: ") + message;
        if (line.empty() || line.back() != '\n') line.push_back('\n');
        write_line(line);
    }

    // --- search workers ---

    void work() {
        for (;;) {
            RequestContext* context = nullptr;
            {
                std::unique_lock lock(queue_mutex);
                queue_filled.wait(lock, [&] { return !queue.empty() || workers_stopping; });
                if (queue.empty()) return;
                context = queue.front();
                queue.pop_front();
            }
            auto waited = Clock::now() - context->queued;
            if (workers_stopping_now()) {
                context->response = error_response(503, "shutting_down", "the server is stopping");
                service->metrics().record("other", 503, Clock::now() - context->start);
            } else if (waited > std::chrono::milliseconds(options->queue_wait_ms)) {
                // Its client has likely given up; searching now would only delay those behind it.
                context->response = overloaded_response(
                    *options, "the server is busy: waited over " + std::to_string(options->queue_wait_ms) +
                                  " ms for a worker; retry after " + std::to_string(options->retry_after_s) +
                                  " s");
                service->metrics().record("other", 503, Clock::now() - context->start);
            } else {
                context->response = service->handle(context->request());
            }
            context->phase = RequestContext::Phase::Ready;
            MHD_resume_connection(context->connection);
        }
    }

    bool workers_stopping_now() {
        std::lock_guard lock(queue_mutex);
        return workers_stopping;
    }

    void stop_workers() {
        {
            std::lock_guard lock(queue_mutex);
            workers_stopping = true;
        }
        queue_filled.notify_all();
        for (auto& worker : workers) {
            if (worker.joinable()) worker.join();
        }
        workers.clear();
    }

    // --- the front door ---

    // Claims a connection slot for the address; false when the address is at its limit.
    bool claim_address(const std::string& key) {
        std::lock_guard lock(per_ip_mutex);
        unsigned& count = per_ip[key];
        if (count >= options->per_ip_connection_limit) {
            if (count == 0) per_ip.erase(key);
            return false;
        }
        ++count;
        return true;
    }

    void release_address(const std::string& key) {
        std::lock_guard lock(per_ip_mutex);
        auto found = per_ip.find(key);
        if (found == per_ip.end()) return;
        if (--found->second == 0) per_ip.erase(found);
    }

    void release_slot(Pending& connection) {
        if (!connection.holds_address) return;
        connection.holds_address = false;
        release_address(address_key(reinterpret_cast<const sockaddr*>(&connection.address)));
    }

    void close_pending(int fd) {
        auto found = pending.find(fd);
        if (found == pending.end()) return;
        if (found->second.closing) --closing_count;
        release_slot(found->second);
        ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
        pending.erase(found);
    }

    // Answers with the JSON error document, then reads (and drops) what the client still sends for a
    // moment before closing, so the answer is not lost to a reset.
    void answer_and_close(int fd, const HeadCheck& check) {
        auto& connection = pending.at(fd);
        std::string answer = raw_error_answer(check.status, check.code, check.message, options->retry_after_s);
        [[maybe_unused]] ssize_t sent = ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
        service->metrics().record("other", check.status, Clock::now() - connection.accepted);
        if (log_requests) {
            log_request(check.method, check.target.empty() ? std::string_view("-") : check.target, check.status,
                        connection.accepted, "refused before reading");
        }
        release_slot(connection);
        connection.closing = true;
        connection.deadline = Clock::now() + std::chrono::seconds(2);
        ++closing_count;
        drain(fd);
    }

    void drain(int fd) {
        char sink[16384];
        for (;;) {
            ssize_t n = ::recv(fd, sink, sizeof sink, 0);
            if (n > 0) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
            close_pending(fd);  // end of stream or error
            return;
        }
    }

    void inspect(int fd) {
        auto found = pending.find(fd);
        if (found == pending.end()) return;
        if (found->second.closing) {
            drain(fd);
            return;
        }
        thread_local std::vector<char> buffer;
        buffer.resize(options->max_head_bytes + 1);
        ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_PEEK);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close_pending(fd);
            return;
        }
        if (n < 0) return;
        auto size = static_cast<std::size_t>(n);
        if (size > found->second.bytes_seen) {
            found->second.bytes_seen = size;
            found->second.idle_deadline = Clock::now() + std::chrono::seconds(options->connection_timeout_s);
        }
        HeadCheck check = check_head(std::string_view(buffer.data(), size), size == buffer.size(), *options);
        if (check.verdict == HeadCheck::Verdict::Incomplete) return;
        if (check.verdict == HeadCheck::Verdict::Refuse) {
            answer_and_close(fd, check);
            return;
        }
        // Admitted: libmicrohttpd takes the socket (and closes it itself if it cannot).
        // Its per-address slot passes with it (released when libmicrohttpd reports it closed).
        Pending connection = found->second;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
        pending.erase(found);
        if (MHD_add_connection(daemon, fd, reinterpret_cast<const sockaddr*>(&connection.address),
                               connection.address_length) != MHD_YES) {
            release_slot(connection);
        }
    }

    void accept_all() {
        for (;;) {
            Pending connection;
            connection.address_length = sizeof connection.address;
            int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&connection.address),
                               &connection.address_length, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) return;  // EAGAIN, or out of descriptors: the listen queue holds the rest
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            connection.accepted = Clock::now();
            connection.deadline = connection.accepted + std::chrono::seconds(options->request_head_timeout_s);
            connection.idle_deadline = connection.accepted + std::chrono::seconds(options->connection_timeout_s);
            std::size_t open = mhd_connections.load() + (pending.size() - closing_count);
            connection.holds_address =
                claim_address(address_key(reinterpret_cast<const sockaddr*>(&connection.address)));
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
            event.data.fd = fd;
            if (::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
                release_slot(connection);
                ::close(fd);
                continue;
            }
            bool too_many = open >= options->connection_limit;
            bool address_full = !connection.holds_address;
            pending[fd] = connection;
            if (too_many || address_full) {
                // Over a limit: said at once, in JSON, rather than left waiting in the listen queue.
                if (closing_count >= 4 * static_cast<std::size_t>(options->connection_limit)) {
                    close_pending(fd);
                    continue;
                }
                std::string retry = "; retry after " + std::to_string(options->retry_after_s) + " s";
                answer_and_close(fd, refuse(503, "overloaded",
                                            too_many ? "too many connections (" +
                                                           std::to_string(options->connection_limit) + ")" + retry
                                                     : "too many connections from this address (" +
                                                           std::to_string(options->per_ip_connection_limit) +
                                                           ")" + retry));
                continue;
            }
            inspect(fd);
        }
    }

    void expire(Clock::time_point now) {
        std::vector<int> expired;
        for (const auto& [fd, connection] : pending) {
            if (now >= connection.deadline || (!connection.closing && now >= connection.idle_deadline))
                expired.push_back(fd);
        }
        for (int fd : expired) {
            if (pending.at(fd).closing) {
                close_pending(fd);
            } else {
                // Idle, or slow-loris: the head did not arrive in time, however steadily it trickled.
                bool idle = now >= pending.at(fd).idle_deadline;
                answer_and_close(fd, refuse(408, "request_timeout",
                                            idle ? "nothing received for " +
                                                       std::to_string(options->connection_timeout_s) + " s"
                                                 : "request line and headers not received within " +
                                                       std::to_string(options->request_head_timeout_s) + " s"));
            }
        }
    }

    void run_front_door() {
        std::vector<epoll_event> events(64);
        for (;;) {
            int timeout_ms = pending.empty() ? -1 : 100;
            int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), timeout_ms);
            if (n < 0 && errno != EINTR) return;
            for (int i = 0; i < n; ++i) {
                int fd = events[static_cast<std::size_t>(i)].data.fd;
                if (fd == stop_fd) {
                    while (!pending.empty()) close_pending(pending.begin()->first);
                    return;
                }
                if (fd == listen_fd) {
                    accept_all();
                } else {
                    inspect(fd);
                }
            }
            if (!pending.empty()) expire(Clock::now());
        }
    }

    void stop_front_door() {
        if (!front_door.joinable()) return;
        std::uint64_t one = 1;
        [[maybe_unused]] ssize_t written = ::write(stop_fd, &one, sizeof one);
        front_door.join();
        if (listen_fd >= 0) {
            ::close(listen_fd);
            listen_fd = -1;
        }
    }

    void stop_all() {
        stop_front_door();
        stop_workers();
        if (daemon != nullptr) {
            MHD_stop_daemon(daemon);
            daemon = nullptr;
        }
    }
};

HttpServer::HttpServer(std::unique_ptr<State> state) : state_(std::move(state)) {}

HttpServer::~HttpServer() {
    if (state_) state_->stop_all();
}

Result<std::unique_ptr<HttpServer>> HttpServer::start(QueryService& service) {
    const ServerOptions& options = service.options();
    auto address = parse_listen(options.listen);
    if (!address) return tl::unexpected(address.error());

    auto state = std::make_unique<State>();
    state->service = &service;
    state->options = &options;
    state->log_requests = options.log_requests;

    auto cannot_listen = [&](const std::string& why) {
        return make_error(ErrorCode::Unavailable, "--listen: cannot listen on " + options.listen + " (" + why + ")");
    };
    state->listen_fd = ::socket(address->storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (state->listen_fd < 0) return cannot_listen(std::strerror(errno));
    int one = 1;
    ::setsockopt(state->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(state->listen_fd, reinterpret_cast<const sockaddr*>(&address->storage), address->length) != 0 ||
        ::listen(state->listen_fd, static_cast<int>(options.listen_backlog)) != 0) {
        return cannot_listen(std::string(std::strerror(errno)) + "; address in use, or not an address of this host");
    }
    sockaddr_storage bound{};
    socklen_t bound_length = sizeof bound;
    ::getsockname(state->listen_fd, reinterpret_cast<sockaddr*>(&bound), &bound_length);
    state->port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                                    : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

    std::string host = options.listen.substr(0, options.listen.rfind(':'));
    service.set_bound_address(host + ":" + std::to_string(state->port));

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                     MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME;
    unsigned io_threads = std::max(1u, options.io_threads);
    // The front door enforces the connection limit (with a 503); libmicrohttpd's is a backstop.
    auto backstop = static_cast<intptr_t>(options.connection_limit) + 64;
    std::vector<MHD_OptionItem> settings = {
        {MHD_OPTION_CONNECTION_LIMIT, backstop, nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(options.connection_timeout_s), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(options.connection_memory_limit), nullptr},
    };
    if (io_threads > 1) settings.push_back({MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(io_threads), nullptr});
    settings.push_back({MHD_OPTION_END, 0, nullptr});
    state->daemon =
        MHD_start_daemon(flags, 0, nullptr, nullptr, &State::on_request, state.get(),
                         // The logger first, so that messages about the later options go through it too.
                         MHD_OPTION_EXTERNAL_LOGGER, &State::on_library_error, state.get(), MHD_OPTION_ARRAY,
                         settings.data(), MHD_OPTION_URI_LOG_CALLBACK, &State::on_request_line, state.get(),
                         MHD_OPTION_NOTIFY_COMPLETED, &State::on_completed, state.get(),
                         MHD_OPTION_NOTIFY_CONNECTION, &State::on_connection, state.get(), MHD_OPTION_END);
    if (state->daemon == nullptr) return cannot_listen("libmicrohttpd did not start");

    state->epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    state->stop_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (state->epoll_fd < 0 || state->stop_fd < 0) {
        state->stop_all();
        return cannot_listen(std::strerror(errno));
    }
    for (int fd : {state->listen_fd, state->stop_fd}) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = fd;
        ::epoll_ctl(state->epoll_fd, EPOLL_CTL_ADD, fd, &event);
    }
    unsigned threads = std::max(1u, options.threads);
    for (unsigned i = 0; i < threads; ++i) state->workers.emplace_back([raw = state.get()] { raw->work(); });
    state->front_door = std::thread([raw = state.get()] { raw->run_front_door(); });
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(state)));
}

std::uint16_t HttpServer::port() const { return state_->port; }

std::size_t HttpServer::drain_and_stop() {
    if (state_->daemon == nullptr) return 0;
    // No new connections; requests in flight (read, queued or searching) are answered.
    state_->stop_front_door();
    auto deadline = Clock::now() + std::chrono::seconds(state_->options->drain_timeout_s);
    while (state_->open_requests.load() > 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    auto unanswered = state_->open_requests.load();
    state_->stop_all();
    return unanswered > 0 ? static_cast<std::size_t>(unanswered) : 0;
}

}  // namespace minutes
