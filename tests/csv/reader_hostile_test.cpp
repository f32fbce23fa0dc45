// Broken and hostile inputs: every problem is a diagnostic with its line, never a silent loss.
#include "csv_helpers.hpp"
#include "deckport/error.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::string thrown_by(const std::string& name, const std::string& bytes) {
    try {
        read_csv(name, bytes);
    } catch (const InputError& e) {
        return format_diagnostic(e.diagnostic());
    }
    return "nothing thrown";
}

}  // namespace

TEST(CsvHostile, EmptyFilesAreRefused) {
    EXPECT_EQ(thrown_by("empty.csv", ""),
              "empty.csv:1:1: error: the file is empty: it has no header and no rows [CSV001]");
    EXPECT_EQ(thrown_by("bom.csv", "\xEF\xBB\xBF\r\n\n"),
              "bom.csv:1:1: error: the file is empty: it has no header and no rows [CSV001]");
}

TEST(CsvHostile, HeaderWithoutRowsIsAnEmptyDeck) {
    ReadResult r = read_csv("h.txt", "#separator:tab\n#html:true\n");
    EXPECT_TRUE(r.collection.notes.empty());
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"h.txt:3:1: warning: the file holds no notes [CSV019]"}));
}

TEST(CsvHostile, UnbalancedQuoteNamesWhereItOpened) {
    ReadResult r = read_csv("q.txt", "#separator:comma\n#html:false\na,b\n\"c,d\ne,f\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "q.txt:4:1: error: unbalanced quote: this quoted field is never closed, so it "
                  "takes the rest of the file (9 bytes) [CSV005]",
                  "q.txt:4:1: warning: this row has 1 column but the file has 2 (from its first "
                  "row): the missing fields are left empty [CSV007]",
              }));
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[1].fields[0].source, "c,d\ne,f\n");
}

TEST(CsvHostile, TextAfterAClosingQuoteIsKeptAndReported) {
    ReadResult r = read_csv("t.txt", "#separator:comma\n#html:false\n\"ab\"cd,e\n");
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "t.txt:3:5: warning: text after the closing quote of a field is "
                                 "joined to it [CSV006]"}));
    EXPECT_EQ(sources(r.collection.notes[0]), (std::vector<std::string>{"abcd", "e"}));
}

TEST(CsvHostile, MixedSeparatorsShowAsRowsOfTheWrongWidth) {
    ReadResult r = read_csv("m.txt", "#separator:tab\n#html:false\na\tb\nc,d\ne\tf\tg\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "m.txt:4:1: warning: this row has 1 column but the file has 2 (from its first "
                  "row): the missing fields are left empty [CSV007]",
                  "m.txt:5:5: warning: this row has 3 columns but the file has 2 (from its first "
                  "row): the cells after column 2 are ignored, as in Anki [CSV008]",
              }));
    ASSERT_EQ(r.collection.notes.size(), 3u);
    EXPECT_EQ(sources(r.collection.notes[1]), (std::vector<std::string>{"c,d", ""}));
}

TEST(CsvHostile, OneMegabyteFieldsReadIntact) {
    std::string big(1 << 20, 'x');
    big[1000] = '\n';
    big[2000] = '"';
    std::string quoted = big;
    std::string escaped;
    for (char c : quoted) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
    std::string file = "#separator:tab\n#html:false\nfront\t\"" + escaped + "\"\nnext\trow\n";
    ReadResult r = read_csv("big.txt", file);
    EXPECT_TRUE(r.diagnostics.empty());
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[0].fields[1].source, big);
    EXPECT_EQ(r.collection.notes[1].origin.line, 5);  // the field's line break counts
}

TEST(CsvHostile, OneMegabyteUnclosedField) {
    std::string file = "#separator:tab\n#html:false\na\tb\nfront\t\"" + std::string(1 << 20, 'y');
    ReadResult r = read_csv("big.txt", file);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0],
              "big.txt:4:7: error: unbalanced quote: this quoted field is never closed, so it "
              "takes the rest of the file (1048577 bytes) [CSV005]");
}

TEST(CsvHostile, NulBytesAreAnError) {
    ReadResult r = read_csv("nul.txt", std::string("#separator:tab\na\tb\nc\0d\te\n", 25));
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0],
              "nul.txt:3:2: error: NUL byte in the text (1 in all); a text file holds none "
              "[CSV004]");
}

TEST(CsvHostile, Utf16WithoutBomIsRecognisedInTheHint) {
    std::string utf16le;
    for (char c : std::string("a\tb\n")) {
        utf16le += c;
        utf16le += '\0';
    }
    const Format* csv = builtin_formats().find("csv");
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, Limits{}, 0};
    csv->reader->read(input_from_memory("w.txt", utf16le), context);
    ASSERT_FALSE(diagnostics.all().empty());
    EXPECT_EQ(diagnostics.all()[0].hint,
              "the file looks like UTF-16 without a byte order mark: save it as UTF-8");
}

TEST(CsvHostile, InvalidUtf8IsRefusedWithItsPosition) {
    EXPECT_EQ(thrown_by("bad.txt", "#separator:tab\nab\tc\nd\te\xFF\n"),
              "bad.txt:3:4: error: the text is not valid UTF-8 [CSV002]");
    // An overlong encoding of '/' and a UTF-16 surrogate are not UTF-8 either.
    EXPECT_EQ(thrown_by("bad.txt", "a\t\xC0\xAF\n"),
              "bad.txt:1:3: error: the text is not valid UTF-8 [CSV002]");
    EXPECT_EQ(thrown_by("bad.txt", "a\t\xED\xA0\x80\n"),
              "bad.txt:1:3: error: the text is not valid UTF-8 [CSV002]");
}

TEST(CsvHostile, BrokenUtf16IsRefused) {
    // BOM, 'a', then a lone high surrogate.
    EXPECT_EQ(thrown_by("u.txt", std::string("\xFF\xFE"
                                             "a\0"
                                             "\x00\xD8",
                                             6)),
              "u.txt:1:2: error: the text is not valid UTF-16 little-endian (a broken surrogate "
              "pair or an odd byte at the end) [CSV002]");
}

TEST(CsvHostile, UnknownHeaderValuesAreReported) {
    ReadResult r = read_csv("h.txt",
                            "#separator:♥\n#html:maybe\n#tags column:x\n#if matches:sometimes\n"
                            "a\tb\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "h.txt:1:1: warning: unknown separator '♥' is ignored; the separator is guessed "
                  "from the rows [CSV010]",
                  "h.txt:2:1: warning: '#html:maybe' is neither true nor false and is ignored "
                  "[CSV010]",
                  "h.txt:3:1: warning: '#tags column:x' is not a column number and is ignored "
                  "[CSV010]",
                  "h.txt:4:1: warning: '#if matches:sometimes' is ignored [CSV010]",
                  "h.txt:5:1: note: no #separator: line: the separator is guessed as tab, as Anki "
                  "guesses it [CSV014]",
              }));
    EXPECT_EQ(r.collection.notes.size(), 1u);
}

TEST(CsvHostile, ColumnsBeforeSeparator) {
    ReadResult r = read_csv("c.txt", "#columns:Front;Back\n#separator:semicolon\na;b\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "c.txt:1:1: warning: #columns: comes before #separator:, so Anki splits it with "
                  "its default separator [CSV011]"}));
}

TEST(CsvHostile, MetaColumnBeyondTheRow) {
    ReadResult r = read_csv("c.txt", "#separator:tab\n#guid column:9\na\tb\n");
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"c.txt:2:1: warning: the guid column 9 is beyond the 2 "
                                        "columns of the file (from its first row) [CSV012]"}));
}

TEST(CsvHostile, DeepQuotingAndManyColumnsStayFast) {
    std::string row;
    for (int i = 0; i < 5000; ++i) row += "\"\"\"\"\t";
    row += "end\n";
    ReadResult r = read_csv("wide.txt", "#separator:tab\n#html:false\n" + row);
    ASSERT_EQ(r.collection.notes.size(), 1u);
    EXPECT_EQ(r.collection.note_types[0].fields.size(), 5001u);
    EXPECT_EQ(r.collection.notes[0].fields[0].source, "\"");
}

TEST(CsvHostile, AWideFirstRowCannotBlowUpShortRows) {
    // 100001 columns, then 100000 one-cell rows: padding every row would make 10^10 fields.
    std::string file = "#separator:comma\n";
    file.append(100000, ',');
    file += '\n';
    for (int i = 0; i < 100000; ++i) {
        const char row[] = {'r', static_cast<char>('0' + i % 10), '\n'};
        file.append(row, sizeof row);
    }
    ReadResult r = read_csv("x.txt", file);
    // Rows repeat every 10 (duplicates update their first note), so 10 notes; the budget of
    // 8 fields per byte (+1 Mi) lets 42 rows through: the wide row (skipped, its first field is
    // empty) and lines 3 to 43.
    EXPECT_EQ(r.collection.notes.size(), 10u);
    auto has = [&](const std::string& line) {
        return std::find(r.diagnostics.begin(), r.diagnostics.end(), line) != r.diagnostics.end();
    };
    EXPECT_TRUE(
        has("x.txt:44:1: error: the rows from here on would expand into more fields than "
            "the file could hold (100001 columns, mostly empty): they are not read "
            "[CSV023]"));
    // 100000 short rows, but 50 warnings and a count.
    EXPECT_TRUE(has("x.txt: warning: 99950 more CSV007 diagnostics are not shown [CSV007]"));
    EXPECT_EQ(r.diagnostics.size(), 84u);  // CSV009, 50 + 1 CSV007, 31 CSV022, CSV023
}

TEST(CsvHostile, RepeatedProblemsOnOneLineAreCounted) {
    std::string row;
    for (int i = 0; i < 1000; ++i) row += "\"a\"b,";
    ReadResult r = read_csv("r.txt", "#separator:comma\n#html:false\n" + row + "\n");
    ASSERT_EQ(r.diagnostics.size(), 51u);
    EXPECT_EQ(r.diagnostics[0],
              "r.txt:3:4: warning: text after the closing quote of a field is joined to it "
              "[CSV006]");
    EXPECT_EQ(r.diagnostics[50],
              "r.txt: warning: 950 more CSV006 diagnostics are not shown [CSV006]");
}
