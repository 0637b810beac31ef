// HTML reader (libxml2's HTML parser): the main content of a page as heading, list item, table row
// and paragraph blocks, without the site's scripts, navigation, headers, footers and sidebars.
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "minutes/normalise.h"
#include "readers.h"

namespace minutes {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

std::string_view name_of(const xmlNode* node) {
    return node->name != nullptr ? std::string_view(reinterpret_cast<const char*>(node->name))
                                 : std::string_view();
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// class and id split into lower-case tokens, also at '-' and '_' ("site-sidebar" -> "site", "sidebar").
std::vector<std::string> class_tokens(const xmlNode* node) {
    std::string all = lower(attribute(node, "class") + " " + attribute(node, "id"));
    std::vector<std::string> tokens;
    std::string token;
    for (char c : all) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
            if (!token.empty()) tokens.push_back(std::move(token));
            token.clear();
        } else {
            token += c;
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    return tokens;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold minutes text.
bool is_chrome_element(std::string_view name) {
    return is_one_of(name, {"script", "style",  "noscript", "template", "nav",    "aside",  "form",
                            "button", "select", "textarea", "input",    "iframe", "object", "embed",
                            "svg",    "canvas", "head",     "title",    "menu",   "dialog", "map"});
}

// Site chrome marked by role, hidden, or a class or id naming a sidebar, menu or similar.
bool is_chrome_by_attributes(const xmlNode* node) {
    if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
    if (lower(attribute(node, "aria-hidden")) == "true") return true;
    std::string role = lower(attribute(node, "role"));
    if (is_one_of(role, {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                         "dialog"}))
        return true;
    for (const auto& token : class_tokens(node)) {
        if (is_one_of(token,
                      {"sidebar", "navbar", "nav", "navigation", "menu", "breadcrumb", "breadcrumbs",
                       "cookie", "cookies", "widget", "widgets", "share", "social", "skip", "pagination"}))
            return true;
    }
    return false;
}

bool is_block_element(std::string_view name) {
    return is_one_of(
        name, {"p",        "div",     "section", "article",    "main",    "blockquote", "pre",    "ul",
               "ol",       "dl",      "dt",      "dd",         "table",   "thead",      "tbody",  "tfoot",
               "caption",  "address", "figure",  "figcaption", "hr",      "center",     "h1",     "h2",
               "h3",       "h4",      "h5",      "h6",         "li",      "tr",         "header", "footer",
               "fieldset", "legend",  "body",    "html",       "details", "summary"});
}

int heading_level(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
    return 0;
}

// Which bytes the page is in: a BOM, then a declared <meta charset> (or http-equiv content type),
// then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what "ISO-8859-1" pages really are).
std::string sniff_encoding(std::string_view bytes) {
    if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) return "UTF-8";
    if (bytes.size() >= 2 && std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0) return "UTF-16LE";
    if (bytes.size() >= 2 && std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0) return "UTF-16BE";
    std::string head = lower(std::string(bytes.substr(0, 4096)));
    std::size_t at = 0;
    while ((at = head.find("<meta", at)) != std::string::npos) {
        std::size_t end = head.find('>', at);
        if (end == std::string::npos) break;
        std::string tag = head.substr(at, end - at);
        at = end;
        std::size_t charset = tag.find("charset");
        if (charset == std::string::npos) continue;
        std::size_t value = charset + 7;
        while (value < tag.size() &&
               (tag[value] == ' ' || tag[value] == '=' || tag[value] == '"' || tag[value] == '\''))
            ++value;
        std::string name;
        while (value < tag.size() &&
               (std::isalnum(static_cast<unsigned char>(tag[value])) || tag[value] == '-' ||
                tag[value] == '_' || tag[value] == ':' || tag[value] == '.'))
            name += tag[value++];
        if (name.empty()) continue;
        if (is_one_of(name, {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1", "cp1252"}))
            return "windows-1252";
        if (name == "utf8") return "UTF-8";
        // A declaration libxml2 cannot decode is ignored (libxml2 would read the page as Latin-1).
        if (xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.c_str())) {
            xmlCharEncCloseFunc(handler);
            return name;
        }
        break;
    }
    return is_valid_utf8(bytes) ? "UTF-8" : "windows-1252";
}

class ContentFinder {
  public:
    explicit ContentFinder(xmlNode* root) { count_text(root); }

    // <main> or role=main (narrowed to its one <article>), else the largest <article>, else an element
    // whose class or id says "content", else the densest region under <body>.
    xmlNode* find(xmlNode* body) {
        std::vector<xmlNode*> mains, articles, contents;
        collect(body, mains, articles, contents);
        std::size_t total = text_of(body);
        auto largest = [&](const std::vector<xmlNode*>& nodes) -> xmlNode* {
            xmlNode* best = nullptr;
            for (auto* node : nodes)
                if (best == nullptr || text_of(node) > text_of(best)) best = node;
            // A candidate holding a small share of the page's text is a widget, not the content.
            if (best != nullptr && text_of(best) * 4 < total) return nullptr;
            return best;
        };
        if (xmlNode* main = largest(mains)) {
            std::vector<xmlNode*> inner_mains, inner_articles, inner_contents;
            collect(main, inner_mains, inner_articles, inner_contents);
            if (inner_articles.size() == 1 && text_of(inner_articles.front()) * 2 >= text_of(main))
                return inner_articles.front();
            return main;
        }
        if (xmlNode* article = largest(articles)) return article;
        if (xmlNode* content = largest(contents)) return content;
        xmlNode* node = body;
        for (;;) {
            xmlNode* dominant = nullptr;
            for (xmlNode* child = node->children; child != nullptr; child = child->next) {
                // Only into containers: a heading or paragraph holding most of a short page is
                // part of the content, not the content region.
                if (child->type == XML_ELEMENT_NODE && text_of(child) * 10 >= text_of(node) * 7 &&
                    is_one_of(name_of(child), {"div", "section", "article", "main", "table", "tbody", "thead",
                                               "tr", "td", "th", "center", "font", "span", "blockquote"}))
                    dominant = child;
            }
            if (dominant == nullptr) return node;
            // What the dominant block leaves out is chrome when it is a sliver of the text (a credit line)
            // or mostly links (navigation). More plain text than that beside it (a short sitting's date
            // line, "Prayers", who took the chair) is content: stay here.
            std::size_t left_text = text_of(node) - text_of(dominant);
            std::size_t left_links = link_text_of(node) - link_text_of(dominant);
            if (left_text * 20 > text_of(node) && left_links * 2 < left_text) return node;
            node = dominant;
        }
    }

    [[nodiscard]] std::size_t text_of(const xmlNode* node) const {
        auto found = text_.find(node);
        return found == text_.end() ? 0 : found->second;
    }

    // Text bytes under the element that are inside links (<a>).
    [[nodiscard]] std::size_t link_text_of(const xmlNode* node) const {
        auto found = links_.find(node);
        return found == links_.end() ? 0 : found->second;
    }

    [[nodiscard]] bool dropped(const xmlNode* node) const { return dropped_.count(node) != 0; }

  private:
    // Text bytes under every element, chrome excluded; iterative so that deep nesting cannot
    // exhaust the stack.
    void count_text(xmlNode* root) {
        struct Frame {
            xmlNode* node;
            bool done;
        };
        std::vector<Frame> stack{{root, false}};
        while (!stack.empty()) {
            Frame frame = stack.back();
            stack.pop_back();
            xmlNode* node = frame.node;
            if (frame.done) {
                std::size_t sum = 0;
                std::size_t links = 0;
                for (xmlNode* child = node->children; child != nullptr; child = child->next) {
                    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                        if (child->content != nullptr)
                            sum += count_non_space(reinterpret_cast<const char*>(child->content));
                    } else if (child->type == XML_ELEMENT_NODE) {
                        sum += text_of(child);
                        links += link_text_of(child);
                    }
                }
                text_[node] = sum;
                if (node->type == XML_ELEMENT_NODE && name_of(node) == "a") links = sum;
                if (links > 0) links_[node] = links;
                continue;
            }
            if (node->type == XML_ELEMENT_NODE && node != root &&
                (is_chrome_element(name_of(node)) || is_chrome_by_attributes(node))) {
                dropped_.insert({node, true});
                text_[node] = 0;
                continue;
            }
            stack.push_back({node, true});
            for (xmlNode* child = node->children; child != nullptr; child = child->next) {
                if (child->type == XML_ELEMENT_NODE) stack.push_back({child, false});
            }
        }
    }

    static std::size_t count_non_space(const char* text) {
        std::size_t count = 0;
        for (; *text != '\0'; ++text) {
            if (*text != ' ' && *text != '\n' && *text != '\t' && *text != '\r') ++count;
        }
        return count;
    }

    void classify(xmlNode* node, std::vector<xmlNode*>& mains, std::vector<xmlNode*>& articles,
                  std::vector<xmlNode*>& contents) const {
        std::string_view name = name_of(node);
        if (name == "main" || lower(attribute(node, "role")) == "main") {
            mains.push_back(node);
        } else if (name == "article") {
            articles.push_back(node);
        } else {
            for (const auto& token : class_tokens(node)) {
                if (is_one_of(token, {"content", "maincontent", "minutes", "entry", "post", "primary"})) {
                    contents.push_back(node);
                    break;
                }
            }
        }
    }

    void collect(xmlNode* root, std::vector<xmlNode*>& mains, std::vector<xmlNode*>& articles,
                 std::vector<xmlNode*>& contents) const {
        std::vector<xmlNode*> stack{root};
        while (!stack.empty()) {
            xmlNode* node = stack.back();
            stack.pop_back();
            if (node->type != XML_ELEMENT_NODE || dropped(node)) continue;
            if (node != root) classify(node, mains, articles, contents);
            for (xmlNode* child = node->children; child != nullptr; child = child->next)
                stack.push_back(child);
        }
    }

    std::unordered_map<const xmlNode*, std::size_t> text_;
    std::unordered_map<const xmlNode*, std::size_t> links_;  // text bytes inside links, where any
    std::unordered_map<const xmlNode*, bool> dropped_;
};

// Turns the content element's subtree into blocks, walking it with an explicit stack.
class BlockWriter {
  public:
    BlockWriter(SourceText& out, const ReadOptions& options, const ContentFinder& finder,
                bool drop_page_chrome, std::size_t budget)
        : out_(out),
          options_(options),
          finder_(finder),
          drop_page_chrome_(drop_page_chrome),
          budget_(budget) {}

    Result<void> write(xmlNode* root) {
        struct Frame {
            xmlNode* node;
            bool leaving;
        };
        std::vector<Frame> stack{{root, false}};
        while (!stack.empty()) {
            Frame frame = stack.back();
            stack.pop_back();
            xmlNode* node = frame.node;
            if (frame.leaving) {
                leave(node);
            } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                if (node->content != nullptr) add_text(reinterpret_cast<const char*>(node->content));
            } else if (node->type == XML_ELEMENT_NODE) {
                if (node != root && skip(node)) continue;
                enter(node);
                stack.push_back({node, true});
                std::vector<xmlNode*> children;
                for (xmlNode* child = node->children; child != nullptr; child = child->next)
                    children.push_back(child);
                for (auto child = children.rbegin(); child != children.rend(); ++child)
                    stack.push_back({*child, false});
            }
            if (produced_ > budget_) return over_budget();
        }
        flush();
        if (produced_ > budget_) return over_budget();
        return {};
    }

    Result<void> over_budget() const {
        return make_error(ErrorCode::LimitExceeded, out_.source + ": extracted text passes " +
                                                        std::to_string(budget_) + " bytes, over " +
                                                        std::to_string(options_.max_output_ratio) +
                                                        " times the file's size (max_output_ratio)");
    }

  private:
    struct Context {
        BlockKind kind;
        int level;
    };

    bool skip(const xmlNode* node) const {
        if (finder_.dropped(node)) return true;
        std::string_view name = name_of(node);
        return drop_page_chrome_ && (name == "header" || name == "footer");
    }

    void enter(xmlNode* node) {
        std::string_view name = name_of(node);
        if (name == "br") {
            if (in_row_) {
                add_text(" ");
            } else {
                trim_trailing_space(buffer_);
                buffer_ += '\n';
            }
            return;
        }
        if (name == "pre") ++pre_depth_;
        // A definition list is read as rows of name and value: "Subject\tA. Call to Order".
        if (name == "dl" && !in_row_) {
            flush();
            ++definition_lists_;
            return;
        }
        if (definition_lists_ > 0 && (name == "dt" || (name == "dd" && !in_row_))) {
            if (in_row_) close_row();
            flush();
            in_row_ = true;
            cells_.clear();
            buffer_.clear();
            started_cell_ = false;
            finish_cell();
            return;
        }
        if (definition_lists_ > 0 && name == "dd") {
            finish_cell();
            return;
        }
        if (name == "tr" && !in_row_) {
            flush();
            in_row_ = true;
            cells_.clear();
            return;
        }
        if (in_row_) {
            if (name == "td" || name == "th") {
                finish_cell();
            } else if (is_block_element(name)) {
                add_text(" ");
            }
            return;
        }
        if (int level = heading_level(name)) {
            flush();
            contexts_.push_back({BlockKind::heading, level});
            return;
        }
        if (name == "li") {
            flush();
            contexts_.push_back({BlockKind::list_item, 0});
            pending_marker_ = list_marker(node);
            return;
        }
        if (is_block_element(name)) {
            flush();
            // Paragraphs inside a list item ("<li><h4>Title</h4><p>...</p></li>") are paragraphs.
            if (is_paragraph_container(name)) contexts_.push_back({BlockKind::text, 0});
        }
    }

    static bool is_paragraph_container(std::string_view name) {
        return is_one_of(name, {"p", "div", "blockquote", "pre", "section", "article", "address", "figure"});
    }

    // What a browser shows before an item of an ordered list: "3. " (or "c. ", "iii. " by type).
    static std::string list_marker(const xmlNode* item) {
        const xmlNode* list = item->parent;
        if (list == nullptr || list->type != XML_ELEMENT_NODE || name_of(list) != "ol") return {};
        long number = 1;
        std::string start = attribute(list, "start");
        if (!start.empty()) number = std::strtol(start.c_str(), nullptr, 10);
        for (const xmlNode* sibling = list->children; sibling != nullptr && sibling != item;
             sibling = sibling->next) {
            if (sibling->type == XML_ELEMENT_NODE && name_of(sibling) == "li") ++number;
        }
        std::string value = attribute(item, "value");
        if (!value.empty()) number = std::strtol(value.c_str(), nullptr, 10);
        std::string type = attribute(list, "type");
        if ((type == "a" || type == "A") && number >= 1 && number <= 26) {
            return std::string(1, static_cast<char>((type == "a" ? 'a' : 'A') + number - 1)) + ". ";
        }
        if ((type == "i" || type == "I") && number >= 1 && number < 40) {
            static const char* const kRoman[] = {"",    "i",    "ii",  "iii",  "iv",    "v",   "vi",
                                                 "vii", "viii", "ix",  "x",    "xi",    "xii", "xiii",
                                                 "xiv", "xv",   "xvi", "xvii", "xviii", "xix", "xx"};
            if (number <= 20) {
                std::string roman = kRoman[number];
                if (type == "I") roman = upper(roman);
                return roman + ". ";
            }
        }
        return std::to_string(number) + ". ";
    }

    static std::string upper(std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return std::toupper(c); });
        return text;
    }

    void leave(const xmlNode* node) {
        std::string_view name = name_of(node);
        if (name == "pre" && pre_depth_ > 0) --pre_depth_;
        if (name == "dl" && definition_lists_ > 0) {
            if (in_row_) close_row();
            --definition_lists_;
            return;
        }
        if (name == "tr" && in_row_) {
            close_row();
            return;
        }
        if (in_row_) return;
        if (heading_level(name) != 0 || name == "li") {
            flush();
            if (!contexts_.empty()) contexts_.pop_back();
            if (name == "li") pending_marker_.clear();
            return;
        }
        if (is_block_element(name)) {
            flush();
            if (is_paragraph_container(name) && !contexts_.empty()) contexts_.pop_back();
        }
    }

    static void trim_trailing_space(std::string& text) {
        while (!text.empty() && text.back() == ' ') text.pop_back();
    }

    void add_text(const char* text) {
        std::string& target = buffer_;
        if (pre_depth_ > 0) {
            target += text;
            return;
        }
        // Runs of white space in HTML are one space.
        for (const char* c = text; *c != '\0'; ++c) {
            bool space = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f';
            if (space) {
                if (!target.empty() && target.back() != ' ' && target.back() != '\n') target += ' ';
            } else {
                target += *c;
            }
        }
    }

    // Ends a table row (or a definition list's name and value): a row with one cell is a paragraph.
    void close_row() {
        finish_cell();
        in_row_ = false;
        std::vector<std::string> cells = std::move(cells_);
        cells_.clear();
        auto filled =
            std::count_if(cells.begin(), cells.end(), [](const std::string& c) { return !c.empty(); });
        if (filled == 0) return;
        if (filled == 1) {
            emit(BlockKind::text, 0,
                 *std::find_if(cells.begin(), cells.end(), [](const std::string& c) { return !c.empty(); }));
            return;
        }
        // Empty cells stay, so that a value keeps its column.
        std::string row;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) row += '\t';
            row += cells[i];
        }
        emit(BlockKind::table_row, 0, row);
    }

    void finish_cell() {
        std::string cell = buffer_;
        buffer_.clear();
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        std::size_t first = cell.find_first_not_of(' ');
        std::size_t last = cell.find_last_not_of(' ');
        cell = first == std::string::npos ? std::string() : cell.substr(first, last - first + 1);
        if (!cell.empty() || !cells_.empty() || started_cell_) cells_.push_back(std::move(cell));
        started_cell_ = true;
    }

    void flush() {
        if (in_row_) return;
        Context context = contexts_.empty() ? Context{BlockKind::text, 0} : contexts_.back();
        // Each line trimmed; blank lines inside a block dropped.
        std::string text;
        std::size_t start = 0;
        while (start <= buffer_.size()) {
            std::size_t end = buffer_.find('\n', start);
            if (end == std::string::npos) end = buffer_.size();
            std::string line = buffer_.substr(start, end - start);
            std::size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos) {
                std::size_t last = line.find_last_not_of(" \t");
                if (!text.empty()) text += '\n';
                text += line.substr(first, last - first + 1);
            }
            start = end + 1;
        }
        buffer_.clear();
        if (!text.empty()) emit(context.kind, context.level, text);
    }

    // PDFs converted to HTML (pdftohtml) mark each page with "Page N" alone; read in sequence from
    // "Page 1", they give the following blocks their page, as the PDF reader would.
    bool take_page_marker(const std::string& text) {
        int expected = page_ ? *page_ + 1 : 1;
        if (text != "Page " + std::to_string(expected)) return false;
        page_ = expected;
        return true;
    }

    void emit(BlockKind kind, int level, const std::string& text) {
        if (kind == BlockKind::text && take_page_marker(text)) return;
        produced_ += text.size();
        if (!pending_marker_.empty() && kind != BlockKind::table_row) {
            // A numbered entry reads "3. Title" as in a markdown source, where the markdown reader
            // gives a text block: the same form from both, so the recogniser sees one convention.
            if (kind == BlockKind::list_item) kind = BlockKind::text;
            append_block(out_, kind, pending_marker_ + text, level, page_, options_);
            pending_marker_.clear();
        } else {
            append_block(out_, kind, text, level, page_, options_);
        }
        started_cell_ = false;
    }

    SourceText& out_;
    const ReadOptions& options_;
    const ContentFinder& finder_;
    bool drop_page_chrome_;
    std::size_t budget_;
    std::size_t produced_ = 0;
    std::string buffer_;
    std::vector<Context> contexts_;
    std::string pending_marker_;  // an ordered list's number, put before the item's first block
    std::vector<std::string> cells_;
    bool in_row_ = false;
    int definition_lists_ = 0;
    std::optional<int> page_;  // from "Page N" markers, when the page has them
    bool started_cell_ = false;
    int pre_depth_ = 0;
};

xmlNode* find_element(xmlNode* root, std::string_view name) {
    std::vector<xmlNode*> stack{root};
    while (!stack.empty()) {
        xmlNode* node = stack.back();
        stack.pop_back();
        if (node->type == XML_ELEMENT_NODE && name_of(node) == name) return node;
        for (xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) stack.push_back(child);
        }
    }
    return nullptr;
}

}  // namespace

Result<SourceText> read_html(std::string_view bytes, std::string source, const ReadOptions& options) {
    // libxml2 sets up its globals (the encoding handlers among them) lazily and not thread-safely: two
    // indexer workers reading their first pages at once each built the table, and one copy leaked. Once,
    // before any other call.
    static std::once_flag libxml_ready;
    std::call_once(libxml_ready, [] { xmlInitParser(); });
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return make_error(ErrorCode::LimitExceeded, source + ": HTML too large for the HTML parser");
    std::string encoding = sniff_encoding(bytes);
    std::string repaired;
    if (encoding == "UTF-8" && !is_valid_utf8(bytes)) {
        // Invalid UTF-8 in a page declared UTF-8 becomes U+FFFD before parsing, so that libxml2 does
        // not switch the rest of the page to Latin-1.
        repaired = repair_utf8(bytes);
        bytes = repaired;
    }
    // NONET: never fetch anything a page refers to. libxml2 keeps its own limits (elements nested
    // 256 deep, text nodes of 10,000,000 bytes without HTML_PARSE_HUGE) and stops parsing there;
    // what it read so far is kept and the stop is reported as a warning.
    std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(),
                                                                           &htmlFreeParserCtxt);
    if (!context) return make_error(ErrorCode::Unavailable, source + ": cannot create an HTML parser");
    DocPtr document(
        htmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), source.c_str(),
                           encoding.c_str(),
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER),
        &xmlFreeDoc);
    if (!document) {
        return make_error(
            ErrorCode::Corrupt,
            source + ": cannot be parsed as HTML (declared or sniffed encoding " + encoding + ")");
    }
    std::vector<std::string> parser_warnings;
    if (const xmlError* last = xmlCtxtGetLastError(context.get());
        last != nullptr && last->message != nullptr) {
        std::string message = last->message;
        if (message.find("Excessive depth") != std::string::npos) {
            parser_warnings.push_back("elements nested deeper than the HTML parser's limit of " +
                                      std::to_string(xmlParserMaxDepth) +
                                      "; the rest of the page was not read");
        } else if (message.find("huge text node") != std::string::npos) {
            parser_warnings.push_back("a text run longer than the HTML parser's limit of " +
                                      std::to_string(XML_MAX_TEXT_LENGTH) +
                                      " bytes was cut there; the rest of the page was not read");
        }
    }
    xmlNode* root = xmlDocGetRootElement(document.get());
    SourceText out;
    out.source = source;
    out.format = Format::html;
    out.warnings = std::move(parser_warnings);
    if (root == nullptr) return out;
    // A fragment (no <body>) is all content; a whole page is searched for its main content.
    xmlNode* body = find_element(root, "body");
    xmlNode* top = body != nullptr ? body : root;
    ContentFinder finder(top);
    xmlNode* content = body != nullptr ? finder.find(body) : root;
    // <header> and <footer> are page chrome around the content, but an article's own header holds its title.
    bool drop_page_chrome = content == top;
    BlockWriter writer(out, options, finder, drop_page_chrome, max_output_bytes(bytes.size(), options));
    auto written = writer.write(content);
    if (!written) return tl::unexpected(written.error());
    // If everything was chrome (say, a page that is all <nav>), fall back to all of the text.
    if (out.blocks.empty() && content != top) {
        BlockWriter everything(out, options, finder, false, max_output_bytes(bytes.size(), options));
        auto again = everything.write(top);
        if (!again) return tl::unexpected(again.error());
    }
    if (out.blocks.empty()) out.warnings.push_back("the page has no text");
    return out;
}

}  // namespace minutes
