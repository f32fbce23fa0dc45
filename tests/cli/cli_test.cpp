// The CLI as scripts use it: exit codes, stdin/stdout, --force, no partial output.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using deckport::test::read_text;
using deckport::test::run_cli;
using deckport::test::source_dir;
using deckport::test::TempDir;
using deckport::test::write_text;
namespace fs = std::filesystem;

namespace {

const std::string kReferenceDeck = "decks/rust-concurrency.md";

std::string reference_deck_text() {
    return read_text(source_dir() / kReferenceDeck);
}

}  // namespace

TEST(Cli, VersionAndHelp) {
    auto version = run_cli({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_EQ(version.out.rfind("deckport ", 0), 0u) << version.out;
    for (const char* command : {"convert", "inspect", "formats"}) {
        auto help = run_cli({command, "--help"});
        EXPECT_EQ(help.exit_code, 0) << command;
        EXPECT_NE(help.out.find("Usage"), std::string::npos) << command;
    }
}

TEST(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(run_cli({}).exit_code, 2);
    EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(run_cli({"convert"}).exit_code, 2);
    auto no_output = run_cli({"convert", kReferenceDeck});
    EXPECT_EQ(no_output.exit_code, 2);
    EXPECT_NE(no_output.err.find("no output given"), std::string::npos) << no_output.err;
    auto unknown = run_cli({"convert", kReferenceDeck, "--to", "docx"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("unknown format 'docx'"), std::string::npos) << unknown.err;
    auto bad_time =
        run_cli({"convert", kReferenceDeck, "--to", "json", "--timestamp", "yesterday"});
    EXPECT_EQ(bad_time.exit_code, 2);
}

TEST(Cli, MissingInputIsAnIoError) {
    auto result = run_cli({"convert", "no/such/deck.md", "--to", "json"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.err, "no/such/deck.md: error: no such file or folder [IO001]\n");
}

// A package's collection is built in a file in $TMPDIR: a temporary folder that is not there is
// an I/O error naming it, with nothing written. (Through a shell: the test's own helpers need
// the temporary folder.)
TEST(Cli, UnusableTemporaryFolderIsAnIoError) {
    TempDir dir;
    auto out = dir / "rc.apkg";
    std::string missing = (dir / "no-such-folder").string();
    std::string command = "cd '" + source_dir().string() + "' && TMPDIR='" + missing + "' " +
                          deckport::test::cli_path() + " convert " + kReferenceDeck + " -o '" +
                          out.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string err;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        err.append(buffer, n);
    int status = ::pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(err, missing +
                       ": error: cannot use it as the temporary folder ($TMPDIR): No such file "
                       "or directory [IO002]\n");
    EXPECT_EQ(deckport::test::entry_names(dir.path()), std::vector<std::string>{});
}

TEST(Cli, ConvertsTheReferenceDeckToJson) {
    TempDir dir;
    auto out = dir / "rc.json";
    auto result = run_cli({"convert", kReferenceDeck, "--to", "json", "-o", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "");  // quiet on success
    auto json = nlohmann::json::parse(read_text(out));
    EXPECT_EQ(json["decks"].back()["name"], "Rust Concurrency");
    ASSERT_EQ(json["notes"].size(), 5u);
}

TEST(Cli, StdinToStdoutInAPipeline) {
    auto from_file = run_cli({"convert", kReferenceDeck, "--to", "json", "--timestamp", "0"});
    auto from_stdin = run_cli({"convert", "-", "--from", "md", "--to", "json", "--timestamp", "0"},
                              reference_deck_text());
    ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
    EXPECT_EQ(from_stdin.out, from_file.out);
    EXPECT_NE(from_stdin.out.find("\"Rust Concurrency\""), std::string::npos);
}

TEST(Cli, ConvertingTwiceGivesIdenticalBytes) {
    TempDir dir;
    auto first =
        run_cli({"convert", kReferenceDeck, "--to", "json", "-o", (dir / "a.json").string()});
    auto second =
        run_cli({"convert", kReferenceDeck, "--to", "json", "-o", (dir / "b.json").string()});
    ASSERT_EQ(first.exit_code, 0);
    ASSERT_EQ(second.exit_code, 0);
    EXPECT_EQ(read_text(dir / "a.json"), read_text(dir / "b.json"));
}

TEST(Cli, RefusesToReplaceAnOutputWithoutForce) {
    TempDir dir;
    auto out = dir / "rc.json";
    write_text(out, "keep me");
    auto refused = run_cli({"convert", kReferenceDeck, "-o", out.string()});
    EXPECT_EQ(refused.exit_code, 4);
    EXPECT_NE(refused.err.find("output already exists [IO004]"), std::string::npos) << refused.err;
    EXPECT_EQ(read_text(out), "keep me");
    auto forced = run_cli({"convert", kReferenceDeck, "-o", out.string(), "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_NE(read_text(out), "keep me");
}

TEST(Cli, NeverOverwritesItsInput) {
    TempDir dir;
    auto deck = dir / "deck.md";
    write_text(deck, reference_deck_text());
    auto result = run_cli({"convert", deck.string(), "-o", deck.string(), "--force"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(read_text(deck), reference_deck_text());
}

TEST(Cli, MalformedDeckFailsWithPositionAndWritesNothing) {
    TempDir dir;
    auto deck = dir / "broken.md";
    write_text(deck, "---\nFlashcard Deck: Broken\n\nQuestion\n");  // front matter never closed
    auto out = dir / "broken.json";
    auto result = run_cli({"convert", deck.string(), "-o", out.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find(deck.string() + ":1:1: error:"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), {}), 1);  // no temporary left
}

TEST(Cli, SeveralInputsGoToAnOutputFolder) {
    TempDir dir;
    write_text(dir / "in" / "a.md", "Question A\n\n---\nAnswer A\n");
    write_text(dir / "in" / "b.md", "Question B\n\n---\nAnswer B\n");
    auto result =
        run_cli({"convert", (dir / "in" / "a.md").string(), (dir / "in" / "b.md").string(),
                 "--out-dir", (dir / "out").string(), "--to", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(fs::exists(dir / "out" / "a.json"));
    EXPECT_TRUE(fs::exists(dir / "out" / "b.json"));
    auto one_output = run_cli({"convert", (dir / "in" / "a.md").string(),
                               (dir / "in" / "b.md").string(), "-o", (dir / "x.json").string()});
    EXPECT_EQ(one_output.exit_code, 2);
}

TEST(Cli, InspectSummarisesADeck) {
    auto result = run_cli({"inspect", kReferenceDeck, "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto summary = nlohmann::json::parse(result.out);
    EXPECT_EQ(summary["format"], "markdown");
    EXPECT_EQ(summary["notes"], 5);
    EXPECT_EQ(summary["cards"], 5);
    EXPECT_EQ(summary["note_types"][0]["name"], "Basic");
    auto text = run_cli({"inspect", kReferenceDeck});
    EXPECT_NE(text.out.find("Rust Concurrency (5 notes)"), std::string::npos) << text.out;
}

TEST(Cli, FormatsListsEveryFormat) {
    auto result = run_cli({"formats", "--json"});
    ASSERT_EQ(result.exit_code, 0);
    auto formats = nlohmann::json::parse(result.out);
    std::vector<std::string> names;
    for (const auto& f : formats) names.push_back(f["name"]);
    EXPECT_NE(std::find(names.begin(), names.end(), "markdown"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "json"), names.end());
}
