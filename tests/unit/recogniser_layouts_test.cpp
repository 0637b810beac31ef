// Layouts of councils the shared corpora do not hold, in the shapes their minutes take: an Australian
// shire's ordinary meeting (reports numbered 9.1, 9.2 under their section, each motion's number,
// mover and seconder over its text, "CARRIED" / "LOST", "In Favour: Crs ..."), a New Zealand district
// council's committee (officers as "Group Manager Finance (A Chen)", the mayor a member of a committee
// another councillor chairs) and a US city council ("Mayor Pro Tem", "Councilmembers", motions by
// title). The documents are written for the test, short, in those councils' manner; each expectation
// says what a reader of the text finds there.
#include <catch2/catch.hpp>

#include <string>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "recogniser_checks.h"

using namespace minutes;
using minutes::testing::check_items;

namespace {

Minutes recognise_text(const std::string& text, const char* name) {
    return recognise(read_plain_text(text, Format::text, name));
}

// The passage of item `number` whose text starts with `start`; fails the test when there is none.
const Passage& passage(const Minutes& m, const std::string& number, const std::string& start) {
    for (const auto& item : m.items) {
        if (item.number != number) continue;
        for (const auto& p : item.passages) {
            if (p.text.rfind(start, 0) == 0) return p;
        }
    }
    FAIL("no passage of item " << number << " starts with '" << start << "'");
    throw std::logic_error("unreachable");
}

const Attendee& attendee(const Minutes& m, const std::string& name) {
    for (const auto& a : m.attendees) {
        if (a.name == name) return a;
    }
    FAIL("no attendee '" << name << "'");
    throw std::logic_error("unreachable");
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
