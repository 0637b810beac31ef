// Search responses as JSON, CSV and a terminal listing.
#include "minutes/search_format.h"

#include "minutes/normalise.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "minutes/model.h"

namespace minutes {
namespace {

using nlohmann::json;

std::string dump(const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Fields are repaired to valid UTF-8 (as the JSON writer does): a spreadsheet must never get broken bytes.
// A field that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
// apostrophe, as OWASP advises against CSV injection: text from minutes must stay text.
std::string csv_field(const std::string& raw) {
    std::string s = repair_utf8(raw);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
        s.insert(0, 1, '\'');
    }
    bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Visible width in code points, skipping ANSI escape sequences.
std::size_t visible_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b') {
            while (i < s.size() && s[i] != 'm') ++i;
            continue;
        }
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++width;
    }
    return width;
}

// Greedy word wrap to `width` columns, each line starting with `indent`.
std::string wrap(std::string_view text, std::size_t width, const std::string& indent) {
    std::string out, line;
    std::size_t avail = width > indent.size() + 10 ? width - indent.size() : 10;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t s = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i == s) break;
        std::string_view word = text.substr(s, i - s);
        if (!line.empty() && visible_width(line) + 1 + visible_width(word) > avail) {
            out += indent + line + "\n";
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty()) out += indent + line + "\n";
    return out;
}

std::string marked_snippet(const Hit& hit, bool color) {
    std::string out;
    std::size_t at = 0;
    for (const auto& h : hit.highlights) {
        if (h.offset < at || h.offset + h.length > hit.snippet.size()) continue;
        out += hit.snippet.substr(at, h.offset - at);
        out += color ? "\x1b[1m" : "*";
        out += hit.snippet.substr(h.offset, h.length);
        out += color ? "\x1b[0m" : "*";
        at = h.offset + h.length;
    }
    return out + hit.snippet.substr(at);
}

std::string bold(const std::string& s, bool color) { return color ? "\x1b[1m" + s + "\x1b[0m" : s; }

std::string grouping_noun(const SearchResponse& r, std::size_t n) {
    const char* noun = r.by == GroupBy::meeting ? "meeting" : "item";
    return std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace

std::string search_response_json(const SearchResponse& r, int indent) {
    json hits = json::array();
    for (const auto& h : r.hits) {
        json highlights = json::array();
        for (const auto& hl : h.highlights) highlights.push_back({hl.offset, hl.length});
        hits.push_back({{"rank", h.rank},
                        {"id", h.id},
                        {"item_id", h.item_id},
                        {"meeting_id", h.meeting_id},
                        {"council", h.council},
                        {"committee", h.committee},
                        {"date", nullable(h.date)},
                        {"item_number", h.item_number},
                        {"item_title", h.item_title},
                        {"snippet", h.snippet},
                        {"highlights", std::move(highlights)},
                        {"speaker", nullable(h.speaker)},
                        {"speaker_role", nullable(h.speaker_role)},
                        {"seconder", nullable(h.seconder)},
                        {"passage_kind", nullable(h.passage_kind)},
                        {"passage", h.passage},
                        {"source", h.source},
                        {"page", h.page ? json(*h.page) : json(nullptr)},
                        {"score", h.score},
                        {"citation", h.citation},
                        {"grouped", h.grouped}});
    }
    json facets = json::object();
    for (const auto& f : r.facets) {
        json values = json::array();
        for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
        facets[f.name] = std::move(values);
    }
    json j{{"schema", kSearchJsonSchema},
           {"query", r.query},
           {"total_estimate", r.total_estimate},
           {"total_exact", r.total_exact},
           {"offset", r.offset},
           {"limit", r.limit},
           {"sort", std::string(sort_order_name(r.sort))},
           {"by", std::string(group_by_name(r.by))},
           {"hits", std::move(hits)},
           {"facets", std::move(facets)},
           {"suggestion", nullable(r.suggestion)},
           {"notes", r.notes}};
    return dump(j, indent);
}

Result<SearchResponse> search_response_from_json(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("schema", "") != kSearchJsonSchema) {
        return make_error(ErrorCode::Corrupt,
                          std::string("response is not a ") + kSearchJsonSchema + " document");
    }
    auto text_of = [](const json& o, const char* key) {
        auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    try {
        SearchResponse r;
        r.query = text_of(j, "query");
        r.total_estimate = j.value("total_estimate", std::size_t{0});
        r.total_exact = j.value("total_exact", false);
        r.offset = j.value("offset", std::size_t{0});
        r.limit = j.value("limit", std::size_t{0});
        std::string sort = text_of(j, "sort"), by = text_of(j, "by");
        r.sort = sort == "newest"   ? SortOrder::newest
                 : sort == "oldest" ? SortOrder::oldest
                                    : SortOrder::relevance;
        r.by = by == "meeting" ? GroupBy::meeting : by == "passage" ? GroupBy::passage : GroupBy::item;
        for (const auto& h : j.at("hits")) {
            Hit hit;
            hit.rank = h.value("rank", std::size_t{0});
            hit.id = text_of(h, "id");
            hit.item_id = text_of(h, "item_id");
            hit.meeting_id = text_of(h, "meeting_id");
            hit.council = text_of(h, "council");
            hit.committee = text_of(h, "committee");
            hit.date = text_of(h, "date");
            hit.item_number = text_of(h, "item_number");
            hit.item_title = text_of(h, "item_title");
            hit.snippet = text_of(h, "snippet");
            for (const auto& x : h.at("highlights"))
                hit.highlights.push_back({x.at(0).get<std::size_t>(), x.at(1).get<std::size_t>()});
            hit.speaker = text_of(h, "speaker");
            hit.speaker_role = text_of(h, "speaker_role");
            hit.seconder = text_of(h, "seconder");
            hit.passage_kind = text_of(h, "passage_kind");
            hit.passage = h.value("passage", std::size_t{0});
            hit.source = text_of(h, "source");
            if (h.contains("page") && h["page"].is_number_integer()) hit.page = h["page"].get<int>();
            hit.score = h.value("score", 0.0);
            hit.citation = text_of(h, "citation");
            hit.grouped = h.value("grouped", std::size_t{0});
            r.hits.push_back(std::move(hit));
        }
        for (const auto& [name, values] : j.at("facets").items()) {
            Facet f{name, {}};
            for (const auto& v : values)
                f.values.push_back({text_of(v, "value"), v.value("count", std::size_t{0})});
            r.facets.push_back(std::move(f));
        }
        sort_facets(r.facets);
        r.suggestion = text_of(j, "suggestion");
        if (j.contains("notes")) {
            for (const auto& n : j["notes"]) {
                if (n.is_string()) r.notes.push_back(n.get<std::string>());
            }
        }
        return r;
    } catch (const json::exception& e) {
        return make_error(ErrorCode::Corrupt, std::string("response: ") + e.what());
    }
}

std::string search_response_csv(const SearchResponse& r) {
    std::string out =
        "rank,id,date,council,committee,item_number,item_title,speaker,speaker_role,passage_kind,snippet,"
        "citation,"
        "source,page,score,seconder\r\n";
    for (const auto& h : r.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.4f", h.score);
        const std::string fields[] = {std::to_string(h.rank),
                                      h.id,
                                      h.date,
                                      h.council,
                                      h.committee,
                                      h.item_number,
                                      h.item_title,
                                      h.speaker,
                                      h.speaker_role,
                                      h.passage_kind,
                                      h.snippet,
                                      h.citation,
                                      h.source,
                                      h.page ? std::to_string(*h.page) : "",
                                      score,
                                      h.seconder};
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            first = false;
            out += csv_field(f);
        }
        out += "\r\n";
    }
    return out;
}

std::string search_response_table(const SearchResponse& r, const TableStyle& style) {
    std::size_t width = style.width < 40 ? 40 : style.width;
    std::string out;
    std::string total = (r.total_exact ? "" : "about ") + std::to_string(r.total_estimate);
    std::string summary =
        total + " " + grouping_noun(r, r.total_estimate) + (r.total_estimate == 1 ? " matches" : " match");
    if (!r.hits.empty()) {
        summary += std::string("; showing ") + (r.by == GroupBy::passage ? "passages " : "") +
                   std::to_string(r.hits.front().rank) + "-" + std::to_string(r.hits.back().rank);
    }
    summary += ", by " + std::string(sort_order_name(r.sort));
    out += wrap(summary, width, "");
    if (!r.suggestion.empty()) out += "Did you mean: " + bold(r.suggestion, style.color) + "\n";
    for (const auto& note : r.notes) out += wrap("Note: " + note, width, "");
    for (const auto& h : r.hits) {
        out += "\n";
        std::string head = std::to_string(h.rank) + ". " + (h.date.empty() ? "undated" : long_date(h.date));
        if (!h.council.empty()) head += " | " + h.council;
        if (!h.committee.empty() && !committee_is_council(h.council, h.committee)) head += " | " + h.committee;
        out += wrap(bold(head, style.color), width, "");
        std::string title = item_heading(h.item_number, h.item_title);
        if (r.by == GroupBy::meeting && h.grouped > 0) {
            title +=
                " (+" + std::to_string(h.grouped) + " more matching item" + (h.grouped == 1 ? ")" : "s)");
        }
        if (!title.empty()) out += wrap(title, width, "   ");
        if (!h.snippet.empty()) out += wrap(marked_snippet(h, style.color), width, "   > ");
        if (!h.speaker.empty() || !h.speaker_role.empty()) {
            std::string who = h.speaker.empty() ? "unnamed" : h.speaker;
            if (!h.speaker_role.empty()) who += " (" + h.speaker_role + ")";
            out += wrap("Speaker: " + who, width, "   ");
        }
        if (!h.seconder.empty()) out += wrap("Seconded: " + h.seconder, width, "   ");
        out += wrap("Cite: " + h.citation, width, "   ");
        out += wrap("Source: " + h.source + "  [id " + h.item_id + "]", width, "   ");
    }
    if (!r.facets.empty()) out += "\n";
    for (const auto& f : r.facets) {
        std::string line = bold(f.name + ":", style.color);
        if (f.values.empty()) line += " (none)";
        bool first = true;
        for (const auto& v : f.values) {
            line += std::string(first ? " " : "; ") + v.value + " (" + std::to_string(v.count) + ")";
            first = false;
        }
        out += wrap(line, width, "");
    }
    return out;
}

std::string item_heading(std::string_view number, std::string_view title) {
    if (number.empty()) return title.empty() ? "Untitled item" : std::string(title);
    std::string heading = "Minute " + std::string(number);
    if (!title.empty()) heading += ": " + std::string(title);
    return heading;
}

std::string no_results_message(const SearchResponse& r) {
    std::string message = "no results";
    if (!r.query.empty()) message += " for \"" + r.query + "\"";
    if (!r.suggestion.empty())
        message += "; did you mean \"" + r.suggestion + "\"?";
    else
        message += "; try fewer words, OR between alternatives, a wildcard (child*), or fewer filters";
    return message;
}

std::string item_to_json(const ItemRecord& item, int indent) {
    json passages = json::array();
    for (const auto& p : item.passages) {
        passages.push_back({{"text", p.text},
                            {"kind", std::string(passage_kind_name(p.kind))},
                            {"speaker", nullable(p.speaker)},
                            {"speaker_role", nullable(std::string(role_name(p.speaker_role)))},
                            {"seconder", nullable(p.seconder)},
                            {"page", p.page ? json(*p.page) : json(nullptr)}});
    }
    json j{{"id", item.id},
           {"meeting_id", item.meeting_id},
           {"council", item.council},
           {"committee", item.committee},
           {"date", nullable(item.date)},
           {"number", item.number},
           {"title", item.title},
           {"source", item.source},
           {"page", item.page ? json(*item.page) : json(nullptr)},
           {"citation", citation_for(item, item.page)},
           {"passages", std::move(passages)}};
    return dump(j, indent);
}

std::string error_to_json(const Error& error) {
    json j{{"error", {{"code", std::string(error_code_name(error.code))}, {"message", error.message}}}};
    return dump(j, -1);
}

}  // namespace minutes

namespace minutes {

std::optional<Error> error_from_json(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("error") || !j["error"].is_object())
        return std::nullopt;
    const json& e = j["error"];
    if (!e.contains("code") || !e["code"].is_string() || !e.contains("message") ||
        !e["message"].is_string()) {
        return std::nullopt;
    }
    std::string code = e["code"].get<std::string>();
    for (ErrorCode c :
         {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::Corrupt, ErrorCode::Io,
          ErrorCode::Locked, ErrorCode::Unavailable, ErrorCode::LimitExceeded, ErrorCode::Unsupported}) {
        if (error_code_name(c) == code) return Error{c, e["message"].get<std::string>()};
    }
    return Error{ErrorCode::Unavailable, e["message"].get<std::string>()};
}

}  // namespace minutes
