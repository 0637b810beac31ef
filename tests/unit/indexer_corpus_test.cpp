// Tests of the indexer on real minutes (corpora/): expected terms and values read from the documents,
// page furniture absent, re-index idempotent, two renderings of one meeting collapsed.
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "minutes/indexer.h"
#include "minutes/item_record.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "minutes/schema.h"
#include "temp_dir.h"

using namespace minutes;
using minutes::testing::TempDir;
using minutes::testing::project_corpus;

namespace {

const std::filesystem::path kWorcestershire = project_corpus() / "worcestershire" / "children-families-panel-minutes.md";

// These expectations need the recogniser (issue 3). Until it lands, recognise() says so in a warning and
// recovers nothing; the tests then say they are waiting rather than pass.
bool recogniser_ready() {
    auto text = read_source(kWorcestershire);
    if (!text) return false;
    for (const auto& w : recognise(*text).warnings) {
        if (w.find("recogniser not built yet") != std::string::npos) return false;
    }
    return true;
}

std::size_t matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    return enquire.get_mset(0, db.get_doccount() + 1).size();
}

Xapian::Query phrase(std::vector<std::string> words) {
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
}

}  // namespace

TEST_CASE("Indexer on Worcestershire: expected terms and values, no page furniture", "[indexer][corpus]") {
    if (!recogniser_ready()) {
        WARN("recogniser not built yet: Worcestershire index expectations wait for it");
        return;
    }
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    auto report = writer->add({kWorcestershire});
    REQUIRE(report);
    CHECK(report->added == 1);
    CHECK(report->whole_document_items == 0);

    Xapian::Database db(db_path.string());
    // Minutes 267 to 272, as printed in the left margin of the document, each one item.
    for (const char* number : {"267", "268", "269", "270", "271", "272"}) {
        INFO("item " << number);
        CHECK(db.get_termfreq(std::string("XN") + number) == 1);
    }
    CHECK(db.get_termfreq("XTmeeting") == 1);
    CHECK(db.get_termfreq("XTitem") == 6);
    const auto items = db.get_termfreq("XTitem");
    CHECK(db.get_termfreq("XAworcestershire county council") == items + 1);
    CHECK(db.get_termfreq("XCchildren and families overview and scrutiny panel") == items + 1);
    CHECK(db.get_termfreq("XD20170313") == items + 1);
    // Present: Ms L R Duffy (Chairman), Mrs F M Oborski (Vice Chairman), Mr R W Banks...
    CHECK(db.get_termfreq("XMduffy") >= 1);
    CHECK(db.get_termfreq("XMoborski") >= 1);
    CHECK(db.get_termfreq("XMbanks") >= 1);
    // Minute 268 holds the declarations of interest.
    auto declarations = db.postlist_begin("XN268");
    REQUIRE(declarations != db.postlist_end("XN268"));
    Xapian::Document item268 = db.get_document(*declarations);
    CHECK(item268.get_value(schema::kSlotItem) == "268");
    CHECK(item268.get_value(schema::kSlotDate) == "20170313");
    CHECK(item268.get_value(schema::kSlotYear) == "2017");
    CHECK(item268.get_value(schema::kSlotCouncil) == "Worcestershire County Council");
    CHECK(matches(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("XKdeclaration"), Xapian::Query("XN268"))) == 1);
    // Minute 271's title runs over six margin lines; all of it is title text.
    CHECK(matches(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Soptimising"), Xapian::Query("Sbuildings"))) == 1);
    // Page furniture is not text of any item.
    CHECK(matches(db, phrase({"date", "of", "issue"})) == 0);
    CHECK(matches(db, phrase({"30", "march", "2017"})) == 0);
    // "Service Improvement Plan (SIP)" is defined in minute 272.
    std::vector<std::string> sip(db.synonyms_begin("sip"), db.synonyms_end("sip"));
    CHECK(sip == std::vector<std::string>{"service improvement plan"});
    CHECK(matches(db, phrase({"children's", "centre", "buildings"})) >= 1);

    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->problems.empty());
}

TEST_CASE("Indexer on Worcestershire: re-indexing is idempotent", "[indexer][corpus]") {
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto snapshot = [&] {
        Xapian::Database db(db_path.string());
        std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> terms;
        for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) terms[*t] = {t.get_termfreq(), db.get_collection_freq(*t)};
        return std::make_tuple(db.get_doccount(), db.get_total_length(), terms);
    };
    decltype(snapshot()) before;
    {
        auto writer = IndexWriter::open(db_path);
        REQUIRE(writer);
        auto first = writer->add({kWorcestershire});
        REQUIRE(first);
        REQUIRE(first->added == 1);
        before = snapshot();
        auto again = writer->add({kWorcestershire});
        REQUIRE(again);
        CHECK(again->unchanged == 1);
        CHECK(snapshot() == before);
    }
    IndexOptions options;
    options.force = true;
    auto writer = IndexWriter::open(db_path, options);
    REQUIRE(writer);
    auto forced = writer->add({kWorcestershire});
    REQUIRE(forced);
    CHECK(forced->replaced == 1);
    CHECK(snapshot() == before);
}

// Hidden until the recogniser gives both renderings of a meeting the same council, committee and date
// (the meeting id): run it with `test_indexer "[renderings]"`. The collapse itself is tested on minutes
// built in code in indexer_test.cpp.
TEST_CASE("Indexer on Stoke Ferry and Denver: two renderings of one meeting are one meeting",
          "[.][indexer][corpus][renderings]") {
    if (!recogniser_ready()) {
        WARN("recogniser not built yet: rendering collapse on real files waits for it (tested on minutes built in code)");
        return;
    }
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    auto stokeferry = project_corpus() / "stokeferry-parish";
    auto denver = project_corpus() / "denver-rtd" / "meetings" / "1217";
    auto report = writer->add({stokeferry, denver / "minutes.txt", denver / "details.md"});
    REQUIRE(report);
    CHECK(report->failed == 0);
    // stokeferry-parish in corpora/ holds four md/html pairs of one meeting each, one md alone and one
    // html alone (see its file names): six meetings. Denver 1217 is one meeting in two files.
    Xapian::Database db(db_path.string());
    CHECK(db.get_termfreq("XTmeeting") == 7);
    // For each pair, only one file's items are indexed.
    for (const char* base : {"2001-02_minutes-of-the-stoke-ferry-parish-council-meeting",
                             "2002-12_stoke-ferry-parish-council-6", "2003-02_stoke-ferry-parish-council-8",
                             "2012-05_minutes-of-stoke-ferry-2012-parish-annual-council-meeting"}) {
        INFO(base);
        auto md = source_id_for(source_path_key(stokeferry / (std::string(base) + ".md")));
        auto html = source_id_for(source_path_key(stokeferry / (std::string(base) + ".html")));
        auto in_both = matches(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XF" + md), Xapian::Query("XF" + html)));
        CHECK(in_both == 1);  // the meeting document lists both renderings
        auto md_items = matches(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("XF" + md), Xapian::Query("XTitem")));
        auto html_items = matches(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("XF" + html), Xapian::Query("XTitem")));
        CHECK((md_items == 0) != (html_items == 0));
    }
    auto txt = source_id_for(source_path_key(denver / "minutes.txt"));
    auto md = source_id_for(source_path_key(denver / "details.md"));
    CHECK(matches(db, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XF" + txt), Xapian::Query("XF" + md))) == 1);
    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->problems.empty());
}

TEST_CASE("Indexer on Nipissing: a special and a regular meeting of one council on one day are two meetings",
          "[indexer][corpus]") {
    // Read in the documents: "A special meeting of the Township of Nipissing Council was held on Tuesday,
    // April 16, 2024 starting at 6:00 p.m." (closed session on a compensation review, adjourned 6:35 p.m.)
    // and "A regular meeting ... starting at 6:37 p.m." (resolutions R2024-089 to R2024-097). They share
    // heading, attendance and closing formulae, but are different meetings with different business.
    TempDir dir;
    auto db_path = dir.path() / "db";
    auto writer = IndexWriter::open(db_path);
    REQUIRE(writer);
    auto folder = project_corpus() / "nipissing-township";
    auto special = folder / "Minutes-April-16-2024-Special.pdf";
    auto regular = folder / "Minutes-April-16-2024.pdf";
    auto report = writer->add({special, regular});
    REQUIRE(report);
    CHECK(report->failed == 0);
    Xapian::Database db(db_path.string());
    CHECK(db.get_termfreq("XTmeeting") == 2);
    for (const auto& file : {special, regular}) {
        INFO(file.filename().string());
        auto source = Xapian::Query("XF" + source_id_for(source_path_key(file)));
        // Each file's own business is indexed as items of its own meeting.
        CHECK(matches(db, Xapian::Query(Xapian::Query::OP_FILTER, source, Xapian::Query("XTitem"))) >= 1);
        CHECK(matches(db, Xapian::Query(Xapian::Query::OP_FILTER, source, Xapian::Query("XTmeeting"))) == 1);
    }
    // The closed-session resolution is found in the special meeting, the 2024 Capital Forecast in the regular one.
    auto in = [&](const std::filesystem::path& file, const Xapian::Query& words) {
        return matches(db, Xapian::Query(Xapian::Query::OP_FILTER, words,
                                         Xapian::Query("XF" + source_id_for(source_path_key(file)))));
    };
    CHECK(in(special, phrase({"compensation", "review"})) == 1);
    CHECK(in(regular, phrase({"capital", "forecast"})) >= 1);
    auto stats = index_stats(db_path);
    REQUIRE(stats);
    CHECK(stats->meetings == 2);
    CHECK(stats->problems.empty());
}
