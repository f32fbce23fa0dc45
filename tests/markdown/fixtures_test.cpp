// Markdown files written for other tools (../shared/fixtures/markdown): the reader must say
// what is wrong in our terms, at the right place, instead of reading nonsense silently.
#include <gtest/gtest.h>

#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

using Lines = std::vector<std::string>;

ReadResult read_fixture(const std::string& name) {
    return read_markdown_file(fixtures_dir() / "markdown" / name);
}

// Diagnostics with the fixture folder left out of the file names.
Lines short_diagnostics(const ReadResult& result) {
    Lines out;
    std::string folder = (fixtures_dir() / "markdown").string() + "/";
    for (std::string line : result.diagnostics) {
        if (line.starts_with(folder)) line.erase(0, folder.size());
        out.push_back(line);
    }
    return out;
}

const std::string kNoSeparator =
    "warning: the file has no card separator `. . .`, so it was read as one card [MD020]";
const std::string kNoAnswer =
    "error: card has no answer: no `---` line separates question and answer [MD011]";

}  // namespace

TEST(MarkdownFixtures, ProjectSeedReadsCleanly) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult result = read_fixture("project-seed-rust-concurrency.md");
    EXPECT_TRUE(result.diagnostics.empty());
    EXPECT_EQ(result.collection.notes.size(), 5u);
    ReadResult ours = read_markdown_file(source_dir() / "decks" / "rust-concurrency.md");
    EXPECT_EQ(result.collection.notes, ours.collection.notes);
}

TEST(MarkdownFixtures, AnkcompilerYamlAndDashSeparatedCards) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult result = read_fixture("ankcompiler-sample.md");
    EXPECT_EQ(short_diagnostics(result),
              (Lines{"ankcompiler-sample.md:6:1: error: card has an empty question [MD012]",
                     "ankcompiler-sample.md:43:1: warning: cloze deletion in the answer of a Basic "
                     "card is shown as written [MD014]",
                     "ankcompiler-sample.md:10:1: " + kNoSeparator}));
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(result.collection.notes[0].deck, "foo");  // `deck:` is our key too
    // and the front matter is YAML: its list of tags is read
    EXPECT_EQ(result.collection.notes[0].tags, std::vector<std::string>{"tag0"});
}

TEST(MarkdownFixtures, MankidownHeadingsAreOneCardWithoutAnswer) {
    DECKPORT_REQUIRE_FIXTURES();
    EXPECT_EQ(
        short_diagnostics(read_fixture("mankidown-basic.md")),
        (Lines{"mankidown-basic.md:1:1: " + kNoAnswer, "mankidown-basic.md:2:1: " + kNoSeparator}));
    EXPECT_EQ(short_diagnostics(read_fixture("mankidown-mankidown-format.md")),
              (Lines{"mankidown-mankidown-format.md:1:1: " + kNoAnswer,
                     "mankidown-mankidown-format.md:9:1: " + kNoSeparator}));
}

TEST(MarkdownFixtures, MankidownClozeIsOneClozeCardWithAWarning) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult result = read_fixture("mankidown-cloze.md");
    EXPECT_EQ(short_diagnostics(result), (Lines{"mankidown-cloze.md:2:1: " + kNoSeparator}));
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(result.collection.find_note_type(result.collection.notes[0].note_type_id)->name,
              "Cloze");
}

TEST(MarkdownFixtures, MdankiImagesOutsideTheFolderAreRefused) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult result = read_fixture("mdanki-media.md");
    std::string root = std::filesystem::canonical(fixtures_dir() / "markdown").string();
    EXPECT_EQ(short_diagnostics(result),
              (Lines{"mdanki-media.md:1:1: " + kNoAnswer, "mdanki-media.md:3:1: " + kNoSeparator,
                     "mdanki-media.md:9:25: error: image '../samples/resources/nodejs.png' "
                     "leaves the media root: it is not read (media root: " +
                         root + ") (and 3 more references) [MEDIA002]"}));
    EXPECT_TRUE(result.collection.media.empty());
}

TEST(MarkdownFixtures, YankiNotesThatMatchOurSyntaxRead) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult basic = read_fixture("yanki-test-minimal-notes_basic.md");
    EXPECT_TRUE(basic.diagnostics.empty());
    ASSERT_EQ(basic.collection.notes.size(), 1u);
    EXPECT_EQ(basic.collection.notes[0].fields[0].source, "I'm the front of the card");
    EXPECT_EQ(basic.collection.notes[0].fields[1].source, "I'm the back of the card");

    // yanki's doubled `---` (a reversed card) is one rule in our answer.
    ReadResult reversed = read_fixture("yanki-test-minimal-notes_basic-and-reversed-card.md");
    EXPECT_EQ(short_diagnostics(reversed),
              (Lines{"yanki-test-minimal-notes_basic-and-reversed-card.md:5:1: " + kNoSeparator}));
    EXPECT_EQ(short_diagnostics(read_fixture("yanki-test-cloze-multiple_multi-cloze.md")),
              (Lines{"yanki-test-cloze-multiple_multi-cloze.md:1:1: " + kNoAnswer}));
}

TEST(MarkdownFixtures, EveryFixtureReadsWithoutThrowing) {
    DECKPORT_REQUIRE_FIXTURES();
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(fixtures_dir() / "markdown")) {
        if (entry.path().extension() != ".md") continue;
        ++files;
        EXPECT_NO_THROW(read_markdown_file(entry.path())) << entry.path();
    }
    EXPECT_GE(files, 15);
}
