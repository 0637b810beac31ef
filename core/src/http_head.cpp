// The daemon's front door check of a new connection's request head (see http_head.h).
#include "http_head.h"

#include <algorithm>
#include <utility>

namespace minutes {

HeadCheck refuse(int status, std::string code, std::string message) {
    HeadCheck check;
    check.verdict = HeadCheck::Verdict::Refuse;
    check.status = status;
    check.code = std::move(code);
    check.message = std::move(message);
    return check;
}

HeadCheck check_head(std::string_view bytes, bool more, const ServerOptions& options) {
    // Method (at most 16 bytes), target, " HTTP/1.1" and CRLF.
    std::size_t max_line = options.max_target_bytes + 32;
    auto line_end = bytes.find('\n');
    if (line_end == std::string_view::npos) {
        if (bytes.size() > max_line || more) {
            HeadCheck refused = refuse(414, "uri_too_long",
                                       "request target longer than " + std::to_string(options.max_target_bytes) +
                                           " bytes");
            auto space = bytes.find(' ');
            if (space != std::string_view::npos && space <= 16) {
                refused.method = std::string(bytes.substr(0, space));
                refused.target = std::string(bytes.substr(space + 1, 256));
            }
            return refused;
        }
        return {};
    }
    std::string_view line = bytes.substr(0, line_end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    HeadCheck check;
    auto first_space = line.find(' ');
    auto last_space = line.rfind(' ');
    if (first_space != std::string_view::npos) {
        check.method = std::string(line.substr(0, std::min<std::size_t>(first_space, 16)));
        check.target = std::string(line.substr(first_space + 1, last_space - first_space - 1).substr(0, 256));
    }
    if (line.size() > max_line) {
        HeadCheck refused = refuse(414, "uri_too_long",
                                   "request target longer than " + std::to_string(options.max_target_bytes) +
                                       " bytes");
        refused.method = check.method;
        return refused;
    }
    auto refuse_logged = [&](int status, std::string code, std::string message) {
        HeadCheck refused = refuse(status, std::move(code), std::move(message));
        refused.method = check.method;
        refused.target = check.target;
        return refused;
    };
    if (first_space == std::string_view::npos || first_space == 0 || last_space == first_space ||
        first_space > 16) {
        return refuse_logged(400, "bad_request", "malformed request line");
    }
    std::string_view version = line.substr(last_space + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return refuse_logged(version.rfind("HTTP/", 0) == 0 ? 505 : 400, "bad_request",
                             "only HTTP/1.0 and HTTP/1.1 are spoken");
    }
    // Header lines so far, up to the empty line that ends the head.
    std::size_t headers = 0;
    std::size_t position = line_end + 1;
    bool complete = false;
    while (position < bytes.size()) {
        auto end = bytes.find('\n', position);
        if (end == std::string_view::npos) break;
        std::string_view header = bytes.substr(position, end - position);
        if (header.empty() || header == "\r") {
            complete = true;
            position = end + 1;
            break;
        }
        if (header.find(':') == std::string_view::npos && header.front() != ' ' && header.front() != '\t') {
            return refuse_logged(400, "bad_request", "header field without a colon");
        }
        ++headers;
        position = end + 1;
        if (headers > options.max_header_count) {
            return refuse_logged(431, "header_fields_too_large",
                                 "more than " + std::to_string(options.max_header_count) + " header fields");
        }
    }
    if (!complete) {
        if (bytes.size() > options.max_head_bytes || more) {
            return refuse_logged(431, "header_fields_too_large",
                                 "request line and header fields longer than " +
                                     std::to_string(options.max_head_bytes) + " bytes");
        }
        return check;
    }
    if (position > options.max_head_bytes + 1) {
        return refuse_logged(431, "header_fields_too_large",
                             "request line and header fields longer than " +
                                 std::to_string(options.max_head_bytes) + " bytes");
    }
    check.verdict = HeadCheck::Verdict::Admit;
    return check;
}

}  // namespace minutes
