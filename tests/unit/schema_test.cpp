// Tests of the index schema: prefixes unique and well formed (Omega conventions), slots unique.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>

#include "minutes/schema.h"

using namespace minutes::schema;

TEST_CASE("Schema: prefixes follow Omega's conventions", "[schema]") {
    for (const auto& spec : kPrefixes) {
        INFO("prefix " << spec.prefix);
        REQUIRE_FALSE(spec.prefix.empty());
        for (char c : spec.prefix) CHECK(std::isupper(static_cast<unsigned char>(c)));
        if (spec.prefix.size() > 1) {
            // Multi-letter prefixes are the project's own and must start with X.
            CHECK(spec.prefix.front() == 'X');
        } else {
            // Single capitals are Omega's reserved ones; we use only Q (unique id) and S (title).
            CHECK((spec.prefix == "Q" || spec.prefix == "S"));
        }
        CHECK(spec.prefix != "Z");  // Z is Xapian's stem prefix
    }
    CHECK(prefix_of("topic") == "S");
}

TEST_CASE("Schema: prefixes and field names are unique and none is a prefix of another", "[schema]") {
    std::set<std::string> fields;
    for (const auto& a : kPrefixes) {
        if (!a.field.empty()) CHECK(fields.insert(std::string(a.field)).second);
        for (const auto& b : kPrefixes) {
            if (&a == &b) continue;
            INFO(a.prefix << " vs " << b.prefix);
            CHECK(b.prefix.substr(0, a.prefix.size()) != a.prefix);
        }
    }
    int unique_ids = 0;
    for (const auto& spec : kPrefixes) unique_ids += spec.kind == PrefixKind::unique_id;
    CHECK(unique_ids == 1);
    REQUIRE(find_field("committee"));
    CHECK(find_field("committee")->kind == PrefixKind::boolean);
    CHECK_FALSE(find_field("nonsense"));
}

TEST_CASE("Schema: facets name distinct slots and the query fields they filter exist", "[schema]") {
    std::set<unsigned> slots;
    for (const auto& facet : kFacets) {
        INFO("facet " << facet.name);
        CHECK(slots.insert(facet.slot).second);
        CHECK(slots.count(kSlotDate) == 0);
        if (facet.name != "year") CHECK(find_field(facet.name).has_value());
    }
    CHECK(find_facet("role")->multi_valued);
    CHECK_FALSE(find_facet("committee")->multi_valued);
    CHECK_FALSE(find_facet("date"));
}
