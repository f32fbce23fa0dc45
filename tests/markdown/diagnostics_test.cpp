// Every malformed input the markdown reader knows, with its exact diagnostics and line:col.
#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

using Lines = std::vector<std::string>;

Lines diagnostics_of(const std::string& deck) {
    return read_markdown(deck).diagnostics;
}

}  // namespace

TEST(MarkdownDiagnostics, UnterminatedFrontMatter) {
    EXPECT_EQ(
        diagnostics_of("---\nFlashcard Deck: X\n\nWhat is it?\n"),
        (Lines{"deck.md:1:1: error: front matter is not closed: no `---` line ends it [MD003]",
               "deck.md:4:1: error: card has no answer: no `---` line separates question and "
               "answer [MD011]"}));
}

TEST(MarkdownDiagnostics, FrontMatterLinesThatAreNotKeyValue) {
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck: X\nWhat is this?\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:3:1: error: front matter line is not `Key: value` [MD004]"}));
    // Not YAML, and a line is not `Key: value` either: the error is where YAML stops.
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck: X\nTags: a: b\n- c\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:3:8: error: front matter is not valid YAML: illegal map value "
                     "[MD004]"}));
    EXPECT_EQ(diagnostics_of("---\n- a\n- b\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:2:1: error: front matter is not `Key: value` lines [MD004]"}));
    EXPECT_EQ(diagnostics_of("---\nDeck: [A, B]\nTags: {a: b}\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:2:7: error: `Deck:` must be a deck name, not a list or mapping "
                     "[MD004]",
                     "deck.md:3:7: error: a tag must be text [MD004]"}));
}

// Issue 11: the front matter is YAML, so lists of tags work; older `Key: value` lines still do.
TEST(MarkdownDiagnostics, FrontMatterIsYaml) {
    ReadResult yaml = read_markdown(
        "---\nFlashcard Deck: 'Rust: Advanced'\ntags:\n  - a\n  - b c\nTAGS  : "
        "x\n---\nQ\n---\nA\n");
    EXPECT_EQ(yaml.diagnostics,
              (Lines{"deck.md:6:1: error: front matter gives `Tags:` twice (first on line 3) "
                     "[MD006]"}));
    EXPECT_EQ(yaml.collection.notes.at(0).deck, "Rust: Advanced");
    EXPECT_EQ(yaml.collection.notes.at(0).tags, (std::vector<std::string>{"a", "b", "c"}));
    ReadResult old = read_markdown("---\ndeck: A :: B: C\nTags: #x y\n---\nQ\n---\nA\n");
    EXPECT_EQ(old.diagnostics, Lines{});
    EXPECT_EQ(old.collection.notes.at(0).deck, "A::B: C");
    EXPECT_EQ(old.collection.notes.at(0).tags, (std::vector<std::string>{"#x", "y"}));
    // Valid YAML: `#` starts a comment, so the value must be quoted.
    ReadResult comment = read_markdown("---\nTags: #x y\n---\nQ\n---\nA\n");
    EXPECT_TRUE(comment.collection.notes.at(0).tags.empty());
    ReadResult quoted = read_markdown("---\nTags: \"#x y\"\n---\nQ\n---\nA\n");
    EXPECT_EQ(quoted.collection.notes.at(0).tags, (std::vector<std::string>{"#x", "y"}));
}

TEST(MarkdownDiagnostics, UnknownFrontMatterKeyIsAWarning) {
    ReadResult result = read_markdown("---\nFlashcard Deck: X\nAuthor: me\n---\nQ\n---\nA\n");
    EXPECT_EQ(
        result.diagnostics,
        (Lines{"deck.md:3:1: warning: unknown front-matter key 'Author' is ignored [MD005]"}));
    EXPECT_EQ(result.collection.notes.at(0).deck, "X");
}

TEST(MarkdownDiagnostics, FrontMatterKeyGivenTwice) {
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck: X\nDeck: Y\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:3:1: error: front matter gives the deck name twice (first on line "
                     "2) [MD006]"}));
}

TEST(MarkdownDiagnostics, BadDeckNames) {
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck:\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:2:16: error: the deck name is empty [MD007]"}));
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck: A::::B\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:2:17: error: deck name 'A::::B' has an empty part [MD007]"}));
    EXPECT_EQ(diagnostics_of("<!-- deck: ::A -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:12: error: deck name '::A' has an empty part [MD007]"}));
}

TEST(MarkdownDiagnostics, UnknownNoteType) {
    EXPECT_EQ(diagnostics_of("---\nNote Type: Fancy\n---\nQ\n---\nA\n"),
              (Lines{"deck.md:2:12: error: unknown note type 'Fancy' [MD008]"}));
    EXPECT_EQ(diagnostics_of("<!-- type: Basic (optional reverse) -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:12: error: unknown note type 'Basic (optional reverse)' "
                     "[MD008]"}));
}

TEST(MarkdownDiagnostics, UnterminatedFenceIsReportedWhereItOpensAndEndsAtTheNextCard) {
    ReadResult result = read_markdown("Q1\n---\n  ```rust\nlet x = 1;\n. . .\nQ2\n---\nA2\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:3:3: error: code fence is never closed [MD009]"}));
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].fields[1].source, "  ```rust\nlet x = 1;");
    EXPECT_EQ(result.collection.notes[1].fields[0].source, "Q2");
}

TEST(MarkdownDiagnostics, UnterminatedFenceSwallowingTheSideSeparator) {
    EXPECT_EQ(diagnostics_of("Q1\n~~~~\n---\n~~~\nA1\n"),
              (Lines{"deck.md:2:1: error: code fence is never closed [MD009]",
                     "deck.md:1:1: error: card has no answer: no `---` line separates question "
                     "and answer [MD011]"}));
}

TEST(MarkdownDiagnostics, EmptyCardsBetweenSeparatorsAreSkipped) {
    ReadResult result = read_markdown("Q\n---\nA\n. . .\n\n. . .\nQ2\n---\nA2\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:6:1: warning: empty card before this separator is skipped [MD010]"}));
    EXPECT_EQ(result.collection.notes.size(), 2u);
}

TEST(MarkdownDiagnostics, CardWithoutAnswer) {
    ReadResult result = read_markdown("Q\n---\nA\n. . .\n\nJust a question\n\n. . .\nQ3\n---\nA3");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:6:1: error: card has no answer: no `---` line separates question "
                     "and answer [MD011]"}));
    EXPECT_EQ(result.collection.notes.size(), 3u);
}

TEST(MarkdownDiagnostics, EmptyQuestion) {
    EXPECT_EQ(diagnostics_of("Q\n---\nA\n. . .\n---\nA2\n"),
              (Lines{"deck.md:5:1: error: card has an empty question [MD012]"}));
    EXPECT_EQ(diagnostics_of("\n---\nA\n"),
              (Lines{"deck.md:2:1: error: card has an empty question [MD012]"}));
    EXPECT_EQ(diagnostics_of("<!-- tags: a -->\n\n"),
              (Lines{"deck.md:1:1: error: card has an empty question [MD012]"}));
}

TEST(MarkdownDiagnostics, InvalidUtf8IsReportedAtItsFirstByte) {
    EXPECT_EQ(
        diagnostics_of("Qé\xff\n---\nA \xfe\xc3\n"),
        (Lines{"deck.md:1:3: error: invalid UTF-8 byte 0xff (and 2 more in the file) [MD001]"}));
    EXPECT_EQ(
        diagnostics_of("Q\n---\n\xed\xa0\x80\n"),  // a UTF-16 surrogate
        (Lines{"deck.md:3:1: error: invalid UTF-8 byte 0xed (and 2 more in the file) [MD001]"}));
    ReadResult result = read_markdown(
        "Q\n---\nA\xc0\xaf"
        "B\n");  // an overlong '/'
    EXPECT_EQ(
        result.diagnostics,
        (Lines{"deck.md:3:2: error: invalid UTF-8 byte 0xc0 (and 1 more in the file) [MD001]"}));
    EXPECT_EQ(result.collection.notes.at(0).fields[1].source,
              "A\xEF\xBF\xBD\xEF\xBF\xBD"
              "B");
}

TEST(MarkdownDiagnostics, NulBytes) {
    EXPECT_EQ(diagnostics_of(std::string("Q\n---\nA\0B\0\n", 11)),
              (Lines{"deck.md:3:2: error: NUL byte in the text (and 1 more in the file) [MD002]"}));
}

TEST(MarkdownDiagnostics, ClozeTypeWithoutDeletion) {
    EXPECT_EQ(
        diagnostics_of("<!-- type: Cloze -->\nNo deletion here.\n"),
        (Lines{"deck.md:1:1: warning: cloze card has no cloze deletion `{{c1::…}}` [MD013]"}));
    EXPECT_EQ(
        diagnostics_of("---\nNote Type: Cloze\n---\nPlain.\n. . .\nA {{c1::b}}.\n"),
        (Lines{"deck.md:4:1: warning: cloze card has no cloze deletion `{{c1::…}}` [MD013]"}));
}

TEST(MarkdownDiagnostics, ClozeOnlyInTheAnswer) {
    EXPECT_EQ(diagnostics_of("Q\n---\n\nThe {{c1::answer}}.\n"),
              (Lines{"deck.md:4:5: warning: cloze deletion in the answer of a Basic card is shown "
                     "as written [MD014]"}));
}

TEST(MarkdownDiagnostics, InvalidIds) {
    EXPECT_EQ(diagnostics_of("<!-- id: a b -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:10: error: invalid id 'a b': it may hold only printable ASCII "
                     "characters without spaces [MD015]"}));
    EXPECT_EQ(diagnostics_of("<!-- id: caf\xc3\xa9 -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:10: error: invalid id 'caf\xc3\xa9': it may hold only printable "
                     "ASCII characters without spaces [MD015]"}));
    EXPECT_EQ(diagnostics_of("<!-- id: " + std::string(101, 'x') + " -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:10: error: invalid id '" + std::string(101, 'x') +
                     "': it is longer than 100 characters [MD015]"}));
}

TEST(MarkdownDiagnostics, DuplicateIdsNameBothPlaces) {
    ReadResult result = read_markdown(
        "<!-- id: abc -->\nQ1\n---\nA1\n. . .\n\n<!-- tags: x id:  abc -->\nQ2\n---\nA2\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:7:19: error: id 'abc' is already used by the card at 1:10 [MD016]"}));
    ASSERT_EQ(result.collection.notes.size(), 2u);
    EXPECT_EQ(result.collection.notes[0].guid, "abc");
    EXPECT_NE(result.collection.notes[1].guid, "abc");
}

TEST(MarkdownDiagnostics, SameQuestionTwiceGivesTheSameDerivedId) {
    ReadResult result = read_markdown("Q\n---\nA1\n. . .\nQ\n---\nA2\n");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    std::string guid = result.collection.notes.at(0).guid;
    std::string second = result.collection.notes.at(1).guid;
    EXPECT_NE(guid, second);
    EXPECT_EQ(result.diagnostics[0], "deck.md:5:1: warning: duplicate note id '" + guid +
                                         "' (also used at deck.md:1): this note gets the new "
                                         "id '" +
                                         second + "' [DUP001]");
}

TEST(MarkdownDiagnostics, MisspeltCardKey) {
    ReadResult result = read_markdown("<!-- tag: rust -->\nQ\n---\nA\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:1:1: warning: this comment starts with an unknown card key, so it is "
                     "kept as content [MD017]"}));
    EXPECT_EQ(result.collection.notes.at(0).fields[0].source, "<!-- tag: rust -->\nQ");
}

TEST(MarkdownDiagnostics, CardKeyTwiceOrWithoutValue) {
    EXPECT_EQ(diagnostics_of("<!-- id: a tags: x ID: b -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:20: error: `id:` is given twice on this card [MD018]"}));
    EXPECT_EQ(diagnostics_of("<!-- tags: x deck: -->\nQ\n---\nA\n"),
              (Lines{"deck.md:1:14: error: `deck:` has no value [MD018]"}));
}

TEST(MarkdownDiagnostics, MissingImageFiles) {
    TempDir dir;
    write_text(dir / "deck.md",
               "Q ![a](missing.png)\n---\n\n  ![b](&#x61;.png) ![c](missing.png)\n");
    ReadResult result = read_markdown_file(dir / "deck.md");
    std::string file = (dir / "deck.md").string();
    std::string folder = std::filesystem::canonical(dir.path()).string() + "/";
    auto looked = [&](const std::string& name) {
        return ": looked for " + folder + name + " and " + folder + "deck.media/" + name;
    };
    // Once per file, at its first reference; a path written with character references is
    // found in the text too.
    EXPECT_EQ(result.diagnostics,
              (Lines{file + ":1:8: warning: image 'missing.png' does not exist" +
                         looked("missing.png") + " (and 1 more reference) [MEDIA001]",
                     file + ":4:8: warning: image 'a.png' does not exist" + looked("a.png") +
                         " [MEDIA001]"}));
    EXPECT_TRUE(result.collection.media.empty());
}

TEST(MarkdownDiagnostics, MisplacedMetadata) {
    EXPECT_EQ(diagnostics_of("Q\n---\nA\n<!-- id: late -->\n"),
              (Lines{"deck.md:4:1: warning: card metadata is read only on a card's first line; "
                     "this comment is kept as content [MD022]"}));
}

TEST(MarkdownDiagnostics, NoCards) {
    EXPECT_EQ(diagnostics_of("---\nFlashcard Deck: Empty\n---\n\n"),
              (Lines{"deck.md:4:1: warning: the deck has no cards [MD021]"}));
    EXPECT_EQ(diagnostics_of(""), (Lines{"deck.md:1:1: warning: the deck has no cards [MD021]"}));
}

TEST(MarkdownDiagnostics, ReaderGoesOnAfterErrors) {
    ReadResult result = read_markdown(
        "---\nFlashcard Deck: D\nColour: red\n---\n"
        "Q1 \xff\n---\nA1\n. . .\nno answer\n. . .\n<!-- id: x y -->\nQ3\n---\nA3\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"deck.md:5:4: error: invalid UTF-8 byte 0xff [MD001]",
                     "deck.md:3:1: warning: unknown front-matter key 'Colour' is ignored [MD005]",
                     "deck.md:9:1: error: card has no answer: no `---` line separates question and "
                     "answer [MD011]",
                     "deck.md:11:10: error: invalid id 'x y': it may hold only printable ASCII "
                     "characters without spaces [MD015]"}));
    EXPECT_EQ(result.collection.notes.size(), 3u);
}

TEST(MarkdownDiagnostics, FolderInputIsRefused) {
    TempDir dir;
    Input input = read_input(dir.path().string());
    EXPECT_THROW(read_markdown_input(input), InputError);
}
