// JSON serialisation of recognised minutes ("minutes/1").
#include "minutes/minutes_json.h"

#include <nlohmann/json.hpp>

namespace minutes {
namespace {

using nlohmann::json;

json optional_string(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json optional_int(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json optional_name(std::string_view s) { return s.empty() ? json(nullptr) : json(std::string(s)); }

}  // namespace

std::string minutes_to_json(const Minutes& m, int indent) {
    json doc;
    doc["schema"] = kMinutesJsonSchema;
    doc["source"] = m.source;
    doc["format"] = std::string(format_name(m.format));
    doc["language"] = optional_name(language_name(m.language));
    doc["council"] = optional_string(m.council);
    doc["committee"] = optional_string(m.committee);
    doc["date"] = optional_string(m.date.iso());
    doc["start_time"] = optional_string(m.start_time);
    doc["end_time"] = optional_string(m.end_time);
    doc["venue"] = optional_string(m.venue);
    json attendees = json::array();
    for (const auto& a : m.attendees) {
        attendees.push_back({{"name", a.name},
                             {"honorific", optional_string(a.honorific)},
                             {"role", optional_name(role_name(a.role))},
                             {"position", optional_string(a.position)},
                             {"attendance", optional_name(attendance_name(a.attendance))}});
    }
    doc["attendees"] = std::move(attendees);
    json items = json::array();
    for (const auto& item : m.items) {
        json passages = json::array();
        for (const auto& p : item.passages) {
            passages.push_back({{"text", p.text},
                                {"kind", std::string(passage_kind_name(p.kind))},
                                {"speaker_role", optional_name(role_name(p.speaker_role))},
                                {"speaker", optional_string(p.speaker)},
                                {"page", optional_int(p.page)}});
            if (!p.seconder.empty()) passages.back()["seconder"] = p.seconder;  // a motion's seconder, when named
        }
        items.push_back({{"number", optional_string(item.number)},
                         {"title", item.title},
                         {"page", optional_int(item.page)},
                         {"passages", std::move(passages)}});
    }
    doc["items"] = std::move(items);
    json acronyms = json::array();
    for (const auto& a : m.acronyms) acronyms.push_back({{"short", a.short_form}, {"long", a.long_form}});
    doc["acronyms"] = std::move(acronyms);
    doc["warnings"] = m.warnings;
    // Replace rather than throw on any invalid UTF-8 that slipped past the readers.
    return doc.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace minutes
