// Speakers of passages, resolved against the attendance list, and acronyms defined in the text.
#include "recognise_speakers.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "minutes/names.h"
#include "recognise_attendance.h"
#include "recognise_text.h"

namespace minutes::recognition {
namespace {

// How far into a passage actors are looked for (bytes): the subject comes early.
constexpr std::size_t kSpeakerWindow = 700;

struct Actor {
    std::size_t pos = std::string_view::npos;
    Role role = Role::unknown;
    std::string name;
};

void consider(Actor& best, std::size_t pos, Role role, std::string name) {
    if (pos < best.pos) best = Actor{pos, role, std::move(name)};
}

std::string strip_punct(std::string_view w) {
    while (!w.empty() && std::strchr(".,;:)'\"", w.back()) != nullptr) w.remove_suffix(1);
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
    while (!w.empty() && std::strchr("(\"'", w.front()) != nullptr) w.remove_prefix(1);
    return std::string(w);
}

bool initials_compatible(std::string_view a, std::string_view b) {
    auto wa = words_of(a);
    auto wb = words_of(b);
    if (wa.size() < 2 || wb.size() < 2) return true;
    auto full = [](std::string_view w) { return w.size() > 2 && w.back() != '.'; };
    if (full(wa.front()) && full(wb.front())) return wa.front() == wb.front();
    return std::toupper(static_cast<unsigned char>(wa.front().front())) ==
           std::toupper(static_cast<unsigned char>(wb.front().front()));
}

// A verb in the past, as minutes report what was done: "reported", "welcomed", "said", "gave".
bool is_past_verb(std::string_view key) {
    static constexpr std::array<std::string_view, 12> kIrregular{
        "said", "gave", "put", "read", "took", "spoke", "made", "told", "sought", "wrote", "sent", "met"};
    return (key.size() > 4 && key.substr(key.size() - 2) == "ed") ||
           std::find(kIrregular.begin(), kIrregular.end(), key) != kIrregular.end();
}

// Whether an office named at `pos` ("the Chairman") is someone acting, not the object of the word before
// it ("remained in the Chair", "authorizing the Mayor to apply", "Secretary to the Mayor", "on file with
// the Clerk"): it opens the text, a sentence or a clause ("Following the debate, the Chairman put ..."),
// follows "by" or "and" ("as presented by the Secretary") or a title ("Her Worship the Mayor"), a verb in
// the past follows it ("Under this heading our Vice Chair raised ..."), or it is the subject of a clause
// ("It was agreed that the Clerk would write"). `length` is the office's.
bool acts_at(std::string_view text, std::size_t pos, std::size_t length) {
    // "The Minute Secretary" in capitals opens a sentence run on from a title ("e) Rent levels The ...").
    std::string_view before = text.substr(0, pos);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty() || std::isupper(static_cast<unsigned char>(text[pos]))) return true;
    // Punctuation, or a dash or quotation mark outside ASCII.
    unsigned char last = static_cast<unsigned char>(before.back());
    if (std::strchr(".,;:-)", static_cast<char>(last)) != nullptr || last >= 0x80) return true;
    std::size_t space = before.find_last_of(' ');
    std::string_view word = space == std::string_view::npos ? before : before.substr(space + 1);
    if (starts_upper(word) || word == "by" || word == "and") return true;
    auto next = words_of(text.substr(pos + length, 40));
    if (next.empty()) return false;
    std::string verb = word_key(next.front());
    bool past = is_past_verb(verb);
    // The subject of what was agreed: "It was agreed that our Vice Chair should respond."
    static constexpr std::array<std::string_view, 10> kAuxiliaries{
        "should", "would", "will", "shall", "could", "can", "may", "must", "had", "has"};
    bool agreed = word == "that" && std::find(kAuxiliaries.begin(), kAuxiliaries.end(), verb) != kAuxiliaries.end();
    return (past || agreed) && starts_lower(next.front());
}

// `keys` holds member_key of each attendee, in order (SpeakerIndex::member_keys).
const Attendee* find_attendee(const std::vector<Attendee>& attendees, const std::vector<std::string>& keys,
                              std::string_view name) {
    std::string key = member_key(name);
    if (key.empty()) return nullptr;
    const Attendee* found = nullptr;
    for (std::size_t k = 0; k < attendees.size(); ++k) {
        const Attendee& a = attendees[k];
        if (keys[k] != key) continue;
        if (!initials_compatible(a.name, name)) continue;
        if (found != nullptr && found->name != a.name) return nullptr;  // two people of that name: not resolved
        found = &a;
    }
    return found;
}

const Attendee* find_by_role(const std::vector<Attendee>& attendees, Role role) {
    const Attendee* found = nullptr;
    for (const auto& a : attendees) {
        if (a.role != role) continue;
        if (found != nullptr) return nullptr;
        found = &a;
    }
    return found;
}

std::string initials_of(std::string_view name) {
    std::string out;
    for (auto w : words_of(name)) {
        char c = w.front();
        if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// find_attendee, or the one attendee whose initials a short capitalised name is ("Cllr JA", "Seconded –
// KC"); nullptr when none or several.
const Attendee* find_attendee_or_initials(const std::vector<Attendee>& attendees, const std::vector<std::string>& keys,
                                          std::string_view name) {
    const Attendee* a = find_attendee(attendees, keys, name);
    if (a != nullptr || name.size() > 3 || !all_caps(name)) return a;
    int count = 0;
    for (const auto& candidate : attendees) {
        if (initials_of(candidate.name) == name) {
            a = &candidate;
            ++count;
        }
    }
    return count == 1 ? a : nullptr;
}

Role role_of_title(std::string_view title) {
    std::string key = lower_ascii(title);
    if (key == "mayor" || key == "chair" || key == "chairman" || key == "president" || key == "chairperson") return Role::chair;
    if (key == "mr" || key == "mrs" || key == "ms" || key == "dr" || key == "miss") return Role::unknown;
    return Role::member;
}

// "MR T. TEPAI:", "HON. J. USAMATE.-", "MR SPEAKER:" at the start of a Hansard turn.
std::optional<std::string> speaker_label(std::string_view text) {
    std::size_t i = 0;
    std::size_t letters = 0;
    while (i < text.size() && i < 60) {
        char c = text[i];
        if (std::isupper(static_cast<unsigned char>(c))) ++letters;
        else if (!(c == ' ' || c == '.' || c == '\'' || c == '-')) break;
        if (c == '.' && i + 1 < text.size() && text[i + 1] == '-') break;
        ++i;
    }
    if (letters < 4 || i >= text.size()) return std::nullopt;
    bool colon = text[i] == ':';
    bool dash = text[i] == '.' && i + 1 < text.size() && text[i + 1] == '-';
    if (!colon && !dash) return std::nullopt;
    std::string label(trim(text.substr(0, i)));
    if (words_of(label).size() < 2 && label.find("SPEAKER") == std::string::npos) return std::nullopt;
    // A person's label has a title or initials: "MR T. TEPAI", "HON. J. USAMATE", "MR SPEAKER";
    // "IN ATTENDANCE:" or "RESOLVED:" are not turns of speech.
    auto first = words_of(label)[0];
    if (!is_honorific(first) && label.find("SPEAKER") == std::string::npos && label.find('.') == std::string::npos)
        return std::nullopt;
    return label;
}

}  // namespace

SpeakerIndex index_speakers(const std::vector<Attendee>& attendees, const std::vector<Acronym>& acronyms) {
    SpeakerIndex index;
    index.acronyms = &acronyms;
    index.member_keys.reserve(attendees.size());
    for (const auto& a : attendees) index.member_keys.push_back(member_key(a.name));
    std::vector<std::string> long_forms;
    long_forms.reserve(acronyms.size());
    for (const auto& acronym : acronyms) long_forms.push_back(lower_ascii(acronym.long_form));
    std::size_t checked = 0;
    for (const auto& a : attendees) {
        if (a.position.empty() || ++checked > 300) continue;
        std::string_view position = a.position;
        std::size_t cut = position.find_first_of(",(");
        if (cut != std::string_view::npos) position = trim(position.substr(0, cut));
        SpeakerIndex::Position entry;
        entry.attendee = &a;
        entry.lower = lower_ascii(position);
        entry.searched = words_of(position).size() >= 2;
        if (entry.searched) {
            std::string whole = lower_ascii(a.position);
            for (std::size_t k = 0; k < acronyms.size(); ++k) {
                if (long_forms[k] == whole || long_forms[k] == entry.lower) entry.acronyms.push_back(acronyms[k].short_form);
            }
        }
        index.positions.push_back(std::move(entry));
    }
    return index;
}

void assign_speaker(Passage& passage, const std::vector<Attendee>& attendees, const SpeakerIndex& index) {
    std::string_view text = std::string_view(passage.text).substr(0, kSpeakerWindow);
    // The window lower-cased once: its phrases are searched for with find_word_in_lower.
    const std::string lower = lower_ascii(text);
    Actor best;
    if (auto label = speaker_label(text)) {
        std::string key = lower_ascii(*label);
        Role role = (key.find("speaker") != std::string::npos || key.find("chair") != std::string::npos) ? Role::chair : Role::member;
        PersonName split = split_honorific(*label);
        const Attendee* a = find_attendee(attendees, index.member_keys, split.name);
        consider(best, 0, a ? a->role : role, a ? a->name : *label);
    }
    // Titles before names: "Councillor Banks", "Cllr. P. Harries", "Director Folska", "Chair James".
    static constexpr std::array<std::string_view, 22> kTitles{
        "Councillor", "Cllr", "Cr", "Cyng", "Cynghorydd", "Director", "Trustee", "Mayor", "Chair", "Chairperson",
        "President", "Commissioner", "Supervisor", "Councilmember", "Councilman", "Councilwoman", "Mr", "Mrs", "Ms",
        "Dr", "Miss", "Alderman"};
    auto words = words_of(text);
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k].find("'s") != std::string_view::npos) continue;  // "Mayor's Award Scheme"
        // "Cllr Jim McNeill (Vice Chair)": an office after a name, not before one.
        if (words[k].back() == ')') continue;
        std::string title = strip_punct(words[k]);
        bool is_title = false;
        for (auto t : kTitles) {
            if (title == t) is_title = true;
        }
        if (!is_title) continue;
        // "Mayor Pro Tem Fernandez": the deputy's title.
        std::size_t first = k + 1;
        bool pro_tem = title == "Mayor" && k + 3 < words.size() && word_key(words[k + 1]) == "pro" &&
                       (word_key(words[k + 2]) == "tem" || word_key(words[k + 2]) == "tempore");
        if (pro_tem) first = k + 3;
        std::string name;
        for (std::size_t m = first; m < words.size() && m <= first + 2; ++m) {
            std::string_view w = words[m];
            if (!starts_upper(w) || is_honorific(w)) break;
            // "Proposed by Councillor Leddin Seconded by ...": the motion's next clause, not a name.
            std::string key = word_key(w);
            if (key == "seconded" || key == "proposed" || key == "moved" || key == "and" || key == "resolved" ||
                key == "that")
                break;
            std::string clean = strip_punct(w);
            if (clean.empty()) break;
            if (!name.empty()) name += ' ';
            name += clean;
            // A word ending in punctuation other than an initial's dot ends the name.
            if (w.back() != '.' || (w.size() > 2 && w.back() == '.')) {
                if (w.back() == ',' || w.back() == ';' || w.back() == ':' || (w.size() > 2 && w.back() == '.')) break;
            }
        }
        if (name.empty() || word_key(name) == "of") continue;
        // The object of the word before ("In response to Director Miller's question, Mr. Helliker informed",
        // "apologies were received from Cllr. Mack") or a possessor ("concurrence of Commissioner
        // Partridge's comments"): not acting; a titled name after it may be.
        // "On the proposal of Councillor Ruddle, seconded by ...", "at the request of Cllr X": the mover acts.
        std::string lead = k > 0 ? word_key(words[k - 1]) : std::string();
        std::string before_lead = k > 1 ? word_key(words[k - 2]) : std::string();
        bool moved = before_lead == "proposal" || before_lead == "motion" || before_lead == "request" ||
                     before_lead == "suggestion" || before_lead == "instigation";
        bool object = (lead == "of" && !moved) || lead == "to" || lead == "from" || lead == "with" || lead == "for" ||
                      lead == "thanked" || lead == "welcomed" || lead == "congratulated";
        bool possessive = words[std::min(words.size() - 1, first + words_of(name).size() - 1)].find("'s") != std::string_view::npos;
        if (object || possessive) continue;
        std::size_t pos = static_cast<std::size_t>(words[k].data() - text.data());
        // "First Vice Chair Guissinger", "Committee Vice Chair Buzek".
        bool vice = k > 0 && (strip_punct(words[k - 1]) == "Vice" || strip_punct(words[k - 1]) == "Deputy");
        if (vice) pos = static_cast<std::size_t>(words[k - 1].data() - text.data());
        const Attendee* a = find_attendee_or_initials(attendees, index.member_keys, name);
        // "Dr. Maria Hinfelaar, President, Limerick Institute", "Kate Williams, Director, District A": an
        // office after a name, unless an attendee's name follows it ("The Chair, Alan McFadzean, thanked").
        if (a == nullptr && (words[k].back() == ',' || words[k].back() == ';')) continue;
        // "The Director Infrastructure outlined ...": an office named after its portfolio, not a person
        // called Infrastructure (a director by name is "Director Tobiassen", without the article). It is
        // still the subject: no titled name after it is the speaker ("... revert to Councillor Benson").
        if (a == nullptr && k > 0 && word_key(words[k - 1]) == "the") break;
        // "Supervisor" is also a job ("Business Services Supervisor ARC 21+"): a supervisor by name is one
        // of the board's.
        if (a == nullptr && title == "Supervisor") continue;
        Role by_title = (vice || pro_tem) && role_of_title(title) == Role::chair ? Role::vice_chair : role_of_title(title);
        if (a != nullptr) {
            consider(best, pos, a->role == Role::unknown ? by_title : a->role, a->name);
        } else {
            consider(best, pos, by_title, name);
        }
        break;  // the first titled name is the subject
    }
    // Roles named generically: "the Chairman", "the Vice-Chairman", "the Clerk".
    struct Generic { std::string_view phrase; Role role; };
    static constexpr std::array<Generic, 22> kGeneric{{
        {"the vice-chairman", Role::vice_chair}, {"the vice chairman", Role::vice_chair}, {"the vice-chair", Role::vice_chair},
        {"the vice chair", Role::vice_chair}, {"our vice chair", Role::vice_chair}, {"the deputy mayor", Role::vice_chair},
        {"the leas-chathaoirleach", Role::vice_chair}, {"the chairman", Role::chair}, {"the chairperson", Role::chair},
        {"the chairwoman", Role::chair}, {"the chair", Role::chair}, {"our chair", Role::chair},
        {"the cathaoirleach", Role::chair}, {"the mayor", Role::chair}, {"the president", Role::chair},
        {"the presiding officer", Role::chair}, {"y cadeirydd", Role::chair}, {"the clerk", Role::clerk},
        {"the secretary", Role::clerk}, {"the minute secretary", Role::clerk}, {"the minute taker", Role::clerk},
        {"y clerc", Role::clerk},
    }};
    for (const auto& g : kGeneric) {
        std::size_t pos = find_word_in_lower(lower, g.phrase);
        // Welsh puts the verb first ("dywedodd y Clerc", "Hysbyswyd gan y Clerc"): its offices act wherever.
        bool welsh = g.phrase.rfind("y ", 0) == 0;
        while (pos != std::string_view::npos && !welsh && !acts_at(text, pos, g.phrase.size()))
            pos = find_word_in_lower(lower, g.phrase, pos + 1);
        if (pos == std::string_view::npos || pos >= best.pos) continue;
        std::string_view after = text.substr(pos + g.phrase.size());
        if (starts_with_ci(after, " of ")) {
            std::string_view body = after.substr(4);
            if (!(starts_with_ci(body, "the panel") || starts_with_ci(body, "the committee") ||
                  starts_with_ci(body, "the council") || starts_with_ci(body, "the board") || starts_with_ci(body, "the meeting")))
                continue;
        }
        const Attendee* a = find_by_role(attendees, g.role);
        // "the Mayor" is the mayor listed, whoever chairs ("Also present were Mayor Frank G. Jackson").
        if (g.phrase == "the mayor") {
            auto mayor = std::find_if(attendees.begin(), attendees.end(), titled_mayor);
            if (mayor != attendees.end()) {
                consider(best, pos, mayor->role, mayor->name);
                continue;
            }
        }
        consider(best, pos, g.role, a ? a->name : "");
    }
    // An attendee's position: "The Director of Children, Families and Communities" -> that officer.
    for (const auto& entry : index.positions) {
        if (!entry.searched) continue;
        const Attendee& a = *entry.attendee;
        std::size_t pos = find_word_in_lower(lower, entry.lower);
        while (pos != std::string_view::npos) {
            bool after_the = pos >= 4 && starts_with_ci(text.substr(pos - 4), "the ");
            if (after_the || pos == 0) {
                consider(best, after_the ? pos - 4 : pos, a.role == Role::unknown ? Role::officer : a.role, a.name);
                break;
            }
            pos = find_word_in_lower(lower, entry.lower, pos + 1);
        }
        // The acronym the minutes gave that position ("(DCS)").
        for (std::string_view short_form : entry.acronyms) {
            std::size_t at = text.find(short_form);
            while (at != std::string_view::npos) {
                bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
                std::size_t end = at + short_form.size();
                bool right = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
                bool defining = at > 0 && text[at - 1] == '(';
                if (left && right && !defining) {
                    consider(best, at, a.role == Role::unknown ? Role::officer : a.role, a.name);
                    break;
                }
                at = text.find(short_form, at + 1);
            }
        }
    }
    // Unnamed members: "a Member of the Panel", "One member", "Members".
    static constexpr std::array<std::string_view, 14> kMembers{
        "a member", "one member", "another member", "several members", "some members", "a councillor",
        "one councillor", "a panel member", "a committee member", "a board member", "a director", "a trustee",
        "members", "councillors"};
    for (auto phrase : kMembers) {
        std::size_t pos = find_word_in_lower(lower, phrase);
        if (pos == std::string_view::npos || pos >= best.pos) continue;
        std::string_view after = text.substr(pos + phrase.size());
        bool public_ = starts_with_ci(after, " of the public");
        // "was a member also": a predicate, not someone acting.
        std::string_view lead = text.substr(0, pos);
        if (lead.size() >= 3 && (lead.substr(lead.size() - 3) == "as " || lead.substr(lead.size() - 3) == "is " ||
                                 lead.substr(lead.size() - 3) == "be "))
            continue;
        if (phrase == "members" || phrase == "councillors") {
            // Only as the subject of a sentence: at the start, or after "the".
            bool subject = pos == 0 || (pos >= 4 && starts_with_ci(text.substr(pos - 4), "the ")) ||
                           (pos >= 2 && text[pos - 2] == '.');
            if (!subject) continue;
        }
        consider(best, pos, public_ ? Role::public_ : Role::member, "");
    }
    // A name or initials at the start of a sentence: "Fran Oborski said", "SW opened the meeting".
    std::size_t sentence = 0;
    while (sentence != std::string_view::npos && sentence < text.size() && sentence < best.pos) {
        auto sw = words_of(text.substr(sentence, 80));
        // A motion's number before its mover: "R2024-089 D. Yemm, S. Kirkey:".
        if (sentence == 0 && sw.size() >= 3 && sw[0].find_first_of("0123456789") != std::string_view::npos &&
            sw[1].size() <= 3 && sw[1].back() == '.' && (sw[2].back() == ',' || sw[2].back() == ':')) {
            std::string name = std::string(sw[1]) + " " + strip_punct(sw[2]);
            if (const Attendee* a = find_attendee(attendees, index.member_keys, name))
                consider(best, 0, a->role == Role::unknown ? Role::member : a->role, a->name);
        }
        if (!sw.empty()) {
            std::string first = strip_punct(sw[0]);
            if (first.size() >= 2 && first.size() <= 3 && all_caps(first)) {
                bool is_acronym = false;
                for (const auto& acronym : *index.acronyms) is_acronym = is_acronym || acronym.short_form == first;
                const Attendee* match = nullptr;
                int count = 0;
                for (const auto& a : attendees) {
                    if (initials_of(a.name) == first) {
                        match = &a;
                        ++count;
                    }
                }
                if (!is_acronym && count == 1) consider(best, sentence, match->role == Role::unknown ? Role::member : match->role, match->name);
            } else if (sw.size() >= 3 && starts_upper(sw[0]) && starts_upper(sw[1]) && starts_lower(sw[2])) {
                std::string name = strip_punct(sw[0]) + " " + strip_punct(sw[1]);
                if (const Attendee* a = find_attendee(attendees, index.member_keys, name); a != nullptr && words_of(a->name).size() >= 1)
                    consider(best, sentence, a->role == Role::unknown ? Role::member : a->role, a->name);
            }
        }
        std::size_t next = text.find(". ", sentence);
        sentence = next == std::string_view::npos ? next : next + 2;
    }
    // A list of names and offices, with no one doing anything in it ("Attending: Claire Dickson (Chair),
    // Willie Jones (Vice Chair), ...", a vote's "Mr Baker, Mr Brady, Mrs Bell, ...", a directory's "Room 11,
    // Blaine Griffin, Director; Mayor Frank G."): nobody in it is speaking. A list holds a few words of
    // prose at most ("were also in attendance") and no verb in the past; a label or a motion's mover
    // printed first still speaks ("R2024-093 D. Yemm, S. Foote: That we ...").
    constexpr std::size_t kListProseWords = 3;
    constexpr std::size_t kLabelReach = 60;  // bytes: "MR T. ELIKANA:", "R2024-093 D. Yemm, S. Foote:"
    auto reads_as_prose = [](std::string_view t) {
        std::size_t prose_words = 0;
        for (auto w : words_of(t)) {
            std::string key = word_key(w);
            if (!starts_lower(w) || key.size() < 4 || is_small_word(key)) continue;
            if (is_past_verb(key) || ++prose_words > kListProseWords) return true;
        }
        return false;
    };
    // A declaration is its declarer's, however many interests it lists ("Councillor Oborski – Chair of
    // Wyre Forest Local Children's Trust, Education Trustee for ...").
    bool labelled = (best.pos == 0 && text.find(':') < kLabelReach) || passage.kind == PassageKind::declaration;
    if (!labelled && std::count(text.begin(), text.end(), ',') + std::count(text.begin(), text.end(), ';') >= 3 &&
        looks_like_name_list(text) && !reads_as_prose(text))
        return;
    if (best.pos == std::string_view::npos) return;
    passage.speaker_role = best.role;
    passage.speaker = best.name;
}

namespace {

// Titles and offices printed before a name that are not part of it ("seconded by Council Member
// Dolan", "Vice President McRae seconded").
bool is_seconder_title(std::string_view word) {
    static constexpr std::array<std::string_view, 24> kTitles{
        "councillor", "councillors", "cllr", "cyng", "director", "trustee", "member", "council", "councilmember",
        "commissioner", "alderman", "supervisor", "vice", "president", "chair", "deputy", "board", "mayor", "crs",
        "councilmembers", "councilman", "councilwoman", "pro", "tem"};
    std::string key = word_key(word);
    if (is_honorific(word)) return true;
    for (auto t : kTitles) {
        if (key == t) return true;
    }
    return false;
}

// The name printed from `text`'s start: titles skipped, then up to four capitalised words or
// initials, ending at a comma, a full stop after a word, or a lower-case word. Empty when none.
std::string name_after(std::string_view text) {
    auto words = words_of(text.substr(0, 120));
    std::size_t k = 0;
    while (k < words.size() && (words[k] == "-" || words[k] == ":" || words[k] == "\xE2\x80\x93")) ++k;
    if (k < words.size() && word_key(words[k]) == "the") return {};  // "seconded by the Honourable Minister"
    while (k < words.size() && is_seconder_title(words[k]) && k + 1 < words.size() && starts_upper(words[k + 1])) ++k;
    std::string name;
    for (std::size_t taken = 0; k < words.size() && taken < 4; ++k, ++taken) {
        std::string_view w = words[k];
        std::string key = word_key(w);
        if (!starts_upper(w) || key == "and" || key == "that" || key == "the" || w.back() == '?') break;
        // "Moved: Cr Brown Seconded: Cr Lee": the header's next label begins.
        if (key == "seconded" || key == "seconder" || key == "moved" || key == "mover" || key == "carried") break;
        // "Reinhild Gorniak Vice Chair: ...": the next office begins.
        if (!name.empty() && is_seconder_title(w)) break;
        std::string clean = strip_punct(w);
        if (clean.empty()) break;
        name += (name.empty() ? "" : " ") + clean;
        char last = w.back();
        bool initial = w.size() <= 3 && last == '.';
        if (last == ',' || last == ';' || last == ':' || last == ')' || (last == '.' && !initial)) break;
        // "2nd GK All in favour": initials are the whole name.
        if (taken == 0 && clean.size() <= 3 && all_caps(clean) && !initial) break;
    }
    // "seconded by Mr." at a line's end: a title, no name.
    if (words_of(name).size() == 1 && is_seconder_title(name)) return {};
    return name;
}

// The name printed just before `at` ("Mr Ridgers seconded", "Council Member Kevin J. Kelley
// seconded"): the capitalised words back to a title, "and", or punctuation.
std::string name_before(std::string_view text, std::size_t at) {
    auto words = words_of(text.substr(0, at));
    std::size_t end = words.size(), begin = end;
    while (begin > 0 && end - begin < 4) {
        std::string_view w = words[begin - 1];
        if (!starts_upper(w) || is_seconder_title(w) || w.back() == ',' || w.back() == ';' || w.back() == ':' ||
            w.back() == '?' || w.back() == '!' || (w.back() == '.' && w.size() > 3))
            break;
        --begin;
    }
    std::string name;
    for (std::size_t k = begin; k < end; ++k) name += (name.empty() ? "" : " ") + strip_punct(words[k]);
    return name;
}

// The mover a motion names: "moved by X", "proposed by X", "nominated by X" (an election), "upon the
// proposition of X", "on the motion of X", or "X moved", "X proposed". Empty when none.
std::string mover_named(std::string_view text, const std::string& lower) {
    for (std::string_view marker : {"moved by", "proposed by", "nominated by", "proposition of", "on the motion of", "on motion of", "moved:",
                                    "mover:", "proposed:", "proposer:"}) {
        std::size_t at = find_word_in_lower(lower, marker);
        if (at == std::string_view::npos) continue;
        std::string name = name_after(text.substr(at + marker.size()));
        if (!name.empty()) return name;
    }
    for (std::string_view marker : {"moved", "proposed"}) {
        for (std::size_t at = find_word_in_lower(lower, marker); at != std::string_view::npos;
             at = find_word_in_lower(lower, marker, at + marker.size())) {
            std::string name = name_before(text, at);
            std::string first = name.empty() ? std::string() : word_key(words_of(name).front());
            if (!name.empty() && first != "the" && first != "it" && first != "this" && first != "a") return name;
        }
    }
    return {};
}

}  // namespace

void assign_seconder(Passage& passage, const std::vector<Attendee>& attendees, const SpeakerIndex& index) {
    std::string_view text = std::string_view(passage.text).substr(0, 3000);
    // "MOTION: Brooks/Hale to approve ...", "M/S Brooks/Hale": the mover and the seconder by surname,
    // a slash between (Californian minutes); both must be attendees, so "and/or" is no pair. Every passage
    // comes here: only one opening with an "M" is read further.
    if (!text.empty() && (text.front() == 'M' || text.front() == 'm')) {
        auto words = words_of(text.substr(0, 60));
        std::size_t k = 0;
        if (k < words.size() && (word_key(words[k]) == "motion" || lower_ascii(strip_punct(words[k])) == "m/s")) ++k;
        if (k > 0 && k < words.size() && words[k] == ":") ++k;
        std::string_view pair = k > 0 && k < words.size() ? words[k] : std::string_view();
        std::size_t slash = pair.find('/');
        if (slash != std::string_view::npos && slash > 0 && slash + 1 < pair.size()) {
            std::string first = strip_punct(pair.substr(0, slash));
            std::string second = strip_punct(pair.substr(slash + 1));
            const Attendee* mover = first.empty() ? nullptr : find_attendee_or_initials(attendees, index.member_keys, first);
            const Attendee* seconder = second.empty() ? nullptr : find_attendee_or_initials(attendees, index.member_keys, second);
            if (mover != nullptr && seconder != nullptr && mover != seconder) {
                passage.seconder = seconder->name;
                passage.speaker = mover->name;
                passage.speaker_role = mover->role == Role::unknown ? Role::member : mover->role;
                return;
            }
        }
    }
    std::string name;
    // "R2024-089 D. Yemm, S. Kirkey: That ...": the resolution's number, its mover, its seconder.
    auto head = words_of(text.substr(0, 80));
    if (head.size() >= 5 && head[0].find_first_of("0123456789") != std::string_view::npos && head[1].size() <= 3 &&
        head[1].back() == '.' && head[2].back() == ',' && head[3].size() <= 3 && head[3].back() == '.' && head[4].back() == ':')
        name = std::string(head[3]) + " " + strip_punct(head[4]);
    // Most passages name no seconder: one pass finds whether any marker's stem is there at all.
    const std::string lower = name.empty() ? lower_ascii(text) : std::string();
    if (name.empty() && lower.find("second") == std::string::npos && lower.find("2nd") == std::string::npos) return;
    for (std::string_view marker : {"seconded by", "second by", "seconder:", "seconder", "seconded", "2nd"}) {
        if (!name.empty()) break;
        std::size_t at = find_word_in_lower(lower, marker);
        while (at != std::string_view::npos && name.empty()) {
            std::string_view after = text.substr(at + marker.size());
            if (marker == "seconded") {
                // "Seconded – KC"; "Mr Brady seconded", "Director Miller seconded the motion"; else
                // "and seconded T. Manley". "Seconded by ..." was read above.
                std::string_view rest = trim(after);
                bool labelled = starts_with_ci(rest, "-") || starts_with_ci(rest, ":") || starts_with_ci(rest, "\xE2\x80\x93");
                if (labelled) name = name_after(rest);
                else if (!starts_with_ci(rest, "by")) {
                    name = name_before(text, at);
                    if (name.empty()) name = name_after(after);
                }
            } else if (marker == "2nd") {
                // "It was prop. Mr.Bonnett, 2nd Mr. Ward", "Prop JB 2nd KN": after a proposer only.
                std::string_view before = text.substr(at > 40 ? at - 40 : 0, std::min<std::size_t>(at, 40));
                if (contains_ci(before, "prop")) name = name_after(after);
            } else {
                name = name_after(after);
            }
            at = find_word_in_lower(lower, marker, at + marker.size());
        }
    }
    if (name.empty()) return;
    const Attendee* a = find_attendee_or_initials(attendees, index.member_keys, name);
    passage.seconder = a != nullptr ? a->name : name;
    // A motion's speaker is its mover. Where the titled names missed the mover ("Moved by Goold,
    // seconded by Jones", untitled; "The Members agreed ... proposed by L. Galvin") or took the seconder
    // for it ("Jenni Hawkins proposed, and Mr Stepto seconded"), the mover named beside "moved" or
    // "proposed" stands in. An earlier actor of a known role ("The Clerk presented ...") stays.
    bool unnamed = passage.speaker.empty() &&
                   (passage.speaker_role == Role::unknown || passage.speaker_role == Role::member);
    if (!unnamed && passage.speaker != passage.seconder) return;
    std::string mover = mover_named(text, lower.empty() ? lower_ascii(text) : lower);
    if (mover.empty()) return;
    const Attendee* m = find_attendee_or_initials(attendees, index.member_keys, mover);
    if (m == nullptr && words_of(mover).size() < 2) return;  // a lone unknown word may be anything
    if (m != nullptr && m->name == passage.seconder) return;
    passage.speaker = m != nullptr ? m->name : mover;
    passage.speaker_role = m != nullptr && m->role != Role::unknown ? m->role : Role::member;
}

void find_acronyms(std::string_view text, std::vector<Acronym>& acronyms) {
    std::size_t open = 0;
    while ((open = text.find('(', open)) != std::string_view::npos) {
        std::size_t close = text.find(')', open);
        if (close == std::string_view::npos) return;
        std::string_view inside = text.substr(open + 1, close - open - 1);
        std::size_t here = open;
        open = open + 1;
        if (inside.size() < 2 || inside.size() > 8) continue;
        std::size_t upper = 0;
        bool ok = std::isupper(static_cast<unsigned char>(inside[0])) != 0;
        for (char c : inside) {
            if (std::isupper(static_cast<unsigned char>(c))) ++upper;
            else if (!std::islower(static_cast<unsigned char>(c)) && c != '&') ok = false;
        }
        if (!ok || upper < 2) continue;
        bool known = false;
        for (const auto& a : acronyms) known = known || a.short_form == inside;
        if (known) continue;
        // The words before the bracket, nearest last (at most 14, within the sentence).
        std::size_t window_start = here > 200 ? here - 200 : 0;
        auto words = words_of(text.substr(window_start, here - window_start));
        if (here > 200 && !words.empty()) words.erase(words.begin());
        if (words.size() > 14) words.erase(words.begin(), words.end() - 14);
        std::size_t stop = 0;
        for (std::size_t k = 0; k < words.size(); ++k) {
            char last = words[k].back();
            if ((last == '.' || last == ';' || last == ':' || last == ')' || last == '(') && k + 1 < words.size()) stop = k + 1;
        }
        std::vector<std::string_view> cand(words.begin() + static_cast<std::ptrdiff_t>(stop), words.end());
        if (cand.empty()) continue;
        // Letters matched backwards against initials; small words may be skipped or matched.
        std::string letters;
        for (char c : inside) {
            if (std::isalpha(static_cast<unsigned char>(c))) letters += c;
        }
        long w = static_cast<long>(cand.size()) - 1;
        long l = static_cast<long>(letters.size()) - 1;
        long first_word = -1;
        {
            std::string last_key = word_key(cand.back());
            // The word just before the bracket must give the last letter.
            if (last_key.empty() || last_key[0] != std::tolower(static_cast<unsigned char>(letters.back()))) w = -1;
        }
        while (l >= 0 && w >= 0) {
            std::string key = word_key(cand[static_cast<std::size_t>(w)]);
            char initial = key.empty() ? '\0' : key[0];
            char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letters[static_cast<std::size_t>(l)])));
            if (initial == letter) {
                first_word = w;
                --l;
                --w;
            } else if (key.empty() || is_small_word(key)) {
                --w;
            } else {
                break;
            }
        }
        std::string long_form;
        if (l < 0 && first_word >= 0) {
            for (std::size_t k = static_cast<std::size_t>(first_word); k < cand.size(); ++k) {
                if (!long_form.empty()) long_form += ' ';
                long_form += std::string(cand[k]);
            }
        } else if (letters.size() >= 3) {
            // Looser: a capitalised phrase whose first word has the acronym's first letter,
            // "Director of Children, Families and Communities (DCS)".
            long k = static_cast<long>(cand.size()) - 1;
            std::size_t content = 0;
            while (k >= 0) {
                std::string key = word_key(cand[static_cast<std::size_t>(k)]);
                if (key.empty() || is_small_word(key)) { --k; continue; }
                if (!starts_upper(cand[static_cast<std::size_t>(k)])) break;
                ++content;
                --k;
            }
            std::size_t begin = static_cast<std::size_t>(k + 1);
            while (begin < cand.size() && (is_small_word(word_key(cand[begin])) || word_key(cand[begin]) == "the")) ++begin;
            if (begin < cand.size() && std::tolower(static_cast<unsigned char>(cand[begin][0])) ==
                                           std::tolower(static_cast<unsigned char>(letters[0])) &&
                content + 1 >= letters.size() && content <= letters.size() + 2) {
                for (std::size_t m = begin; m < cand.size(); ++m) {
                    if (!long_form.empty()) long_form += ' ';
                    long_form += std::string(cand[m]);
                }
            }
        }
        while (!long_form.empty() && std::strchr(",;:'\" ", long_form.back()) != nullptr) long_form.pop_back();
        if (long_form.empty() || long_form.size() <= inside.size()) continue;
        acronyms.push_back({std::string(inside), long_form});
        if (acronyms.size() >= 500) return;
    }
}

}  // namespace minutes::recognition
