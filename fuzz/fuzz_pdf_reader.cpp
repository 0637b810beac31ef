// Fuzz target: the PDF reader in this process (read_pdf_in_process); production keeps the child-process
// isolation, which this bypasses so that sanitizers and coverage see the extraction.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ReadOptions options;
    options.isolate_pdf = false;
    options.max_pages = 50;  // keeps one input's work bounded, as the limit does in production
    Result<SourceText> text = read_pdf_in_process(bytes, "fuzz.pdf", options);
    if (!text) {
        fuzz::require(!text.error().message.empty(), "read_pdf_in_process failed without a message");
        return 0;
    }
    for (const Block& block : text->blocks) {
        fuzz::require_utf8(block.text, "a PDF block is not valid UTF-8");
        fuzz::require(block.text.size() <= options.max_block_bytes, "a PDF block exceeds max_block_bytes");
    }
    return 0;
}
