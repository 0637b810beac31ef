// The minutes recogniser: from SourceText (any format) to the structured Minutes model.
#pragma once

#include "minutes/model.h"
#include "minutes/source_text.h"

namespace minutes {

// Recognises council, committee, date, times, venue, attendance, agenda items, passages with their
// kind and speaker, and acronyms. Never fails: what it cannot place becomes a warning.
// Thread-safe (no shared state).
[[nodiscard]] Minutes recognise(const SourceText& text);

}  // namespace minutes
