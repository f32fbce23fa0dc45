// The reports reproduced with the real formats: usn through apkg, a 4-field note type
// through the formats without note types, Mochi's deck grouping, CrowdAnki's root deck and two
// images in one deck.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"
#include "deckport/io.hpp"
#include "deckport/notetypes.hpp"
#include "deckport/roundtrip.hpp"
#include "test_support.hpp"

using namespace deckport;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

struct Outcome {
    RoundtripResult result;
    std::vector<std::string> errors;
    std::vector<std::string> all;
};

Outcome roundtrip_of(const Collection& c, const std::string& file, std::vector<std::string> via,
                     const std::filesystem::path& base_dir = test::source_dir(),
                     std::string_view text = {}) {
    RoundtripSettings settings;
    settings.via = std::move(via);
    settings.timestamp = 1700000000;
    Outcome run{roundtrip({c, file, text, base_dir}, builtin_formats(), settings), {}, {}};
    for (const Diagnostic& d : run.result.diagnostics()) {
        run.all.push_back(format_diagnostic(d));
        if (d.severity == Severity::error) run.errors.push_back(format_diagnostic(d));
    }
    return run;
}

// A markdown deck written to `dir` and read as the CLI reads it.
Collection markdown_deck(const std::filesystem::path& dir, const std::string& text,
                         std::string& bytes) {
    test::write_text(dir / "deck.md", text);
    Input input = read_input((dir / "deck.md").string());
    bytes = input.bytes;
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 1700000000};
    Collection c = read_collection(*builtin_formats().find("markdown"), input, context);
    EXPECT_FALSE(diagnostics.has_errors())
        << ::testing::PrintToString(test::rendered(diagnostics.all()));
    return c;
}

}  // namespace

// Item 1: a modern package's cards carry usn 154; the package written keeps it.
TEST(RoundtripRealFormats, ApkgKeepsTheUsnItRead) {
    Collection c;
    c.note_types = {basic_note_type()};
    for (int i = 0; i < 3; ++i) {
        Note note;
        note.note_type_id = basic_note_type().id;
        note.fields = {{Markup::html, "Q" + std::to_string(i)}, {Markup::html, "A"}};
        note.deck = "Deck";
        note.guid = "guid" + std::to_string(i);
        Card card;
        card.deck = "Deck";
        card.scheduling.json() = {{"id", 1700000000000 + i},
                                  {"mod", 1700000000},
                                  {"usn", 154},
                                  {"type", 2},
                                  {"queue", 2},
                                  {"due", 30 + i},
                                  {"ivl", 12},
                                  {"factor", 2500},
                                  {"reps", 5},
                                  {"lapses", 1},
                                  {"left", 0},
                                  {"odue", 0},
                                  {"odid", 0},
                                  {"flags", 0},
                                  {"data", ""}};
        note.cards.push_back(card);
        c.notes.push_back(note);
    }
    c.ensure_deck("Deck");
    Outcome run = roundtrip_of(c, "modern.apkg", {"apkg"});
    EXPECT_THAT(run.errors, IsEmpty());
    EXPECT_TRUE(run.result.passed());
    // Packages keep the sync number (usn) as read: nothing to excuse, nothing changed.
    EXPECT_THAT(run.all, Not(Contains(HasSubstr("usn"))));
}

// Item 2: a 4-field genanki-style note type through every format that cannot carry it.
TEST(RoundtripRealFormats, GenankiStyleNoteTypeIsOneLossPerFormatNotAnErrorPerField) {
    NoteType vocab;
    vocab.name = "Vocabulary (genanki)";
    vocab.fields = {"Word", "Meaning", "Example", "Notes"};
    vocab.templates = {
        {"Card 1", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}", {}}};
    vocab.css = ".card { font-family: serif; }";
    vocab.id = derive_id("notetype", vocab.name);
    Collection c;
    c.note_types = {vocab};
    for (int i = 0; i < 50; ++i) {
        Note note;
        note.note_type_id = vocab.id;
        std::string n = std::to_string(i);
        note.fields = {{Markup::html, "word " + n},
                       {Markup::html, "meaning " + n},
                       {Markup::html, "an example with word " + n},
                       {Markup::html, i % 2 ? "a note " + n : ""}};
        note.deck = "Vocabulary";
        note.guid = "genanki" + n;
        c.notes.push_back(note);
    }
    c.ensure_deck("Vocabulary");
    Outcome run = roundtrip_of(c, "vocab.apkg", {"markdown", "csv", "quizlet", "mochi"});
    EXPECT_THAT(run.errors, IsEmpty());
    EXPECT_TRUE(run.result.passed());
    for (const FormatRoundtrip& format : run.result.formats) {
        // Markdown decks define their note types (docs/deck-format.md §14): nothing lost.
        if (format.format == "markdown") {
            EXPECT_THAT(format.losses, IsEmpty());
            continue;
        }
        EXPECT_THAT(format.losses, Contains("card templates and styling")) << format.format;
    }
    EXPECT_THAT(run.all, Contains("vocab.apkg: warning: csv does not carry card templates and "
                                  "styling (1 note type, lost by design) [RT001]"));
}

// Item 3: Mochi groups cards by deck; card 2 sits in another deck.
TEST(RoundtripRealFormats, MochiDeckGroupingGivesNoFalseDifferences) {
    test::TempDir dir;
    std::string text;
    Collection c =
        markdown_deck(dir.path(),
                      "---\nFlashcard Deck: Main\n---\n\nOne?\n\n---\n1\n\n. . .\n\n"
                      "<!-- deck: Other -->\nTwo?\n\n---\n2\n\n. . .\n\nThree?\n\n---\n3\n",
                      text);
    ASSERT_EQ(c.notes.size(), 3u);
    Outcome run = roundtrip_of(c, (dir / "deck.md").string(), {"mochi"}, dir.path(), text);
    EXPECT_THAT(run.errors, IsEmpty());
    EXPECT_TRUE(run.result.passed());
}

// Item 4: decks without a common parent go under CrowdAnki's root deck (CA030); two images in
// one deck are stored flat.
TEST(RoundtripRealFormats, CrowdAnkiRootDeckAndTwoImagesPass) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    test::write_text(dir / "media" / "red.png", "\x89PNG red");
    test::write_text(dir / "media" / "blue dot.png", "\x89PNG blue");
    std::string text;
    Collection c =
        markdown_deck(dir.path(),
                      "---\nFlashcard Deck: Colours\n---\n\nRed?\n\n![red](media/red.png)"
                      "\n\n---\nred\n\n. . .\n\n<!-- deck: Shapes -->\nBlue?\n\n"
                      "![blue](<media/blue dot.png>)\n\n---\nblue\n",
                      text);
    ASSERT_EQ(c.media.size(), 2u);
    Outcome run = roundtrip_of(c, (dir / "deck.md").string(), {"crowdanki"}, dir.path(), text);
    EXPECT_THAT(run.errors, IsEmpty());
    EXPECT_TRUE(run.result.passed());
    EXPECT_THAT(run.all, Contains(HasSubstr("decks put under the root deck")));
}

// Quizlet keeps no ids and hides cloze deletions, so its notes are matched by their words. Many
// cloze notes alike but for a number, and more identical ones than the matcher compares with
// one note, are each matched to their own read-back note: nothing reported lost or added.
TEST(RoundtripRealFormats, ManyAlikeNotesThroughQuizletAreMatchedOneToOne) {
    test::TempDir dir;
    std::string deck = "---\nFlashcard Deck: Alike\n---\n\n";
    for (int i = 0; i < 400; ++i) {
        if (i > 0) deck += "\n. . .\n\n";
        deck += "The {{c1::borrow checker}} rejects data race number {{c2::" + std::to_string(i) +
                "}} before `main_" + std::to_string(i) + "` runs.\n";
    }
    for (int i = 0; i < 300; ++i) deck += "\n. . .\n\nThe same {{c1::words}} every time.\n";
    std::string text;
    Collection c = markdown_deck(dir.path(), deck, text);
    ASSERT_EQ(c.notes.size(), 700u);
    Outcome run = roundtrip_of(c, (dir / "deck.md").string(), {"quizlet"}, dir.path(), text);
    EXPECT_THAT(run.errors, IsEmpty());
    for (const std::string& line : run.all) {
        EXPECT_THAT(line, Not(HasSubstr("[RT002]"))) << line;  // missing after the round trip
        EXPECT_THAT(line, Not(HasSubstr("[RT003]"))) << line;  // appeared in the round trip
        EXPECT_THAT(line, Not(HasSubstr("[RT005]"))) << line;  // a field paired wrongly differs
    }
    EXPECT_TRUE(run.result.passed());
}
