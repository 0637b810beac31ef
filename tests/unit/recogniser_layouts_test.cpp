// Layouts of councils the shared corpora do not hold, in the shapes their minutes take: an Australian
// shire's ordinary meeting (reports numbered 9.1, 9.2 under their section, each motion's number,
// mover and seconder over its text, "CARRIED" / "LOST", "In Favour: Crs ..."), a New Zealand district
// council's committee (officers as "Group Manager Finance (A Chen)", the mayor a member of a committee
// another councillor chairs), a US city council ("Mayor Pro Tem", "Councilmembers"), an Ontario city
// council (agenda numbers over numbered resolutions, "Moved by:" / "Seconded by:", a recorded vote), a
// Scottish council committee (officers one per line, "The Committee NOTED", an "Item 6:" reference
// among the declarations) and a US county board of supervisors ("Item 3." titles in sentence case,
// "AYES:" / "NOES:" / "ABSENT:" rolls), and an English district council's planning committee as the
// modern.gov web page publishes it (an attendance table, a planning application's reference leading
// its title), and an English town council in markdown (minute numbers led by the year, "24/101", and
// an attendance table with the town's offices), a US district board that lists its items ahead of its minutes and
// spells an acronym out only in a title, and a parish council whose lettered matters have bold titles. The documents are written for the test, short, in those councils' manner; each
// expectation says what a reader of the text finds there.
#include <catch2/catch.hpp>

#include <string>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "readers.h"
#include "recogniser_checks.h"

using namespace minutes;
using minutes::testing::check_items;

namespace {

Minutes recognise_text(const std::string& text, const char* name) {
    return recognise(read_plain_text(text, Format::text, name));
}

// The passage of item `number` whose text starts with `start`; fails the test when there is none.
const Passage& passage(const Minutes& m, const std::string& number, const std::string& start) {
    const Passage* found = minutes::testing::passage_of(m, number, start);
    if (found == nullptr) FAIL("no passage of item " << number << " starts with '" << start << "'");
    return *found;
}

const Attendee& attendee(const Minutes& m, const std::string& name) {
    const Attendee* found = minutes::testing::attendee_named(m, name);
    if (found == nullptr) FAIL("no attendee '" << name << "'");
    return *found;
}

const std::string kShire =
    "WOLLUNDRA SHIRE COUNCIL\n\n"
    "MINUTES OF THE ORDINARY MEETING OF COUNCIL HELD IN THE COUNCIL CHAMBERS, 24 MAIN STREET, WOLLUNDRA ON "
    "TUESDAY 12 MARCH 2024 COMMENCING AT 6.30PM\n\n"
    "PRESENT: Mayor Cr J Smith (Chairperson), Deputy Mayor Cr P Nguyen, Cr A Brown, Cr K O'Neill, Cr R Lee.\n\n"
    "IN ATTENDANCE: General Manager (Ms S Walker), Director Planning and Environment (Mr T Hughes).\n\n"
    "1. OPENING OF MEETING\n\nThe Mayor declared the meeting open at 6.31pm.\n\n"
    "2. DECLARATIONS OF INTEREST\n\n"
    "Cr Lee declared a pecuniary interest in Item 9.1 as he owns land adjoining the subject site.\n\n"
    "9. REPORTS TO COUNCIL\n\n"
    "9.1 DEVELOPMENT APPLICATION DA2023/118 - TWO LOT SUBDIVISION, 5 CREEK ROAD, WOLLUNDRA\n\n"
    "Cr Lee left the chamber at 6.40pm.\n\n"
    "RESOLUTION 2024/33\nMoved: Cr Brown\nSeconded: Cr Nguyen\n"
    "That Council approve Development Application DA2023/118 for a two lot subdivision at 5 Creek Road, subject "
    "to the conditions in Attachment 1.\nCARRIED\n"
    "In Favour: Crs Smith, Nguyen, Brown and O'Neill\nAgainst: Nil\n\n"
    "9.2 ROAD RESEALING PROGRAM 2024/25\n\n"
    "The Director Infrastructure outlined the proposed resealing program and the grant funding available.\n\n"
    "RESOLUTION 2024/34\nMoved: Cr O'Neill\nSeconded: Cr Lee\n"
    "That Council adopt the Road Resealing Program 2024/25 as presented.\nCARRIED\n\n"
    "9.3 FINANCIAL REPORT - FEBRUARY 2024\n\n"
    "RESOLUTION 2024/35\nMoved: Cr Nguyen\nSeconded: Cr Brown\n"
    "That the financial report for February 2024 be received and noted.\nLOST\n\n"
    "10. CLOSE OF MEETING\n\nThe Mayor closed the meeting at 7.15pm.\n";

}  // namespace

TEST_CASE("Recogniser layouts: an Australian shire's reports numbered under their section are items",
          "[recogniser][items][layouts]") {
    Minutes m = recognise_text(kShire, "wollundra.txt");
    CHECK(m.council == "Wollundra Shire Council");
    CHECK(m.date.iso() == "2024-03-12");
    // Section 9 heads the three reports; each report is an item with its own motion.
    check_items(m, {{"1", "OPENING OF MEETING"},
                    {"2", "DECLARATIONS OF INTEREST"},
                    {"9", "REPORTS TO COUNCIL"},
                    {"9.1", "DEVELOPMENT APPLICATION DA2023/118 - TWO LOT SUBDIVISION, 5 CREEK ROAD, WOLLUNDRA"},
                    {"9.2", "ROAD RESEALING PROGRAM 2024/25"},
                    {"9.3", "FINANCIAL REPORT - FEBRUARY 2024"},
                    {"10", "CLOSE OF MEETING"}});
    CHECK(m.items[2].passages.empty());
}

TEST_CASE("Recogniser layouts: a motion's number, mover and seconder printed over its text are one decision",
          "[recogniser][passages][layouts]") {
    Minutes m = recognise_text(kShire, "wollundra.txt");
    const Passage& approved = passage(m, "9.1", "RESOLUTION 2024/33 Moved: Cr Brown Seconded: Cr Nguyen That Council approve");
    CHECK(approved.kind == PassageKind::resolution);
    CHECK(approved.speaker == "A Brown");
    CHECK(approved.seconder == "P Nguyen");
    // The roll of the vote is one passage: those for, then those against.
    const Passage& roll = passage(m, "9.1", "In Favour: Crs Smith, Nguyen, Brown and O'Neill");
    CHECK(roll.kind == PassageKind::vote);
    CHECK(roll.text.find("Against: Nil") != std::string::npos);
    // A motion that was lost is the meeting's decision on it too.
    const Passage& lost = passage(m, "9.3", "RESOLUTION 2024/35");
    CHECK(lost.kind == PassageKind::resolution);
    CHECK(lost.speaker == "P Nguyen");
    CHECK(lost.seconder == "A Brown");
    // "Cr" is a councillor's title; "The Director Infrastructure" an office, nobody called Infrastructure.
    CHECK(passage(m, "2", "Cr Lee declared").speaker == "R Lee");
    CHECK(passage(m, "9.2", "The Director Infrastructure").speaker.empty());
}

TEST_CASE("Recogniser layouts: sub-numbered paragraphs that are sentences stay passages of their minute",
          "[recogniser][items][layouts]") {
    std::string text =
        "Minutes of the Parish Council meeting held on Wednesday 8 June 2011\n\n"
        "Present: Cllr A Able (Chairman), Cllr B Baker, Cllr C Cole\n\n"
        "4. Matters Arising\n\n"
        "4.1 Mrs Jackson was co-opted to the Parish Council as a representative of the Ward.\n\n"
        "4.2 Quotes for the grass treatment are awaited.\n\n"
        "5. Reports\n\n5.1 Chairman's Report\n\nThe Chairman welcomed new Councillors.\n\n"
        "5.2 Clerk's Report\n\nThe post boxes will not be replaced.\n\n"
        "6. Correspondence\n\nNone.\n";
    Minutes m = recognise_text(text, "parish.txt");
    check_items(m, {{"4", "Matters Arising"},
                    {"5", "Reports"},
                    {"5.1", "Chairman's Report"},
                    {"5.2", "Clerk's Report"},
                    {"6", "Correspondence"}});
    CHECK(m.items[0].passages.size() == 2);
}

TEST_CASE("Recogniser layouts: a New Zealand committee's officers in brackets and its mayor a member",
          "[recogniser][attendance][layouts]") {
    std::string text =
        "Rangitoto District Council\n\n"
        "Minutes of the Finance and Audit Committee held in the Council Chamber, 15 Queen Street, Rangitoto on "
        "Wednesday 7 February 2024 commencing at 9.30am\n\n"
        "Present: Cr M Tane (Chairperson), Mayor H Wilson, Cr B Carter, Cr S Patel\n\n"
        "In Attendance: Chief Executive (L Morgan), Group Manager Finance (A Chen)\n\n"
        "1 Apologies\n\nResolution number FAC/2024/1\nMoved: Cr B Carter\nSeconded: Mayor H Wilson\n"
        "That the apology from Cr J Doyle be received.\nCARRIED\n\n"
        "2 Reports\n\n2.1 Quarterly Treasury Report to 31 December 2023\n\n"
        "The Group Manager Finance spoke to the report.\n\n"
        "2.2 Rates Remission Policy Review\n\nThe item was deferred.\n";
    Minutes m = recognise_text(text, "rangitoto.txt");
    CHECK(m.committee == "Finance and Audit Committee");
    CHECK(attendee(m, "M Tane").role == Role::chair);
    CHECK(attendee(m, "H Wilson").role == Role::member);  // the committee has its own chair
    CHECK(attendee(m, "L Morgan").role == Role::officer);
    CHECK(attendee(m, "L Morgan").position == "Chief Executive");
    CHECK(attendee(m, "A Chen").position == "Group Manager Finance");
    check_items(m, {{"1", "Apologies"},
                    {"2", "Reports"},
                    {"2.1", "Quarterly Treasury Report to 31 December 2023"},
                    {"2.2", "Rates Remission Policy Review"}});
    const Passage& apology = passage(m, "1", "Resolution number FAC/2024/1 Moved: Cr B Carter");
    CHECK(apology.kind == PassageKind::resolution);
    CHECK(apology.speaker == "B Carter");
    CHECK(apology.seconder == "H Wilson");
    CHECK(passage(m, "2.1", "The Group Manager Finance").speaker == "A Chen");
}

TEST_CASE("Recogniser layouts: a US city council's Mayor Pro Tem and Councilmembers",
          "[recogniser][attendance][layouts]") {
    std::string text =
        "CITY OF MAPLE RIDGE\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, January 9, 2024 - 7:00 p.m.\n\n"
        "1. CALL TO ORDER\n\nMayor Dana Ortiz called the meeting to order at 7:02 p.m.\n\n"
        "2. ROLL CALL\n\n"
        "Present: Mayor Dana Ortiz, Mayor Pro Tem Luis Fernandez, Councilmembers Grace Kim, Robert Hale and "
        "Tanya Brooks.\n\n"
        "3. PUBLIC HEARINGS\n\n"
        "Mayor Ortiz opened the public hearing at 7:20 p.m. Two residents spoke in favor.\n\n"
        "Motion by Mayor Pro Tem Fernandez, second by Councilmember Brooks, to introduce Ordinance No. 2024-01. "
        "Motion carried 4-1 (Hale voting no).\n\n"
        "4. ADJOURNMENT\n\nMayor Ortiz adjourned the meeting at 8:15 p.m.\n";
    Minutes m = recognise_text(text, "maple-ridge.txt");
    CHECK(attendee(m, "Dana Ortiz").role == Role::chair);
    CHECK(attendee(m, "Luis Fernandez").role == Role::vice_chair);
    CHECK(attendee(m, "Grace Kim").honorific == "Councilmember");
    CHECK(attendee(m, "Grace Kim").role == Role::member);
    CHECK(attendee(m, "Tanya Brooks").role == Role::member);
    // Residents speaking in favour at 7:20 p.m. are no count of votes.
    CHECK(passage(m, "3", "Mayor Ortiz opened the public hearing").kind == PassageKind::paragraph);
    const Passage& motion = passage(m, "3", "Motion by Mayor Pro Tem Fernandez");
    CHECK(motion.speaker == "Luis Fernandez");
    CHECK(motion.speaker_role == Role::vice_chair);
    CHECK(motion.seconder == "Tanya Brooks");
}

TEST_CASE("Recogniser layouts: a motion's mover and seconder by surname with a slash between", "[recogniser][speakers][layouts]") {
    auto motion_of = [](const std::string& line) {
        Minutes m = recognise_text("CITY OF MAPLE RIDGE\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, January 9, 2024\n\n"
                                   "1. ROLL CALL\n\nPresent: Mayor Dana Ortiz, Councilmembers Grace Kim, Robert Hale and "
                                   "Tanya Brooks.\n\n2. CONSENT CALENDAR\n\n" +
                                       line + "\n\n3. ADJOURNMENT\n\nAdjourned at 8 p.m.\n",
                                   "maple-ridge.txt");
        return passage(m, "2", line.substr(0, 10));
    };
    for (const char* line : {"MOTION: Brooks/Hale to approve the consent calendar. Motion carried 5-0.",
                             "M/S Brooks/Hale to approve the consent calendar. Carried 5-0."}) {
        CAPTURE(line);
        Passage p = motion_of(line);
        CHECK(p.speaker == "Tanya Brooks");
        CHECK(p.seconder == "Robert Hale");
    }
    // Words with a slash that are no two attendees are no mover and seconder.
    Passage withdrawn = motion_of("Motion and/or amendment by Brooks was withdrawn.");
    CHECK(withdrawn.seconder.empty());
}

TEST_CASE("Recogniser layouts: an Ontario council's agenda numbers hold its numbered resolutions",
          "[recogniser][items][layouts]") {
    std::string text =
        "THE CORPORATION OF THE CITY OF NORTH BAYFIELD\n\nREGULAR MEETING OF COUNCIL\nMINUTES\n\n"
        "Tuesday, May 16, 2023\n6:00 p.m.\n\n"
        "PRESENT: Mayor K. Lindqvist, Deputy Mayor R. Osei, Councillors M. Dupuis, S. Grant, T. Whitford\n\n"
        "STAFF: CAO J. Morrow, Clerk P. Singh, Director of Public Works D. Kowalski\n\n"
        "1. CALL TO ORDER\n\nMayor Lindqvist called the meeting to order at 6:00 p.m.\n\n"
        "3. ADOPTION OF MINUTES\n\nResolution No. 2023-141\nMoved by: Councillor Dupuis\nSeconded by: Councillor Whitford\n"
        "THAT the minutes of the regular meeting of Council held May 2, 2023 be adopted as circulated.\nCARRIED\n\n"
        "7. STAFF REPORTS\n\n7.1 Report PW-2023-18 Winter Sand and Salt Supply Tender\n\n"
        "Resolution No. 2023-142\nMoved by: Councillor Whitford\nSeconded by: Deputy Mayor Osei\n"
        "THAT Council award the winter sand and salt supply tender to Northern Aggregates Ltd.\nCARRIED\n\n"
        "7.2 Report PW-2023-19 Roads Needs Study\n\n"
        "Resolution No. 2023-143\nMoved by: Councillor Dupuis\nSeconded by: Councillor Whitford\n"
        "THAT Council receive the Roads Needs Study for information.\n"
        "For: Mayor Lindqvist, Deputy Mayor Osei, Councillors Dupuis and Whitford (4)\nAgainst: None (0)\nCARRIED\n\n"
        "8. BY-LAWS\n\nResolution No. 2023-144\nMoved by: Deputy Mayor Osei\nSeconded by: Councillor Dupuis\n"
        "THAT By-law 2023-55 be read a first, second and third time and finally passed.\nCARRIED\n\n"
        "9. ADJOURNMENT\n\nResolution No. 2023-145\nMoved by: Councillor Whitford\nSeconded by: Councillor Dupuis\n"
        "THAT Council adjourn at 7:12 p.m.\nCARRIED\n";
    Minutes m = recognise_text(text, "north-bayfield.txt");
    // Five "Resolution No." lines are the motions of the agenda's items, not a journal's entries.
    check_items(m, {{"1", "CALL TO ORDER"},
                    {"3", "ADOPTION OF MINUTES"},
                    {"7", "STAFF REPORTS"},
                    {"7.1", "Report PW-2023-18 Winter Sand and Salt Supply Tender"},
                    {"7.2", "Report PW-2023-19 Roads Needs Study"},
                    {"8", "BY-LAWS"},
                    {"9", "ADJOURNMENT"}});
    const Passage& tender = passage(m, "7.1", "Resolution No. 2023-142 Moved by: Councillor Whitford");
    CHECK(tender.kind == PassageKind::resolution);
    CHECK(tender.speaker == "T. Whitford");
    CHECK(tender.seconder == "R. Osei");
    // The recorded vote is one roll, and its names are voters, not a speaker.
    const Passage& roll = passage(m, "7.2", "For: Mayor Lindqvist");
    CHECK(roll.kind == PassageKind::vote);
    CHECK(roll.text.find("Against: None (0)") != std::string::npos);
    CHECK(roll.speaker.empty());
    CHECK(attendee(m, "J. Morrow").position == "CAO");
    CHECK(attendee(m, "D. Kowalski").position == "Director of Public Works");
    CHECK(attendee(m, "D. Kowalski").role == Role::officer);
}

TEST_CASE("Recogniser layouts: a Scottish committee's officers one per line and its decisions NOTED and AGREED",
          "[recogniser][attendance][passages][layouts]") {
    std::string text =
        "THE HIGHLAND GLEN COUNCIL\n\n"
        "Minutes of Meeting of the Economy and Infrastructure Committee held in the Council Chamber, Glen House, "
        "Inverglen on Tuesday 23 April 2024 at 10.30 am.\n\n"
        "Present:\nMr A Macdonald (Chair)\nMs K Fraser (Vice Chair)\nMr D Ross\nMrs E Sinclair\n\n"
        "In attendance:\nMs F Gunn, Executive Chief Officer Infrastructure and Environment\n"
        "Mr G Baird, Head of Roads and Transport\nMiss H Mackay, Committee Officer\n\n"
        "Mr A Macdonald in the Chair\n\nBusiness\n\n"
        "1. Apologies for Absence\n\nApologies for absence were intimated on behalf of Mr P Grant.\n\n"
        "2. Declarations of Interest\n\nItem 6: Mrs E Sinclair (non-financial)\n\n"
        "3. Roads Winter Maintenance Plan 2024/25\n\n"
        "There had been circulated Report No ECI/12/24 by the Executive Chief Officer Infrastructure and Environment.\n\n"
        "Thereafter, the Committee AGREED the Winter Maintenance Plan 2024/25 as set out in Appendix 1.\n\n"
        "4. Capital Programme Monitoring\n\n"
        "The Committee NOTED the position of the capital programme as at 31 March 2024.\n";
    Minutes m = recognise_text(text, "highland-glen.txt");
    // "Item 6:" names the item a declaration concerns; the agenda goes on at 3.
    check_items(m, {{"1", "Apologies for Absence"},
                    {"2", "Declarations of Interest"},
                    {"3", "Roads Winter Maintenance Plan 2024/25"},
                    {"4", "Capital Programme Monitoring"}});
    CHECK(passage(m, "2", "Item 6: Mrs E Sinclair").kind == PassageKind::declaration);
    CHECK(attendee(m, "A Macdonald").role == Role::chair);
    CHECK(attendee(m, "F Gunn").position == "Executive Chief Officer Infrastructure and Environment");
    CHECK(attendee(m, "F Gunn").role == Role::officer);
    CHECK(attendee(m, "G Baird").position == "Head of Roads and Transport");
    CHECK(attendee(m, "P Grant").attendance == Attendance::apologies);
    for (const auto& a : m.attendees) {
        CHECK(a.name != "Business");
        CHECK(a.name != "Environment");
    }
    CHECK(m.warnings.empty());
    CHECK(passage(m, "3", "Thereafter, the Committee AGREED").kind == PassageKind::resolution);
    CHECK(passage(m, "4", "The Committee NOTED").kind == PassageKind::resolution);
}

TEST_CASE("Recogniser layouts: a US county board's items by 'Item N.', its supervisors and its roll calls",
          "[recogniser][items][attendance][layouts]") {
    std::string text =
        "BOARD OF SUPERVISORS\nCOUNTY OF SAN MARCOS\nMINUTES OF REGULAR MEETING\nJune 4, 2024\n\n"
        "The Board of Supervisors met in regular session at 9:00 a.m. in the Board Chambers.\n\n"
        "ROLL CALL\nPresent: Supervisors Alvarez, Brennan, Cho, and Chairperson Delgado\nAbsent: Supervisor Evans\n\n"
        "CONSENT CALENDAR\n\nItem 1. Approve the minutes of the May 21, 2024 regular meeting.\n\n"
        "Item 2. Adopt Resolution No. 2024-88 accepting a grant for groundwater monitoring.\n\n"
        "On motion of Supervisor Brennan, seconded by Supervisor Cho, the Board approved the Consent Calendar by "
        "the following vote:\nAYES: Supervisors Alvarez, Brennan, Cho, Delgado\nNOES: None\nABSENT: Supervisor Evans\n\n"
        "REGULAR AGENDA\n\n"
        "Item 3. Public hearing to consider an ordinance amending Chapter 12.40 regarding short-term rentals.\n\n"
        "Chairperson Delgado opened the public hearing. Three speakers addressed the Board.\n";
    Minutes m = recognise_text(text, "san-marcos.txt");
    REQUIRE(m.items.size() == 3);
    CHECK(m.items[2].number == "3");
    CHECK(m.items[2].title.rfind("Public hearing to consider an ordinance", 0) == 0);
    CHECK(attendee(m, "Alvarez").honorific == "Supervisor");
    CHECK(attendee(m, "Delgado").role == Role::chair);
    CHECK(attendee(m, "Evans").attendance == Attendance::absent);
    const Passage& motion = passage(m, "2", "On motion of Supervisor Brennan");
    CHECK(motion.speaker == "Brennan");
    CHECK(motion.seconder == "Cho");
    const Passage& roll = passage(m, "2", "AYES: Supervisors Alvarez");
    CHECK(roll.kind == PassageKind::vote);
    CHECK(roll.text.find("ABSENT: Supervisor Evans") != std::string::npos);
    CHECK(roll.speaker.empty());
    CHECK(passage(m, "3", "Chairperson Delgado opened").speaker == "Delgado");
}

TEST_CASE("Recogniser layouts: a modern.gov page's attendance table and a planning application's title",
          "[recogniser][attendance][items][layouts]") {
    std::string html =
        "<html><head><title>Minutes - Planning Committee - Tuesday, 10th September, 2024 7.00 pm</title></head><body>"
        "<h1>Minutes</h1><p>Planning Committee - Tuesday, 10th September, 2024 7.00 pm</p>"
        "<p><strong>Venue:</strong> Council Chamber, Civic Centre, Ashbrook</p>"
        "<p><strong>Contact:</strong> Democratic Services</p>"
        "<h2>Attendance</h2><table>"
        "<tr><th>Attendee</th><th>Role</th><th>Attendance</th></tr>"
        "<tr><td>Councillor Priya Shah</td><td>Chair</td><td>Present</td></tr>"
        "<tr><td>Councillor Ruth Evans</td><td>Committee Member</td><td>Present</td></tr>"
        "<tr><td>Councillor Mark Osei</td><td>Committee Member</td><td>Apologies</td></tr>"
        "<tr><td>Sarah Lane</td><td>Planning Manager</td><td>In attendance</td></tr></table>"
        "<h2>Items</h2>"
        "<h3>21. Apologies for Absence</h3><p>Apologies were received from Councillor Mark Osei.</p>"
        "<h3>22. Declarations of Interest</h3><p>Councillor Ruth Evans declared an interest in item 24.</p>"
        "<h3>23. Minutes of the Previous Meeting</h3>"
        "<p><strong>RESOLVED</strong> - That the minutes of the meeting held on 13 August 2024 be approved.</p>"
        "<h3>24. 24/00812/FUL - Land at Mill Lane, Ashbrook - Erection of 14 dwellings</h3>"
        "<p>The Planning Manager introduced the report.</p>"
        "<p>On being put to the vote, 6 Members voted in favour and 2 against.</p>"
        "<p><strong>RESOLVED</strong> - That planning permission be GRANTED.</p></body></html>";
    auto source = read_html(html, "planning.html", ReadOptions{});
    REQUIRE(source);
    Minutes m = recognise(*source);
    CHECK(m.committee == "Planning Committee");
    CHECK(m.date.iso() == "2024-09-10");
    CHECK(m.venue == "Council Chamber, Civic Centre, Ashbrook");
    CHECK(attendee(m, "Priya Shah").role == Role::chair);
    CHECK(attendee(m, "Ruth Evans").role == Role::member);
    CHECK(attendee(m, "Ruth Evans").attendance == Attendance::present);
    CHECK(attendee(m, "Mark Osei").attendance == Attendance::apologies);
    CHECK(attendee(m, "Sarah Lane").role == Role::officer);
    CHECK(attendee(m, "Sarah Lane").position == "Planning Manager");
    check_items(m, {{"21", "Apologies for Absence"},
                    {"22", "Declarations of Interest"},
                    {"23", "Minutes of the Previous Meeting"},
                    {"24", "24/00812/FUL - Land at Mill Lane, Ashbrook - Erection of 14 dwellings"}});
    CHECK(passage(m, "24", "The Planning Manager introduced").speaker == "Sarah Lane");
    CHECK(passage(m, "24", "On being put to the vote").kind == PassageKind::vote);
}

TEST_CASE("Recogniser layouts: an English town council's minutes numbered by year and serial, in markdown",
          "[recogniser][items][attendance][layouts]") {
    std::string text =
        "# BROOKMERE TOWN COUNCIL\n\n"
        "## Minutes of the Meeting of the Full Council held on Tuesday 12 November 2024 at 7.00pm\n\n"
        "| Name | Role | Attendance |\n|---|---|---|\n"
        "| Cllr A Patel | Town Mayor | Present |\n| Cllr J Doyle | Deputy Town Mayor | Present |\n"
        "| Cllr S Green | Councillor | Present |\n| Cllr R Khan | Councillor | Apologies |\n\n"
        "**In attendance:** Mrs L Webb (Town Clerk), 3 members of the public.\n\n"
        "**24/101 APOLOGIES FOR ABSENCE**\n\nApologies were received and accepted from Cllr Khan.\n\n"
        "**24/102 DECLARATIONS OF INTEREST**\n\nNone.\n\n"
        "**24/103 PRECEPT 2025/26**\n\nThe Town Clerk presented the draft budget. It was proposed by Cllr Green, "
        "seconded by Cllr Doyle and RESOLVED to set a precept of £185,000 for 2025/26.\n\n"
        "**24/104 DATE OF NEXT MEETING**\n\nTuesday 10 December 2024 at 7.00pm.\n";
    Minutes m = recognise(read_plain_text(text, Format::markdown, "brookmere.md"));
    CHECK(m.council == "Brookmere Town Council");
    check_items(m, {{"24/101", "APOLOGIES FOR ABSENCE"},
                    {"24/102", "DECLARATIONS OF INTEREST"},
                    {"24/103", "PRECEPT 2025/26"},
                    {"24/104", "DATE OF NEXT MEETING"}});
    CHECK(attendee(m, "A Patel").role == Role::chair);
    CHECK(attendee(m, "J Doyle").role == Role::vice_chair);
    CHECK(attendee(m, "S Green").role == Role::member);
    CHECK(attendee(m, "R Khan").attendance == Attendance::apologies);
    CHECK(attendee(m, "L Webb").role == Role::clerk);
    CHECK(m.attendees.size() == 5);
    const Passage& precept = passage(m, "24/103", "The Town Clerk presented");
    CHECK(precept.kind == PassageKind::resolution);
    CHECK(precept.seconder == "J Doyle");
}

TEST_CASE("Recogniser layouts: items numbered in brackets, or with no stop after the number", "[recogniser][items][layouts]") {
    auto minutes_with = [](const std::string& a, const std::string& b, const std::string& c) {
        return recognise_text("Minutes of the Parish Council meeting held on Monday 4 March 2024\n\n"
                              "Present: Cllr A Able (Chair), Cllr B Baker\n\n" +
                                  a + "\n\nNone were received.\n\n" + b + "\n\nThe minutes were approved.\n\n" + c +
                                  "\n\nThe clerk reported the balance.\n",
                              "parish.txt");
    };
    check_items(minutes_with("(1) Apologies", "(2) Minutes of last meeting", "(3) Finance"),
                {{"1", "Apologies"}, {"2", "Minutes of last meeting"}, {"3", "Finance"}});
    // "2 Minutes of last meeting" in sentence case, a line of its own that carries the sequence on.
    check_items(minutes_with("1 Apologies", "2 Minutes of last meeting", "3 Finance"),
                {{"1", "Apologies"}, {"2", "Minutes of last meeting"}, {"3", "Finance"}});
    // A count in brackets standing alone under a vote is no item: "(5)" / "Against the Proposal".
    Minutes counted = recognise_text("Minutes of the Parish Council meeting held on Monday 4 March 2024\n\n"
                                     "1. Apologies\n\nNone.\n\n2. Budget\n\nFor the Proposal\n\nCouncillors A, B, C\n\n"
                                     "(3)\n\nAgainst the Proposal\n\nCouncillors D and E\n\n(2)\n\n3. Close\n\nDone.\n",
                                     "vote.txt");
    check_items(counted, {{"1", "Apologies"}, {"2", "Budget"}, {"3", "Close"}});
}

TEST_CASE("Recogniser layouts: a committee named after a 'Minutes:' label", "[recogniser][committee][layouts]") {
    Minutes m = recognise_text("ASHBROOK DISTRICT COUNCIL\n\nMinutes: Licensing Sub-Committee, 4 March 2024\n\n"
                               "Present: Cllr A Able (Chair), Cllr B Baker\n\n1. Apologies\n\nNone.\n\n2. Minutes\n\n"
                               "Agreed.\n\n3. Close\n\nDone.\n",
                               "licensing.txt");
    CHECK(m.council == "Ashbrook District Council");
    CHECK(m.committee == "Licensing Sub-Committee");
    CHECK(m.date.iso() == "2024-03-04");
}

TEST_CASE("Recogniser layouts: an outline's numbers are cited with the numbers of the levels above them",
          "[recogniser][items][layouts]") {
    auto numbers = [](const std::string& text) {
        std::vector<std::string> out;
        Format format = text[0] == '#' ? Format::markdown : Format::text;
        for (const auto& item : recognise(read_plain_text(text, format, "outline")).items) out.push_back(item.number);
        return out;
    };
    const std::string header = "CITY OF MAPLE RIDGE\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, January 9, 2024\n\n";
    // A US city's consent calendar and hearings, lettered under their numbers.
    CHECK(numbers(header +
                  "1. CALL TO ORDER\n\nMayor Ortiz called the meeting to order at 7:02 p.m.\n\n"
                  "2. CONSENT CALENDAR\n\nA. Approval of the Minutes of the December 12, 2023 Regular Meeting\n\n"
                  "B. Award of Contract for Street Tree Maintenance\n\n"
                  "Motion by Councilmember Kim, second by Councilmember Hale, to approve the Consent Calendar.\n\n"
                  "3. PUBLIC HEARINGS\n\nA. Ordinance No. 2024-01 Regarding Accessory Dwelling Units\n\n"
                  "The public hearing was closed at 7:41 p.m.\n\n"
                  "4. NEW BUSINESS\n\nA. Budget Calendar for Fiscal Year 2024-25\n\nThe calendar was adopted.\n\n"
                  "5. ADJOURNMENT\n\nThe meeting adjourned at 8:15 p.m.\n") ==
          std::vector<std::string>{"1", "2", "2.A", "2.B", "3", "3.A", "4", "4.A", "5"});
    // An agenda page's headings in four levels, roman over letters over numbers over small letters, each
    // level starting again under the next above; "C." after "2." is the third letter, not the roman hundred.
    CHECK(numbers("# Regional Transit Board\n\nBoard Meeting, Tuesday, March 5, 2024\n\n"
                  "## I. CALL TO ORDER\n\nThe meeting was called to order at 5:30 p.m.\n\n"
                  "## II. REPORTS\n\n### A. General Manager's Report\n\nThe General Manager reported on ridership.\n\n"
                  "### B. Committee Reports\n\n#### 1. Finance Committee\n\n##### a. Budget Amendment\n\n"
                  "The amendment was discussed.\n\n##### b. Audit Plan\n\nThe plan was received.\n\n"
                  "#### 2. Operations Committee\n\n##### a. Service Changes\n\nThe changes were discussed.\n\n"
                  "### C. Board Member Reports\n\n#### 1. Director Reports\n\nThere were none.\n\n"
                  "## III. RECOGNITIONS\n\n### A. Employee of the Month\n\nThe board recognised a mechanic.\n\n"
                  "## IV. ADJOURNMENT\n\nThe meeting adjourned at 6:10 p.m.\n") ==
          std::vector<std::string>{"I", "II", "II.A", "II.B", "II.B.1", "II.B.1.a", "II.B.1.b", "II.B.2", "II.B.2.a",
                                   "II.C", "II.C.1", "III", "III.A", "IV"});
    // Numbers that count on through the minutes under roman sections are cited as printed.
    CHECK(numbers(header +
                  "I. CALL TO ORDER\n\nThe meeting was called to order at 5:30 p.m.\n\n"
                  "II. CONSENT CALENDAR\n\n1. Approval of Minutes\n\nApproved.\n\n2. Approval of Warrants\n\nApproved.\n\n"
                  "III. NEW BUSINESS\n\n3. Water Supply Update\n\nThe manager reported.\n\n"
                  "IV. ADJOURNMENT\n\nThe meeting adjourned at 6:10 p.m.\n") ==
          std::vector<std::string>{"I", "II", "1", "2", "III", "3", "IV"});
    // Numbers that start again under each roman section are taken, and led by it.
    CHECK(numbers(header +
                  "I. CALL TO ORDER\n\nThe meeting was called to order at 5:30 p.m.\n\n"
                  "II. CONSENT CALENDAR\n\n1. Approval of Minutes\n\nApproved.\n\n2. Approval of Warrants\n\nApproved.\n\n"
                  "III. NEW BUSINESS\n\n1. Water Supply Update\n\nThe manager reported.\n\n"
                  "2. Auditor Renewal\n\nThe renewal was approved.\n\n"
                  "IV. ADJOURNMENT\n\nThe meeting adjourned at 6:10 p.m.\n") ==
          std::vector<std::string>{"I", "II", "II.1", "II.2", "III", "III.1", "III.2", "IV"});
}

TEST_CASE("Recogniser layouts: an office is the speaker where it acts, not where it is the object",
          "[recogniser][speakers][layouts]") {
    Minutes m = recognise_text(
        "ASHBY PARVA PARISH COUNCIL\n\nMinutes of the meeting held on Monday 4 March 2024\n\n"
        "Present: Cllr A Able (Chairman), Cllr B Baker (Vice-Chairman), Cllr C Cole\n\n"
        "1. Clerk's Report\n\n"
        "The Clerk reported that the first half of the precept had been received.\n\n"
        "A report from the police was given to the Clerk, as no officer could attend.\n\n"
        "The signed grant agreement is on file with the Clerk.\n\n"
        "It was agreed that the Clerk would write to Highways about the potholes.\n\n"
        "2. Highways\n\n"
        "Following the debate, the Chairman put the motion on the Mill Lane speed limit to the vote.\n\n"
        "Under this heading the Vice-Chairman raised the state of the footpath to the church.\n\n"
        "A letter authorizing the Chairman to sign the lease was read out.\n\n"
        "The bench was repaired with the help of the Chairman.\n\n"
        "3. Close\n\nThe meeting closed at 9.05pm.\n",
        "ashby.txt");
    CHECK(passage(m, "1", "The Clerk reported").speaker_role == Role::clerk);
    CHECK(passage(m, "1", "A report from the police").speaker_role == Role::unknown);
    CHECK(passage(m, "1", "The signed grant agreement").speaker_role == Role::unknown);
    CHECK(passage(m, "1", "It was agreed that the Clerk").speaker_role == Role::clerk);
    const Passage& put = passage(m, "2", "Following the debate");
    CHECK(put.speaker_role == Role::chair);
    CHECK(put.speaker == "A Able");
    CHECK(passage(m, "2", "Under this heading").speaker_role == Role::vice_chair);
    CHECK(passage(m, "2", "A letter authorizing").speaker_role == Role::unknown);
    CHECK(passage(m, "2", "The bench was repaired").speaker_role == Role::unknown);
}

TEST_CASE("Recogniser layouts: a roll set one word to a line, its plural title and qualifier alone on theirs",
          "[recogniser][attendance][layouts]") {
    Minutes m = recognise_text("BOARD OF CONTROL\n\nOctober 8, 2008\n\n"
                               "The regular meeting of the Board of Control convened on Wednesday, October 8, 2008.\n"
                               "Present: Directors Triozzi, Dumas,\nActing\nDirectors\nWithers,\nNagy,\n"
                               "Directors Wasik, Carroll.\n\n1. Contracts\n\nThe contract was awarded.\n",
                               "control.txt");
    for (const char* name : {"Withers", "Nagy"}) {
        INFO(name);
        CHECK(attendee(m, name).honorific == "Director");
        CHECK(attendee(m, name).position == "Acting Director");
    }
    CHECK(attendee(m, "Wasik").position.empty());
    for (const auto& a : m.attendees) {
        INFO(a.name);
        CHECK(a.name.find("Acting") == std::string::npos);
        CHECK(a.name.find("Directors") == std::string::npos);
    }
    // A plural title ending a line: "Acting Director Withers, Directors" / "Smith, Wasik, ...".
    Minutes wrapped = recognise_text("BOARD OF CONTROL\n\nAugust 19, 2009\n\n"
                                     "The regular meeting of the Board of Control convened on Wednesday, August 19, 2009.\n"
                                     "Present: Directors Triozzi, Dumas,\nActing Director Withers, Directors\n"
                                     "Smith, Wasik, Carroll, Flask, Cox,\nActing Director Wilbur, Directors\n"
                                     "Hutchinson, Nichols.\n\n1. Contracts\n\nThe contract was awarded.\n",
                                     "wrapped.txt");
    CHECK(attendee(wrapped, "Smith").honorific == "Director");
    CHECK(attendee(wrapped, "Carroll").honorific == "Director");
    CHECK(minutes::testing::attendee_named(wrapped, "Directors") == nullptr);
}

TEST_CASE("Recogniser layouts: a US council's Councilmen and Councilwoman", "[recogniser][attendance][layouts]") {
    Minutes m = recognise_text("CITY COUNCIL\n\nMonday, May 4, 2009\n\n"
                               "Present: Council President Sweeney, Councilmen Brady, Conwell and Councilwoman Cleveland.\n\n"
                               "1. Zoning\n\nCouncilman Conwell moved to refer the ordinance to the Zoning Committee.\n",
                               "council.txt");
    for (const char* name : {"Brady", "Conwell"}) {
        INFO(name);
        CHECK(attendee(m, name).honorific == "Councilman");
        CHECK(attendee(m, name).role == Role::member);
    }
    CHECK(attendee(m, "Cleveland").honorific == "Councilwoman");
    CHECK(passage(m, "1", "Councilman Conwell moved").speaker == "Conwell");
}

TEST_CASE("Recogniser layouts: a name the line breaks at its initial", "[recogniser][attendance][layouts]") {
    Minutes m = recognise_text("CITY COUNCIL\n\nMonday, May 4, 2009\n\n"
                               "Present: Councilmen Brady, Conwell.\nAlso present were Mayor Frank\n"
                               "G. Jackson; Ken Silliman, Chief of\nStaff; Darnell Brown, Chief Operating Officer.\n\n"
                               "1. Prayer\n\nThe prayer was offered.\n",
                               "council.txt");
    CHECK(attendee(m, "Frank G. Jackson").honorific == "Mayor");
    CHECK(attendee(m, "Ken Silliman").position == "Chief of Staff");
    Minutes spc = recognise(read_plain_text("Minutes of the Meeting held on 12th December 2023\n\n"
                                            "**Members Present:** Cllrs. Novak (Chair), Butler.\n\n"
                                            "**Officials Present**: Mr. B. Kennedy, Ms. K. McDonnell,\n\n"
                                            "Mr. H. McGrath, Ms. M. Fitzgerald, Mr. J.\n\n"
                                            "O'Leary, Mr. S. McGlynn, Ms. R. O'Donnell.\n\nThe Chair opened the meeting.\n",
                                            Format::markdown, "spc.md"));
    for (const char* name : {"B. Kennedy", "M. Fitzgerald", "J. O'Leary", "R. O'Donnell"}) {
        INFO(name);
        CHECK(attendee(spc, name).role == Role::officer);
        CHECK(attendee(spc, name).attendance == Attendance::in_attendance);
    }
}

TEST_CASE("Recogniser layouts: the chair's office before the name, and a remark in brackets", "[recogniser][attendance][layouts]") {
    Minutes m = recognise_text("CITY COUNCIL\n\nMonday, September 28, 2009\n\n"
                               "The meeting of the Council was called to order, The President Martin J. Sweeney, in the Chair.\n\n"
                               "Present: Brady, Cleveland, Zone (by departmental request).\n\n"
                               "1. Prayer\n\nThe prayer was offered.\n",
                               "council.txt");
    const Attendee& chair = attendee(m, "Martin J. Sweeney");
    CHECK(chair.role == Role::chair);
    CHECK(chair.position == "President");
    CHECK(attendee(m, "Zone").position.empty());
    CHECK(attendee(m, "Zone").role == Role::member);
}

TEST_CASE("Recogniser layouts: a titled name is the speaker where it acts, not the object or an office after a name",
          "[recogniser][speakers][layouts]") {
    Minutes m = recognise_text(
        "LIMERICK CITY AND COUNTY COUNCIL\n\nMinutes of the meeting held on Monday 4 March 2024\n\n"
        "Present: Councillor McSweeney (Cathaoirleach), Councillor Ruddle, Councillor Scanlan, Councillor Gavan\n\n"
        "Officials in attendance: Mr. H. McGrath, Senior Engineer\n\n"
        "1. Roads\n\n"
        "In response to Cllr. McSweeney, Mr. McGrath advised that the resurfacing would start in May.\n\n"
        "On the proposal of Councillor Ruddle, seconded by Councillor Scanlan, it was agreed to write to the NTA.\n\n"
        "Members thanked Councillor Gavan for raising the matter.\n\n"
        "A letter was read from Dr. Mary Hayes, President, Limerick Institute of Technology.\n",
        "limerick.txt");
    CHECK(passage(m, "1", "In response to Cllr. McSweeney").speaker == "H. McGrath");
    CHECK(passage(m, "1", "On the proposal of Councillor Ruddle").speaker == "Ruddle");
    CHECK(passage(m, "1", "On the proposal of Councillor Ruddle").seconder == "Scanlan");
    CHECK(passage(m, "1", "Members thanked Councillor Gavan").speaker != "Gavan");
    CHECK(passage(m, "1", "A letter was read").speaker.find("Limerick") == std::string::npos);
}

TEST_CASE("Recogniser layouts: two people run together where a line break stood between them", "[recogniser][attendance][layouts]") {
    Minutes m = recognise_text("GOVAN COMMUNITY COUNCIL\n\nGeneral Meeting, Monday 4 March 2024\n\n"
                               "Present: Claire Dickson, Robert Preston, Gina Preston Cllrs Alam, Dornan and Hutchison, "
                               "Esme Clark\n\n1. Apologies\n\nNone.\n",
                               "govan.txt");
    CHECK(attendee(m, "Gina Preston").honorific.empty());
    for (const char* name : {"Alam", "Dornan", "Hutchison"}) {
        INFO(name);
        CHECK(attendee(m, name).honorific == "Cllr");
    }
    // An office with its holder in brackets is one entry.
    Minutes officials = recognise_text("LIMERICK CITY AND COUNTY COUNCIL\n\nMinutes of the meeting held on Monday 4 March 2024\n\n"
                                       "Present: Councillor Ryan (Cathaoirleach), Councillor Byrne\n\n"
                                       "Officials in attendance: Financial Accountant (Mr. P. Murnane), Senior Engineer (Mr. H. McGrath)\n\n"
                                       "1. Finance\n\nThe Financial Accountant presented the accounts.\n",
                                       "limerick.txt");
    CHECK(attendee(officials, "P. Murnane").position == "Financial Accountant");
    CHECK(attendee(officials, "H. McGrath").position == "Senior Engineer");
}

TEST_CASE("Recogniser layouts: nobody speaks in a list of names, but a motion's mover printed first does",
          "[recogniser][speakers][layouts]") {
    Minutes m = recognise_text(
        "TOWNSHIP COUNCIL\n\nMinutes of the regular meeting held on Tuesday, March 5, 2024\n\n"
        "Present: Mayor Dave Yemm, Councillor Shelly Foote, Councillor Steve Kirkey, Councillor Tom Butler\n\n"
        "1. Appointments\n\n"
        "R2024-093 D. Yemm, S. Foote: That we appoint Kim Turnbull as Interim Secretary to the Museum Board, per "
        "By-Law 2023-11, Carried.\n\n"
        "Councillor Foote, Councillor Kirkey, Councillor Butler, Mayor Yemm\n\n"
        "The Mayor welcomed Mr. Padraig O'Ruairc, Regional Manager, Shannon Region Heritage Sites, Limerick, who gave "
        "a presentation.\n",
        "township.txt");
    CHECK(passage(m, "1", "R2024-093 D. Yemm").speaker == "Dave Yemm");
    CHECK(passage(m, "1", "Councillor Foote, Councillor Kirkey").speaker.empty());
    CHECK(passage(m, "1", "The Mayor welcomed").speaker == "Dave Yemm");
}

TEST_CASE("Recogniser layouts: a US district board's list of items ahead of its minutes, and an acronym in a title",
          "[recogniser][items][layouts]") {
    std::string text =
        "LAKEVIEW IRRIGATION DISTRICT\nBoard of Directors Meeting Minutes\nMarch 12, 2024 - 6:00 p.m.\n\n"
        "BOARD OF DIRECTORS\nAnna Ruiz                        President\nTom Berg                         Director\n\n"
        "AGENDA\n\n1.     Call to Order\n\n2.     Public Comment\n\n3.     Regional Water Authority Update\n\n4.     Adjournment\n\n"
        "President Ruiz called the meeting to order at 6:00 p.m.\n\n"
        "1.    CALL TO ORDER\n      The Board Secretary took the roll. Directors Ruiz and Berg were present.\n\n"
        "2.    PUBLIC COMMENT\n      There were no public comments.\n\n"
        "3.    REGIONAL WATER AUTHORITY (RWA) UPDATE\n      Director Berg reported that the RWA board met in February.\n\n"
        "4.    ADJOURNMENT\n      The meeting was adjourned at 6:40 p.m.\n";
    Minutes m = recognise_text(text, "lakeview.txt");
    check_items(m, {{"1", "CALL TO ORDER"},
                    {"2", "PUBLIC COMMENT"},
                    {"3", "REGIONAL WATER AUTHORITY (RWA) UPDATE"},
                    {"4", "ADJOURNMENT"}});
    CHECK(passage(m, "2", "There were no public comments").kind == PassageKind::paragraph);
    CHECK(m.committee == "Board of Directors");
    // The acronym is spelled out only in the item's title.
    REQUIRE(m.acronyms.size() == 1);
    CHECK(m.acronyms[0].short_form == "RWA");
    CHECK(m.acronyms[0].long_form == "REGIONAL WATER AUTHORITY");
}

TEST_CASE("Recogniser layouts: a parish council's lettered matters in bold, converted from a word processor",
          "[recogniser][items][layouts]") {
    std::string text =
        "**OAKFORD PARISH COUNCIL**\n\nMinutes of the meeting held on Monday 3 June 2024 at 7.30pm\n\n"
        "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Patel\n\n"
        "1.  APOLOGIES\n    None.\n\n"
        "2.  HIGHWAYS\n\n"
        "a)  **Potholes on Mill Lane**\n\nThe Clerk had reported the potholes to the county.\n\n"
        "b)  **Speed watch on the\n    Tiverton road**\n\nVolunteers were sought for the autumn.\n\n"
        "c) Councillors noted the new bus times.\n\n"
        "3.  DATE OF NEXT MEETING\n    Monday 1 July 2024.\n";
    Minutes m = recognise(read_plain_text(text, Format::markdown, "oakford.md"));
    check_items(m, {{"1", "APOLOGIES"},
                    {"2", "HIGHWAYS"},
                    {"2.a", "Potholes on Mill Lane"},
                    {"2.b", "Speed watch on the Tiverton road"},
                    {"3", "DATE OF NEXT MEETING"}});
    CHECK(passage(m, "2.a", "The Clerk had reported the potholes").kind == PassageKind::paragraph);
    // A lettered point that is not a bold title stays a passage of the matter before it.
    CHECK(passage(m, "2.b", "c) Councillors noted the new bus times.").kind == PassageKind::paragraph);
}
