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
    // Extracted text larger than this many times the file's size is refused with LimitExceeded
    // (a decompression bomb; real minutes give well under 1 byte of text per byte of PDF).
    std::size_t max_output_ratio = 50;
    // Extracted text is never refused below this size (bytes), whatever the ratio: tiny files
    // legitimately expand (entities, a short PDF with one compressed page).
    std::size_t min_output_allowance = std::size_t{1} << 20;
    // A single block longer than this is split at line or word boundaries, with a warning (bytes).
    std::size_t max_block_bytes = std::size_t{1} << 20;
    // PDFs claiming more pages than this are refused with LimitExceeded.
    int max_pages = 2000;
    // Extract PDFs in a child process with the limits below, so that a PDF that crashes or hangs
    // the PDF library fails alone. false runs poppler in this process (tests, fuzzing); AddressSanitizer
    // builds always do, as its allocator is not fork-safe (see pdf_reader.cpp).
    bool isolate_pdf = true;
    // Wall-clock limit on one PDF's extraction in the child (seconds).
    int pdf_timeout_seconds = 60;
    // CPU-time limit on the child (seconds).
    int pdf_cpu_seconds = 30;
    // Address space the child may add to what it inherits (bytes); not applied in sanitizer builds.
    std::size_t pdf_memory_bytes = std::size_t{2} << 30;
};

// Format by content first (%PDF, <html / <!doctype), then extension (.md .markdown .txt .html .htm .pdf).
// Binary content that is no known format gives Unsupported.
[[nodiscard]] Result<Format> detect_format(std::string_view head, const std::filesystem::path& path);

// Reads and normalises one file. Errors name the file.
[[nodiscard]] Result<SourceText> read_source(const std::filesystem::path& path,
                                             const ReadOptions& options = {});

// Reads text or markdown already in memory (used by read_source and by tests).
[[nodiscard]] SourceText read_plain_text(std::string_view bytes, Format format, std::string source);

}  // namespace minutes
