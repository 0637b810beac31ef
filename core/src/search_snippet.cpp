// Passage ranking and snippets: the words of each passage compared with the query's words and stems.
#include "search_snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "minutes/names.h"
#include "minutes/normalise.h"

namespace minutes {
namespace {

// What meeting one preference adds to a passage's level: more than any count of query words.
constexpr long kPreferenceLevel = 1000;

struct WordSpan {
    std::size_t begin;
    std::size_t end;
};

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isalnum(c) != 0;
}

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
        UChar32 c = s[i];
        if (c < 0x80)
            ++i;
        else
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
    bool ascii =
        std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) return fold_case(word);
    std::string out(word);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// A matched word of a text and the query concept (group) it matches.
struct Match {
    std::size_t begin;
    std::size_t end;
    long group;
};

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Folding and stemming every word of long items would dominate search time. A word can only match a
// query word, a stem (English stems keep their word's first two letters) or a prefix that starts with
// the same two letters, so other words are passed over after a two-byte comparison.
bool is_candidate(std::string_view word, const std::vector<std::string>& starts) {
    if (static_cast<unsigned char>(word[0]) >= 0x80 ||
        (word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80)) {
        return true;  // non-ASCII: folding may change it, so look closer
    }
    for (const auto& s : starts) {
        if (s.size() > word.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < s.size() && same; ++k) same = lower_ascii(word[k]) == s[k];
        if (same) return true;
    }
    return false;
}

// The first two letters of every query word, stem, phrase word and prefix: a text word can only match
// when it starts with one of them.
std::vector<std::string> word_starts(const QueryWords& words) {
    std::vector<std::string> starts;
    auto add_start = [&starts](const std::string& s) {
        std::string start = s.substr(0, 2);
        if (!start.empty() && std::find(starts.begin(), starts.end(), start) == starts.end())
            starts.push_back(start);
    };
    for (const auto& w : words.words) add_start(w);
    for (const auto& s : words.stems) add_start(s);
    for (const auto& p : words.phrases) {
        for (const auto& w : p.words) add_start(w);
        for (const auto& s : p.stems) add_start(s);
    }
    for (const auto& p : words.prefixes) add_start(p);
    return starts;
}

// False when no word of `text` can match: no word starts with a query word's first two letters. A byte
// scan without allocation, so that the many passages of long items that cannot match cost little.
bool may_match(std::string_view text, const std::vector<std::string>& starts) {
    bool in_word = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) return true;  // non-ASCII: folding may change it, so look closer
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (word && !in_word) {
            char first = lower_ascii(text[i]);
            char second = i + 1 < text.size() ? lower_ascii(text[i + 1]) : '\0';
            for (const auto& s : starts) {
                if (s[0] == first && (s.size() < 2 || s[1] == second)) return true;
            }
        }
        in_word = word || (in_word && c == '\'');  // "children's" is one word, as word_spans has it
    }
    return false;
}

// Every word of `text` matching a query word (by folded form or stem), a wildcard prefix, or part of a
// phrase present in sequence, in text order.
std::vector<Match> find_matches(std::string_view text, const QueryWords& words,
                                const std::vector<std::string>& starts) {
    thread_local const Xapian::Stem stem("english");  // Stem objects are not thread-safe
    auto spans = word_spans(text);
    std::vector<std::string> folded(spans.size()), stems(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        std::string_view word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
        if (!is_candidate(word, starts)) continue;
        folded[i] = fold_fast(word);
        stems[i] = stem(folded[i]);
    }
    auto same = [&](std::size_t i, const std::string& word, const std::string& word_stem) {
        return !folded[i].empty() && (folded[i] == word || stems[i] == word_stem);
    };
    std::vector<long> group(spans.size(), -1);
    for (const auto& p : words.phrases) {
        std::size_t n = p.words.size();
        for (std::size_t i = 0; i + n <= spans.size(); ++i) {
            std::size_t k = 0;
            while (k < n && same(i + k, p.words[k], p.stems[k])) ++k;
            if (k < n) continue;
            for (k = 0; k < n; ++k) group[i + k] = static_cast<long>(p.group);
        }
    }
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (group[i] >= 0) continue;
        for (std::size_t k = 0; k < words.words.size() && group[i] < 0; ++k) {
            if (same(i, words.words[k], words.stems[k])) group[i] = static_cast<long>(words.groups[k]);
        }
        for (std::size_t k = 0; k < words.prefixes.size() && group[i] < 0 && !folded[i].empty(); ++k) {
            if (folded[i].compare(0, words.prefixes[k].size(), words.prefixes[k]) == 0) {
                group[i] = static_cast<long>(words.group_count + k);  // beyond every group id
            }
        }
    }
    std::vector<Match> matches;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (group[i] >= 0) matches.push_back({spans[i].begin, spans[i].end, group[i]});
    }
    return matches;
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

long preferences_level(const PassagePreference& preference) {
    return kPreferenceLevel * ((preference.roles.empty() ? 0 : 1) + (preference.kinds.empty() ? 0 : 1) +
                               (preference.member_keys.empty() ? 0 : 1));
}

std::vector<PassageMatch> rank_passages(const ItemRecord& item, const QueryWords& words,
                                        const PassagePreference& preference, bool every_passage) {
    std::vector<PassageMatch> ranked;
    bool has_words = !words.words.empty() || !words.prefixes.empty() || !words.phrases.empty();
    auto starts = word_starts(words);
    // The best level a passage can reach: every concept and every preference. Items that are whole
    // documents hold thousands of passages; when only the best is wanted, the first perfect one ends the scan.
    long perfect = static_cast<long>(words.group_count + words.prefixes.size()) + preferences_level(preference);
    for (std::size_t i = 0; i < item.passages.size(); ++i) {
        const Passage& p = item.passages[i];
        long score = 0;
        long level = 0;
        if (has_words && may_match(p.text, starts)) {
            std::vector<long> seen;
            long occurrences = 0;
            for (const auto& m : find_matches(p.text, words, starts)) {
                ++occurrences;
                if (std::find(seen.begin(), seen.end(), m.group) == seen.end()) seen.push_back(m.group);
            }
            score += static_cast<long>(seen.size()) * 100 + std::min(occurrences, 50L);
            level += static_cast<long>(seen.size());
        }
        // Filters decide among passages first: an officer's passage for role:officer, and so on.
        if (!preference.roles.empty() && contains(preference.roles, std::string(role_name(p.speaker_role)))) {
            score += 10000;
            level += kPreferenceLevel;
        }
        if (!preference.kinds.empty() && contains(preference.kinds, std::string(passage_kind_name(p.kind)))) {
            score += 10000;
            level += kPreferenceLevel;
        }
        // The member spoke, moved or seconded here.
        auto named = [&](const std::string& who) {
            return !who.empty() && contains(preference.member_keys, member_key(who));
        };
        if (!preference.member_keys.empty() && (named(p.speaker) || named(p.seconder))) {
            score += 10000;
            level += kPreferenceLevel;
        }
        if (score > 0) ranked.push_back({i, score, level});
        if (!every_passage && level == perfect && score > 0) break;
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const PassageMatch& a, const PassageMatch& b) { return a.score > b.score; });
    return ranked;
}

Snippet make_snippet(std::string_view raw, const QueryWords& words, std::size_t chars) {
    std::string text = collapse_space(raw);
    auto spans = word_spans(text);
    std::vector<WordSpan> hits;
    for (const auto& m : find_matches(text, words, word_starts(words))) hits.push_back({m.begin, m.end});
    // Byte budget from a character budget: a rough factor keeps it simple for non-ASCII text.
    std::size_t budget = chars;
    // The window starts a little before the match that begins the densest run of matched words.
    std::size_t best = 0, best_count = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        std::size_t count = 0;
        for (std::size_t k = i; k < hits.size() && hits[k].end - hits[i].begin <= budget * 3 / 4; ++k)
            ++count;
        if (count > best_count) {
            best = i;
            best_count = count;
        }
    }
    std::size_t begin = 0;
    if (!hits.empty() && hits[best].begin > budget / 4) {
        std::size_t want = hits[best].begin - budget / 4;
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
