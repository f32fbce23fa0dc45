// Media in packages: referenced files packaged once, under Anki-safe names, with the fields'
// references rewritten; missing files named with the note's position.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "apkg/field_text.hpp"
#include "apkg_write_helpers.hpp"
#include "deckport/identity.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

nlohmann::json media_map(const std::string& package) {
    ZipReader zip(package, "out.apkg", "TEST");
    return nlohmann::json::parse(zip.read("media").value());
}

}  // namespace

TEST(ApkgMedia, PackagesReferencedFilesOnceUnderAnkiNames) {
    TempDir dir;
    write_text(dir / "img" / "cat.png", "PNG-cat");
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    MediaFile cat;
    cat.name = "img/cat.png";
    cat.source_path = dir / "img" / "cat.png";
    c.media = {cat, media_in_memory("same as cat.png", "PNG-cat"),
               media_in_memory("what?.mp3", "ID3"), media_in_memory("_font.ttf", "TTF"),
               media_in_memory("e\xCC\x81t\xC3\xA9.png", "PNG-ete")};
    c.notes.push_back(
        make_note(basic,
                  {html("<img src=\"img/cat.png\"> and <img src=\"same as cat.png\">"),
                   html("[sound:what?.mp3] <img src='e\xCC\x81t\xC3\xA9.png'> "
                        "<img src=\"https://example.com/x.png\">")},
                  "Deck", {}, "guid-media"));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).size();

    // Identical bytes are stored once; names follow Anki's rules (no '?', NFC, no folders).
    EXPECT_EQ(media_map(result.bytes), nlohmann::json({{"0", "cat.png"},
                                                       {"1", "what.mp3"},
                                                       {"2", "\xC3\xA9t\xC3\xA9.png"},
                                                       {"3", "_font.ttf"}}));
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.read("0"), "PNG-cat");
    EXPECT_EQ(zip.read("3"), "TTF");
    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(column_texts(db, "select flds from notes"),
              std::vector<std::string>{"<img src=\"cat.png\"> and <img src=\"cat.png\">\x1f"
                                       "[sound:what.mp3] <img src='\xC3\xA9t\xC3\xA9.png'> "
                                       "<img src=\"https://example.com/x.png\">"});
    EXPECT_EQ(column_texts(db, "select sfld from notes"),
              std::vector<std::string>{" cat.png  and  cat.png "});
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 1 --media 4");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgMedia, FindsMarkdownRenderersPercentEncodedNames) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    c.media = {media_in_memory("my cat.png", "PNG")};
    c.notes.push_back(make_note(basic, {html("<img src=\"my%20cat.png\" alt=\"\">"), html("")}));
    WriteResult result = write_apkg(c);
    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(column_texts(db, "select flds from notes"),
              std::vector<std::string>{"<img src=\"my cat.png\" alt=\"\">\x1f"});
    EXPECT_EQ(media_map(result.bytes), nlohmann::json({{"0", "my cat.png"}}));
}

TEST(ApkgMedia, GivesDifferentFilesWithOneSafeNameDistinctNames) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    c.media = {media_in_memory("a/x.png", "one"), media_in_memory("b/x.png", "two")};
    c.notes.push_back(
        make_note(basic, {html("<img src=\"a/x.png\">"), html("<img src=\"b/x.png\">")}));
    WriteResult result = write_apkg(c);
    EXPECT_EQ(media_map(result.bytes),
              nlohmann::json({{"0", "x.png"}, {"1", "x-" + sha1_hex("two") + ".png"}}));
    CheckResult check = independent_check(result.bytes, "--media 2");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgMedia, NamesTheNoteAndFileThatIsMissing) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    Note note = make_note(basic, {html("ok"), html("<img src=\"img/dog.png\">")});
    note.origin = SourceLocation{"decks/pets.md", 7, 1};
    note.field_origins = {SourceLocation{"decks/pets.md", 7, 1},
                          SourceLocation{"decks/pets.md", 10, 1}};
    c.notes.push_back(note);
    // A warning: Anki imports the note and shows a broken image; the package is written.
    WriteResult result = write_apkg(c);
    EXPECT_FALSE(result.bytes.empty());
    EXPECT_EQ(rendered(result.diagnostics),
              std::vector<std::string>{
                  "decks/pets.md:10:1: warning: the note refers to media file 'img/dog.png', "
                  "which the collection does not have; the reference is kept as it is "
                  "[APKG202]"});
    // --strict: an error, and nothing is written.
    Diagnostics diagnostics;
    WriteContext strict{diagnostics, {}, Limits{}, kTimestamp, "out.apkg"};
    strict.strict = true;
    Output output = write_to_memory(*make_apkg_writer(), c, strict);
    EXPECT_TRUE(output.files.empty());
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_EQ(diagnostics.all()[0].severity, Severity::error);
}

TEST(ApkgMedia, ReportsAFileThatCannotBeRead) {
    TempDir dir;
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    MediaFile gone;
    gone.name = "gone.png";
    gone.source_path = dir / "gone.png";
    c.media = {gone};
    Note note = make_note(basic, {html("[sound:gone.png]"), html("")});
    note.origin = SourceLocation{"d.md", 3, 1};
    c.notes.push_back(note);
    WriteResult result = write_apkg(c);
    EXPECT_TRUE(result.bytes.empty());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, "APKG203");
    EXPECT_EQ(result.diagnostics[0].origin, (SourceLocation{"d.md", 3, 1}));
    EXPECT_NE(result.diagnostics[0].message.find("'gone.png'"), std::string::npos);
}

TEST(ApkgMedia, KeepsDanglingReferencesThatReadingReported) {
    // A collection that a reader produced had its missing media reported while reading
    // (MEDIA001, at the reference): the writer keeps the references without a second word.
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    c.meta.source_format = "apkg";
    c.notes.push_back(make_note(basic, {html("<img src=\"ぱぱ.jpg\">"), html("[sound:foo[.jpg]")}));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty());
    EXPECT_TRUE(result.diagnostics.empty());
    CheckResult check = independent_check(result.bytes, "--allow-missing-media");
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

// Rows keep their text up to a few megabytes of it; the text of the others is made again as
// they are inserted. Both give each note its own fields, sort field and checksum, with media
// references rewritten, first notes and last notes alike (6,000 notes of about 1 KB: all but
// the first two thousand or so are made again).
TEST(ApkgMedia, NotesPastTheKeptTextAreWrittenTheSame) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    c.media = {media_in_memory("what?.mp3", "ID3")};
    const std::string padding(1000, 'x');
    constexpr int kNotes = 6000;
    for (int i = 0; i < kNotes; ++i) {
        std::string n = std::to_string(i);
        std::string back = "back " + n + " " + padding;
        if (i == 0 || i == kNotes - 1) back += " [sound:what?.mp3]";
        c.notes.push_back(make_note(basic, {html("<b>front " + n + "</b>"), html(back)}, "Deck", {},
                                    "guid-" + n));
    }
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).size();
    EXPECT_EQ(media_map(result.bytes), nlohmann::json({{"0", "what.mp3"}}));
    SqliteDb db = open_collection(result.bytes);
    SqliteStatement rows = db.prepare("select guid, flds, sfld, csum from notes");
    int seen = 0;
    while (rows.step()) {
        std::string n = rows.text(0).substr(5);  // after "guid-"
        std::string back = "back " + n + " " + padding;
        if (n == "0" || n == std::to_string(kNotes - 1)) back += " [sound:what.mp3]";
        EXPECT_EQ(rows.text(1), "<b>front " + n + "</b>\x1f" + back) << n;
        EXPECT_EQ(rows.text(2), "front " + n) << n;
        EXPECT_EQ(rows.int64(3), apkg::writing::field_checksum("front " + n)) << n;
        ++seen;
    }
    EXPECT_EQ(seen, kNotes);
}
