// The media check after reading (MEDIA001, MEDIA002): where it points, what it adds.
#include <gtest/gtest.h>

#include "deckport/note_media.hpp"
#include "deckport/notetypes.hpp"
#include "test_support.hpp"

using namespace deckport;
using deckport::test::TempDir;
using deckport::test::write_text;
namespace fs = std::filesystem;

namespace {

// A one-note deck `dir/deck.md` whose fields start on `line` (their text verbatim in the file).
struct OneNoteDeck {
    Collection collection;
    Input input;
    OneNoteDeck(const fs::path& dir, const std::string& text, std::vector<std::string> fields,
                int line, Markup kind = Markup::markdown) {
        collection.note_types = {basic_note_type()};
        Note note;
        note.note_type_id = basic_note_type().id;
        for (auto& field : fields) note.fields.push_back({kind, field});
        note.origin = SourceLocation{"deck.md", line, 1};
        collection.notes.push_back(std::move(note));
        input = input_from_memory("deck.md", text);
        input.path = dir / "deck.md";
    }
    std::vector<std::string> check(bool beside_deck = true, bool strict = false) {
        Diagnostics diagnostics;
        MediaRoot root = MediaRoot::for_deck(input.base_dir(), "deck.media", {});
        resolve_note_media(collection, input, root, {beside_deck, strict}, diagnostics);
        std::vector<std::string> out;
        for (const Diagnostic& d : diagnostics.all()) out.push_back(format_diagnostic(d));
        return out;
    }
};

}  // namespace

TEST(NoteMedia, MissingPointsAtThePathAndFoundFilesJoinTheCollection) {
    TempDir dir;
    write_text(dir / "here.png", "png");
    write_text(dir / "deck.media" / "flat.mp3", "mp3");
    std::string answer = "See ![a](here.png) and ![b](img/gone.png) [sound:flat.mp3]";
    OneNoteDeck deck(dir.path(), "Q\n---\n" + answer + "\n", {"Q", answer}, 1);
    auto found = deck.check();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(
        found[0].starts_with("deck.md:3:29: warning: image 'img/gone.png' does not "
                             "exist: looked for "))
        << found[0];
    EXPECT_TRUE(found[0].ends_with("deck.media/img/gone.png [MEDIA001]")) << found[0];
    ASSERT_EQ(deck.collection.media.size(), 2u);
    EXPECT_EQ(deck.collection.media[0].name, "here.png");
    EXPECT_EQ(deck.collection.media[0].bytes(), "png");
    EXPECT_EQ(deck.collection.media[1].name, "flat.mp3");
    EXPECT_EQ(deck.collection.media[1].source_path, fs::canonical(dir / "deck.media" / "flat.mp3"));
}

TEST(NoteMedia, StrictMakesMissingAnError) {
    TempDir dir;
    OneNoteDeck deck(dir.path(), "Q\n---\n![b](gone.png)\n", {"Q", "![b](gone.png)"}, 1);
    auto found = deck.check(true, true);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].starts_with("deck.md:3:6: error: image 'gone.png'")) << found[0];
}

TEST(NoteMedia, EachTargetOnceWithACount) {
    TempDir dir;
    std::string answer = "![a](../x.png) ![b](../x.png) ![c](../x.png) ![d](/abs.png)";
    OneNoteDeck deck(dir.path(), "Q\n---\n" + answer + "\n", {"Q", answer}, 1);
    auto found = deck.check();
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(
        found[0].starts_with("deck.md:3:6: error: image '../x.png' leaves the media "
                             "root: it is not read (media root: "))
        << found[0];
    EXPECT_TRUE(found[0].ends_with(") (and 2 more references) [MEDIA002]")) << found[0];
    EXPECT_TRUE(found[1].starts_with("deck.md:3:51: error: image '/abs.png' is an absolute path"))
        << found[1];
    EXPECT_TRUE(deck.collection.media.empty());
}

TEST(NoteMedia, PackagesCheckTheirOwnMediaAndTreatEscapesAsMissing) {
    TempDir dir;
    OneNoteDeck deck(dir.path(), "", {"<img src=\"a.png\">", "[sound:b.mp3] [sound:../c.mp3]"}, 1,
                     Markup::html);
    MediaFile a;
    a.name = "a.png";
    a.data = "png";
    deck.collection.media = {a};
    deck.collection.notes[0].origin = SourceLocation{"deck.apkg", 0, 0, "notes[guid=g]"};
    deck.input = input_from_memory("deck.apkg", "PK");
    deck.input.path = dir / "deck.apkg";
    auto found = deck.check(false);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(
        found[0].starts_with("deck.apkg: warning: notes[guid=g].Back: sound 'b.mp3' is "
                             "not in the deck's media (nor at "))
        << found[0];
    EXPECT_EQ(found[1],
              "deck.apkg: warning: notes[guid=g].Back: sound '../c.mp3' is not in the deck's media "
              "[MEDIA001]");
}

TEST(NoteMedia, AnkisCollectionMediaFolderBesideABareCollection) {
    TempDir dir;
    write_text(dir / "collection.media" / "b.mp3", "mp3");
    OneNoteDeck deck(dir.path(), "", {"Q", "[sound:b.mp3]"}, 1, Markup::html);
    deck.input = input_from_memory("collection.anki2", "SQLite format 3");
    deck.input.path = dir / "collection.anki2";
    Diagnostics diagnostics;
    MediaRoot root =
        MediaRoot::for_deck(dir.path(), media_folder_name(deck.input.path, {".anki2"}), {});
    resolve_note_media(deck.collection, deck.input, root, {false, false}, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    ASSERT_EQ(deck.collection.media.size(), 1u);
    EXPECT_EQ(deck.collection.media[0].bytes(), "mp3");
}

TEST(NoteMedia, ManyMissingTargetsAreCapped) {
    TempDir dir;
    std::string answer;
    for (int i = 0; i < 150; ++i) answer += "![x](gone" + std::to_string(i) + ".png) ";
    OneNoteDeck deck(dir.path(), "Q\n---\n" + answer + "\n", {"Q", answer}, 1);
    auto found = deck.check();
    ASSERT_EQ(found.size(), 101u);
    EXPECT_EQ(
        found.back(),
        "deck.md: note: 50 more media targets with the same problem are not listed [MEDIA001]");
}

TEST(NoteMedia, NoteTypeCssAndTemplatesTakeTheirFilesToo) {
    TempDir dir;
    write_text(dir / "paper.png", "paper");
    OneNoteDeck deck(dir.path(), "Q\n---\nA\n", {"Q", "A"}, 1);
    NoteType& note_type = deck.collection.note_types[0];
    note_type.css = ".card { background: url(paper.png); } @font-face { src: url(\"gone.woff\"); }";
    note_type.templates[0].front = "{{Front}}<img src=\"{{Image}}\">";
    auto found = deck.check();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(
        found[0].starts_with("deck.md: warning: note_types[Basic].css: CSS url() "
                             "'gone.woff' does not exist: looked for "))
        << found[0];
    ASSERT_EQ(deck.collection.media.size(), 1u);
    EXPECT_EQ(deck.collection.media[0].name, "paper.png");
}

// Anki keeps `_` files that no field names (a template's font, an add-on's data): they come back
// from `<stem>.media/`, where writing the deck put them; other unnamed files and `_` files beside
// the deck stay out.
TEST(NoteMedia, UnderscoreFilesOfTheMediaFolderTravelWithTheDeck) {
    TempDir dir;
    write_text(dir / "deck.media" / "_font.ttf", "ttf");
    write_text(dir / "deck.media" / "_addon.dat", "dat");
    write_text(dir / "deck.media" / "stray.png", "png");
    write_text(dir / "_beside.dat", "no");
    OneNoteDeck deck(dir.path(), "Q\n---\nA\n", {"Q", "A"}, 1);
    EXPECT_TRUE(deck.check().empty());
    ASSERT_EQ(deck.collection.media.size(), 2u);
    EXPECT_EQ(deck.collection.media[0].name, "_addon.dat");
    EXPECT_EQ(deck.collection.media[1].name, "_font.ttf");
    EXPECT_EQ(deck.collection.media[1].bytes(), "ttf");
    // A package's own media are inside it: nothing is taken from beside it.
    OneNoteDeck package(dir.path(), "Q\n---\nA\n", {"Q", "A"}, 1);
    package.check(/*beside_deck=*/false);
    EXPECT_TRUE(package.collection.media.empty());
}
