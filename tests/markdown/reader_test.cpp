// The markdown reader on well-formed decks: the reference deck, front matter, cloze, metadata,
// fences, line endings, media.
#include <gtest/gtest.h>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::vector<std::string> sources(const Note& note) {
    std::vector<std::string> out;
    for (const Content& field : note.fields) {
        EXPECT_EQ(field.kind, Markup::markdown);
        out.push_back(field.source);
    }
    return out;
}

}  // namespace

TEST(MarkdownReader, ReferenceDeckHasFiveBasicNotes) {
    ReadResult result = read_markdown_file(source_dir() / "decks" / "rust-concurrency.md");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    const Collection& c = result.collection;
    ASSERT_EQ(c.notes.size(), 5u);
    ASSERT_EQ(c.decks.size(), 1u);
    EXPECT_EQ(c.decks[0].name, "Rust Concurrency");
    ASSERT_EQ(c.note_types.size(), 1u);
    EXPECT_EQ(c.note_types[0], basic_note_type());
    for (const Note& note : c.notes) {
        EXPECT_EQ(note.deck, "Rust Concurrency");
        EXPECT_EQ(note.note_type_id, basic_note_type().id);
        EXPECT_TRUE(note.tags.empty());
        EXPECT_FALSE(note.guid.empty());
    }
    EXPECT_EQ(sources(c.notes[0]),
              (std::vector<std::string>{
                  "What is a `Mutex`?",
                  "A `Mutex` (short for mutual exclusion) acts like a padlock for your data. It "
                  "guarantees that only one thread can access and modify a shared resource at a "
                  "time, preventing chaotic **data races** and preserving data integrity. \n\n"
                  "> Rust's Mutex type from the standard library provides this essential "
                  "synchronization tool."}));
    EXPECT_EQ(sources(c.notes[4]),
              (std::vector<std::string>{
                  "What is ```mpsc```?",
                  "**Multiple producer, single consumer.** \n\n"
                  "> For scenarios where several threads send data to one receiver."}));
    EXPECT_EQ(c.notes[1].fields[0].source, "How does a `Mutex` work?");
    EXPECT_EQ(c.notes[3].fields[0].source, "What is **Mutex Poisoning**?");
}

TEST(MarkdownReader, ReferenceDeckOriginsPointAtEachCardAndField) {
    ReadResult result = read_markdown_file(source_dir() / "decks" / "rust-concurrency.md");
    const auto& notes = result.collection.notes;
    ASSERT_EQ(notes.size(), 5u);
    std::string file = (source_dir() / "decks" / "rust-concurrency.md").string();
    EXPECT_EQ(notes[0].origin, (SourceLocation{file, 5, 1, {}}));
    ASSERT_EQ(notes[0].field_origins.size(), 2u);
    EXPECT_EQ(notes[0].field_origins[0].line, 5);
    EXPECT_EQ(notes[0].field_origins[1].line, 8);
    EXPECT_EQ(notes[1].origin.line, 14);
    EXPECT_EQ(notes[1].field_origins[1].line, 18);
    EXPECT_EQ(notes[4].origin.line, 48);
    EXPECT_EQ(notes[4].field_origins[1].line, 52);
}

TEST(MarkdownReader, GuidsAreDerivedAndStable) {
    ReadResult first = read_markdown_file(source_dir() / "decks" / "rust-concurrency.md");
    ReadResult second = read_markdown_file(source_dir() / "decks" / "rust-concurrency.md");
    ASSERT_EQ(first.collection.notes.size(), second.collection.notes.size());
    for (std::size_t i = 0; i < first.collection.notes.size(); ++i) {
        const Note& note = first.collection.notes[i];
        EXPECT_EQ(note.guid, second.collection.notes[i].guid);
        EXPECT_EQ(note.guid, derive_guid("Rust Concurrency", "Basic", note.fields[0].source));
    }
}

TEST(MarkdownReader, WithoutFrontMatterTheDeckIsDefault) {
    ReadResult result = read_markdown("Q\n---\nA\n");
    EXPECT_TRUE(result.diagnostics.empty());
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(result.collection.notes[0].deck, "Default");
    EXPECT_EQ(sources(result.collection.notes[0]), (std::vector<std::string>{"Q", "A"}));
}

TEST(MarkdownReader, FrontMatterKeysAreCaseInsensitiveAndTagsApplyToEveryCard) {
    ReadResult result = read_markdown(
        "---\n"
        "deck:   Languages :: Spanish  \n"
        "TAGS: spanish  vocab::nouns\n"
        "note   type: basic (AND reversed card)\n"
        "---\n"
        "perro\n---\ndog\n. . .\n"
        "<!-- tags: animal -->\ngato\n---\ncat\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    const Collection& c = result.collection;
    ASSERT_EQ(c.notes.size(), 2u);
    EXPECT_EQ(c.notes[0].deck, "Languages::Spanish");
    EXPECT_EQ(c.notes[0].tags, (std::vector<std::string>{"spanish", "vocab::nouns"}));
    EXPECT_EQ(c.notes[1].tags, (std::vector<std::string>{"animal", "spanish", "vocab::nouns"}));
    EXPECT_EQ(type_name(c, c.notes[0]), "Basic (and reversed card)");
    ASSERT_EQ(c.decks.size(), 2u);
    EXPECT_EQ(c.decks[0].name, "Languages");
    EXPECT_EQ(c.decks[1].name, "Languages::Spanish");
}

TEST(MarkdownReader, ClozeCardsNeedNoAnswer) {
    ReadResult result = read_markdown(
        "---\nFlashcard Deck: Rust\nNote Type: Basic\n---\n"
        "A {{c1::Mutex}} guards {{c2::data}}.\n"
        ". . .\n"
        "`Arc` is {{c1::atomically}} counted.\n\n---\n\nSee `std::sync`.\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    const Collection& c = result.collection;
    ASSERT_EQ(c.notes.size(), 2u);
    EXPECT_EQ(type_name(c, c.notes[0]), "Cloze");
    EXPECT_EQ(sources(c.notes[0]),
              (std::vector<std::string>{"A {{c1::Mutex}} guards {{c2::data}}.", ""}));
    EXPECT_EQ(sources(c.notes[1]), (std::vector<std::string>{"`Arc` is {{c1::atomically}} counted.",
                                                             "See `std::sync`."}));
    EXPECT_EQ(c.note_types.size(), 1u);
}

TEST(MarkdownReader, LaterRulesBelongToTheAnswer) {
    ReadResult result = read_markdown("Q\n---\nA1\n\n---\n\nA2\n---\n. . .\nQ2\n---\nA2\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].fields[1].source, "A1\n\n---\n\nA2\n---");
}

TEST(MarkdownReader, MetadataCommentSetsIdTagsDeckAndType) {
    ReadResult result = read_markdown(
        "---\nFlashcard Deck: Rust\n---\n"
        "<!-- id: mutex-1 type: Basic (and reversed card) deck: Rust :: Sync tags: b a::x -->\n"
        "What is a `Mutex`?\n---\nA lock.\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    const Collection& c = result.collection;
    ASSERT_EQ(c.notes.size(), 1u);
    const Note& note = c.notes[0];
    EXPECT_EQ(note.guid, "mutex-1");
    EXPECT_EQ(note.deck, "Rust::Sync");
    EXPECT_EQ(note.tags, (std::vector<std::string>{"a::x", "b"}));
    EXPECT_EQ(type_name(c, note), "Basic (and reversed card)");
    EXPECT_EQ(note.fields[0].source, "What is a `Mutex`?");
    EXPECT_EQ(note.origin.line, 4);
    EXPECT_EQ(note.field_origins[0].line, 5);
}

TEST(MarkdownReader, ExplicitTypeWinsOverClozeDetection) {
    ReadResult result =
        read_markdown("<!-- type: basic -->\nWhat does `{{c1::x}}` mean?\n---\nA cloze.\n");
    EXPECT_TRUE(result.diagnostics.empty());
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(type_name(result.collection, result.collection.notes[0]), "Basic");
}

TEST(MarkdownReader, OrdinaryCommentsStayContent) {
    ReadResult result = read_markdown("<!-- draft -->\nQ\n---\nA <!-- id: x -->\n");
    EXPECT_TRUE(result.diagnostics.empty());
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(result.collection.notes[0].fields[0].source, "<!-- draft -->\nQ");
    EXPECT_EQ(result.collection.notes[0].fields[1].source, "A <!-- id: x -->");
}

TEST(MarkdownReader, SeparatorsInsideFencesAreContent) {
    std::string deck =
        "How do you print?\n"
        "~~~rust\n"
        "---\n"
        "```\n"
        ". . .\n"
        "~~~\n"
        "---\n"
        "````md\n"
        "```\n"
        "---\n"
        "```\n"
        ". . .\n"
        "````\n"
        ". . .\n"
        "Q2\n---\nA2\n";
    ReadResult result = read_markdown(deck);
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].fields[0].source,
              "How do you print?\n~~~rust\n---\n```\n. . .\n~~~");
    EXPECT_EQ(result.collection.notes[0].fields[1].source, "````md\n```\n---\n```\n. . .\n````");
}

TEST(MarkdownReader, InlineTripleBackticksAndIndentedFencesFollowCommonMark) {
    // ```` ```a``` ```` is a code span (its info string would hold a backtick), and four
    // spaces make indented code, not a fence: the separators after them count.
    ReadResult result = read_markdown("```a```\n---\n    ```\nA\n. . .\nQ2\n---\nA2\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].fields[0].source, "```a```");
}

TEST(MarkdownReader, ShorterOrOtherFencesDoNotClose) {
    ReadResult result =
        read_markdown("Q\n---\n````\n```\n~~~~\n. . .\n`````\n. . .\nQ2\n---\nA2\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].fields[1].source, "````\n```\n~~~~\n. . .\n`````");
}

TEST(MarkdownReader, CrlfBomAndCrReadLikeLf) {
    std::string lf = "---\nFlashcard Deck: D\n---\n\nQ  \n\n---\nA\n\n. . .\nQ2\n---\nA2";
    auto with_ending = [&](const std::string& ending) {
        std::string out;
        for (char c : lf) out += c == '\n' ? ending : std::string(1, c);
        return out;
    };
    ReadResult expected = read_markdown(lf);
    for (const std::string& text : {with_ending("\r\n"), "\xEF\xBB\xBF" + lf,
                                    "\xEF\xBB\xBF" + with_ending("\r\n"), with_ending("\r")}) {
        ReadResult result = read_markdown(text);
        EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
        EXPECT_EQ(result.collection.notes, expected.collection.notes);
    }
    EXPECT_EQ(expected.collection.notes[0].fields[0].source, "Q  ");
}

TEST(MarkdownReader, TrailingSeparatorAndBlankLinesAreFine) {
    ReadResult result = read_markdown("\n\nQ\n---\nA\n\n. . .\n\n\n");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    EXPECT_EQ(result.collection.notes.size(), 1u);
}

TEST(MarkdownReader, ExistingImagesBecomeMediaOncePerPath) {
    TempDir dir;
    write_text(dir / "img" / "a.png", "png-bytes");
    write_text(dir / "b c.png", "more");
    write_text(dir / "deck.md",
               "![A](img/a.png) `![x](not-an-image.png)`\n---\n"
               "![again](img/a.png) ![web](https://example.com/x.png) ![s](<b c.png>)\n");
    ReadResult result = read_markdown_file(dir / "deck.md");
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    const auto& media = result.collection.media;
    ASSERT_EQ(media.size(), 2u);
    EXPECT_EQ(media[0].name, "img/a.png");
    EXPECT_EQ(media[0].source_path, std::filesystem::canonical(dir.path() / "img/a.png"));
    EXPECT_EQ(media[0].bytes(), "png-bytes");
    EXPECT_EQ(media[0].origin.line, 1);  // the field that first refers to it
    EXPECT_EQ(media[1].name, "b c.png");
    EXPECT_EQ(media[1].origin.line, 3);
}

TEST(MarkdownReader, StdinImagesResolveAgainstTheWorkingDirectory) {
    Input input = input_from_memory("<stdin>", "Q\n---\n![x](decks/rust-concurrency.md)\n");
    ReadResult result = read_markdown_input(input);
    EXPECT_TRUE(result.diagnostics.empty()) << ::testing::PrintToString(result.diagnostics);
    ASSERT_EQ(result.collection.media.size(), 1u);
    EXPECT_EQ(
        result.collection.media[0].source_path,
        std::filesystem::canonical(std::filesystem::current_path() / "decks/rust-concurrency.md"));
}

TEST(MarkdownReader, ProbeIsSureOfItsOwnSyntaxOnly) {
    const Reader& reader = *markdown_format().reader;
    EXPECT_EQ(reader.probe(input_from_memory("x", "---\nFlashcard Deck: A\n---\nQ\n---\nA\n")), 95);
    EXPECT_EQ(reader.probe(input_from_memory("x", "\xEF\xBB\xBFQ\r\n---\r\nA\r\n. . .\r\n")), 80);
    EXPECT_EQ(reader.probe(input_from_memory("notes.md", "# Title\n")), 10);
    EXPECT_EQ(reader.probe(input_from_memory("notes.MARKDOWN", "# Title\n")), 10);
    EXPECT_EQ(reader.probe(input_from_memory("notes.txt", "# Title\n")), 0);
    EXPECT_EQ(reader.probe(input_from_memory("notes.md", "bad \xff byte\n")), 0);
    EXPECT_EQ(reader.probe(input_from_memory("notes.md", std::string("nul\0", 4))), 0);
}
