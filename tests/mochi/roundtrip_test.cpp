// Every markdown deck in decks/ through Mochi and back: md -> mochi -> md keeps every card.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "deck_roundtrip.hpp"
#include "deckport/notetypes.hpp"
#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;

TEST(MochiRoundTrip, EveryMarkdownDeckKeepsEveryCard) {
    std::vector<std::filesystem::path> decks = markdown_decks();
    ASSERT_FALSE(decks.empty());
    for (const auto& path : decks) {
        SCOPED_TRACE(path.string());
        Collection deck = read_with("markdown", read_input(path.string()));
        std::string package = write_mochi(deck);
        MochiRead mochi = read_mochi_input(input_from_memory("deck.mochi", package));
        EXPECT_THAT(mochi.diagnostics, ElementsAre());
        // Written again, the package is the same bytes.
        EXPECT_EQ(write_mochi(mochi.collection), package);

        TempDir dir;
        std::vector<std::string> diagnostics;
        Collection back = markdown_round(mochi.collection, dir.path(), &diagnostics);
        EXPECT_THAT(diagnostics, ElementsAre());
        ASSERT_EQ(back.notes.size(), deck.notes.size());
        for (std::size_t i = 0; i < deck.notes.size(); ++i) {
            SCOPED_TRACE(i);
            const Note& before = deck.notes[i];
            const Note& after = back.notes[i];
            EXPECT_EQ(after.deck, before.deck);
            EXPECT_EQ(after.tags, before.tags);
            // Mochi has no reverse cards: such a note comes back as Basic (MOCHI040); a note
            // type of the deck's own comes back as Mochi's plain sides, as many as its fields.
            const NoteType* type = deck.find_note_type(before.note_type_id);
            ASSERT_NE(type, nullptr);
            if (is_stock_under_anki_name(*type)) {
                EXPECT_EQ(after.note_type_id,
                          before.note_type_id == basic_and_reversed_note_type().id
                              ? basic_note_type().id
                              : before.note_type_id);
            } else {
                const NoteType* sides = back.find_note_type(after.note_type_id);
                ASSERT_NE(sides, nullptr);
                EXPECT_EQ(sides->name, "Mochi " + std::to_string(type->fields.size()) + " sides");
            }
            ASSERT_EQ(after.fields.size(), before.fields.size());
            for (std::size_t f = 0; f < before.fields.size(); ++f) {
                // Markdown stays markdown, the same text; only media paths become file names.
                EXPECT_EQ(after.fields[f].kind, Markup::markdown);
                EXPECT_EQ(after.fields[f].source,
                          with_flat_media_names(before.fields[f].source, deck,
                                                before.fields[f].kind));
            }
        }
        ASSERT_EQ(back.media.size(), deck.media.size());
        for (std::size_t m = 0; m < deck.media.size(); ++m) {
            EXPECT_EQ(back.media[m].bytes(), deck.media[m].bytes());
        }
    }
}

// `deckport roundtrip` through Mochi: no unexpected difference and a write fixpoint on every
// deck; pictures.md's `media/padlock.png` comes back as `padlock.png`, a rule of the format
// (FormatInfo::normalises), not a loss.
TEST(MochiRoundTrip, TheRoundTripEngineFindsNoUnexpectedDifference) {
    for (const auto& path : markdown_decks()) {
        SCOPED_TRACE(path.string());
        FormatRoundtrip result = engine_roundtrip(path, "mochi");
        EXPECT_TRUE(result.passed()) << ::testing::PrintToString(rendered(result.diagnostics));
        EXPECT_TRUE(result.fixpoint);
        bool has_media =
            path.filename() == "pictures.md" || path.filename() == "physics-notation.md";
        EXPECT_EQ(std::count(result.normalised.begin(), result.normalised.end(),
                             "media files stored under flat, sanitised names"),
                  has_media ? 1 : 0);
    }
}
