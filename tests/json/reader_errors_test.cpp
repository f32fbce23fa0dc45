// Every malformed input gets its exact diagnostic, with line:col and a JSON pointer.
#include <gtest/gtest.h>

#include "deckport/error.hpp"
#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

// The rendered diagnostics of reading `text` as deck.json, a thrown InputError last.
std::vector<std::string> problems(const std::string& text, Limits limits = {}) {
    Diagnostics diagnostics;
    std::vector<std::string> lines;
    try {
        read_json(text, diagnostics, limits);
        lines = rendered(diagnostics.all());
    } catch (const InputError& error) {
        lines = rendered(diagnostics.all());
        lines.push_back(format_diagnostic(error.diagnostic()));
    }
    return lines;
}

using Lines = std::vector<std::string>;

const std::string kHead = "{\"format\": \"deckport\", \"version\": \"1.0\",\n";

// A document with one Basic note type (id 7) and the given notes array.
std::string with_notes(const std::string& notes) {
    return kHead +
           " \"note_types\": [{\"id\": 7, \"name\": \"Basic\", \"fields\": [\"Front\", \"Back\"],"
           " \"templates\": []}],\n \"notes\": [\n" +
           notes + "\n]}";
}

const std::string kGoodFields =
    R"("fields": [{"kind": "text", "source": "Q"}, {"kind": "text", "source": "A"}])";

}  // namespace

TEST(JsonReaderErrors, SyntaxErrorsHaveLineAndColumn) {
    EXPECT_EQ(problems(kHead + "  \"notes\": [}"),
              Lines{"deck.json:2:13: error: syntax error while parsing value: unexpected '}'; "
                    "expected '[', '{', or a literal [JSON001]"});
    EXPECT_EQ(problems("{\"format\": \"deckport\""),
              Lines{"deck.json:1:22: error: syntax error while parsing object: unexpected end of "
                    "input; expected '}' [JSON001]"});
    EXPECT_EQ(problems("{\"a\": tru}"),
              Lines{"deck.json:1:10: error: syntax error while parsing value: invalid literal "
                    "[JSON001]"});
    EXPECT_EQ(problems(""), Lines{"deck.json: error: the file is empty: a deckport JSON file "
                                  "holds one object [JSON001]"});
    EXPECT_EQ(problems("[1]\n x"),
              Lines{"deck.json:2:2: error: syntax error while parsing value: invalid literal; "
                    "expected end of input [JSON001]"});
}

TEST(JsonReaderErrors, NumbersTooLargeForADouble) {
    EXPECT_EQ(problems(kHead + " \"extras\": {\"n\": [1, -2e400]}}"),
              Lines{"deck.json:2:22: error: number -2e400 is too large [JSON001]"});
}

TEST(JsonReaderErrors, ColumnsCountCharactersNotBytes) {
    EXPECT_EQ(problems("{\"é\": \"ü\", x}"),
              Lines{"deck.json:1:12: error: syntax error while parsing object key: invalid "
                    "literal; expected string literal [JSON001]"});
}

TEST(JsonReaderErrors, InvalidUtf8IsASyntaxError) {
    EXPECT_EQ(problems("{\"format\": \"deck\xff\"}"),
              Lines{"deck.json:1:17: error: syntax error while parsing value: invalid string: "
                    "ill-formed UTF-8 byte [JSON001]"});
}

TEST(JsonReaderErrors, RefusesDocumentsThatAreNotOurs) {
    EXPECT_EQ(problems(" [1, 2]"),
              Lines{"deck.json:1:2: error: not a deckport JSON document: the top level is no "
                    "object [JSON002]"});
    EXPECT_EQ(problems("{\"version\": \"1.0\"}"),
              Lines{"deck.json:1:1: error: not a deckport JSON document: \"format\" is missing "
                    "[JSON002]"});
    EXPECT_EQ(problems("{\"version\": \"1.0\",\n \"format\": \"anki\"}"),
              Lines{"deck.json:2:2: error: /format: not a deckport JSON document: \"format\" is "
                    "\"anki\", not \"deckport\" [JSON002]"});
}

TEST(JsonReaderErrors, VersionMustBeMajorDotMinor) {
    EXPECT_EQ(problems("{\"format\": \"deckport\"}"),
              Lines{"deck.json:1:1: error: \"version\" is missing [JSON003]"});
    EXPECT_EQ(problems("{\"format\": \"deckport\", \"version\": 1}"),
              Lines{"deck.json:1:24: error: /version: \"version\" is 1, not a string "
                    "\"MAJOR.MINOR\" such as \"1.0\" [JSON003]"});
    EXPECT_EQ(problems("{\"format\": \"deckport\", \"version\": \"01.0\"}"),
              Lines{"deck.json:1:24: error: /version: \"version\" is \"01.0\", not a string "
                    "\"MAJOR.MINOR\" such as \"1.0\" [JSON003]"});
    EXPECT_EQ(
        problems("{\"format\": \"deckport\", \"version\": [\"" + std::string(60, 'a') + "\"]}"),
        Lines{"deck.json:1:24: error: /version: \"version\" is [\"" + std::string(38, 'a') +
              "..., not a string \"MAJOR.MINOR\" such as \"1.0\" [JSON003]"});
    EXPECT_EQ(problems("{\"format\": \"deckport\", \"version\": \"1.0.2\"}"),
              Lines{"deck.json:1:24: error: /version: \"version\" is \"1.0.2\", not a string "
                    "\"MAJOR.MINOR\" such as \"1.0\" [JSON003]"});
}

TEST(JsonReaderErrors, RefusesAnUnknownMajorVersion) {
    EXPECT_EQ(problems("{\"format\": \"deckport\", \"version\": \"2.0\"}"),
              Lines{"deck.json:1:24: error: /version: unsupported version \"2.0\": this deckport "
                    "reads version 1.x (up to 1.0) [JSON004]"});
    EXPECT_EQ(problems("{\"format\": \"deckport\", \"version\": \"0.9\"}"),
              Lines{"deck.json:1:24: error: /version: unsupported version \"0.9\": this deckport "
                    "reads version 1.x (up to 1.0) [JSON004]"});
}

TEST(JsonReaderErrors, ANewerMinorVersionIsReadWithWarnings) {
    Diagnostics diagnostics;
    Collection c = read_json(
        "{\"format\": \"deckport\", \"version\": \"1.7\",\n \"decks\": [{\"name\": \"A\", "
        "\"colour\": \"red\"}]}",
        diagnostics);
    EXPECT_EQ(rendered(diagnostics.all()),
              (Lines{"deck.json:1:24: warning: /version: version \"1.7\" is newer than 1.0, the "
                     "newest this deckport knows: unknown keys are ignored [JSON005]",
                     "deck.json:2:26: warning: /decks/0/colour: unknown key \"colour\" ignored "
                     "(added by a newer version?) [JSON012]"}));
    ASSERT_EQ(c.decks.size(), 1u);
    EXPECT_EQ(c.decks[0].name, "A");
}

TEST(JsonReaderErrors, BoundsNesting) {
    Limits limits;
    limits.max_nesting = 4;
    EXPECT_EQ(problems(kHead + " \"extras\": {\"a\": [[{\"b\": 1}]]}}", limits),
              Lines{"deck.json:2:20: error: nesting is deeper than 4 levels [JSON007]"});
    // The default limit, against a document far deeper than it.
    std::string deep = kHead + " \"extras\": {\"a\": " + std::string(100000, '[') +
                       std::string(100000, ']') + "}}";
    EXPECT_EQ(problems(deep), Lines{"deck.json:2:272: error: nesting is deeper than 256 levels "
                                    "[JSON007]"});
}

TEST(JsonReaderErrors, BoundsSize) {
    Limits limits;
    limits.max_input_bytes = 10;
    EXPECT_EQ(problems(kHead + "}", limits),
              Lines{"deck.json: error: input is larger than the limit of 10 bytes [JSON006]"});
}

TEST(JsonReaderErrors, DuplicateKeys) {
    EXPECT_EQ(problems(kHead + " \"decks\": [{\"name\": \"A\",\n   \"name\": \"B\"}]}"),
              Lines{"deck.json:3:4: error: /decks/0/name: duplicate key: the parser keeps only "
                    "the last value [JSON008]"});
}

TEST(JsonReaderErrors, MissingKeysAndWrongTypesNameTheirPointer) {
    EXPECT_EQ(problems(with_notes(
                  R"(  {"note_type": {"id": 7}, "fields": [{"kind": "text", "source": "Q"},)"
                  "\n    {\"kind\": \"text\"}]},\n"
                  R"(  {"note_type": {"id": 7}, "tags": ["a", 3], "fields": "Q"})")),
              (Lines{"deck.json:5:5: error: /notes/0/fields/1: missing required key \"source\" "
                     "[JSON010]",
                     "deck.json:6:42: error: /notes/1/tags/1: expected a string, found an integer "
                     "[JSON011]",
                     "deck.json:6:46: error: /notes/1/fields: expected an array, found a string "
                     "[JSON011]"}));
    EXPECT_EQ(problems(kHead + " \"note_types\": [{\"id\": \"7\", \"fields\": [\"F\"], "
                               "\"templates\": [{}]}]}"),
              (Lines{"deck.json:2:17: error: /note_types/0: missing required key \"name\" "
                     "[JSON010]",
                     "deck.json:2:18: error: /note_types/0/id: expected an integer, found a "
                     "string [JSON011]",
                     "deck.json:2:60: error: /note_types/0/templates/0: missing required key "
                     "\"name\" [JSON010]",
                     "deck.json:2:60: error: /note_types/0/templates/0: missing required key "
                     "\"front\" [JSON010]",
                     "deck.json:2:60: error: /note_types/0/templates/0: missing required key "
                     "\"back\" [JSON010]"}));
    EXPECT_EQ(problems(kHead + " \"notes\": [3]}"),
              Lines{"deck.json:2:12: error: /notes/0: expected an object, found an integer "
                    "[JSON011]"});
}

TEST(JsonReaderErrors, UnknownKeysAreErrorsInTheCurrentVersion) {
    EXPECT_EQ(problems(kHead + " \"deks\": []}"),
              Lines{"deck.json:2:2: error: /deks: unknown key \"deks\" [JSON012]"});
}

TEST(JsonReaderErrors, InvalidValues) {
    EXPECT_EQ(
        problems(kHead + " \"note_types\": [{\"id\": 1, \"name\": \"T\", \"kind\": "
                         "\"basic\", \"fields\": [], \"sort_field\": 2, \"templates\": []}]}"),
        (Lines{"deck.json:2:40: error: /note_types/0/kind: unknown note type kind "
               "\"basic\" [JSON013]",
               "deck.json:2:57: error: /note_types/0/fields: a note type needs at least one "
               "field [JSON013]",
               "deck.json:2:71: error: /note_types/0/sort_field: sort_field 2 is not the "
               "index of one of the 0 fields [JSON013]"}));
    EXPECT_EQ(problems(with_notes(R"({"guid": "", "note_type": {"id": 7}, "fields": )"
                                  R"([{"kind": "rtf", "source": "Q"}, {"kind": "text", "source": )"
                                  R"("A"}], "cards": [{"ord": -1}]})")),
              (Lines{"deck.json:4:2: error: /notes/0/guid: guid is empty [JSON013]",
                     "deck.json:4:50: error: /notes/0/fields/0/kind: unknown field kind \"rtf\" "
                     "[JSON013]",
                     "deck.json:4:126: error: /notes/0/cards/0/ord: card ord -1 is out of range "
                     "0..65535 [JSON013]"}));
    EXPECT_EQ(problems(kHead + " \"meta\": {\"created\": 9223372036854775808}}"),
              Lines{"deck.json:2:11: error: /meta/created: integer 9223372036854775808 is out of "
                    "range [JSON013]"});
}

TEST(JsonReaderErrors, NoteTypeReferences) {
    EXPECT_EQ(problems(with_notes(R"({"note_type": {"id": 8}, )" + kGoodFields + "},\n" +
                                  R"({"note_type": {"name": "Basik"}, )" + kGoodFields + "},\n" +
                                  R"({"note_type": {"id": 7, "name": "Cloze"}, )" + kGoodFields +
                                  "},\n" + R"({"note_type": {}, )" + kGoodFields + "}")),
              (Lines{"deck.json:4:16: error: /notes/0/note_type/id: note type id 8 is not in "
                     "\"note_types\" [JSON020]",
                     "deck.json:5:16: error: /notes/1/note_type/name: note type \"Basik\" is not "
                     "in \"note_types\" [JSON020]",
                     "deck.json:6:25: error: /notes/2/note_type/name: note type id 7 is named "
                     "\"Basic\", not \"Cloze\" [JSON021]",
                     "deck.json:7:2: error: /notes/3/note_type: missing required key \"id\" "
                     "[JSON010]"}));
}

TEST(JsonReaderErrors, AnAmbiguousNoteTypeNameNeedsTheId) {
    std::string text = kHead +
                       " \"note_types\": [{\"id\": 1, \"name\": \"B\", \"fields\": [\"F\"], "
                       "\"templates\": []},\n {\"id\": 2, \"name\": \"B\", \"fields\": [\"F\"], "
                       "\"templates\": []}],\n \"notes\": [{\"note_type\": {\"name\": \"B\"}, "
                       "\"fields\": [{\"kind\": \"text\", \"source\": \"x\"}]}]}";
    EXPECT_EQ(problems(text), Lines{"deck.json:4:27: error: /notes/0/note_type/name: note type "
                                    "name \"B\" is ambiguous [JSON021]"});
}

TEST(JsonReaderErrors, FieldsMustMatchTheNoteType) {
    EXPECT_EQ(problems(with_notes(R"({"note_type": {"id": 7}, "fields": [{"kind": "text", )"
                                  R"("source": "Q"}]},)"
                                  "\n"
                                  R"({"note_type": {"id": 7}, "fields": [{"name": "Front", )"
                                  R"("kind": "text", "source": "Q"}, {"name": "Answer", )"
                                  R"("kind": "text", "source": "A"}]})")),
              (Lines{"deck.json:4:26: error: /notes/0/fields: 1 fields, but note type \"Basic\" "
                     "has 2 (Front, Back) [JSON022]",
                     "deck.json:5:88: error: /notes/1/fields/1/name: field name \"Answer\" does "
                     "not match note type \"Basic\" (expected \"Back\") [JSON023]"}));
}

TEST(JsonReaderErrors, DuplicateGuidsKeepTheFirstNote) {
    Diagnostics diagnostics;
    Collection c =
        read_json(with_notes(R"({"guid": "x", "note_type": {"id": 7}, )" + kGoodFields + "},\n" +
                             R"({"guid": "x", "note_type": {"id": 7}, )" + kGoodFields + "}"),
                  diagnostics);
    EXPECT_EQ(rendered(diagnostics.all()),
              Lines{"deck.json:5:2: error: /notes/1/guid: duplicate guid \"x\" (first used by "
                    "/notes/0) [JSON024]"});
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0].origin.line, 4);
    EXPECT_EQ(c.notes[0].origin.column, 1);
    EXPECT_EQ(c.notes[0].origin.locator, "/notes/0");
    ASSERT_EQ(c.notes[0].field_origins.size(), 2u);
    EXPECT_EQ(format_diagnostic({Severity::note, "", "here", c.notes[0].field_origin(1), ""}),
              "deck.json:4:100: note: /notes/0/fields/1/source: here");
}

TEST(JsonReaderErrors, DuplicateNoteTypesDecksAndMedia) {
    EXPECT_EQ(
        problems(kHead +
                 " \"note_types\": [{\"id\": 1, \"name\": \"A\", \"fields\": [\"F\"], "
                 "\"templates\": []}, {\"id\": 1, \"name\": \"B\", \"fields\": [\"F\"], "
                 "\"templates\": []}],\n \"decks\": [{\"name\": \"D\"}, {\"name\": \"D\"}, "
                 "{\"id\": 5, \"name\": \"E\"}, {\"id\": 5, \"name\": \"F\"}],\n"
                 " \"media\": [{\"name\": \"m\", \"data\": \"\"}, {\"name\": \"m\", \"data\": "
                 "\"\"}]}"),
        (Lines{"deck.json:2:76: error: /note_types/1/id: note type id 1 is used twice [JSON025]",
               "deck.json:3:28: error: /decks/1/name: deck \"D\" is listed twice [JSON026]",
               "deck.json:3:67: error: /decks/3/id: deck id 5 is used twice [JSON026]",
               "deck.json:4:40: error: /media/1/name: media file \"m\" is listed twice "
               "[JSON027]"}));
}

TEST(JsonReaderErrors, MediaBytesAreChecked) {
    EXPECT_EQ(problems(kHead +
                       " \"media\": [{\"name\": \"a\", \"data\": \"AAE\"},\n"
                       " {\"name\": \"b\", \"size\": 3, \"sha1\": \"" +
                       std::string(40, '0') + "\", \"data\": \"AAE=\"}]}"),
              (Lines{"deck.json:2:26: error: /media/0/data: \"data\" of \"a\" is not base64 (RFC "
                     "4648 alphabet, padded, no line breaks) [JSON030]",
                     "deck.json:3:16: error: /media/1/size: size 3 does not match the 2 bytes of "
                     "\"b\" [JSON031]",
                     "deck.json:3:27: error: /media/1/sha1: sha1 " + std::string(40, '0') +
                         " does not match the bytes of \"b\" (sha1 " +
                         sha1_hex(std::string("\0\1", 2)) + ") [JSON031]"}));
}

TEST(JsonReaderErrors, EveryProblemOfOneFileIsReportedInTextOrder) {
    std::string text = kHead + " \"decks\": [{\"name\": 1}],\n \"notes\": [{}],\n \"x\": 0}";
    EXPECT_EQ(problems(text),
              (Lines{"deck.json:2:13: error: /decks/0/name: expected a string, found an integer "
                     "[JSON011]",
                     "deck.json:3:12: error: /notes/0: missing required key \"note_type\" "
                     "[JSON010]",
                     "deck.json:3:12: error: /notes/0: missing required key \"fields\" [JSON010]",
                     "deck.json:4:2: error: /x: unknown key \"x\" [JSON012]"}));
}

// Notes are read as the parser finishes each one when the document opens as deckport writes it
// and lists its note types first; otherwise from the parsed tree. Both give the same notes and
// the same diagnostics (the two documents differ only in the order of "format" and "version").
TEST(JsonReaderErrors, NotesReadWhileParsingMatchTheTreesReading) {
    std::string notes = R"({"guid": "a", "note_type": {"name": "Basic"}, )" + kGoodFields +
                        R"(, "colour": 1},
 5,
 {"guid": "a", "note_type": {"name": "Basic"}, )" +
                        kGoodFields + R"(},
 {"guid": "b", "note_type": {"name": "Nope"}, )" +
                        kGoodFields + R"(},
 {"guid": "c", "note_type": {"id": 7}, "fields": [{"kind": "text", "source": "Q"}]},
 {"guid": "d", "note_type": {"name": "Basic"}, )" +
                        kGoodFields + R"(, "tags": ["t"]})";
    std::string streamed = with_notes(notes);
    std::string from_tree = streamed;
    std::string swapped = "{\"version\": \"1.0\", \"format\": \"deckport\",\n";
    ASSERT_EQ(swapped.size(), kHead.size());
    from_tree.replace(0, kHead.size(), swapped);

    Lines expected = problems(streamed);
    EXPECT_EQ(expected, problems(from_tree));
    EXPECT_EQ(expected.size(), 5u) << ::testing::PrintToString(expected);
    Diagnostics first, second;
    Collection a = read_json(streamed, first), b = read_json(from_tree, second);
    ASSERT_EQ(a.notes.size(), 4u);  // not the second "a", nor 5
    EXPECT_EQ(a.notes, b.notes);
    EXPECT_EQ(a.notes[3].tags, std::vector<std::string>{"t"});
}

// A document that lists "notes" twice is read from the tree, which keeps the last "notes".
TEST(JsonReaderErrors, RepeatedNotesAreReadFromTheTree) {
    std::string text = with_notes(R"({"guid": "a", "note_type": {"id": 7}, )" + kGoodFields + "}");
    text.insert(text.size() - 1, ",\n \"notes\": [{\"guid\": \"z\", \"note_type\": {\"id\": 7}, " +
                                     kGoodFields + "}]");
    Diagnostics diagnostics;
    Collection collection = read_json(text, diagnostics);
    ASSERT_EQ(collection.notes.size(), 1u);
    EXPECT_EQ(collection.notes[0].guid, "z");
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_EQ(diagnostics.all()[0].code, "JSON008");
}

// A repeated "version" is read from the tree, whose last value sets how unknown keys in notes are
// reported (errors for 1.0, this deckport's version), as for every other key.
TEST(JsonReaderErrors, ARepeatedVersionIsTheLastOneForNotesToo) {
    std::string text = "{\"format\": \"deckport\", \"version\": \"1.1\",\n" +
                       with_notes(R"({"note_type": {"id": 7}, )" + kGoodFields + R"(, "zz": 1})")
                           .substr(kHead.size());
    text.insert(text.size() - 1, ",\n \"version\": \"1.0\"");
    Lines lines = problems(text);
    auto unknown = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.find("/notes/0/zz") != std::string::npos;
    });
    ASSERT_NE(unknown, lines.end()) << ::testing::PrintToString(lines);
    EXPECT_NE(unknown->find(": error: "), std::string::npos) << *unknown;
}
