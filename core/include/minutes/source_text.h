// The intermediate form every reader produces and the recogniser consumes: blocks of text with a
// kind and a page, whatever the source format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/model.h"

namespace minutes {

enum class BlockKind {
    text,       // a paragraph or a run of lines (may hold several lines separated by '\n')
    heading,    // a heading the source marked as such (markdown '#', HTML <h1>-<h6>)
    list_item,  // a bullet or numbered list entry the source marked as such
    table_row,  // one row of a table, cells separated by '\t'
};

struct Block {
    BlockKind kind = BlockKind::text;
    std::string text;         // normalised (normalise_text), no trailing newline
    int level = 0;            // heading level 1-6; 0 otherwise
    std::optional<int> page;  // 1-based page for paginated formats
};

struct SourceText {
    std::string source;  // path as given
    Format format = Format::text;
    std::vector<Block> blocks;
    std::vector<std::string> warnings;  // reader's notes ("page 4 has no text layer")
};

}  // namespace minutes
