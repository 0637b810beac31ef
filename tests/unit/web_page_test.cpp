// Tests of the pages' building blocks: escaping, SHA-256 and the CSP, Accept negotiation, facet toggles,
// the searches tried for an empty result, item parts, and the Atom feed's ids and dates.
#include "minutes/web_page.h"

#include <catch2/catch.hpp>

#include "minutes/atom_feed.h"
#include "minutes/schema.h"

using namespace minutes;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST_CASE("html_escape: markup characters, control characters and invalid UTF-8", "[web][escape]") {
    auto [input, expected] = GENERATE(table<std::string, std::string>({
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
        {"' onmouseover='x", "&#39; onmouseover=&#39;x"},
        {"Fish & Chips", "Fish &amp; Chips"},
        {"&amp;", "&amp;amp;"},
        {"Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\x84",
         "Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\x84"},  // é – 📄 kept
        {"tab\tand\nnewline", "tab\tand\nnewline"},
        {std::string("nul\0byte", 8), "nul" + kFffd + "byte"},
        {"bell\x07\x1b[31m", "bell" + kFffd + kFffd + "[31m"},
        {"del\x7f", "del" + kFffd},
        {"c1\xC2\x85", "c1" + kFffd},                                    // U+0085, a C1 control
        {"bad\xC3(", "bad" + kFffd + "("},                               // truncated sequence
        {"over\xC0\xAF", "over" + kFffd + kFffd},                        // overlong '/'
        {"sur\xED\xA0\x80", "sur" + kFffd + kFffd + kFffd},              // a UTF-16 surrogate
        {"big\xF4\x90\x80\x80", "big" + kFffd + kFffd + kFffd + kFffd},  // above U+10FFFF
        {"end\xE2\x80", "end" + kFffd + kFffd},
    }));
    CAPTURE(input);
    CHECK(html_escape(input) == expected);
}

TEST_CASE("xml_escape: also the characters XML 1.0 forbids, and ]]> is harmless", "[web][escape]") {
    CHECK(xml_escape("a]]>b") == "a]]&gt;b");
    CHECK(xml_escape("non\xEF\xBF\xBE"
                     "char\xEF\xBF\xBF") == "non" + kFffd + "char" + kFffd);
    CHECK(html_escape("non\xEF\xBF\xBE") == "non\xEF\xBF\xBE");  // allowed in HTML text
    CHECK(xml_escape(std::string("a\0b\x0b"
                                 "c\rd",
                                 7)) == "a" + kFffd + "b" + kFffd + "c\rd");
}

TEST_CASE("url_with_params: every value percent-encoded", "[web][escape]") {
    CHECK(url_with_params("/", {}) == "/");
    CHECK(url_with_params("/", {{"q", "children's centre"}, {"committee", "A&B=C"}}) ==
          "/?q=children%27s%20centre&committee=A%26B%3DC");
    CHECK(url_with_params("/search.atom", {{"q", "\"><script>"}}) == "/search.atom?q=%22%3E%3Cscript%3E");
}

TEST_CASE("sha256_base64: the FIPS 180-4 examples", "[web][csp]") {
    // Digests given in FIPS 180-4 (and its example documents) in hex, here in base64.
    CHECK(sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");  // ba7816bf...f20015ad
    CHECK(sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");     // e3b0c442...7852b855
    // Two blocks after padding: 248d6a61 d20638b8 ... 19db06c1.
    CHECK(sha256_base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
    // Exactly 55 and 56 bytes: the padding boundary.
    CHECK(sha256_base64(std::string(55, 'a')) != sha256_base64(std::string(56, 'a')));
}

TEST_CASE("content_security_policy: no inline script but the hashed one, nothing from elsewhere",
          "[web][csp]") {
    std::string csp = content_security_policy();
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'sha256-" + sha256_base64(web_script()) + "'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("unsafe-eval") == std::string::npos);
    CHECK(csp.find("http") == std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(web_script().find("</script") == std::string::npos);
    CHECK(web_stylesheet().find("url(") == std::string::npos);  // no fonts or images fetched
    CHECK(web_stylesheet().find("@import") == std::string::npos);
}

TEST_CASE("prefers_html: browsers get pages, API clients JSON", "[web][accept]") {
    auto [accept, html] = GENERATE(table<std::string, bool>({
        {"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
         true},                                                                     // Chromium
        {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true},  // Firefox
        {"", false},
        {"*/*", false},
        {"application/json", false},
        {"application/json, text/html;q=0.5", false},
        {"text/html;q=0.9, application/json;q=0.5", true},
        {"TEXT/HTML", true},
        {"text/html;q=0", false},
        {"text/plain", false},
    }));
    CAPTURE(accept);
    CHECK(prefers_html(accept) == html);
}

TEST_CASE("toggle_param: a facet click adds a filter, a second click removes it", "[web][page]") {
    WebParams start{{"q", "ofsted"}, {"offset", "20"}};
    WebParams added = toggle_param(start, "committee", "Cabinet");
    CHECK(added == WebParams{{"q", "ofsted"}, {"committee", "Cabinet"}});  // back to the first page
    CHECK(toggle_param(added, "committee", "Cabinet") == WebParams{{"q", "ofsted"}});
    // A second value of one field is an alternative, kept beside the first.
    CHECK(toggle_param(added, "committee", "Council") ==
          WebParams{{"q", "ofsted"}, {"committee", "Cabinet"}, {"committee", "Council"}});
    // A year is a date range; another year replaces it.
    WebParams year = toggle_param(start, "year", "2017");
    CHECK(year == WebParams{{"q", "ofsted"}, {"from", "2017-01-01"}, {"to", "2017-12-31"}});
    CHECK(toggle_param(year, "year", "2018") ==
          WebParams{{"q", "ofsted"}, {"from", "2018-01-01"}, {"to", "2018-12-31"}});
    CHECK(toggle_param(year, "year", "2017") == WebParams{{"q", "ofsted"}});
}

TEST_CASE("drop_candidates: each filter, then each word of a plain query", "[web][page]") {
    auto drops = drop_candidates(
        {{"q", "ofsted buildings"}, {"committee", "Cabinet"}, {"sort", "newest"}, {"offset", "10"}});
    REQUIRE(drops.size() == 3);
    CHECK(drops[0].label == "Committee: Cabinet");
    CHECK(drops[0].params == WebParams{{"q", "ofsted buildings"}, {"sort", "newest"}});
    CHECK(drops[1].params == WebParams{{"committee", "Cabinet"}, {"sort", "newest"}, {"q", "buildings"}});
    CHECK(drops[2].params == WebParams{{"committee", "Cabinet"}, {"sort", "newest"}, {"q", "ofsted"}});
    // A phrase, an operator or a field is not split into words.
    CHECK(drop_candidates({{"q", "\"holding your nerve\""}}).empty());
    CHECK(drop_candidates({{"q", "budget OR finance"}}).empty());
    CHECK(drop_candidates({{"q", "ofsted -inadequate"}}).empty());
    CHECK(drop_candidates({{"q", "ofsted"}}).empty());
}

TEST_CASE("item_parts: a long item is split between passages, a short one is one part", "[web][item]") {
    ItemRecord item;
    item.passages.resize(3);
    for (auto& passage : item.passages) passage.text = "short";
    CHECK(item_parts(item) == std::vector<std::pair<std::size_t, std::size_t>>{{0, 3}});
    ItemRecord huge;
    huge.passages.resize(10);
    for (auto& passage : huge.passages)
        passage.text = std::string(config::kItemPartTextBytes / 3 - config::kPassageMarkupBytes, 'x');
    auto parts = item_parts(huge);
    REQUIRE(parts.size() == 4);
    CHECK(parts.front().first == 0);
    CHECK(parts.back().second == 10);
    for (std::size_t i = 1; i < parts.size(); ++i) CHECK(parts[i].first == parts[i - 1].second);
    ItemRecord empty;
    CHECK(item_parts(empty) == std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}});
}

TEST_CASE("Atom: stable ids and RFC 3339 dates", "[web][atom]") {
    CHECK(atom_entry_id("912b286d60342d2d-005") == "urn:minutes:item:912b286d60342d2d-005");
    // The same search in another parameter order is the same feed.
    CHECK(atom_feed_id({{"q", "ofsted"}, {"committee", "Cabinet"}}) ==
          atom_feed_id({{"committee", "Cabinet"}, {"q", "ofsted"}}));
    CHECK(atom_feed_id({{"q", "a b"}}) == "urn:minutes:search:q%3Da%2520b");
    CHECK(atom_timestamp("2017-03-13") == "2017-03-13T00:00:00Z");
    CHECK(atom_timestamp("2017-02-30").empty());
    CHECK(atom_timestamp("").empty());
}

namespace {

// Every kind of string a page writes, from the index or the request.
const std::string kHostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>']]>\x01\xff";

// The page holds no markup but its own: one script (the hashed one), no img, no handler attribute, and
// the hostile text only escaped.
void check_harmless(const std::string& page, bool html) {
    std::size_t scripts = 0;
    for (auto at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1))
        ++scripts;
    CHECK(scripts == (html ? 1u : 0u));
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("onerror=alert(2)>") == std::string::npos);
    CHECK(page.find("\x01") == std::string::npos);
    CHECK(page.find("\xff") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") !=
          std::string::npos);
}

Hit hostile_hit(std::size_t rank) {
    Hit hit;
    hit.rank = rank;
    hit.id = hit.item_id = kHostile;
    hit.meeting_id = kHostile;
    hit.council = hit.committee = hit.item_number = hit.item_title = kHostile;
    hit.date = "2017-03-13";
    hit.snippet = "before " + kHostile + " after";
    hit.highlights = {
        {7, 8}, {0, 3}, {500, 4}, {9, 2}, {3, 100000}};  // out of order, overlapping, out of range
    hit.speaker = hit.speaker_role = hit.seconder = hit.passage_kind = kHostile;
    hit.passage = 2;
    hit.citation = kHostile;
    hit.grouped = 2;
    return hit;
}

}  // namespace

TEST_CASE("render_search_page: every field from the index and the request is escaped", "[web][page]") {
    SearchResponse response;
    response.query = kHostile;
    response.total_estimate = 40;
    response.limit = 2;
    response.offset = 2;
    response.hits = {hostile_hit(3), hostile_hit(4)};
    for (const auto& spec : schema::kFacets)
        response.facets.push_back({std::string(spec.name), {{kHostile, 3}, {"2017", 1}}});
    response.suggestion = kHostile;
    response.notes = {kHostile};
    for (GroupBy by : {GroupBy::item, GroupBy::passage, GroupBy::meeting}) {
        response.by = by;
        SearchPageInput input;
        input.params = {{"q", kHostile},
                        {"committee", kHostile},
                        {"from", kHostile},
                        {"sort", kHostile},
                        {"by", kHostile}};
        input.response = &response;
        input.error = kHostile;
        std::string page = render_search_page(input);
        check_harmless(page, true);
        CHECK(page.find("<mark>hostile") == std::string::npos);
        // Marked: bytes 0-3 and 7-15 ("<script>", escaped inside the mark); the rest ignored.
        CHECK(page.find("<mark>bef</mark>ore <mark>&lt;script&gt;</mark>alert(1)") != std::string::npos);
        CHECK(page.find("rel=\"prev\"") != std::string::npos);
        CHECK(page.find("rel=\"next\"") != std::string::npos);
    }
    SearchResponse empty;
    SearchPageInput input;
    input.params = {{"q", kHostile + " word"}, {"member", kHostile}};
    input.response = &empty;
    input.drops = drop_candidates(input.params);
    for (auto& drop : input.drops) drop.total = 2;
    std::string page = render_search_page(input);
    check_harmless(page, true);
    CHECK(page.find("Dropping one of them finds results") != std::string::npos);
}

TEST_CASE("render_item_page and render_meeting_page: escaped, and long items in parts under 100 KB",
          "[web][item]") {
    ItemRecord item;
    item.id = item.meeting_id = item.council = item.committee = item.number = item.title = item.source =
        kHostile;
    item.date = "2017-03-13";
    item.format = Format::pdf;
    item.page = 3;
    for (int i = 0; i < 3000; ++i) {
        Passage passage;
        passage.text =
            (i % 7 == 0 ? kHostile + " " : std::string()) + std::string(i % 5 == 0 ? 400 : 40, 'w');
        passage.kind = static_cast<PassageKind>(i % 5);
        passage.speaker = kHostile;
        if (i % 3 == 0) passage.seconder = kHostile;
        passage.speaker_role = Role::officer;
        passage.page = 1 + i / 50;
        item.passages.push_back(passage);
    }
    MeetingRecord meeting;
    meeting.id = meeting.council = meeting.committee = meeting.venue = meeting.start_time = kHostile;
    meeting.date = "2017-03-13";
    meeting.sources = {kHostile, "other"};
    for (int i = 0; i < 60; ++i)
        meeting.attendees.push_back({kHostile, kHostile, Role::chair, kHostile, Attendance::present});
    meeting.items = {
        {"before", kHostile, kHostile}, {kHostile, kHostile, kHostile}, {"after", kHostile, kHostile}};
    meeting.acronyms = {{kHostile, kHostile}};
    SearchResponse similar;
    similar.hits = {hostile_hit(1)};

    auto parts = item_parts(item);
    REQUIRE(parts.size() > 2);
    for (std::size_t part = 1; part <= parts.size(); ++part) {
        ItemPageInput input;
        input.item = &item;
        input.meeting = &meeting;
        input.similar = &similar;
        input.part = part;
        input.matched_passage = 5;
        input.back = {{"q", "wwww " + kHostile}, {"committee", kHostile}};
        std::string page = render_item_page(input);
        CAPTURE(part);
        check_harmless(page, true);
        CHECK(page.size() + web_stylesheet().size() < config::kMaxPageBytes);
        CHECK(page.find("Part " + std::to_string(parts.size())) != std::string::npos);
    }
    {
        ItemPageInput input;
        input.item = &item;
        std::string page = render_item_page(input);
        CHECK(page.find("(pdf, page 3)") != std::string::npos);  // the source with its page
        CHECK(page.find("Page 2 of the source") != std::string::npos);  // where the passages' page changes
    }
    std::string meeting_page = render_meeting_page(meeting);
    check_harmless(meeting_page, true);
    check_harmless(render_error_page(404, kHostile), true);

    SearchResponse feed;
    feed.hits = {hostile_hit(1), hostile_hit(2)};
    std::string xml = render_atom_feed(feed, {{"q", kHostile}}, "2026-01-01T00:00:00Z");
    check_harmless(xml, false);
    CHECK(xml.find("]]>") == std::string::npos);
}
