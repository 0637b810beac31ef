// Field values of the query language: dates, roles, passage types, members and names to index terms.
#include "minutes/query_parser.h"

#include <cstdio>

#include "minutes/model.h"
#include "minutes/names.h"
#include "minutes/normalise.h"
#include "minutes/schema.h"

namespace minutes {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string compact(std::string_view iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out += c;
    }
    return out;
}

tl::unexpected<Error> bad_value(std::string_view field, std::string_view value, std::string_view why) {
    return make_error(ErrorCode::InvalidArgument,
                      std::string(field) + ": '" + std::string(value) + "' " + std::string(why));
}

}  // namespace

Result<DateRange> parse_date_expression(std::string_view text, std::string_view field) {
    std::string t = trim(text);
    const char* expected = "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
    if (t.size() == 8 && all_digits(t)) t = t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2);
    if (t.size() == 4 && all_digits(t)) {
        if (t == "0000") return bad_value(field, text, expected);
        return DateRange{t + "0101", t + "1231"};
    }
    if (t.size() == 7 && t[4] == '-' && all_digits(t.substr(0, 4)) && all_digits(t.substr(5, 2))) {
        if (!MeetingDate::from_iso(t + "-01")) return bad_value(field, text, expected);
        for (const char* last : {"31", "30", "29", "28"}) {
            if (MeetingDate::from_iso(t + "-" + last)) return DateRange{compact(t) + "01", compact(t) + last};
        }
        return bad_value(field, text, expected);
    }
    if (t.size() == 10) {
        auto date = MeetingDate::from_iso(t);
        if (!date) return bad_value(field, text, expected);
        std::string day = compact(date->iso());
        return DateRange{day, day};
    }
    return bad_value(field, text, expected);
}

bool name_key_matches(std::string_view key, std::string_view wanted) {
    if (wanted.empty() || wanted.size() > key.size()) return false;
    for (std::size_t at = key.find(wanted); at != std::string_view::npos; at = key.find(wanted, at + 1)) {
        bool starts_word = at == 0 || key[at - 1] == ' ';
        std::size_t end = at + wanted.size();
        bool ends_word = end == key.size() || key[end] == ' ';
        if (starts_word && ends_word) return true;
    }
    return false;
}

Result<std::vector<std::string>> filter_terms(std::string_view field, std::string_view value) {
    std::string v = trim(value);
    if (v.empty()) return make_error(ErrorCode::InvalidArgument, std::string(field) + ": empty value");
    auto prefix = [&](std::string_view f) { return std::string(schema::prefix_of(f)); };

    if (field == "committee" || field == "council") {
        std::string key = facet_key(v);
        if (key.empty()) return bad_value(field, value, "has no words");
        return std::vector<std::string>{prefix(field) + key};
    }
    if (field == "member") {
        std::string key = member_key(v);
        if (key.empty()) return bad_value(field, value, "holds no surname");
        return std::vector<std::string>{prefix("member") + key};
    }
    if (field == "role") {
        std::string key = fold_case(v);
        for (char& c : key) {
            if (c == '-' || c == ' ') c = '_';
        }
        if (key == "chairman" || key == "chairperson" || key == "chairwoman" || key == "mayor") key = "chair";
        if (key == "vice_chairman" || key == "vicechair" || key == "deputy_chair") key = "vice_chair";
        if (key == "councillor" || key == "councillors" || key == "members") key = "member";
        if (key == "officers") key = "officer";
        auto role = parse_role(key);
        if (!role || *role == Role::unknown) {
            return bad_value(field, value,
                             "is not a role (chair, vice_chair, member, officer, guest, clerk, public)");
        }
        return std::vector<std::string>{prefix("role") + std::string(role_name(*role))};
    }
    if (field == "type") {
        std::string key = fold_case(v);
        if (key.size() > 1 && key.back() == 's') key.pop_back();  // "decisions", "votes"
        // The recogniser calls a decision a resolution ("RESOLVED that..."); users say decision.
        if (key == "decision" || key == "resolution" || key == "resolved") {
            return std::vector<std::string>{prefix("type") + "decision", prefix("type") + "resolution"};
        }
        for (std::string_view kind : {"declaration", "vote", "paragraph", "bullet"}) {
            if (key == kind) return std::vector<std::string>{prefix("type") + std::string(kind)};
        }
        return bad_value(field, value,
                         "is not a passage type (decision, declaration, vote, paragraph, bullet)");
    }
    if (field == "item") {
        std::string key = fold_case(v);
        while (!key.empty() && (key.back() == '.' || key.back() == ')')) key.pop_back();
        if (key.empty()) return bad_value(field, value, "is not an item number");
        return std::vector<std::string>{prefix("item") + key};
    }
    if (field == "language") {
        std::string key = fold_case(v);
        if (key == "en" || key == "english") return std::vector<std::string>{prefix("language") + "en"};
        if (key == "cy" || key == "welsh" || key == "cymraeg")
            return std::vector<std::string>{prefix("language") + "cy"};
        return bad_value(field, value, "is not a language (en, cy)");
    }
    if (field == "date") {
        auto range = parse_date_expression(v, field);
        if (!range) return tl::unexpected(range.error());
        if (range->first != range->last) return bad_value(field, value, "is not a single day");
        return std::vector<std::string>{prefix("date") + range->first};
    }
    return make_error(ErrorCode::InvalidArgument, "unknown field '" + std::string(field) + "'");
}

}  // namespace minutes
