// Ids and the stored form (compact JSON) of item and meeting documents.
#include "minutes/item_record.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "minutes/normalise.h"

namespace minutes {
namespace {

using nlohmann::json;

std::string hash_hex(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

json page_json(const std::optional<int>& page) { return page ? json(*page) : json(nullptr); }
std::optional<int> page_of(const json& j) {
    if (j.is_number_integer()) return j.get<int>();
    return std::nullopt;
}

json passage_json(const Passage& p) {
    json j{{"t", p.text}, {"k", std::string(passage_kind_name(p.kind))}};
    if (p.speaker_role != Role::unknown) j["r"] = std::string(role_name(p.speaker_role));
    if (!p.speaker.empty()) j["s"] = p.speaker;
    if (p.page) j["p"] = *p.page;
    return j;
}

Passage passage_of(const json& j) {
    Passage p;
    p.text = j.value("t", "");
    p.kind = parse_passage_kind(j.value("k", "")).value_or(PassageKind::paragraph);
    p.speaker_role = parse_role(j.value("r", "")).value_or(Role::unknown);
    p.speaker = j.value("s", "");
    if (j.contains("p")) p.page = page_of(j["p"]);
    return p;
}

Language language_of(const std::string& code) {
    if (code == "en") return Language::english;
    if (code == "cy") return Language::welsh;
    return Language::unknown;
}

Format format_of(const std::string& name) {
    if (name == "markdown") return Format::markdown;
    if (name == "html") return Format::html;
    if (name == "pdf") return Format::pdf;
    return Format::text;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string meeting_id_for(const Minutes& minutes) {
    std::string key = facet_key(minutes.council) + '\x1f' + facet_key(minutes.committee) + '\x1f';
    key += minutes.date.valid() ? minutes.date.iso() : "source:" + source_id_for(minutes.source);
    // A Welsh version is its own meeting document, linked to its English twin by the indexer.
    if (minutes.language == Language::welsh) key += "\x1f" "cy";
    return hash_hex(key);
}

std::string item_id_for(std::string_view meeting_id, std::size_t ordinal) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%03zu", ordinal);
    return std::string(meeting_id) + "-" + buffer;
}

std::string source_id_for(std::string_view path) {
    return hash_hex(std::filesystem::path(path).lexically_normal().string());
}

std::string encode_item(const ItemRecord& item) {
    json passages = json::array();
    for (const auto& p : item.passages) passages.push_back(passage_json(p));
    json j{{"id", item.id},
           {"meeting", item.meeting_id},
           {"ordinal", item.ordinal},
           {"council", item.council},
           {"committee", item.committee},
           {"date", item.date},
           {"source", item.source},
           {"format", std::string(format_name(item.format))},
           {"language", std::string(language_name(item.language))},
           {"number", item.number},
           {"title", item.title},
           {"page", page_json(item.page)},
           {"passages", std::move(passages)}};
    return dump(j);
}

Result<ItemRecord> decode_item(std::string_view data) {
    json j = json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorCode::Corrupt, "item document data is not JSON");
    try {
        ItemRecord item;
        item.id = j.value("id", "");
        item.meeting_id = j.value("meeting", "");
        item.ordinal = j.value("ordinal", std::size_t{0});
        item.council = j.value("council", "");
        item.committee = j.value("committee", "");
        item.date = j.value("date", "");
        item.source = j.value("source", "");
        item.format = format_of(j.value("format", ""));
        item.language = language_of(j.value("language", ""));
        item.number = j.value("number", "");
        item.title = j.value("title", "");
        if (j.contains("page")) item.page = page_of(j["page"]);
        if (j.contains("passages") && j["passages"].is_array()) {
            for (const auto& p : j["passages"]) item.passages.push_back(passage_of(p));
        }
        return item;
    } catch (const json::exception& e) {
        return make_error(ErrorCode::Corrupt, std::string("item document data: ") + e.what());
    }
}

std::string encode_meeting(const MeetingRecord& m) {
    json attendees = json::array();
    for (const auto& a : m.attendees) {
        attendees.push_back({{"name", a.name},
                             {"honorific", a.honorific},
                             {"role", std::string(role_name(a.role))},
                             {"position", a.position},
                             {"attendance", std::string(attendance_name(a.attendance))}});
    }
    json items = json::array();
    for (const auto& i : m.items) items.push_back({{"id", i.id}, {"number", i.number}, {"title", i.title}});
    json acronyms = json::array();
    for (const auto& a : m.acronyms) acronyms.push_back({{"short", a.short_form}, {"long", a.long_form}});
    json j{{"id", m.id},
           {"council", m.council},
           {"committee", m.committee},
           {"date", m.date},
           {"start_time", m.start_time},
           {"end_time", m.end_time},
           {"venue", m.venue},
           {"language", std::string(language_name(m.language))},
           {"sources", m.sources},
           {"attendees", std::move(attendees)},
           {"items", std::move(items)},
           {"acronyms", std::move(acronyms)}};
    return dump(j);
}

Result<MeetingRecord> decode_meeting(std::string_view data) {
    json j = json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorCode::Corrupt, "meeting document data is not JSON");
    try {
        MeetingRecord m;
        m.id = j.value("id", "");
        m.council = j.value("council", "");
        m.committee = j.value("committee", "");
        m.date = j.value("date", "");
        m.start_time = j.value("start_time", "");
        m.end_time = j.value("end_time", "");
        m.venue = j.value("venue", "");
        m.language = language_of(j.value("language", ""));
        if (j.contains("sources")) m.sources = j["sources"].get<std::vector<std::string>>();
        for (const auto& a : j.value("attendees", json::array())) {
            Attendee attendee;
            attendee.name = a.value("name", "");
            attendee.honorific = a.value("honorific", "");
            attendee.role = parse_role(a.value("role", "")).value_or(Role::unknown);
            attendee.position = a.value("position", "");
            attendee.attendance = parse_attendance(a.value("attendance", "")).value_or(Attendance::unknown);
            m.attendees.push_back(std::move(attendee));
        }
        for (const auto& i : j.value("items", json::array())) {
            m.items.push_back({i.value("id", ""), i.value("number", ""), i.value("title", "")});
        }
        for (const auto& a : j.value("acronyms", json::array())) {
            m.acronyms.push_back({a.value("short", ""), a.value("long", "")});
        }
        return m;
    } catch (const json::exception& e) {
        return make_error(ErrorCode::Corrupt, std::string("meeting document data: ") + e.what());
    }
}

MeetingRecord meeting_record_of(const Minutes& minutes) {
    MeetingRecord m;
    m.id = meeting_id_for(minutes);
    m.council = minutes.council;
    m.committee = minutes.committee;
    m.date = minutes.date.iso();
    m.start_time = minutes.start_time;
    m.end_time = minutes.end_time;
    m.venue = minutes.venue;
    m.language = minutes.language;
    m.sources.push_back(minutes.source);
    m.attendees = minutes.attendees;
    for (std::size_t i = 0; i < minutes.items.size(); ++i) {
        const auto& item = minutes.items[i];
        m.items.push_back({item_id_for(m.id, i + 1), item.number, item.title});
    }
    m.acronyms = minutes.acronyms;
    return m;
}

std::vector<ItemRecord> item_records_of(const Minutes& minutes) {
    std::vector<ItemRecord> records;
    std::string meeting = meeting_id_for(minutes);
    for (std::size_t i = 0; i < minutes.items.size(); ++i) {
        const auto& item = minutes.items[i];
        ItemRecord r;
        r.id = item_id_for(meeting, i + 1);
        r.meeting_id = meeting;
        r.ordinal = i + 1;
        r.council = minutes.council;
        r.committee = minutes.committee;
        r.date = minutes.date.iso();
        r.source = minutes.source;
        r.format = minutes.format;
        r.language = minutes.language;
        r.number = item.number;
        r.title = item.title;
        r.page = item.page;
        r.passages = item.passages;
        records.push_back(std::move(r));
    }
    return records;
}

}  // namespace minutes
