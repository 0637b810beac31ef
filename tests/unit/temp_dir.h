// A temporary directory for one test, removed with everything in it when the test ends.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>

namespace minutes::testing {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "minutes-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A file's bytes; empty when it cannot be read.
inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The project's own sample corpus (corpora/ in the repo) and the shared corpora (../shared/corpora),
// which may be absent on a fresh clone.
inline std::filesystem::path project_corpus() { return std::filesystem::path(MINUTES_SOURCE_DIR) / "corpora"; }
inline std::filesystem::path shared_corpus() {
    if (const char* env = std::getenv("MINUTES_SHARED_CORPORA")) return env;
    return std::filesystem::path(MINUTES_SOURCE_DIR) / ".." / "shared" / "corpora";
}

// True, with a warning naming it, when a file or folder of the shared corpora is not on this machine: a
// test that needs it then passes without checking it ("if (testing::shared_corpus_absent(path)) return;").
inline bool shared_corpus_absent(const std::filesystem::path& path) {
    if (std::filesystem::exists(path)) return false;
    WARN("shared corpus absent: " << path.string());
    return true;
}

}  // namespace minutes::testing
