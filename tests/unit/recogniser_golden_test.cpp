// Golden tests of the recogniser on documents of the sample corpus (corpora/), one JSON file per
// document in tests/golden/recogniser/, each written by reading the document (see its "read" note).
// A golden file lists only what was checked by hand; every field it lists must match exactly.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "temp_dir.h"

using namespace minutes;
using nlohmann::json;

namespace {

std::filesystem::path golden_dir() { return std::filesystem::path(MINUTES_SOURCE_DIR) / "tests" / "golden" / "recogniser"; }

std::string or_empty(const json& value) { return value.is_null() ? std::string() : value.get<std::string>(); }

void check_attendee(const Minutes& m, const json& want) {
    std::string name = want.at("name");
    INFO("attendee " << name);
    const Attendee* found = nullptr;
    for (const auto& a : m.attendees) {
        if (a.name == name) found = &a;
    }
    REQUIRE(found != nullptr);
    if (want.contains("honorific")) CHECK(found->honorific == or_empty(want["honorific"]));
    if (want.contains("role")) CHECK(role_name(found->role) == or_empty(want["role"]));
    if (want.contains("position")) CHECK(found->position == or_empty(want["position"]));
    if (want.contains("attendance")) CHECK(attendance_name(found->attendance) == or_empty(want["attendance"]));
}

void check_passage(const Minutes& m, const json& want) {
    std::string number = want.at("item");
    std::string start = want.at("starts");
    INFO("item " << number << ", passage starting '" << start << "'");
    const Passage* found = nullptr;
    for (const auto& item : m.items) {
        if (item.number != number && !(number.empty() && item.number.empty())) continue;
        for (const auto& p : item.passages) {
            if (p.text.rfind(start, 0) == 0 && found == nullptr) found = &p;
        }
    }
    REQUIRE(found != nullptr);
    if (want.contains("kind")) CHECK(passage_kind_name(found->kind) == want["kind"].get<std::string>());
    if (want.contains("speaker_role")) CHECK(role_name(found->speaker_role) == or_empty(want["speaker_role"]));
    if (want.contains("speaker")) CHECK(found->speaker == or_empty(want["speaker"]));
    if (want.contains("page")) CHECK(found->page == (want["page"].is_null() ? std::optional<int>() : want["page"].get<int>()));
}

}  // namespace

TEST_CASE("Recogniser: golden documents of the sample corpus", "[recogniser][golden]") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 15);
    for (const auto& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            std::ifstream in(file);
            json golden = json::parse(in);
            auto path = testing::project_corpus() / golden.at("document").get<std::string>();
            auto text = read_source(path);
            REQUIRE(text);
            Minutes m = recognise(*text);
            const json& want = golden.at("expect");
            for (const char* field : {"council", "committee", "date", "start_time", "end_time", "venue", "language"}) {
                if (!want.contains(field)) continue;
                std::string got = std::string(field) == "council"      ? m.council
                                  : std::string(field) == "committee"  ? m.committee
                                  : std::string(field) == "date"       ? m.date.iso()
                                  : std::string(field) == "start_time" ? m.start_time
                                  : std::string(field) == "end_time"   ? m.end_time
                                  : std::string(field) == "venue"      ? m.venue
                                                                       : std::string(language_name(m.language));
                INFO(field);
                CHECK(got == or_empty(want[field]));
            }
            if (golden.contains("attendees"))
                for (const auto& a : golden["attendees"]) check_attendee(m, a);
            if (golden.contains("attendee_count")) CHECK(m.attendees.size() == golden["attendee_count"].get<std::size_t>());
            if (golden.contains("items")) {
                // The items listed, in this order, from the first item on.
                const auto& items = golden["items"];
                REQUIRE(m.items.size() >= items.size());
                for (std::size_t k = 0; k < items.size(); ++k) {
                    INFO("item " << k);
                    CHECK(m.items[k].number == or_empty(items[k].at("number")));
                    CHECK(m.items[k].title == items[k].at("title").get<std::string>());
                    if (items[k].contains("page")) CHECK(m.items[k].page == items[k]["page"].get<int>());
                }
            }
            if (golden.contains("item_count")) CHECK(m.items.size() == golden["item_count"].get<std::size_t>());
            if (golden.contains("passages"))
                for (const auto& p : golden["passages"]) check_passage(m, p);
            if (golden.contains("acronyms")) {
                for (const auto& a : golden["acronyms"]) {
                    bool found = std::any_of(m.acronyms.begin(), m.acronyms.end(), [&](const Acronym& x) {
                        return x.short_form == a.at("short").get<std::string>() && x.long_form == a.at("long").get<std::string>();
                    });
                    INFO("acronym " << a.dump());
                    CHECK(found);
                }
            }
            if (golden.contains("warnings_contain")) {
                for (const auto& w : golden["warnings_contain"]) {
                    bool found = std::any_of(m.warnings.begin(), m.warnings.end(),
                                             [&](const std::string& x) { return x.find(w.get<std::string>()) != std::string::npos; });
                    INFO("warning containing " << w);
                    CHECK(found);
                }
            }
        }
    }
}
