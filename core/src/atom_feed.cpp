// A search's newest matching items as an Atom 1.0 feed (RFC 4287), all text escaped for XML.
#include "minutes/atom_feed.h"

#include <algorithm>

#include "minutes/model.h"
#include "minutes/search_format.h"

namespace minutes {

namespace {

std::string x(std::string_view text) { return xml_escape(text); }

std::string feed_title(const WebParams& params) {
    std::string query;
    std::string filters;
    for (const auto& [name, value] : params) {
        if (name == "q" || name == "query") {
            query = value;
        } else if (name != "limit" && name != "snippet") {
            filters += (filters.empty() ? "" : "; ") + name + ": " + value;
        }
    }
    std::string title = "Council minutes";
    if (!query.empty()) title += ": \u201C" + query + "\u201D";
    if (!filters.empty()) title += " (" + filters + ")";
    return title;
}

}  // namespace

std::string atom_entry_id(std::string_view item_id) { return "urn:minutes:item:" + percent_encode(item_id); }

std::string atom_feed_id(const WebParams& params) {
    WebParams sorted = params;
    std::stable_sort(sorted.begin(), sorted.end());
    return "urn:minutes:search:" + percent_encode(query_string(sorted));
}

std::string atom_timestamp(std::string_view iso_date) {
    auto date = MeetingDate::from_iso(iso_date);
    if (!date || date->iso().empty()) return {};
    return date->iso() + "T00:00:00Z";
}

std::string render_atom_feed(const SearchResponse& response, const WebParams& params,
                             std::string_view now_rfc3339, std::string_view base_url) {
    std::string base(base_url);
    std::string updated;
    for (const auto& hit : response.hits) updated = std::max(updated, atom_timestamp(hit.date));
    if (updated.empty()) updated = std::string(now_rfc3339);

    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:lang=\"en\">\n";
    out += "<id>" + x(atom_feed_id(params)) + "</id>\n";
    out += "<title type=\"text\">" + x(feed_title(params)) + "</title>\n";
    out +=
        "<subtitle type=\"text\">Newest agenda items matching this search, from the council minutes "
        "indexed.</subtitle>\n";
    out += "<updated>" + x(updated) + "</updated>\n";
    out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
           x(base + url_with_params("/search.atom", params)) + "\"/>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + x(base + url_with_params("/", params)) + "\"/>\n";
    out += "<author><name>Council minutes search</name></author>\n";
    out += "<generator>minutes-searchd</generator>\n";
    for (const auto& hit : response.hits) {
        std::string date = atom_timestamp(hit.date);
        if (date.empty()) date = "1970-01-01T00:00:00Z";
        std::string title = item_heading(hit.item_number, hit.item_title);
        title += " \u2014 " + hit.committee + (hit.date.empty() ? "" : ", " + long_date(hit.date));
        std::string content = hit.citation + "\n";
        if (!hit.speaker.empty() || !hit.speaker_role.empty()) {
            content += "Speaker: " + hit.speaker;
            if (!hit.speaker_role.empty())
                content += (hit.speaker.empty() ? "" : " ") + ("(" + hit.speaker_role + ")");
            content += "\n";
        }
        content += "\n" + hit.snippet;
        out += "<entry>\n";
        out += "<id>" + x(atom_entry_id(hit.item_id.empty() ? hit.id : hit.item_id)) + "</id>\n";
        out += "<title type=\"text\">" + x(title) + "</title>\n";
        out += "<updated>" + date + "</updated>\n";
        if (!hit.date.empty()) out += "<published>" + date + "</published>\n";
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
               x(base + "/items/" + percent_encode(hit.item_id.empty() ? hit.id : hit.item_id)) + "\"/>\n";
        out += "<author><name>" + x(hit.council.empty() ? std::string("Unknown council") : hit.council) +
               "</name></author>\n";
        if (!hit.committee.empty()) out += "<category term=\"" + x(hit.committee) + "\"/>\n";
        out += "<summary type=\"text\">" + x(hit.snippet) + "</summary>\n";
        out += "<content type=\"text\">" + x(content) + "</content>\n";
        out += "</entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace minutes
