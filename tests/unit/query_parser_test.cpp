// Tests of the query language: query string -> Xapian::Query description, field values, dates, names,
// synonyms, spelling and limits.
#include "minutes/query_parser.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "minutes/schema.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"
#include "unit/temp_dir.h"

using namespace minutes;

namespace {

std::string describe(QueryCompiler& compiler, const std::string& text) {
    auto compiled = compiler.compile(text);
    if (!compiled) return "error: " + compiled.error().message;
    return compiled->query.get_description();
}

}  // namespace

namespace {

// A round weight for the typed form keeps the descriptions below readable (the default may be 0).
RankingWeights readable_weights() {
    RankingWeights w;
    w.exact = 0.5;
    return w;
}

}  // namespace

TEST_CASE("QueryParser: the language without a database", "[query]") {
    QueryCompiler compiler(nullptr);
    compiler.set_ranking(readable_weights());
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        // Plain words: any of them matches (ranking prefers items with all, build_ranked); each word is
        // its stem (Z), whatever its capitals, plus the word as typed at half weight; stopwords dropped.
        {"ofsted", "Query((Zofst OR 0.5 * ofsted))"},
        {"Ofsted", "Query((Zofst OR 0.5 * ofsted))"},
        {"the budget", "Query((Zbudget OR 0.5 * budget))"},
        // A shipped British/American variant is the same word (without a database every variant is kept).
        {"children's centres",
         "Query(((Zchildren OR 0.5 * children's) OR ((Zcentr SYNONYM Zcenter) OR 0.5 * (centres SYNONYM "
         "centers))))"},
        {"neighborhood",
         "Query(((Zneighborhood SYNONYM Zneighbourhood) OR 0.5 * (neighborhood SYNONYM neighbourhood)))"},
        {"organization", "Query(((Zorgan SYNONYM Zorganis) OR 0.5 * (organization SYNONYM organisation)))"},
        // A word the indexer splits is its parts in sequence.
        {"by-law", "Query((by PHRASE 2 law))"},
        // Phrases keep every word, unstemmed, and are required.
        {"\"holding your nerve\"", "Query((holding PHRASE 3 your PHRASE 3 nerve))"},
        // Boolean operators, brackets, exclusion.
        {"ofsted OR inspection", "Query((Zofst@1 OR Zinspect@2))"},
        {"ofsted -inadequate", "Query((Zofst@1 AND_NOT Zinadequ@2))"},
        {"ofsted NOT inadequate", "Query((Zofst@1 AND_NOT Zinadequ@2))"},
        {"NOT ofsted", "Query((<alldocuments> AND_NOT Zofst@1))"},
        {"(leases OR tenancy) schools", "Query(((Zleas@1 OR Ztenanc@2) AND Zschool@3))"},
        // NEAR: within 10 words by default (Xapian's window counts the words themselves).
        {"ofsted NEAR inadequate", "Query((ofsted@1 NEAR 11 inadequate@2))"},
        {"ofsted NEAR/3 inadequate", "Query((ofsted@1 NEAR 4 inadequate@2))"},
        // Trailing wildcard, expanded at search time within the limit.
        {"child*", "Query(WILDCARD SYNONYM child)"},
        // Field filters.
        {"committee:\"Children and Families\"", "Query(0 * XCchildren and families)"},
        {"council:Worcestershire", "Query(0 * XAworcestershire)"},
        {"member:Oborski", "Query(0 * XMoborski)"},
        {"member:\"Mrs F M Oborski\"", "Query(0 * XMoborski)"},
        {"role:officer \"holding your nerve\"",
         "Query(((holding PHRASE 3 your PHRASE 3 nerve) AND 0 * XRofficer))"},
        {"role:Vice-Chairman", "Query(0 * XRvice_chair)"},
        {"role:officer role:chair", "Query(0 * (XRofficer OR XRchair))"},
        {"type:decision", "Query(0 * (XKdecision OR XKresolution))"},
        {"type:declarations", "Query(0 * XKdeclaration)"},
        {"item:271", "Query(0 * XN271)"},
        {"topic:budget", "Query(ZSbudget@1)"},
        {"language:welsh", "Query(0 * XLcy)"},
        // Dates: a day is a term; months, years and ranges are value ranges on the date slot.
        {"date:2017-03-13", "Query(0 * XD20170313)"},
        {"date:2017-03", "Query(VALUE_RANGE 0 20170301 20170331)"},
        {"date:2016-02", "Query(VALUE_RANGE 0 20160201 20160229)"},
        {"2017-01-01..2017-06-30", "Query(VALUE_RANGE 0 20170101 20170630)"},
        {"2017..2018", "Query(VALUE_RANGE 0 20170101 20181231)"},
        {"2017-03..", "Query(VALUE_GE 0 20170301)"},
        {"from:2017 to:2018-02", "Query(0 * (VALUE_GE 0 20170101 AND VALUE_LE 0 20180228))"},
        // Written with an operator, the query is Xapian's parse as written (default AND).
        {"ofsted AND inspection", "Query((Zofst@1 AND Zinspect@2))"},
        // The shipped abbreviations expand when written in capitals (the long form, a phrase, weighs as
        // one word); the plain word does not. The long form as typed finds the short one.
        {"SEND",
         "Query(((Zsend OR 0.5 * send) OR 0.2000000000000000111 * (special PHRASE 5 educational PHRASE 5 "
         "needs PHRASE 5 and PHRASE 5 disabilities)))"},
        {"send", "Query((Zsend OR 0.5 * send))"},
        // Councils outside Britain too: an Ontario township's chief administrative officer.
        {"CAO",
         "Query(((Zcao OR 0.5 * cao) OR 0.33333333333333331483 * (chief PHRASE 3 administrative PHRASE 3 "
         "officer)))"},
        {"looked after children",
         "Query((((Zlook OR 0.5 * looked) OR (Zafter OR 0.5 * after) OR (Zchildren OR 0.5 * children)) OR "
         "(Zlac OR 0.5 * lac)))"},
    }));
    CAPTURE(text);
    CHECK(describe(compiler, text) == expected);
}

TEST_CASE("QueryParser: ranking boosts of plain queries", "[query]") {
    QueryCompiler compiler(nullptr);
    compiler.set_ranking(readable_weights());
    auto compiled = compiler.compile("salt bins adoption");
    REQUIRE(compiled);
    std::string boost = compiled->boost.get_description();
    std::string positional = compiled->positional.get_description();
    CAPTURE(boost, positional);
    // Every word present counts again (coordination), neighbouring words in order and near each other.
    CHECK(boost.find("((Zsalt OR 0.5 * salt) AND (Zbin OR 0.5 * bins) AND (Zadopt OR 0.5 * adoption))") !=
          std::string::npos);
    CHECK(positional.find("(salt PHRASE 2 bins)") != std::string::npos);
    CHECK(positional.find("(salt NEAR 8 bins)") != std::string::npos);
    CHECK(positional.find("(bins PHRASE 2 adoption)") != std::string::npos);
    // All three words within three words each, in any order (span).
    CHECK(positional.find("2 * (salt NEAR 9 bins NEAR 9 adoption)") != std::string::npos);
    CHECK(boost.find("PHRASE") == std::string::npos);  // positions only in the re-ranking pass
    // "adoption" names a decision: items holding one get a fixed extra weight.
    CHECK(boost.find("FixedWeightPostingSource") != std::string::npos);
    CHECK(boost.find("XKdecision") != std::string::npos);

    // Typed stopwords between two words widen the phrase window; no decision word, no decision boost.
    auto gap = compiler.compile("transfer of buildings");
    REQUIRE(gap);
    CHECK(gap->positional.get_description().find("(transfer PHRASE 3 buildings)") != std::string::npos);
    CHECK(gap->boost.get_description().find("XKdecision") == std::string::npos);

    // With the factors off, a plain query has no boosts and requires every word.
    RankingWeights off = readable_weights();
    off.any_word = false;
    off.coordination = off.phrase = off.proximity = off.span = off.decision = 0;
    compiler.set_ranking(off);
    auto plain = compiler.compile("salt bins adoption");
    REQUIRE(plain);
    CHECK(plain->boost.empty());
    CHECK(plain->positional.empty());
    CHECK(plain->query.get_description() ==
          "Query(((Zsalt OR 0.5 * salt) AND (Zbin OR 0.5 * bins) AND (Zadopt OR 0.5 * adoption)))");
    // A query with operators is not a plain query: no boosts whatever the factors.
    compiler.set_ranking(readable_weights());
    auto written = compiler.compile("salt OR bins");
    REQUIRE(written);
    CHECK(written->boost.empty());
    CHECK(written->positional.empty());
}

TEST_CASE("QueryParser: bad values are errors naming the field", "[query]") {
    QueryCompiler compiler(nullptr);
    auto [text, code, message] = GENERATE(table<std::string, ErrorCode, std::string>({
        {"role:bogus", ErrorCode::InvalidArgument, "role: 'bogus' is not a role"},
        {"type:minutes", ErrorCode::InvalidArgument, "type: 'minutes' is not a passage type"},
        {"date:2017-02-30", ErrorCode::InvalidArgument, "date: '2017-02-30' is not a date"},
        {"from:yesterday", ErrorCode::InvalidArgument, "from: 'yesterday' is not a date"},
        {"2017-06-01..2017-01-01", ErrorCode::InvalidArgument,
         "date range: 2017-06-01..2017-01-01 ends before it starts"},
        {"member:Mr", ErrorCode::InvalidArgument, "member: 'Mr' holds no surname"},
        {"language:fr", ErrorCode::InvalidArgument, "language: 'fr' is not a language"},
        {"ofsted\x01", ErrorCode::InvalidArgument, "query: contains a control character"},
        {"bad \xff utf8", ErrorCode::InvalidArgument, "query: not valid UTF-8"},
    }));
    CAPTURE(text);
    auto r = compiler.compile(text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == code);
    CHECK(r.error().message.rfind(message, 0) == 0);
}

TEST_CASE("QueryParser: limits on length and words", "[query]") {
    QueryCompiler compiler(nullptr);
    std::string long_query(config::kMaxQueryBytes + 1, 'a');
    auto r = compiler.compile(long_query);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::LimitExceeded);

    std::string many;
    for (std::size_t i = 0; i <= config::kMaxQueryTerms; ++i) many += "w" + std::to_string(i) + " ";
    REQUIRE(many.size() <= config::kMaxQueryBytes);
    auto m = compiler.compile(many);
    REQUIRE_FALSE(m);
    CHECK(m.error().code == ErrorCode::LimitExceeded);
    CHECK(m.error().message == "query: 65 words (limit 64)");

    std::string enough;
    for (std::size_t i = 0; i < config::kMaxQueryTerms; ++i) enough += "w" + std::to_string(i) + " ";
    CHECK(compiler.compile(enough));
}

TEST_CASE("parse_date_expression: days a date expression covers", "[query]") {
    auto [text, first, last] = GENERATE(table<std::string, std::string, std::string>({
        {"2017", "20170101", "20171231"},
        {"2017-03", "20170301", "20170331"},
        {"2017-04", "20170401", "20170430"},
        {"2016-02", "20160201", "20160229"},
        {"2017-02", "20170201", "20170228"},
        {"2017-03-13", "20170313", "20170313"},
        {"20170313", "20170313", "20170313"},
        {" 2017-03-13 ", "20170313", "20170313"},
    }));
    auto r = parse_date_expression(text, "from");
    REQUIRE(r);
    CHECK(r->first == first);
    CHECK(r->last == last);
}

TEST_CASE("parse_date_expression: not dates", "[query]") {
    auto text = GENERATE(as<std::string>{}, "", "17", "2017-13", "2017-02-29", "2017-3-1", "March 2017",
                         "0000", "2017-03-13T10:00");
    auto r = parse_date_expression(text, "to");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidArgument);
    CHECK(r.error().message.rfind("to: ", 0) == 0);
}

TEST_CASE("name_key_matches: the words in order, as whole words", "[query]") {
    auto [key, wanted, matches] = GENERATE(table<std::string, std::string, bool>({
        {"children and families overview and scrutiny panel", "children and families", true},
        {"children and families overview and scrutiny panel", "scrutiny panel", true},
        {"children and families overview and scrutiny panel",
         "children and families overview and scrutiny panel", true},
        {"children and families overview and scrutiny panel", "families and children", false},
        {"children and families overview and scrutiny panel", "child", false},
        {"children and families overview and scrutiny panel", "", false},
        {"cabinet", "cabinet", true},
        {"shadow cabinet", "cabinet", true},
        {"cabinets", "cabinet", false},
    }));
    CHECK(name_key_matches(key, wanted) == matches);
}

TEST_CASE("filter_terms: one key for every way a member is written", "[query]") {
    for (const char* name :
         {"Oborski", "F M Oborski", "Mrs Oborski", "Councillor Oborski", "mrs f m oborski"}) {
        auto terms = filter_terms("member", name);
        REQUIRE(terms);
        CHECK(*terms == std::vector<std::string>{"XMoborski"});
    }
    CHECK(*filter_terms("committee", "Children & Families") ==
          std::vector<std::string>{"XCchildren and families"});
    CHECK(*filter_terms("item", "271.") == std::vector<std::string>{"XN271"});
    CHECK(*filter_terms("item", "70/17") == std::vector<std::string>{"XN70/17"});
    CHECK_FALSE(filter_terms("committee", "  "));
    CHECK_FALSE(filter_terms("nonsense", "x"));
}

namespace {

// A database with the names and synonyms the parser consults, written directly in the index layout.
void write_names_db(const std::string& path) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document doc;
    doc.add_boolean_term("XTitem");
    doc.add_boolean_term("XCchildren and families overview and scrutiny panel");
    doc.add_boolean_term("XCadult care and well being overview and scrutiny panel");
    doc.add_boolean_term("XCcabinet");
    doc.add_boolean_term("XAworcestershire county council");
    doc.add_term("safeguarding");
    db.add_document(doc);
    db.add_synonym("sip", "service improvement plan");
    db.add_synonym("service improvement plan", "sip");
    db.add_spelling("safeguarding", 5);
    db.add_spelling("children", 5);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
    db.commit();
}

}  // namespace

TEST_CASE("QueryParser: names widen to every committee holding the words; synonyms become phrases",
          "[query]") {
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    write_names_db(path);
    Xapian::Database db(path);
    QueryCompiler compiler(&db);
    compiler.set_ranking(readable_weights());
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"committee:\"Children and Families\"",
         "Query(0 * XCchildren and families overview and scrutiny panel)"},
        {"committee:\"scrutiny panel\"",
         "Query(0 * (XCadult care and well being overview and scrutiny panel OR XCchildren and families "
         "overview "
         "and scrutiny panel))"},
        {"committee:Cabinet", "Query(0 * XCcabinet)"},
        // No committee holds these words: the exact key, which matches nothing.
        {"committee:Planning", "Query(0 * XCplanning)"},
        {"council:worcestershire", "Query(0 * XAworcestershire county council)"},
        // The minutes' own acronym, both ways; a multi-word synonym is a phrase.
        {"sip",
         "Query(((Zsip OR 0.5 * sip) OR 0.33333333333333331483 * (service PHRASE 3 improvement PHRASE 3 "
         "plan)))"},
        {"SIP reviews",
         "Query((((Zsip OR 0.5 * sip) OR 0.33333333333333331483 * (service PHRASE 3 improvement PHRASE 3 "
         "plan)) OR (Zreview OR 0.5 * reviews)))"},
        {"service improvement plan",
         "Query((((Zservic OR 0.5 * service) OR (Zimprov OR 0.5 * improvement) OR (Zplan OR 0.5 * plan)) OR "
         "(Zsip OR 0.5 * sip)))"},
        {"\"service improvement plan\"",
         "Query(((service PHRASE 3 improvement PHRASE 3 plan) OR (Zsip OR 0.5 * sip)))"},
        // Beside NEAR a word is left alone: NEAR needs plain words on both sides.
        {"sip NEAR ofsted", "Query((sip@1 NEAR 11 ofsted@2))"},
    }));
    CAPTURE(text);
    CHECK(describe(compiler, text) == expected);
}

TEST_CASE("QueryParser: spelling suggestions from the index's vocabulary", "[query]") {
    testing::TempDir dir;
    std::string path = (dir.path() / "db").string();
    write_names_db(path);
    Xapian::Database db(path);
    QueryCompiler compiler(&db);
    CHECK(compiler.spelling_suggestion("safegaurding") == "safeguarding");
    CHECK(compiler.spelling_suggestion("safegaurding board") == "safeguarding board");
    CHECK(compiler.spelling_suggestion("safeguarding") == "");  // a known word is not corrected
    CHECK(compiler.spelling_suggestion("\"childern safegaurding\"") == "\"children safeguarding\"");
    CHECK(compiler.spelling_suggestion("committee:safegaurding") == "");  // filters are not words
    QueryCompiler without(nullptr);
    CHECK(without.spelling_suggestion("safegaurding") == "");
}

TEST_CASE("search_options_from_params: the CLI's options and the daemon's parameters", "[query]") {
    auto o = search_options_from_params({{"q", "children's centres"},
                                         {"committee", "Children and Families"},
                                         {"committee", "Cabinet"},
                                         {"role", "officer"},
                                         {"from", "2017-01-01"},
                                         {"sort", "newest"},
                                         {"by", "meeting"},
                                         {"limit", "25"},
                                         {"offset", "50"},
                                         {"facets", "committee,year"}});
    REQUIRE(o);
    CHECK(o->query == "children's centres");
    CHECK(o->committees == std::vector<std::string>{"Children and Families", "Cabinet"});
    CHECK(o->roles == std::vector<std::string>{"officer"});
    CHECK(o->from == "2017-01-01");
    CHECK(o->sort == SortOrder::newest);
    CHECK(o->by == GroupBy::meeting);
    CHECK(o->limit == 25);
    CHECK(o->offset == 50);
    CHECK(o->facets == std::vector<std::string>{"committee", "year"});

    auto all = search_options_from_params({{"facets", "all"}});
    REQUIRE(all);
    CHECK(all->facets.size() == schema::kFacets.size());

    auto [name, value, code, message] = GENERATE(table<std::string, std::string, ErrorCode, std::string>({
        {"limit", "abc", ErrorCode::InvalidArgument, "limit: 'abc' is not a whole number"},
        {"limit", "0", ErrorCode::InvalidArgument, "limit: must be at least 1"},
        {"limit", "101", ErrorCode::LimitExceeded, "limit: 101 is more than the page size limit of 100"},
        {"offset", "990", ErrorCode::LimitExceeded,
         "offset: results beyond 1000 cannot be paged to; narrow the search instead"},
        {"offset", "99999999999", ErrorCode::InvalidArgument, "offset: '99999999999' is not a whole number"},
        {"sort", "best", ErrorCode::InvalidArgument, "sort: 'best' is not one of relevance, newest, oldest"},
        {"by", "page", ErrorCode::InvalidArgument, "by: 'page' is not one of item, passage, meeting"},
        {"facets", "committee,colour", ErrorCode::InvalidArgument,
         "facets: unknown facet 'colour' (committee, council, year, member, role, type, topic, language)"},
        {"colour", "red", ErrorCode::InvalidArgument, "unknown parameter 'colour'"},
    }));
    CAPTURE(name, value);
    auto bad = search_options_from_params({{name, value}, {"limit", name == "limit" ? value : "20"}});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == code);
    CHECK(bad.error().message == message);
}

TEST_CASE("QueryParser: hostile queries give a query or a clear error, never a crash", "[query]") {
    QueryCompiler compiler(nullptr);
    std::string nested = std::string(500, '(') + "x" + std::string(500, ')');
    std::string open_only = std::string(1000, '(') + "x";
    std::string operators;
    while (operators.size() < 1000) operators += "AND OR NOT NEAR ";
    std::string quotes(1000, '"');
    std::string colons;
    while (colons.size() < 1000) colons += "committee:";
    for (const std::string& text :
         {nested, open_only, operators, quotes, colons, std::string("\"unbalanced phrase"), std::string("-"),
          std::string("*"), std::string("x..y..z"), std::string(":"), std::string("member:"),
          std::string("committee:\"\""), std::string("   ")}) {
        CAPTURE(text.substr(0, 40));
        auto r = compiler.compile(text);
        if (!r) {
            CHECK(
                (r.error().code == ErrorCode::InvalidArgument || r.error().code == ErrorCode::LimitExceeded));
            CHECK_FALSE(r.error().message.empty());
        }
    }
}
