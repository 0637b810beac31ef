// Private: the format readers that read_source dispatches to by detected format.
#pragma once

#include <string>
#include <string_view>

#include "minutes/reader.h"

namespace minutes {

[[nodiscard]] Result<SourceText> read_html(std::string_view bytes, std::string source, const ReadOptions& options);
[[nodiscard]] Result<SourceText> read_pdf(std::string_view bytes, std::string source, const ReadOptions& options);

}  // namespace minutes
