// The bad-inputs set (tests/bad-inputs/ and big inputs made here): each is refused or contained with
// its reason; none crashes or hangs the reader.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "minutes/reader.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

std::filesystem::path bad_input(const std::string& name) {
    return std::filesystem::path(MINUTES_SOURCE_DIR) / "tests" / "bad-inputs" / name;
}

}  // namespace

TEST_CASE("bad inputs: each file is refused with its reason", "[bad-inputs]") {
    auto [name, code, reason] = GENERATE(table<std::string, ErrorCode, std::string>({
        {"truncated.pdf", ErrorCode::Corrupt, "damaged PDF"},
        {"encrypted.pdf", ErrorCode::Unsupported, "encrypted PDF (a password is needed to read it)"},
        {"no-text.pdf", ErrorCode::Unsupported, "PDF has no text layer"},
        {"huge-page-count.pdf", ErrorCode::Corrupt, "page count is invalid"},
        {"binary-junk.pdf", ErrorCode::Unsupported, "binary content"},
        {"binary-junk.html", ErrorCode::Unsupported, "binary content"},
        {"zero-bytes.pdf", ErrorCode::InvalidArgument, "empty file"},
        {"zero-bytes.html", ErrorCode::InvalidArgument, "empty file"},
    }));
    INFO(name);
    auto text = read_source(bad_input(name));
    REQUIRE_FALSE(text);
    CHECK(text.error().code == code);
    CHECK(text.error().message.find(name) != std::string::npos);
    CHECK(text.error().message.find(reason) != std::string::npos);
}

TEST_CASE("bad inputs: the valid PDF they are made from reads", "[bad-inputs]") {
    auto text = read_source(bad_input("good-one-page.pdf"));
    REQUIRE(text);
    REQUIRE(text->blocks.size() == 1);
    CHECK(text->blocks[0].text == "Minutes of the Parish Council meeting held on 1 May 2020");
    CHECK(text->blocks[0].page == 1);
}

TEST_CASE("bad inputs: a PDF over the page limit is refused", "[bad-inputs]") {
    ReadOptions options;
    options.max_pages = 0;
    auto text = read_source(bad_input("good-one-page.pdf"), options);
    REQUIRE_FALSE(text);
    CHECK(text.error().code == ErrorCode::LimitExceeded);
    CHECK(text.error().message.find("PDF has 1 pages, over the limit of 0") != std::string::npos);
}

TEST_CASE("bad inputs: deeply nested HTML neither crashes nor loses the text before the limit",
          "[bad-inputs]") {
    testing::TempDir dir;
    auto path = dir.path() / "deep.html";
    {
        std::ofstream out(path, std::ios::binary);
        out << "<html><body><p>Minutes of the meeting</p>";
        for (int i = 0; i < 200000; ++i) out << "<div>";
        out << "deep text";
        for (int i = 0; i < 200000; ++i) out << "</div>";
        out << "</body></html>";
    }
    auto text = read_source(path);
    REQUIRE(text);
    REQUIRE_FALSE(text->blocks.empty());
    CHECK(text->blocks.front().text == "Minutes of the meeting");
    // libxml2 stops at its depth limit: what follows is reported missing, not silently dropped.
    REQUIRE(text->warnings.size() == 1);
    CHECK(text->warnings[0].find("nested deeper than the HTML parser's limit of 256") != std::string::npos);
}

TEST_CASE("bad inputs: an HTML text node of 10 MB is split into bounded blocks with a warning",
          "[bad-inputs]") {
    testing::TempDir dir;
    auto path = dir.path() / "big-node.html";
    const std::size_t size = std::size_t{10} << 20;
    {
        std::ofstream out(path, std::ios::binary);
        out << "<html><body><p>";
        std::string word = "minutes ";
        for (std::size_t written = 0; written < size; written += word.size()) out << word;
        out << "</p></body></html>";
    }
    ReadOptions options;
    auto text = read_source(path, options);
    REQUIRE(text);
    REQUIRE(text->blocks.size() >= 10);
    std::size_t total = 0;
    for (const auto& block : text->blocks) {
        CHECK(block.text.size() <= options.max_block_bytes);
        total += block.text.size();
    }
    // libxml2 cuts text nodes at 10,000,000 bytes; the cut is reported, and the rest is split into blocks.
    CHECK(total >= 9999990);
    auto warned = [&](const std::string& what) {
        return std::any_of(text->warnings.begin(), text->warnings.end(), [&](const std::string& warning) {
            return warning.find(what) != std::string::npos;
        });
    };
    CHECK(warned("max_block_bytes"));
    CHECK(warned("a text run longer than the HTML parser's limit of 10000000 bytes was cut there"));
}

TEST_CASE("bad inputs: a text bomb in HTML is refused by the output ratio", "[bad-inputs]") {
    // Real HTML yields less text than markup, so a ratio of 0 with a small allowance stands in for a bomb.
    testing::TempDir dir;
    auto path = dir.path() / "ratio.html";
    {
        std::ofstream out(path, std::ios::binary);
        out << "<html><body><p>";
        for (int i = 0; i < 100000; ++i) out << "word ";
        out << "</p></body></html>";
    }
    ReadOptions options;
    options.max_output_ratio = 0;
    options.min_output_allowance = 10000;
    auto text = read_source(path, options);
    REQUIRE_FALSE(text);
    CHECK(text.error().code == ErrorCode::LimitExceeded);
    CHECK(text.error().message.find("ratio.html") != std::string::npos);
    CHECK(text.error().message.find("max_output_ratio") != std::string::npos);
}
