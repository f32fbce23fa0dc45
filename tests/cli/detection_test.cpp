// Detection (issue "trust", item 6): the extension names the format unless the content clearly
// belongs to another, and errors come from that format's reader, located. Content alone decides
// only for stdin and names without a known extension.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "test_support.hpp"

using namespace deckport;
using test::run_cli;
using ::testing::HasSubstr;

namespace {

std::string detected(const std::string& name, const std::string& bytes) {
    return builtin_formats().detect_input(input_from_memory(name, bytes), std::nullopt).info.name;
}

// The first error of `deckport inspect` on a file with these bytes.
test::CliResult inspect(const test::TempDir& dir, const std::string& name,
                        const std::string& bytes) {
    test::write_text(dir / name, bytes);
    return run_cli({"inspect", name}, {}, dir.path());
}

}  // namespace

TEST(Detection, MarkdownWithOneInvalidByteIsReadAsMarkdown) {
    EXPECT_EQ(detected("deck.md", "Q\n---\nA caf\xff\n"), "markdown");
    test::TempDir dir;
    auto result = inspect(dir, "deck.md", "What?\n---\nA caf\xff.\n");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("deck.md:3:6: error: invalid UTF-8 byte 0xff [MD001]"));
    EXPECT_THAT(result.err, ::testing::Not(HasSubstr("CSV")));
}

TEST(Detection, EmptyFilesGetTheirFormatsOwnError) {
    test::TempDir dir;
    auto apkg = inspect(dir, "empty.apkg", "");
    EXPECT_EQ(apkg.exit_code, 1);
    EXPECT_THAT(apkg.err, HasSubstr("empty.apkg: error: the file is empty: not an Anki package "
                                    "[APKG001]"));
    auto json = inspect(dir, "empty.json", "");
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_THAT(json.err, HasSubstr("error: the file is empty: a deckport JSON file holds one "
                                    "object [JSON001]"));
    auto mochi = inspect(dir, "empty.mochi", "");
    EXPECT_EQ(mochi.exit_code, 1);
    EXPECT_THAT(mochi.err, HasSubstr("empty.mochi: error: the file is empty: not a Mochi package "
                                     "[MOCHI001]"));
    for (const auto* result : {&apkg, &json, &mochi}) {
        EXPECT_THAT(result->err, ::testing::Not(HasSubstr("CSV001")));
    }
}

TEST(Detection, GarbageApkgIsAnApkgError) {
    EXPECT_EQ(detected("deck.apkg", "this is not a package"), "apkg");
    test::TempDir dir;
    auto result = inspect(dir, "deck.apkg", "this is not a package\n");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("deck.apkg: error: not an Anki package: neither a zip "
                                      "archive nor an SQLite collection [APKG001]"));
    EXPECT_THAT(result.err, ::testing::Not(HasSubstr("FMT001")));
}

TEST(Detection, ContentThatClearlyBelongsToAnotherFormatWins) {
    // A CrowdAnki deck.json and a Mochi data.json are .json files, not deckport JSON.
    EXPECT_EQ(detected("deck.json", R"({"__type__": "Deck", "crowdanki_uuid": "x", "name": "D"})"),
              "crowdanki");
    EXPECT_EQ(detected("data.json", R"({"~:version": 2, "~:decks": []})"), "mochi");
    // A deckport JSON file stays JSON.
    EXPECT_EQ(detected("deck.json", R"({"format": "deckport", "version": "1.0"})"), "json");
}

TEST(Detection, ContentDecidesOnlyWithoutAKnownExtension) {
    const std::string markdown = "---\nFlashcard Deck: D\n---\n\nQ\n---\nA\n";
    EXPECT_EQ(detected("<stdin>", markdown), "markdown");
    EXPECT_EQ(detected("deck", markdown), "markdown");
    EXPECT_EQ(detected("data.edn", "{:version 2 :decks []}"), "mochi");
    // The same text named .csv is read as CSV: the extension decides.
    EXPECT_EQ(detected("deck.csv", markdown), "csv");
    EXPECT_THROW(detected("blob", std::string("\0\1\2\3", 4)), InputError);
}
