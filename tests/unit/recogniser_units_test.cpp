// Unit tests of the recogniser's parts: dates, times, item numbering and titles, passage kinds,
// attendance entries and acronyms, as tables of input -> expected output.
#include <catch2/catch.hpp>

#include <algorithm>
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
        // Scanned Limerick minutes: a superscript ordinal read as symbols, and a lost space.
        {"DOORADOYLE, CO. LIMERICK, ON TUESDAY, 22\"\u00b0 APRIL, 2014,", "2014-04-22"},
        {"RATHKEALE, CO. LIMERICK, ON TUESDAY, 2\u201d\u00b0 DECEMBER, 2014, AT", "2014-12-02"},
        {"HELD REMOTELY ON MONDAY 22ndFEBRUARY, 2021 at 2PM.", "2021-02-22"},
        // US resolutions' formula; numeric dates whose order one part above 12 makes plain, or the
        // text's money does.
        {"held on the 12th day of March, 2024", "2024-03-12"},
        {"Date: 25/03/2024", "2024-03-25"},
        {"Date: 03/25/2024", "2024-03-25"},
        {"Date: 12.03.2024, precept £185,000", "2024-03-12"},
        {"Date: 12/03/2024, budget $2.4 million", "2024-12-03"},
        {"Date: 04/04/2024", "2024-04-04"},
    }));
    auto dates = find_dates(text);
    REQUIRE_FALSE(dates.empty());
    CHECK(dates.front().date.iso() == iso);
}

TEST_CASE("Recogniser: not dates", "[recogniser][dates]") {
    // "12/03/2024" with no money to say whose convention: day and month are not guessed.
    auto text = GENERATE(as<std::string>{}, "32 Children's Centres", "£8,127 from Redditch", "Section 259(1)(d)",
                         "may 2 members attend", "30 February 2017", "2\u00e9 April", "Date: 12/03/2024",
                         "version 1.2.2024", "31/31/2024");
    CHECK(find_dates(text).empty());
}

TEST_CASE("Recogniser: a date in figures that reads either way is named in the warning", "[recogniser][dates]") {
    CHECK(unread_numeric_date("Minutes of the meeting held on 04/03/2024 at 7pm") == "04/03/2024");
    CHECK(unread_numeric_date("Minutes of the meeting held on 25/03/2024") == "");
    CHECK(unread_numeric_date("Held on 04/03/2024; precept \u00a312,000") == "");
    Minutes m = recognise(read_plain_text("ASHBY PARVA PARISH COUNCIL\n\nMinutes of the meeting held on 04/03/2024\n\n"
                                          "Present: Cllr A Able (Chairman), Cllr B Baker\n\n1. Apologies\n\nNone.\n",
                                          Format::text, "ashby.txt"));
    CHECK(m.date.year == 0);
    bool named = std::any_of(m.warnings.begin(), m.warnings.end(), [](const std::string& w) {
        return w.find("no meeting date found") != std::string::npos && w.find("\"04/03/2024\"") != std::string::npos;
    });
    CHECK(named);
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

TEST_CASE("Recogniser: dates spelled out, typed with a letter O, or run together", "[recogniser][dates]") {
    auto [text, iso] = GENERATE(table<std::string, std::string>({
        {"January the Sixteenth, Two Thousand and Eight", "2008-01-16"},  // Cleveland City Record masthead
        {"December the Twenty-Ninth, Two Thousand Ten", "2010-12-29"},
        {"March the First, Nineteen Ninety-Nine", "1999-03-01"},
        {"GENERAL MEETING MONDAY 4 MARCH 2O24", "2024-03-04"},  // Govan: letter O for zero
        {"Meeting held on 3 May2006", "2006-05-03"},
        {"on Wednesday14th November 2018 at 7.00pm", "2018-11-14"},
    }));
    auto dates = find_dates(text);
    REQUIRE_FALSE(dates.empty());
    CHECK(dates.front().date.iso() == iso);
}

TEST_CASE("Recogniser: a masthead and a revised agenda still date the meeting", "[recogniser][dates]") {
    std::string text =
        "The City Record\nOfficial Publication of the Council of the City of Cleveland\n\n"
        "January the Sixteenth, Two Thousand and Eight\n\nBOARD OF CONTROL\n\nThe Board met.\n";
    Minutes m = recognise(read_plain_text(text, Format::text, "record.txt"));
    CHECK(m.date.iso() == "2008-01-16");
    CHECK(m.committee == "Council of the City of Cleveland");
    std::string agenda =
        "Sacramento County Board of Education Meeting Agenda REVISED\nTuesday, June 13, 2023 - 6:30 p.m.\n\n"
        "MINUTES - UNAPPROVED\n\n1. Procedural\n\nThe meeting was called to order.\n\n2. Adjournment\n\nDone.\n";
    CHECK(recognise(read_plain_text(agenda, Format::text, "agenda.txt")).date.iso() == "2023-06-13");
    // "Revised:" labelling the date itself still marks a date that is not the meeting's.
    std::string revised = "Revised: 3 March 2023\n\nPlanning Committee\n\n1. Apologies\n\nNone.\n\n2. Close\n\nDone.\n";
    CHECK_FALSE(recognise(read_plain_text(revised, Format::text, "revised.txt")).date.valid());
}

TEST_CASE("Recogniser: attendance tables with initials, Welsh lists and regrets", "[recogniser][attendance]") {
    std::vector<Attendee> people;
    std::vector<std::string> warnings;
    // Ayton: name, then the initials used in the minutes, two people to a row.
    read_people("Rob Boyd (Chair) RB Raymond Allan RA, Paul Wheelhouse PWh Michael Cook (SBC) MC",
                {Attendance::present, Role::member}, people, warnings);
    REQUIRE(people.size() == 4);
    CHECK(people[0].name == "Rob Boyd");
    CHECK(people[0].role == Role::chair);
    CHECK(people[1].name == "Raymond Allan");
    CHECK(people[2].name == "Paul Wheelhouse");
    CHECK(people[3].name == "Michael Cook");
    CHECK(people[3].position == "SBC");
    people.clear();
    read_people("Cynghorwyr Alun Davies, Dorian Jenkins, Andrew Thomas ac Owen Williams.", {Attendance::present, Role::member},
                people, warnings);
    REQUIRE(people.size() == 4);
    CHECK(people[3].name == "Owen Williams");
    people.clear();
    read_people("Fire Chief-MLEO-CEMC Will Bateman; Municipal Administrator-Clerk-Treasurer Kris Croskery-Hodgins.",
                {Attendance::in_attendance, Role::officer}, people, warnings);
    REQUIRE(people.size() == 2);
    CHECK(people[0].name == "Will Bateman");
    CHECK(people[0].position == "Fire Chief-MLEO-CEMC");
    CHECK(people[1].name == "Kris Croskery-Hodgins");
    std::string rest;
    auto regrets = attendance_label("Regrets: Councillor Shelly Foote.", rest);
    REQUIRE(regrets);
    CHECK(regrets->attendance == Attendance::apologies);
    auto welsh = attendance_label("Derbyniwyd ymddiheuriadau gan y Cynghorwyr Jill Davies a Hubert Gwynne.", rest);
    REQUIRE(welsh);
    CHECK(welsh->attendance == Attendance::apologies);
    CHECK(rest == "Cynghorwyr Jill Davies a Hubert Gwynne.");
}

TEST_CASE("Recogniser: attendance labels of other councils", "[recogniser][attendance]") {
    struct Case {
        std::string text;
        Attendance attendance;
        Role role;
        std::string rest;
    };
    auto c = GENERATE(values<Case>({
        {"Councillors: Cllr A Able (Chair), Cllr B Baker", Attendance::present, Role::member, "Cllr A Able (Chair), Cllr B Baker"},
        {"Members: Cllr A Able", Attendance::present, Role::member, "Cllr A Able"},
        {"Attending: Claire Dickson (Chair), Willie Jones", Attendance::present, Role::member, "Claire Dickson (Chair), Willie Jones"},
        {"Present (Members): Cllr A Able", Attendance::present, Role::member, "Cllr A Able"},
        {"Present - Members: Cllr A Able", Attendance::present, Role::member, "Cllr A Able"},
        {"Absent with apologies: Mr C Cole", Attendance::apologies, Role::unknown, "Mr C Cole"},
        {"Not present: Mr C Cole", Attendance::absent, Role::member, "Mr C Cole"},
        {"Officers: Mr C Cole", Attendance::in_attendance, Role::officer, "Mr C Cole"},
    }));
    CAPTURE(c.text);
    std::string rest;
    auto section = attendance_label(c.text, rest);
    REQUIRE(section);
    CHECK(section->attendance == c.attendance);
    CHECK(section->role == c.role);
    CHECK(rest == c.rest);
}

TEST_CASE("Recogniser: headings that open with an attendance word are no labels", "[recogniser][attendance]") {
    // A word that heads a list of people heads other things too, in capitals without a colon.
    auto text = GENERATE(as<std::string>{}, "OFFICERS REPORTS", "MEMBERS QUESTIONS", "Members noted the report.",
                         "Councillors Keary, McMahon and Sheahan");
    std::string rest;
    CAPTURE(text);
    CHECK_FALSE(attendance_label(text, rest));
}

TEST_CASE("Recogniser: items known by '(Item N)', in sentence case, or titled with a colon", "[recogniser][items]") {
    std::string panel =
        "CORPORATE PARENTING PANEL - 29 October 2024\n\nPRESENT: Ann Smith (Chair), Bob Jones\n\n"
        "Apologies and Substitutes\n\n(Item 1)\n\nApologies were received from Mr R Love.\n\n"
        "Minutes of the meeting held on 30 July 2024\n\n(Item 3)\n\n1. RESOLVED that the minutes were correct.\n\n"
        "Work programme\n\n(Item 12)\n\n1. RESOLVED that the work programme be noted.\n";
    Minutes m = recognise(read_plain_text(panel, Format::text, "panel.txt"));
    REQUIRE(m.items.size() == 3);
    CHECK(m.items[0].number == "1");
    CHECK(m.items[0].title == "Apologies and Substitutes");
    CHECK(m.items[2].number == "12");
    CHECK(m.items[2].title == "Work programme");
    CHECK(m.items[2].passages.at(0).kind == PassageKind::resolution);

    std::string sentence_case =
        "Planning Committee, Monday 6 March 2017\n\n281. Motions for Time Limited Debate\n\nThe motion was lost.\n\n"
        "282. Remote meetings and proxy voting consultation\n\nRESOLVED that the report be noted.\n";
    Minutes k = recognise(read_plain_text(sentence_case, Format::text, "council.txt"));
    REQUIRE(k.items.size() == 2);
    CHECK(k.items[1].number == "282");
    CHECK(k.items[1].title == "Remote meetings and proxy voting consultation");

    std::string colons =
        "Minutes of Stoke Ferry Parish Annual Council Meeting\n\nAt 7.30pm on Wednesday 16 May 2012\n\n"
        "Police Matters:\n\nPCSO Clipperton reported three crimes in the last month.\n\n"
        "Election of Chairman:\n\nCllr Ryves agreed to continue as Chairman.\n\n"
        "The Question is:\n\nthat the motion be agreed.\n\n"
        "Road Gritting:\n\nThe Clerk had received an email from Highways.\n";
    Minutes s = recognise(read_plain_text(colons, Format::text, "parish.txt"));
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[0].title == "Police Matters");
    CHECK(s.items[2].title == "Road Gritting");
    CHECK(s.committee == "Stoke Ferry Parish Council");
    CHECK(s.council == "Stoke Ferry Parish Council");
}

TEST_CASE("Recogniser: numbered lists of names are not items", "[recogniser][items]") {
    std::string text =
        "MONDAY 31 MAY 2021\n\nOPENING PRAYER\n\nMR SPEAKER: Please be seated. I call Parliament to order.\n\n"
        "QUESTION TIME\n\n"
        "Our condolences to the families of:\n\n1. Papa Henry Heather from Arorangi;\n2. Papa John Mateara from Arorangi;\n"
        "3. Papa Daniel Apii.\n\nORDERS OF THE DAY\n\nThere is nothing for the Orders of the Day.\n\nCLOSING PRAYER\n\nAmen.\n";
    Minutes m = recognise(read_plain_text(text, Format::text, "hansard.txt"));
    for (const auto& item : m.items) CHECK(item.number.empty());
    CHECK(m.date.iso() == "2021-05-31");
    CHECK(m.committee == "Parliament");  // a sitting: the house is the body that meets
}

TEST_CASE("Recogniser: a journal's legislative numbers are items and no item exceeds the bound",
          "[recogniser][items][bound]") {
    std::string text = "The City Record\nOfficial Publication of the Council of the City of Cleveland\n\n"
                       "January the Sixteenth, Two Thousand and Eight\n\nCOMMUNICATIONS\n\n";
    for (int k = 79; k < 85; ++k)
        text += "File No. " + std::to_string(k) + "-08.\nFrom the Department of Liquor Control. Received.\n\n";
    text += "FIRST READING EMERGENCY\nORDINANCES REFERRED\n\nOrd. No. 56-08.\nBy Council Members Sweeney and Brady.\n\n";
    const std::string sentence = "Section 1. That the Director of Public Service is authorized to issue a permit. ";
    for (int k = 0; k < 60; ++k) {
        std::string paragraph;
        for (int s = 0; s < 20; ++s) paragraph += sentence;
        text += paragraph + "\n\n";
    }
    text += "Res. No. 88-08—David Holtkamp.\n\nWhereas, this Council has been informed.\n";
    auto source = read_plain_text(text, Format::text, "record.txt");
    RecogniserOptions options;
    options.max_item_bytes = 16 * 1024;
    Minutes m = recognise(source, options);
    CHECK(m.date.iso() == "2008-01-16");
    std::vector<std::string> numbers;
    for (const auto& item : m.items) {
        std::size_t bytes = 0;
        for (const auto& p : item.passages) bytes += p.text.size();
        CHECK(bytes <= options.max_item_bytes);
        numbers.push_back(item.number);
    }
    REQUIRE(std::count(numbers.begin(), numbers.end(), "File No. 79-08") == 1);
    auto first = std::find(numbers.begin(), numbers.end(), "Ord. No. 56-08");
    REQUIRE(first != numbers.end());
    // The ordinance (about 96 KB) goes on in continuation items with its number and a marked title.
    auto parts = std::count(numbers.begin(), numbers.end(), "Ord. No. 56-08");
    CHECK(parts >= 6);
    const AgendaItem& second = m.items[static_cast<std::size_t>(first - numbers.begin()) + 1];
    CHECK(second.number == "Ord. No. 56-08");
    CHECK(second.title == m.items[static_cast<std::size_t>(first - numbers.begin())].title + " (continued)");
    CHECK(numbers.back() == "Res. No. 88-08");
    CHECK(m.items.back().title == "David Holtkamp");
    bool warned = std::any_of(m.warnings.begin(), m.warnings.end(),
                              [](const std::string& w) { return w.find("split into continuation items") != std::string::npos; });
    CHECK(warned);
    // With the bound off the ordinance is one item.
    options.max_item_bytes = 0;
    Minutes whole = recognise(source, options);
    CHECK(std::count_if(whole.items.begin(), whole.items.end(),
                        [](const AgendaItem& i) { return i.number == "Ord. No. 56-08"; }) == 1);
}
