// Tests of the HTML reader: main content, structure as blocks, entities and encodings.
#include <catch2/catch.hpp>
#include <fstream>

#include "minutes/reader.h"
#include "readers.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

SourceText read(const std::string& html) {
    auto text = read_html(html, "page.html", ReadOptions{});
    REQUIRE(text);
    return *text;
}

std::string all_text(const SourceText& text) {
    std::string all;
    for (const auto& block : text.blocks) all += block.text + "\n";
    return all;
}

}  // namespace

TEST_CASE("read_html: headings, list items, table rows and paragraphs become blocks", "[html]") {
    auto text = read(
        "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<h2>Minutes of the   Planning Committee</h2>"
        "<p>Present: Cllr A. Jones &amp; Cllr B. Smith<br>Apologies: none</p>"
        "<ul><li>Item one</li><li>Item <b>two</b></li></ul>"
        "<table><tr><th>Ref</th><th>Site</th></tr><tr><td>E/123</td><td>Plot 1<br>Golwg</td></tr></table>"
        "<script>var x = 'drop me';</script><div>Caf&eacute; &#8217;quoted&#8217; &#x2013; end</div>"
        "</body></html>");
    REQUIRE(text.blocks.size() == 7);
    CHECK(text.format == Format::html);
    CHECK(text.blocks[0].kind == BlockKind::heading);
    CHECK(text.blocks[0].level == 2);
    CHECK(text.blocks[0].text == "Minutes of the Planning Committee");
    CHECK(text.blocks[1].kind == BlockKind::text);
    CHECK(text.blocks[1].text == "Present: Cllr A. Jones & Cllr B. Smith\nApologies: none");
    CHECK(text.blocks[2].kind == BlockKind::list_item);
    CHECK(text.blocks[2].text == "Item one");
    CHECK(text.blocks[3].text == "Item two");
    CHECK(text.blocks[4].kind == BlockKind::table_row);
    CHECK(text.blocks[4].text == "Ref\tSite");
    CHECK(text.blocks[5].text == "E/123\tPlot 1 Golwg");
    CHECK(text.blocks[6].text == "Café 'quoted' \u2013 end");
    for (const auto& block : text.blocks) CHECK_FALSE(block.page.has_value());
}

TEST_CASE("read_html: ordered lists are numbered as a browser shows them", "[html]") {
    auto text = read(
        "<div class=\"minutes\"><ol><li><h4>WELCOME AND APOLOGIES</h4><p>None.</p></li>"
        "<li><h4>MATTERS ARISING</h4><p>Nothing.</p></li></ol><ol start=\"7\" "
        "type=\"a\"><li>seven</li></ol></div>");
    REQUIRE(text.blocks.size() == 5);
    CHECK(text.blocks[0].kind == BlockKind::heading);
    CHECK(text.blocks[0].text == "1. WELCOME AND APOLOGIES");
    CHECK(text.blocks[1].kind == BlockKind::text);
    CHECK(text.blocks[1].text == "None.");
    CHECK(text.blocks[2].text == "2. MATTERS ARISING");
    CHECK(text.blocks[4].kind == BlockKind::text);  // as "7. seven" would be in markdown
    CHECK(text.blocks[4].text == "g. seven");
}

TEST_CASE("read_html: site chrome around <main> is dropped", "[html]") {
    auto text = read(
        "<html><body><header><h1>Village Pump</h1></header>"
        "<nav><ul><li><a href=/>WI Scrapbook</a></li></ul></nav>"
        "<div class=\"sidebar\">Recent posts: lots of links here</div>"
        "<main><article><h1>Parish Council Minutes</h1><p>Held on the 16th November 2000.</p>"
        "<nav>Previous | Next</nav></article><div>Copyright remains with contributors</div></main>"
        "<footer>Contact us</footer></body></html>");
    std::string all = all_text(text);
    CHECK(all == "Parish Council Minutes\nHeld on the 16th November 2000.\n");
}

TEST_CASE("read_html: without a main element the densest region is read", "[html]") {
    std::string words;
    for (int i = 0; i < 50; ++i) words += "The council resolved to approve the accounts. ";
    auto text = read(
        "<html><body><div><a href=a>Home</a> <a href=b>News</a></div>"
        "<div id=\"wrap\"><div><p>" +
        words + "</p><p>" + words +
        "</p></div></div>"
        "<div>Site by someone</div></body></html>");
    std::string all = all_text(text);
    CHECK(all.find("Home") == std::string::npos);
    CHECK(all.find("Site by someone") == std::string::npos);
    CHECK(text.blocks.size() == 2);
}

TEST_CASE("read_html: plain text beside the densest block is kept, navigation beside it is not", "[html]") {
    // The shape of a Cook Islands Hansard part: the sitting's date, "Prayers" and who took the chair in
    // divs of their own, then one div holding the first speech (most of the text).
    std::string speech;
    for (int i = 0; i < 12; ++i) speech += "Honourable Members please be seated and welcome. ";
    auto sitting = read("<html><body><div><span>WEDNESDAY 30TH APRIL 1997</span></div>"
                        "<div><span>Prayers</span></div>"
                        "<div><span>MR SPEAKER took the Chair at 1.00 p.m.</span></div>"
                        "<div><span>MR SPEAKER:</span><span>" +
                        speech + "</span></div></body></html>");
    std::string all = all_text(sitting);
    CHECK(all.find("WEDNESDAY 30TH APRIL 1997") != std::string::npos);
    CHECK(all.find("took the Chair") != std::string::npos);
    CHECK(all.find("Honourable Members please be seated") != std::string::npos);

    // The same text beside a list of links: the links are navigation, the speech is the content.
    auto page = read("<html><body><div><a href=a>Home</a> <a href=b>Hansard</a> <a href=c>Members</a> "
                     "<a href=d>Committees</a> <a href=e>Contact us</a></div>"
                     "<div><p>" + speech + "</p></div></body></html>");
    all = all_text(page);
    CHECK(all.find("Committees") == std::string::npos);
    CHECK(all.find("Honourable Members please be seated") != std::string::npos);
}

TEST_CASE("read_html: declared and sniffed windows-1252 is decoded", "[html]") {
    std::string body =
        "<p>Caf\xE9 \x93quoted\x94 \x96 \xA3"
        "40</p>";
    auto declared =
        read("<html><head><meta charset=\"windows-1252\"></head><body>" + body + "</body></html>");
    auto latin1 = read(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
        "</head><body>" +
        body + "</body></html>");
    auto sniffed = read("<html><body>" + body + "</body></html>");
    for (const auto* text : {&declared, &latin1, &sniffed}) {
        REQUIRE(text->blocks.size() == 1);
        CHECK(text->blocks[0].text == "Café \"quoted\" \u2013 £40");
    }
}

TEST_CASE("read_html: invalid UTF-8 in a page declared UTF-8 becomes U+FFFD, the rest intact", "[html]") {
    auto text = read("<html><head><meta charset=\"utf-8\"></head><body><p>Gâr \xFF ŵ</p></body></html>");
    REQUIRE(text.blocks.size() == 1);
    CHECK(text.blocks[0].text == "Gâr \uFFFD ŵ");
}

TEST_CASE("read_html: a whole Stoke Ferry page gives the minutes without the site", "[html]") {
    auto text =
        read_source(testing::project_corpus() /
                    "stokeferry-parish/2001-02_minutes-of-the-stoke-ferry-parish-council-meeting.html");
    REQUIRE(text);
    REQUIRE(text->blocks.size() >= 40);
    CHECK(text->blocks[0].kind == BlockKind::heading);
    CHECK(text->blocks[0].level == 1);
    CHECK(text->blocks[0].text == "Minutes of the Stoke Ferry Parish Council Meeting");
    CHECK(text->blocks[2].text == "Held on the 16th November 2000 at 7.30pm");
    CHECK(text->blocks.back().text.rfind("Mrs. Henderson, \"Voice of the Village\" requested a litterbin",
                                         0) == 0);
    std::string all = all_text(*text);
    CHECK(all.find("WI Scrapbook") == std::string::npos);
    CHECK(all.find("Copyright remains") == std::string::npos);
    CHECK(all.find("9. Mr. & Mrs. Mendoza requested financial help") != std::string::npos);
}

TEST_CASE("read_html: Manordeilo Welsh fragment keeps numbering and diacritics", "[html]") {
    auto text = read_source(testing::project_corpus() / "manordeilo-salem-cc/2020-06-10_minutes_cy.html");
    REQUIRE(text);
    REQUIRE(text->blocks.size() > 10);
    CHECK(text->blocks[0].text == "Cyfarfod 10fed Mehefin 2020");
    CHECK(text->blocks[2].kind == BlockKind::heading);
    CHECK(text->blocks[2].text == "PRESENNOL");
    CHECK(text->blocks[4].text == "1. CROESO AC YMDDIHEURIADAU");
    std::string all = all_text(*text);
    CHECK(all.find("Sir Gâr") != std::string::npos);
    CHECK(all.find("×") == std::string::npos);  // the close button's label
    CHECK(all.find("\xEF\xBF\xBD") == std::string::npos);
}

TEST_CASE("read_html: a charset libxml2 does not know is ignored and the bytes sniffed", "[html]") {
    auto text =
        read("<html><head><meta charset=\"no-such-charset\"></head><body><p>Caf\xC3\xA9</p></body></html>");
    REQUIRE(text.blocks.size() == 1);
    CHECK(text.blocks[0].text == "Café");
}

TEST_CASE("read_source: an HTML page saved as UTF-16 is read", "[html]") {
    testing::TempDir dir;
    auto path = dir.path() / "utf16.html";
    std::string ascii = "<html><body><h1>Minutes</h1><p>Gar</p></body></html>";
    std::string bytes = "\xFF\xFE";
    for (char c : ascii) {
        bytes += c;
        bytes += '\0';
    }
    std::ofstream(path, std::ios::binary) << bytes;
    auto text = read_source(path);
    REQUIRE(text);
    REQUIRE(text->blocks.size() == 2);
    CHECK(text->blocks[0].text == "Minutes");
    CHECK(text->blocks[1].text == "Gar");
}

TEST_CASE("read_html: an empty page reads as no blocks, with a warning", "[html]") {
    auto text =
        read("<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body></body></html>");
    CHECK(text.blocks.empty());
    REQUIRE(text.warnings.size() == 1);
    CHECK(text.warnings[0] == "the page has no text");
}
