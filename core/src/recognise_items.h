// Private to the recogniser: agenda items (number as printed, title joined across broken lines and
// split from the body on its line) and the passages of their bodies with their kind.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "minutes/model.h"
#include "recognise_text.h"

namespace minutes::recognition {

// How an item's number is printed: the levels of an outline ("5." over "A." over "a.").
enum class NumberStyle { other, arabic, roman, upper_letter, lower_letter };

struct ItemSpan {
    AgendaItem item;               // number, title, page; passages filled by build_passages
    NumberStyle style = NumberStyle::other;  // other: unnumbered, sub-numbered ("9.1"), coded, by label
    int value = 0;                 // the number's value in its style (3 for "C.", 4 for "IV.")
    std::size_t heading = 0;       // line of the heading
    std::size_t body_begin = 0;    // first body line
    std::size_t body_end = 0;      // one past the last body line
    std::string body_lead;         // body text that shared the heading's line
    bool lead_label = false;       // titled by the label leading its paragraph ("Minutes: The minutes of ...")
};

// Finds the agenda items. Numbered items ("271", "5.", "70/17", "I.", "Item 3:") win; when there are
// none, headings and ALL-CAPS lines stand for unnumbered sections. Lines before the first item are
// the preamble (header and attendance), up to `contents_begin` where the minutes open with a list of
// their items that they print again as headings (left as it is when there is none).
[[nodiscard]] std::vector<ItemSpan> find_items(const std::vector<Line>& lines, std::size_t& contents_begin);

// Unnumbered sections: headings, and ALL-CAPS lines standing alone.
[[nodiscard]] std::vector<ItemSpan> find_sections(const std::vector<Line>& lines);

// Splits an item's body into passages (paragraphs, bullets, resolutions, declarations, votes).
void build_passages(const std::vector<Line>& lines, ItemSpan& span, bool blocks_are_lines);

// The text opens a vote's roll: "AYES:", "Yeas:", "In Favour:", "For:".
[[nodiscard]] bool opens_vote_roll(std::string_view text);

// The passage kind its words show, within an item titled `item_title`.
[[nodiscard]] PassageKind classify_passage(std::string_view text, bool bullet, std::string_view item_title);

}  // namespace minutes::recognition
