// Anki's stock note types: deckport's built-ins are Anki's own definitions, and a note type is
// recognised as stock by its definition (anki-facts §1.6), whatever its name.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deck_roundtrip.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

const NoteType* named(const Collection& c, const std::string& name) {
    for (const NoteType& note_type : c.note_types) {
        if (note_type.name == name) return &note_type;
    }
    return nullptr;
}

NoteType stock(StockKind kind) {
    return stock_note_type(kind);
}

}  // namespace

// The built-ins are exactly what Anki 25.02 exports (fields, templates, CSS, kind).
TEST(StockNoteTypes, BuiltInsAreAnkisOwnDefinitions) {
    DECKPORT_REQUIRE_FIXTURES();
    Collection anki = read_with(
        "apkg", read_input((fixtures_dir() / "anki/srs-converter/empty-legacy-2.colpkg").string()));
    ASSERT_EQ(anki.note_types.size(), 6u);
    for (const NoteType& ours : stock_note_types()) {
        SCOPED_TRACE(ours.name);
        const NoteType* theirs = named(anki, ours.name);
        ASSERT_NE(theirs, nullptr);
        EXPECT_EQ(ours.kind, theirs->kind);
        EXPECT_EQ(ours.fields, theirs->fields);
        EXPECT_EQ(ours.css, theirs->css);
        EXPECT_EQ(ours.sort_field, theirs->sort_field);
        ASSERT_EQ(ours.templates.size(), theirs->templates.size());
        for (std::size_t i = 0; i < ours.templates.size(); ++i) {
            EXPECT_EQ(ours.templates[i].name, theirs->templates[i].name);
            EXPECT_EQ(ours.templates[i].front, theirs->templates[i].front);
            EXPECT_EQ(ours.templates[i].back, theirs->templates[i].back);
        }
        EXPECT_EQ(stock_kind_of(*theirs), stock_kind_of(ours));
        EXPECT_TRUE(is_stock_under_anki_name(*theirs));
    }
}

// Real packages from Anki 2.0 to 25.02: every note type named like a stock one that has its
// templates is recognised; the user-edited ones are not.
TEST(StockNoteTypes, RecognisedInRealPackages) {
    DECKPORT_REQUIRE_FIXTURES();
    struct Expectation {
        const char* package;
        const char* name;
        std::optional<StockKind> kind;
    };
    const Expectation expectations[] = {
        // Anki 2.0's Cloze has the fields Text and Extra.
        {"ankitects-anki/update1.apkg", "Cloze", StockKind::cloze},
        {"ankitects-anki/update1.apkg", "Basic (optional reversed card)",
         StockKind::basic_optional_reversed},
        {"ankitects-anki/media.apkg", "Cloze", StockKind::cloze},
        {"srs-converter/mixed-legacy-2.apkg", "Image Occlusion", StockKind::image_occlusion},
        // a Basic whose CSS was edited (text-align: left) is still Basic
        {"srs-converter/mixed-legacy-2.apkg", "Basic", StockKind::basic},
        // a Cloze with only the field Text and its own back template is the user's
        {"ankitects-anki/mediacheck.anki2", "Cloze", std::nullopt},
        {"ankidroid/templates.apkg", "Basic-misc", std::nullopt},
        {"ankidroid/templates.apkg", "cloze", std::nullopt},
    };
    for (const Expectation& e : expectations) {
        SCOPED_TRACE(std::string(e.package) + ": " + e.name);
        Collection c =
            read_with("apkg", read_input((fixtures_dir() / "anki" / e.package).string()));
        const NoteType* note_type = named(c, e.name);
        ASSERT_NE(note_type, nullptr);
        EXPECT_EQ(stock_kind_of(*note_type), e.kind);
    }
}

TEST(StockNoteTypes, RecognisedByDefinitionNotByName) {
    // Renamed copies, as Anki and genanki make them, and translated field names.
    NoteType renamed = stock(StockKind::basic);
    renamed.name = "Basic+";
    renamed.css = ".card { color: red; }";
    renamed.id = 1;
    EXPECT_EQ(stock_kind_of(renamed), StockKind::basic);
    EXPECT_FALSE(is_stock_under_anki_name(renamed));

    NoteType german = stock(StockKind::basic_and_reversed);
    german.name = "Einfach (mit umgedrehter Karte)";
    german.fields = {"Vorderseite", "Rückseite"};
    german.templates[0].front = "{{Vorderseite}}";
    german.templates[0].back = "{{FrontSide}}\r\n\r\n<hr id=answer>\r\n\r\n{{Rückseite}}\n";
    german.templates[1].front = "{{Rückseite}}";
    german.templates[1].back = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Vorderseite}}";
    EXPECT_EQ(stock_kind_of(german), StockKind::basic_and_reversed);

    NoteType typing = stock(StockKind::basic_typing);
    typing.name = "Basic (genanki)";
    EXPECT_EQ(stock_kind_of(typing), StockKind::basic_typing);

    // A `Basic` whose template was edited is the user's, whatever its name.
    NoteType edited = stock(StockKind::basic);
    edited.templates[0].back = "{{FrontSide}}<hr id=answer>{{Back}}<br>{{Front}}";
    EXPECT_EQ(stock_kind_of(edited), std::nullopt);
    EXPECT_FALSE(is_builtin_note_type(edited));

    // Image Occlusion: by Anki's marker, or by its container when the marker is absent.
    NoteType occlusion = stock(StockKind::image_occlusion);
    occlusion.templates[0].front = "{{cloze:Occlusion}}<div id=\"image-occlusion-container\">";
    EXPECT_EQ(stock_kind_of(occlusion), StockKind::image_occlusion);
    NoteType marked = stock(StockKind::image_occlusion);
    marked.templates[0].front = "anki.setupImageCloze();";
    marked.extras.json() = {{"originalStockKind", 6}};
    EXPECT_EQ(stock_kind_of(marked), StockKind::image_occlusion);
    marked.extras.json() = nlohmann::json::object();
    EXPECT_EQ(stock_kind_of(marked), std::nullopt);
}

// Issue 11: apkg -> apkg renamed Anki 2.0's own Cloze (fields Text, Extra) to `Cloze (custom)`.
TEST(StockNoteTypes, ApkgToApkgKeepsEveryNoteTypesName) {
    DECKPORT_REQUIRE_FIXTURES();
    for (const char* package : {"ankitects-anki/update1.apkg", "ankitects-anki/media.apkg",
                                "srs-converter/mixed-legacy-2.apkg", "ankidroid/templates.apkg"}) {
        SCOPED_TRACE(package);
        Collection before =
            read_with("apkg", read_input((fixtures_dir() / "anki" / package).string()));
        before.media.clear();  // the media module's part: this is about note types
        for (Note& note : before.notes) {
            for (Content& field : note.fields) {
                // References to files the package does not hold would stop the writer.
                if (field.source.find("<img") != std::string::npos ||
                    field.source.find("[sound:") != std::string::npos)
                    field.source = "(media)";
            }
        }
        std::vector<std::string> diagnostics;
        Output out = write_with("apkg", before, "out.apkg", &diagnostics);
        ASSERT_EQ(out.files.size(), 1u) << ::testing::PrintToString(diagnostics);
        for (const std::string& line : diagnostics)
            EXPECT_EQ(line.find("APKG209"), std::string::npos) << line;
        Collection after = read_with("apkg", input_from_memory("out.apkg", out.files[0].bytes));
        ASSERT_EQ(after.note_types.size(), before.note_types.size());
        for (std::size_t i = 0; i < before.note_types.size(); ++i) {
            const NoteType* same = after.find_note_type(before.note_types[i].id);
            ASSERT_NE(same, nullptr);
            EXPECT_EQ(same->name, before.note_types[i].name);
        }
    }
}
