// The CrowdAnki reader on the real exports in the fixtures and on broken folders.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "crowdanki_helpers.hpp"
#include "deckport/error.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> deck_names(const Collection& c) {
    std::vector<std::string> names;
    for (const Deck& deck : c.decks) names.push_back(deck.name);
    return names;
}

std::size_t notes_in(const Collection& c, const std::string& deck) {
    std::size_t n = 0;
    for (const Note& note : c.notes) n += note.deck == deck;
    return n;
}

const Note& note_with_guid(const Collection& c, const std::string& guid) {
    for (const Note& note : c.notes) {
        if (note.guid == guid) return note;
    }
    throw std::runtime_error("no note " + guid);
}

const char* kMinimalDeck = R"({"__type__": "Deck", "name": "D", "children": [],
    "note_models": [{"__type__": "NoteModel", "crowdanki_uuid": "m1", "name": "Basic", "type": 0,
                     "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
                     "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]}],
    "notes": [%NOTES%], "media_files": [%MEDIA%]})";

std::string minimal_deck(const std::string& notes, const std::string& media = "") {
    std::string text = kMinimalDeck;
    text.replace(text.find("%NOTES%"), 7, notes);
    text.replace(text.find("%MEDIA%"), 7, media);
    return text;
}

}  // namespace

TEST(CrowdAnkiFixtures, RealExportReadsEveryDeckNoteModelAndFile) {
    DECKPORT_REQUIRE_FIXTURES();
    CrowdAnkiRead r = read_crowdanki(kamaraju());
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_THAT(deck_names(r.collection),
                ElementsAre("public_anki_deck", "public_anki_deck::General knowledge",
                            "public_anki_deck::catch_all", "public_anki_deck::til_2024"));
    EXPECT_EQ(r.collection.notes.size(), 32u);
    EXPECT_EQ(notes_in(r.collection, "public_anki_deck"), 4u);
    EXPECT_EQ(notes_in(r.collection, "public_anki_deck::General knowledge"), 19u);
    EXPECT_EQ(notes_in(r.collection, "public_anki_deck::catch_all"), 5u);
    EXPECT_EQ(notes_in(r.collection, "public_anki_deck::til_2024"), 4u);

    ASSERT_EQ(r.collection.note_types.size(), 2u);
    const NoteType& cloze = r.collection.note_types[0];
    EXPECT_EQ(cloze.name, "Cloze");
    EXPECT_EQ(cloze.kind, NoteTypeKind::cloze);
    EXPECT_THAT(cloze.fields, ElementsAre("Text", "Back Extra"));
    ASSERT_EQ(cloze.templates.size(), 1u);
    EXPECT_EQ(cloze.templates[0].back, "{{cloze:Text}}<br>\n{{Back Extra}}");
    const NoteType& basic = r.collection.note_types[1];
    EXPECT_EQ(basic.name, "Basic");
    EXPECT_THAT(basic.fields, ElementsAre("Front", "Back"));
    EXPECT_EQ(basic.css.substr(0, 7), ".card {");

    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].name, "gunnys_noun_004_1440.jpg");
    EXPECT_EQ(r.collection.media[0].bytes().size(), 39757u);

    const Note& usa = note_with_guid(r.collection, "nRg~NRk5D!");
    EXPECT_EQ(usa.note_type_id, basic.id);
    EXPECT_EQ(usa.deck, "public_anki_deck::General knowledge");
    EXPECT_EQ(usa.fields,
              (std::vector<Content>{html("What is the capital of USA?"), html("Washington DC")}));
    EXPECT_THAT(note_with_guid(r.collection, "K*Ybwb[lZK").tags, ElementsAre("leech"));
    const Note& gunny = note_with_guid(r.collection, "EAAT$FE_ln");
    EXPECT_EQ(gunny.note_type_id, cloze.id);
    EXPECT_EQ(gunny.deck, "public_anki_deck");
    EXPECT_NE(gunny.fields[0].source.find("src=\"gunnys_noun_004_1440.jpg\""), std::string::npos);
}

TEST(CrowdAnkiFixtures, DeckJsonFileReadsLikeItsFolder) {
    DECKPORT_REQUIRE_FIXTURES();
    CrowdAnkiRead folder = read_crowdanki(kamaraju());
    CrowdAnkiRead file = read_crowdanki(kamaraju() / "deck.json");
    EXPECT_THAT(file.diagnostics, ElementsAre());
    EXPECT_EQ(file.collection.notes, folder.collection.notes);
    EXPECT_EQ(file.collection.media.size(), 1u);
}

TEST(CrowdAnkiFixtures, BrainBrewExampleReadsItsFifteenNotes) {
    DECKPORT_REQUIRE_FIXTURES();
    CrowdAnkiRead r = read_crowdanki(brainbrew());
    EXPECT_THAT(r.diagnostics, ElementsAre());
    // The root's name is a full path; its parent exists in the model, without notes.
    EXPECT_THAT(deck_names(r.collection), ElementsAre("LL", "LL::1. Vocab"));
    ASSERT_EQ(r.collection.notes.size(), 15u);
    EXPECT_EQ(notes_in(r.collection, "LL::1. Vocab"), 15u);
    ASSERT_EQ(r.collection.note_types.size(), 1u);
    EXPECT_EQ(r.collection.note_types[0].name, "Test Model");
    EXPECT_THAT(r.collection.note_types[0].fields, ElementsAre("Word", "OtherWord"));
    EXPECT_EQ(r.collection.note_types[0].templates.size(), 7u);
    const Note& first = r.collection.notes[0];
    EXPECT_EQ(first.guid, "AAAA");
    EXPECT_EQ(first.fields, (std::vector<Content>{html("you"), html("du")}));
    EXPECT_THAT(first.tags, ElementsAre("funny"));
    EXPECT_EQ(r.collection.notes[14].guid, "OOOO");
    EXPECT_EQ(r.collection.notes[14].fields[1], html("at drikke"));
    EXPECT_TRUE(r.collection.media.empty());
}

TEST(CrowdAnkiReader, FolderWithoutDeckJsonIsAnError) {
    TempDir dir;
    fs::create_directories(dir / "empty");
    EXPECT_EQ(read_error(dir / "empty"),
              (dir / "empty").string() + ": error: the folder holds no deck.json [CA001]");
}

TEST(CrowdAnkiReader, LegacyFolderNamedJsonIsRead) {
    TempDir dir;
    write_text(dir / "Old" / "Old.json", minimal_deck(R"({"__type__": "Note", "guid": "g1",
        "fields": ["f", "b"], "tags": [], "note_model_uuid": "m1"})"));
    CrowdAnkiRead r = read_crowdanki(dir / "Old");
    EXPECT_THAT(r.diagnostics, ElementsAre());
    EXPECT_EQ(r.collection.notes.size(), 1u);
}

TEST(CrowdAnkiReader, BrokenJsonNamesLineAndColumn) {
    TempDir dir;
    write_text(dir / "d" / "deck.json", "{\n  \"__type__\": \"Deck\",\n  \"name\": \"x\" \"y\"\n}");
    EXPECT_EQ(read_error(dir / "d"),
              (dir / "d" / "deck.json").string() +
                  ":3:17: error: not valid JSON: syntax error while parsing object - unexpected "
                  "string literal; expected '}' [CA002]");
}

TEST(CrowdAnkiReader, DeepNestingIsRefusedBeforeParsing) {
    TempDir dir;
    std::string deep =
        "{\"__type__\": \"Deck\", \"x\": " + std::string(300, '[') + std::string(300, ']') + "}";
    write_text(dir / "d" / "deck.json", deep);
    EXPECT_EQ(read_error(dir / "d"), (dir / "d" / "deck.json").string() +
                                         ":1:282: error: nesting deeper than 256 levels [CA003]");
}

TEST(CrowdAnkiReader, OtherJsonIsNotADeck) {
    TempDir dir;
    write_text(dir / "d" / "deck.json", R"({"notes": []})");
    EXPECT_EQ(read_error(dir / "d"),
              (dir / "d" / "deck.json").string() +
                  ": error: not a CrowdAnki deck: the top level must be an object with "
                  "\"__type__\": \"Deck\" [CA004]");
}

TEST(CrowdAnkiReader, NoteProblemsAreReportedAndReadingGoesOn) {
    TempDir dir;
    write_text(dir / "d" / "deck.json",
               minimal_deck(R"({"__type__": "Note", "guid": "g1", "fields": ["only"], "tags": [],
                                "note_model_uuid": "m1"},
                               {"__type__": "Note", "guid": "g2", "fields": ["a", "b"],
                                "note_model_uuid": "nope"},
                               {"guid": "g3", "note_model_uuid": "m1"})",
                            R"("missing.png")"));
    CrowdAnkiRead r = read_crowdanki(dir / "d");
    std::string file = (dir / "d" / "deck.json").string();
    EXPECT_THAT(r.diagnostics,
                ElementsAre(file + ": warning: media_files: media file 'missing.png' is listed "
                                   "but not in the media folder [CA014]",
                            file + ": warning: notes[0]: note has 1 fields but note model "
                                   "'Basic' has 2; the missing ones are left empty [CA012]",
                            file + ": error: notes[1]: note names note model 'nope', which "
                                   "note_models does not define; skipped [CA011]",
                            file + ": error: notes[2]: note has no fields array; skipped "
                                   "[CA010]"));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields, (std::vector<Content>{html("only"), html("")}));
}

TEST(CrowdAnkiReader, MediaLinksOutAreRefusedAndFoldersSkipped) {
    TempDir dir;
    write_text(dir / "d" / "deck.json", minimal_deck(""));
    write_text(dir / "d" / "media" / "ok.png", "PNG");
    write_text(dir / "d" / "kept.png", "kept");
    write_text(dir / "secret.txt", "secret");
    fs::create_symlink(dir / "secret.txt", dir / "d" / "media" / "link.png");
    fs::create_symlink(dir / "d" / "kept.png", dir / "d" / "media" / "inside.png");
    fs::create_directories(dir / "d" / "media" / "sub");
    CrowdAnkiRead r = read_crowdanki(dir / "d");
    std::string folder = (dir / "d").string();
    EXPECT_THAT(r.diagnostics,
                ElementsAre(folder + ": error: media/link.png: media file 'link.png' is a "
                                     "symbolic link that leads out of the media root: it is not "
                                     "read [MEDIA002]",
                            folder + ": warning: media/sub: is a folder, not a file; skipped "
                                     "[CA015]"));
    // A link that stays inside the deck's folder is followed.
    ASSERT_EQ(r.collection.media.size(), 2u);
    EXPECT_EQ(r.collection.media[0].name, "inside.png");
    EXPECT_EQ(r.collection.media[0].bytes(), "kept");
    EXPECT_EQ(r.collection.media[1].name, "ok.png");
}

TEST(CrowdAnkiReader, DetectionFindsFoldersAndDeckJsonFiles) {
    DECKPORT_REQUIRE_FIXTURES();
    Input folder = read_input(kamaraju().string());
    EXPECT_EQ(builtin_formats().detect_input(folder, std::nullopt).info.name, "crowdanki");
    Input file = read_input((kamaraju() / "deck.json").string());
    EXPECT_EQ(builtin_formats().detect_input(file, std::nullopt).info.name, "crowdanki");
    Input other = read_input((brainbrew() / "deck.json").string());
    EXPECT_EQ(builtin_formats().detect_input(other, std::nullopt).info.name, "crowdanki");
}
