// The documentation is checked against the code: the examples in docs/json-format.md read
// without a problem (the first one is canonical), and formats/json/README.md lists exactly the
// diagnostic codes that the sources report.
#include <filesystem>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::vector<std::string> json_blocks(const std::string& markdown) {
    std::vector<std::string> blocks;
    const std::string open = "```json\n", close = "```\n";
    std::size_t at = 0;
    while ((at = markdown.find(open, at)) != std::string::npos) {
        std::size_t start = at + open.size();
        std::size_t end = markdown.find(close, start);
        if (end == std::string::npos) break;
        blocks.push_back(markdown.substr(start, end - start));
        at = end + close.size();
    }
    return blocks;
}

std::set<std::string> codes_in(const std::string& text) {
    std::set<std::string> codes;
    static const std::regex code("JSON0[0-9][0-9]");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code);
         it != std::sregex_iterator(); ++it) {
        codes.insert(it->str());
    }
    return codes;
}

}  // namespace

TEST(JsonDocs, ExamplesReadCleanlyAndTheFullOneIsCanonical) {
    auto blocks = json_blocks(read_text(source_dir() / "docs/json-format.md"));
    ASSERT_EQ(blocks.size(), 2u);
    for (const std::string& block : blocks) {
        Diagnostics diagnostics;
        ReadContext context{diagnostics, {}, Limits{}, 1700000000};
        Collection c =
            read_collection(json_deck_format(), input_from_memory("doc.json", block), context);
        EXPECT_TRUE(diagnostics.empty()) << testing::PrintToString(rendered(diagnostics.all()));
        EXPECT_EQ(c.notes.size(), 1u);
    }
    Diagnostics diagnostics;
    EXPECT_EQ(write_json(read_json(blocks[0], diagnostics)), blocks[0]);
}

TEST(JsonDocs, ReadmeListsEveryDiagnosticCode) {
    std::string sources;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "formats/json")) {
        if (entry.path().extension() == ".cpp") sources += read_text(entry.path());
    }
    std::string readme = read_text(source_dir() / "formats/json/README.md");
    EXPECT_EQ(codes_in(readme), codes_in(sources));
}
