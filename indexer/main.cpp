// minutes-index: reads minutes files, recognises their structure and writes them into a Xapian database.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "minutes/minutes_json.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"

namespace {

int run_inspect(const std::vector<std::string>& files, bool compact) {
    int status = 0;
    for (const auto& file : files) {
        auto text = minutes::read_source(file);
        if (!text) {
            std::cerr << "minutes-index: " << text.error().message << '\n';
            status = 1;  // like grep: some files could not be read
            continue;
        }
        std::cout << minutes::minutes_to_json(minutes::recognise(*text), compact ? -1 : 2) << '\n';
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        CLI::App app{"minutes-index: index local-government meeting minutes (text, markdown, HTML, PDF) into a "
                     "Xapian database for minutes-query and minutes-searchd."};
        app.require_subcommand(1);

        std::vector<std::string> inspect_files;
        bool compact = false;
        auto* inspect = app.add_subcommand(
            "inspect", "Print the structure recognised in FILEs as JSON (schema minutes/1), one document per file.");
        inspect->add_option("FILE", inspect_files, "Minutes files to inspect")->required();
        inspect->add_flag("--compact", compact, "One line of JSON per file instead of indented output");

        CLI11_PARSE(app, argc, argv);
        if (inspect->parsed()) return run_inspect(inspect_files, compact);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "minutes-index: internal error: " << e.what() << '\n';
        return 3;
    }
}
