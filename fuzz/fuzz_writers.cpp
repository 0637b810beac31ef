// Fuzz target: the writers of search results (JSON, CSV, terminal table, Atom) and of items, over
// responses whose every string comes from the fuzz input. JSON must be valid UTF-8 and parse, and read
// back; CSV must be valid UTF-8; the Atom feed must be valid UTF-8 and well-formed XML (libxml2); an
// item's stored form (encode_item) must read back unchanged, and decode_item refuse junk cleanly.
#include <cstddef>
#include <cstdint>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>
#include <libxml/parser.h>

#include "fuzz_check.h"
#include "minutes/atom_feed.h"
#include "minutes/item_record.h"
#include "minutes/schema.h"
#include "minutes/search.h"
#include "minutes/search_format.h"
#include "minutes/web_page.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using minutes::fuzz::require;
using minutes::fuzz::require_json;
using minutes::fuzz::require_utf8;

std::string text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(200); }

std::optional<int> page(FuzzedDataProvider& in) {
    if (!in.ConsumeBool()) return std::nullopt;
    return in.ConsumeIntegral<int>();
}

minutes::Hit make_hit(FuzzedDataProvider& in, std::size_t rank) {
    minutes::Hit hit;
    hit.rank = rank;
    hit.score = in.ConsumeFloatingPoint<double>();  // may be inf or NaN: writers must still give JSON
    hit.id = text(in);
    hit.item_id = text(in);
    hit.meeting_id = text(in);
    hit.council = text(in);
    hit.committee = text(in);
    hit.date = text(in);
    hit.item_number = text(in);
    hit.item_title = text(in);
    hit.snippet = text(in);
    // Highlights as the searcher makes them: spans inside the snippet, in order, not overlapping.
    std::size_t at = 0;
    while (at < hit.snippet.size() && in.ConsumeBool()) {
        const std::size_t offset = in.ConsumeIntegralInRange<std::size_t>(at, hit.snippet.size());
        const std::size_t length = in.ConsumeIntegralInRange<std::size_t>(0, hit.snippet.size() - offset);
        hit.highlights.push_back({offset, length});
        at = offset + length;
    }
    hit.speaker = text(in);
    hit.speaker_role = text(in);
    hit.passage_kind = text(in);
    hit.passage = in.ConsumeIntegral<std::size_t>();
    hit.source = text(in);
    hit.page = page(in);
    hit.citation = text(in);
    hit.grouped = in.ConsumeIntegral<std::size_t>();
    // Derived, not consumed, so that the saved inputs in regressions/ still build the same response.
    hit.seconder = hit.speaker_role + hit.speaker;
    return hit;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace minutes;
    FuzzedDataProvider in(data, size);
    SearchResponse response;
    response.query = text(in);
    response.total_estimate = in.ConsumeIntegral<std::size_t>();
    response.total_exact = in.ConsumeBool();
    response.offset = in.ConsumeIntegral<std::size_t>();
    response.limit = in.ConsumeIntegral<std::size_t>();
    response.sort = in.PickValueInArray({SortOrder::relevance, SortOrder::newest, SortOrder::oldest});
    response.by = in.PickValueInArray({GroupBy::item, GroupBy::passage, GroupBy::meeting});
    const std::size_t hits = in.ConsumeIntegralInRange<std::size_t>(0, 4);
    for (std::size_t i = 0; i < hits; ++i) response.hits.push_back(make_hit(in, i + 1));
    const std::size_t facets = in.ConsumeIntegralInRange<std::size_t>(0, schema::kFacets.size());
    for (std::size_t i = 0; i < facets; ++i) {
        Facet facet;
        facet.name = std::string(schema::kFacets[i].name);
        const std::size_t values = in.ConsumeIntegralInRange<std::size_t>(0, 3);
        for (std::size_t v = 0; v < values; ++v) facet.values.push_back({text(in), in.ConsumeIntegral<std::size_t>()});
        response.facets.push_back(std::move(facet));
    }
    response.suggestion = text(in);
    if (in.ConsumeBool()) response.notes.push_back(text(in));

    const std::string json = search_response_json(response, in.ConsumeBool() ? -1 : 2);
    require_json(json, "search_response_json is not valid UTF-8 JSON");
    Result<SearchResponse> back = search_response_from_json(json);
    require(back.has_value(), "search_response_from_json refused search_response_json's output");
    require(back->hits.size() == response.hits.size(), "hits lost in the JSON round trip");

    // Regression (fuzz/regressions/fuzz_writers/csv-invalid-utf8): the CSV once copied invalid UTF-8 through.
    require_utf8(search_response_csv(response), "search_response_csv is not valid UTF-8");
    TableStyle style;
    style.width = in.ConsumeIntegralInRange<std::size_t>(0, 200);
    style.color = in.ConsumeBool();
    (void)search_response_table(response, style);
    (void)no_results_message(response);

    WebParams params;
    params.emplace_back("q", response.query);
    const std::string feed = render_atom_feed(response, params, "2026-01-01T00:00:00Z");
    require_utf8(feed, "render_atom_feed is not valid UTF-8");
    xmlDocPtr doc = xmlReadMemory(feed.data(), static_cast<int>(feed.size()), "feed.atom", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    require(doc != nullptr, "render_atom_feed is not well-formed XML");
    xmlFreeDoc(doc);

    ItemRecord item;
    item.id = text(in);
    item.meeting_id = text(in);
    item.council = text(in);
    item.committee = text(in);
    item.date = text(in);
    item.source = text(in);
    item.number = text(in);
    item.title = text(in);
    item.page = page(in);
    while (in.remaining_bytes() > 0 && item.passages.size() < 4) {
        Passage passage;
        passage.text = text(in);
        passage.speaker = text(in);
        passage.kind = in.PickValueInArray({PassageKind::paragraph, PassageKind::bullet, PassageKind::resolution,
                                            PassageKind::declaration, PassageKind::vote});
        passage.page = page(in);
        passage.seconder = passage.speaker.substr(passage.speaker.size() / 2);
        item.passages.push_back(std::move(passage));
    }
    require_json(item_to_json(item, -1), "item_to_json is not valid UTF-8 JSON");
    // The stored form reads back whole, seconders included.
    Result<ItemRecord> stored = decode_item(encode_item(item));
    require(stored.has_value(), "decode_item refused encode_item's output");
    require(stored->passages.size() == item.passages.size() && stored->title == item.title,
            "the item changed in its stored form");
    for (std::size_t p = 0; p < item.passages.size(); ++p)
        require(stored->passages[p].seconder == item.passages[p].seconder &&
                    stored->passages[p].text == item.passages[p].text,
                "a passage changed in its stored form");

    // Reading documents back must refuse junk cleanly: feed it the raw input as a document.
    const std::string raw(reinterpret_cast<const char*>(data), size);
    (void)search_response_from_json(raw);
    (void)error_from_json(raw);
    (void)decode_item(raw);
    return 0;
}
