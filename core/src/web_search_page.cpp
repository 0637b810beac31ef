// The search page: form, filters in force, facets that narrow and widen, results with highlighted
// snippets and citations, paging, "did you mean", and an empty result that says what to drop.
#include <algorithm>
#include <array>

#include "minutes/schema.h"
#include "web_html.h"

namespace minutes {

namespace {

using web::h;

// Parameters that describe the result list rather than narrow it: never offered as "drop".
bool is_presentation_param(std::string_view name) {
    return name == "q" || name == "query" || name == "sort" || name == "by" || name == "limit" ||
           name == "offset" || name == "snippet";
}

std::string param_value(const WebParams& params, std::string_view name) {
    for (const auto& [n, v] : params) {
        if (n == name) return v;
    }
    return {};
}

std::string query_of(const WebParams& params) {
    for (const auto& [n, v] : params) {
        if (n == "q" || n == "query") return v;
    }
    return {};
}

WebParams without(const WebParams& params, std::initializer_list<std::string_view> names) {
    WebParams out;
    for (const auto& pair : params) {
        if (std::find(names.begin(), names.end(), pair.first) == names.end()) out.push_back(pair);
    }
    return out;
}

WebParams with_value(const WebParams& params, const std::string& name, const std::string& value) {
    WebParams out = without(params, {name});
    if (!value.empty()) out.emplace_back(name, value);
    return out;
}

// The facet a click narrows by: parameters to add, or to remove when all are present.
WebParams facet_params(const std::string& facet, const std::string& value) {
    if (facet == "year") return {{"from", value + "-01-01"}, {"to", value + "-12-31"}};
    return {{facet, value}};
}

bool has_all(const WebParams& params, const WebParams& wanted) {
    return std::all_of(wanted.begin(), wanted.end(), [&](const auto& pair) {
        return std::find(params.begin(), params.end(), pair) != params.end();
    });
}

WebParams toggle_facet(const WebParams& params, const std::string& facet, const std::string& value) {
    WebParams wanted = facet_params(facet, value);
    WebParams out;
    if (has_all(params, wanted)) {
        for (const auto& pair : params) {
            if (pair.first != "offset" && std::find(wanted.begin(), wanted.end(), pair) == wanted.end())
                out.push_back(pair);
        }
        return out;
    }
    // A year replaces the date range in force (one range at a time); other facets add an alternative.
    out = facet == "year" ? without(params, {"offset", "from", "to"}) : without(params, {"offset"});
    out.insert(out.end(), wanted.begin(), wanted.end());
    return out;
}

std::string facet_heading(std::string_view facet) {
    if (facet == "committee") return "Committee";
    if (facet == "council") return "Council";
    if (facet == "year") return "Year";
    if (facet == "member") return "Member";
    if (facet == "role") return "Speaker's role";
    if (facet == "type") return "Kind of passage";
    return std::string(facet);
}

std::string facet_value_label(std::string_view facet, const std::string& value) {
    if (facet == "role") return web::role_label(value);
    if (facet == "type") return web::kind_label(value);
    return value;
}

std::string filter_label(std::string_view name, const std::string& value) {
    if (name == "committee") return "Committee: " + value;
    if (name == "council") return "Council: " + value;
    if (name == "member") return "Member: " + value;
    if (name == "role") return "Speaker's role: " + web::role_label(value);
    if (name == "type") return "Kind: " + web::kind_label(value);
    if (name == "topic") return "Item title: " + value;
    if (name == "item") return "Minute number: " + value;
    if (name == "from") return "From " + long_date(value);
    if (name == "to") return "To " + long_date(value);
    if (name == "like") return "Like item " + value;
    return std::string(name) + ": " + value;
}

std::string_view sort_label(SortOrder sort) {
    switch (sort) {
        case SortOrder::relevance:
            return "best match first";
        case SortOrder::newest:
            return "newest first";
        case SortOrder::oldest:
            return "oldest first";
    }
    return "";
}

std::string count_text(std::size_t count, bool exact, std::string_view one, std::string_view many) {
    std::string out = exact ? "" : "about ";
    out += std::to_string(count) + " " + std::string(count == 1 ? one : many);
    return out;
}

void render_help(std::string& out) {
    out += R"(<details class="help"><summary>How to search</summary><dl>
<dt>ofsted inspection</dt><dd>items with either word, in any form (inspection finds inspections), those with both first; <code>ofsted AND inspection</code> needs both</dd>
<dt>"holding your nerve"</dt><dd>the exact phrase</dd>
<dt>ofsted -inadequate</dt><dd>leave out items with a word (also <code>NOT</code>); <code>budget OR finance</code> for either</dd>
<dt>child*</dt><dd>words starting with child</dd>
<dt>committee:cabinet</dt><dd>a committee whose name holds these words; also <code>council:</code>, <code>member:Oborski</code>, <code>role:officer</code>, <code>topic:budget</code>, <code>type:decision</code>, <code>item:271</code></dd>
<dt>2017-01..2017-06</dt><dd>a date range (<code>date:2017-03</code> for one month)</dd>
<dt>SIP</dt><dd>an abbreviation finds what the minutes spell it out as</dd>
<dt>cybersecurity</dt><dd>also finds the word written apart (Cyber Security); <code>wind farm</code> finds Windfarm</dd>
</dl></details>)";
}

// Filters in force as removable chips, kept in the form as hidden fields so a new query keeps them.
void render_form(std::string& out, const WebParams& params) {
    std::string q = query_of(params);
    out += "<form class=\"search\" role=\"search\" method=\"get\" action=\"/\">\n";
    out += "<div class=\"query\"><label for=\"q\">Search the minutes</label>";
    out += "<input type=\"search\" id=\"q\" name=\"q\" value=\"" + h(q) +
           "\" aria-describedby=\"q-hint\" autocomplete=\"off\" spellcheck=\"false\">";
    out += "<button type=\"submit\">Search</button></div>\n";
    out +=
        "<p class=\"hint\" id=\"q-hint\">Items with the most of your words come first. Put a phrase in "
        "\"quotes\"; -word leaves a word out; committee:, member:, role:, type: filter.</p>\n";

    std::vector<std::pair<std::string, std::string>> chips;
    for (const auto& [name, value] : params) {
        static constexpr std::array<std::string_view, 8> kKept{"committee", "council", "member", "role",
                                                               "type",      "topic",   "item",   "like"};
        if (std::find(kKept.begin(), kKept.end(), name) != kKept.end()) {
            out += "<input type=\"hidden\" name=\"" + h(name) + "\" value=\"" + h(value) + "\">";
        }
        if (name == "limit" || name == "snippet") {
            out += "<input type=\"hidden\" name=\"" + h(name) + "\" value=\"" + h(value) + "\">";
        }
    }
    out += "\n<details class=\"filter-box\"" + std::string(params.empty() ? " open" : "") +
           "><summary>Filters: committee, council, member, speaker's role, kind of passage, dates</summary>\n"
           "<fieldset class=\"filters\"><legend class=\"visually-hidden\">Narrow the search</legend>\n";
    auto text_field = [&](std::string_view name, std::string_view label, std::string_view hint) {
        std::string id = "f-" + std::string(name);
        out += "<div class=\"field\"><label for=\"" + id + "\">" + std::string(label) +
               "</label><input type=\"text\" id=\"" + id + "\" name=\"" + std::string(name) +
               "\" placeholder=\"" + std::string(hint) + "\"></div>\n";
    };
    text_field("committee", "Committee", "e.g. Cabinet");
    text_field("council", "Council", "e.g. Worcestershire");
    text_field("member", "Member", "e.g. Oborski");
    auto select_field = [&](std::string_view name, std::string_view label,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const std::string& current) {
        std::string id = "f-" + std::string(name);
        out += "<div class=\"field\"><label for=\"" + id + "\">" + std::string(label) +
               "</label><select id=\"" + id + "\" name=\"" + std::string(name) + "\">";
        for (const auto& [value, text] : options) {
            out += "<option value=\"" + h(value) + "\"" + (value == current ? " selected" : "") + ">" +
                   h(text) + "</option>";
        }
        out += "</select></div>\n";
    };
    std::vector<std::pair<std::string, std::string>> roles{{"", "Any speaker"}};
    for (std::string_view role : {"chair", "vice_chair", "member", "officer", "guest", "clerk", "public"}) {
        roles.emplace_back(role, web::role_label(std::string(role)));
    }
    select_field("role", "Speaker's role", roles, "");
    std::vector<std::pair<std::string, std::string>> kinds{{"", "Any passage"}};
    for (std::string_view kind : {"decision", "declaration", "vote"})
        kinds.emplace_back(kind, web::kind_label(std::string(kind)));
    select_field("type", "Kind of passage", kinds, "");
    auto date_field = [&](std::string_view name, std::string_view label) {
        std::string id = "f-" + std::string(name);
        out += "<div class=\"field\"><label for=\"" + id + "\">" + std::string(label) +
               "</label><input type=\"date\" id=\"" + id + "\" name=\"" + std::string(name) + "\" value=\"" +
               h(param_value(params, name)) + "\"></div>\n";
    };
    date_field("from", "Meetings from");
    date_field("to", "Meetings to");
    out += "</fieldset>\n</details>\n<div class=\"view\">";
    // The defaults have empty values, so a submitted form's URL leaves them out.
    std::string sort = param_value(params, "sort");
    select_field("sort", "Order",
                 {{"", "Best match"}, {"newest", "Newest first"}, {"oldest", "Oldest first"}},
                 sort == "relevance" ? "" : sort);
    std::string by = param_value(params, "by");
    select_field("by", "One result per",
                 {{"", "Agenda item"}, {"passage", "Passage"}, {"meeting", "Meeting"}},
                 by == "item" ? "" : by);
    out += "</div>\n";
    render_help(out);
    out += "</form>\n";

    // Chips: each filter in force with a link that removes it.
    std::string chip_html;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [name, value] = params[i];
        if (is_presentation_param(name)) continue;
        WebParams rest;
        for (std::size_t k = 0; k < params.size(); ++k) {
            if (k != i && params[k].first != "offset") rest.push_back(params[k]);
        }
        chip_html += "<li><a href=\"" + h(url_with_params("/", rest)) + "\">" + h(filter_label(name, value)) +
                     " <span aria-hidden=\"true\">&#x2715;</span><span class=\"visually-hidden\"> (remove "
                     "this filter)</span></a></li>";
    }
    if (!chip_html.empty()) {
        out +=
            "<div class=\"in-force\"><h2 class=\"visually-hidden\">Filters in force</h2><ul class=\"chips\" "
            "aria-label=\"Filters in force\">" +
            chip_html + "</ul></div>\n";
    }
}

void render_snippet(std::string& out, const Hit& hit) {
    out += "<p class=\"snippet\">";
    out += web::highlighted(hit.snippet, hit.highlights);
    out += "</p>\n";
}

void render_hit(std::string& out, const Hit& hit, const WebParams& params, GroupBy by) {
    WebParams item_params;
    for (const auto& pair : params) {
        if (pair.first != "offset") item_params.push_back(pair);
    }
    std::string item_url;
    if (!hit.item_id.empty()) {
        WebParams link = item_params;
        std::string anchor;
        if (hit.passage > 0) {
            link.emplace_back("passage", std::to_string(hit.passage));
            anchor = "#p" + std::to_string(hit.passage);
        }
        item_url = url_with_params("/items/" + percent_encode(hit.item_id), link) + anchor;
    }
    std::string title = item_heading(hit.item_number, hit.item_title);
    out += "<li class=\"hit\">\n";
    if (by == GroupBy::meeting) {
        out += "<h3><a href=\"/meetings/" + h(percent_encode(hit.meeting_id)) + "\">" + h(hit.committee) +
               ", " + h(hit.date.empty() ? std::string("undated") : long_date(hit.date)) + "</a></h3>\n";
        out += "<p class=\"where\">" + h(hit.council) + "</p>\n";
        if (!item_url.empty())
            out += "<p class=\"best\">Best match: <a href=\"" + h(item_url) + "\">" + h(title) + "</a></p>\n";
    } else {
        out += "<h3><a href=\"" + h(item_url) + "\">" + h(title) + "</a></h3>\n";
        std::string where = h(hit.date.empty() ? std::string("Undated") : long_date(hit.date));
        if (!hit.council.empty()) where += " &middot; " + h(hit.council);
        if (!hit.committee.empty() && !committee_is_council(hit.council, hit.committee))
            where += " &middot; " + h(hit.committee);
        out += "<p class=\"where\">" + where + "</p>\n";
    }
    render_snippet(out, hit);
    if (!hit.speaker.empty() || !hit.speaker_role.empty()) {
        out += "<p class=\"speaker\">Speaker: ";
        if (!hit.speaker.empty()) out += "<strong>" + h(hit.speaker) + "</strong>";
        if (!hit.speaker_role.empty()) {
            out += hit.speaker.empty() ? h(web::role_label(hit.speaker_role))
                                       : " (" + h(web::role_label(hit.speaker_role)) + ")";
        }
        if (!hit.seconder.empty()) out += "; seconded by " + h(hit.seconder);
        if (hit.passage_kind == "resolution") out += " &middot; <span class=\"kindnote\">decision</span>";
        out += "</p>\n";
    } else if (hit.passage_kind == "resolution") {
        std::string seconded = hit.seconder.empty() ? std::string() : "; seconded by " + h(hit.seconder);
        out += "<p class=\"speaker\">Decision" + seconded + "</p>\n";
    }
    if (by == GroupBy::meeting && hit.grouped > 0) {
        out += "<p class=\"grouped\">and " + std::to_string(hit.grouped) + " other matching item" +
               (hit.grouped == 1 ? "" : "s") + " of this meeting</p>\n";
    }
    std::string cite_id = "cite-" + std::to_string(hit.rank);
    out += "<p class=\"cite\"><span class=\"label\">Cite:</span> <span id=\"" + cite_id + "\">" +
           h(hit.citation) + "</span> <button type=\"button\" class=\"secondary\" data-copy=\"" + cite_id +
           "\" hidden>Copy citation</button></p>\n";
    out += "</li>\n";
}

void render_facets(std::string& out, const SearchResponse& response, const WebParams& params) {
    std::string body;
    for (const auto& name : page_facets()) {
        auto facet = std::find_if(response.facets.begin(), response.facets.end(),
                                  [&](const Facet& f) { return f.name == name; });
        if (facet == response.facets.end() || facet->values.empty()) continue;
        body += "<section class=\"facet\" aria-labelledby=\"facet-" + name + "\"><h2 id=\"facet-" + name +
                "\">" + facet_heading(name) + "</h2><ul>\n";
        for (const auto& value : facet->values) {
            bool on = has_all(params, facet_params(name, value.value));
            body += "<li><a href=\"" + h(url_with_params("/", toggle_facet(params, name, value.value))) +
                    "\"" + (on ? " class=\"on\" aria-current=\"true\"" : "") + "><span class=\"value\">" +
                    (on ? "<span aria-hidden=\"true\">&#x2713; </span>" : "") +
                    h(facet_value_label(name, value.value)) +
                    (on ? "<span class=\"visually-hidden\"> (selected; select again to remove)</span>" : "") +
                    "</span> <span class=\"count\"><span class=\"visually-hidden\">(</span>" +
                    std::to_string(value.count) + "<span class=\"visually-hidden\"> " +
                    (value.count == 1 ? "item" : "items") + ")</span></span></a></li>\n";
        }
        body += "</ul></section>\n";
    }
    if (body.empty()) return;
    out += "<nav class=\"facets\" aria-label=\"Narrow the results\">\n" + body + "</nav>\n";
}

void render_paging(std::string& out, const SearchResponse& response, const WebParams& params) {
    std::size_t limit = std::max<std::size_t>(response.limit, 1);
    bool has_prev = response.offset > 0;
    bool has_next = response.offset + limit < response.total_estimate &&
                    response.offset + 2 * limit <= config::kMaxResultDepth;
    if (!has_prev && !has_next) return;
    auto at = [&](std::size_t offset) {
        WebParams out_params = without(params, {"offset"});
        if (offset > 0) out_params.emplace_back("offset", std::to_string(offset));
        return h(url_with_params("/", out_params));
    };
    std::size_t page = response.offset / limit + 1;
    std::size_t pages = (response.total_estimate + limit - 1) / limit;
    out += "<nav class=\"pages\" aria-label=\"Result pages\">";
    if (has_prev)
        out += "<a href=\"" + at(response.offset >= limit ? response.offset - limit : 0) +
               "\" rel=\"prev\">&larr; Previous page</a>";
    out += "<span>Page " + std::to_string(page) + " of " + (response.total_exact ? "" : "about ") +
           std::to_string(pages) + "</span>";
    if (has_next) out += "<a href=\"" + at(response.offset + limit) + "\" rel=\"next\">Next page &rarr;</a>";
    out += "</nav>\n";
}

void render_empty(std::string& out, const SearchPageInput& input) {
    const WebParams& params = input.params;
    std::string q = query_of(params);
    out += "<div class=\"empty\">\n<p><strong>Nothing in the minutes matches all of this search.</strong> ";
    out +=
        "Every word of the query and every filter must hold at once (several values of one filter are "
        "alternatives).</p>\n<ul>";
    if (!q.empty()) out += "<li>the query &ldquo;" + h(q) + "&rdquo;</li>";
    for (const auto& [name, value] : params) {
        if (!is_presentation_param(name)) out += "<li>" + h(filter_label(name, value)) + "</li>";
    }
    out += "</ul>\n";
    std::string drops;
    for (const auto& drop : input.drops) {
        if (drop.total == 0) continue;
        drops += "<li><a href=\"" + h(url_with_params("/", drop.params)) + "\">Without " + h(drop.label) +
                 "</a>: " + count_text(drop.total, drop.total_exact, "item", "items") + "</li>\n";
    }
    if (!drops.empty()) {
        out += "<p>Dropping one of them finds results:</p>\n<ul class=\"drops\">\n" + drops + "</ul>\n";
    } else if (!input.drops.empty()) {
        out +=
            "<p>Dropping any one of them alone still finds nothing: try fewer or other words, another "
            "spelling, or a wider date range.</p>\n";
    } else {
        out += "<p>Try other words or another spelling, or a wider date range.</p>\n";
    }
    out += "</div>\n";
}

}  // namespace

bool is_page_param(std::string_view name) {
    static constexpr std::array<std::string_view, 17> kNames{
        "q",    "query", "committee", "council", "member", "role",   "topic", "type",   "item",
        "from", "to",    "sort",      "by",      "limit",  "offset", "like",  "snippet"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

const std::vector<std::string>& page_facets() {
    static const std::vector<std::string> kFacetsShown{"committee", "council", "year",
                                                       "member",    "role",    "type"};
    return kFacetsShown;
}

WebParams toggle_param(const WebParams& params, const std::string& name, const std::string& value) {
    return toggle_facet(params, name, value);
}

std::vector<DropSuggestion> drop_candidates(const WebParams& params) {
    std::vector<DropSuggestion> out;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (is_presentation_param(params[i].first)) continue;
        DropSuggestion drop;
        drop.label = filter_label(params[i].first, params[i].second);
        for (std::size_t k = 0; k < params.size(); ++k) {
            if (k != i && params[k].first != "offset") drop.params.push_back(params[k]);
        }
        out.push_back(std::move(drop));
    }
    // Words of a plain query: no phrase, bracket, operator or field, where leaving one word out is
    // a search a person would have typed.
    std::string q = query_of(params);
    if (q.find_first_of("\"()*:") != std::string::npos) return out;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < q.size();) {
        std::size_t end = q.find(' ', i);
        if (end == std::string::npos) end = q.size();
        if (end > i) words.push_back(q.substr(i, end - i));
        i = end + 1;
    }
    static constexpr std::array<std::string_view, 6> kOperators{"AND", "OR", "NOT", "NEAR", "ADJ", "XOR"};
    for (const auto& word : words) {
        if (word[0] == '-' || std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end())
            return out;
    }
    if (words.size() < 2 || words.size() > 6) return out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string rest;
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (k == i) continue;
            if (!rest.empty()) rest += ' ';
            rest += words[k];
        }
        DropSuggestion drop;
        drop.label = "the word \u201C" + words[i] + "\u201D";
        drop.params = with_value(without(params, {"offset", "query"}), "q", rest);
        out.push_back(std::move(drop));
    }
    return out;
}

std::string render_search_page(const SearchPageInput& input) {
    const WebParams& params = input.params;
    std::string q = query_of(params);
    WebParams feed_params = without(params, {"offset", "sort", "by"});
    std::string out;
    std::string title = q.empty() ? "Search the minutes" : q + " \u2013 search results";
    std::string head =
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"This search as a feed\" href=\"" +
        h(url_with_params("/search.atom", feed_params)) + "\">\n";
    out += web::page_start(title, head);
    // On a results page the heading is for screen readers: the results themselves should be in sight.
    out += params.empty() ? "<h1>Search the council minutes</h1>\n"
                          : "<h1 class=\"visually-hidden\">Search results</h1>\n";
    if (params.empty()) {
        out +=
            "<p>Find what a committee decided, when, and who said what, in the minutes of the councils "
            "indexed here. Results link to the whole agenda item with a citation to paste into a "
            "report.</p>\n";
    }
    render_form(out, params);
    if (!input.error.empty()) {
        out += "<div class=\"error\" role=\"alert\"><p><strong>This search cannot be run:</strong> " +
               h(input.error) + "</p></div>\n";
    }
    if (input.response != nullptr) {
        const SearchResponse& response = *input.response;
        out +=
            "<div class=\"layout\">\n<section class=\"results\" id=\"results\" "
            "aria-labelledby=\"results-heading\">\n";
        bool meetings = response.by == GroupBy::meeting;
        std::string noun_one = meetings ? "meeting" : "item";
        std::string noun_many = meetings ? "meetings" : "items";
        std::string count = count_text(response.total_estimate, response.total_exact, noun_one, noun_many);
        count[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(count[0])));
        out += "<h2 id=\"results-heading\" class=\"summary\">" + count +
               (response.total_estimate == 1 ? " matches" : " match");
        if (!q.empty()) out += " &ldquo;" + h(q) + "&rdquo;";
        out += "</h2>\n";
        if (!response.suggestion.empty()) {
            out += "<p class=\"suggestion\">Did you mean <a href=\"" +
                   h(url_with_params(
                       "/", with_value(without(params, {"offset", "query"}), "q", response.suggestion))) +
                   "\">" + h(response.suggestion) + "</a>?</p>\n";
        }
        if (!response.hits.empty()) {
            std::string shown = response.by == GroupBy::passage ? "passages " : "";
            out += "<p class=\"actions\"><span>Showing " + shown +
                   std::to_string(response.hits.front().rank) + "&ndash;" +
                   std::to_string(response.hits.back().rank) + ", " + std::string(sort_label(response.sort)) +
                   "</span>";
            out += "<a href=\"" + h(url_with_params("/search.atom", feed_params)) +
                   "\">Subscribe to this search (Atom feed)</a>";
            out += "<a href=\"" + h(url_with_params("/search.csv", params)) +
                   "\" download>Download these results (CSV)</a></p>\n";
            out += "<ol class=\"hits\">\n";
            for (const auto& hit : response.hits) render_hit(out, hit, params, response.by);
            out += "</ol>\n";
            render_paging(out, response, params);
        } else if (response.total_estimate > 0) {
            out += "<p class=\"empty\">This page is past the last result. <a href=\"" +
                   h(url_with_params("/", without(params, {"offset"}))) +
                   "\">Back to the first page</a>.</p>\n";
        } else {
            render_empty(out, input);
            out += "<p class=\"actions\"><a href=\"" + h(url_with_params("/search.atom", feed_params)) +
                   "\">Subscribe anyway (Atom feed): be told when something matches</a></p>\n";
        }
        for (const auto& note : response.notes) out += "<p class=\"hint\">Note: " + h(note) + "</p>\n";
        out += "</section>\n";
        render_facets(out, response, params);
        out += "</div>\n";
    }
    out += web::page_end();
    return out;
}

}  // namespace minutes
