// Folders and projects (issue "trust", item 5): check and roundtrip on a folder skip files that
// are clearly not decks, take --include/--exclude globs, and without arguments read the decks
// of the project file deckport.toml.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "deckport/deck_files.hpp"
#include "deckport/project.hpp"
#include "test_support.hpp"

using namespace deckport;
using test::run_cli;
using test::write_text;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const char* kDeck = "---\nFlashcard Deck: Rust\n---\n\nWhat is a Mutex?\n\n---\nA lock.\n";
// A `---` rule but no deck front matter and no `. . .`: a README, not a deck.
const char* kReadme = "# Our decks\n\nEach file is a deck.\n\n---\n\nRun `deckport check`.\n";

// decks/ with two decks, a README, a draft and a CSV deck, in a repository (`.git`).
void make_project(const test::TempDir& dir) {
    std::filesystem::create_directories(dir / ".git");
    write_text(dir / "decks" / "rust.md", kDeck);
    write_text(dir / "decks" / "README.md", kReadme);
    write_text(dir / "decks" / "drafts" / "draft.md",
               "---\nDeck: Drafts\n---\n\nUnfinished?\n\n---\nYes.\n");
    write_text(dir / "decks" / "words.csv", "#separator:comma\n#html:false\nhello,world\n");
}

std::vector<std::string> found(const test::TempDir& dir, DeckSearch search = {}) {
    std::vector<std::string> files;
    for (const std::string& file :
         find_deck_files({(dir / "decks").string()}, builtin_formats(), search).files) {
        files.push_back(
            std::filesystem::path(file).lexically_relative(dir / "decks").generic_string());
    }
    return files;
}

}  // namespace

TEST(Folders, AReadmeWithoutDeckFrontMatterOrSeparatorsIsSkippedWithANote) {
    test::TempDir dir;
    make_project(dir);
    EXPECT_THAT(found(dir), ElementsAre("drafts/draft.md", "rust.md", "words.csv"));
    auto result = run_cli({"check", "decks"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_THAT(result.out, Not(HasSubstr("README")));
    EXPECT_THAT(result.err, HasSubstr("checked 3 decks: 0 errors, 0 warnings (1 file skipped: not "
                                      "decks; -v names them)"));
    auto verbose = run_cli({"-v", "check", "decks"}, {}, dir.path());
    EXPECT_THAT(verbose.out,
                HasSubstr("decks/README.md: note: skipped: not a markdown deck (no front matter "
                          "naming a deck (`Flashcard Deck:` or `Deck:`) and no card separator "
                          "`. . .`) [FMT002]"));
    // Named on the command line, it is read (as one card: its `---` splits question and answer).
    auto named = run_cli({"check", "decks/README.md"}, {}, dir.path());
    EXPECT_THAT(named.err, HasSubstr("checked 1 deck:"));
    auto roundtrip = run_cli({"roundtrip", "decks", "--via", "json"}, {}, dir.path());
    EXPECT_EQ(roundtrip.exit_code, 0) << roundtrip.out << roundtrip.err;
    EXPECT_THAT(roundtrip.out, Not(HasSubstr("README")));
}

// The search looks at a file's first few kilobytes, then at its first 64 KiB when those do not
// show a deck: what decides is the same as reading the 64 KiB at once.
TEST(Folders, WhatShowsADeckMayComeAfterTheFirstKilobytes) {
    test::TempDir dir;
    std::string preamble;
    while (preamble.size() < 6000) preamble += "A long note about the deck, before its cards.\n";
    // The separator is the first sign of a deck, past the first look.
    write_text(dir / "decks" / "late.md", preamble + "\nQ1\n\n---\nA1\n\n. . .\n\nQ2\n");
    // A line that begins like a separator, cut at the first look's end, is not one.
    std::string cut(4096 - 5, 'x');  // the first look ends just after ". . ."
    cut[cut.size() - 1] = '\n';
    write_text(dir / "decks" / "cut.md", cut + ". . . and more on the same line\n");
    // Past the 64 KiB, nothing counts, as before.
    std::string far;
    while (far.size() < 70 * 1024) far += "More prose without any deck syntax in it at all.\n";
    write_text(dir / "decks" / "far.md", far + ". . .\n");
    // Nor a line cut at the 64 KiB end.
    std::string cut_far(64 * 1024 - 5, 'y');
    cut_far.back() = '\n';
    write_text(dir / "decks" / "cut_far.md", cut_far + ". . . and more on the same line\n");
    EXPECT_THAT(found(dir), ElementsAre("late.md"));
}

TEST(Folders, IncludeAndExcludeGlobsAreRelativeToTheFolderGiven) {
    test::TempDir dir;
    make_project(dir);
    EXPECT_THAT(found(dir, {{}, {"drafts/**"}}), ElementsAre("rust.md", "words.csv"));
    EXPECT_THAT(found(dir, {{"**/*.md"}, {}}), ElementsAre("drafts/draft.md", "rust.md"));
    EXPECT_THAT(found(dir, {{"*.md"}, {}}), ElementsAre("rust.md"));
    auto result =
        run_cli({"check", "decks", "--exclude", "drafts/**", "--exclude", "*.csv"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_THAT(result.err, HasSubstr("checked 1 deck:"));
}

TEST(Folders, GlobsMatchShellStyle) {
    EXPECT_TRUE(glob_match("*.md", "a.md"));
    EXPECT_FALSE(glob_match("*.md", "sub/a.md"));
    EXPECT_TRUE(glob_match("**/*.md", "a.md"));
    EXPECT_TRUE(glob_match("**/*.md", "x/y/a.md"));
    EXPECT_TRUE(glob_match("x/**", "x/y/a.md"));
    EXPECT_FALSE(glob_match("x/**", "xy/a.md"));
    EXPECT_TRUE(glob_match("**/README.md", "decks/README.md"));
    EXPECT_TRUE(glob_match("deck-?.csv", "deck-1.csv"));
    EXPECT_FALSE(glob_match("deck-?.csv", "deck-10.csv"));
    EXPECT_TRUE(glob_match("deck-[0-9].csv", "deck-7.csv"));
    EXPECT_FALSE(glob_match("deck-[!0-9].csv", "deck-7.csv"));
    EXPECT_TRUE(glob_match("a/**/b/*.apkg", "a/b/c.apkg"));
    EXPECT_TRUE(glob_match("a/**/b/*.apkg", "a/x/y/b/c.apkg"));
    EXPECT_FALSE(glob_match("a/**/b/*.apkg", "a/x/y/c.apkg"));
    EXPECT_TRUE(glob_match("*", "anything"));
    EXPECT_FALSE(glob_match("", "a"));
}

TEST(Projects, CheckWithoutArgumentsChecksTheProjectsDecks) {
    test::TempDir dir;
    make_project(dir);
    write_text(dir / "deckport.toml",
               "[decks]\ninclude = [\"decks/**\"]\nexclude = [\"decks/drafts/**\"]\n\n"
               "[check]\nfail-on = \"warning\"\n");
    auto result = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_THAT(result.err, HasSubstr("checked 2 decks:"));
    // From a sub-folder, the file is found by walking up.
    auto below = run_cli({"check"}, {}, dir / "decks" / "drafts");
    EXPECT_EQ(below.exit_code, 0) << below.err;
    EXPECT_THAT(below.err, HasSubstr("checked 2 decks:"));
    // fail-on = "warning" applies: a deck with a warning fails.
    write_text(dir / "decks" / "cloze.md",
               "---\nFlashcard Deck: C\n---\n\nThe {{c1::sky}} is {{c3::blue}}.\n");
    auto warned = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(warned.exit_code, 5) << warned.out;
    EXPECT_THAT(warned.out, HasSubstr("[LINT004]"));
}

TEST(Projects, RoundtripTakesStrictnessAndViaFromTheProject) {
    test::TempDir dir;
    make_project(dir);
    write_text(dir / "decks" / "tagged.md",
               "---\nFlashcard Deck: T\nTags: rust\n---\n\nQ?\n\n---\nA.\n");
    write_text(dir / "deckport.toml",
               "[decks]\ninclude = [\"decks/tagged.md\"]\n[roundtrip]\nvia = [\"quizlet\"]\n"
               "strict = true\n");
    auto result = run_cli({"roundtrip"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 5) << result.out;
    EXPECT_THAT(result.out, HasSubstr("decks/tagged.md: error: quizlet does not carry tags (1 "
                                      "note, lost by design; an error with --strict) [RT001]"));
    EXPECT_THAT(result.out, HasSubstr("decks/tagged.md via quizlet: FAILED; lost by design "
                                      "(--strict): decks, note ids, tags"));
}

TEST(Projects, MistakesInTheProjectFileAreLocatedWithADidYouMean) {
    test::TempDir dir;
    make_project(dir);
    write_text(dir / "deckport.toml", "[check]\nfial-on = \"warning\"\n");
    auto key = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(key.exit_code, 2);
    EXPECT_THAT(key.err, HasSubstr("deckport.toml:2:1: error: unknown key in [check] 'fial-on' "
                                   "[CFG002]"));
    EXPECT_THAT(key.err, HasSubstr("did you mean 'fail-on'?"));
    write_text(dir / "deckport.toml", "[options]\nseperator = \"tab\"\n");
    auto option = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(option.exit_code, 2);
    EXPECT_THAT(option.err, HasSubstr("unknown format option 'seperator' [CFG002]"));
    EXPECT_THAT(option.err, HasSubstr("did you mean 'separator'?"));
    write_text(dir / "deckport.toml", "[decks]\ninclude = \"decks/**\"\n");
    auto type = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(type.exit_code, 2);
    EXPECT_THAT(type.err, HasSubstr("deckport.toml:2:11: error: 'include' must be an array of "
                                    "strings [CFG003]"));
    write_text(dir / "deckport.toml", "[decks\n");
    auto syntax = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(syntax.exit_code, 2);
    EXPECT_THAT(syntax.err, HasSubstr("[CFG001]"));
}

TEST(Projects, WithoutInputsOrProjectFileCheckIsAUsageError) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / ".git");
    auto result = run_cli({"check"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_THAT(result.err, HasSubstr("no decks given, and no deckport.toml"));
}

TEST(Projects, TheProjectFileIsSoughtUpToTheRepositoryRoot) {
    test::TempDir dir;
    write_text(dir / "deckport.toml", "");
    std::filesystem::create_directories(dir / "repo" / ".git");
    std::filesystem::create_directories(dir / "repo" / "a" / "b");
    // The repository root stops the search: the file above it belongs to no project of ours.
    EXPECT_EQ(find_project_file(dir / "repo" / "a" / "b"), std::nullopt);
    write_text(dir / "repo" / "deckport.toml", "");
    EXPECT_EQ(find_project_file(dir / "repo" / "a" / "b"), dir / "repo" / "deckport.toml");
    EXPECT_EQ(find_project_file(dir.path()), dir / "deckport.toml");
}
