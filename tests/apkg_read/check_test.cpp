// `check` for packages: every fixture passes or reports exactly its known quirks, and each
// broken invariant has its own code.
#include <gmock/gmock.h>

#include "apkg_read_support.hpp"
#include "package_builder.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

// A package that breaks nothing: every note has its cards, csum and sfld are right.
TestCollection clean() {
    TestCollection c;
    c.notes = {{1500000000001, "guid1", 1001,
                "front\x1f"
                "back",
                " tag "},
               {1500000000003, "guid2", 1002,
                "{{c1::x}} and {{c3::y}}\x1f"
                "extra"}};
    c.cards = {{1500000000002, 1500000000001, 2000, 0},
               {1500000000004, 1500000000003, 1999, 0},
               {1500000000005, 1500000000003, 1999, 2}};
    return c;
}

std::string legacy(const TestCollection& c, const std::string& media = "{}",
                   std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> members = {{"collection.anki2", c.sqlite()},
                                                                {"media", media}};
    members.insert(members.end(), extra.begin(), extra.end());
    return make_zip(members);
}

std::vector<std::string> check(const std::string& bytes) {
    return rendered(check_apkg_bytes("p.apkg", bytes));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    std::size_t pos = text.find(from);
    if (pos == std::string::npos) throw std::runtime_error("test setup: '" + from + "' not found");
    return text.replace(pos, from.size(), to);
}

}  // namespace

TEST(ApkgCheck, FixturesPassOrReportTheirKnownQuirks) {
    DECKPORT_REQUIRE_FIXTURES();
    for (const char* file :
         {"ankitects-anki/diffmodels2-1.apkg", "ankitects-anki/diffmodels2-2.apkg",
          "ankitects-anki/diffmodeltemplates-1.apkg", "ankitects-anki/diffmodeltemplates-2.apkg",
          "ankitects-anki/media.apkg", "ankitects-anki/update1.apkg", "ankitects-anki/update2.apkg",
          "ankitects-anki/mediacheck.anki2", "ankidroid/update3.apkg", "ankidroid/schema16.anki2",
          "ankidroid/initial_version_2_12_1.anki2", "srs-converter/empty-latest.apkg",
          "srs-converter/empty-legacy-2.apkg", "srs-converter/empty-legacy-2.colpkg",
          "srs-converter/mixed-legacy-2.apkg"}) {
        EXPECT_THAT(rendered(check_apkg_bytes(file, fixture_bytes(file))), IsEmpty()) << file;
    }
    // Two empty cloze cards (their cloze numbers were removed after the cards were made).
    const char* templates = "ankidroid/templates.apkg";
    EXPECT_THAT(rendered(check_apkg_bytes(templates, fixture_bytes(templates))),
                ElementsAre("ankidroid/templates.apkg: warning: "
                            "collection.anki2!cards[id=1422434361752]: cloze card ord 1 has no "
                            "{{c2::...}} in its note (an empty card) [APKG115]",
                            "ankidroid/templates.apkg: warning: "
                            "collection.anki2!cards[id=1426115543755]: cloze card ord 5 has no "
                            "{{c6::...}} in its note (an empty card) [APKG115]"));
    // A third-party generator: its own csum, and sfld with the HTML left in.
    const char* output = "anki-apkg-export/output.apkg";
    EXPECT_THAT(
        rendered(check_apkg_bytes(output, fixture_bytes(output))),
        ElementsAre("anki-apkg-export/output.apkg: warning: "
                    "collection.anki2!notes[id=1482680798652]: csum is 2770536893, the first "
                    "field's checksum is 2956363486 [APKG112]",
                    "anki-apkg-export/output.apkg: warning: "
                    "collection.anki2!notes[id=1482680798653]: csum is 2971704865, the first "
                    "field's checksum is 2355242280 [APKG112]",
                    "anki-apkg-export/output.apkg: warning: "
                    "collection.anki2!notes[id=1482680798654]: csum is 1693402932, the first "
                    "field's checksum is 1354962172 [APKG112]",
                    "anki-apkg-export/output.apkg: warning: "
                    "collection.anki2!notes[id=1482680798654]: sfld is not the sort field "
                    "without HTML (expected 'card #3 with image  anki.png ') [APKG113]"));
}

TEST(ApkgCheck, ACleanPackagePasses) {
    EXPECT_THAT(check(legacy(clean(), R"({"0": "a.png"})", {{"0", "png"}})), IsEmpty());
}

TEST(ApkgCheck, ColRowsAndTables) {
    TestCollection c = clean();
    c.col_rows = 2;
    c.with_graves = false;
    c.with_revlog = false;
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!revlog: the collection has no "
                            "`revlog` table [APKG102]",
                            "p.apkg: error: collection.anki2!graves: the collection has no "
                            "`graves` table [APKG102]",
                            "p.apkg: error: collection.anki2!col: the `col` table has 2 rows; "
                            "Anki needs exactly one [APKG101]"));
}

TEST(ApkgCheck, StrictNoteTypeKeys) {
    TestCollection c = clean();
    c.models = replaced(c.models, R"("css": ".card {}", "latexPre": "", "latexPost": "", "req")",
                        R"("latexPre": "", "latexPost": "", "req")");
    c.models = replaced(c.models, R"("font": "Arial", "size": 20},
           {"name": "Back")",
                        R"("size": 20.5},
           {"name": "Back")");
    c.models = replaced(c.models, R"({"name": "Card 1", "ord": 0,)", R"({"ord": 0,)");
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!col.models[1001]: note type 'Basic' "
                            "breaks Anki's import: has no `css`; field 0 has no `font`; field 0 "
                            "`size` is not an integer; template 0 has no `name` [APKG103]"));
}

TEST(ApkgCheck, StrictDeckAndOptionsKeys) {
    TestCollection c = clean();
    c.decks =
        replaced(c.decks, R"("desc": "Bonjour", "mod": 0, "lrnToday": [0, 0], )", R"("mod": 0, )");
    c.dconf = replaced(c.dconf, R"("maxTaken": 60, "autoplay": true)", R"("autoplay": 1)");
    EXPECT_THAT(
        check(legacy(c)),
        ElementsAre("p.apkg: error: collection.anki2!col.decks[2000]: deck 'Lang::French' breaks "
                    "Anki's import: has no `lrnToday` [APKG104]",
                    "p.apkg: warning: collection.anki2!col.decks[2000]: deck 'Lang::French' has "
                    "no `desc`; Anki before 2.1.55 and AnkiDroid 2.16 need it [APKG124]",
                    "p.apkg: error: collection.anki2!col.dconf[1]: deck options 'Default' break "
                    "Anki's import: has no `maxTaken`; `autoplay` is not true or false "
                    "[APKG105]"));
}

TEST(ApkgCheck, MapKeysEqualInnerIds) {
    TestCollection c = clean();
    c.decks = replaced(c.decks, R"("1999": {
  "id": 1999)",
                       R"("1999": {
  "id": 1998)");
    // Anki keeps the deck under its inner id, so the cards that name the key lose their deck.
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!col.decks[1999]: the map key 1999 "
                            "differs from the inner id 1998 [APKG106]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000004]: the card's "
                            "deck 1999 does not exist [APKG107]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000005]: the card's "
                            "deck 1999 does not exist [APKG107]"));
}

TEST(ApkgCheck, DeckTreeAndOptions) {
    TestCollection c = clean();
    c.decks =
        replaced(c.decks, R"("name": "Lang", "usn": 0, "dyn": 0, "collapsed": false, "conf": 1)",
                 R"("name": "Other", "usn": 0, "dyn": 0, "collapsed": false, "conf": 9)");
    c.cards[0].did = 4242;
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!col.decks[1999]: deck 'Other' uses "
                            "deck options 9, which do not exist [APKG109]",
                            "p.apkg: warning: collection.anki2!col.decks[2000]: deck "
                            "'Lang::French' has no parent deck 'Lang' (AnkiDroid 2.16 and older "
                            "crash on it) [APKG108]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000002]: the card's "
                            "deck 4242 does not exist [APKG107]"));
}

TEST(ApkgCheck, NotesAgainstTheirNoteTypes) {
    TestCollection c = clean();
    c.notes.push_back({1500000000010, "guid3", 777,
                       "a\x1f"
                       "b"});
    c.notes.push_back({1500000000011, "guid4", 1001, "one field"});
    c.notes.push_back({1500000000012, "guid5", 1001,
                       "<b>bold</b>\x1f"
                       "b",
                       "", "<b>bold</b>", 1});
    c.cards.push_back({1500000000013, 1500000000010, 1, 0});
    c.cards.push_back({1500000000014, 1500000000011, 1, 0});
    c.cards.push_back({1500000000015, 1500000000012, 1, 0});
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!notes[id=1500000000010]: the note's "
                            "note type 777 is not in the collection [APKG110]",
                            "p.apkg: error: collection.anki2!notes[id=1500000000011]: the note has "
                            "1 fields, its note type 'Basic' has 2 [APKG111]",
                            "p.apkg: warning: collection.anki2!notes[id=1500000000012]: csum is 1, "
                            "the first field's checksum is " +
                                std::to_string(plain_csum("bold")) + " [APKG112]",
                            "p.apkg: warning: collection.anki2!notes[id=1500000000012]: sfld is "
                            "not the sort field without HTML (expected 'bold') [APKG113]"));
}

TEST(ApkgCheck, CardsAgainstTheirNotes) {
    TestCollection c = clean();
    c.cards.push_back({1500000000020, 1500000000003, 1999, 1});        // no {{c2::}}
    c.cards.push_back({1500000000021, 1500000000001, 2000, 1});        // Basic has one template
    c.cards.push_back({1500000000022, 1500000000001, 2000, 0, 0, 9});  // queue 9
    c.cards.push_back({1500000000023, 1599999999999, 2000, 0});        // no such note
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: warning: collection.anki2!cards[id=1500000000020]: cloze "
                            "card ord 1 has no {{c2::...}} in its note (an empty card) [APKG115]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000021]: card ord 1 "
                            "has no template (the note type 'Basic' has 1) [APKG116]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000022]: card type 0 "
                            "/ queue 9 is outside what Anki knows (type 0-3, queue -3 to 4) "
                            "[APKG118]",
                            "p.apkg: error: collection.anki2!cards[id=1500000000023]: the card's "
                            "note 1599999999999 does not exist [APKG119]"));
}

TEST(ApkgCheck, ValueTypes) {
    TestCollection c = clean();
    c.extra_sql = {"UPDATE notes SET mod = 1.5 WHERE id = 1500000000003",
                   "UPDATE cards SET data = x'00' WHERE id = 1500000000002"};
    EXPECT_THAT(check(legacy(c)),
                ElementsAre("p.apkg: error: collection.anki2!notes: 1 rows of `notes` hold a "
                            "value of the wrong SQLite type (the first at rowid 1500000000003); "
                            "Anki expects INTEGER and TEXT [APKG117]",
                            "p.apkg: error: collection.anki2!cards: 1 rows of `cards` hold a "
                            "value of the wrong SQLite type (the first at rowid 1500000000002); "
                            "Anki expects INTEGER and TEXT [APKG117]"));
}

TEST(ApkgCheck, LegacyMedia) {
    std::string map = R"({"0": "a.png", "1": "b:c.png", "x": "d.png"})";
    EXPECT_THAT(check(legacy(clean(), map, {{"1", "b"}, {"x", "d"}})),
                ElementsAre("p.apkg: error: media[0]: media file 'a.png' has no member '0' in "
                            "the package [APKG114]",
                            "p.apkg: warning: media[1]: media name 'b:c.png': the name has the "
                            "character ':'; Anki renames the file and its references [APKG121]",
                            "p.apkg: error: media[x]: media map key 'x' is not a number; Anki "
                            "cannot import the package [APKG123]"));
    EXPECT_THAT(check(make_zip({{"collection.anki2", clean().sqlite()}})),
                ElementsAre("p.apkg: warning: the package has no `media` member; Anki 2.1.49 "
                            "and older and AnkiDroid 2.16 refuse it [APKG120]"));
}

TEST(ApkgCheck, LatestMedia) {
    std::string decomposed = "cafe\xCC\x81.png";  // e + combining acute: not NFC
    std::string map =
        media_entries({{decomposed, {1, std::string(20, 'x')}}, {"short.png", {1, "abc"}}});
    std::string package = make_zip({{"meta", std::string("\x08\x03", 2)},
                                    {"collection.anki21b", zstd_raw_frame(clean().sqlite())},
                                    {"media", zstd_raw_frame(map)},
                                    {"0", zstd_raw_frame("a")},
                                    {"1", zstd_raw_frame("b")}});
    EXPECT_THAT(check(package),
                ElementsAre("p.apkg: error: media[0]: media name '" + decomposed +
                                "': the name is not in Unicode NFC form; Anki refuses the package "
                                "[APKG121]",
                            "p.apkg: error: media[1]: media entry 'short.png' has no 20-byte "
                            "SHA-1; Anki refuses the package [APKG122]"));
}

TEST(ApkgCheck, RepeatedProblemsAreCapped) {
    TestCollection c = clean();
    for (int i = 0; i < 25; ++i)
        c.notes.push_back({1600000000000 + i, "g" + std::to_string(i), 1001, "x"});
    std::vector<std::string> lines = check(legacy(c));
    ASSERT_EQ(lines.size(), 21u);
    EXPECT_EQ(lines.back(), "p.apkg: note: 5 more APKG111 problems are not shown [APKG111]");
}

TEST(ApkgCheck, UnopenablePackagesThrowLikeReading) {
    EXPECT_THROW(check_apkg_bytes("p.apkg", "not a package"), InputError);
}
