// Format detection, the registry of readers by format, what readers share, and the plain-text and
// markdown readers.
#include "minutes/reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "minutes/normalise.h"
#include "readers.h"

namespace minutes {
namespace {

constexpr int kBoldPointLevel = 6;      // a bold point's heading, below the document's own "#" levels
constexpr std::size_t kBoldPointLines = 3;  // lines a bold point's title may wrap over

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
}

// Text that is mostly NUL or other control bytes is binary.
bool looks_binary(std::string_view head) {
    std::size_t controls = 0;
    for (unsigned char c : head) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    }
    return !head.empty() && controls * 10 > head.size();
}

void trim_right(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

// The text after a lettered point's marker when it opens in bold ("a)  **Cleansing ..."); empty otherwise.
// Letters and roman numerals only: numbered points under a numbered item would need their nesting,
// which the text does not keep.
std::string_view bold_point_text(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
    if (i == 0 || i > 4 || i >= line.size() || (line[i] != '.' && line[i] != ')')) return {};
    std::string_view rest = line.substr(i + 1);
    std::size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos || rest.substr(start, 2) != "**") return {};
    return rest.substr(start);
}

// A lettered point whose whole text is bold ("a)  **Cleansing, environment and roads**"): the heading of
// a matter, in minutes a word processor wrote, over plain paragraphs.
bool bold_point_title(std::string_view line) {
    std::string_view rest = bold_point_text(line);
    return rest.size() > 4 && rest.substr(rest.size() - 2) == "**" &&
           rest.substr(2, rest.size() - 4).find("**") == std::string_view::npos;
}

// Markdown markers: "#" headings and "-", "*", "+" list items; emphasis markers are dropped.
std::string strip_emphasis(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        if ((line[i] == '*' || line[i] == '_') && i + 1 < line.size() && line[i + 1] == line[i]) {
            ++i;
            continue;
        }
        out += line[i];
    }
    return out;
}

}  // namespace

std::size_t max_output_bytes(std::size_t input_bytes, const ReadOptions& options) {
    std::size_t by_ratio = input_bytes > SIZE_MAX / std::max<std::size_t>(options.max_output_ratio, 1)
                               ? SIZE_MAX
                               : input_bytes * options.max_output_ratio;
    return std::max(options.min_output_allowance, by_ratio);
}

void append_block(SourceText& out, BlockKind kind, std::string_view raw_text, int level, std::optional<int> page,
                  const ReadOptions& options) {
    std::string text = normalise_text(raw_text);
    // Trim blank space around the block, keeping inner line structure.
    std::size_t first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return;
    std::size_t last = text.find_last_not_of(" \t\n");
    text = text.substr(first, last - first + 1);
    auto push = [&](std::string piece) {
        Block block;
        block.kind = kind;
        block.text = std::move(piece);
        block.level = kind == BlockKind::heading ? level : 0;
        block.page = page;
        out.blocks.push_back(std::move(block));
    };
    const std::size_t limit = std::max<std::size_t>(options.max_block_bytes, 64);
    if (text.size() <= limit) {
        push(std::move(text));
        return;
    }
    out.warnings.push_back("a block of " + std::to_string(text.size()) + " bytes was split into pieces of at most " +
                           std::to_string(limit) + " bytes (max_block_bytes)");
    std::string_view rest = text;
    while (!rest.empty()) {
        if (rest.size() <= limit) {
            push(std::string(rest));
            break;
        }
        std::string_view window = rest.substr(0, limit);
        std::size_t cut = window.rfind('\n');
        if (cut == std::string_view::npos || cut < limit / 2) cut = window.rfind(' ');
        if (cut == std::string_view::npos || cut < limit / 2) {
            // No break in sight: cut at a UTF-8 character boundary.
            cut = limit;
            while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
            if (cut == 0) cut = limit;
        }
        std::string piece(rest.substr(0, cut));
        rest.remove_prefix(cut);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n')) rest.remove_prefix(1);
        if (!piece.empty()) push(std::move(piece));
    }
}

Result<Format> detect_format(std::string_view head, const std::filesystem::path& path) {
    std::string_view probe = head;
    // Skip a UTF-8 BOM and leading whitespace before sniffing markup.
    if (probe.size() >= 3 && std::memcmp(probe.data(), "\xEF\xBB\xBF", 3) == 0) probe.remove_prefix(3);
    if (probe.size() >= 5 && std::memcmp(probe.data(), "%PDF-", 5) == 0) return Format::pdf;
    // A PDF header may follow some junk bytes (allowed within the first 1 KB).
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::pdf;
    std::string_view markup = probe;
    while (!markup.empty() && std::isspace(static_cast<unsigned char>(markup.front()))) markup.remove_prefix(1);
    if (starts_with_ci(markup, "<!doctype html") || starts_with_ci(markup, "<html") ||
        starts_with_ci(markup, "<head") || starts_with_ci(markup, "<body") ||
        ((starts_with_ci(markup, "<?xml") || starts_with_ci(markup, "<!--")) &&
         head.find("<html") != std::string_view::npos))
        return Format::html;
    std::string ext = lower_extension(path);
    // HTML saved as UTF-16 (a Windows habit) is full of NUL bytes: its byte order mark says what it is.
    bool utf16 = head.size() >= 2 && (std::memcmp(head.data(), "\xFF\xFE", 2) == 0 ||
                                      std::memcmp(head.data(), "\xFE\xFF", 2) == 0);
    if (utf16 && (ext == ".html" || ext == ".htm" || ext == ".xhtml")) return Format::html;
    if (looks_binary(head)) {
        return make_error(ErrorCode::Unsupported,
                          path.string() + ": binary content that is not a PDF (no known format)");
    }
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
    if (ext == ".pdf") {
        return make_error(ErrorCode::Corrupt, path.string() + ": named .pdf but has no PDF header");
    }
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    if (ext == ".txt" || ext == ".text" || ext.empty()) return Format::text;
    return make_error(ErrorCode::Unsupported, path.string() + ": unsupported file type '" + ext + "'");
}

SourceText read_plain_text(std::string_view bytes, Format format, std::string source) {
    SourceText out;
    out.source = std::move(source);
    out.format = format;
    std::string text = normalise_text(bytes);
    // Blocks are runs of lines separated by blank lines; markdown headings and list items stand alone.
    Block current;
    auto flush = [&]() {
        trim_right(current.text);
        if (!current.text.empty()) out.blocks.push_back(std::move(current));
        current = Block{};
    };
    std::vector<std::string> all;
    {
        std::istringstream lines(text);
        std::string next;
        while (std::getline(lines, next)) all.push_back(std::move(next));
    }
    for (std::size_t n = 0; n < all.size(); ++n) {
        std::string line = std::move(all[n]);  // later lines are read ahead, never earlier ones
        trim_right(line);
        std::string_view view = line;
        if (line.find('\f') != std::string::npos) line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
        std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos) {
            flush();
            continue;
        }
        if (format == Format::markdown) {
            view = std::string_view(line).substr(first);
            if (view.front() == '#') {
                int level = 0;
                while (level < static_cast<int>(view.size()) && view[static_cast<std::size_t>(level)] == '#') ++level;
                if (level <= 6 && (static_cast<std::size_t>(level) == view.size() || view[static_cast<std::size_t>(level)] == ' ')) {
                    flush();
                    current.kind = BlockKind::heading;
                    current.level = level;
                    std::string heading = strip_emphasis(view.substr(static_cast<std::size_t>(level)));
                    std::size_t start = heading.find_first_not_of(' ');
                    current.text = start == std::string::npos ? "" : heading.substr(start);
                    flush();
                    continue;
                }
            }
            // A pipe table's row ("| Cllr A Patel | Town Mayor | Present |"): its cells, tab-separated as
            // the HTML reader gives them; the rule under the header ("|---|---|") says nothing.
            if (view.size() > 2 && view.front() == '|' && view.back() == '|') {
                flush();
                if (view.find_first_not_of("|-: ") != std::string_view::npos) {
                    std::string row;
                    std::size_t from = 1;
                    while (from < view.size()) {
                        std::size_t bar = view.find('|', from);
                        std::string cell = strip_emphasis(view.substr(from, bar - from));
                        std::size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
                        if (from > 1) row += '\t';
                        row += a == std::string::npos ? std::string() : cell.substr(a, b - a + 1);
                        from = bar + 1;
                    }
                    current.kind = BlockKind::table_row;
                    current.text = row;
                    flush();
                }
                continue;
            }
            // Its bold title may wrap ("b)  **Active Travel consultation on road modification to improve
            // cycling" / "    safety**").
            std::string point(view);
            std::size_t last = n;
            auto open_bold = [](std::string_view p) {  // bold opened after the marker and not closed
                std::string_view rest = bold_point_text(p);
                return rest.size() > 2 && rest.find("**", 2) == std::string_view::npos;
            };
            for (std::size_t m = n + 1; m < all.size() && m <= n + kBoldPointLines && open_bold(point); ++m) {
                std::string more = all[m];
                trim_right(more);
                std::size_t from = more.find_first_not_of(" \t");
                if (from == std::string::npos) break;
                more.erase(0, from);
                point += ' ';
                point += more;
                last = m;
            }
            if (bold_point_title(point)) {
                flush();
                current.kind = BlockKind::heading;
                current.level = kBoldPointLevel;
                current.text = strip_emphasis(point);
                flush();
                n = last;
                continue;
            }
            if (view.size() > 2 && (view[0] == '-' || view[0] == '*' || view[0] == '+') && view[1] == ' ') {
                flush();
                current.kind = BlockKind::list_item;
                current.text = strip_emphasis(view.substr(2));
                flush();
                continue;
            }
            if (!current.text.empty()) current.text += '\n';
            current.text += strip_emphasis(line);
            continue;
        }
        if (!current.text.empty()) current.text += '\n';
        current.text += line;
    }
    flush();
    return out;
}

Result<SourceText> read_source(const std::filesystem::path& path, const ReadOptions& options) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        return make_error(ErrorCode::NotFound, path.string() + ": no such file");
    }
    if (!std::filesystem::is_regular_file(status)) {
        return make_error(ErrorCode::InvalidArgument, path.string() + ": not a regular file");
    }
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return make_error(ErrorCode::Io, path.string() + ": cannot read size: " + ec.message());
    if (size > options.max_file_bytes) {
        return make_error(ErrorCode::LimitExceeded,
                          path.string() + ": file is " + std::to_string(size) + " bytes, over the limit of " +
                              std::to_string(options.max_file_bytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::Io, path.string() + ": cannot open for reading");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.empty()) return make_error(ErrorCode::InvalidArgument, path.string() + ": empty file");
    auto format = detect_format(std::string_view(bytes).substr(0, 4096), path);
    if (!format) return tl::unexpected(format.error());
    switch (*format) {
        case Format::text:
        case Format::markdown: return read_plain_text(bytes, *format, path.string());
        case Format::html: return read_html(bytes, path.string(), options);
        case Format::pdf: return read_pdf(bytes, path.string(), options);
    }
    return make_error(ErrorCode::Unsupported, path.string() + ": unsupported format");
}

}  // namespace minutes
