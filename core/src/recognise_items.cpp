// Agenda items and passages: numbering schemes, broken titles, and the kinds of body passages.
#include "recognise_items.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "minutes/names.h"
#include "recognise_attendance.h"

namespace minutes::recognition {
namespace {

enum class Scheme { arabic, roman, letter };

struct ItemNumber {
    std::string printed;  // "271", "70/17", "IV", "A"
    Scheme scheme = Scheme::arabic;
    int value = 0;        // main number (70 for "70/17"), roman value, letter index
    bool sub = false;     // "4.1": a sub-point, not an item
    bool terminated = false;  // followed by '.', ')' or ':'
    bool labelled = false;    // "Item 3.", "Minute 12": the word says it is an item's number
    int after_slash = -1;     // 17 for "70/17", 101 for "24/101"; -1 without a slash
    std::string rest;     // the text after the number
};

std::optional<ItemNumber> parse_number(std::string_view text, bool heading) {
    ItemNumber n;
    std::string_view t = text;
    bool labelled = false;  // "Item 1": the word says it is an item number, even with nothing after it
    for (std::string_view prefix : {"agenda item ", "item no. ", "item no ", "item ", "minute no. ", "minute "}) {
        if (starts_with_ci(t, prefix) && t.size() > prefix.size() && std::isdigit(static_cast<unsigned char>(t[prefix.size()]))) {
            t.remove_prefix(prefix.size());
            labelled = true;
            break;
        }
    }
    // "(3) Finance": a number in brackets with its title, read as "3) Finance".
    std::string unbracketed;
    if (!labelled && t.size() >= 3 && t[0] == '(' && std::isdigit(static_cast<unsigned char>(t[1]))) {
        std::size_t close = t.find(')');
        if (close != std::string_view::npos && close <= 4) {
            unbracketed = std::string(t.substr(1));
            t = unbracketed;
        }
    }
    std::size_t i = 0;
    if (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        if (i > 4) return std::nullopt;
        n.value = std::stoi(std::string(t.substr(0, i)));
        n.scheme = Scheme::arabic;
        if (i + 1 < t.size() && t[i] == '/' && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
            std::size_t slash = ++i;
            while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
            if (i - slash <= 4) n.after_slash = std::stoi(std::string(t.substr(slash, i - slash)));
        }
        std::size_t main_end = i;
        while (i + 1 < t.size() && t[i] == '.' && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
            n.sub = true;
            ++i;
            while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        }
        // "2.0 Apologies for absence." over "2.1 None received.": the point zero of a number is the item.
        if (t.substr(main_end, i - main_end) == ".0") n.sub = false;
        n.printed = std::string(t.substr(0, i));
    } else {
        std::size_t j = 0;
        while (j < t.size() && std::strchr("IVXLC", t[j]) != nullptr && j < 7) ++j;
        if (j > 0 && j < t.size() && t[j] == '.' && roman_value(t.substr(0, j), false) > 0) {
            n.scheme = Scheme::roman;
            n.value = roman_value(t.substr(0, j), false);
            n.printed = std::string(t.substr(0, j));
            i = j;
        } else if (t.size() >= 3 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] == '.' || (heading && t[1] == ')')) && t[2] == ' ') {
            n.scheme = Scheme::letter;
            n.value = t[0] - 'A' + 1;
            n.printed = std::string(t.substr(0, 1));
            i = 1;
        } else if (heading && t.size() == 2 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] == '.' || t[1] == ')')) {
            // A lettered heading alone ("A."), its title in the next paragraph (SJUSD agendas).
            n.scheme = Scheme::letter;
            n.value = t[0] - 'A' + 1;
            n.printed = std::string(t.substr(0, 1));
            i = 1;
        } else if (heading && t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z' && (t[1] == '.' || t[1] == ')')) {
            n.scheme = Scheme::letter;
            n.value = t[0] - 'a' + 1;
            n.printed = std::string(t.substr(0, 1));
            i = 1;
        } else {
            return std::nullopt;
        }
    }
    n.labelled = labelled;
    if (i < t.size()) {
        char c = t[i];
        if (c == '.' || c == ')' || c == ':') {
            n.terminated = true;
            ++i;
        } else if (c != ' ' && c != '\t' && !(n.scheme == Scheme::arabic && std::isupper(static_cast<unsigned char>(c)) && false)) {
            return std::nullopt;
        }
    } else {
        n.terminated = n.scheme != Scheme::arabic || labelled;
    }
    std::string_view rest = trim(t.substr(i));
    while (!rest.empty() && (rest.front() == '-' || rest.front() == ':' || rest.front() == '.')) rest = trim(rest.substr(1));
    if (starts_with_ci(rest, "\xE2\x80\x93") || starts_with_ci(rest, "\xE2\x80\x94")) rest = trim(rest.substr(3));
    n.rest = std::string(rest);
    // A number in brackets alone is a count ("(5)" under a vote's names, Limerick), not an item's.
    if (!unbracketed.empty() && n.rest.empty()) return std::nullopt;
    return n;
}

// A sentence's usual first word after a title run on: "Correspondence The Parish Clerk confirmed ...".
bool is_pronoun_opener(std::string_view w) { return w == "The" || w == "This" || w == "These" || w == "There" || w == "It"; }

// Words that start the body when a title and its first sentence share a line.
bool is_body_starter(std::string_view word) {
    static constexpr std::array<std::string_view, 14> kStarters{
        "Councillor", "Cllr", "Cllr.", "Members", "Mr", "Mr.", "Mrs", "Ms", "Ms.", "Apologies", "None", "None.",
        "RESOLVED", "Resolved"};
    if (is_pronoun_opener(word)) return true;
    for (auto s : kStarters) {
        if (word == s) return true;
    }
    return false;
}

bool title_like_word(std::string_view w) {
    std::string key = word_key(w);
    return key.empty() || is_small_word(key) || key == "any" || key == "all" || key == "other" || key.size() <= 2 || starts_upper(w) || std::isdigit(static_cast<unsigned char>(w[0])) ||
           w[0] == '-' || w == "\xE2\x80\x93";
}

// A full stop that closes a title, not an abbreviation's ("Cllr.", "Cmhlr.", "St.", "No.", "approx.").
bool closes_title(std::string_view w) {
    std::string key = word_key(w);
    bool no_vowel = key.find_first_of("aeiouy0123456789") == std::string::npos;  // "Cmhlr", "Cllrs"
    return w.back() == '.' && key.size() >= 4 && !no_vowel && !all_caps(w) && key != "dept" && key != "govt" &&
           key != "corp" && key != "assoc" && key != "approx";
}

// Verbs that make words a sentence rather than a title ("The Clerk reported that ...").
bool is_sentence_verb(std::string_view key) {
    static constexpr std::array<std::string_view, 34> kVerbs{
        "was",      "were",    "is",       "are",    "been",      "had",      "has",      "have",
        "will",     "would",   "could",    "should", "did",       "does",     "said",     "reported",
        "agreed",   "advised", "asked",    "confirmed", "resolved", "thanked", "explained", "stated",
        "informed", "requested", "welcomed", "gave", "declared",  "attended", "provided", "expressed",
        "briefed",  "took"};
    for (auto v : kVerbs) {
        if (key == v) return true;
    }
    return false;
}


struct CapitalCount {
    std::size_t capital = 0;  // words starting with a capital or a figure
    std::size_t checked = 0;  // words counted (small words like "of" and "the" are not)
};

// How many of the first `most` words that count start with a capital or a figure: a title's do.
CapitalCount count_capitalised(const std::vector<std::string_view>& words, std::size_t most) {
    CapitalCount n;
    for (std::size_t k = 0; k < words.size() && n.checked < most; ++k) {
        std::string key = word_key(words[k]);
        if (key.empty() || is_small_word(key)) continue;
        ++n.checked;
        if (starts_upper(words[k]) || std::isdigit(static_cast<unsigned char>(words[k][0]))) ++n.capital;
    }
    return n;
}

// Where the text starts when a title in sentence case runs on into it, on one line or in one paragraph
// ("Use of social media, audio recording of meeting and invitation for public contributions. CC asked
// ...", "Reports. 5.1 Chairman's Report", "Payments: Cornhill Ins. £404.60 : T.B. Bonnett ...", "Police
// Report – PK reported ..."): after the first full stop, colon or dash within 14 words, when the words
// before it hold no verb of a sentence and a capital or a sub-item number follows. Titles hold colons
// and dashes too ("Minutes - March 11, 2025, regular meeting", "Pursuant to Government Code section
// 54957: Complaint against Public Employee"), so after a dash a sentence must follow, and after a colon
// a sentence or a long text. 0 when the words do not open so.
std::size_t sentence_title_end(const std::vector<std::string_view>& words) {
    constexpr std::size_t kMaxTitleWords = 14;
    constexpr std::size_t kSentenceReach = 12;
    auto sentence_follows = [&](std::size_t from) {
        for (std::size_t j = from; j < words.size() && j < from + kSentenceReach; ++j) {
            if (is_sentence_verb(word_key(words[j]))) return true;
        }
        return false;
    };
    for (std::size_t k = 1; k < words.size() && k <= kMaxTitleWords; ++k) {
        std::string_view last = words[k - 1];
        std::string key = word_key(last);
        if (is_sentence_verb(key)) return 0;
        bool dash = k >= 2 && is_dash(last);
        bool colon = !key.empty() && last.back() == ':';
        if (!dash && !colon && !closes_title(last)) continue;
        if (words.size() - k < 3) return 0;
        std::string_view next = words[k];
        if (dash && !(starts_upper(next) && sentence_follows(k))) continue;
        if (colon && starts_lower(next)) continue;
        if (colon && words.size() - k < 8 && !sentence_follows(k)) continue;
        bool sub_number = std::isdigit(static_cast<unsigned char>(next[0])) && next.find('.') != std::string_view::npos &&
                          next.find_first_not_of("0123456789.") == std::string_view::npos;
        if (starts_upper(next) || sub_number || colon) return k;
    }
    return 0;
}

// A point's number or letter before its text: "2.", "a.", "a)", "(c)", "ii)".
bool is_point_marker(std::string_view w) {
    bool number = std::isdigit(static_cast<unsigned char>(w[0])) && w.back() == '.' &&
                  w.find_first_not_of("0123456789.") == std::string_view::npos;
    bool letter = w.size() == 2 && std::islower(static_cast<unsigned char>(w[0])) && w[1] == '.';
    return number || letter || !sub_item_numeral(w).empty();
}

// Where a sentence starts after a title run on without punctuation ("Tree Survey Two quotes have been
// received ...", "Councillor photographs for the Wretton Parish Council website The photographs of
// Councillors ... are not up to date", "To Approve Purchase of Perch Seating ... 2020/21 The Council had
// received ..."): a word that opens sentences, within 20 words and no verb of a sentence before it,
// followed by a verb within 16 words. 0 when there is none.
std::size_t sentence_opening(const std::vector<std::string_view>& words) {
    static constexpr std::array<std::string_view, 15> kOpeners{
        "A", "An", "Some", "Two", "Three", "Four", "Five", "Several", "Following", "Upon", "Having", "After",
        "Although", "Due", "All"};
    auto opens = [&](std::string_view w) {
        return is_pronoun_opener(w) || std::find(kOpeners.begin(), kOpeners.end(), w) != kOpeners.end();
    };
    constexpr std::size_t kMaxTitleWords = 20;
    constexpr std::size_t kSentenceReach = 16;
    for (std::size_t k = 1; k < words.size() && k <= kMaxTitleWords; ++k) {
        if (is_sentence_verb(word_key(words[k - 1]))) return 0;
        // After a comma the sentence goes on: "Whereas, The ASRA canyon lands have ..." is one clause; after
        // a point's number ("... next meeting 2. The public bridleway sign ...") the point does.
        if (words[k - 1].back() == ',' || is_point_marker(words[k - 1]) || !opens(words[k])) continue;
        for (std::size_t j = k + 1; j < words.size() && j <= k + kSentenceReach; ++j) {
            if (is_sentence_verb(word_key(words[j]))) return k;
        }
    }
    return 0;
}

// A word that joins a title to what follows it: "of", "and", "&", "on" ...
bool is_joining_word(std::string_view key) {
    return key == "of" || key == "and" || key == "the" || key == "for" || key == "to" || key == "on" || key == "in" ||
           key == "&" || key == "with" || key == "a" || key == "at" || key == "by";
}

bool ends_with_joiner(std::string_view title) {
    auto words = words_of(title);
    if (words.empty()) return false;
    char last = title.back();
    return last == ',' || last == '-' || is_joining_word(word_key(words.back()));
}

// Splits "Confirmation of the Minutes ... Meeting The Minutes of the Meeting held on ..." into title and body.
void split_title_body(const std::string& text, std::string& title, std::string& body) {
    auto words = words_of(text);
    auto split_at = [&](std::size_t title_end, std::size_t body_start) {
        std::size_t end = title_end < words.size() ? static_cast<std::size_t>(words[title_end].data() - text.data()) : text.size();
        title = std::string(trim(std::string_view(text).substr(0, end)));
        body = std::string(trim(std::string_view(text).substr(static_cast<std::size_t>(words[body_start].data() - text.data()))));
    };
    // ALL CAPS title followed by ordinary text: the title is the capitals ("PUBLIC COMMENT - None").
    std::size_t caps = 0;
    auto single_capital = [](std::string_view w) { return w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0])); };
    while (caps < words.size() && (all_caps(words[caps]) || single_capital(words[caps]) || word_key(words[caps]).empty() ||
                                   std::isdigit(static_cast<unsigned char>(words[caps][0]))))
        ++caps;
    // "... TOPICS - 5:15 p.m.": the time printed with the title belongs to it.
    if (caps >= 1 && caps < words.size() && std::isdigit(static_cast<unsigned char>(words[caps - 1][0]))) {
        std::string key = word_key(words[caps]);
        if (key == "pm" || key == "am") ++caps;
    }
    // Figures and dashes alone are no capitals: "24/00108 - Revenue and Capital ..." is all title.
    bool lettered = false;
    for (std::size_t k = 0; k < caps && !lettered; ++k) {
        lettered = all_caps(words[k]) && !word_key(words[k]).empty() && !std::isdigit(static_cast<unsigned char>(words[k][0]));
    }
    // "APPROVAL OF REGULAR BOARD MEETING MINUTES OF December 21, 2010": capitals ending on "OF" go on.
    bool joins_on = caps >= 1 && is_joining_word(word_key(words[caps - 1]));
    if (caps >= 2 && caps < words.size() && lettered && !joins_on) {
        std::size_t end = words[caps - 1].data() + words[caps - 1].size() - text.data();
        std::string_view t = trim(std::string_view(text).substr(0, end));
        while (!t.empty() && (t.back() == '-' || t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
        if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\x93") t.remove_suffix(3);
        title = std::string(trim(t));
        std::string_view b = trim(std::string_view(text).substr(end));
        while (!b.empty() && (b.front() == '-' || b.front() == ':')) b = trim(b.substr(1));
        if (starts_with_ci(b, "\xE2\x80\x93")) b = trim(b.substr(3));
        body = std::string(b);
        return;
    }
    // Title-case words up to a full stop ("Approval of Constitution. Proposed by ...") or to a word that
    // starts a sentence ("Correspondence The Parish Clerk confirmed ...").
    std::size_t k = 1;
    for (; k < words.size(); ++k) {
        if (!title_like_word(words[k - 1])) break;
        if (k >= 2 && closes_title(words[k - 1]) && k <= 12 && words.size() - k >= 3 && starts_upper(words[k])) {
            split_at(k, k);
            return;
        }
        // After one word, only a sentence's usual openers: "Correspondence The Parish Clerk ...", not
        // "All Members were present" or "Whereas, The ...".
        bool opens_after_one = k == 1 && words.size() >= 4 && words[0].back() != ',' && is_pronoun_opener(words[1]);
        // "Election of Committee Members There being no new candidates ...": the sentence opens at "There".
        bool opens_next = k + 1 < words.size() && is_pronoun_opener(words[k + 1]) && !is_pronoun_opener(words[k]);
        // "Attendance and Apologies", "Vote On The Main Motion": a title does not end on a joining word.
        // Names may ("Cllr Colin Sampson (BCKLWN) and Cllr Martin Storey (NCC), if in attendance").
        bool joined = is_joining_word(word_key(words[k - 1])) && words[k - 1].back() != '.' && !is_honorific(words[k]);
        // "To Consider Apologies for Absence: ...": a verb after "To" wants its object.
        joined = joined || (k == 2 && word_key(words[0]) == "to");
        if (is_body_starter(words[k]) && (k >= 2 || opens_after_one) && !opens_next && !joined) {
            // "FINANCES: a. The Financial Working Group has met ...": the point's letter opens the body.
            std::size_t opening = k >= 2 && is_point_marker(words[k - 1]) ? k - 1 : k;
            split_at(opening, opening);
            return;
        }
    }
    // Otherwise a title in sentence case, when the text runs on after it.
    if (k < words.size()) {
        if (std::size_t end = sentence_title_end(words); end != 0) {
            split_at(is_dash(words[end - 1]) ? end - 1 : end, end);
            return;
        }
        if (std::size_t end = sentence_opening(words); end != 0) {
            split_at(end, end);
            return;
        }
    }
    title = text;
    body.clear();
}

bool is_item_reference(std::string_view text) {
    // "(Item 1)" under a Kent minute title.
    return text.size() < 16 && starts_with_ci(text, "(item ") && text.back() == ')';
}

std::string strip_title(std::string_view t) {
    t = trim(t);
    while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == ' ' || t.back() == '-')) t.remove_suffix(1);
    return std::string(t);
}

// The agenda number of an "(Item 4)" line; empty when the line is not one.
std::string item_reference_number(std::string_view text) {
    if (!is_item_reference(text)) return {};
    std::string_view inner = trim(text.substr(6, text.size() - 7));
    if (inner.empty() || inner.size() > 4) return {};
    for (char c : inner) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return {};
    }
    return std::string(inner);
}

// Items known only by their agenda reference: a short title block, then "(Item 4)" on a line of its
// own (Kent panels print no minute numbers). Used when such references are not already under
// numbered minute titles ("270. Apologies for Absence" / "(Item 1)").
std::vector<ItemSpan> find_referenced_items(const std::vector<Line>& lines, const std::vector<ItemSpan>& numbered) {
    std::vector<bool> claimed(lines.size(), false);
    for (const auto& span : numbered) {
        for (std::size_t k = span.heading; k < span.body_begin && k < lines.size(); ++k) claimed[k] = true;
    }
    std::vector<ItemSpan> spans;
    std::size_t references = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::string number = item_reference_number(lines[i].text);
        if (number.empty()) continue;
        ++references;
        if (claimed[i]) continue;
        // The title: the lines of the block just above, at most three.
        std::size_t first = i - 1;
        while (first > 0 && !lines[first].block_start && i - first < 3) --first;
        if (!lines[first].block_start) continue;
        std::string title;
        for (std::size_t k = first; k < i; ++k) title += (title.empty() ? "" : " ") + lines[k].text;
        if (words_of(title).size() > 20 || !starts_upper(title) || (ends_sentence(title) && title.back() == '.')) continue;
        ItemSpan span;
        span.heading = first;
        span.item.number = number;
        span.item.title = strip_title(title);
        span.item.page = lines[first].page;
        span.body_begin = i + 1;
        spans.push_back(std::move(span));
    }
    if (spans.size() < 2 || spans.size() * 2 < references) return {};
    for (std::size_t k = 0; k < spans.size(); ++k)
        spans[k].body_end = k + 1 < spans.size() ? spans[k + 1].heading : lines.size();
    return spans;
}

bool has_digit_or_dot(std::string_view word) {
    for (char c : word) {
        if (c == '.' || std::isdigit(static_cast<unsigned char>(c))) return true;
    }
    return false;
}

// Formula lines that open or continue a passage inside an item, never a heading of their own: the
// Irish "Proposed by ... / Seconded by ... / And Resolved:", a "REPLY:" under a councillor's question,
// "Carried." closing a motion.
bool is_passage_formula(std::string_view text) {
    auto words = words_of(text);
    if (words.empty() || words.size() > 8) return false;
    std::string first = word_key(words[0]);
    std::string second = words.size() > 1 ? word_key(words[1]) : std::string();
    if (words.size() <= 3 && (first == "reply" || first == "replies" || first == "response" || first == "answer" ||
                              first == "resolved" || first == "carried" || first == "agreed" || first == "defeated" ||
                              (first == "and" && (second == "resolved" || second == "agreed")) ||
                              (first == "motion" && (second == "carried" || second == "defeated" || second == "lost"))))
        return true;
    return (first == "proposed" || first == "seconded" || first == "moved") && second == "by";
}

// A title led by a decision's reference, then a dash: "24/00108 - Revenue and Capital Budget ..."
// (Kent's Cabinet minutes), "24/00812/FUL - Land at Mill Lane" (a planning application).
bool is_reference_lead(const std::vector<std::string_view>& words) {
    if (words.size() < 3 || !std::isdigit(static_cast<unsigned char>(words[0][0]))) return false;
    // Also a planning application's reference: "24/00812/FUL - Land at Mill Lane ...".
    bool slash = false;
    bool letters = false;
    for (char c : words[0]) {
        if (c == '/') slash = true;
        else if (std::isupper(static_cast<unsigned char>(c)) && slash) letters = true;
        else if (!std::isdigit(static_cast<unsigned char>(c)) || letters) return false;
    }
    bool dash = words[1] == "-" || words[1] == "\xE2\x80\x93" || words[1] == "\xE2\x80\x94";
    return slash && dash && starts_upper(words[2]);
}

// The words open a decision or a motion's outcome ("RESOLVED that ...", "It was agreed ..."): a
// numbered paragraph of the minute, never a title.
bool opens_decision(const std::vector<std::string_view>& words) {
    if (words.size() < 3) return false;
    std::string first = word_key(words[0]), second = word_key(words[1]), third = word_key(words[2]);
    if (first == "resolved" && (second == "that" || second == "to")) return true;
    return first == "it" && second == "was" && (third == "resolved" || third == "agreed");
}

// "Police Matters:" standing alone as a block, the body in the blocks after it: a section title.
// Not a motion header ("R2023-093 D. Yemm, S. Kirkey:"), a list of names, nor a resolution.
bool is_colon_title(const std::vector<Line>& lines, std::size_t i) {
    const Line& line = lines[i];
    // One colon, at the end: "MR SPEAKER: I put the Question:" is a speaker's turn.
    if (line.bullet || !line.block_start || line.text.back() != ':' || line.text.find(':') + 1 != line.text.size()) return false;
    if (i + 1 < lines.size() && !lines[i + 1].block_start) return false;
    auto words = words_of(line.text);
    if (words.empty() || words.size() > 10 || !starts_upper(words[0]) || line.text.find(',') != std::string::npos) return false;
    for (char c : words[0]) {
        if (std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    if (is_passage_formula(line.text)) return false;
    static constexpr std::array<std::string_view, 13> kNotTitles{
        "resolved", "motion", "moved", "proposed", "seconded", "agreed", "carried", "action", "note", "notes",
        "whereas", "that", "i"};
    std::string first = word_key(words[0]);
    for (auto k : kNotTitles) {
        if (first == k) return false;
    }
    // "Councillors:" / "SECTORAL INTEREST NOMINEES:" over a list of names labels people.
    if (i + 1 < lines.size() && looks_like_name_list(lines[i + 1].text) && !ends_sentence(lines[i + 1].text)) return false;
    // A title ends on a name word ("Police Matters", "Section 2"), prose on any word ("The Question is:").
    std::string_view last = words.back();
    return starts_upper(last) || std::isdigit(static_cast<unsigned char>(last[0]));
}

// Legislative numbers that open an entry of an official journal (Cleveland's City Record):
// "Ord. No. 56-08.", "Res. No. 88-08—David Holtkamp.", "File No. 79-08.", "Calendar No. 07-260: ...".
// Sets `number` ("Ord. No. 56-08") and `rest` (the text after it on the line).
bool parse_legislative_number(std::string_view text, std::string& number, std::string& rest) {
    static constexpr std::array<std::string_view, 8> kPrefixes{
        "Ord. No. ", "Res. No. ", "File No. ", "Calendar No. ", "Resolution No. ", "Ordinance No. ",
        "Bill No. ", "Motion No. "};
    for (auto prefix : kPrefixes) {
        if (!starts_with_ci(text, prefix)) continue;
        std::string_view t = trim(text.substr(prefix.size()));
        if (t.empty() || !std::isdigit(static_cast<unsigned char>(t[0]))) return false;
        std::size_t k = 0;
        while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '-' || t[k] == '/')) ++k;
        while (k > 0 && t[k - 1] == '-') --k;
        number = std::string(trim(prefix)) + " " + std::string(t.substr(0, k));
        std::string_view r = t.substr(k);
        // Separators after the number: ".", ":", "-", and dashes (UTF-8 en and em dash).
        while (!r.empty()) {
            if (r.front() == '.' || r.front() == ':' || r.front() == '-' || r.front() == ' ' || r.front() == ',') {
                r.remove_prefix(1);
            } else if (starts_with_ci(r, "\xE2\x80\x93") || starts_with_ci(r, "\xE2\x80\x94")) {
                r.remove_prefix(3);
            } else {
                break;
            }
        }
        rest = std::string(trim(r));
        // "Ordinance No. 531-08, passed by the ...": a reference inside a sentence, not an entry.
        return rest.empty() || starts_upper(rest) || std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '"';
    }
    return false;
}

// An ALL-CAPS heading line of a journal ("BOARD OF CONTROL", "FIRST READING EMERGENCY"), not a
// signature ("ALLAN B. DREYER,") nor a figure.
bool is_caps_heading_line(const Line& line) {
    const std::string& text = line.text;
    if (line.bullet || !all_caps(text) || std::isdigit(static_cast<unsigned char>(text[0])) || text.back() == ',') return false;
    auto words = words_of(text);
    if (words.empty() || words.size() > 10) return false;
    std::size_t letters = 0;
    for (char c : text) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    if (letters < 4) return false;
    bool initial = false;
    for (auto w : words) initial = initial || (w.size() == 2 && w[1] == '.');
    return !(initial && words.size() <= 4);
}

// A line where a new entry may begin: after a finished sentence, a heading or a short line.
bool entry_may_start(const std::vector<Line>& lines, std::size_t i) {
    if (i == 0 || lines[i].block_start) return true;
    const std::string& prev = lines[i - 1].text;
    return ends_sentence(prev) || all_caps(prev) || prev.size() < 40;
}

// Official journals holding many bodies' business: entries by legislative number and the
// ALL-CAPS section headings between them, so that no item runs over whole pages. Empty unless
// the text has at least five such numbers.
std::vector<ItemSpan> find_legislative_items(const std::vector<Line>& lines) {
    constexpr std::size_t kMinEntries = 5;
    std::size_t entries = 0;
    std::string number, rest;
    for (std::size_t i = 0; i < lines.size() && entries < kMinEntries; ++i) {
        if (parse_legislative_number(lines[i].text, number, rest) && entry_may_start(lines, i)) ++entries;
    }
    if (entries < kMinEntries) return {};
    std::vector<ItemSpan> spans;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        ItemSpan span;
        span.heading = i;
        span.item.page = line.page;
        if (parse_legislative_number(line.text, number, rest) && entry_may_start(lines, i)) {
            span.item.number = number;
            std::string title = rest;
            std::size_t j = i + 1;
            // No title on the number's line: the first sentence after it, as a summary (it stays
            // in the body too).
            if (title.empty()) {
                for (; j < lines.size() && j < i + 6; ++j) {
                    std::string dummy_number, dummy_rest;
                    if (parse_legislative_number(lines[j].text, dummy_number, dummy_rest) || is_caps_heading_line(lines[j])) break;
                    title += (title.empty() ? "" : " ") + lines[j].text;
                    if (ends_sentence(lines[j].text) || words_of(title).size() >= 25) break;
                }
                span.body_begin = i + 1;
            } else {
                span.body_begin = i + 1;
            }
            auto words = words_of(title);
            if (words.size() > 25) {
                std::size_t end = static_cast<std::size_t>(words[24].data() + words[24].size() - title.data());
                title = title.substr(0, end) + " ...";
            }
            span.item.title = strip_title(title);
            spans.push_back(std::move(span));
            continue;
        }
        if (!is_caps_heading_line(line) || !entry_may_start(lines, i)) continue;
        // A run of capital lines is one heading ("FIRST READING EMERGENCY" / "ORDINANCES REFERRED").
        std::string title = line.text;
        std::size_t j = i + 1;
        while (j < lines.size() && j < i + 4 && is_caps_heading_line(lines[j])) title += " " + lines[j++].text;
        span.item.title = strip_title(title);
        span.body_begin = j;
        spans.push_back(std::move(span));
        i = j - 1;
    }
    for (std::size_t k = 0; k < spans.size(); ++k)
        spans[k].body_end = k + 1 < spans.size() ? spans[k + 1].heading : lines.size();
    return spans;
}

// "R2024-089 D. Yemm, S. Kirkey: That ...": a resolution number as printed (letters, year or
// serial, dash, serial), then the mover and seconder up to a colon. Sets `number` and `motion` (the
// text after the colon). Canadian and US councils number their resolutions so and print no agenda
// numbers (Nipissing).
bool parse_resolution_header(std::string_view text, std::string& number, std::string& motion) {
    std::size_t k = 0;
    while (k < text.size() && k < 3 && std::isupper(static_cast<unsigned char>(text[k]))) ++k;
    std::size_t digits = k;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
    if (k - digits < 2 || k - digits > 4 || k >= text.size() || (text[k] != '-' && text[k] != '/')) return false;
    std::size_t serial = ++k;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
    if (k - serial < 1 || k - serial > 4 || k >= text.size() || text[k] != ' ') return false;
    // The movers: short, initialled or capitalised names, ending in a colon.
    std::size_t colon = text.find(':', k);
    if (colon == std::string_view::npos || colon - k > 60) return false;
    std::string_view movers = trim(text.substr(k, colon - k));
    auto words = words_of(movers);
    // Two people, as "D. Yemm, S. Kirkey" or "Jones and Ray": not "2023-24 Budget:".
    std::size_t initials = 0;  // "T. Marchant. L. Moore": two initialled names, however separated
    for (auto w : words) initials += is_initial(w) ? 1 : 0;
    bool two = movers.find(',') != std::string_view::npos || movers.find('/') != std::string_view::npos ||
               find_word_ci(movers, "and") != std::string_view::npos || initials >= 2;
    if (words.size() < 2 || words.size() > 8 || !two) return false;
    for (auto w : words) {
        if (!starts_upper(w) && !is_small_word(word_key(w))) return false;
    }
    number = std::string(text.substr(0, serial + (k - serial)));
    motion = std::string(trim(text.substr(colon + 1)));
    return true;
}

// "Item #10 Consideration of a donation request ...": an agenda item named without a resolution.
bool parse_agenda_reference(std::string_view text, std::string& number, std::string& title) {
    if (!starts_with_ci(text, "item #")) return false;
    std::string_view t = trim(text.substr(6));
    std::size_t k = 0;
    while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
    if (k == 0 || k > 3) return false;
    std::string_view rest = trim(t.substr(k));
    while (!rest.empty() && (rest.front() == '-' || rest.front() == ':' || rest.front() == '.')) rest = trim(rest.substr(1));
    if (rest.empty() || !starts_upper(rest)) return false;
    number = std::string(t.substr(0, k));
    title = std::string(rest);
    return true;
}

// The line closes a motion: it ends on "Carried.", "Defeated.", "Deferred." and the like.
bool closes_motion(std::string_view text) {
    std::string lower = lower_ascii(text.substr(text.size() > 40 ? text.size() - 40 : 0));
    while (!lower.empty() && (lower.back() == '.' || lower.back() == ' ' || lower.back() == '!')) lower.pop_back();
    static constexpr std::array<std::string_view, 9> kClosings{
        "carried", "defeated", "lost", "deferred", "withdrawn", "tabled", "carried as amended", "carried unanimously",
        "unanimously carried"};
    for (auto c : kClosings) {
        if (lower.size() < c.size() || lower.compare(lower.size() - c.size(), c.size(), c) != 0) continue;
        std::size_t at = lower.size() - c.size();
        if (at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '.') return true;
    }
    return false;
}

// A resolution's subject for its title: the operative clause ("NOW THEREFORE BE IT RESOLVED that
// ..." over the recitals), without the "That (we)" of the formula, to its first clause end, at most
// twenty words.
std::string resolution_subject(std::string_view motion) {
    std::string_view t = motion;
    for (std::string_view marker : {"be it resolved", "now therefore"}) {
        std::size_t at = find_ci(t, marker);
        if (at != std::string_view::npos) {
            t = t.substr(at + marker.size());
            break;
        }
    }
    t = trim(t);
    while (!t.empty() && (t.front() == ',' || t.front() == ':')) t = trim(t.substr(1));
    for (std::string_view lead : {"that we ", "that, ", "that "}) {
        if (starts_with_ci(t, lead)) {
            t = trim(t.substr(lead.size()));
            break;
        }
    }
    // The first clause: to a ';' or to a '. ' after a word of three letters or more (not "No. 5").
    std::size_t end = t.size();
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k] == ';') {
            end = k;
            break;
        }
        // A sentence ends at ". " before a capital, not after an initial or "No." ("S.O. 2001", "No. 2024-19").
        if (t[k] == '.' && k + 2 < t.size() && t[k + 1] == ' ' && std::isupper(static_cast<unsigned char>(t[k + 2]))) {
            std::size_t w = k;
            while (w > 0 && std::isalnum(static_cast<unsigned char>(t[w - 1]))) --w;
            std::string key = lower_ascii(t.substr(w, k - w));
            bool initial = key.size() == 1 && std::isalpha(static_cast<unsigned char>(key[0]));
            if (!initial && key != "no" && key != "nos" && key != "st" && key != "mr" && key != "mrs" && key != "ms" && key != "dr") {
                end = k;
                break;
            }
        }
    }
    std::string_view clause = trim(t.substr(0, end));
    // The closing word is the outcome, not the subject: "... as presented. Carried."
    if (end == t.size() && closes_motion(clause)) {
        std::size_t stop = clause.rfind(". ");
        clause = stop == std::string_view::npos ? std::string_view() : trim(clause.substr(0, stop));
    }
    std::string title(clause);
    auto words = words_of(title);
    if (words.size() > 20) title = std::string(title, 0, static_cast<std::size_t>(words[19].data() + words[19].size() - title.data())) + " ...";
    if (!title.empty() && std::islower(static_cast<unsigned char>(title[0]))) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return title;
}

// Minutes that are a sequence of numbered resolutions with unnumbered paragraphs between them: each
// resolution is an item numbered as printed and titled by its subject; the paragraphs before a
// resolution (the discussion that led to it, reports) open its item, those after the last one
// close the last. An "Item #10 ..." line with no resolution is an item of its own. Empty unless
// the text holds at least two resolution headers.
std::vector<ItemSpan> find_resolution_items(const std::vector<Line>& lines) {
    struct Entry {
        std::size_t header = 0;
        std::size_t end = 0;  // last line of the motion (its "Carried."), or of the header's paragraph
        std::string number, title;
    };
    std::vector<Entry> entries;
    std::size_t resolutions = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!entry_may_start(lines, i)) continue;
        Entry e;
        e.header = i;
        std::string motion;
        if (parse_resolution_header(lines[i].text, e.number, motion)) {
            ++resolutions;
            // The motion goes on to its closing word, at most 40 lines and never into the next header.
            std::string text = motion;
            e.end = i;
            for (std::size_t j = i; j < lines.size() && j < i + 40; ++j) {
                std::string n, m;
                if (j > i && (parse_resolution_header(lines[j].text, n, m) || parse_agenda_reference(lines[j].text, n, m))) break;
                if (j > i) {
                    // "By-" / "Law 2023-11": a word broken at its hyphen goes on without a space.
                    bool broken = text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
                    text += (broken ? "" : " ") + lines[j].text;
                }
                if (closes_motion(lines[j].text)) {
                    e.end = j;
                    break;
                }
                if (j == i || !lines[j].block_start) e.end = j;
            }
            e.title = resolution_subject(text);
            if (e.title.empty()) e.title = e.number;
        } else if (parse_agenda_reference(lines[i].text, e.number, e.title)) {
            e.end = i;
            for (std::size_t j = i + 1; j < lines.size() && j < i + 6; ++j) {
                std::string n, m;
                if (parse_resolution_header(lines[j].text, n, m) || parse_agenda_reference(lines[j].text, n, m)) break;
                if (closes_motion(lines[j].text)) {
                    e.end = j;
                    break;
                }
            }
            e.title = strip_title(e.title);
        } else {
            continue;
        }
        i = std::max(i, e.end);
        entries.push_back(std::move(e));
    }
    if (resolutions < 2) return {};
    // The first item opens after the attendance (the last "Present:" / "Staff:" paragraph before it).
    std::size_t first = entries.front().header;
    for (std::size_t j = entries.front().header; j-- > 0;) {
        std::string rest;
        if (!attendance_label(lines[j].text, rest)) continue;
        std::size_t k = j + 1;
        while (k < first && !ends_sentence(lines[k - 1].text)) ++k;
        first = k;
        break;
    }
    std::vector<ItemSpan> spans;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        ItemSpan span;
        span.heading = k == 0 ? first : std::min(entries[k - 1].end + 1, entries[k].header);
        span.body_begin = span.heading;
        span.item.number = entries[k].number;
        span.item.title = entries[k].title;
        span.item.page = lines[entries[k].header].page;
        spans.push_back(std::move(span));
    }
    for (std::size_t k = 0; k < spans.size(); ++k)
        spans[k].body_end = k + 1 < spans.size() ? spans[k + 1].heading : lines.size();
    return spans;
}

// The agenda code in brackets closing a title line: "Minutes Approved (D)", "Student Council
// Reports (E-1)", "Consent Calendar Approved (G-1/G-13)". Empty when the line has none.
std::string trailing_agenda_code(std::string_view text) {
    if (text.size() < 5 || text.back() != ')') return {};
    std::size_t open = text.rfind('(');
    if (open == std::string_view::npos || open == 0 || text[open - 1] != ' ') return {};
    std::string_view code = text.substr(open + 1, text.size() - open - 2);
    // Parts "G-1" joined by '/': one capital (two are a person's initials, "Ian Logan (IL)"),
    // optionally a dash and a number, and sub-points ("I-5 a,b,c,d").
    std::size_t k = 0;
    while (true) {
        if (k >= code.size() || !std::isupper(static_cast<unsigned char>(code[k]))) return {};
        ++k;
        if (k < code.size() && code[k] == '-') {
            std::size_t digits = ++k;
            while (k < code.size() && std::isdigit(static_cast<unsigned char>(code[k]))) ++k;
            if (k == digits || k - digits > 3) return {};
            if (k + 1 < code.size() && code[k] == ' ' && std::islower(static_cast<unsigned char>(code[k + 1]))) {
                ++k;
                while (k < code.size() && (std::islower(static_cast<unsigned char>(code[k])) || code[k] == ',')) ++k;
            }
        }
        if (k == code.size()) break;
        if (code[k] != '/') return {};
        ++k;
    }
    return std::string(code);
}

// Items titled on a line of their own that ends in the agenda code (San Juan Unified's board
// minutes): the code is the number as printed. Empty unless three or more such titles.
std::vector<ItemSpan> find_coded_items(const std::vector<Line>& lines) {
    std::vector<ItemSpan> spans;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.bullet || !entry_may_start(lines, i)) continue;
        std::string code = trailing_agenda_code(line.text);
        if (code.empty()) continue;
        std::string_view title = trim(std::string_view(line.text).substr(0, line.text.rfind('(')));
        auto words = words_of(title);
        if (words.empty() || words.size() > 16 || !starts_upper(words[0]) || title.back() == '.' || title.back() == ',') continue;
        // Codes go forward through the agenda's letters (A, B, E-1, G-1/G-13, G-2 ...).
        if (!spans.empty() && code[0] < spans.back().item.number[0]) continue;
        ItemSpan span;
        span.heading = i;
        span.body_begin = i + 1;
        span.item.number = code;
        span.item.title = strip_title(title);
        span.item.page = line.page;
        spans.push_back(std::move(span));
    }
    if (spans.size() < 3) return {};
    for (std::size_t k = 0; k < spans.size(); ++k)
        spans[k].body_end = k + 1 < spans.size() ? spans[k + 1].heading : lines.size();
    return spans;
}

// "Matters Arising: The footpath at ...": a paragraph led by a short title-cased label and a colon.
// Sets `label` and `body`. Not attendance ("Present:"), a formula ("Resolved:"), nor a speaker's
// label ("Cllr Smith:", "MR SPEAKER:").
bool parse_lead_label(const Line& line, std::string& label, std::string& body) {
    if (line.bullet || !line.block_start) return false;
    std::size_t colon = line.text.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 40 || colon + 2 >= line.text.size()) return false;
    std::string_view head = trim(std::string_view(line.text).substr(0, colon));
    auto words = words_of(head);
    if (words.empty() || words.size() > 5 || all_caps(head) || is_honorific(words[0])) return false;
    for (auto w : words) {
        if (has_digit_or_dot(w) || (!starts_upper(w) && !is_small_word(word_key(w)))) return false;
    }
    std::string rest;
    if (attendance_label(line.text, rest) || is_passage_formula(head)) return false;
    static constexpr std::array<std::string_view, 12> kNotLabels{
        "resolved", "motion", "moved", "proposed", "seconded", "action", "note", "notes", "vote", "time", "email", "tel"};
    std::string first = word_key(words[0]);
    for (auto k : kNotLabels) {
        if (first == k) return false;
    }
    label = std::string(head);
    body = std::string(trim(std::string_view(line.text).substr(colon + 1)));
    return !body.empty();
}

// Minutes whose only structure is the label leading each paragraph (small parish councils:
// "Minutes: ...", "Matters Arising: ...", "Payments: ...", "Correspondence: ..."): each label is an
// unnumbered section. Empty unless four or more.
std::vector<ItemSpan> find_labelled_sections(const std::vector<Line>& lines) {
    std::vector<ItemSpan> spans;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string label, body;
        if (!parse_lead_label(lines[i], label, body)) continue;
        ItemSpan span;
        span.heading = i;
        span.body_begin = i + 1;
        span.body_lead = body;
        span.lead_label = true;
        span.item.title = label;
        span.item.page = lines[i].page;
        spans.push_back(std::move(span));
    }
    if (spans.size() < 4) return {};
    for (std::size_t k = 0; k < spans.size(); ++k)
        spans[k].body_end = k + 1 < spans.size() ? spans[k + 1].heading : lines.size();
    return spans;
}

std::vector<ItemSpan> find_agenda_items(const std::vector<Line>& lines, std::size_t& contents_begin);

}  // namespace

std::vector<ItemSpan> find_sections(const std::vector<Line>& lines);

namespace {

// Numbers printed again under each section ("5. CONSENT CALENDAR" / "A." / "B.", "6. PUBLIC HEARINGS" /
// "A.") are cited with their section's: "5.A", "5.B", "6.A". A style of numbering is under another when
// it starts again right after an item of that other style; each of its items then takes the number of the
// nearest item before it in such a style as its lead ("VI.A", "C.1.a"). A style that counts on through
// the minutes ("VIII." / "1." / "2." / "IX." / "3.") is kept as printed.
void qualify_outline(std::vector<ItemSpan>& spans) {
    constexpr std::size_t kStyles = 5;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    auto at = [](NumberStyle s) { return static_cast<std::size_t>(s); };
    // under[t][s]: style s started again right after an item of style t ("6." / "A.").
    bool under[kStyles][kStyles] = {};
    int last_value[kStyles] = {};
    std::size_t previous = kStyles;  // the style of the item before; kStyles: none yet
    for (auto& span : spans) {
        // A roman numeral of one letter that carries the letters on ("B." / "1." / "C."), or that does not
        // carry the roman numbering on ("I." / "A." / "1." / "C."), is a letter.
        if (span.style == NumberStyle::roman && span.item.number.size() == 1) {
            int last_roman = last_value[at(NumberStyle::roman)];
            int letter = span.item.number[0] - 'A' + 1;
            bool roman_fits = span.value > last_roman && span.value <= last_roman + 3;
            if (letter == last_value[at(NumberStyle::upper_letter)] + 1 || (!roman_fits && letter != 'I' - 'A' + 1)) {
                span.style = NumberStyle::upper_letter;
                span.value = letter;
            }
        }
        if (span.style == NumberStyle::other) continue;
        std::size_t s = at(span.style);
        if (last_value[s] > 0 && span.value <= last_value[s] && previous != kStyles && previous != s) under[previous][s] = true;
        // Small letters end an outline: an "a." right after another style's item is under it, even where
        // the letters never start again ("2 MATTERS ARISING" / "a) Cleansing" / "b) Closure of Bank").
        if (span.style == NumberStyle::lower_letter && span.value == 1 && previous != kStyles && previous != s)
            under[previous][s] = true;
        last_value[s] = span.value;
        previous = s;
    }
    // Roman numerals head an outline and lower-case letters end it, whatever the items taken show.
    for (std::size_t s = 0; s < kStyles; ++s) {
        under[s][at(NumberStyle::roman)] = false;
        under[at(NumberStyle::lower_letter)][s] = false;
    }
    // Levels through levels between ("a." under "1." under "A." is under "A." too); two styles each
    // under the other are no outline.
    for (std::size_t m = 0; m < kStyles; ++m) {
        for (std::size_t t = 0; t < kStyles; ++t) {
            for (std::size_t s = 0; s < kStyles; ++s) under[t][s] = under[t][s] || (under[t][m] && under[m][s]);
        }
    }
    for (std::size_t s = 0; s < kStyles; ++s) {
        for (std::size_t t = 0; t <= s; ++t) {
            if (under[t][s] && under[s][t]) under[t][s] = under[s][t] = false;
        }
    }
    std::array<std::size_t, kStyles> last_of;  // the latest item of each style
    last_of.fill(kNone);
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (spans[k].style == NumberStyle::other) continue;
        std::size_t s = at(spans[k].style);
        std::size_t lead = kNone;
        for (std::size_t t = 0; t < kStyles; ++t) {
            if (under[t][s] && last_of[t] != kNone && (lead == kNone || last_of[t] > lead)) lead = last_of[t];
        }
        if (lead != kNone) spans[k].item.number = spans[lead].item.number + "." + spans[k].item.number;
        last_of[s] = k;
        // A new section closes the ones under the last ("XVI." after "XII." / "F." leads no "a.").
        for (std::size_t u = 0; u < kStyles; ++u) {
            if (under[s][u]) last_of[u] = kNone;
        }
    }
}

}  // namespace

std::vector<ItemSpan> find_items(const std::vector<Line>& lines, std::size_t& contents_begin) {
    auto legislative = find_legislative_items(lines);
    auto agenda = find_agenda_items(lines, contents_begin);
    std::size_t numbered = 0;
    std::string first_number;
    for (const auto& span : agenda) {
        if (span.item.number.empty()) continue;
        if (numbered++ == 0) first_number = span.item.number;
    }
    qualify_outline(agenda);
    // A journal's entries by legislative number, unless the minutes number their agenda from 1 and the
    // numbers are their motions' ("1. CALL TO ORDER" ... "3. ADOPTION OF MINUTES" / "Resolution No.
    // 2023-141", Ontario). A journal's pages hold stray numbers ("21", "270") that are no agenda.
    bool agenda_first = numbered >= 3 && first_number == "1" && legislative.size() < 3 * numbered;
    if (!legislative.empty() && !agenda_first) return legislative;
    // Titles closed by their agenda code, when they outnumber numbered lines (which are then lists).
    auto coded = find_coded_items(lines);
    if (!coded.empty() && coded.size() > numbered) return coded;
    // Agenda numbers, where printed, stay the items, with their resolutions inside them; a couple of
    // numbered lines inside motions ("A. In keeping with ...", "2. Township of Nipissing Community
    // Centre") do not outweigh many resolutions.
    auto resolutions = find_resolution_items(lines);
    if (numbered >= 2 && resolutions.size() < 3 * numbered) return agenda;
    if (!resolutions.empty()) return resolutions;
    // No numbers: the labels that lead paragraphs, when they outnumber the headings (a web page's
    // title headings over "Minutes: ...", "Matters Arising: ...").
    if (numbered == 0) {
        auto labelled = find_labelled_sections(lines);
        if (!labelled.empty() && labelled.size() > agenda.size()) return labelled;
    }
    return agenda;
}

namespace {

// Whether the line after a number standing alone is prose rather than its title: it holds a verb of a
// sentence, or it wraps on into a line that starts with one ("General Manager Washington as well as
// Directors Rivera-Malpiede and Tobiassen" / "attended the Colorado Black Roundtable ..."), unless a
// dash sets a title apart ("Route U Alternatives – Bruce Abel and Bill Porter" / "gave an update").
bool reads_as_prose(const std::vector<Line>& lines, std::size_t at) {
    auto words = words_of(lines[at].text);
    for (auto w : words) {
        if (is_sentence_verb(word_key(w))) return true;
    }
    if (std::any_of(words.begin(), words.end(), is_dash)) return false;
    if (at + 1 >= lines.size() || !starts_lower(lines[at + 1].text)) return false;
    auto next = words_of(lines[at + 1].text);
    return !next.empty() && is_sentence_verb(word_key(next[0]));
}

// A list of names: three or more parts between commas, each a few capitalised words ("Mac Callison,
// Bianca de Jager, Doug Gragg, Jay Kenney, Brian"), not a title that lists numbers ("Minutes of January
// 2, 7, and 9, 2020").
bool reads_as_names(std::string_view text) {
    std::size_t names = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t comma = text.find(',', start);
        std::string_view part = trim(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        if (!part.empty()) {
            if (!starts_upper(part) || words_of(part).size() > 4) return false;
            ++names;
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return names >= 3;
}

// The first line from `from` on that stands as a title (short, capitalised, not a sentence, after a
// sentence's end, not run on into the next line), before the next number of the same scheme; 0 when
// none.
std::size_t later_title_line(const std::vector<Line>& lines, std::size_t from, Scheme scheme) {
    constexpr std::size_t kReach = 60;
    for (std::size_t j = from; j < lines.size() && j < from + kReach; ++j) {
        const Line& line = lines[j];
        if (auto n = parse_number(line.text, false); n && n->scheme == scheme && !n->sub) return 0;
        auto words = words_of(line.text);
        // A list of names ("Rolf Asphaug, Joey Davidson, Sherry Ellebracht, Steve Eubanks,") is no title.
        bool names = std::count(line.text.begin(), line.text.end(), ',') >= 2 || line.text.back() == ',';
        if (line.bullet || words.empty() || words.size() > 8 || names || !starts_upper(line.text) || ends_sentence(line.text))
            continue;
        if (!ends_sentence(lines[j - 1].text) && !line.block_start) continue;
        if (j + 1 < lines.size() && (starts_lower(lines[j + 1].text) || lines[j + 1].text[0] == '(')) continue;
        auto n = count_capitalised(words, words.size());
        if (n.checked > 0 && n.capital == n.checked) return j;
    }
    return 0;
}

// A numbered line opening its block reads as a title: a few capitalised words that are no sentence.
bool reads_as_numbered_title(const std::vector<Line>& lines, std::size_t i, std::string_view rest) {
    if (!lines[i].block_start) return false;
    auto words = words_of(rest);
    if (words.empty() || words.size() > 12 || !starts_upper(words[0]) || ends_sentence(rest)) return false;
    auto n = count_capitalised(words, 4);
    return n.capital * 2 > n.checked;
}

// A sub-numbered line reads as a sub-item's title: a heading, or capitalised words that are no
// sentence and no decision, in capitals or standing as a short block of their own.
bool reads_as_sub_item_title(const std::vector<Line>& lines, std::size_t i, std::string_view rest) {
    auto words = words_of(rest);
    if (words.empty() || words.size() > 20 || !starts_upper(words[0]) || ends_sentence(rest) || opens_decision(words) ||
        is_passage_formula(rest))
        return false;
    if (lines[i].kind == BlockKind::heading || all_caps(rest)) return true;
    bool alone = i + 1 >= lines.size() || lines[i + 1].block != lines[i].block;
    auto n = count_capitalised(words, 4);
    return alone && words.size() <= 14 && n.capital * 2 > n.checked;
}

// The agenda items, taking no arabic number below `floor` (0: any) and none before line `from`.
std::vector<ItemSpan> scan_agenda_items(const std::vector<Line>& lines, int floor, std::size_t from = 0) {
    std::vector<ItemSpan> numbered;
    // Last arabic and roman numbers taken (0: none yet), and the index of a first, unterminated
    // arabic number not yet followed by its successor (npos: none).
    int prev_arabic = 0;
    int prev_roman = 0;
    int prev_letter = 0;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t arabic_unconfirmed = kNone;
    std::size_t restarts = 0;  // numbering that starts again at 1: lists inside sections, not items
    // A restarted run ("1. Meadowbrook", "2. The Grange") that stops short of the main sequence, which
    // then goes on ("5. Travel and Transportation" after 4): a list nested in an item (Limerick),
    // not sections numbering their own lists (Stoke Ferry, where the run carries on past 4 to 5).
    int restart_run = 0;      // last value of the current restarted run; 0 when none
    std::size_t resumed = 0;  // restarts after which the main sequence resumed
    // Blocks holding several numbered lines, some ending in ';' or ',', or three and more in a row
    // with nothing between them (a roll of names): enumerations, not items.
    std::set<std::size_t> list_blocks;
    std::size_t run = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool numbered_line = std::isdigit(static_cast<unsigned char>(lines[i].text[0])) != 0;
        run = numbered_line && i > 0 && !lines[i].block_start && lines[i].block == lines[i - 1].block ? run + 1
              : numbered_line                                                                       ? 1
                                                                                                    : 0;
        if (run >= 3) list_blocks.insert(lines[i].block);
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.block_start || line.block != lines[i - 1].block) continue;
        if (!std::isdigit(static_cast<unsigned char>(line.text[0])) ||
            !std::isdigit(static_cast<unsigned char>(lines[i - 1].text[0])))
            continue;
        char a = line.text.back(), b = lines[i - 1].text.back();
        if (a == ';' || a == ',' || b == ';' || b == ',') list_blocks.insert(line.block);
    }
    // Arabic numbers printed as headings (a heading block, or a title in capitals), by line: a sentence
    // numbered ahead of the sequence ("11. The Clerk thanked ..." under "4. MATTERS ARISING", recalling
    // minute 11 of the last meeting) is not an item when the heading the sequence needs comes later;
    // nor is an item referred to ("Item 6: Mrs E Sinclair (non-financial)" among the declarations) when
    // a short capitalised line opening its block carries the sequence later ("3. Roads Winter
    // Maintenance Plan 2024/25").
    std::vector<std::optional<ItemNumber>> numbers;  // each line's number, parsed once
    struct NumberedHeading {
        std::size_t line;
        int value;
        bool printed_as_heading;  // else a short capitalised line opening its block
    };
    std::vector<NumberedHeading> heading_numbers;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool heading = lines[i].kind == BlockKind::heading;
        numbers.push_back(parse_number(lines[i].text, heading));
        const auto& number = numbers.back();
        if (!number || number->sub || number->scheme != Scheme::arabic) continue;
        bool printed_as_heading = heading || all_caps(number->rest);
        if (printed_as_heading || reads_as_numbered_title(lines, i, number->rest))
            heading_numbers.push_back({i, number->value, printed_as_heading});
    }
    // Minute numbers led by the year ("24/101 APOLOGIES FOR ABSENCE", "24/102 ...", English town and
    // parish councils): when three or more numbers opening their blocks share the part before the
    // slash, the part after it is the sequence.
    std::map<int, std::set<int>> by_lead;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& number = numbers[i];
        if (number && number->after_slash >= 0 && !number->sub && lines[i].block_start)
            by_lead[number->value].insert(number->after_slash);
    }
    for (const auto& [lead, serials] : by_lead) {
        if (serials.size() < 3) continue;
        for (auto& number : numbers)
            if (number && number->value == lead && number->after_slash >= 0) number->value = number->after_slash;
        for (auto& h : heading_numbers) h.value = numbers[h.line]->value;
        break;
    }
    // Sub-numbered lines ("9.1 DEVELOPMENT APPLICATION DA2023/118 - ...") are items of their own when
    // every such line under the same number reads as a title: councils that number the reports of a
    // section so (Australian and New Zealand minutes) print each as a heading over its resolution.
    // Where some of them are sentences ("6.1 It was decided to leave pruning ...", Stoke Ferry) they
    // are the minute's numbered paragraphs, and none is an item.
    std::map<int, bool> titled_subs;  // main number -> all its sub-numbered lines read as titles
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& number = numbers[i];
        if (!number || !number->sub || number->scheme != Scheme::arabic || lines[i].bullet) continue;
        if (!lines[i].block_start && lines[i].kind != BlockKind::heading) continue;
        auto [entry, added] = titled_subs.emplace(number->value, true);
        entry->second = entry->second && reads_as_sub_item_title(lines, i, number->rest);
    }
    auto heading_later = [&](std::size_t after, int value, bool titles_too) {
        return std::any_of(heading_numbers.begin(), heading_numbers.end(), [&](const NumberedHeading& h) {
            return h.line > after && h.value == value && (h.printed_as_heading || titles_too);
        });
    };
    for (std::size_t i = from; i < lines.size(); ++i) {
        const Line& line = lines[i];
        bool heading = line.kind == BlockKind::heading;
        if (line.bullet && !heading) continue;
        auto number = numbers[i];
        if (!number) continue;
        // A sub-item of the item just taken; otherwise a numbered paragraph of it.
        auto titled = titled_subs.find(number->value);
        const bool sub_item = number->sub && number->scheme == Scheme::arabic && number->value == prev_arabic &&
                              titled != titled_subs.end() && titled->second;
        if (number->sub && !sub_item) continue;
        if (number->scheme == Scheme::arabic && number->value < floor) continue;
        if (number->scheme == Scheme::arabic && !heading && prev_arabic > 0 && number->value > prev_arabic + 1 &&
            !all_caps(number->rest) && heading_later(i, prev_arabic + 1, number->labelled))
            continue;
        // "C." after "B." is a letter, not the roman hundred; "I." after "H." likewise.
        if (number->scheme == Scheme::roman && number->printed.size() == 1 && prev_letter > 0 &&
            number->printed[0] - 'A' + 1 == prev_letter + 1) {
            number->scheme = Scheme::letter;
            number->value = prev_letter + 1;
        }
        // Where a heading can start: a new block, after a finished sentence, or after a short line.
        bool at_start = line.block_start || i == 0 || ends_sentence(lines[i - 1].text) || lines[i - 1].text.size() < 40 ||
                        lines[i - 1].kind == BlockKind::heading;
        if (!at_start && !heading) continue;
        std::string rest = number->rest;
        std::size_t title_line = i;
        if (rest.empty()) {
            if (!number->terminated && !heading) continue;
            // A number alone inside a paragraph ends a wrapped sentence ("Serial No." / "2021/02."),
            // unless the line before finished one ("... on 7/24." / "I.").
            if (!line.block_start && !heading) {
                const std::string& prev = lines[i - 1].text;
                bool after_no = prev.size() >= 3 && starts_with_ci(std::string_view(prev).substr(prev.size() - 3), "no.");
                if (!ends_sentence(prev) || after_no) continue;
            }
            // The number stands alone: the title is on the next line ("1." / "Adoption of Minutes").
            if (i + 1 >= lines.size() || parse_number(lines[i + 1].text, false)) continue;
            rest = lines[i + 1].text;
            if (words_of(rest).size() > 16 || !starts_upper(rest)) continue;
            title_line = i + 1;
        }
        // "2025. Carried." closes a motion wrapped after its year, it is not item 2025.
        if (is_passage_formula(rest)) continue;
        auto words = words_of(rest);
        if (words.empty() || !(starts_upper(words[0]) || words[0][0] == '"' || words[0][0] == '\'' ||
                               (number->terminated && is_reference_lead(words))))
            continue;
        // "2. RESOLVED that Mr Cooke be elected ...": a numbered paragraph of the decision, not a title.
        if (!heading && opens_decision(words)) continue;
        // "11 March 2020" is a date, not item 11.
        if (number->scheme == Scheme::arabic && !number->terminated && month_of(word_key(words[0])) > 0) continue;
        if (!heading && !sub_item) {
            // A numbered list, not items: entries ending ";" or ",", or numbered lines run together
            // in one block ("1. Papa Henry Heather from Arorangi;" / "2. Papa John Mateara ...").
            // A paragraph of its own titled "Payments:" that carries the sequence on is an item whatever
            // its last character ("5. Payments: ... seconded D. Pickston - agreed,", Wereham 2006).
            char last_char = line.text.back();
            bool alone = line.block_start && (i + 1 == lines.size() || lines[i + 1].block != line.block);
            bool titled_next = alone && number->scheme == Scheme::arabic && prev_arabic > 0 &&
                               number->value == prev_arabic + 1 && words.size() > 1 && words[0].back() == ':';
            if (((last_char == ';' || last_char == ',') && !titled_next) || list_blocks.count(line.block) > 0) continue;
            if (number->scheme == Scheme::letter) {
                // "A. Call to Order", "B. ...": letters in sequence, restarting after any other item.
                if (number->value != prev_letter + 1 || !number->terminated) continue;
            }
            // Money, counts and years are not item numbers: the sequence must go on.
            if (number->scheme == Scheme::arabic) {
                bool in_sequence = prev_arabic == 0 || (number->value > prev_arabic && number->value <= prev_arabic + 15);
                // "VII. CONSENT CALENDAR" / "1. Approval of Minutes": numbering again right under a
                // section of roman numerals (past "I.", which may be a letter). Not under letters: a
                // lettered list ends where an unnumbered heading starts numbering again (Sacramento
                // Metropolitan Fire's "D. Policy Committee" / "CLOSED SESSION" / "1. Pursuant to ...").
                constexpr std::size_t kNestedWithin = 10;  // lines from the section's heading
                bool nested = !in_sequence && number->value == 1 && !numbered.empty() &&
                              i - numbered.back().heading <= kNestedWithin &&
                              numbered.back().style == NumberStyle::roman && numbered.back().value >= 2;
                if (nested) {
                    in_sequence = true;
                } else if (!in_sequence && number->value == 1) {
                    ++restarts;
                    restart_run = 1;
                } else if (!in_sequence && restart_run > 0 && number->value == restart_run + 1) {
                    ++restart_run;
                } else if (in_sequence && restart_run > 0) {
                    if (number->value != restart_run + 1) ++resumed;
                    restart_run = 0;
                }
                if (!in_sequence && arabic_unconfirmed < numbered.size()) {
                    // The first number had no successor: it was an address or a count, not an item.
                    numbered.erase(numbered.begin() + static_cast<std::ptrdiff_t>(arabic_unconfirmed));
                    prev_arabic = 0;
                    arabic_unconfirmed = kNone;
                    in_sequence = true;
                }
                if (!in_sequence) continue;
                if (prev_arabic == 0 && !number->terminated && number->value > 2000) continue;
                if (prev_arabic == 0 && !number->terminated && words.size() >= 2 && starts_lower(words[1]) &&
                    !is_small_word(word_key(words[1])))
                    continue;
            } else if (number->scheme == Scheme::roman) {
                if (prev_roman != 0 && (number->value <= prev_roman || number->value > prev_roman + 5)) continue;
                if (prev_roman == 0 && number->value > 3) continue;
            }
            // A title reads like one: its first words are capitalised. A block of one short line that
            // carries the next number of the sequence is a title even in sentence case ("282. Remote
            // meetings and proxy voting consultation"), unlike a numbered paragraph that wraps or ends;
            // so is a block that opens with such a title and runs on ("3. Use of social media, audio
            // recording of meeting and invitation for public contributions. CC asked ...").
            bool own_block = line.block_start && (i + 1 >= lines.size() || lines[i + 1].block_start);
            // Unterminated too when the line is a block of its own ("2 Minutes of last meeting").
            bool next_in_sequence = number->scheme == Scheme::arabic && (number->terminated || own_block) &&
                                    prev_arabic > 0 && number->value == prev_arabic + 1;
            // "Item 3. Public hearing to consider an ordinance ...": labelled, a title whatever its case.
            bool sentence_case_title = next_in_sequence &&
                                       ((own_block && words.size() <= 14 && !ends_sentence(rest)) ||
                                        (line.block_start && sentence_title_end(words) != 0) ||
                                        (number->labelled && line.block_start));
            if (!sentence_case_title) {
                auto n = count_capitalised(words, 4);
                if (n.capital * 2 < n.checked) continue;
            }
        }
        ItemSpan span;
        span.heading = i;
        span.item.number = number->printed;
        span.item.page = line.page;
        if (!number->sub && number->after_slash < 0) {
            span.value = number->value;
            if (number->scheme == Scheme::arabic) span.style = NumberStyle::arabic;
            else if (number->scheme == Scheme::roman) span.style = NumberStyle::roman;
            else span.style = std::isupper(static_cast<unsigned char>(number->printed[0])) ? NumberStyle::upper_letter
                                                                                           : NumberStyle::lower_letter;
        }
        std::string title, body;
        split_title_body(rest, title, body);
        std::size_t end = title_line;
        std::string label_rest;
        auto beside_attendance = [&] { return !numbered.empty() && (attendance_label(rest, label_rest) || reads_as_names(rest)); };
        if (title_line == i + 1 && body.empty() && (reads_as_prose(lines, title_line) || beside_attendance())) {
            // A number alone beside prose ("X." / "The 2016 American Indian Achievement Awards Gala will be
            // held ...") or beside the attendance of the item before ("IV." / "Staff Present:"): a PDF
            // printed the number in the margin beside text that goes on from the item before, and the
            // title comes after that text ("General Manager's Report", "Retiree Awards"). The item starts
            // at that title; with none before the next number, it has no title rather than a sentence.
            if (std::size_t at = later_title_line(lines, title_line + 1, number->scheme); at != 0) {
                span.heading = at;
                title = lines[at].text;
                body.clear();
                end = at;
            } else {
                title.clear();
                body = rest;
            }
        }
        if (body.empty()) {
            // Titles broken over lines: "271 Progress" / "Update on" / "Optimising the" / ...
            bool caps = all_caps(title);
            std::size_t last_words = words_of(title).size();
            for (std::size_t j = end + 1; j < lines.size(); ++j) {
                const Line& next = lines[j];
                if (is_item_reference(next.text)) {
                    end = j;
                    continue;
                }
                if (next.bullet || next.kind == BlockKind::heading || parse_number(next.text, false)) break;
                std::string rest_dummy;
                if (attendance_label(next.text, rest_dummy)) break;
                auto next_words = words_of(next.text);
                bool same_block = next.block == lines[j - 1].block;
                bool cont = false;
                if (ends_with_joiner(title) && next_words.size() <= 12) cont = true;
                else if (ends_sentence(title)) cont = false;
                // Not a label in capitals opening the body ("... MINUTES OF JANUARY 4, 2011" / "MOTION:").
                else if (caps) cont = all_caps(next.text) && next_words.size() <= 8 && same_block && next.text.back() != ':';
                else if (same_block && next_words.size() <= 4 && starts_upper(next.text) && !ends_sentence(next.text) &&
                         lines[j - 1].text.size() < 40 && last_words <= 3 && !all_caps(next.text) &&
                         !(next_words.size() >= 2 && word_key(next_words[1]) == "by"))
                    // Not a sub-heading in capitals ("Chair's Report" / "ATTENDED EVENTS AND AWARDS") or a
                    // byline ("Pledge of Allegiance" / "Lead by Chair Rivera-Malpiede").
                    cont = true;
                else if (!same_block && next_words.size() <= 2 && starts_upper(next.text) && !ends_sentence(next.text) &&
                         !all_caps(next.text) && last_words >= 4 && (j + 1 >= lines.size() || lines[j + 1].block != next.block))
                    // Not a heading in capitals after a title in mixed case ("5.4 A134 Crossroads Update" / "OPEN FORUM").
                    cont = true;
                if (!cont) break;
                title += ' ';
                title += next.text;
                last_words = next_words.size();
                end = j;
            }
        }
        span.item.title = strip_title(title);
        span.body_lead = body;
        span.body_begin = end + 1;
        if (number->scheme == Scheme::arabic && !sub_item) {
            // A first number with nothing after it ("3738 Walnut Avenue") waits for its successor.
            bool follows = prev_arabic != 0 && number->value > prev_arabic && number->value <= prev_arabic + 15;
            if (follows) arabic_unconfirmed = kNone;
            else if (!number->terminated && arabic_unconfirmed == kNone) arabic_unconfirmed = numbered.size();
            prev_arabic = number->value;
        }
        if (number->scheme == Scheme::roman) prev_roman = number->value;
        // A lone number not yet followed by its successor (a street address) does not restart letters.
        if (arabic_unconfirmed != numbered.size()) prev_letter = number->scheme == Scheme::letter ? number->value : 0;
        numbered.push_back(std::move(span));
        i = end;
    }
    if (arabic_unconfirmed < numbered.size()) {
        numbered.erase(numbered.begin() + static_cast<std::ptrdiff_t>(arabic_unconfirmed));
    }
    for (std::size_t k = 0; k < numbered.size(); ++k)
        numbered[k].body_end = k + 1 < numbered.size() ? numbered[k + 1].heading : lines.size();
    auto referenced = find_referenced_items(lines, numbered);
    if (!referenced.empty()) return referenced;
    // Numbering from 1 that keeps starting again is a list inside sections (Stoke Ferry), unlike
    // minute numbers with numbered paragraphs under them (Kent: 76, 77, ... each with 1., 2.).
    // Numbered headings of the markup (Manordeilo's "<h4>1. CROESO ...") are items whatever lists
    // of payments restart at 1 inside them.
    std::size_t marked_headings = 0;
    for (const auto& span : numbered) {
        // Headings that are numbers ("1. CROESO", "A." over its title), not page marks ("06/02").
        auto n = parse_number(lines[span.heading].text, true);
        bool mark = n && n->rest.empty() && n->printed.find('/') != std::string::npos;
        marked_headings += lines[span.heading].kind == BlockKind::heading && n && !mark ? 1 : 0;
    }
    bool headed = marked_headings >= 3 && marked_headings * 2 >= numbered.size();
    bool lists = restarts >= resumed + 2 && !headed && !numbered.empty() && numbered.front().item.number == "1";
    auto sections = find_sections(lines);
    // One number in a whole document is a list in passing, not the agenda, when headings are there.
    // (The agenda starts in the first half of a document; a lone number further on is in passing.)
    if (!numbered.empty() && numbered.size() <= 2 && sections.size() >= 3 && numbered.front().heading * 2 > lines.size())
        return sections;
    if (!numbered.empty() && !lists) return numbered;
    if (lists && sections.size() >= 3) return sections;
    if (!numbered.empty()) return numbered;
    return sections;
}

// The first value of a run of minute numbers the scan from the top cannot reach: three or more
// numbered titles counting up from 16 or more ("283.", "284.", "285."), with a numbering that
// restarts at 1 after one of them (the minute's own paragraphs "1)", "2)", ...). Kent's County
// Council minutes print both; when paragraphs numbered 1 and 2 open the document (the election of
// the chair, before any minute), the small numbers would otherwise hold the sequence and the minute
// numbers look like counts. 0 when there is no such run.
int minute_run_start(const std::vector<Line>& lines) {
    struct Candidate {
        std::size_t line;
        int value;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (!line.block_start || line.bullet || line.text.empty() ||
            !std::isdigit(static_cast<unsigned char>(line.text[0])))
            continue;
        auto number = parse_number(line.text, false);
        if (!number || number->sub || number->scheme != Scheme::arabic || !number->terminated || number->rest.empty())
            continue;
        auto words = words_of(number->rest);
        if (words.empty() || number->value < 16 || (!starts_upper(words[0]) && !is_reference_lead(words))) continue;
        // A title stands as a block of its own, not the first line of a wrapped paragraph.
        bool own_block = i + 1 >= lines.size() || lines[i + 1].block_start || is_item_reference(lines[i + 1].text);
        if (!own_block && line.kind != BlockKind::heading) continue;
        candidates.push_back({i, number->value});
    }
    // Chains of values counting up by one or two, in the order of the text: each candidate extends the
    // longest chain ending earlier at its value less one or two (of equal ones, the latest). Kept per
    // value, so that a text of many numbered lines costs linear time, not quadratic.
    std::vector<std::size_t> chain_length(candidates.size(), 1), chain_first(candidates.size());
    std::unordered_map<int, std::size_t> longest_at;  // value -> candidate ending the longest chain there
    std::size_t best = candidates.size();
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        chain_first[k] = k;
        std::size_t from = candidates.size();
        for (int step : {1, 2}) {
            auto found = longest_at.find(candidates[k].value - step);
            if (found == longest_at.end()) continue;
            std::size_t j = found->second;
            if (from == candidates.size() || chain_length[j] > chain_length[from] ||
                (chain_length[j] == chain_length[from] && j > from))
                from = j;
        }
        if (from != candidates.size()) {
            chain_length[k] = chain_length[from] + 1;
            chain_first[k] = chain_first[from];
        }
        auto [at, fresh] = longest_at.try_emplace(candidates[k].value, k);
        if (!fresh && chain_length[k] >= chain_length[at->second]) at->second = k;
        // The minute numbers are the larger ones: of two runs, the one starting higher.
        if (chain_length[k] >= 3 && (best == candidates.size() ||
                                     candidates[chain_first[k]].value > candidates[chain_first[best]].value ||
                                     (chain_first[k] == chain_first[best] && chain_length[k] > chain_length[best])))
            best = k;
    }
    if (best == candidates.size() || chain_length[best] < 3) return 0;
    const Candidate& first = candidates[chain_first[best]];
    // A restart at 1 after the run's start: paragraphs numbered under the minutes.
    bool restarted = false;
    for (std::size_t i = first.line + 1; i < lines.size() && !restarted; ++i) {
        restarted = lines[i].block_start && (starts_with_ci(lines[i].text, "1.") || starts_with_ci(lines[i].text, "1)"));
    }
    return restarted ? first.value : 0;
}

// Where the minutes start after a list of their items at their head ("AGENDA ITEMS" / "I. Roll Call" /
// "II. Workshop" / "III. Adjourn", San Juan Water District) that they then print again as their headings
// ("I. ROLL CALL" / "II. RETAIL WATER RATES WORKSHOP" / "III. ADJOURN"): the line where the numbering
// starts again. The list's entries are items in sequence from the first number, most with no body;
// at least two of its first three entries come again later, under the same number, opening with the
// same word. 0 when there is no such list.
std::size_t contents_end(const std::vector<Line>& lines, const std::vector<ItemSpan>& spans) {
    constexpr std::size_t kMinEntries = 3;
    constexpr std::size_t kCompared = 3;  // entries looked for again
    constexpr std::size_t kFound = 2;     // of them found
    if (spans.size() < kMinEntries || spans[0].style == NumberStyle::other || spans[0].value != 1) return 0;
    std::size_t entries = 1;
    while (entries < spans.size() && spans[entries].style == spans[0].style &&
           spans[entries].value == spans[entries - 1].value + 1)
        ++entries;
    std::size_t empty = 0;
    for (std::size_t k = 0; k < entries; ++k) {
        empty += spans[k].body_begin >= spans[k].body_end && spans[k].body_lead.empty() ? 1 : 0;
    }
    if (entries < kMinEntries || empty * 3 < entries * 2) return 0;
    auto first_word = [](std::string_view text) {
        auto words = words_of(text);
        return words.empty() ? std::string() : word_key(words[0]);
    };
    // Each of the first entries printed again after the list: its number opening a line, then its title's first word.
    auto printed_again = [&](const ItemSpan& entry, std::size_t after, bool same_title) -> std::size_t {
        for (std::size_t i = after; i < lines.size(); ++i) {
            auto number = parse_number(lines[i].text, lines[i].kind == BlockKind::heading);
            if (!number || number->sub || number->printed != entry.item.number) continue;
            if (!same_title || first_word(number->rest) == first_word(entry.item.title)) return i;
        }
        return 0;
    };
    std::size_t restart = printed_again(spans[0], spans[entries - 1].heading + 1, false);
    if (restart == 0) return 0;
    std::size_t found = 0;
    for (std::size_t k = 0; k < std::min(entries, kCompared); ++k) found += printed_again(spans[k], restart, true) != 0 ? 1 : 0;
    return found >= kFound ? restart : 0;
}

std::vector<ItemSpan> find_agenda_items(const std::vector<Line>& lines, std::size_t& contents_begin) {
    auto numbered = scan_agenda_items(lines, 0);
    std::size_t from = contents_end(lines, numbered);
    if (from != 0) {
        contents_begin = numbered.front().heading;
        numbered = scan_agenda_items(lines, 0, from);
    }
    int run = minute_run_start(lines);
    if (run == 0) return numbered;
    std::size_t reached = 0;
    for (const auto& span : numbered) {
        auto number = parse_number(span.item.number, false);
        reached += number && number->value >= run ? 1 : 0;
    }
    // The scan from the top took the minute numbers: nothing to mend.
    if (reached * 2 >= numbered.size()) return numbered;
    auto minutes = scan_agenda_items(lines, run, from);
    if (minutes.empty()) return numbered;
    // Numbered paragraphs before the first minute belong to the section titled just above them
    // ("Election of Chair" / "1. Mr Gough proposed ..." / "2. RESOLVED that ..."), kept as an
    // unnumbered item rather than lost in the preamble.
    std::size_t first_paragraph = minutes.front().heading;
    for (const auto& span : numbered) {
        if (span.heading < first_paragraph && !span.item.number.empty()) first_paragraph = span.heading;
    }
    if (first_paragraph < minutes.front().heading && first_paragraph > 0) {
        const Line& above = lines[first_paragraph - 1];
        auto words = words_of(above.text);
        bool title = above.block_start && !words.empty() && words.size() <= 10 && starts_upper(above.text) &&
                     !ends_sentence(above.text) && !all_caps(above.text);
        if (title) {
            ItemSpan section;
            section.heading = first_paragraph - 1;
            section.item.title = strip_title(above.text);
            section.item.page = above.page;
            section.body_begin = first_paragraph;
            section.body_end = minutes.front().heading;
            minutes.insert(minutes.begin(), std::move(section));
        }
    }
    return minutes;
}

}  // namespace

std::vector<ItemSpan> find_sections(const std::vector<Line>& lines) {
    // Headings, and ALL-CAPS lines standing alone, are the sections.
    std::vector<ItemSpan> sections;
    // Titles ending in a colon are a layout only when the minutes keep to it (three or more).
    std::vector<bool> colon_title(lines.size(), false);
    std::size_t colon_titles = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        colon_title[i] = is_colon_title(lines, i);
        colon_titles += colon_title[i] ? 1 : 0;
    }
    if (colon_titles < 3) colon_title.assign(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        bool heading = line.kind == BlockKind::heading;
        auto words = words_of(line.text);
        std::size_t letters = 0;
        for (char c : line.text) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
        bool caps_line = !heading && !line.bullet && all_caps(line.text) && words.size() <= 10 && words.size() >= 1 &&
                         letters >= 4 && !std::isdigit(static_cast<unsigned char>(line.text[0])) &&
                         (line.block_start || i == 0 || ends_sentence(lines[i - 1].text) || all_caps(lines[i - 1].text)) &&
                         (i + 1 >= lines.size() || !all_caps(lines[i + 1].text) || lines[i + 1].block != line.block);
        if (!heading && !caps_line && !colon_title[i]) continue;
        if (is_passage_formula(line.text)) continue;
        std::string rest_dummy;
        if (attendance_label(line.text, rest_dummy)) continue;
        if (word_key(line.text) == "minutes") continue;
        ItemSpan span;
        span.heading = i;
        span.item.page = line.page;
        std::string title, body;
        split_title_body(line.text, title, body);
        span.item.title = strip_title(title);
        span.body_lead = body;
        span.body_begin = i + 1;
        sections.push_back(std::move(span));
    }
    for (std::size_t k = 0; k < sections.size(); ++k)
        sections[k].body_end = k + 1 < sections.size() ? sections[k + 1].heading : lines.size();
    return sections;
}

namespace {

constexpr std::size_t kTrigramBuckets = std::size_t{1} << 14;

std::size_t trigram_bucket(const char* p) {
    auto b = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c)); };
    return (b(p[0]) * 961 + b(p[1]) * 31 + b(p[2])) & (kTrigramBuckets - 1);
}

// A count printed within three words of the phrase at one of its occurrences: "5 in favour", "in
// favour: 5", "(4 against, 1 abstention)", "six were in favour", "all in favour"; not "two residents
// spoke in favor" at 7:20 p.m. nor "protect against all forms of abuse".
bool counted(const std::string& lower, std::string_view phrase) {
    auto figure = [](std::string_view w) {
        while (!w.empty() && (w.front() == '(' || w.front() == '[' || w.front() == ':')) w.remove_prefix(1);
        return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front())) != 0;
    };
    auto count_word = [](std::string_view w) {
        static constexpr std::array<std::string_view, 14> kCounts{
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "all", "unanimously"};
        return std::find(kCounts.begin(), kCounts.end(), word_key(w)) != kCounts.end();
    };
    for (std::size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + 1)) {
        auto before = words_of(std::string_view(lower).substr(at > 30 ? at - 30 : 0, std::min<std::size_t>(at, 30)));
        auto after = words_of(std::string_view(lower).substr(at + phrase.size(), 30));
        for (std::size_t k = 0; k < 3 && k < before.size(); ++k)
            if (figure(before[before.size() - 1 - k])) return true;
        // A count in words stands just before, or before "were" / "voted": "six were in favour".
        if (!before.empty() && count_word(before.back())) return true;
        if (before.size() >= 2 && count_word(before[before.size() - 2])) {
            std::string verb = word_key(before.back());
            if (verb == "were" || verb == "was" || verb == "voted") return true;
        }
        for (std::size_t k = 0; k < 3 && k < after.size(); ++k)
            if (figure(after[k])) return true;
    }
    return false;
}

// The text's last sentence is a motion's outcome other than "Carried" (which the sentence starts
// catch): "LOST", "Motion lost", "The motion was lost", "Lapsed".
bool closed_by_outcome(const std::string& lower) {
    std::string_view t = lower;
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
    for (std::string_view outcome : {"motion lost", "motion was lost", "amendment lost", "amendment was lost", "lost",
                                     "lapsed", "motion lapsed", "motion fell", "the motion fell"}) {
        if (t.size() < outcome.size() || t.substr(t.size() - outcome.size()) != outcome) continue;
        std::string_view before = t.substr(0, t.size() - outcome.size());
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        if (before.empty() || before.back() == '.' || before.back() == ';' || before.back() == ':') return true;
    }
    return false;
}

}  // namespace

PassageKind classify_passage(std::string_view text, bool bullet, std::string_view item_title) {
    std::string lower = lower_ascii(text.substr(0, 2000));
    std::string title = lower_ascii(item_title);
    // The three-byte sequences the text holds, hashed: a phrase whose first three bytes are not
    // among them is not in the text, which spares most of the searches below (each phrase is
    // looked for in up to 2000 bytes, for every passage of a 60 MB journal).
    std::bitset<kTrigramBuckets> trigrams;
    for (std::size_t k = 0; k + 3 <= lower.size(); ++k) trigrams.set(trigram_bucket(lower.data() + k));
    auto may_have = [&](std::string_view needle) { return needle.size() < 3 || trigrams.test(trigram_bucket(needle.data())); };
    auto has = [&](std::string_view needle) { return may_have(needle) && lower.find(needle) != std::string::npos; };
    // Sentence starts: the text's start and every ". " boundary.
    auto starts_sentence_with = [&](std::string_view needle) {
        if (!may_have(needle)) return false;
        if (lower.compare(0, needle.size(), needle) == 0) return true;
        std::size_t at = 0;
        while ((at = lower.find(needle, at + 1)) != std::string::npos) {
            std::size_t k = at;
            while (k > 0 && lower[k - 1] == ' ') --k;
            if (k > 0 && (lower[k - 1] == '.' || lower[k - 1] == ':' || lower[k - 1] == ';' || lower[k - 1] == '"')) return true;
        }
        return false;
    };
    bool nothing = lower == "none" || lower == "none." || lower == "dim" || lower == "dim." || lower == "nil" || lower == "nil." || starts_with_ci(lower, "no declaration") ||
                   starts_with_ci(lower, "there were no") || starts_with_ci(lower, "none declared") || starts_with_ci(lower, "none received");
    if (!nothing && ((title.find("declaration") != std::string::npos && title.find("interest") != std::string::npos) ||
                     title.find("datgan") != std::string::npos || has("declared an interest") || has("declared a ") ||
                     has("declares an interest") || has("declared his interest") || has("declared her interest") ||
                     has("declared a conflict") || has("conflict of interest")))
        if (!starts_with_ci(lower, "no ") && (has("interest") || title.find("declaration") != std::string::npos ||
                                              title.find("datgan") != std::string::npos))
            return PassageKind::declaration;
    // Votes: counts for and against, or a roll of yes and no ("In Favour: Crs Smith and Brown").
    // (`has` first: its trigram test spares most passages the searches.)
    auto has_counted = [&](std::string_view phrase) { return has(phrase) && counted(lower, phrase); };
    if (has_counted(" in favor") || has_counted(" in favour") || has_counted(" against") || has_counted("abstention") || starts_sentence_with("abstentions:") || starts_sentence_with("in favour:") || starts_sentence_with("in favor:") ||
        starts_sentence_with("for the motion:") || starts_sentence_with("against the motion:") || has("yeas:") ||
        has("nays:") || has("ayes:") || has("noes:") || has("aye:") || has("yes:") || starts_sentence_with("roll call vote") ||
        starts_sentence_with("vote on the motion") || starts_sentence_with("vote:") || has("recorded vote") ||
        has("voted in favo") || has("voted against") || starts_sentence_with("a vote was taken") ||
        (has("vote") && (has(" in favour") || has(" in favor"))))
        return PassageKind::vote;
    static constexpr std::array<std::string_view, 25> kStarts{
        "resolved", "and resolved", "it was resolved", "it was agreed", "it was decided", "it was proposed",
        "it was moved", "agreed", "members agreed", "the committee agreed", "the panel agreed", "the council agreed",
        "the board agreed", "unanimously agreed", "motion carried", "carried", "defeated", "motion:", "action: moved",
        "moved by", "proposed by", "a motion was made", "cytunwyd", "penderfynwyd", "cynigiwyd gan"};
    for (auto s : kStarts) {
        if (starts_sentence_with(s)) return PassageKind::resolution;
    }
    static constexpr std::array<std::string_view, 20> kAnywhere{
        "resolved:", "resolved that", "were agreed as", "was agreed as", "agreed as a correct record",
        "agreed as a true record", "were approved", "was approved", "unanimously agreed", "unanimously approved",
        "motion carried", "motion passed", "carried unanimously", "declared the motion", "seconded the motion",
        "seconded by", "and agreed that", "were moved as correct", "was carried", "it was agreed that"};
    for (auto s : kAnywhere) {
        if (has(s)) return PassageKind::resolution;
    }
    if (text.find("RESOLVED") != std::string_view::npos) return PassageKind::resolution;
    // Scottish councils print the decision's verb in capitals: "The Committee NOTED the position ...",
    // "Thereafter, the Committee AGREED ...".
    if ((text.find(" NOTED") != std::string_view::npos || text.find(" AGREED") != std::string_view::npos) && !all_caps(text))
        return PassageKind::resolution;
    // A motion closed by its outcome: "That the financial report ... be received and noted. LOST".
    if (closed_by_outcome(lower)) return PassageKind::resolution;
    return bullet ? PassageKind::bullet : PassageKind::paragraph;
}

namespace {

// A motion whose list of points has begun ("That we receive Staff Reports: a) ...") and whose result
// ("Carried.") is still to come.
bool open_motion_list(std::string_view text) {
    if (find_word_ci(text, "that") == std::string_view::npos || find_word_ci(text, "carried") != std::string_view::npos ||
        find_word_ci(text, "defeated") != std::string_view::npos)
        return false;
    for (std::size_t colon = text.find(": "); colon != std::string_view::npos; colon = text.find(": ", colon + 2)) {
        auto after = words_of(text.substr(colon + 2, 8));
        if (!after.empty() && !sub_item_numeral(after[0]).empty()) return true;
    }
    return false;
}

// The text opens a vote's roll: its first list ("AYES:", "Yeas:", "In Favour:", "For:") or, with
// `first` false, a later one ("NOES:", "Nays:", "Against:", "Absent:", "Abstain:", "Recused:").
bool starts_roll(std::string_view text, bool first) {
    static constexpr std::array<std::string_view, 6> kFirst{"ayes", "yeas", "yes", "in favour", "in favor", "for"};
    static constexpr std::array<std::string_view, 10> kLater{"noes",   "nays",        "no",      "against", "absent",
                                                             "abstain", "abstained", "abstentions", "abstention", "recused"};
    std::string head = lower_ascii(text.substr(0, 20));
    std::size_t colon = head.find(':');
    if (colon == std::string::npos) return false;
    std::string label(trim(std::string_view(head).substr(0, colon)));
    auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), label) != list.end(); };
    return first ? in(kFirst) : in(kLater);
}

// A line of a motion's header printed over its text (Australian and New Zealand minutes): its number
// ("RESOLUTION 2024/33", "Resolution number FAC/2024/1") or its mover or seconder ("Moved: Cr Brown",
// "Seconded: Mayor H Wilson").
bool motion_header_line(std::string_view text) {
    auto words = words_of(text);
    if (words.empty() || words.size() > 8) return false;
    std::string first = word_key(words[0]);
    if ((first == "resolution" || first == "motion") && words.size() <= 4 &&
        words.back().find_first_of("0123456789") != std::string_view::npos)
        return true;
    bool labelled = words[0].back() == ':' || (words.size() > 1 && (words[1] == ":" || words[1] == "-" || word_key(words[1]) == "by"));
    return labelled && (first == "moved" || first == "mover" || first == "seconded" || first == "seconder" ||
                        first == "proposed" || first == "proposer");
}

}  // namespace

bool opens_vote_roll(std::string_view text) { return starts_roll(text, true); }

void build_passages(const std::vector<Line>& lines, ItemSpan& span, bool blocks_are_lines) {
    std::vector<Line> body;
    if (!span.body_lead.empty()) {
        Line lead = lines[span.heading];
        lead.text = span.body_lead;
        lead.bullet = false;
        lead.kind = BlockKind::text;
        lead.block_start = true;
        body.push_back(std::move(lead));
    }
    for (std::size_t i = span.body_begin; i < span.body_end && i < lines.size(); ++i) {
        Line line = lines[i];
        // A sub-heading inside a numbered item is a paragraph of its body.
        if (line.kind == BlockKind::heading) line.kind = BlockKind::text;
        body.push_back(std::move(line));
    }
    auto paragraphs = unwrap(body, 0, body.size(), blocks_are_lines);
    std::vector<Passage> passages;
    std::vector<bool> bullets;
    bool in_motion = false;   // inside "Proposed by ... Seconded by ... And Resolved:"
    bool header_open = false; // the last passage is a motion's header alone: its text follows
    bool open_colon = false;  // the last passage was a motion header ending in ':'
    for (auto& para : paragraphs) {
        std::string lower = lower_ascii(para.text.substr(0, 40));
        bool motion_line = starts_with_ci(lower, "proposed by") || starts_with_ci(lower, "seconded by") ||
                           starts_with_ci(lower, "and resolved") || starts_with_ci(lower, "moved by") ||
                           starts_with_ci(lower, "resolved:");
        auto para_words = words_of(para.text);
        bool closing = para_words.size() <= 4 &&
                       (starts_with_ci(lower, "carried") || starts_with_ci(lower, "motion carried") ||
                        starts_with_ci(lower, "defeated") || starts_with_ci(lower, "motion defeated") ||
                        starts_with_ci(lower, "motion lost") || starts_with_ci(lower, "lost"));
        // "Director Tisdale seconded the motion." goes with the motion it seconds.
        // Clauses of one motion: "WHEREAS ...;" / "NOW THEREFORE BE IT RESOLVED ..." / "AND THAT ...".
        bool clause = starts_with_ci(lower, "now therefore") || starts_with_ci(lower, "and that ") ||
                      starts_with_ci(lower, "be it resolved") || starts_with_ci(lower, "and further");
        bool seconding = para_words.size() <= 14 && contains_ci(para.text, "seconded") && !passages.empty() &&
                         (contains_ci(passages.back().text, "motion") || contains_ci(passages.back().text, "moved") ||
                          contains_ci(passages.back().text, "proposed"));
        // "And Resolved:" finishes the motion its mover and seconder opened, wherever they were printed.
        bool resolved_tail = (starts_with_ci(lower, "and resolved") || starts_with_ci(lower, "and agreed")) && !passages.empty() &&
                             (contains_ci(passages.back().text, "proposed") || contains_ci(passages.back().text, "seconded"));
        // "That we receive Staff Reports: a) Service Delivery Review" / "b) Website ... Carried.": the
        // motion's own list goes on until its result.
        bool motion_list = !passages.empty() && !para_words.empty() && !sub_item_numeral(para_words[0]).empty() &&
                           open_motion_list(passages.back().text);
        // "Against: Nil" under "In Favour: Crs Smith, Nguyen ...", "NOES: None" / "ABSENT: Supervisor
        // Evans" under "AYES: ...": one roll of the vote.
        bool vote_tail = !passages.empty() && starts_roll(passages.back().text, true) && starts_roll(para.text, false);
        bool header = motion_header_line(para.text);
        // The motion's text under its header: "That Council approve ...", "'That the bills be paid ...'",
        // "RESOLVED that ...". A header printed after its motion ("MOVER: ... SECONDER: ...", then the
        // roll call) takes nothing that follows.
        std::string_view unquoted = para.text;
        while (!unquoted.empty() && (unquoted.front() == '\'' || unquoted.front() == '"')) unquoted.remove_prefix(1);
        bool motion_text = starts_with_ci(unquoted, "that ") || starts_with_ci(unquoted, "that,") ||
                           starts_with_ci(unquoted, "resolved");
        if (resolved_tail) in_motion = true;
        if (!passages.empty() &&
            ((in_motion && (motion_line || open_colon)) || resolved_tail || closing || seconding || clause || motion_list ||
             (open_colon && !para.bullet) || (header_open && (header || motion_text)) || vote_tail)) {
            Passage& prev = passages.back();
            prev.text += ' ';
            prev.text += para.text;
            header_open = header_open && header;
            open_colon = ends_sentence(para.text) && para.text.back() == ':';
            if (closing) in_motion = false;
            continue;
        }
        // A bullet or a number standing alone ("•", "X." printed in the margin) says nothing.
        bool bare_mark = std::none_of(para.text.begin(), para.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
        bool bare_number = para_words.size() == 1 && (para.text.back() == '.' || para.text.back() == ')');
        if (bare_number) {
            auto n = parse_number(para.text, true);
            bare_number = n && n->rest.empty();
        }
        if (bare_mark || bare_number) continue;
        Passage passage;
        passage.text = para.text;
        passage.page = para.page;
        in_motion = motion_line;
        header_open = header;
        // "R2024-052 D. Yemm, T. Butler:" - a motion header: the motion's text follows.
        open_colon = para.text.back() == ':' &&
                     (motion_line || para_words.size() <= 4 ||
                      (para.text.size() < 60 && std::isupper(static_cast<unsigned char>(para.text[0])) &&
                       para.text.find_first_of("0123456789") != std::string::npos));
        passages.push_back(std::move(passage));
        bullets.push_back(para.bullet);
    }
    for (std::size_t k = 0; k < passages.size(); ++k) {
        passages[k].kind = classify_passage(passages[k].text, bullets[k], span.item.title);
    }
    span.item.passages = std::move(passages);
}

}  // namespace minutes::recognition
