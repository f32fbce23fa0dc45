// Tolerance (issue "trust", item 10): a Mochi data.json or data.edn given on its own (unzipped
// from a package) is read as Mochi, with warning MOCHI034, and the attachments it names are
// taken from its folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

// tests/data/tolerance/mochi-data-file: data.json and data.edn as unzipped from a package, with
// the attachment padlock.png beside them.
std::filesystem::path data_folder() {
    return source_dir() / "tests" / "data" / "tolerance" / "mochi-data-file";
}

// Detects and reads `path` as the CLI does; `format` is the detected format's name.
Collection read_file_as_cli(const std::filesystem::path& path, std::vector<std::string>& found,
                            std::string& format) {
    Input input = read_input(path.string());
    const Format& detected = builtin_formats().detect_input(input, std::nullopt);
    format = detected.info.name;
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 1700000000};
    Collection collection = read_collection(detected, input, context);
    found = rendered(diagnostics.all());
    return collection;
}

}  // namespace

TEST(MochiLooseData, DataJsonOnItsOwnIsReadAsMochiWithAWarning) {
    std::vector<std::string> diagnostics;
    std::string format;
    Collection c = read_file_as_cli(data_folder() / "data.json", diagnostics, format);
    EXPECT_EQ(format, "mochi");
    EXPECT_THAT(diagnostics, ElementsAre((data_folder() / "data.json").string() +
                                         ": warning: read as a Mochi data.json given on its own, "
                                         "outside a .mochi package [MOCHI034]"));
    ASSERT_EQ(c.notes.size(), 2u);
    EXPECT_EQ(c.notes[0].guid, "card0001");
    EXPECT_EQ(c.notes[0].deck, "Rust");
    EXPECT_EQ(c.notes[1].tags, std::vector<std::string>{"rust"});
    ASSERT_EQ(c.media.size(), 1u);
    EXPECT_EQ(c.media[0].name, "padlock.png");
    EXPECT_EQ(c.media[0].bytes(), read_text(data_folder() / "padlock.png"));
    EXPECT_THAT(c.notes[0].fields[1].source, HasSubstr("![padlock](padlock.png)"));
}

TEST(MochiLooseData, MissingAttachmentIsAWarningAndNothingOutsideTheFolderIsRead) {
    TempDir dir;
    write_text(dir / "secret.png", "secret");
    std::string text = read_text(data_folder() / "data.json");
    text.replace(text.find("@media/padlock.png"), 18, "@media/../secret.png");
    write_text(dir / "sub" / "data.json", text);
    std::vector<std::string> diagnostics;
    std::string format;
    Collection c = read_file_as_cli(dir / "sub" / "data.json", diagnostics, format);
    EXPECT_TRUE(c.media.empty());
    EXPECT_EQ(diagnostics.size(), 2u) << ::testing::PrintToString(diagnostics);
    EXPECT_THAT(diagnostics.back(), HasSubstr("is not in the deck's media [MEDIA001]"));
}

TEST(MochiLooseData, DataEdnOnItsOwnIsReadAsMochi) {
    std::vector<std::string> diagnostics;
    std::string format;
    Collection c = read_file_as_cli(data_folder() / "data.edn", diagnostics, format);
    EXPECT_EQ(format, "mochi");
    EXPECT_THAT(diagnostics, ElementsAre((data_folder() / "data.edn").string() +
                                         ": warning: read as a Mochi data.edn given on its own, "
                                         "outside a .mochi package [MOCHI034]"));
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0].fields[0].source, "What is a Mutex?");
}

TEST(MochiLooseData, TheCliConvertsAnUnzippedDataJson) {
    TempDir dir;
    CliResult result = run_cli(
        {"convert", (data_folder() / "data.json").string(), "-o", (dir / "deck.md").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("[MOCHI034]"));
    EXPECT_THAT(read_text(dir / "deck.md"), HasSubstr("What is mpsc?"));
}
