// The query parser: a light pre-pass over the query (synonyms, limits, highlight words), then Xapian's
// QueryParser with a field processor per filter field and a date range processor.
#include "query_parser_xapian.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "minutes/normalise.h"
#include "minutes/query_parser.h"
#include "minutes/schema.h"
#include "minutes/search.h"

namespace minutes {
namespace {

// Words too common to rank or highlight; kept inside phrases.
const Xapian::SimpleStopper& english_stopper() {
    // Built once and never freed: Xapian's stoppers cannot be copied, and parsers only borrow it.
    static const Xapian::SimpleStopper* const stopper = [] {
        auto* s = new Xapian::SimpleStopper;
        for (const char* w : {"a",    "an",   "and",  "are",  "as", "at",  "be",   "by",   "for",
                              "from", "has",  "have", "in",   "is", "it",  "its",  "of",   "on",
                              "or",   "that", "the",  "this", "to", "was", "were", "will", "with"}) {
            s->add(w);
        }
        return s;
    }();
    return *stopper;
}

enum class TokenKind {
    word,      // plain word: may be expanded by synonyms, corrected by spelling
    phrase,    // "quoted words"
    wildcard,  // child*
    field,     // committee:"X", member:Oborski, 2017-01-01..2017-06-30 (left to Xapian's parser)
    signed_,   // -word, +word, -"phrase"
    op,        // AND OR NOT XOR NEAR ADJ (NEAR/5)
    bracket,
};

struct Token {
    TokenKind kind;
    std::size_t begin;  // byte range in the query
    std::size_t end;
    std::string body;  // word or phrase content
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view w) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
        if (w == op) return true;
        if (w.size() > op.size() + 1 && w.substr(0, op.size() + 1) == std::string(op) + "/") return true;
    }
    return false;
}

// AND, OR, NOT or XOR followed by NEAR or ADJ (with or without /n), as Xapian's parser splits words: an
// operator is a word of its own wherever the byte before it is ASCII punctuation or space ("limit=OR"),
// and whatever spaces and punctuation stand between the two.
std::optional<std::pair<std::string, std::string>> operator_before_proximity(std::string_view q) {
    auto word_byte = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '_';
    };
    for (std::string_view op : {"AND", "OR", "NOT", "XOR"}) {
        for (std::size_t at = q.find(op); at != std::string_view::npos; at = q.find(op, at + 1)) {
            if (at > 0 && word_byte(q[at - 1])) continue;
            std::size_t k = at + op.size();
            if (k >= q.size() || word_byte(q[k])) continue;
            // Spaces and punctuation between them are skipped by Xapian's lexer ("XOR `NEAR/3").
            while (k < q.size() && !word_byte(q[k])) ++k;
            for (std::string_view near : {"NEAR", "ADJ"}) {
                if (q.substr(k, near.size()) != near) continue;
                std::size_t end = k + near.size();
                if (end < q.size() && q[end] == '/') {
                    ++end;
                    while (end < q.size() && std::isdigit(static_cast<unsigned char>(q[end]))) ++end;
                } else if (end < q.size() && word_byte(q[end])) {
                    continue;
                }
                return std::make_pair(std::string(op), std::string(q.substr(k, end - k)));
            }
        }
    }
    return std::nullopt;
}

std::vector<Token> tokenize(std::string_view q) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < q.size()) {
        if (is_space(q[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (q[i] == '(' || q[i] == ')') {
            tokens.push_back({TokenKind::bracket, start, i + 1, std::string(1, q[i])});
            ++i;
            continue;
        }
        if (q[i] == '"') {
            std::size_t close = q.find('"', i + 1);
            std::size_t end = close == std::string_view::npos ? q.size() : close + 1;
            std::size_t body_end = close == std::string_view::npos ? q.size() : close;
            tokens.push_back({TokenKind::phrase, start, end, std::string(q.substr(i + 1, body_end - i - 1))});
            i = end;
            continue;
        }
        // A word runs to a space, bracket or quote; a quote straight after ':' or a sign belongs to it.
        while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')') {
            if (q[i] == '"') {
                bool attached = i > start &&
                                (q[i - 1] == ':' || ((q[i - 1] == '-' || q[i - 1] == '+') && i - 1 == start));
                if (!attached) break;
                std::size_t close = q.find('"', i + 1);
                i = close == std::string_view::npos ? q.size() : close + 1;
                break;
            }
            ++i;
        }
        std::string_view text = q.substr(start, i - start);
        Token t{TokenKind::word, start, i, std::string(text)};
        std::size_t colon = text.find(':');
        if (colon != std::string_view::npos || text.find("..") != std::string_view::npos) {
            t.kind = TokenKind::field;
        } else if (text.front() == '-' || text.front() == '+') {
            t.kind = TokenKind::signed_;
        } else if (is_operator(text)) {
            t.kind = TokenKind::op;
        } else if (text.back() == '*') {
            t.kind = TokenKind::wildcard;
            t.body = std::string(text.substr(0, text.size() - 1));
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

// Folded word without surrounding punctuation: "Children's," -> "children's".
std::string fold_word(std::string_view w) {
    auto is_edge_punct = [](char c) {
        return c == ',' || c == '.' || c == ';' || c == '!' || c == '?' || c == '\'' || c == '"' ||
               c == '+' || c == '-' || c == ':';
    };
    while (!w.empty() && is_edge_punct(w.front())) w.remove_prefix(1);
    while (!w.empty() && is_edge_punct(w.back())) w.remove_suffix(1);
    return fold_case(w);
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t s = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > s) out.emplace_back(text.substr(s, i - s));
    }
    return out;
}

bool is_upper_acronym(std::string_view w) {
    if (w.size() < 2) return false;
    for (char c : w) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

// A synonym value as query text: characters the parser would read as syntax become spaces.
std::string synonym_text(const std::string& value) {
    std::string clean;
    for (char c : value) clean += (c == '"' || c == '(' || c == ')' || c == '*' || c == ':') ? ' ' : c;
    auto words = split_words(clean);
    if (words.empty()) return "";
    if (words.size() == 1) return words[0];
    std::string joined;
    for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
    return "\"" + joined + "\"";
}

class ParseErrorSink {
  public:
    void record(const Error& e) {
        if (!error_) error_ = e;
    }
    [[nodiscard]] const std::optional<Error>& error() const { return error_; }

  private:
    std::optional<Error> error_;
};

// Field processors report bad values through the sink rather than by throwing through Xapian's parser.
class FilterProcessor : public Xapian::FieldProcessor {
  public:
    FilterProcessor(QueryCompiler& compiler, std::string field, ParseErrorSink& sink,
                    std::vector<std::string>& fields, std::vector<std::string>& values)
        : compiler_(compiler), field_(std::move(field)), sink_(sink), fields_(fields), values_(values) {}

    Xapian::Query operator()(const std::string& value) override {
        auto q = compiler_.field_query(field_, value);
        if (!q) {
            sink_.record(q.error());
            return Xapian::Query::MatchNothing;
        }
        fields_.push_back(field_);
        values_.push_back(value);
        return *q;
    }

  private:
    QueryCompiler& compiler_;
    std::string field_;
    ParseErrorSink& sink_;
    std::vector<std::string>& fields_;
    std::vector<std::string>& values_;
};

// "2017-01-01..2017-06-30", "2017..2018", "2017-03.." on the date slot.
class MeetingDateRangeProcessor : public Xapian::RangeProcessor {
  public:
    explicit MeetingDateRangeProcessor(ParseErrorSink& sink)
        : Xapian::RangeProcessor(schema::kSlotDate), sink_(sink) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        std::string first, last;
        if (!begin.empty()) {
            auto r = parse_date_expression(begin, "date range");
            if (!r) return fail(r.error());
            first = r->first;
        }
        if (!end.empty()) {
            auto r = parse_date_expression(end, "date range");
            if (!r) return fail(r.error());
            last = r->last;
        }
        if (first.empty() && last.empty())
            return fail({ErrorCode::InvalidArgument, "date range: both ends are empty"});
        if (last.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, first);
        if (first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, last);
        if (first > last) {
            return fail(
                {ErrorCode::InvalidArgument, "date range: " + begin + ".." + end + " ends before it starts"});
        }
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, first, last);
    }

  private:
    Xapian::Query fail(const Error& e) {
        sink_.record(e);
        return Xapian::Query::MatchNothing;
    }
    ParseErrorSink& sink_;
};

Xapian::Query or_of_terms(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> subs;
    subs.reserve(terms.size());
    for (const auto& t : terms) subs.emplace_back(t);
    return Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end());
}

void add_highlight_word(QueryWords& words, const std::string& folded, bool keep_stopwords) {
    words.add(folded, keep_stopwords);
}

void add_highlight_text(QueryWords& words, std::string_view text, bool keep_stopwords) {
    for (const auto& w : split_words(text)) add_highlight_word(words, fold_word(w), keep_stopwords);
}

}  // namespace

std::size_t QueryWords::add(const std::string& folded, bool keep_stopwords, std::size_t group) {
    if (folded.empty() || (!keep_stopwords && english_stopper()(folded))) return group;
    auto at = std::find(words.begin(), words.end(), folded);
    if (at != words.end()) return groups[static_cast<std::size_t>(at - words.begin())];
    thread_local const Xapian::Stem stem("english");  // Stem objects are not thread-safe
    if (group == kNewGroup) group = group_count++;
    words.push_back(folded);
    stems.push_back(stem(folded));
    groups.push_back(group);
    return group;
}

std::size_t QueryWords::add_phrase(const std::vector<std::string>& folded_words, std::size_t group) {
    std::vector<std::string> kept;
    for (const auto& w : folded_words) {
        if (!w.empty()) kept.push_back(w);
    }
    if (kept.empty()) return group;
    if (kept.size() == 1) return add(kept[0], true, group);
    for (const auto& p : phrases) {
        if (p.words == kept) return p.group;
    }
    thread_local const Xapian::Stem stem("english");  // Stem objects are not thread-safe
    if (group == kNewGroup) group = group_count++;
    Phrase phrase{kept, {}, group};
    for (const auto& w : kept) phrase.stems.push_back(stem(w));
    phrases.push_back(std::move(phrase));
    return group;
}

bool is_stopword(const std::string& folded_word) { return english_stopper()(folded_word); }

Error translate_xapian_error(const Xapian::Error& e, std::string_view context) {
    std::string type = e.get_type();
    std::string message = std::string(context) + ": " + e.get_msg();
    ErrorCode code = ErrorCode::Io;
    if (type == "DatabaseLockError")
        code = ErrorCode::Locked;
    else if (type == "DatabaseNotFoundError" || type == "DocNotFoundError")
        code = ErrorCode::NotFound;
    else if (type == "DatabaseOpeningError" || type == "DatabaseVersionError" ||
             type == "DatabaseCorruptError")
        code = ErrorCode::Corrupt;
    else if (type == "NetworkError" || type == "NetworkTimeoutError")
        code = ErrorCode::Unavailable;
    else if (type == "QueryParserError" || type == "InvalidArgumentError" || type == "RangeError")
        code = ErrorCode::InvalidArgument;
    else if (type == "WildcardError") {
        code = ErrorCode::LimitExceeded;
        message = std::string(context) + ": a wildcard matches more than " +
                  std::to_string(config::kMaxWildcardExpansion) + " words; make it longer";
    } else if (type == "UnimplementedError")
        code = ErrorCode::Unsupported;
    return Error{code, message};
}

QueryCompiler::QueryCompiler(const Xapian::Database* db) : db_(db) {}

void QueryCompiler::reset() {
    committee_keys_.clear();
    council_keys_.clear();
    keys_loaded_ = false;
    inflection_cache_.clear();
}

std::vector<std::string> QueryCompiler::synonyms_for(const std::vector<std::string>& originals) const {
    std::vector<std::string> found;
    std::string key;
    for (const auto& w : originals) {
        std::string f = fold_word(w);
        if (f.empty()) return found;
        key += (key.empty() ? "" : " ") + f;
    }
    if (db_ != nullptr) {
        try {
            for (auto s = db_->synonyms_begin(key); s != db_->synonyms_end(key); ++s) found.push_back(*s);
        } catch (const Xapian::Error&) {
            // Remote shards keep no synonyms: the shipped list still applies; the searcher adds a note.
        }
    }
    for (const auto& a : shipped_abbreviations()) {
        // The short form only when typed in capitals (so "send" stays a verb); the long form as typed.
        if (originals.size() == 1 && is_upper_acronym(originals[0]) && a.short_form == key)
            found.emplace_back(a.long_form);
        if (originals.size() > 1 && a.long_form == key) found.emplace_back(a.short_form);
    }
    std::vector<std::string> unique;
    for (auto& f : found) {
        if (f != key && std::find(unique.begin(), unique.end(), f) == unique.end()) unique.push_back(f);
    }
    return unique;
}

Result<Xapian::Query> QueryCompiler::name_query(std::string_view prefix, std::string_view value,
                                                std::string_view field) {
    auto exact = filter_terms(field, value);
    if (!exact) return tl::unexpected(exact.error());
    if (db_ == nullptr) return Xapian::Query((*exact)[0]);
    try {
        if (!keys_loaded_) {
            for (auto [pfx, keys] : {std::pair{std::string(schema::prefix_of("committee")), &committee_keys_},
                                     std::pair{std::string(schema::prefix_of("council")), &council_keys_}}) {
                for (auto t = db_->allterms_begin(pfx); t != db_->allterms_end(pfx); ++t) keys->push_back(*t);
            }
            keys_loaded_ = true;
        }
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, std::string(field) + " filter"));
    }
    const auto& keys = field == "committee" ? committee_keys_ : council_keys_;
    std::string wanted = (*exact)[0].substr(prefix.size());
    std::vector<std::string> matches;
    for (const auto& term : keys) {
        if (name_key_matches(std::string_view(term).substr(prefix.size()), wanted)) matches.push_back(term);
    }
    if (matches.size() > config::kMaxFilterExpansion) {
        return make_error(ErrorCode::LimitExceeded,
                          std::string(field) + ": '" + std::string(value) + "' matches " +
                              std::to_string(matches.size()) + " names (limit " +
                              std::to_string(config::kMaxFilterExpansion) + "); say more");
    }
    if (matches.empty()) return Xapian::Query((*exact)[0]);
    return or_of_terms(matches);
}

Result<Xapian::Query> QueryCompiler::field_query(std::string_view field, std::string_view value) {
    if (value.size() > config::kMaxQueryBytes) {
        return make_error(ErrorCode::LimitExceeded, std::string(field) + ": value longer than " +
                                                        std::to_string(config::kMaxQueryBytes) + " bytes");
    }
    if (!is_valid_utf8(value))
        return make_error(ErrorCode::InvalidArgument, std::string(field) + ": not valid UTF-8");
    if (field == "committee" || field == "council") return name_query(schema::prefix_of(field), value, field);
    if (field == "from" || field == "to" || field == "date") {
        auto range = parse_date_expression(value, field);
        if (!range) return tl::unexpected(range.error());
        if (field == "from")
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, range->first);
        if (field == "to") return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, range->last);
        if (range->first == range->last)
            return Xapian::Query(std::string(schema::prefix_of("date")) + range->first);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, range->first, range->last);
    }
    if (field == "topic") {
        try {
            Xapian::QueryParser qp;
            qp.set_stemmer(Xapian::Stem("english"));
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            qp.set_stopper(&english_stopper());
            qp.set_default_op(Xapian::Query::OP_AND);
            return qp.parse_query(std::string(value), Xapian::QueryParser::FLAG_PHRASE,
                                  std::string(schema::prefix_of("topic")));
        } catch (const Xapian::Error& e) {
            return tl::unexpected(translate_xapian_error(e, "topic"));
        }
    }
    auto terms = filter_terms(field, value);
    if (!terms) return tl::unexpected(terms.error());
    return or_of_terms(*terms);
}

Result<Xapian::Query> QueryCompiler::option_filter(std::string_view field,
                                                   const std::vector<std::string>& values) {
    if (values.size() > config::kMaxFilterValues) {
        return make_error(ErrorCode::LimitExceeded, std::string(field) + ": " +
                                                        std::to_string(values.size()) + " values (limit " +
                                                        std::to_string(config::kMaxFilterValues) + ")");
    }
    std::vector<Xapian::Query> subs;
    for (const auto& v : values) {
        auto q = field_query(field, v);
        if (!q) return q;
        subs.push_back(*q);
    }
    return Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end());
}

Result<std::string> QueryCompiler::expand_synonyms(std::string_view text,
                                                   std::vector<SynonymExpansion>* concepts) const {
    auto tokens = tokenize(text);
    auto lookup = [this](const std::vector<std::string>& originals) { return synonyms_for(originals); };
    auto alternatives = [](const std::vector<std::string>& syns) {
        std::string out;
        for (const auto& s : syns) {
            std::string t = synonym_text(s);
            if (!t.empty()) out += " OR " + t;
        }
        return out;
    };

    std::string out;
    std::size_t copied = 0;  // bytes of `text` already in `out`
    auto near_op = [&](std::size_t k) {
        return k < tokens.size() && tokens[k].kind == TokenKind::op &&
               (tokens[k].body.rfind("NEAR", 0) == 0 || tokens[k].body.rfind("ADJ", 0) == 0);
    };
    for (std::size_t i = 0; i < tokens.size();) {
        const Token& t = tokens[i];
        bool beside_near = (i > 0 && near_op(i - 1)) || near_op(i + 1);
        if (t.kind == TokenKind::phrase && !beside_near) {
            auto syns = lookup(split_words(t.body));
            if (!syns.empty() && concepts != nullptr) concepts->push_back({"\"" + t.body + "\"", syns});
            if (!syns.empty()) {
                out += std::string(text.substr(copied, t.begin - copied)) + "(\"" + t.body + "\"" +
                       alternatives(syns) + ")";
                copied = t.end;
            }
            ++i;
            continue;
        }
        if (t.kind != TokenKind::word || beside_near) {
            ++i;
            continue;
        }
        // The longest run of plain words starting here that is a synonym key.
        std::size_t run = i;
        while (run < tokens.size() && tokens[run].kind == TokenKind::word && !near_op(run + 1) &&
               run - i < config::kMaxSynonymWords) {
            ++run;
        }
        bool expanded = false;
        for (std::size_t len = run - i; len >= 1 && !expanded; --len) {
            std::vector<std::string> span;
            for (std::size_t k = i; k < i + len; ++k) span.push_back(tokens[k].body);
            auto syns = lookup(span);
            if (syns.empty()) continue;
            if (concepts != nullptr) {
                std::string written;
                for (const auto& w : span) written += (written.empty() ? "" : " ") + w;
                concepts->push_back({written, syns});
            }
            std::string original(text.substr(t.begin, tokens[i + len - 1].end - t.begin));
            out += std::string(text.substr(copied, t.begin - copied));
            out += len > 1 ? "((" + original + ")" + alternatives(syns) + ")"
                           : "(" + original + alternatives(syns) + ")";
            copied = tokens[i + len - 1].end;
            i += len;
            expanded = true;
        }
        if (!expanded) ++i;
    }
    out += std::string(text.substr(copied));
    return out;
}

std::string QueryCompiler::spelling_suggestion(std::string_view text) const {
    if (db_ == nullptr) return "";
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    try {
        for (const auto& t : tokenize(text)) {
            if (t.kind != TokenKind::word && t.kind != TokenKind::phrase) continue;
            // Within a phrase each word is checked on its own.
            std::size_t base = t.kind == TokenKind::phrase ? t.begin + 1 : t.begin;
            std::string_view body =
                t.kind == TokenKind::phrase ? std::string_view(t.body) : std::string_view(t.body);
            std::size_t i = 0;
            while (i < body.size()) {
                while (i < body.size() && is_space(body[i])) ++i;
                std::size_t s = i;
                while (i < body.size() && !is_space(body[i])) ++i;
                if (i == s) break;
                std::string folded = fold_word(body.substr(s, i - s));
                if (folded.size() < 4 || english_stopper()(folded) || db_->term_exists(folded)) continue;
                std::string fix = db_->get_spelling_suggestion(folded);
                if (fix.empty() || fix == folded) continue;
                out += std::string(text.substr(copied, base + s - copied)) + fix;
                copied = base + i;
                changed = true;
            }
        }
    } catch (const Xapian::Error&) {
        return "";  // remote shards hold no spelling data
    }
    if (!changed) return "";
    return out + std::string(text.substr(copied));
}

Result<CompiledQuery> QueryCompiler::compile(std::string_view text) {
    if (text.size() > config::kMaxQueryBytes) {
        return make_error(ErrorCode::LimitExceeded, "query: " + std::to_string(text.size()) +
                                                        " bytes (limit " +
                                                        std::to_string(config::kMaxQueryBytes) + ")");
    }
    if (!is_valid_utf8(text)) return make_error(ErrorCode::InvalidArgument, "query: not valid UTF-8");
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) {
            return make_error(ErrorCode::InvalidArgument, "query: contains a control character");
        }
    }

    CompiledQuery result;
    auto tokens = tokenize(text);
    // Xapian 1.4's parser leaks memory when AND, OR, NOT or XOR is followed by NEAR/n or ADJ/n (found by
    // fuzz_query_parser); a public daemon must not leak per request, so that syntax error is ours.
    if (auto pair = operator_before_proximity(text)) {
        return make_error(ErrorCode::InvalidArgument, "query: '" + pair->first + "' must be followed by a word, not by '" +
                                                          pair->second + "'");
    }
    std::size_t words = 0;
    for (const auto& t : tokens) {
        switch (t.kind) {
            case TokenKind::word:
                ++words;
                result.has_terms = true;
                add_highlight_word(result.words, fold_word(t.body), false);
                break;
            case TokenKind::phrase: {
                auto ws = split_words(t.body);
                words += ws.size();
                if (!ws.empty()) result.has_terms = true;
                break;
            }
            case TokenKind::wildcard: {
                ++words;
                result.has_terms = true;
                std::string p = fold_word(t.body);
                if (!p.empty()) result.words.prefixes.push_back(p);
                break;
            }
            case TokenKind::signed_:
                ++words;
                if (t.body[0] == '+') {
                    result.has_terms = true;
                    add_highlight_text(result.words, t.body.substr(1), true);
                }
                break;
            case TokenKind::field:
                ++words;
                if (t.body.rfind("topic:", 0) == 0) {
                    result.has_terms = true;
                    add_highlight_text(result.words, t.body.substr(6), false);
                }
                break;
            case TokenKind::op:
            case TokenKind::bracket:
                break;
        }
    }
    if (words > config::kMaxQueryTerms) {
        return make_error(ErrorCode::LimitExceeded, "query: " + std::to_string(words) + " words (limit " +
                                                        std::to_string(config::kMaxQueryTerms) + ")");
    }

    std::vector<SynonymExpansion> concepts;
    auto expanded = expand_synonyms(text, &concepts);
    if (!expanded) return tl::unexpected(expanded.error());
    // Synonyms are highlighted too ("SIP" lights up "Service Improvement Plan"), as one concept with what
    // was written, so that a passage saying either form counts the same.
    auto folded_words = [](std::string_view t) {
        std::vector<std::string> out;
        for (const auto& w : split_words(t)) out.push_back(fold_word(w));
        return out;
    };
    for (const auto& c : concepts) {
        std::size_t group = QueryWords::kNewGroup;
        if (!c.written.empty() && c.written[0] == '"') {
            group = result.words.add_phrase(
                folded_words(std::string_view(c.written).substr(1, c.written.size() - 2)));
        } else {
            for (const auto& w : folded_words(c.written)) {
                std::size_t g = result.words.add(w, false, group);
                if (group == QueryWords::kNewGroup) group = g;
            }
        }
        for (const auto& syn : c.synonyms) result.words.add_phrase(folded_words(syn), group);
    }
    // Phrases as written.
    for (const auto& t : tokens) {
        if (t.kind == TokenKind::phrase) result.words.add_phrase(folded_words(t.body));
    }

    // Plain words and phrases (with any filters) are ranked by build_ranked; operators, brackets, signs
    // and wildcards keep Xapian's parse of the query as written.
    bool plain = std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return t.kind == TokenKind::word || t.kind == TokenKind::phrase || t.kind == TokenKind::field;
    });
    std::vector<PlainPart> parts;
    std::string parsed_text = *expanded;
    if (plain) {
        parsed_text.clear();
        for (std::size_t i = 0; i < tokens.size();) {
            const Token& t = tokens[i];
            if (t.kind == TokenKind::field) {
                parsed_text += (parsed_text.empty() ? "" : " ") + std::string(text.substr(t.begin, t.end - t.begin));
                ++i;
                continue;
            }
            if (t.kind == TokenKind::phrase) {
                PlainPart part{split_words(t.body), true, {}};
                if (!part.words.empty()) {
                    part.synonyms = synonyms_for(part.words);
                    parts.push_back(std::move(part));
                }
                ++i;
                continue;
            }
            // The longest run of words starting here that is a synonym key, else the word alone.
            std::size_t run = i;
            while (run < tokens.size() && tokens[run].kind == TokenKind::word && run - i < config::kMaxSynonymWords)
                ++run;
            std::size_t len = run - i;
            for (; len > 1; --len) {
                std::vector<std::string> span;
                for (std::size_t k = i; k < i + len; ++k) span.push_back(tokens[k].body);
                auto syns = synonyms_for(span);
                if (syns.empty()) continue;
                parts.push_back({span, false, syns});
                break;
            }
            if (len <= 1) {
                parts.push_back({{t.body}, false, synonyms_for({t.body})});
                len = 1;
            }
            i += len;
        }
    }

    ParseErrorSink sink;
    try {
        Xapian::QueryParser qp;
        if (db_ != nullptr) qp.set_database(*db_);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_stopper(&english_stopper());
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.set_max_expansion(config::kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR,
                             Xapian::QueryParser::FLAG_WILDCARD);
        qp.add_prefix("topic", std::string(schema::prefix_of("topic")));
        for (const auto& f : kQueryFields) {
            if (f.name == "topic") continue;
            qp.add_boolean_prefix(std::string(f.name),
                                  (new FilterProcessor(*this, std::string(f.name), sink, result.filter_fields,
                                                       result.filter_values))
                                      ->release());
        }
        qp.add_rangeprocessor((new MeetingDateRangeProcessor(sink))->release());
        unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
        if (!parsed_text.empty()) result.query = qp.parse_query(parsed_text, flags);
        if (plain) build_ranked(parts, result);
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate_xapian_error(e, "query"));
    }
    if (sink.error()) return tl::unexpected(*sink.error());
    return result;
}

}  // namespace minutes
