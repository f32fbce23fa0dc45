// Real JSON files made by other tools (CrowdAnki, Mochi) are not deckport documents: the reader
// says so clearly instead of misreading them.
#include <filesystem>

#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;

TEST(JsonForeignFiles, OtherToolsJsonIsRefusedWithJson002) {
    DECKPORT_REQUIRE_FIXTURES();
    int checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures_dir())) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        SCOPED_TRACE(entry.path().string());
        Input input = read_input(entry.path().string());
        EXPECT_EQ(json_deck_format().reader->probe(input), 1);
        Diagnostics diagnostics;
        ReadContext context{diagnostics, {}, Limits{}, 0};
        try {
            json_deck_format().reader->read(input, context);
            ADD_FAILURE() << "read as a deckport document";
        } catch (const InputError& error) {
            EXPECT_EQ(format_diagnostic(error.diagnostic()),
                      input.display_name +
                          ":1:1: error: not a deckport JSON document: \"format\" is missing "
                          "[JSON002]");
        }
        ++checked;
    }
    EXPECT_GE(checked, 2);
}
