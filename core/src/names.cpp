// Honorifics and member keys.
#include "minutes/names.h"

#include <array>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "minutes/normalise.h"

namespace minutes {
namespace {

constexpr std::array<std::string_view, 26> kHonorifics{
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "councilor",
    "cr", "sir", "dame", "lord", "lady", "rev", "revd", "reverend", "fr", "hon", "honourable",
    "honorable", "alderman", "aldermen", "ald"};

std::string trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == ','; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

// Letters only, folded: "O'Brien," -> "obrien"; "Smith-Jones" -> "smithjones".
std::string letters_key(std::string_view word) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    icu::UnicodeString out;
    for (int32_t k = 0; k < s.length();) {
        UChar32 c = s.char32At(k);
        k += U16_LENGTH(c);
        if (u_isalpha(c)) out.append(c);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

// Post-nominals and suffixes that follow a surname.
bool is_post_nominal(std::string_view key) {
    static constexpr std::array<std::string_view, 14> kSuffixes{
        "mp", "mbe", "obe", "cbe", "jp", "qc", "kc", "jr", "sr", "ii", "iii", "mla", "phd", "esq"};
    for (auto s : kSuffixes) {
        if (key == s) return true;
    }
    return false;
}

}  // namespace

bool is_honorific(std::string_view word) {
    std::string key = letters_key(word);
    for (auto h : kHonorifics) {
        if (key == h) return true;
    }
    return false;
}

PersonName split_honorific(std::string_view text) {
    PersonName result;
    auto words = split_words(text);
    std::size_t i = 0;
    while (i + 1 < words.size() && is_honorific(words[i])) {
        if (!result.honorific.empty()) result.honorific += ' ';
        result.honorific += std::string(words[i]);
        ++i;
    }
    std::string rest;
    for (; i < words.size(); ++i) {
        if (!rest.empty()) rest += ' ';
        rest += std::string(words[i]);
    }
    result.name = trim(rest);
    return result;
}

std::string member_key(std::string_view name) {
    // Drop bracketed notes: "Mrs F M Oborski (Vice Chairman)".
    std::string plain;
    int depth = 0;
    for (char c : name) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) plain += c;
    }
    auto words = split_words(plain);
    // The surname is the last word that is not a post-nominal, an honorific or an initial.
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
        std::string key = letters_key(*it);
        if (key.empty() || is_post_nominal(key) || is_honorific(*it)) continue;
        bool initial = key.size() == 1 || (it->size() <= 3 && it->back() == '.');
        if (initial) continue;
        return key;
    }
    return {};
}

}  // namespace minutes
