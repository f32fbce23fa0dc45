// The apkg writer, checked with our SqliteDb/ZipReader and with Python's zipfile/sqlite3/json
// (independent_check.py), on collections built by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "apkg/cards.hpp"
#include "apkg/field_text.hpp"
#include "apkg_write_helpers.hpp"
#include "deckport/error.hpp"
#include "deckport/identity.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

Collection three_kinds() {
    Collection c;
    NoteType basic = basic_note_type();
    NoteType reversed = basic_and_reversed_note_type();
    NoteType cloze = cloze_note_type();
    c.note_types = {basic, reversed, cloze};
    c.notes.push_back(make_note(basic, {html("What is <b>Rust</b>?"), html("A language")},
                                "Lang::Rust::Basics", {"rust", "lang::systems"}, "guid-basic"));
    c.notes.push_back(make_note(reversed, {text("chat"), text("cat & mouse")}, "Lang::French", {},
                                "guid-reversed"));
    c.notes.push_back(make_note(cloze, {html("{{c1::a}} {{c1::b}} {{c3::c}}"), html("extra")},
                                "Lang::French", {"cloze"}, "guid-cloze"));
    return c;
}

bool has_diagnostic(const std::vector<Diagnostic>& all, const std::string& code) {
    for (const Diagnostic& d : all) {
        if (d.code == code) return true;
    }
    return false;
}

std::string diagnostics_text(const std::vector<Diagnostic>& all) {
    std::string text;
    for (const std::string& line : rendered(all)) text += line + "\n";
    return text;
}

}  // namespace

TEST(ApkgWriter, WritesALegacyPackageEveryAnkiReads) {
    WriteResult result = write_apkg(three_kinds());
    ASSERT_FALSE(result.bytes.empty()) << diagnostics_text(result.diagnostics);
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.names(), (std::vector<std::string>{"collection.anki2", "media"}));
    EXPECT_EQ(zip.read("media"), "{}");

    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(column_integers(db, "select ver from col"), std::vector<std::int64_t>{11});
    EXPECT_EQ(count_rows(db, "notes"), 3);
    // Basic: 1 card, reversed: 2, cloze {{c1}} {{c3}}: 2.
    EXPECT_EQ(count_rows(db, "cards"), 5);
    EXPECT_EQ(column_texts(db, "select flds from notes where guid = 'guid-reversed'"),
              std::vector<std::string>{"chat\x1f"
                                       "cat &amp; mouse"});
    EXPECT_EQ(column_texts(db, "select tags from notes where guid = 'guid-basic'"),
              std::vector<std::string>{" lang::systems rust "});
    EXPECT_EQ(column_texts(db, "select tags from notes where guid = 'guid-reversed'"),
              std::vector<std::string>{""});
    EXPECT_EQ(column_texts(db, "select sfld from notes where guid = 'guid-basic'"),
              std::vector<std::string>{"What is Rust?"});
    EXPECT_EQ(column_integers(db, "select csum from notes where guid = 'guid-basic'"),
              std::vector<std::int64_t>{apkg::writing::field_checksum("What is Rust?")});
    EXPECT_EQ(column_integers(db, "select mod from notes where guid = 'guid-basic'"),
              std::vector<std::int64_t>{kTimestamp});
    EXPECT_EQ(column_integers(db, "select id from notes where guid = 'guid-basic'"),
              std::vector<std::int64_t>{derive_id("note", "guid-basic")});
    // New cards: type 0, queue 0, due = the note's position; siblings share it.
    EXPECT_EQ(column_integers(db, "select due from cards order by due, ord"),
              (std::vector<std::int64_t>{1, 2, 2, 3, 3}));
    EXPECT_EQ(column_integers(db,
                              "select count(*) from cards where type = 0 and queue = 0 and "
                              "ivl = 0 and factor = 0 and reps = 0 and odid = 0"),
              std::vector<std::int64_t>{5});

    CheckResult check = independent_check(result.bytes, "--notes 3 --cards 5 --media 0");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
    EXPECT_NE(check.output.find("\"Lang::Rust\""), std::string::npos) << check.output;
}

TEST(ApkgWriter, GeneratesOneClozeCardPerNumber) {
    WriteResult result = write_apkg(three_kinds());
    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(column_integers(db,
                              "select c.ord from cards c join notes n on c.nid = n.id "
                              "where n.guid = 'guid-cloze' order by c.ord"),
              (std::vector<std::int64_t>{0, 2}));
    EXPECT_EQ(column_integers(db,
                              "select c.ord from cards c join notes n on c.nid = n.id "
                              "where n.guid = 'guid-reversed' order by c.ord"),
              (std::vector<std::int64_t>{0, 1}));
}

TEST(ApkgWriter, IsByteIdenticalForTheSameInputAndTimestamp) {
    Collection c = three_kinds();
    std::string first = write_apkg(c).bytes;
    EXPECT_EQ(first, write_apkg(c).bytes);
    EXPECT_EQ(write_apkg(c, {{"variant", "legacy2"}}).bytes,
              write_apkg(c, {{"variant", "legacy2"}}).bytes);
    // A later timestamp makes every note newer, so Anki updates them on re-import.
    std::string later = write_apkg(c, {}, kTimestamp + 60).bytes;
    EXPECT_NE(first, later);
    SqliteDb db = open_collection(later);
    EXPECT_EQ(column_integers(db, "select distinct mod from notes"),
              std::vector<std::int64_t>{kTimestamp + 60});
    EXPECT_EQ(column_texts(db, "select guid from notes order by guid"),
              (std::vector<std::string>{"guid-basic", "guid-cloze", "guid-reversed"}));
}

TEST(ApkgWriter, WritesNoChangeCounterOrSqliteVersionInTheHeader) {
    // The bytes depend on the rows alone, not on how many transactions SQLite counted or which
    // SQLite wrote them: change counter (24), version-valid-for (92), SQLite version (96) zero.
    std::string package = write_apkg(three_kinds()).bytes;
    ZipReader zip(package, "test.apkg", "TEST");
    std::string database = zip.read("collection.anki2").value();
    ASSERT_GE(database.size(), 100u);
    EXPECT_EQ(database.substr(24, 4), std::string(4, '\0'));
    EXPECT_EQ(database.substr(92, 8), std::string(8, '\0'));
    // The page count at 28 is valid (counter == version-valid-for) and right.
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(database[i]); };
    std::size_t pages = (std::size_t{byte(28)} << 24) | (std::size_t{byte(29)} << 16) |
                        (std::size_t{byte(30)} << 8) | byte(31);
    EXPECT_EQ(pages * 4096, database.size());
}

TEST(ApkgWriter, KeepsANotesOwnModificationTime) {
    Collection c = three_kinds();
    c.notes[0].modified = 1600000000;
    SqliteDb db = open_collection(write_apkg(c).bytes);
    EXPECT_EQ(column_integers(db, "select mod from notes where guid = 'guid-basic'"),
              std::vector<std::int64_t>{1600000000});
}

TEST(ApkgWriter, WritesEveryAncestorDeckAndTheDefaults) {
    SqliteDb db = open_collection(write_apkg(three_kinds()).bytes);
    auto decks = nlohmann::json::parse(column_texts(db, "select decks from col").at(0));
    std::set<std::string> names;
    for (const auto& [id, deck] : decks.items()) {
        names.insert(deck["name"].get<std::string>());
        EXPECT_EQ(deck["id"].get<std::int64_t>(), std::stoll(id));
        EXPECT_EQ(deck["conf"], 1);
        for (const char* key : {"lrnToday", "revToday", "newToday", "timeToday"}) {
            EXPECT_EQ(deck[key], nlohmann::json::array({0, 0})) << key;
        }
    }
    EXPECT_EQ(names, (std::set<std::string>{"Default", "Lang", "Lang::Rust", "Lang::Rust::Basics",
                                            "Lang::French"}));
    EXPECT_EQ(decks["1"]["name"], "Default");
    auto dconf = nlohmann::json::parse(column_texts(db, "select dconf from col").at(0));
    EXPECT_TRUE(dconf.contains("1"));
    auto conf = nlohmann::json::parse(column_texts(db, "select conf from col").at(0));
    EXPECT_EQ(conf["nextPos"], 4);
    EXPECT_EQ(conf["schedVer"], 2);
}

TEST(ApkgWriter, WritesTheLegacy2VariantWithAPlaceholder) {
    WriteResult result = write_apkg(three_kinds(), {{"variant", "legacy2"}});
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.names(),
              (std::vector<std::string>{"meta", "collection.anki21", "collection.anki2", "media"}));
    EXPECT_EQ(zip.read("meta"), std::string("\x08\x02"));
    Placeholder placeholder = placeholder_of(result.bytes);
    EXPECT_EQ(placeholder.page_size, 512);
    EXPECT_EQ(placeholder.notes, kPlaceholderNotes);
    CheckResult check =
        independent_check(result.bytes, "--variant legacy2 --notes 3 --cards 5 --media 0");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgWriter, RefusesAnUnknownVariant) {
    EXPECT_THROW(write_apkg(three_kinds(), {{"variant", "newest"}}), UsageError);
    EXPECT_THROW(write_apkg(three_kinds(), {{"package", "deck"}}), UsageError);
}

TEST(ApkgWriter, ReportsANoteWhoseNoteTypeIsMissing) {
    Collection c = three_kinds();
    c.notes[1].note_type_id = 42;
    c.notes[1].origin = SourceLocation{"deck.md", 12, 1};
    WriteResult result = write_apkg(c);
    EXPECT_TRUE(result.bytes.empty());
    EXPECT_EQ(rendered(result.diagnostics),
              std::vector<std::string>{
                  "deck.md:12:1: error: the note's note type (id 42) is not in the collection "
                  "[APKG201]"});
}

// A collection may hold a note type named like a built-in with its own definition (Anki 2.0's
// Cloze, a user's edited Basic): it keeps its name.
TEST(ApkgWriter, KeepsTheNameOfACustomNoteTypeCalledBasicAndItsExtras) {
    Collection c;
    NoteType custom;
    custom.id = 1234567890123;
    custom.name = "Basic";
    custom.fields = {"Word", "Meaning", "Example"};
    custom.templates = {
        {"Recognise", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}",
         JsonValue(nlohmann::json{{"bqfmt", "{{Word}}"}, {"bfont", "Arial"}, {"futureKey", 7}})}};
    custom.css = ".card { color: red; }";
    custom.sort_field = 1;
    custom.extras.json() = {{"latexsvg", true},
                            {"originalStockKind", 1},
                            {"unknownKey", {{"kept", true}}},
                            {"mod", 1500000000},
                            {"flds", {{{"sticky", true}, {"font", "Noto"}}, {{"rtl", true}}}}};
    c.note_types = {custom};
    c.notes.push_back(make_note(custom, {html("chien"), html("dog"), html("")}, "French"));
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << diagnostics_text(result.diagnostics);
    EXPECT_FALSE(has_diagnostic(result.diagnostics, "APKG209"));

    SqliteDb db = open_collection(result.bytes);
    auto models = nlohmann::json::parse(column_texts(db, "select models from col").at(0));
    const auto& model = models["1234567890123"];
    EXPECT_EQ(model["name"], "Basic");
    EXPECT_EQ(model["css"], ".card { color: red; }");
    EXPECT_EQ(model["sortf"], 1);
    EXPECT_EQ(model["latexsvg"], true);
    EXPECT_EQ(model["unknownKey"], nlohmann::json({{"kept", true}}));
    EXPECT_EQ(model["mod"], 1500000000);
    EXPECT_EQ(model["flds"][0]["sticky"], true);
    EXPECT_EQ(model["flds"][0]["font"], "Noto");
    EXPECT_EQ(model["flds"][1]["rtl"], true);
    EXPECT_EQ(model["flds"][2]["name"], "Example");
    EXPECT_EQ(model["tmpls"][0]["bqfmt"], "{{Word}}");
    EXPECT_EQ(model["tmpls"][0]["futureKey"], 7);
    EXPECT_EQ(model["req"], nlohmann::json::parse(R"([[0, "any", [0]]])"));
    EXPECT_EQ(column_texts(db, "select sfld from notes"), std::vector<std::string>{"dog"});
    EXPECT_EQ(column_texts(db, "select flds from notes"), std::vector<std::string>{"chien\x1f"
                                                                                   "dog\x1f"});
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgWriter, ReplacesExtrasOfTheWrongTypeSoAnkiCanParseThem) {
    Collection c;
    NoteType basic = basic_note_type();
    basic.extras.json() = {{"mod", 1.5},
                           {"usn", "x"},
                           {"req", "junk"},
                           {"originalStockKind", "x"},
                           {"flds", {{{"size", "big"}, {"sticky", 3}}}}};
    basic.templates[0].extras.json() = {{"bsize", 300}, {"did", "deck"}};
    c.note_types = {basic};
    Deck deck{0, "D", "about D",
              JsonValue(nlohmann::json{{"lrnToday", {1}}, {"collapsed", "no"}, {"conf", 99}})};
    c.decks = {deck};
    c.notes.push_back(make_note(basic, {html("q"), html("a")}, "D"));
    WriteResult result = write_apkg(c);
    SqliteDb db = open_collection(result.bytes);
    auto models = nlohmann::json::parse(column_texts(db, "select models from col").at(0));
    const auto& model = models[std::to_string(basic.id)];
    EXPECT_EQ(model["mod"], kTimestamp);
    EXPECT_EQ(model["usn"], -1);
    EXPECT_FALSE(model.contains("originalStockKind"));
    EXPECT_EQ(model["flds"][0]["size"], 20);
    EXPECT_EQ(model["flds"][0]["sticky"], false);
    EXPECT_EQ(model["tmpls"][0]["bsize"], 0);
    EXPECT_EQ(model["tmpls"][0]["did"], nullptr);
    auto decks = nlohmann::json::parse(column_texts(db, "select decks from col").at(0));
    for (const auto& [id, d] : decks.items()) {
        if (d["name"] != "D") continue;
        EXPECT_EQ(d["lrnToday"], nlohmann::json::array({0, 0}));
        EXPECT_EQ(d["collapsed"], false);
        EXPECT_EQ(d["conf"], 1);  // options group 99 is not in the package
        EXPECT_EQ(d["desc"], "about D");
    }
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgWriter, ReplacesWhiteSpaceInTags) {
    Collection c = three_kinds();
    c.notes[1].tags = {"two words"};
    WriteResult result = write_apkg(c);
    EXPECT_TRUE(has_diagnostic(result.diagnostics, "APKG210"));
    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(column_texts(db, "select tags from notes where guid = 'guid-reversed'"),
              std::vector<std::string>{" two_words "});
}

TEST(ApkgWriter, RefusesTwoNotesWithOneGuid) {
    Collection c = three_kinds();
    c.notes[2].guid = "guid-basic";
    WriteResult result = write_apkg(c);
    EXPECT_TRUE(result.bytes.empty());
    EXPECT_TRUE(has_diagnostic(result.diagnostics, "APKG215"));
}

TEST(ApkgWriter, CarriesSchedulingAndReviewLog) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    Note note = make_note(basic, {html("q"), html("a")}, "Reviewed", {}, "guid-sched");
    note.cards.push_back(Card{0, "Reviewed",
                              JsonValue(nlohmann::json{{"id", 1600000000123},
                                                       {"type", 2},
                                                       {"queue", 2},
                                                       {"due", 1234},
                                                       {"ivl", 30},
                                                       {"factor", 2500},
                                                       {"reps", 7},
                                                       {"lapses", 1},
                                                       {"flags", 3},
                                                       {"data", "{\"s\":1.5}"}})});
    note.cards.push_back(
        Card{5, "Reviewed", JsonValue(nlohmann::json{{"type", 0}})});  // no template 6
    c.notes.push_back(note);
    c.extras.json() = {{"crt", 1500000000},
                       {"conf", {{"schedVer", 2}, {"curDeck", 1}}},
                       {"dconf", {{"7", {{"name", "Fast"}, {"new", {{"perDay", 50}}}}}}},
                       {"revlog",
                        {{{"id", 1600000000999},
                          {"cid", 1600000000123},
                          {"usn", -1},
                          {"ease", 3},
                          {"ivl", 30},
                          {"lastIvl", 10},
                          {"factor", 2500},
                          {"time", 4000},
                          {"type", 1}},
                         {1600000001000, 999, -1, 1, 1, 1, 0, 10, 0}}}};
    c.decks = {Deck{0, "Reviewed", "", JsonValue(nlohmann::json{{"conf", 7}})}};
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << diagnostics_text(result.diagnostics);
    EXPECT_TRUE(has_diagnostic(result.diagnostics, "APKG211"));
    EXPECT_TRUE(has_diagnostic(result.diagnostics, "APKG213"));
    SqliteDb db = open_collection(result.bytes);
    auto card = db.prepare(
        "select id, type, queue, due, ivl, factor, reps, lapses, flags, data from cards");
    ASSERT_TRUE(card.step());
    EXPECT_EQ(card.int64(0), 1600000000123);
    EXPECT_EQ(card.int64(1), 2);
    EXPECT_EQ(card.int64(2), 2);
    EXPECT_EQ(card.int64(3), 1234);
    EXPECT_EQ(card.int64(4), 30);
    EXPECT_EQ(card.int64(5), 2500);
    EXPECT_EQ(card.int64(6), 7);
    EXPECT_EQ(card.int64(7), 1);
    EXPECT_EQ(card.int64(8), 3);
    EXPECT_EQ(card.text(9), "{\"s\":1.5}");
    EXPECT_FALSE(card.step());
    EXPECT_EQ(column_integers(db, "select cid from revlog"),
              std::vector<std::int64_t>{1600000000123});
    EXPECT_EQ(column_integers(db, "select crt from col"), std::vector<std::int64_t>{1500000000});
    auto dconf = nlohmann::json::parse(column_texts(db, "select dconf from col").at(0));
    EXPECT_EQ(dconf["7"]["name"], "Fast");
    EXPECT_EQ(dconf["7"]["new"]["perDay"], 50);
    EXPECT_EQ(dconf["7"]["new"]["initialFactor"], 2500);
    auto decks = nlohmann::json::parse(column_texts(db, "select decks from col").at(0));
    for (const auto& [id, d] : decks.items()) {
        if (d["name"] == "Reviewed") {
            EXPECT_EQ(d["conf"], 7);
        }
    }
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 1 --revlog 1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgWriter, CardsInAFilteredDeckGoHomeAndTheFilteredDeckIsLeftOut) {
    Collection c;
    NoteType basic = basic_note_type();
    c.note_types = {basic};
    c.decks = {Deck{1500000000100, "Home", "", {}},
               Deck{1500000000200, "Cram", "", JsonValue(nlohmann::json{{"dyn", 1}})}};
    Note note = make_note(basic, {html("q"), html("a")}, "Home", {}, "guid-filtered");
    // A review card pulled into the filtered deck, in its preview queue (4), with usn 154.
    note.cards.push_back(Card{0, "Cram",
                              JsonValue(nlohmann::json{{"id", 1600000000123},
                                                       {"type", 2},
                                                       {"queue", 4},
                                                       {"due", -100000},
                                                       {"odue", 150},
                                                       {"odid", 1500000000100},
                                                       {"usn", 154}})});
    note.extras.json() = {{"usn", 154}};
    c.notes.push_back(note);
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty()) << diagnostics_text(result.diagnostics);
    EXPECT_EQ(rendered(result.diagnostics),
              std::vector<std::string>{"warning: decks[name=Cram]: filtered deck 'Cram' is left "
                                       "out: its cards go back to their home decks [APKG214]"});
    SqliteDb db = open_collection(result.bytes);
    auto card = db.prepare("select did, queue, due, odue, odid, usn from cards");
    ASSERT_TRUE(card.step());
    EXPECT_EQ(card.int64(0), 1500000000100);
    EXPECT_EQ(card.int64(1), 2);  // back in the review queue, as Anki restores it
    EXPECT_EQ(card.int64(2), 150);
    EXPECT_EQ(card.int64(3), 0);
    EXPECT_EQ(card.int64(4), 0);
    EXPECT_EQ(card.int64(5), 154);  // sync bookkeeping is kept
    EXPECT_EQ(column_integers(db, "select usn from notes"), std::vector<std::int64_t>{154});
    auto decks = nlohmann::json::parse(column_texts(db, "select decks from col").at(0));
    for (const auto& [id, deck] : decks.items()) EXPECT_NE(deck["name"], "Cram");
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 1 --carried-cards");
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST(ApkgWriter, KeepsTheNamesOfNoteTypesNamedLikeBuiltIns) {
    Collection c;
    NoteType two_cards = basic_and_reversed_note_type();
    two_cards.id = 1342697561419;
    two_cards.name = "Basic";  // Anki 2.0's user-edited Basic with a second card
    c.note_types = {two_cards};
    c.notes.push_back(make_note(two_cards, {html("q"), html("a")}, "Default", {}, "g"));
    c.meta.source_format = "apkg";
    WriteResult result = write_apkg(c);
    EXPECT_FALSE(has_diagnostic(result.diagnostics, "APKG209"));
    SqliteDb db = open_collection(result.bytes);
    auto models = nlohmann::json::parse(column_texts(db, "select models from col").at(0));
    EXPECT_EQ(models["1342697561419"]["name"], "Basic");
    // From another format too: Anki matches note types by id, so the name is kept.
    c.meta.source_format = "markdown";
    WriteResult from_markdown = write_apkg(c);
    EXPECT_FALSE(has_diagnostic(from_markdown.diagnostics, "APKG209"));
    SqliteDb again = open_collection(from_markdown.bytes);
    auto kept = nlohmann::json::parse(column_texts(again, "select models from col").at(0));
    EXPECT_EQ(kept["1342697561419"]["name"], "Basic");
}

// Room for card rows is reserved from the notes: one per template, one per distinct cloze
// number (a number repeated a thousand times, or `{{cat}}`, is not a card each), or the cards a
// note carries.
TEST(ApkgWriter, ReservesRoomForTheCardsTheNotesMake) {
    Collection c = three_kinds();  // basic 1 card, reversed 2, cloze c1 c1 c3: 2
    EXPECT_EQ(apkg::card_rows_hint(c), 5u);
    NoteType cloze = cloze_note_type();
    std::string repeated;
    for (int i = 0; i < 1000; ++i) repeated += "{{c1::x}} {{cat}} {{c";
    c.notes.push_back(make_note(cloze, {html(repeated), html("")}, "D", {}, "guid-repeated"));
    EXPECT_EQ(apkg::card_rows_hint(c), 6u);
    Note carried = make_note(basic_note_type(), {html("a"), html("b")}, "D", {}, "guid-carried");
    carried.cards.resize(3);
    c.notes.push_back(carried);
    EXPECT_EQ(apkg::card_rows_hint(c), 9u);
}
