// Fuzz target: the text normaliser and the minutes recogniser, as plain text and markdown reach them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "minutes/minutes_json.h"
#include "minutes/normalise.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // normalise.h promises valid UTF-8 out of any bytes (invalid sequences become U+FFFD).
    const std::string normal = normalise_text(bytes);
    fuzz::require_utf8(normal, "normalise_text output is not valid UTF-8");
    fuzz::require_utf8(fold_case(normal), "fold_case output is not valid UTF-8");
    fuzz::require_utf8(facet_key(normal), "facet_key output is not valid UTF-8");

    // The first byte chooses the format so both line grammars are exercised from one corpus.
    const Format format = (size > 0 && (data[0] & 1) != 0) ? Format::markdown : Format::text;
    const SourceText text = read_plain_text(bytes, format, "fuzz.txt");
    for (const Block& block : text.blocks) fuzz::require_utf8(block.text, "a block is not valid UTF-8");

    // A small item bound so that the continuation split runs on fuzz-sized inputs too.
    RecogniserOptions options;
    options.max_item_bytes = 512;
    const Minutes minutes = recognise(text, options);
    fuzz::require_json(minutes_to_json(minutes, -1), "minutes_to_json is not valid UTF-8 JSON");
    return 0;
}
