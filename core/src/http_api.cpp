// Request target decoding, the JSON error document and the Error -> HTTP status mapping.
#include "minutes/http_api.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "minutes/normalise.h"

namespace minutes {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Shortens text quoted back in an error message, so a hostile 8 KiB value is not echoed whole.
std::string quoted(std::string_view text) {
    constexpr std::size_t kMaxQuoted = 80;
    std::string out(text.substr(0, kMaxQuoted));
    if (text.size() > kMaxQuoted) out += "...";
    return "'" + out + "'";
}

}  // namespace

Result<std::string> percent_decode(std::string_view text, bool plus_as_space, std::string_view what) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            int hi = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
            int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                return make_error(
                    ErrorCode::InvalidArgument,
                    std::string(what) + ": bad percent-encoding at byte " + std::to_string(i + 1));
            }
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!is_valid_utf8(out)) {
        return make_error(ErrorCode::InvalidArgument, std::string(what) + ": not valid UTF-8");
    }
    for (unsigned char c : out) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            return make_error(ErrorCode::InvalidArgument,
                              std::string(what) + ": control character not allowed");
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (is_unreserved(c)) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out.push_back('&');
        out += percent_encode(name);
        out.push_back('=');
        out += percent_encode(value);
    }
    return out;
}

Result<RequestTarget> parse_request_target(std::string_view target, std::size_t max_params) {
    RequestTarget result;
    std::string_view path = target;
    std::string_view query;
    if (auto mark = target.find('?'); mark != std::string_view::npos) {
        path = target.substr(0, mark);
        query = target.substr(mark + 1);
    }
    // A fragment is never sent by a well-behaved client; drop it rather than treat it as data.
    if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
    result.path = std::string(path);
    if (path.empty() || path.front() != '/') {
        return make_error(ErrorCode::InvalidArgument, "path: must start with '/': " + quoted(path));
    }

    // Segments: "/" alone has none; a trailing slash leaves an empty last segment, which no route has.
    std::string_view rest = path.substr(1);
    while (!rest.empty()) {
        auto slash = rest.find('/');
        auto segment = percent_decode(rest.substr(0, slash), false, "path");
        if (!segment) return tl::unexpected(segment.error());
        if (*segment == "." || *segment == "..") {
            return make_error(ErrorCode::InvalidArgument, "path: '.' and '..' segments are not allowed");
        }
        if (segment->empty()) {
            return make_error(ErrorCode::InvalidArgument, "path: empty segment ('//') in " + quoted(path));
        }
        result.segments.push_back(std::move(*segment));
        if (slash == std::string_view::npos) break;
        rest = rest.substr(slash + 1);
        if (rest.empty()) result.segments.emplace_back();
    }

    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;  // "a=1&&b=2"
        if (result.params.size() == max_params) {
            return make_error(ErrorCode::LimitExceeded,
                              "query string: more than " + std::to_string(max_params) + " parameters");
        }
        auto eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq), true, "parameter name");
        if (!name) return tl::unexpected(name.error());
        if (name->empty())
            return make_error(ErrorCode::InvalidArgument, "query string: parameter without a name");
        std::string value;
        if (eq != std::string_view::npos) {
            auto decoded = percent_decode(pair.substr(eq + 1), true, "parameter '" + *name + "'");
            if (!decoded) return tl::unexpected(decoded.error());
            value = std::move(*decoded);
        }
        result.params.emplace_back(std::move(*name), std::move(value));
    }
    return result;
}

int http_status_for(const Error& error) {
    switch (error.code) {
        case ErrorCode::InvalidArgument:
        case ErrorCode::LimitExceeded:
        case ErrorCode::Unsupported:
            return 400;
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::Unavailable:
        case ErrorCode::Locked:
            return 503;
        case ErrorCode::Corrupt:
        case ErrorCode::Io:
            return 500;
    }
    return 500;
}

std::string error_document(std::string_view code, std::string_view message) {
    nlohmann::json doc = {{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}};
    // replace: a message quoting hostile input must not make the error document itself invalid.
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse error_response(int status, std::string_view code, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.body = error_document(code, message);
    response.body.push_back('\n');
    return response;
}

HttpResponse error_response(const Error& error) {
    return error_response(http_status_for(error), error_code_name(error.code), error.message);
}

namespace {

// host[:port] with a DNS name or IPv4 address (letters, digits, '-', '.') or a bracketed IPv6 address,
// and a port of digits: nothing that could break out of an attribute or point a link elsewhere.
bool is_plain_host(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    std::string_view name = host;
    std::string_view port;
    if (host.front() == '[') {
        auto close = host.find(']');
        if (close == std::string_view::npos || close == 1) return false;
        for (char c : host.substr(1, close - 1)) {
            if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
        }
        name = {};
        std::string_view rest = host.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return false;
            port = rest.substr(1);
            if (port.empty()) return false;
        }
    } else if (auto colon = host.find(':'); colon != std::string_view::npos) {
        name = host.substr(0, colon);
        port = host.substr(colon + 1);
        if (port.empty()) return false;
    }
    for (char c : name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
    }
    if (host.front() != '[' && (name.empty() || name.front() == '.' || name.front() == '-')) return false;
    if (port.size() > 5) return false;
    for (char c : port) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace

std::string base_url_for(std::string_view public_url, std::string_view host, std::string_view listen) {
    if (!public_url.empty()) {
        std::string base(public_url);
        while (!base.empty() && base.back() == '/') base.pop_back();
        return base;
    }
    if (is_plain_host(host)) return "http://" + std::string(host);
    if (listen.empty()) return {};
    return "http://" + std::string(listen);
}

std::string_view http_reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 413:
            return "Payload Too Large";
        case 414:
            return "URI Too Long";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
    }
    return "Unknown";
}

}  // namespace minutes
