// The minutes recogniser: from SourceText (any format) to the structured Minutes model.
#pragma once

#include <cstddef>

#include "minutes/model.h"
#include "minutes/source_text.h"

namespace minutes {

// Settings of the recogniser.
struct RecogniserOptions {
    // Largest body text of one agenda item (bytes of its passages). A longer item is split at
    // passage boundaries into continuation items with the same number and the title plus
    // " (continued)", with a warning: the search side decodes each hit's stored item, so one item
    // must never hold a whole journal. 0 turns the bound off.
    std::size_t max_item_bytes = std::size_t{32} * 1024;
};

// Recognises council, committee, date, times, venue, attendance, agenda items, passages with their
// kind and speaker, and acronyms. Never fails: what it cannot place becomes a warning.
// Thread-safe (no shared state).
[[nodiscard]] Minutes recognise(const SourceText& text, const RecogniserOptions& options = {});

}  // namespace minutes
