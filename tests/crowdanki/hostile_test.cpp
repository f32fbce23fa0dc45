// Hostile and broken CrowdAnki folders: each gives a clear diagnostic, none reads outside its
// folder or crashes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crowdanki_helpers.hpp"
#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
namespace fs = std::filesystem;

namespace {

const char* kModel = R"("note_models": [{"__type__": "NoteModel", "crowdanki_uuid": "m1",
    "name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
    "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]}])";

std::string deck_with(const std::string& rest) {
    return std::string(R"({"__type__": "Deck", )") + kModel + ", " + rest + "}";
}

}  // namespace

TEST(CrowdAnkiHostile, MediaNamesWithParentFoldersAreNeverRead) {
    TempDir dir;
    write_text(dir / "secret.txt", "secret");
    write_text(
        dir / "d" / "deck.json",
        deck_with(R"("name": "D", "media_files": ["../secret.txt"], "children": [], "notes": [
                   {"__type__": "Note", "guid": "g1", "note_model_uuid": "m1", "tags": [],
                    "fields": ["<img src=\"../secret.txt\">", "[sound:../../etc/passwd]"]}])"));
    CrowdAnkiRead r = read_crowdanki(dir / "d");
    std::string file = (dir / "d" / "deck.json").string();
    // The references are reported missing (MEDIA001); nothing outside the folder is read.
    EXPECT_THAT(r.diagnostics,
                ElementsAre(file + ": warning: media_files: media file '../secret.txt' is listed "
                                   "but not in the media folder [CA014]",
                            file + ": warning: notes[0].Front: image '../secret.txt' is not in "
                                   "the deck's media [MEDIA001]",
                            file + ": warning: notes[0].Back: sound '../../etc/passwd' is not in "
                                   "the deck's media [MEDIA001]"));
    EXPECT_TRUE(r.collection.media.empty());
    ASSERT_EQ(r.collection.notes.size(), 1u);

    // Written back, the references stay in the fields but media_files lists no name that
    // could leave media/, and no file is written outside it.
    std::vector<std::string> diagnostics;
    Output output = write_crowdanki(r.collection, &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    ASSERT_EQ(output.files.size(), 1u);
    nlohmann::json deck = nlohmann::json::parse(output_file(output, "deck.json"));
    EXPECT_EQ(deck["media_files"], nlohmann::json::array());
    EXPECT_EQ(deck["notes"][0]["fields"][0], "<img src=\"../secret.txt\">");
}

TEST(CrowdAnkiHostile, WrittenMediaNamesThatLeaveTheFolderAreLeftOut) {
    Collection c;
    c.note_types = {basic_note_type()};
    Note note;
    note.note_type_id = c.note_types[0].id;
    note.guid = "g1";
    note.deck = "D";
    note.fields = {{Markup::html, "<img src=\"../../x.png\">"}, {Markup::html, "b"}};
    c.notes.push_back(note);
    c.ensure_deck("D");
    for (const char* name : {"../../x.png", "/etc/passwd", "a\\b.png"}) {
        MediaFile file;
        file.name = name;
        file.data = "x";
        c.media.push_back(file);
    }
    std::vector<std::string> diagnostics;
    Output output = write_crowdanki(c, &diagnostics);
    EXPECT_THAT(diagnostics,
                ElementsAre("out/deck-folder: warning: ../../x.png: media file name cannot sit in "
                            "media/; left out [CA032]",
                            "out/deck-folder: warning: /etc/passwd: media file name cannot sit in "
                            "media/; left out [CA032]",
                            "out/deck-folder: warning: a\\b.png: media file name cannot sit in "
                            "media/; left out [CA032]"));
    ASSERT_EQ(output.files.size(), 1u);
    EXPECT_EQ(output.files[0].relative_path, "deck.json");
}

TEST(CrowdAnkiHostile, OversizedDeckJsonIsRefused) {
    TempDir dir;
    write_text(dir / "d" / "deck.json",
               deck_with(R"("name": "D", "notes": [], "pad": ")" + std::string(2000, 'x') + "\""));
    Limits limits;
    limits.max_input_bytes = 1000;
    EXPECT_EQ(read_error(dir / "d", limits),
              (dir / "d" / "deck.json").string() +
                  ": error: input is larger than the limit of 1000 bytes [IO003]");
}

TEST(CrowdAnkiHostile, OversizedMediaIsSkipped) {
    TempDir dir;
    write_text(dir / "d" / "deck.json", deck_with(R"("name": "D", "notes": [])"));
    write_text(dir / "d" / "media" / "big.png", std::string(100, 'x'));
    write_text(dir / "d" / "media" / "small.png", "x");
    Limits limits;
    limits.max_member_bytes = 10;
    CrowdAnkiRead r = read_crowdanki(dir / "d", limits);
    EXPECT_THAT(r.diagnostics,
                ElementsAre((dir / "d").string() +
                            ": warning: media/big.png: is larger than the limit of 10 bytes; "
                            "skipped [CA015]"));
    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].name, "small.png");
}

TEST(CrowdAnkiHostile, DeeplyNestedChildDecksAreRefusedBeforeParsing) {
    TempDir dir;
    // Each child deck is two levels (its object and its children array).
    std::string deep = R"({"__type__": "Deck", "name": "x", "children": [)";
    for (int i = 0; i < 200; ++i) deep += R"({"name": "x", "children": [)";
    for (int i = 0; i < 201; ++i) deep += "]}";
    write_text(dir / "d" / "deck.json", deep);
    EXPECT_THAT(read_error(dir / "d"),
                testing::EndsWith("error: nesting deeper than 256 levels [CA003]"));
}

TEST(CrowdAnkiHostile, ValuesOfTheWrongShapeAreReportedAndSkipped) {
    TempDir dir;
    write_text(dir / "d" / "deck.json",
               deck_with(R"("name": 7, "media_files": "x", "children": [3, {"name": "C",
                   "notes": {"a": 1}, "children": "no"}], "notes": [
                   {"__type__": "Note", "guid": 5, "note_model_uuid": "m1", "tags": "t",
                    "fields": [1, null]}, "note"])"));
    CrowdAnkiRead r = read_crowdanki(dir / "d");
    std::string file = (dir / "d" / "deck.json").string();
    EXPECT_THAT(r.diagnostics,
                ElementsAre(file + ": warning: deck: deck has no name; calling it 'Untitled' "
                                   "[CA016]",
                            file + ": error: notes[1]: a note must be an object [CA010]",
                            file + ": error: children[0]: a deck must be an object [CA010]",
                            file + ": error: children[1].notes: notes must be an array [CA010]",
                            file + ": error: children[1].children: children must be an array "
                                   "[CA010]"));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].deck, "Untitled");
    EXPECT_EQ(r.collection.notes[0].fields,
              (std::vector<Content>{{Markup::html, ""}, {Markup::html, ""}}));
    EXPECT_TRUE(r.collection.notes[0].tags.empty());
}
