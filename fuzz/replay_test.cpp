// Replays what fuzzing found (tests/fuzz_regressions/<target>/*) through the same target
// function the fuzzer calls, with the normal compiler and no fuzzing engine. Each of these inputs
// once crashed, hung or broke an oracle; it must now be read or refused with deckport's error,
// quickly. .ci/run also runs this executable under ASan+UBSan.
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "targets.hpp"

namespace {

namespace fs = std::filesystem;
using deckport::fuzz::Outcome;
using deckport::fuzz::run_target;
using deckport::fuzz::target_names;

// Generous for a -O1 build under ASan on a busy machine; the fuzzer's own limit is 10 s.
constexpr auto kSlowInput = std::chrono::seconds(20);

const fs::path regressions_dir = fs::path(DECKPORT_SOURCE_DIR) / "tests" / "fuzz_regressions";

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Runs the target and returns what escaped it ("" when nothing did).
std::string escaped(const std::string& target, const std::string& bytes,
                    Outcome* outcome = nullptr) {
    try {
        Outcome result = run_target(target, bytes);
        if (outcome) *outcome = result;
        return {};
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

class Replay : public testing::TestWithParam<std::string> {};

TEST_P(Replay, EveryRegressionInputIsReadOrRefusedQuickly) {
    for (const fs::path& file : files_in(regressions_dir / GetParam())) {
        SCOPED_TRACE(file.string());
        auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(escaped(GetParam(), read_bytes(file)), "");
        EXPECT_LT(std::chrono::steady_clock::now() - start, kSlowInput);
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, Replay, testing::ValuesIn(target_names()),
                         [](const auto& info) { return info.param; });

// A folder with a misspelt target name would never be replayed.
TEST(ReplayFolders, EachFolderNamesATarget) {
    ASSERT_TRUE(fs::is_directory(regressions_dir));
    for (const auto& entry : fs::directory_iterator(regressions_dir)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        EXPECT_NE(std::find(target_names().begin(), target_names().end(), name),
                  target_names().end())
            << name;
    }
}

// The decks of the repository pass the markdown target, round-trip oracle included: the oracle
// holds on real decks, so what it reports on fuzzed ones is not noise.
TEST(ReplaySeeds, RepositoryDecksPassTheMarkdownTarget) {
    int decks = 0;
    for (const fs::path& deck : files_in(fs::path(DECKPORT_SOURCE_DIR) / "decks")) {
        if (deck.extension() != ".md") continue;
        SCOPED_TRACE(deck.string());
        Outcome outcome = Outcome::refused;
        EXPECT_EQ(escaped("markdown", read_bytes(deck), &outcome), "");
        EXPECT_EQ(outcome, Outcome::round_trip);
        EXPECT_EQ(escaped("content", read_bytes(deck), &outcome), "");
        EXPECT_EQ(outcome, Outcome::round_trip);
        ++decks;
    }
    EXPECT_GE(decks, 4);
}

TEST(ReplaySeeds, GoldenJsonPassesTheJsonTarget) {
    int files = 0;
    for (const fs::path& json : files_in(fs::path(DECKPORT_SOURCE_DIR) / "tests" / "golden")) {
        if (json.extension() != ".json") continue;
        SCOPED_TRACE(json.string());
        Outcome outcome = Outcome::refused;
        EXPECT_EQ(escaped("json", read_bytes(json), &outcome), "");
        EXPECT_EQ(outcome, Outcome::round_trip);
        ++files;
    }
    EXPECT_GE(files, 4);
}

TEST(ReplayTargets, UnknownTargetIsRefused) {
    EXPECT_THROW(run_target("nonsense", "x"), std::invalid_argument);
}

}  // namespace
