// The JSON format's building blocks: base64 and positions in JSON text.
#include <gtest/gtest.h>

#include "json/base64.hpp"
#include "json/json_scan.hpp"
#include "sample_collection.hpp"

using namespace deckport::json_format;

TEST(Base64, EncodesAndDecodesEveryByte) {
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
    std::string all = deckport::test::every_byte();
    EXPECT_EQ(base64_decode(base64_encode(all)), all);
    EXPECT_EQ(base64_decode("Zg=="), "f");
    EXPECT_EQ(base64_decode("Zm8="), "fo");
    EXPECT_EQ(base64_decode(""), "");
    // Larger than one OpenSSL chunk (3 MiB), with a NUL at the chunk boundary.
    std::string big(3u << 20, 'x');
    big[(3u << 20) - 1] = '\0';
    big += "tail";
    EXPECT_EQ(base64_decode(base64_encode(big)), big);
}

TEST(Base64, RefusesWhatIsNotStrictBase64) {
    for (const char* bad :
         {"Zg=", "Zg", "Z===", "====", "Zm 9v", "Zm9v\n", "Zg==Zg==", "Zm-v", "=Zm9"}) {
        EXPECT_EQ(base64_decode(bad), std::nullopt) << bad;
    }
}

TEST(JsonScan, PositionsCountLinesAndCharacters) {
    std::string text = "\xEF\xBB\xBF{\n  \"é\": 1}";
    auto at = position_of_offset(text, text.find('1'));
    EXPECT_EQ(at.line, 2);
    EXPECT_EQ(at.column, 8);  // é is one column, the BOM none
    auto end = position_of_offset(text, text.size() + 5);
    EXPECT_EQ(end.line, 2);
    EXPECT_EQ(end.column, 10);
}

TEST(JsonScan, LocatesMembersAtTheirKeyAndElementsAtTheirValue) {
    std::string text = "{\"a/b\": [10,\n  {\"~k\": \"x\"}],\n \"esc\\u0061ped\": null}";
    auto found =
        locate(text, {"", "/a~1b", "/a~1b/0", "/a~1b/1", "/a~1b/1/~0k", "/escaped", "/missing"});
    auto pos = [&](const std::string& p) {
        return std::pair(found.at(p).line, found.at(p).column);
    };
    EXPECT_EQ(pos(""), std::pair(1, 1));
    EXPECT_EQ(pos("/a~1b"), std::pair(1, 2));
    EXPECT_EQ(pos("/a~1b/0"), std::pair(1, 10));
    EXPECT_EQ(pos("/a~1b/1"), std::pair(2, 3));
    EXPECT_EQ(pos("/a~1b/1/~0k"), std::pair(2, 4));
    EXPECT_EQ(pos("/escaped"), std::pair(3, 2));
    EXPECT_EQ(found.count("/missing"), 0u);
}

TEST(JsonScan, PrescanFindsDepthAndDuplicateKeys) {
    auto result = prescan("{\"a\": {\"b\": [1]}, \"a\": 2}", 2);
    ASSERT_TRUE(result.too_deep.has_value());
    EXPECT_EQ(result.too_deep->column, 13);
    result = prescan("{\"a\": {\"b\": [1]}, \"a\": 2, \"c\": {\"a\": 1}}", 3);
    EXPECT_FALSE(result.too_deep.has_value());
    ASSERT_EQ(result.duplicate_keys.size(), 1u);
    EXPECT_EQ(result.duplicate_keys[0].pointer, "/a");
    EXPECT_EQ(result.duplicate_keys[0].position.column, 19);
    // Brackets inside strings are text; malformed text stops the scan quietly.
    EXPECT_FALSE(prescan("{\"a\": \"[[[[\\\"[[[\"}", 1).too_deep.has_value());
    EXPECT_FALSE(prescan("{\"a\" 1 [[[[[[", 2).too_deep.has_value());
}

// locate_notes finds what locate finds for the notes' own pointers, in one walk without strings.
TEST(JsonScan, NotePositionsAgreeWithLocate) {
    std::string text =
        "{\"meta\": {\"notes\": [1]},\n \"notes\": [\n"
        "  {\"fields\": [{\"kind\": \"text\", \"source\": \"é\"}, {\"kind\": \"x\"}]},\n"
        "  7,\n"
        "  {\"fields\": [{\"sourc\\u0065\": \"q\", \"source\": \"dup\"}], \"x\": {\"fields\": "
        "[1]}}\n"
        " ],\n \"notes\": [{\"fields\": []}]}";
    std::vector<std::string> pointers = {"/notes/0",
                                         "/notes/1",
                                         "/notes/2",
                                         "/notes/0/fields/0",
                                         "/notes/0/fields/1",
                                         "/notes/0/fields/0/source",
                                         "/notes/2/fields/0/source"};
    auto located = locate(text, std::unordered_set<std::string>(pointers.begin(), pointers.end()));
    NotePositions notes = locate_notes(text);
    for (const std::string& pointer : pointers) {
        ASSERT_TRUE(located.count(pointer)) << pointer;
        std::optional<TextPosition> at = notes.of(pointer);
        ASSERT_TRUE(at) << pointer;
        EXPECT_EQ(at->line, located[pointer].line) << pointer;
        EXPECT_EQ(at->column, located[pointer].column) << pointer;
    }
    for (std::string other : {"/notes/3", "/notes/01", "/notes/0/fields/1/source",
                              "/notes/0/fields/0/kind", "/notes/2/x/fields/0", "/media/0", ""}) {
        EXPECT_FALSE(notes.of(other)) << other;
    }
}
