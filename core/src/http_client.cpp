// HTTP/1.1 GET over a POSIX socket: one request, "Connection: close", read to the end, bounded.
#include "minutes/http_client.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "minutes/http_api.h"

namespace minutes {

namespace {

struct ParsedUrl {
    std::string host;
    std::string port = "80";
    std::string target = "/";
    std::string host_header;
};

Result<ParsedUrl> parse_url(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (url.substr(0, kScheme.size()) != kScheme) {
        return make_error(ErrorCode::InvalidArgument,
                          "server URL: must start with http:// ('" + std::string(url) + "')");
    }
    std::string_view rest = url.substr(kScheme.size());
    auto slash = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, slash);
    ParsedUrl parsed;
    if (slash != std::string_view::npos) {
        parsed.target = std::string(rest.substr(slash));
        if (parsed.target.front() == '?') parsed.target.insert(0, "/");
    }
    parsed.host_header = std::string(authority);
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return make_error(ErrorCode::InvalidArgument, "server URL: unclosed '['");
        parsed.host = std::string(authority.substr(1, close - 1));
        if (close + 1 < authority.size() && authority[close + 1] == ':')
            parsed.port = authority.substr(close + 2);
    } else {
        auto colon = authority.rfind(':');
        parsed.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) parsed.port = authority.substr(colon + 1);
    }
    if (parsed.host.empty() || parsed.port.empty()) {
        return make_error(ErrorCode::InvalidArgument,
                          "server URL: no host or port in '" + std::string(url) + "'");
    }
    return parsed;
}

// Closes the socket on every path out.
class Socket {
  public:
    explicit Socket(int fd) : fd_(fd) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int fd() const { return fd_; }

  private:
    int fd_;
};

bool wait_for(int fd, short events, unsigned timeout_ms) {
    pollfd entry{fd, events, 0};
    int rc;
    do {
        rc = ::poll(&entry, 1, static_cast<int>(timeout_ms));
    } while (rc < 0 && errno == EINTR);
    return rc > 0;
}

Result<int> connect_to(const ParsedUrl& url, unsigned timeout_ms) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    int rc = ::getaddrinfo(url.host.c_str(), url.port.c_str(), &hints, &found);
    if (rc != 0) {
        return make_error(ErrorCode::Unavailable, "server " + url.host_header + ": " + ::gai_strerror(rc));
    }
    std::string last_error = "no address";
    for (addrinfo* address = found; address != nullptr; address = address->ai_next) {
        int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                          address->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, address->ai_addr, address->ai_addrlen) == 0 ||
            (errno == EINPROGRESS && wait_for(fd, POLLOUT, timeout_ms))) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error == 0) {
                ::freeaddrinfo(found);
                return fd;
            }
            last_error = std::strerror(error);
        } else {
            last_error = errno == EINPROGRESS ? "timed out" : std::strerror(errno);
        }
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return make_error(ErrorCode::Unavailable,
                      "server " + url.host_header + ": cannot connect: " + last_error);
}

Result<std::string> dechunk(std::string_view body) {
    std::string out;
    while (true) {
        auto line_end = body.find("\r\n");
        if (line_end == std::string_view::npos)
            return make_error(ErrorCode::Corrupt, "server response: bad chunk");
        std::size_t size = 0;
        std::size_t digits = 0;
        for (char c : body.substr(0, line_end)) {
            int v = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
            if (v < 0) break;  // chunk extensions follow ';'
            if (++digits > 15) return make_error(ErrorCode::Corrupt, "server response: chunk size too large");
            size = size * 16 + static_cast<std::size_t>(v);
        }
        if (digits == 0) return make_error(ErrorCode::Corrupt, "server response: bad chunk size");
        body = body.substr(line_end + 2);
        if (size == 0) return out;
        if (body.size() < size + 2) return make_error(ErrorCode::Corrupt, "server response: truncated chunk");
        out.append(body.substr(0, size));
        body = body.substr(size + 2);
    }
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

Result<HttpClientResponse> http_get(std::string_view url, const HttpClientOptions& options) {
    auto parsed = parse_url(url);
    if (!parsed) return tl::unexpected(parsed.error());
    auto fd = connect_to(*parsed, options.timeout_ms);
    if (!fd) return tl::unexpected(fd.error());
    Socket socket(*fd);

    std::string request = "GET " + parsed->target + " HTTP/1.1\r\nHost: " + parsed->host_header +
                          "\r\nAccept: application/json\r\nConnection: close\r\n"
                          "User-Agent: minutes-query\r\n\r\n";
    std::size_t sent = 0;
    while (sent < request.size()) {
        if (!wait_for(socket.fd(), POLLOUT, options.timeout_ms)) {
            return make_error(ErrorCode::Unavailable,
                              "server " + parsed->host_header + ": timed out sending");
        }
        ssize_t n = ::send(socket.fd(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            return make_error(ErrorCode::Unavailable,
                              "server " + parsed->host_header + ": send failed: " + std::strerror(errno));
        }
        sent += static_cast<std::size_t>(n);
    }

    std::string raw;
    char buffer[16384];
    while (true) {
        if (!wait_for(socket.fd(), POLLIN, options.timeout_ms)) {
            return make_error(ErrorCode::Unavailable,
                              "server " + parsed->host_header + ": timed out reading");
        }
        ssize_t n = ::recv(socket.fd(), buffer, sizeof buffer, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) {
            return make_error(ErrorCode::Unavailable,
                              "server " + parsed->host_header + ": read failed: " + std::strerror(errno));
        }
        if (n == 0) break;
        raw.append(buffer, static_cast<std::size_t>(n));
        if (raw.size() > options.max_response_bytes) {
            return make_error(
                ErrorCode::LimitExceeded,
                "server response larger than " + std::to_string(options.max_response_bytes) + " bytes");
        }
    }

    auto header_end = raw.find("\r\n\r\n");
    if (raw.compare(0, 5, "HTTP/") != 0 || header_end == std::string::npos) {
        return make_error(ErrorCode::Unavailable, "server " + parsed->host_header + ": not an HTTP response");
    }
    HttpClientResponse response;
    auto space = raw.find(' ');
    if (space == std::string::npos || space + 4 > header_end) {
        return make_error(ErrorCode::Unavailable, "server " + parsed->host_header + ": bad status line");
    }
    response.status = std::atoi(raw.c_str() + space + 1);
    bool chunked = false;
    std::size_t content_length = std::string::npos;
    std::string_view headers(raw.data(), header_end);
    std::size_t line_start = headers.find("\r\n");
    while (line_start != std::string_view::npos && line_start < headers.size()) {
        line_start += 2;
        auto line_end = headers.find("\r\n", line_start);
        std::string_view line = headers.substr(
            line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
        auto colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string name = lower(line.substr(0, colon));
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            if (name == "content-type") response.content_type = std::string(value);
            if (name == "transfer-encoding" && lower(value).find("chunked") != std::string::npos)
                chunked = true;
            if (name == "content-length")
                content_length = std::strtoull(std::string(value).c_str(), nullptr, 10);
        }
        line_start = line_end;
    }
    std::string_view body = std::string_view(raw).substr(header_end + 4);
    if (chunked) {
        auto decoded = dechunk(body);
        if (!decoded) return tl::unexpected(decoded.error());
        response.body = std::move(*decoded);
    } else {
        if (content_length != std::string::npos) {
            if (body.size() < content_length) {
                return make_error(ErrorCode::Unavailable,
                                  "server " + parsed->host_header + ": response cut short");
            }
            body = body.substr(0, content_length);
        }
        response.body = std::string(body);
    }
    return response;
}

std::string url_with_query(std::string_view base, std::string_view path,
                           const std::vector<std::pair<std::string, std::string>>& params) {
    std::string url(base);
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += path;
    if (!params.empty()) {
        url.push_back('?');
        url += query_string(params);
    }
    return url;
}

}  // namespace minutes
