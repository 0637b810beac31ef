// Private: the format readers that read_source dispatches to by detected format, and what they share.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "minutes/reader.h"

namespace minutes {

[[nodiscard]] Result<SourceText> read_html(std::string_view bytes, std::string source,
                                           const ReadOptions& options);

// PDF through poppler: in a child process with limits when options.isolate_pdf, else in this process.
[[nodiscard]] Result<SourceText> read_pdf(std::string_view bytes, std::string source,
                                          const ReadOptions& options);
// The same extraction always in this process (for a fuzz harness, and what the child runs).
[[nodiscard]] Result<SourceText> read_pdf_in_process(std::string_view bytes, std::string source,
                                                     const ReadOptions& options);

// Normalises raw block text (normalise_text), trims it and appends it to out.blocks unless empty;
// text longer than options.max_block_bytes is split at line or word boundaries with a warning.
void append_block(SourceText& out, BlockKind kind, std::string_view raw_text, int level,
                  std::optional<int> page, const ReadOptions& options);

// The most text (bytes) a file of input_bytes may yield: max(min_output_allowance, ratio * input).
[[nodiscard]] std::size_t max_output_bytes(std::size_t input_bytes, const ReadOptions& options);

// Limits on a child process (see ReadOptions for their meaning).
struct ChildLimits {
    int timeout_seconds = 60;
    int cpu_seconds = 30;
    std::size_t memory_bytes = std::size_t{2} << 30;  // added to the parent's address space; 0 = none
    std::size_t max_output_bytes = std::size_t{64} << 20;
};

// Runs work() in a forked child under the limits and returns the bytes it produced. The child must
// not rely on locks held by other threads of the parent (only the calling thread exists in the child).
// Errors describe what happened to the child, prefixed with `what`: "crashed (signal 11, Segmentation
// fault)", "timed out after 60 s", "ran out of memory", "exceeded the CPU limit of 30 s".
[[nodiscard]] Result<std::string> run_in_child(const std::function<std::string()>& work,
                                               const ChildLimits& limits, const std::string& what);

}  // namespace minutes
