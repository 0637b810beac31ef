// The shipped list of local-government abbreviations, compiled in as data: used as synonyms when a
// query writes the short form in capitals ("SEND", "EHCP"), beside the acronyms each minutes defines.
#include "query_parser_xapian.h"

namespace minutes {

const std::vector<Abbreviation>& shipped_abbreviations() {
    // Folded short form -> long form. Only abbreviations common to many councils belong here; a
    // council's own ones come from its minutes ("Service Improvement Plan (SIP)") via the index.
    static const std::vector<Abbreviation> kList{
        {"aonb", "area of outstanding natural beauty"},
        {"asb", "anti-social behaviour"},
        {"camhs", "child and adolescent mental health services"},
        {"ccg", "clinical commissioning group"},
        {"cil", "community infrastructure levy"},
        {"cin", "children in need"},
        {"cqc", "care quality commission"},
        {"cse", "child sexual exploitation"},
        {"dcs", "director of children's services"},
        {"dfe", "department for education"},
        {"dsg", "dedicated schools grant"},
        {"ehcp", "education health and care plan"},
        {"foi", "freedom of information"},
        {"gdpr", "general data protection regulation"},
        {"hmo", "house in multiple occupation"},
        {"hra", "housing revenue account"},
        {"icb", "integrated care board"},
        {"kpi", "key performance indicator"},
        {"lac", "looked after children"},
        {"ldp", "local development plan"},
        {"lep", "local enterprise partnership"},
        {"lga", "local government association"},
        {"lscb", "local safeguarding children board"},
        {"mash", "multi agency safeguarding hub"},
        {"mtfp", "medium term financial plan"},
        {"mtfs", "medium term financial strategy"},
        {"nhs", "national health service"},
        {"nppf", "national planning policy framework"},
        {"pcc", "police and crime commissioner"},
        {"sacre", "standing advisory council on religious education"},
        {"send", "special educational needs and disabilities"},
        {"sla", "service level agreement"},
        {"spd", "supplementary planning document"},
        {"sssi", "site of special scientific interest"},
        {"tpo", "tree preservation order"},
        {"uasc", "unaccompanied asylum seeking children"},
    };
    return kList;
}

}  // namespace minutes
