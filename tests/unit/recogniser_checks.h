// Shared by the recogniser tests over real documents: read and recognise a file, compare its items.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "minutes/reader.h"
#include "minutes/recogniser.h"

namespace minutes::testing {

struct Want {
    std::string number;
    std::string title;
};

inline Minutes recognise_file(const std::filesystem::path& path) {
    auto text = read_source(path);
    REQUIRE(text);
    return recognise(*text);
}

// The items, in order, are exactly these.
inline void check_items(const Minutes& m, const std::vector<Want>& want) {
    REQUIRE(m.items.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        INFO("item " << k);
        CHECK(m.items[k].number == want[k].number);
        CHECK(m.items[k].title == want[k].title);
    }
}

// The item numbered `number`; nullptr when there is none.
inline const AgendaItem* item_numbered(const Minutes& m, const std::string& number) {
    for (const auto& item : m.items) {
        if (item.number == number) return &item;
    }
    return nullptr;
}

// The title of the item numbered `number`; "(no item N)" when there is none, so a failed check says so.
inline std::string title_of(const Minutes& m, const std::string& number) {
    const AgendaItem* item = item_numbered(m, number);
    return item != nullptr ? item->title : "(no item " + number + ")";
}

// The passage of an item numbered `number` whose text starts with `start`; nullptr when there is none.
inline const Passage* passage_of(const Minutes& m, const std::string& number, const std::string& start) {
    for (const auto& item : m.items) {
        if (item.number != number) continue;
        for (const auto& p : item.passages) {
            if (p.text.rfind(start, 0) == 0) return &p;
        }
    }
    return nullptr;
}

// The attendee recognised under exactly this name; nullptr when there is none.
inline const Attendee* attendee_named(const Minutes& m, const std::string& name) {
    for (const auto& a : m.attendees) {
        if (a.name == name) return &a;
    }
    return nullptr;
}

}  // namespace minutes::testing
