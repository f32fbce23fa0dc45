// The markdown format through the deckport command line: pipes, exit codes, no partial output.
#include <gtest/gtest.h>

#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

TEST(MarkdownCli, ConvertsStdinToStdout) {
    std::string deck = read_text(source_dir() / "decks" / "rust-sync-cloze.md");
    CliResult result = run_cli({"convert", "-", "--from", "md", "--to", "md"}, deck);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, deck);
    EXPECT_EQ(result.err, "");
}

TEST(MarkdownCli, DetectsTheFormatFromContentOnStdin) {
    CliResult result =
        run_cli({"inspect", "-"}, read_text(source_dir() / "decks" / "rust-concurrency.md"));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("(markdown)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Rust Concurrency (5 notes)"), std::string::npos) << result.out;
}

TEST(MarkdownCli, MalformedDeckFailsWithPositionsAndWritesNothing) {
    TempDir dir;
    write_text(dir / "broken.md", "---\nFlashcard Deck: X\n---\nQ1\n---\nA1\n. . .\nno answer\n");
    CliResult result = run_cli({"convert", "broken.md", "-o", "out.md"}, "", dir.path());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err,
              "broken.md:8:1: error: card has no answer: no `---` line separates question and "
              "answer [MD011]\n"
              " 8 | no answer\n"
              "   | ^\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.md"));
}

TEST(MarkdownCli, ConvertingTwiceGivesIdenticalBytes) {
    TempDir dir;
    std::string deck = (source_dir() / "decks" / "algorithms-code-math.md").string();
    CliResult first = run_cli({"convert", deck, "-o", (dir / "a.md").string()});
    CliResult second = run_cli({"convert", deck, "-o", (dir / "b.md").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(read_text(dir / "a.md"), read_text(dir / "b.md"));
    EXPECT_EQ(read_text(dir / "a.md"), read_text(deck));
}
