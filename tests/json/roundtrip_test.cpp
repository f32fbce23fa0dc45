// The JSON format is lossless and canonical: model -> json -> model is the identity, json -> json
// gives the same bytes, and the layout is stable.
#include <gtest/gtest.h>

#include <cmath>

#include "deckport/error.hpp"
#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;

TEST(JsonRoundTrip, ModelToJsonToModelKeepsEverything) {
    Collection original = sample_collection();
    Diagnostics diagnostics;
    std::string text = write_json(original, {}, &diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << testing::PrintToString(rendered(diagnostics.all()));

    Collection back = read_json(text, diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << testing::PrintToString(rendered(diagnostics.all()));
    // Where the collection was read from is no content: the JSON leaves it out.
    Collection expected = original;
    expected.meta.source_format.clear();
    expected.meta.source_name.clear();
    expect_same_collection(expected, back);
    ASSERT_EQ(back.media.size(), 3u);
    EXPECT_EQ(back.media[0].bytes(), every_byte());
    EXPECT_EQ(back.notes[2].fields[1].source.size(), 25u);  // the NUL byte survived
}

TEST(JsonRoundTrip, JsonToJsonThroughTheWholePipelineIsByteIdentical) {
    std::string first = write_json(sample_collection());
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, Limits{}, 1234};
    Collection read =
        read_collection(json_deck_format(), input_from_memory("in.json", first), context);
    EXPECT_TRUE(diagnostics.empty()) << testing::PrintToString(rendered(diagnostics.all()));
    EXPECT_EQ(read.meta.source_format, "json");
    EXPECT_EQ(write_json(read), first);
}

TEST(JsonRoundTrip, WritingTwiceGivesIdenticalBytes) {
    EXPECT_EQ(write_json(sample_collection()), write_json(sample_collection()));
}

TEST(JsonLayout, IsPrettyPrintedInSchemaOrderWithATrailingNewline) {
    std::string text = write_json(sample_collection());
    EXPECT_TRUE(
        text.starts_with("{\n  \"format\": \"deckport\",\n  \"version\": \"1.0\",\n"
                         "  \"meta\": {\n    \"created\": 1700000000,\n"
                         "    \"modified\": 1700000500\n  },\n  \"note_types\": [\n"))
        << text.substr(0, 200);
    EXPECT_TRUE(text.ends_with("\n}\n"));
    // Top-level sections in documented order.
    std::size_t last = 0;
    for (const char* key : {"\n  \"note_types\"", "\n  \"decks\"", "\n  \"notes\"", "\n  \"media\"",
                            "\n  \"extras\""}) {
        std::size_t at = text.find(key);
        ASSERT_NE(at, std::string::npos) << key;
        EXPECT_GT(at, last) << key;
        last = at;
    }
    // A note: keys in documented order, note type named by id and name.
    EXPECT_NE(text.find("      \"guid\": \"g-mutex\",\n      \"note_type\": {\n        \"id\": "),
              std::string::npos);
    EXPECT_NE(text.find("\"name\": \"Basic\"\n      },\n      \"deck\": \"Lang::Rust::Sync\",\n"
                        "      \"tags\": [\n        \"rust\",\n        \"sync::mutex\"\n"),
              std::string::npos);
    EXPECT_NE(text.find("{\n          \"name\": \"Front\",\n          \"kind\": \"markdown\",\n"
                        "          \"source\": \"What is a `Mutex`?\"\n        }"),
              std::string::npos);
    // Non-ASCII text stays readable; control characters are escaped.
    EXPECT_NE(text.find("é, 🦀"), std::string::npos);
    EXPECT_NE(text.find("lock\\u0001 with a NUL \\u0000 inside"), std::string::npos);
    // Positions and the input's name and format are no content.
    EXPECT_EQ(text.find("sample.md"), std::string::npos);
    EXPECT_EQ(text.find("source_"), std::string::npos);
    EXPECT_EQ(text.find("origin"), std::string::npos);
}

TEST(JsonLayout, LeavesOutKeysThatHoldTheirDefault) {
    std::string text = write_json(sample_collection());
    // The mutex note has no cards, no extras and modified 0.
    std::size_t start = text.find("\"guid\": \"g-mutex\"");
    std::size_t end = text.find("\"guid\": \"g-cloze\"");
    std::string note = text.substr(start, end - start);
    EXPECT_EQ(note.find("\"cards\""), std::string::npos);
    EXPECT_EQ(note.find("\"extras\""), std::string::npos);
    EXPECT_EQ(note.find("\"modified\""), std::string::npos);
    // The cloze note has them.
    std::string cloze = text.substr(end, text.find("\"guid\": \"g-word\"") - end);
    EXPECT_NE(cloze.find("\"modified\": 1690000000"), std::string::npos);
    EXPECT_NE(cloze.find("\"extras\": {\n        \"flags\": 0,\n        \"usn\": -1\n"),
              std::string::npos);
}

TEST(JsonMedia, InlineBytesAreBase64WithSizeAndSha1) {
    std::string text = write_json(sample_collection());
    EXPECT_NE(text.find("\"name\": \"empty.txt\",\n      \"size\": 0,\n      \"sha1\": "
                        "\"da39a3ee5e6b4b0d3255bfef95601890afd80709\",\n      \"data\": \"\"\n"),
              std::string::npos);
    EXPECT_NE(text.find("\"name\": \"blob.bin\",\n      \"size\": 256,\n      \"sha1\": \"" +
                        sha1_hex(every_byte()) + "\",\n      \"data\": \"AAECAwQFBgcICQoL"),
              std::string::npos);
}

TEST(JsonMedia, ListModeWritesNoBytesAndReadsThemFromTheJsonFilesFolder) {
    Collection original = sample_collection();
    std::string text = write_json(original, {{"media", "list"}});
    EXPECT_EQ(text.find("\"data\""), std::string::npos);
    EXPECT_NE(text.find("\"name\": \"blob.bin\",\n      \"size\": 256,\n      \"sha1\": \"" +
                        sha1_hex(every_byte()) + "\"\n    }"),
              std::string::npos);

    TempDir dir;
    write_text(dir / "deck.json", text);
    write_text(dir / "blob.bin", every_byte());
    write_text(dir / "café one.png", original.media[2].bytes());
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, Limits{}, 0};
    Input input = read_input((dir / "deck.json").string());
    Collection back = json_deck_format().reader->read(input, context);
    // empty.txt is not in the folder: dropped with a warning naming where it was looked for.
    EXPECT_EQ(
        rendered(diagnostics.all()),
        std::vector<std::string>{input.display_name +
                                 ":226:5: warning: /media/1: media file \"empty.txt\" has "
                                 "no \"data\" and does not exist (looked for " +
                                 (std::filesystem::canonical(dir.path()) / "empty.txt").string() +
                                 "); dropped [MEDIA001]"});
    ASSERT_EQ(back.media.size(), 2u);
    EXPECT_EQ(back.media[0], original.media[0]);
    EXPECT_EQ(back.media[1], original.media[2]);
}

TEST(JsonMedia, ListModeNeverLooksOutsideTheFolder) {
    Diagnostics diagnostics;
    read_json(R"({"format": "deckport", "version": "1.0", "media": [{"name": "../secret"}]})",
              diagnostics);
    EXPECT_EQ(rendered(diagnostics.all()),
              std::vector<std::string>{
                  "deck.json:1:52: error: /media/0: media file \"../secret\" has no \"data\" "
                  "and its name leaves the media root: it is not read [MEDIA002]"});
}

TEST(JsonWriter, RejectsAnUnknownMediaMode) {
    EXPECT_THROW(write_json(sample_collection(), {{"media", "links"}}), UsageError);
}

TEST(JsonWriter, ReplacesInvalidUtf8AndSaysWhere) {
    Collection c = sample_collection();
    c.notes[0].fields[1].source = "bad \xff byte";
    Diagnostics diagnostics;
    std::string text = write_json(c, {}, &diagnostics);
    EXPECT_EQ(rendered(diagnostics.all()),
              std::vector<std::string>{"out.json: warning: /notes/0/fields/1/source: text is not "
                                       "UTF-8: invalid bytes written as U+FFFD [JSON040]"});
    EXPECT_NE(text.find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(JsonWriter, WritesANumberJsonCannotHoldAsNullAndSaysWhere) {
    Collection c = sample_collection();
    c.notes[1].extras.json()["ratio"] = std::nan("");
    Diagnostics diagnostics;
    std::string text = write_json(c, {}, &diagnostics);
    EXPECT_EQ(
        rendered(diagnostics.all()),
        std::vector<std::string>{"out.json: warning: /notes/1/extras/ratio: number nan cannot be "
                                 "written in JSON: written as null [JSON040]"});
    EXPECT_NE(text.find("\"ratio\": null"), std::string::npos);
}

TEST(JsonWriter, ReportsNotesThatWouldNotReadBack) {
    Collection c = sample_collection();
    c.notes[0].note_type_id = 42;
    c.notes[1].fields.pop_back();
    Diagnostics diagnostics;
    write_json(c, {}, &diagnostics);
    EXPECT_EQ(rendered(diagnostics.all()),
              (std::vector<std::string>{
                  "out.json: error: notes[guid=g-mutex]: note type id 42 is not in the "
                  "collection [JSON042]",
                  "out.json: error: notes[guid=g-cloze]: 1 fields, but note type \"Cloze\" has 2 "
                  "[JSON043]"}));
}

TEST(JsonProbe, RecognisesItsOwnDocuments) {
    const Reader& reader = *json_deck_format().reader;
    auto probe = [&](const std::string& text) {
        return reader.probe(input_from_memory("x", text));
    };
    EXPECT_EQ(probe(write_json(sample_collection())), 100);
    EXPECT_EQ(probe("\xEF\xBB\xBF {\"format\":\"deckport\"}"), 100);
    EXPECT_EQ(probe(R"({"version": "1.0", "notes": [{"a": [1]}], "format": "deckport"})"), 90);
    EXPECT_EQ(probe(R"({"decks": []})"), 1);
    EXPECT_EQ(probe(R"({"format": "deckport")"), 100);  // broken, but meant to be ours: the
                                                        // reader then says what is wrong
    EXPECT_EQ(probe("{\"format\": 1, \"x\": tru"), 1);
    EXPECT_EQ(probe("[1, 2]"), 0);
    EXPECT_EQ(probe("Flashcard Deck: x"), 0);
    EXPECT_EQ(probe(""), 0);
}

TEST(JsonCli, FileAndStdinGiveTheSameBytes) {
    TempDir dir;
    std::string text = write_json(sample_collection());
    write_text(dir / "in.json", text);
    CliResult from_file = run_cli({"convert", (dir / "in.json").string(), "--to", "json"});
    CliResult from_stdin = run_cli({"convert", "-", "--from", "json", "--to", "json"}, text);
    EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
    EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
    EXPECT_EQ(from_file.out, text);
    EXPECT_EQ(from_stdin.out, text);
}

TEST(JsonCli, AnUnknownMajorVersionFailsWithoutOutput) {
    TempDir dir;
    write_text(dir / "new.json", "{\"format\": \"deckport\",\n \"version\": \"2.0\"}\n");
    CliResult result =
        run_cli({"convert", (dir / "new.json").string(), "-o", (dir / "out.json").string()});
    EXPECT_EQ(result.exit_code, 1);
    // The diagnostic, then the source line with a caret under the column.
    EXPECT_EQ(result.err, (dir / "new.json").string() +
                              ":2:2: error: /version: unsupported version \"2.0\": this deckport "
                              "reads version 1.x (up to 1.0) [JSON004]\n"
                              " 2 |  \"version\": \"2.0\"}\n"
                              "   |  ^\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));
}
