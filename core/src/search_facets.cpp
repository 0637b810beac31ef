// FacetTable and FacetCounter: facet counting by document id (see search_facets.h).
#include "search_facets.h"

#include <map>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "minutes/search.h"

namespace minutes {

namespace {

// A slot value as the facet's single values: a multi-valued slot holds a kListSeparator-joined list.
template <typename F>
void for_each_value(std::string_view value, bool multi_valued, F&& f) {
    if (!multi_valued) {
        if (!value.empty()) f(value);
        return;
    }
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t sep = value.find(schema::kListSeparator, start);
        if (sep == std::string_view::npos) sep = value.size();
        if (sep > start) f(value.substr(start, sep - start));
        start = sep + 1;
    }
}

}  // namespace

std::shared_ptr<const FacetTable> FacetTable::build(const Xapian::Database& db) {
    Xapian::docid last = db.get_lastdocid();
    if (last > config::kFacetTableMaxDocid) return nullptr;
    auto table = std::make_shared<FacetTable>();
    table->facets.resize(schema::kFacets.size());
    for (std::size_t f = 0; f < schema::kFacets.size(); ++f) {
        const auto& spec = schema::kFacets[f];
        Facet& facet = table->facets[f];
        facet.code_of.assign(std::size_t{last} + 1, 0);
        std::unordered_map<std::string, std::uint32_t> list_code;
        std::unordered_map<std::string, std::uint32_t> value_index;
        for (auto v = db.valuestream_begin(spec.slot); v != db.valuestream_end(spec.slot); ++v) {
            auto [it, added] = list_code.try_emplace(*v, static_cast<std::uint32_t>(facet.lists.size() + 1));
            if (added) {
                std::vector<std::uint32_t> list;
                for_each_value(*v, spec.multi_valued, [&](std::string_view value) {
                    auto [at, fresh] =
                        value_index.try_emplace(std::string(value), static_cast<std::uint32_t>(facet.values.size()));
                    if (fresh) facet.values.emplace_back(value);
                    list.push_back(at->second);
                });
                facet.lists.push_back(std::move(list));
            }
            Xapian::docid id = v.get_docid();
            if (id <= last) facet.code_of[id] = it->second;
        }
    }
    return table;
}

std::shared_ptr<const FacetTable> FacetTable::shared(const Xapian::Database& db, const std::string& location,
                                                     bool read) {
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const FacetTable>> tables;
    // The UUID tells a database rebuilt at the same path (its revisions start again) from the old one.
    std::string key = location + '\x1f' + db.get_uuid() + '\x1f' + std::to_string(db.get_revision());
    // Held while a table is read, so that workers reopening together read it once.
    std::lock_guard<std::mutex> lock(mutex);
    for (auto t = tables.begin(); t != tables.end();) t = t->second.expired() ? tables.erase(t) : std::next(t);
    if (auto table = tables[key].lock()) return table;
    if (!read) return nullptr;
    auto table = build(db);
    if (table) tables[key] = table;
    return table;
}

FacetCounter::FacetCounter(std::shared_ptr<const FacetTable> table, std::vector<std::size_t> facets)
    : table_(std::move(table)), facets_(std::move(facets)) {
    for (std::size_t f : facets_) tallies_.emplace_back(table_->facets[f].lists.size() + 1, 0);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    Xapian::docid id = doc.get_docid();
    for (std::size_t i = 0; i < facets_.size(); ++i) {
        const auto& code_of = table_->facets[facets_[i]].code_of;
        // The table is of the revision searched (read again after a reopen): every match is in it.
        if (id < code_of.size()) ++tallies_[i][code_of[id]];
    }
}

FacetCounts FacetCounter::counts(std::size_t i) const {
    const FacetTable::Facet& facet = table_->facets[facets_[i]];
    const auto& tally = tallies_[i];
    // Each document's list names a value once, so summing over distinct lists counts documents.
    std::vector<std::size_t> per_value(facet.values.size(), 0);
    for (std::size_t code = 1; code < tally.size(); ++code) {
        if (tally[code] == 0) continue;
        for (std::uint32_t v : facet.lists[code - 1]) per_value[v] += tally[code];
    }
    FacetCounts out;
    for (std::size_t v = 0; v < per_value.size(); ++v) {
        if (per_value[v] > 0) out.emplace_back(facet.values[v], per_value[v]);
    }
    return out;
}

FacetCounts spy_counts(const Xapian::ValueCountMatchSpy& spy, const schema::FacetSpec& spec) {
    std::unordered_map<std::string, std::size_t> counts;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
        auto freq = static_cast<std::size_t>(v.get_termfreq());
        for_each_value(*v, spec.multi_valued, [&](std::string_view value) { counts[std::string(value)] += freq; });
    }
    return {counts.begin(), counts.end()};
}

}  // namespace minutes
