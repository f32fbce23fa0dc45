// Hostile and broken Mochi packages: every one gives a clear diagnostic, none crashes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::StartsWith;

TEST(MochiHostile, NotAZip) {
    EXPECT_THAT(read_error("just text"), StartsWith("deck.mochi: error: not a zip archive ("));
    EXPECT_THAT(read_error("just text"), testing::EndsWith(") [MOCHI001]"));
}

TEST(MochiHostile, MissingDataFile) {
    EXPECT_EQ(read_error(make_package({{"image.png", "PNG"}})),
              "deck.mochi: error: the archive holds neither data.json nor data.edn [MOCHI010]");
}

TEST(MochiHostile, BrokenJsonNamesLineAndColumn) {
    EXPECT_EQ(read_error(make_package({{"data.json", "{\"~:version\": 2,\n \"~:decks\": [}"}})),
              "deck.mochi!data.json:2:14: error: not valid JSON: syntax error while parsing "
              "value - unexpected '}'; expected '[', '{', or a literal [MOCHI011]");
}

TEST(MochiHostile, DeepJsonNestingIsRefusedBeforeParsing) {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(read_error(make_package({{"data.json", deep}})),
              "deck.mochi!data.json:1:257: error: nesting deeper than 256 levels [MOCHI013]");
}

TEST(MochiHostile, DeepEdnNestingIsRefused) {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(read_error(make_package({{"data.edn", deep}})),
              "deck.mochi!data.edn:1:257: error: nesting deeper than 256 levels [MOCHI013]");
    std::string tags;
    for (int i = 0; i < 1000; ++i) tags += "#t ";
    EXPECT_EQ(read_error(make_package({{"data.edn", tags + "1"}})),
              "deck.mochi!data.edn:1:769: error: nesting deeper than 256 levels [MOCHI013]");
}

TEST(MochiHostile, EdnSyntaxErrorsNameLineAndColumn) {
    EXPECT_EQ(read_error(make_package({{"data.edn", "{:version 2\n :decks [}]}"}})),
              "deck.mochi!data.edn:2:10: error: EDN syntax: unexpected '}' [MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "{:version 2\n :decks [\"open"}})),
              "deck.mochi!data.edn:2:10: error: EDN syntax: unterminated string (opened here) "
              "[MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "{:version}"}})),
              "deck.mochi!data.edn:1:1: error: EDN syntax: a map has a key without a value "
              "[MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "{:a \"\\q\"}"}})),
              "deck.mochi!data.edn:1:6: error: EDN syntax: unknown escape '\\q' [MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "{:a 1/2}"}})),
              "deck.mochi!data.edn:1:5: error: EDN syntax: bad number '1/2' [MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "{} {}"}})),
              "deck.mochi!data.edn:1:4: error: EDN syntax: unexpected text after the top-level "
              "value [MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", "[#"}})),
              "deck.mochi!data.edn:1:2: error: EDN syntax: '#' with nothing after it [MOCHI012]");
    EXPECT_EQ(read_error(make_package({{"data.edn", ""}})),
              "deck.mochi!data.edn:1:1: error: EDN syntax: the file holds no value [MOCHI012]");
}

TEST(MochiHostile, MalformedTransitIsAnError) {
    auto error_for = [](const std::string& json) {
        return read_error(make_package({{"data.json", json}}));
    };
    EXPECT_EQ(error_for(R"({"~:version": "~i12x"})"),
              "deck.mochi: error: data.json!version: malformed Transit: bad integer '~i12x' "
              "[MOCHI014]");
    EXPECT_EQ(error_for(R"(["^ ", "^0", 1])"),
              "deck.mochi: error: data.json!: malformed Transit: cache reference '^0' comes "
              "before the value it refers to [MOCHI014]");
    EXPECT_EQ(error_for(R"({"~:decks": [{"~:name": "~"}]})"),
              "deck.mochi: error: data.json!decks[0].name: malformed Transit: a lone '~' is not "
              "a Transit value [MOCHI014]");
    EXPECT_EQ(error_for(R"({"~:decks": {"~#set": 3}})"),
              "deck.mochi: error: data.json!decks.#set: malformed Transit: '~#set' needs an "
              "array, found an integer [MOCHI014]");
    EXPECT_EQ(error_for(R"(["^ ", "~:decks"])"),
              "deck.mochi: error: data.json!: malformed Transit: a [\"^ \", ...] map has a key "
              "without a value [MOCHI014]");
    EXPECT_EQ(error_for(R"({"~:decks": ["~#list"]})"),
              "deck.mochi: error: data.json!decks[0]: malformed Transit: '~#list' is a Transit "
              "tag with no tagged value [MOCHI014]");
    EXPECT_EQ(error_for(R"({"~:version": "~?x"})"),
              "deck.mochi: error: data.json!version: malformed Transit: bad boolean '~?x' "
              "[MOCHI014]");
}

TEST(MochiHostile, UnknownTransitTagsWhereDataIsExpectedAreReported) {
    EXPECT_EQ(read_error(make_package({{"data.json", R"({"~:decks": {"~#bogus": []}})"}})),
              "deck.mochi: error: data.json!decks: :decks must be a list of decks, found a value "
              "tagged #bogus [MOCHI015]");
    EXPECT_EQ(read_error(make_package({{"data.json", "[1, 2]"}})),
              "deck.mochi: error: data.json: the data must be a map with :version and :decks, "
              "found a vector [MOCHI015]");
    MochiRead r = read_data_json(
        R"({"~:version": 2, "~:decks": [{"~:name": "D", "~:cards": {"~#bogus": []}}, 7]})");
    EXPECT_THAT(r.diagnostics,
                ElementsAre("deck.mochi: error: data.json!decks[0].cards: :cards must be a list "
                            "of cards, found a value tagged #bogus [MOCHI015]",
                            "deck.mochi: error: data.json!decks[1]: a deck must be a map, found "
                            "an integer [MOCHI015]"));
}

TEST(MochiHostile, MediaNamesThatLeaveTheFolderAreSkipped) {
    MochiRead r = read_package({{"data.json", R"({"~:version": 2, "~:decks": []})"},
                                {"../evil.png", "x"},
                                {"/etc/passwd", "x"},
                                {"ok.png", "PNG"}});
    EXPECT_THAT(r.diagnostics,
                ElementsAre("deck.mochi: warning: ../evil.png: media name would leave its "
                            "folder; skipped [MOCHI028]",
                            "deck.mochi: warning: /etc/passwd: media name would leave its folder; "
                            "skipped [MOCHI028]"));
    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].name, "ok.png");
}

TEST(MochiHostile, OversizedMembersAreRefused) {
    Limits limits;
    limits.max_member_bytes = 1000;
    std::string huge =
        R"({"~:version": 2, "~:decks": [{"~:name": ")" + std::string(5000, 'x') + R"("}]})";
    EXPECT_EQ(read_error(make_package({{"data.json", huge}}), limits),
              "deck.mochi: error: data.json: decompressed size exceeds the limit of 1000 bytes (a "
              "zip bomb?) [MOCHI003]");
}

TEST(MochiHostile, HugeStringsReadWithinTheLimits) {
    std::string big(2'000'000, 'a');
    Limits limits;
    limits.max_ratio = 100'000;  // one letter repeated deflates 1000:1, beyond the default ratio
    MochiRead r =
        read_package({{"data.json", R"({"~:version": 2, "~:decks": [{"~:name": "D", "~:cards": [
        {"~:content": ")" + big + R"(\n---\nback"}]}]})"}},
                     limits);
    EXPECT_THAT(r.diagnostics, ElementsAre());
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields[0].source.size(), big.size());
}

TEST(MochiHostile, CacheReferencesCannotBlowUpMemory) {
    // One long cached key (1 MB), referenced a hundred times.
    std::string json =
        R"(["^ ", "~:version", 2, "~:x", [["^ ", ")" + std::string(1 << 20, 'k') + R"(", 1])";
    for (int i = 0; i < 100; ++i) json += R"(, ["^ ", "^1", 1])";
    json += "]]";
    Limits limits;
    limits.max_ratio = 100'000;  // one letter repeated deflates 1000:1, beyond the default ratio
    EXPECT_EQ(read_error(make_package({{"data.json", json}}), limits),
              "deck.mochi: error: data.json!x[10]: malformed Transit: cache references expand "
              "beyond the input's size bound [MOCHI014]");
}

TEST(MochiHostile, AFolderIsNoPackage) {
    TempDir dir;
    Input input = read_input(dir.path().string());
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 0};
    EXPECT_EQ(mochi_format().reader->probe(input), 0);
    EXPECT_THROW(mochi_format().reader->read(input, context), InputError);
}

TEST(MochiHostile, HighlyCompressedMembersStopAtTheBoundNotAtTheirClaimedSize) {
    // 16 MB of one byte deflates to some 16 KB; reading stops once the bound is passed.
    std::string bomb(16u << 20, ' ');
    std::string package =
        make_package({{"data.json", R"({"~:version": 2, "~:decks": []})"}, {"bomb.png", bomb}});
    ASSERT_LT(package.size(), 100'000u);
    Limits limits;
    limits.max_member_bytes = 1u << 20;
    EXPECT_EQ(read_error(package, limits),
              "deck.mochi: error: bomb.png: decompressed size exceeds the limit of 1048576 bytes "
              "(a zip bomb?) [MOCHI003]");
}

TEST(MochiHostile, ManyMembersStopAtTheTotalBound) {
    std::vector<std::pair<std::string, std::string>> members = {
        {"data.json", R"({"~:version": 2, "~:decks": []})"}};
    for (int i = 0; i < 10; ++i)
        members.emplace_back(std::to_string(i) + ".png", std::string(400, 'x'));
    Limits limits;
    limits.max_decompressed_bytes = 2000;
    EXPECT_EQ(read_error(make_package(members), limits),
              "deck.mochi: error: 4.png: decompressed size exceeds the limit of 2000 bytes for the "
              "archive (a zip bomb?) [MOCHI003]");
}
