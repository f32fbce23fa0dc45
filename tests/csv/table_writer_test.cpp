// The csv writer's layout and quoting, with fields passed through as they are.
#include <nlohmann/json.hpp>

#include "csv/options.hpp"
#include "csv/table_writer.hpp"
#include "csv_helpers.hpp"
#include "sample_collection.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::string source_of(const Content& content) {
    return content.source;
}

std::string write(const Collection& c, const csv::WriteOptions& options,
                  std::vector<std::string>* diagnostics = nullptr) {
    Diagnostics d;
    MemorySink sink;
    csv::write_table(c, options, source_of, sink, d, "out.txt");
    if (diagnostics) *diagnostics = rendered(d.all());
    return sink.take().files.at(0).bytes;
}

}  // namespace

TEST(CsvTable, AnkiHeaderAndQuoting) {
    std::vector<std::string> diagnostics;
    std::string out = write(sample_collection(), csv::WriteOptions{}, &diagnostics);
    EXPECT_EQ(out,
              "#separator:tab\n"
              "#html:true\n"
              "#guid column:1\n"
              "#notetype column:2\n"
              "#deck column:3\n"
              "#tags column:6\n"
              "#columns:guid\tnotetype\tdeck\tField 1\tField 2\ttags\n"
              "\"p]2Q)N#a(v\"\tBasic\tRust::Concurrency\tWhat is a <code>Mutex</code>?\t"
              "\"A lock, \"\"exclusive\"\".\"\tconcurrency::mutex rust\n"
              "Ao9z.x7Wq$\tBasic (and reversed card)\tRust::Concurrency\tmpsc\t"
              "\"Multiple producer,\nsingle consumer\"\trust\n"
              "hT5%cK1!mN\tCloze\tRust::Concurrency::Cloze\tA {{c1::Mutex}} can be poisoned.\t\t"
              "cloze rust\n"
              "bq8Y3&Lr0s\tBasic\tRust\t\"#[derive(Clone)] on Arc?\"\t\"tab\there\"\t\n");
    EXPECT_TRUE(diagnostics.empty());
}

TEST(CsvTable, CommaSeparatorAndFieldNamesOfOneNoteType) {
    Collection c = sample_collection();
    c.notes.erase(c.notes.begin() + 1, c.notes.begin() + 3);  // Basic notes only
    csv::WriteOptions options;
    options.separator = ',';
    EXPECT_EQ(write(c, options),
              "#separator:comma\n#html:true\n#guid column:1\n#notetype column:2\n"
              "#deck column:3\n#tags column:6\n"
              "#columns:guid,notetype,deck,Front,Back,tags\n"
              "\"p]2Q)N#a(v\",Basic,Rust::Concurrency,What is a <code>Mutex</code>?,"
              "\"A lock, \"\"exclusive\"\".\",concurrency::mutex rust\n"
              "bq8Y3&Lr0s,Basic,Rust,\"#[derive(Clone)] on Arc?\",tab\there,\n");
}

TEST(CsvTable, ChosenColumnsAndTheirLosses) {
    Collection c = sample_collection();
    csv::WriteOptions options;
    options.columns = {false, true, false, false};
    std::vector<std::string> diagnostics;
    std::string out = write(c, options, &diagnostics);
    EXPECT_TRUE(
        out.starts_with("#separator:tab\n#html:true\n#notetype column:1\n"
                        "#columns:notetype\tField 1\tField 2\n"
                        "Basic\tWhat is a <code>Mutex</code>?\t"));
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{
                  "out.txt: warning: GUIDs are not written: Anki will match notes by first field "
                  "[CSV035]",
                  "out.txt: warning: several decks, but no deck column: the deck names are lost "
                  "[CSV037]",
                  "out.txt: warning: tags are not written [CSV038]",
              }));
}

TEST(CsvTable, SingleDeckAndNoteTypeWithoutTheirColumns) {
    Collection c;
    NoteType basic = c.ensure_note_type(basic_note_type());
    c.notes.push_back(
        sample_note(basic, "g", "Deck", {{Markup::text, "q"}, {Markup::text, "a"}}, {}));
    csv::WriteOptions options;
    options.columns = {true, false, false, true};
    options.html = false;
    EXPECT_EQ(write(c, options),
              "#separator:tab\n#html:false\n#guid column:1\n#tags column:4\n#notetype:Basic\n"
              "#deck:Deck\n#columns:guid\tFront\tBack\ttags\ng\tq\ta\t\n");
}

TEST(CsvTable, SpreadsheetMode) {
    Collection c = sample_collection();
    c.notes.resize(1);
    csv::WriteOptions options;
    options.separator = ',';
    options.spreadsheet = true;
    std::vector<std::string> diagnostics;
    std::string out = write(c, options, &diagnostics);
    EXPECT_EQ(out,
              "guid,notetype,deck,Front,Back,tags\n"
              "\"p]2Q)N#a(v\",Basic,Rust::Concurrency,What is a <code>Mutex</code>?,"
              "\"A lock, \"\"exclusive\"\".\",concurrency::mutex rust\n");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_TRUE(diagnostics[0].ends_with("[CSV039]"));
    // ...and it reads back through the header row.
    ReadResult back = read_csv("sheet.csv", out);
    expect_notes(back.collection,
                 {{"Basic",
                   {"What is a <code>Mutex</code>?", "A lock, \"exclusive\"."},
                   "Rust::Concurrency",
                   {"concurrency::mutex", "rust"}}},
                 Markup::html);
    EXPECT_EQ(back.collection.notes[0].guid, "p]2Q)N#a(v");
}

TEST(CsvTable, EveryColumnReadsBack) {
    Collection original = sample_collection();
    for (char separator : {'\t', ',', ';', '|', ':', ' '}) {
        SCOPED_TRACE(std::string("separator '") + separator + "'");
        csv::WriteOptions options;
        options.separator = separator;
        ReadResult back = read_csv("round.txt", write(original, options));
        EXPECT_TRUE(back.diagnostics.empty()) << back.diagnostics.front();
        ASSERT_EQ(back.collection.notes.size(), original.notes.size());
        for (std::size_t i = 0; i < original.notes.size(); ++i) {
            const Note& a = original.notes[i];
            const Note& b = back.collection.notes[i];
            EXPECT_EQ(a.guid, b.guid);
            EXPECT_EQ(a.fields, b.fields);
            EXPECT_EQ(a.deck, b.deck);
            EXPECT_EQ(a.tags, b.tags);
            EXPECT_EQ(original.find_note_type(a.note_type_id)->name,
                      back.collection.find_note_type(b.note_type_id)->name);
        }
    }
}

TEST(CsvTable, LossesAreReportedOncePerKind) {
    Collection c = sample_collection();
    for (const char* name : {"a.png", "b.png"}) {
        MediaFile file;
        file.name = name;
        file.data = "bytes";
        c.media.push_back(file);
    }
    NoteType custom = basic_note_type();
    custom.name = "Vocab";
    custom.id = 42;
    c.note_types.push_back(custom);
    c.notes[0].note_type_id = 42;
    c.notes[0].tags = {"has space", "ok"};
    c.notes[1].tags = {"another one"};
    for (Note& note : c.notes)
        note.cards.push_back(Card{0, note.deck, JsonValue(nlohmann::json{{"ivl", 3}})});
    csv::WriteOptions options;
    options.html = false;
    std::vector<std::string> diagnostics;
    std::string out = write(c, options, &diagnostics);
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{
                  "out.txt: warning: 2 media files are not written: a text file carries only the "
                  "references in the fields [CSV030]",
                  "out.txt: warning: review scheduling is not written: a text file has no cards "
                  "[CSV031]",
                  "out.txt: warning: note types are written by name only; the templates and "
                  "styling of 'Vocab' are not carried [CSV032]",
                  "out.txt: warning: html=false writes plain text: markup (bold, code, lists, "
                  "images) is dropped [CSV033]",
                  "out.txt: warning: a tag holds whitespace ('has space'); it is written as "
                  "'has_space', since Anki splits tags on whitespace [CSV034]",
              }));
    EXPECT_NE(out.find("\thas_space ok\n"), std::string::npos);
    EXPECT_NE(out.find("\tanother_one\n"), std::string::npos);
}

TEST(CsvTable, SameInputSameBytes) {
    EXPECT_EQ(write(sample_collection(), {}), write(sample_collection(), {}));
}
