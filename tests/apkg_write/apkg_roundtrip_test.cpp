// Real Anki packages (../shared/fixtures/anki) read with the apkg reader and written again:
// notes, GUIDs, note types, decks, scheduling, review log and media are kept, and the result
// passes the independent check.
#include <gtest/gtest.h>

#include <map>

#include "apkg_write_helpers.hpp"
#include "deckport/io.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

struct Fixture {
    std::string path;
    int notes, cards, revlog, media;
    bool missing_media = false;  // the package refers to files it does not hold
};

Collection read_apkg(const std::filesystem::path& path) {
    static const Format format = make_apkg_format();
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, kTimestamp};
    Collection collection = read_collection(format, read_input(path.string()), context);
    EXPECT_FALSE(diagnostics.has_errors()) << rendered(diagnostics.all()).front();
    return collection;
}

std::map<std::string, std::vector<std::string>> cards_by_guid(SqliteDb& db) {
    std::map<std::string, std::vector<std::string>> out;
    auto query = db.prepare(
        "select n.guid, c.ord, c.type, c.queue, "
        // a card in a filtered deck goes home with its original due
        "case when c.odid != 0 and c.odue != 0 then c.odue else c.due end, "
        "c.ivl, c.factor, c.reps, c.lapses "
        "from cards c join notes n on c.nid = n.id order by n.guid, c.ord");
    while (query.step()) {
        std::string row;
        for (int i = 1; i < 9; ++i) row += std::to_string(query.int64(i)) + " ";
        out[query.text(0)].push_back(row);
    }
    return out;
}

}  // namespace

TEST(ApkgRoundTrip, RealPackagesKeepNotesSchedulingAndMedia) {
    DECKPORT_REQUIRE_FIXTURES();
    const std::vector<Fixture> fixtures = {
        {"ankitects-anki/media.apkg", 1, 1, 0, 1},
        {"ankitects-anki/update1.apkg", 1, 1, 0, 0},
        {"ankitects-anki/diffmodeltemplates-1.apkg", 1, 1, 0, 2},
        {"ankitects-anki/mediacheck.anki2", 3, 3, 2, 0, true},
        {"ankidroid/templates.apkg", 48, 146, 102, 0, true},
        {"srs-converter/mixed-legacy-2.apkg", 8, 13, 26, 1},
        {"anki-apkg-export/output.apkg", 3, 3, 0, 1},
    };
    for (const Fixture& fixture : fixtures) {
        SCOPED_TRACE(fixture.path);
        std::filesystem::path path = fixtures_dir() / "anki" / fixture.path;
        Collection collection = read_apkg(path);
        WriteResult result = write_apkg(collection);
        ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).front();
        std::string args =
            "--notes " + std::to_string(fixture.notes) + " --cards " +
            std::to_string(fixture.cards) + " --revlog " + std::to_string(fixture.revlog) +
            " --media " + std::to_string(fixture.media) +
            (fixture.missing_media ? " --allow-missing-media" : "") + " --carried-cards";
        CheckResult check = independent_check(result.bytes, args);
        EXPECT_EQ(check.exit_code, 0) << check.output;

        // The same notes (by GUID) with the same note types and card scheduling.
        std::string original_bytes = read_file(path, 1 << 26);
        if (!looks_like_sqlite(original_bytes)) {
            ZipReader zip(original_bytes, "in", "TEST");
            original_bytes = *zip.read(zip.contains("collection.anki21") ? "collection.anki21"
                                                                         : "collection.anki2");
        }
        SqliteDb original = SqliteDb::from_bytes(original_bytes);
        SqliteDb written = open_collection(result.bytes);
        EXPECT_EQ(column_texts(written, "select guid || ' ' || mid from notes order by guid"),
                  column_texts(original, "select guid || ' ' || mid from notes order by guid"));
        EXPECT_EQ(cards_by_guid(written), cards_by_guid(original));
        // Writing what was written gives the same bytes again.
        EXPECT_EQ(write_apkg(collection).bytes, result.bytes);
    }
}
