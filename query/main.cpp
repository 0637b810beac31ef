// minutes-query: searches minutes from the terminal, over local databases or a minutes-searchd server.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "minutes/error.h"
#include "minutes/http_client.h"
#include "minutes/query_parser.h"
#include "minutes/search.h"
#include "minutes/search_format.h"

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// Options as the user gave them, passed on as name/value pairs so that the CLI and the daemon fill
// SearchOptions through the one function (search_options_from_params) and validate alike.
struct CommandLine {
    std::vector<std::string> databases;
    std::string server;
    std::vector<std::string> query_words;
    std::vector<std::pair<std::string, std::vector<std::string>>> filters{
        {"committee", {}}, {"council", {}}, {"member", {}}, {"role", {}},
        {"topic", {}},     {"type", {}},    {"item", {}}};
    std::string from, to, sort, by, limit, offset, like, snippet, facet_list;
    bool facets = false;
    std::string format = "table";
    std::string color = "auto";
};

Params params_of(const CommandLine& c) {
    Params params;
    std::string query;
    for (const auto& w : c.query_words) query += (query.empty() ? "" : " ") + w;
    if (!query.empty()) params.emplace_back("q", query);
    for (const auto& [name, values] : c.filters) {
        for (const auto& v : values) params.emplace_back(name, v);
    }
    const std::pair<const char*, const std::string*> singles[] = {
        {"from", &c.from},   {"to", &c.to},         {"sort", &c.sort}, {"by", &c.by},
        {"limit", &c.limit}, {"offset", &c.offset}, {"like", &c.like}, {"snippet", &c.snippet}};
    for (const auto& [name, value] : singles) {
        if (!value->empty()) params.emplace_back(name, *value);
    }
    if (!c.facet_list.empty())
        params.emplace_back("facets", c.facet_list);
    else if (c.facets)
        params.emplace_back("facets", "all");
    return params;
}

std::size_t terminal_width() {
    if (const char* columns = std::getenv("COLUMNS")) {
        int n = std::atoi(columns);
        if (n >= 40 && n <= 1000) return static_cast<std::size_t>(n);
    }
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    return 100;
}

int fail(const minutes::Error& error) {
    std::cerr << "minutes-query: " << error.message << '\n';
    return minutes::exit_code_for(error);
}

// The daemon answers errors as {"error":{"code","message"}}: the same exit codes as a local error.
minutes::Error server_error(const minutes::HttpClientResponse& response) {
    if (auto error = minutes::error_from_json(response.body)) return *error;
    return {minutes::ErrorCode::Unavailable, "server answered HTTP " + std::to_string(response.status)};
}

int run(const CommandLine& c) {
    Params params = params_of(c);
    minutes::Result<minutes::SearchResponse> response =
        minutes::make_error(minutes::ErrorCode::InvalidArgument, "");
    if (!c.server.empty()) {
        // Validate here first: a bad option is the same one-line error with or without a server.
        auto checked = minutes::search_options_from_params(params);
        if (!checked) return fail(checked.error());
        auto answer = minutes::http_get(minutes::url_with_query(c.server, "/search", params));
        if (!answer) return fail(answer.error());
        if (answer->status != 200) return fail(server_error(*answer));
        response = minutes::search_response_from_json(answer->body);
    } else {
        auto options = minutes::search_options_from_params(params);
        if (!options) return fail(options.error());
        auto searcher = minutes::Searcher::open(c.databases);
        if (!searcher) return fail(searcher.error());
        response = searcher->search(*options);
    }
    if (!response) return fail(response.error());

    if (c.format == "json")
        std::cout << minutes::search_response_json(*response, 2) << '\n';
    else if (c.format == "csv")
        std::cout << minutes::search_response_csv(*response);
    else if (!response->hits.empty()) {
        minutes::TableStyle style;
        style.width = terminal_width();
        style.color = c.color == "always" ||
                      (c.color == "auto" && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
        std::cout << minutes::search_response_table(*response, style);
    }
    if (response->hits.empty()) {
        std::cerr << "minutes-query: " << minutes::no_results_message(*response);
        if (response->total_estimate > 0)
            std::cerr << " (on this page; " << response->total_estimate << " in all)";
        std::cerr << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        CommandLine c;
        const minutes::SearchOptions defaults;
        CLI::App app{
            "Search local-government minutes. QUERY uses the query language described in the README "
            "(\"Searching\"): words, \"phrases\", AND/OR/NOT/-word, NEAR, child*, field:value filters, "
            "YYYY-MM-DD..YYYY-MM-DD.\nExit status: 0 results, 1 no results, 2 bad query or option, 3 other "
            "errors.",
            "minutes-query"};
        auto* db = app.add_option("--db", c.databases,
                                  "database directory, or tcp://HOST:PORT for a xapian-tcpsrv "
                                  "shard; repeat to search several as one")
                       ->allow_extra_args(false);
        auto* server = app.add_option("--server", c.server,
                                      "URL of a minutes-searchd (http://HOST:PORT) instead of --db");
        db->excludes(server);
        server->excludes(db);
        app.add_option("query", c.query_words, "the query (several words are joined with spaces)");
        for (auto& [name, values] : c.filters) {
            std::string help;
            for (const auto& f : minutes::kQueryFields) {
                if (f.name == name) help = std::string(f.help) + "; repeat for alternatives";
            }
            app.add_option("--" + name, values, help)->allow_extra_args(false);
        }
        app.add_option("--from", c.from, "meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
        app.add_option("--to", c.to, "meetings on or before this date");
        app.add_option("--sort", c.sort, "relevance, newest or oldest")
            ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
            ->default_str(std::string(minutes::sort_order_name(defaults.sort)));
        app.add_option("--by", c.by, "one hit per item, per matching passage, or per meeting")
            ->check(CLI::IsMember({"item", "passage", "meeting"}))
            ->default_str(std::string(minutes::group_by_name(defaults.by)));
        app.add_option("--limit", c.limit,
                       "hits per page (at most " + std::to_string(minutes::config::kMaxPageSize) + ")")
            ->default_str(std::to_string(defaults.limit));
        app.add_option("--offset", c.offset,
                       "hits to skip (offset + limit at most " +
                           std::to_string(minutes::config::kMaxResultDepth) + ")")
            ->default_str(std::to_string(defaults.offset));
        app.add_flag("--facets", c.facets,
                     "count hits per committee, council, year, member, role, type, topic, language");
        app.add_option("--facet-list", c.facet_list, "facets to count, comma-separated (committee,year,...)");
        app.add_option("--like", c.like, "items discussing the same matter as this item id (more like this)");
        app.add_option("--snippet", c.snippet, "snippet length in characters")
            ->default_str(std::to_string(defaults.snippet_chars));
        app.add_option("--format", c.format, "table, json or csv")
            ->check(CLI::IsMember({"table", "json", "csv"}))
            ->capture_default_str();
        app.add_option("--color", c.color, "highlight with ANSI bold: auto, always, never")
            ->check(CLI::IsMember({"auto", "always", "never"}))
            ->capture_default_str();
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp&) {
            std::cout << app.help();
            return 0;
        } catch (const CLI::ParseError& e) {
            std::cerr << "minutes-query: " << e.what() << " (see --help)\n";
            return 2;
        }
        if (c.databases.empty() && c.server.empty()) {
            std::cerr << "minutes-query: give --db DIR (or --server URL) (see --help)\n";
            return 2;
        }
        return run(c);
    } catch (const std::exception& e) {
        std::cerr << "minutes-query: internal error: " << e.what() << '\n';
        return 3;
    }
}
