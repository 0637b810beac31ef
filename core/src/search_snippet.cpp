// Passage ranking and snippets: the words of each passage compared with the query's words and stems.
#include "search_snippet.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "minutes/names.h"
#include "minutes/normalise.h"

namespace minutes {
namespace {

struct WordSpan {
    std::size_t begin;
    std::size_t end;
};

bool is_word_char(UChar32 c) { return u_isalnum(c) != 0; }

// Words of a text (letters and digits, with inner apostrophes: "children's").
std::vector<WordSpan> word_spans(std::string_view text) {
    std::vector<WordSpan> spans;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    std::size_t start = std::string_view::npos;
    std::size_t last_end = 0;
    while (i < length) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        bool word = c >= 0 && is_word_char(c);
        if (!word && c == '\'' && start != std::string_view::npos && i < length) {
            int32_t j = i;
            UChar32 next;
            U8_NEXT(s, j, length, next);
            word = next >= 0 && is_word_char(next);
        }
        if (word) {
            if (start == std::string_view::npos) start = static_cast<std::size_t>(at);
            last_end = static_cast<std::size_t>(i);
        } else if (start != std::string_view::npos) {
            spans.push_back({start, last_end});
            start = std::string_view::npos;
        }
    }
    if (start != std::string_view::npos) spans.push_back({start, last_end});
    return spans;
}

std::string fold_fast(std::string_view word) {
    bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) return fold_case(word);
    std::string out(word);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Index of the query word, stem or prefix a text word matches, or -1.
long match_of(const std::string& folded, const QueryWords& words) {
    static const Xapian::Stem stem("english");
    for (std::size_t k = 0; k < words.words.size(); ++k) {
        if (words.words[k] == folded) return static_cast<long>(k);
    }
    if (!words.stems.empty()) {
        std::string s = stem(folded);
        for (std::size_t k = 0; k < words.stems.size(); ++k) {
            if (words.stems[k] == s) return static_cast<long>(words.words.size() + k);
        }
    }
    for (std::size_t k = 0; k < words.prefixes.size(); ++k) {
        if (folded.compare(0, words.prefixes[k].size(), words.prefixes[k]) == 0) {
            return static_cast<long>(words.words.size() + words.stems.size() + k);
        }
    }
    return -1;
}

std::string collapse_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

std::vector<PassageMatch> rank_passages(const ItemRecord& item, const QueryWords& words,
                                        const PassagePreference& preference) {
    std::vector<PassageMatch> ranked;
    bool has_words = !words.words.empty() || !words.prefixes.empty();
    for (std::size_t i = 0; i < item.passages.size(); ++i) {
        const Passage& p = item.passages[i];
        long score = 0;
        long level = 0;
        if (has_words) {
            std::vector<long> seen;
            long occurrences = 0;
            for (const auto& span : word_spans(p.text)) {
                long m = match_of(fold_fast(std::string_view(p.text).substr(span.begin, span.end - span.begin)), words);
                if (m < 0) continue;
                ++occurrences;
                if (std::find(seen.begin(), seen.end(), m) == seen.end()) seen.push_back(m);
            }
            score += static_cast<long>(seen.size()) * 100 + std::min(occurrences, 50L);
            level += static_cast<long>(seen.size());
        }
        // Filters decide among passages first: an officer's passage for role:officer, and so on.
        if (!preference.roles.empty() && contains(preference.roles, std::string(role_name(p.speaker_role)))) {
            score += 10000;
            level += 1000;
        }
        if (!preference.kinds.empty() && contains(preference.kinds, std::string(passage_kind_name(p.kind)))) {
            score += 10000;
            level += 1000;
        }
        if (!preference.member_keys.empty() && !p.speaker.empty() &&
            contains(preference.member_keys, member_key(p.speaker))) {
            score += 10000;
            level += 1000;
        }
        if (score > 0) ranked.push_back({i, score, level});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const PassageMatch& a, const PassageMatch& b) { return a.score > b.score; });
    return ranked;
}

Snippet make_snippet(std::string_view raw, const QueryWords& words, std::size_t chars) {
    std::string text = collapse_space(raw);
    auto spans = word_spans(text);
    std::vector<WordSpan> hits;
    for (const auto& span : spans) {
        if (match_of(fold_fast(std::string_view(text).substr(span.begin, span.end - span.begin)), words) >= 0) {
            hits.push_back(span);
        }
    }
    // Byte budget from a character budget: a rough factor keeps it simple for non-ASCII text.
    std::size_t budget = chars;
    std::size_t begin = 0;
    if (!hits.empty() && hits.front().begin > budget / 4) {
        std::size_t want = hits.front().begin - budget / 4;
        // Start at the first word at or after `want`.
        for (const auto& span : spans) {
            if (span.begin >= want) {
                begin = span.begin;
                break;
            }
        }
    }
    std::size_t end = text.size();
    if (end - begin > budget) {
        end = begin;
        for (const auto& span : spans) {
            if (span.begin < begin) continue;
            if (span.end - begin > budget) break;
            end = span.end;
        }
        if (end == begin) {  // one enormous word: cut at a character boundary
            end = begin + budget;
            while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        }
    }
    Snippet snippet;
    std::string prefix = begin > 0 ? "… " : "";
    snippet.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? " …" : "");
    for (const auto& h : hits) {
        if (h.begin >= begin && h.end <= end) {
            snippet.highlights.push_back({h.begin - begin + prefix.size(), h.end - h.begin});
        }
    }
    return snippet;
}

}  // namespace minutes
