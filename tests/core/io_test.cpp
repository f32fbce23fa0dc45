#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "deckport/io.hpp"
#include "deckport/output.hpp"
#include "test_support.hpp"

using namespace deckport;
using deckport::test::read_text;
using deckport::test::TempDir;
using deckport::test::write_text;

TEST(Io, AtomicWriteRefusesToReplaceWithoutForce) {
    TempDir dir;
    auto path = dir / "out.json";
    atomic_write_file(path, "first", false);
    EXPECT_THROW(atomic_write_file(path, "second", false), OutputExistsError);
    EXPECT_EQ(read_text(path), "first");
    atomic_write_file(path, "second", true);
    EXPECT_EQ(read_text(path), "second");
    // No temporary file is left behind.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(Io, NeverOverwritesAnInputEvenWithForce) {
    TempDir dir;
    auto input = dir / "deck.md";
    write_text(input, "deck");
    WritePolicy policy{true, {input}, {}, {}};
    EXPECT_THROW(write_output(input.string(), Output::single("x"), policy), UsageError);
    EXPECT_EQ(read_text(input), "deck");
}

TEST(Io, DirectoryOutputsStayInsideTheirFolder) {
    TempDir dir;
    Output output;
    output.is_directory = true;
    output.files = {{"deck.json", "{}"}, {"../escape.txt", "x"}};
    EXPECT_THROW(write_output((dir / "out").string(), output, {}), IoError);
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
    EXPECT_FALSE(std::filesystem::exists(dir / "escape.txt"));
}

TEST(Io, ReadInputReportsAMissingFile) {
    try {
        read_input("/nonexistent/deck.md");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(format_diagnostic(e.diagnostic()),
                  "/nonexistent/deck.md: error: no such file or folder [IO001]");
    }
}

TEST(Io, DirectoryOutputWithATrailingSlashNamesTheFolder) {
    TempDir dir;
    Output output;
    output.is_directory = true;
    output.files = {{"deck.json", "{}"}, {"media/a.png", "PNG"}};
    write_output((dir / "out/deck/").string(), output, {});
    EXPECT_EQ(read_text(dir / "out/deck/deck.json"), "{}");
    EXPECT_EQ(read_text(dir / "out/deck/media/a.png"), "PNG");
}
