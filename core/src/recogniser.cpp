// The minutes recogniser: header (council, committee, date, times, venue), attendance, items,
// passages, speakers and acronyms, from the lines of any reader's SourceText.
#include "minutes/recogniser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "minutes/language.h"
#include "minutes/names.h"
#include "recognise_attendance.h"
#include "recognise_dates.h"
#include "recognise_items.h"
#include "recognise_speakers.h"
#include "recognise_text.h"

namespace minutes {
namespace {

using namespace recognition;

// How much of the start of a document is its header (lines), at most.
constexpr std::size_t kMaxHeaderLines = 60;
// How far into the body a meeting date is looked for when the header has none (lines).
constexpr std::size_t kBodyDateLines = 40;
// Lines of a Hansard searched for a running head that dates the sitting.
constexpr std::size_t kSittingDateLines = 5000;
// Text before the first item longer than this is business, not only a header (bytes): it is kept as a
// section of its own (over the shared corpora: a Hansard part's first questions, a Limerick meeting's
// "Recent Storms", agendas followed by minutes).
constexpr std::size_t kLeadSectionBytes = 3000;
// How many items from the start may hold attendance ("1. Present", "267 Apologies").
constexpr std::size_t kAttendanceItems = 3;
// Texts longer than this are unusual for one meeting (bytes): worth a warning.
constexpr std::size_t kLargeTextBytes = std::size_t{8} << 20;

struct HeaderText {
    std::string text;                  // header lines joined by single spaces
    std::vector<std::size_t> offsets;  // where each line starts in `text`
};

HeaderText join_header(const std::vector<Line>& lines, std::size_t end) {
    HeaderText h;
    for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
        if (!h.text.empty()) h.text += ' ';
        h.offsets.push_back(h.text.size());
        h.text += lines[i].text;
    }
    return h;
}

bool has_penalty_context(std::string_view before) {
    // "publication" only as a date's label: a masthead reads "Official Publication of the Council".
    static constexpr std::array<std::string_view, 26> kPenalties{
        "issue", "published", "publication date", "date of publication", "publication:", "circulated", "adopted on",
        "approved on", "previous", "last meeting", "next meeting", "dated", "printed", "signed", "packet",
        "executive order", "posted", "will take place", "will be held", "deadline", "next ", "prepared",
        "received on", "governor", "approved:", "adopted:"};
    // Labels of a document's versions count only as labels of the date ("Revised: 3 March 2023",
    // "updated on"): a title such as "Board Meeting Agenda REVISED / Tuesday, June 13, 2023" still
    // names the meeting.
    static constexpr std::array<std::string_view, 9> kNearPenalties{
        "revised:", "revised on", "draft:", "updated:", "updated on", "effective:", "effective on", "effective date",
        "draft dated"};
    constexpr std::size_t kNear = 16;
    std::string lower = lower_ascii(before);
    for (auto p : kPenalties) {
        if (lower.find(p) != std::string::npos) return true;
    }
    std::string_view near = std::string_view(lower).substr(lower.size() > kNear ? lower.size() - kNear : 0);
    for (auto p : kNearPenalties) {
        if (near.find(p) != std::string_view::npos) return true;
    }
    return false;
}

struct ChosenDate {
    MeetingDate date;
    int weekday = -1;
    bool from_header = false;
    std::size_t begin = 0, end = 0;  // in the header text when from_header
};

// Gives a year to "MONDAY 4 DECEMBER" from the years the document mentions, preferring the one
// whose calendar puts that day on the weekday printed.
void infer_year(DateMention& m, const std::vector<int>& years) {
    if (m.date.year != 0) return;
    for (int y : years) {
        for (int candidate : {y, y + 1, y - 1}) {
            MeetingDate d{candidate, m.date.month, m.date.day};
            if (!d.valid()) continue;
            if (m.weekday_index < 0 || weekday_of(d) == m.weekday_index) {
                m.date = d;
                return;
            }
        }
    }
}

// A parliament's sitting is dated by its masthead or running head, a line that is a date and
// nothing else ("Tuesday 14 March 2023", "19 th April, 2024", "25th August1999") or under the
// sitting's heading ("SITTING DAY 35: MONDAY, 17 FEBRUARY 2025"); the dates in the
// debate are quoted ("the Minutes of the sitting held on Thursday, 11th February"). The first such
// line, wherever the part of a split sitting starts (a running head may come pages in); nullopt
// when there is none (most parts of a split sitting). Else the date in a running head removed from the
// pages ("310 Debate on His Excellency the President's Address 15 th March, 2024").
std::optional<ChosenDate> sitting_date(const std::vector<Line>& lines, const std::vector<std::string>& running_heads) {
    for (std::size_t i = 0; i < lines.size() && i < kSittingDateLines; ++i) {
        const std::string& text = lines[i].text;
        if (text.size() > 60) continue;
        for (const auto& m : find_dates(text)) {
            if (m.date.year == 0 || !m.date.valid()) continue;
            std::string rest = text.substr(0, m.begin) + " " + text.substr(m.end);
            // "SITTING DAY 35: MONDAY, 17 FEBRUARY 2025" heads a Cook Islands sitting.
            std::string_view lead = trim(std::string_view(text).substr(0, m.begin));
            bool headed = starts_with_ci(lead, "sitting") || starts_with_ci(lead, "daily hansard") || starts_with_ci(lead, "hansard");
            if (words_of(rest).size() <= 1 || headed) return ChosenDate{m.date, m.weekday_index, false, 0, 0};
        }
    }
    for (const auto& head : running_heads) {
        for (const auto& m : find_dates(head)) {
            if (m.date.year != 0 && m.date.valid()) return ChosenDate{m.date, m.weekday_index, false, 0, 0};
        }
    }
    return std::nullopt;
}

// Where documents attached after the minutes begin: past an item on the adjournment, the attestation of the
// minutes ("ATTEST:" and the board secretary or clerk who signs, US boards) closes them, and what follows
// (a staff report, another body's resolution) is no part of their last item. lines.size() when there is
// no attestation there.
std::size_t attachments_begin(const std::vector<Line>& lines, const std::vector<ItemSpan>& spans) {
    constexpr std::size_t kSignatureLines = 6;  // from "ATTEST:" to the signer's office
    auto adjourn = std::find_if(spans.begin(), spans.end(), [](const ItemSpan& s) { return contains_ci(s.item.title, "adjourn"); });
    if (adjourn == spans.end()) return lines.size();
    for (std::size_t i = adjourn->heading; i < lines.size(); ++i) {
        if (!starts_with_ci(lines[i].text, "attest")) continue;
        for (std::size_t j = i; j < lines.size() && j <= i + kSignatureLines; ++j) {
            if (contains_ci(lines[j].text, "secretary") || contains_ci(lines[j].text, "clerk")) return j + 1;
        }
        return lines.size();
    }
    return lines.size();
}

// The text of the first heading among lines [0, end); empty when there is none.
std::string first_heading(const std::vector<Line>& lines, std::size_t end) {
    for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
        if (lines[i].kind == BlockKind::heading) return lines[i].text;
    }
    return {};
}

std::optional<ChosenDate> choose_date(const std::vector<Line>& lines, const HeaderText& header, std::size_t header_end,
                                      const std::map<std::string, std::string>& front_matter,
                                      std::vector<std::string>& warnings, bool hansard,
                                      const std::vector<std::string>& running_heads) {
    if (hansard) return sitting_date(lines, running_heads);
    std::vector<int> years;
    auto header_dates = find_dates(header.text);
    for (const auto& m : header_dates)
        if (m.date.year) years.push_back(m.date.year);
    auto fm_title = front_matter.find("title");
    if (fm_title != front_matter.end())
        for (const auto& m : find_dates(fm_title->second))
            if (m.date.year) years.push_back(m.date.year);
    auto fm_date = front_matter.find("date");
    if (fm_date != front_matter.end() && fm_date->second.size() >= 4) {
        int y = std::atoi(fm_date->second.substr(0, 4).c_str());
        if (y > 1900) years.push_back(y);
    }
    std::vector<DateMention> body_dates;
    for (std::size_t i = header_end; i < lines.size() && i < header_end + kBodyDateLines; ++i) {
        for (auto m : find_dates(lines[i].text)) {
            if (m.date.year) years.push_back(m.date.year);
            m.begin = i;  // line index for body mentions
            std::string_view before = std::string_view(lines[i].text).substr(0, m.end);
            if (has_penalty_context(before)) continue;
            body_dates.push_back(m);
        }
    }
    int best_score = 0;
    std::optional<ChosenDate> best;
    for (auto m : header_dates) {
        bool had_year = m.date.year != 0;
        infer_year(m, years);
        if (!m.date.valid()) continue;
        // What labels the date: the text before it on its line, or the line above when the date
        // opens its line ("Date of Issue:" / "3 March 2017"), never a sentence two lines up.
        auto line_at = std::upper_bound(header.offsets.begin(), header.offsets.end(), m.begin);
        std::size_t line_index = static_cast<std::size_t>(line_at - header.offsets.begin()) - 1;
        std::size_t from = header.offsets[line_index];
        if (trim(std::string_view(header.text).substr(from, m.begin - from)).empty() && line_index > 0)
            from = header.offsets[line_index - 1];
        from = std::max(from, m.begin > 70 ? m.begin - 70 : std::size_t{0});
        std::string_view before = std::string_view(header.text).substr(from, m.begin - from);
        // "Draft (until approved at the next meeting) Minutes of the Ordinary Meeting held on ...":
        // a new phrase naming the meeting starts the date's own context.
        for (std::string_view marker : {"minutes of", "meeting of", "meeting held"}) {
            std::size_t at = lower_ascii(before).rfind(marker);
            if (at != std::string::npos && at > 0) before = before.substr(at);
        }
        int score = 100 - static_cast<int>(std::min<std::size_t>(60, m.begin / 30));
        if (m.weekday) score += 25;
        if (has_penalty_context(before)) score -= 150;
        // "Minutes of the meeting held 12th November: DH proposed ... approved": a meeting being approved.
        std::string after = lower_ascii(std::string_view(header.text).substr(m.end, 80));
        for (std::string_view word : {"approved", "proposed", "seconded", "adopted", "agreed", "confirmed", "signed"}) {
            if (find_word_ci(after, word) != std::string::npos) score -= 150;  // not "UNAPPROVED"
        }
        if (!m.weekday && !had_year) score -= 40;
        std::string lower = lower_ascii(before);
        if (lower.find("held") != std::string::npos || lower.find("meeting") != std::string::npos ||
            lower.find("minutes") != std::string::npos)
            score += 10;
        if (score > best_score) {
            best_score = score;
            best = ChosenDate{m.date, m.weekday_index, true, m.begin, m.end};
        }
    }
    if (best) return best;
    // The front matter's title ("Minutes for meeting held Tuesday 5th March 2024") before the body.
    if (fm_title != front_matter.end()) {
        for (auto m : find_dates(fm_title->second)) {
            infer_year(m, years);
            if (m.date.valid()) return ChosenDate{m.date, m.weekday_index, false, 0, 0};
        }
    }
    for (auto m : body_dates) {
        bool had_year = m.date.year != 0;
        infer_year(m, years);
        if (!m.date.valid()) continue;
        std::string lower = lower_ascii(lines[m.begin].text);
        int score = 40 - static_cast<int>(std::min<std::size_t>(30, (m.begin - header_end) / 10));
        if (m.weekday) score += 25;
        bool tied = lower.find("held on") != std::string::npos || lower.find("meeting of") != std::string::npos ||
                    lower.find("met on") != std::string::npos || lower.find("minutes") != std::string::npos;
        if (tied) score += 20;
        // "That date is Monday, July 25": a weekday and a day with no year, in passing, dates no meeting.
        if (!had_year && !tied) continue;
        // In the body only a date the text ties to this meeting counts, never one merely quoted.
        if (!m.weekday || score < 60) continue;
        if (score > best_score) {
            best_score = score;
            best = ChosenDate{m.date, m.weekday_index, false, 0, 0};
        }
    }
    if (best) return best;
    if (fm_date != front_matter.end()) {
        if (auto d = MeetingDate::from_iso(fm_date->second.substr(0, 10))) {
            warnings.push_back("meeting date taken from the front matter's date field, which may be the date of posting");
            return ChosenDate{*d, -1, false, 0, 0};
        }
    }
    return std::nullopt;
}

// Words that name a body that meets, with how specific each is.
int body_rank(std::string_view key) {
    // "SPC": an Irish council's Strategic Policy Committee ("Home and Social Development SPC").
    if (key == "committee" || key == "subcommittee" || key == "sub-committee" || key == "panel" || key == "cabinet" ||
        key == "commission" || key == "forum" || key == "group" || key == "spc")
        return 3;
    if (key == "board" || key == "trustees" || key == "directors" || key == "assembly") return 2;
    if (key == "council" || key == "parliament" || key == "association" || key == "authority" || key == "cyngor" ||
        key == "district")
        return 1;
    return 0;
}

bool is_generic_council_word(std::string_view key) {
    static constexpr std::array<std::string_view, 33> kGeneric{
        "county", "city", "community", "parish", "town", "district", "borough", "municipal", "full", "the",
        "regular", "special", "monthly", "student", "children", "youth", "and", "&", "metropolitan", "village",
        "local", "this", "next", "to", "previous", "last", "our", "a", "an", "that", "from", "by", "with"};
    for (auto g : kGeneric) {
        if (key == g) return true;
    }
    return false;
}

std::string tidy_name(std::string_view name) {
    std::string_view t = trim(name);
    while (!t.empty() && std::strchr(",.;:-'\" ", t.back()) != nullptr) t.remove_suffix(1);
    while (!t.empty() && std::strchr(",.;:-'\" ", t.front()) != nullptr) t.remove_prefix(1);
    if (starts_with_ci(t, "the ")) t.remove_prefix(4);
    std::string out = collapse_spaces(t);
    return all_caps(out) ? title_case(out) : out;
}

bool is_meeting_kind(std::string_view key) {
    static constexpr std::array<std::string_view, 9> kKinds{"regular", "special", "ordinary", "annual", "extraordinary",
                                                            "monthly", "general", "adjourned", "joint"};
    for (auto k : kKinds) {
        if (key == k) return true;
    }
    return false;
}

// "Stoke Ferry Parish Annual Council" -> "Stoke Ferry Parish Council": a kind of meeting written
// into the body's name, just before its body word, is not part of the name.
std::string drop_meeting_kinds(const std::string& name) {
    auto words = words_of(name);
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0 && k + 1 < words.size() && is_meeting_kind(word_key(words[k])) &&
            (body_rank(word_key(words[k + 1])) > 0 || is_generic_council_word(word_key(words[k + 1])))) {
            // "Board of Director's Special Board": the body was already named before the kind.
            bool repeated = false;
            for (std::size_t j = 0; j < k; ++j) repeated = repeated || word_key(words[j]) == word_key(words[k + 1]);
            if (repeated) break;
            continue;
        }
        if (!out.empty()) out += ' ';
        out += std::string(words[k]);
    }
    return out;
}

// A council named in the header counts as this many mentions in the body.
constexpr int kHeaderMention = 1000;

// Council names: "Worcestershire County Council", "Limerick City and County Council",
// "Township of Nipissing", "Council of the City of Cleveland", "Los Rios Community College District".
void collect_councils(std::string_view text, bool header, std::map<std::string, int>& scores) {
    auto words = words_of(text);
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string key = word_key(words[k]);
        std::string found;
        if ((key == "council" || key == "cyngor") && starts_upper(words[k])) {
            if (key == "cyngor") {
                // Welsh: "CYNGOR CYMUNED MANORDEILO A SALEM"
                std::size_t end = k + 1;
                while (end < words.size() && end < k + 6 && (starts_upper(words[end]) || word_key(words[end]) == "a")) ++end;
                if (end > k + 2) {
                    std::size_t b = static_cast<std::size_t>(words[k].data() - text.data());
                    std::size_t e = static_cast<std::size_t>(words[end - 1].data() + words[end - 1].size() - text.data());
                    found = std::string(text.substr(b, e - b));
                }
            } else {
                std::size_t start = k;
                bool specific = false;
                while (start > 0 && k - start < 6) {
                    std::string_view w = words[start - 1];
                    std::string wk = word_key(w);
                    if (w.back() == ',' || w.back() == '.' || w.back() == ':' || w.back() == ')') break;
                    if (!(starts_upper(w) || wk == "and" || wk == "&")) break;
                    if (wk == "the" || wk == "minutes" || wk == "meeting" || wk == "of" || wk == "next" || wk == "to" ||
                        wk == "previous" || wk == "last" || wk == "our" || wk == "a" || wk == "an" || wk == "this" ||
                        wk == "that" || wk == "from" || wk == "by" || wk == "with" || wk == "for" || wk == "at" || wk == "in")
                        break;
                    if (!is_generic_council_word(wk) && !wk.empty()) specific = true;
                    --start;
                }
                while (start < k && (word_key(words[start]) == "and" || word_key(words[start]) == "&")) ++start;
                if (specific && start < k) {
                    std::size_t b = static_cast<std::size_t>(words[start].data() - text.data());
                    std::size_t e = static_cast<std::size_t>(words[k].data() + words[k].size() - text.data());
                    found = std::string(text.substr(b, e - b));
                }
            }
        } else if ((key == "township" || key == "city" || key == "town" || key == "village" || key == "county") &&
                   starts_upper(words[k]) && k + 2 < words.size() && word_key(words[k + 1]) == "of" &&
                   starts_upper(words[k + 2]) && header) {
            std::size_t end = k + 3;
            while (end < words.size() && end < k + 5 && starts_upper(words[end]) && body_rank(word_key(words[end])) == 0 &&
                   !is_weekday(word_key(words[end])) && month_of(word_key(words[end])) == 0)
                ++end;
            std::size_t b = static_cast<std::size_t>(words[k].data() - text.data());
            std::size_t e = static_cast<std::size_t>(words[end - 1].data() + words[end - 1].size() - text.data());
            found = std::string(text.substr(b, e - b));
        } else if (key == "district" && header && starts_upper(words[k]) && k >= 1) {
            // US special districts named in the letterhead.
            std::size_t start = k;
            bool specific = false;
            // A lone letter is no part of a name ("l  I  Sacramento Metropolitan Fire District": a logo read as text).
            while (start > 0 && k - start < 5 && starts_upper(words[start - 1]) && words[start - 1].size() > 1 &&
                   words[start - 1].back() != ',' && words[start - 1].back() != ':' && body_rank(word_key(words[start - 1])) == 0) {
                std::string wk = word_key(words[start - 1]);
                if (wk == "of" || wk == "the" || wk == "at" || wk == "meeting" || wk == "minutes" || wk == "in" || wk == "on" ||
                    wk == "for" || wk == "to")
                    break;
                if (!is_generic_council_word(wk)) specific = true;
                --start;
            }
            if (k - start >= 2 && specific) {
                std::size_t b = static_cast<std::size_t>(words[start].data() - text.data());
                std::size_t e = static_cast<std::size_t>(words[k].data() + words[k].size() - text.data());
                found = std::string(text.substr(b, e - b));
            }
        }
        if (found.empty()) continue;
        std::string name = drop_meeting_kinds(tidy_name(found));
        auto name_words = words_of(name);
        if (name_words.size() < 2) continue;
        // "Parish Annual Council" is no name once its meeting kind is dropped.
        bool named = std::any_of(name_words.begin(), name_words.end(), [](std::string_view w) {
            std::string wk = word_key(w);
            return wk != "council" && !is_generic_council_word(wk);
        });
        if (!named) continue;
        scores[name] += header ? kHeaderMention : 1;
    }
}

// How often `word` stands as a word of its own in `text` (at most `most`).
int word_count(const std::string& text, std::string_view word, int most) {
    int count = 0;
    for (std::size_t at = text.find(word); at != std::string::npos && count < most; at = text.find(word, at + word.size())) {
        bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        std::size_t end = at + word.size();
        bool ends = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
        count += starts && ends ? 1 : 0;
    }
    return count;
}

// A US special district that the minutes name in full only in passing and otherwise by its initials, with
// no name in the header ("Fair Oaks Water District" once, "FOWD" a dozen times; a memo's "Regional
// Transportation District" and "RTD"): the district with the most uses of its initials, at least
// kInitialsUses. Empty when there is none.
std::string district_named_by_initials(const std::vector<Line>& lines, std::size_t header_end, const std::string& all_text_sample) {
    constexpr int kInitialsUses = 3;
    std::map<std::string, int> named;
    for (std::size_t i = header_end; i < lines.size() && i < header_end + 3000; ++i) {
        if (contains_ci(lines[i].text, "district")) collect_councils(lines[i].text, true, named);
    }
    std::string best;
    int best_uses = kInitialsUses - 1;
    for (const auto& [name, score] : named) {
        auto words = words_of(name);
        if (word_key(words.back()) != "district") continue;
        std::string initials;
        for (auto w : words) {
            std::string key = word_key(w);
            if (!key.empty() && !is_small_word(key)) initials += static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
        }
        if (initials.size() < 2) continue;
        int uses = word_count(all_text_sample, initials, 50);
        if (uses > best_uses) {
            best_uses = uses;
            best = name;
        }
    }
    return best;
}

std::string choose_council(const std::vector<Line>& lines, std::size_t header_end, const std::string& all_text_sample) {
    std::map<std::string, int> scores;
    for (std::size_t i = 0; i < header_end && i < lines.size(); ++i) {
        bool letterhead = scores.empty();
        collect_councils(lines[i].text, true, scores);
        // The first name in the header is the letterhead's; later ones are mostly guests' bodies in the
        // attendance ("Jason Fell – City of Boulder"), however often they are listed.
        if (letterhead && !scores.empty()) {
            for (auto& [name, score] : scores) score += kHeaderMention * 2;
        }
    }
    for (std::size_t i = header_end; i < lines.size() && i < header_end + 3000; ++i) collect_councils(lines[i].text, false, scores);
    std::string best;
    int best_score = 0;
    for (const auto& [name, score] : scores) {
        // A council whose place the minutes keep naming is the one they belong to.
        auto words = words_of(name);
        std::string place(words.front());
        if (lower_ascii(place) == "council" || lower_ascii(place) == "township" || lower_ascii(place) == "city") place = std::string(words.back());
        int mentions = 0;
        std::size_t at = 0;
        while ((at = all_text_sample.find(place, at)) != std::string::npos && mentions < 50) {
            ++mentions;
            at += place.size();
        }
        // Local-government councils ("... Community Council", "... County Council") over other councils.
        static constexpr std::array<std::string_view, 10> kTypes{"county", "city", "community", "parish", "town",
                                                                 "borough", "district", "municipal", "township", "cyngor"};
        bool typed = false;
        for (auto w : words) {
            for (auto t : kTypes) typed = typed || lower_ascii(word_key(w)) == t;
        }
        // Other councils ("Parent Council", "Scottish Borders Council") only when the header names them.
        if (!typed && score < kHeaderMention) continue;
        int total = score * 3 + mentions + (typed ? 15 : 0);
        if (total > best_score) {
            best_score = total;
            best = name;
        }
    }
    if (best.empty()) best = district_named_by_initials(lines, header_end, all_text_sample);
    return best;
}

// After a comma at `from`, the name goes on as a list of capitalised words into its body word:
// "Operations, Safety, and Security Committee" (Denver RTD).
bool lists_into_body(const std::vector<std::string_view>& words, std::size_t from) {
    for (std::size_t k = from; k < words.size() && k < from + 6; ++k) {
        std::string key = word_key(words[k]);
        if (body_rank(key) >= 3) return true;
        if (!(starts_upper(words[k]) || key == "and" || key == "&")) return false;
        if (words[k].back() == ';' || words[k].back() == ':' || words[k].back() == '.') return false;
    }
    return false;
}

// Cuts a committee phrase where the date, time, place or a verb begins.
std::string cut_committee(std::string_view raw) {
    // "CORPORATE PARENTING PANEL– 29 October 2024": a dash glued to a word still ends the name.
    std::string phrase(raw);
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
        std::size_t at = 0;
        while ((at = phrase.find(dash, at)) != std::string::npos) {
            phrase.replace(at, dash.size(), " - ");
            at += 3;
        }
    }
    auto words = words_of(phrase);
    std::string out;
    for (std::size_t k = 0; k < words.size() && k < 14; ++k) {
        std::string_view w = words[k];
        std::string key = word_key(w);
        // An item number before the name ("I. Planning and Development Committee").
        if (k == 0 && w.size() <= 5 && w.back() == '.' &&
            w.substr(0, w.size() - 1).find_first_not_of("IVXLC0123456789") == std::string_view::npos)
            continue;
        if (w.find('(') != std::string_view::npos || w.find(')') != std::string_view::npos) break;
        // "Committee on School District Organization" names what the body is on; "Cabinet on 5 March",
        // "Panel on Tuesday" say when it met.
        bool on_subject = key == "on" && k > 0 && body_rank(word_key(words[k - 1])) > 0 && k + 1 < words.size() &&
                          starts_upper(words[k + 1]) && !is_weekday(word_key(words[k + 1])) &&
                          month_of(word_key(words[k + 1])) == 0;
        if (is_weekday(key) || month_of(key) > 0 || key == "held" || (key == "on" && !on_subject) || key == "at" || key == "in" ||
            key == "which" || key == "minutes" || key == "meeting" || key == "tuesday" ||
            std::isdigit(static_cast<unsigned char>(w[0])) || is_dash(w))
            break;
        if (starts_lower(w) && !is_small_word(key)) break;
        if (!out.empty()) out += ' ';
        out += std::string(w);
        if (w.back() == ',' && lists_into_body(words, k + 1)) continue;
        if (w.back() == ',' || w.back() == ';' || w.back() == ':' || w.back() == '.') break;
    }
    // Drop meeting-kind words at the start and before the body word: "Regular Board of Directors"
    // -> "Board of Directors", "Stoke Ferry Parish Annual Council" -> "Stoke Ferry Parish Council".
    out = drop_meeting_kinds(out);
    auto cut_words = words_of(out);
    std::size_t b = 0;
    while (b < cut_words.size() && is_meeting_kind(word_key(cut_words[b]))) ++b;
    std::string result;
    for (std::size_t k = b; k < cut_words.size(); ++k) {
        if (!result.empty()) result += ' ';
        result += std::string(cut_words[k]);
    }
    // The name must end on a body word or a proper name, not on "of" or "and".
    auto rw = words_of(result);
    while (!rw.empty() && is_small_word(word_key(rw.back()))) rw.pop_back();
    std::string trimmed;
    for (auto w : rw) trimmed += (trimmed.empty() ? "" : " ") + std::string(w);
    return tidy_name(trimmed);
}

int max_rank(std::string_view phrase) {
    int rank = 0;
    for (auto w : words_of(phrase)) rank = std::max(rank, body_rank(word_key(w)));
    return rank;
}

// A body's name ends on its body word or goes on with what the body is of or for ("Council of the
// City of Cleveland", "Board of Trustees", "County Committee on School District Organization").
// A word of the document or meeting after it is cut off ("Stoke Ferry Parish Council DRAFT",
// "Board of Trustees Retreat", "Metropolitan District Present"); any other word means the phrase
// names no body ("QUESTIONS District Treasury", a PNG question's heading: ""). A parliament is
// named from its body word ("That the Parliament", "MESSAGE TO PARLIAMENT", "PARLIAMENT IS
// SUSPENDED": "Parliament"), with "National" before it or "of ..." after it.
std::string body_name(const std::string& phrase) {
    auto words = words_of(phrase);
    int rank = max_rank(phrase);
    if (rank == 0) return phrase;
    // "to the SPC": a mention in a sentence, not a name.
    if (starts_lower(words.front())) return {};
    std::size_t last = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (body_rank(word_key(words[k])) == rank) last = k;
    }
    auto join = [&](std::size_t from, std::size_t to) {
        std::string out;
        for (std::size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + std::string(words[k]);
        return tidy_name(out);
    };
    std::string next = last + 1 < words.size() ? word_key(words[last + 1]) : std::string();
    if (word_key(words[last]) == "parliament" && rank == 1) {
        std::size_t from = last > 0 && word_key(words[last - 1]) == "national" ? last - 1 : last;
        return join(from, next == "of" ? words.size() : last + 1);
    }
    if (next.empty() || next == "of" || next == "for" || next == "on") return phrase;
    static constexpr std::array<std::string_view, 16> kAfterName{
        "agenda", "minutes", "meeting", "meetings", "draft", "annual", "virtual", "special", "workshop",
        "retreat", "agm", "regular", "present", "proceedings", "unapproved", "approved"};
    bool document_word = std::find(kAfterName.begin(), kAfterName.end(), next) != kAfterName.end();
    if (document_word && last >= 1) return join(0, last + 1);
    return {};
}

// The body a text keeps referring to by a generic name: "the Board", "Board of Directors" (twice or more),
// "Community Council", "Parish Council", "Town Council" (a kind of council, once is enough), when
// mentioned more often than `council` (a council named in passing). Empty when none.
std::string generic_body(const std::string& sample, const std::string& council) {
    auto count = [&](std::string_view needle) {
        int n = 0;
        std::size_t at = 0;
        while ((at = sample.find(needle, at)) != std::string::npos && n < 1000) {
            std::size_t end = at + needle.size();
            // Whole words only: not "Community Councillors", "the Boards".
            if (end >= sample.size() || !std::isalpha(static_cast<unsigned char>(sample[end]))) ++n;
            at = end;
        }
        return n;
    };
    int council_mentions = 0;
    if (!council.empty()) council_mentions = count(council);
    struct Generic {
        std::string_view needle;
        std::string_view name;
        int least;
    };
    static constexpr std::array<Generic, 5> kGeneric{{{"Community Council", "Community Council", 1},
                                                      {"Parish Council", "Parish Council", 1},
                                                      {"Town Council", "Town Council", 1},
                                                      {"Board of Directors", "Board of Directors", 2},
                                                      {"the Board", "Board", 2}}};
    for (const auto& g : kGeneric) {
        int n = count(g.needle);
        // A council of that kind is the body itself ("Stoke Ferry Parish Council").
        if (!council.empty() && council.find(g.name) != std::string::npos) continue;
        if (n >= g.least && n > council_mentions) return std::string(g.name);
    }
    return {};
}

// Bodies named only as a meeting: "Minutes of the Annual West Dereham Parish Meeting" -> "West
// Dereham Parish Meeting", "Minutes of the July meeting of the Village Liaison meeting" -> "Village
// Liaison Meeting". Needs two name words besides kinds of meeting; "Annual General Meeting" is none.
std::string meeting_as_body(std::string_view text) {
    std::string lower = lower_ascii(text);
    for (std::string_view marker : {"meeting of the ", "minutes of the ", "minutes of "}) {
        std::size_t at = 0;
        while ((at = lower.find(marker, at)) != std::string::npos) {
            at += marker.size();
            auto words = words_of(text.substr(at, 120));
            std::vector<std::string_view> name;
            bool closed = false;
            for (std::size_t k = 0; k < words.size() && k < 8; ++k) {
                std::string key = word_key(words[k]);
                if (key == "meeting") {
                    closed = true;
                    break;
                }
                if (!starts_upper(words[k]) || month_of(key) > 0 || is_weekday(key)) break;
                if (name.empty() && is_meeting_kind(key)) continue;
                name.push_back(words[k]);
            }
            std::size_t proper = 0;
            bool body = false;  // "Parish Council Meeting": the council is the body, found elsewhere
            for (auto w : name) {
                proper += is_meeting_kind(word_key(w)) ? 0 : 1;
                body = body || body_rank(word_key(w)) > 0;
            }
            if (!closed || proper < 2 || body) continue;
            std::string out;
            for (auto w : name) out += std::string(w) + " ";
            return tidy_name(out + "Meeting");
        }
    }
    return {};
}

// The parts of a line between dashes standing as words ("A - B – C"); the line itself when it has none.
std::vector<std::string_view> dash_parts(std::string_view text) {
    std::vector<std::string_view> parts;
    const char* from = text.data();
    for (auto word : words_of(text)) {
        if (!is_dash(word)) continue;
        parts.emplace_back(from, static_cast<std::size_t>(word.data() - from));
        from = word.data() + word.size();
    }
    parts.emplace_back(from, static_cast<std::size_t>(text.data() + text.size() - from));
    return parts;
}

std::string choose_committee(const std::vector<Line>& lines, std::size_t header_end, const HeaderText& header) {
    std::string best;
    int best_score = 0;
    // "... meeting of the Cabinet held in ...", "MINUTES OF WRETTON PARISH COUNCIL MEETING".
    std::string lower = lower_ascii(header.text);
    for (std::string_view marker : {"meeting of the ", "meeting of ", "minutes of the ", "minutes of ", "proceedings of the "}) {
        std::size_t at = 0;
        while ((at = lower.find(marker, at)) != std::string::npos) {
            std::string phrase = body_name(cut_committee(std::string_view(header.text).substr(at + marker.size(), 160)));
            int rank = max_rank(phrase);
            int score = rank > 0 ? 60 + rank * 5 - static_cast<int>(at / 200) : 0;
            if (lower.compare(at > 20 ? at - 20 : 0, 20, "previous") == 0) score = 0;
            std::string before = lower.substr(at > 40 ? at - 40 : 0, std::min<std::size_t>(at, 40));
            // "the draft minutes of the ..." quotes another meeting; "THE DRAFT BUDGETARY PLAN 2016
            // MEETING OF THE MUNICIPAL DISTRICT OF ..." is this one.
            bool draft = before.find("draft") != std::string::npos &&
                         (marker.substr(0, 7) == "minutes" || before.find("draft minutes") != std::string::npos);
            if (before.find("previous") != std::string::npos || before.find("last") != std::string::npos || draft ||
                before.find("copy of") != std::string::npos)
                score = 0;
            if (score > best_score) {
                best_score = score;
                best = phrase;
            }
            at += marker.size();
        }
    }
    // Lines that name a body: "Children and Families Overview and Scrutiny Panel Monday, ...".
    for (std::size_t i = 0; i < header_end && i < lines.size(); ++i) {
        std::string text = lines[i].text;
        // "Minutes: Licensing Sub-Committee, 4 March 2024": the label is no part of the name.
        if (starts_with_ci(text, "minutes:")) text = std::string(trim(std::string_view(text).substr(8)));
        auto words = words_of(text);
        if (words.size() > 24) continue;
        // A name broken over two lines: "SACRAMENTO COUNTY COMMITTEE ON" / "SCHOOL DISTRICT ORGANIZATION".
        std::string last = words.empty() ? std::string() : word_key(words.back());
        if ((last == "on" || last == "of" || last == "for") && i + 1 < header_end && i + 1 < lines.size())
            text += " " + lines[i + 1].text;
        // A later part of a title set off by dashes may name a committee, board or panel when it is a name
        // and nothing else: "NOTICE OF PUBLIC HEARING - SACRAMENTO COUNTY COMMITTEE ON SCHOOL DISTRICT
        // ORGANIZATION - ...", not "3 Oak Road - Borough Council granted permission".
        std::string phrase;
        int rank = 0;
        auto parts = dash_parts(text);
        for (std::size_t p = 0; p < parts.size(); ++p) {
            std::string candidate = body_name(cut_committee(parts[p]));
            int candidate_rank = max_rank(candidate);
            if (p > 0 && (candidate_rank < 2 || words_of(candidate).size() != words_of(parts[p]).size())) continue;
            if (candidate_rank > rank) {
                rank = candidate_rank;
                phrase = candidate;
            }
        }
        if (rank == 0) continue;
        auto pw = words_of(phrase);
        // "Official Publication of the Council of the City of Cleveland": the body is what the
        // words before "of the" belong to.
        if (pw.size() >= 4 && body_rank(word_key(pw[0])) == 0) {
            for (std::size_t k = 1; k + 2 < pw.size(); ++k) {
                if (word_key(pw[k]) == "of" && word_key(pw[k + 1]) == "the" && body_rank(word_key(pw[k + 2])) > 0) {
                    std::size_t from = static_cast<std::size_t>(pw[k + 2].data() - phrase.data());
                    phrase = phrase.substr(from);
                    pw = words_of(phrase);
                    break;
                }
            }
        }
        if (pw.size() > 12) continue;
        int score = 20 + rank * 10 - static_cast<int>(i / 3);
        if (lines[i].kind == BlockKind::heading) score += 5;
        // The name under a "MINUTES" title line is the body that met, not the letterhead's.
        for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
            if (word_key(lines[i - back].text) == "minutes") score += 15;
        }
        if (score > best_score) {
            best_score = score;
            best = phrase;
        }
    }
    if (best.empty()) best = meeting_as_body(header.text);
    return best;
}

std::string choose_venue(const HeaderText& header, const std::optional<ChosenDate>& date) {
    std::string_view text = header.text;
    auto cut_venue = [](std::string_view v) {
        std::string out;
        auto words = words_of(v);
        for (std::size_t k = 0; k < words.size() && k < 20; ++k) {
            std::string key = word_key(words[k]);
            if (key == "on" || key == "at" || is_weekday(key) || month_of(key) > 0 ||
                std::isdigit(static_cast<unsigned char>(words[k][0])) || key == "commencing" || key == "starting" ||
                key == "present" || key == "minutes")
                break;
            // The next label of the header begins ("Venue: Council Chamber, Civic Centre" / "Contact: ...").
            if (k > 0 && words[k].size() > 2 && words[k].back() == ':' && starts_upper(words[k])) break;
            if (!out.empty()) out += ' ';
            out += std::string(words[k]);
            if (words[k].back() == '.' && words[k].size() > 3) break;
        }
        std::string_view t = trim(out);
        while (!t.empty() && std::strchr(",.;:-", t.back()) != nullptr) t.remove_suffix(1);
        std::string result(trim(t));
        return all_caps(result) ? title_case(result) : result;
    };
    for (std::string_view marker : {"held in the ", "held at the ", "held in ", "held at ", "venue:", "location:", "place:"}) {
        std::size_t at = find_ci(text, marker);
        if (at == std::string_view::npos) continue;
        std::string_view rest = text.substr(at + marker.size(), 200);
        std::string venue = cut_venue(rest);
        if (marker.find("the ") != std::string_view::npos && !venue.empty()) venue = (starts_upper(venue) ? "" : "the ") + venue;
        if (!venue.empty() && starts_upper(venue) && venue.size() >= 4) return venue;
    }
    // "Monday, 13 March 2017, County Hall, Worcester - 2.00 pm": the place between date and time.
    if (date && date->from_header) {
        std::string_view rest = text.substr(date->end, 120);
        while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
        // "... on the 11th March 2020 at the Reading Room, Cwmifor."
        for (std::string_view lead : {"at the ", "in the ", "at ", "in "}) {
            if (starts_with_ci(rest, lead)) {
                rest.remove_prefix(lead.size());
                break;
            }
        }
        std::string venue = cut_venue(rest);
        auto words = words_of(venue);
        if (!venue.empty() && starts_upper(venue) && words.size() <= 8 && max_rank(venue) == 0) {
            bool place = false;
            for (auto w : words) {
                std::string key = word_key(w);
                place = place || key == "hall" || key == "room" || key == "chamber" || key == "chambers" ||
                        key == "house" || key == "centre" || key == "center" || key == "library" || key == "church" ||
                        key == "school" || key == "office" || key == "offices" || key == "building" || key == "zoom";
            }
            if (place) return venue;
        }
    }
    return {};
}

std::string first_time_after(std::string_view text, std::size_t from) {
    for (const auto& t : find_times(text)) {
        if (t.begin >= from) return t.hhmm;
    }
    return {};
}

void choose_times(Minutes& minutes, const std::vector<Line>& lines, const HeaderText& header,
                  const std::optional<ChosenDate>& date) {
    auto times = find_times(header.text);
    if (date && date->from_header) {
        for (const auto& t : times) {
            if (t.begin + 150 >= date->begin && t.begin <= date->end + 250) {
                minutes.start_time = t.hhmm;
                break;
            }
        }
    }
    if (minutes.start_time.empty()) {
        for (const auto& t : times) {
            std::size_t from = t.begin > 40 ? t.begin - 40 : 0;
            std::string before = lower_ascii(std::string_view(header.text).substr(from, t.begin - from));
            if (before.find("at") != std::string::npos || before.find("commenc") != std::string::npos ||
                before.find("start") != std::string::npos || before.find("time") != std::string::npos) {
                minutes.start_time = t.hhmm;
                break;
            }
        }
    }
    static constexpr std::array<std::string_view, 8> kStarts{
        "called to order", "called the meeting to order", "opened the meeting at", "meeting opened at",
        "commenced at", "began at", "meeting started at", "starting at"};
    static constexpr std::array<std::string_view, 13> kEnds{
        "meeting ended at", "meeting closed at", "meeting concluded at", "closed the meeting at", "adjourned at",
        "adjourned the meeting at", "meeting terminated at", "meeting finished at", "meeting ended", "meeting closed",
        "meeting concluded", "adjourned", "closed at"};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& text = lines[i].text;
        if (text.size() > 2000) continue;
        if (minutes.start_time.empty() && i < 300) {
            for (auto s : kStarts) {
                std::size_t at = find_ci(text, s);
                if (at == std::string::npos) continue;
                // "called to order by Vice President Ortiz at 4:00 p.m.": the time follows closely.
                std::string t = first_time_after(std::string_view(text).substr(0, std::min(text.size(), at + s.size() + 80)), at);
                if (!t.empty()) {
                    minutes.start_time = t;
                    break;
                }
            }
        }
        for (auto e : kEnds) {
            std::size_t at = find_ci(text, e);
            if (at == std::string::npos) continue;
            std::string t = first_time_after(text, at);
            if (t.empty() && i + 1 < lines.size() && lines[i + 1].text.size() < 200) {
                // "The meeting closed" / "at 9.15pm" across a line break.
                std::string joined = text + " " + lines[i + 1].text;
                t = first_time_after(joined, at);
            }
            if (!t.empty()) minutes.end_time = t;
            break;
        }
    }
}

// Splits a paragraph into sentences at ". " after a word of 3+ letters (not after initials or "Mr.").
std::vector<std::string_view> sentences_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '.' || text[i + 1] != ' ') continue;
        std::size_t w = i;
        while (w > start && text[w - 1] != ' ') --w;
        std::string_view word = text.substr(w, i - w);
        std::string key = word_key(word);
        if (word.size() < 3 || is_honorific(word) || key == "cllrs" || key == "messrs" || key == "nos" || key == "cyng")
            continue;
        out.push_back(trim(text.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (start < text.size()) out.push_back(trim(text.substr(start)));
    return out;
}

// The first column of an attendance table: a name of two to five capitalised words.
bool looks_like_person_row(std::string_view text) {
    auto words = words_of(text);
    if (words.size() < 2 || words.size() > 5) return false;
    for (auto w : words) {
        if (!starts_upper(w) && !is_small_word(word_key(w))) return false;
    }
    return true;
}

// A sentence that records a roll call, wherever it stands: "The following directors were present:
// ...", "Directors Dan Rich and Pam Tobin were absent.", "Board members present were ...".
bool is_roll_call_sentence(std::string_view sentence) {
    std::string lower = lower_ascii(sentence.substr(0, std::min<std::size_t>(sentence.size(), 60)));
    for (std::string_view start : {"the following ", "board members present", "members present", "directors present",
                                   "trustees present", "other board members present", "other committee members present",
                                   "committee members present", "also present were"}) {
        if (lower.compare(0, start.size(), start) == 0) return true;
    }
    std::string_view t = trim(sentence);
    while (!t.empty() && t.back() == '.') t.remove_suffix(1);
    std::string tail = lower_ascii(t.substr(t.size() > 12 ? t.size() - 12 : 0));
    return t.size() > 12 && (tail == " were absent" || tail.compare(1, 11, " was absent") == 0);
}

// Where a second label starts inside a label's list: "Present: Supervisors Alvarez, Cho, and Chairperson
// Delgado Absent: Supervisor Evans", the lines of one block run together. npos when none does.
std::size_t next_label_at(std::string_view list) {
    for (std::size_t colon = list.find(':'); colon != std::string_view::npos; colon = list.find(':', colon + 1)) {
        // The label is the one to three words before the colon, the longest that is one ("Absent:",
        // "Others Present:", not "Present:" alone).
        std::size_t start = colon;
        std::size_t found = std::string_view::npos;
        for (int words = 0; words < 3; ++words) {
            std::size_t space = start == 0 ? std::string_view::npos : list.rfind(' ', start - 1);
            if (space == std::string_view::npos) break;
            std::string dummy;
            if (attendance_label(list.substr(space + 1), dummy)) found = space + 1;
            start = space;
        }
        if (found != std::string_view::npos) return found;
    }
    return std::string_view::npos;
}

// A table of attendance (modern.gov's "Attendee | Role | Attendance" under "Attendance"): a header row
// naming a column of people and a column of attendance, then a row per person. Rows are read as
// "Name (Role)" in a section of that attendance.
void read_attendance_table(const std::vector<Line>& lines, std::size_t end, std::vector<Attendee>& attendees,
                           std::vector<std::string>& warnings) {
    for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
        if (lines[i].kind != BlockKind::table_row) continue;
        constexpr std::size_t kNone = static_cast<std::size_t>(-1);
        std::size_t name = kNone, role = kNone, attendance = kNone;
        for (std::size_t c = 0; c < lines[i].cells.size(); ++c) {
            std::string key = lower_ascii(lines[i].cells[c]);
            if (key == "attendee" || key == "name" || key == "member" || key == "councillor") name = c;
            if (key == "role" || key == "position") role = c;
            if (key == "attendance" || key == "attended") attendance = c;
        }
        if (name == kNone || attendance == kNone) continue;
        for (std::size_t j = i + 1; j < lines.size() && lines[j].kind == BlockKind::table_row; ++j) {
            const auto& cells = lines[j].cells;
            if (name >= cells.size() || attendance >= cells.size() || cells[name].empty()) continue;
            std::string how = lower_ascii(cells[attendance]);
            AttendanceSection section;
            if (how.find("apolog") != std::string::npos) section.attendance = Attendance::apologies;
            else if (how.find("absent") != std::string::npos) section.attendance = Attendance::absent;
            else if (how.find("virtual") != std::string::npos || how.find("remote") != std::string::npos)
                section.attendance = Attendance::remote;
            else if (how.find("in attendance") != std::string::npos) {
                section.attendance = Attendance::in_attendance;
                section.role = Role::guest;
            } else if (how.find("present") != std::string::npos) section.attendance = Attendance::present;
            else continue;  // "Expected": the page was made before the meeting
            std::string entry = cells[name];
            if (role != kNone && role < cells.size() && !cells[role].empty()) entry += " (" + cells[role] + ")";
            read_people(entry, section, attendees, warnings, true);
        }
    }
}

// Reads attendance from paragraphs; with `roll_call_only`, only sentences that record a roll call
// (for the items after the first few, where a "Present:" would be a remark, not the list).
// The last entry of a list: the text after its last comma or semicolon, all of it when there is none.
// `cut` is set to where that separator stands (npos when none).
std::string_view last_entry(std::string_view list, std::size_t& cut) {
    cut = list.find_last_of(",;");
    return trim(list.substr(cut == std::string_view::npos ? 0 : cut + 1));
}

void read_attendance(const std::vector<Paragraph>& paragraphs, const std::vector<Line>& lines,
                     std::vector<Attendee>& attendees, std::vector<std::string>& warnings, bool roll_call_only = false) {
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const Paragraph& para = paragraphs[p];
        if (!roll_call_only) read_chair_prose(para.text, attendees);
        auto sentences = sentences_of(para.text);
        bool any = false;
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            if (roll_call_only && !is_roll_call_sentence(sentences[s])) continue;
            std::string rest;
            auto section = attendance_label(sentences[s], rest);
            if (!section) continue;
            any = true;
            for (std::size_t cut = next_label_at(rest); cut != std::string::npos; cut = next_label_at(rest)) {
                std::string next_rest;
                auto next_section = attendance_label(std::string_view(rest).substr(cut), next_rest);
                read_people(trim(std::string_view(rest).substr(0, cut)), *section, attendees, warnings);
                section = next_section;
                rest = std::move(next_rest);
            }
            // An entry broken at the line's end goes on with the list below: a qualifier or a plural title
            // ("... Director Flask, Acting" / "Directors Thompson, ...", "..., Directors" / "Smith, Wasik"),
            // or a name cut at an initial.
            std::string carried;  // the broken entry, read with the first line below
            const bool listed_on_label = !rest.empty();  // names follow the label on its own line
            {
                std::size_t cut = 0;
                std::string_view last_piece = last_entry(rest, cut);
                bool broken = is_office_qualifier(last_piece) || is_plural_title_alone(last_piece);
                if (!broken && p + 1 < paragraphs.size()) {
                    auto piece_words = words_of(last_piece);
                    auto next_words = words_of(paragraphs[p + 1].text);
                    bool titled = piece_words.size() >= 2 && piece_words.size() <= 3 && is_title_word(piece_words[0]) &&
                                  starts_upper(piece_words[1]);
                    // "Mayor Frank" / "G. Jackson; ...", or "Mayor Frank G." / "Jackson, Ken Silliman, ..."
                    // and "Mr. J." / "O'Leary, Mr. S. McGlynn, ...".
                    bool first_name = titled && piece_words.size() == 2 && !is_initial(piece_words[1]) &&
                                      next_words.size() >= 2 && is_initial(next_words[0]) && starts_upper(next_words[1]);
                    bool initial_last = titled && is_initial(piece_words.back()) && !next_words.empty() &&
                                        starts_upper(next_words[0]) && (next_words[0].back() == ',' || next_words[0].back() == ';');
                    broken = first_name || initial_last;
                }
                if (broken) {
                    carried = std::string(last_piece);
                    rest.erase(cut == std::string::npos ? 0 : cut);
                }
            }
            // The section may go on in the sentences after it, unless they carry their own label.
            if (!rest.empty()) read_people(rest, *section, attendees, warnings);
            bool heading = lines[para.first].kind == BlockKind::heading;
            if (s + 1 < sentences.size() || (!rest.empty() && ends_sentence(rest) && !heading)) continue;
            // Names on the following lines: a list under "Present:" or a "## Present" heading.
            // Runs of plain lines are one list broken by the layout: a lone first name at the end of a
            // line goes on with the next line ("Brett" / "Feddersen, Manager"), otherwise lines are entries.
            std::string pending;
            auto flush = [&]() {
                if (!pending.empty()) read_people(pending, *section, attendees, warnings);
                pending.clear();
            };
            std::size_t q = p + 1;
            for (; q < paragraphs.size() && q < p + 60; ++q) {
                const Paragraph& next = paragraphs[q];
                std::string dummy;
                if (attendance_label(next.text, dummy)) break;
                if (lines[next.first].kind == BlockKind::heading) break;
                // "Mr A Macdonald in the Chair" under the list: prose, read as such.
                if (find_ci(next.text, " in the chair") != std::string_view::npos ||
                    find_ci(next.text, " took the chair") != std::string_view::npos)
                    break;
                // "UNRESTRICTED ITEMS": a heading in capitals ends the list.
                if (!next.bullet && all_caps(next.text) && next.text.find(',') == std::string::npos) break;
                // "ITEMS Action": the head of the agenda table that follows an attendance table.
                auto first_words = words_of(next.text);
                if (!first_words.empty() && (all_caps(first_words[0]) || first_words.size() == 1)) {
                    // ... or "Business" alone over the first item.
                    std::string head = word_key(first_words[0]);
                    if (head == "items" || head == "agenda" || head == "business" || head == "minutes") break;
                }
                // A line for each person, each opening with an honorific, the only one on the line ("Ms F
                // Gunn, Executive Chief Officer Infrastructure and Environment" / "Mr G Baird, Head of
                // Roads and Transport"): the lines are the entries, whatever commas and "and" they hold.
                if (next.last > next.first && std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(next.first),
                                                           lines.begin() + static_cast<std::ptrdiff_t>(next.last) + 1,
                                                           [](const Line& l) {
                                                               auto w = words_of(l.text);
                                                               return w.size() >= 2 && is_honorific(w[0]) &&
                                                                      std::count_if(w.begin(), w.end(), is_honorific) == 1;
                                                           })) {
                    flush();
                    for (std::size_t l = next.first; l <= next.last; ++l)
                        read_people(lines[l].text, *section, attendees, warnings, true);
                    continue;
                }
                bool list_entry = (next.bullet && words_of(next.text).size() <= 14) || looks_like_name_list(next.text);
                if (!list_entry) break;
                // A table row of a name and, across the column gap, an office or affiliation
                // ("Misha Sarkovich      Board President", "Roger Canfield      Customer"): the second
                // column is read as the note in brackets after the name.
                std::string row = next.text;
                std::size_t gap = lines[next.first].column_gap;
                if (next.first == next.last && gap > 0 && lines[next.first].text == next.text &&
                    row.find_first_of(",;()") == std::string::npos && looks_like_person_row(row.substr(0, gap)))
                    row = row.substr(0, gap) + " (" + row.substr(gap + 1) + ")";
                if (next.bullet) {
                    flush();
                    read_people(row, *section, attendees, warnings);
                } else if (pending.empty()) {
                    pending = carried.empty() ? row : carried + " " + row;
                    carried.clear();
                } else {
                    std::size_t cut = 0;
                    std::string_view last_piece = last_entry(pending, cut);
                    auto next_words = words_of(next.text);
                    // ... or a first name and a middle initial ("Tracy Y." / "Martin, Chief of Education").
                    auto piece_words = words_of(last_piece);
                    bool initial_last = piece_words.size() == 2 && is_initial(piece_words[1]) && starts_upper(piece_words[0]);
                    bool lone_word = cut != std::string::npos && (piece_words.size() == 1 || initial_last) &&
                                     starts_upper(last_piece) && role_from_text(last_piece) == Role::unknown &&
                                     !(next_words.empty() || is_honorific(next_words[0]));
                    pending += lone_word ? " " : ", ";
                    pending += row;
                }
                auto row_words = words_of(next.text);
                if (!next.bullet && ends_sentence(next.text) && next.text.back() == '.' && listed_on_label &&
                    !(row_words.empty() || is_initial(row_words.back()))) {
                    ++q;
                    break;
                }
            }
            flush();
            p = q - 1;
            break;
        }
        (void)any;
    }
}

// Cuts one passage longer than `limit` bytes into pieces at sentence ends (or, lacking them, at
// spaces), each at most `limit` bytes unless a single word is longer. Keeps kind, speaker, page.
std::vector<Passage> cut_passage(Passage passage, std::size_t limit) {
    std::vector<Passage> pieces;
    std::string_view text = passage.text;
    while (text.size() > limit) {
        std::size_t cut = std::string_view::npos;
        for (std::size_t k = limit; k > limit / 2; --k) {
            if (text[k] == ' ' && (text[k - 1] == '.' || text[k - 1] == ';' || text[k - 1] == ':')) {
                cut = k;
                break;
            }
        }
        if (cut == std::string_view::npos) cut = text.rfind(' ', limit);
        if (cut == std::string_view::npos || cut == 0) cut = std::min(text.size(), limit);
        // Never inside a UTF-8 sequence.
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
        Passage piece = passage;
        piece.text = std::string(trim(text.substr(0, cut)));
        if (!piece.text.empty()) pieces.push_back(std::move(piece));
        text = trim(text.substr(cut));
    }
    if (!text.empty()) {
        passage.text = std::string(text);
        pieces.push_back(std::move(passage));
    }
    return pieces;
}

// Splits items whose passages exceed `limit` bytes into continuation items (same number, title
// plus " (continued)"), at passage boundaries. Returns how many items were split.
std::size_t bound_item_sizes(std::vector<AgendaItem>& items, std::size_t limit) {
    if (limit == 0) return 0;
    std::size_t split = 0;
    std::vector<AgendaItem> out;
    out.reserve(items.size());
    for (auto& item : items) {
        std::size_t total = 0;
        for (const auto& p : item.passages) total += p.text.size();
        if (total <= limit) {
            out.push_back(std::move(item));
            continue;
        }
        ++split;
        std::vector<Passage> passages;
        for (auto& p : item.passages) {
            if (p.text.size() <= limit) {
                passages.push_back(std::move(p));
            } else {
                for (auto& piece : cut_passage(std::move(p), limit)) passages.push_back(std::move(piece));
            }
        }
        AgendaItem current;
        current.number = item.number;
        current.title = item.title;
        current.page = item.page;
        std::size_t bytes = 0;
        for (auto& p : passages) {
            if (bytes > 0 && bytes + p.text.size() > limit) {
                out.push_back(std::move(current));
                current = AgendaItem{};
                current.number = item.number;
                current.title = item.title + " (continued)";
                current.page = p.page ? p.page : item.page;
                bytes = 0;
            }
            bytes += p.text.size();
            current.passages.push_back(std::move(p));
        }
        out.push_back(std::move(current));
    }
    items = std::move(out);
    return split;
}

// A parliament's sitting (Hansard): its verbatim record names the Speaker and the house.
bool is_hansard(std::string_view sample) {
    std::string_view head = sample.substr(0, 20000);
    // Fiji prints "Mr. Speaker, Sir" and "HON. SPEAKER", PNG "Mr Acting Speaker"; a question time
    // part may name only "the Honourable Prime Minister" and "the Floor".
    return contains_ci(head, "hansard") || contains_ci(head, "mr speaker") || contains_ci(head, "madam speaker") ||
           contains_ci(head, "parliamentary debates") || contains_ci(head, "mr. speaker") ||
           contains_ci(head, "hon. speaker") || contains_ci(head, "acting speaker") ||
           contains_ci(head, "communications from the speaker") ||
           (contains_ci(head, "honourable member") && contains_ci(head, "the floor"));
}

// The house that sits: "Parliament of the Republic of Fiji", "National Parliament", "Legislative
// Assembly", the one the text names most; "Parliament" when it names none more fully.
std::string house_of(std::string_view sample) {
    std::map<std::string, int> counts;
    auto words = words_of(sample);
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string key = word_key(words[k]);
        if (!starts_upper(words[k])) continue;
        if (key == "parliament" && k + 2 < words.size() && word_key(words[k + 1]) == "of") {
            // "Parliament of [the] Cook Islands", up to the first word that is not part of a name.
            std::size_t end = k + 2;
            if (word_key(words[end]) == "the") ++end;
            std::size_t first_name = end;
            auto name_word = [&](std::size_t w) {
                std::string wk = word_key(words[w]);
                if (wk.rfind("parliament", 0) == 0 || body_rank(wk) > 0 || wk == "hansard" || wk == "daily") return false;
                return starts_upper(words[w]) || (wk == "of" && w > first_name);
            };
            while (end < words.size() && end < first_name + 4 && name_word(end)) {
                ++end;
                if (words[end - 1].back() == ',' || words[end - 1].back() == '.') break;
            }
            while (end > first_name && word_key(words[end - 1]) == "of") --end;
            if (end > first_name) {
                std::string name;
                for (std::size_t w = k; w < end; ++w) name += (name.empty() ? "" : " ") + std::string(words[w]);
                counts[tidy_name(name)] += 2;  // the fuller name outweighs a bare mention
            }
        } else if ((key == "parliament" && k > 0 && word_key(words[k - 1]) == "national") ||
                   (key == "assembly" && k > 0 && word_key(words[k - 1]) == "legislative")) {
            counts[tidy_name(std::string(words[k - 1]) + " " + std::string(words[k]))] += 2;
        } else if (key == "parliament") {
            counts["Parliament"] += 1;
        }
    }
    std::string best;
    int best_count = 0;
    for (const auto& [name, count] : counts) {
        if (count > best_count) {
            best_count = count;
            best = name;
        }
    }
    return best;
}

}  // namespace

Minutes recognise(const SourceText& source, const RecogniserOptions& options) {
    Minutes minutes;
    minutes.source = source.source;
    minutes.format = source.format;
    minutes.warnings = source.warnings;
    CleanText clean = clean_lines(source);
    const auto& lines = clean.lines;
    if (lines.empty()) {
        minutes.warnings.push_back(source.source + ": no text to recognise (empty, or no text layer)");
        return minutes;
    }

    std::size_t contents_begin = lines.size();
    auto spans = find_items(lines, contents_begin);
    // Unnumbered headings and ALL-CAPS lines above the meeting's date are its title block (a web
    // page's title, a letterhead), not agenda items.
    if (!spans.empty() && spans.front().item.number.empty()) {
        std::size_t date_line = 0;
        for (std::size_t i = 0; i < lines.size() && i < 12 && date_line == 0; ++i) {
            for (const auto& m : find_dates(lines[i].text)) {
                if (m.date.year != 0) date_line = i;
            }
        }
        // A paragraph led by its label ("Minutes: ... held on 13th February") is business, not a title.
        while (date_line > 0 && !spans.empty() && spans.front().heading <= date_line && !spans.front().lead_label)
            spans.erase(spans.begin());
    }
    std::size_t preamble_end = spans.empty() ? std::min(lines.size(), kMaxHeaderLines) : spans.front().heading;
    // When the first item opens the document (Hansard parts, markdown outlines), only its first lines
    // can name the meeting; the body's dates are quoted, not the meeting's. Nor does a list of the
    // items ahead of the minutes ("II. Public Forum" is no committee).
    std::size_t header_end = std::min({preamble_end, contents_begin, kMaxHeaderLines});
    if (header_end < 3) header_end = std::min<std::size_t>(lines.size(), 3);
    HeaderText header = join_header(lines, header_end);

    std::string sample;
    for (std::size_t i = 0; i < lines.size() && sample.size() < 200000; ++i) {
        sample += lines[i].text;
        sample += ' ';
    }
    bool hansard = is_hansard(sample);

    // Date, times, venue.
    auto date = choose_date(lines, header, header_end, clean.front_matter, minutes.warnings, hansard, clean.running_heads);
    if (date) {
        minutes.date = date->date;
        if (date->weekday >= 0 && weekday_of(date->date) != date->weekday)
            minutes.warnings.push_back("meeting date " + date->date.iso() + " does not fall on the weekday printed beside it");
    } else {
        // Say why when the header holds a date in figures that reads either way.
        std::string head;
        for (std::size_t i = 0; i < lines.size() && i < header_end + kBodyDateLines; ++i) head += lines[i].text + "\n";
        std::string unread = unread_numeric_date(head);
        minutes.warnings.push_back(source.source + ": no meeting date found in the text" +
                                   (unread.empty() ? std::string()
                                                   : " (\"" + unread + "\" could be read day first or month first; "
                                                     "nothing in the text says which)"));
    }
    choose_times(minutes, lines, header, date);
    if (!minutes.start_time.empty() && !minutes.end_time.empty() && minutes.end_time < minutes.start_time) {
        minutes.warnings.push_back("end time " + minutes.end_time + " is before the start time " + minutes.start_time +
                                   "; end time dropped");
        minutes.end_time.clear();
    }
    minutes.venue = choose_venue(header, date);

    // Council and committee.
    minutes.council = choose_council(lines, header_end, sample);
    minutes.committee = choose_committee(lines, header_end, header);
    // In a parliament's sitting the body that meets is the house (a "Committee of the Whole" apart).
    if (hansard && !contains_ci(minutes.committee, "committee of the whole")) {
        // A record of debates with no house named is still a parliament's sitting ("PARLIAMENTARY
        // DEBATES ... DAILY HANSARD"). The bare word names no authority: a house named only
        // "Parliament" is the body that sat, and the council stays unknown rather than "Parliament".
        std::string house = house_of(sample);
        if (house.empty()) house = "Parliament";
        minutes.committee = house;
        if (house != "Parliament" && (minutes.council.empty() || max_rank(minutes.council) == 1)) minutes.council = house;
        if (minutes.council == "Parliament") minutes.council.clear();
    }
    auto fm_title = clean.front_matter.find("title");
    if (minutes.committee.empty() && fm_title != clean.front_matter.end()) {
        // A title such as "Minutes of the Stoke Ferry Parish Council Meeting" is the document's own text.
        HeaderText title{fm_title->second, {0}};
        std::vector<Line> title_lines(1);
        title_lines[0].text = fm_title->second;
        minutes.committee = choose_committee(title_lines, 1, title);
    }
    std::string generic;  // the body as the text refers to it, no authority's name
    if (minutes.committee.empty()) {
        // A text that never names itself but keeps naming the body it records: "the Board" (Denver
        // RTD's Board meeting outlines), "the Community Council" (Ayton's AGM minutes). Used when
        // the body is named more often than any council the text mentions in passing.
        generic = generic_body(sample, minutes.council);
        if (!generic.empty()) {
            minutes.committee = generic;
            minutes.warnings.push_back("no committee named in the header; the text refers to '" + generic + "'");
        }
    }
    if (minutes.committee.empty() && !minutes.council.empty()) {
        // Community, parish and town councils meet as a whole: the body that met is the council.
        minutes.committee = minutes.council;
        minutes.warnings.push_back("no committee named in the header; taken to be the council itself");
    }
    if (minutes.committee.empty()) minutes.warnings.push_back(source.source + ": no committee or body named in the text");
    if (words_of(minutes.committee).size() == 1) {
        // "Board" alone: the fuller name the minutes use for it ("Board of Trustees").
        std::map<std::string, int> fuller;
        std::string marker = minutes.committee + " of ";
        std::size_t at = 0;
        while ((at = sample.find(marker, at)) != std::string::npos) {
            auto next = words_of(std::string_view(sample).substr(at + marker.size(), 40));
            at += marker.size();
            if (next.empty() || !starts_upper(next[0])) continue;
            std::string name = minutes.committee + " of " + tidy_name(next[0]);
            fuller[name] += 1;
        }
        int best = 1;
        for (const auto& [name, count] : fuller) {
            if (count > best) {
                best = count;
                minutes.committee = name;
            }
        }
    }
    if (minutes.council.empty() && max_rank(minutes.committee) == 1 && minutes.committee != "Parliament" && generic.empty())
        minutes.council = minutes.committee;

    // Attendance: the preamble, then the first items ("1. Present", "267 Apologies and Welcome").
    auto preamble = unwrap(lines, 0, preamble_end, clean.blocks_are_lines);
    read_attendance_table(lines, preamble_end, minutes.attendees, minutes.warnings);
    read_attendance(preamble, lines, minutes.attendees, minutes.warnings);
    // A journal of many bodies (items by legislative number: "Resolution No. 580-06") records each
    // body's roll call in its own section ("Present: Directors Triozzi, Dumas"): all are read.
    bool journal = std::any_of(spans.begin(), spans.end(),
                               [](const ItemSpan& s) { return s.item.number.find(" No. ") != std::string::npos; });
    std::size_t attendance_items = journal ? spans.size() : kAttendanceItems;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        // Past the first items, a roll call recorded in the first third of the text (SJWD's agenda
        // list at the top pushes its "I. ROLL CALL" past the first items).
        bool roll_call_only = k >= attendance_items;
        if (roll_call_only && spans[k].heading * 3 > lines.size()) break;
        std::vector<Paragraph> paras;
        Paragraph title;
        title.text = spans[k].item.title + (spans[k].body_lead.empty() ? "" : " " + spans[k].body_lead);
        title.first = title.last = spans[k].heading;
        paras.push_back(title);
        auto body = unwrap(lines, spans[k].body_begin, spans[k].body_end, clean.blocks_are_lines);
        paras.insert(paras.end(), body.begin(), body.end());
        read_attendance(paras, lines, minutes.attendees, minutes.warnings, roll_call_only);
    }
    settle_chair(minutes.attendees);

    // Documents attached after the minutes are a section of their own, titled by their first line: not
    // more of "ADJOURN" (4,649 words of staff reports in one SJWD file), nor items of the minutes.
    if (std::size_t attached = attachments_begin(lines, spans); attached < lines.size()) {
        while (!spans.empty() && spans.back().heading >= attached) spans.pop_back();
        if (!spans.empty()) spans.back().body_end = std::min(spans.back().body_end, attached);
        ItemSpan attachment;
        attachment.heading = attached;
        attachment.body_begin = attached + 1;
        attachment.body_end = lines.size();
        attachment.item.page = lines[attached].page;
        std::string_view title = lines[attached].text;
        while (!title.empty() && (title.back() == ',' || title.back() == ':')) title.remove_suffix(1);
        attachment.item.title = std::string(title);
        spans.push_back(std::move(attachment));
    }

    // Items and passages. Minutes with no item headings at all (Nipissing) are one section, so
    // that their passages, resolutions and votes are still kept.
    if (spans.empty()) {
        ItemSpan whole;
        whole.heading = 0;
        whole.body_begin = 0;
        whole.body_end = lines.size();
        whole.item.page = lines.front().page;
        // A section of a sitting split into parts (Hansard) is named by its own heading, when it has one.
        whole.item.title = first_heading(lines, lines.size());
        minutes.warnings.push_back(whole.item.title.empty()
                                       ? "no agenda items or headings found; the text is kept as one unnamed section"
                                       : "no agenda items found; the text is kept as one section, named by its heading");
        spans.push_back(std::move(whole));
    }
    // Text before the first item that is more than a header (a Hansard part whose first question comes
    // before any heading) is a section of its own, so that it is searchable.
    if (!spans.empty()) {
        std::size_t preamble_bytes = 0;
        for (std::size_t i = 0; i < spans.front().heading; ++i) preamble_bytes += lines[i].text.size();
        if (preamble_bytes > kLeadSectionBytes) {
            ItemSpan lead;
            lead.heading = 0;
            lead.body_begin = 0;
            lead.body_end = spans.front().heading;
            lead.item.page = lines.front().page;
            lead.item.title = first_heading(lines, lead.body_end);
            spans.insert(spans.begin(), std::move(lead));
        }
    }
    for (auto& span : spans) {
        build_passages(lines, span, clean.blocks_are_lines);
        minutes.items.push_back(std::move(span.item));
    }

    if (std::size_t split = bound_item_sizes(minutes.items, options.max_item_bytes); split > 0)
        minutes.warnings.push_back(std::to_string(split) + " item(s) longer than " + std::to_string(options.max_item_bytes) +
                                   " bytes split into continuation items");

    // Acronyms (preamble first, then the items in order, each title before its passages: "REGIONAL WATER
    // AUTHORITY (RWA)"), then speakers.
    for (const auto& para : preamble) find_acronyms(para.text, minutes.acronyms);
    for (const auto& item : minutes.items) {
        find_acronyms(item.title, minutes.acronyms);
        for (const auto& passage : item.passages) find_acronyms(passage.text, minutes.acronyms);
    }
    const SpeakerIndex speakers = index_speakers(minutes.attendees, minutes.acronyms);
    for (auto& item : minutes.items)
        for (auto& passage : item.passages) {
            // The names of a vote's roll ("AYES: Supervisors Alvarez, Brennan") are voters, not a speaker.
            if (passage.kind == PassageKind::vote && opens_vote_roll(passage.text)) continue;
            assign_speaker(passage, minutes.attendees, speakers);
            assign_seconder(passage, minutes.attendees, speakers);
        }

    if (minutes.attendees.empty()) minutes.warnings.push_back("no attendance list found");
    if (!date && minutes.attendees.empty() && minutes.items.size() <= 1)
        minutes.warnings.push_back(source.source + ": does not look like minutes (no date, attendance or agenda items)");
    std::size_t bytes = 0;
    for (const auto& line : lines) bytes += line.text.size();
    if (bytes > kLargeTextBytes)
        minutes.warnings.push_back(source.source + ": very large text (" + std::to_string(bytes >> 20) +
                                   " MB) recognised as a single meeting; it may hold several");
    minutes.language = detect_language(source);
    return minutes;
}

}  // namespace minutes
