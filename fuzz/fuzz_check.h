// Checks shared by the fuzz targets: an output contract that does not hold aborts, so libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "minutes/normalise.h"

namespace minutes::fuzz {

// Aborts (a finding) with `what` when the condition is false; sanitizers only see memory errors.
inline void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz contract broken: %s\n", what);
        std::abort();
    }
}

inline void require_utf8(std::string_view text, const char* what) {
    require(is_valid_utf8(text), what);
}

// Output documented as JSON must be valid UTF-8 and parse.
inline void require_json(std::string_view text, const char* what) {
    require_utf8(text, what);
    require(nlohmann::json::accept(text), what);
}

}  // namespace minutes::fuzz
