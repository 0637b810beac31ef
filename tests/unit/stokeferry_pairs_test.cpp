// Every Stoke Ferry meeting is published twice, as markdown and as a whole HTML page: both must give
// the same agenda items. Reads ../shared/corpora/stokeferry-parish (skipped when absent).
#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "minutes/normalise.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

// An item as compared across formats: number and title folded (case, punctuation).
std::vector<std::string> item_keys(const Minutes& minutes) {
    std::vector<std::string> keys;
    for (const auto& item : minutes.items) keys.push_back(item.number + " | " + facet_key(item.title));
    return keys;
}

}  // namespace

TEST_CASE("stokeferry pairs: markdown and HTML give the same items", "[corpus][html][!mayfail]") {
    auto folder = testing::shared_corpus() / "stokeferry-parish";
    if (testing::shared_corpus_absent(folder)) return;
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    REQUIRE(pages.size() == 59);
    int agree = 0;
    int same_count = 0;
    std::ostringstream report;
    for (const auto& html_path : pages) {
        auto md_path = html_path;
        md_path.replace_extension(".md");
        INFO(html_path.filename().string());
        auto html = read_source(html_path);
        auto md = read_source(md_path);
        REQUIRE(html);
        REQUIRE(md);
        auto html_items = item_keys(recognise(*html));
        auto md_items = item_keys(recognise(*md));
        if (html_items.size() == md_items.size()) ++same_count;
        if (html_items == md_items) {
            ++agree;
            continue;
        }
        report << html_path.stem().string() << ": md " << md_items.size() << " items, html "
               << html_items.size();
        for (std::size_t i = 0; i < std::max(md_items.size(), html_items.size()); ++i) {
            std::string a = i < md_items.size() ? md_items[i] : "-";
            std::string b = i < html_items.size() ? html_items[i] : "-";
            if (a != b) {
                report << "; first difference at item " << i + 1 << ": md [" << a.substr(0, 60) << "] html ["
                       << b.substr(0, 60) << "]";
                break;
            }
        }
        report << "\n";
    }
    std::cout << "stokeferry pairs: " << agree << " of " << pages.size() << " agree on every item ("
              << same_count << " have the same number of items)\n"
              << report.str();
    CHECK(agree == static_cast<int>(pages.size()));
}
