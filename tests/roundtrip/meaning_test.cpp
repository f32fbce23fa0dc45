// Comparison by meaning (issue "trust", items 1 to 4 and 7), with fake formats that behave like
// the real ones: what a format sets by rule is not a difference, what it cannot carry is one
// warning with counts, notes are matched by identity and content, never by position, and
// every remaining difference says what changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "deckport/roundtrip.hpp"
#include "fake_format.hpp"
#include "test_support.hpp"

using namespace deckport;
using test::FakeFlaw;
using test::media_in_memory;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::string guid_of(const std::string& deck, const std::string& front) {
    return derive_guid(deck, "Basic", front);
}

Note basic_note(const std::string& deck, const std::string& front, const std::string& back,
                int line) {
    Note note;
    note.note_type_id = basic_note_type().id;
    note.fields = {{Markup::markdown, front}, {Markup::markdown, back}};
    note.deck = deck;
    note.guid = guid_of(deck, front);
    note.origin = SourceLocation{"deck.md", line, 1};
    return note;
}

Collection collection_of(std::vector<Note> notes) {
    Collection c;
    c.note_types = {basic_note_type()};
    for (const Note& note : notes) c.ensure_deck(note.deck);
    c.notes = std::move(notes);
    return c;
}

// Two notes with one reviewed card each, as an Anki package holds them.
Collection scheduled_collection() {
    Collection c = collection_of({basic_note("Rust", "What is a Mutex?", "A lock.", 1),
                                  basic_note("Rust", "What is mpsc?", "A channel.", 5)});
    std::int64_t id = 1700000000000;
    for (Note& note : c.notes) {
        Card card;
        card.ord = 0;
        card.deck = note.deck;
        card.scheduling.json() = {{"id", id++},  {"usn", 154}, {"type", 2},      {"queue", 2},
                                  {"due", 40},   {"ivl", 3},   {"factor", 2500}, {"reps", 4},
                                  {"lapses", 0}, {"odue", 0},  {"odid", 0}};
        note.cards.push_back(card);
    }
    return c;
}

RoundtripResult run(const std::string& name, Capabilities carries, FakeFlaw flaw,
                    const Collection& c, Normalisations normalises = {},
                    RoundtripSettings settings = {}) {
    FormatRegistry registry;
    registry.add(test::make_fake_format(name, carries, flaw, normalises));
    return roundtrip({c, "deck.md", {}, test::source_dir()}, registry, settings);
}

std::vector<std::string> errors_of(const RoundtripResult& result) {
    std::vector<std::string> out;
    for (const Diagnostic& d : result.diagnostics()) {
        if (d.severity == Severity::error) out.push_back(format_diagnostic(d));
    }
    return out;
}

std::vector<std::string> all_of(const RoundtripResult& result) {
    return test::rendered(result.diagnostics());
}

}  // namespace

// Item 1: apkg -> apkg changed only `usn` (154 -> -1), which every package writer sets.
TEST(RoundtripMeaning, UsnSetByTheWriterIsNotADifferenceWhenTheFormatDeclaresIt) {
    Normalisations rule{.card_keys = {"usn"}};
    RoundtripResult result = run("ankiish", test::carries_everything(), FakeFlaw::reset_usn,
                                 scheduled_collection(), rule);
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
    EXPECT_THAT(all_of(result),
                ElementsAre("deck.md: note: ankiish changes by rule, not counted as differences: "
                            "card 'usn' set by the writer (2) [RT009]"));
    EXPECT_EQ(result.formats[0].normalised,
              std::vector<std::string>{"card 'usn' set by the writer"});
}

TEST(RoundtripMeaning, UndeclaredUsnChangeSaysWhichCardAndWhatChanged) {
    RoundtripResult result =
        run("ankiish", test::carries_everything(), FakeFlaw::reset_usn, scheduled_collection());
    EXPECT_FALSE(result.passed());
    EXPECT_THAT(errors_of(result),
                ElementsAre("deck.md:1:1: error: ankiish: note 'What is a Mutex?' (guid " +
                                guid_of("Rust", "What is a Mutex?") +
                                "): card 1 (\"Card 1\"): sync number (usn) changed from 154 to "
                                "-1 [RT005]",
                            "deck.md:5:1: error: ankiish: note 'What is mpsc?' (guid " +
                                guid_of("Rust", "What is mpsc?") +
                                "): card 1 (\"Card 1\"): sync number (usn) changed from 154 to "
                                "-1 [RT005]"));
}

TEST(RoundtripMeaning, ARealSchedulingChangeIsAnErrorInWords) {
    Normalisations rule{.card_keys = {"usn"}};
    RoundtripResult result = run("ankiish", test::carries_everything(), FakeFlaw::reset_interval,
                                 scheduled_collection(), rule);
    EXPECT_FALSE(result.passed());
    ASSERT_EQ(errors_of(result).size(), 2u);
    EXPECT_EQ(errors_of(result)[0], "deck.md:1:1: error: ankiish: note 'What is a Mutex?' (guid " +
                                        guid_of("Rust", "What is a Mutex?") +
                                        "): card 1 (\"Card 1\"): interval changed from 3 days to "
                                        "0 days [RT005]");
}

TEST(RoundtripMeaning, SchedulingChangedByAFormatWithoutSchedulingIsALossInCards) {
    Capabilities carries = test::carries_everything();
    carries.scheduling = false;
    RoundtripResult result =
        run("csvish", carries, FakeFlaw::reset_interval, scheduled_collection());
    EXPECT_TRUE(result.passed());
    EXPECT_THAT(all_of(result), ElementsAre("deck.md: warning: csvish does not carry scheduling "
                                            "(2 cards, lost by design) [RT001]"));
}

// Item 2: a 4-field genanki-style deck written by a format without note types (markdown before
// note types, Quizlet): one warning per aspect with counts, no RT004 per field.
TEST(RoundtripMeaning, FlattenedNoteTypeIsOneLossWithCountsNotAnErrorPerField) {
    NoteType vocab;
    vocab.name = "Vocab (genanki)";
    vocab.fields = {"Word", "Meaning", "Example", "Audio"};
    vocab.templates = {{"Recognition", "{{Word}}", "{{FrontSide}}<hr>{{Meaning}}", {}}};
    vocab.css = ".card { font-size: 20px }";
    vocab.id = derive_id("notetype", vocab.name);
    Collection c;
    c.note_types = {vocab};
    for (int i = 0; i < 300; ++i) {
        Note note;
        note.note_type_id = vocab.id;
        std::string n = std::to_string(i);
        note.fields = {{Markup::html, "word " + n},
                       {Markup::html, "meaning " + n},
                       {Markup::html, "an <b>example</b> " + n},
                       {Markup::html, ""}};
        note.guid = "g" + n;
        note.deck = "Vocab";
        c.notes.push_back(note);
    }
    c.ensure_deck("Vocab");
    Capabilities carries = test::carries_everything();
    carries.note_types = false;
    RoundtripResult result = run("mdish", carries, FakeFlaw::flatten_types, c);
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(errors_of(result));
    EXPECT_THAT(all_of(result),
                ElementsAre("deck.md: warning: mdish does not carry card templates and styling "
                            "(1 note type, lost by design) [RT001]",
                            "deck.md: warning: mdish does not carry note types (300 notes, lost "
                            "by design) [RT001]"));

    // --strict turns the losses by design into errors.
    RoundtripSettings strict;
    strict.strict = true;
    RoundtripResult failed = run("mdish", carries, FakeFlaw::flatten_types, c, {}, strict);
    EXPECT_FALSE(failed.passed());
    EXPECT_THAT(errors_of(failed),
                ElementsAre("deck.md: error: mdish does not carry card templates and styling (1 "
                            "note type, lost by design; an error with --strict) [RT001]",
                            "deck.md: error: mdish does not carry note types (300 notes, lost by "
                            "design; an error with --strict) [RT001]"));
}

TEST(RoundtripMeaning, FlattenedNoteThatLosesAFieldsTextIsStillAnError) {
    NoteType vocab;
    vocab.name = "Vocab";
    vocab.fields = {"Word", "Meaning", "Example"};
    vocab.id = derive_id("notetype", vocab.name);
    Collection c;
    c.note_types = {vocab};
    Note note;
    note.note_type_id = vocab.id;
    note.fields = {{Markup::html, "word"}, {Markup::html, "meaning"}, {Markup::html, "some data"}};
    note.guid = "g1";
    note.origin = SourceLocation{"deck.md", 2, 1};
    c.notes.push_back(note);
    Capabilities carries = test::carries_everything();
    carries.note_types = false;
    // change_field turns "data" into "date" in every field: the joined answer no longer holds
    // the Example field's text.
    FormatRegistry registry;
    registry.add(test::make_fake_format("mdish", carries,
                                        {FakeFlaw::flatten_types, FakeFlaw::change_field}));
    RoundtripResult result = roundtrip({c, "deck.md", {}, test::source_dir()}, registry, {});
    EXPECT_THAT(errors_of(result),
                ElementsAre("deck.md:2:1: error: mdish: note 'word' (guid g1): the text of field "
                            "Example is not in the note after the round trip: \"some data\" "
                            "[RT004]"));
}

// Item 3: Mochi groups cards by deck and derives its ids from the GUIDs. A 3-card deck whose
// card 2 is in another deck gave 6 false RT004/RT005 when notes were matched by position.
TEST(RoundtripMeaning, NotesReorderedByDeckAreMatchedByContentNotPosition) {
    Collection c = collection_of({basic_note("A", "one", "1", 1), basic_note("B", "two", "2", 5),
                                  basic_note("A", "three", "3", 9)});
    Capabilities carries = test::carries_everything();
    carries.guids = false;
    RoundtripResult result = run("mochiish", carries, FakeFlaw::group_by_deck, c,
                                 Normalisations{.derived_note_ids = true});
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
    EXPECT_THAT(all_of(result),
                ElementsAre("deck.md: note: mochiish changes by rule, not counted as "
                            "differences: note ids derived from the GUIDs (3) [RT009]"));

    // Without the declaration, the ids are a loss by design (the format has no GUIDs), still
    // with no error.
    RoundtripResult undeclared = run("mochiish", carries, FakeFlaw::group_by_deck, c);
    EXPECT_TRUE(undeclared.passed());
    EXPECT_EQ(undeclared.formats[0].losses, std::vector<std::string>{"note ids"});
}

TEST(RoundtripMeaning, SameQuestionInTwoDecksIsMatchedInItsOwnDeck) {
    Collection c =
        collection_of({basic_note("A", "same", "in A", 1), basic_note("B", "same", "in B", 5)});
    Capabilities carries = test::carries_everything();
    carries.guids = false;
    RoundtripResult result = run("mochiish", carries, FakeFlaw::group_by_deck, c,
                                 Normalisations{.derived_note_ids = true});
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
}

// Item 4: CrowdAnki puts decks without a common parent under a root deck (CA030).
TEST(RoundtripMeaning, RootDeckTheFormatAddsIsNotADeckChange) {
    Collection c = collection_of(
        {basic_note("Rust", "one", "1", 1), basic_note("Go::Channels", "two", "2", 5)});
    RoundtripResult result = run("crowdish", test::carries_everything(), FakeFlaw::root_deck, c,
                                 Normalisations{.root_deck = true});
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
    EXPECT_THAT(all_of(result),
                ElementsAre("deck.md: note: crowdish changes by rule, not counted as "
                            "differences: decks put under the root deck 'Root' (2) [RT009]"));

    RoundtripResult undeclared =
        run("crowdish", test::carries_everything(), FakeFlaw::root_deck, c);
    EXPECT_THAT(
        errors_of(undeclared),
        ElementsAre("deck.md:1:1: error: crowdish: note 'one' (guid " + guid_of("Rust", "one") +
                        "): moved from deck 'Rust' to deck 'Root::Rust' [RT005]",
                    "deck.md:5:1: error: crowdish: note 'two' (guid " +
                        guid_of("Go::Channels", "two") +
                        "): moved from deck 'Go::Channels' to deck 'Root::Go::Channels' "
                        "[RT005]"));
}

// Item 4: two images in one deck; a folder format lists them in another order on the second
// write, and stores them under flat names.
TEST(RoundtripMeaning, TwoImagesRenamedByTheFormatAreMatchedByTheirBytes) {
    Collection c = collection_of(
        {basic_note("Art", "Red: ![r](media/red.png)", "Blue: ![b](<media/blue dot.png>)", 1)});
    c.media.push_back(media_in_memory("media/red.png", "RED-PNG"));
    c.media.push_back(media_in_memory("media/blue dot.png", "BLUE-PNG"));
    RoundtripResult result = run("crowdish", test::carries_everything(), FakeFlaw::flat_media, c,
                                 Normalisations{.media_names = true});
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
    EXPECT_THAT(all_of(result),
                ElementsAre("deck.md: note: crowdish changes by rule, not counted as "
                            "differences: media files stored under flat, sanitised names (2) "
                            "[RT009]"));

    RoundtripResult undeclared =
        run("crowdish", test::carries_everything(), FakeFlaw::flat_media, c);
    EXPECT_THAT(errors_of(undeclared),
                ElementsAre("deck.md: error: crowdish: media file 'media/red.png' came back as "
                            "'media_red.png' [RT008]",
                            "deck.md: error: crowdish: media file 'media/blue dot.png' came back "
                            "as 'media_blue dot.png' [RT008]"));
}

TEST(RoundtripMeaning, FilesOfTheSameBytesKeepTheirOwnNames) {
    Collection c = collection_of({basic_note("Art", "![a](x/a.png) ![b](y/b.png)", "two", 1)});
    c.media.push_back(media_in_memory("x/a.png", "SAME"));
    c.media.push_back(media_in_memory("y/b.png", "SAME"));
    RoundtripResult result = run("crowdish", test::carries_everything(), FakeFlaw::flat_media, c,
                                 Normalisations{.media_names = true});
    EXPECT_TRUE(result.passed()) << ::testing::PrintToString(all_of(result));
}

// Item 7: a note type that a format carries but changes is reported once, in words.
TEST(RoundtripMeaning, NoteTypeChangeIsReportedOncePerNoteType) {
    Collection c = collection_of({basic_note("A", "one", "1", 1), basic_note("A", "two", "2", 5)});
    RoundtripResult result = run("flat", test::carries_everything(), FakeFlaw::flatten_types, c);
    std::vector<std::string> errors = errors_of(result);
    ASSERT_EQ(errors.size(), 2u) << ::testing::PrintToString(errors);
    EXPECT_EQ(errors[0],
              "deck.md: error: flat: note type 'Basic': has 0 card templates, had 1 "
              "[RT005]");
    EXPECT_THAT(errors[1], ::testing::StartsWith("deck.md: error: flat: note type 'Basic': "
                                                 "styling changed: \".card {⏎"));
    EXPECT_THAT(errors[1], ::testing::EndsWith("\" → \"\" [RT005]"));
}
