// The JSON form of recognised minutes ("minutes/1"), as printed by `minutes-index inspect`.
#pragma once

#include <string>

#include "minutes/model.h"

namespace minutes {

inline constexpr const char* kMinutesJsonSchema = "minutes/1";

// Serialises minutes; indent < 0 gives one line. Output is always valid UTF-8.
[[nodiscard]] std::string minutes_to_json(const Minutes& minutes, int indent = 2);

}  // namespace minutes
