// Error and Result: how core reports failure (returned, never thrown across the API).
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace minutes {

enum class ErrorCode {
    InvalidArgument,  // bad query, option or input; the message names which
    NotFound,         // no such file, item or database
    Corrupt,          // input or database that cannot be read as what it claims to be
    Io,               // the operating system refused a read or write
    Locked,           // another indexer holds the database's write lock
    Unavailable,      // a backend (remote shard, child process) is not answering
    LimitExceeded,    // a declared limit (size, terms, page depth...) was hit
    Unsupported,      // a format or feature this build does not handle
};

struct Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    std::string message;  // one line, names the file or parameter concerned
};

template <class T>
using Result = tl::expected<T, Error>;

[[nodiscard]] inline tl::unexpected<Error> make_error(ErrorCode code, std::string message) {
    return tl::unexpected<Error>(Error{code, std::move(message)});
}

// Stable lower_snake name of an error code, used in JSON errors ("invalid_argument").
[[nodiscard]] std::string_view error_code_name(ErrorCode code);

// Exit code for command-line programs: 2 for usage/argument errors, 3 for everything else
// (1 is reserved for "no results" / "some files failed", as with grep).
[[nodiscard]] int exit_code_for(const Error& error);

}  // namespace minutes
