// Golden tests of PDF and HTML minutes through the readers and the recogniser. Every expectation
// was written by reading the document (its printed header, attendance and headings), not copied
// from the program's output; comments say where in the document each comes from.
// Every case must pass: a failing expectation is what the document says and the recogniser misses.
#include <algorithm>
#include <catch2/catch.hpp>

#include "minutes/normalise.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

struct ExpectedAttendee {
    std::string name;                             // as printed, without honorific
    Role role = Role::unknown;                    // unknown: not checked
    Attendance attendance = Attendance::unknown;  // unknown: not checked
};

struct ExpectedItem {
    std::string number;  // as printed; empty for unnumbered headings (then found by title)
    std::string title;
    int page = 0;  // 1-based page of the title; 0 for unpaginated sources
};

// A passage that must be found (its start) on a page: checks pages where items are unnumbered.
struct ExpectedPassage {
    std::string start;
    int page = 0;
};

struct GoldenDocument {
    std::string path;       // under corpora/
    std::string council;    // empty: the document does not name it
    std::string committee;  // alternatives separated by '|'
    std::string date;       // ISO
    Language language = Language::english;
    std::vector<ExpectedAttendee> attendees;
    std::vector<ExpectedItem> items;
    std::vector<ExpectedPassage> passages;
};

bool same_name(std::string_view a, std::string_view b) { return facet_key(a) == facet_key(b); }

bool committee_matches(const std::string& expected, const std::string& actual) {
    std::size_t start = 0;
    while (start <= expected.size()) {
        std::size_t end = expected.find('|', start);
        if (end == std::string::npos) end = expected.size();
        if (same_name(expected.substr(start, end - start), actual)) return true;
        start = end + 1;
    }
    return false;
}

void check_golden(const GoldenDocument& golden) {
    INFO("document: corpora/" << golden.path);
    auto text = read_source(testing::project_corpus() / golden.path);
    REQUIRE(text);
    Minutes minutes = recognise(*text);
    if (!golden.council.empty()) {
        INFO("council: " << minutes.council);
        CHECK(same_name(minutes.council, golden.council));
    }
    if (!golden.committee.empty()) {
        INFO("committee: " << minutes.committee);
        CHECK(committee_matches(golden.committee, minutes.committee));
    }
    CHECK(minutes.date.iso() == golden.date);
    CHECK(minutes.language == golden.language);
    for (const auto& expected : golden.attendees) {
        INFO("attendee: " << expected.name);
        auto found = std::find_if(minutes.attendees.begin(), minutes.attendees.end(),
                                  [&](const Attendee& a) { return same_name(a.name, expected.name); });
        CHECK(found != minutes.attendees.end());
        if (found == minutes.attendees.end()) continue;
        if (expected.role != Role::unknown) CHECK(role_name(found->role) == role_name(expected.role));
        if (expected.attendance != Attendance::unknown)
            CHECK(attendance_name(found->attendance) == attendance_name(expected.attendance));
    }
    for (const auto& expected : golden.items) {
        INFO("item: " << expected.number << " " << expected.title);
        auto found = std::find_if(minutes.items.begin(), minutes.items.end(), [&](const AgendaItem& item) {
            return expected.number.empty() ? same_name(item.title, expected.title)
                                           : item.number == expected.number;
        });
        CHECK(found != minutes.items.end());
        if (found == minutes.items.end()) continue;
        INFO("recognised title: " << found->title);
        CHECK(same_name(found->title, expected.title));
        if (expected.page > 0) {
            CHECK(found->page == std::optional<int>(expected.page));
        }
    }
    for (const auto& expected : golden.passages) {
        INFO("passage: " << expected.start);
        const Passage* found = nullptr;
        for (const auto& item : minutes.items) {
            for (const auto& passage : item.passages) {
                if (found == nullptr && passage.text.rfind(expected.start, 0) == 0) found = &passage;
            }
        }
        CHECK(found != nullptr);
        if (found != nullptr && expected.page > 0) CHECK(found->page == std::optional<int>(expected.page));
    }
}

}  // namespace

// Kent numbers minutes (270, 271...) in the left margin and agenda items "(Item 1)" under the title:
// the item number expected is the minute number where there is one.
TEST_CASE("golden: Kent County Council PDFs", "[golden][pdf]") {
    check_golden(
        {"kent-cc/2024-12-19_county-council_minutes.pdf",
         "Kent County Council",
         "County Council",
         "2024-12-19",
         Language::english,
         {{"B J Sweetland", Role::chair, Attendance::present},
          {"A M Ridgers", Role::vice_chair, Attendance::present},
          {"P V Barrington-King", Role::unknown, Attendance::present},
          {"T Dean", Role::unknown, Attendance::present},
          {"L Wright", Role::unknown, Attendance::present},
          {"J Cook", Role::unknown, Attendance::in_attendance}},
         {{"270", "Apologies for Absence", 1},
          {"271",
           "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the "
           "agenda",
           1},
          {"272",
           "Minutes of the meeting held on 7 November 2024, if in order, to be approved as a correct record",
           2},
          {"274", "Chairman's Announcements", 2},
          {"276", "Report by Leader of the Council", 3},
          {"282", "Remote meetings and proxy voting consultation", 14}},
         {{"Mr Stepto referred to the 7 November meeting", 2}}});
    check_golden({"kent-cc/2025-01-09_cabinet_minutes.pdf",
                  "Kent County Council",
                  "Cabinet",
                  "2025-01-09",
                  Language::english,
                  {{"R W Gough", Role::chair, Attendance::present},
                   {"N Baker", Role::unknown, Attendance::present},
                   {"R J Thomas", Role::unknown, Attendance::present},
                   {"A Ghosh", Role::unknown, Attendance::in_attendance}},
                  {{"76", "Apologies", 1},
                   {"77", "Declarations of Interest", 1},
                   {"80", "Provisional Local Government Finance Settlement 2025-26", 1},
                   {"81", "Quarterly Performance Report, Q2 2024-2025", 3},
                   {"83", "English Devolution White Paper", 5}},
                  {}});
    // The panel's minutes carry only agenda item numbers "(Item 4)", and do not name the council.
    check_golden({"kent-cc/2024-10-29_cpp_minutes.pdf",
                  "",
                  "Corporate Parenting Panel",
                  "2024-10-29",
                  Language::english,
                  {{"Shellina Prendergast", Role::chair, Attendance::present},
                   {"Paul Bartlett", Role::vice_chair, Attendance::present},
                   {"Brian Horton", Role::unknown, Attendance::present},
                   {"James Clapson", Role::unknown, Attendance::in_attendance}},
                  {{"1", "Apologies and Substitutes", 1},
                   {"3", "Minutes of the meeting held on 30 July 2024", 1},
                   {"4", "Participation Team update", 2},
                   {"9", "The Joint Housing Protocol for Care Leavers", 6},
                   {"12", "Work programme", 9}},
                  {}});
}

// Ayton: "PRESENT" is a two-column table of name and initials; items "1 Police Report" in an
// "ITEMS ... Action" table. A community council meeting has no committee other than the council.
TEST_CASE("golden: Ayton Community Council PDFs", "[golden][pdf]") {
    check_golden({"ayton-cc/2008-09-02_minutes.pdf",
                  "Ayton Community Council",
                  "Ayton Community Council",
                  "2008-09-02",
                  Language::english,
                  {{"Rob Boyd", Role::chair, Attendance::present},
                   {"Raymond Allan", Role::unknown, Attendance::present},
                   {"Paul Wheelhouse", Role::unknown, Attendance::present},
                   {"Audrey Cruickshank", Role::unknown, Attendance::present},
                   {"Ian Logan", Role::unknown, Attendance::apologies}},
                  {{"1", "Police Report", 1},
                   {"2", "Open Forum", 1},
                   {"3", "Apologies for Absence", 1},
                   {"6", "Matters Arising From Previous Minutes", 1},
                   {"7", "Councillor's Report", 2},
                   {"10", "Planning Applications", 2}},
                  {}});
    check_golden({"ayton-cc/2009-11-03_minutes.pdf",
                  "Ayton Community Council",
                  "Ayton Community Council",
                  "2009-11-03",
                  Language::english,
                  {{"Rob Boyd", Role::chair, Attendance::present},
                   {"Norman Robertson", Role::unknown, Attendance::present},
                   {"Ian Logan", Role::unknown, Attendance::present},
                   {"Raymond Allan", Role::unknown, Attendance::present},
                   {"Paul Wheelhouse", Role::unknown, Attendance::apologies}},
                  {{"1", "Police Report", 1},
                   {"2", "Open Forum", 1},
                   {"4", "Approval of Previous Minutes", 1},
                   {"5", "Matters Arising From Previous Minutes", 1},
                   {"6", "Councillor's Report", 2},
                   {"9", "Correspondence and Emails", 2}},
                  {}});
}

// Manordeilo: the chair is named only in prose ("Cllr. P. Harries took the Chair"); the Welsh
// November minutes print "5. MATERION YN CODI" where the English has "4. MATTERS ARISING".
TEST_CASE("golden: Manordeilo and Salem PDFs, English and Welsh", "[golden][pdf]") {
    check_golden({"manordeilo-salem-cc/2015-06-10_minutes_en.pdf",
                  "Manordeilo and Salem Community Council",
                  "Manordeilo and Salem Community Council",
                  "2015-06-10",
                  Language::english,
                  {{"Alun Davies", Role::unknown, Attendance::present},
                   {"Doris Jones", Role::unknown, Attendance::present},
                   {"Peter Harries", Role::chair, Attendance::present},
                   {"William Loynton", Role::unknown, Attendance::apologies}},
                  {{"1", "WELCOME AND APOLOGIES", 1},
                   {"2", "TO CONFIRM THE MINUTES OF THE LAST MEETING", 1},
                   {"5", "CORRESPONDENCE", 1},
                   {"6", "LIGHTING", 2},
                   {"8", "PLANNING", 2},
                   {"12", "ANY OTHER BUSINESS", 2}},
                  {}});
    check_golden({"manordeilo-salem-cc/2015-11_minutes_cy.pdf",
                  "Cyngor Cymuned Manordeilo a Salem",
                  "Cyngor Cymuned Manordeilo a Salem",
                  "2015-11-11",
                  Language::welsh,
                  {{"Alun Davies", Role::unknown, Attendance::present},
                   {"Andrew Thomas", Role::unknown, Attendance::present},
                   {"Owen Williams", Role::unknown, Attendance::present},
                   {"Peter Harries", Role::chair, Attendance::present},
                   {"Jill Davies", Role::unknown, Attendance::apologies}},
                  {{"1", "CROESO AC YMDDIHEURIADAU", 1},
                   {"2", "CADARNHAU COFNODION Y CYFARFOD DIWETHAF", 1},
                   {"3", "DATGANIADAU O DDIDDORDEB", 1},
                   {"6", "GOLEUADAU", 2},
                   {"8", "CYNLLUNIO", 2},
                   {"12", "UNRHYW FATER ARALL", 2}},
                  {}});
}

// Nipissing: headings are unnumbered; motions "R2024-089 D. Yemm, S. Kirkey:" are passages, so
// pages are checked on them. The council is named "the Township of Nipissing Council".
TEST_CASE("golden: Township of Nipissing PDFs", "[golden][pdf]") {
    check_golden({"nipissing-township/Minutes-April-16-2024.pdf",
                  "Township of Nipissing",
                  "Township of Nipissing|Township of Nipissing Council|Council",
                  "2024-04-16",
                  Language::english,
                  {{"Tom Piper", Role::chair, Attendance::present},
                   {"Stephen Kirkey", Role::unknown, Attendance::present},
                   {"Shelly Foote", Role::unknown, Attendance::present},
                   {"Dave Yemm", Role::unknown, Attendance::present},
                   {"Kim Turnbull", Role::officer, Attendance::unknown}},
                  {},
                  {{"R2024-089 D. Yemm, S. Kirkey:", 1}, {"R2024-093 D. Yemm, S. Foote:", 2}}});
    // The opening sentence misprints the date ("April 180, 2023"); the title block has it right.
    check_golden({"nipissing-township/Minutes-April-18-2023.pdf",
                  "Township of Nipissing",
                  "Township of Nipissing|Township of Nipissing Council|Council",
                  "2023-04-18",
                  Language::english,
                  {{"Tom Piper", Role::chair, Attendance::present},
                   {"Tom Butler", Role::unknown, Attendance::present},
                   {"Dave Yemm", Role::unknown, Attendance::present},
                   {"Shelly Foote", Role::unknown, Attendance::apologies},
                   {"Will Bateman", Role::officer, Attendance::unknown}},
                  {},
                  {{"R2023-093 D. Yemm, S. Kirkey:", 1}, {"R2023-099 T. Butler, D. Yemm:", 2}}});
}

// Stoke Ferry: whole site pages; the meeting date is only in the body ("Held on the 16th November
// 2000"), the <h2> "February 2001" is the post's month. Headings are upper-case paragraphs.
TEST_CASE("golden: Stoke Ferry HTML pages", "[golden][html]") {
    check_golden({"stokeferry-parish/2001-02_minutes-of-the-stoke-ferry-parish-council-meeting.html",
                  "Stoke Ferry Parish Council",
                  "Stoke Ferry Parish Council",
                  "2000-11-16",
                  Language::english,
                  {{"Mycock", Role::unknown, Attendance::present},
                   {"Lewis", Role::unknown, Attendance::present},
                   {"White", Role::unknown, Attendance::apologies}},
                  {{"", "MATTERS ARISING", 0},
                   {"", "CO-OPTION OF NEW COUNCILLOR", 0},
                   {"", "PLANNING", 0},
                   {"", "CORRESPONDENCE", 0},
                   {"", "ANY OTHER BUSINESS", 0}},
                  {}});
    check_golden({"stokeferry-parish/2012-05_minutes-of-stoke-ferry-2012-parish-annual-council-meeting.html",
                  "Stoke Ferry Parish Council",
                  "Stoke Ferry Parish Council|Stoke Ferry Parish Annual Council",
                  "2012-05-16",
                  Language::english,
                  {{"T Ryves", Role::unknown, Attendance::present},
                   {"J Buckley-Stevens", Role::unknown, Attendance::present},
                   {"R Bivon", Role::unknown, Attendance::present},
                   {"C Hardy", Role::clerk, Attendance::present},
                   {"J Nicholas-Letch", Role::unknown, Attendance::apologies},
                   {"E Taylor", Role::unknown, Attendance::apologies}},
                  {{"", "Police Matters", 0},
                   {"", "Election of Chairman", 0},
                   {"", "Internal Audit", 0},
                   {"", "Road Gritting", 0},
                   {"", "The Cemetery", 0}},
                  {}});
}

// Manordeilo 2020: HTML fragments; items are an <ol> of <li><h4>, numbered by the list.
TEST_CASE("golden: Manordeilo and Salem HTML fragments, English and Welsh", "[golden][html]") {
    check_golden({"manordeilo-salem-cc/2020-03-11_minutes_en.html",
                  "Manordeilo and Salem Community Council",
                  "Manordeilo and Salem Community Council",
                  "2020-03-11",
                  Language::english,
                  {{"Alun Davies", Role::unknown, Attendance::present},
                   {"Owen Williams", Role::chair, Attendance::present},
                   {"Dorian Jenkins", Role::unknown, Attendance::apologies}},
                  {{"1", "WELCOME AND APOLOGIES", 0},
                   {"2", "TO CONFIRM THE MINUTES OF THE LAST MEETING", 0},
                   {"6", "BUDGET REVIEW", 0},
                   {"11", "ANY OTHER BUSINESS", 0}},
                  {}});
    check_golden({"manordeilo-salem-cc/2020-06-10_minutes_cy.html",
                  "Cyngor Cymuned Manordeilo a Salem",
                  "Cyngor Cymuned Manordeilo a Salem",
                  "2020-06-10",
                  Language::welsh,
                  {{"Arwel Davies", Role::unknown, Attendance::present},
                   {"Owen Williams", Role::chair, Attendance::present},
                   {"Kim Davies", Role::unknown, Attendance::apologies}},
                  {{"1", "CROESO AC YMDDIHEURIADAU", 0},
                   {"2", "CADARNHAU COFNODION Y CYFARFOD DIWETHAF", 0},
                   {"5", "GOHEBIAETH", 0},
                   {"7", "ASESIAD RISG", 0}},
                  {}});
}

// Cook Islands Hansard converted from PDF (pdftohtml "Page N" markers give pages). The sitting
// names no council or committee in its text; items are the procedural headings.
TEST_CASE("golden: Pacific Hansard HTML", "[golden][html]") {
    check_golden({"pacific-hansard/whole/cook-islands_Mon-22-March-2021.html",
                  "",
                  "",
                  "2021-03-22",
                  Language::english,
                  {},
                  {{"", "QUESTION TIME", 8}, {"", "ORDERS OF THE DAY", 21}, {"", "CLOSING PRAYER", 22}},
                  {}});
    check_golden({"pacific-hansard/whole/cook-islands_Mon-31-May-2021.html",
                  "",
                  "",
                  "2021-05-31",
                  Language::english,
                  {},
                  {{"", "QUESTION TIME", 3}, {"", "PRESENTATION OF PAPERS", 7}, {"", "ORDERS OF THE DAY", 9}},
                  {}});
}

// Sacramento agendas (no attendance): BoardDocs "print agenda" with numbered categories, and a
// PrimeGov page with lettered sections.
TEST_CASE("golden: Sacramento HTML agendas", "[golden][html]") {
    check_golden({"sacramento/SCOE/2021-09-28_agenda.html",
                  "",
                  "Sacramento County Board of Education",
                  "2021-09-28",
                  Language::english,
                  {},
                  {{"1", "Call to Order and Roll Call", 0},
                   {"2", "Pledge of Allegiance", 0},
                   {"3", "Approval of Minutes", 0}},
                  {}});
    check_golden({"sacramento/SJUSD/2025-03-25_agenda.html",
                  "San Juan Unified School District",
                  "Board of Education",
                  "2025-03-25",
                  Language::english,
                  {},
                  {{"A", "OPEN SESSION/CALL TO ORDER/ANNOUNCEMENT OF CLOSED SESSION TOPICS - 5:15 p.m.", 0},
                   {"D", "APPROVAL OF MINUTES", 0}},
                  {}});
}
