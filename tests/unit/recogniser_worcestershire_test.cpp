// Golden test of the recogniser on the Worcestershire panel minutes (corpora/worcestershire), every
// field checked against the document as read by hand: attendance, minutes 267-272 and their titles,
// the four declarations, the decisions in 270 and 271, and who speaks in 271 and 272.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

const Minutes& worcestershire() {
    static const Minutes minutes = [] {
        auto text = read_source(testing::project_corpus() / "worcestershire" / "children-families-panel-minutes.md");
        REQUIRE(text);
        return recognise(*text);
    }();
    return minutes;
}

const Attendee* attendee(const Minutes& m, const std::string& name) {
    for (const auto& a : m.attendees) {
        if (a.name == name) return &a;
    }
    return nullptr;
}

const AgendaItem& item(const Minutes& m, const std::string& number) {
    for (const auto& i : m.items) {
        if (i.number == number) return i;
    }
    FAIL("no item " << number);
    throw;  // unreachable
}

const Passage& passage_starting(const AgendaItem& i, const std::string& start) {
    for (const auto& p : i.passages) {
        if (p.text.rfind(start, 0) == 0) return p;
    }
    FAIL("item " << i.number << " has no passage starting '" << start << "'");
    throw;
}

}  // namespace

TEST_CASE("Recogniser: Worcestershire meeting header", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    CHECK(m.format == Format::markdown);
    CHECK(m.language == Language::english);
    CHECK(m.council == "Worcestershire County Council");
    CHECK(m.committee == "Children and Families Overview and Scrutiny Panel");
    CHECK(m.date.iso() == "2017-03-13");  // not the date of issue (30 March 2017) nor 27 January 2017
    CHECK(m.start_time == "14:00");
    CHECK(m.end_time == "15:15");
    CHECK(m.venue == "County Hall, Worcester");
}

TEST_CASE("Recogniser: Worcestershire attendance", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    auto row = GENERATE(table<std::string, std::string, Role, Attendance>({
        {"L R Duffy", "Ms", Role::chair, Attendance::present},
        {"F M Oborski", "Mrs", Role::vice_chair, Attendance::present},
        {"R W Banks", "Mr", Role::member, Attendance::present},
        {"P Denham", "Mr", Role::member, Attendance::present},
        {"J L M A Griffiths", "Mrs", Role::member, Attendance::present},
        {"I Hopwood", "Mr", Role::member, Attendance::present},
        {"J W R Thomas", "Mr", Role::member, Attendance::present},
        {"Jane Stanley", "", Role::guest, Attendance::in_attendance},
        {"Catherine Driscoll", "", Role::officer, Attendance::in_attendance},
        {"Hannah Needham", "", Role::officer, Attendance::in_attendance},
        {"Debbie Herbert", "", Role::officer, Attendance::in_attendance},
        {"Tina Russell", "", Role::officer, Attendance::in_attendance},
        {"Samantha Morris", "", Role::officer, Attendance::in_attendance},
        {"Derek Benson", "", Role::guest, Attendance::apologies},
    }));
    const Attendee* a = attendee(m, std::get<0>(row));
    INFO(std::get<0>(row));
    REQUIRE(a != nullptr);
    CHECK(a->honorific == std::get<1>(row));
    CHECK(a->role == std::get<2>(row));
    CHECK(a->attendance == std::get<3>(row));
}

TEST_CASE("Recogniser: Worcestershire attendance counts and positions", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    auto count = [&](Attendance at) {
        return std::count_if(m.attendees.begin(), m.attendees.end(), [&](const Attendee& a) { return a.attendance == at; });
    };
    CHECK(count(Attendance::present) == 7);
    CHECK(count(Attendance::in_attendance) == 6);
    CHECK(count(Attendance::apologies) == 1);
    CHECK(m.attendees.size() == 14);
    CHECK(attendee(m, "Catherine Driscoll")->position == "Director of Children, Families and Communities");
    CHECK(attendee(m, "Hannah Needham")->position == "Assistant Director for Families, Communities and Partnerships");
    CHECK(attendee(m, "Debbie Herbert")->position == "Lead Commissioner");
    CHECK(attendee(m, "Tina Russell")->position == "Assistant Director Safeguarding Services (Childrens Social Care)");
    CHECK(attendee(m, "Samantha Morris")->position == "Overview and Scrutiny Officer");
    CHECK(attendee(m, "Jane Stanley")->position == "Worcestershire Healthwatch");
    CHECK(attendee(m, "Derek Benson")->position == "Independent Chairman, Worcestershire Safeguarding Children's Board");
    CHECK(attendee(m, "L R Duffy")->position.empty());
}

TEST_CASE("Recogniser: Worcestershire minutes 267-272 with full titles", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    REQUIRE(m.items.size() == 6);
    auto expected = GENERATE(table<std::size_t, std::string, std::string>({
        {0, "267", "Apologies and Welcome"},
        {1, "268", "Declaration of Interest and of any Party Whip"},
        {2, "269", "Public Participation"},
        {3, "270", "Confirmation of the Minutes of the Previous Meeting"},
        {4, "271", "Progress Update on Optimising the Use of Children's Centre Buildings"},
        {5, "272", "Update on Children's Services Improvement Plan"},
    }));
    const AgendaItem& i = m.items[std::get<0>(expected)];
    CHECK(i.number == std::get<1>(expected));
    CHECK(i.title == std::get<2>(expected));
    CHECK_FALSE(i.page.has_value());  // markdown has no pages
}

TEST_CASE("Recogniser: Worcestershire declarations of interest", "[recogniser][golden]") {
    const AgendaItem& i = item(worcestershire(), "268");
    REQUIRE(i.passages.size() == 4);
    auto expected = GENERATE(table<std::size_t, std::string, Role, std::string>({
        {0, "R W Banks", Role::member, "Councillor Banks – Independent Chair of Orchard and Spring Vale Children's Centre, Evesham"},
        {1, "L R Duffy", Role::chair, "Councillor Duffy – Independent Chair of WANDS Children's Centre, Droitwich"},
        {2, "F M Oborski", Role::vice_chair, "Councillor Oborski – Chair of Wyre Forest Local Children's Trust"},
        {3, "J W R Thomas", Role::member, "Councillor Thomas - School Governor at Stourport on Severn Primary School"},
    }));
    const Passage& p = i.passages[std::get<0>(expected)];
    CHECK(p.kind == PassageKind::declaration);
    CHECK(p.speaker == std::get<1>(expected));
    CHECK(p.speaker_role == std::get<2>(expected));
    CHECK(p.text.rfind(std::get<3>(expected), 0) == 0);
    // The date of issue printed after the declarations is page furniture, not text.
    CHECK(p.text.find("Date of Issue") == std::string::npos);
}

TEST_CASE("Recogniser: Worcestershire decisions in 270 and 271", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    const Passage& agreed = passage_starting(item(m, "270"), "The Minutes of the Meeting held on 27 January 2017 were agreed");
    CHECK(agreed.kind == PassageKind::resolution);
    const AgendaItem& i271 = item(m, "271");
    const Passage& update = passage_starting(i271, "It was agreed that the Panel would receive a further update");
    CHECK(update.kind == PassageKind::resolution);
    // "it was agreed by the OSPB" reports another body's decision: not one of this meeting.
    CHECK(passage_starting(i271, "Although the Cabinet Member decision").kind == PassageKind::paragraph);
    auto resolutions = std::count_if(i271.passages.begin(), i271.passages.end(),
                                     [](const Passage& p) { return p.kind == PassageKind::resolution; });
    CHECK(resolutions == 1);
    // The page break in "...the\n\nservice" (272) does not split the sentence.
    CHECK_NOTHROW(passage_starting(item(m, "272"), "The overall judgement for Worcestershire was 'inadequate'."));
    CHECK(passage_starting(item(m, "272"), "The overall judgement").text.find("staff within the service.") != std::string::npos);
}

TEST_CASE("Recogniser: Worcestershire speakers in 271 and 272", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    auto expected = GENERATE(table<std::string, std::string, Role, std::string>({
        {"271", "The Director of Children, Families and Communities, Assistant Director", Role::officer, "Catherine Driscoll"},
        {"271", "However, a Member of the Panel pointed out", Role::member, ""},
        {"271", "During 2016, this issue had been discussed", Role::unknown, ""},
        {"272", "The Director of Children, Families and Communities (DCS)", Role::officer, "Catherine Driscoll"},
        {"272", "During this event, the DCS talked to partners", Role::officer, "Catherine Driscoll"},
        {"272", "One member expressed concern", Role::member, ""},
        {"272", "As discussed earlier in the meeting, the CMR had invited", Role::chair, "L R Duffy"},
        {"272", "As this was her last meeting before the County Council Elections, the Chairman thanked", Role::chair, "L R Duffy"},
        {"272", "On behalf of the Panel the Vice-Chairman thanked the Chairman", Role::vice_chair, "F M Oborski"},
    }));
    const Passage& p = passage_starting(item(m, std::get<0>(expected)), std::get<1>(expected));
    INFO(std::get<1>(expected));
    CHECK(p.speaker_role == std::get<2>(expected));
    CHECK(p.speaker == std::get<3>(expected));
}

TEST_CASE("Recogniser: Worcestershire acronyms defined in the text", "[recogniser][golden]") {
    const Minutes& m = worcestershire();
    auto defined = [&](const std::string& s, const std::string& l) {
        return std::any_of(m.acronyms.begin(), m.acronyms.end(),
                           [&](const Acronym& a) { return a.short_form == s && a.long_form == l; });
    };
    CHECK(defined("SIP", "Service Improvement Plan"));
    CHECK(defined("DCS", "Director of Children, Families and Communities"));
    CHECK(defined("OSPB", "Overview and Scrutiny Performance Board"));
    CHECK(defined("WCC", "Worcestershire County Council"));
    CHECK(defined("KPI", "Key Performance Indicator"));
    CHECK(defined("DfE", "Department for Education"));
    CHECK(defined("CIN", "Children in Need"));
    // Used but never defined in the text.
    CHECK_FALSE(std::any_of(m.acronyms.begin(), m.acronyms.end(), [](const Acronym& a) { return a.short_form == "CMR"; }));
    CHECK(m.warnings.empty());
}
