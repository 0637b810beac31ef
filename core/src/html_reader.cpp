// HTML reader (libxml2): main content as blocks. Owned by the PDF/HTML work (issue 10).
#include "readers.h"

namespace minutes {

Result<SourceText> read_html(std::string_view, std::string source, const ReadOptions&) {
    return make_error(ErrorCode::Unsupported, source + ": HTML reader not built yet");
}

}  // namespace minutes
