// The csv writer end to end: markdown decks to Anki text files and back, the options, and
// what Anki's importer needs (header lines, every column, quoting).
#include "csv_helpers.hpp"
#include "deckport/content.hpp"
#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"
#include "sample_collection.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::filesystem::path deck(const std::string& name) {
    return source_dir() / "decks" / name;
}

std::string html_of(const Content& field) {
    return normalize_html_for_compare(to_html(field));
}

// Two collections hold the same notes: ids, note type names, decks, tags, and fields that render
// to the same HTML.
void expect_same_notes(const Collection& expected, const Collection& actual) {
    ASSERT_EQ(actual.notes.size(), expected.notes.size());
    for (std::size_t i = 0; i < expected.notes.size(); ++i) {
        SCOPED_TRACE("note " + std::to_string(i + 1));
        const Note& e = expected.notes[i];
        const Note& a = actual.notes[i];
        EXPECT_EQ(a.guid, e.guid);
        EXPECT_EQ(a.deck, e.deck);
        EXPECT_EQ(a.tags, e.tags);
        const NoteType* et = expected.find_note_type(e.note_type_id);
        const NoteType* at = actual.find_note_type(a.note_type_id);
        ASSERT_NE(et, nullptr);
        ASSERT_NE(at, nullptr);
        EXPECT_EQ(at->name, et->name);
        // Field names reach the header: a note type of the deck's own that shares its columns
        // with other note types reads back with the header's names (CSV carries no note types).
        if (is_stock_under_anki_name(*et)) {
            EXPECT_EQ(at->fields, et->fields);
        } else {
            EXPECT_EQ(at->fields.size(), et->fields.size());
        }
        ASSERT_EQ(a.fields.size(), e.fields.size());
        for (std::size_t f = 0; f < e.fields.size(); ++f) {
            EXPECT_EQ(html_of(a.fields[f]), html_of(e.fields[f])) << "field " << f + 1;
        }
    }
}

Collection markdown_round_trip(const Collection& c, const std::filesystem::path& path) {
    return read_text_as("markdown", path, write_as("markdown", c, "out.md"));
}

}  // namespace

TEST(CsvWriter, RustConcurrencyIsWhatAnkisTextImportReads) {
    Collection original = read_deck(deck("rust-concurrency.md"));
    std::vector<std::string> diagnostics;
    std::string out = write_as("csv", original, "out/rc.csv", {}, &diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(diagnostics);

    // Anki's header lines, unpadded, in Anki's order; comma because the output ends in .csv.
    EXPECT_TRUE(
        out.starts_with("#separator:comma\n"
                        "#html:true\n"
                        "#guid column:1\n"
                        "#notetype column:2\n"
                        "#deck column:3\n"
                        "#tags column:6\n"
                        "#columns:guid,notetype,deck,Front,Back,tags\n"
                        "kGqCrr>$[E,Basic,Rust Concurrency,"
                        "What is a <code>Mutex</code>?,\"<p>A <code>Mutex</code>"))
        << out.substr(0, 400);
    EXPECT_TRUE(out.ends_with("</blockquote>\",\n")) << out.substr(out.size() - 100);

    std::vector<std::string> read_diagnostics;
    Collection back = read_text_as("csv", "rc.csv", out, {}, &read_diagnostics);
    EXPECT_TRUE(read_diagnostics.empty()) << ::testing::PrintToString(read_diagnostics);
    ASSERT_EQ(back.notes.size(), 5u);
    for (const Note& note : back.notes) {
        EXPECT_EQ(back.find_note_type(note.note_type_id)->name, "Basic");
        EXPECT_EQ(note.deck, "Rust Concurrency");
        for (const Content& field : note.fields) EXPECT_EQ(field.kind, Markup::html);
    }
    expect_same_notes(original, back);
    // Writing what was read gives the same bytes.
    EXPECT_EQ(write_as("csv", back, "out/rc.csv"), out);
}

TEST(CsvWriter, EveryDeckThroughCsvEqualsMarkdownThroughMarkdown) {
    for (const auto& path : deck_files()) {
        SCOPED_TRACE(path.filename().string());
        Collection original = read_deck(path);
        Collection via_markdown = markdown_round_trip(original, path);
        Collection via_csv = markdown_round_trip(
            read_text_as("csv", path.stem().string() + ".txt", write_as("csv", original, "x.txt")),
            path);
        expect_same_notes(via_markdown, via_csv);
    }
}

TEST(CsvWriter, SeparatorFollowsTheExtensionOrTheOption) {
    Collection c = read_deck(deck("rust-concurrency.md"));
    EXPECT_TRUE(write_as("csv", c, "a.tsv").starts_with("#separator:tab\n"));
    EXPECT_TRUE(write_as("csv", c, "a.txt").starts_with("#separator:tab\n"));
    EXPECT_TRUE(write_as("csv", c, "A.CSV").starts_with("#separator:comma\n"));
    std::string semicolon = write_as("csv", c, "a.csv", {{"separator", "Semicolon"}});
    EXPECT_TRUE(semicolon.starts_with("#separator:semicolon\n"));
    EXPECT_NE(semicolon.find("#columns:guid;notetype;deck;Front;Back;tags\n"), std::string::npos);
    expect_same_notes(c, read_text_as("csv", "a.csv", semicolon));
    std::string pipe = write_as("csv", c, "a.csv", {{"separator", "|"}});
    EXPECT_TRUE(pipe.starts_with("#separator:pipe\n"));
    expect_same_notes(c, read_text_as("csv", "a.csv", pipe));
    EXPECT_THROW(write_as("csv", c, "a.csv", {{"separator", "dash"}}), UsageError);
    EXPECT_THROW(write_as("csv", c, "a.csv", {{"columns", "guid,colour"}}), UsageError);
}

TEST(CsvWriter, PlainTextFields) {
    Collection c = read_deck(deck("rust-concurrency.md"));
    std::vector<std::string> diagnostics;
    std::string out = write_as("csv", c, "a.txt", {{"html", "false"}}, &diagnostics);
    EXPECT_TRUE(out.starts_with("#separator:tab\n#html:false\n")) << out.substr(0, 100);
    EXPECT_NE(out.find("\tWhat is a Mutex?\t\"A Mutex (short for mutual exclusion)"),
              std::string::npos);
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{"a.txt: warning: html=false writes plain text: markup "
                                        "(bold, code, lists, images) is dropped [CSV033]"}));
    Collection back = read_text_as("csv", "a.txt", out);
    ASSERT_EQ(back.notes.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        for (std::size_t f = 0; f < 2; ++f) {
            EXPECT_EQ(back.notes[i].fields[f].kind, Markup::text);
            std::string expected = to_text(c.notes[i].fields[f]);
            while (!expected.empty() && expected.back() == '\n') expected.pop_back();
            EXPECT_EQ(back.notes[i].fields[f].source, expected);
        }
    }
}

TEST(CsvWriter, SpreadsheetModeAndChosenColumns) {
    Collection c = read_deck(deck("rust-concurrency.md"));
    std::vector<std::string> diagnostics;
    std::string out = write_as("csv", c, "a.csv", {{"spreadsheet", "true"}}, &diagnostics);
    EXPECT_TRUE(out.starts_with("guid,notetype,deck,Front,Back,tags\nkGqCrr>$[E,Basic,"))
        << out.substr(0, 100);
    EXPECT_EQ(out.find("\n#"), std::string::npos);
    EXPECT_EQ(diagnostics.size(), 1u);  // CSV039: Anki would read the names as a note
    expect_same_notes(c, read_text_as("csv", "a.csv", out));

    std::string fields_only = write_as("csv", c, "a.csv", {{"columns", "none"}}, &diagnostics);
    EXPECT_TRUE(fields_only.starts_with(
        "#separator:comma\n#html:true\n#notetype:Basic\n#deck:Rust Concurrency\n"
        "#columns:Front,Back\nWhat is a <code>Mutex</code>?,"))
        << fields_only.substr(0, 200);
    EXPECT_EQ(diagnostics, (std::vector<std::string>{"a.csv: warning: GUIDs are not written: "
                                                     "Anki will match notes by first field "
                                                     "[CSV035]"}));
}

TEST(CsvWriter, EmptyFirstFieldsAreReportedOnce) {
    Collection c = read_deck(deck("rust-concurrency.md"));
    c.notes[1].fields[0].source.clear();
    c.notes[3].fields[0].source.clear();
    std::vector<std::string> diagnostics;
    write_as("csv", c, "a.txt", {}, &diagnostics);
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{"a.txt: warning: 2 notes have an empty first field: "
                                        "Anki's import skips such rows [CSV040]"}));
}

TEST(CsvWriter, ConvertCommand) {
    TempDir dir;
    CliResult r =
        run_cli({"convert", "decks/rust-concurrency.md", "-o", (dir / "rc.csv").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(read_text(dir / "rc.csv").starts_with("#separator:comma\n#html:true\n"));
    CliResult back =
        run_cli({"convert", (dir / "rc.csv").string(), "-o", (dir / "rc.md").string()});
    EXPECT_EQ(back.exit_code, 0) << back.err;
    expect_same_notes(read_deck(deck("rust-concurrency.md")), read_deck(dir / "rc.md"));

    CliResult option = run_cli({"convert", "decks/rust-concurrency.md", "--to", "csv", "-o", "-",
                                "-O", "separator=;", "-O", "columns=guid,tags"});
    EXPECT_EQ(option.exit_code, 0) << option.err;
    EXPECT_TRUE(
        option.out.starts_with("#separator:semicolon\n#html:true\n#guid column:1\n"
                               "#tags column:4\n#notetype:Basic\n#deck:Rust Concurrency\n"
                               "#columns:guid;Front;Back;tags\n"))
        << option.out.substr(0, 200);
}

// RT006 on Anki's own packages (templates.apkg, mixed-legacy-2): rows were padded to the widest
// note type's definition, but the reader gives a note type it does not know by name only the
// fields its rows use, so the second write had fewer columns. The columns are now what the
// reader gives back: the widest used row, and the fields of Basic/Basic (and reversed)/Cloze.
TEST(CsvWriter, ColumnsAreWhatTheReaderGivesBackSoTheSecondWriteIsTheSame) {
    Collection c;
    NoteType basic = c.ensure_note_type(basic_note_type());
    NoteType occlusion;
    occlusion.name = "Image Occlusion";
    occlusion.fields = {"Occlusion", "Image", "Header", "Back Extra", "Comments"};
    occlusion.templates = {{"Card 1", "{{Occlusion}}", "{{Image}}", {}}};
    occlusion.id = 77;
    c.ensure_note_type(occlusion);
    NoteType optional;
    optional.name = "Basic (optional reversed card)";
    optional.fields = {"Front", "Back", "Add Reverse"};
    optional.templates = {{"Card 1", "{{Front}}", "{{Back}}", {}}};
    optional.id = 78;
    c.ensure_note_type(optional);
    auto html = [](std::string s) { return Content{Markup::html, std::move(s)}; };
    c.notes.push_back(sample_note(basic, "basicGUID1", "D", {html("front"), html("")}, {}));
    c.notes.push_back(sample_note(
        occlusion, "occluGUID1", "D",
        {html("{{c1::rect}}"), html("<img src=\"a.png\">"), html(""), html(""), html("")}, {}));
    c.notes.push_back(
        sample_note(optional, "optioGUID1", "D", {html("q"), html("a"), html("y")}, {}));
    c.ensure_deck("D");
    std::string first = write_as("csv", c, "a.csv");
    // Anki's stock note types are known by name, so every one of their fields is a column
    // (Image Occlusion's five); where the note types disagree a column is `Field N`.
    EXPECT_EQ(first,
              "#separator:comma\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
              "#tags column:9\n#columns:guid,notetype,deck,Field 1,Field 2,Field 3,Back Extra,"
              "Comments,tags\n"
              "basicGUID1,Basic,D,front,,,,,\n"
              "occluGUID1,Image Occlusion,D,{{c1::rect}},\"<img src=\"\"a.png\"\">\",,,,\n"
              "optioGUID1,Basic (optional reversed card),D,q,a,y,,,\n");
    Collection back = read_text_as("csv", "a.csv", first);
    ASSERT_EQ(back.notes.size(), 3u);
    // The occlusion note comes back whole, as Anki's Image Occlusion (a cloze type).
    EXPECT_EQ(sources(back.notes[1]),
              (std::vector<std::string>{"{{c1::rect}}", "<img src=\"a.png\">", "", "", ""}));
    const NoteType* back_occlusion = back.find_note_type(back.notes[1].note_type_id);
    ASSERT_NE(back_occlusion, nullptr);
    EXPECT_EQ(back_occlusion->fields, occlusion.fields);
    EXPECT_EQ(back_occlusion->kind, NoteTypeKind::cloze);
    const NoteType* back_optional = back.find_note_type(back.notes[2].note_type_id);
    ASSERT_NE(back_optional, nullptr);
    EXPECT_EQ(back_optional->fields, optional.fields);
    EXPECT_EQ(back_optional->templates.size(), 2u);  // Anki's definition, not the file's guess
    EXPECT_EQ(write_as("csv", back, "a.csv"), first);
}

// With one note type every column is named after its fields, so a field empty in every note
// is written, and read back, too.
TEST(CsvWriter, OneCustomNoteTypeKeepsItsEmptyTrailingFields) {
    Collection c;
    NoteType vocab;
    vocab.name = "Vocab";
    vocab.fields = {"Word", "Meaning", "Notes"};
    vocab.templates = {{"Card 1", "{{Word}}", "{{Meaning}}", {}}};
    vocab.id = 79;
    c.ensure_note_type(vocab);
    auto html = [](std::string s) { return Content{Markup::html, std::move(s)}; };
    c.notes.push_back(sample_note(vocab, "vocabGUID1", "D", {html("w"), html("m"), html("")}, {}));
    c.ensure_deck("D");
    std::string first = write_as("csv", c, "v.csv");
    EXPECT_NE(first.find("#columns:guid,notetype,deck,Word,Meaning,Notes,tags\n"),
              std::string::npos)
        << first;
    EXPECT_NE(first.find("\nvocabGUID1,Vocab,D,w,m,,\n"), std::string::npos) << first;
    Collection back = read_text_as("csv", "v.csv", first);
    ASSERT_EQ(back.notes.size(), 1u);
    EXPECT_EQ(sources(back.notes[0]), (std::vector<std::string>{"w", "m", ""}));
    const NoteType* read = back.find_note_type("Vocab");
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->fields, vocab.fields);
    EXPECT_EQ(write_as("csv", back, "v.csv"), first);
}

TEST(CsvWriter, RoundTripOfAnkisOwnPackagesIsAFixpoint) {
    DECKPORT_REQUIRE_FIXTURES();
    for (const char* package :
         {"anki/ankidroid/templates.apkg", "anki/srs-converter/mixed-legacy-2.apkg"}) {
        SCOPED_TRACE(package);
        Input input = read_input((fixtures_dir() / package).string());
        Diagnostics diagnostics;
        ReadContext context{diagnostics, {}, Limits{}, 0};
        Collection original = read_collection(*builtin_formats().find("apkg"), input, context);
        std::string first = write_as("csv", original, "p.csv");
        std::string second = write_as("csv", read_text_as("csv", "p.csv", first), "p.csv");
        EXPECT_EQ(second, first);
    }
}
