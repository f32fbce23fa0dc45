// Semantic diff: matching by GUID then first field, and what is reported for each change.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/diff.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;

namespace {

Note basic(std::string guid, std::string front, std::string back, int line,
           std::string deck = "Rust") {
    Note note;
    note.guid = std::move(guid);
    note.note_type_id = basic_note_type().id;
    note.fields = {{Markup::markdown, std::move(front)}, {Markup::markdown, std::move(back)}};
    note.deck = std::move(deck);
    note.origin = SourceLocation{"a.md", line, 1};
    return note;
}

Collection collection(std::vector<Note> notes, const std::string& file) {
    Collection c;
    c.note_types = {basic_note_type()};
    for (Note& note : notes) {
        note.origin.file = file;
        c.ensure_deck(note.deck);
        c.notes.push_back(std::move(note));
    }
    c.meta.source_name = file;
    return c;
}

}  // namespace

TEST(Diff, IdenticalDecksHaveNoDifferences) {
    Collection a = collection({basic("g1", "Q", "A", 1)}, "a.md");
    CollectionDiff diff = diff_collections(a, a);
    EXPECT_TRUE(diff.empty());
    EXPECT_EQ(diff_to_text(diff, "a.md", "a.md"), "--- a.md\n+++ a.md\nno differences\n");
}

TEST(Diff, SameTextInAnotherMarkupIsNotAChange) {
    Collection a = collection({basic("g1", "Q", "A **lock**", 1)}, "a.md");
    Collection b = a;
    b.notes[0].fields[1] = {Markup::html, "A <b>lock</b>"};
    EXPECT_TRUE(diff_collections(a, b).empty());
}

TEST(Diff, ReportsAddedRemovedAndChangedNotes) {
    Collection a = collection(
        {basic("g1", "What is a Mutex?", "A lock.", 1),
         basic("g2", "What is mpsc?", "A channel.", 5), basic("g3", "Old question", "Gone.", 9)},
        "a.md");
    Note changed = basic("g1", "What is a Mutex?", "A lock that guards data.", 1, "Rust::Sync");
    changed.set_tags({"sync"});
    // Matched by first field although its id changed (a re-generated GUID).
    Note renamed = basic("other", "What is mpsc?", "A channel.", 5);
    Collection b =
        collection({changed, renamed, basic("g4", "What is Arc?", "Shared.", 9)}, "b.md");

    CollectionDiff diff = diff_collections(a, b);
    ASSERT_EQ(diff.added.size(), 1u);
    EXPECT_EQ(diff.added[0].question, "What is Arc?");
    ASSERT_EQ(diff.removed.size(), 1u);
    EXPECT_EQ(diff.removed[0].guid, "g3");
    ASSERT_EQ(diff.changed.size(), 2u);
    EXPECT_EQ(diff.changed[0].fields.size(), 1u);
    EXPECT_EQ(diff.changed[0].fields[0].field, "Back");
    EXPECT_EQ(diff.changed[0].tags_added, std::vector<std::string>{"sync"});
    EXPECT_TRUE(diff.changed[0].deck_changed);
    EXPECT_TRUE(diff.changed[1].guid_changed);
    EXPECT_EQ(diff.decks_added, std::vector<std::string>{"Rust::Sync"});

    EXPECT_EQ(diff_to_text(diff, "a.md", "b.md"),
              "--- a.md\n+++ b.md\n"
              "notes: 1 added, 1 removed, 2 changed\n"
              "- note 'Old question' (a.md:9)\n"
              "+ note 'What is Arc?' (b.md:9)\n"
              "~ note 'What is a Mutex?' (a.md:1 -> b.md:1)\n"
              "    Back: \"A lock.\" -> \"A lock that guards data.\"\n"
              "    tags: +sync\n"
              "    deck: Rust -> Rust::Sync\n"
              "~ note 'What is mpsc?' (a.md:5 -> b.md:5)\n"
              "    id: g2 -> other\n"
              "+ deck Rust::Sync\n");

    nlohmann::ordered_json json = diff_to_json(diff, "a.md", "b.md");
    EXPECT_EQ(json["identical"], false);
    EXPECT_EQ(json["summary"]["notes_changed"], 2);
    EXPECT_EQ(json["notes"]["removed"][0]["origin"]["line"], 9);
    EXPECT_EQ(json["notes"]["changed"][0]["fields"][0]["after"]["source"],
              "A lock that guards data.");
    EXPECT_EQ(json["decks"]["added"][0], "Rust::Sync");
}

TEST(Diff, NoteTypeChanges) {
    Collection a = collection({basic("g1", "Q", "A", 1)}, "a.md");
    Collection b = a;
    b.note_types[0].fields.push_back("Source");
    b.note_types[0].css = "card { color: red; }";
    b.note_types.push_back(cloze_note_type());
    CollectionDiff diff = diff_collections(a, b);
    EXPECT_EQ(diff.note_types_added, std::vector<std::string>{"Cloze"});
    ASSERT_EQ(diff.note_types_changed.size(), 1u);
    EXPECT_TRUE(diff.note_types_changed[0].css_changed);
    EXPECT_FALSE(diff.note_types_changed[0].templates_changed);
    EXPECT_EQ(diff.note_types_changed[0].fields_after,
              (std::vector<std::string>{"Front", "Back", "Source"}));
}
