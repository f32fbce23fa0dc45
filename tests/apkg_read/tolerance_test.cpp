// Real files that Anki's own rules would refuse but whose content is sound: read, with a
// warning that says what was tolerated. And schema-18 blobs decoded with Anki's field numbers.
#include <gmock/gmock.h>

#include "apkg_read_support.hpp"
#include "package_builder.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;

namespace {

// What a Java library writes: Anki's schema-11 tables, but `col.ver` left at 0.
TestCollection java_library_collection(std::int64_t ver) {
    TestCollection c;
    c.ver = ver;
    c.notes = {{1500000000001, "guid1", 1001,
                "front\x1f"
                "back",
                " java "}};
    c.cards = {{1500000000002, 1500000000001, 2000, 0}};
    c.with_revlog = false;  // such writers often leave out what they do not use
    c.with_graves = false;
    return c;
}

std::string package_of(const TestCollection& c) {
    return make_zip({{"collection.anki2", c.sqlite()}, {"media", "{}"}});
}

}  // namespace

TEST(ApkgTolerance, ReadsAVersionZeroCollectionWithTheSchema11Shape) {
    ReadResult r = read_apkg_bytes("java.apkg", package_of(java_library_collection(0)));
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("java.apkg: warning: collection.anki2!col.ver: collection schema "
                            "version 0 is below 11, but the tables have the schema-11 shape; "
                            "read as schema 11 (Anki refuses this file as too old) [APKG015]"));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields[0].source, "front");
    EXPECT_EQ(r.collection.notes[0].tags, std::vector<std::string>{"java"});
    EXPECT_EQ(r.collection.notes[0].deck, "Lang::French");
    EXPECT_EQ(r.collection.extras.json()["col"]["ver"], 0);

    // Any version below 11 is judged by the tables alone; `check` reports it once.
    ReadResult ten = read_apkg_bytes("ten.apkg", package_of(java_library_collection(10)));
    EXPECT_EQ(codes(ten.diagnostics), std::vector<std::string>{"APKG015"});
    std::vector<std::string> check_codes =
        codes(check_apkg_bytes("java.apkg", package_of(java_library_collection(0))));
    EXPECT_EQ(std::count(check_codes.begin(), check_codes.end(), "APKG015"), 0);
}

// (fixtures_test.cpp: Anki 2.0's alpha collection, ver 1 with a deck column in notes, too.)
TEST(ApkgTolerance, StillRefusesOldOrAlienLayouts) {
    TestCollection extra_column = java_library_collection(0);
    extra_column.extra_sql = {"ALTER TABLE cards ADD COLUMN extra integer"};
    TestCollection missing_column = java_library_collection(3);
    missing_column.extra_sql = {"ALTER TABLE notes DROP COLUMN data"};
    for (const TestCollection& c : {extra_column, missing_column}) {
        try {
            read_apkg_bytes("old.apkg", package_of(c));
            FAIL() << "an old layout was read";
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostic().code, "APKG006");
        }
    }
}

// Deck.Filtered numbers its preview delays hard = 5, good = 6, again = 7 (proto/anki/decks.proto);
// the blob here is encoded by hand, independently of anki.proto.
TEST(ApkgSchema18, FilteredDeckPreviewDelaysUseAnkisFieldNumbers) {
    TestCollection c;
    c.notes = {{1500000000001, "guid1", 1001,
                "front\x1f"
                "back"}};
    c.cards = {{1500000000002, 1500000000001, 1, 0}};
    std::string filtered = varint(5 << 3) + varint(30) +  // preview_hard_secs
                           varint(6 << 3) + varint(60) +  // preview_good_secs
                           varint(7 << 3) + varint(10) +  // preview_again_secs
                           varint(1 << 3) + varint(1);    // reschedule
    std::string kind = length_delimited(2, filtered);
    std::string hex;
    for (unsigned char byte : kind) {
        static const char* digits = "0123456789ABCDEF";
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    c.extra_sql = {
        "CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL, mtime_secs "
        "integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL)",
        "INSERT INTO decks VALUES (1, 'Default', 0, 0, X'', X'0A020801')",
        "INSERT INTO decks VALUES (5, 'Cram', 0, 0, X'', X'" + hex + "')"};
    ReadResult r = read_apkg_bytes("filtered.apkg", package_of(c));
    const Deck* cram = r.collection.find_deck("Cram");
    ASSERT_NE(cram, nullptr);
    const nlohmann::json& extras = cram->extras.json();
    EXPECT_EQ(extras["dyn"], 1);
    EXPECT_EQ(extras["resched"], true);
    EXPECT_EQ(extras["previewAgainSecs"], 10);
    EXPECT_EQ(extras["previewHardSecs"], 30);
    EXPECT_EQ(extras["previewGoodSecs"], 60);
}
