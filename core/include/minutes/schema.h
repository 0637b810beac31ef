// The index schema: every term prefix, value slot, weight and facet, declared once and shared by
// the indexer and the searchers. Stored in indexes: do not renumber slots or change prefixes without
// raising kSchemaVersion.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace minutes::schema {

// Recorded in each database's metadata under kSchemaVersionKey; searchers refuse other versions.
inline constexpr int kSchemaVersion = 1;
inline constexpr std::string_view kSchemaVersionKey = "minutes.schema";

// Value slots. Stored in indexes: do not renumber.
enum Slot : unsigned {
    kSlotDate = 0,       // meeting date "YYYYMMDD" (sorts as a string; ranges by string compare)
    kSlotCommittee = 1,  // committee as printed
    kSlotCouncil = 2,    // council as printed
    kSlotYear = 3,       // "2017"
    kSlotItem = 4,       // item number as printed
    kSlotMeeting = 5,    // meeting id: collapse key for results by meeting
    kSlotItemId = 6,     // item id: collapse key for results by item
    kSlotMembers = 7,    // member names on the item, joined by kListSeparator (facet)
    kSlotRoles = 8,      // speaker roles on the item, joined by kListSeparator (facet)
    kSlotKinds = 9,      // passage kinds on the item, joined by kListSeparator (facet)
    kSlotTopic = 10,     // item title (facet)
    kSlotLanguage = 11,  // "en", "cy" (facet)
};

// Separates the values of a multi-valued slot.
inline constexpr char kListSeparator = '\x1f';

enum class PrefixKind {
    unique_id,  // one per document; replace_document() key
    free_text,  // positional, stemmed, searched by default or by field name
    boolean,    // exact filter term, normalised key
};

// One row per prefix. `field` is the name in the query language ("" when not user-visible).
struct PrefixSpec {
    std::string_view field;
    std::string_view prefix;
    PrefixKind kind;
    std::string_view description;
};

// Free text is unprefixed (stems carry Xapian's "Z"); every other prefix is listed here.
// Conventions follow Omega's termprefixes: Q unique id, S title, own prefixes start with X.
inline constexpr std::array<PrefixSpec, 14> kPrefixes{{
    {"", "Q", PrefixKind::unique_id, "document id (item or meeting)"},
    {"topic", "S", PrefixKind::free_text, "agenda item title"},
    {"council", "XA", PrefixKind::boolean, "council (authority), normalised key"},
    {"committee", "XC", PrefixKind::boolean, "committee, normalised key"},
    {"date", "XD", PrefixKind::boolean, "meeting date YYYYMMDD"},
    {"meeting", "XE", PrefixKind::boolean, "meeting id"},
    {"source", "XF", PrefixKind::boolean, "source file id"},
    {"type", "XK", PrefixKind::boolean, "passage kind: decision, declaration, vote, paragraph, bullet"},
    {"language", "XL", PrefixKind::boolean, "language code: en, cy"},
    {"member", "XM", PrefixKind::boolean, "member key: folded surname of an attendee or speaker"},
    {"item", "XN", PrefixKind::boolean, "item number as printed, folded"},
    {"role", "XR", PrefixKind::boolean, "speaker or attendee role: chair, officer..."},
    {"doctype", "XT", PrefixKind::boolean, "document type: item or meeting"},
    {"acronym", "XU", PrefixKind::boolean,
     "a word in capitals amid lower-case text (\"the GMES Committee\"), folded; counted like a word"},
}};

[[nodiscard]] constexpr std::optional<PrefixSpec> find_field(std::string_view field) {
    for (const auto& spec : kPrefixes) {
        if (!spec.field.empty() && spec.field == field) return spec;
    }
    return std::nullopt;
}

[[nodiscard]] constexpr std::string_view prefix_of(std::string_view field) {
    auto spec = find_field(field);
    return spec ? spec->prefix : std::string_view{};
}

// Facets offered to searchers, each read from a value slot.
struct FacetSpec {
    std::string_view name;
    Slot slot;
    bool multi_valued;    // slot holds a kListSeparator-joined list
    bool by_key = false;  // spellings with one facet_key ("&" or "and") are one value, as their filter is
};

inline constexpr std::array<FacetSpec, 8> kFacets{{
    {"committee", kSlotCommittee, false, true},
    {"council", kSlotCouncil, false, true},
    {"year", kSlotYear, false},
    {"member", kSlotMembers, true},
    {"role", kSlotRoles, true},
    {"type", kSlotKinds, true},
    {"topic", kSlotTopic, false},
    {"language", kSlotLanguage, false},
}};

// The facet's position in kFacets (its order in every answer); kFacets.size() when there is none.
[[nodiscard]] constexpr std::size_t facet_index(std::string_view name) {
    for (std::size_t i = 0; i < kFacets.size(); ++i) {
        if (kFacets[i].name == name) return i;
    }
    return kFacets.size();
}

[[nodiscard]] constexpr std::optional<FacetSpec> find_facet(std::string_view name) {
    for (const auto& spec : kFacets) {
        if (spec.name == name) return spec;
    }
    return std::nullopt;
}

// Document types (XT terms).
inline constexpr std::string_view kDocTypeItem = "item";
inline constexpr std::string_view kDocTypeMeeting = "meeting";

}  // namespace minutes::schema

namespace minutes::config {

// Within-document frequency increments: how much a word counts where it appears.
inline constexpr unsigned kTitleWeight = 3;  // title words, both as S terms and as free text
inline constexpr unsigned kBodyWeight = 1;
// Position gap between passages so that phrases and NEAR do not span two passages.
inline constexpr unsigned kPassagePositionGap = 100;

}  // namespace minutes::config
