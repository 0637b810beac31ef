// The item page (the whole agenda item, its speakers, the decision, the meeting's attendance, neighbours,
// more like this, the source), the meeting page, the error page and the page frame they share.
#include <algorithm>
#include <map>

#include "query_parser_xapian.h"
#include "search_snippet.h"
#include "web_html.h"

namespace minutes {

namespace web {

std::string role_label(const std::string& role) {
    if (role == "chair") return "Chair";
    if (role == "vice_chair") return "Vice-chair";
    if (role == "member") return "Member";
    if (role == "officer") return "Officer";
    if (role == "guest") return "Guest";
    if (role == "clerk") return "Clerk";
    if (role == "public") return "Member of the public";
    return role;
}

std::string kind_label(const std::string& kind) {
    if (kind == "resolution" || kind == "decision") return "Decision";
    if (kind == "declaration") return "Declaration of interest";
    if (kind == "vote") return "Vote";
    if (kind == "paragraph") return "Paragraph";
    if (kind == "bullet") return "Bullet point";
    return kind;
}

std::string highlighted(std::string_view text, const std::vector<Highlight>& highlights) {
    std::vector<Highlight> sorted = highlights;
    std::sort(sorted.begin(), sorted.end(),
              [](const Highlight& a, const Highlight& b) { return a.offset < b.offset; });
    std::string out;
    std::size_t at = 0;
    for (const auto& mark : sorted) {
        if (mark.offset < at || mark.length == 0 || mark.offset > text.size() ||
            mark.length > text.size() - mark.offset)
            continue;
        out += h(text.substr(at, mark.offset - at));
        out += "<mark>" + h(text.substr(mark.offset, mark.length)) + "</mark>";
        at = mark.offset + mark.length;
    }
    out += h(text.substr(at));
    return out;
}

// The stylesheet's address carries a digest of its content, so a browser never keeps an old one
// after an upgrade however long it caches it.
std::string stylesheet_url() {
    static const std::string url =
        std::string(kStylesheetPath) + "?v=" + percent_encode(sha256_base64(web_stylesheet()).substr(0, 12));
    return url;
}

std::string page_start(std::string_view title, std::string_view head_extra) {
    std::string out =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"same-origin\">\n<title>" +
        h(title) + " \u2013 Council minutes search</title>\n<link rel=\"stylesheet\" href=\"" +
        h(stylesheet_url()) + "\">\n<link rel=\"icon\" type=\"image/svg+xml\" href=\"" +
        std::string(kIconPath) + "\">\n" + std::string(head_extra) +
        "</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
        "<header class=\"masthead\"><div class=\"inner\"><a href=\"/\">Council minutes search</a>"
        "<span class=\"tagline\">Decisions, debates and declarations from committee "
        "minutes</span></div></header>\n"
        "<main id=\"main\">\n";
    return out;
}

std::string page_end() {
    return "</main>\n<footer><p>Read-only search of published council minutes. The same searches as JSON: "
           "<code>/search</code> (see the API description). Citations name the council, committee, meeting "
           "date, minute number and page.</p></footer>\n<script>" +
           std::string(web_script()) + "</script>\n</body>\n</html>\n";
}

}  // namespace web

namespace {

using web::h;

std::string attendance_heading(Attendance attendance) {
    switch (attendance) {
        case Attendance::present:
            return "Present";
        case Attendance::in_attendance:
            return "In attendance";
        case Attendance::remote:
            return "Attended remotely";
        case Attendance::apologies:
            return "Apologies";
        case Attendance::absent:
            return "Absent";
        case Attendance::unknown:
            break;
    }
    return "Listed";
}

std::string attendee_text(const Attendee& attendee) {
    std::string name = attendee.honorific.empty() ? attendee.name : attendee.honorific + " " + attendee.name;
    std::string out = h(name);
    std::vector<std::string> notes;
    if (attendee.role == Role::chair || attendee.role == Role::vice_chair || attendee.role == Role::clerk) {
        notes.push_back(web::role_label(std::string(role_name(attendee.role))));
    }
    if (!attendee.position.empty()) notes.push_back(attendee.position);
    if (!notes.empty()) {
        out += " <span class=\"hint\">(";
        for (std::size_t i = 0; i < notes.size(); ++i) out += (i ? ", " : "") + h(notes[i]);
        out += ")</span>";
    }
    return out;
}

void render_attendance(std::string& out, const MeetingRecord& meeting) {
    out +=
        "<section class=\"attendance\" aria-labelledby=\"attendance-h\"><h2 "
        "id=\"attendance-h\">Attendance</h2>\n";
    if (meeting.attendees.empty()) {
        out += "<p>The minutes list no attendance.</p></section>\n";
        return;
    }
    out += "<dl>\n";
    for (Attendance kind : {Attendance::present, Attendance::in_attendance, Attendance::remote,
                            Attendance::apologies, Attendance::absent, Attendance::unknown}) {
        std::string list;
        for (const auto& attendee : meeting.attendees) {
            if (attendee.attendance != kind) continue;
            list += "<li>" + attendee_text(attendee) + "</li>";
        }
        if (list.empty()) continue;
        out += "<dt>" + attendance_heading(kind) + "</dt><dd><ul>" + list + "</ul></dd>\n";
    }
    out += "</dl></section>\n";
}

std::string meeting_line(const MeetingRecord& meeting) {
    std::string line = meeting.date.empty() ? "Undated meeting" : long_date(meeting.date);
    if (!meeting.start_time.empty()) {
        line += ", " + meeting.start_time;
        if (!meeting.end_time.empty()) line += "\u2013" + meeting.end_time;
    }
    return line;
}

std::string source_text(const std::string& source, Format format, std::optional<int> page) {
    std::string out = "<code>" + h(source) + "</code> (" + h(format_name(format));
    if (page) out += ", page " + std::to_string(*page);
    out += ")";
    return out;
}

// Highlights of the query's words in one passage: the search core's own matching (stems, phrases),
// over the whole passage. No database, so abbreviations' long forms are not marked.
struct PassageMarker {
    explicit PassageMarker(const std::string& query) {
        if (query.empty()) return;
        QueryCompiler compiler(nullptr);
        auto compiled = compiler.compile(query);
        if (compiled && (!compiled->words.words.empty() || !compiled->words.phrases.empty() ||
                         !compiled->words.prefixes.empty())) {
            words = std::move(compiled->words);
            active = true;
        }
    }
    std::string mark(const std::string& text) const {
        if (!active) return h(text);
        // make_snippet starts its window a quarter of the budget before the densest matches: a budget
        // of four times the text keeps the whole passage.
        Snippet whole = make_snippet(text, words, text.size() * 4 + 16);
        return web::highlighted(whole.text, whole.highlights);
    }
    QueryWords words;
    bool active = false;
};

std::string query_in(const WebParams& params) {
    for (const auto& [name, value] : params) {
        if (name == "q" || name == "query") return value;
    }
    return {};
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> item_parts(const ItemRecord& item) {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t first = 0, bytes = 0;
    for (std::size_t i = 0; i < item.passages.size(); ++i) {
        const Passage& passage = item.passages[i];
        std::size_t size =
            passage.text.size() + passage.speaker.size() + passage.seconder.size() + config::kPassageMarkupBytes;
        if (i > first && bytes + size > config::kItemPartTextBytes) {
            parts.emplace_back(first, i);
            first = i;
            bytes = 0;
        }
        bytes += size;
    }
    parts.emplace_back(first, item.passages.size());
    return parts;
}

std::string render_item_page(const ItemPageInput& input) {
    const ItemRecord& item = *input.item;
    const MeetingRecord* meeting = input.meeting;
    std::string heading = item_heading(item.number, item.title);
    std::string out = web::page_start(heading + ", " + item.committee + ", " +
                                      (item.date.empty() ? std::string("undated") : long_date(item.date)));
    std::string meeting_url = "/meetings/" + percent_encode(item.meeting_id);

    out += "<nav class=\"crumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"/\">Search</a></li>";
    if (!input.back.empty()) {
        out += "<li><a href=\"" + h(url_with_params("/", input.back)) + "\">Results for &ldquo;" +
               h(query_in(input.back).empty() ? std::string("this search") : query_in(input.back)) +
               "&rdquo;</a></li>";
    }
    out += "<li><a href=\"" + h(meeting_url) + "\">" + h(item.committee) + ", " +
           h(item.date.empty() ? std::string("undated") : long_date(item.date)) + "</a></li>";
    out += "<li aria-current=\"page\">" +
           h(item.number.empty() ? std::string("Item") : "Minute " + item.number) + "</li></ol></nav>\n";

    out += "<article class=\"item\" aria-labelledby=\"item-h\">\n<h1 id=\"item-h\">" + h(heading) + "</h1>\n";
    out += "<table class=\"meta-table\"><tbody>";
    out += "<tr><th scope=\"row\">Council</th><td>" + h(item.council) + "</td></tr>";
    out += "<tr><th scope=\"row\">Committee</th><td>" + h(item.committee) + "</td></tr>";
    out += "<tr><th scope=\"row\">Meeting</th><td><a href=\"" + h(meeting_url) + "\">" +
           h(meeting ? meeting_line(*meeting)
                     : (item.date.empty() ? std::string("Undated meeting") : long_date(item.date))) +
           "</a></td></tr>";
    if (meeting && !meeting->venue.empty())
        out += "<tr><th scope=\"row\">Venue</th><td>" + h(meeting->venue) + "</td></tr>";
    out += "</tbody></table>\n";
    std::string citation = citation_for(item, item.page);
    out += "<p class=\"cite\"><span class=\"label\">Cite:</span> <span id=\"cite-item\">" + h(citation) +
           "</span> <button type=\"button\" class=\"secondary\" data-copy=\"cite-item\" hidden>Copy "
           "citation</button></p>\n";
    out += "<p class=\"print-url\">Printed from /items/" + h(item.id) + "</p>\n";

    // Previous and next items of the meeting.
    std::string neighbours;
    if (meeting) {
        auto self = std::find_if(meeting->items.begin(), meeting->items.end(),
                                 [&](const ItemSummary& s) { return s.id == item.id; });
        if (self != meeting->items.end()) {
            auto link = [&](const ItemSummary& s, std::string_view rel, std::string_view arrow_before,
                            std::string_view arrow_after) {
                return "<a rel=\"" + std::string(rel) + "\" href=\"" +
                       h(url_with_params("/items/" + percent_encode(s.id), input.back)) + "\">" +
                       std::string(arrow_before) + (rel == "prev" ? "Previous: " : "Next: ") +
                       h(item_heading(s.number, s.title)) + std::string(arrow_after) + "</a>";
            };
            neighbours +=
                self != meeting->items.begin() ? link(*(self - 1), "prev", "&larr; ", "") : "<span></span>";
            if (self + 1 != meeting->items.end()) neighbours += link(*(self + 1), "next", "", " &rarr;");
        }
    }
    if (!neighbours.empty())
        out += "<nav class=\"item-nav\" aria-label=\"Items of this meeting\">" + neighbours + "</nav>\n";

    // The passages, in parts for a very long item.
    auto parts = item_parts(item);
    std::size_t part = input.part;
    if (part == 0 || part > parts.size()) {
        part = 1;
        for (std::size_t p = 0; p < parts.size(); ++p) {
            if (input.matched_passage > parts[p].first && input.matched_passage <= parts[p].second)
                part = p + 1;
        }
    }
    auto [first, last] = parts[part - 1];
    PassageMarker marker(query_in(input.back));
    out +=
        "<section class=\"passages\" aria-labelledby=\"passages-h\"><h2 id=\"passages-h\">The minute</h2>\n";
    if (parts.size() > 1) {
        out += "<p class=\"hint\">A long item: part " + std::to_string(part) + " of " +
               std::to_string(parts.size()) + " (passages " + std::to_string(first + 1) + "&ndash;" +
               std::to_string(last) + ").</p>\n";
    }
    if (item.passages.empty()) out += "<p>The minutes record no text under this item.</p>\n";
    std::optional<int> page_shown = item.page;
    for (std::size_t i = first; i < last; ++i) {
        const Passage& passage = item.passages[i];
        std::size_t number = i + 1;
        std::string kind(passage_kind_name(passage.kind));
        std::string classes = "passage";
        if (passage.kind == PassageKind::resolution) classes += " decision";
        if (passage.kind == PassageKind::declaration) classes += " declaration";
        if (passage.kind == PassageKind::vote) classes += " vote";
        bool matched = number == input.matched_passage;
        if (matched) classes += " matched";
        if (passage.page && passage.page != page_shown) {
            out += "<p class=\"hint\">Page " + std::to_string(*passage.page) + " of the source</p>\n";
            page_shown = passage.page;
        }
        out += "<div class=\"" + classes + "\" id=\"p" + std::to_string(number) + "\">";
        if (matched) out += "<p class=\"visually-hidden\">The passage your search matched:</p>";
        std::string who;
        if (passage.kind == PassageKind::resolution || passage.kind == PassageKind::declaration ||
            passage.kind == PassageKind::vote) {
            who += "<span class=\"kind\">" + h(web::kind_label(kind)) + "</span>";
        }
        std::string role(role_name(passage.speaker_role));
        if (!passage.speaker.empty()) {
            who += h(passage.speaker);
            if (!role.empty()) who += " &mdash; " + h(web::role_label(role));
        } else if (!role.empty()) {
            who += h(web::role_label(role));
        }
        if (!passage.seconder.empty()) who += "; seconded by " + h(passage.seconder);
        if (!who.empty()) out += "<p class=\"who\">" + who + "</p>";
        out += "<p>" + marker.mark(passage.text) + "</p></div>\n";
    }
    if (parts.size() > 1) {
        out += "<nav class=\"pages\" aria-label=\"Parts of this item\">";
        for (std::size_t p = 1; p <= parts.size(); ++p) {
            WebParams link = input.back;
            link.emplace_back("part", std::to_string(p));
            if (p == part) {
                out += "<span aria-current=\"page\">Part " + std::to_string(p) + "</span>";
            } else {
                out += "<a href=\"" + h(url_with_params("/items/" + percent_encode(item.id), link)) +
                       "\">Part " + std::to_string(p) + "</a>";
            }
        }
        out += "</nav>\n";
    }
    out += "</section>\n";
    if (meeting) render_attendance(out, *meeting);

    out +=
        "<section class=\"similar\" aria-labelledby=\"similar-h\"><h2 id=\"similar-h\">More like this</h2>\n";
    if (input.similar && !input.similar->hits.empty()) {
        out += "<ol>\n";
        for (const auto& hit : input.similar->hits) {
            out += "<li><a href=\"/items/" + h(percent_encode(hit.item_id)) + "\">" +
                   h(item_heading(hit.item_number, hit.item_title)) + "</a> <span class=\"where\">" +
                   h(hit.committee) + ", " +
                   h(hit.date.empty() ? std::string("undated") : long_date(hit.date)) + "</span></li>\n";
        }
        out += "</ol>\n<p><a href=\"" + h(url_with_params("/", {{"like", item.id}})) +
               "\">All items like this one</a></p>\n";
    } else {
        out += "<p>No other item discusses the same matter.</p>\n";
    }
    out += "</section>\n";

    out += "<section class=\"source\" aria-labelledby=\"source-h\"><h2 id=\"source-h\">Source</h2>\n<p>" +
           source_text(item.source, item.format, item.page) + "</p>\n";
    if (meeting && meeting->sources.size() > 1) {
        out += "<p>Also published as:</p><ul>";
        for (const auto& source : meeting->sources) {
            if (source != item.source) out += "<li><code>" + h(source) + "</code></li>";
        }
        out += "</ul>\n";
    }
    out += "<p class=\"no-print\"><a href=\"/items/" + h(percent_encode(item.id)) +
           ".json\">This item as JSON</a></p>\n";
    out += "</section>\n</article>\n";
    out += web::page_end();
    return out;
}

std::string render_meeting_page(const MeetingRecord& meeting) {
    std::string title =
        meeting.committee + ", " + (meeting.date.empty() ? std::string("undated") : long_date(meeting.date));
    std::string out = web::page_start(title);
    out +=
        "<nav class=\"crumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"/\">Search</a></li><li "
        "aria-current=\"page\">Meeting</li></ol></nav>\n";
    out += "<h1>" + h(title) + "</h1>\n<table class=\"meta-table\"><tbody>";
    out += "<tr><th scope=\"row\">Council</th><td>" + h(meeting.council) + "</td></tr>";
    out += "<tr><th scope=\"row\">Committee</th><td>" + h(meeting.committee) + "</td></tr>";
    out += "<tr><th scope=\"row\">When</th><td>" + h(meeting_line(meeting)) + "</td></tr>";
    if (!meeting.venue.empty())
        out += "<tr><th scope=\"row\">Venue</th><td>" + h(meeting.venue) + "</td></tr>";
    out += "</tbody></table>\n";
    out += "<p><a href=\"" +
           h(url_with_params(
               "/", {{"committee", meeting.committee}, {"council", meeting.council}, {"sort", "newest"}})) +
           "\">Other meetings of this committee</a></p>\n";
    out += "<section aria-labelledby=\"items-h\"><h2 id=\"items-h\">Agenda items</h2>\n";
    if (meeting.items.empty()) {
        out += "<p>No agenda items were recognised in these minutes.</p>\n";
    } else {
        out += "<ol class=\"items\">\n";
        for (const auto& item : meeting.items) {
            out += "<li><a href=\"/items/" + h(percent_encode(item.id)) + "\">" +
                   h(item_heading(item.number, item.title)) + "</a></li>\n";
        }
        out += "</ol>\n";
    }
    out += "</section>\n";
    render_attendance(out, meeting);
    if (!meeting.acronyms.empty()) {
        out += "<section aria-labelledby=\"acronyms-h\"><h2 id=\"acronyms-h\">Abbreviations used</h2><dl>";
        for (const auto& acronym : meeting.acronyms) {
            out += "<dt>" + h(acronym.short_form) + "</dt><dd>" + h(acronym.long_form) + "</dd>";
        }
        out += "</dl></section>\n";
    }
    out += "<section class=\"source\" aria-labelledby=\"source-h\"><h2 id=\"source-h\">Source</h2><ul>";
    for (const auto& source : meeting.sources) out += "<li><code>" + h(source) + "</code></li>";
    out += "</ul>\n<p class=\"no-print\"><a href=\"/meetings/" + h(percent_encode(meeting.id)) +
           ".json\">This meeting as JSON</a></p></section>\n";
    out += web::page_end();
    return out;
}

std::string render_error_page(int status, std::string_view message) {
    std::string title = std::to_string(status) + " " + std::string(http_reason_phrase(status));
    std::string out = web::page_start(title);
    out += "<h1>" + h(status == 404 ? std::string("Not found") : title) +
           "</h1>\n<div class=\"error\" role=\"alert\"><p>" + h(message) +
           "</p></div>\n<p><a href=\"/\">Start a new search</a></p>\n";
    out += web::page_end();
    return out;
}

HttpResponse html_response(int status, std::string body) {
    HttpResponse response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.body = std::move(body);
    response.headers.emplace_back("Content-Security-Policy", content_security_policy());
    response.headers.emplace_back("Referrer-Policy", "same-origin");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Vary", "Accept");
    return response;
}

}  // namespace minutes
