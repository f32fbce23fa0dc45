// Output sinks: nothing appears before commit(), nothing is left behind without it, and an
// existing output is replaced only as WritePolicy allows.
#include <gmock/gmock.h>

#include <functional>

#include "deckport/error.hpp"
#include "deckport/output.hpp"
#include "test_support.hpp"

using namespace deckport;
using deckport::test::entry_names;
using deckport::test::read_text;
using deckport::test::TempDir;
using deckport::test::write_text;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
namespace fs = std::filesystem;

namespace {

const WritePolicy kCrowdAnki{true, {}, {"deck.json", "media/"}, {}};

std::string code_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.diagnostic().code + ": " + e.diagnostic().message;
    }
    return "";
}

}  // namespace

TEST(MemorySink, BuildsTheOutputValue) {
    MemorySink single;
    single.write("ab");
    single.write("cd");
    EXPECT_FALSE(single.output().is_directory);
    ASSERT_EQ(single.output().files.size(), 1u);
    EXPECT_EQ(single.output().files[0].bytes, "abcd");
    MemorySink folder;
    folder.write_file("deck.json", "{}");
    folder.write_file("media/a.png", "PNG");
    Output output = folder.take();
    EXPECT_TRUE(output.is_directory);
    ASSERT_EQ(output.files.size(), 2u);
    EXPECT_EQ(output.files[1].relative_path, "media/a.png");
    EXPECT_THROW(folder.write("x"), Error);  // a folder output has no unnamed file
}

TEST(FileOutput, AppearsOnlyOnCommitAndLeavesNothingWithout) {
    TempDir dir;
    {
        auto sink = open_output((dir / "out.json").string(), OutputShape::file, {});
        sink->write("part");
        EXPECT_FALSE(fs::exists(dir / "out.json"));
    }
    EXPECT_TRUE(fs::is_empty(dir.path()));  // the temporary is gone
    auto sink = open_output((dir / "out.json").string(), OutputShape::file, {});
    sink->write("streamed ");
    sink->write("in parts");
    sink->commit();
    EXPECT_EQ(read_text(dir / "out.json"), "streamed in parts");
    EXPECT_THAT(entry_names(dir.path()), UnorderedElementsAre("out.json"));
}

TEST(FileOutput, AnOutputThatAppearsWhileWritingIsNotReplaced) {
    TempDir dir;
    auto sink = open_output((dir / "out.json").string(), OutputShape::file, {});
    sink->write("mine");
    write_text(dir / "out.json", "someone else's");
    EXPECT_EQ(code_of([&] { sink->commit(); }), "IO004: output already exists");
    EXPECT_EQ(read_text(dir / "out.json"), "someone else's");
}

TEST(FolderOutput, ReplacesOnlyWhatItWouldWrite) {
    TempDir dir;
    write_text(dir / "out/deck.json", "old");
    write_text(dir / "out/media/old.png", "old");
    auto sink = open_output((dir / "out").string(), OutputShape::folder, kCrowdAnki);
    sink->write_file("deck.json", "new");
    sink->write_file("media/new.png", "new");
    EXPECT_EQ(read_text(dir / "out/deck.json"), "old");
    sink->commit();
    EXPECT_EQ(read_text(dir / "out/deck.json"), "new");
    EXPECT_THAT(entry_names(dir / "out/media"), UnorderedElementsAre("new.png"));
    EXPECT_THAT(entry_names(dir.path()), UnorderedElementsAre("out"));
}

TEST(FolderOutput, KeepsTheOldFolderWhenSomethingAppearsInIt) {
    TempDir dir;
    write_text(dir / "out/deck.json", "old");
    auto sink = open_output((dir / "out").string(), OutputShape::folder, kCrowdAnki);
    sink->write_file("deck.json", "new");
    write_text(dir / "out/notes.txt", "appeared meanwhile");
    EXPECT_THAT(code_of([&] { sink->commit(); }), HasSubstr("IO006: the output folder holds"));
    EXPECT_EQ(read_text(dir / "out/deck.json"), "old");
    EXPECT_EQ(read_text(dir / "out/notes.txt"), "appeared meanwhile");
}

TEST(FolderOutput, RefusesWhatItMayNotReplace) {
    TempDir dir;
    write_text(dir / "input.md", "deck");
    write_text(dir / "out/deck.json", "old");
    write_text(dir / "out/.git/HEAD", "ref");
    std::string out = (dir / "out").string();
    EXPECT_EQ(code_of([&] { check_output_target(out, OutputShape::folder, {}); }),
              "IO004: output already exists");
    EXPECT_EQ(code_of([&] { check_output_target(out, OutputShape::folder, kCrowdAnki); }),
              "IO006: the output folder holds what deckport did not write, which --force would "
              "lose: .git/");
    WritePolicy holding_input{true, {dir / "input.md"}, {"deck.json", "media/"}, {}};
    EXPECT_EQ(code_of([&] {
                  check_output_target(dir.path().string(), OutputShape::folder, holding_input);
              }),
              "USAGE: output folder '" + dir.path().string() + "' holds the input '" +
                  (dir / "input.md").string() + "'");
    EXPECT_EQ(code_of([&] { check_output_target("-", OutputShape::folder, kCrowdAnki); }),
              "USAGE: this format writes a folder and cannot go to stdout");
    EXPECT_EQ(read_text(dir / "out/.git/HEAD"), "ref");
}

TEST(FolderOutput, NamesStayInsideTheFolder) {
    TempDir dir;
    auto sink = open_output((dir / "out").string(), OutputShape::folder, kCrowdAnki);
    for (const char* bad : {"../escape.txt", "/etc/x", "media/../../x", ""}) {
        EXPECT_THAT(code_of([&] { sink->write_file(bad, "x"); }), HasSubstr("IO005")) << bad;
    }
    sink.reset();
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

// A batch resolves its inputs once (ResolvedInputs): outputs are refused as they are when each
// input is resolved for each output.
TEST(FolderOutput, ResolvedInputsProtectInputsLikeTheInputList) {
    TempDir dir;
    write_text(dir / "decks/a.md", "a");
    write_text(dir / "decks/sub/b.md", "b");
    fs::create_hard_link(dir / "decks/a.md", dir / "link.md");
    std::vector<fs::path> inputs{dir / "decks/a.md", dir / "decks/sub/b.md"};
    WritePolicy policy{true, inputs, {}, std::make_shared<const ResolvedInputs>(inputs)};
    std::string through_dots = (dir / "decks/sub/../a.md").string();
    EXPECT_EQ(code_of([&] { check_output_target(through_dots, OutputShape::file, policy); }),
              "USAGE: output '" + through_dots + "' is also an input");
    std::string hard_link = (dir / "link.md").string();
    EXPECT_EQ(code_of([&] { check_output_target(hard_link, OutputShape::file, policy); }),
              "USAGE: output '" + hard_link + "' is also an input");
    std::string folder = (dir / "decks/sub").string();
    EXPECT_EQ(code_of([&] { check_output_target(folder, OutputShape::folder, policy); }),
              "USAGE: output folder '" + folder + "' holds the input '" +
                  (dir / "decks/sub/b.md").string() + "'");
    // A sibling whose name starts like an input's folder holds none of them.
    std::string sibling = (dir / "decks/sub-out").string();
    EXPECT_EQ(code_of([&] { check_output_target(sibling, OutputShape::folder, policy); }), "");
    EXPECT_EQ(code_of([&] {
                  check_output_target((dir / "decks/c.md").string(), OutputShape::file, policy);
              }),
              "");
}
