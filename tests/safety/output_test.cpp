// Issue 10, outputs: --force replaces only what deckport could have written, never an input or
// the folder that holds one, and a batch is planned (and refused) before anything is written.
#include <gmock/gmock.h>

#include <filesystem>

#include "test_support.hpp"

using deckport::test::entry_names;
using deckport::test::read_text;
using deckport::test::run_cli;
using deckport::test::TempDir;
using deckport::test::write_text;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
namespace fs = std::filesystem;

namespace {

const std::string kDeck = "Question A\n\n---\nAnswer A\n";

}  // namespace

TEST(ForcedFolderOutput, NeverRemovesTheFolderHoldingTheInput) {
    TempDir dir;
    write_text(dir / "decks/x.md", kDeck);
    auto result = run_cli({"convert", "decks/x.md", "--to", "crowdanki", "-o", "decks", "--force"},
                          {}, dir.path());
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_THAT(result.err, HasSubstr("output folder 'decks' holds the input 'decks/x.md'"));
    EXPECT_EQ(read_text(dir / "decks/x.md"), kDeck);
    EXPECT_THAT(entry_names(dir / "decks"), UnorderedElementsAre("x.md"));
    EXPECT_THAT(entry_names(dir.path()), UnorderedElementsAre("decks"));  // no temporary left
}

TEST(ForcedFolderOutput, NeverRemovesWhatDeckportDidNotWrite) {
    TempDir dir;
    write_text(dir / "deck.md", kDeck);
    write_text(dir / "repo/.git/HEAD", "ref: refs/heads/main\n");
    write_text(dir / "repo/README.md", "# repo\n");
    write_text(dir / "repo/notes/todo.txt", "todo\n");
    write_text(dir / "repo/deck.json", "{}");
    auto result = run_cli({"convert", "deck.md", "--to", "crowdanki", "-o", "repo", "--force"}, {},
                          dir.path());
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_EQ(result.err,
              "repo: error: the output folder holds what deckport did not write, which --force "
              "would lose: .git/, README.md, notes/ [IO006]\n");
    EXPECT_EQ(read_text(dir / "repo/.git/HEAD"), "ref: refs/heads/main\n");
    EXPECT_EQ(read_text(dir / "repo/README.md"), "# repo\n");
    EXPECT_EQ(read_text(dir / "repo/notes/todo.txt"), "todo\n");
    EXPECT_EQ(read_text(dir / "repo/deck.json"), "{}");
    EXPECT_THAT(entry_names(dir.path()), UnorderedElementsAre("deck.md", "repo"));
}

TEST(ForcedFolderOutput, NeverReplacesTheCurrentFolderOrItsParents) {
    TempDir dir;
    write_text(dir / "decks/deck.md", kDeck);
    write_text(dir / "work/sub/keep.txt", "keep");
    std::string deck = (dir / "decks/deck.md").string();
    for (const char* target : {".", "./", "..", "../"}) {
        auto result = run_cli({"convert", deck, "--to", "crowdanki", "-o", target, "--force"}, {},
                              dir / "work/sub");
        EXPECT_EQ(result.exit_code, 2) << target << ": " << result.err;
        EXPECT_THAT(result.err, HasSubstr("is the current folder or one of its parents")) << target;
    }
    auto holding_input = run_cli({"convert", deck, "--to", "crowdanki", "-o", "../..", "--force"},
                                 {}, dir / "work/sub");
    EXPECT_EQ(holding_input.exit_code, 2);
    EXPECT_THAT(holding_input.err, HasSubstr("holds the input"));
    EXPECT_THAT(entry_names(dir / "work/sub"), UnorderedElementsAre("keep.txt"));
    EXPECT_THAT(entry_names(dir / "work"), UnorderedElementsAre("sub"));
    EXPECT_EQ(read_text(dir / "work/sub/keep.txt"), "keep");
}

TEST(ForcedFolderOutput, ReplacesAnEarlierCrowdAnkiOutput) {
    TempDir dir;
    write_text(dir / "deck.md", kDeck);
    write_text(dir / "out/deck.json", "old");
    write_text(dir / "out/media/old.png", "PNG");
    auto refused =
        run_cli({"convert", "deck.md", "--to", "crowdanki", "-o", "out"}, {}, dir.path());
    EXPECT_EQ(refused.exit_code, 4);
    EXPECT_THAT(refused.err, HasSubstr("output already exists [IO004]"));
    EXPECT_EQ(read_text(dir / "out/deck.json"), "old");

    auto forced = run_cli({"convert", "deck.md", "--to", "crowdanki", "-o", "out/", "--force"}, {},
                          dir.path());
    ASSERT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_THAT(read_text(dir / "out/deck.json"), HasSubstr("Question A"));
    EXPECT_THAT(entry_names(dir / "out"), UnorderedElementsAre("deck.json"));
    EXPECT_THAT(entry_names(dir.path()), UnorderedElementsAre("deck.md", "out"));  // nothing aside
}

TEST(ForcedFolderOutput, RefusesLinksAndFoldersInsideMedia) {
    TempDir dir;
    write_text(dir / "deck.md", kDeck);
    write_text(dir / "elsewhere/precious.txt", "precious");
    write_text(dir / "out/deck.json", "old");
    write_text(dir / "out/media/sub/a.png", "PNG");
    fs::create_directory_symlink(dir / "elsewhere", dir / "out/media/link");
    auto result = run_cli({"convert", "deck.md", "--to", "crowdanki", "-o", "out", "--force"}, {},
                          dir.path());
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_THAT(result.err, HasSubstr("would lose: media/link, media/sub/ [IO006]"));
    EXPECT_EQ(read_text(dir / "out/media/sub/a.png"), "PNG");

    fs::remove_all(dir / "out");
    fs::create_directory_symlink(dir / "elsewhere", dir / "out");
    auto link = run_cli({"convert", "deck.md", "--to", "crowdanki", "-o", "out", "--force"}, {},
                        dir.path());
    EXPECT_EQ(link.exit_code, 4);
    EXPECT_THAT(link.err, HasSubstr("the output is a symbolic link"));
    EXPECT_EQ(read_text(dir / "elsewhere/precious.txt"), "precious");
}

TEST(ForcedFileOutput, NeverReplacesAFolder) {
    TempDir dir;
    write_text(dir / "deck.md", kDeck);
    write_text(dir / "out.json/keep.txt", "keep");
    auto result = run_cli({"convert", "deck.md", "-o", "out.json", "--force"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_THAT(result.err, HasSubstr("a file output never replaces a folder [IO006]"));
    EXPECT_EQ(read_text(dir / "out.json/keep.txt"), "keep");
}

TEST(ForcedFileOutput, WritesIntoADeviceInsteadOfReplacingIt) {
    TempDir dir;
    write_text(dir / "deck.md", kDeck);
    auto result =
        run_cli({"convert", "deck.md", "--to", "json", "-o", "/dev/null"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(BatchOutputs, MirrorTheInputsLayoutUnderTheOutputFolder) {
    TempDir dir;
    write_text(dir / "nest/a/deck.md", "Question A\n\n---\nAnswer A\n");
    write_text(dir / "nest/b/deck.md", "Question B\n\n---\nAnswer B\n");
    for (bool force : {false, true}) {
        std::vector<std::string> args = {
            "convert", "nest/a/deck.md", "nest/b/deck.md", "--to", "json", "--out-dir", "o"};
        if (force) args.push_back("--force");
        auto result = run_cli(args, {}, dir.path());
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_THAT(read_text(dir / "o/a/deck.json"), HasSubstr("Question A"));
        EXPECT_THAT(read_text(dir / "o/b/deck.json"), HasSubstr("Question B"));
        EXPECT_THAT(entry_names(dir / "o"), UnorderedElementsAre("a", "b"));
    }
}

TEST(BatchOutputs, TwoInputsForOneOutputAreRefusedBeforeAnythingIsWritten) {
    TempDir dir;
    write_text(dir / "in/deck.md", kDeck);
    write_text(dir / "in/deck.markdown", kDeck);
    auto result = run_cli(
        {"convert", "in/deck.md", "in/deck.markdown", "--to", "json", "--out-dir", "o", "--force"},
        {}, dir.path());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_THAT(result.err, HasSubstr("these inputs would all be written to 'o/deck.json': "
                                      "in/deck.md, in/deck.markdown"));
    EXPECT_FALSE(fs::exists(dir / "o"));
}

TEST(BatchOutputs, AnExistingOutputStopsTheRunBeforeAnyOutputIsWritten) {
    TempDir dir;
    write_text(dir / "in/a.md", kDeck);
    write_text(dir / "in/b.md", kDeck);
    write_text(dir / "o/b.json", "mine");
    auto result = run_cli({"convert", "in/a.md", "in/b.md", "--to", "json", "--out-dir", "o"}, {},
                          dir.path());
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_EQ(result.err, "o/b.json: error: output already exists [IO004]\n");
    EXPECT_FALSE(fs::exists(dir / "o/a.json"));
    EXPECT_EQ(read_text(dir / "o/b.json"), "mine");
}
