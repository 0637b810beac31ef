// Tests of format detection and the plain-text and markdown readers.
#include <catch2/catch.hpp>

#include <fstream>

#include "minutes/reader.h"
#include "temp_dir.h"

using namespace minutes;

TEST_CASE("detect_format: content first, then extension", "[reader]") {
    auto [head, name, format] = GENERATE(table<std::string, std::string, Format>({
        {"%PDF-1.7\n", "minutes.txt", Format::pdf},
        {"<!DOCTYPE html><html>", "minutes.md", Format::html},
        {"  <html lang=en>", "x", Format::html},
        {"## Minutes", "minutes.md", Format::markdown},
        {"MINUTES OF THE MEETING", "minutes.txt", Format::text},
        {"<p>hello</p>", "page.html", Format::html},
    }));
    auto detected = detect_format(head, name);
    REQUIRE(detected);
    CHECK(*detected == format);
}

TEST_CASE("detect_format: binary junk and a .pdf without a header are refused", "[reader]") {
    std::string junk("\x00\x01\x02\x03junk", 8);
    auto binary = detect_format(junk, "minutes.txt");
    REQUIRE_FALSE(binary);
    CHECK(binary.error().code == ErrorCode::Unsupported);
    CHECK(binary.error().message.find("minutes.txt") != std::string::npos);
    auto fake_pdf = detect_format("hello", "minutes.pdf");
    REQUIRE_FALSE(fake_pdf);
    CHECK(fake_pdf.error().message.find("minutes.pdf") != std::string::npos);
}

TEST_CASE("read_plain_text: markdown headings, list items and paragraphs become blocks", "[reader]") {
    auto text = read_plain_text("## **Minutes**\n\nPresent: Ms L R Duffy (Chairman), Mrs F M Oborski (Vice\n\n"
                                "Chairman)\n- A. The Agenda papers\n\n267 Apologies\nNone.\n",
                                Format::markdown, "x.md");
    REQUIRE(text.blocks.size() == 5);
    CHECK(text.blocks[0].kind == BlockKind::heading);
    CHECK(text.blocks[0].level == 2);
    CHECK(text.blocks[0].text == "Minutes");
    CHECK(text.blocks[1].text == "Present: Ms L R Duffy (Chairman), Mrs F M Oborski (Vice");
    CHECK(text.blocks[2].text == "Chairman)");
    CHECK(text.blocks[3].kind == BlockKind::list_item);
    CHECK(text.blocks[3].text == "A. The Agenda papers");
    CHECK(text.blocks[4].text == "267 Apologies\nNone.");
    CHECK(text.format == Format::markdown);
}

TEST_CASE("read_plain_text: a markdown pipe table's rows are table rows of tab-separated cells", "[reader]") {
    auto text = read_plain_text("Attendance\n\n| Name | Role |  |\n|---|:---:|---|\n| **Cllr A Patel** | Town Mayor | |\n"
                                "Text after the table.\n",
                                Format::markdown, "x.md");
    REQUIRE(text.blocks.size() == 4);
    CHECK(text.blocks[0].text == "Attendance");
    CHECK(text.blocks[1].kind == BlockKind::table_row);
    CHECK(text.blocks[1].text == "Name\tRole");  // the empty last cell is trimmed with the block
    CHECK(text.blocks[2].kind == BlockKind::table_row);
    CHECK(text.blocks[2].text == "Cllr A Patel\tTown Mayor");
    CHECK(text.blocks[3].kind == BlockKind::text);
    CHECK(text.blocks[3].text == "Text after the table.");
}

TEST_CASE("read_source: errors name the file", "[reader]") {
    testing::TempDir dir;
    auto missing = read_source(dir.path() / "nope.txt");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.find("nope.txt") != std::string::npos);

    auto empty_path = dir.path() / "empty.md";
    std::ofstream(empty_path).close();
    auto empty = read_source(empty_path);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message.find("empty.md") != std::string::npos);

    auto big_path = dir.path() / "big.txt";
    std::ofstream(big_path) << std::string(2048, 'a');
    ReadOptions small;
    small.max_file_bytes = 1024;
    auto big = read_source(big_path, small);
    REQUIRE_FALSE(big);
    CHECK(big.error().code == ErrorCode::LimitExceeded);

    auto ok_path = dir.path() / "ok.txt";
    std::ofstream(ok_path) << "Minutes of the meeting\r\nheld on 1 May 2020\r\n";
    auto ok = read_source(ok_path);
    REQUIRE(ok);
    REQUIRE(ok->blocks.size() == 1);
    CHECK(ok->blocks[0].text == "Minutes of the meeting\nheld on 1 May 2020");
}
