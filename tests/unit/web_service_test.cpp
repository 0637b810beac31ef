// The daemon's pages, feed and CSV through QueryService (no sockets) over an index of the real
// Worcestershire minutes (corpora/worcestershire/children-families-panel-minutes.md) written by the real
// indexer. Expectations come from reading that document: Children and Families Overview and Scrutiny
// Panel, Monday 13 March 2017, minutes 267-272; Ms L R Duffy in the chair; minute 271 on Children's
// Centre buildings ends with the Panel's decision to receive a further update at the end of the year.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "minutes/indexer.h"
#include "minutes/query_service.h"
#include "minutes/web_page.h"
#include "unit/temp_dir.h"

using namespace minutes;
using minutes::testing::TempDir;

namespace {

constexpr const char* kBrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

struct Served {
    TempDir dir;
    std::unique_ptr<QueryService> service;

    Served() {
        auto db = dir.path() / "db";
        auto writer = IndexWriter::open(db);
        REQUIRE(writer);
        auto report = writer->add({minutes::testing::project_corpus() / "worcestershire"});
        REQUIRE(report);
        REQUIRE(report->added == 1);
        ServerOptions options;
        options.databases = {db.string()};
        options.threads = 1;
        options.log_requests = false;
        service = std::make_unique<QueryService>(options);
    }

    HttpResponse get(const std::string& target, std::string_view accept = kBrowserAccept) {
        HttpRequest request;
        request.method = "GET";
        request.target = target;
        request.accept = accept;
        return service->handle(request);
    }

    std::string header(const HttpResponse& response, std::string_view name) {
        for (const auto& [n, v] : response.headers) {
            if (n == name) return v;
        }
        return {};
    }

    // The id of minute 271, found by searching as an API client would.
    std::string item_271() {
        auto response = get("/search?q=optimising&item=271", "application/json");
        auto doc = nlohmann::json::parse(response.body);
        REQUIRE(doc["hits"].size() == 1);
        return doc["hits"][0]["item_id"].get<std::string>();
    }
};

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("Search page: results, facets, feed and CSV links, headers", "[web][service]") {
    Served served;
    auto page = served.get("/?q=children%27s+centre+buildings");
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.endpoint == "page");
    CHECK(served.header(page, "Content-Security-Policy") == content_security_policy());
    CHECK(page.body.size() < config::kMaxPageBytes);
    const std::string& html = page.body;
    // Minute 271 is the item about the buildings, first; its snippet marks the words searched for.
    auto first = html.find("<li class=\"hit\">");
    REQUIRE(first != std::string::npos);
    std::string hit = html.substr(first, html.find("</li>", first) - first);
    CHECK(has(hit, "Minute 271: Progress Update on Optimising the Use of Children&#39;s Centre Buildings"));
    CHECK(has(hit,
              "13 March 2017 &middot; Worcestershire County Council &middot; Children and Families Overview "
              "and Scrutiny Panel"));
    CHECK(has(hit, "<mark>Buildings</mark>"));
    CHECK(has(hit,
              "Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 March "
              "2017, minute 271"));
    CHECK(has(hit, "href=\"/items/"));
    // Facets: the one committee and year, each a link that adds the filter.
    CHECK(has(html,
              "href=\"/"
              "?q=children%27s%20centre%20buildings&amp;committee=Children%20and%20Families%20Overview%20and%"
              "20Scrutiny%20Panel\""));
    CHECK(has(html, "href=\"/?q=children%27s%20centre%20buildings&amp;from=2017-01-01&amp;to=2017-12-31\""));
    // Members of the meeting are a facet: Ms L R Duffy chaired it.
    CHECK(has(html, "<span class=\"value\">L R Duffy</span>"));
    CHECK(has(html, "href=\"/search.atom?q=children%27s%20centre%20buildings\""));
    CHECK(has(html, "href=\"/search.csv?q=children%27s%20centre%20buildings\""));
    // Every control has a label.
    for (std::string_view id : {"q", "f-committee", "f-council", "f-member", "f-role", "f-type", "f-from",
                                "f-to", "f-sort", "f-by"}) {
        CAPTURE(id);
        CHECK(has(html, "<label for=\"" + std::string(id) + "\">"));
        CHECK(has(html, "id=\"" + std::string(id) + "\""));
    }
    // The one script is the hashed one.
    CHECK(count(html, "<script>") == 1);
    CHECK(has(html, "<script>" + std::string(web_script()) + "</script>"));
}

TEST_CASE("Search page: one result per meeting or per passage", "[web][service]") {
    Served served;
    // "safeguarding" is in four minutes of the one meeting: 267, 268, 271 and 272.
    auto meetings = served.get("/?q=safeguarding&by=meeting");
    REQUIRE(meetings.status == 200);
    CHECK(has(meetings.body, "1 meeting match &ldquo;safeguarding&rdquo;") == false);
    CHECK(has(meetings.body, "1 meeting matches &ldquo;safeguarding&rdquo;"));
    CHECK(has(meetings.body, "and 3 other matching items of this meeting"));
    CHECK(has(meetings.body, ">Children and Families Overview and Scrutiny Panel, 13 March 2017</a></h3>"));
    auto passages = served.get("/?q=safeguarding&by=passage");
    REQUIRE(passages.status == 200);
    CHECK(has(passages.body, "Showing passages 1&ndash;"));
    CHECK(count(passages.body, "<li class=\"hit\">") >= 4);
}

TEST_CASE("Search page: a selected facet is marked and its link removes it", "[web][service]") {
    Served served;
    auto page = served.get("/?q=ofsted&from=2017-01-01&to=2017-12-31");
    REQUIRE(page.status == 200);
    CHECK(has(page.body, "<a href=\"/?q=ofsted\" class=\"on\" aria-current=\"true\">"));
    CHECK(has(page.body, "value=\"2017-01-01\""));  // the date fields show the range
    // Chips: removing the "from" date keeps the rest.
    CHECK(has(page.body, "href=\"/?q=ofsted&amp;to=2017-12-31\">From 13 March 2017") == false);
    CHECK(has(page.body, "href=\"/?q=ofsted&amp;to=2017-12-31\">From 1 January 2017"));
}

TEST_CASE("Search page: nothing found explains itself and offers what to drop", "[web][service]") {
    Served served;
    auto page = served.get("/?q=ofsted&committee=Cabinet");
    REQUIRE(page.status == 200);
    CHECK(has(page.body, "Nothing in the minutes matches all of this search"));
    CHECK(has(page.body, "<li>Committee: Cabinet</li>"));
    // Without the committee, the panel's minute 272 (the Ofsted inspection) is found.
    CHECK(has(page.body, "<a href=\"/?q=ofsted\">Without Committee: Cabinet</a>: 1 item"));

    auto misspelt = served.get("/?q=safegaurding");
    REQUIRE(misspelt.status == 200);
    CHECK(has(misspelt.body, "Did you mean <a href=\"/?q=safeguarding\">safeguarding</a>?"));
}

TEST_CASE("Search page: landing page, blank fields, bad parameters", "[web][service]") {
    Served served;
    auto landing = served.get("/");
    REQUIRE(landing.status == 200);
    CHECK(has(landing.body, "<h1>Search the council minutes</h1>"));
    CHECK(has(landing.body, "How to search"));
    CHECK_FALSE(has(landing.body, "class=\"hits\""));

    auto blank = served.get("/?q=ofsted&committee=&role=&from=&sort=newest");
    CHECK(blank.status == 303);
    CHECK(served.header(blank, "Location") == "/?q=ofsted&sort=newest");

    auto bad = served.get("/?q=ofsted&limit=abc");
    CHECK(bad.status == 400);
    CHECK(has(bad.body, "limit: &#39;abc&#39; is not a whole number"));
    CHECK(has(bad.body, "value=\"ofsted\""));  // the form keeps the query to correct

    // The page's own bounds keep it under 100 KB; the CSV takes the JSON's.
    auto long_page = served.get("/?q=ofsted&limit=51");
    CHECK(long_page.status == 400);
    CHECK(has(long_page.body, "limit: the page shows at most 50 results at a time"));
    CHECK(served.get("/?q=ofsted&limit=50").status == 200);
    CHECK(served.get("/?q=ofsted&snippet=401").status == 400);
    CHECK(served.get("/search.csv?q=ofsted&limit=100").status == 200);

    auto unknown = served.get("/?q=ofsted&colour=red");
    CHECK(unknown.status == 400);
    CHECK(has(unknown.body, "parameter &#39;colour&#39; is not a search parameter"));
}

TEST_CASE("Item page: passages, decision, attendance, neighbours, similar, source", "[web][service]") {
    Served served;
    std::string id = served.item_271();
    auto page = served.get("/items/" + id + "?q=children%27s+centre&passage=1");
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.size() < config::kMaxPageBytes);
    const std::string& html = page.body;
    CHECK(has(html,
              "<h1 id=\"item-h\">Minute 271: Progress Update on Optimising the Use of Children&#39;s Centre "
              "Buildings</h1>"));
    CHECK(has(html,
              "32 <mark>Children&#39;s</mark> <mark>Centres</mark> buildings were within the scope of the "
              "project"));
    CHECK(has(html, "id=\"p1\""));
    CHECK(has(html, "class=\"passage matched\" id=\"p1\""));
    // The last paragraph is the decision.
    auto decision = html.find("class=\"passage decision\"");
    REQUIRE(decision != std::string::npos);
    CHECK(html.find("It was agreed that the Panel would receive a further update at the end of the year",
                    decision) != std::string::npos);
    // Attendance as the minutes list it.
    CHECK(has(html, "<li>Ms L R Duffy <span class=\"hint\">(Chair)</span></li>"));
    CHECK(has(html, "Mrs F M Oborski <span class=\"hint\">(Vice-chair)</span>"));
    CHECK(has(
        html,
        "Catherine Driscoll <span class=\"hint\">(Director of Children, Families and Communities)</span>"));
    CHECK(has(html, "<dt>Apologies</dt>") == has(html, "Derek Benson"));
    // The neighbours in the meeting: minute 270 before, 272 after; the way back to the search.
    CHECK(has(html, "Previous: Minute 270: Confirmation of the Minutes of the Previous Meeting"));
    CHECK(has(html, "Next: Minute 272: Update on Children&#39;s Services Improvement Plan"));
    CHECK(has(html,
              "<a href=\"/?q=children%27s%20centre\">Results for &ldquo;children&#39;s centre&rdquo;</a>"));
    CHECK(has(html,
              "Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 March "
              "2017, minute 271"));
    CHECK(has(html, "<h2 id=\"similar-h\">More like this</h2>"));
    CHECK(has(html, "children-families-panel-minutes.md</code> (markdown"));
    CHECK(has(html, "href=\"/items/" + id + ".json\""));

    // The JSON stays: without Accept, with Accept: application/json, and with the .json suffix.
    for (const auto& [target, accept] :
         std::vector<std::pair<std::string, std::string>>{{"/items/" + id, ""},
                                                          {"/items/" + id, "application/json"},
                                                          {"/items/" + id + ".json", kBrowserAccept}}) {
        CAPTURE(target, accept);
        auto json = served.get(target, accept);
        REQUIRE(json.status == 200);
        CHECK(json.content_type == "application/json; charset=utf-8");
        auto doc = nlohmann::json::parse(json.body);
        CHECK(doc["number"] == "271");
        CHECK(doc["meeting"]["committee"] == "Children and Families Overview and Scrutiny Panel");
    }
    CHECK(served.get("/items/" + id + "?limit=3", "").status == 400);  // JSON still refuses parameters
    auto missing = served.get("/items/0000000000000000-999");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == "text/html; charset=utf-8");
    CHECK(served.get("/items/" + id + "?passage=x").status == 400);
}

TEST_CASE("Meeting page: items in order, attendance", "[web][service]") {
    Served served;
    std::string id = served.item_271();
    std::string meeting = id.substr(0, id.rfind('-'));
    auto page = served.get("/meetings/" + meeting);
    REQUIRE(page.status == 200);
    const std::string& html = page.body;
    CHECK(has(html, "<h1>Children and Families Overview and Scrutiny Panel, 13 March 2017</h1>"));
    auto apologies = html.find("Minute 267: Apologies and Welcome");
    auto declarations = html.find("Minute 268: Declaration of Interest and of any Party Whip");
    auto plan = html.find("Minute 272: Update on Children&#39;s Services Improvement Plan");
    REQUIRE(apologies != std::string::npos);
    REQUIRE(declarations != std::string::npos);
    REQUIRE(plan != std::string::npos);
    CHECK(apologies < declarations);
    CHECK(declarations < plan);
    CHECK(has(html, "Mr J W R Thomas"));
    auto json = served.get("/meetings/" + meeting + ".json");
    CHECK(json.content_type == "application/json; charset=utf-8");
}

TEST_CASE("Atom feed and CSV of a search", "[web][service]") {
    Served served;
    auto feed = served.get("/search.atom?q=ofsted&committee=Children+and+Families");
    REQUIRE(feed.status == 200);
    CHECK(feed.content_type == "application/atom+xml; charset=utf-8");
    CHECK(feed.endpoint == "feed");
    const std::string& xml = feed.body;
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                    0) == 0);
    CHECK(has(xml, "<updated>2017-03-13T00:00:00Z</updated>"));
    CHECK(has(
        xml,
        "<title type=\"text\">Minute 272: Update on Children&#39;s Services Improvement Plan \xE2\x80\x94 "
        "Children and Families Overview and Scrutiny Panel, 13 March 2017</title>"));
    CHECK(has(xml,
              "Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 March "
              "2017, minute 272"));
    CHECK(count(xml, "<entry>") == count(xml, "<id>urn:minutes:item:"));
    CHECK(has(xml,
              "<link rel=\"self\" type=\"application/atom+xml\" "
              "href=\"/search.atom?q=ofsted&amp;committee=Children%20and%20Families\"/>"));

    auto csv = served.get("/search.csv?q=children%27s+centre+buildings");
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type.rfind("text/csv", 0) == 0);
    CHECK(served.header(csv, "Content-Disposition") == "attachment; filename=\"minutes-search.csv\"");
    CHECK(csv.body.rfind("rank,id,date,council,committee,item_number,item_title,", 0) == 0);
    CHECK(has(
        csv.body,
        ",2017-03-13,Worcestershire County Council,Children and Families Overview and Scrutiny Panel,271,"));

    CHECK(served.get("/search.atom?limit=abc").status == 400);
    auto css = served.get("/static/minutes.css");
    CHECK(css.status == 200);
    CHECK(css.content_type == "text/css; charset=utf-8");
    CHECK(served.get("/static/other.js").status == 404);
}
