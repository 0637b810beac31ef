// Exact facet counts from a table of each facet slot's values by document, read once per database
// revision: counting a match is then an array increment, not a value read and a string-keyed map update.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "minutes/schema.h"

namespace minutes {

// Values of one facet in a result set, each once, with how many matches hold it.
using FacetCounts = std::vector<std::pair<std::string, std::size_t>>;

class FacetTable {
  public:
    // Reads every facet slot of db (one local database: a match spy sees a shard's own document ids, not
    // those of shards combined). nullptr when the document ids are too many for a table
    // (config::kFacetTableMaxDocid): callers count with Xapian's spies.
    [[nodiscard]] static std::shared_ptr<const FacetTable> build(const Xapian::Database& db);
    // The table of the database at `location` as db has it open: one per revision for the whole process,
    // shared by the search workers, dropped when none holds it. When no worker holds it yet, read it if
    // `read` (reading costs about as much as a few facet searches without it), else nullptr.
    [[nodiscard]] static std::shared_ptr<const FacetTable> shared(const Xapian::Database& db,
                                                                  const std::string& location, bool read);

    struct Facet {
        std::vector<std::uint32_t> code_of;           // by document id: 1 + index into lists, 0 for none
        std::vector<std::vector<std::uint32_t>> lists;  // each distinct slot value, as indexes into values
        std::vector<std::string> values;              // single values (a multi-valued slot's lists split)
    };
    std::vector<Facet> facets;  // as schema::kFacets
};

// Counts the facets of every match it sees (on an Enquire over the database the table was read from).
class FacetCounter : public Xapian::MatchSpy {
  public:
    // facets: indexes into schema::kFacets to count.
    FacetCounter(std::shared_ptr<const FacetTable> table, std::vector<std::size_t> facets);
    void operator()(const Xapian::Document& doc, double weight) override;
    // The counts of facets[i].
    [[nodiscard]] FacetCounts counts(std::size_t i) const;

  private:
    std::shared_ptr<const FacetTable> table_;
    std::vector<std::size_t> facets_;
    std::vector<std::vector<std::size_t>> tallies_;  // per requested facet, per code
};

// The counts of a ValueCountMatchSpy on a facet's slot, a multi-valued slot's lists split.
[[nodiscard]] FacetCounts spy_counts(const Xapian::ValueCountMatchSpy& spy, const schema::FacetSpec& spec);

}  // namespace minutes
