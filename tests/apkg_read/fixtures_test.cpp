// Every real package in ../shared/fixtures/anki reads with the counts of its PROVENANCE.md, or
// is refused with the expected error.
#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include "apkg_read_support.hpp"
#include "deckport/identity.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

struct Expected {
    const char* file;
    std::size_t notes;
    std::size_t cards;
    std::size_t note_types;
    std::size_t media;
    std::size_t revlog;
    std::vector<std::string> decks;  // sorted by id, as the reader gives them
    const char* package;
};

const std::vector<Expected>& expected_fixtures() {
    static const std::vector<Expected> fixtures = {
        {"ankitects-anki/diffmodels2-1.apkg", 1, 1, 5, 0, 0, {"Default"}, "legacy1"},
        {"ankitects-anki/diffmodels2-2.apkg", 1, 2, 5, 0, 0, {"Default"}, "legacy1"},
        {"ankitects-anki/diffmodeltemplates-1.apkg",
         1,
         1,
         1,
         2,
         0,
         {"Default", "testdeck"},
         "legacy1"},
        {"ankitects-anki/diffmodeltemplates-2.apkg",
         1,
         1,
         1,
         2,
         0,
         {"Default", "testdeck"},
         "legacy1"},
        {"ankitects-anki/media.apkg", 1, 1, 3, 1, 0, {"Default"}, "legacy1"},
        {"ankitects-anki/update1.apkg", 1, 1, 5, 0, 0, {"Default"}, "legacy1"},
        {"ankitects-anki/update2.apkg", 1, 1, 5, 0, 0, {"Default"}, "legacy1"},
        {"ankitects-anki/mediacheck.anki2", 3, 3, 5, 0, 2, {"Default"}, "collection"},
        {"ankidroid/update3.apkg", 1, 1, 5, 0, 0, {"Default"}, "legacy1"},
        {"ankidroid/templates.apkg",
         48,
         146,
         9,
         0,
         102,
         {"Default", "1-TEMPLATES::Anatomy", "1-TEMPLATES::Anatomy::BadTemplate",
          "1-TEMPLATES::Anatomy::BadOrderSections", "1-TEMPLATES::NestedClozes", "1-TEMPLATES",
          "1-TEMPLATES::Conditionals", "1-TEMPLATES::Reassign", "1-TEMPLATES::Misc",
          "1-TEMPLATES::NormalClozes", "1-TEMPLATES::Typing broken"},
         "legacy1"},
        {"ankidroid/schema16.anki2", 0, 0, 5, 0, 0, {"Default", "ThisIsSchema16"}, "collection"},
        {"ankidroid/initial_version_2_12_1.anki2", 0, 0, 5, 0, 0, {"Default"}, "collection"},
        {"srs-converter/empty-latest.apkg", 0, 0, 0, 0, 0, {"Default"}, "latest"},
        {"srs-converter/empty-legacy-2.apkg", 0, 0, 0, 0, 0, {"Default"}, "legacy2"},
        {"srs-converter/empty-legacy-2.colpkg", 0, 0, 6, 0, 0, {"Default"}, "legacy2"},
        {"srs-converter/mixed-legacy-2.apkg",
         8,
         13,
         6,
         1,
         26,
         {"Default", "Test - Mixed Types"},
         "legacy2"},
        {"anki-apkg-export/output.apkg", 3, 3, 1, 1, 0, {"Default", "deck-name"}, "legacy1"},
    };
    return fixtures;
}

const Note& only_note(const Collection& c) {
    EXPECT_EQ(c.notes.size(), 1u);
    return c.notes.front();
}

std::vector<std::string> field_sources(const Note& note) {
    std::vector<std::string> out;
    for (const Content& field : note.fields) {
        EXPECT_EQ(field.kind, Markup::html);
        out.push_back(field.source);
    }
    return out;
}

}  // namespace

TEST(ApkgFixtures, EveryFixtureReadsWithItsCounts) {
    DECKPORT_REQUIRE_FIXTURES();
    for (const Expected& e : expected_fixtures()) {
        SCOPED_TRACE(e.file);
        ReadResult r = read_fixture(e.file);
        const Collection& c = r.collection;
        EXPECT_EQ(c.notes.size(), e.notes);
        EXPECT_EQ(card_count(c), e.cards);
        EXPECT_EQ(c.note_types.size(), e.note_types);
        EXPECT_EQ(c.media.size(), e.media);
        EXPECT_EQ(c.extras.json()["revlog"].size(), e.revlog);
        EXPECT_EQ(deck_names(c), e.decks);
        EXPECT_EQ(c.extras.json()["package"], e.package);
        EXPECT_THAT(rendered(r.diagnostics), IsEmpty());
    }
}

TEST(ApkgFixtures, RefusesTooOldAndTooNewCollections) {
    DECKPORT_REQUIRE_FIXTURES();
    try {
        read_fixture("ankitects-anki/anki2-alpha.anki2");
        FAIL() << "the 2012 alpha collection was read";
    } catch (const InputError& e) {
        EXPECT_EQ(format_diagnostic(e.diagnostic()),
                  "ankitects-anki/anki2-alpha.anki2: error: col.ver: collection schema version 1 "
                  "is too old; deckport reads version 11 (Anki 2.0) and newer [APKG006]");
    }
    try {
        read_fixture("ankidroid/schema250.anki2");
        FAIL() << "the schema-250 collection was read";
    } catch (const InputError& e) {
        EXPECT_EQ(format_diagnostic(e.diagnostic()),
                  "ankidroid/schema250.anki2: error: col.ver: collection schema version 250 is "
                  "newer than deckport knows (11, 14 to 18) [APKG007]");
    }
}

TEST(ApkgFixtures, Update1HasItsNote) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("ankitects-anki/update1.apkg");
    const Note& note = only_note(r.collection);
    EXPECT_EQ(note.guid, "cU1%zNUzk1");
    EXPECT_THAT(field_sources(note), ElementsAre("hello", "world"));
    EXPECT_EQ(note.modified, 1375933503);
    EXPECT_EQ(note.deck, "Default");
    const NoteType* nt = r.collection.find_note_type(note.note_type_id);
    ASSERT_NE(nt, nullptr);
    EXPECT_EQ(nt->name, "Basic");
    EXPECT_THAT(nt->fields, ElementsAre("Front", "Back"));
    EXPECT_EQ(note.origin.locator,
              "collection.anki2!notes[id=" + note.extras.json()["id"].dump() + "]");
}

TEST(ApkgFixtures, Update2And3ShareTheGuidWithNewerContent) {
    DECKPORT_REQUIRE_FIXTURES();
    const Note update2 = only_note(read_fixture("ankitects-anki/update2.apkg").collection);
    EXPECT_EQ(update2.guid, "cU1%zNUzk1");
    EXPECT_THAT(field_sources(update2), ElementsAre("goodbye", "world"));
    EXPECT_EQ(update2.modified, 1375933856);
    const Note update3 = only_note(read_fixture("ankidroid/update3.apkg").collection);
    EXPECT_EQ(update3.guid, "cU1%zNUzk1");
    EXPECT_EQ(update3.note_type_id, 1375933491111);
}

TEST(ApkgFixtures, DuplicateNoteTypeNamesAreKeptApartById) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("ankitects-anki/diffmodels2-1.apkg");
    std::vector<std::int64_t> basic_ids;
    for (const NoteType& nt : r.collection.note_types) {
        if (nt.name == "Basic") basic_ids.push_back(nt.id);
    }
    ASSERT_EQ(basic_ids.size(), 2u);
    EXPECT_NE(basic_ids[0], basic_ids[1]);
    const Note& note = only_note(r.collection);
    EXPECT_EQ(note.guid, "MGCsE3z^Er");
    EXPECT_EQ(r.collection.find_note_type(note.note_type_id)->templates.size(), 1u);
    ReadResult second = read_fixture("ankitects-anki/diffmodels2-2.apkg");
    const Note& changed = only_note(second.collection);
    EXPECT_EQ(changed.note_type_id, note.note_type_id);
    EXPECT_EQ(changed.cards.size(), 2u);
}

TEST(ApkgFixtures, MediaApkgCarriesFooWav) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("ankitects-anki/media.apkg");
    ASSERT_EQ(r.collection.media.size(), 1u);
    const MediaFile& file = r.collection.media.front();
    EXPECT_EQ(file.name, "foo.wav");
    EXPECT_EQ(file.bytes().size(), 4u);
    EXPECT_EQ(file.origin.locator, "media[0]");
    EXPECT_THAT(field_sources(only_note(r.collection))[0], ::testing::HasSubstr("[sound:foo.wav]"));
}

TEST(ApkgFixtures, MixedLegacy2ReadsTheRealCollectionNotThePlaceholder) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("srs-converter/mixed-legacy-2.apkg");
    const Collection& c = r.collection;
    EXPECT_THAT(note_type_names(c),
                ElementsAre("Basic", "Basic (and reversed card)", "Basic (optional reversed card)",
                            "Basic (type in the answer)", "Cloze", "Image Occlusion"));
    for (const Note& note : c.notes) {
        EXPECT_EQ(note.deck, "Test - Mixed Types");
        for (const Content& field : note.fields) {
            EXPECT_THAT(field.source, ::testing::Not(::testing::HasSubstr("Please update")));
        }
    }
    ASSERT_EQ(c.media.size(), 1u);
    const MediaFile& image = c.media.front();
    EXPECT_EQ(image.name, "paste-ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac.jpg");
    EXPECT_EQ(image.bytes().size(), 10701u);
    EXPECT_EQ(image.bytes().substr(0, 3), "\xFF\xD8\xFF");  // a JPEG
}

TEST(ApkgFixtures, SchedulingAndRevlogAreKept) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("srs-converter/mixed-legacy-2.apkg");
    const Note* cloze = nullptr;
    for (const Note& note : r.collection.notes) {
        if (note.fields[0].source.starts_with("In a cloze, some")) cloze = &note;
    }
    ASSERT_NE(cloze, nullptr);
    ASSERT_EQ(cloze->cards.size(), 2u);
    EXPECT_EQ(cloze->cards[0].ord, 0);
    EXPECT_EQ(cloze->cards[1].ord, 1);
    const nlohmann::json& s = cloze->cards[0].scheduling.json();
    EXPECT_EQ(s["type"], 2);
    EXPECT_EQ(s["queue"], 2);
    EXPECT_EQ(s["due"], 871);
    EXPECT_EQ(s["ivl"], 11);
    EXPECT_EQ(s["factor"], 2500);
    EXPECT_EQ(s["reps"], 2);
    EXPECT_EQ(s["data"], R"({"pos":1055,"s":12.116,"d":5.61,"dr":0.9})");
    EXPECT_EQ(cloze->cards[0].deck, "Test - Mixed Types");
    const nlohmann::json& revlog = r.collection.extras.json()["revlog"];
    ASSERT_EQ(revlog.size(), 26u);
    EXPECT_EQ(revlog[0].size(), 9u);
}

TEST(ApkgFixtures, TemplatesApkgHasNestedAndFilteredDecks) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("ankidroid/templates.apkg");
    const Deck* filtered = r.collection.find_deck("1-TEMPLATES::Anatomy::BadTemplate");
    ASSERT_NE(filtered, nullptr);
    EXPECT_EQ(filtered->extras.json()["dyn"], 1);
    EXPECT_TRUE(filtered->extras.json().contains("terms"));
    // Cards that sit in a filtered deck keep their note in the home deck.
    for (const Note& note : r.collection.notes) {
        EXPECT_NE(note.deck, "1-TEMPLATES::Anatomy::BadTemplate");
        EXPECT_NE(note.deck, "1-TEMPLATES::Anatomy::BadOrderSections");
    }
    std::size_t cloze_types = 0;
    for (const NoteType& nt : r.collection.note_types) {
        if (nt.kind == NoteTypeKind::cloze) ++cloze_types;
    }
    EXPECT_EQ(cloze_types, 4u);
}

TEST(ApkgFixtures, OutputApkgFromAThirdPartyGenerator) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("anki-apkg-export/output.apkg");
    const Collection& c = r.collection;
    ASSERT_EQ(c.notes.size(), 3u);
    EXPECT_THAT(c.notes[0].tags, ElementsAre("food", "fruit"));
    EXPECT_EQ(c.notes[0].guid, "689533a98392a2f84650550d1bdcf78e87555f0b");
    EXPECT_EQ(c.notes[0].deck, "deck-name");
    EXPECT_THAT(c.notes[1].tags, IsEmpty());
    EXPECT_EQ(c.note_types[0].extras.json()["veArs"], nlohmann::json::array());
    ASSERT_EQ(c.media.size(), 1u);
    EXPECT_EQ(c.media[0].name, "anki.png");
    EXPECT_EQ(c.media[0].bytes().size(), 19040u);
}

TEST(ApkgFixtures, Schema16TablesMapToTheSameNoteTypesAsSchema11) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult modern = read_fixture("ankidroid/schema16.anki2");
    ReadResult legacy = read_fixture("ankidroid/initial_version_2_12_1.anki2");
    auto sorted_names = [](const Collection& c) {
        std::vector<std::string> names = note_type_names(c);
        std::sort(names.begin(), names.end());
        return names;
    };
    EXPECT_EQ(sorted_names(modern.collection), sorted_names(legacy.collection));
    const NoteType* basic = modern.collection.find_note_type("Basic");
    ASSERT_NE(basic, nullptr);
    EXPECT_THAT(basic->fields, ElementsAre("Front", "Back"));
    ASSERT_EQ(basic->templates.size(), 1u);
    EXPECT_EQ(basic->templates[0].name, "Card 1");
    EXPECT_EQ(basic->templates[0].front, "{{Front}}");
    EXPECT_EQ(basic->extras.json()["flds"][0]["font"], "Arial");
    EXPECT_EQ(basic->extras.json()["flds"][0]["size"], 20);
    EXPECT_EQ(basic->extras.json()["req"], nlohmann::json::parse(R"([[0, "any", [0]]])"));
    const NoteType* cloze = modern.collection.find_note_type("Cloze");
    ASSERT_NE(cloze, nullptr);
    EXPECT_EQ(cloze->kind, NoteTypeKind::cloze);
    const nlohmann::json& dconf = modern.collection.extras.json()["dconf"]["1"];
    EXPECT_EQ(dconf["new"]["delays"], nlohmann::json::parse("[1.0, 10.0]"));
    EXPECT_EQ(dconf["rev"]["ease4"], 1.3);
    EXPECT_EQ(dconf["maxTaken"], 60);
    EXPECT_EQ(modern.collection.meta.created, 1619060400);
    EXPECT_EQ(modern.collection.meta.modified, 1619514477);
}

TEST(ApkgFixtures, LatestPackageDecodesZstdCollectionAndMap) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_fixture("srs-converter/empty-latest.apkg");
    EXPECT_EQ(r.collection.extras.json()["col"]["ver"], 18);
    const Deck& deck = r.collection.decks.at(0);
    EXPECT_EQ(deck.id, 1);
    EXPECT_EQ(deck.extras.json()["conf"], 1);
    EXPECT_EQ(deck.extras.json()["collapsed"], true);
    EXPECT_EQ(r.collection.extras.json()["dconf"]["1"]["name"], "Default");
    EXPECT_EQ(r.collection.extras.json()["conf"]["schedVer"], 2);
}
