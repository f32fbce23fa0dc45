// The zip reader's budget (member, archive, ratio, entries), link members, the name probe, and
// SQLite opened defensively: counted as bytes come out, refused with the right code.
#include <gmock/gmock.h>

#include "common/sqlite_db.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "raw_zip.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::string refusal(const std::string& zip, const std::string& member, Limits limits = {}) {
    try {
        ZipReader reader(zip, "t.zip", "ZIP", limits);
        reader.read(member);
    } catch (const InputError& e) {
        return format_diagnostic(e.diagnostic());
    }
    return "";
}

}  // namespace

TEST(ZipBudget, RatioIsCheckedBeyondTheFloorOnly) {
    // 1 MiB of zeros is under the floor: read, whatever its ratio.
    std::string small = raw_zip({zero_bomb_member("small", 1)});
    EXPECT_EQ(refusal(small, "small"), "");
    std::string bomb = raw_zip({zero_bomb_member("bomb", 64)});
    EXPECT_THAT(refusal(bomb, "bomb"),
                HasSubstr("t.zip: error: bomb: decompressed size exceeds 100 times the compressed "
                          "size of "));
    Limits trusted;
    trusted.max_ratio = 100'000;
    EXPECT_EQ(refusal(bomb, "bomb", trusted), "");
}

TEST(ZipBudget, TheArchiveRatioBoundsManySmallMembers) {
    std::vector<RawMember> members;
    for (int i = 0; i < 40; ++i) members.push_back(zero_bomb_member(std::to_string(i), 1));
    std::string zip = raw_zip(members);
    ZipReader reader(zip, "t.zip", "ZIP");
    try {
        for (int i = 0; i < 40; ++i) reader.read(std::to_string(i));
        FAIL() << "expected the archive ratio to stop the reads";
    } catch (const InputError& e) {
        EXPECT_THAT(e.diagnostic().message,
                    HasSubstr("the archive decompresses to more than 100 times its size"));
        EXPECT_EQ(e.diagnostic().code, "ZIP003");
    }
    EXPECT_GT(reader.budget().inflated(), Limits::kRatioFloorBytes);
    EXPECT_LT(reader.budget().inflated(), 100 * zip.size() + (64u << 10) + (1u << 20));
}

TEST(ZipBudget, MemberAndArchiveCaps) {
    std::string zip = raw_zip({deflated_member("a", std::string(3000, 'a')),
                               deflated_member("b", std::string(3000, 'b'))});
    Limits limits;
    limits.max_member_bytes = 2000;
    EXPECT_EQ(refusal(zip, "a", limits),
              "t.zip: error: a: decompressed size exceeds the limit of 2000 bytes (a zip bomb?) "
              "[ZIP003]");
    limits = {};
    limits.max_decompressed_bytes = 5000;
    ZipReader reader(zip, "t.zip", "ZIP", limits);
    EXPECT_EQ(reader.read("a"), std::string(3000, 'a'));
    EXPECT_THROW(reader.read("b"), InputError);
}

TEST(ZipBudget, EntriesAreCountedBeforeTheArchiveIsOpened) {
    std::vector<RawMember> members;
    for (int i = 0; i < 11; ++i) members.push_back(stored_member(std::to_string(i), "x"));
    Limits limits;
    limits.max_entries = 10;
    EXPECT_EQ(refusal(raw_zip(members), "0", limits),
              "t.zip: error: the archive holds 11 entries, more than the limit of 10 [ZIP003]");
    // A zip64 end record may claim billions of entries that are not there.
    std::string liar = raw_zip({stored_member("a", "x")}, 5'000'000'000ull);
    EXPECT_EQ(zip_declared_entries(liar), 5'000'000'000ull);
    EXPECT_THAT(refusal(liar, "a"), HasSubstr("holds 5000000000 entries"));
    EXPECT_EQ(zip_declared_entries(raw_zip(members)), 11u);
    EXPECT_EQ(zip_declared_entries("not a zip"), std::nullopt);
}

TEST(ZipBudget, LinkMembersAreNotRead) {
    RawMember link = stored_member("link", "/etc/passwd");
    link.unix_mode = 0120777;
    EXPECT_EQ(refusal(raw_zip({link}), "link"),
              "t.zip: error: link: the member is a symbolic link, not a file [ZIP002]");
}

TEST(ZipNames, TheProbeReadsOnlyTheCentralDirectory) {
    std::string zip =
        raw_zip({stored_member("media", "{}"), stored_member("collection.anki2", "x")});
    EXPECT_TRUE(zip_names_any(zip, {"meta", "collection.anki2"}));
    EXPECT_FALSE(zip_names_any(zip, {"data.edn"}));
    EXPECT_FALSE(zip_names_any(zip.substr(0, zip.size() / 2), {"collection.anki2"}));
    EXPECT_FALSE(zip_names_any(raw_zip({}, 5'000'000'000ull), {"collection.anki2"}));
    EXPECT_FALSE(zip_names_any("", {"x"}));
}

TEST(SqliteDefensive, ReportsTriggersViewsAndGeneratedColumns) {
    SqliteDb db;
    db.exec(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT, "
        "big BLOB GENERATED ALWAYS AS (zeroblob(1000)))");
    db.exec("CREATE TABLE cards (id INTEGER PRIMARY KEY)");
    db.exec("CREATE VIEW revlog AS SELECT 1 AS id");
    db.exec("CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM cards; END");
    SqliteDb copy = SqliteDb::from_bytes(db.serialize());
    EXPECT_THAT(
        copy.hostile_schema({"notes", "cards", "revlog"}),
        ElementsAre("`revlog` is a view", "trigger `wipe`", "`notes` has generated column `big`"));
    // Views do not run at all, and nothing can be written.
    EXPECT_THROW(copy.exec("SELECT * FROM revlog"), SqliteError);
    EXPECT_THROW(copy.exec("INSERT INTO cards VALUES (1)"), SqliteError);
}

TEST(SqliteDefensive, QueriesStopAtTheStepBudget) {
    SqliteDb db;
    db.exec("CREATE TABLE t (x)");
    SqliteDb copy = SqliteDb::from_bytes(db.serialize(), SqliteBounds{1 << 20, 1'000'000});
    auto spin = copy.prepare(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c");
    try {
        spin.step();
        FAIL() << "expected the step budget to stop the query";
    } catch (const SqliteError& e) {
        EXPECT_THAT(e.what(), HasSubstr("run past its step budget"));
    }
}

TEST(SqliteDefensive, ValuesAreBoundedByTheLengthLimit) {
    SqliteDb db;
    db.exec("CREATE TABLE t (x)");
    SqliteDb copy = SqliteDb::from_bytes(db.serialize(), SqliteBounds{1000, 1'000'000});
    EXPECT_THROW(copy.exec("SELECT zeroblob(5000)"), SqliteError);
}

// Deflated members are inflated by ISA-L, not libzip: what libzip checked, it must check too.
TEST(ZipInflate, AMemberThatDisagreesWithTheDirectoryIsDamaged) {
    std::string text(100'000, 'x');
    for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i * 7 % 26);
    RawMember good = deflated_member("m", text);
    EXPECT_EQ(refusal(raw_zip({good}), "m"), "");

    RawMember wrong_crc = good;
    wrong_crc.crc ^= 1;
    EXPECT_EQ(refusal(raw_zip({wrong_crc}), "m"),
              "t.zip: error: m: damaged member: its CRC-32 does not match the archive's "
              "directory [ZIP002]");

    RawMember wrong_size = good;
    wrong_size.inflated_size = text.size() - 1;
    EXPECT_EQ(refusal(raw_zip({wrong_size}), "m"),
              "t.zip: error: m: damaged member: it inflates to 100000 bytes, not the 99999 bytes "
              "the archive's directory declares [ZIP002]");

    RawMember cut = good;
    cut.data.resize(cut.data.size() / 2);
    EXPECT_EQ(refusal(raw_zip({cut}), "m"),
              "t.zip: error: m: damaged member: the compressed data ends too soon [ZIP002]");

    RawMember garbage = good;
    garbage.data.assign(garbage.data.size(), '\xff');
    EXPECT_EQ(refusal(raw_zip({garbage}), "m"),
              "t.zip: error: m: damaged member: the compressed data is invalid [ZIP002]");
}
