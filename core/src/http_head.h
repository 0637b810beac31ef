// Private: the daemon's front door check of a new connection's request head (request line and header
// fields), before libmicrohttpd sees it, so that what it would refuse with an HTML page is refused in JSON.
#pragma once

#include <string>
#include <string_view>

#include "minutes/http_api.h"

namespace minutes {

// What the front door found in the bytes a new connection sent so far.
struct HeadCheck {
    enum class Verdict { Incomplete, Admit, Refuse } verdict = Verdict::Incomplete;
    int status = 0;
    std::string code;
    std::string message;
    std::string method;  // for the log line, when the request line is complete
    std::string target;
};

[[nodiscard]] HeadCheck refuse(int status, std::string code, std::string message);

// Checks the start of a request (`bytes` as received, `more` when more than that is buffered) against
// the limits in `options` (target, header count, head size): Incomplete until the head is whole.
[[nodiscard]] HeadCheck check_head(std::string_view bytes, bool more, const ServerOptions& options);

}  // namespace minutes
