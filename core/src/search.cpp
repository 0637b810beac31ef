// Search options from parameters (shared by the CLI and the daemon), their validation, and citations.
#include "minutes/search.h"

#include <algorithm>
#include <array>

#include "minutes/model.h"
#include "minutes/normalise.h"
#include "minutes/schema.h"

namespace minutes {
namespace {

tl::unexpected<Error> invalid(std::string message) {
    return make_error(ErrorCode::InvalidArgument, std::move(message));
}

Result<std::size_t> parse_count(std::string_view name, std::string_view value) {
    if (value.empty() || value.size() > 9 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return invalid(std::string(name) + ": '" + std::string(value) + "' is not a whole number");
    }
    return static_cast<std::size_t>(std::stoul(std::string(value)));
}

std::string facet_names_list() {
    std::string names;
    for (const auto& f : schema::kFacets) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

}  // namespace

std::string_view sort_order_name(SortOrder sort) {
    switch (sort) {
        case SortOrder::relevance:
            return "relevance";
        case SortOrder::newest:
            return "newest";
        case SortOrder::oldest:
            return "oldest";
    }
    return "relevance";
}

std::string_view group_by_name(GroupBy by) {
    switch (by) {
        case GroupBy::item:
            return "item";
        case GroupBy::passage:
            return "passage";
        case GroupBy::meeting:
            return "meeting";
    }
    return "item";
}

Result<void> validate_search_options(const SearchOptions& o) {
    if (o.limit == 0) return invalid("limit: must be at least 1");
    if (o.limit > config::kMaxPageSize) {
        return make_error(ErrorCode::LimitExceeded, "limit: " + std::to_string(o.limit) +
                                                        " is more than the page size limit of " +
                                                        std::to_string(config::kMaxPageSize));
    }
    if (o.offset > config::kMaxResultDepth || o.offset + o.limit > config::kMaxResultDepth) {
        return make_error(ErrorCode::LimitExceeded, "offset: results beyond " +
                                                        std::to_string(config::kMaxResultDepth) +
                                                        " cannot be paged to; narrow the search instead");
    }
    if (o.snippet_chars < 40 || o.snippet_chars > config::kMaxSnippetChars) {
        return invalid("snippet: must be between 40 and " + std::to_string(config::kMaxSnippetChars) +
                       " characters");
    }
    for (const auto& f : o.facets) {
        if (!schema::find_facet(f))
            return invalid("facets: unknown facet '" + f + "' (" + facet_names_list() + ")");
    }
    if (o.query.size() > config::kMaxQueryBytes) {
        return make_error(ErrorCode::LimitExceeded, "query: " + std::to_string(o.query.size()) +
                                                        " bytes (limit " +
                                                        std::to_string(config::kMaxQueryBytes) + ")");
    }
    if (o.like_item.size() > 64) return invalid("like: not an item id");
    return {};
}

Result<SearchOptions> search_options_from_params(
    const std::vector<std::pair<std::string, std::string>>& params) {
    SearchOptions o;
    bool query_seen = false;
    for (const auto& [name, value] : params) {
        if (name == "q" || name == "query") {
            if (query_seen) return invalid("q: given twice");
            query_seen = true;
            o.query = value;
        } else if (name == "committee") {
            o.committees.push_back(value);
        } else if (name == "council") {
            o.councils.push_back(value);
        } else if (name == "member") {
            o.members.push_back(value);
        } else if (name == "role") {
            o.roles.push_back(value);
        } else if (name == "topic") {
            o.topics.push_back(value);
        } else if (name == "type") {
            o.types.push_back(value);
        } else if (name == "item") {
            o.items.push_back(value);
        } else if (name == "from") {
            o.from = value;
        } else if (name == "to") {
            o.to = value;
        } else if (name == "sort") {
            if (value == "relevance")
                o.sort = SortOrder::relevance;
            else if (value == "newest")
                o.sort = SortOrder::newest;
            else if (value == "oldest")
                o.sort = SortOrder::oldest;
            else
                return invalid("sort: '" + value + "' is not one of relevance, newest, oldest");
        } else if (name == "by") {
            if (value == "item")
                o.by = GroupBy::item;
            else if (value == "passage")
                o.by = GroupBy::passage;
            else if (value == "meeting")
                o.by = GroupBy::meeting;
            else
                return invalid("by: '" + value + "' is not one of item, passage, meeting");
        } else if (name == "limit") {
            auto n = parse_count(name, value);
            if (!n) return tl::unexpected(n.error());
            o.limit = *n;
        } else if (name == "offset") {
            auto n = parse_count(name, value);
            if (!n) return tl::unexpected(n.error());
            o.offset = *n;
        } else if (name == "snippet") {
            auto n = parse_count(name, value);
            if (!n) return tl::unexpected(n.error());
            o.snippet_chars = *n;
        } else if (name == "facets") {
            o.facets.clear();
            if (value == "all" || value == "true" || value == "1" || value == "yes") {
                for (const auto& f : schema::kFacets) o.facets.emplace_back(f.name);
            } else if (!(value.empty() || value == "none" || value == "false" || value == "0" ||
                         value == "no")) {
                std::size_t start = 0;
                while (start <= value.size()) {
                    std::size_t comma = value.find(',', start);
                    if (comma == std::string::npos) comma = value.size();
                    std::string f = value.substr(start, comma - start);
                    if (!f.empty() && std::find(o.facets.begin(), o.facets.end(), f) == o.facets.end())
                        o.facets.push_back(f);
                    start = comma + 1;
                }
            }
        } else if (name == "like") {
            o.like_item = value;
        } else {
            return invalid("unknown parameter '" + name + "'");
        }
    }
    auto valid = validate_search_options(o);
    if (!valid) return tl::unexpected(valid.error());
    return o;
}

void sort_facets(std::vector<Facet>& facets) {
    std::stable_sort(facets.begin(), facets.end(), [](const Facet& a, const Facet& b) {
        return schema::facet_index(a.name) < schema::facet_index(b.name);
    });
}

std::string long_date(std::string_view iso) {
    auto date = MeetingDate::from_iso(iso);
    if (!date) return std::string(iso);
    static constexpr std::array<const char*, 12> kMonths{"January",   "February", "March",    "April",
                                                         "May",       "June",     "July",     "August",
                                                         "September", "October",  "November", "December"};
    return std::to_string(date->day) + " " + kMonths[static_cast<std::size_t>(date->month - 1)] + " " +
           std::to_string(date->year);
}

bool committee_is_council(std::string_view council, std::string_view committee) {
    return !council.empty() && facet_key(council) == facet_key(committee);
}

std::string citation_for(const ItemRecord& item, std::optional<int> page) {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += ", ";
        out += part;
    };
    add(item.council);
    if (!committee_is_council(item.council, item.committee)) add(item.committee);
    add(long_date(item.date));
    if (!item.number.empty())
        add("minute " + item.number);
    else if (!item.title.empty())
        add("\"" + item.title + "\"");
    if (page) add("p. " + std::to_string(*page));
    return out;
}

}  // namespace minutes
