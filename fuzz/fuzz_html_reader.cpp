// Fuzz target: the HTML reader (libxml2's HTML parser and the block walk), then recognition of its text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "minutes/minutes_json.h"
#include "minutes/recogniser.h"
#include "readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ReadOptions options;
    options.max_block_bytes = 1024;  // small, so that block splitting runs on fuzz-sized inputs
    Result<SourceText> text = read_html(bytes, "fuzz.html", options);
    if (!text) {
        fuzz::require(!text.error().message.empty(), "read_html failed without a message");
        return 0;
    }
    for (const Block& block : text->blocks) {
        fuzz::require_utf8(block.text, "an HTML block is not valid UTF-8");
        fuzz::require(block.text.size() <= options.max_block_bytes, "an HTML block exceeds max_block_bytes");
    }
    const Minutes minutes = recognise(*text);
    fuzz::require_json(minutes_to_json(minutes, -1), "minutes_to_json is not valid UTF-8 JSON");
    return 0;
}
