// Fuzz target: the query language (QueryCompiler without a database: no synonyms, spelling or name
// widening) and the filter options (search_options_from_params, filter_terms, date expressions).
// Input: the first line is the query; each further line "name=value" is one parameter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "fuzz_check.h"
#include "minutes/query_parser.h"
#include "minutes/search.h"
#include "query_parser_xapian.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::string_view> split_lines(std::string_view bytes) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        const std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(bytes.substr(start));
            break;
        }
        lines.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string_view> lines = split_lines(bytes);
    const std::string_view query = lines.front();

    QueryCompiler compiler(nullptr);
    // The searcher refuses longer queries before parsing (config::kMaxQueryBytes); the fuzzer does too.
    if (query.size() <= config::kMaxQueryBytes) {
        Result<CompiledQuery> compiled = compiler.compile(query);
        if (compiled) {
            (void)compiled->query.get_description();
            (void)compiled->boost.get_description();
            fuzz::require(compiled->filter_fields.size() == compiled->filter_values.size(),
                          "filter_fields and filter_values differ in length");
        } else {
            fuzz::require(!compiled.error().message.empty(), "compile failed without a message");
        }
        (void)compiler.expand_synonyms(query);
        (void)compiler.spelling_suggestion(query);
    }

    std::vector<std::pair<std::string, std::string>> params;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t eq = lines[i].find('=');
        if (eq == std::string_view::npos) {
            params.emplace_back(std::string(lines[i]), "");
        } else {
            params.emplace_back(std::string(lines[i].substr(0, eq)), std::string(lines[i].substr(eq + 1)));
        }
    }
    // Every field of the language, with each parameter's value: the exact-term and date rules.
    for (const auto& [name, value] : params) {
        for (const QueryField& field : kQueryFields) {
            (void)filter_terms(field.name, value);
            (void)compiler.field_query(field.name, value);
        }
        (void)parse_date_expression(value, name);
        (void)name_key_matches(name, value);
    }
    Result<SearchOptions> options = search_options_from_params(params);
    if (options && validate_search_options(*options)) {
        const std::pair<std::string_view, const std::vector<std::string>*> filters[] = {
            {"committee", &options->committees}, {"council", &options->councils}, {"member", &options->members},
            {"role", &options->roles},           {"topic", &options->topics},     {"type", &options->types},
            {"item", &options->items},
        };
        for (const auto& [field, values] : filters) {
            if (values->empty()) continue;
            Result<Xapian::Query> filter = compiler.option_filter(field, *values);
            if (filter) (void)filter->get_description();
        }
        if (options->query.size() <= config::kMaxQueryBytes) (void)compiler.compile(options->query);
    }
    return 0;
}
