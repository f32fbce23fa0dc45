// The CrowdAnki writer: the real export comes back byte for byte, a hand-made collection has
// the keys and shapes of the real export, and the markdown deck survives a round trip.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "crowdanki_helpers.hpp"
#include "deckport/content.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::set<std::string> keys_of(const Json& object) {
    std::set<std::string> keys;
    for (auto& [key, value] : object.items()) keys.insert(key);
    return keys;
}

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

Collection sample_collection() {
    Collection c;
    c.note_types = {basic_note_type(), cloze_note_type()};
    c.ensure_deck("Rust Concurrency::Channels");
    c.notes.push_back(make_note("n1", c.note_types[0],
                                {html("What is a <code>Mutex</code>?"), html("A <b>lock</b>.")},
                                "Rust Concurrency", {"rust"}));
    c.notes.push_back(make_note("n2", c.note_types[1],
                                {html("A {{c1::Mutex}} guards data."), html("")},
                                "Rust Concurrency"));
    c.notes.push_back(make_note("n3", c.note_types[0],
                                {html("Icon?"), html("<img src=\"padlock.png\">[sound:click.mp3]")},
                                "Rust Concurrency::Channels"));
    for (const char* name : {"padlock.png", "click.mp3"}) {
        MediaFile file;
        file.name = name;
        file.data = std::string("bytes of ") + name;
        c.media.push_back(file);
    }
    return c;
}

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

}  // namespace

TEST(CrowdAnkiWriter, RealExportComesBackByteForByte) {
    DECKPORT_REQUIRE_FIXTURES();
    CrowdAnkiRead r = read_crowdanki(kamaraju());
    std::vector<std::string> diagnostics;
    Output output = write_crowdanki(r.collection, &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    EXPECT_TRUE(output.is_directory);
    ASSERT_EQ(output.files.size(), 2u);
    EXPECT_EQ(output_file(output, "deck.json"), read_text(kamaraju() / "deck.json"));
    EXPECT_EQ(output_file(output, "media/gunnys_noun_004_1440.jpg"),
              read_text(kamaraju() / "media/gunnys_noun_004_1440.jpg"));
}

TEST(CrowdAnkiWriter, OlderExportRewritesStably) {
    DECKPORT_REQUIRE_FIXTURES();
    CrowdAnkiRead r = read_crowdanki(brainbrew());
    Output once = write_crowdanki(r.collection);
    Json json = Json::parse(output_file(once, "deck.json"));
    // Its root's name is a full path and stays one; notes keep their older keys.
    EXPECT_EQ(json["name"], "LL::1. Vocab");
    EXPECT_EQ(json["notes"].size(), 15u);
    EXPECT_EQ(json["notes"][0]["data"], "");
    EXPECT_EQ(json["notes"][0]["flags"], 0);
    EXPECT_EQ(json["note_models"][0]["crowdanki_uuid"], "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");
    EXPECT_EQ(json["deck_configurations"][0]["name"], "LL Default");
    TempDir dir;
    CrowdAnkiRead back = read_crowdanki(materialize(once, dir));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    EXPECT_EQ(back.collection.notes, r.collection.notes);
    EXPECT_EQ(output_file(write_crowdanki(back.collection), "deck.json"),
              output_file(once, "deck.json"));
}

TEST(CrowdAnkiWriter, SampleCollectionHasTheKeysAndShapesOfARealExport) {
    DECKPORT_REQUIRE_FIXTURES();
    Json real = Json::parse(read_text(kamaraju() / "deck.json"));
    std::vector<std::string> diagnostics;
    Output output = write_crowdanki(sample_collection(), &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    Json ours = Json::parse(output_file(output, "deck.json"));

    EXPECT_EQ(keys_of(ours), keys_of(real));
    EXPECT_EQ(keys_of(ours["children"][0]), keys_of(real["children"][0]));
    EXPECT_EQ(keys_of(ours["notes"][0]), keys_of(real["notes"][0]));
    EXPECT_EQ(keys_of(ours["note_models"][0]), keys_of(real["note_models"][1]));  // Basic
    EXPECT_EQ(keys_of(ours["note_models"][0]["flds"][0]),
              keys_of(real["note_models"][1]["flds"][0]));
    EXPECT_EQ(keys_of(ours["note_models"][0]["tmpls"][0]),
              keys_of(real["note_models"][1]["tmpls"][0]));
    ASSERT_EQ(ours["deck_configurations"].size(), 1u);
    // Anki's default options, as the real export holds them, under our own uuid.
    Json config = ours["deck_configurations"][0];
    Json real_config = real["deck_configurations"][0];
    EXPECT_TRUE(std::regex_match(config["crowdanki_uuid"].get<std::string>(), kUuid));
    config.erase("crowdanki_uuid");
    real_config.erase("crowdanki_uuid");
    EXPECT_EQ(config, real_config);

    // Values, key by key.
    EXPECT_EQ(ours["__type__"], "Deck");
    EXPECT_EQ(ours["name"], "Rust Concurrency");
    EXPECT_EQ(ours["desc"], "");
    EXPECT_EQ(ours["dyn"], 0);
    EXPECT_EQ(ours["deck_config_uuid"], ours["deck_configurations"][0]["crowdanki_uuid"]);
    EXPECT_TRUE(std::regex_match(ours["crowdanki_uuid"].get<std::string>(), kUuid));
    EXPECT_EQ(ours["media_files"], Json::array());
    ASSERT_EQ(ours["children"].size(), 1u);
    const Json& channels = ours["children"][0];
    EXPECT_EQ(channels["name"], "Channels");
    EXPECT_EQ(channels["children"], Json::array());
    EXPECT_EQ(channels["media_files"], (Json{"click.mp3", "padlock.png"}));
    EXPECT_FALSE(channels.contains("note_models"));
    EXPECT_NE(channels["crowdanki_uuid"], ours["crowdanki_uuid"]);

    ASSERT_EQ(ours["notes"].size(), 2u);
    const Json& n1 = ours["notes"][0];
    EXPECT_EQ(n1["__type__"], "Note");
    EXPECT_EQ(n1["guid"], "n1");
    EXPECT_EQ(n1["fields"], (Json{"What is a <code>Mutex</code>?", "A <b>lock</b>."}));
    EXPECT_EQ(n1["tags"], (Json{"rust"}));
    ASSERT_EQ(ours["note_models"].size(), 2u);
    const Json& basic = ours["note_models"][0];
    EXPECT_EQ(n1["note_model_uuid"], basic["crowdanki_uuid"]);
    EXPECT_EQ(ours["notes"][1]["note_model_uuid"], ours["note_models"][1]["crowdanki_uuid"]);
    EXPECT_EQ(basic["name"], "Basic");
    EXPECT_EQ(basic["type"], 0);
    EXPECT_EQ(basic["sortf"], 0);
    EXPECT_EQ(basic["req"], Json::parse(R"([[0, "any", [0]]])"));
    EXPECT_EQ(basic["flds"][1]["name"], "Back");
    EXPECT_EQ(basic["flds"][1]["ord"], 1);
    EXPECT_EQ(basic["tmpls"][0]["qfmt"], "{{Front}}");
    EXPECT_EQ(basic["css"], kAnkiCss);
    EXPECT_EQ(ours["note_models"][1]["type"], 1);

    EXPECT_EQ(output_file(output, "media/padlock.png"), "bytes of padlock.png");
    EXPECT_EQ(output_file(output, "media/click.mp3"), "bytes of click.mp3");
}

TEST(CrowdAnkiWriter, FormattingIsSortedKeysAndFourSpaces) {
    Output output = write_crowdanki(sample_collection());
    const std::string& text = output_file(output, "deck.json");
    EXPECT_EQ(text.substr(0, 27), "{\n    \"__type__\": \"Deck\",\n ");
    EXPECT_EQ(text.back(), '}');
    EXPECT_EQ(text, Json::parse(text).dump(4));
}

TEST(CrowdAnkiWriter, RewritingIsByteIdentical) {
    Output first = write_crowdanki(sample_collection());
    EXPECT_EQ(output_file(write_crowdanki(sample_collection()), "deck.json"),
              output_file(first, "deck.json"));
    TempDir dir;
    CrowdAnkiRead back = read_crowdanki(materialize(first, dir));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    ASSERT_EQ(back.collection.notes.size(), 3u);
    EXPECT_EQ(back.collection.notes[2].fields[1],
              html("<img src=\"padlock.png\">[sound:click.mp3]"));
    Output second = write_crowdanki(back.collection);
    EXPECT_EQ(output_file(second, "deck.json"), output_file(first, "deck.json"));
    EXPECT_EQ(second.files.size(), first.files.size());
}

TEST(CrowdAnkiWriter, DecksWithoutACommonParentGetANewRoot) {
    Collection c;
    c.note_types = {basic_note_type()};
    c.notes.push_back(make_note("a1", c.note_types[0], {html("a"), html("b")}, "Alpha"));
    c.notes.push_back(make_note("b1", c.note_types[0], {html("c"), html("d")}, "Beta::Sub"));
    std::vector<std::string> diagnostics;
    Json json = Json::parse(
        output_file(write_crowdanki(c, &diagnostics, {}, "out/my-decks/"), "deck.json"));
    EXPECT_THAT(diagnostics,
                ElementsAre("out/my-decks/: warning: CrowdAnki holds one deck tree; the decks "
                            "are placed under a new root deck 'my-decks' [CA030]"));
    EXPECT_EQ(json["name"], "my-decks");
    EXPECT_EQ(json["notes"], Json::array());
    ASSERT_EQ(json["children"].size(), 2u);
    EXPECT_EQ(json["children"][0]["name"], "Alpha");
    EXPECT_EQ(json["children"][1]["name"], "Beta");
    EXPECT_EQ(json["children"][1]["children"][0]["name"], "Sub");
    EXPECT_EQ(json["children"][1]["children"][0]["notes"][0]["guid"], "b1");
    Json named = Json::parse(
        output_file(write_crowdanki(c, nullptr, {{"root", "Everything"}}), "deck.json"));
    EXPECT_EQ(named["name"], "Everything");
}

TEST(CrowdAnkiWriter, LossesAreReported) {
    Collection c = sample_collection();
    c.notes[0].cards.push_back(Card{0, "Rust Concurrency", JsonValue(nlohmann::json{{"ivl", 3}})});
    MediaFile nested;
    nested.name = "../x.png";
    nested.data = "x";
    c.media.push_back(nested);
    std::vector<std::string> diagnostics;
    Output output = write_crowdanki(c, &diagnostics);
    EXPECT_THAT(diagnostics,
                ElementsAre("out/deck-folder: warning: ../x.png: media file name cannot sit in "
                            "media/; left out [CA032]",
                            "out/deck-folder: warning: review history and scheduling are not "
                            "carried [CA031]"));
    EXPECT_EQ(output.files.size(), 3u);
}

TEST(CrowdAnkiCli, ConvertsTheReferenceDeckToAFolderCrowdAnkiReads) {
    TempDir dir;
    std::string out = (dir / "out/rc-crowdanki/").string();
    CliResult result = run_cli({"convert", "decks/rust-concurrency.md", "-o", out, "--to",
                                "crowdanki", "--timestamp", "1700000000"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    Json json = Json::parse(read_text(dir / "out/rc-crowdanki/deck.json"));
    EXPECT_EQ(json["name"], "Rust Concurrency");
    EXPECT_EQ(json["notes"].size(), 5u);
    EXPECT_EQ(json["children"], Json::array());
    // The folder is detected as CrowdAnki without --from.
    CliResult inspect = run_cli({"inspect", out, "--json"});
    EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
    Json summary = Json::parse(inspect.out);
    EXPECT_EQ(summary["format"], "crowdanki");
    EXPECT_EQ(summary["notes"], 5);
}
