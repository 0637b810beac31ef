// Building item and meeting documents: free text with positions, boolean terms and values per schema.h.
#include "index_document.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <set>

#include "minutes/names.h"
#include "minutes/normalise.h"
#include "minutes/schema.h"

namespace minutes::index {
namespace {

std::string prefix(std::string_view field) { return std::string(schema::prefix_of(field)); }

const std::string kPrefixUnique = "Q";
const std::string kPrefixTitle = prefix("topic");
const std::string kPrefixCouncil = prefix("council");
const std::string kPrefixCommittee = prefix("committee");
const std::string kPrefixDate = prefix("date");
const std::string kPrefixMeeting = prefix("meeting");
const std::string kPrefixSource = prefix("source");
const std::string kPrefixKind = prefix("type");
const std::string kPrefixLanguage = prefix("language");
const std::string kPrefixMember = prefix("member");
const std::string kPrefixItem = prefix("item");
const std::string kPrefixRole = prefix("role");
const std::string kPrefixDocType = prefix("doctype");
const std::string kPrefixAcronym = prefix("acronym");

// Xapian refuses terms over 245 bytes; boolean keys that long are junk from a bad recognition.
constexpr std::size_t kMaxTermBytes = 240;

void add_boolean(Xapian::Document& doc, const std::string& prefix_text, const std::string& key) {
    if (key.empty()) return;
    std::string term = prefix_text + key;
    if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
    doc.add_boolean_term(term);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += schema::kListSeparator;
        out += v;
    }
    return out;
}

void add_common_values(Xapian::Document& doc, const std::string& council, const std::string& committee,
                       const std::string& iso_date, Language language, const std::string& meeting_id) {
    std::string date = compact_date(iso_date);
    if (!date.empty()) {
        doc.add_value(schema::kSlotDate, date);
        doc.add_value(schema::kSlotYear, date.substr(0, 4));
        add_boolean(doc, kPrefixDate, date);
    }
    if (!committee.empty()) doc.add_value(schema::kSlotCommittee, committee);
    if (!council.empty()) doc.add_value(schema::kSlotCouncil, council);
    doc.add_value(schema::kSlotMeeting, meeting_id);
    std::string code(language_name(language));
    if (!code.empty()) {
        doc.add_value(schema::kSlotLanguage, code);
        add_boolean(doc, kPrefixLanguage, code);
    }
    add_boolean(doc, kPrefixCouncil, facet_key(council));
    add_boolean(doc, kPrefixCommittee, facet_key(committee));
    add_boolean(doc, kPrefixMeeting, meeting_id);
}

// A word worth offering as a spelling correction: letters only, not too long.
bool is_spelling_word(const std::string& term) {
    if (term.size() < 2 || term.size() > 32) return false;
    for (unsigned char c : term) {
        if (c < 0x80 && !(c >= 'a' && c <= 'z')) return false;
    }
    return true;
}

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

void count_acronyms(std::string_view text, Xapian::termcount weight,
                    std::map<std::string, Xapian::termcount>& counts) {
    // One pass: a word in capitals waits for the next word, since either neighbour may be the lower-case one.
    std::string_view waiting;           // a word in capitals whose next word is not read yet
    bool lower_before_waiting = false;  // the word before it holds a lower-case letter
    bool lower_before = false;          // the last word read holds one
    auto settle = [&](bool lower_after) {
        if (!waiting.empty() && (lower_before_waiting || lower_after)) counts[fold_case(waiting)] += weight;
        waiting = {};
    };
    for (std::size_t i = 0; i < text.size();) {
        if (!is_ascii_alnum(text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && is_ascii_alnum(text[i])) ++i;
        std::string_view word = text.substr(start, i - start);
        bool lower = false;
        bool numeral = true;  // a minute's number in Roman numerals ("VII. Recommended Action")
        for (char c : word) {
            lower = lower || (c >= 'a' && c <= 'z');
            numeral = numeral && (c == 'I' || c == 'V' || c == 'X');
        }
        settle(lower);
        // Three to eight letters and digits, a capital first, no lower case.
        if (!lower && !numeral && word.size() >= 3 && word.size() <= 8 && word[0] >= 'A' && word[0] <= 'Z') {
            waiting = word;
            lower_before_waiting = lower_before;
        }
        lower_before = lower;
    }
    settle(false);
}

TextSketch sketch_of(const std::vector<std::string_view>& texts) {
    std::vector<std::uint64_t> hashes;
    std::uint64_t w1 = 0, w2 = 0;
    std::size_t words = 0;
    for (auto text : texts) {
        std::size_t i = 0;
        while (i < text.size()) {
            // Words: runs of ASCII letters and digits or of non-ASCII bytes, ASCII folded to lower case.
            auto word_byte = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
            while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
            if (i >= text.size()) break;
            std::uint64_t h = 1469598103934665603ULL;
            while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) {
                h = (h ^ static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(text[i])))) * 1099511628211ULL;
                ++i;
            }
            if (++words >= 3) hashes.push_back(mix(w1 * 0x9E3779B97F4A7C15ULL + w2 * 0xC2B2AE3D27D4EB4FULL + h));
            w1 = w2;
            w2 = h;
        }
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    TextSketch sketch;
    sketch.shingles = hashes.size();
    hashes.resize(std::min(hashes.size(), kSketchSize));
    sketch.minima = std::move(hashes);
    return sketch;
}

double containment(const TextSketch& a, const TextSketch& b) {
    if (a.minima.empty() || b.minima.empty()) return 1.0;
    // The k smallest of the union, and how many of them both texts hold: an estimate of Jaccard.
    std::vector<std::uint64_t> merged;
    std::set_union(a.minima.begin(), a.minima.end(), b.minima.begin(), b.minima.end(), std::back_inserter(merged));
    merged.resize(std::min(merged.size(), kSketchSize));
    std::size_t both = 0;
    for (auto h : merged) {
        if (std::binary_search(a.minima.begin(), a.minima.end(), h) && std::binary_search(b.minima.begin(), b.minima.end(), h))
            ++both;
    }
    double jaccard = static_cast<double>(both) / static_cast<double>(merged.size());
    double shared = jaccard * static_cast<double>(a.shingles + b.shingles) / (1.0 + jaccard);
    return shared / static_cast<double>(std::max(a.shingles, b.shingles));
}

std::string encode_sketch(const TextSketch& sketch) {
    std::string out = std::to_string(sketch.shingles);
    char buffer[24];
    for (auto h : sketch.minima) {
        std::snprintf(buffer, sizeof buffer, ",%llx", static_cast<unsigned long long>(h));
        out += buffer;
    }
    return out;
}

TextSketch decode_sketch(std::string_view text) {
    TextSketch sketch;
    if (text.empty()) return sketch;
    std::string copy(text);
    char* cursor = copy.data();
    sketch.shingles = std::strtoull(cursor, &cursor, 10);
    while (*cursor == ',') {
        ++cursor;
        sketch.minima.push_back(std::strtoull(cursor, &cursor, 16));
    }
    if (!std::is_sorted(sketch.minima.begin(), sketch.minima.end())) return TextSketch{};
    return sketch;
}

std::string compact_date(const std::string& iso) {
    auto date = MeetingDate::from_iso(iso);
    if (!date) return {};
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::vector<std::string> kind_terms(PassageKind kind) {
    if (kind == PassageKind::resolution) return {"decision", std::string(passage_kind_name(kind))};
    return {std::string(passage_kind_name(kind))};
}

DocumentBuilder::DocumentBuilder() : english_("english"), none_() {
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

PreparedMeeting DocumentBuilder::build(const Minutes& minutes) {
    PreparedMeeting out;
    out.meeting = meeting_record_of(minutes);
    out.source_path = minutes.source;
    out.source_id = source_id_for(minutes.source);
    // Welsh has no Xapian stemmer; English stems would mangle it, so Welsh text keeps its words only.
    generator_.set_stemmer(minutes.language == Language::welsh ? none_ : english_);

    // Member keys of the attendees, and their roles, to resolve speakers printed by surname only.
    std::vector<std::pair<std::string, std::string>> attendee_members;  // key, name as printed
    std::vector<std::pair<std::string, Role>> attendee_roles;
    for (const auto& a : minutes.attendees) {
        std::string key = member_key(a.name);
        if (key.empty()) continue;
        attendee_members.emplace_back(key, a.name);
        attendee_roles.emplace_back(key, a.role);
    }

    const std::string& meeting_id = out.meeting.id;
    auto records = item_records_of(minutes);
    for (auto& record : records) {
        Xapian::Document doc;
        generator_.set_document(doc);
        // Title first, with extra weight, also under S so that topic:word searches the title alone.
        generator_.index_text(record.title, config::kTitleWeight);
        generator_.index_text(record.title, config::kTitleWeight, kPrefixTitle);

        std::set<std::string> member_keys;
        std::vector<std::string> member_names;
        for (const auto& [key, name] : attendee_members) {
            if (member_keys.insert(key).second) member_names.push_back(name);
        }
        std::set<std::string> roles;
        std::set<std::string> kinds;
        std::map<std::string, Xapian::termcount> acronyms;
        count_acronyms(record.title, config::kTitleWeight, acronyms);
        for (const auto& passage : record.passages) {
            count_acronyms(passage.text, config::kBodyWeight, acronyms);
            // The gap keeps phrases and NEAR inside one passage.
            generator_.increase_termpos(config::kPassagePositionGap);
            generator_.index_text(passage.text, config::kBodyWeight);
            for (auto& k : kind_terms(passage.kind)) kinds.insert(std::move(k));
            std::string speaker_key = passage.speaker.empty() ? std::string() : member_key(passage.speaker);
            Role role = passage.speaker_role;
            if (!speaker_key.empty()) {
                if (member_keys.insert(speaker_key).second) member_names.push_back(split_honorific(passage.speaker).name);
                if (role == Role::unknown) {
                    for (const auto& [key, attendee_role] : attendee_roles) {
                        if (key == speaker_key && attendee_role != Role::unknown) {
                            role = attendee_role;
                            break;
                        }
                    }
                }
            }
            if (role != Role::unknown) roles.insert(std::string(role_name(role)));
            // A motion's seconder is a member the item names, as its mover (the speaker) is.
            std::string seconder_key = passage.seconder.empty() ? std::string() : member_key(passage.seconder);
            if (!seconder_key.empty() && member_keys.insert(seconder_key).second)
                member_names.push_back(split_honorific(passage.seconder).name);
        }
        out.passages += record.passages.size();

        for (const auto& [acronym, count] : acronyms) doc.add_term(kPrefixAcronym + acronym, count);
        for (const auto& key : member_keys) add_boolean(doc, kPrefixMember, key);
        for (const auto& role : roles) add_boolean(doc, kPrefixRole, role);
        for (const auto& kind : kinds) add_boolean(doc, kPrefixKind, kind);
        add_boolean(doc, kPrefixItem, fold_case(record.number));
        add_boolean(doc, kPrefixSource, out.source_id);
        add_boolean(doc, kPrefixDocType, std::string(schema::kDocTypeItem));
        add_common_values(doc, record.council, record.committee, record.date, record.language, meeting_id);
        if (!record.number.empty()) doc.add_value(schema::kSlotItem, record.number);
        doc.add_value(schema::kSlotItemId, record.id);
        if (!member_names.empty()) doc.add_value(schema::kSlotMembers, joined(member_names));
        if (!roles.empty()) doc.add_value(schema::kSlotRoles, joined({roles.begin(), roles.end()}));
        if (!kinds.empty()) doc.add_value(schema::kSlotKinds, joined({kinds.begin(), kinds.end()}));
        if (!record.title.empty()) doc.add_value(schema::kSlotTopic, record.title);

        // Spelling data from the unstemmed free-text words (unprefixed terms are lower case).
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string& term = *t;
            if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
            if (is_spelling_word(term)) out.spelling[term] += t.get_wdf();
        }

        std::string unique = kPrefixUnique + record.id;
        doc.add_boolean_term(unique);
        doc.set_data(encode_item(record));
        out.item_ids.push_back(record.id);
        out.items.push_back(std::move(doc));
    }

    std::vector<std::string_view> texts;
    for (const auto& item : minutes.items) {
        texts.push_back(item.title);
        for (const auto& passage : item.passages) texts.push_back(passage.text);
    }
    out.sketch = sketch_of(texts);

    for (const auto& acronym : minutes.acronyms) {
        std::string short_form = fold_case(acronym.short_form);
        std::string long_form = fold_case(acronym.long_form);
        if (short_form.empty() || long_form.empty() || short_form == long_form) continue;
        out.synonyms.emplace_back(short_form, long_form);
        out.synonyms.emplace_back(long_form, short_form);
    }
    return out;
}

void rekey_meeting(PreparedMeeting& prepared, const std::string& meeting_id) {
    const std::string old_meeting = prepared.meeting.id;
    for (std::size_t i = 0; i < prepared.items.size(); ++i) {
        auto& doc = prepared.items[i];
        std::string id = item_id_for(meeting_id, i + 1);
        doc.remove_term(kPrefixUnique + prepared.item_ids[i]);
        doc.add_boolean_term(kPrefixUnique + id);
        doc.remove_term(kPrefixMeeting + old_meeting);
        add_boolean(doc, kPrefixMeeting, meeting_id);
        doc.add_value(schema::kSlotMeeting, meeting_id);
        doc.add_value(schema::kSlotItemId, id);
        if (auto record = decode_item(doc.get_data())) {
            record->id = id;
            record->meeting_id = meeting_id;
            doc.set_data(encode_item(*record));
        }
        prepared.item_ids[i] = id;
        if (i < prepared.meeting.items.size()) prepared.meeting.items[i].id = id;
    }
    prepared.meeting.id = meeting_id;
}

bool add_whole_document_item(Minutes& minutes, const SourceText& text) {
    AgendaItem item;
    for (const auto& block : text.blocks) {
        if (block.text.empty()) continue;
        if (item.title.empty() && block.kind == BlockKind::heading) item.title = block.text;
        Passage passage;
        passage.text = block.text;
        passage.kind = block.kind == BlockKind::list_item ? PassageKind::bullet : PassageKind::paragraph;
        passage.page = block.page;
        if (!item.page) item.page = block.page;
        item.passages.push_back(std::move(passage));
    }
    if (item.passages.empty()) return false;
    if (item.title.empty()) {
        // The first line stands in for a title (bounded: it may be a long run-on line).
        std::string_view first = item.passages.front().text;
        first = first.substr(0, first.find('\n'));
        if (first.size() > 120) {
            std::size_t cut = first.rfind(' ', 120);
            first = first.substr(0, cut == std::string_view::npos ? 120 : cut);
            while (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0) == 0x80) first.remove_suffix(1);
            if (!first.empty() && static_cast<unsigned char>(first.back()) >= 0xC0) first.remove_suffix(1);
        }
        item.title = std::string(first);
    }
    minutes.items.push_back(std::move(item));
    return true;
}

Xapian::Document meeting_document(const MeetingRecord& meeting, const std::vector<std::string>& source_ids) {
    Xapian::Document doc;
    doc.add_boolean_term(kPrefixUnique + meeting.id);
    add_boolean(doc, kPrefixDocType, std::string(schema::kDocTypeMeeting));
    add_common_values(doc, meeting.council, meeting.committee, meeting.date, meeting.language, meeting.id);
    for (const auto& id : source_ids) add_boolean(doc, kPrefixSource, id);
    doc.set_data(encode_meeting(meeting));
    return doc;
}

}  // namespace minutes::index
