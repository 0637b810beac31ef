// The recogniser's line model: cleaning lines of any format, dropping page furniture, unwrapping.
#include "recognise_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include <unicode/uchar.h>

namespace minutes::recognition {
namespace {

// Decodes the code point at s[i] (UTF-8 already validated by normalise_text); sets `len`.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { len = 1; return c; }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) { len = 1; return 0xFFFD; }
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    len = n;
    return cp;
}

// The first letter-or-digit code point of a word, skipping opening punctuation.
char32_t first_letter(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size()) {
        std::size_t len = 1;
        char32_t cp = decode_at(word, i, len);
        if (u_isalnum(static_cast<UChar32>(cp))) return cp;
        if (cp != '(' && cp != '"' && cp != '\'' && cp != '[' && cp != '*' && cp != '_') return 0;
        i += len;
    }
    return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Strips markdown and pandoc residue that carries no text: emphasis, escapes, superscript marks,
// blockquote markers, simple inline tags, and links reduced to their text.
std::string strip_markup(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size() && (line[i] == '>' || is_space(line[i]))) ++i;  // blockquotes
    for (; i < line.size(); ++i) {
        char c = line[i];
        // A star opening the line before a space is a bullet ("* 3 Oak Road"), kept for strip_bullet.
        if (c == '*' && out.empty() && i + 1 < line.size() && line[i + 1] == ' ') {
            out += c;
            continue;
        }
        if (c == '*' || c == '^') continue;
        if (c == '_' && i + 1 < line.size() && line[i + 1] == '_') { ++i; continue; }
        if (c == '\\') {
            if (i + 1 < line.size() && std::strchr(".-#()[]*_!+>`|", line[i + 1]) != nullptr) {
                out += line[++i];
            }
            continue;  // a trailing backslash is a pandoc line break
        }
        if (c == '<') {
            // Simple inline tags such as <small>, </small>, <br>, <!-- -->: drop them.
            std::size_t close = line.find('>', i);
            if (close != std::string_view::npos && close - i <= 40 && i + 1 < line.size() &&
                (std::isalpha(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '/' || line[i + 1] == '!')) {
                i = close;
                continue;
            }
        }
        if (c == '[') {
            // [text](url) -> text
            std::size_t mid = line.find("](", i);
            std::size_t close = mid == std::string_view::npos ? mid : line.find(')', mid);
            if (mid != std::string_view::npos && close != std::string_view::npos && mid - i <= 200) {
                out.append(line.substr(i + 1, mid - i - 1));
                i = close;
                continue;
            }
        }
        out += c;
    }
    return std::string(trim(out));
}

// Strips a leading bullet marker; true when there was one.
bool strip_bullet(std::string& text) {
    static constexpr std::array<std::string_view, 13> kMarkers{
        "\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x9E\xA2", "\xE2\x96\xA0", "\xE2\x97\x8F",
        "\xEF\x82\xB7", "\xC2\xB7", "- ", "+ ", "* ", "o ", "\xC2\xA7 "};
    for (auto marker : kMarkers) {
        if (text.size() > marker.size() && text.compare(0, marker.size(), marker) == 0) {
            // "o " only before a capital, so that "o clock" style text is never a bullet.
            if (marker == "o " && !starts_upper(std::string_view(text).substr(2))) continue;
            text = std::string(trim(std::string_view(text).substr(marker.size())));
            return true;
        }
    }
    return false;
}

bool only_chars(std::string_view s, std::string_view allowed) {
    if (s.empty()) return false;
    for (char c : s) {
        if (allowed.find(c) == std::string_view::npos) return false;
    }
    return true;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

// Page numbers, running heads, separators, signature lines and OCR notes: not minutes text.
bool is_furniture(std::string_view text) {
    if (only_chars(text, "-_=*~.# \t|")) return true;
    if (text.size() <= 4 && all_digits(text)) return true;
    std::string key = lower_ascii(text);
    std::string bare = key;
    while (!bare.empty() && std::strchr(":._ \t", bare.back()) != nullptr) bare.pop_back();
    static constexpr std::array<std::string_view, 10> kSignatures{
        "chairman", "chair", "chairperson", "signed", "signature", "signed chairman", "mayor",
        "municipal administrator", "cathaoirleach", "date"};
    for (auto s : kSignatures) {
        if (bare == s) return true;
    }
    if (starts_with_ci(key, "date of issue") || starts_with_ci(key, "date of publication") ||
        starts_with_ci(key, "scanned page") || key == "(image omitted)" || starts_with_ci(key, "signed:") ||
        starts_with_ci(key, "original file"))
        return true;
    // "Page 2", "Page 2 of 5", "- 2 -", and running heads ending "... Page 2".
    if (text.size() <= 160) {
        std::size_t page = key.rfind("page ");
        if (page != std::string::npos) {
            std::string_view rest = trim(std::string_view(key).substr(page + 5));
            std::size_t digits = 0;
            while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
            rest.remove_prefix(digits);
            rest = trim(rest);
            if (digits > 0 && (rest.empty() || starts_with_ci(rest, "of "))) {
                if (page == 0 || key.size() < 60 || text.find("  ") != std::string_view::npos ||
                    text.find(" - ") != std::string_view::npos || text.find("\xE2\x80\x93") != std::string_view::npos)
                    return true;
            }
        }
    }
    if (key.size() <= 9 && key.front() == '-' && key.back() == '-' && key.find_first_of("0123456789") != std::string::npos)
        return true;
    return false;
}

bool is_joining_word(std::string_view key) {
    static constexpr std::array<std::string_view, 22> kJoiners{
        "of", "and", "the", "for", "to", "on", "in", "a", "an", "with", "by", "at", "from", "or",
        "&", "that", "as", "be", "was", "were", "is", "are"};
    for (auto j : kJoiners) {
        if (key == j) return true;
    }
    return false;
}

// Opening minus closing brackets in a line (negative when it closes one opened before).
int bracket_balance(std::string_view s) {
    int balance = 0;
    for (char c : s) {
        if (c == '(') ++balance;
        else if (c == ')') --balance;
    }
    return balance;
}

}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

namespace {
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
    }
    return true;
}

std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from) {
    if (needle.empty() || text.size() < needle.size()) return std::string_view::npos;
    const char lower = ascii_lower(needle[0]);
    const char upper = lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
        if ((text[i] == lower || text[i] == upper) && starts_with_ci(text.substr(i), needle)) return i;
    }
    return std::string_view::npos;
}

bool contains_ci(std::string_view text, std::string_view needle) { return find_ci(text, needle) != std::string_view::npos; }

namespace {

// The `size` bytes at `at` are whole words of `text`: no letter, digit or non-ASCII byte either side.
bool whole_words_at(std::string_view text, std::size_t at, std::size_t size) {
    auto is_word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    std::size_t end = at + size;
    return (at == 0 || !is_word_char(text[at - 1])) && (end >= text.size() || !is_word_char(text[end]));
}

}  // namespace

std::size_t find_word_ci(std::string_view text, std::string_view needle, std::size_t from) {
    std::size_t i = from;
    while ((i = find_ci(text, needle, i)) != std::string_view::npos) {
        if (whole_words_at(text, i, needle.size())) return i;
        ++i;
    }
    return std::string_view::npos;
}

std::size_t find_word_in_lower(std::string_view lower_text, std::string_view lower_needle, std::size_t from) {
    if (lower_needle.empty()) return std::string_view::npos;
    std::size_t i = from;
    while ((i = lower_text.find(lower_needle, i)) != std::string_view::npos) {
        if (whole_words_at(lower_text, i, lower_needle.size())) return i;
        ++i;
    }
    return std::string_view::npos;
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> words;
    words.reserve(s.size() / 6 + 1);  // about one word in six bytes: one allocation, not a dozen
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == '\n')) ++i;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '\n') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

std::string word_key(std::string_view word) {
    std::string out;
    for (char c : word) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '&') out += c;
    }
    return lower_ascii(out);
}

bool is_initial(std::string_view word) {
    return word.size() == 2 && word[1] == '.' && std::isupper(static_cast<unsigned char>(word[0]));
}

bool starts_upper(std::string_view word) {
    char32_t cp = first_letter(word);
    return cp != 0 && u_isupper(static_cast<UChar32>(cp));
}

bool starts_lower(std::string_view word) {
    char32_t cp = first_letter(word);
    return cp != 0 && u_islower(static_cast<UChar32>(cp));
}

bool all_caps(std::string_view text) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        char32_t cp = decode_at(text, i, len);
        i += len;
        if (u_isalpha(static_cast<UChar32>(cp))) {
            if (u_islower(static_cast<UChar32>(cp))) return false;
            ++letters;
        }
    }
    return letters >= 2;
}

bool is_dash(std::string_view word) { return word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94"; }

bool is_small_word(std::string_view key) {
    static constexpr std::array<std::string_view, 18> kSmall{
        "of", "and", "the", "for", "to", "on", "in", "a", "an", "with", "by", "at", "from", "or", "&", "de", "y", "a'r"};
    for (auto w : kSmall) {
        if (key == w) return true;
    }
    return false;
}

bool ends_sentence(std::string_view text) {
    text = trim(text);
    while (!text.empty() && (text.back() == '"' || text.back() == '\'' || text.back() == ')' || text.back() == '*'))
        text.remove_suffix(1);
    if (text.empty()) return false;
    char c = text.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

std::string title_case(std::string_view text) {
    std::string out;
    bool first_word = true;
    for (auto word : words_of(text)) {
        std::string w = lower_ascii(word);
        if (!(is_small_word(word_key(w)) && !first_word)) {
            // Capitalise the first ASCII letter of the word (and after a hyphen or apostrophe-led name part).
            for (std::size_t i = 0; i < w.size(); ++i) {
                if (std::isalpha(static_cast<unsigned char>(w[i]))) {
                    if (i == 0 || !std::isalpha(static_cast<unsigned char>(w[i - 1]))) w[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[i])));
                }
            }
        }
        if (!out.empty()) out += ' ';
        out += w;
        first_word = false;
    }
    return out;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (is_space(c) || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

int month_of(std::string_view key) {
    struct Month { std::string_view name; int number; };
    static constexpr std::array<Month, 37> kMonths{{
        {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
        {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
        {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
        {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
        {"ionawr", 1}, {"chwefror", 2}, {"mawrth", 3}, {"ebrill", 4}, {"mai", 5}, {"mehefin", 6},
        {"gorffennaf", 7}, {"awst", 8}, {"medi", 9}, {"hydref", 10}, {"tachwedd", 11}, {"rhagfyr", 12},
        {"janaury", 1},
    }};
    for (const auto& m : kMonths) {
        if (key == m.name) return m.number;
    }
    return 0;
}

bool is_weekday(std::string_view key) {
    static constexpr std::array<std::string_view, 14> kDays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri"};
    for (auto d : kDays) {
        if (key == d) return true;
    }
    return false;
}

namespace {

bool is_page_marker(std::string_view text) {
    return starts_with_ci(text, "page ") && text.size() > 5 && all_digits(trim(text.substr(5)));
}

// Running heads at the top of each page, on lines of their own ("49th Session" / "Tuesday, 23 March,
// 2021" / "Volume 11") or glued to the text the page opens with ("310 Debate on His Excellency the
// President's Address 15 th March, 2024 Sir, let me explain ..." / "15 th March, 2024 Debate on ...
// Address 311 Mr. Speaker, ..."): the words up to a number that open three or more pages alike, numbers
// aside, are removed. A speaker's label opening pages alike holds no number and stays.
std::size_t strip_running_heads(std::vector<Line>& lines, const std::vector<std::size_t>& page_first,
                                std::vector<std::string>& removed) {
    constexpr std::size_t kMinShared = 3;    // pages opening alike
    constexpr std::size_t kHeadLines = 3;    // a head spreads over at most this many lines
    constexpr std::size_t kNearPages = 20;   // pages compared with each page, either side: heads recur on every page
    auto shape = [](std::string_view word) { return all_digits(word) ? std::string("#") : std::string(word); };
    // The words opening each page, from its first lines: as printed, their shapes (numbers as "#"), and
    // the line each comes from.
    std::vector<std::vector<std::string>> printed, shapes;
    std::vector<std::vector<std::size_t>> from;
    for (std::size_t a = 0; a < page_first.size(); ++a) {
        std::size_t page_end = a + 1 < page_first.size() ? page_first[a + 1] : lines.size();
        std::vector<std::string> words, shaped;
        std::vector<std::size_t> line_of;
        for (std::size_t i = page_first[a]; i < page_end && i < page_first[a] + kHeadLines; ++i) {
            for (auto w : words_of(lines[i].text)) {
                words.emplace_back(w);
                shaped.push_back(shape(w));
                line_of.push_back(i);
            }
        }
        printed.push_back(std::move(words));
        shapes.push_back(std::move(shaped));
        from.push_back(std::move(line_of));
    }
    std::size_t stripped = 0;
    std::vector<bool> done(page_first.size(), false);
    std::vector<std::vector<std::string>> heads;  // words of each head found, numbers aside, sorted
    // Removes the first `count` words of page `a`: whole lines, and the start of the line they end in.
    auto strip = [&](std::size_t a, std::size_t count) {
        std::string head;
        for (std::size_t k = 0; k < count; ++k) head += (k == 0 ? "" : " ") + printed[a][k];
        removed.push_back(std::move(head));
        std::size_t last_line = from[a][count - 1];
        std::size_t taken = 0;  // words of last_line removed
        for (std::size_t k = 0; k < count; ++k) taken += from[a][k] == last_line ? 1 : 0;
        for (std::size_t i = page_first[a]; i < last_line; ++i) lines[i].text.clear();
        Line& line = lines[last_line];
        auto words = words_of(line.text);
        line.text = taken < words.size() ? line.text.substr(static_cast<std::size_t>(words[taken].data() - line.text.data()))
                                         : std::string();
        line.column_gap = 0;
        done[a] = true;
        ++stripped;
    };
    for (std::size_t a = 0; a < page_first.size(); ++a) {
        // The longest prefix that at least kMinShared - 1 other pages share.
        std::vector<std::size_t> common;
        for (std::size_t b = a > kNearPages ? a - kNearPages : 0; b < page_first.size() && b <= a + kNearPages; ++b) {
            if (b == a) continue;
            std::size_t n = 0;
            while (n < shapes[a].size() && n < shapes[b].size() && shapes[a][n] == shapes[b][n]) ++n;
            common.push_back(n);
        }
        if (common.size() < kMinShared - 1) break;
        std::sort(common.begin(), common.end(), std::greater<>());
        std::size_t shared = common[kMinShared - 2];
        // The head ends at its last number (the page's, or the date's year before it).
        while (shared > 0 && shapes[a][shared - 1] != "#") --shared;
        std::size_t letters = 0;
        for (std::size_t k = 0; k < shared; ++k) letters += shapes[a][k] != "#" ? 1 : 0;
        if (shared < 4 || letters < 2) continue;
        std::vector<std::string> head;
        for (std::size_t k = 0; k < shared; ++k)
            if (shapes[a][k] != "#") head.push_back(shapes[a][k]);
        std::sort(head.begin(), head.end());
        if (std::find(heads.begin(), heads.end(), head) == heads.end()) heads.push_back(head);
        strip(a, shared);
    }
    // A page whose head has its parts in another order ("Debate on ... Address 15 th March, 2024 308 for.")
    // where fewer than three pages share that order: the same words up to a number.
    for (std::size_t a = 0; a < page_first.size(); ++a) {
        if (done[a]) continue;
        for (const auto& head : heads) {
            std::vector<std::string> seen;
            std::size_t end = 0;
            for (std::size_t k = 0; k < shapes[a].size(); ++k) {
                if (shapes[a][k] == "#") {
                    std::vector<std::string> sorted = seen;
                    std::sort(sorted.begin(), sorted.end());
                    if (sorted == head) end = k + 1;
                    continue;
                }
                if (seen.size() >= head.size() || std::count(head.begin(), head.end(), shapes[a][k]) <=
                                                      std::count(seen.begin(), seen.end(), shapes[a][k]))
                    break;
                seen.push_back(shapes[a][k]);
            }
            if (end > 0) {
                strip(a, end);
                break;
            }
        }
    }
    if (stripped > 0) {
        lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.text.empty(); }),
                    lines.end());
    }
    return stripped;
}

}  // namespace

CleanText clean_lines(const SourceText& source) {
    CleanText out;
    bool first_line = true;
    bool in_front_matter = false;
    std::vector<std::size_t> page_first;  // lines that open a page: after a "Page N" marker, or a new page
    bool after_marker = false;
    for (std::size_t b = 0; b < source.blocks.size(); ++b) {
        const Block& block = source.blocks[b];
        std::string_view text = block.text;
        bool block_start = true;
        std::size_t pos = 0;
        while (pos <= text.size()) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string_view::npos) nl = text.size();
            std::string_view raw = trim(text.substr(pos, nl - pos));
            pos = nl + 1;
            if (raw.empty()) continue;
            // YAML front matter: "---" as the very first line, up to the next "---".
            if (first_line && raw == "---") {
                in_front_matter = true;
                first_line = false;
                continue;
            }
            first_line = false;
            if (in_front_matter) {
                if (raw == "---") {
                    in_front_matter = false;
                    continue;
                }
                std::size_t colon = raw.find(':');
                if (colon != std::string_view::npos && colon > 0 && !is_space(raw[0])) {
                    std::string key = lower_ascii(trim(raw.substr(0, colon)));
                    std::string value(trim(raw.substr(colon + 1)));
                    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                        value = value.substr(1, value.size() - 2);
                    out.front_matter[key] = value;
                }
                continue;
            }
            Line line;
            line.text = strip_markup(raw);
            line.bullet = block.kind == BlockKind::list_item;
            if (strip_bullet(line.text)) line.bullet = true;
            if (line.text.empty()) continue;
            if (is_furniture(line.text)) {
                ++out.dropped_furniture;
                after_marker = after_marker || is_page_marker(line.text);
                continue;
            }
            // One gap only: a row of two columns (a row of three, "Cllr Colin Sampson   CS   Borough
            // Council ...", is read by its initials).
            std::size_t gap = line.text.find("    ");
            std::size_t gap_end = gap == std::string::npos ? gap : line.text.find_first_not_of(' ', gap);
            if (gap != std::string::npos && gap > 0 && gap_end != std::string::npos &&
                line.text.find("    ", gap_end) == std::string::npos) {
                std::string left = collapse_spaces(std::string_view(line.text).substr(0, gap));
                if (!left.empty()) line.column_gap = left.size();
            }
            line.text = collapse_spaces(line.text);
            if (line.column_gap >= line.text.size() || line.text[line.column_gap] != ' ') line.column_gap = 0;
            if (block.kind == BlockKind::table_row) {
                for (std::size_t from = 0; from <= raw.size();) {
                    std::size_t tab = std::min(raw.find('\t', from), raw.size());
                    line.cells.push_back(collapse_spaces(trim(raw.substr(from, tab - from))));
                    from = tab + 1;
                }
            }
            line.block = b;
            line.kind = block.kind;
            line.level = block.level;
            line.page = block.page;
            line.block_start = block_start;
            block_start = false;
            if (after_marker || (line.page && !out.lines.empty() && out.lines.back().page != line.page))
                page_first.push_back(out.lines.size());
            after_marker = false;
            out.lines.push_back(std::move(line));
        }
    }
    out.dropped_furniture += strip_running_heads(out.lines, page_first, out.running_heads);
    // Text extracted line by line puts each wrapped line in its own block: many blocks then end
    // mid-sentence and the next goes on in lower case. Paragraph blocks (Worcestershire) rarely do.
    std::size_t single = 0, blocks = 0, continued = 0;
    for (std::size_t i = 0; i < out.lines.size(); ++i) {
        if (!out.lines[i].block_start) continue;
        ++blocks;
        if (i + 1 >= out.lines.size() || out.lines[i + 1].block_start) ++single;
        if (i > 0 && !ends_sentence(out.lines[i - 1].text) && starts_lower(out.lines[i].text)) ++continued;
    }
    out.blocks_are_lines = blocks >= 20 && single * 10 >= blocks * 8 && continued * 100 >= blocks * 12;
    return out;
}

namespace {

// True when numeral `next` comes one or two places after `current` ("ii" after "i", "c" after "b"):
// one marker may have been lost to a misprint ("ii))").
bool numeral_follows(std::string_view current, std::string_view next) {
    if (current.size() == 1 && next.size() == 1 &&
        (std::islower(static_cast<unsigned char>(current[0])) != 0) == (std::islower(static_cast<unsigned char>(next[0])) != 0)) {
        int step = next[0] - current[0];
        if (step >= 1 && step <= 2) return true;
    }
    int step = roman_value(next, true) - roman_value(current, true);
    return roman_value(current, true) > 0 && step >= 1 && step <= 2;
}

}  // namespace

int roman_value(std::string_view s, bool lower_case) {
    int total = 0, prev = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        char c = lower_case ? static_cast<char>(std::toupper(static_cast<unsigned char>(*it))) : *it;
        if (lower_case && c == *it) return 0;  // a capital among lower-case numerals
        int v = c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : c == 'L' ? 50 : c == 'C' ? 100 : 0;
        if (v == 0) return 0;
        total += v < prev ? -v : v;
        prev = std::max(prev, v);
    }
    return total;
}

std::string_view sub_item_numeral(std::string_view word) {
    if (word.size() < 2) return {};
    bool open = word.front() == '(';
    char close = word.back();
    if (close != ')' && !(close == '.' && !open)) return {};
    std::string_view body = word.substr(open ? 1 : 0, word.size() - (open ? 2 : 1));
    if (body.empty() || body.size() > 6) return {};
    if (close == ')' && body.size() == 1 && std::isalpha(static_cast<unsigned char>(body[0]))) return body;
    return only_chars(body, "ivxl") ? body : std::string_view{};
}

std::vector<Paragraph> unwrap(const std::vector<Line>& lines, std::size_t begin, std::size_t end, bool blocks_are_lines) {
    std::vector<Paragraph> out;
    int depth = 0;              // brackets left open by the paragraph so far
    std::string_view sub_item;  // the numeral of the sub-item the paragraph opened with ("d" of "(d) Regarding")
    std::vector<std::string_view> prev_words;  // words of the line before
    for (std::size_t i = begin; i < end && i < lines.size(); ++i) {
        const Line& line = lines[i];
        auto words = words_of(line.text);
        bool join = false;
        if (!out.empty() && i > begin) {
            const Line& prev = lines[i - 1];
            const Paragraph& para = out.back();
            std::string last_key = prev_words.empty() ? "" : word_key(prev_words.back());
            bool second_lower = words.size() >= 2 && starts_lower(words[1]);
            bool starts_digit = !words.empty() && std::isdigit(static_cast<unsigned char>(words[0][0]));
            // A numbered paragraph opening a block ("1. Mr Shipton introduced") starts afresh.
            // So does a block opening with a sub-item's marker ("ii) Lloyds Bank ...", after "... Noted"),
            // unless the sentence before leads into it ("..., and (ii) ...").
            bool leads_in = is_joining_word(last_key) || prev.text.back() == ',';
            // Within a block (a PDF's list), only the next sub-item in sequence does.
            std::string_view numeral = words.empty() ? std::string_view{} : sub_item_numeral(words[0]);
            bool numbered_start = !words.empty() &&
                                  ((line.block_start && std::isdigit(static_cast<unsigned char>(words[0][0])) &&
                                    (words[0].back() == '.' || words[0].back() == ')')) ||
                                   (!numeral.empty() && !leads_in &&
                                    (line.block_start || (!sub_item.empty() && numeral_follows(sub_item, numeral)))));
            // A marker alone ("(i)") goes on with the text it numbers.
            bool after_marker = prev_words.size() == 1 && !sub_item_numeral(prev_words[0]).empty() && para.first == i - 1;
            // "Proposed by: Councillor X;" after a wrapped line opens the motion, not a continuation.
            bool formula_start = line.block_start && !is_joining_word(last_key) && prev.text.back() != ',' &&
                                 (starts_with_ci(line.text, "proposed by") || starts_with_ci(line.text, "seconded by") ||
                                  starts_with_ci(line.text, "moved by"));
            if (after_marker && line.kind != BlockKind::heading) {
                join = true;
            } else if (numbered_start || formula_start) {
                join = false;
            } else if (depth > 0 && !line.bullet && line.kind != BlockKind::heading && prev.kind != BlockKind::heading) {
                join = true;  // a bracket left open: "(Ms. E." / "Buckley)."
            } else if (!line.bullet && line.kind != BlockKind::heading && prev.kind != BlockKind::heading &&
                !ends_sentence(prev.text)) {
                bool lower = !words.empty() && starts_lower(words[0]);
                bool joiner = is_joining_word(last_key) || prev.text.back() == ',' || prev.text.back() == '-' ||
                              depth > 0;
                bool wrapped = prev.text.size() >= 60 && (!line.block_start || blocks_are_lines);
                join = lower || joiner || wrapped || (starts_digit && second_lower);
                // A wrapped bullet or sub-item goes on within its block, whatever the case of the next line.
                if ((para.bullet || !sub_item.empty()) && !line.block_start) join = true;
            }
        }
        if (join) {
            depth = std::max(0, depth + bracket_balance(line.text));
            Paragraph& para = out.back();
            // A word broken at a hyphen goes on without a space ("Croskery-" / "Hodgins").
            if (para.text.back() == '-' && para.text.size() >= 2 &&
                std::isalpha(static_cast<unsigned char>(para.text[para.text.size() - 2]))) {
                para.text += line.text;
            } else {
                para.text += ' ';
                para.text += line.text;
            }
            para.last = i;
            prev_words = std::move(words);
            continue;
        }
        depth = std::max(0, bracket_balance(line.text));
        Paragraph para;
        para.text = line.text;
        para.first = para.last = i;
        para.bullet = line.bullet;
        sub_item = words.empty() ? std::string_view{} : sub_item_numeral(words[0]);
        para.page = line.page;
        out.push_back(std::move(para));
        prev_words = std::move(words);
    }
    return out;
}

}  // namespace minutes::recognition
