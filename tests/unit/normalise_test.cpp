// Tests of text normalisation: what a reader expects of bullets, quotes, ligatures and bad bytes.
#include <catch2/catch.hpp>

#include "minutes/normalise.h"

using namespace minutes;

TEST_CASE("normalise_text: characters from PDF converters become what a reader expects", "[normalise]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        // Symbol-font bullet in the private use area -> bullet
        {"\xEF\x82\xB7 Discussions were continuing", "\xE2\x80\xA2 Discussions were continuing"},
        {"\xEF\x82\xA7 item", "\xE2\x80\xA2 item"},
        // Curly quotes and apostrophes -> ASCII
        {"Children\xE2\x80\x99s Centre", "Children's Centre"},
        {"\xE2\x80\x9Cholding your nerve\xE2\x80\x9D", "\"holding your nerve\""},
        // Ligature fi (U+FB01) -> f i
        {"bene\xEF\xAC\x81t", "benefit"},
        // Non-breaking space -> space; full-width digits -> ASCII
        {"2.00\xC2\xA0pm", "2.00 pm"},
        {"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x97", "2017"},
        // CR LF and CR -> LF; soft hyphen and zero-width space dropped
        {"a\r\nb\rc", "a\nb\nc"},
        {"child\xC2\xADren\xE2\x80\x8B", "children"},
        // Control characters dropped, tab and newline kept
        {"a\x01\x07" "b\tc\n", "ab\tc\n"},
        // Plain ASCII and accented text unchanged (NFKC composes e + combining acute)
        {"Limerick City and County Council", "Limerick City and County Council"},
        {"Cyngor Cymuned Maenordeilo a Salem", "Cyngor Cymuned Maenordeilo a Salem"},
        {"Cafe\xCC\x81", "Caf\xC3\xA9"},
    }));
    CHECK(normalise_text(raw) == expected);
}

TEST_CASE("normalise_text: invalid UTF-8 becomes U+FFFD and is never passed on", "[normalise]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
        {"\xC3", "\xEF\xBF\xBD"},                    // truncated two-byte sequence
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // encoded surrogate: each byte invalid
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},    // overlong '/'
    }));
    std::string out = normalise_text(raw);
    CHECK(out == expected);
    CHECK(is_valid_utf8(out));
}

TEST_CASE("normalise_text: empty input and long input", "[normalise]") {
    CHECK(normalise_text("").empty());
    std::string big(1 << 20, 'x');
    CHECK(normalise_text(big).size() == big.size());
}

TEST_CASE("is_valid_utf8", "[normalise]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Caf\xC3\xA9"));
    CHECK_FALSE(is_valid_utf8("Caf\xC3"));
    CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("fold_case and facet_key", "[normalise]") {
    CHECK(fold_case("Children AND Families") == "children and families");
    CHECK(fold_case("STRASSE") == "strasse");
    CHECK(facet_key("Children & Families  Overview, and Scrutiny Panel") ==
          "children and families overview and scrutiny panel");
    CHECK(facet_key("Children's Centre") == "childrens centre");
    CHECK(facet_key("  ") == "");
}
