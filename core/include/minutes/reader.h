// Readers: from a file's bytes to SourceText, with the format chosen by content (magic bytes),
// then by extension.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "minutes/error.h"
#include "minutes/source_text.h"

namespace minutes {

struct ReadOptions {
    // Files larger than this are refused with LimitExceeded (bytes).
    std::size_t max_file_bytes = std::size_t{64} << 20;
};

// Format by content first (%PDF, <html / <!doctype), then extension (.md .markdown .txt .html .htm .pdf).
// Binary content that is no known format gives Unsupported.
[[nodiscard]] Result<Format> detect_format(std::string_view head, const std::filesystem::path& path);

// Reads and normalises one file. Errors name the file.
[[nodiscard]] Result<SourceText> read_source(const std::filesystem::path& path, const ReadOptions& options = {});

// Reads text or markdown already in memory (used by read_source and by tests).
[[nodiscard]] SourceText read_plain_text(std::string_view bytes, Format format, std::string source);

}  // namespace minutes
