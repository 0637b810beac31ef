// Tests of the document model: enum names round-trip, dates validate.
#include <catch2/catch.hpp>

#include "minutes/model.h"

using namespace minutes;

TEST_CASE("Role: every role has a stable name that parses back", "[model]") {
    auto [role, name] = GENERATE(table<Role, std::string>({
        {Role::chair, "chair"},
        {Role::vice_chair, "vice_chair"},
        {Role::member, "member"},
        {Role::officer, "officer"},
        {Role::guest, "guest"},
        {Role::clerk, "clerk"},
        {Role::public_, "public"},
    }));
    CHECK(role_name(role) == name);
    REQUIRE(parse_role(name).has_value());
    CHECK(*parse_role(name) == role);
}

TEST_CASE("Role: unknown names do not parse", "[model]") {
    CHECK_FALSE(parse_role("").has_value());
    CHECK_FALSE(parse_role("Chair").has_value());
    CHECK_FALSE(parse_role("mayor").has_value());
}

TEST_CASE("Attendance and passage kinds round-trip", "[model]") {
    for (auto a : {Attendance::present, Attendance::in_attendance, Attendance::remote, Attendance::apologies,
                   Attendance::absent}) {
        CHECK(parse_attendance(attendance_name(a)) == a);
    }
    for (auto k : {PassageKind::paragraph, PassageKind::bullet, PassageKind::resolution, PassageKind::declaration,
                   PassageKind::vote}) {
        CHECK(parse_passage_kind(passage_kind_name(k)) == k);
    }
    CHECK(attendance_name(Attendance::in_attendance) == "in_attendance");
    CHECK(passage_kind_name(PassageKind::resolution) == "resolution");
}

TEST_CASE("MeetingDate: ISO form and calendar validation", "[model]") {
    CHECK(MeetingDate{2017, 3, 13}.iso() == "2017-03-13");
    CHECK(MeetingDate{}.iso().empty());
    CHECK_FALSE(MeetingDate{2017, 2, 29}.valid());
    CHECK(MeetingDate{2016, 2, 29}.valid());
    CHECK_FALSE(MeetingDate{1900, 2, 29}.valid());
    CHECK(MeetingDate{2000, 2, 29}.valid());
    CHECK_FALSE(MeetingDate{2017, 13, 1}.valid());
    CHECK_FALSE(MeetingDate{2017, 4, 31}.valid());

    auto parsed = MeetingDate::from_iso("2017-03-13");
    REQUIRE(parsed);
    CHECK(*parsed == MeetingDate{2017, 3, 13});
    CHECK_FALSE(MeetingDate::from_iso("2017-3-13"));
    CHECK_FALSE(MeetingDate::from_iso("2017-02-30"));
    CHECK_FALSE(MeetingDate::from_iso("20170313"));
    CHECK_FALSE(MeetingDate::from_iso("2017-03-1x"));
}
