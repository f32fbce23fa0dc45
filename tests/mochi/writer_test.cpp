// The Mochi writer: data.json key by key for a hand-made collection, byte-identical rewrites,
// and round trips from the fixtures and from the markdown deck.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using Json = nlohmann::ordered_json;

namespace {

Note make_note(std::string guid, const NoteType& nt, std::vector<Content> fields, std::string deck,
               std::vector<std::string> tags = {}) {
    Note note;
    note.guid = std::move(guid);
    note.note_type_id = nt.id;
    note.fields = std::move(fields);
    note.deck = std::move(deck);
    note.set_tags(std::move(tags));
    return note;
}

// Two decks (one nested), a basic card with tags, a cloze, a card with an image, a field with a
// horizontal rule, and text that Transit must escape.
Collection sample_collection() {
    Collection c;
    c.note_types = {basic_note_type(), cloze_note_type()};
    const NoteType& basic = c.note_types[0];
    const NoteType& cloze = c.note_types[1];
    c.ensure_deck("Rust Concurrency::Channels");
    c.notes.push_back(make_note("noteOne01", basic, {md("What is a `Mutex`?"), md("A **lock**.")},
                                "Rust Concurrency", {"rust", "concurrency"}));
    c.notes.push_back(make_note("c#loze+1", cloze,
                                {md("A {{c1::Mutex}} guards {{c2::data}}."), md("")},
                                "Rust Concurrency"));
    c.notes.push_back(make_note(
        "noteImg01", basic, {md("Which icon?"), md("![padlock](padlock.png)\n\n---\n\nA lock.")},
        "Rust Concurrency::Channels"));
    c.notes.push_back(make_note("noteTilde", basic, {md("~~gone~~"), md("^up")},
                                "Rust Concurrency::Channels", {"~odd"}));
    MediaFile image;
    image.name = "padlock.png";
    image.data = std::string("\x89PNG", 4);
    c.media.push_back(image);
    return c;
}

Json data_json(const std::string& package) {
    return Json::parse(zip_member(package, "data.json"));
}

}  // namespace

TEST(MochiWriter, SampleCollectionKeyByKey) {
    std::vector<std::string> diagnostics;
    std::string package = write_mochi(sample_collection(), &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    EXPECT_THAT(zip_names(package), ElementsAre("data.json", "padlock.png"));
    EXPECT_EQ(zip_member(package, "padlock.png"), std::string("\x89PNG", 4));

    Json data = data_json(package);
    std::vector<std::string> keys;
    for (auto& [key, value] : data.items()) keys.push_back(key);
    EXPECT_THAT(keys, ElementsAre("~:version", "~:decks"));
    EXPECT_EQ(data["~:version"], 2);
    ASSERT_EQ(data["~:decks"].size(), 2u);

    const Json& root = data["~:decks"][0];
    const Json& channels = data["~:decks"][1];
    EXPECT_EQ(root["~:name"], "Rust Concurrency");
    EXPECT_FALSE(root.contains("~:parent-id"));
    EXPECT_EQ(channels["~:name"], "Channels");
    EXPECT_EQ(channels["~:parent-id"], root["~:id"]);
    for (const Json* deck : {&root, &channels}) {
        std::string id = (*deck)["~:id"];
        EXPECT_EQ(id.substr(0, 2), "~:");
        EXPECT_EQ(id.size(), 10u);
        EXPECT_EQ(id.find_first_not_of(
                      "~:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                  std::string::npos);
    }

    const Json& cards = root["~:cards"]["~#list"];
    ASSERT_EQ(cards.size(), 2u);
    std::vector<std::string> card_keys;
    for (auto& [key, value] : cards[0].items()) card_keys.push_back(key);
    EXPECT_THAT(card_keys, ElementsAre("~:content", "~:deck-id", "~:id", "~:pos", "~:tags"));
    EXPECT_EQ(cards[0]["~:content"], "What is a `Mutex`?\n---\nA **lock**.");
    EXPECT_EQ(cards[0]["~:deck-id"], root["~:id"]);
    EXPECT_EQ(cards[0]["~:id"], "~:noteOne01");  // the GUID is a valid Mochi id: kept
    EXPECT_EQ(cards[0]["~:pos"], "000");
    EXPECT_EQ(cards[0]["~:tags"], (Json{{"~#set", {"concurrency", "rust"}}}));
    // Cloze numbers lose Anki's `c`; an empty Back Extra adds no side.
    EXPECT_EQ(cards[1]["~:content"], "A {{1::Mutex}} guards {{2::data}}.");
    EXPECT_EQ(cards[1]["~:pos"], "001");
    // "c#loze+1" is no Mochi id: the id is derived from it.
    std::string derived = cards[1]["~:id"];
    EXPECT_EQ(derived.size(), 10u);
    EXPECT_NE(derived, "~:c#loze+1");
    EXPECT_EQ(cards[1]["~:tags"], (Json{{"~#set", Json::array()}}));

    const Json& sub_cards = channels["~:cards"]["~#list"];
    ASSERT_EQ(sub_cards.size(), 2u);
    // Media links point into the archive; a horizontal rule keeps Mochi from splitting on it.
    EXPECT_EQ(sub_cards[0]["~:content"],
              "Which icon?\n---\n![padlock](@media/padlock.png)\n\n----\n\nA lock.");
    EXPECT_EQ(sub_cards[0]["~:deck-id"], channels["~:id"]);
    // Strings that begin with `~` or `^` are escaped as Transit requires.
    EXPECT_EQ(sub_cards[1]["~:content"], "~~~gone~~\n---\n^up");
    EXPECT_EQ(sub_cards[1]["~:tags"], (Json{{"~#set", {"~~odd"}}}));
}

TEST(MochiWriter, ReadingTheOutputGivesTheCollectionBack) {
    Collection original = sample_collection();
    MochiRead back = read_mochi_input(input_from_memory("x.mochi", write_mochi(original)));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    ASSERT_EQ(back.collection.notes.size(), original.notes.size());
    // The horizontal rule written `----` comes back as the `---` it was.
    for (std::size_t i = 0; i < original.notes.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(back.collection.notes[i].fields, original.notes[i].fields);
        EXPECT_EQ(back.collection.notes[i].tags, original.notes[i].tags);
        EXPECT_EQ(back.collection.notes[i].deck, original.notes[i].deck);
    }
    EXPECT_EQ(back.collection.notes[0].guid, "noteOne01");
    ASSERT_EQ(back.collection.media.size(), 1u);
    EXPECT_EQ(back.collection.media[0], original.media[0]);
}

TEST(MochiWriter, RewritingIsByteIdentical) {
    std::string first = write_mochi(sample_collection());
    std::string second = write_mochi(sample_collection());
    EXPECT_EQ(first, second);
    MochiRead back = read_mochi_input(input_from_memory("x.mochi", first));
    EXPECT_EQ(write_mochi(back.collection), first);
}

TEST(MochiWriter, FixturePackageRoundTripsByteIdentically) {
    DECKPORT_REQUIRE_FIXTURES();
    MochiRead fixture = read_mochi_input(
        read_input((fixtures_dir() / "mochi/synthetic-rust-concurrency.mochi").string()));
    std::string once = write_mochi(fixture.collection);
    MochiRead back = read_mochi_input(input_from_memory("x.mochi", once));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    EXPECT_EQ(back.collection.notes, fixture.collection.notes);
    EXPECT_EQ(write_mochi(back.collection), once);
    // Mochi's own ids survive: card and deck ids are written back as they were read.
    Json data = data_json(once);
    EXPECT_EQ(data["~:decks"][0]["~:id"], "~:RustConc");
    EXPECT_EQ(data["~:decks"][1]["~:parent-id"], "~:RustConc");
    EXPECT_EQ(data["~:decks"][0]["~:cards"]["~#list"][0]["~:id"], "~:mutexWhat");
    // The template card is written as plain content.
    EXPECT_EQ(data["~:decks"][0]["~:cards"]["~#list"][6]["~:content"],
              "What is `Arc`?\n---\nAn atomically reference-counted shared pointer.");
}

TEST(MochiWriter, MediaPathsBecomeFlatNamesAtTheArchiveRoot) {
    Collection c;
    c.note_types = {basic_note_type()};
    c.notes.push_back(make_note("pathsAAAA", c.note_types[0],
                                {md("![a](media/padlock.png)"), md("![b](other/padlock%2Epng)")},
                                "D"));
    for (const char* name : {"media/padlock.png", "other/padlock.png"}) {
        MediaFile file;
        file.name = name;
        file.data = name;
        c.media.push_back(file);
    }
    std::vector<std::string> diagnostics;
    std::string package = write_mochi(c, &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    // The second "padlock.png" gets the first 8 hex digits of its SHA-1.
    std::string second = "padlock-" + sha1_hex("other/padlock.png").substr(0, 8) + ".png";
    EXPECT_THAT(zip_names(package), ElementsAre("data.json", "padlock.png", second));
    EXPECT_EQ(zip_member(package, second), "other/padlock.png");
    EXPECT_EQ(data_json(package)["~:decks"][0]["~:cards"]["~#list"][0]["~:content"],
              "![a](@media/padlock.png)\n---\n![b](@media/" + second + ")");
}

TEST(MochiWriter, MediaPathsWithSpacesAndReferenceStyleImagesStayImages) {
    // Issue 11.7: a destination with a space is written in <...>; a reference-style image is
    // rewritten through its definition; both read back as the files' names.
    Collection c;
    c.note_types = {basic_note_type()};
    c.notes.push_back(make_note(
        "spacesAAA", c.note_types[0],
        {md("![a](img/blue%20dot.png)"), md("![x][pic] and ![pic]\n\n[pic]: img/red.png")}, "D"));
    for (const char* name : {"img/blue dot.png", "img/red.png"}) {
        MediaFile file;
        file.name = name;
        file.data = name;
        c.media.push_back(file);
    }
    std::string package = write_mochi(c);
    EXPECT_EQ(data_json(package)["~:decks"][0]["~:cards"]["~#list"][0]["~:content"],
              "![a](<@media/blue dot.png>)\n---\n![x][pic] and ![pic]\n\n[pic]: @media/red.png");
    MochiRead back = read_mochi_input(input_from_memory("deck.mochi", package));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    ASSERT_EQ(back.collection.notes.size(), 1u);
    EXPECT_EQ(back.collection.notes[0].fields[0], md("![a](<blue dot.png>)"));
    EXPECT_EQ(back.collection.notes[0].fields[1], md("![x][pic] and ![pic]\n\n[pic]: red.png"));
}

TEST(MochiWriter, LossesAreReported) {
    Collection c;
    NoteType custom;
    custom.name = "Vocab";
    custom.fields = {"Word", "Meaning", "Example"};
    custom.templates = {{"Card 1", "{{Word}}", "{{Meaning}}", {}}};
    custom.id = 42;
    c.note_types = {custom, basic_and_reversed_note_type()};
    Note vocab = make_note("vocab0001", custom, {md("Hund"), md("dog"), md("")}, "Words");
    vocab.cards.push_back(Card{0, "Words", JsonValue(nlohmann::json{{"ivl", 3}})});
    c.notes.push_back(vocab);
    c.notes.push_back(make_note("reverse01", c.note_types[1], {md("front"), md("back")}, "Words"));
    c.ensure_deck("Words");
    c.decks[0].description = "German words";
    MediaFile bad;
    bad.name = "../up.png";
    bad.data = "x";
    c.media.push_back(bad);
    std::vector<std::string> diagnostics;
    std::string package = write_mochi(c, &diagnostics);
    EXPECT_THAT(
        diagnostics,
        ElementsAre("out.mochi: warning: ../up.png: media file '../up.png' cannot sit at the "
                    "archive root under that name; left out [MOCHI043]",
                    "out.mochi: warning: note type 'Vocab': its card templates and styling are "
                    "not carried; its fields become card sides [MOCHI040]",
                    "out.mochi: warning: note type 'Basic (and reversed card)': Mochi has no "
                    "reverse cards; only the first card of each note is kept [MOCHI040]",
                    "out.mochi: warning: review history and scheduling are not carried "
                    "[MOCHI041]",
                    "out.mochi: warning: deck descriptions are not carried (first: 'Words') "
                    "[MOCHI042]"));
    Json data = data_json(package);
    // Empty trailing fields of other note types add no side.
    EXPECT_EQ(data["~:decks"][0]["~:cards"]["~#list"][0]["~:content"], "Hund\n---\ndog");
    EXPECT_THAT(zip_names(package), ElementsAre("data.json"));
}

TEST(MochiWriter, ReferenceDeckIsOneDeckOfFiveTwoSidedCards) {
    const Format* markdown = builtin_formats().find("markdown");
    ASSERT_NE(markdown, nullptr);
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 1700000000};
    Collection deck = read_collection(
        *markdown, read_input((source_dir() / "decks/rust-concurrency.md").string()), context);
    Json data = data_json(write_mochi(deck));
    ASSERT_EQ(data["~:decks"].size(), 1u);
    EXPECT_EQ(data["~:decks"][0]["~:name"], "Rust Concurrency");
    const Json& cards = data["~:decks"][0]["~:cards"]["~#list"];
    ASSERT_EQ(cards.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        SCOPED_TRACE(i);
        std::string content = cards[i]["~:content"];
        // Two sides each: exactly one separator line, the question before it.
        EXPECT_EQ(content.find("\n---\n"), content.rfind("\n---\n"));
        EXPECT_EQ(content.substr(0, content.find("\n---\n")), deck.notes[i].fields[0].source);
    }
    EXPECT_EQ(cards[0]["~:content"].get<std::string>().substr(0, 25),
              "What is a `Mutex`?\n---\nA ");
}

TEST(MochiCli, ConvertsTheReferenceDeckToAPackage) {
    TempDir dir;
    CliResult result = run_cli({"convert", "decks/rust-concurrency.md", "-o",
                                (dir / "out/rc.mochi").string(), "--timestamp", "1700000000"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::string package = read_text(dir / "out/rc.mochi");
    Json data = data_json(package);
    ASSERT_EQ(data["~:decks"].size(), 1u);
    EXPECT_EQ(data["~:decks"][0]["~:name"], "Rust Concurrency");
    EXPECT_EQ(data["~:decks"][0]["~:cards"]["~#list"].size(), 5u);
    // The package is detected from its extension and content.
    CliResult inspect = run_cli({"inspect", (dir / "out/rc.mochi").string(), "--json"});
    EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
    Json summary = Json::parse(inspect.out);
    EXPECT_EQ(summary["format"], "mochi");
    EXPECT_EQ(summary["notes"], 5);
}
