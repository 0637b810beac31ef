// Ids and the stored form of item documents (compact binary) and meeting documents (compact JSON).
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

std::optional<int> page_of(const json& j) {
    if (j.is_number_integer()) return j.get<int>();
    return std::nullopt;
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

// The stored form of an item is binary: searching decodes every hit's item, and parsing JSON was most of
// a search's time. Strings are a varint length and the bytes; enums are stored by name, so a reordered
// enum in model.h cannot misread an index. Data starting with '{' is the JSON of earlier indexes.
// Version 2 adds each passage's seconder after its page; version 1 data still reads (no seconders).
constexpr char kItemMagicV1 = '\x01';
constexpr char kItemMagic = '\x02';

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s.data(), s.size());
}

// Page as varint: 0 none, else page - min + 1 (pages are small, but any int round-trips).
void put_page(std::string& out, const std::optional<int>& page) {
    put_varint(out, page ? static_cast<std::uint64_t>(static_cast<std::int64_t>(*page) - INT32_MIN) + 1 : 0);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}
    bool varint(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= data_.size()) return false;
            auto byte = static_cast<unsigned char>(data_[at_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return true;
        }
        return false;
    }
    bool string(std::string& s) {
        std::uint64_t n = 0;
        if (!varint(n) || n > data_.size() - at_) return false;
        s.assign(data_.data() + at_, static_cast<std::size_t>(n));
        at_ += static_cast<std::size_t>(n);
        return true;
    }
    bool page(std::optional<int>& page) {
        std::uint64_t v = 0;
        if (!varint(v)) return false;
        if (v == 0) {
            page.reset();
            return true;
        }
        std::int64_t p = static_cast<std::int64_t>(v - 1) + INT32_MIN;
        if (p > INT32_MAX) return false;
        page = static_cast<int>(p);
        return true;
    }
    [[nodiscard]] bool done() const { return at_ == data_.size(); }

  private:
    std::string_view data_;
    std::size_t at_ = 0;
};

Result<ItemRecord> decode_item_json(std::string_view data);

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
    std::string out(1, kItemMagic);
    std::size_t size = 64 + item.title.size();
    for (const auto& p : item.passages) size += p.text.size() + p.speaker.size() + p.seconder.size() + 16;
    out.reserve(size);
    for (const std::string* s : {&item.id, &item.meeting_id}) put_string(out, *s);
    put_varint(out, item.ordinal);
    for (const std::string* s : {&item.council, &item.committee, &item.date, &item.source}) put_string(out, *s);
    put_string(out, format_name(item.format));
    put_string(out, language_name(item.language));
    put_string(out, item.number);
    put_string(out, item.title);
    put_page(out, item.page);
    put_varint(out, item.passages.size());
    for (const auto& p : item.passages) {
        put_string(out, p.text);
        put_string(out, passage_kind_name(p.kind));
        put_string(out, p.speaker_role == Role::unknown ? std::string_view() : role_name(p.speaker_role));
        put_string(out, p.speaker);
        put_page(out, p.page);
        put_string(out, p.seconder);
    }
    return out;
}

Result<ItemRecord> decode_item(std::string_view data) {
    if (data.empty() || (data[0] != kItemMagic && data[0] != kItemMagicV1)) return decode_item_json(data);
    bool seconders = data[0] == kItemMagic;
    Reader in(data.substr(1));
    ItemRecord item;
    std::uint64_t ordinal = 0, passages = 0;
    std::string format, language;
    bool ok = in.string(item.id) && in.string(item.meeting_id) && in.varint(ordinal) && in.string(item.council) &&
              in.string(item.committee) && in.string(item.date) && in.string(item.source) && in.string(format) &&
              in.string(language) && in.string(item.number) && in.string(item.title) && in.page(item.page) &&
              in.varint(passages) && passages <= data.size() / 5;  // a passage takes 5 bytes or more
    if (!ok) return make_error(ErrorCode::Corrupt, "item document data is truncated or malformed");
    item.ordinal = static_cast<std::size_t>(ordinal);
    item.format = format_of(format);
    item.language = language_of(language);
    item.passages.resize(static_cast<std::size_t>(passages));
    std::string kind, role;
    for (auto& p : item.passages) {
        if (!(in.string(p.text) && in.string(kind) && in.string(role) && in.string(p.speaker) && in.page(p.page) &&
              (!seconders || in.string(p.seconder))))
            return make_error(ErrorCode::Corrupt, "item document data: a passage is truncated or malformed");
        p.kind = parse_passage_kind(kind).value_or(PassageKind::paragraph);
        p.speaker_role = parse_role(role).value_or(Role::unknown);
    }
    if (!in.done()) return make_error(ErrorCode::Corrupt, "item document data: bytes after the last passage");
    return item;
}

namespace {

Result<ItemRecord> decode_item_json(std::string_view data) {
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

}  // namespace

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
