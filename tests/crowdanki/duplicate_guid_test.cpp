// Tolerance (issue "trust", item 10): a real 41-deck CrowdAnki export was refused whole for one
// duplicate note GUID. The first note keeps it, later copies get a derived GUID, with DUP001.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "crowdanki_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

// tests/data/tolerance/crowdanki-duplicate-guid: two sub-decks; the second holds a copy of a
// note of the first (same GUID), as in an export where an add-on copied a note between decks.
std::filesystem::path duplicate_guid_deck() {
    return source_dir() / "tests" / "data" / "tolerance" / "crowdanki-duplicate-guid";
}

}  // namespace

TEST(CrowdAnkiTolerance, DuplicateGuidKeepsTheFirstAndDerivesANewOneWithAWarning) {
    CrowdAnkiRead first = read_crowdanki(duplicate_guid_deck());
    ASSERT_EQ(first.collection.notes.size(), 3u);
    const Note& kept = first.collection.notes[0];
    const Note& copy = first.collection.notes[2];
    EXPECT_EQ(kept.guid, "shared");
    EXPECT_EQ(kept.deck, "Languages::French");
    EXPECT_NE(copy.guid, "shared");
    EXPECT_EQ(copy.deck, "Languages::Spanish");
    ASSERT_EQ(first.diagnostics.size(), 1u) << ::testing::PrintToString(first.diagnostics);
    EXPECT_THAT(first.diagnostics[0], HasSubstr("warning: "));
    EXPECT_THAT(first.diagnostics[0], HasSubstr("duplicate note id 'shared' (also used at "));
    EXPECT_THAT(first.diagnostics[0],
                HasSubstr("this note gets the new id '" + copy.guid + "' [DUP001]"));
    // The new GUID is derived, not random: the same on every read.
    EXPECT_EQ(read_crowdanki(duplicate_guid_deck()).collection.notes[2].guid, copy.guid);

    // The CLI converts the whole deck (exit 0), with the warning.
    TempDir dir;
    CliResult result = run_cli(
        {"convert", duplicate_guid_deck().string(), "-o", (dir / "languages.apkg").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("[DUP001]"));
}
