// Note type definitions in files beside the deck, and front matter that tries to hurt: every
// problem is a diagnostic at file:line:col, nothing is read outside the deck's folder.
#include <gtest/gtest.h>

#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

using Lines = std::vector<std::string>;

ReadResult read_in(const TempDir& dir, const std::string& deck) {
    Input input = input_from_memory("deck.md", deck);
    input.path = dir / "deck.md";
    return read_markdown_input(input);
}

constexpr const char* kVocabulary =
    "name: Vocabulary\n"
    "fields: [Word, Meaning]\n"
    "templates:\n"
    "  - {name: Card 1, front: \"{{Word}}\", back: \"{{Meaning}}\"}\n";

}  // namespace

TEST(NoteTypeFiles, ProblemsInAFileAreReportedWhereTheyAre) {
    TempDir dir;
    std::filesystem::create_directories(dir / "types");
    write_text(dir / "types" / "broken.yaml", "name: Broken\nfields: [A, B\n");
    write_text(dir / "types" / "bad.yaml",
               "name: Bad\nfields: [A, a]\ntemplates:\n  - {front: x, back: y}\n");
    write_text(dir / "types" / "vocabulary.yaml", kVocabulary);
    ReadResult result = read_in(dir,
                                "---\n"
                                "Note Types:\n"
                                "  - types/broken.yaml\n"
                                "  - types/bad.yaml\n"
                                "  - types/vocabulary.yaml\n"
                                "  - types/vocabulary.yaml\n"
                                "  - types\n"
                                "---\n"
                                "<!-- type: vocabulary -->\n"
                                "agua\n"
                                "---\n"
                                "water\n");
    EXPECT_EQ(result.diagnostics,
              (Lines{"types/broken.yaml:2:1: error: note type file is not valid YAML: end of "
                     "sequence flow not found [MD025]",
                     "types/bad.yaml:2:13: error: field 'a' is listed twice [MD024]",
                     "deck.md:6:5: error: note type 'Vocabulary' is defined twice [MD024]",
                     "deck.md:7:5: error: note type file 'types' does not exist [MD025]"}));
    ASSERT_EQ(result.collection.notes.size(), 1u);
    EXPECT_EQ(result.collection.note_types.at(0).name, "Vocabulary");
    EXPECT_EQ(result.collection.notes[0].fields.at(1).source, "water");
}

TEST(NoteTypeFiles, NothingIsReadOutsideTheDecksFolder) {
    TempDir outside;
    write_text(outside / "vocabulary.yaml", kVocabulary);
    TempDir dir;
    std::filesystem::create_directory_symlink(outside.path(), dir / "linked");
    ReadResult result = read_in(dir,
                                "---\n"
                                "Note Types:\n"
                                "  - linked/vocabulary.yaml\n"
                                "  - " +
                                    (outside / "vocabulary.yaml").string() +
                                    "\n"
                                    "  - ../vocabulary.yaml\n"
                                    "  - a/../../vocabulary.yaml\n"
                                    "---\n"
                                    "Q\n---\nA\n");
    ASSERT_EQ(result.diagnostics.size(), 4u) << ::testing::PrintToString(result.diagnostics);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(result.diagnostics[i].rfind("deck.md:" + std::to_string(3 + i) +
                                                  ":5: error: "
                                                  "note type file '",
                                              0),
                  0u)
            << result.diagnostics[i];
        EXPECT_NE(result.diagnostics[i].find("' is outside the deck's folder [MD025]"),
                  std::string::npos)
            << result.diagnostics[i];
    }
    EXPECT_EQ(result.collection.note_types.size(), 1u);  // Basic only
}

TEST(NoteTypeFiles, HostileFrontMatter) {
    // Nesting deeper than yaml-cpp goes is not YAML; the line is `Key: value`, so it is read
    // as an older deck's line (one tag of brackets), without recursion.
    std::string brackets = std::string(20000, '[') + std::string(20000, ']');
    ReadResult nested = read_markdown("---\nTags: " + brackets + "\n---\nQ\n---\nA\n");
    EXPECT_EQ(nested.diagnostics, Lines{});
    EXPECT_EQ(nested.collection.notes.at(0).tags, std::vector<std::string>{brackets});
    ReadResult listed = read_markdown("---\nNote Types:\n  - " + brackets + "\n---\nQ\n---\nA\n");
    ASSERT_EQ(listed.diagnostics.size(), 1u);
    EXPECT_NE(listed.diagnostics[0].find("front matter is not valid YAML"), std::string::npos)
        << listed.diagnostics[0];

    std::string aliases = "---\nx: &a [t, t, t, t, t, t, t, t]\nTags: [";
    for (int i = 0; i < 1000; ++i) aliases += std::string(i ? ", " : "") + "*a";
    aliases += "]\n---\nQ\n---\nA\n";
    ReadResult aliased = read_markdown(aliases);
    EXPECT_EQ(aliased.diagnostics.size(), 1001u);  // x is unknown; each alias is a list, no tag
    EXPECT_TRUE(aliased.collection.notes.at(0).tags.empty());

    ReadResult id = read_markdown(
        "---\nNote Types:\n  - name: Basic\n    id: 99999999999999999999999\n---\nQ\n---\nA\n");
    EXPECT_EQ(id.diagnostics,
              (Lines{"deck.md:4:9: error: `id:` must be a positive whole number (Anki's note type "
                     "id) [MD024]"}));
}
