// Tests of the index writer on minutes built in code: terms, values, data, identity, renderings, lock.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "index_document.h"
#include "index_store.h"
#include "minutes/indexer.h"
#include "minutes/item_record.h"
#include "minutes/names.h"
#include "minutes/schema.h"
#include "minutes/search.h"
#include "minutes/search_format.h"
#include "temp_dir.h"

using namespace minutes;
using minutes::testing::TempDir;

namespace {

// A meeting as the Worcestershire minutes print it (corpora/worcestershire), cut down to two items.
Minutes panel_minutes(std::string source) {
    Minutes m;
    m.source = std::move(source);
    m.format = Format::markdown;
    m.language = Language::english;
    m.council = "Worcestershire County Council";
    m.committee = "Children and Families Overview and Scrutiny Panel";
    m.date = {2017, 3, 13};
    m.attendees.push_back({"L R Duffy", "Ms", Role::chair, "", Attendance::present});
    m.attendees.push_back({"F M Oborski", "Mrs", Role::vice_chair, "", Attendance::present});
    m.attendees.push_back({"Catherine Driscoll", "", Role::officer, "Director of Children, Families and Communities",
                           Attendance::in_attendance});
    AgendaItem declarations;
    declarations.number = "268";
    declarations.title = "Declaration of Interest and of any Party Whip";
    declarations.passages.push_back({"Councillor Oborski - Chair of Wyre Forest Local Children's Trust",
                                     PassageKind::declaration, Role::unknown, "Oborski", 1});
    m.items.push_back(declarations);
    AgendaItem update;
    update.number = "272";
    update.title = "Update on Children's Services Improvement Plan";
    update.passages.push_back({"The Panel were invited to a briefing on the Service Improvement Plan (SIP) on 14 "
                               "February 2017, covering the eight work-streams.",
                               PassageKind::paragraph, Role::unknown, "", 2});
    update.passages.push_back({"The Director reported that inspection findings were being addressed.",
                               PassageKind::paragraph, Role::officer, "Catherine Driscoll", 2});
    update.passages.push_back({"RESOLVED that the update be noted.", PassageKind::resolution, Role::unknown, "L R Duffy", 3});
    m.items.push_back(update);
    m.acronyms.push_back({"SIP", "Service Improvement Plan"});
    return m;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) terms.insert(*t);
    return terms;
}

Xapian::Document only_document_with(const Xapian::Database& db, const std::string& term) {
    auto p = db.postlist_begin(term);
    REQUIRE(p != db.postlist_end(term));
    Xapian::docid id = *p;
    ++p;
    REQUIRE(p == db.postlist_end(term));
    return db.get_document(id);
}

std::vector<std::string> positions(const Xapian::Database& db, Xapian::docid id, const std::string& term) {
    std::vector<std::string> out;
    for (auto p = db.positionlist_begin(id, term); p != db.positionlist_end(id, term); ++p) out.push_back(std::to_string(*p));
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string canonical_source(const Minutes& m) { return source_path_key(m.source); }

}  // namespace

TEST_CASE("IndexWriter: an item document carries the schema's boolean terms, values and data", "[indexer]") {
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto minutes = panel_minutes((dir.path() / "panel.md").string());
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
        auto report = writer->add_minutes({minutes});
        REQUIRE(report);
        CHECK(report->added == 1);
        CHECK(report->items_written == 2);
        CHECK(report->meetings_written == 1);
    }
    Xapian::Database db(db_path.string());
    CHECK(db.get_doccount() == 3);
    CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) == std::to_string(schema::kSchemaVersion));

    Minutes keyed = minutes;
    keyed.source = canonical_source(minutes);
    const std::string meeting = meeting_id_for(keyed);
    const std::string item = item_id_for(meeting, 2);
    auto doc = only_document_with(db, "Q" + item);
    auto terms = terms_of(doc);
    for (const char* expected :
         {"XTitem", "XAworcestershire county council", "XCchildren and families overview and scrutiny panel",
          "XD20170313", "XLen", "XN272", "XKdecision", "XKresolution", "XKparagraph", "XRofficer", "XRchair",
          "XMduffy", "XMoborski", "XMdriscoll"}) {
        INFO(expected);
        CHECK(terms.count(expected) == 1);
    }
    CHECK(terms.count("XE" + meeting) == 1);
    CHECK(terms.count("XF" + source_id_for(keyed.source)) == 1);
    // The declaration is on item 268, not here.
    CHECK(terms.count("XKdeclaration") == 0);

    CHECK(doc.get_value(schema::kSlotDate) == "20170313");
    CHECK(doc.get_value(schema::kSlotYear) == "2017");
    CHECK(doc.get_value(schema::kSlotCouncil) == "Worcestershire County Council");
    CHECK(doc.get_value(schema::kSlotCommittee) == "Children and Families Overview and Scrutiny Panel");
    CHECK(doc.get_value(schema::kSlotItem) == "272");
    CHECK(doc.get_value(schema::kSlotMeeting) == meeting);
    CHECK(doc.get_value(schema::kSlotItemId) == item);
    CHECK(doc.get_value(schema::kSlotTopic) == "Update on Children's Services Improvement Plan");
    CHECK(doc.get_value(schema::kSlotLanguage) == "en");
    CHECK(doc.get_value(schema::kSlotRoles) == std::string("chair\x1f" "officer"));
    CHECK(doc.get_value(schema::kSlotKinds) == std::string("decision\x1f" "paragraph\x1f" "resolution"));
    auto members = doc.get_value(schema::kSlotMembers);
    CHECK(members.find("F M Oborski") != std::string::npos);
    CHECK(members.find("Catherine Driscoll") != std::string::npos);

    auto record = decode_item(doc.get_data());
    REQUIRE(record);
    CHECK(record->number == "272");
    CHECK(record->passages.size() == 3);
    CHECK(record->source == keyed.source);

    auto declaration = only_document_with(db, "Q" + item_id_for(meeting, 1));
    auto declaration_terms = terms_of(declaration);
    CHECK(declaration_terms.count("XKdeclaration") == 1);
    CHECK(declaration_terms.count("XMoborski") == 1);
    // Oborski speaks without a printed role: the attendance list's role stands in.
    CHECK(declaration_terms.count("XRvice_chair") == 1);
}

TEST_CASE("IndexWriter: a motion's seconder is a member of its item, stored and searchable", "[indexer]") {
    // Written for this test: a motion moved by an attendee and seconded by a councillor whom the
    // attendance list does not name, so that only the seconder can make the item hers.
    TempDir dir;
    auto db_path = dir.path() / "db";
    Minutes m = panel_minutes((dir.path() / "panel.md").string());
    Passage motion{"Proposed by Councillor Oborski, seconded by Councillor Hodgson: that the plan be endorsed.",
                   PassageKind::resolution, Role::vice_chair, "F M Oborski", 3};
    motion.seconder = "Hodgson";
    m.items[1].passages.push_back(motion);
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
        REQUIRE(writer->add_minutes({m}));
    }
    Minutes keyed = m;
    keyed.source = canonical_source(m);
    const std::string meeting = meeting_id_for(keyed);
    {
        Xapian::Database db(db_path.string());
        auto update = only_document_with(db, "Q" + item_id_for(meeting, 2));
        CHECK(terms_of(update).count("XM" + member_key("Hodgson")) == 1);
        CHECK(update.get_value(schema::kSlotMembers).find("Hodgson") != std::string::npos);
        auto record = decode_item(update.get_data());
        REQUIRE(record);
        REQUIRE(record->passages.size() == 4);
        CHECK(record->passages[3].seconder == "Hodgson");
        CHECK(record->passages[2].seconder.empty());
        // The other item does not name her.
        auto declarations = only_document_with(db, "Q" + item_id_for(meeting, 1));
        CHECK(terms_of(declarations).count("XM" + member_key("Hodgson")) == 0);
    }
    auto searcher = Searcher::open({db_path.string()});
    REQUIRE(searcher);
    SearchOptions o;
    o.query = "member:\"Councillor Hodgson\"";
    auto found = searcher->search(o);
    REQUIRE(found);
    REQUIRE(found->hits.size() == 1);
    const Hit& hit = found->hits[0];
    CHECK(hit.item_number == "272");
    // The passage shown is the one she seconded, and the hit says so.
    CHECK(hit.passage == 4);
    CHECK(hit.speaker == "F M Oborski");
    CHECK(hit.seconder == "Hodgson");
    CHECK(search_response_json(*found).find("\"seconder\":\"Hodgson\"") != std::string::npos);
    CHECK(search_response_csv(*found).find(",Hodgson\r\n") != std::string::npos);
}

TEST_CASE("IndexWriter: free text keeps unstemmed words, adds stems, weighs the title and gaps passages",
          "[indexer]") {
    TempDir dir;
    auto minutes = panel_minutes((dir.path() / "panel.md").string());
    {
        auto writer = IndexWriter::open(dir.path() / "db");
        REQUIRE(writer);
        REQUIRE(writer->add_minutes({minutes}));
    }
    Xapian::Database db((dir.path() / "db").string());
    Minutes keyed = minutes;
    keyed.source = canonical_source(minutes);
    auto id = *db.postlist_begin("Q" + item_id_for(meeting_id_for(keyed), 2));
    auto terms = terms_of(db.get_document(id));
    CHECK(terms.count("briefing") == 1);   // exact form, for quoted words
    CHECK(terms.count("Zbrief") == 1);     // English stem
    CHECK(terms.count("Simprovement") == 1);  // title under S
    CHECK(terms.count("Sbriefing") == 0);     // body words are not title words
    // Title words count kTitleWeight; "plan" is in the title and once in the body.
    auto t = db.termlist_begin(id);
    t.skip_to("plan");
    REQUIRE(*t == "plan");
    CHECK(t.get_wdf() == config::kTitleWeight + config::kBodyWeight);
    // "the update be noted" is in the third passage; "work-streams" ends the first: a phrase across the
    // passage boundary must not match, so the positions are at least the gap apart.
    auto streams = positions(db, id, "streams");
    auto director = positions(db, id, "director");
    REQUIRE(streams.size() == 1);
    REQUIRE(director.size() == 1);
    CHECK(std::stoul(director[0]) - std::stoul(streams[0]) > config::kPassagePositionGap);
    Xapian::Enquire enquire(db);
    std::vector<std::string> across{"streams", "the"};
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, across.begin(), across.end()));
    CHECK(enquire.get_mset(0, 10).size() == 0);
    std::vector<std::string> within{"update", "be", "noted"};
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, within.begin(), within.end()));
    CHECK(enquire.get_mset(0, 10).size() == 1);
}

TEST_CASE("IndexWriter: spelling data, and the minutes' acronyms as synonyms both ways and as acronym terms",
          "[indexer]") {
    TempDir dir;
    auto minutes = panel_minutes((dir.path() / "panel.md").string());
    {
        auto writer = IndexWriter::open(dir.path() / "db");
        REQUIRE(writer);
        REQUIRE(writer->add_minutes({minutes}));
    }
    Xapian::Database db((dir.path() / "db").string());
    CHECK(db.get_spelling_suggestion("brefing") == "briefing");
    CHECK(db.get_spelling_suggestion("inspecton") == "inspection");
    std::vector<std::string> from_short(db.synonyms_begin("sip"), db.synonyms_end("sip"));
    CHECK(from_short == std::vector<std::string>{"service improvement plan"});
    std::vector<std::string> from_long(db.synonyms_begin("service improvement plan"),
                                       db.synonyms_end("service improvement plan"));
    CHECK(from_long == std::vector<std::string>{"sip"});
    // "the Service Improvement Plan (SIP) on 14 February" is in the update, the second item.
    const std::string sip = std::string(schema::prefix_of("acronym")) + "sip";
    auto doc = only_document_with(db, sip);
    Minutes keyed = minutes;
    keyed.source = canonical_source(minutes);
    CHECK(terms_of(doc).count("Q" + item_id_for(meeting_id_for(keyed), 2)) == 1);
    auto t = doc.termlist_begin();
    t.skip_to(sip);
    REQUIRE(*t == sip);
    CHECK(t.get_wdf() == config::kBodyWeight);
}

TEST_CASE("count_acronyms: words in capitals amid lower-case text, not headings, numerals or lower case",
          "[indexer]") {
    auto acronyms = [](std::string_view text) {
        std::map<std::string, Xapian::termcount> counts;
        index::count_acronyms(text, 1, counts);
        return counts;
    };
    using Counts = std::map<std::string, Xapian::termcount>;
    // Denver, 21 July 2009, minute X.
    CHECK(acronyms("amend contract #38FH009 with North American Video (NAV) for CCTV installation") ==
          Counts{{"cctv", 1}, {"nav", 1}});
    // Denver's GM Executive Search committee, 30 July 2020, item B: the acronym opens the line.
    CHECK(acronyms("GMES Committee Charter/Selection of Finalist") == Counts{{"gmes", 1}});
    // Ayton, 7 June 2011, Police Report: "nav" in lower case is a word, not the initials of anything.
    CHECK(acronyms("have notified the sat-nav companies").empty());
    // Manordeilo and Salem, 10 June 2020 (Welsh): a heading in capitals holds no acronym it marks out.
    CHECK(acronyms("TREFNIADAU AR GYFER Y CCB A CHYFARFODYDD").empty());
    // A minute numbered in Roman numerals; two letters are too short to be taken for initials.
    CHECK(acronyms("VII. Recommended Action: the GM reported").empty());
    // Counted per use, with the weight given (titles count kTitleWeight).
    std::map<std::string, Xapian::termcount> counts;
    index::count_acronyms("The SIP was agreed; the SIP board meets monthly", 3, counts);
    CHECK(counts == Counts{{"sip", 6}});
}

TEST_CASE("IndexWriter: the meeting document has boolean terms and values but no free text", "[indexer]") {
    TempDir dir;
    auto minutes = panel_minutes((dir.path() / "panel.md").string());
    {
        auto writer = IndexWriter::open(dir.path() / "db");
        REQUIRE(writer);
        REQUIRE(writer->add_minutes({minutes}));
    }
    Xapian::Database db((dir.path() / "db").string());
    auto doc = only_document_with(db, "XTmeeting");
    for (const auto& term : terms_of(doc)) {
        INFO(term);
        CHECK((!term.empty() && term[0] >= 'A' && term[0] <= 'Z'));  // prefixed: boolean or unique, never free text
    }
    CHECK(doc.get_value(schema::kSlotDate) == "20170313");
    CHECK(doc.get_value(schema::kSlotYear) == "2017");
    auto record = decode_meeting(doc.get_data());
    REQUIRE(record);
    CHECK(record->items.size() == 2);
    CHECK(record->attendees.size() == 3);
    CHECK(record->sources == std::vector<std::string>{canonical_source(minutes)});
}

TEST_CASE("IndexWriter: Welsh minutes get no English stems", "[indexer]") {
    TempDir dir;
    auto minutes = panel_minutes((dir.path() / "cofnodion.md").string());
    minutes.language = Language::welsh;
    minutes.items.resize(1);
    minutes.items[0].title = "Datgan buddiannau";
    minutes.items[0].passages = {{"Cafwyd datganiadau gan y cynghorwyr canlynol.", PassageKind::paragraph, Role::unknown, "", {}}};
    {
        auto writer = IndexWriter::open(dir.path() / "db");
        REQUIRE(writer);
        REQUIRE(writer->add_minutes({minutes}));
    }
    Xapian::Database db((dir.path() / "db").string());
    Minutes keyed = minutes;
    keyed.source = canonical_source(minutes);
    auto doc = only_document_with(db, "Q" + item_id_for(meeting_id_for(keyed), 1));
    auto terms = terms_of(doc);
    CHECK(terms.count("XLcy") == 1);
    CHECK(terms.count("datganiadau") == 1);
    CHECK(std::none_of(terms.begin(), terms.end(), [](const std::string& t) { return !t.empty() && t[0] == 'Z'; }));
}

TEST_CASE("IndexWriter: re-indexing the same minutes replaces, never duplicates", "[indexer]") {
    TempDir dir;
    auto minutes = panel_minutes((dir.path() / "panel.md").string());
    auto writer = IndexWriter::open(dir.path() / "db");
    REQUIRE(writer);
    REQUIRE(writer->add_minutes({minutes}));
    auto snapshot = [&] {
        Xapian::Database db((dir.path() / "db").string());
        return std::make_tuple(db.get_doccount(), db.get_total_length(), db.get_termfreq("plan"),
                               db.get_collection_freq("plan"), db.get_termfreq("XTitem"));
    };
    auto first = snapshot();
    auto again = writer->add_minutes({minutes});
    REQUIRE(again);
    CHECK(again->replaced == 1);
    CHECK(snapshot() == first);
    CHECK(std::get<0>(first) == 3);
}

TEST_CASE("IndexWriter: two renderings of one meeting are one meeting, kept from the fuller rendering",
          "[indexer]") {
    TempDir dir;
    auto full = panel_minutes((dir.path() / "minutes.html").string());
    // The same text where the recogniser found no headings: one unnumbered item holding every passage.
    auto partial = panel_minutes((dir.path() / "minutes.md").string());
    AgendaItem whole;
    for (const auto& item : partial.items) {
        whole.passages.push_back({item.title, PassageKind::paragraph, Role::unknown, "", item.passages.front().page});
        whole.passages.insert(whole.passages.end(), item.passages.begin(), item.passages.end());
    }
    partial.items = {whole};
    // Either order of arrival gives the same index.
    auto order = GENERATE(0, 1);
    auto db_path = dir.path() / ("db" + std::to_string(order));
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    auto report = order == 0 ? writer->add_minutes({partial, full}) : writer->add_minutes({full, partial});
    REQUIRE(report);
    {
        Xapian::Database db(db_path.string());
        CHECK(db.get_termfreq("XTmeeting") == 1);
        CHECK(db.get_termfreq("XTitem") == 2);
        CHECK(db.get_termfreq("XF" + source_id_for(canonical_source(full))) == 3);  // its items and the meeting
        CHECK(db.get_termfreq("XF" + source_id_for(canonical_source(partial))) == 1);  // listed by the meeting only
        auto meeting = decode_meeting(only_document_with(db, "XTmeeting").get_data());
        REQUIRE(meeting);
        CHECK(meeting->sources == std::vector<std::string>{canonical_source(full), canonical_source(partial)});
    }
    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->meetings == 1);
    CHECK(stats->items == 2);
    CHECK(stats->sources == 2);
    CHECK(stats->problems.empty());

    // Removing the alternate rendering leaves the meeting and its items.
    auto removed = writer->remove({partial.source});
    REQUIRE(removed);
    CHECK(removed->removed == 1);
    Xapian::Database db(db_path.string());
    CHECK(db.get_termfreq("XTitem") == 2);
    auto meeting = decode_meeting(only_document_with(db, "XTmeeting").get_data());
    REQUIRE(meeting);
    CHECK(meeting->sources == std::vector<std::string>{canonical_source(full)});
}

TEST_CASE("IndexWriter: a short file contained in a long one of the same meeting never takes its place",
          "[indexer]") {
    // A Hansard sitting split over files: a contents page lists the debates, each debate is a file. All
    // have the same council, committee and date; the contents page's words all occur in the debate.
    TempDir dir;
    auto debate = panel_minutes((dir.path() / "part10.html").string());
    auto contents = panel_minutes((dir.path() / "contents.html").string());
    AgendaItem list;
    for (const auto& item : debate.items)
        list.passages.push_back({item.title, PassageKind::paragraph, Role::unknown, "", std::nullopt});
    contents.items = {list};
    auto order = GENERATE(0, 1);
    auto db_path = dir.path() / ("db" + std::to_string(order));
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    auto report = order == 0 ? writer->add_minutes({contents, debate}) : writer->add_minutes({debate, contents});
    REQUIRE(report);
    Xapian::Database db(db_path.string());
    CHECK(db.get_termfreq("XTmeeting") == 2);
    CHECK(db.get_termfreq("XF" + source_id_for(canonical_source(debate))) == 3);  // its two items and its meeting
    CHECK(db.get_termfreq("XF" + source_id_for(canonical_source(contents))) == 2);
    CHECK(db.get_termfreq("inspection") == 1);  // the debate's text is indexed
}

TEST_CASE("IndexWriter: add, skip unchanged, replace changed, remove and prune real files", "[indexer]") {
    TempDir dir;
    auto corpus = dir.path() / "corpus";
    write_file(corpus / "a.txt", "Parish council meeting\n\nThe clerk read the correspondence about the footpath.\n");
    write_file(corpus / "b.md", "# Village hall committee\n\n- Repairs to the roof were approved.\n");
    write_file(corpus / "notes" / "c.txt", "Allotments\n\nThe allotment rents will rise next year.\n");
    write_file(corpus / "README.md", "# What this folder holds\n");
    write_file(corpus / "data.json", "{}");
    auto db_path = dir.path() / "db";
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);

    auto first = writer->add({corpus});
    REQUIRE(first);
    CHECK(first->added == 3);
    CHECK(first->skipped == 2);  // README.md by name, data.json by type
    CHECK(first->failed == 0);
    CHECK(first->per_format["text"]["added"] == 2);
    CHECK(first->per_format["markdown"]["added"] == 1);
    auto count_of = [&](const std::string& term) { return Xapian::Database(db_path.string()).get_termfreq(term); };
    CHECK(count_of("footpath") == 1);
    CHECK(count_of("roof") == 1);
    CHECK(count_of("folder") == 0);  // README.md was not indexed

    auto second = writer->add({corpus});
    REQUIRE(second);
    CHECK(second->unchanged == 3);
    CHECK(second->added == 0);

    // Same content, new modification time: still unchanged (checksum); new content: replaced.
    write_file(corpus / "a.txt", "Parish council meeting\n\nThe clerk read the correspondence about the footpath.\n");
    write_file(corpus / "b.md", "# Village hall committee\n\n- Repairs to the chimney were approved.\n");
    auto third = writer->add({corpus});
    REQUIRE(third);
    CHECK(third->unchanged == 2);
    CHECK(third->replaced == 1);
    CHECK(count_of("roof") == 0);
    CHECK(count_of("chimney") == 1);
    CHECK(count_of("XTitem") == 3);

    auto removed = writer->remove({corpus / "notes"});
    REQUIRE(removed);
    CHECK(removed->removed == 1);
    CHECK(count_of("allotment") == 0);
    auto missing = writer->remove({corpus / "never-indexed.txt"});
    REQUIRE(missing);
    CHECK(missing->failed == 1);

    std::filesystem::remove(corpus / "a.txt");
    auto pruned = writer->prune();
    REQUIRE(pruned);
    CHECK(pruned->removed == 1);
    CHECK(count_of("footpath") == 0);
    CHECK(count_of("XTitem") == 1);
    CHECK(count_of("XTmeeting") == 1);

    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->sources == 1);
    CHECK(stats->problems.empty());
}

TEST_CASE("IndexWriter: bad files are reported by name, the rest indexed", "[indexer]") {
    TempDir dir;
    auto corpus = dir.path() / "corpus";
    write_file(corpus / "good.txt", "Finance committee\n\nThe budget was agreed.\n");
    write_file(corpus / "empty.txt", "");
    write_file(corpus / "binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
    write_file(corpus / "broken.txt", "Caf\xc3 \xff\xfe minutes of the meeting\n");
    write_file(corpus / "fake.pdf", "not a pdf at all");
    write_file(corpus / "big.txt", std::string(5000, 'a'));
    IndexOptions options;
    options.read.max_file_bytes = 4096;
    auto writer = IndexWriter::open(dir.path() / "db", options);
    REQUIRE(writer);
    auto report = writer->add({corpus, dir.path() / "nowhere"});
    REQUIRE(report);
    std::map<std::string, FileReport> by_name;
    for (const auto& f : report->files) by_name[std::filesystem::path(f.path).filename().string()] = f;
    CHECK(by_name["good.txt"].outcome == FileOutcome::added);
    CHECK(by_name["broken.txt"].outcome == FileOutcome::added);  // repaired to U+FFFD, indexed
    CHECK(by_name["empty.txt"].outcome == FileOutcome::skipped);
    CHECK(by_name["binary.txt"].outcome == FileOutcome::skipped);
    CHECK(by_name["fake.pdf"].outcome == FileOutcome::failed);
    CHECK(by_name["big.txt"].outcome == FileOutcome::failed);
    CHECK(by_name["big.txt"].reason.find("big.txt") != std::string::npos);
    CHECK(by_name["nowhere"].outcome == FileOutcome::failed);
    CHECK_FALSE(report->all_indexed());
    Xapian::Database db((dir.path() / "db").string());
    CHECK(db.get_termfreq("budget") == 1);
    CHECK(db.get_termfreq("minutes") == 1);
}

TEST_CASE("IndexWriter: a second writer gets Locked, naming the database", "[indexer]") {
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto first = IndexWriter::open(db_path);
    REQUIRE(first);
    auto second = IndexWriter::open(db_path);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Locked);
    CHECK(second.error().message == "database " + db_path.string() + " is locked by another indexer");
    // Readers are not blocked by the writer.
    CHECK(index_stats(db_path));
}

TEST_CASE("IndexWriter: refuses a database of another schema version", "[indexer]") {
    TempDir dir;
    auto db_path = dir.path() / "db";
    {
        Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "999");
        db.commit();
    }
    auto writer = IndexWriter::open(db_path);
    REQUIRE_FALSE(writer);
    CHECK(writer.error().code == ErrorCode::Corrupt);
    CHECK(writer.error().message.find("999") != std::string::npos);
}

TEST_CASE("add_whole_document_item: unrecognised text becomes one item titled by its first heading",
          "[indexer]") {
    SourceText text;
    text.blocks.push_back({BlockKind::text, "Minutes of the meeting", 0, 1});
    text.blocks.push_back({BlockKind::heading, "Planning applications", 2, 1});
    text.blocks.push_back({BlockKind::list_item, "Two bungalows on Lynn Road.", 0, 2});
    Minutes minutes;
    REQUIRE(index::add_whole_document_item(minutes, text));
    REQUIRE(minutes.items.size() == 1);
    CHECK(minutes.items[0].title == "Planning applications");
    CHECK(minutes.items[0].passages.size() == 3);
    CHECK(minutes.items[0].passages[2].kind == PassageKind::bullet);
    CHECK(minutes.items[0].page == 1);
    Minutes empty;
    CHECK_FALSE(index::add_whole_document_item(empty, SourceText{}));
}

TEST_CASE("IndexWriter: a bulk build is compacted, and a compaction cut short by a kill is recovered", "[indexer]") {
    TempDir dir;
    auto corpus = dir.path() / "corpus";
    write_file(corpus / "a.txt", "Parish council meeting\n\nThe clerk read the correspondence about the footpath.\n");
    write_file(corpus / "b.txt", "Village hall committee\n\nRepairs to the roof were approved.\n");
    auto db_path = dir.path() / "db";
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
        auto report = writer->add({corpus});
        REQUIRE(report);
        CHECK(report->added == 2);
        // The writer still works on the compacted database.
        write_file(corpus / "c.txt", "Allotments\n\nRents will rise.\n");
        auto more = writer->add({corpus});
        REQUIRE(more);
        CHECK(more->added == 1);
    }
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.compacting"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.previous"));
    CHECK(Xapian::Database(db_path.string()).get_termfreq("XTitem") == 3);

    // Killed between the two renames: the database is at db.previous and the complete copy at db.compacting.
    std::filesystem::copy(db_path, dir.path() / "db.compacting");
    std::filesystem::rename(db_path, dir.path() / "db.previous");
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
    }
    CHECK(Xapian::Database(db_path.string()).get_termfreq("XTitem") == 3);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.previous"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.compacting"));
    // Killed during the compaction: a partial copy is thrown away, the database untouched.
    std::filesystem::create_directories(dir.path() / "db.compacting");
    write_file(dir.path() / "db.compacting" / "postlist.glass", "partial");
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
    }
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db.compacting"));
    CHECK(index_stats(db_path)->problems.empty());
}

TEST_CASE("IndexWriter: two parts of one sitting (same meeting id, different text) are both indexed", "[indexer]") {
    TempDir dir;
    auto first = panel_minutes((dir.path() / "part1.html").string());
    auto second = panel_minutes((dir.path() / "part2.html").string());
    second.items.resize(1);
    second.items[0].number = "273";
    second.items[0].title = "Work Programme";
    second.items[0].passages = {{"The Panel considered its work programme for the coming year and agreed to add "
                                 "a scrutiny of school transport, home to school travel and the costs of taxis.",
                                 PassageKind::paragraph, Role::unknown, "", {}}};
    auto writer = IndexWriter::open(dir.path() / "db");
    REQUIRE(writer);
    REQUIRE(writer->add_minutes({first, second}));
    Xapian::Database db((dir.path() / "db").string());
    CHECK(db.get_termfreq("XTmeeting") == 2);
    CHECK(db.get_termfreq("XTitem") == 3);
    CHECK(db.get_termfreq("taxis") == 1);
    CHECK(db.get_termfreq("XN273") == 1);
    CHECK(index_stats(dir.path() / "db")->problems.empty());
}

TEST_CASE("containment: renderings share their 3-grams, different texts do not", "[indexer]") {
    std::string minutes = "The Panel were advised that the Health Visiting Service was undergoing a service "
                          "reconfiguration redesign and would be delivered using a different model.";
    auto a = index::sketch_of({minutes, "It was agreed that the Panel would receive a further update."});
    auto b = index::sketch_of({"Home | News | Minutes", minutes});  // the same text with navigation around it
    auto c = index::sketch_of({"Questions were asked about the bus timetable and the price of parking permits "
                               "in the town centre car parks."});
    CHECK(index::containment(a, b) >= index::kRenderingContainment);
    CHECK(index::containment(a, c) < 0.1);
    CHECK(index::containment(a, index::TextSketch{}) == 1.0);
    auto round_trip = index::decode_sketch(index::encode_sketch(a));
    CHECK(round_trip.minima == a.minima);
    CHECK(round_trip.shingles == a.shingles);
    CHECK(index::decode_sketch("garbage").minima.empty());
}

TEST_CASE("IndexWriter: a FIFO named on the command line fails by name instead of blocking", "[indexer]") {
    TempDir dir;
    auto fifo = dir.path() / "pipe.txt";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    auto writer = IndexWriter::open(dir.path() / "db");
    REQUIRE(writer);
    auto report = writer->add({fifo});
    REQUIRE(report);
    REQUIRE(report->files.size() == 1);
    CHECK(report->files[0].outcome == FileOutcome::failed);
    CHECK(report->files[0].reason == source_path_key(fifo) + ": not a regular file");
}

TEST_CASE("index_stats: a database created by an indexer killed before its first commit is empty, not foreign",
          "[indexer]") {
    TempDir dir;
    { Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE_OR_OPEN); }
    auto stats = index_stats(dir.path() / "db");
    REQUIRE(stats);
    CHECK(stats->documents == 0);
    CHECK(stats->problems.empty());
    CHECK_FALSE(index_stats(dir.path() / "missing"));
}

TEST_CASE("IndexWriter: a rendering that prints no date is one meeting with its dated rendering, in either order",
          "[indexer]") {
    // Denver RTD, Board of Directors, 17 September 2013: minutes.txt opens "BOARD OF DIRECTORS MEETING" /
    // "September 17, 2013 at 5:30 PM"; details.md (the portal's page) has the same minutes but no date,
    // so its meeting id differed and every item was listed twice, once undated. Both introduce "Glenda
    // Rene Hagan" under "IV. Retiree Awards".
    TempDir dir;
    const auto meeting_dir = testing::project_corpus() / "denver-rtd" / "meetings" / "1217";
    const auto folder = dir.path() / "1217";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(meeting_dir / "minutes.txt", folder / "minutes.txt");
    std::filesystem::copy_file(meeting_dir / "details.md", folder / "details.md");
    const std::string dated = source_path_key((folder / "minutes.txt").string());
    const std::string undated = source_path_key((folder / "details.md").string());

    // Order 0: the folder, so details.md comes first; order 1: minutes.txt first, then details.md; order 2:
    // details.md, then minutes.txt by another indexer (which finds the undated meeting in the database).
    auto order = GENERATE(0, 1, 2);
    auto db_path = dir.path() / ("db" + std::to_string(order));
    if (order == 2) {
        auto first = IndexWriter::open(db_path);
        REQUIRE(first);
        REQUIRE(first->add({folder / "details.md"}));
    }
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    if (order == 0) {
        REQUIRE(writer->add({folder}));
    } else if (order == 1) {
        REQUIRE(writer->add({folder / "minutes.txt"}));
        REQUIRE(writer->add({folder / "details.md"}));
    } else {
        REQUIRE(writer->add({folder / "minutes.txt"}));
    }
    {
        Xapian::Database db(db_path.string());
        CHECK(db.get_termfreq("XTmeeting") == 1);
        auto meeting = decode_meeting(only_document_with(db, "XTmeeting").get_data());
        REQUIRE(meeting);
        CHECK(meeting->date == "2013-09-17");
        CHECK(meeting->sources == std::vector<std::string>{dated, undated});
        CHECK(db.get_termfreq("XF" + source_id_for(undated)) == 1);  // listed by the meeting only
        Xapian::Enquire enquire(db);
        std::vector<std::string> words{"glenda", "rene", "hagan"};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
        CHECK(enquire.get_mset(0, 10).size() == 1);
    }
    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->sources == 2);
    CHECK(stats->problems.empty());

    // Without its dated rendering, the undated one is indexed again, as a meeting of its own.
    REQUIRE(writer->remove({folder / "minutes.txt"}));
    Xapian::Database db(db_path.string());
    CHECK(db.get_termfreq("XTmeeting") == 1);
    auto meeting = decode_meeting(only_document_with(db, "XTmeeting").get_data());
    REQUIRE(meeting);
    CHECK(meeting->sources == std::vector<std::string>{undated});
    CHECK(meeting->date.empty());
    CHECK(db.get_termfreq("XF" + source_id_for(undated)) > 1);
}

TEST_CASE("IndexWriter: two renderings whose headers name the council differently are one meeting", "[indexer]") {
    // West Dereham Parish Council, 5 November 2020, as .md and .html: the recogniser reads "West Dereham
    // Parish Council" from one and "Norfolk County Council" (a county councillor's report) from the other,
    // so their meeting ids differ; same folder, same date, the same text: one meeting.
    const auto shared = testing::shared_corpus() / "stokeferry-parish";
    const std::string stem = "2021-01_weswt-dereham-parish-council-meeting-november";
    if (testing::shared_corpus_absent(shared / (stem + ".md"))) return;
    TempDir dir;
    for (const char* ext : {".md", ".html"}) std::filesystem::copy_file(shared / (stem + ext), dir.path() / (stem + ext));
    auto writer = IndexWriter::open(dir.path() / "db");
    REQUIRE(writer);
    REQUIRE(writer->add({dir.path() / (stem + ".md"), dir.path() / (stem + ".html")}));
    Xapian::Database db((dir.path() / "db").string());
    CHECK(db.get_termfreq("XTmeeting") == 1);
    auto meeting = decode_meeting(only_document_with(db, "XTmeeting").get_data());
    REQUIRE(meeting);
    CHECK(meeting->date == "2020-11-05");
    CHECK(meeting->sources.size() == 2);
}

TEST_CASE("Source records: the date is kept, and a record of version 1 reads with the date unknown", "[indexer]") {
    index::SourceRecord r;
    r.path = "/minutes/a\u00e9 b.txt";
    r.checksum = "abc";
    r.size = 10;
    r.mtime = 5;
    r.format = "text";
    r.meeting_id = "m1";
    r.items = 3;
    r.passages = 4;
    r.sketch = "12,ab";
    r.date = "2013-09-17";
    auto back = index::decode_record(index::encode_record(r));
    REQUIRE(back);
    CHECK(back->path == r.path);
    CHECK(back->sketch == "12,ab");
    CHECK(back->date == std::optional<std::string>("2013-09-17"));
    auto old = index::decode_record("1\tabc\t10\t5\ttext\tm1\t3\t4\t12,ab\t/minutes/a b.txt");
    REQUIRE(old);
    CHECK(old->path == "/minutes/a b.txt");
    CHECK(old->items == 3);
    CHECK_FALSE(old->date.has_value());
}
