// Shipped word lists, compiled in as data: local-government abbreviations (synonyms when a query writes
// the short form in capitals, "SEND", or the long form), British/American spellings, decision words.
#include <algorithm>
#include <iterator>

#include "query_parser_xapian.h"

namespace minutes {

const std::vector<Abbreviation>& shipped_abbreviations() {
    // Folded short form -> long form. Only abbreviations common to many councils belong here (British,
    // Irish, Canadian, US and New Zealand ones), and no short form that is also a word ("CUP", "DA":
    // a long form typed out matches its short form too); a council's own ones come from its minutes
    // ("Service Improvement Plan (SIP)") via the index.
    static const std::vector<Abbreviation> kList{
        {"ada", "americans with disabilities act"},
        {"agm", "annual general meeting"},
        {"amo", "association of municipalities of ontario"},
        {"aob", "any other business"},
        {"aonb", "area of outstanding natural beauty"},
        {"asb", "anti-social behaviour"},
        {"camhs", "child and adolescent mental health services"},
        {"cao", "chief administrative officer"},
        {"ccg", "clinical commissioning group"},
        {"ceo", "chief executive officer"},
        {"ceqa", "california environmental quality act"},
        {"cfo", "chief financial officer"},
        {"cil", "community infrastructure levy"},
        {"cin", "children in need"},
        {"cip", "capital improvement program"},
        {"cqc", "care quality commission"},
        {"cse", "child sexual exploitation"},
        {"dcs", "director of children's services"},
        {"dfe", "department for education"},
        {"dsg", "dedicated schools grant"},
        {"ehcp", "education health and care plan"},
        {"fcm", "federation of canadian municipalities"},
        {"foi", "freedom of information"},
        {"gdpr", "general data protection regulation"},
        {"gm", "general manager"},
        {"hmo", "house in multiple occupation"},
        {"hoa", "homeowners association"},
        {"hra", "housing revenue account"},
        {"icb", "integrated care board"},
        {"jpc", "joint policing committee"},
        {"kpi", "key performance indicator"},
        {"lac", "looked after children"},
        {"lcdc", "local community development committee"},
        {"ldp", "local development plan"},
        {"lep", "local enterprise partnership"},
        {"lga", "local government association"},
        {"lscb", "local safeguarding children board"},
        {"ltp", "long term plan"},
        {"mash", "multi agency safeguarding hub"},
        {"mpac", "municipal property assessment corporation"},
        {"mtfp", "medium term financial plan"},
        {"mtfs", "medium term financial strategy"},
        {"nhs", "national health service"},
        {"nppf", "national planning policy framework"},
        {"opp", "ontario provincial police"},
        {"osc", "overview and scrutiny committee"},
        {"pcc", "police and crime commissioner"},
        {"pcso", "police community support officer"},
        {"ppn", "public participation network"},
        {"pud", "planned unit development"},
        {"rcmp", "royal canadian mounted police"},
        {"rfp", "request for proposals"},
        {"rma", "resource management act"},
        {"s106", "section 106"},
        {"sacre", "standing advisory council on religious education"},
        {"send", "special educational needs and disabilities"},
        {"sla", "service level agreement"},
        {"spc", "strategic policy committee"},
        {"spd", "supplementary planning document"},
        {"sssi", "site of special scientific interest"},
        {"tpo", "tree preservation order"},
        {"uasc", "unaccompanied asylum seeking children"},
    };
    return kList;
}

std::vector<std::string> spelling_variants(const std::string& word) {
    // British and American spellings of words common in minutes, both ways.
    static const std::pair<std::string_view, std::string_view> kPairs[] = {
        {"aluminium", "aluminum"},     {"analyse", "analyze"},         {"behaviour", "behavior"},
        {"catalogue", "catalog"},      {"centre", "center"},           {"centres", "centers"},
        {"colour", "color"},           {"defence", "defense"},         {"enrol", "enroll"},
        {"favour", "favor"},           {"fibre", "fiber"},             {"fulfil", "fulfill"},
        {"harbour", "harbor"},         {"honour", "honor"},            {"judgement", "judgment"},
        {"kerb", "curb"},              {"labour", "labor"},            {"licence", "license"},
        {"licences", "licenses"},      {"litre", "liter"},             {"metre", "meter"},
        {"neighbour", "neighbor"},     {"neighbours", "neighbors"},    {"neighbourhood", "neighborhood"},
        {"neighbourhoods", "neighborhoods"}, {"offence", "offense"},   {"paediatric", "pediatric"},
        {"programme", "program"},      {"programmes", "programs"},     {"theatre", "theater"},
        {"travelling", "traveling"},   {"tyre", "tire"},               {"ageing", "aging"},
        {"grey", "gray"},              {"mould", "mold"},              {"manoeuvre", "maneuver"},
        {"cheque", "check"},           {"storey", "story"},            {"sceptical", "skeptical"},
    };
    std::vector<std::string> out;
    for (const auto& [british, american] : kPairs) {
        if (word == british) out.emplace_back(american);
        if (word == american && american != "check" && american != "story" && american != "tire")
            out.emplace_back(british);  // an American word that is also an everyday British one stays
    }
    // -ise/-ize and -isation/-ization: organise, organised, organising, organisation, organisations.
    for (std::string_view ending : {"isation", "isations", "ise", "ised", "ises", "ising"}) {
        if (word.size() > ending.size() + 3 && word.compare(word.size() - ending.size(), ending.size(), ending) == 0) {
            std::string z = word;
            z[word.size() - ending.size() + 1] = 'z';
            out.push_back(z);
        }
        std::string zending(ending);
        zending[1] = 'z';
        if (word.size() > zending.size() + 3 &&
            word.compare(word.size() - zending.size(), zending.size(), zending) == 0) {
            std::string s = word;
            s[word.size() - zending.size() + 1] = 's';
            out.push_back(s);
        }
    }
    return out;
}

bool is_decision_word(const std::string& word) {
    // Words for what a meeting decides, so that items recording a decision rank above discussion.
    static const std::string_view kStems[] = {
        "adopt",  "approv",   "agre",    "agreement", "resolv", "resolut", "decid",  "decis",
        "appoint", "award",   "purchas", "procur",    "procurement", "grant", "refus", "ratifi",
        "authoris", "authoriz", "accept", "contract",  "tender", "sell",    "sale",   "acquisit",
        "acquir", "dispos",   "dispens"};
    thread_local const Xapian::Stem stem("english");  // Stem objects are not thread-safe
    std::string s = stem(word);
    return std::find(std::begin(kStems), std::end(kStems), s) != std::end(kStems);
}

}  // namespace minutes
