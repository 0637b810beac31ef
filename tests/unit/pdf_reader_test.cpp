// Tests of the PDF reader (poppler, line and paragraph rebuilding) and of the child-process isolation.
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include "minutes/reader.h"
#include "readers.h"
#include "temp_dir.h"

using namespace minutes;

namespace {

// Index of the first block whose text starts with prefix, or -1.
int find_block(const SourceText& text, const std::string& prefix) {
    for (std::size_t i = 0; i < text.blocks.size(); ++i) {
        if (text.blocks[i].text.compare(0, prefix.size(), prefix) == 0) return static_cast<int>(i);
    }
    return -1;
}

const std::filesystem::path kKentCouncil = "kent-cc/2024-12-19_county-council_minutes.pdf";

}  // namespace

TEST_CASE("read_pdf: every block of a Kent PDF has its page, in order", "[pdf]") {
    auto text = read_source(testing::project_corpus() / kKentCouncil);
    REQUIRE(text);
    CHECK(text->format == Format::pdf);
    REQUIRE(text->blocks.size() > 50);
    int last_page = 0;
    for (const auto& block : text->blocks) {
        REQUIRE(block.page.has_value());
        CHECK(*block.page >= last_page);
        last_page = *block.page;
    }
    CHECK(text->blocks.front().page == 1);
    CHECK(last_page == 15);  // the document has 15 pages, the last with text
}

TEST_CASE("read_pdf: ModernGov minute numbers in the margin stay with their titles, before the body",
          "[pdf]") {
    auto text = read_source(testing::project_corpus() / kKentCouncil);
    REQUIRE(text);
    // Page 2 opens with the end of minute 271's declarations, not with the margin number "272.".
    int declaration = find_block(*text, "3) Mr Streatfield declared an interest in item 6");
    REQUIRE(declaration >= 0);
    CHECK(text->blocks[static_cast<std::size_t>(declaration)].page == 2);
    int title = find_block(*text, "272. Minutes of the meeting held on 7 November 2024");
    REQUIRE(title > declaration);
    const auto& title_block = text->blocks[static_cast<std::size_t>(title)];
    // The bold title, wrapped over two lines, is a paragraph of one line; the italic agenda
    // reference and the body follow it.
    CHECK(title_block.text ==
          "272. Minutes of the meeting held on 7 November 2024, if in order, to be approved as a correct "
          "record");
    CHECK(title_block.page == 2);
    CHECK(text->blocks[static_cast<std::size_t>(title) + 1].text == "(Item 3)");
    CHECK(text->blocks[static_cast<std::size_t>(title) + 2].text.rfind("Mr Stepto referred to the 7 November",
                                                                       0) == 0);
    CHECK(text->blocks[static_cast<std::size_t>(title) + 2].kind == BlockKind::text);
    int next = find_block(*text, "273. Corporate Parenting Panel - Minutes for noting");
    CHECK(next > title);
}

TEST_CASE("read_pdf: a justified PRESENT paragraph keeps single spaces inside names", "[pdf]") {
    auto text = read_source(testing::project_corpus() / kKentCouncil);
    REQUIRE(text);
    int present = find_block(*text, "PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman),");
    REQUIRE(present >= 0);
    const std::string& block = text->blocks[static_cast<std::size_t>(present)].text;
    CHECK(block.find("Mr P V Barrington-King, Mr P Bartlett,") != std::string::npos);
    CHECK(block.find("Mr J A Kite, MBE, Rich Lehmann, Mr R C Love, OBE,") != std::string::npos);
    for (const auto& b : text->blocks) {
        INFO(b.text);
        CHECK(b.text.find("  ") == std::string::npos);
    }
}

TEST_CASE("read_pdf: isolated and in-process extraction agree", "[pdf]") {
    std::string bytes = testing::file_bytes(testing::project_corpus() / kKentCouncil);
    ReadOptions options;
    auto isolated = read_pdf(bytes, "kent.pdf", options);
    auto direct = read_pdf_in_process(bytes, "kent.pdf", options);
    REQUIRE(isolated);
    REQUIRE(direct);
    REQUIRE(isolated->blocks.size() == direct->blocks.size());
    for (std::size_t i = 0; i < direct->blocks.size(); ++i) {
        CHECK(isolated->blocks[i].text == direct->blocks[i].text);
        CHECK(isolated->blocks[i].page == direct->blocks[i].page);
        CHECK(isolated->blocks[i].kind == direct->blocks[i].kind);
    }
}

TEST_CASE("read_pdf: Welsh text survives intact", "[pdf]") {
    auto text = read_source(testing::project_corpus() / "manordeilo-salem-cc/2015-06_minutes_cy.pdf");
    REQUIRE(text);
    REQUIRE_FALSE(text->blocks.empty());
    // Two short bold title lines: each ends its paragraph.
    REQUIRE(text->blocks.size() > 2);
    CHECK(text->blocks[0].text == "CYNGOR CYMUNED MANORDEILO A SALEM");
    CHECK(text->blocks[1].text == "CYFARFOD 10fed MEHEFIN 2015");
    std::string all;
    for (const auto& block : text->blocks) all += block.text + "\n";
    CHECK(all.find("dŵr") != std::string::npos);
    CHECK(all.find("Tŷ'r") != std::string::npos);
    CHECK(all.find("gytûn") != std::string::npos);
    CHECK(all.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
}

TEST_CASE("read_pdf: page numbers and repeated running headers are dropped", "[pdf]") {
    auto text = read_source(testing::project_corpus() / kKentCouncil);
    REQUIRE(text);
    for (const auto& block : text->blocks) {
        INFO(block.text);
        // Kent prints the page number alone at the foot of each page.
        bool digits_only =
            !block.text.empty() && block.text.find_first_not_of("0123456789") == std::string::npos;
        CHECK_FALSE(digits_only);
    }
}

TEST_CASE("read_pdf: a scanned PDF is reported as having no text layer", "[pdf]") {
    auto text = read_source(testing::project_corpus() /
                            "nipissing-township/Agenda-January-10-2024-Special-Meeting.pdf");
    REQUIRE_FALSE(text);
    CHECK(text.error().code == ErrorCode::Unsupported);
    CHECK(text.error().message.find("Agenda-January-10-2024-Special-Meeting.pdf") != std::string::npos);
    CHECK(text.error().message.find("no text layer") != std::string::npos);
}

TEST_CASE("read_pdf: page and output limits are enforced with a message naming the limit", "[pdf]") {
    std::string bytes = testing::file_bytes(testing::project_corpus() / kKentCouncil);
    ReadOptions few_pages;
    few_pages.max_pages = 10;
    auto pages = read_pdf(bytes, "kent.pdf", few_pages);
    REQUIRE_FALSE(pages);
    CHECK(pages.error().code == ErrorCode::LimitExceeded);
    CHECK(pages.error().message == "kent.pdf: PDF has 15 pages, over the limit of 10");

    ReadOptions small_output;
    small_output.max_output_ratio = 0;
    small_output.min_output_allowance = 1000;
    auto output = read_pdf(bytes, "kent.pdf", small_output);
    REQUIRE_FALSE(output);
    CHECK(output.error().code == ErrorCode::LimitExceeded);
    CHECK(output.error().message.find("max_output_ratio") != std::string::npos);
}

TEST_CASE("run_in_child: a normal child's output comes back", "[pdf][isolation]") {
    ChildLimits limits;
    auto out = run_in_child([] { return std::string(100000, 'x') + "end"; }, limits, "test");
    REQUIRE(out);
    CHECK(out->size() == 100003);
    CHECK(out->substr(100000) == "end");
}

TEST_CASE("run_in_child: a crash is reported with its signal", "[pdf][isolation]") {
    ChildLimits limits;
    auto out = run_in_child(
        []() -> std::string {
            std::raise(SIGSEGV);
            return "not reached";
        },
        limits, "crash.pdf");
    REQUIRE_FALSE(out);
    CHECK(out.error().code == ErrorCode::Corrupt);
    CHECK(out.error().message.rfind("crash.pdf: crashed the reader (signal 11", 0) == 0);
}

TEST_CASE("run_in_child: a hang is killed at the wall-clock limit", "[pdf][isolation]") {
    ChildLimits limits;
    limits.timeout_seconds = 1;
    limits.cpu_seconds = 30;
    auto start = std::chrono::steady_clock::now();
    auto out = run_in_child(
        []() -> std::string {
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
        },
        limits, "hang.pdf");
    auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(out);
    CHECK(out.error().code == ErrorCode::LimitExceeded);
    CHECK(out.error().message == "hang.pdf: timed out after 1 s");
    CHECK(waited < std::chrono::seconds(20));
}

TEST_CASE("run_in_child: a busy loop is stopped at the CPU limit", "[pdf][isolation]") {
    ChildLimits limits;
    limits.timeout_seconds = 30;
    limits.cpu_seconds = 1;
    auto out = run_in_child(
        []() -> std::string {
            volatile unsigned long spin = 0;
            for (;;) spin = spin + 1;
        },
        limits, "spin.pdf");
    REQUIRE_FALSE(out);
    CHECK(out.error().code == ErrorCode::LimitExceeded);
    CHECK(out.error().message == "spin.pdf: exceeded the CPU limit of 1 s");
}

TEST_CASE("run_in_child: too much output is cut off", "[pdf][isolation]") {
    ChildLimits limits;
    limits.max_output_bytes = 1000;
    auto out = run_in_child([] { return std::string(1 << 20, 'x'); }, limits, "bomb.pdf");
    REQUIRE_FALSE(out);
    CHECK(out.error().code == ErrorCode::LimitExceeded);
    CHECK(out.error().message == "bomb.pdf: extracted text over the limit of 1000 bytes");
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("run_in_child: running out of memory is reported as such", "[pdf][isolation]") {
    ChildLimits limits;
    limits.memory_bytes = std::size_t{64} << 20;
    auto out = run_in_child(
        []() -> std::string {
            std::vector<std::string> hog;
            for (;;) hog.emplace_back(std::size_t{8} << 20, 'x');
        },
        limits, "hog.pdf");
    REQUIRE_FALSE(out);
    CHECK(out.error().code == ErrorCode::LimitExceeded);
    CHECK(out.error().message == "hog.pdf: ran out of memory (limit 64 MiB)");
}
#endif

TEST_CASE("read_pdf: isolated extraction from several threads at once gives the same text",
          "[pdf][isolation]") {
    // The indexer reads files on worker threads; each fork must see only its own pipe.
    const std::vector<std::filesystem::path> files = {
        testing::project_corpus() / kKentCouncil,
        testing::project_corpus() / "kent-cc/2025-01-09_cabinet_minutes.pdf",
        testing::project_corpus() / "nipissing-township/Minutes-April-16-2024.pdf"};
    // This test is about pipes, not time limits: generous limits keep a loaded sanitizer run from timing out.
    ReadOptions options;
    options.pdf_timeout_seconds = 600;
    options.pdf_cpu_seconds = 300;
    std::vector<std::size_t> expected;
    for (const auto& file : files) {
        auto text = read_source(file, options);
        REQUIRE(text);
        expected.push_back(text->blocks.size());
    }
    std::vector<std::thread> workers;
    std::vector<int> failures(4, 0);
    std::vector<std::string> errors(4);
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&, w] {
            for (int round = 0; round < 2; ++round) {
                for (std::size_t i = 0; i < files.size(); ++i) {
                    auto text = read_source(files[i], options);
                    if (!text) errors[static_cast<std::size_t>(w)] = text.error().message;  // Catch2 is not thread-safe
                    if (!text || text->blocks.size() != expected[i]) ++failures[static_cast<std::size_t>(w)];
                }
            }
        });
    }
    for (auto& worker : workers) worker.join();
    for (std::size_t w = 0; w < failures.size(); ++w) {
        INFO("worker " << w << ": " << errors[w]);
        CHECK(failures[w] == 0);
    }
}
