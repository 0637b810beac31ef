// Tests of the Searcher over a small database written here directly in the index layout (schema.h),
// independently of the indexer but for its count of acronyms: hits, snippets, citations, filters, facets,
// sorting, paging, grouping, more-like-this, lookups, limits, shards and the three output formats.
#include "minutes/search.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "index_document.h"
#include "minutes/item_record.h"
#include "minutes/names.h"
#include "minutes/normalise.h"
#include "minutes/schema.h"
#include "minutes/search_format.h"
#include "unit/temp_dir.h"

using namespace minutes;

namespace {

struct TestMeeting {
    std::string id, council, committee, date;
    std::vector<ItemRecord> items;
};

Passage passage(std::string text, PassageKind kind = PassageKind::paragraph, std::string speaker = "",
                Role role = Role::unknown, int page = 1) {
    Passage p;
    p.text = std::move(text);
    p.kind = kind;
    p.speaker = std::move(speaker);
    p.speaker_role = role;
    p.page = page;
    return p;
}

ItemRecord item(const TestMeeting& m, std::size_t ordinal, std::string number, std::string title, int page,
                std::vector<Passage> passages) {
    ItemRecord r;
    r.meeting_id = m.id;
    r.ordinal = ordinal;
    r.id = item_id_for(m.id, ordinal);
    r.council = m.council;
    r.committee = m.committee;
    r.date = m.date;
    r.source = "corpora/test/" + m.id + ".md";
    r.format = Format::markdown;
    r.language = Language::english;
    r.number = std::move(number);
    r.title = std::move(title);
    r.page = page;
    r.passages = std::move(passages);
    return r;
}

std::string joined(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += schema::kListSeparator;
        out += v;
    }
    return out;
}

// Writes items the way schema.h describes: free text with positions and stems, title weighted and under S,
// boolean filter terms, value slots, the item record as data; plus one document per meeting.
void write_items(Xapian::WritableDatabase& db, const std::vector<TestMeeting>& meetings) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_database(db);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    for (const auto& m : meetings) {
        std::string day = m.date.substr(0, 4) + m.date.substr(5, 2) + m.date.substr(8, 2);
        for (const auto& r : m.items) {
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(r.title, config::kTitleWeight);
            tg.index_text(r.title, config::kTitleWeight, "S");
            std::set<std::string> members, roles, kinds;
            std::map<std::string, Xapian::termcount> acronyms;
            index::count_acronyms(r.title, config::kTitleWeight, acronyms);
            for (const auto& p : r.passages) {
                tg.increase_termpos(config::kPassagePositionGap);
                tg.index_text(p.text, config::kBodyWeight);
                index::count_acronyms(p.text, config::kBodyWeight, acronyms);
                kinds.insert(std::string(passage_kind_name(p.kind)));
                if (p.kind == PassageKind::resolution) kinds.insert("decision");
                if (p.speaker_role != Role::unknown) roles.insert(std::string(role_name(p.speaker_role)));
                if (!p.speaker.empty()) members.insert(p.speaker);
            }
            for (const auto& [acronym, count] : acronyms) doc.add_term("XU" + acronym, count);
            doc.add_boolean_term("XTitem");
            doc.add_boolean_term("Q" + r.id);
            doc.add_boolean_term("XA" + facet_key(r.council));
            doc.add_boolean_term("XC" + facet_key(r.committee));
            doc.add_boolean_term("XD" + day);
            doc.add_boolean_term("XE" + r.meeting_id);
            doc.add_boolean_term("XF" + source_id_for(r.source));
            doc.add_boolean_term("XN" + fold_case(r.number));
            doc.add_boolean_term("XLen");
            for (const auto& k : kinds) doc.add_boolean_term("XK" + k);
            for (const auto& x : roles) doc.add_boolean_term("XR" + x);
            for (const auto& x : members) doc.add_boolean_term("XM" + member_key(x));
            doc.add_value(schema::kSlotDate, day);
            doc.add_value(schema::kSlotYear, day.substr(0, 4));
            doc.add_value(schema::kSlotCommittee, r.committee);
            doc.add_value(schema::kSlotCouncil, r.council);
            doc.add_value(schema::kSlotItem, r.number);
            doc.add_value(schema::kSlotMeeting, r.meeting_id);
            doc.add_value(schema::kSlotItemId, r.id);
            if (!members.empty()) doc.add_value(schema::kSlotMembers, joined(members));
            if (!roles.empty()) doc.add_value(schema::kSlotRoles, joined(roles));
            doc.add_value(schema::kSlotKinds, joined(kinds));
            doc.add_value(schema::kSlotTopic, r.title);
            doc.add_value(schema::kSlotLanguage, "en");
            doc.set_data(encode_item(r));
            db.replace_document("Q" + r.id, doc);
        }
        MeetingRecord rec;
        rec.id = m.id;
        rec.council = m.council;
        rec.committee = m.committee;
        rec.date = m.date;
        for (const auto& r : m.items) rec.items.push_back({r.id, r.number, r.title});
        Xapian::Document doc;
        doc.add_boolean_term("XTmeeting");
        doc.add_boolean_term("Q" + m.id);
        doc.add_boolean_term("XA" + facet_key(m.council));
        doc.add_boolean_term("XC" + facet_key(m.committee));
        // Meeting documents carry words too (attendance): searches must still return items only.
        doc.add_term("children");
        doc.add_term("Zchildren");
        doc.set_data(encode_meeting(rec));
        db.replace_document("Q" + m.id, doc);
    }
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
    db.commit();
}

std::vector<TestMeeting> test_meetings() {
    TestMeeting panel{"m1",
                      "Worcestershire County Council",
                      "Children and Families Overview and Scrutiny Panel",
                      "2017-03-13",
                      {}};
    panel.items = {
        item(panel, 1, "267", "Apologies and Welcome", 1,
             {passage("Apologies were received from Derek Benson, Independent Chairman, Worcestershire "
                      "Safeguarding "
                      "Children's Board.")}),
        item(
            panel, 2, "268", "Declaration of Interest and of any Party Whip", 1,
            {passage(
                 "Councillor Banks - Independent Chair of Orchard and Spring Vale Children's Centre, Evesham",
                 PassageKind::declaration, "R W Banks", Role::member),
             passage("Councillor Oborski - Chair of Wyre Forest Local Children's Trust, Member of the "
                     "Safeguarding "
                     "Improvement Board",
                     PassageKind::declaration, "F M Oborski", Role::vice_chair, 2)}),
        item(panel, 3, "271", "Progress Update on Optimising the Use of Children's Centre Buildings", 3,
             {passage(
                  "32 Children's Centres buildings were within the scope of the project, 18 were part of the "
                  "consultation on future use of buildings.",
                  PassageKind::paragraph, "", Role::unknown, 3),
              passage("It was agreed that the Panel would receive a further update at the end of the year.",
                      PassageKind::resolution, "L R Duffy", Role::chair, 4)}),
        item(panel, 4, "272", "Update on Children's Services Improvement Plan", 4,
             {passage("The Panel were invited to a briefing on the Service Improvement Plan (SIP) on 14 "
                      "February 2017.",
                      PassageKind::paragraph, "", Role::unknown, 4),
              passage(
                  "A key message from the visit was that it takes time to generate long term sustainable "
                  "improvement, but holding your nerve and sticking with the programme was really important.",
                  PassageKind::bullet, "Catherine Driscoll", Role::officer, 5)}),
    };
    TestMeeting cabinet{"m2", "Worcestershire County Council", "Cabinet", "2018-05-10", {}};
    cabinet.items = {
        item(
            cabinet, 1, "5", "Budget 2018/19", 1,
            {passage(
                "The Cabinet approved the budget, which keeps funding for children's centres at the level of "
                "the previous year, and endorsed the Service Improvement Plan.",
                PassageKind::resolution, "A Hardman", Role::chair, 1)}),
    };
    TestMeeting kent{"m3", "Kent County Council", "Corporate Parenting Panel", "2024-10-29", {}};
    kent.items = {
        item(kent, 1, "1", "Safeguarding report", 1,
             {passage("The safeguarding report was noted by the panel.", PassageKind::paragraph,
                      "Sarah Hammond", Role::officer, 1)}),
    };
    return {panel, cabinet, kent};
}

struct TestIndex {
    testing::TempDir dir;
    std::string path;
    TestIndex() : path((dir.path() / "db").string()) {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        write_items(db, test_meetings());
        db.add_synonym("sip", "service improvement plan");
        db.add_synonym("service improvement plan", "sip");
        db.commit();
    }
};

Searcher open_searcher(const std::string& path) {
    auto s = Searcher::open({path});
    REQUIRE(s);
    return std::move(*s);
}

// A database at `path` holding hand-made meetings, and a Searcher over it.
Searcher searcher_over(const std::string& path, const std::vector<TestMeeting>& meetings) {
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        write_items(db, meetings);
    }
    return open_searcher(path);
}

SearchResponse run(Searcher& s, SearchOptions o) {
    auto r = s.search(o);
    if (!r) FAIL("search failed: " << r.error().message);
    return *r;
}

SearchOptions query(std::string q) {
    SearchOptions o;
    o.query = std::move(q);
    return o;
}

std::vector<std::string> numbers(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.item_number);
    return out;
}

std::string highlighted(const Hit& h) {
    std::string out;
    for (const auto& x : h.highlights) out += "[" + h.snippet.substr(x.offset, x.length) + "]";
    return out;
}

}  // namespace

TEST_CASE("Searcher: children's centres finds minute 271 first, with snippet and citation", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto r = run(s, query("children's centres"));
    // 271 has the words in its title and text; the cabinet budget item has them too; 268 has "Children's
    // Centre" in a declaration; 267 and 272 only say "children's": they match too (any word of a plain
    // query), but below every item holding both words.
    REQUIRE(r.hits.size() == 5);
    CHECK(r.hits[0].item_number == "271");
    CHECK(r.total_estimate == 5);
    std::vector<std::string> last{r.hits[3].item_number, r.hits[4].item_number};
    std::sort(last.begin(), last.end());
    CHECK(last == std::vector<std::string>{"267", "272"});
    const Hit& h = r.hits[0];
    CHECK(h.rank == 1);
    CHECK(h.id == "m1-003");
    CHECK(h.item_title == "Progress Update on Optimising the Use of Children's Centre Buildings");
    CHECK(h.citation ==
          "Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 March 2017, "
          "minute 271, p. 3");
    CHECK(h.snippet.rfind("32 Children's Centres buildings", 0) == 0);
    CHECK(highlighted(h) == "[Children's][Centres]");
    CHECK(h.page == 3);
    CHECK(h.source == "corpora/test/m1.md");
    CHECK(h.score > 0);
}

TEST_CASE("Searcher: role filter and phrase find the officer's passage", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto r = run(s, query("role:officer \"holding your nerve\""));
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].item_number == "272");
    CHECK(r.hits[0].speaker == "Catherine Driscoll");
    CHECK(r.hits[0].speaker_role == "officer");
    CHECK(r.hits[0].page == 5);
    CHECK(highlighted(r.hits[0]) == "[holding][your][nerve]");
    // The same as an option.
    auto o = query("\"holding your nerve\"");
    o.roles = {"officer"};
    CHECK(numbers(run(s, o)) == std::vector<std::string>{"272"});
    o.roles = {"chair"};
    CHECK(run(s, o).hits.empty());
}

TEST_CASE("Searcher: member filter in any form finds her declaration", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    for (const char* q : {"member:Oborski", "member:\"F M Oborski\"", "member:\"Mrs Oborski\""}) {
        auto r = run(s, query(q));
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].item_number == "268");
        // Of the two declarations, hers is shown.
        CHECK(r.hits[0].speaker == "F M Oborski");
        CHECK(r.hits[0].passage_kind == "declaration");
        CHECK(r.hits[0].passage == 2);
        CHECK(highlighted(r.hits[0]) == "[Oborski]");
    }
}

TEST_CASE("Searcher: decisions of a committee named by its first words", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto r = run(s, query("type:decision committee:\"Children and Families\""));
    CHECK(numbers(r) == std::vector<std::string>{"271"});
    CHECK(r.hits[0].passage_kind == "resolution");
    CHECK(r.hits[0].speaker == "L R Duffy");
    // Options behave alike.
    SearchOptions o;
    o.types = {"decision"};
    o.committees = {"children and families"};
    CHECK(numbers(run(s, o)) == std::vector<std::string>{"271"});
    // Without the committee: both decisions, newest first (no words to rank by).
    o.committees.clear();
    CHECK(numbers(run(s, o)) == std::vector<std::string>{"5", "271"});
}

TEST_CASE("Searcher: a restriction to source files keeps their items only", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    // "children's centres" is in the panel's minutes (m1) and the Cabinet's budget (m2).
    SearchOptions o = query("children's centres");
    auto all = numbers(run(s, o));
    REQUIRE(std::find(all.begin(), all.end(), "5") != all.end());
    o.sources = {"corpora/test/m2.md"};
    CHECK(numbers(run(s, o)) == std::vector<std::string>{"5"});
    o.sources = {"corpora/test/m1.md", "corpora/test/m3.md"};
    auto panel = numbers(run(s, o));
    CHECK(!panel.empty());
    CHECK(std::find(panel.begin(), panel.end(), "5") == panel.end());
    CHECK(panel.front() == "271");
    o.sources = {"corpora/test/absent.md"};
    CHECK(run(s, o).hits.empty());
}

TEST_CASE("Searcher: an acronym finds passages that only spell it out", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto r = run(s, query("SIP"));
    std::vector<std::string> found = numbers(r);
    std::sort(found.begin(), found.end());
    // 272 says both; the cabinet's item 5 only says "Service Improvement Plan".
    CHECK(found == std::vector<std::string>{"272", "5"});
    for (const auto& h : r.hits) {
        if (h.item_number == "5") CHECK(highlighted(h) == "[Service][Improvement][Plan]");
    }
}

TEST_CASE("Searcher: a misspelt word gets a suggestion and no results", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto r = run(s, query("safegaurding"));
    CHECK(r.hits.empty());
    CHECK(r.suggestion == "safeguarding");
    CHECK(no_results_message(r) == "no results for \"safegaurding\"; did you mean \"safeguarding\"?");
    CHECK(run(s, query("safeguarding")).suggestion.empty());
}

TEST_CASE("Searcher: facet counts over the whole result set", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto o = query("council:worcestershire");
    o.facets = {"committee", "year", "role", "type", "member"};
    o.limit = 1;  // counts do not depend on the page
    auto r = run(s, o);
    CHECK(r.total_estimate == 5);
    CHECK(r.total_exact);
    REQUIRE(r.facets.size() == 5);
    // Facets come in schema order, whatever the order asked for.
    std::vector<std::string> names;
    for (const auto& f : r.facets) names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"committee", "year", "member", "role", "type"});
    auto counts = [&r](const std::string& name) {
        std::map<std::string, std::size_t> m;
        for (const auto& f : r.facets) {
            if (f.name != name) continue;
            for (const auto& v : f.values) m[v.value] = v.count;
        }
        return m;
    };
    // Counted by hand from test_meetings(): four panel items, one cabinet item.
    CHECK(counts("committee") ==
          std::map<std::string, std::size_t>{{"Children and Families Overview and Scrutiny Panel", 4},
                                             {"Cabinet", 1}});
    CHECK(r.facets[0].values[0].value == "Children and Families Overview and Scrutiny Panel");
    CHECK(counts("year") == std::map<std::string, std::size_t>{{"2017", 4}, {"2018", 1}});
    CHECK(counts("role") ==
          std::map<std::string, std::size_t>{{"member", 1}, {"vice_chair", 1}, {"chair", 2}, {"officer", 1}});
    CHECK(counts("type") == std::map<std::string, std::size_t>{
                                {"paragraph", 3}, {"declaration", 1}, {"decision", 2}, {"bullet", 1}});
    CHECK(counts("member") == std::map<std::string, std::size_t>{{"R W Banks", 1},
                                                                 {"F M Oborski", 1},
                                                                 {"L R Duffy", 1},
                                                                 {"Catherine Driscoll", 1},
                                                                 {"A Hardman", 1}});
}

TEST_CASE("Searcher: facet counts follow the indexer's commits after a reopen", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto other = open_searcher(index.path);  // another search worker, which does not reopen
    auto o = query("council:worcestershire");
    o.facets = {"committee", "member"};
    // Counted twice: the first facet search after a reopen counts with Xapian's spies, later ones from
    // the facet table (read for the second); both must agree.
    auto committees = [&](Searcher& searcher) {
        std::map<std::string, std::size_t> by_spies, by_table;
        auto first = run(searcher, o);
        for (const auto& v : first.facets[0].values) by_spies[v.value] = v.count;
        auto second = run(searcher, o);
        for (const auto& v : second.facets[0].values) by_table[v.value] = v.count;
        CHECK(by_spies == by_table);
        return by_table;
    };
    const std::map<std::string, std::size_t> before{{"Children and Families Overview and Scrutiny Panel", 4},
                                                    {"Cabinet", 1}};
    CHECK(committees(s) == before);
    CHECK(committees(other) == before);  // both workers hold the table of this revision
    {
        // A later meeting of another committee, committed while the searcher has the database open.
        TestMeeting audit{"m9", "Worcestershire County Council", "Audit and Governance Committee", "2018-06-01", {}};
        audit.items = {item(audit, 1, "5", "External Audit Plan", 1, {passage("The auditor presented the plan.")}),
                       item(audit, 2, "6", "Risk Register", 1, {passage("The register was noted.")})};
        Xapian::WritableDatabase db(index.path, Xapian::DB_OPEN);
        write_items(db, {audit});
        db.commit();
    }
    CHECK(committees(s) == before);  // the revision searched until reopen
    REQUIRE(s.reopen());
    CHECK(committees(s) == std::map<std::string, std::size_t>{
                               {"Children and Families Overview and Scrutiny Panel", 4},
                               {"Audit and Governance Committee", 2},
                               {"Cabinet", 1}});
    CHECK(committees(other) == before);  // the other worker is still at the old revision
    auto r = run(s, o);
    CHECK(r.total_estimate == 7);
    CHECK(r.total_exact);
}

TEST_CASE("Searcher: sorting, paging and date ranges", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto o = query("panel OR cabinet OR safeguarding");
    o.sort = SortOrder::newest;
    auto newest = run(s, o);
    REQUIRE(!newest.hits.empty());
    CHECK(newest.hits.front().date == "2024-10-29");
    o.sort = SortOrder::oldest;
    auto oldest = run(s, o);
    CHECK(oldest.hits.front().date == "2017-03-13");
    CHECK(oldest.hits.back().date == "2024-10-29");

    auto all = run(s, query("children"));
    REQUIRE(all.hits.size() == 5);
    auto page = query("children");
    page.limit = 2;
    page.offset = 2;
    auto second = run(s, page);
    REQUIRE(second.hits.size() == 2);
    CHECK(second.hits[0].id == all.hits[2].id);
    CHECK(second.hits[1].id == all.hits[3].id);
    CHECK(second.hits[0].rank == 3);

    CHECK(run(s, query("children 2018-01-01..2018-12-31")).hits.size() == 1);
    CHECK(run(s, query("children 2017..")).hits.size() == 5);
    CHECK(run(s, query("date:2017-03-13")).hits.size() == 4);
    auto ranged = query("children");
    ranged.from = "2018";
    CHECK(numbers(run(s, ranged)) == std::vector<std::string>{"5"});
    ranged.from.clear();
    ranged.to = "2017-12";
    CHECK(run(s, ranged).hits.size() == 4);
}

TEST_CASE("Searcher: results by meeting and by passage", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto o = query("children");
    o.by = GroupBy::meeting;
    auto meetings = run(s, o);
    REQUIRE(meetings.hits.size() == 2);
    std::set<std::string> ids{meetings.hits[0].id, meetings.hits[1].id};
    CHECK(ids == std::set<std::string>{"m1", "m2"});
    for (const auto& h : meetings.hits) CHECK(h.grouped == (h.id == "m1" ? 3u : 0u));

    o = query("\"children's centre\"");
    o.by = GroupBy::passage;
    auto passages = run(s, o);
    // The phrase (unstemmed) matches 268 ("Children's Centre, Evesham") and 271's title; item 5 says
    // "centres" only. Within each, the passages that match best: 268's first declaration (its second says
    // "Children's Trust"), 271's first paragraph ("Children's Centres"); 271's resolution says neither.
    std::set<std::string> where;
    for (const auto& h : passages.hits) where.insert(h.item_number + "/" + std::to_string(h.passage));
    CHECK(where == std::set<std::string>{"268/1", "271/1"});
    CHECK(passages.hits.size() == 2);
}

TEST_CASE("Searcher: more like this", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    SearchOptions o;
    o.like_item = "m1-003";  // children's centre buildings
    auto r = run(s, o);
    REQUIRE(!r.hits.empty());
    for (const auto& h : r.hits) CHECK(h.id != "m1-003");
    auto position = [&r](const std::string& id) {
        for (const auto& h : r.hits) {
            if (h.id == id) return h.rank;
        }
        return std::size_t{1000};
    };
    // The budget keeping children's centres funded is nearer the matter than the apologies or Kent's report.
    CHECK(position("m2-001") < position("m1-001"));
    CHECK(position("m2-001") < position("m3-001"));
    // So is the declaration of a children's centre chair.
    CHECK(position("m1-002") < position("m3-001"));
    o.like_item = "nope";
    auto missing = s.search(o);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("Searcher: item and meeting lookup by id", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto i = s.item("m1-004");
    REQUIRE(i);
    CHECK(i->number == "272");
    CHECK(i->passages.size() == 2);
    auto m = s.meeting("m1");
    REQUIRE(m);
    CHECK(m->items.size() == 4);
    CHECK(s.item("m1").error().code == ErrorCode::NotFound);  // a meeting is not an item
    CHECK(s.item("zzz").error().code == ErrorCode::NotFound);
    CHECK(s.meeting("m1-001").error().code == ErrorCode::NotFound);
}

TEST_CASE("Searcher: meeting documents are never hits", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    for (const auto& h : run(s, query("children")).hits) CHECK(h.id.find('-') != std::string::npos);
}

TEST_CASE("Searcher: errors and limits", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto empty = s.search(SearchOptions{});
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::InvalidArgument);

    auto deep = query("children");
    deep.offset = config::kMaxResultDepth;
    CHECK(s.search(deep).error().code == ErrorCode::LimitExceeded);

    auto bad_role = query("children");
    bad_role.roles = {"dictator"};
    CHECK(s.search(bad_role).error().code == ErrorCode::InvalidArgument);

    // A wildcard that would expand beyond the limit is refused, not run.
    {
        Xapian::WritableDatabase db(index.path, Xapian::DB_OPEN);
        Xapian::Document doc;
        doc.add_boolean_term("XTitem");
        for (unsigned i = 0; i <= config::kMaxWildcardExpansion; ++i)
            doc.add_term("zebra" + std::to_string(i));
        db.add_document(doc);
        db.commit();
    }
    auto fresh = open_searcher(index.path);
    auto wild = fresh.search(query("zebra*"));
    REQUIRE_FALSE(wild);
    CHECK(wild.error().code == ErrorCode::LimitExceeded);
    CHECK(wild.error().message == "search: a wildcard matches more than 200 words; make it longer");
    CHECK(fresh.search(query("zebra1*")));  // zebra1, zebra10..19, zebra100..199: 111 words
}

TEST_CASE("Searcher: refuses what is not a minutes index", "[search]") {
    testing::TempDir dir;
    auto missing = Searcher::open({(dir.path() / "none").string()});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    std::string path = (dir.path() / "plain").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.commit();
    }
    auto plain = Searcher::open({path});
    REQUIRE_FALSE(plain);
    CHECK(plain.error().code == ErrorCode::Corrupt);
    CHECK(plain.error().message.find("is not a minutes index") != std::string::npos);
    CHECK(Searcher::open({"tcp://nohost"}).error().code == ErrorCode::InvalidArgument);
    CHECK_FALSE(Searcher::open({}));
}

TEST_CASE("Searcher: two shards search as one database", "[search]") {
    testing::TempDir dir;
    auto meetings = test_meetings();
    std::string a = (dir.path() / "a").string(), b = (dir.path() / "b").string();
    {
        Xapian::WritableDatabase da(a, Xapian::DB_CREATE);
        write_items(da, {meetings[0]});
        Xapian::WritableDatabase db(b, Xapian::DB_CREATE);
        write_items(db, {meetings[1], meetings[2]});
    }
    TestIndex whole;
    auto one = open_searcher(whole.path);
    auto sharded = Searcher::open({a, b});
    REQUIRE(sharded);
    auto o = query("children OR safeguarding");
    o.facets = {"committee", "council"};
    auto x = run(one, o), y = run(*sharded, o);
    CHECK(y.total_estimate == x.total_estimate);
    REQUIRE(y.hits.size() == x.hits.size());
    std::set<std::string> ids_x, ids_y;
    for (const auto& h : x.hits) ids_x.insert(h.id);
    for (const auto& h : y.hits) ids_y.insert(h.id);
    CHECK(ids_x == ids_y);
    for (std::size_t f = 0; f < o.facets.size(); ++f) {
        std::map<std::string, std::size_t> cx, cy;
        for (const auto& v : x.facets[f].values) cx[v.value] = v.count;
        for (const auto& v : y.facets[f].values) cy[v.value] = v.count;
        CHECK(cx == cy);
    }
}

TEST_CASE("search formats: JSON document, CSV rows, terminal listing", "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto o = query("children's centres");
    o.facets = {"committee"};
    auto r = run(s, o);
    auto j = nlohmann::json::parse(search_response_json(r));
    CHECK(j["schema"] == "minutes-search/1");
    CHECK(j["total_estimate"] == 5);  // 271, the cabinet item and 268 with both words; 267, 272 "children's"
    CHECK(j["hits"][0]["item_number"] == "271");
    CHECK(j["hits"][0]["citation"] ==
          "Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 March 2017, "
          "minute 271, p. 3");
    CHECK(j["hits"][0]["page"] == 3);
    CHECK(j["hits"][0]["speaker"].is_null());
    CHECK(j["hits"][0]["highlights"][0] == nlohmann::json::array({3, 10}));
    CHECK(j["facets"]["committee"][0]["value"] == "Children and Families Overview and Scrutiny Panel");
    CHECK(j["facets"]["committee"][0]["count"] == 4);
    CHECK(j["suggestion"].is_null());

    std::string csv = search_response_csv(r);
    CHECK(csv.rfind("rank,id,date,council,committee,item_number,item_title,", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 6);  // header + 5 hits
    // Fields holding commas are quoted.
    CHECK(csv.find("\"Worcestershire County Council, Children and Families Overview and Scrutiny Panel, 13 "
                   "March 2017, "
                   "minute 271, p. 3\"") != std::string::npos);

    TableStyle style;
    style.width = 60;
    std::string table = search_response_table(r, style);
    CHECK(table.rfind("5 items match; showing 1-5, by relevance\n", 0) == 0);
    CHECK(table.find("*Children's* *Centres*") != std::string::npos);
    std::size_t start = 0;
    while (start < table.size()) {
        std::size_t end = table.find('\n', start);
        if (end == std::string::npos) end = table.size();
        std::string line = table.substr(start, end - start);
        std::size_t width = 0;
        for (char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        CAPTURE(line);
        CHECK(width <= 60);
        start = end + 1;
    }
    CHECK(error_to_json({ErrorCode::InvalidArgument, "limit: x"}) ==
          "{\"error\":{\"code\":\"invalid_argument\",\"message\":\"limit: x\"}}");
}

TEST_CASE("search formats: the JSON document reads back to the same response (minutes-query --server)",
          "[search]") {
    TestIndex index;
    auto s = open_searcher(index.path);
    auto o = query("SIP OR safeguarding");
    o.facets = {"type", "committee", "year"};
    auto r = run(s, o);
    REQUIRE(r.hits.size() >= 2);
    std::string json = search_response_json(r);
    auto back = search_response_from_json(json);
    REQUIRE(back);
    CHECK(search_response_json(*back) == json);
    CHECK(search_response_table(*back) == search_response_table(r));
    CHECK(search_response_csv(*back) == search_response_csv(r));
    CHECK_FALSE(search_response_from_json("{\"hits\":[]}"));
    CHECK_FALSE(search_response_from_json("not json"));
    auto e = error_from_json(error_to_json({ErrorCode::LimitExceeded, "limit: 500"}));
    REQUIRE(e);
    CHECK(e->code == ErrorCode::LimitExceeded);
    CHECK(e->message == "limit: 500");
    CHECK_FALSE(error_from_json("{\"error\":1}"));
}

TEST_CASE("Searcher: word forms beyond the stem and closed compounds", "[search]") {
    // Parish minutes say "vandalised" and "windfarm" where a user types "vandals" and "wind farm". The
    // English stemmer gives vandals -> vandal but vandalised -> vandalis, and a closed compound is one
    // word, so neither matches by stem alone.
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    TestMeeting m{"p1", "Stoke Ferry Parish Council", "Parish Council", "2011-12-05", {}};
    m.items.push_back(item(m, 1, "1", "Telephone Box", 1, {passage("The kiosk is being vandalised again.")}));
    m.items.push_back(item(m, 2, "2", "Correspondence", 1, {passage("Drone Hill Windfarm community fund.")}));
    m.items.push_back(item(m, 3, "3", "Finance", 1, {passage("The farm rent was paid.")}));
    auto s = searcher_over(path, {m});

    auto vandals = run(s, query("vandals"));
    REQUIRE(vandals.hits.size() == 1);
    CHECK(vandals.hits[0].item_number == "1");
    CHECK(highlighted(vandals.hits[0]) == "[vandalised]");

    // "wind farm": the windfarm item holds the whole concept and ranks above the item with "farm" alone.
    auto wind = run(s, query("wind farm"));
    REQUIRE(wind.hits.size() == 2);
    CHECK(wind.hits[0].item_number == "2");
    CHECK(highlighted(wind.hits[0]) == "[Windfarm]");
    CHECK(wind.hits[1].item_number == "3");

    // Turned off, neither factor matches anything beyond the stems.
    RankingWeights off;
    off.stem_prefix = 0;
    off.compound = 0;
    s.set_ranking(off);
    CHECK(run(s, query("vandals")).hits.empty());
    auto farm = run(s, query("wind farm"));
    REQUIRE(farm.hits.size() == 1);
    CHECK(farm.hits[0].item_number == "3");
}

TEST_CASE("Searcher: a word typed closed finds its parts written apart", "[search]") {
    // "cybersecurity" and "potholes" are written "Cyber Security" and "pot holes" in some minutes; the
    // parts must stand in sequence ("security" and "cyber" apart is another matter).
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    TestMeeting m{"p1", "Sacramento Metropolitan Fire District", "Board of Directors", "2025-04-24", {}};
    m.items.push_back(
        item(m, 1, "1", "Closed Session", 1, {passage("Consultation with the Cyber Security Manager.")}));
    m.items.push_back(
        item(m, 2, "2", "Fleet", 1, {passage("Cyber attacks on the radio network; security of the depot.")}));
    m.items.push_back(item(m, 3, "3", "Roads", 1, {passage("The pot holes in Main Street were filled.")}));
    auto s = searcher_over(path, {m});

    auto cyber = run(s, query("cybersecurity"));
    REQUIRE(cyber.hits.size() == 1);
    CHECK(cyber.hits[0].item_number == "1");
    CHECK(highlighted(cyber.hits[0]) == "[Cyber][Security]");
    auto potholes = run(s, query("potholes"));
    REQUIRE(potholes.hits.size() == 1);
    CHECK(potholes.hits[0].item_number == "3");

    RankingWeights off;
    off.split = 0;
    s.set_ranking(off);
    CHECK(run(s, query("cybersecurity")).hits.empty());

    // A word that more than config::kSplitMaxShare of the items hold (here one of four) is written
    // closed as the rule there, and is not split.
    testing::TempDir common_dir;
    m.items.push_back(item(m, 4, "4", "Training", 1, {passage("Cybersecurity training for all staff.")}));
    auto common = searcher_over((common_dir.path() / "db").string(), {m});
    auto closed = run(common, query("cybersecurity"));
    REQUIRE(closed.hits.size() == 1);
    CHECK(closed.hits[0].item_number == "4");
}

TEST_CASE("Searcher: phrase, proximity and span boosts credit only the items holding them", "[search]") {
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    // Thirty distinct filler words keep the query's words apart where an item should not hold them near.
    std::vector<std::string> filler;
    for (const char* w : {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                          "lambda", "omicron", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "apple",
                          "pear", "plum", "cherry", "grape", "lemon", "lime", "melon", "mango", "olive", "peach"})
        filler.emplace_back(w);
    auto words = [&](std::size_t from, std::size_t to) {
        std::string out;
        for (std::size_t i = from; i < to; ++i) out += filler[i] + " ";
        return out;
    };
    TestMeeting m{"t1", "Township of Testing", "Township Council", "2024-03-05", {}};
    m.items.push_back(item(m, 1, "1", "Matters Arising", 1,
                           {passage("Council passed the parking enforcement by-law for the town centre.")}));
    // Parking and enforcement, but never within eight words of each other, and no by-law.
    m.items.push_back(item(m, 2, "2", "Matters Arising", 1,
                           {passage("Parking " + words(0, 12) + "enforcement " + words(12, 24))}));
    // The same words twice over: all four query words in one clause, or spread through the item.
    m.items.push_back(item(m, 3, "3", "Matters Arising", 1,
                           {passage("station lifeboat grace darling " + words(0, 30))}));
    m.items.push_back(item(m, 4, "4", "Matters Arising", 1,
                           {passage("grace darling " + words(0, 10) + "lifeboat " + words(10, 20) + "station " +
                                    words(20, 30))}));
    for (std::size_t i = 5; i < 12; ++i)
        m.items.push_back(item(m, i, std::to_string(i), "Other Business", 1, {passage(words(i, i + 12))}));
    auto s = searcher_over(path, {m});
    auto score_of = [&](const SearchResponse& r, const std::string& number) {
        for (const auto& h : r.hits) {
            if (h.item_number == number) return h.score;
        }
        FAIL("item " << number << " is not a hit");
        return 0.0;
    };
    RankingWeights positional_off;
    positional_off.phrase = 0;
    positional_off.proximity = 0;
    positional_off.span = 0;

    // Item 1 holds the words in order; item 2 holds two of them apart, so no phrase, proximity or span
    // boost may add to its score.
    auto on = run(s, query("parking enforcement by-law"));
    REQUIRE_FALSE(on.hits.empty());
    CHECK(on.hits[0].item_number == "1");
    s.set_ranking(positional_off);
    auto off = run(s, query("parking enforcement by-law"));
    CHECK(score_of(on, "2") == Approx(score_of(off, "2")));
    CHECK(score_of(on, "1") > score_of(off, "1"));

    // Items 3 and 4 hold the same words as often, in items of one length: without positions they tie; a
    // span holding all four query words ranks item 3 above item 4, which has them apart.
    auto tied = run(s, query("Grace Darling lifeboat station"));
    CHECK(score_of(tied, "3") == Approx(score_of(tied, "4")));
    RankingWeights span_only = positional_off;
    span_only.span = RankingWeights{}.span;
    REQUIRE(span_only.span > 0);
    s.set_ranking(span_only);
    auto spanned = run(s, query("Grace Darling lifeboat station"));
    CHECK(score_of(spanned, "3") > score_of(spanned, "4"));
    CHECK(score_of(spanned, "4") == Approx(score_of(tied, "4")));
}

TEST_CASE("Searcher: neighbouring words find their initials", "[search]") {
    // Minutes write a committee or fund by its initials once it has been named ("the CIGF").
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    TestMeeting m{"d1", "Borough of Testing", "Board of Directors", "2023-04-18", {}};
    m.items.push_back(item(m, 1, "1", "Awards", 1, {passage("The CIGF made three awards.")}));
    m.items.push_back(item(m, 2, "2", "Finance", 1, {passage("The reserve fund was audited.")}));
    // The same letters in lower case are a word, not the initials (Ayton's "sat-nav" companies).
    m.items.push_back(item(m, 3, "3", "Police Report", 1, {passage("The police notified the sat-nav makers.")}));
    auto s = searcher_over(path, {m});
    auto found = run(s, query("community infrastructure grant fund"));
    REQUIRE(found.hits.size() == 2);
    CHECK(found.hits[0].item_number == "1");
    CHECK(highlighted(found.hits[0]).find("[CIGF]") != std::string::npos);
    CHECK(run(s, query("north american video")).hits.empty());

    RankingWeights off;
    off.initials = 0;
    s.set_ranking(off);
    CHECK(numbers(run(s, query("community infrastructure grant fund"))) == std::vector<std::string>{"2"});
}

TEST_CASE("citations name a committee that is the council itself once", "[search]") {
    // Manordeilo and Salem's minutes head the council's own meetings with its name, once with "&":
    // the committee recognised is the council.
    CHECK(committee_is_council("Manordeilo & Salem Community Council", "Manordeilo and Salem Community Council"));
    CHECK(committee_is_council("Ayton Community Council", "AYTON  COMMUNITY COUNCIL"));
    CHECK_FALSE(committee_is_council("City of Cleveland", "Council of the City of Cleveland"));
    CHECK_FALSE(committee_is_council("", ""));
    ItemRecord item;
    item.council = "Manordeilo & Salem Community Council";
    item.committee = "Manordeilo and Salem Community Council";
    item.date = "2020-02-12";
    item.number = "5";
    CHECK(citation_for(item, std::nullopt) == "Manordeilo & Salem Community Council, 12 February 2020, minute 5");
    item.committee = "Planning Committee";
    CHECK(citation_for(item, 2) ==
          "Manordeilo & Salem Community Council, Planning Committee, 12 February 2020, minute 5, p. 2");
}

TEST_CASE("Searcher: with a passage filter, items where a passage meets it and holds the words come first",
          "[search]") {
    // "Every decision on parking": an item whose decision is about something else, however much it says
    // about parking in discussion, ranks below an item whose decision is about parking.
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    TestMeeting m{"d1", "Township of Testing", "Township Council", "2024-03-05", {}};
    m.items.push_back(item(m, 1, "1", "Parking", 1,
                           {passage("Parking on the green, parking at the school and parking near the shop were "
                                    "discussed at length; residents want parking enforced."),
                            passage("It was resolved to buy a new mower for the cemetery.", PassageKind::resolution),
                            passage("It was resolved to paint the hall.", PassageKind::resolution)}));
    m.items.push_back(item(m, 2, "2", "Correspondence", 1,
                           {passage("A letter from the school was read."),
                            passage("It was resolved to ask the county to enforce parking on the High Street.",
                                    PassageKind::resolution)}));
    auto s = searcher_over(path, {m});
    auto words_only = run(s, query("parking"));
    REQUIRE(numbers(words_only) == std::vector<std::string>{"1", "2"});  // plain BM25: more parking first
    auto o = query("parking");
    o.types = {"decision"};
    auto decisions = run(s, o);
    REQUIRE(numbers(decisions) == std::vector<std::string>{"2", "1"});
    CHECK(decisions.hits[0].passage_kind == "resolution");
    CHECK(decisions.hits[0].snippet.find("High Street") != std::string::npos);
    // Two words ("parking enforced") go through the re-ranking of positional boosts: the same order.
    o.query = "parking enforce";
    REQUIRE(numbers(run(s, o)) == std::vector<std::string>{"2", "1"});
    // By passage: the decision about parking, then one decision standing for the item that has none.
    o.query = "parking";
    o.by = GroupBy::passage;
    auto passages = run(s, o);
    REQUIRE(numbers(passages) == std::vector<std::string>{"2", "1"});
    CHECK(passages.hits[0].snippet.find("High Street") != std::string::npos);
    CHECK(passages.hits[1].passage_kind == "resolution");
}

TEST_CASE("item_heading: a minute without a title is named by its number alone", "[search][format]") {
    // The recogniser leaves a title empty rather than take a sentence for it, when a number printed in
    // the margin beside prose has no title after that prose.
    CHECK(item_heading("271", "Progress Update on Optimising the Use of Children's Centre Buildings") ==
          "Minute 271: Progress Update on Optimising the Use of Children's Centre Buildings");
    CHECK(item_heading("XI", "") == "Minute XI");
    CHECK(item_heading("", "PRESENTATION OF PAPERS") == "PRESENTATION OF PAPERS");
    CHECK(item_heading("", "") == "Untitled item");
}

TEST_CASE("Searcher: spellings of one council or committee are one facet value, as for their filter", "[search]") {
    // Manordeilo's minutes spell their council "Manordeilo & Salem Community Council" and "Manordeilo and
    // Salem Community Council"; a filter on either finds both, so the facet counts them as one.
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    const std::string amp = "Manordeilo & Salem Community Council";
    const std::string and_ = "Manordeilo and Salem Community Council";
    TestMeeting a{"s1", amp, amp, "2024-01-10", {}};
    a.items = {item(a, 1, "1", "Footpaths", 1, {passage("The footpath at Salem was cleared.")})};
    TestMeeting b{"s2", amp, amp, "2024-02-14", {}};
    b.items = {item(b, 1, "1", "Footpaths", 1, {passage("The footpath gate was mended.")})};
    TestMeeting c{"s3", and_, and_, "2024-03-13", {}};
    c.items = {item(c, 1, "1", "Footpaths", 1, {passage("A stile on the footpath was reported broken.")})};
    auto s = searcher_over(path, {a, b, c});
    auto o = query("footpath");
    o.facets = {"council", "committee"};
    auto r = run(s, o);
    REQUIRE(r.facets.size() == 2);
    for (const auto& f : r.facets) {
        INFO(f.name);
        REQUIRE(f.values.size() == 1);
        CHECK(f.values[0].value == amp);  // the spelling more items have
        CHECK(f.values[0].count == 3);
    }
    auto filtered = query("footpath");
    filtered.councils = {and_};
    CHECK(run(s, filtered).hits.size() == 3);
}
