// Agenda items of layouts the first recogniser missed: Limerick's motion formula lines taken as
// headings, Nipissing's numbered resolutions, San Juan Unified's agenda codes, parish minutes led by
// labels; and a firm in an attendance list. Expectations written by reading each document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "recogniser_checks.h"
#include "temp_dir.h"

using namespace minutes;
using minutes::testing::attendee_named;
using minutes::testing::check_items;
using minutes::testing::item_numbered;
using minutes::testing::passage_of;
using minutes::testing::recognise_file;
using minutes::testing::title_of;
using minutes::testing::Want;

namespace {

bool no_title_in(const Minutes& m, std::initializer_list<std::string> titles) {
    return std::none_of(m.items.begin(), m.items.end(), [&](const AgendaItem& item) {
        return std::find(titles.begin(), titles.end(), item.title) != titles.end();
    });
}

}  // namespace

TEST_CASE("Recogniser items: Limerick 'Proposed by / Seconded by / And Resolved' stays in its item", "[recogniser][items]") {
    // corpora/limerick: "1. / Draft Budgetary Plan 2019"; the item ends with "Proposed by Councillor
    // Hourigan; / Seconded by Councillor O'Hanlon; / And Resolved: / "That the Budgetary Plan 2019 ...".
    Minutes m = recognise_file(testing::project_corpus() / "limerick" /
                               "2018-11-19_minutes-draft-budgetary-plan-meeting-for-the-metropolitan-district-of-limerick-15th-october-2018.md");
    check_items(m, {{"1", "Draft Budgetary Plan 2019"}});
    const Passage* motion = passage_of(m, "1", "Proposed by Councillor Hourigan; Seconded by Councillor O'Hanlon; And Resolved:");
    REQUIRE(motion != nullptr);
    CHECK(motion->kind == PassageKind::resolution);
    CHECK(motion->text.find("That the Budgetary Plan 2019") != std::string::npos);
    CHECK(motion->speaker == "Hourigan");
}

TEST_CASE("Recogniser items: Limerick minutes of 18 May 2015 have items 1-10, no 'And Resolved' or 'REPLY' items", "[recogniser][items]") {
    auto path = testing::shared_corpus() / "limerick" / "2015-06-15_minutes-of-meeting-18th-may-2015.md";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    // Each number on a line of its own, the title on the next ("1." / "Adoption of Minutes"); the
    // numbered lists inside items 4 ("1. Meadowbrook, Mill Road, Corbally", "2. The Grange") and 10
    // ("1)", "2)" bus stops) are not items: the main sequence goes on at 5 and ends at 10.
    check_items(m, {{"1", "Adoption of Minutes"},
                    {"2", "Disposal of Land"},
                    {"3", "Corporate Services"},
                    {"4", "Economic Development and Planning"},
                    {"5", "Travel and Transportation"},
                    {"6", "Home and Social Development"},
                    {"7", "Notice of Motion submitted by Councillor Malachy McCreesh"},
                    {"8", "Notice of Motion submitted by Councillor Cian Prendiville"},
                    {"9", "Notice of Motion submitted by Councillor Cian Prendiville"},
                    {"10", "Notice of Motion submitted by Councillor Paul Keller"}});
    CHECK(no_title_in(m, {"And Resolved", "REPLY", "Reply"}));
    // "Proposed by Councillor Leddin / Seconded by Councillor O'Dea / And Resolved: / "That the draft
    // Minutes, as circulated, be taken as read and adopted and signed"." is one resolution.
    const Passage* adopted = passage_of(m, "1", "Proposed by Councillor Leddin Seconded by Councillor O");
    REQUIRE(adopted != nullptr);
    CHECK(adopted->kind == PassageKind::resolution);
    CHECK(adopted->text.find("And Resolved:") != std::string::npos);
    CHECK(adopted->text.find("be taken as read and adopted and signed") != std::string::npos);
    CHECK(adopted->speaker == "Leddin");  // the mover, not "Leddin Seconded"
    // The "REPLY:" to Councillor McCreesh's motion is a passage of item 7.
    CHECK(passage_of(m, "7", "REPLY: A review will be undertaken of the Dock Road area") != nullptr);
}

TEST_CASE("Recogniser items: Limerick October 2024 keeps 'And Resolved' and 'REPLY' inside numbered items", "[recogniser][items]") {
    auto path = testing::shared_corpus() / "limerick" /
                "2024-11-18_minutes-meeting-of-the-metropolitan-district-of-limerick-21st-october-2024.md";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    // "**1.Support Services Directorate**", "**2.Adoption of Minutes**", "**3.Declaration of
    // Interest**", ... "**8.Question submitted by Councillor S. Hartigan**".
    REQUIRE(m.items.size() >= 8);
    CHECK(m.items[0].number == "1");
    CHECK(m.items[0].title == "Support Services Directorate");
    CHECK(m.items[1].number == "2");
    CHECK(m.items[1].title == "Adoption of Minutes");
    CHECK(m.items[2].title == "Declaration of Interest");
    CHECK(m.items[7].number == "8");
    CHECK(m.items[7].title == "Question submitted by Councillor S. Hartigan");
    CHECK(no_title_in(m, {"And Resolved", "REPLY", "Reply"}));
    // "Proposed by Councillor Slattery; / Seconded by Councillor McSweeney; / And Resolved: / "That
    // the draft Minutes, as circulated, be taken as read and adopted and signed"."
    const Passage* adopted = passage_of(m, "2", "Proposed by Councillor Slattery; Seconded by Councillor McSweeney; And Resolved:");
    REQUIRE(adopted != nullptr);
    CHECK(adopted->kind == PassageKind::resolution);
    // In item 1 the amendment's "Proposed by: Councillor Mc Sweeney; / Seconded by: Councillor
    // Butler; / And Resolved:" starts its own passage after the schedule and holds its resolution.
    const Passage* amendment = passage_of(m, "1", "Proposed by: Councillor Mc Sweeney; Seconded by: Councillor Butler; And Resolved:");
    REQUIRE(amendment != nullptr);
    CHECK(amendment->text.find("be amended by an increased amount") != std::string::npos);
}

TEST_CASE("Recogniser items: Nipissing resolutions are items numbered as printed", "[recogniser][items]") {
    // corpora/nipissing-township/Minutes-April-16-2024.pdf: no agenda headings; resolutions
    // "R2024-089 D. Yemm, S. Kirkey: That the minutes of the Council Meeting held April 2, 2024 be
    // adopted as published. Carried." to "R2024-097 ... That the meeting be adjourned.", and one
    // "Item #10 Consideration of a donation request ..." / "Deferred." between R2024-092 and -093.
    Minutes m = recognise_file(testing::project_corpus() / "nipissing-township" / "Minutes-April-16-2024.pdf");
    check_items(m, {
        {"R2024-089", "The minutes of the Council Meeting held April 2, 2024 be adopted as published"},
        // WHEREAS ... NOW THEREFORE BE IT RESOLVED that, as per Section 262(1) ...: the operative clause.
        {"R2024-090", "As per Section 262(1) of the Municipal Act, 2001, as amended, the Council of the Corporation of the Township of ..."},
        {"R2024-091", "Direction is given to place barriers along the unopened lakeshore road allowance owned by the Township of Nipissing to limit ..."},
        {"R2024-092", "Adopt the 2024 Capital Forecast as presented"},
        {"10", "Consideration of a donation request received from the Commanda Community Centre"},
        {"R2024-093", "Appoint Kim Turnbull as Interim Secretary to the Nipissing Township Museum Board, per By-Law 2023-11, 3"},
        {"R2024-094", "Accept the correspondence as presented"},
        {"R2024-095", "The statement of accounts dated: April 2 and 11, 2024"},
        {"R2024-096", "Pass By-Law No. 2024-19, being a By-Law to confirm the proceedings of Council at its meeting held on April 16, ..."},
        {"R2024-097", "The meeting be adjourned"},
    });
    // The unnumbered paragraphs after the attendance open the first resolution's item.
    CHECK(passage_of(m, "R2024-089", "Disclosure of pecuniary interest: None.") != nullptr);
    CHECK(passage_of(m, "R2024-089", "Mayor Piper recognized the value of volunteers") != nullptr);
    const Passage* first = passage_of(m, "R2024-089", "R2024-089 D. Yemm, S. Kirkey: That the minutes");
    REQUIRE(first != nullptr);
    CHECK(first->kind == PassageKind::resolution);
    CHECK(first->speaker == "Dave Yemm");  // the mover, initialled
    // The budget presentation leads to R2024-092; "Deferred." is the outcome of item 10.
    CHECK(passage_of(m, "R2024-092", "The Draft 2024 Operating Budget and 2024 Capital and Reserves Forecast were presented") != nullptr);
    CHECK(passage_of(m, "10", "Deferred.") != nullptr);
    // The closing note about Section 228 stays with the last item.
    CHECK(passage_of(m, "R2024-097", "Minutes prepared as per Section 228") != nullptr);
    // The attendance before the first resolution is still read.
    REQUIRE(attendee_named(m, "Tom Piper") != nullptr);
    CHECK(attendee_named(m, "Tom Piper")->role == Role::chair);
    CHECK(attendee_named(m, "Dave Yemm") != nullptr);
    CHECK(m.committee == "Township of Nipissing Council");
}

TEST_CASE("Recogniser items: a resolution's year wrapped before 'Carried.' is not an item", "[recogniser][items]") {
    auto path = testing::shared_corpus() / "nipissing-township" / "Minutes-August-12-2025.pdf";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    // "R2025-138 L. Chalapenko, S. Foote:" to "R2025-147 S. Kirkey, J. Scott: / That the meeting be
    // adjourned. ... September 2, / 2025. Carried." - ten resolutions, and no item "2025" titled "Carried".
    REQUIRE(m.items.size() == 10);
    for (std::size_t k = 0; k < 10; ++k) CHECK(m.items[k].number == "R2025-" + std::to_string(138 + k));
    CHECK(m.items[1].title ==
          "Authorize the submission of an application under the Ontario Government program, Enhancing Access to Spaces for Everyone (EASE) Grant, for ...");
    CHECK(m.items[9].title == "The meeting be adjourned");
    CHECK(no_title_in(m, {"Carried"}));
    // Councillor Foote's declaration comes before the first resolution and opens its item.
    const Passage* declared = passage_of(m, "R2025-138", "Disclosure of pecuniary interest: Councillor Shelly Foote declared");
    REQUIRE(declared != nullptr);
    CHECK(declared->kind == PassageKind::declaration);
}

TEST_CASE("Recogniser items: resolution numbers of other councils' forms", "[recogniser][items]") {
    // Written for this test: a council numbering its motions "C2023/14" with the mover and seconder.
    std::string text =
        "Minutes of the Regular Meeting of the Council of the Village of Elm Creek\n\n"
        "Monday, March 6, 2023\n\n"
        "Present: Reeve Ann Smith and Councillors Bob Jones and Carla Ray.\n\n"
        "The road superintendent reported on the spring grading programme.\n\n"
        "C2023/14 B. Jones, C. Ray: That the grading programme be approved as presented. Carried.\n\n"
        "C2023/15 C. Ray, B. Jones: That the meeting be adjourned. Carried.\n";
    Minutes m = recognise(read_plain_text(text, Format::text, "elm-creek.txt"));
    check_items(m, {{"C2023/14", "The grading programme be approved as presented"}, {"C2023/15", "The meeting be adjourned"}});
    CHECK(passage_of(m, "C2023/14", "The road superintendent reported") != nullptr);
    CHECK(attendee_named(m, "Bob Jones") != nullptr);
}

TEST_CASE("Recogniser items: a financial year before a colon is not a resolution number", "[recogniser][items]") {
    // Written for this test: parish business led by years, with no mover and seconder.
    std::string text =
        "Minutes of the Meeting of Ashby Parish Council held on Tuesday 9 January 2024\n\n"
        "Present: Cllr A Green (Chairman), Cllr B White.\n\n"
        "2023/24 Budget: The clerk reported spending to date against the budget.\n\n"
        "2024/25 Precept: It was resolved to set the precept at 12,000 pounds.\n\n"
        "2025/26 Plans: Members discussed the play area.\n";
    Minutes m = recognise(read_plain_text(text, Format::text, "ashby.txt"));
    for (const auto& item : m.items) {
        INFO("item " << item.number << " " << item.title);
        CHECK(item.number.find('/') == std::string::npos);
    }
}

TEST_CASE("Recogniser items: San Juan Unified titles closed by their agenda code", "[recogniser][items]") {
    // corpora/sacramento/SJUSD/2020-01-14_minutes.txt: "Call to Order (A)", "Recess: Closed Session
    // (B)", ..., "Consent Calendar Approved (G-1/G-13)" then each consent item "Personnel (G-1)" ...
    // "Grant: National School Lunch Equipment Assistance Grant (G-13)", "Continuous Improvement
    // Series: Equity Update (I-1)" ... "Board Reports (J)", "Future Agenda (K)", "Adjournment (M)".
    Minutes m = recognise_file(testing::project_corpus() / "sacramento" / "SJUSD" / "2020-01-14_minutes.txt");
    REQUIRE(m.items.size() == 30);
    CHECK(m.items[0].number == "A");
    CHECK(m.items[0].title == "Call to Order");
    CHECK(m.items[1].number == "B");
    CHECK(m.items[1].title == "Recess: Closed Session");
    CHECK(m.items[3].number == "D");
    CHECK(m.items[3].title == "Minutes Approved");
    CHECK(m.items[4].number == "E-1");
    CHECK(m.items[4].title == "High School Student Council Reports");
    CHECK(m.items[7].number == "G-1/G-13");
    CHECK(m.items[7].title == "Consent Calendar Approved");
    CHECK(m.items[8].number == "G-1");
    CHECK(m.items[8].title == "Personnel");
    CHECK(m.items[20].number == "G-13");
    CHECK(m.items[25].number == "I-5 a,b,c,d");
    CHECK(m.items[25].title == "Tentative Agreements: SJTA, SJPEC, SJSA, Teamsters");
    CHECK(m.items[29].number == "M");
    CHECK(m.items[29].title == "Adjournment");
    // "It was moved by Ms. Creason, seconded by Dr. McKibbin, that the minutes of the December 10
    // regular meeting be approved. MOTION CARRIED UNANIMOUSLY [...]" is item D's resolution.
    const Passage* approved = passage_of(m, "D", "It was moved by Ms. Creason, seconded by Dr. McKibbin");
    REQUIRE(approved != nullptr);
    CHECK(approved->kind == PassageKind::resolution);
    // "Closed Session (B) (continued)" goes back to an earlier item: a paragraph of Future Agenda.
    CHECK(passage_of(m, "K", "Closed Session (B) (continued)") != nullptr);
}

TEST_CASE("Recogniser items: parish minutes whose paragraphs are led by labels", "[recogniser][items]") {
    auto path = testing::shared_corpus() / "stokeferry-parish" /
                "2004-04_minutes-of-the-meeting-of-wereham-parish-council-held-on-tuesday-9th-march-2004.md";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    // "Present: R. Lankfer - Chairman, ...", "Apologies: ...", then "Minutes: It was proposed by G.
    // Clere ...", "Matters Arising: Cemetery - ...", "Planning Applications: ...", "Planning Decision:
    // ...", "Payments: ...", "Correspondence: ...", "Any Other Business: ...".
    check_items(m, {{"", "Minutes"},
                    {"", "Matters Arising"},
                    {"", "Planning Applications"},
                    {"", "Planning Decision"},
                    {"", "Payments"},
                    {"", "Correspondence"},
                    {"", "Any Other Business"}});
    REQUIRE(!m.items[0].passages.empty());
    CHECK(m.items[0].passages[0].text.rfind("It was proposed by G. Clere and seconded by P. Markwell", 0) == 0);
    REQUIRE(attendee_named(m, "R. Lankfer") != nullptr);
    CHECK(attendee_named(m, "R. Lankfer")->role == Role::chair);
    CHECK(m.date.iso() == "2004-03-09");
}

TEST_CASE("Recogniser items: a guest's firm is the guest's affiliation, not two more guests", "[recogniser][items][attendance]") {
    // corpora/nipissing-township/Minutes-April-16-2024-Special.pdf: "Guests: Elizabeth Hill, Pesce & Associates".
    Minutes m = recognise_file(testing::project_corpus() / "nipissing-township" / "Minutes-April-16-2024-Special.pdf");
    const Attendee* hill = attendee_named(m, "Elizabeth Hill");
    REQUIRE(hill != nullptr);
    CHECK(hill->role == Role::guest);
    CHECK(hill->position == "Pesce & Associates");
    CHECK(attendee_named(m, "Pesce") == nullptr);
    CHECK(attendee_named(m, "Associates") == nullptr);
    CHECK(attendee_named(m, "Pesce & Associates") == nullptr);
}

TEST_CASE("Recogniser items: an office named after two areas is one office", "[recogniser][items][attendance]") {
    // corpora/nipissing-township/Minutes-April-16-2024.pdf: "Staff: ...; Land Planning & Technology
    // Administrator-Deputy Treasurer John-Paul Negrinotti and Municipal Administrator-Clerk-Treasurer
    // Kris Croskery-Hodgins."
    Minutes m = recognise_file(testing::project_corpus() / "nipissing-township" / "Minutes-April-16-2024.pdf");
    const Attendee* officer = attendee_named(m, "John-Paul Negrinotti");
    REQUIRE(officer != nullptr);
    CHECK(officer->role == Role::officer);
    CHECK(officer->position == "Land Planning & Technology Administrator-Deputy Treasurer");
    CHECK(attendee_named(m, "Land Planning") == nullptr);
    REQUIRE(attendee_named(m, "Kris Croskery-Hodgins") != nullptr);
    CHECK(attendee_named(m, "Kris Croskery-Hodgins")->position == "Municipal Administrator-Clerk-Treasurer");
}

TEST_CASE("Recogniser items: letters under each numbered section carry the section's number", "[recogniser][items]") {
    // corpora/sacramento/SCOE/2021-09-28_09.28.21_Board_Meeting_Minutes_UNAPPROVED.txt prints "3. Approval
    // of Minutes" / "A. No Approval of Minutes", "6. Visitor Presentations" / "A. General Public" / "B.
    // Employee Organizations", "10. New Business - Authorization ..." / "A. No Grant Applications/Service
    // Contracts", "14. Schedule of Future Meetings" / "A. October 5, 2021" / "B. October 19, 2021": the
    // letters start again under each number, so "A" alone names four items of one meeting.
    Minutes m = recognise_file(testing::project_corpus() / "sacramento" / "SCOE" /
                               "2021-09-28_09.28.21_Board_Meeting_Minutes_UNAPPROVED.txt");
    std::vector<std::string> numbers;
    for (const auto& item : m.items) numbers.push_back(item.number);
    CHECK(numbers == std::vector<std::string>{"1", "2", "3", "3.A", "4", "5", "6", "6.A", "6.B", "7", "8", "9", "10",
                                              "10.A", "11", "12", "13", "14", "14.A", "14.B", "15"});
    auto titled = [&m](const std::string& number) {
        for (const auto& item : m.items) {
            if (item.number == number) return item.title;
        }
        return std::string("(no item " + number + ")");
    };
    CHECK(titled("6.A") == "General Public");
    CHECK(titled("6.B") == "Employee Organizations");
    CHECK(titled("14.B") == "October 19, 2021");
}

TEST_CASE("Recogniser items: numbers that start again under each roman section", "[recogniser][items]") {
    // corpora/sacramento/FOWD/2022-11-21_...: "VIII. PRESENTATION & CORRESPONDENCE" / "1. Letter dated
    // November 1, 2022, from the Department of Water Resources related to ..." / "2. Letter dated November
    // 1, 2022 from SJWD related to Groundwater ...", "XI. UPCOMING EVENTS" / "1. November 29 to December 2,
    // 2022 – ACWA 2022 Fall Conference" / "2. December 13, 2022 – SJWD Finance Meeting at SJWD" / "3.
    // December 14, 2022 – SJWD Board Meeting at SJWD". Only the numbers that went on from the last one
    // taken were items before ("3. December 14 ..." without its "1." and "2.").
    Minutes m = recognise_file(testing::project_corpus() / "sacramento" / "FOWD" /
                               "2022-11-21_11-21-22_Regular_Board_Meeting____Public_Hearing__Minutes.txt");
    CHECK(title_of(m, "VIII.1").rfind("Letter dated November 1, 2022, from the Department of Water Resources", 0) == 0);
    CHECK(title_of(m, "VIII.2").rfind("Letter dated November 1, 2022 from SJWD", 0) == 0);
    CHECK(title_of(m, "XI.1") == "November 29 to December 2, 2022 – ACWA 2022 Fall Conference");
    CHECK(title_of(m, "XI.2") == "December 13, 2022 – SJWD Finance Meeting at SJWD");
    CHECK(title_of(m, "XI.3") == "December 14, 2022 – SJWD Board Meeting at SJWD");
}

TEST_CASE("Recogniser items: a title runs on past a joining word or 'To' and a verb before 'Apologies'", "[recogniser][items]") {
    // corpora/govan-cc, March 2026: "1. **Attendance and Apologies**" over "**Present:** Claire Dickson
    // (Chair), ..." and "**Apologies:** Cllr. Dan Hutchison, ...". "Apologies" opens a body after a
    // title ("Minutes Apologies were received ..."), but not after "and".
    auto govan = testing::shared_corpus() / "govan-cc" / "2026-03-02-general-meeting-march-2026.md";
    if (!testing::shared_corpus_absent(govan)) {
        Minutes m = recognise_file(govan);
        REQUIRE(!m.items.empty());
        CHECK(m.items[0].number == "1");
        CHECK(m.items[0].title == "Attendance and Apologies");
        CHECK(passage_of(m, "1", "Present: Claire Dickson (Chair)") != nullptr);
    }
    // corpora/stokeferry-parish, December 2020: "198/20 To Receive and Consider Acceptance for Apologies
    // of Absence The Council noted that Cllr Mandy Leamon was absent, ...".
    auto stoke = testing::shared_corpus() / "stokeferry-parish" / "2021-01_stoke-ferry-parish-council-meeting-december-2.md";
    if (!testing::shared_corpus_absent(stoke)) {
        Minutes m = recognise_file(stoke);
        const AgendaItem* item = item_numbered(m, "198/20");
        REQUIRE(item != nullptr);
        CHECK(item->title == "To Receive and Consider Acceptance for Apologies of Absence");
        CHECK(passage_of(m, "198/20", "The Council noted that Cllr Mandy Leamon was absent") != nullptr);
    }
    // corpora/stokeferry-parish, March 2014: "2. To Consider Apologies for Absence: Apologies were received
    // from Cllr Mrs Lintern": a verb after "To" takes its object into the title.
    auto march = testing::shared_corpus() / "stokeferry-parish" / "2014-04_stoke-ferry-parish-council-march-meeting.md";
    if (!testing::shared_corpus_absent(march)) {
        Minutes m = recognise_file(march);
        const AgendaItem* item = item_numbered(m, "2");
        REQUIRE(item != nullptr);
        CHECK(item->title == "To Consider Apologies for Absence");
        CHECK(passage_of(m, "2", "Apologies were received from Cllr Mrs Lintern") != nullptr);
    }
}

TEST_CASE("Recogniser items: a list of the items ahead of the minutes is not the items", "[recogniser][items]") {
    // corpora/sacramento/SJWD, 10 January 2018: the attendance, then "AGENDA ITEMS" / "I. Public Forum" /
    // "II. Consent Calendar" / "III. New Business" / "IV. Old Business" / "V. Adjourn", then "President
    // Hanneman called the meeting to order ... The following directors were present: Ted Costa, Marty
    // Hanneman, Ken Miller, Dan Rich and Pam Tobin.", then the minutes under "I. PUBLIC FORUM" and so on.
    auto path = testing::shared_corpus() / "sacramento" / "SJWD" / "2018-01-10_011018_Board_Minutes.txt";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    REQUIRE(m.items.size() >= 5);
    const std::vector<Want> first{{"I", "PUBLIC FORUM"}, {"II", "CONSENT CALENDAR"}, {"II.1", "Board Meeting Schedule Change"}};
    for (std::size_t k = 0; k < first.size(); ++k) {
        CHECK(m.items[k].number == first[k].number);
        CHECK(m.items[k].title == first[k].title);
    }
    CHECK(passage_of(m, "I", "Mr. Ken Payne with the Auburn Dam Council addressed the Board") != nullptr);
    CHECK(passage_of(m, "V", "The meeting was adjourned at 7:25 p.m.") != nullptr);
    // The list is no part of the header: the committee is the one printed above it.
    CHECK(m.committee == "Board of Director's");
    // The roll call between the list and the first item is still read.
    REQUIRE(attendee_named(m, "Ken Miller") != nullptr);
    CHECK(attendee_named(m, "Ken Miller")->attendance == Attendance::present);
}

TEST_CASE("Recogniser items: items numbered 1.0, 2.0 over their points 1.1, 2.1", "[recogniser][items]") {
    // corpora/stokeferry-parish, Wereham March 2014 (HTML): a table of rows "1.0 | Welcome and
    // Introductions", "1.1 | JB welcomed all ...", "2.0 | Apologies for absence.", "2.1 | None received.",
    // "3.0 | Minutes of Meeting held on 12th November 2013", ... "15.0 | Date of Next Meeting – Tuesday May
    // 13th 2014".
    auto path = testing::shared_corpus() / "stokeferry-parish" / "2014-05_wereham-parish-council-march-2.html";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    REQUIRE(m.items.size() == 15);
    CHECK(m.items[0].number == "1.0");
    CHECK(m.items[0].title == "Welcome and Introductions");
    CHECK(m.items[1].number == "2.0");
    CHECK(m.items[1].title == "Apologies for absence");
    CHECK(m.items[14].number == "15.0");
    CHECK(m.items[14].title.rfind("Date of Next Meeting", 0) == 0);
    // The points stay passages of their item.
    CHECK(passage_of(m, "2.0", "2.1 None received.") != nullptr);
}

TEST_CASE("Recogniser items: a title run on into a sentence that names its verb late", "[recogniser][items]") {
    // corpora/stokeferry-parish, April 2018: "71/18 Minutes of the Meeting dated 7 March 2018 The minutes of
    // the Ordinary Parish Council Meeting held on 7 March 2018 were approved as a true record." (the verb
    // 14 words after "The"); Wretton, March 2016: "10. Neighbourhood Plan Some discussion took place ...".
    auto april = testing::shared_corpus() / "stokeferry-parish" / "2018-07_stoke-ferry-parish-council-april-meeting-minutes.md";
    if (!testing::shared_corpus_absent(april)) {
        Minutes m = recognise_file(april);
        const AgendaItem* item = item_numbered(m, "71/18");
        REQUIRE(item != nullptr);
        CHECK(item->title == "Minutes of the Meeting dated 7 March 2018");
        CHECK(passage_of(m, "71/18", "The minutes of the Ordinary Parish Council Meeting held on 7 March 2018") != nullptr);
    }
    auto wretton = testing::shared_corpus() / "stokeferry-parish" / "2016-05_wretton-parish-council-march-meeting-2.md";
    if (!testing::shared_corpus_absent(wretton)) {
        Minutes m = recognise_file(wretton);
        const AgendaItem* item = item_numbered(m, "10");
        REQUIRE(item != nullptr);
        CHECK(item->title == "Neighbourhood Plan");
        CHECK(passage_of(m, "10", "Some discussion took place") != nullptr);
    }
    // Wretton, May 2015: "12. Reports from Councillors/items for the next agenda 1. Dog fouling to be an
    // agenda item for the next meeting 2. The public bridleway sign ...": "The" after a point's number goes
    // on with the point; it opens no body there.
    auto may = testing::shared_corpus() / "stokeferry-parish" / "2015-10_wretton-pc-minutes-may.md";
    if (!testing::shared_corpus_absent(may)) {
        Minutes m = recognise_file(may);
        const AgendaItem* item = item_numbered(m, "12");
        REQUIRE(item != nullptr);
        const std::string cut = "next meeting 2";  // a title cut after the point's number
        CHECK_FALSE((item->title.size() >= cut.size() && item->title.compare(item->title.size() - cut.size(), cut.size(), cut) == 0));
    }
}

TEST_CASE("Recogniser items: a title in capitals goes on past 'OF' to its date, and stops at a label", "[recogniser][items]") {
    // corpora/denver-rtd, meeting 2077 (January 2011): "IX." / "APPROVAL OF REGULAR BOARD MEETING MINUTES OF
    // December 21, 2010" / "MOTION:" / "Director Bagley moved for the adoption of ...", and "X." / "APPROVAL
    // OF SPECIAL BOARD MEETING MINUTES OF JANUARY 4, 2011" / "MOTION:" / "Director Cohn moved ...".
    auto path = testing::shared_corpus() / "denver-rtd" / "meetings" / "2077" / "minutes.txt";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    CHECK(title_of(m, "IX") == "APPROVAL OF REGULAR BOARD MEETING MINUTES OF December 21, 2010");
    CHECK(title_of(m, "X") == "APPROVAL OF SPECIAL BOARD MEETING MINUTES OF JANUARY 4, 2011");
    const Passage* motion = passage_of(m, "X", "MOTION: Director Cohn moved for the adoption");
    REQUIRE(motion != nullptr);
    CHECK(motion->kind == PassageKind::resolution);
}

TEST_CASE("Recogniser items: a point's letter after the title opens the body", "[recogniser][items]") {
    // corpora/stokeferry-parish, Northwold November 2018: "8. FINANCES: a. The Financial Working Group (FWG)
    // has met once between meetings ... b. Precept setting for 2019/20 ...".
    auto path = testing::shared_corpus() / "stokeferry-parish" / "2019-03_northweold-pc-meeting-november.md";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    const AgendaItem* item = item_numbered(m, "8");
    REQUIRE(item != nullptr);
    CHECK(item->title == "FINANCES");
    CHECK(passage_of(m, "8", "a. The Financial Working Group (FWG) has met once") != nullptr);
}

TEST_CASE("Recogniser items: documents attached after the minutes' attestation are a section of their own",
          "[recogniser][items]") {
    // corpora/sacramento/SJWD, 16 February 2022: "III. ADJOURN" / "The meeting was adjourned at 6:39 p.m.",
    // the president's signature, "ATTEST:" ... "TERI GRANT, Board Secretary", then "STAFF REPORT" / "To: Board
    // of Directors" / "From: Paul Helliker, General Manager" ... on the selection of a new Board member.
    auto path = testing::shared_corpus() / "sacramento" / "SJWD" / "2022-02-16_021622BoardMinutesSpecial.txt";
    if (testing::shared_corpus_absent(path)) return;
    Minutes m = recognise_file(path);
    const AgendaItem* adjourn = item_numbered(m, "III");
    REQUIRE(adjourn != nullptr);
    CHECK(adjourn->title == "ADJOURN");
    REQUIRE(!adjourn->passages.empty());
    CHECK(adjourn->passages.front().text == "The meeting was adjourned at 6:39 p.m.");
    for (const auto& p : adjourn->passages) CHECK(p.text.find("RECOMMENDED ACTION") == std::string::npos);
    auto report = std::find_if(m.items.begin(), m.items.end(), [](const AgendaItem& i) { return i.title == "STAFF REPORT"; });
    REQUIRE(report != m.items.end());
    CHECK(report->number.empty());
    REQUIRE(!report->passages.empty());
    CHECK(report->passages.front().text.rfind("To: Board of Directors", 0) == 0);
}

TEST_CASE("Recogniser items: lettered matters with bold titles are items under their section", "[recogniser][items]") {
    // corpora/govan-cc, January 2025 (markdown from a word processor): "2.  MATTERS ARISING AND CONTINUING
    // ISSUES", then "a)  **Cleansing, environment, housing and roads**", "b)  **Active Travel consultation on
    // road modification to improve cycling" / "safety**" (the bold title wraps), "c)  **Lyceum**", ...
    // "e)  **Naming of the new bridge after Mary Barbour**" / "> The relevant City Council Committee had
    // initially not endorsed our proposal ...", ... "h)  **Opening hours of Elder Park Library**"; and
    // under "5.  COMMUNITY COUNCIL ORGANISATION", "a)  **Our website**", "b)  **Facebook site**",
    // "c)  **Govan Letter**".
    auto january = testing::shared_corpus() / "govan-cc" / "2025-01-13-general-meeting-january-2025.md";
    if (!testing::shared_corpus_absent(january)) {
        Minutes m = recognise_file(january);
        CHECK(title_of(m, "2") == "MATTERS ARISING AND CONTINUING ISSUES");
        CHECK(title_of(m, "2.a") == "Cleansing, environment, housing and roads");
        CHECK(title_of(m, "2.b") == "Active Travel consultation on road modification to improve cycling safety");
        CHECK(title_of(m, "2.c") == "Lyceum");
        CHECK(title_of(m, "2.e") == "Naming of the new bridge after Mary Barbour");
        CHECK(title_of(m, "2.h") == "Opening hours of Elder Park Library");
        CHECK(title_of(m, "5.a") == "Our website");
        CHECK(title_of(m, "5.c") == "Govan Letter");
        CHECK(passage_of(m, "2.e", "The relevant City Council Committee had initially not endorsed our") != nullptr);
    }
    // May 2024: "2 MATTERS ARISING" over "a)  **Cleansing, environment, litter crisis and drains crisis**"
    // and "b)  **Closure of Bank of Scotland**", the only lettered run in the minutes: still under item 2.
    auto may = testing::shared_corpus() / "govan-cc" / "2024-05-24-general-meeting-may-2024.md";
    if (!testing::shared_corpus_absent(may)) {
        Minutes m = recognise_file(may);
        const AgendaItem* item = item_numbered(m, "2.b");
        REQUIRE(item != nullptr);
        CHECK(item->title == "Closure of Bank of Scotland");
    }
}
