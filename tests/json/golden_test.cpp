// Golden tests: each deck in decks/ converts to the canonical JSON in tests/golden/<deck>.json,
// byte for byte, whether read from its file or from stdin. DECKPORT_UPDATE_GOLDEN=1 rewrites the
// expected files (review the diff). Also: deck -> json -> deck -> json gives the same JSON.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;
namespace fs = std::filesystem;

namespace {

// A fixed time, so that the output does not depend on the decks' file times.
constexpr std::int64_t kGoldenTimestamp = 1700000000;  // 2023-11-14T22:13:20Z
const std::string kGoldenTimestampText = std::to_string(kGoldenTimestamp);

bool updating_golden() {
    const char* update = std::getenv("DECKPORT_UPDATE_GOLDEN");
    return update && std::string(update) == "1";
}

struct DeckFile {
    fs::path path;
    const Format* format = nullptr;  // null when no registered reader takes its extension
};

std::vector<DeckFile> decks() {
    std::vector<DeckFile> found;
    for (const auto& entry : fs::directory_iterator(source_dir() / "decks")) {
        if (!entry.is_regular_file()) continue;
        const Format* format = builtin_formats().find_by_extension(entry.path().string());
        if (format && !format->reader) format = nullptr;
        found.push_back({entry.path(), format});
    }
    std::sort(found.begin(), found.end(),
              [](const DeckFile& a, const DeckFile& b) { return a.path < b.path; });
    return found;
}

fs::path golden_path(const DeckFile& deck) {
    return source_dir() / "tests/golden" / (deck.path.stem().string() + ".json");
}

Collection read_deck(const Format& format, const Input& input) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, Limits{}, kGoldenTimestamp};
    Collection collection = read_collection(format, input, context);
    EXPECT_FALSE(diagnostics.has_errors()) << testing::PrintToString(rendered(diagnostics.all()));
    return collection;
}

// Skips the test, naming the decks that no registered reader can read.
void skip_unreadable(const std::vector<DeckFile>& all) {
    std::string unreadable;
    for (const DeckFile& deck : all) {
        if (!deck.format) unreadable += " decks/" + deck.path.filename().string();
    }
    if (!unreadable.empty()) {
        GTEST_SKIP() << "no registered reader for" << unreadable
                     << " (its format, e.g. formats/markdown, is not in this build)";
    }
}

}  // namespace

TEST(Golden, EachDeckConvertsToItsCanonicalJson) {
    std::vector<DeckFile> all = decks();
    ASSERT_FALSE(all.empty()) << "decks/ is empty";
    for (const DeckFile& deck : all) {
        if (!deck.format) continue;
        SCOPED_TRACE(deck.path.string());
        Collection collection = read_deck(*deck.format, read_input(deck.path.string()));
        std::string actual = write_json(collection);
        if (updating_golden()) {
            write_text(golden_path(deck), actual);
            continue;
        }
        ASSERT_TRUE(fs::exists(golden_path(deck)))
            << golden_path(deck) << " is missing: run with DECKPORT_UPDATE_GOLDEN=1 to create it";
        EXPECT_EQ(actual, read_text(golden_path(deck)))
            << "run with DECKPORT_UPDATE_GOLDEN=1 to accept the new output, then review the diff";
    }
    skip_unreadable(all);
}

TEST(Golden, TheCliGivesTheSameBytesFromAFileAndFromStdin) {
    std::vector<DeckFile> all = decks();
    for (const DeckFile& deck : all) {
        if (!deck.format || !fs::exists(golden_path(deck))) continue;
        SCOPED_TRACE(deck.path.string());
        std::string expected = read_text(golden_path(deck));
        CliResult from_file = run_cli(
            {"convert", deck.path.string(), "--to", "json", "--timestamp", kGoldenTimestampText});
        EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
        EXPECT_EQ(from_file.out, expected);
        // From the deck's folder: stdin resolves media paths against the current directory.
        CliResult from_stdin = run_cli({"convert", "-", "--from", deck.format->info.name, "--to",
                                        "json", "--timestamp", kGoldenTimestampText},
                                       read_text(deck.path), deck.path.parent_path());
        EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
        EXPECT_EQ(from_stdin.out, expected);
    }
    skip_unreadable(all);
}

TEST(Golden, DeckToJsonToDeckToJsonIsStable) {
    std::vector<DeckFile> all = decks();
    std::string unwritable;
    for (const DeckFile& deck : all) {
        if (!deck.format) continue;
        if (!deck.format->writer) {
            unwritable += " " + deck.format->info.name;
            continue;
        }
        SCOPED_TRACE(deck.path.string());
        std::string first = write_json(read_deck(*deck.format, read_input(deck.path.string())));
        Collection from_json =
            read_deck(json_deck_format(), input_from_memory("first.json", first));

        Diagnostics diagnostics;
        WriteContext context{diagnostics, {}, Limits{}, kGoldenTimestamp, "again"};
        Output again = write_to_memory(*deck.format->writer, from_json, context);
        EXPECT_FALSE(diagnostics.has_errors())
            << testing::PrintToString(rendered(diagnostics.all()));
        ASSERT_EQ(again.files.size(), 1u);
        Input reread = input_from_memory(deck.path.filename().string(), again.files[0].bytes);
        reread.path = deck.path;  // media paths resolve against the deck's folder
        EXPECT_EQ(write_json(read_deck(*deck.format, reread)), first);
    }
    skip_unreadable(all);
    if (!unwritable.empty()) {
        GTEST_SKIP() << "no writer registered for" << unwritable << " (not in this build)";
    }
}
