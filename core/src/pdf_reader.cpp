// PDF reader (poppler-cpp): words with their boxes, rebuilt into lines and paragraphs page by page,
// so that margin numbers sit with their titles and justified text keeps single spaces.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "readers.h"

namespace minutes {
namespace {

enum class FontStyle { regular, bold, italic };

struct Word {
    double left = 0, top = 0, right = 0, bottom = 0;
    double font_size = 0;
    FontStyle style = FontStyle::regular;
    bool space_after = false;
    std::string text;
};

struct Line {
    double left = 0, top = 0, right = 0, bottom = 0;
    double font_size = 0;
    FontStyle style = FontStyle::regular;  // of most of its characters
    std::vector<Word> words;
    std::string text;
};

struct RawBlock {
    BlockKind kind = BlockKind::text;
    int level = 0;
    int page = 0;
    std::string text;
};

struct PdfText {
    std::vector<RawBlock> blocks;
    std::vector<std::string> warnings;
};

// poppler reports damaged files on stderr by default; the reader reports them itself, once per file.
void quiet_poppler(const std::string&, void*) {}

void silence_poppler_once() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(&quiet_poppler, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
    poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

double height(const Word& w) { return w.bottom - w.top; }

// From the font's name ("FAAABE+Arial-BoldMT", "Times-Italic", "Calibri,Bold").
FontStyle style_of_font(const std::string& name) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("bold") != std::string::npos || lower.find("black") != std::string::npos ||
        lower.find("heavy") != std::string::npos || lower.find(",b") != std::string::npos)
        return FontStyle::bold;
    if (lower.find("italic") != std::string::npos || lower.find("oblique") != std::string::npos)
        return FontStyle::italic;
    return FontStyle::regular;
}

// Words that overlap vertically by more than half the smaller height are on one line; this keeps a
// minute number in the left margin ("272.") on the line of its title although its box sits a little lower.
bool same_line(const Line& line, const Word& word) {
    double overlap = std::min(line.bottom, word.bottom) - std::max(line.top, word.top);
    double smaller = std::min(line.bottom - line.top, height(word));
    return smaller > 0 && overlap > 0.5 * smaller;
}

std::vector<Line> build_lines(std::vector<Word> words) {
    std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        double ca = (a.top + a.bottom) / 2, cb = (b.top + b.bottom) / 2;
        if (std::fabs(ca - cb) > 0.5) return ca < cb;
        return a.left < b.left;
    });
    std::vector<Line> lines;
    for (auto& word : words) {
        Line* home = nullptr;
        // Only the last few lines can still overlap a word that comes later in vertical order.
        for (std::size_t i = lines.size(), seen = 0; i-- > 0 && seen < 4; ++seen) {
            if (same_line(lines[i], word)) {
                home = &lines[i];
                break;
            }
        }
        if (home == nullptr) {
            lines.emplace_back();
            home = &lines.back();
            home->top = word.top;
            home->bottom = word.bottom;
            home->left = word.left;
            home->right = word.right;
        }
        home->top = std::min(home->top, word.top);
        home->bottom = std::max(home->bottom, word.bottom);
        home->left = std::min(home->left, word.left);
        home->right = std::max(home->right, word.right);
        home->words.push_back(std::move(word));
    }
    for (auto& line : lines) {
        std::stable_sort(line.words.begin(), line.words.end(),
                         [](const Word& a, const Word& b) { return a.left < b.left; });
        std::vector<double> sizes;
        for (std::size_t i = 0; i < line.words.size(); ++i) {
            const Word& word = line.words[i];
            sizes.push_back(word.font_size);
            if (i > 0) {
                const Word& previous = line.words[i - 1];
                double gap = word.left - previous.right;
                double em = std::max(1.0, std::max(previous.font_size, height(previous)));
                // A gap of several ems is a column or tab stop; a normal or justified gap is one space,
                // however wide, so that "Mr  P  Bartlett" in a justified paragraph stays one name.
                if (gap > 2.5 * em)
                    line.text += '\t';
                else if (previous.space_after || gap > 0.15 * em)
                    line.text += ' ';
            }
            line.text += word.text;
        }
        std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                         sizes.end());
        line.font_size = sizes[sizes.size() / 2];
        std::size_t weight[3] = {0, 0, 0};
        for (const auto& word : line.words) weight[static_cast<int>(word.style)] += word.text.size();
        line.style = weight[1] > weight[0] && weight[1] >= weight[2]  ? FontStyle::bold
                     : weight[2] > weight[0] && weight[2] > weight[1] ? FontStyle::italic
                                                                      : FontStyle::regular;
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.top < b.top; });
    return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "3", "Page 3", "- 3 -", "3 of 12", "Page 3 of 12": a page number alone on a line.
bool is_page_number(std::string_view text) {
    std::string letters;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '\t' || c == '|') continue;
        letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto strip = [&](std::string_view word) {
        if (letters.compare(0, word.size(), word) == 0) letters.erase(0, word.size());
    };
    strip("page");
    std::size_t digits = 0;
    while (digits < letters.size() && is_digit(letters[digits])) ++digits;
    if (digits == 0 || digits > 4) return false;
    std::string rest = letters.substr(digits);
    if (rest.empty()) return true;
    if (rest.compare(0, 2, "of") != 0) return false;
    rest.erase(0, 2);
    return !rest.empty() && rest.size() <= 4 &&
           std::all_of(rest.begin(), rest.end(), [](char c) { return is_digit(c); });
}

// The text of a running header or footer with digits masked, so that "Minutes - 5 March - Page 2"
// and "... Page 3" compare equal.
std::string running_key(std::string_view text) {
    std::string key;
    for (char c : text) key += is_digit(c) ? '#' : c;
    return key;
}

struct PageLines {
    int number = 0;
    double height = 0;
    std::vector<Line> lines;
};

bool in_margin_band(const Line& line, double page_height) {
    return line.bottom < 0.1 * page_height || line.top > 0.9 * page_height;
}

// Drops page numbers in the top and bottom bands, and running headers or footers repeated on
// several pages (the first occurrence stays: it may be the only place the council's name is).
void drop_running_lines(std::vector<PageLines>& pages) {
    std::map<std::string, int> seen_on_pages;
    for (const auto& page : pages) {
        std::vector<std::string> keys;
        for (const auto& line : page.lines) {
            if (in_margin_band(line, page.height)) keys.push_back(running_key(line.text));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& key : keys) ++seen_on_pages[key];
    }
    std::map<std::string, bool> kept_once;
    for (auto& page : pages) {
        std::vector<Line> kept;
        for (auto& line : page.lines) {
            if (in_margin_band(line, page.height)) {
                if (is_page_number(line.text)) continue;
                std::string key = running_key(line.text);
                if (seen_on_pages[key] >= 2 && pages.size() >= 2) {
                    if (kept_once[key]) continue;
                    kept_once[key] = true;
                }
            }
            kept.push_back(std::move(line));
        }
        page.lines = std::move(kept);
    }
}

double median_font_size(const std::vector<PageLines>& pages) {
    std::vector<double> sizes;
    for (const auto& page : pages)
        for (const auto& line : page.lines) sizes.push_back(line.font_size);
    if (sizes.empty()) return 0;
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                     sizes.end());
    return sizes[sizes.size() / 2];
}

// Paragraphs: consecutive lines without a blank line's gap between them, in one font size and
// weight. A change between bold and other lines also ends a paragraph: ModernGov and most clerks set
// item titles in bold, so "1 Police Report" and "272. Minutes of the meeting ... record" come out as
// paragraphs of their own, apart from the body. A bold title wrapped over lines that reach the right
// margin is one line of text (the break is only layout); a short bold line ends its paragraph.
// Short runs in a clearly larger font than the body are headings; bold alone is not, since clerks
// also set motions and notes in bold ("R2024-052 D. Yemm, T. Butler:", "Carried.").
void build_blocks(const std::vector<PageLines>& pages, PdfText& out) {
    double body_size = median_font_size(pages);
    for (const auto& page : pages) {
        double text_left = page.lines.empty() ? 0 : page.lines.front().left;
        double text_right = 0;
        for (const auto& line : page.lines) {
            text_left = std::min(text_left, line.left);
            text_right = std::max(text_right, line.right);
        }
        const double wrap_edge = text_right - 0.25 * (text_right - text_left);
        RawBlock current;
        double block_size = 0;
        bool block_bold = false;
        int block_lines = 0;
        const Line* previous = nullptr;
        auto flush = [&]() {
            if (!current.text.empty()) {
                if (body_size > 0 && block_size >= 1.2 * body_size && block_lines <= 3 &&
                    current.text.size() <= 250) {
                    current.kind = BlockKind::heading;
                    current.level = block_size >= 1.5 * body_size ? 1 : 2;
                }
                current.page = page.number;
                out.blocks.push_back(std::move(current));
            }
            current = RawBlock{};
            block_lines = 0;
        };
        for (const auto& line : page.lines) {
            bool bold = line.style == FontStyle::bold;
            if (previous != nullptr) {
                double gap = line.top - previous->bottom;
                double line_height = std::min(line.bottom - line.top, previous->bottom - previous->top);
                bool size_change = std::fabs(line.font_size - block_size) > 0.15 * std::max(1.0, block_size);
                // Italic changes do not split: a line of a paragraph may be mostly an italic title.
                bool weight_change = bold != block_bold;
                // A short line, or one with a column gap ("TOTAL <tab> £664.01"), is not wrapped.
                bool title_ended = block_bold && (previous->right < wrap_edge ||
                                                  previous->text.find('\t') != std::string::npos);
                if (gap > 0.5 * line_height || size_change || weight_change || title_ended) flush();
            }
            if (block_lines == 0) {
                block_size = line.font_size;
                block_bold = bold;
            }
            if (!current.text.empty()) current.text += block_bold ? ' ' : '\n';
            current.text += line.text;
            ++block_lines;
            previous = &line;
        }
        flush();
    }
}

// Encoded result passed from the child to the parent: blocks, warnings, or an error.
constexpr char kMagic[] = "MINUTES-PDF-1";

void put_u32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

bool get_u32(std::string_view& in, std::uint32_t& value) {
    if (in.size() < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[static_cast<std::size_t>(i)]))
                 << (8 * i);
    in.remove_prefix(4);
    return true;
}

void put_string(std::string& out, std::string_view text) {
    put_u32(out, static_cast<std::uint32_t>(text.size()));
    out.append(text);
}

bool get_string(std::string_view& in, std::string& text) {
    std::uint32_t size = 0;
    if (!get_u32(in, size) || in.size() < size) return false;
    text.assign(in.substr(0, size));
    in.remove_prefix(size);
    return true;
}

std::string encode(const Result<PdfText>& result) {
    std::string out = kMagic;
    if (!result) {
        out += 'E';
        put_u32(out, static_cast<std::uint32_t>(result.error().code));
        put_string(out, result.error().message);
        return out;
    }
    for (const auto& block : result->blocks) {
        out += 'B';
        put_u32(out, static_cast<std::uint32_t>(block.kind));
        put_u32(out, static_cast<std::uint32_t>(block.level));
        put_u32(out, static_cast<std::uint32_t>(block.page));
        put_string(out, block.text);
    }
    for (const auto& warning : result->warnings) {
        out += 'W';
        put_string(out, warning);
    }
    out += 'Z';
    return out;
}

Result<PdfText> decode(std::string_view in, const std::string& source) {
    auto corrupt = [&]() {
        return make_error(ErrorCode::Corrupt,
                          source + ": the PDF reader's child returned an incomplete result");
    };
    if (in.substr(0, sizeof kMagic - 1) != kMagic) return corrupt();
    in.remove_prefix(sizeof kMagic - 1);
    PdfText text;
    while (!in.empty()) {
        char tag = in.front();
        in.remove_prefix(1);
        if (tag == 'Z') return text;
        if (tag == 'E') {
            std::uint32_t code = 0;
            std::string message;
            if (!get_u32(in, code) || !get_string(in, message) ||
                code > static_cast<std::uint32_t>(ErrorCode::Unsupported))
                return corrupt();
            return make_error(static_cast<ErrorCode>(code), message);
        }
        if (tag == 'W') {
            std::string warning;
            if (!get_string(in, warning)) return corrupt();
            text.warnings.push_back(std::move(warning));
            continue;
        }
        if (tag != 'B') return corrupt();
        RawBlock block;
        std::uint32_t kind = 0, level = 0, page = 0;
        if (!get_u32(in, kind) || !get_u32(in, level) || !get_u32(in, page) || !get_string(in, block.text) ||
            kind > static_cast<std::uint32_t>(BlockKind::table_row))
            return corrupt();
        block.kind = static_cast<BlockKind>(kind);
        block.level = static_cast<int>(level);
        block.page = static_cast<int>(page);
        text.blocks.push_back(std::move(block));
    }
    return corrupt();
}

Result<PdfText> extract(std::string_view bytes, const std::string& source, const ReadOptions& options) {
    silence_poppler_once();
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return make_error(ErrorCode::LimitExceeded, source + ": PDF too large for the PDF library");
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        return make_error(ErrorCode::Corrupt, source + ": damaged PDF (the PDF library cannot open it)");
    }
    if (document->is_locked()) {
        return make_error(ErrorCode::Unsupported,
                          source + ": encrypted PDF (a password is needed to read it)");
    }
    int page_count = document->pages();
    if (page_count <= 0)
        return make_error(
            ErrorCode::Corrupt,
            source +
                ": damaged PDF (no readable pages: the page tree is empty or its page count is invalid)");
    if (page_count > options.max_pages) {
        return make_error(ErrorCode::LimitExceeded, source + ": PDF has " + std::to_string(page_count) +
                                                        " pages, over the limit of " +
                                                        std::to_string(options.max_pages));
    }
    const std::size_t budget = max_output_bytes(bytes.size(), options);
    std::size_t produced = 0;
    PdfText out;
    std::vector<PageLines> pages;
    std::vector<int> empty_pages;
    for (int index = 0; index < page_count; ++index) {
        std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page) {
            out.warnings.push_back("page " + std::to_string(index + 1) + " cannot be read");
            continue;
        }
        std::vector<Word> words;
        for (auto& box : page->text_list(poppler::page::text_list_include_font)) {
            Word word;
            poppler::rectf rect = box.bbox();
            word.left = rect.left();
            word.top = rect.top();
            word.right = rect.right();
            word.bottom = rect.bottom();
            word.font_size = box.get_font_size();
            word.space_after = box.has_space_after();
            word.style = style_of_font(box.get_font_name());
            word.text = utf8(box.text());
            if (word.text.empty()) continue;
            produced += word.text.size() + 1;
            if (produced > budget) {
                return make_error(ErrorCode::LimitExceeded, source + ": extracted text passes " +
                                                                std::to_string(budget) + " bytes, over " +
                                                                std::to_string(options.max_output_ratio) +
                                                                " times the file's size (max_output_ratio)");
            }
            words.push_back(std::move(word));
        }
        if (words.empty()) {
            empty_pages.push_back(index + 1);
            continue;
        }
        PageLines lines;
        lines.number = index + 1;
        lines.height = page->page_rect().height();
        lines.lines = build_lines(std::move(words));
        pages.push_back(std::move(lines));
    }
    if (pages.empty()) {
        return make_error(ErrorCode::Unsupported, source + ": PDF has no text layer (" +
                                                      std::to_string(page_count) +
                                                      (page_count == 1 ? " page" : " pages") +
                                                      " of images only, scanned?); OCR is not supported");
    }
    for (int number : empty_pages)
        out.warnings.push_back("page " + std::to_string(number) + " has no text layer");
    drop_running_lines(pages);
    build_blocks(pages, out);
    return out;
}

SourceText finish(PdfText raw, std::string source, const ReadOptions& options) {
    SourceText out;
    out.source = std::move(source);
    out.format = Format::pdf;
    out.warnings = std::move(raw.warnings);
    for (const auto& block : raw.blocks)
        append_block(out, block.kind, block.text, block.level, block.page, options);
    return out;
}

}  // namespace

Result<SourceText> read_pdf_in_process(std::string_view bytes, std::string source,
                                       const ReadOptions& options) {
    auto raw = extract(bytes, source, options);
    if (!raw) return tl::unexpected(raw.error());
    return finish(std::move(*raw), std::move(source), options);
}

namespace {

// poppler sets up its global state (font tables, encodings) on first use. Doing that once here,
// on a tiny valid PDF, lets every child inherit it instead of paying for it per file (about half of
// a typical file's time). The parent never runs poppler on untrusted input.
void warm_up_poppler_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        silence_poppler_once();
        static const char kTiny[] =
            "%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count "
            "1>>endobj "
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        std::unique_ptr<poppler::document> document(
            poppler::document::load_from_raw_data(kTiny, static_cast<int>(sizeof kTiny - 1)));
        if (document && document->pages() > 0) {
            std::unique_ptr<poppler::page> page(document->create_page(0));
            if (page) (void)page->text_list();
        }
    });
}

}  // namespace

// GCC's AddressSanitizer allocator is not fork-safe: if another thread of this process (the indexer's
// writer, say) holds the allocator's lock at the moment of fork, the child waits for it forever and every
// PDF turns into a wall-clock timeout. Sanitizer builds therefore extract in this process; the isolation
// itself (run_in_child) is still tested there, forking from a single thread. Release builds use glibc's
// allocator, which fork handles, and the child runs nothing but poppler.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kForkIsSafe = false;
#else
constexpr bool kForkIsSafe = true;
#endif

Result<SourceText> read_pdf(std::string_view bytes, std::string source, const ReadOptions& options) {
    if (!options.isolate_pdf || !kForkIsSafe) return read_pdf_in_process(bytes, std::move(source), options);
    warm_up_poppler_once();
    ChildLimits limits;
    limits.timeout_seconds = options.pdf_timeout_seconds;
    limits.cpu_seconds = options.pdf_cpu_seconds;
    limits.memory_bytes = options.pdf_memory_bytes;
    // Room for the encoding around the text (a few bytes per block and word).
    limits.max_output_bytes = 2 * max_output_bytes(bytes.size(), options) + 4096;
    // Normalisation (ICU) runs here in the parent: the child only runs poppler.
    auto payload = run_in_child([&]() { return encode(extract(bytes, source, options)); }, limits, source);
    if (!payload) return tl::unexpected(payload.error());
    auto raw = decode(*payload, source);
    if (!raw) return tl::unexpected(raw.error());
    return finish(std::move(*raw), std::move(source), options);
}

}  // namespace minutes
