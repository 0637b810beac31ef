// The recogniser and the path to it on bad input: empty, binary, not minutes, invalid UTF-8, huge.
// Each gets an error or a warning that names the file, never a crash or a hang.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "minutes/minutes_json.h"
#include "minutes/normalise.h"
#include "minutes/reader.h"
#include "minutes/recogniser.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

std::filesystem::path write_file(const testing::TempDir& dir, const std::string& name, const std::string& bytes) {
    auto path = dir.path() / name;
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
}

bool any_warning_names(const Minutes& m, const std::string& what) {
    for (const auto& w : m.warnings) {
        if (w.find(what) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Recogniser: empty file is an error naming it", "[recogniser][bad-input]") {
    testing::TempDir dir;
    auto path = write_file(dir, "empty.txt", "");
    auto text = read_source(path);
    REQUIRE_FALSE(text);
    CHECK(text.error().message.find(path.string()) != std::string::npos);
}

TEST_CASE("Recogniser: blank text gives a warning naming the source", "[recogniser][bad-input]") {
    Minutes m = recognise(read_plain_text("   \n\n\t\n", Format::text, "blank.txt"));
    CHECK(m.items.empty());
    CHECK(m.attendees.empty());
    CHECK(any_warning_names(m, "blank.txt: no text to recognise"));
}

TEST_CASE("Recogniser: binary file is refused naming it", "[recogniser][bad-input]") {
    testing::TempDir dir;
    std::string bytes(4096, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 37) % 256);
    auto path = write_file(dir, "noise.bin", bytes);
    auto text = read_source(path);
    REQUIRE_FALSE(text);
    CHECK(text.error().message.find("noise.bin") != std::string::npos);
}

TEST_CASE("Recogniser: a text that is not minutes is flagged, not dressed up", "[recogniser][bad-input]") {
    std::string recipe =
        "Lemon drizzle cake\n\nCream the butter and sugar, then beat in the eggs one at a time. Fold in the "
        "flour and the zest of two lemons.\n\nBake for forty minutes and pour the syrup over while warm.\n";
    Minutes m = recognise(read_plain_text(recipe, Format::text, "recipe.txt"));
    CHECK_FALSE(m.date.valid());
    CHECK(m.attendees.empty());
    CHECK(m.committee.empty());
    CHECK(any_warning_names(m, "recipe.txt: does not look like minutes"));
    CHECK(any_warning_names(m, "recipe.txt: no meeting date found"));
}

TEST_CASE("Recogniser: invalid UTF-8 never reaches the output", "[recogniser][bad-input]") {
    std::string bytes =
        "MINUTES OF THE PLANNING COMMITTEE\n\nMonday, 13 March 2017 at 2.00 pm\n\nPresent: Councillor A Sm\xff\xfeth "
        "(Chairman), Councillor B Jones\n\n1. Apologies\n\nNone.\n\n2. Caf\xc3 Plans\n\nIt was agreed that \xed\xa0\x80 "
        "the plans be approved.\n";
    Minutes m = recognise(read_plain_text(bytes, Format::text, "broken.txt"));
    std::string json = minutes_to_json(m, -1);
    CHECK(is_valid_utf8(json));
    CHECK(m.date.iso() == "2017-03-13");
    REQUIRE(m.items.size() == 2);
    CHECK(m.items[1].passages.at(0).kind == PassageKind::resolution);
    for (const auto& a : m.attendees) CHECK(is_valid_utf8(a.name));
}

TEST_CASE("Recogniser: a 50 MB file is read and recognised without hanging", "[recogniser][bad-input][large]") {
    testing::TempDir dir;
    auto path = dir.path() / "huge.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << "Minutes of the meeting of the Planning Committee held on Monday, 13 March 2017 at 2.00 pm\n\n"
               "Present: Councillor A Smith (Chairman), Councillor B Jones\n\n";
        const std::string paragraph =
            "Councillor Jones asked about the budget for the Children's Centre (CC) and the Chairman replied that "
            "twelve centres would stay open until March 2019, which was agreed.\n\n";
        std::size_t written = 0;
        for (int item = 1; written < (std::size_t{50} << 20); ++item) {
            std::string block = std::to_string(item) + " Planning Application " + std::to_string(item) + "\n\n";
            for (int k = 0; k < 20; ++k) block += paragraph;
            out << block;
            written += block.size();
        }
    }
    auto text = read_source(path);
    REQUIRE(text);
    Minutes m = recognise(*text);
    CHECK(m.date.iso() == "2017-03-13");
    CHECK(m.committee == "Planning Committee");
    CHECK(m.items.size() > 1000);
    CHECK(any_warning_names(m, path.string() + ": very large text"));
}
