// Batch outputs: each input's output mirrors its place under --out-dir; collisions are refused.
#include <gmock/gmock.h>

#include "deckport/error.hpp"
#include "deckport/output_plan.hpp"
#include "test_support.hpp"

using namespace deckport;
using ::testing::HasSubstr;

namespace {

std::vector<std::string> outputs(const std::vector<std::string>& inputs, const std::string& out_dir,
                                 const std::string& extension = ".json") {
    std::vector<std::string> paths;
    for (const PlannedOutput& planned : plan_outputs(inputs, out_dir, extension)) {
        paths.push_back(planned.output);
    }
    return paths;
}

std::string refusal(const std::vector<std::string>& inputs) {
    try {
        plan_outputs(inputs, "o", ".json");
    } catch (const UsageError& e) {
        return e.diagnostic().message;
    }
    return "";
}

}  // namespace

TEST(OutputPlan, InputsInOneFolderLandDirectlyInTheOutputFolder) {
    EXPECT_EQ(outputs({"decks/a.md", "decks/b.md"}, "o"),
              (std::vector<std::string>{"o/a.json", "o/b.json"}));
    EXPECT_EQ(outputs({"nest/a/deck.md"}, "o"), (std::vector<std::string>{"o/deck.json"}));
}

TEST(OutputPlan, InputsInSeveralFoldersKeepTheirLayout) {
    EXPECT_EQ(outputs({"nest/a/deck.md", "nest/b/deck.md"}, "o"),
              (std::vector<std::string>{"o/a/deck.json", "o/b/deck.json"}));
    EXPECT_EQ(outputs({"a.md", "sub/deeper/b.md", "./sub/c.md"}, "out/"),
              (std::vector<std::string>{"out/a.json", "out/sub/deeper/b.json", "out/sub/c.json"}));
    EXPECT_EQ(outputs({"x/../nest/a/deck.md", "nest/b/deck.md"}, "o", ".apkg"),
              (std::vector<std::string>{"o/a/deck.apkg", "o/b/deck.apkg"}));
}

TEST(OutputPlan, FolderInputsAndFolderFormats) {
    deckport::test::TempDir dir;
    std::filesystem::create_directories(dir / "decks/spanish.v2");
    std::string folder = (dir / "decks/spanish.v2").string() + "/";
    std::string file = (dir / "decks/french.md").string();
    EXPECT_EQ(outputs({folder, file}, "o", ""),
              (std::vector<std::string>{"o/spanish.v2", "o/french"}));
}

TEST(OutputPlan, TwoInputsForOneOutputAreRefusedNamingThem) {
    EXPECT_EQ(refusal({"in/deck.md", "in/deck.markdown", "in/other.md"}),
              "these inputs would all be written to 'o/deck.json': in/deck.md, in/deck.markdown");
    EXPECT_EQ(refusal({"a.md", "./a.md"}),
              "these inputs would all be written to 'o/a.json': a.md, ./a.md");
    EXPECT_EQ(refusal({"-", "a.md"}), "stdin cannot go to --out-dir");
}

TEST(OutputPlan, AWalkedFolderAnchorsTheLayout) {
    // `convert decks/ --out-dir o`: a deck found in decks/a/ keeps its a/ even when it is the
    // only one, as it would beside decks found elsewhere under decks/.
    std::vector<std::string> paths;
    for (const PlannedOutput& planned : plan_outputs({"decks/a/x.md"}, "o", ".json", {"decks"})) {
        paths.push_back(planned.output);
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"o/a/x.json"}));
    paths.clear();
    for (const PlannedOutput& planned :
         plan_outputs({"decks/a/x.md", "other/y.md"}, "o", ".json", {"decks/"})) {
        paths.push_back(planned.output);
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"o/decks/a/x.json", "o/other/y.json"}));
}

TEST(OutputPlan, OutputsSharedAcrossPlansAreRefused) {
    // The plans of two formats together (--to md,json): one name per output, or a usage error.
    EXPECT_NO_THROW(refuse_shared_outputs({{"a.md", "o/a.json"}, {"a.md", "o/a.csv"}}));
    try {
        refuse_shared_outputs({{"a.md", "o/a.json"}, {"sub/../a.md", "o/./a.json"}});
        ADD_FAILURE() << "no refusal";
    } catch (const UsageError& e) {
        EXPECT_EQ(e.diagnostic().message,
                  "these inputs would all be written to 'o/a.json': a.md, sub/../a.md");
    }
}
