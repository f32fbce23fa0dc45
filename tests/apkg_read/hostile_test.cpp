// Broken and hostile packages: each is refused with a clear error or read with a diagnostic,
// never a crash.
#include <gmock/gmock.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "apkg_read_support.hpp"
#include "deckport/identity.hpp"
#include "deckport/threads.hpp"
#include "package_builder.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

// The diagnostic of the InputError that reading `bytes` throws ("" when it reads).
std::string refusal(const std::string& bytes, Limits limits = {}) {
    try {
        read_apkg_bytes("bad.apkg", bytes, limits);
    } catch (const InputError& e) {
        return format_diagnostic(e.diagnostic());
    }
    return "";
}

TestCollection one_basic_note() {
    TestCollection c;
    c.notes = {{1500000000001, "guid1", 1001,
                "front\x1f"
                "back",
                " tag1 tag2 "}};
    c.cards = {{1500000000002, 1500000000001, 2000, 0}};
    return c;
}

// `package` read with `threads` threads per input (the default again afterwards).
ReadResult read_on_threads(const std::string& name, const std::string& package, unsigned threads) {
    set_threads_per_input(threads);
    ReadResult read = read_apkg_bytes(name, package);
    set_threads_per_input(0);
    return read;
}

std::string legacy_package(const TestCollection& c, const std::string& media = "{}",
                           std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> members = {{"collection.anki2", c.sqlite()},
                                                                {"media", media}};
    members.insert(members.end(), extra.begin(), extra.end());
    return make_zip(members);
}

}  // namespace

TEST(ApkgHostile, RefusesWhatIsNotAPackage) {
    EXPECT_EQ(refusal("hello, world"),
              "bad.apkg: error: not an Anki package: neither a zip archive nor an SQLite "
              "collection [APKG001]");
    EXPECT_EQ(refusal(""), "bad.apkg: error: the file is empty: not an Anki package [APKG001]");
}

TEST(ApkgHostile, RefusesAZipWithoutCollection) {
    EXPECT_EQ(refusal(make_zip({{"media", "{}"}})),
              "bad.apkg: error: no collection: the package has no `collection.anki2` member "
              "[APKG004]");
}

TEST(ApkgHostile, RefusesACollectionThatIsNotSqlite) {
    EXPECT_EQ(refusal(make_zip({{"collection.anki2", "not a database"}, {"media", "{}"}})),
              "bad.apkg: error: collection.anki2: the collection is not an SQLite database "
              "[APKG005]");
    std::string damaged = one_basic_note().sqlite();
    for (std::size_t i = 100; i < damaged.size(); i += 7) damaged[i] = '\xA5';
    EXPECT_THAT(refusal(make_zip({{"collection.anki2", damaged}})), HasSubstr("[APKG005]"));
}

TEST(ApkgHostile, ReadsACollectionInWalModeInAPackageAndBare) {
    // Bytes 18 and 19 = 2: WAL mode, whose -wal file a package never holds. The collection is
    // read as rollback mode, whether it goes to a temporary file (package) or stays in memory.
    // Read in WAL mode, SQLite would leave -wal and -shm files in the temporary folder.
    std::string wal = one_basic_note().sqlite();
    wal[18] = wal[19] = 2;
    std::filesystem::path scratch = std::filesystem::temp_directory_path() /
                                    ("deckport-wal-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch);
    const char* old_tmpdir = std::getenv("TMPDIR");
    std::string saved = old_tmpdir ? old_tmpdir : "";
    ::setenv("TMPDIR", scratch.c_str(), 1);
    for (const std::string& bytes : {make_zip({{"collection.anki2", wal}, {"media", "{}"}}), wal}) {
        ReadResult result = read_apkg_bytes("wal.apkg", bytes);
        ASSERT_EQ(result.collection.notes.size(), 1u);
        EXPECT_EQ(result.collection.notes[0].guid, "guid1");
        EXPECT_EQ(result.collection.notes[0].fields[1].source, "back");
    }
    if (old_tmpdir) {
        ::setenv("TMPDIR", saved.c_str(), 1);
    } else {
        ::unsetenv("TMPDIR");
    }
    EXPECT_TRUE(std::filesystem::is_empty(scratch)) << "files left in " << scratch;
    std::filesystem::remove_all(scratch);
}

TEST(ApkgHostile, RefusesAnSqliteFileThatIsNotACollection) {
    SqliteDb db;
    db.exec("CREATE TABLE other (x)");
    EXPECT_EQ(refusal(db.serialize()),
              "bad.apkg: error: not an Anki collection: it has no `col` table [APKG005]");
}

TEST(ApkgHostile, UnknownMetaVersionIsTooNew) {
    std::string package = make_zip(
        {{"meta", std::string("\x08\x07", 2)}, {"collection.anki2", one_basic_note().sqlite()}});
    EXPECT_EQ(refusal(package),
              "bad.apkg: error: meta: package version 7 is newer than deckport knows (1 to 3) "
              "[APKG007]");
    std::string unknown = make_zip({{"meta", ""}, {"collection.anki2", one_basic_note().sqlite()}});
    EXPECT_THAT(refusal(unknown), HasSubstr("package version 0 is newer"));
    std::string damaged = make_zip({{"meta", "\xff\xff"}, {"collection.anki2", ""}});
    EXPECT_EQ(refusal(damaged),
              "bad.apkg: error: meta: the `meta` member is not a valid package description "
              "[APKG009]");
}

TEST(ApkgHostile, NeverFallsBackToThePlaceholderCollection) {
    std::string package = make_zip({{"meta", std::string("\x08\x03", 2)},
                                    {"collection.anki2", one_basic_note().sqlite()},
                                    {"media", ""}});
    EXPECT_EQ(refusal(package),
              "bad.apkg: error: no collection: the package has no `collection.anki21b` member "
              "[APKG004]");
}

TEST(ApkgHostile, TooOldCollectionInsideAPackage) {
    TestCollection old = one_basic_note();
    old.ver = 10;
    // Not the schema-11 shape (Anki 2.0's alpha had a deck column in notes): refused. With the
    // schema-11 shape it is read with a warning (tolerance_test.cpp).
    old.extra_sql = {"ALTER TABLE notes ADD COLUMN did integer not null default 1"};
    EXPECT_EQ(refusal(legacy_package(old)),
              "bad.apkg: error: collection.anki2!col.ver: collection schema version 10 is too "
              "old; deckport reads version 11 (Anki 2.0) and newer [APKG006]");
    old.ver = 13;
    EXPECT_THAT(refusal(legacy_package(old)), HasSubstr("[APKG007]"));
}

TEST(ApkgHostile, TruncatedAndFlippedFixturesAreRefusedCleanly) {
    DECKPORT_REQUIRE_FIXTURES();
    std::string bytes = fixture_bytes("ankitects-anki/media.apkg");
    EXPECT_THAT(refusal(bytes.substr(0, bytes.size() / 2)), HasSubstr("[APKG001]"));
    // The deflated collection starts right after its local header: damage its data.
    std::string flipped = bytes;
    for (std::size_t i = 60; i < 400; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    EXPECT_THAT(refusal(flipped), HasSubstr("[APKG00"));
}

TEST(ApkgHostile, ByteFlipsNeverCrash) {
    DECKPORT_REQUIRE_FIXTURES();
    for (const char* name : {"ankitects-anki/media.apkg", "srs-converter/empty-latest.apkg",
                             "ankitects-anki/mediacheck.anki2", "ankidroid/schema16.anki2"}) {
        std::string bytes = fixture_bytes(name);
        std::size_t step = std::max<std::size_t>(1, bytes.size() / 40);
        for (std::size_t i = 0; i < bytes.size(); i += step) {
            std::string flipped = bytes;
            flipped[i] = static_cast<char>(flipped[i] ^ 0xFF);
            try {
                read_apkg_bytes(name, flipped);
            } catch (const InputError& e) {
                EXPECT_THAT(e.diagnostic().code, ::testing::StartsWith("APKG")) << i;
            }
        }
    }
}

TEST(ApkgHostile, ZipBombIsStoppedAtTheLimit) {
    std::string package = make_zip({{"collection.anki2", std::string(4 << 20, '\0')}});
    Limits limits;
    limits.max_member_bytes = 1 << 20;
    EXPECT_EQ(refusal(package, limits),
              "bad.apkg: error: collection.anki2: decompressed size exceeds the limit of "
              "1048576 bytes (a zip bomb?) [APKG003]");
}

TEST(ApkgHostile, ZstdBombIsStoppedAtTheLimit) {
    std::string bomb = zstd_rle_bomb(64);  // 8 MiB from a few hundred bytes
    std::string package = make_zip({{"meta", std::string("\x08\x03", 2)},
                                    {"collection.anki21b", bomb},
                                    {"media", zstd_raw_frame("")}});
    Limits limits;
    limits.max_member_bytes = 1 << 20;
    limits.max_ratio = 1'000'000;  // so that the member's size is what stops it
    EXPECT_EQ(refusal(package, limits),
              "bad.apkg: error: collection.anki21b: decompressed size exceeds the limit of "
              "1048576 bytes (a zstd bomb?) [APKG003]");
    limits.max_member_bytes = Limits{}.max_member_bytes;
    limits.max_decompressed_bytes = 2 << 20;
    EXPECT_THAT(refusal(package, limits), HasSubstr("limit of 2097152 bytes"));
}

TEST(ApkgHostile, TruncatedZstdIsRefused) {
    std::string frame = zstd_raw_frame(one_basic_note().sqlite());
    std::string package = make_zip({{"meta", std::string("\x08\x03", 2)},
                                    {"collection.anki21b", frame.substr(0, frame.size() - 100)}});
    EXPECT_EQ(refusal(package),
              "bad.apkg: error: collection.anki21b: truncated zstd data [APKG008]");
    std::string not_zstd = make_zip(
        {{"meta", std::string("\x08\x03", 2)}, {"collection.anki21b", "plain text, not zstd"}});
    EXPECT_THAT(refusal(not_zstd), HasSubstr("invalid zstd data"));
}

TEST(ApkgHostile, UnsafeMediaNamesAreSkipped) {
    std::string map = R"({"0": "../evil", "1": "/etc/passwd", "2": "a/b.png", "3": "ok.txt",
                          "4": "..", "5": "C:\\x"})";
    std::string package = legacy_package(
        one_basic_note(), map,
        {{"0", "evil"}, {"1", "root"}, {"2", "png"}, {"3", "fine"}, {"4", "dots"}, {"5", "drive"}});
    ReadResult r = read_apkg_bytes("bad.apkg", package);
    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].name, "ok.txt");
    EXPECT_EQ(r.collection.media[0].bytes(), "fine");
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("bad.apkg: warning: media[0]: unsafe media name '../evil': the name "
                            "is a path, not a file name; the file is skipped [APKG032]",
                            "bad.apkg: warning: media[1]: unsafe media name '/etc/passwd': the "
                            "name is a path, not a file name; the file is skipped [APKG032]",
                            "bad.apkg: warning: media[2]: unsafe media name 'a/b.png': the name "
                            "is a path, not a file name; the file is skipped [APKG032]",
                            "bad.apkg: warning: media[4]: unsafe media name '..': the name is a "
                            "folder reference; the file is skipped [APKG032]",
                            "bad.apkg: warning: media[5]: unsafe media name 'C:\\x': the name is "
                            "a path, not a file name; the file is skipped [APKG032]"));
}

TEST(ApkgHostile, MediaEntriesWithoutMembersAndBadMaps) {
    std::string package = legacy_package(one_basic_note(), R"({"0": "a.png", "1": "b.png",
                                                               "x": "c.png", "10": "d.png"})",
                                         {{"0", "A"}, {"x", "C"}, {"10", "D"}});
    ReadResult r = read_apkg_bytes("bad.apkg", package);
    std::vector<std::string> names;
    for (const MediaFile& m : r.collection.media) names.push_back(m.name);
    EXPECT_THAT(names, ElementsAre("a.png", "c.png", "d.png"));  // numeric key order
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("bad.apkg: warning: media[1]: media file 'b.png' has no member '1' "
                            "in the package; it is skipped [APKG031]",
                            "bad.apkg: warning: media[x]: media map key 'x' is not a number "
                            "(Anki refuses such packages) [APKG036]"));

    ReadResult broken = read_apkg_bytes("bad.apkg", legacy_package(one_basic_note(), "[1, 2"));
    EXPECT_TRUE(broken.collection.media.empty());
    EXPECT_THAT(codes(broken.diagnostics), ElementsAre("APKG030"));
    EXPECT_EQ(broken.collection.notes.size(), 1u);
}

// Notes come in the order Anki shows their new cards (the lowest `due` of a new card), notes
// without new cards last; a note whose first card sits in a filtered deck goes to that card's
// home deck (odid). Both are read from the card rows as they go by.
TEST(ApkgNotes, ComeInNewCardOrderAndFilteredCardsKeepTheirHomeDeck) {
    TestCollection c;
    c.notes = {{1500000000001, "late", 1001,
                "a\x1f"
                "1"},
               {1500000000002, "early", 1001,
                "b\x1f"
                "2"},
               {1500000000003, "reviewed", 1001,
                "c\x1f"
                "3"}};
    c.cards = {{1500000000011, 1500000000001, 2000, 0, 0, 0, 7},
               {1500000000012, 1500000000002, 1, 0, 0, 0, 3},
               {1500000000013, 1500000000003, 2000, 0, 2, 2, 1}};
    c.extra_sql = {"UPDATE cards SET odid = 1999 WHERE id = 1500000000012"};
    ReadResult r = read_apkg_bytes("order.apkg", legacy_package(c));
    ASSERT_EQ(r.collection.notes.size(), 3u);
    EXPECT_EQ(r.collection.notes[0].guid, "early");
    EXPECT_EQ(r.collection.notes[0].deck, "Lang");
    EXPECT_EQ(r.collection.notes[0].cards.at(0).deck, "Default");
    EXPECT_EQ(r.collection.notes[1].guid, "late");
    EXPECT_EQ(r.collection.notes[2].guid, "reviewed");
    EXPECT_EQ(r.collection.notes[2].cards.at(0).scheduling.parsed().value("type", -1), 2);
}

TEST(ApkgHostile, MissingNoteTypeAndWrongFieldCountSkipTheNote) {
    TestCollection c = one_basic_note();
    c.notes.push_back({1500000000010, "guid2", 4242,
                       "a\x1f"
                       "b"});
    c.notes.push_back({1500000000020, "guid3", 1001, "only one field"});
    c.cards.push_back({1500000000011, 1500000000010, 2000, 0});
    c.cards.push_back({1500000000021, 1500000000020, 2000, 0});
    c.cards.push_back({1500000000031, 1599999999999, 2000, 0});
    ReadResult r = read_apkg_bytes("bad.apkg", legacy_package(c));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].guid, "guid1");
    EXPECT_THAT(
        rendered(r.diagnostics),
        ElementsAre("bad.apkg: error: collection.anki2!notes[id=1500000000010]: note type 4242 "
                    "is missing; the note is skipped [APKG020]",
                    "bad.apkg: error: collection.anki2!notes[id=1500000000020]: note has 1 "
                    "fields, its note type 'Basic' has 2; the note is skipped [APKG021]",
                    "bad.apkg: warning: collection.anki2!cards[id=1500000000031]: card belongs "
                    "to note 1599999999999, which does not exist; the card is skipped [APKG023]"));
}

// With two threads the card table and the last sixth of the id range of notes (here the note
// 1500000000030) are read over a second connection while the other notes are read; what comes
// out, diagnostics and their order included, is what one thread makes.
TEST(ApkgHostile, TwoThreadsReadWhatOneThreadReads) {
    TestCollection c = one_basic_note();
    c.notes.push_back({1500000000030, "guid4", 1001, "only one field"});
    c.notes.push_back({1500000000010, "guid2", 4242,
                       "a\x1f"
                       "b"});
    c.notes.push_back({1500000000020, "guid3", 1001,
                       "front\x1f"
                       "back"});
    c.cards.push_back({1500000000011, 1500000000010, 2000, 0});
    c.cards.push_back({1500000000021, 1500000000020, 77, 0, 0, 0, 0});
    c.cards.push_back({1500000000031, 1599999999999, 2000, 0});
    std::string package = legacy_package(c);
    ReadResult one = read_on_threads("bad.apkg", package, 1);
    ReadResult two = read_on_threads("bad.apkg", package, 2);
    EXPECT_THAT(
        rendered(two.diagnostics),
        ElementsAre("bad.apkg: error: collection.anki2!notes[id=1500000000010]: note type 4242 "
                    "is missing; the note is skipped [APKG020]",
                    "bad.apkg: error: collection.anki2!notes[id=1500000000030]: note has 1 "
                    "fields, its note type 'Basic' has 2; the note is skipped [APKG021]",
                    "bad.apkg: warning: collection.anki2!cards[id=1500000000021]: card is in deck "
                    "77, which does not exist; it goes to Default [APKG024]",
                    "bad.apkg: warning: collection.anki2!cards[id=1500000000031]: card belongs "
                    "to note 1599999999999, which does not exist; the card is skipped [APKG023]"));
    EXPECT_EQ(rendered(one.diagnostics), rendered(two.diagnostics));
    ASSERT_EQ(two.collection.notes.size(), 2u);
    EXPECT_EQ(one.collection.notes, two.collection.notes);
    // guid3's new card (due 0) comes before guid1's (due 1).
    EXPECT_EQ(two.collection.notes[0].guid, "guid3");
    ASSERT_EQ(two.collection.notes[0].cards.size(), 1u);
    EXPECT_EQ(two.collection.notes[0].cards[0].deck, "Default");
}

// A notes table without an integer primary key may hold real ids. Those between the two
// threads' ranges (here 1500000000021.5, the split being at ...021) are read like the others.
TEST(ApkgHostile, TwoThreadsReadNotesWithRealIds) {
    TestCollection c = one_basic_note();
    c.notes.push_back({1500000000010, "guid2", 1001,
                       "a\x1f"
                       "b"});
    c.notes.push_back({1500000000030, "guid3", 1001,
                       "c\x1f"
                       "d"});
    c.extra_sql = {
        "CREATE TABLE plain AS SELECT * FROM notes; DROP TABLE notes; "
        "ALTER TABLE plain RENAME TO notes; "
        "INSERT INTO notes SELECT 1500000000021.5, 'real', mid, mod, usn, tags, flds, "
        "sfld, csum, flags, data FROM notes WHERE id = 1500000000001"};
    std::string package = legacy_package(c);
    auto guids_with = [&](unsigned threads) {
        ReadResult r = read_on_threads("real.apkg", package, threads);
        std::vector<std::string> guids;
        for (const Note& note : r.collection.notes) guids.push_back(note.guid);
        std::sort(guids.begin(), guids.end());
        return guids;
    };
    std::vector<std::string> expected{"guid1", "guid2", "guid3", "real"};
    EXPECT_EQ(guids_with(1), expected);
    EXPECT_EQ(guids_with(2), expected);
}

TEST(ApkgHostile, CardInAMissingDeckGoesToDefault) {
    TestCollection c = one_basic_note();
    c.cards[0].did = 77;
    ReadResult r = read_apkg_bytes("bad.apkg", legacy_package(c));
    EXPECT_EQ(r.collection.notes[0].deck, "Default");
    EXPECT_THAT(codes(r.diagnostics), ElementsAre("APKG024"));
}

TEST(ApkgHostile, InvalidUtf8IsRepaired) {
    TestCollection c = one_basic_note();
    c.notes[0].flds =
        "caf\xE9\x1f"
        "back";
    ReadResult r = read_apkg_bytes("bad.apkg", legacy_package(c));
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields[0].source, "caf\xEF\xBF\xBD");
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("bad.apkg: warning: collection.anki2!notes[id=1500000000001]: flds is "
                            "not valid UTF-8; bad bytes became U+FFFD [APKG022]"));
}

TEST(ApkgHostile, DeeplyNestedJsonIsRefused) {
    TestCollection c = one_basic_note();
    c.models = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_THAT(refusal(legacy_package(c)),
                HasSubstr("collection.anki2!col.models: col.models is not valid: nested deeper "
                          "than 256 levels [APKG011]"));
    c.models = "{\"1001\": ";
    EXPECT_THAT(refusal(legacy_package(c)), HasSubstr("[APKG011]"));
}

TEST(ApkgHostile, UnusableNoteTypeIsReported) {
    TestCollection c = one_basic_note();
    c.models = R"({"1001": {"id": 1001, "name": "Broken", "type": 0, "flds": [], "tmpls": []}})";
    ReadResult r = read_apkg_bytes("bad.apkg", legacy_package(c));
    EXPECT_TRUE(r.collection.notes.empty());
    EXPECT_THAT(codes(r.diagnostics), ElementsAre("APKG013", "APKG020"));
}

TEST(ApkgHostile, LatestMediaMemberThatInflatesTooMuch) {
    TestCollection c = one_basic_note();
    std::string map = zstd_raw_frame(media_entries({{"big.bin", {0, std::string(20, 'x')}}}));
    std::string package = make_zip({{"meta", std::string("\x08\x03", 2)},
                                    {"collection.anki21b", zstd_raw_frame(c.sqlite())},
                                    {"media", map},
                                    {"0", zstd_rle_bomb(64)}});
    Limits limits;
    limits.max_member_bytes = 1 << 20;
    limits.max_ratio = 1'000'000;  // so that the member's size is what stops it
    EXPECT_EQ(refusal(package, limits),
              "bad.apkg: error: media[0]: decompressed size exceeds the limit of 1048576 bytes "
              "(a zstd bomb?) [APKG003]");
}
