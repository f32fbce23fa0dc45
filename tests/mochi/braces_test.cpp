// Issue 11.7: Mochi reads every `{{` outside code as a cloze, so the writer escapes the braces
// that are not real clozes (`{\{`) and the reader undoes it; clozes of every cloze field are
// written as Mochi clozes; clozes only inside code are text. And `deckport check` is clean on
// every .mochi that deckport writes from decks/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "deckport/notetypes.hpp"
#include "mochi/mochi_markdown.hpp"
#include "mochi_helpers.hpp"

using namespace deckport;
using namespace deckport::test;
using ::testing::ElementsAre;
using Json = nlohmann::ordered_json;

namespace {

Note note_of(const NoteType& nt, std::vector<Content> fields, std::string guid = "bracesAAA") {
    Note note;
    note.guid = std::move(guid);
    note.note_type_id = nt.id;
    note.fields = std::move(fields);
    note.deck = "D";
    return note;
}

std::string content_of(const std::string& package, std::size_t card = 0) {
    Json data = Json::parse(zip_member(package, "data.json"));
    return data["~:decks"][0]["~:cards"]["~#list"][card]["~:content"].get<std::string>();
}

// Anki's "Conjugations Test Multi-Cloze" shape (AnkiDroid's templates.apkg): two cloze fields,
// each shown with {{cloze:...}}, and a plain field between them.
NoteType two_cloze_fields() {
    NoteType nt;
    nt.name = "Multi-Cloze";
    nt.kind = NoteTypeKind::cloze;
    nt.fields = {"Text1", "IPA1", "Text2"};
    nt.templates = {{"Cloze", "{{cloze:Text1}}{{cloze:Text2}}", "{{cloze:Text1}}{{IPA1}}", {}}};
    nt.id = 42;
    return nt;
}

}  // namespace

TEST(MochiBraces, EscapeAndUnescapeOutsideCodeOnly) {
    using mochi::escape_braces;
    using mochi::unescape_braces;
    EXPECT_EQ(escape_braces("Go: {{ .Name }} and `{{ .Code }}`", false),
              "Go: {\\{ .Name }} and `{{ .Code }}`");
    EXPECT_EQ(escape_braces("```\n{{c1::x}}\n```\n{{{y}}}", false),
              "```\n{{c1::x}}\n```\n{\\{\\{y}}}");
    EXPECT_EQ(escape_braces("a {{c1::x}} b {{c2}} {{hint}}", true),
              "a {{c1::x}} b {\\{c2}} {\\{hint}}");
    EXPECT_EQ(escape_braces("a {{c1::x}}", false), "a {\\{c1::x}}");
    for (const char* text : {"Go: {{ .Name }} and `{{ .Code }}`", "{{{y}}}", "```\n{{a}}\n```",
                             "a {{c1::x}} b {{c2}}", "{ {", "plain"}) {
        EXPECT_EQ(unescape_braces(escape_braces(text, false)), text);
        EXPECT_EQ(unescape_braces(escape_braces(text, true)), text);
    }
    // In code a backslash is text: it stays.
    EXPECT_EQ(unescape_braces("`{\\{x}}` {\\{y}}"), "`{\\{x}}` {{y}}");
}

TEST(MochiBraces, LiteralBracesInABasicNoteAreEscapedAndReadBackAsWritten) {
    Collection c;
    c.note_types = {basic_note_type()};
    c.notes.push_back(note_of(c.note_types[0], {md("Go templates: {{ .Name }}"),
                                                md("`{{c1::x}}` in code, {{c1::y}} as text")}));
    std::vector<std::string> diagnostics;
    std::string package = write_mochi(c, &diagnostics);
    EXPECT_THAT(diagnostics, ElementsAre());
    EXPECT_EQ(content_of(package),
              "Go templates: {\\{ .Name }}\n---\n`{{c1::x}}` in code, {\\{c1::y}} as text");
    MochiRead back = read_mochi_input(input_from_memory("deck.mochi", package));
    EXPECT_THAT(back.diagnostics, ElementsAre());
    ASSERT_EQ(back.collection.notes.size(), 1u);
    EXPECT_EQ(back.collection.note_types[0].name, "Basic");
    EXPECT_EQ(back.collection.notes[0].fields, c.notes[0].fields);
}

TEST(MochiBraces, ClozeTextKeepsItsClozesAndBackExtraItsBraces) {
    Collection c;
    c.note_types = {cloze_note_type()};
    c.notes.push_back(note_of(c.note_types[0], {md("A {{c1::Mutex}} and {{ .Name }}"),
                                                md("Back: {{c2::not a cloze here}}")}));
    std::string package = write_mochi(c);
    EXPECT_EQ(content_of(package),
              "A {{1::Mutex}} and {\\{ .Name }}\n---\nBack: {\\{c2::not a cloze here}}");
    MochiRead back = read_mochi_input(input_from_memory("deck.mochi", package));
    ASSERT_EQ(back.collection.notes.size(), 1u);
    EXPECT_EQ(back.collection.note_types[0].name, "Cloze");
    EXPECT_EQ(back.collection.notes[0].fields, c.notes[0].fields);
}

TEST(MochiBraces, EveryClozeFieldIsWrittenWithMochiClozes) {
    Collection c;
    c.note_types = {two_cloze_fields()};
    c.notes.push_back(note_of(c.note_types[0],
                              {md("Yo {{c1::como}}."), md("ʝo {{ipa}}"), md("Tu {{c2::comes}}.")}));
    std::string package = write_mochi(c);
    EXPECT_EQ(content_of(package), "Yo {{1::como}}.\n---\nʝo {\\{ipa}}\n---\nTu {{2::comes}}.");
    // Clozes on several sides: a cloze note type whose every side is a cloze field.
    MochiRead back = read_mochi_input(input_from_memory("deck.mochi", package));
    ASSERT_EQ(back.collection.notes.size(), 1u);
    const NoteType& nt = back.collection.note_types[0];
    EXPECT_EQ(nt.name, "Mochi 3 sides (cloze)");
    EXPECT_EQ(nt.kind, NoteTypeKind::cloze);
    EXPECT_EQ(nt.templates[0].front,
              "{{cloze:Side 1}}\n\n<hr>\n\n{{cloze:Side 2}}\n\n<hr>\n\n{{cloze:Side 3}}");
    EXPECT_EQ(back.collection.notes[0].fields, c.notes[0].fields);
    // Written again, the package is the same: a fixpoint.
    EXPECT_EQ(content_of(write_mochi(back.collection)), content_of(package));
}

TEST(MochiBraces, MochiCardWithClozesOnTwoSidesKeepsOneBareGroup) {
    MochiRead r = read_data_json(
        R"({"~:version":2,"~:decks":[{"~:name":"D","~:id":"~:d1","~:cards":{"~#list":[)"
        R"({"~:content":"{{a}} and {{2::b}}\n---\n{{c}}","~:id":"~:card0001"}]}}]})");
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.note_types[0].name, "Mochi 2 sides (cloze)");
    EXPECT_EQ(r.collection.notes[0].fields,
              (std::vector<Content>{md("{{c3::a}} and {{c2::b}}"), md("{{c3::c}}")}));
}

TEST(MochiBraces, ClozesOnlyInsideCodeAreWrittenAsTextWithAWarning) {
    // The mankidown shape: a cloze note whose only cloze sits in a fenced block.
    Collection c;
    c.note_types = {cloze_note_type()};
    c.notes.push_back(note_of(
        c.note_types[0],
        {md("Which flag?\n\n```console\n$ mankidown --{{c1::deck}} d\n```"), md("")}, "mankiAAAA"));
    std::vector<std::string> diagnostics;
    std::string package = write_mochi(c, &diagnostics);
    EXPECT_THAT(diagnostics,
                ElementsAre("out.mochi: warning: guid mankiAAAA: 1 cloze note(s) have their "
                            "clozes only inside code, which Mochi shows as text: written as cards "
                            "without clozes [MOCHI044]"));
    EXPECT_EQ(content_of(package),
              "Which flag?\n\n```console\n$ mankidown --{{c1::deck}} d\n```\n---\n");
    MochiRead back = read_mochi_input(input_from_memory("deck.mochi", package));
    ASSERT_EQ(back.collection.notes.size(), 1u);
    EXPECT_EQ(back.collection.note_types[0].name, "Basic");
    EXPECT_EQ(back.collection.notes[0].fields, c.notes[0].fields);
    EXPECT_EQ(content_of(write_mochi(back.collection)), content_of(package));
}

TEST(MochiBraces, CheckIsCleanOnTheMochiWrittenFromEveryDeck) {
    TempDir dir;
    std::size_t decks = 0;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "decks")) {
        if (entry.path().extension() != ".md") continue;
        ++decks;
        std::string out = (dir / (entry.path().stem().string() + ".mochi")).string();
        SCOPED_TRACE(entry.path().filename().string());
        CliResult convert = run_cli({"convert", entry.path().string(), "-o", out});
        ASSERT_EQ(convert.exit_code, 0) << convert.err;
        CliResult check = run_cli({"check", out});
        EXPECT_EQ(check.exit_code, 0) << check.err;
        // Nothing about its own output: no MEDIA001, MOCHI0xx or LINT0xx, not even a note.
        EXPECT_EQ(check.err, "checked 1 deck: 0 errors, 0 warnings\n");
    }
    EXPECT_GE(decks, 4u);
}
