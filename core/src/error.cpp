// Names and exit codes for core errors.
#include "minutes/error.h"

namespace minutes {

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument: return "invalid_argument";
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::Corrupt: return "corrupt";
        case ErrorCode::Io: return "io";
        case ErrorCode::Locked: return "locked";
        case ErrorCode::Unavailable: return "unavailable";
        case ErrorCode::LimitExceeded: return "limit_exceeded";
        case ErrorCode::Unsupported: return "unsupported";
    }
    return "unknown";
}

int exit_code_for(const Error& error) {
    switch (error.code) {
        case ErrorCode::InvalidArgument:
        case ErrorCode::LimitExceeded: return 2;
        default: return 3;
    }
}

}  // namespace minutes
