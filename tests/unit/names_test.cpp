// Tests of person names: honorifics split off, and one member key for every way a name is written.
#include <catch2/catch.hpp>

#include "minutes/names.h"

using namespace minutes;

TEST_CASE("member_key: one key for every way the minutes write a member", "[names]") {
    auto [name, key] = GENERATE(table<std::string, std::string>({
        {"Oborski", "oborski"},
        {"F M Oborski", "oborski"},
        {"Mrs Oborski", "oborski"},
        {"Mrs F M Oborski (Vice Chairman)", "oborski"},
        {"Councillor Banks", "banks"},
        {"Cllr. R. W. Banks", "banks"},
        {"Catherine Driscoll", "driscoll"},
        {"Mrs J L M A Griffiths", "griffiths"},
        {"Councillor O'Brien", "obrien"},
        {"Hon. Mark Brown MP", "brown"},
        {"Mr", ""},
        {"", ""},
    }));
    CHECK(member_key(name) == key);
}

TEST_CASE("split_honorific", "[names]") {
    auto a = split_honorific("Mrs F M Oborski");
    CHECK(a.honorific == "Mrs");
    CHECK(a.name == "F M Oborski");
    auto b = split_honorific("Cllr Dr A Smith");
    CHECK(b.honorific == "Cllr Dr");
    CHECK(b.name == "A Smith");
    auto c = split_honorific("Catherine Driscoll");
    CHECK(c.honorific.empty());
    CHECK(c.name == "Catherine Driscoll");
    // A lone honorific is kept as the name rather than lost.
    auto d = split_honorific("Chairman");
    CHECK(d.name == "Chairman");
    CHECK(is_honorific("Councillor"));
    CHECK(is_honorific("MRS."));
    CHECK_FALSE(is_honorific("Banks"));
}
