// Dates and clock times in minutes text, found by scanning tokens (no regular expressions).
#include "recognise_dates.h"

#include <array>
#include <cctype>

#include "recognise_text.h"

namespace minutes::recognition {
namespace {

struct Token {
    std::string_view text;
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool is_token_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_token_char(text[i])) ++i;
        std::size_t start = i;
        std::size_t letters = 0;  // ASCII letters just before i
        while (i < text.size() && is_token_char(text[i])) {
            // Words run together by conversion ("May2006", "Wednesday14th"): a number after a word
            // of three or more letters starts a token of its own.
            if (letters >= 3 && std::isdigit(static_cast<unsigned char>(text[i]))) break;
            letters = std::isalpha(static_cast<unsigned char>(text[i])) ? letters + 1 : 0;
            ++i;
        }
        if (i > start) tokens.push_back({text.substr(start, i - start), start, i});
    }
    return tokens;
}

bool digits_only(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

// English and Welsh ordinal suffixes ("th", "ed", "fed", "af", "il", "ydd", "eg", "ain"), and OCR's "™".
bool is_ordinal_suffix(std::string_view key) {
    static constexpr std::array<std::string_view, 11> kSuffixes{
        "st", "nd", "rd", "th", "ed", "fed", "af", "il", "ydd", "eg", "ain"};
    for (auto s : kSuffixes) {
        if (key == s) return true;
    }
    return false;
}

// Symbols OCR makes of a superscript ordinal: a few non-ASCII symbols ("°", "”°"), no letters.
bool is_ocr_symbols(std::string_view token) {
    if (token.empty() || token.size() > 8) return false;
    for (char c : token) {
        if (!(c & 0x80)) return false;
    }
    // Letters of other scripts are words, not OCR noise: only punctuation and symbols of Latin-1 and
    // General Punctuation (U+0080-U+00BF, U+2000-U+206F) count.
    for (std::size_t k = 0; k < token.size();) {
        auto lead = static_cast<unsigned char>(token[k]);
        if (lead == 0xC2 && k + 1 < token.size()) {
            k += 2;
        } else if (lead == 0xE2 && k + 2 < token.size() && static_cast<unsigned char>(token[k + 1]) == 0x80) {
            k += 3;
        } else {
            return false;
        }
    }
    return true;
}

// "13", "13th", "8fed", "2”°" (OCR) -> day number; 0 when not a day.
int day_of(std::string_view token) {
    std::size_t digits = 0;
    while (digits < token.size() && std::isdigit(static_cast<unsigned char>(token[digits]))) ++digits;
    if (digits == 0 || digits > 2) return 0;
    std::string suffix = lower_ascii(token.substr(digits));
    // OCR reads a superscript "th" as a trademark sign, which NFKC makes "TM" ("11™ JUNE").
    if (!suffix.empty() && !is_ordinal_suffix(suffix) && suffix != "tm" && !is_ocr_symbols(suffix)) return 0;
    int day = std::stoi(std::string(token.substr(0, digits)));
    return day >= 1 && day <= 31 ? day : 0;
}

// "22ndFEBRUARY": a day, its ordinal suffix and a month run together; the day, with `month` set.
int glued_ordinal_date(std::string_view token, int& month) {
    std::size_t digits = 0;
    while (digits < token.size() && std::isdigit(static_cast<unsigned char>(token[digits]))) ++digits;
    if (digits == 0 || digits > 2 || token.size() < digits + 5) return 0;
    std::string suffix = lower_ascii(token.substr(digits, 2));
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
    month = month_of(lower_ascii(token.substr(digits + 2)));
    return month == 0 ? 0 : day_of(token.substr(0, digits + 2));
}

int year_of(std::string_view token);

// "August1999": a month and its year run together (a Hansard running head); the month, with
// `year` set. 0 when the token is not one.
int glued_month_year(std::string_view token, int& year) {
    if (token.size() < 7) return 0;
    year = year_of(token.substr(token.size() - 4));
    if (year == 0) return 0;
    return month_of(lower_ascii(token.substr(0, token.size() - 4)));
}

int year_of(std::string_view token) {
    if (token.size() != 4) return 0;
    // A letter O typed for a zero ("2O24") still reads as the year.
    std::string digits(token);
    for (auto& c : digits) {
        if (c == 'O' || c == 'o') c = '0';
    }
    if (!digits_only(digits) || !std::isdigit(static_cast<unsigned char>(token[0])) ||
        !std::isdigit(static_cast<unsigned char>(token[3])))
        return 0;
    int year = std::stoi(digits);
    return year >= 1900 && year <= 2100 ? year : 0;
}

int weekday_index_of(std::string_view key) {
    static constexpr std::array<std::string_view, 7> kDays{"monday", "tuesday", "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < kDays.size(); ++i) {
        if (key == kDays[i] || (key.size() >= 3 && kDays[i].substr(0, key.size()) == key)) return static_cast<int>(i);
    }
    return -1;
}

// Numbers written in words, below 100 ("eight", "sixteen", "forty two"); sets `last` to the last
// token used. 0 when the token is no number word.
int number_words_at(const std::vector<std::string>& keys, std::size_t i, std::size_t& last) {
    static constexpr std::array<std::string_view, 20> kUnits{
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static constexpr std::array<std::string_view, 8> kTens{"twenty", "thirty", "forty", "fifty",
                                                           "sixty", "seventy", "eighty", "ninety"};
    if (i >= keys.size()) return 0;
    for (std::size_t u = 1; u < kUnits.size(); ++u) {
        if (keys[i] == kUnits[u]) {
            last = i;
            return static_cast<int>(u);
        }
    }
    for (std::size_t t = 0; t < kTens.size(); ++t) {
        if (keys[i] != kTens[t]) continue;
        int value = 20 + static_cast<int>(t) * 10;
        last = i;
        if (i + 1 < keys.size()) {
            for (std::size_t u = 1; u < 10; ++u) {
                if (keys[i + 1] == kUnits[u]) {
                    last = i + 1;
                    return value + static_cast<int>(u);
                }
            }
        }
        return value;
    }
    return 0;
}

// A day as an ordinal word ("Sixteenth", "Twenty First", "Thirtieth"); 0 when none.
int ordinal_day_at(const std::vector<std::string>& keys, std::size_t i, std::size_t& last) {
    static constexpr std::array<std::string_view, 20> kOrdinals{
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth"};
    if (i >= keys.size()) return 0;
    int tens = keys[i] == "twenty" ? 20 : keys[i] == "thirty" ? 30 : 0;
    if (keys[i] == "twentieth" || keys[i] == "thirtieth") {
        last = i;
        return keys[i] == "twentieth" ? 20 : 30;
    }
    std::size_t at = tens > 0 ? i + 1 : i;
    if (at >= keys.size()) return 0;
    for (std::size_t d = 1; d < kOrdinals.size(); ++d) {
        if (keys[at] == kOrdinals[d] && (tens == 0 || d < 10)) {
            last = at;
            return tens + static_cast<int>(d);
        }
    }
    return 0;
}

// A year in words: "Two Thousand and Eight", "Two Thousand Ten", "Nineteen Ninety Nine"; 0 when none.
int year_words_at(const std::vector<std::string>& keys, std::size_t i, std::size_t& last) {
    if (i + 1 >= keys.size()) return 0;
    if (keys[i] == "two" && keys[i + 1] == "thousand") {
        std::size_t k = i + 2;
        last = i + 1;
        if (k < keys.size() && keys[k] == "and") ++k;
        std::size_t end = last;
        int rest = number_words_at(keys, k, end);
        if (rest > 0) last = end;
        return 2000 + rest;
    }
    std::size_t end = i;
    int century = number_words_at(keys, i, end);
    if (century == 19 && end == i) {
        std::size_t end2 = end;
        int rest = number_words_at(keys, i + 1, end2);
        if (rest >= 10) {
            last = end2;
            return 1900 + rest;
        }
    }
    return 0;
}

bool plausible(const MeetingDate& d) {
    if (d.year == 0) {
        MeetingDate leap{2000, d.month, d.day};
        return leap.valid();
    }
    return d.valid();
}

// The year of a numeric date starting at token i ("12/03/2024", "12.03.2024": one or two digits, the
// same separator twice, four digits of a year), or 0.
int numeric_date_year(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 2 >= tokens.size()) return 0;
    const Token& a = tokens[i];
    const Token& b = tokens[i + 1];
    const Token& y = tokens[i + 2];
    if (a.text.size() > 2 || b.text.size() > 2 || !digits_only(a.text) || !digits_only(b.text) || y.text.size() != 4)
        return 0;
    char sep = text[a.end];
    if ((sep != '/' && sep != '.') || b.begin != a.end + 1 || y.begin != b.end + 1 || text[b.end] != sep) return 0;
    if (y.end < text.size() && (text[y.end] == sep || std::isdigit(static_cast<unsigned char>(text[y.end])))) return 0;
    return year_of(y.text);
}

// 1 when the text's money is in pounds or euros (dates day first), 2 in dollars (month first), 0 when
// it says neither or both.
int day_first_convention(std::string_view text) {
    bool pounds = text.find("\xC2\xA3") != std::string_view::npos || text.find("\xE2\x82\xAC") != std::string_view::npos;
    bool dollars = text.find('$') != std::string_view::npos;
    return pounds == dollars ? 0 : pounds ? 1 : 2;
}

}  // namespace

std::string unread_numeric_date(std::string_view text) {
    if (day_first_convention(text) != 0) return {};  // the money says which part is the day
    auto tokens = tokens_of(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (numeric_date_year(text, tokens, i) == 0) continue;
        int a = std::stoi(std::string(tokens[i].text));
        int b = std::stoi(std::string(tokens[i + 1].text));
        if (a <= 12 && b <= 12 && a != b)
            return std::string(text.substr(tokens[i].begin, tokens[i + 2].end - tokens[i].begin));
    }
    return {};
}

int weekday_of(const MeetingDate& date) {
    // Sakamoto's method: 0 = Sunday; shifted so that 0 = Monday.
    static constexpr std::array<int, 12> kOffsets{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = date.year - (date.month < 3 ? 1 : 0);
    int sunday_based = (y + y / 4 - y / 100 + y / 400 + kOffsets[static_cast<std::size_t>(date.month - 1)] + date.day) % 7;
    return (sunday_based + 6) % 7;
}

std::vector<DateMention> find_dates(std::string_view text) {
    std::vector<DateMention> out;
    auto tokens = tokens_of(text);
    std::size_t n = tokens.size();
    auto key_at = [&](std::size_t i) { return i < n ? lower_ascii(tokens[i].text) : std::string(); };
    // Lower-cased tokens, made only when the text spells a date out in words (a month then "the").
    std::vector<std::string> word_keys;
    auto spelled_keys = [&]() -> const std::vector<std::string>& {
        if (word_keys.empty()) {
            word_keys.reserve(n);
            for (std::size_t k = 0; k < n; ++k) word_keys.push_back(lower_ascii(tokens[k].text));
        }
        return word_keys;
    };
    int pending_weekday = -1;
    std::size_t weekday_token = 0;
    int convention = -1;  // day_first_convention, read once when a numeric date needs it
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = key_at(i);
        int wd = weekday_index_of(key);
        if (wd >= 0 && key.size() >= 3 && (key.size() > 4 || is_weekday(key))) {
            pending_weekday = wd;
            weekday_token = i;
            continue;
        }
        DateMention m;
        std::size_t last = i;
        // A date read whole from tokens i to `to` in a form the common tail below does not take (no span
        // check, no weekday): kept when plausible, and the scan goes on after it.
        auto take_whole = [&](MeetingDate date, std::size_t to) {
            m.date = date;
            if (!plausible(m.date)) return;
            m.begin = tokens[i].begin;
            m.end = tokens[to].end;
            out.push_back(m);
            pending_weekday = -1;
            i = to;
        };
        // ISO: 2017-03-13
        if (year_of(tokens[i].text) && i + 2 < n && text.substr(tokens[i].end, 1) == "-" &&
            tokens[i + 1].begin == tokens[i].end + 1 && tokens[i + 1].text.size() == 2 &&
            digits_only(tokens[i + 1].text) && tokens[i + 2].begin == tokens[i + 1].end + 1 &&
            text[tokens[i + 1].end] == '-' && tokens[i + 2].text.size() == 2 && digits_only(tokens[i + 2].text)) {
            m.date = {year_of(tokens[i].text), std::stoi(std::string(tokens[i + 1].text)),
                      std::stoi(std::string(tokens[i + 2].text))};
            last = i + 2;
        } else if (int numeric_year = numeric_date_year(text, tokens, i); numeric_year > 0) {
            // "12/03/2024", "12.03.2024": the order of day and month is plain when one part is above 12
            // (or both are the same), else the text's currency says it ("£", "€": day first; "$": month first); without either
            // the date is not guessed.
            int a = std::stoi(std::string(tokens[i].text));
            int b = std::stoi(std::string(tokens[i + 1].text));
            if (a <= 12 && b <= 12 && convention < 0) convention = day_first_convention(text);
            int order = a > 12 || a == b ? 1 : b > 12 ? 2 : convention;  // 1 day first, 2 month first
            if (order == 0) {
                i += 2;
                continue;
            }
            take_whole(order == 1 ? MeetingDate{numeric_year, b, a} : MeetingDate{numeric_year, a, b}, i + 2);
            continue;
        } else if (int glued_month = 0, glued_day = glued_ordinal_date(tokens[i].text, glued_month); glued_day > 0) {
            // "22ndFEBRUARY": the space lost in conversion.
            m.date = {0, glued_month, glued_day};
            if (i + 1 < n && year_of(tokens[i + 1].text)) {
                m.date.year = year_of(tokens[i + 1].text);
                last = i + 1;
            }
        } else if (int day = day_of(tokens[i].text); day > 0) {
            // Day first: "13 March 2017", "13TH JANUARY, 2015", "15 TH SEPTEMBER", "10th of June".
            std::size_t j = i + 1;
            if (j < n && is_ordinal_suffix(key_at(j))) ++j;
            // OCR's reading of a superscript "nd" or "th" as symbols right after the day: 22"° APRIL, 2”° DECEMBER.
            if (j == i + 1 && j < n && tokens[j].begin <= tokens[i].end + 1 && is_ocr_symbols(tokens[j].text)) ++j;
            // "the 12th day of March, 2024".
            std::size_t words_before_month = 3;
            if (j + 1 < n && key_at(j) == "day" && key_at(j + 1) == "of") {
                j += 2;
                words_before_month = 4;
            } else if (j < n && key_at(j) == "of") {
                ++j;
            }
            int month = j < n ? month_of(key_at(j)) : 0;
            if (int glued_year = 0; month == 0 && j < n && j - i <= 3) {
                // "25th August1999": the space before the year lost.
                if (int glued = glued_month_year(tokens[j].text, glued_year); glued > 0) {
                    take_whole({glued_year, glued, day}, j);
                    continue;
                }
            }
            // "may" and "mai" are words too: only as a month when a year follows.
            if (month == 0 || j - i > words_before_month) continue;
            m.date = {0, month, day};
            last = j;
            if (j + 1 < n && year_of(tokens[j + 1].text)) {
                m.date.year = year_of(tokens[j + 1].text);
                last = j + 1;
            } else if (key_at(j) == "may" || key_at(j) == "mai" || key_at(j) == "mar") {
                continue;
            }
        } else if (int month = month_of(key); month > 0) {
            // Month first: "December 3, 2013", "March the 5th, 2024".
            std::size_t j = i + 1;
            if (j < n && key_at(j) == "the") ++j;
            int day2 = j < n ? day_of(tokens[j].text) : 0;
            if (day2 == 0 && j > i + 1 && j < n) {
                // Spelled out, as on a masthead: "January the Sixteenth, Two Thousand and Eight".
                std::size_t day_last = j;
                int day_word = ordinal_day_at(spelled_keys(), j, day_last);
                std::size_t year_last = day_last;
                int year = day_word > 0 ? year_words_at(spelled_keys(), day_last + 1, year_last) : 0;
                if (day_word > 0 && year > 0) {
                    take_whole({year, month, day_word}, year_last);
                    continue;
                }
            }
            if (day2 == 0) continue;
            if (j + 1 < n && is_ordinal_suffix(key_at(j + 1))) ++j;
            m.date = {0, month, day2};
            last = j;
            if (j + 1 < n && year_of(tokens[j + 1].text)) {
                m.date.year = year_of(tokens[j + 1].text);
                last = j + 1;
            } else if (key == "may" || key == "mai" || key == "mar") {
                continue;
            }
            // A day-first reading of "13 March 2017" never reaches here (handled above).
        } else {
            continue;
        }
        if (!plausible(m.date)) continue;
        // The spans must stay on nearby text: no more than 40 bytes between tokens.
        if (tokens[last].begin - tokens[i].end > 40) continue;
        m.begin = tokens[i].begin;
        m.end = tokens[last].end;
        if (pending_weekday >= 0 && i - weekday_token <= 2 && tokens[i].begin - tokens[weekday_token].end <= 12) {
            m.weekday = true;
            m.weekday_index = pending_weekday;
            m.begin = tokens[weekday_token].begin;
        }
        out.push_back(m);
        pending_weekday = -1;
        i = last;
    }
    return out;
}

std::vector<TimeMention> find_times(std::string_view text) {
    std::vector<TimeMention> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
            (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.' || text[i - 1] == ':' ||
                       text[i - 1] == '/' || text[i - 1] == '$' || text[i - 1] == ','))) {
            ++i;
            continue;
        }
        std::size_t start = i;
        int hour = 0;
        std::size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && j - i < 3) hour = hour * 10 + (text[j++] - '0');
        if (j - i > 2 || (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))) {
            while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
            i = j;
            continue;
        }
        int minute = 0;
        bool colon = false;
        if (j + 2 < text.size() && (text[j] == ':' || text[j] == '.') &&
            std::isdigit(static_cast<unsigned char>(text[j + 1])) && std::isdigit(static_cast<unsigned char>(text[j + 2])) &&
            (j + 3 >= text.size() || !std::isdigit(static_cast<unsigned char>(text[j + 3])))) {
            colon = text[j] == ':';
            minute = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
            j += 3;
        }
        // am / pm, with optional space and dots: "pm", "p.m.", "P.M.", "p. m."
        std::size_t k = j;
        while (k < text.size() && text[k] == ' ' && k - j < 2) ++k;
        int meridiem = 0;  // 1 am, 2 pm
        if (k < text.size()) {
            char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
            std::size_t m = k + 1;
            if (m < text.size() && text[m] == '.') ++m;
            while (m < text.size() && text[m] == ' ' && m - k < 3) ++m;
            if ((c == 'a' || c == 'p') && m < text.size() && std::tolower(static_cast<unsigned char>(text[m])) == 'm' &&
                (m + 1 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[m + 1])))) {
                meridiem = c == 'a' ? 1 : 2;
                j = m + 1;
                if (j < text.size() && text[j] == '.') ++j;
            }
        }
        bool ok = meridiem != 0 ? (hour >= 1 && hour <= 12 && minute < 60) : (colon && hour <= 23 && minute < 60);
        if (ok) {
            if (meridiem == 2 && hour < 12) hour += 12;
            if (meridiem == 1 && hour == 12) hour = 0;
            // Built digit by digit: hour and minute are already range-checked (0..23, 0..59).
            std::string hhmm{static_cast<char>('0' + hour / 10), static_cast<char>('0' + hour % 10), ':',
                             static_cast<char>('0' + minute / 10), static_cast<char>('0' + minute % 10)};
            out.push_back({std::move(hhmm), start, j});
        }
        i = j > i ? j : i + 1;
    }
    return out;
}

}  // namespace minutes::recognition
