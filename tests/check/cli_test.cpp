// The check and explain commands as a user runs them.
#include <gtest/gtest.h>

#include "test_support.hpp"

using deckport::test::run_cli;

TEST(ExplainCli, PrintsTheRuleExplanation) {
    auto result = run_cli({"explain", "lint004"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.out.starts_with("LINT004 (warning): cloze numbers skip a number\n\n"))
        << result.out;
}

TEST(ExplainCli, ListsEveryDocumentedCode) {
    auto result = run_cli({"explain", "--list"});
    EXPECT_EQ(result.exit_code, 0);
    for (const char* code : {"LINT001", "LINT012", "RT001", "RT008", "IO001", "DUP001"}) {
        EXPECT_NE(result.out.find(std::string(code) + "  "), std::string::npos) << code;
    }
}

TEST(ExplainCli, UnknownCodeIsAUsageError) {
    auto result = run_cli({"explain", "NOPE42"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("no diagnostic has the code 'NOPE42'"), std::string::npos)
        << result.err;
}

TEST(CheckCli, UnknownCodesAreUsageErrors) {
    auto enable = run_cli({"check", "--enable", "LINT999", "decks"});
    EXPECT_EQ(enable.exit_code, 2);
    EXPECT_NE(enable.err.find("--enable LINT999: no lint rule has this code"), std::string::npos)
        << enable.err;
    auto disable = run_cli({"check", "--disable", "XYZ001", "decks"});
    EXPECT_EQ(disable.exit_code, 2);
}

TEST(CheckCli, MissingInputIsAnIoError) {
    auto result = run_cli({"check", "no/such/deck.md"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("no/such/deck.md: error: no such file or folder [IO001]"),
              std::string::npos)
        << result.err;
}

TEST(CheckCli, FolderWithoutDecksChecksNothing) {
    deckport::test::TempDir dir;
    deckport::test::write_text(dir / "notes.unknown-extension", "x");
    auto result = run_cli({"check", dir.path().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "checked 0 decks: 0 errors, 0 warnings\n");
}

TEST(ExplainCli, KnowsEveryFormatsCodesFromItsReadme) {
    auto csv = run_cli({"explain", "CSV001"});
    EXPECT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_TRUE(csv.out.starts_with(
        "CSV001 (error): the file is empty (no header, no rows), or is a folder\n\n"))
        << csv.out;
    EXPECT_NE(csv.out.find("formats/csv/README.md"), std::string::npos) << csv.out;
    auto list = run_cli({"explain", "--list"});
    for (const char* code : {"MD001", "JSON001", "APKG112", "QZ011", "MOCHI001", "CA001"}) {
        EXPECT_NE(list.out.find(std::string(code) + "  "), std::string::npos) << code;
    }
}
