// Language identification by function-word counts: cheap, and enough to tell Welsh from English.
#include "minutes/language.h"

#include <array>
#include <string>

#include "minutes/normalise.h"

namespace minutes {
namespace {

constexpr std::array<std::string_view, 24> kEnglish{
    "the", "and", "of", "to", "was", "that", "for", "with", "be", "on", "at", "by", "this", "it",
    "were", "from", "had", "would", "which", "are", "has", "been", "meeting", "council"};
constexpr std::array<std::string_view, 24> kWelsh{
    "y", "yr", "a", "ac", "o", "i", "yn", "ar", "gan", "bod", "ei", "eu", "am", "wedi",
    "cyngor", "cyfarfod", "oedd", "hyn", "gyda", "fod", "mae", "ond", "hefyd", "cymuned"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
    for (auto w : words) {
        if (w == word) return true;
    }
    return false;
}

}  // namespace

Language detect_language(std::string_view text) {
    std::string folded = fold_case(text.substr(0, 200000));
    int english = 0;
    int welsh = 0;
    int words = 0;
    std::string word;
    auto count = [&]() {
        if (word.empty()) return;
        ++words;
        english += contains(kEnglish, word);
        welsh += contains(kWelsh, word);
        word.clear();
    };
    for (char c : folded) {
        if ((c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0x80)) {
            word += c;
        } else {
            count();
        }
    }
    count();
    if (words < 20 || english + welsh < 5) return Language::unknown;
    // "a", "i", "o" are also English words; Welsh must clearly dominate.
    if (welsh > english * 2) return Language::welsh;
    if (english >= welsh) return Language::english;
    return Language::unknown;
}

Language detect_language(const SourceText& text) {
    std::string all;
    for (const auto& block : text.blocks) {
        all += block.text;
        all += '\n';
        if (all.size() > 200000) break;
    }
    return detect_language(all);
}

}  // namespace minutes
