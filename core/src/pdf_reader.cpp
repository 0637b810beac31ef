// PDF reader (poppler-cpp): text page by page. Owned by the PDF/HTML work (issue 10).
#include "readers.h"

namespace minutes {

Result<SourceText> read_pdf(std::string_view, std::string source, const ReadOptions&) {
    return make_error(ErrorCode::Unsupported, source + ": PDF reader not built yet");
}

}  // namespace minutes
