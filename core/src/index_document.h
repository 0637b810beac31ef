// Private: how recognised minutes become Xapian documents (terms, values, data), built on worker
// threads, written by the one writer thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "minutes/item_record.h"
#include "minutes/model.h"
#include "minutes/source_text.h"

namespace minutes::index {

// A bottom-k sketch of a text's distinct word 3-grams: estimates how much two texts share, to tell two
// renderings of one meeting (mostly the same text) from two parts of one sitting (different text).
struct TextSketch {
    std::vector<std::uint64_t> minima;  // the smallest shingle hashes, ascending, at most kSketchSize
    std::uint64_t shingles = 0;         // distinct shingles in the text
};
inline constexpr std::size_t kSketchSize = 64;
// Renderings share at least this share of the larger text's 3-grams: each holds most of the other.
// Measured against the larger text, so that a short file (a contents page, a special meeting's few
// lines of shared boilerplate) is never taken for a rendering of a long one and its text dropped.
inline constexpr double kRenderingContainment = 0.5;

[[nodiscard]] TextSketch sketch_of(const std::vector<std::string_view>& texts);
// Estimated |A and B| / max(|A|, |B|); 1 when either sketch is empty (nothing to tell them apart).
[[nodiscard]] double containment(const TextSketch& a, const TextSketch& b);
[[nodiscard]] std::string encode_sketch(const TextSketch& sketch);
[[nodiscard]] TextSketch decode_sketch(std::string_view text);

// Everything the writer needs to store one recognised source, built without touching the database.
struct PreparedMeeting {
    MeetingRecord meeting;                 // sources = {this source}
    std::string source_path;               // recorded path (source_path_key)
    std::string source_id;                 // source_id_for(source_path)
    std::vector<std::string> item_ids;     // same order as items
    std::vector<Xapian::Document> items;   // unique term, boolean terms, values, data, free text
    std::size_t passages = 0;
    bool whole_document = false;           // no agenda items recognised: the text is one item
    TextSketch sketch;                     // of the titles and passages
    std::unordered_map<std::string, unsigned> spelling;  // unstemmed words -> frequency
    std::vector<std::pair<std::string, std::string>> synonyms;  // folded key -> folded value, both ways
};

// Words written in capitals amid lower-case text, folded, each adding `weight` to its count: acronyms
// as the minutes use them ("the GMES Committee", "North American Video (NAV)"), which the initials of
// query words may stand for (the "acronym" terms). A heading or line in capitals ("TREFNIADAU AR GYFER Y
// CCB"), a word in lower case ("sat-nav") and a Roman numeral ("VII. Recommended Action") are not.
void count_acronyms(std::string_view text, Xapian::termcount weight, std::map<std::string, Xapian::termcount>& counts);

// One per worker thread: owns a TermGenerator and stemmers (not thread-safe, cheap to reuse).
class DocumentBuilder {
public:
    DocumentBuilder();
    // Builds the item documents of `minutes` (minutes.source must be the recorded path).
    [[nodiscard]] PreparedMeeting build(const Minutes& minutes);

private:
    Xapian::TermGenerator generator_;
    Xapian::Stem english_;
    Xapian::Stem none_;
};

// Gives prepared documents another meeting id (a part of a sitting whose meeting id another, different
// text already holds): unique terms, XE terms, values, data and the meeting record follow.
void rekey_meeting(PreparedMeeting& prepared, const std::string& meeting_id);

// When the recogniser finds no agenda items, the text must still be findable: the whole document becomes
// one unnumbered item whose passages are the source's blocks. Returns false when there is no text.
bool add_whole_document_item(Minutes& minutes, const SourceText& text);

// The meeting document: unique term, boolean terms and values for council, committee, date, year,
// meeting, language and every source in the record; data = encode_meeting. No free text.
[[nodiscard]] Xapian::Document meeting_document(const MeetingRecord& meeting,
                                                const std::vector<std::string>& source_ids);

// "YYYYMMDD" of an ISO date, "" when not a date.
[[nodiscard]] std::string compact_date(const std::string& iso);
// The passage kind names an item is filed under: resolution also counts as "decision".
[[nodiscard]] std::vector<std::string> kind_terms(PassageKind kind);

}  // namespace minutes::index
