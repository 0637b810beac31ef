// Unit tests of the recogniser's parts: dates, times, item numbering and titles, passage kinds,
// attendance entries and acronyms, as tables of input -> expected output.
#include <catch2/catch.hpp>

#include <string>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "recognise_attendance.h"
#include "recognise_dates.h"
#include "recognise_items.h"
#include "recognise_speakers.h"

using namespace minutes;
using namespace minutes::recognition;

TEST_CASE("Recogniser: dates as minutes write them", "[recogniser][dates]") {
    auto [text, iso] = GENERATE(table<std::string, std::string>({
        {"Monday, 13 March 2017, County Hall", "2017-03-13"},
        {"ON TUESDAY, 13TH JANUARY, 2015, AT 9.00 A.M.", "2015-01-13"},
        {"Tuesday, December 3, 2013", "2013-12-03"},
        {"held on the 16th November 2000 at 7.30pm", "2000-11-16"},
        {"CYFARFOD 8fed MAWRTH 2017", "2017-03-08"},
        {"WEDNESDAY 11TM JUNE, 2014", "2014-06-11"},  // OCR's trademark sign for "th", after NFKC
        {"15 TH SEPTEMBER 2015", "2015-09-15"},
        {"<time datetime=2020-06-10>", "2020-06-10"},
        {"March the 5th, 2024", "2024-03-05"},
    }));
    auto dates = find_dates(text);
    REQUIRE_FALSE(dates.empty());
    CHECK(dates.front().date.iso() == iso);
}

TEST_CASE("Recogniser: not dates", "[recogniser][dates]") {
    auto text = GENERATE(as<std::string>{}, "32 Children's Centres", "£8,127 from Redditch", "Section 259(1)(d)",
                         "may 2 members attend", "30 February 2017");
    CHECK(find_dates(text).empty());
}

TEST_CASE("Recogniser: a yearless date has no year", "[recogniser][dates]") {
    auto dates = find_dates("GENERAL MEETING MONDAY 4 DECEMBER");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].date.year == 0);
    CHECK(dates[0].weekday_index == 0);
    CHECK(weekday_of(MeetingDate{2023, 12, 4}) == 0);
}

TEST_CASE("Recogniser: clock times", "[recogniser][times]") {
    auto [text, hhmm] = GENERATE(table<std::string, std::string>({
        {"2.00 pm", "14:00"}, {"7:30pm", "19:30"}, {"at 3.00 P.M.", "15:00"}, {"5:30 PM", "17:30"},
        {"7pm", "19:00"}, {"9.15pm.", "21:15"}, {"at 7 p.m. in", "19:00"}, {"12.30 pm", "12:30"},
        {"12:15 a.m.", "00:15"}, {"14:00", "14:00"}, {"9.00 A.M.", "09:00"},
    }));
    auto times = find_times(text);
    REQUIRE(times.size() == 1);
    CHECK(times[0].hhmm == hhmm);
}

TEST_CASE("Recogniser: not times", "[recogniser][times]") {
    auto text = GENERATE(as<std::string>{}, "£12,278.37", "Section 4.4.4.5", "2.00", "13 items", "3.5 million");
    CHECK(find_times(text).empty());
}

TEST_CASE("Recogniser: roles from role texts", "[recogniser][attendance]") {
    auto [text, role] = GENERATE(table<std::string, Role>({
        {"Chairman", Role::chair}, {"Vice Chairman", Role::vice_chair}, {"Vice-Chair", Role::vice_chair},
        {"Mayor/Cathaoirleach", Role::chair}, {"President", Role::chair}, {"Clerk", Role::clerk},
        {"Minute taker", Role::clerk}, {"Independent Chairman", Role::unknown}, {"Lead Commissioner", Role::unknown},
    }));
    CHECK(role_from_text(text) == role);
}

TEST_CASE("Recogniser: attendance entries", "[recogniser][attendance]") {
    std::vector<Attendee> people;
    std::vector<std::string> warnings;
    read_people("Councillors Keary, McMahon, O'Brien and Sheahan.", {Attendance::present, Role::member}, people, warnings);
    read_people("Head of Finance, Motor Tax and ICT (Mr. T. Gilligan), Senior Executive Engineer, Roads (Mr. T. McKechnie)",
                {Attendance::in_attendance, Role::officer}, people, warnings);
    read_people("Mick Peake, Mandy Peake", {Attendance::present, Role::member}, people, warnings);
    REQUIRE(people.size() == 8);
    CHECK(people[0].name == "Keary");
    CHECK(people[0].honorific == "Councillor");
    CHECK(people[3].name == "Sheahan");
    CHECK(people[4].name == "T. Gilligan");
    CHECK(people[4].position == "Head of Finance, Motor Tax and ICT");
    CHECK(people[5].position == "Senior Executive Engineer, Roads");
    CHECK(people[6].name == "Mick Peake");  // same surname, two people
    CHECK(people[7].name == "Mandy Peake");
    CHECK(warnings.empty());
}

TEST_CASE("Recogniser: passage kinds", "[recogniser][passages]") {
    auto [text, title, kind] = GENERATE(table<std::string, std::string, PassageKind>({
        {"RESOLVED that the minutes be signed.", "Minutes", PassageKind::resolution},
        {"The minutes were agreed as a correct record.", "Minutes", PassageKind::resolution},
        {"Proposed by Councillor Keary; Seconded by Councillor O'Brien; And Resolved: \"That...\"", "Adoption", PassageKind::resolution},
        {"Motion carried; 5:0", "Action", PassageKind::resolution},
        {"The motion passed with 14 in favor and 0 against.", "Approval", PassageKind::vote},
        {"Roll Call Vote: Aye: Haynes, Johnson", "Action", PassageKind::vote},
        {"Councillor Banks - Independent Chair of the Centre", "Declaration of Interest", PassageKind::declaration},
        {"None.", "Declarations of Interest", PassageKind::paragraph},
        {"Cllr X declared an interest in item 5 and left the room.", "Planning", PassageKind::declaration},
        {"Although the decision was called in, it was agreed by the OSPB that it stand.", "Update", PassageKind::paragraph},
        {"Cynigiwyd gan y Cyng. W. Loynton, eiliwyd gan y Cyng. G. Evans", "Cofnodion", PassageKind::resolution},
        {"The Panel discussed the report.", "Update", PassageKind::paragraph},
    }));
    CHECK(classify_passage(text, false, title) == kind);
}

TEST_CASE("Recogniser: acronyms defined in the text", "[recogniser][acronyms]") {
    std::vector<Acronym> acronyms;
    find_acronyms("a briefing on the Service Improvement Plan (SIP) on 14 February; the Department for Education (DfE) "
                  "advised; The Director of Children, Families and Communities (DCS) attended; the (2013 Group) and "
                  "(Labour) members; the CMR had invited",
                  acronyms);
    REQUIRE(acronyms.size() == 3);
    CHECK(acronyms[0].short_form == "SIP");
    CHECK(acronyms[0].long_form == "Service Improvement Plan");
    CHECK(acronyms[1].long_form == "Department for Education");
    CHECK(acronyms[2].long_form == "Director of Children, Families and Communities");
}

TEST_CASE("Recogniser: titles broken over lines and split from their body", "[recogniser][items]") {
    std::string text =
        "Minutes of the Resources Panel, Monday 6 March 2017\n\n"
        "Present: Mr A Smith (Chairman), Mrs B Jones\n\n"
        "10 Confirmation of the Minutes The Minutes of the last meeting were agreed as a correct record.\n\n"
        "11 Progress\nUpdate on\nOptimising the\nUse of\nBuildings\n\nThe Director reported on progress.\n\n"
        "12 Budget Monitoring\n\n32 centres were in scope and 1660 Blake Street was sold.\n";
    Minutes m = recognise(read_plain_text(text, Format::text, "panel.txt"));
    REQUIRE(m.items.size() == 3);
    CHECK(m.items[0].number == "10");
    CHECK(m.items[0].title == "Confirmation of the Minutes");
    CHECK(m.items[0].passages.at(0).kind == PassageKind::resolution);
    CHECK(m.items[1].title == "Progress Update on Optimising the Use of Buildings");
    CHECK(m.items[2].number == "12");
    CHECK(m.items[2].passages.size() == 1);
    CHECK(m.committee == "Resources Panel");
    CHECK(m.date.iso() == "2017-03-06");
}
