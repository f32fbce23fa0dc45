// Anki's text-import rules, one at a time.
#include "csv_helpers.hpp"
#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;
using namespace deckport::test;

TEST(CsvRules, SpreadsheetRowOfColumnNames) {
    ReadResult r = read_csv("sheet.csv", "Front,Back,Tags\nq1,a1,x y\n\"q,2\",a2,\n");
    expect_notes(r.collection,
                 {{"Basic", {"q1", "a1"}, "", {"x", "y"}}, {"Basic", {"q,2", "a2"}, "", {}}},
                 Markup::text);
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"sheet.csv:1:1: note: the first row is read as column "
                                        "names, not as a note [CSV020]"}));
}

TEST(CsvRules, ColumnNamesMapFieldsByName) {
    ReadResult r = read_csv("sheet.csv", "tags,Back,Front,deck\nt,answer,question,D::E\n");
    expect_notes(r.collection, {{"Basic", {"question", "answer"}, "D::E", {"t"}}}, Markup::text);
}

TEST(CsvRules, HeaderRowCanBeForcedOrRefused) {
    ReadResult yes = read_csv("s.csv", "Q,A\nq,a\n", {{"header", "yes"}});
    ASSERT_EQ(yes.collection.notes.size(), 1u);
    EXPECT_EQ(yes.collection.note_types[0].name, "s");
    EXPECT_EQ(yes.collection.note_types[0].fields, (std::vector<std::string>{"Q", "A"}));
    ReadResult no = read_csv("s.csv", "Front,Back\nq,a\n", {{"header", "no"}});
    EXPECT_EQ(no.collection.notes.size(), 2u);
}

TEST(CsvRules, ColumnsLineMapsByNameAsAnkiDoes) {
    ReadResult r = read_csv("c.txt", "#separator:tab\n#html:false\n#columns:Back\tFront\nb\tf\n");
    expect_notes(r.collection, {{"Basic", {"f", "b"}, "", {}}}, Markup::text);
}

TEST(CsvRules, NoteTypeColumnWithBuiltInAndCreatedNoteTypes) {
    ReadResult r = read_csv("n.txt",
                            "#separator:tab\n#html:true\n#notetype column:1\n"
                            "Basic\tq\ta\t\n"
                            "Vocab\tword\tmeaning\texample\n"
                            "Cloze\t{{c1::x}}\textra\t\n"
                            "Vocab\tw2\t\t\n");
    expect_notes(r.collection,
                 {{"Basic", {"q", "a"}, "", {}},
                  {"Vocab", {"word", "meaning", "example"}, "", {}},
                  {"Cloze", {"{{c1::x}}", "extra"}, "", {}},
                  {"Vocab", {"w2", "", ""}, "", {}}},
                 Markup::html);
    const NoteType* vocab = r.collection.find_note_type("Vocab");
    ASSERT_NE(vocab, nullptr);
    EXPECT_EQ(vocab->fields, (std::vector<std::string>{"Field 1", "Field 2", "Field 3"}));
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front();
}

// Every Anki has its six stock note types: named in the note type column, the row is read
// with Anki's definition (field names, kind, templates), as Anki's import uses it.
TEST(CsvRules, StockNoteTypesByName) {
    ReadResult r =
        read_csv("s.txt",
                 "#separator:tab\n#html:true\n#notetype column:1\n"
                 "Basic (type in the answer)\tq\ta\t\t\t\n"
                 "Basic (optional reversed card)\tq2\ta2\ty\t\t\n"
                 "Image Occlusion\t{{c1::image-occlusion:rect:left=.1}}\t<b>picture</b>\t\t\t\n");
    expect_notes(r.collection,
                 {{"Basic (type in the answer)", {"q", "a"}, "", {}},
                  {"Basic (optional reversed card)", {"q2", "a2", "y"}, "", {}},
                  {"Image Occlusion",
                   {"{{c1::image-occlusion:rect:left=.1}}", "<b>picture</b>", "", "", ""},
                   "",
                   {}}},
                 Markup::html);
    for (StockKind kind : {StockKind::basic_typing, StockKind::basic_optional_reversed,
                           StockKind::image_occlusion}) {
        NoteType stock = stock_note_type(kind);
        const NoteType* read = r.collection.find_note_type(stock.name);
        ASSERT_NE(read, nullptr) << stock.name;
        EXPECT_EQ(read->fields, stock.fields);
        EXPECT_EQ(read->kind, stock.kind);
        EXPECT_EQ(read->templates.size(), stock.templates.size());
        EXPECT_EQ(read->templates[0].front, stock.templates[0].front);
        EXPECT_EQ(stock_kind_of(*read), kind);
    }
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front();
}

// A stock name whose rows hold more fields than Anki's definition is made from its rows, as
// any other name: no text is dropped.
TEST(CsvRules, StockNameWithMoreFieldsIsMadeFromItsRows) {
    ReadResult r = read_csv("s.txt",
                            "#separator:tab\n#notetype column:1\n"
                            "Basic (type in the answer)\tq\ta\tmore\n");
    expect_notes(r.collection, {{"Basic (type in the answer)", {"q", "a", "more"}, "", {}}},
                 Markup::text);
    const NoteType* read = r.collection.find_note_type("Basic (type in the answer)");
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->fields, (std::vector<std::string>{"Field 1", "Field 2", "Field 3"}));
    EXPECT_FALSE(stock_kind_of(*read).has_value());
}

// A note type made from rows is a cloze type when it is named like one and its rows hold
// clozes; the fields with clozes are the cloze fields of its template.
TEST(CsvRules, CreatedNoteTypeNamedLikeClozeWithClozesIsCloze) {
    ReadResult r = read_csv("c.txt",
                            "#separator:tab\n#html:true\n#notetype column:1\n"
                            "NestedClozeTest\tname\t{{c1::a}}\t\n"
                            "NestedClozeTest\tname2\tb\t{{c2::c}}\n"
                            "Vocab\tword\t{{c1::not a cloze type}}\t\n"
                            "cloze sheet\tno clozes here\t\t\n");
    const NoteType* nested = r.collection.find_note_type("NestedClozeTest");
    ASSERT_NE(nested, nullptr);
    EXPECT_EQ(nested->kind, NoteTypeKind::cloze);
    ASSERT_EQ(nested->templates.size(), 1u);
    EXPECT_EQ(nested->templates[0].front, "{{cloze:Field 2}}<br>\n{{cloze:Field 3}}");
    EXPECT_EQ(nested->templates[0].back,
              "{{cloze:Field 2}}<br>\n{{cloze:Field 3}}<br>\n{{Field 1}}");
    const NoteType* vocab = r.collection.find_note_type("Vocab");
    ASSERT_NE(vocab, nullptr);
    EXPECT_EQ(vocab->kind, NoteTypeKind::standard);
    const NoteType* sheet = r.collection.find_note_type("cloze sheet");
    ASSERT_NE(sheet, nullptr);
    EXPECT_EQ(sheet->kind, NoteTypeKind::standard);
    // Cards follow the cloze numbers of the note (Anki's rule for cloze types).
    ASSERT_EQ(r.collection.notes.size(), 4u);
    EXPECT_EQ(generated_card_ords(*nested, r.collection.notes[1]), std::vector<int>{1});
}

// The same for the note type of a whole file (#notetype:, or named after the file).
TEST(CsvRules, GlobalNoteTypeNamedLikeClozeWithClozesIsCloze) {
    ReadResult r = read_csv("g.txt",
                            "#separator:tab\n#html:true\n#notetype:My Cloze\n"
                            "#columns:Text\tExtra\n{{c1::a}} b\tc\n");
    const NoteType* mine = r.collection.find_note_type("My Cloze");
    ASSERT_NE(mine, nullptr);
    EXPECT_EQ(mine->kind, NoteTypeKind::cloze);
    EXPECT_EQ(mine->fields, (std::vector<std::string>{"Text", "Extra"}));
    ASSERT_EQ(mine->templates.size(), 1u);
    EXPECT_EQ(mine->templates[0].front, "{{cloze:Text}}");
    ReadResult plain = read_csv("g.txt",
                                "#separator:tab\n#html:true\n#notetype:Mine\n"
                                "#columns:Text\tExtra\n{{c1::a}} b\tc\n");
    const NoteType* not_cloze = plain.collection.find_note_type("Mine");
    ASSERT_NE(not_cloze, nullptr);
    EXPECT_EQ(not_cloze->kind, NoteTypeKind::standard);
}

TEST(CsvRules, TextBeyondABuiltInsFieldsIsReported) {
    ReadResult r = read_csv("n.txt", "#separator:tab\n#notetype column:1\nBasic\tq\ta\tlost\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"n.txt:3:11: warning: column 4 holds text but note type "
                                        "'Basic' has 2 fields: the text is ignored [CSV021]"}));
}

TEST(CsvRules, NumericIdsCannotBeResolvedOutsideAnki) {
    ReadResult r = read_csv("i.txt",
                            "#separator:tab\n#html:false\n#notetype:1678901234567\n"
                            "#deck column:3\nq\ta\t1\n");
    expect_notes(r.collection, {{"Basic", {"q", "a"}, "", {}}}, Markup::text);
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "i.txt:3:1: warning: note type id 1678901234567 can only be resolved inside an "
                  "Anki collection; the note type is chosen from the columns instead [CSV016]",
                  "i.txt:5:5: warning: deck id 1 can only be resolved inside an Anki collection; "
                  "the note gets no deck [CSV016]",
              }));
}

TEST(CsvRules, UnknownGlobalNoteTypeIsCreated) {
    ReadResult r =
        read_csv("u.txt", "#separator:tab\n#html:false\n#notetype:Vocab\n#deck:Words\na\tb\tc\n");
    expect_notes(r.collection, {{"Vocab", {"a", "b", "c"}, "Words", {}}}, Markup::text);
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"u.txt:3:1: note: note type 'Vocab' is not built in: it "
                                        "is created with the 3 fields of the file [CSV015]"}));
}

TEST(CsvRules, WideUnlabeledFilesGetAGenericNoteType) {
    ReadResult r = read_csv("wide.txt", "#separator:tab\n#html:false\na\tb\tc\td\n");
    expect_notes(r.collection, {{"wide", {"a", "b", "c", "d"}, "", {}}}, Markup::text);
    // Three columns are Front, Back and tags, as in Anki.
    ReadResult three = read_csv("three.txt", "#separator:tab\n#html:false\na\tb\tc d\n");
    expect_notes(three.collection, {{"Basic", {"a", "b"}, "", {"c", "d"}}}, Markup::text);
}

TEST(CsvRules, UnmappedColumnsAreReported) {
    ReadResult r =
        read_csv("x.txt", "#separator:tab\n#html:false\n#notetype:Basic\na\tb\tt\td\te\n");
    expect_notes(r.collection, {{"Basic", {"a", "b"}, "", {"t"}}}, Markup::text);
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"x.txt:4:1: warning: columns 4, 5 feed no field of note "
                                        "type 'Basic' and are ignored [CSV018]"}));
}

TEST(CsvRules, DuplicatePolicies) {
    std::string rows = "a\t1\nb\t2\na\t3\n";
    ReadResult update = read_csv("d.txt", "#separator:tab\n#html:false\n" + rows);
    expect_notes(update.collection, {{"Basic", {"a", "3"}, "", {}}, {"Basic", {"b", "2"}, "", {}}},
                 Markup::text);
    ReadResult keep =
        read_csv("d.txt", "#separator:tab\n#html:false\n#if matches:keep current\n" + rows);
    expect_notes(keep.collection, {{"Basic", {"a", "1"}, "", {}}, {"Basic", {"b", "2"}, "", {}}},
                 Markup::text);
    EXPECT_EQ(keep.diagnostics,
              (std::vector<std::string>{"d.txt:6:1: warning: this row has the same first field "
                                        "and note type as the note at line 4: it is skipped (#if "
                                        "matches) [CSV022]"}));
    ReadResult both =
        read_csv("d.txt", "#separator:tab\n#html:false\n#if matches:keep both\n" + rows);
    ASSERT_EQ(both.collection.notes.size(), 3u);
    EXPECT_NE(both.collection.notes[0].guid, both.collection.notes[2].guid);
}

TEST(CsvRules, DuplicateGuidsUpdateTheFirstNote) {
    ReadResult r = read_csv("g.txt",
                            "#separator:tab\n#html:false\n#guid column:1\n"
                            "G1\ta\t1\nG1\tb\t2\n");
    expect_notes(r.collection, {{"Basic", {"b", "2"}, "", {}}}, Markup::text);
    EXPECT_EQ(r.collection.notes[0].guid, "G1");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0],
              "g.txt:5:1: warning: this row has the same GUID 'G1' as the note at line 4: it "
              "updates that note, as Anki's import does [CSV022]");
}

// A note whose first field a GUID row changed is still the match for the first field it was
// added with (its key is kept whole once the text it held is gone); its new first field is no
// one's key, so a row with it is a note of its own.
TEST(CsvRules, AnUpdatedNoteStillMatchesItsFirstFirstField) {
    ReadResult r = read_csv("u.txt",
                            "#separator:tab\n#html:false\n#guid column:1\n"
                            "G1\ta\t1\nG1\tb\t2\n\ta\t3\n\tb\t4\n");
    expect_notes(r.collection, {{"Basic", {"a", "3"}, "", {}}, {"Basic", {"b", "4"}, "", {}}},
                 Markup::text);
    ASSERT_EQ(r.diagnostics.size(), 2u);
    EXPECT_EQ(r.diagnostics[1],
              "u.txt:6:1: warning: this row has the same first field and note type as the note "
              "at line 4: it updates that note, as Anki's import does [CSV022]");
}

// A GUID row whose first field another note already has is not the match for that field, even
// after its own first field changes (G2 below): the note added first with it is (G1, line 4).
TEST(CsvRules, OnlyTheNoteAddedFirstWithAFirstFieldMatchesIt) {
    ReadResult r = read_csv("o.txt",
                            "#separator:tab\n#html:false\n#guid column:1\n"
                            "G1\ta\t1\nG2\ta\t2\nG2\tc\t3\nG1\td\t4\n\ta\t5\n");
    expect_notes(r.collection, {{"Basic", {"a", "5"}, "", {}}, {"Basic", {"c", "3"}, "", {}}},
                 Markup::text);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics.back(),
              "o.txt:8:1: warning: this row has the same first field and note type as the note "
              "at line 4: it updates that note, as Anki's import does [CSV022]");
}

TEST(CsvRules, SeparatorGuessFollowsAnkiOnStdin) {
    // A `::` tag makes Anki's guess colon when there is no tab, pipe or semicolon.
    ReadResult r = read_csv("<stdin>", "q,a,Rust::Sync\n");
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(sources(r.collection.notes[0]), (std::vector<std::string>{"q,a,Rust", ""}));
    // An explicit option wins over the guess; a #separator line wins over the option.
    ReadResult o = read_csv("<stdin>", "q,a,Rust::Sync\n", {{"separator", "comma"}});
    expect_notes(o.collection, {{"Basic", {"q", "a"}, "", {"Rust::Sync"}}}, Markup::text);
    ReadResult h = read_csv("<stdin>", "#separator:tab\nq,a\tb\n", {{"separator", "comma"}});
    expect_notes(h.collection, {{"Basic", {"q,a", "b"}, "", {}}}, Markup::text);
}

TEST(CsvRules, HtmlIsDetectedAsAnkiDoes) {
    ReadResult r = read_csv("h.txt", "#separator:tab\nVec<T>\tx\n");
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.notes[0].fields[0].kind, Markup::html);
    EXPECT_EQ(r.diagnostics.back(),
              "h.txt:2:1: note: no #html: line, and this cell looks like HTML: every field is read "
              "as HTML, as Anki would [CSV017]");
    ReadResult text = read_csv("h.txt", "#separator:tab\na < b\tx\n");
    EXPECT_EQ(text.collection.notes[0].fields[0].kind, Markup::text);
}

TEST(CsvRules, CrlfCommentsAndQuotedLineBreaks) {
    ReadResult r = read_csv("w.txt",
                            "#separator:comma\r\n#html:false\r\n# comment, with: colon\r\n"
                            "a,\"multi\r\nline\"\r\n#skipped,row\r\n\r\n\"#quoted\",b\r\n");
    expect_notes(r.collection,
                 {{"Basic", {"a", "multi\r\nline"}, "", {}}, {"Basic", {"#quoted", "b"}, "", {}}},
                 Markup::text);
    EXPECT_EQ(r.collection.notes[1].origin.line, 8);
}

TEST(CsvRules, TagsSplitOnUnicodeWhitespaceOnly) {
    ReadResult r = read_csv("t.txt",
                            "#separator:tab\n#html:false\n#tags:global\n"
                            "q\ta\tone\xC2\xA0two\xE2\x80\x83three,four\n");
    expect_notes(r.collection, {{"Basic", {"q", "a"}, "", {"global", "one", "three,four", "two"}}},
                 Markup::text);
}

TEST(CsvRules, BadOptionValuesAreUsageErrors) {
    EXPECT_THROW(read_csv("x.txt", "a\tb\n", {{"separator", "dash"}}), UsageError);
    EXPECT_THROW(read_csv("x.txt", "a\tb\n", {{"html", "perhaps"}}), UsageError);
    EXPECT_THROW(read_csv("x.txt", "a\tb\n", {{"header", "maybe"}}), UsageError);
}

TEST(CsvRules, ProbeRecognisesAnkiHeaders) {
    const Format* csv = builtin_formats().find("csv");
    EXPECT_EQ(csv->reader->probe(input_from_memory("x", "#separator:tab\na\tb\n")), 90);
    EXPECT_EQ(csv->reader->probe(input_from_memory("x", "\xEF\xBB\xBFtags:a b\nx\ty\n")), 90);
    EXPECT_EQ(csv->reader->probe(input_from_memory("x", "a,b\n")), 20);
    EXPECT_EQ(csv->reader->probe(input_from_memory("x", std::string("a\0b", 3))), 0);
    EXPECT_EQ(builtin_formats().find("tsv"), csv);
}
