// Text normalisation with ICU: what every reader's text passes through before recognition.
#pragma once

#include <string>
#include <string_view>

namespace minutes {

// Makes raw text safe and uniform for recognition and indexing:
//  - invalid UTF-8 sequences become U+FFFD (never passed on);
//  - NFKC (ligatures such as U+FB01 "fi" are split, full-width forms narrowed, NBSP becomes a space);
//  - symbol-font bullets (U+F0B7, U+F0A7, U+F076, U+F0D8, U+F0FC, U+F0A8) and typographic bullets
//    become U+2022 "•";
//  - curly quotes and apostrophes become ASCII ' and ";
//  - CR LF and lone CR become LF; other control characters except TAB and LF are dropped;
//  - soft hyphens and zero-width characters are dropped.
// Line structure is kept: recognition depends on it.
[[nodiscard]] std::string normalise_text(std::string_view raw);

// Unicode case folding (full), for comparison keys.
[[nodiscard]] std::string fold_case(std::string_view text);

// A key for exact-match filters on names of councils and committees: folded, punctuation
// dropped, "&" read as "and", runs of spaces collapsed. "Children & Families" -> "children and families".
[[nodiscard]] std::string facet_key(std::string_view text);

// Replaces each invalid UTF-8 sequence by U+FFFD and changes nothing else (for writers that must
// emit valid UTF-8 whatever they are given).
[[nodiscard]] std::string repair_utf8(std::string_view text);

// True when `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

}  // namespace minutes
