// Text normalisation with ICU: UTF-8 repair, NFKC, bullets, quotes, control characters, case folding.
#include "minutes/normalise.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace minutes {
namespace {

constexpr UChar32 kBullet = 0x2022;
constexpr UChar32 kReplacement = 0xFFFD;

// Maps one code point before NFKC; returns -1 to drop it.
UChar32 map_code_point(UChar32 c) {
    switch (c) {
        // Symbol-font (Wingdings/Symbol) bullets that PDF converters leave in the private use area.
        case 0xF0B7: case 0xF0A7: case 0xF076: case 0xF0D8: case 0xF0FC: case 0xF0A8: case 0xF06E:
        // Typographic bullets.
        case 0x25CF: case 0x25AA: case 0x25E6: case 0x2043: case 0x2219: case 0x25A0: case 0x25A1:
        case 0x27A2: case 0x2023:
            return kBullet;
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
            return '\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
            return '"';
        case 0x00AD:  // soft hyphen
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:  // zero-width, BOM
            return -1;
        case '\t': case '\n':
            return c;
        case 0x2028: case 0x2029:  // line and paragraph separators
            return '\n';
        default:
            break;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return -1;  // C0/C1 controls
    if (c >= 0xD800 && c <= 0xDFFF) return kReplacement;
    return c;
}

const icu::Normalizer2* nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) return false;
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string repair_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        // Valid sequences are copied byte for byte; U8_NEXT works on int32_t lengths, so go in windows.
        int32_t window = static_cast<int32_t>(std::min<std::size_t>(text.size() - i, 1 << 20));
        int32_t k = 0;
        while (k < window) {
            int32_t start = k;
            UChar32 c;
            U8_NEXT(s + i, k, window, c);
            if (c < 0) out += "\xEF\xBF\xBD";
            else out.append(text.data() + i + start, static_cast<std::size_t>(k - start));
        }
        i += static_cast<std::size_t>(window);
    }
    return out;
}

std::string normalise_text(std::string_view raw) {
    // Decode by hand so that each invalid sequence becomes exactly one U+FFFD, and CR LF becomes LF.
    icu::UnicodeString mapped;
    const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
    // ICU indexes with int32_t; normalise very large inputs in pieces on line boundaries.
    constexpr std::size_t kChunk = std::size_t{1} << 30;
    if (raw.size() > kChunk) {
        std::size_t cut = raw.rfind('\n', kChunk);
        if (cut == std::string_view::npos || cut == 0) cut = kChunk;
        return normalise_text(raw.substr(0, cut)) + normalise_text(raw.substr(cut));
    }
    int32_t length = static_cast<int32_t>(raw.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            mapped.append(kReplacement);
            continue;
        }
        if (c == '\r') {
            if (i < length && s[i] == '\n') ++i;
            mapped.append(static_cast<UChar32>('\n'));
            continue;
        }
        UChar32 m = map_code_point(c);
        if (m >= 0) mapped.append(m);
    }
    const icu::Normalizer2* normaliser = nfkc();
    if (normaliser == nullptr) return to_utf8(mapped);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalised = normaliser->normalize(mapped, status);
    if (U_FAILURE(status)) return to_utf8(mapped);
    // NFKC can produce new quote-like characters and spaces (e.g. U+2033 from U+2034); map once more.
    icu::UnicodeString out;
    for (int32_t k = 0; k < normalised.length();) {
        UChar32 c = normalised.char32At(k);
        k += U16_LENGTH(c);
        UChar32 m = map_code_point(c);
        if (m >= 0) out.append(m);
    }
    return to_utf8(out);
}

std::string fold_case(std::string_view text) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    return to_utf8(s);
}

std::string facet_key(std::string_view text) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    icu::UnicodeString out;
    bool pending_space = false;
    auto append_word = [&](const icu::UnicodeString& word) {
        if (pending_space && !out.isEmpty()) out.append(static_cast<UChar32>(' '));
        pending_space = false;
        out.append(word);
    };
    for (int32_t k = 0; k < s.length();) {
        UChar32 c = s.char32At(k);
        k += U16_LENGTH(c);
        if (c == '&') {
            pending_space = true;
            append_word(icu::UnicodeString::fromUTF8("and"));
            pending_space = true;
        } else if (u_isalnum(c)) {
            append_word(icu::UnicodeString(c));
        } else if (c == '\'' || c == 0x2019) {
            // apostrophes join: "children's" -> "childrens"
        } else {
            pending_space = true;
        }
    }
    return to_utf8(out);
}

}  // namespace minutes
