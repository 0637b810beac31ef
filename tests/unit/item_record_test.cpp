// Tests of stored records: ids are stable and shared by renderings; encode/decode round-trips.
#include <catch2/catch.hpp>

#include "minutes/item_record.h"

using namespace minutes;

namespace {

Minutes sample(std::string source) {
    Minutes m;
    m.source = std::move(source);
    m.council = "Worcestershire County Council";
    m.committee = "Children and Families Overview and Scrutiny Panel";
    m.date = {2017, 3, 13};
    m.attendees.push_back({"F M Oborski", "Mrs", Role::vice_chair, "", Attendance::present});
    AgendaItem item;
    item.number = "271";
    item.title = "Progress Update on Optimising the Use of Children's Centre Buildings";
    item.page = 3;
    item.passages.push_back({"RESOLVED that the update be noted.", PassageKind::resolution, Role::chair, "L R Duffy", 3});
    m.items.push_back(item);
    m.acronyms.push_back({"SIP", "Service Improvement Plan"});
    return m;
}

}  // namespace

TEST_CASE("meeting_id_for: two renderings of one meeting share an id; other meetings do not", "[item_record]") {
    auto md = sample("stokeferry/2003-02.md");
    auto html = sample("stokeferry/2003-02.html");
    html.committee = "Children & Families Overview and Scrutiny Panel";  // same key after facet_key
    CHECK(meeting_id_for(md) == meeting_id_for(html));
    auto other = sample("x.md");
    other.date = {2017, 3, 14};
    CHECK(meeting_id_for(other) != meeting_id_for(md));
    // Without a date, the source decides: two undated files are two meetings.
    auto a = sample("a.md");
    auto b = sample("b.md");
    a.date = {};
    b.date = {};
    CHECK(meeting_id_for(a) != meeting_id_for(b));
    CHECK(meeting_id_for(md).size() == 16);
    auto welsh = sample("x_cy.pdf");
    welsh.language = Language::welsh;
    CHECK(meeting_id_for(welsh) != meeting_id_for(md));
    CHECK(item_id_for("abc", 7) == "abc-007");
    CHECK(source_id_for("corpora/./x.md") == source_id_for("corpora/x.md"));
}

TEST_CASE("ItemRecord and MeetingRecord round-trip through their stored form", "[item_record]") {
    auto m = sample("w.md");
    auto items = item_records_of(m);
    REQUIRE(items.size() == 1);
    auto decoded = decode_item(encode_item(items[0]));
    REQUIRE(decoded);
    CHECK(decoded->id == items[0].id);
    CHECK(decoded->number == "271");
    CHECK(decoded->date == "2017-03-13");
    CHECK(decoded->page == 3);
    REQUIRE(decoded->passages.size() == 1);
    CHECK(decoded->passages[0].kind == PassageKind::resolution);
    CHECK(decoded->passages[0].speaker_role == Role::chair);
    CHECK(decoded->passages[0].speaker == "L R Duffy");
    CHECK(decoded->passages[0].seconder.empty());

    auto meeting = decode_meeting(encode_meeting(meeting_record_of(m)));
    REQUIRE(meeting);
    CHECK(meeting->items.size() == 1);
    CHECK(meeting->items[0].id == items[0].id);
    REQUIRE(meeting->attendees.size() == 1);
    CHECK(meeting->attendees[0].role == Role::vice_chair);
    CHECK(meeting->acronyms[0].long_form == "Service Improvement Plan");
    CHECK(meeting->sources == std::vector<std::string>{"w.md"});
}

TEST_CASE("decode_item: data that is not an item is Corrupt, not a crash", "[item_record]") {
    CHECK(decode_item("").error().code == ErrorCode::Corrupt);
    CHECK(decode_item("[1,2]").error().code == ErrorCode::Corrupt);
    CHECK(decode_item("{\"ordinal\":\"x\"}").error().code == ErrorCode::Corrupt);
    CHECK(decode_meeting("{").error().code == ErrorCode::Corrupt);
}

TEST_CASE("decode_item: the binary stored form, earlier JSON data, and damaged data", "[item_record]") {
    auto items = item_records_of(sample("w.md"));
    REQUIRE(items.size() == 1);
    items[0].passages.push_back({"Second passage, no speaker.", PassageKind::paragraph, Role::unknown, "", {}});
    items[0].page.reset();
    std::string data = encode_item(items[0]);
    auto decoded = decode_item(data);
    REQUIRE(decoded);
    CHECK_FALSE(decoded->page);
    REQUIRE(decoded->passages.size() == 2);
    CHECK(decoded->passages[1].text == "Second passage, no speaker.");
    CHECK(decoded->passages[1].speaker_role == Role::unknown);
    CHECK_FALSE(decoded->passages[1].page);
    CHECK(encode_item(*decoded) == data);  // nothing lost or added

    // Items stored as JSON by earlier indexes still decode.
    auto old = decode_item(R"({"id":"m-001","meeting":"m","ordinal":1,"title":"Budget","page":4,)"
                           R"("passages":[{"t":"Agreed.","k":"resolution","r":"chair","s":"Duffy","p":5}]})");
    REQUIRE(old);
    CHECK(old->title == "Budget");
    CHECK(old->page == 4);
    REQUIRE(old->passages.size() == 1);
    CHECK(old->passages[0].kind == PassageKind::resolution);
    CHECK(old->passages[0].page == 5);

    // Every truncation is an error, never a crash; so is a huge passage count or trailing bytes.
    for (std::size_t n = 1; n < data.size(); ++n) CHECK_FALSE(decode_item(data.substr(0, n)));
    CHECK(decode_item(data + "x").error().code == ErrorCode::Corrupt);
    std::string huge(1, data[0]);
    for (int i = 0; i < 12; ++i) huge += '\0';  // empty strings, ordinal 0, no page
    huge += "\xff\xff\xff\xff\x0f";             // 2^32 - 1 passages in a few bytes
    CHECK(decode_item(huge).error().code == ErrorCode::Corrupt);
}

TEST_CASE("A passage's seconder is stored; items stored before seconders still read", "[item_record]") {
    auto m = sample("w.md");
    m.items[0].passages[0].seconder = "Mrs F M Oborski";
    auto item = item_records_of(m)[0];
    std::string stored = encode_item(item);
    auto decoded = decode_item(stored);
    REQUIRE(decoded);
    CHECK(decoded->passages[0].seconder == "Mrs F M Oborski");
    CHECK(decoded->passages[0].speaker == "L R Duffy");

    // The earlier form (magic byte 1) ended each passage at its page. The current form of a passage
    // without a seconder is that plus one byte, the empty seconder's length.
    m.items[0].passages[0].seconder.clear();
    std::string current = encode_item(item_records_of(m)[0]);
    REQUIRE(current.back() == '\0');
    std::string earlier = current.substr(0, current.size() - 1);
    earlier[0] = '\x01';
    auto old = decode_item(earlier);
    REQUIRE(old);
    CHECK(old->passages[0].text == "RESOLVED that the update be noted.");
    CHECK(old->passages[0].speaker == "L R Duffy");
    CHECK(old->passages[0].seconder.empty());
    // The current form cut before the seconder is malformed, not silently read.
    auto cut = decode_item(stored.substr(0, stored.size() - 1));
    REQUIRE_FALSE(cut);
    CHECK(cut.error().code == ErrorCode::Corrupt);
}
