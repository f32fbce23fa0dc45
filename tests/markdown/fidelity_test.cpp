// Issue 11, items 1 and 6, through every format: math written `\(…\)`, `\[…\]` or `$…$` and a
// code block indented with tabs leave markdown, go through another format and come back to
// markdown with the same TeX and the same bytes of code.
#include <gtest/gtest.h>

#include "deck_roundtrip.hpp"
#include "deckport/content.hpp"
#include "deckport/diff.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

constexpr const char* kDeck =
    "---\n"
    "Flashcard Deck: Fidelity\n"
    "---\n"
    "Pythagoras: \\(a^2 + b^2 = c^2\\)\n"
    "---\n"
    "\\[\\int_0^1 x\\,dx = \\frac{1}{2}\\]\n"
    "\n"
    "and $x_1 * y_2$ and \\(\\{a \\mid a_1\\}\\)\n"
    ". . .\n"
    "A Makefile rule\n"
    "---\n"
    "```make\n"
    "all: deck.apkg\n"
    "\tdeckport convert deck.md -o $@\n"
    "\t\t@echo \"done\"\n"
    "```\n";

const char* const kMath[] = {"\\(a^2 + b^2 = c^2\\)", "\\[\\int_0^1 x\\,dx = \\frac{1}{2}\\]",
                             "\\(x_1 * y_2\\)", "\\(\\{a \\mid a_1\\}\\)"};

Collection through(const std::string& format, const std::string& file, const Collection& deck,
                   const TempDir& dir) {
    std::vector<std::string> diagnostics;
    Output out = write_with(format, deck, (dir / file).string(), &diagnostics);
    if (!out.is_directory) {
        return read_with(format, input_from_memory(file, out.files.at(0).bytes), &diagnostics);
    }
    for (const OutputFile& member : out.files)
        write_text(dir / file / member.relative_path, member.bytes);
    return read_with(format, read_input((dir / file).string()), &diagnostics);
}

std::string html_of(const Note& note) {
    std::string html;
    for (const Content& field : note.fields) html += to_html(field) + "\n";
    return html;
}

std::string text_of(const Note& note) {
    std::string text;
    for (const Content& field : note.fields) text += to_text(field) + "\n";
    return text;
}

}  // namespace

TEST(Fidelity, MathAndTabsSurviveEveryFormatAndBack) {
    Collection deck = read_markdown(kDeck).collection;
    ASSERT_EQ(deck.notes.size(), 2u);
    const std::string html_before = html_of(deck.notes[0]) + html_of(deck.notes[1]);
    for (const char* math : kMath) ASSERT_NE(html_before.find(math), std::string::npos) << math;
    ASSERT_NE(html_before.find("\n\tdeckport convert deck.md -o $@\n\t\t@echo &quot;done&quot;"),
              std::string::npos)
        << html_before;

    struct Via {
        const char* format;
        const char* file;
        bool html;  // carries formatting (else: text, with the math's delimiters)
    };
    const Via vias[] = {
        {"apkg", "deck.apkg", true},           {"csv", "deck.csv", true},
        {"crowdanki", "deck-crowdanki", true}, {"json", "deck.json", true},
        {"mochi", "deck.mochi", true},         {"quizlet", "deck.quizlet.txt", false}};
    for (const Via& via : vias) {
        SCOPED_TRACE(via.format);
        TempDir dir;
        Collection other = through(via.format, via.file, deck, dir);
        TempDir back_dir;
        Collection back = markdown_round(other, back_dir.path());
        ASSERT_EQ(back.notes.size(), 2u);
        if (!via.html) {
            std::string text = text_of(back.notes[0]);
            for (const char* math : {kMath[0], kMath[1], kMath[2]})
                EXPECT_NE(text.find(math), std::string::npos) << math << " in " << text;
            continue;
        }
        std::string html = html_of(back.notes[0]) + html_of(back.notes[1]);
        for (const char* math : kMath) EXPECT_NE(html.find(math), std::string::npos) << math;
        EXPECT_NE(html.find("\n\tdeckport convert deck.md -o $@\n\t\t@echo &quot;done&quot;"),
                  std::string::npos)
            << html;
        for (std::size_t i = 0; i < 2; ++i) {
            for (std::size_t f = 0; f < 2; ++f) {
                EXPECT_EQ(normalize_html_for_compare(to_html(back.notes[i].fields[f])),
                          normalize_html_for_compare(to_html(deck.notes[i].fields[f])));
            }
        }
    }
}

// The bug of issue 11: `diff` called `(a)` and `\(a\)` equal, since `\(` rendered as `(`.
TEST(Fidelity, DiffTellsMathFromParentheses) {
    Collection math = read_markdown(kDeck).collection;
    Collection parens = math;
    parens.notes[0].fields[0] = Content{Markup::html, "<p>Pythagoras: (a^2 + b^2 = c^2)</p>"};
    CollectionDiff result = diff_collections(math, parens);
    ASSERT_EQ(result.changed.size(), 1u);
    EXPECT_EQ(result.changed[0].fields.size(), 1u);
}
