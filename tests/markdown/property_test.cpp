// Generated decks made of the lines that matter to the syntax: reading never throws, and every
// deck that reads without errors writes to a deck that reads back to the same notes.
#include <gtest/gtest.h>

#include <cstdint>

#include "deckport/normalize.hpp"
#include "deckport/notetypes.hpp"
#include "markdown/card_text.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

// A small deterministic generator (64-bit LCG), so that failures reproduce.
class RandomLines {
  public:
    explicit RandomLines(std::uint64_t seed) : state_(seed) {}

    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

    std::string deck() {
        static const std::vector<std::string> kLines = {"---",
                                                        ". . .",
                                                        "---  ",
                                                        ". . .\t",
                                                        "```",
                                                        "````rust",
                                                        "~~~",
                                                        "  ```",
                                                        "    ```",
                                                        "```a```",
                                                        "<!-- id: x1 -->",
                                                        "<!-- tags: a b::c -->",
                                                        "<!-- deck: D::E -->",
                                                        "<!-- type: Basic -->",
                                                        "<!-- type: Cloze -->",
                                                        "<!-- type: basic (and reversed card) -->",
                                                        "<!-- tag: t -->",
                                                        "<!-- note -->",
                                                        "A {{c1::cloze}} line",
                                                        "{{c2::b::hint}}",
                                                        "# heading",
                                                        "## sub",
                                                        "text",
                                                        "more text  ",
                                                        "",
                                                        "   ",
                                                        "> quote",
                                                        "| a | b |",
                                                        "|---|---|",
                                                        "$x^2$",
                                                        "----",
                                                        "\\. . .",
                                                        "***",
                                                        "Flashcard Deck: F",
                                                        "Tags: t1",
                                                        "Note Type: Cloze",
                                                        "![img](missing.png)",
                                                        "- item",
                                                        "\t---"};
        std::string out;
        if (next() % 3 == 0) out += "---\nFlashcard Deck: Gen\n---\n";
        std::size_t count = next() % 24;
        for (std::size_t i = 0; i < count; ++i) {
            out += kLines[next() % kLines.size()];
            out += next() % 7 == 0 ? "\r\n" : "\n";
        }
        return out;
    }

    // A field from another format: any of the syntax lines, in any order.
    std::string field() {
        std::string out;
        std::size_t count = below(6);
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0) out += "\n";
            out += kFieldLines[below(kFieldLines.size())];
        }
        return out;
    }

  private:
    static inline const std::vector<std::string> kFieldLines = {
        "---",       ". . .", "```", "~~~~", "text",   "", "<!-- id: q -->", "<!-- tags: z -->",
        "{{c1::x}}", "# h",   "   ", "----", "\\. . ."};

    std::uint64_t next() {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return state_ >> 33;
    }
    std::uint64_t state_;
};

}  // namespace

TEST(MarkdownProperty, GeneratedDecksRoundTripWhenTheyReadWithoutErrors) {
    RandomLines lines(20240501);
    int clean = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string deck = lines.deck();
        ReadResult first;
        ASSERT_NO_THROW(first = read_markdown(deck)) << deck;
        if (has_error(first.diagnostics)) continue;
        ++clean;
        WriteResult written = write_markdown(first.collection);
        ReadResult second = read_markdown(written.text);
        ASSERT_FALSE(has_error(second.diagnostics)) << "deck:\n"
                                                    << deck << "\nwritten:\n"
                                                    << written.text << "\n"
                                                    << ::testing::PrintToString(second.diagnostics);
        ASSERT_EQ(second.collection.notes, first.collection.notes) << "deck:\n"
                                                                   << deck << "\nwritten:\n"
                                                                   << written.text;
        ASSERT_EQ(write_markdown(second.collection).text, written.text) << deck;
    }
    EXPECT_GT(clean, 300);
}

TEST(MarkdownProperty, GeneratedNotesFromOtherFormatsReadBackAsWritten) {
    RandomLines gen(77);
    const std::vector<NoteType> types = {basic_note_type(), basic_and_reversed_note_type(),
                                         cloze_note_type()};
    const std::vector<std::string> decks = {"D", "D::E", "Default", "F G"};
    const std::vector<std::string> tags = {"a", "b::c", "lang:rust", "z"};
    for (int round = 0; round < 300; ++round) {
        Collection c;
        for (const NoteType& type : types) c.ensure_note_type(type);
        std::size_t count = 1 + gen.below(6);
        for (std::size_t i = 0; i < count; ++i) {
            Note note;
            const NoteType& type = types[gen.below(types.size())];
            note.note_type_id = type.id;
            note.fields = {Content{Markup::markdown, "Q" + std::to_string(i) + "\n" + gen.field()},
                           Content{Markup::markdown, gen.field()}};
            note.deck = decks[gen.below(decks.size())];
            note.set_tags({tags[gen.below(tags.size())], tags[gen.below(tags.size())]});
            if (gen.below(3) == 0)
                note.guid = "id-" + std::to_string(round) + "-" + std::to_string(i);
            c.notes.push_back(note);
        }
        Diagnostics diagnostics;
        normalize_collection(c, diagnostics);
        WriteResult written = write_markdown(c);
        ReadResult back = read_markdown(written.text);
        ASSERT_FALSE(has_error(back.diagnostics))
            << written.text << ::testing::PrintToString(back.diagnostics);
        ASSERT_EQ(back.collection.notes.size(), c.notes.size()) << written.text;
        for (std::size_t i = 0; i < c.notes.size(); ++i) {
            const Note& want = c.notes[i];
            const Note& got = back.collection.notes[i];
            SCOPED_TRACE(written.text);
            EXPECT_EQ(got.fields[0].source,
                      markdown::escape_side(markdown::normalize_side(want.fields[0].source), true));
            EXPECT_EQ(
                got.fields[1].source,
                markdown::escape_side(markdown::normalize_side(want.fields[1].source), false));
            EXPECT_EQ(got.guid, want.guid);
            EXPECT_EQ(got.deck, want.deck);
            EXPECT_EQ(got.tags, want.tags);
            EXPECT_EQ(got.note_type_id, want.note_type_id);
        }
        EXPECT_EQ(write_markdown(back.collection).text, written.text);
    }
}
