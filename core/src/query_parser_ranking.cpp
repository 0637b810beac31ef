// Ranking of plain queries (words and "phrases"): which items match, and the boosts that order them
// (DESIGN.md "Ranking"). The weights come from RankingWeights; the relevance harness measures each.
#include <algorithm>

#include "minutes/normalise.h"
#include "minutes/schema.h"
#include "query_parser_xapian.h"

namespace minutes {
namespace {

// The index's unstemmed terms of a text, in order, as the indexer's TermGenerator makes them
// ("Children's" -> children's; "by-law" -> by, law; "2025-26" -> 2025, 26).
std::vector<std::string> exact_terms(const std::string& text) {
    thread_local Xapian::TermGenerator generator;  // no stemmer: unstemmed terms only
    Xapian::Document doc;
    generator.set_document(doc);
    generator.set_termpos(0);
    generator.index_text(text);
    std::vector<std::pair<Xapian::termpos, std::string>> at;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace_back(*p, *t);
    }
    std::sort(at.begin(), at.end());
    std::vector<std::string> terms;
    for (auto& [pos, term] : at) terms.push_back(std::move(term));
    return terms;
}

std::string stem_of(const std::string& term) {
    thread_local const Xapian::Stem stem("english");  // Stem objects are not thread-safe
    return stem(term);
}

// The indexer adds Z stems only for words starting with a letter (not "2025").
bool has_stem(const std::string& term) {
    auto c = static_cast<unsigned char>(term[0]);
    return c >= 0x80 || (c >= 'a' && c <= 'z');
}

Xapian::Query any_of(const std::vector<Xapian::Query>& subs, Xapian::Query::op op = Xapian::Query::OP_OR) {
    if (subs.empty()) return Xapian::Query();
    if (subs.size() == 1) return subs[0];
    return Xapian::Query(op, subs.begin(), subs.end());
}

Xapian::Query terms_query(const std::vector<std::string>& terms, Xapian::Query::op op) {
    std::vector<Xapian::Query> subs;
    for (const auto& t : terms) subs.emplace_back(t);
    return any_of(subs, op);
}

Xapian::Query scaled(const Xapian::Query& q, double factor) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

// True when what an indexed stem adds to a word's stem is a derivational ending (vandal + is, appoint +
// e, staff + er), not another word run on to it (board + room, board + walk).
bool derived_ending(std::string_view rest) {
    static const std::string_view kEndings[] = {"is", "iz", "ism", "ist", "at", "al", "ic", "ment", "ness", "iti",
                                                "er", "e", "or", "ion", "abl", "ibl", "ful", "less", "ous", "iv",
                                                "li", "y", "ent", "ant", "ship", "hood", "ag", "ar"};
    for (auto ending : kEndings) {
        if (rest.size() >= ending.size() && rest.size() <= ending.size() + 4 && rest.substr(0, ending.size()) == ending)
            return true;
    }
    return false;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

bool QueryCompiler::held_by_few(const std::string& term) const {
    try {
        return static_cast<double>(db_->get_termfreq(term)) <=
               config::kSplitMaxShare * static_cast<double>(db_->get_doccount());
    } catch (const Xapian::Error&) {
        return false;  // a remote shard that cannot say: leave the word whole
    }
}

bool QueryCompiler::term_exists(const std::string& term) const {
    if (db_ == nullptr) return true;
    try {
        return db_->term_exists(term);
    } catch (const Xapian::Error&) {
        return true;  // a remote shard that cannot say: keep the term
    }
}

std::vector<std::string> QueryCompiler::inflections(const std::string& exact) {
    auto cached = inflection_cache_.find(exact);
    if (cached != inflection_cache_.end()) return cached->second;
    std::vector<std::string> forms{exact};
    std::string stem = stem_of(exact);
    std::size_t common = 0;
    while (common < stem.size() && common < exact.size() && stem[common] == exact[common]) ++common;
    if (db_ != nullptr && common >= 3 && has_stem(exact)) {
        try {
            std::string prefix = exact.substr(0, common);
            std::size_t scanned = 0;
            for (auto t = db_->allterms_begin(prefix);
                 t != db_->allterms_end(prefix) && scanned < config::kMaxTermScan &&
                 forms.size() < config::kMaxInflections;
                 ++t, ++scanned) {
                if (*t != exact && stem_of(*t) == stem) forms.push_back(*t);
            }
        } catch (const Xapian::Error&) {
            // Remote shards may not list terms: the form as typed is enough.
        }
    }
    if (inflection_cache_.size() > 4096) inflection_cache_.clear();  // bounded, for a long-lived searcher
    inflection_cache_.emplace(exact, forms);
    return forms;
}

void QueryCompiler::build_ranked(const std::vector<PlainPart>& parts, CompiledQuery& out) {
    const RankingWeights& w = weights_;
    const std::string title_stem_prefix = "Z" + std::string(schema::prefix_of("topic"));
    std::vector<Xapian::Query> required, optional, boosts, positional, title_terms;
    std::vector<std::pair<std::string, std::size_t>> sequence;  // content terms in order, stopwords before
    std::size_t stopwords_before = 0;
    bool decision = false;
    Xapian::Query rarest;  // the query's most specific word (fewest items), for w.rarest
    Xapian::doccount rarest_freq = 0;
    std::size_t counted_words = 0;

    bool all_stopwords = true;
    for (const auto& part : parts) {
        for (const auto& word : part.words) {
            for (const auto& t : exact_terms(word)) all_stopwords = all_stopwords && is_stopword(t);
        }
    }

    // One word: its stem (merged with the stems of its spelling variants), plus the form as typed.
    auto word_query = [&](const std::string& exact) {
        std::vector<std::string> forms{exact};
        if (w.spelling > 0) {
            for (const auto& v : spelling_variants(exact)) {
                if (term_exists(v) || term_exists("Z" + stem_of(v))) add_unique(forms, v);
            }
        }
        std::size_t group = out.words.add(exact, true);
        for (std::size_t k = 1; k < forms.size(); ++k) out.words.add(forms[k], true, group);
        if (!has_stem(exact)) return terms_query(forms, Xapian::Query::OP_SYNONYM);
        std::vector<std::string> stems, title;
        for (const auto& f : forms) {
            add_unique(stems, "Z" + stem_of(f));
            add_unique(title, title_stem_prefix + stem_of(f));
        }
        title_terms.push_back(terms_query(title, Xapian::Query::OP_SYNONYM));
        std::vector<Xapian::Query> subs{terms_query(stems, Xapian::Query::OP_SYNONYM)};
        // The word as typed also matches where no stem is indexed (Welsh text keeps words only).
        subs.push_back(scaled(terms_query(forms, Xapian::Query::OP_SYNONYM), std::max(w.exact, 0.01)));
        std::string stem = stem_of(exact);
        if (w.stem_prefix > 0 && stem.size() >= 5 && db_ != nullptr) {
            std::vector<std::string> longer;
            try {
                std::string prefix = "Z" + stem;
                std::size_t scanned = 0;
                for (auto t = db_->allterms_begin(prefix);
                     t != db_->allterms_end(prefix) && scanned < config::kMaxTermScan; ++t, ++scanned) {
                    if (*t != prefix && longer.size() < config::kMaxInflections &&
                        derived_ending(std::string_view(*t).substr(prefix.size())))
                        longer.push_back(*t);
                }
            } catch (const Xapian::Error&) {
            }
            if (!longer.empty()) {
                subs.push_back(scaled(terms_query(longer, Xapian::Query::OP_SYNONYM), w.stem_prefix));
                // Highlighted as the word: a text word whose stem is one of these is this concept.
                for (const auto& t : longer) {
                    out.words.words.push_back(t.substr(1));
                    out.words.stems.push_back(t.substr(1));
                    out.words.groups.push_back(group);
                }
            }
        }
        // A word typed closed matches its parts written apart, in sequence ("cybersecurity" finds "cyber
        // security", "potholes" "pot holes"), weighing as the one word (a phrase weighs as its two terms):
        // the mirror of closed compounds. Parts of three letters and more that the index holds; at most
        // kMaxSplits of them, the shortest first part first; not for common words (kSplitMaxShare).
        constexpr std::size_t kMaxSplits = 2;
        if (w.split > 0 && db_ != nullptr && exact.size() >= 6 && held_by_few(stems.front())) {
            std::size_t found = 0;
            for (std::size_t k = 3; k + 3 <= exact.size() && found < kMaxSplits; ++k) {
                if ((static_cast<unsigned char>(exact[k]) & 0xC0) == 0x80) continue;  // inside a UTF-8 letter
                std::string first = exact.substr(0, k), second = exact.substr(k);
                if (is_stopword(first) || is_stopword(second) || !term_exists(first) || !term_exists(second))
                    continue;
                out.words.add_phrase({first, second}, group);
                subs.push_back(scaled(terms_query({first, second}, Xapian::Query::OP_PHRASE), 0.5 * w.split));
                ++found;
            }
        }
        return any_of(subs);
    };
    // A multi-term word ("by-law") or phrase: its terms in sequence.
    auto sequence_query = [&](const std::vector<std::string>& terms) {
        if (terms.size() == 1) return word_query(terms[0]);
        return terms_query(terms, Xapian::Query::OP_PHRASE);
    };
    auto synonym_query = [&](const std::string& synonym) {
        auto terms = exact_terms(synonym);
        if (terms.empty()) return Xapian::Query();
        if (terms.size() == 1) return word_query(terms[0]);
        return scaled(terms_query(terms, Xapian::Query::OP_PHRASE),
                      w.synonym_phrase / static_cast<double>(terms.size()));
    };

    for (const auto& part : parts) {
        std::vector<Xapian::Query> alternatives;
        if (part.quoted) {
            std::string joined;
            for (const auto& word : part.words) joined += (joined.empty() ? "" : " ") + word;
            auto terms = exact_terms(joined);
            if (terms.empty()) continue;
            alternatives.push_back(sequence_query(terms));
            stopwords_before = 0;
            sequence.clear();
        } else {
            std::vector<Xapian::Query> words;
            for (const auto& word : part.words) {
                auto terms = exact_terms(word);
                if (terms.empty()) continue;
                if (terms.size() == 1 && is_stopword(terms[0]) && !all_stopwords) {
                    ++stopwords_before;
                    continue;
                }
                for (const auto& t : terms) {
                    if (is_decision_word(t)) decision = true;
                    sequence.emplace_back(t, stopwords_before);
                    stopwords_before = 0;
                }
                words.push_back(sequence_query(terms));
                if (w.rarest > 0 && terms.size() == 1 && has_stem(terms[0]) && db_ != nullptr) {
                    Xapian::doccount freq = 0;
                    try {
                        freq = db_->get_termfreq("Z" + stem_of(terms[0]));
                    } catch (const Xapian::Error&) {
                    }
                    if (freq > 0 && (rarest_freq == 0 || freq < rarest_freq)) {
                        rarest_freq = freq;
                        rarest = words.back();
                    }
                    ++counted_words;
                }
            }
            if (words.empty()) continue;
            alternatives.push_back(any_of(words));
        }
        for (const auto& synonym : part.synonyms) {
            auto q = synonym_query(synonym);
            if (!q.empty()) alternatives.push_back(q);
        }
        (part.quoted ? required : optional).push_back(any_of(alternatives));
    }
    if (required.empty() && optional.empty()) return;

    // Two neighbouring words written apart match their closed compound ("wind farm" finds "windfarm",
    // "car park" "carpark") where the index holds it: the minutes spell such words both ways. The
    // compound weighs as the two words it stands for.
    std::vector<Xapian::Query> compounds;
    if (w.compound > 0 && db_ != nullptr) {  // only compounds the index is known to hold
        for (std::size_t i = 0; i + 1 < sequence.size(); ++i) {
            const std::string& a = sequence[i].first;
            const std::string& b = sequence[i + 1].first;
            if (sequence[i + 1].second > 0 || !has_stem(a) || !has_stem(b) || a.size() < 2 || b.size() < 2)
                continue;
            std::string joined = a + b;
            std::string stem = "Z" + stem_of(joined);
            if (!term_exists(stem)) continue;
            out.words.add(joined, true);
            compounds.push_back(scaled(Xapian::Query(stem), 2 * w.compound));  // it stands for both words
        }
    }
    // Three to five neighbouring words also match their initials where the index holds them ("local
    // transport plan" finds "LTP", "community infrastructure grant fund" "CIGF"): minutes shorten the names
    // of committees and plans without always spelling them out. An acronym weighs as its words. Only a word
    // written as an acronym counts (the "acronym" terms): "sat-nav" is not North American Video.
    if (w.initials > 0 && db_ != nullptr) {
        for (std::size_t i = 0; i < sequence.size(); ++i) {
            std::string letters;
            for (std::size_t j = i; j < sequence.size() && j < i + 5; ++j) {
                unsigned char c = static_cast<unsigned char>(sequence[j].first[0]);
                if (c < 'a' || c > 'z' || (j > i && sequence[j].second > 1)) break;
                letters += static_cast<char>(c);
                const std::string acronym = std::string(schema::prefix_of("acronym")) + letters;
                if (letters.size() < 3 || is_stopword(letters) || !term_exists(acronym)) continue;
                out.words.add(letters, true);
                compounds.push_back(scaled(Xapian::Query(acronym), w.initials * static_cast<double>(letters.size())));
            }
        }
    }

    Xapian::Query match;
    if (!w.any_word) {
        std::vector<Xapian::Query> all = required;
        all.insert(all.end(), optional.begin(), optional.end());
        match = any_of(all, Xapian::Query::OP_AND);
    } else if (required.empty()) {
        match = any_of(optional);
    } else if (optional.empty()) {
        match = any_of(required, Xapian::Query::OP_AND);
    } else {
        match = Xapian::Query(Xapian::Query::OP_AND_MAYBE, any_of(required, Xapian::Query::OP_AND),
                              any_of(optional));
    }
    if (!compounds.empty()) {  // a compound matches alone, unless a "phrase" or all words are required
        compounds.insert(compounds.begin(), match);
        match = w.any_word && required.empty() ? any_of(compounds)
                           : Xapian::Query(Xapian::Query::OP_AND_MAYBE, match,
                                           any_of({compounds.begin() + 1, compounds.end()}));
    }
    out.query = out.query.empty() ? match : Xapian::Query(Xapian::Query::OP_AND, match, out.query);

    if (w.coordination > 0 && w.any_word && optional.size() + required.size() >= 2 && !optional.empty()) {
        std::vector<Xapian::Query> all = required;
        all.insert(all.end(), optional.begin(), optional.end());
        boosts.push_back(scaled(any_of(all, Xapian::Query::OP_AND), w.coordination));
    }
    if (w.rarest > 0 && counted_words >= 2 && !rarest.empty()) boosts.push_back(scaled(rarest, w.rarest));
    if (w.title > 0 && !title_terms.empty()) boosts.push_back(scaled(any_of(title_terms), w.title));
    // Neighbouring query words found together: in order (a phrase, with the stopwords typed between them
    // allowed for) and within a window in either order. Unstemmed terms carry positions, so each word
    // stands for its indexed forms sharing its stem ("salt bins" finds "Salt Bin").
    if ((w.phrase > 0 || w.proximity > 0) && sequence.size() >= 2) {
        for (std::size_t i = 0; i + 1 < sequence.size(); ++i) {
            if (!has_stem(sequence[i].first) && !has_stem(sequence[i + 1].first)) continue;
            Xapian::Query a = terms_query(inflections(sequence[i].first), Xapian::Query::OP_OR);
            Xapian::Query b = terms_query(inflections(sequence[i + 1].first), Xapian::Query::OP_OR);
            std::vector<Xapian::Query> pair{a, b};
            if (w.phrase > 0) {
                auto window = static_cast<Xapian::termcount>(2 + sequence[i + 1].second);
                positional.push_back(
                    scaled(Xapian::Query(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(), window), w.phrase));
            }
            if (w.proximity > 0) {
                positional.push_back(scaled(
                    Xapian::Query(Xapian::Query::OP_NEAR, pair.begin(), pair.end(), config::kProximityWindow),
                    w.proximity));
            }
        }
    }
    // Every query word (three or more) within a short span, in any order: in a long item of many
    // matters ("Matters Arising": a) ... b) ...) the words of the query meet where the item deals with it.
    if (w.span > 0 && sequence.size() >= 3 && sequence.size() <= 8) {
        std::vector<Xapian::Query> all;
        for (const auto& [term, stopwords] : sequence)
            all.push_back(terms_query(inflections(term), Xapian::Query::OP_OR));
        auto window = static_cast<Xapian::termcount>(std::max(1.0, w.span_each) * static_cast<double>(sequence.size()));
        positional.push_back(scaled(Xapian::Query(Xapian::Query::OP_NEAR, all.begin(), all.end(), window), w.span));
    }
    if (decision && w.decision > 0) {
        Xapian::Query decided(std::string(schema::prefix_of("type")) + "decision");
        boosts.push_back(Xapian::Query(Xapian::Query::OP_AND,
                                       Xapian::Query((new Xapian::FixedWeightPostingSource(w.decision))->release()),
                                       decided));
    }
    out.boost = any_of(boosts);
    out.positional = any_of(positional);
}

}  // namespace minutes
