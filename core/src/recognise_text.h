// Private to the recogniser: the line model every recognition step works on, and the small text
// tests (case, words, labels) they share. Everything here is linear in the length of its input.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/source_text.h"

namespace minutes::recognition {

// One line of the source after clean-up (markdown residue and bullets stripped, furniture dropped).
struct Line {
    std::string text;           // trimmed, never empty
    std::size_t block = 0;      // index of the source block; lines of one block share it
    BlockKind kind = BlockKind::text;
    int level = 0;              // heading level for heading blocks
    std::optional<int> page;
    bool bullet = false;        // the line began with a bullet marker (or is a list item)
    bool block_start = false;   // first line of its block
    // Offset in `text` of the space that stands for the first wide gap (4+ spaces) of the layout, a
    // column boundary of a table ("Misha Sarkovich      Board President"); 0 when none.
    std::size_t column_gap = 0;
    std::vector<std::string> cells;  // a table row's cells as the reader gave them; empty for other lines
};

struct CleanText {
    std::vector<Line> lines;
    std::map<std::string, std::string> front_matter;  // YAML front matter keys ("title", "date")
    std::size_t dropped_furniture = 0;                // page numbers, running heads, signature lines
    std::vector<std::string> running_heads;           // heads removed from pages' first lines, in order
    bool blocks_are_lines = false;                    // most blocks hold a single line
};

// Splits blocks into cleaned lines, reads and removes YAML front matter, drops page furniture.
[[nodiscard]] CleanText clean_lines(const SourceText& source);

// A paragraph rebuilt from wrapped lines: lines [first, last] joined with spaces.
struct Paragraph {
    std::string text;
    std::size_t first = 0;
    std::size_t last = 0;
    bool bullet = false;
    std::optional<int> page;
};

// Joins wrapped lines [begin, end) back into paragraphs: a line continues the previous one when
// that did not end a sentence and either it starts in lower case, the previous ended on a joining
// word or comma, or the previous line was long (wrapped at the margin).
// `blocks_are_lines`: the source puts every line in a block of its own (text extracted line by
// line, as in the Limerick markdown), so block boundaries say nothing about paragraphs.
[[nodiscard]] std::vector<Paragraph> unwrap(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                                            bool blocks_are_lines);

// --- small text tests -----------------------------------------------------------------------

[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string lower_ascii(std::string_view s);
[[nodiscard]] bool starts_with_ci(std::string_view text, std::string_view prefix);
[[nodiscard]] std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from = 0);
[[nodiscard]] bool contains_ci(std::string_view text, std::string_view needle);
// Finds `needle` as whole words (not inside a longer word), case-insensitive.
[[nodiscard]] std::size_t find_word_ci(std::string_view text, std::string_view needle, std::size_t from = 0);
// find_word_ci for a text and a needle both already lower-cased (lower_ascii): the same answer,
// found with the library's search instead of a byte-by-byte case fold.
[[nodiscard]] std::size_t find_word_in_lower(std::string_view lower_text, std::string_view lower_needle, std::size_t from = 0);

// The value of a roman numeral in capitals ("XIV"), or in lower case when `lower_case` ("xiv"); 0 when
// the text is no such numeral.
[[nodiscard]] int roman_value(std::string_view s, bool lower_case);
// The numeral of a sub-item's marker opening a line: "ii" of "ii)", "(iv)" or "xii.", "b" of "b)" or
// "(c)"; empty when the word is no such marker. Lower-case roman numerals only with "." (an initial,
// "J. Davies", is a capital, and a letter with "." is too often one).
[[nodiscard]] std::string_view sub_item_numeral(std::string_view word);

// Splits on spaces and tabs; punctuation stays attached to words.
[[nodiscard]] std::vector<std::string_view> words_of(std::string_view s);
// A word's letters and digits only, ASCII-lowered ("(Chairman)," -> "chairman").
[[nodiscard]] std::string word_key(std::string_view word);

// First code point of the word (after opening quotes and brackets) is an upper-case / lower-case letter.
[[nodiscard]] bool starts_upper(std::string_view word);
[[nodiscard]] bool starts_lower(std::string_view word);
// An initial with its stop: "G." in "Frank G. Jackson".
[[nodiscard]] bool is_initial(std::string_view word);
// Every letter of the text is upper case, and it has at least two letters.
[[nodiscard]] bool all_caps(std::string_view text);
// A word that is a dash: hyphen, en dash or em dash standing alone ("Police Report - PK reported").
[[nodiscard]] bool is_dash(std::string_view word);
// Function words that may sit in lower case inside a title ("of", "and", "the").
[[nodiscard]] bool is_small_word(std::string_view key);
// The text ends a sentence: '.', '!', '?', ':' or ';' (after closing quotes and brackets).
[[nodiscard]] bool ends_sentence(std::string_view text);
// Title-cased ALL CAPS text ("CHILDREN AND FAMILIES" -> "Children and Families").
[[nodiscard]] std::string title_case(std::string_view text);
// Collapses runs of spaces and tabs into one space.
[[nodiscard]] std::string collapse_spaces(std::string_view text);

// Month number from an English or Welsh month name or abbreviation ("Sept", "Mawrth"); 0 if none.
[[nodiscard]] int month_of(std::string_view key);
[[nodiscard]] bool is_weekday(std::string_view key);

}  // namespace minutes::recognition
