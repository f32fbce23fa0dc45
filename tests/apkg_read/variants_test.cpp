// Package variants built in the test (no real latest export with notes and media exists in the
// fixtures) and the mapping of rows into the model.
#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include "apkg_read_support.hpp"
#include "deckport/identity.hpp"
#include "package_builder.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

TestCollection two_decks() {
    TestCollection c;
    c.notes = {{1500000000001, "guid1", 1001,
                "front <b>bold</b>\x1f"
                "back",
                "  b::c a\tb "},
               {1500000000003, "guid2", 1002,
                "{{c1::x}} and {{c2::y}}\x1f"
                "extra"},
               {1500000000005, "guid3", 1001,
                "lonely\x1f"
                "note"}};
    c.cards = {{1500000000002, 1500000000001, 2000, 0},
               {1500000000004, 1500000000003, 1999, 1},
               {1500000000006, 1500000000003, 1, 0, 2, 2, 120}};
    return c;
}

// Every note with a card, so that reading reports nothing.
TestCollection all_with_cards() {
    TestCollection c = two_decks();
    c.cards.push_back({1500000000007, 1500000000005, 2000, 0});
    return c;
}

TestCollection placeholder() {
    TestCollection c;
    c.notes = {{1, "decoy", 1001, "Please update to the latest Anki version\x1f"}};
    c.cards = {{2, 1, 1, 0}};
    return c;
}

std::string sha1_bytes(const std::string& data) {
    auto digest = sha1(data);
    return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

}  // namespace

TEST(ApkgVariants, Legacy2ReadsCollectionAnki21NotThePlaceholder) {
    std::string package = make_zip({{"collection.anki2", placeholder().sqlite()},
                                    {"collection.anki21", two_decks().sqlite()},
                                    {"media", "{}"}});
    ReadResult r = read_apkg_bytes("two.apkg", package);
    EXPECT_EQ(r.collection.notes.size(), 3u);
    EXPECT_EQ(r.collection.extras.json()["package"], "legacy2");
    EXPECT_EQ(r.collection.notes[0].origin.locator, "collection.anki21!notes[id=1500000000001]");
    std::string with_meta = make_zip({{"meta", std::string("\x08\x02", 2)},
                                      {"collection.anki2", placeholder().sqlite()},
                                      {"collection.anki21", two_decks().sqlite()}});
    EXPECT_EQ(read_apkg_bytes("two.colpkg", with_meta).collection.notes.size(), 3u);
}

TEST(ApkgVariants, MetaOneReadsCollectionAnki2EvenWithAnki21Present) {
    std::string package = make_zip({{"meta", std::string("\x08\x01", 2)},
                                    {"collection.anki2", two_decks().sqlite()},
                                    {"collection.anki21", placeholder().sqlite()}});
    EXPECT_EQ(read_apkg_bytes("one.apkg", package).collection.notes.size(), 3u);
}

TEST(ApkgVariants, LatestWithZstdCollectionMediaMapAndMembers) {
    std::string image = "\x89PNG fake image bytes";
    std::string sound = std::string(300000, 's');  // spans several zstd blocks
    std::string map = media_entries(
        {{"cat.png", {static_cast<std::uint32_t>(image.size()), sha1_bytes(image)}},
         {"purr.mp3", {static_cast<std::uint32_t>(sound.size()), sha1_bytes(sound)}}});
    std::string package =
        make_zip({{"meta", std::string("\x08\x03", 2)},
                  {"collection.anki2", placeholder().sqlite()},
                  {"collection.anki21b", zstd_raw_frame(all_with_cards().sqlite())},
                  {"media", zstd_raw_frame(map)},
                  {"0", zstd_raw_frame(image)},
                  {"1", zstd_raw_frame(sound)}});
    ReadResult r = read_apkg_bytes("latest.apkg", package);
    EXPECT_THAT(rendered(r.diagnostics), IsEmpty());
    EXPECT_EQ(r.collection.notes.size(), 3u);
    EXPECT_EQ(r.collection.extras.json()["package"], "latest");
    ASSERT_EQ(r.collection.media.size(), 2u);
    EXPECT_EQ(r.collection.media[0].name, "cat.png");
    EXPECT_EQ(r.collection.media[0].bytes(), image);
    EXPECT_EQ(r.collection.media[1].name, "purr.mp3");
    EXPECT_EQ(r.collection.media[1].bytes(), sound);
}

// A frame whose content fills the decoder's output buffer exactly (128 KiB) ends with the
// buffer full: the reader must stop there rather than wait for another frame.
TEST(ApkgVariants, LatestMembersOfExactlyOneOutputBuffer) {
    std::string block(128 * 1024, '\0');
    for (std::size_t i = 0; i < block.size(); ++i) block[i] = static_cast<char>(i * 7 % 251);
    std::string map = media_entries(
        {{"block.bin", {static_cast<std::uint32_t>(block.size()), sha1_bytes(block)}}});
    std::string package =
        make_zip({{"meta", std::string("\x08\x03", 2)},
                  {"collection.anki21b", zstd_raw_frame(all_with_cards().sqlite())},
                  {"media", zstd_raw_frame(map)},
                  {"0", zstd_raw_frame(block)}});
    ReadResult r = read_apkg_bytes("latest.apkg", package);
    EXPECT_THAT(rendered(r.diagnostics), IsEmpty());
    ASSERT_EQ(r.collection.media.size(), 1u);
    EXPECT_EQ(r.collection.media[0].bytes(), block);
}

TEST(ApkgVariants, LatestMediaEntriesThatDisagreeWithTheirMembers) {
    std::string map = media_entries({{"a.png", {99, sha1_bytes("other")}},
                                     {"b.png", {1, sha1_bytes("other")}},
                                     {"c.png", {1, sha1_bytes("c")}}});
    std::string package =
        make_zip({{"meta", std::string("\x08\x03", 2)},
                  {"collection.anki21b", zstd_raw_frame(all_with_cards().sqlite())},
                  {"media", zstd_raw_frame(map)},
                  {"0", zstd_raw_frame("a")},
                  {"1", zstd_raw_frame("b")},
                  {"2", "not zstd"}});
    ReadResult r = read_apkg_bytes("latest.apkg", package);
    EXPECT_EQ(r.collection.media.size(), 2u);
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("latest.apkg: warning: media[0]: media file 'a.png' has 1 bytes, the "
                            "map says 99 [APKG034]",
                            "latest.apkg: warning: media[1]: media file 'b.png' does not match "
                            "the SHA-1 in the map [APKG034]",
                            "latest.apkg: warning: media[2]: media file 'c.png' is damaged "
                            "(invalid zstd data: Unknown frame descriptor); it is skipped "
                            "[APKG035]"));
}

TEST(ApkgVariants, BareCollectionFile) {
    ReadResult r = read_apkg_bytes("deck.anki21", two_decks().sqlite());
    EXPECT_EQ(r.collection.notes.size(), 3u);
    EXPECT_EQ(r.collection.extras.json()["package"], "collection");
    EXPECT_EQ(r.collection.notes[0].origin.locator, "notes[id=1500000000001]");
}

TEST(ApkgVariants, NotesMapIntoTheModel) {
    ReadResult r = read_apkg_bytes("deck.anki2", two_decks().sqlite());
    const Collection& c = r.collection;
    ASSERT_EQ(c.notes.size(), 3u);
    const Note& basic = c.notes[0];
    EXPECT_EQ(basic.guid, "guid1");
    EXPECT_EQ(basic.fields[0], (Content{Markup::html, "front <b>bold</b>"}));
    EXPECT_THAT(basic.tags, ElementsAre("a", "b", "b::c"));
    EXPECT_EQ(basic.deck, "Lang::French");
    EXPECT_EQ(basic.modified, 1650000000);
    EXPECT_EQ(basic.extras.json(),
              (nlohmann::json{{"id", 1500000000001}, {"usn", -1}, {"flags", 0}, {"data", ""}}));
    // The deck of a note is the deck of its first card by ord.
    const Note& cloze = c.notes[1];
    ASSERT_EQ(cloze.cards.size(), 2u);
    EXPECT_EQ(cloze.cards[0].ord, 0);
    EXPECT_EQ(cloze.cards[0].deck, "Default");
    EXPECT_EQ(cloze.cards[0].scheduling.json()["due"], 120);
    EXPECT_EQ(cloze.cards[0].scheduling.json()["id"], 1500000000006);
    EXPECT_EQ(cloze.cards[1].deck, "Lang");
    EXPECT_EQ(cloze.deck, "Default");
    // A note without cards goes to its note type's deck, with a note.
    EXPECT_EQ(c.notes[2].deck, "Default");
    EXPECT_THAT(rendered(r.diagnostics),
                ElementsAre("deck.anki2: note: notes[id=1500000000005]: note has no cards (Anki "
                            "shows it nowhere); it goes to deck 'Default'"
                            " [APKG025]"));
    EXPECT_EQ(c.meta.created, 1600000000);
    EXPECT_EQ(c.meta.modified, 1600000000);
}

TEST(ApkgVariants, NoteTypesAndDecksKeepTheirUnmodelledKeys) {
    ReadResult r = read_apkg_bytes("deck.anki2", two_decks().sqlite());
    const NoteType* basic = r.collection.find_note_type(1001);
    ASSERT_NE(basic, nullptr);
    EXPECT_EQ(basic->name, "Basic");
    EXPECT_EQ(basic->css, ".card {}");
    EXPECT_EQ(basic->extras.json()["req"], nlohmann::json::parse(R"([[0, "any", [0]]])"));
    EXPECT_EQ(basic->extras.json()["did"], 1);
    EXPECT_EQ(basic->extras.json()["flds"][1],
              nlohmann::json::parse(R"({"ord": 1, "sticky": false, "rtl": false,
                                       "font": "Arial", "size": 20})"));
    EXPECT_FALSE(basic->extras.json().contains("name"));
    EXPECT_EQ(basic->templates[0].extras.json(), (nlohmann::json{{"ord", 0}, {"did", nullptr}}));
    const Deck* french = r.collection.find_deck("Lang::French");
    ASSERT_NE(french, nullptr);
    EXPECT_EQ(french->id, 2000);
    EXPECT_EQ(french->description, "Bonjour");
    EXPECT_EQ(french->extras.json()["conf"], 1);
    EXPECT_EQ(french->extras.json()["lrnToday"], nlohmann::json::parse("[0, 0]"));
    EXPECT_EQ(r.collection.extras.json()["dconf"]["1"]["maxTaken"], 60);
    EXPECT_EQ(r.collection.extras.json()["conf"]["schedVer"], 2);
}

TEST(ApkgVariants, ProbeRecognisesPackagesAndCollections) {
    auto reader = make_apkg_reader();
    EXPECT_EQ(reader->probe(input_from_memory("x", two_decks().sqlite())), 90);
    EXPECT_EQ(reader->probe(
                  input_from_memory("x", make_zip({{"collection.anki2", "x"}, {"media", "{}"}}))),
              100);
    EXPECT_EQ(reader->probe(input_from_memory("x", make_zip({{"notes.json", "{}"}}))), 0);
    EXPECT_EQ(reader->probe(input_from_memory("x", "# markdown deck")), 0);
    EXPECT_EQ(reader->probe(input_from_memory("x", "PK\x03\x04 broken")), 0);
}
