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

// Two sub-decks; the second holds a copy of a note of the first (same GUID), as an export of a
// collection where a note was copied between decks by an add-on.
std::string deck_with_duplicate_guid() {
    const char* model = R"("note_models": [{"__type__": "NoteModel", "crowdanki_uuid": "m1",
        "name": "Basic", "type": 0,
        "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]}])";
    auto note = [](const char* guid, const char* front) {
        return std::string(R"({"__type__": "Note", "guid": ")") + guid + R"(", "fields": [")" +
               front + R"(", "answer"], "tags": [], "note_model_uuid": "m1"})";
    };
    return std::string(R"({"__type__": "Deck", "name": "Languages", "crowdanki_uuid": "d0", )") +
           model + R"(, "media_files": [], "notes": [], "children": [)" +
           R"({"__type__": "Deck", "name": "French", "crowdanki_uuid": "d1", "children": [],
               "media_files": [], "notes": [)" +
           note("shared", "bonjour") + "," + note("fr2", "merci") + R"(]},)" +
           R"({"__type__": "Deck", "name": "Spanish", "crowdanki_uuid": "d2", "children": [],
               "media_files": [], "notes": [)" +
           note("shared", "hola") + R"(]}]})";
}

}  // namespace

TEST(CrowdAnkiTolerance, DuplicateGuidKeepsTheFirstAndDerivesANewOneWithAWarning) {
    TempDir dir;
    write_text(dir / "Languages" / "deck.json", deck_with_duplicate_guid());
    CrowdAnkiRead first = read_crowdanki(dir / "Languages");
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
    EXPECT_EQ(read_crowdanki(dir / "Languages").collection.notes[2].guid, copy.guid);

    // The CLI converts the whole deck (exit 0), with the warning.
    CliResult result =
        run_cli({"convert", (dir / "Languages").string(), "-o", (dir / "languages.apkg").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("[DUP001]"));
}
