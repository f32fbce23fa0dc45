// Batches (issue 13): folders and --files-from as inputs, --out-dir mirroring the layout, several
// --to formats from one parse, -j with output identical to -j 1, the progress bar on a terminal
// only, the summary line, --fail-fast, and GNU parallel composing with the CLI.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace fs = std::filesystem;
using deckport::test::cli_path;
using deckport::test::read_text;
using deckport::test::run_cli;
using deckport::test::TempDir;
using deckport::test::write_text;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

// A deck of `notes` basic notes.
std::string deck(const std::string& name, int notes) {
    std::string text = "---\nFlashcard Deck: " + name + "\n---\n\n";
    for (int i = 0; i < notes; ++i) {
        if (i > 0) text += "\n. . .\n\n";
        text += "Question " + std::to_string(i) + " of *" + name + "*?\n\n---\n\nAnswer " +
                std::to_string(i) + ".\n";
    }
    return text;
}

const char* kBroken = "---\nFlashcard Deck: Broken\n\nQuestion\n";  // front matter never closed
const char* kMissingImage = "---\nFlashcard Deck: W\n---\n\nQ ![x](missing.png)\n\n---\n\nA\n";

// decks/ with nested folders, decks of different sizes (so that -j 2 finishes them out of
// order), two with a warning and, with `broken`, one with errors.
void make_decks(const fs::path& root, bool broken) {
    for (int i = 0; i < 8; ++i) {
        std::string name = "deck" + std::to_string(i);
        write_text(root / "decks" / (i % 2 ? "odd" : "even") / (name + ".md"),
                   deck(name, i % 3 == 0 ? 400 : 5));
    }
    write_text(root / "decks" / "odd" / "warn.md", kMissingImage);
    write_text(root / "decks" / "top.md", kMissingImage);
    if (broken) write_text(root / "decks" / "even" / "broken.md", kBroken);
}

// Every file under `folder`, by relative path, with its bytes.
std::map<std::string, std::string> tree(const fs::path& folder) {
    std::map<std::string, std::string> files;
    if (!fs::exists(folder)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files[entry.path().lexically_relative(folder).generic_string()] =
                read_text(entry.path());
        }
    }
    return files;
}

std::vector<std::string> names(const std::map<std::string, std::string>& files) {
    std::vector<std::string> out;
    for (const auto& [name, bytes] : files) out.push_back(name);
    return out;
}

// stderr without the summary line (its time differs from run to run).
std::string without_summary(const std::string& err) {
    return std::regex_replace(
        err, std::regex("(converted|round-tripped) [^\n]* in [0-9.]+ s[^\n]*\n"), "");
}

struct ShellResult {
    int exit_code = -1;
    std::string out;
};
// Runs `command` with sh in `folder`; stdout captured.
ShellResult shell(const std::string& command, const fs::path& folder) {
    std::string line = "cd '" + folder.string() + "' && " + command;
    FILE* pipe = ::popen(line.c_str(), "r");
    ShellResult result;
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

bool have_program(const std::string& name) {
    return shell("command -v " + name + " >/dev/null 2>&1", fs::temp_directory_path()).exit_code ==
           0;
}

}  // namespace

TEST(Batch, JobsGiveByteIdenticalOutputsAndDiagnostics) {
    TempDir dir;
    make_decks(dir.path(), true);
    auto one = run_cli({"convert", "decks", "--to", "json,md", "--out-dir", "j1", "-j", "1"}, {},
                       dir.path());
    auto two = run_cli({"convert", "decks", "--to", "json,md", "--out-dir", "j2", "-j", "2"}, {},
                       dir.path());
    EXPECT_EQ(one.exit_code, 1) << one.err;
    EXPECT_EQ(two.exit_code, 1);
    EXPECT_EQ(without_summary(two.err), without_summary(one.err));
    EXPECT_EQ(tree(dir / "j2"), tree(dir / "j1"));
    EXPECT_EQ(tree(dir / "j1").size(), 2u * 10);  // every deck but the broken one, twice
    // In input order: the folders sorted, each deck's diagnostics together.
    std::string err = without_summary(one.err);
    std::size_t broken = err.find("decks/even/broken.md:1:1: error: front matter is not closed");
    std::size_t warn = err.find("decks/odd/warn.md:5:8: warning: image 'missing.png'");
    std::size_t top = err.find("decks/top.md:5:8: warning: image 'missing.png'");
    ASSERT_NE(broken, std::string::npos) << err;
    ASSERT_NE(warn, std::string::npos) << err;
    ASSERT_NE(top, std::string::npos) << err;
    EXPECT_LT(broken, warn);
    EXPECT_LT(warn, top);

    for (std::string command : {"check", "roundtrip"}) {
        auto check_one = run_cli({command, "decks", "-j", "1"}, {}, dir.path());
        auto check_two = run_cli({command, "decks", "-j", "2"}, {}, dir.path());
        EXPECT_NE(check_one.exit_code, 0) << command;
        EXPECT_EQ(check_two.exit_code, check_one.exit_code) << command;
        EXPECT_EQ(check_two.out, check_one.out) << command;
        EXPECT_THAT(check_one.out, HasSubstr("decks/even/broken.md:1:1: error:")) << command;
        EXPECT_EQ(without_summary(check_two.err), without_summary(check_one.err)) << command;
    }
}

// One large deck shares its work over the threads (cards read, fields rendered and JSON notes
// written a slice of 2,048 at a time): what it writes and reports is the same with 1, 2 and 3.
TEST(Batch, OneLargeDeckGivesTheSameOutputOnAnyNumberOfThreads) {
    TempDir dir;
    std::string text = deck("Large", 5000);
    // Warnings scattered over the slices: an image that is missing every 997th card.
    for (int i = 0; i < 5000; i += 997) {
        std::string answer = "Answer " + std::to_string(i) + ".\n";
        text.replace(text.find(answer), answer.size(),
                     answer + "![x](missing" + std::to_string(i) + ".png) <b>open" +
                         std::to_string(i) + "\n");
    }
    write_text(dir / "large.md", text);
    std::string first_err;
    std::map<std::string, std::string> first_tree;
    for (const char* jobs : {"1", "2", "3"}) {
        std::string out = std::string("j") + jobs;
        auto result = run_cli({"convert", "large.md", "--to", "apkg,json,md,csv", "--out-dir", out,
                               "--timestamp", "0", "-j", jobs},
                              {}, dir.path());
        ASSERT_EQ(result.exit_code, 0) << result.err;
        if (first_err.empty()) {
            first_err = without_summary(result.err);
            first_tree = tree(dir / out);
            continue;
        }
        EXPECT_EQ(without_summary(result.err), first_err) << "-j " << jobs;
        EXPECT_EQ(tree(dir / out), first_tree) << "-j " << jobs;
    }
    // roundtrip: field comparisons are shared over the threads too.
    std::string first_roundtrip;
    for (const char* jobs : {"1", "2", "3"}) {
        auto trip =
            run_cli({"roundtrip", "large.md", "--via", "quizlet,csv", "-j", jobs}, {}, dir.path());
        EXPECT_EQ(trip.exit_code, 0) << trip.err;
        if (first_roundtrip.empty()) first_roundtrip = trip.out + without_summary(trip.err);
        EXPECT_EQ(trip.out + without_summary(trip.err), first_roundtrip) << "-j " << jobs;
    }
    EXPECT_THAT(first_roundtrip, HasSubstr("via quizlet: ok"));
    // check: the lint rules share their work over the threads too (LINT010 on every core).
    std::string first_check;
    for (const char* jobs : {"1", "2", "3"}) {
        auto check = run_cli({"check", "large.md", "-j", jobs}, {}, dir.path());
        EXPECT_EQ(check.exit_code, 0) << check.err;
        if (first_check.empty()) first_check = check.out + check.err;
        EXPECT_EQ(check.out + check.err, first_check) << "-j " << jobs;
    }
    std::size_t previous_check = 0;
    for (int i = 0; i < 5000; i += 997) {
        std::size_t at = first_check.find("<b> is never closed", previous_check);
        ASSERT_NE(at, std::string::npos) << first_check;
        previous_check = at + 1;
    }
    EXPECT_EQ(first_tree.size(), 4u);
    // The warnings in card order.
    std::size_t previous = 0;
    for (int i = 0; i < 5000; i += 997) {
        std::size_t at = first_err.find("missing" + std::to_string(i) + ".png");
        ASSERT_NE(at, std::string::npos) << first_err;
        EXPECT_GE(at, previous) << i;
        previous = at;
    }
}

TEST(Batch, FilesFromTakesLinesOrNulSeparatedNames) {
    TempDir dir;
    write_text(dir / "in" / "with space.md", deck("Spaced", 2));
    write_text(dir / "in" / "line\nbreak.md", deck("Broken line", 3));
    write_text(dir / "in" / "plain.md", deck("Plain", 1));
    // NUL-separated (find -print0): a name with a newline stays whole.
    write_text(dir / "list0", std::string("in/line\nbreak.md\0in/plain.md\0", 28));
    auto nul = run_cli({"convert", "--files-from", "list0", "--to", "json", "--out-dir", "o0"}, {},
                       dir.path());
    EXPECT_EQ(nul.exit_code, 0) << nul.err;
    EXPECT_EQ(names(tree(dir / "o0")),
              (std::vector<std::string>{"line\nbreak.json", "plain.json"}));

    // One per line, from stdin, after an input given on the command line.
    auto lines =
        run_cli({"convert", "in/plain.md", "--files-from", "-", "--to", "json", "--out-dir", "o1"},
                "in/with space.md\n\n", dir.path());
    EXPECT_EQ(lines.exit_code, 0) << lines.err;
    EXPECT_EQ(names(tree(dir / "o1")), (std::vector<std::string>{"plain.json", "with space.json"}));

    auto check = run_cli({"check", "--files-from", "list0"}, {}, dir.path());
    EXPECT_EQ(check.exit_code, 0);
    EXPECT_EQ(check.err, "checked 2 decks: 0 errors, 0 warnings\n");

    auto both_stdin =
        run_cli({"convert", "-", "--files-from", "-", "--to", "json"}, {}, dir.path());
    EXPECT_EQ(both_stdin.exit_code, 2);
    EXPECT_THAT(both_stdin.err, HasSubstr("stdin cannot be both an input and --files-from -"));
    auto missing = run_cli({"check", "--files-from", "nope.txt"}, {}, dir.path());
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_THAT(missing.err, HasSubstr("--files-from nope.txt: cannot read this file"));
}

TEST(Batch, OutDirMirrorsTheLayoutAndRefusesCollisions) {
    TempDir dir;
    make_decks(dir.path(), false);
    auto result = run_cli(
        {"convert", "decks", "--to", "json", "--out-dir", "o", "--exclude", "**/deck[1-7].md"}, {},
        dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(names(tree(dir / "o")),
              (std::vector<std::string>{"even/deck0.json", "odd/warn.json", "top.json"}));
    // The folder given anchors the layout even when every deck found is in one subfolder.
    auto sub = run_cli({"convert", "decks", "--include", "odd/*", "--to", "json", "--out-dir", "s"},
                       {}, dir.path());
    EXPECT_EQ(sub.exit_code, 0) << sub.err;
    EXPECT_EQ(names(tree(dir / "s")),
              (std::vector<std::string>{"odd/deck1.json", "odd/deck3.json", "odd/deck5.json",
                                        "odd/deck7.json", "odd/warn.json"}));

    write_text(dir / "decks" / "top.markdown", deck("Twin", 1));
    auto clash = run_cli({"convert", "decks", "--to", "json", "--out-dir", "c"}, {}, dir.path());
    EXPECT_EQ(clash.exit_code, 2);
    EXPECT_THAT(clash.err, HasSubstr("these inputs would all be written to 'c/top.json': "
                                     "decks/top.markdown, decks/top.md"));
    EXPECT_FALSE(fs::exists(dir / "c"));  // nothing written
}

TEST(Batch, SeveralFormatsFromOneParse) {
    TempDir dir;
    write_text(dir / "a.md", deck("A", 3));
    write_text(dir / "b.md", deck("B", 2));
    auto result = run_cli(
        {"convert", "a.md", "b.md", "--to", "json,csv,apkg", "--out-dir", "o", "--timestamp", "0"},
        {}, dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    auto outputs = tree(dir / "o");
    EXPECT_EQ(names(outputs),
              (std::vector<std::string>{"a.apkg", "a.csv", "a.json", "b.apkg", "b.csv", "b.json"}));
    // Each output is what converting to that format alone writes.
    for (std::string extension : {".json", ".csv", ".apkg"}) {
        auto alone = run_cli({"convert", "a.md", "-o", "alone" + extension, "--timestamp", "0"}, {},
                             dir.path());
        EXPECT_EQ(alone.exit_code, 0) << alone.err;
        EXPECT_EQ(outputs["a" + extension], read_text(dir / ("alone" + extension))) << extension;
    }

    auto twice =
        run_cli({"convert", "a.md", "--to", "json,json", "--out-dir", "t"}, {}, dir.path());
    EXPECT_EQ(twice.exit_code, 2);
    EXPECT_THAT(twice.err, HasSubstr("--to names json twice"));
    auto no_dir = run_cli({"convert", "a.md", "--to", "json,csv"}, {}, dir.path());
    EXPECT_EQ(no_dir.exit_code, 2);
    EXPECT_THAT(no_dir.err, HasSubstr("several --to formats need --out-dir"));
    // One existing output refuses the whole run before anything is written.
    write_text(dir / "r" / "b.csv", "mine\n");
    auto refused =
        run_cli({"convert", "a.md", "b.md", "--to", "json,csv", "--out-dir", "r"}, {}, dir.path());
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_THAT(refused.err, HasSubstr("r/b.csv"));
    EXPECT_EQ(names(tree(dir / "r")), (std::vector<std::string>{"b.csv"}));
}

TEST(Batch, SummaryLineForBatchesUnlessQuiet) {
    TempDir dir;
    make_decks(dir.path(), false);
    auto batch =
        run_cli({"convert", "decks/top.md", "decks/even", "--to", "json", "--out-dir", "o"}, {},
                dir.path());
    EXPECT_EQ(batch.exit_code, 0);
    std::smatch match;
    std::string err = batch.err;
    ASSERT_TRUE(std::regex_search(err, match, std::regex("\n(converted .*)\n$"))) << err;
    EXPECT_TRUE(std::regex_match(match[1].str(),
                                 std::regex("converted 5 files: 811 notes, 1 warning, 0 errors "
                                            "in [0-9]+\\.[0-9] s")))
        << match[1];

    auto quiet =
        run_cli({"-q", "convert", "decks", "--to", "json", "--out-dir", "q"}, {}, dir.path());
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.err, "");
    // One input: nothing on stderr on success.
    auto single = run_cli({"convert", "decks/even/deck0.md", "--to", "json", "-o", "one.json"}, {},
                          dir.path());
    EXPECT_EQ(single.exit_code, 0);
    EXPECT_EQ(single.err, "");

    auto no_jobs =
        run_cli({"convert", "decks", "--to", "json", "--out-dir", "z", "-j", "0"}, {}, dir.path());
    EXPECT_EQ(no_jobs.exit_code, 2);
    EXPECT_THAT(no_jobs.err, HasSubstr("--jobs: Value 0 not in range 1 to 1024"));
}

TEST(Batch, FailFastStartsNoNewInput) {
    TempDir dir;
    make_decks(dir.path(), true);
    // In order, decks/even/broken.md comes first.
    auto stopped =
        run_cli({"convert", "decks", "--to", "json", "--out-dir", "o", "-j", "1", "--fail-fast"},
                {}, dir.path());
    EXPECT_EQ(stopped.exit_code, 1);
    EXPECT_THAT(stopped.err, HasSubstr("decks/even/broken.md:1:1: error:"));
    EXPECT_THAT(stopped.err, HasSubstr("converted 1 file: "));
    EXPECT_THAT(stopped.err, HasSubstr("(1 failed) (--fail-fast: 10 not started)"));
    EXPECT_FALSE(fs::exists(dir / "o"));

    auto parallel =
        run_cli({"convert", "decks", "--to", "json", "--out-dir", "p", "-j", "2", "--fail-fast"},
                {}, dir.path());
    EXPECT_EQ(parallel.exit_code, 1);
    EXPECT_THAT(parallel.err, HasSubstr("decks/even/broken.md:1:1: error:"));
    EXPECT_LT(tree(dir / "p").size(), 10u);  // at most what was running when it failed

    auto check = run_cli({"check", "decks", "-j", "1", "--fail-fast"}, {}, dir.path());
    EXPECT_EQ(check.exit_code, 5);
    EXPECT_THAT(check.err, HasSubstr("checked 1 deck: 3 errors, 0 warnings"));
    EXPECT_THAT(check.err, HasSubstr("(--fail-fast: 10 not started)"));
}

// The second input is a FIFO fed after 1.5 s: the run takes that long whatever the machine.
TEST(Batch, ProgressBarOnATerminalOnly) {
    if (!have_program("python3")) GTEST_SKIP() << "python3 is not installed";
    TempDir dir;
    write_text(dir / "in" / "a.md", deck("A", 3));
    write_text(dir / "source.md", deck("Slow", 4));
    std::string script =
        (deckport::test::source_dir() / "tests/batch/run_with_slow_input.py").string();
    std::string command = " in/slow.md source.md 1.5 -- " + cli_path() +
                          " convert in/a.md in/slow.md --to json --out-dir o -j 2";
    auto terminal = shell("python3 " + script + " --terminal" + command, dir.path());
    EXPECT_EQ(terminal.exit_code, 0) << terminal.out;
    EXPECT_THAT(terminal.out, HasSubstr("\r1/2 files ["));
    EXPECT_THAT(terminal.out, HasSubstr(" notes/s "));
    EXPECT_THAT(terminal.out, HasSubstr(" left\033[K"));
    EXPECT_THAT(terminal.out, HasSubstr("\r\033[Kconverted 2 files: 7 notes"));  // cleared first

    fs::remove_all(dir / "o");
    fs::remove(dir / "in" / "slow.md");
    auto pipe = shell("python3 " + script + command, dir.path());
    EXPECT_EQ(pipe.exit_code, 0) << pipe.out;
    EXPECT_THAT(pipe.out, Not(HasSubstr("files [")));
    EXPECT_THAT(pipe.out, Not(HasSubstr("\r")));
    EXPECT_THAT(pipe.out, HasSubstr("converted 2 files: 7 notes"));
}

TEST(Batch, GnuParallelWritesWhatJobsWrite) {
    if (!have_program("parallel")) GTEST_SKIP() << "GNU parallel is not installed";
    TempDir dir;
    make_decks(dir.path(), false);
    auto jobs =
        run_cli({"convert", "decks", "--to", "json", "--out-dir", "j", "-j", "2"}, {}, dir.path());
    EXPECT_EQ(jobs.exit_code, 0) << jobs.err;
    // One process per deck, the layout rebuilt by the shell: what `-j` does inside one process.
    auto parallel = shell(
        "cd decks && find . -name '*.md' | parallel --will-cite -j 2 "
        "'mkdir -p ../p/{//} && " +
            cli_path() + " convert {} --to json -o ../p/{.}.json' 2>&1",
        dir.path());
    EXPECT_EQ(parallel.exit_code, 0) << parallel.out;
    EXPECT_EQ(tree(dir / "p").size(), 10u);
    EXPECT_EQ(tree(dir / "p"), tree(dir / "j"));
}

TEST(Batch, ChunksOfOneListLayOutTheirOutputsAlike) {
    TempDir dir;
    make_decks(dir.path(), false);
    auto jobs = run_cli({"convert", "decks", "--to", "json", "--out-dir", "j"}, {}, dir.path());
    EXPECT_EQ(jobs.exit_code, 0) << jobs.err;
    // xargs -n 3: runs of three decks each; --relative-to gives them all the layout of decks/,
    // whatever folder their own three decks share.
    auto chunks =
        shell("find decks -name '*.md' -print0 | sort -z | xargs -0 -n 3 -P 2 " + cli_path() +
                  " -q convert --relative-to decks --to json --out-dir x -j 1 2>&1",
              dir.path());
    EXPECT_EQ(chunks.exit_code, 0) << chunks.out;
    EXPECT_EQ(tree(dir / "x"), tree(dir / "j"));

    auto outside = run_cli({"convert", "decks/top.md", "decks/odd/warn.md", "--relative-to",
                            "decks/odd", "--to", "json", "--out-dir", "o"},
                           {}, dir.path());
    EXPECT_EQ(outside.exit_code, 2);
    EXPECT_THAT(outside.err,
                HasSubstr("--relative-to decks/odd: input 'decks/top.md' is not inside it"));
}
