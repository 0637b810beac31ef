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

}  // namespace minutes::testing
