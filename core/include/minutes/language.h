// Language identification for the languages the corpora hold (English, Welsh).
#pragma once

#include <string_view>

#include "minutes/model.h"
#include "minutes/source_text.h"

namespace minutes {

// Guesses the language of a text from the share of very common function words of each language;
// unknown when the text is too short or neither language dominates.
[[nodiscard]] Language detect_language(std::string_view text);
[[nodiscard]] Language detect_language(const SourceText& text);

}  // namespace minutes
