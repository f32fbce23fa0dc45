// The quizlet writer end to end: markdown decks to Quizlet import text and back, safe
// separators from the command line, and losses reported once per kind.
#include <cctype>

#include "../csv/csv_helpers.hpp"
#include "deckport/content.hpp"
#include "deckport/notetypes.hpp"
#include "quizlet/cloze_text.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::filesystem::path deck(const std::string& name) {
    return source_dir() / "decks" / name;
}

// Runs of white space as one space, none at the ends: what flattening may change.
std::string words(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

std::vector<std::string> codes(const std::vector<std::string>& diagnostics) {
    std::vector<std::string> out;
    for (const std::string& d : diagnostics) {
        std::size_t open = d.rfind('[');
        out.push_back(open == std::string::npos ? d : d.substr(open + 1, d.size() - open - 2));
    }
    return out;
}

struct TermAndDefinition {
    std::string term;
    std::string definition;
};

// What a note should become on Quizlet: the text of its first field, and of the others (cloze:
// the text with blanks, and with the answers, then the other fields).
TermAndDefinition expected_card(const Collection& c, const Note& note) {
    std::vector<std::string> texts;
    for (const Content& field : note.fields) texts.push_back(to_text(field));
    TermAndDefinition card;
    const NoteType* nt = c.find_note_type(note.note_type_id);
    std::size_t rest = 1;
    if (nt && nt->kind == NoteTypeKind::cloze) {
        card.term = quizlet::blank_clozes(texts[0]);
        card.definition = quizlet::reveal_clozes(texts[0]);
    } else {
        card.term = texts[0];
    }
    for (std::size_t i = rest; i < texts.size(); ++i) card.definition += "\n" + texts[i];
    return {words(card.term), words(card.definition)};
}

}  // namespace

TEST(QuizletWriter, RustConcurrencyGivesFiveLinesForQuizletsImportBox) {
    Collection original = read_deck(deck("rust-concurrency.md"));
    std::vector<std::string> diagnostics;
    std::string out = write_as("quizlet", original, "rc.quizlet.txt", {}, &diagnostics);
    std::vector<std::string> lines = lines_of(out);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_TRUE(
        lines[0].starts_with("What is a Mutex?\tA Mutex (short for mutual exclusion) acts "
                             "like a padlock for your data."))
        << lines[0];
    EXPECT_EQ(lines[4],
              "What is mpsc?\tMultiple producer, single consumer. For scenarios where several "
              "threads send data to one receiver.");
    for (const std::string& line : lines) {
        EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 1) << line;
        EXPECT_EQ(line.find_first_of("*`>"), std::string::npos) << line;  // no markup left
    }
    // Deck and formatting: once each; flattening: once per card, at the card.
    EXPECT_EQ(codes(diagnostics), (std::vector<std::string>{"QZ015", "QZ017", "QZ011", "QZ011",
                                                            "QZ011", "QZ011", "QZ011"}));
    EXPECT_EQ(diagnostics[2],
              "rust-concurrency.md:5:1: warning: the card 'What is a Mutex?' is flattened to fit "
              "the separators: line breaks became spaces [QZ011]");

    Collection back = read_text_as("quizlet", "rc.quizlet.txt", out);
    ASSERT_EQ(back.notes.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        TermAndDefinition expected = expected_card(original, original.notes[i]);
        EXPECT_EQ(words(back.notes[i].fields[0].source), expected.term);
        EXPECT_EQ(words(back.notes[i].fields[1].source), expected.definition);
        EXPECT_EQ(back.notes[i].fields[1].source.find('\n'), std::string::npos);
    }
    EXPECT_EQ(write_as("quizlet", back, "rc.quizlet.txt"), out);  // a fixpoint
}

TEST(QuizletWriter, EveryDeckKeepsItsTermsAndDefinitionsAsPlainText) {
    for (const auto& path : deck_files()) {
        SCOPED_TRACE(path.filename().string());
        Collection original = read_deck(path);
        Collection quizlet = read_text_as("quizlet", "x.quizlet.txt",
                                          write_as("quizlet", original, "x.quizlet.txt"));
        // ... and on to markdown: the text survives markdown's escaping.
        Collection back = read_text_as("markdown", path, write_as("markdown", quizlet, "x.md"));
        ASSERT_EQ(back.notes.size(), original.notes.size());
        for (std::size_t i = 0; i < original.notes.size(); ++i) {
            SCOPED_TRACE("note " + std::to_string(i + 1));
            TermAndDefinition expected = expected_card(original, original.notes[i]);
            const Note& note = back.notes[i];
            ASSERT_EQ(note.fields.size(), 2u);
            EXPECT_EQ(words(to_text(note.fields[0])), expected.term);
            EXPECT_EQ(words(to_text(note.fields[1])), expected.definition);
            EXPECT_TRUE(note.tags.empty());
        }
    }
}

TEST(QuizletWriter, LossesAreReportedOncePerKind) {
    Collection c = read_deck(deck("algorithms-code-math.md"));  // tags, code, math
    Collection pictures = read_deck(deck("pictures.md"));       // images
    for (Note note : pictures.notes) c.notes.push_back(note);
    c.media = pictures.media;
    std::vector<std::string> diagnostics;
    write_as("quizlet", c, "x.quizlet.txt", {}, &diagnostics);
    std::vector<std::string> found = codes(diagnostics);
    for (const char* code : {"QZ014", "QZ015", "QZ016", "QZ017"}) {
        EXPECT_EQ(std::count(found.begin(), found.end(), code), 1) << code;
    }
}

TEST(QuizletWriter, ConvertWithSeparatorOptionsAndQuizletSafe) {
    TempDir dir;
    std::string out = (dir / "rc.quizlet.txt").string();
    CliResult plain = run_cli({"convert", "decks/rust-concurrency.md", "-o", out});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(lines_of(read_text(out)).size(), 5u);

    CliResult custom =
        run_cli({"convert", "decks/rust-concurrency.md", "--to", "quizlet", "-o", "-", "-O",
                 "term-separator=comma", "-O", "row-separator=semicolon"});
    EXPECT_EQ(custom.exit_code, 0) << custom.err;
    EXPECT_TRUE(custom.out.starts_with("What is a Mutex?,A Mutex (short for mutual exclusion)"))
        << custom.out.substr(0, 100);
    EXPECT_EQ(std::count(custom.out.begin(), custom.out.end(), ';'), 4);

    CliResult safe =
        run_cli({"convert", "decks/rust-concurrency.md", "-o", out, "--force", "--quizlet-safe"});
    EXPECT_EQ(safe.exit_code, 0) << safe.err;
    EXPECT_NE(safe.err.find("note: quizlet-safe: between term and definition: Tab; between rows: "
                            "custom \"@@@\" [QZ020]"),
              std::string::npos)
        << safe.err;
    // The line breaks survive: read with the printed separators, the definitions are whole.
    Collection back =
        read_text_as("quizlet", "rc.quizlet.txt", read_text(out), {{"row-separator", "@@@"}});
    Collection original = read_deck(deck("rust-concurrency.md"));
    ASSERT_EQ(back.notes.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(back.notes[i].fields[1].source, trimmed(to_text(original.notes[i].fields[1])));
    }

    CliResult wrong = run_cli(
        {"convert", "decks/rust-concurrency.md", "-o", (dir / "x.csv").string(), "--quizlet-safe"});
    EXPECT_EQ(wrong.exit_code, 2);
}
