// The minutes recogniser. Owned by the recogniser work (issue 3); this first cut only carries the
// source through so that the pipeline can be built end to end.
#include "minutes/recogniser.h"

namespace minutes {

Minutes recognise(const SourceText& text) {
    Minutes minutes;
    minutes.source = text.source;
    minutes.format = text.format;
    minutes.warnings = text.warnings;
    minutes.warnings.push_back("recogniser not built yet: no structure recovered");
    return minutes;
}

}  // namespace minutes
