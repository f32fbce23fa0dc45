// Separator detection: the shapes of real Quizlet exports (tests/quizlet/data, written for these
// tests), the fixtures read without -O, and given options winning over detection.
#include <filesystem>

#include "../csv/csv_helpers.hpp"
#include "deckport/error.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

struct Row {
    std::string term, definition;
    friend bool operator==(const Row&, const Row&) = default;
    friend std::ostream& operator<<(std::ostream& out, const Row& c) {
        return out << "{" << c.term << " | " << c.definition << "}";
    }
};

std::vector<Row> cards(const Collection& c) {
    std::vector<Row> out;
    for (const Note& note : c.notes) out.push_back({note.fields[0].source, note.fields[1].source});
    return out;
}

ReadResult read_data(const std::string& name, FormatOptions options = {}) {
    return read_as("quizlet", name, read_text(source_dir() / "tests/quizlet/data" / name),
                   std::move(options));
}

std::string error_of(const std::string& name, FormatOptions options = {}) {
    try {
        read_data(name, std::move(options));
    } catch (const InputError& e) {
        return format_diagnostic(e.diagnostic()) + "\n  hint: " + e.diagnostic().hint;
    }
    return "no error";
}

}  // namespace

TEST(QuizletDetection, Pipe) {
    ReadResult r = read_data("pipe.txt");
    EXPECT_EQ(cards(r.collection), (std::vector<Row>{{"hola", "hello"},
                                                     {"adiós", "goodbye"},
                                                     {"la casa", "the house, the home"},
                                                     {"gracias", "thank you"}}));
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "pipe.txt: note: separators detected: between term and "
                                 "definition: custom \"|\"; between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, SlashesRunBeatsSlashesAndHyphensInText) {
    ReadResult r = read_data("slashes.txt");
    EXPECT_EQ(cards(r.collection),
              (std::vector<Row>{{"a bad apple", "a trouble maker"},
                                {"a couch potato", "a lazy/inactive person"},
                                {"dog-eared", "a turned down corner of a page"},
                                {"cool, calm and collected", "relaxed"}}));
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "slashes.txt: note: separators detected: between term and "
                                 "definition: custom \"/////\"; between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, CommaSplitsAtTheFirstCommaAndKeepsQuotes) {
    // Quizlet text has no quoting: quotes are text, and a row splits at its first comma.
    ReadResult r = read_data("comma-quotes.txt");
    EXPECT_EQ(cards(r.collection), (std::vector<Row>{{"שלום", "\"hello\", a greeting"},
                                                     {"say \"cheese\"", "smile, please"},
                                                     {"x", "y"}}));
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "comma-quotes.txt: note: separators detected: between term and "
                                 "definition: Comma; between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, SpacedHyphenBeatsHyphensInWords) {
    ReadResult r = read_data("spaced-dash.txt");
    EXPECT_EQ(
        cards(r.collection),
        (std::vector<Row>{{"cat", "die Katze"}, {"dog", "der Hund"}, {"well-known", "bekannt"}}));
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "spaced-dash.txt: note: separators detected: between term and "
                                 "definition: custom \" - \"; between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, HeaderRowIsSkipped) {
    ReadResult r = read_data("header.txt");
    EXPECT_EQ(cards(r.collection), (std::vector<Row>{{"mitochondria", "the powerhouse of the cell"},
                                                     {"ribosome", "makes proteins - from RNA"}}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "header.txt: note: separators detected: between term and definition: custom "
                  "\" | \"; between rows: New line [QZ023]",
                  "header.txt:1:1: note: the first row names the columns (a header): it is not "
                  "a card [QZ025]"}));
}

TEST(QuizletDetection, AOneCardSetNamedLikeAHeaderIsACard) {
    // Anki's own test package has one note "front" / "back": as Quizlet text, it stays a card.
    ReadResult r = read_as("quizlet", "one.txt", "front\tback\n");
    EXPECT_EQ(cards(r.collection), (std::vector<Row>{{"front", "back"}}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"one.txt: note: separators detected: between term and "
                                        "definition: Tab; between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, MultiLineDefinitionsAreJoined) {
    ReadResult r = read_data("multiline.txt");
    EXPECT_EQ(
        cards(r.collection),
        (std::vector<Row>{
            {"What is a Mutex?", "A lock for shared data.\n\nOnly one thread holds it at a time."},
            {"What is mpsc?",
             "Multiple producer, single consumer:\n- many senders\n- one receiver"}}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "multiline.txt: note: separators detected: between term and definition: Tab; "
                  "between rows: New line [QZ023]",
                  "multiline.txt:1:1: note: the first row names the columns (a header): it is "
                  "not a card [QZ025]",
                  "multiline.txt:4:1: warning: this row has no term separator (Tab): it is joined "
                  "to the definition of the card at line 2 [QZ005]",
                  "multiline.txt:6:1: warning: this row has no term separator (Tab): it is joined "
                  "to the definition of the card at line 5 [QZ005]",
                  "multiline.txt:7:1: warning: this row has no term separator (Tab): it is joined "
                  "to the definition of the card at line 5 [QZ005]"}));
}

TEST(QuizletDetection, SemicolonRows) {
    ReadResult r = read_data("semicolon-rows.txt");
    EXPECT_EQ(cards(r.collection),
              (std::vector<Row>{{"one", "eins"}, {"two", "zwei"}, {"three", "drei, also 3"}}));
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "semicolon-rows.txt: note: separators detected: between term and "
                                 "definition: Comma; between rows: Semicolon [QZ023]"}));
}

TEST(QuizletDetection, SeparatorLineRows) {
    ReadResult r = read_data("custom-rows.txt");
    EXPECT_EQ(cards(r.collection),
              (std::vector<Row>{{"alpha", "first letter\nof the Greek alphabet"},
                                {"beta", "second letter"}}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "custom-rows.txt: note: separators detected: between term and definition: "
                  "custom \" ~~~~ \"; between rows: custom \"\\n@@@\\n\" [QZ023]"}));
}

TEST(QuizletDetection, AmbiguousIsAnErrorNamingTheCandidates) {
    EXPECT_EQ(error_of("ambiguous.txt"),
              "ambiguous.txt:1:1: error: the separator between term and definition is "
              "ambiguous: Comma and Semicolon each split 2 of 2 rows [QZ024]\n"
              "  hint: name it: -O 'term-separator=comma' or -O 'term-separator=;'");
    // Naming it reads the file.
    ReadResult r = read_data("ambiguous.txt", {{"term-separator", ";"}});
    EXPECT_EQ(cards(r.collection),
              (std::vector<Row>{{"red,rot", "colour"}, {"blue,blau", "colour"}}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"ambiguous.txt: note: separators "
                                        "detected: between rows: New line [QZ023]"}));
}

TEST(QuizletDetection, NoSeparatorInTheFirstRow) {
    EXPECT_EQ(error_of("no-separator.txt"),
              "no-separator.txt:1:1: error: no separator between term and definition found in "
              "the first row (looked for Tab, |, comma, semicolon, -, ' - ' and runs such as "
              "'/////' or ' ::: ') [QZ024]\n"
              "  hint: name the separators: -O term-separator=... -O row-separator=...");
}

TEST(QuizletDetection, GivenSeparatorsWin) {
    // Both given: read as told, no detection, no header skipped.
    ReadResult both =
        read_data("pipe.txt", {{"term-separator", ","}, {"row-separator", "newline"}});
    EXPECT_EQ(cards(both.collection),
              (std::vector<Row>{{"la casa|the house", "the home\ngracias|thank you"}}));
    EXPECT_EQ(both.diagnostics,
              (std::vector<std::string>{
                  "pipe.txt:1:1: error: this row has no term separator (Comma) and no card before "
                  "it to join [QZ006]",
                  "pipe.txt:2:1: error: this row has no term separator (Comma) and no card before "
                  "it to join [QZ006]",
                  "pipe.txt:4:1: warning: this row has no term separator (Comma): it is joined to "
                  "the definition of the card at line 3 [QZ005]"}));
    ReadResult header =
        read_data("header.txt", {{"term-separator", " | "}, {"row-separator", "newline"}});
    EXPECT_EQ(cards(header.collection).front(), (Row{"Term", "Definition"}));
    EXPECT_TRUE(header.diagnostics.empty());
    // The term separator given, the rows detected.
    ReadResult rows = read_data("semicolon-rows.txt", {{"term-separator", "comma"}});
    EXPECT_EQ(rows.collection.notes.size(), 3u);
    EXPECT_EQ(rows.diagnostics, (std::vector<std::string>{
                                    "semicolon-rows.txt: note: separators detected: between rows: "
                                    "Semicolon [QZ023]"}));
    EXPECT_EQ(error_of("pipe.txt", {{"term-separator", "tab"}}),
              "pipe.txt:1:1: error: the separator between term and definition (Tab) is not in "
              "the first row [QZ024]\n"
              "  hint: name the separators: -O term-separator=... -O row-separator=...");
}

// Every Quizlet file in the fixtures reads without -O, with the separators it was written with.
TEST(QuizletDetection, EveryFixtureReadsWithoutOptions) {
    DECKPORT_REQUIRE_FIXTURES();
    const std::map<std::string, std::string> expected = {
        {"synthetic-tab-newline.txt", "between term and definition: Tab; between rows: New line"},
        {"synthetic-multiline-ambiguous.txt",
         "between term and definition: Tab; between rows: New line"},
        {"synthetic-comma-semicolon.txt",
         "between term and definition: Comma; between rows: Semicolon"},
        {"synthetic-custom-separators.txt",
         "between term and definition: custom \" ::: \"; between rows: custom \"\\n@@@\\n\""},
    };
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(fixtures_dir() / "quizlet")) {
        if (entry.path().extension() != ".txt") continue;
        std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        ++files;
        ReadResult r = read_as("quizlet", name, read_text(entry.path()));
        EXPECT_GE(r.collection.notes.size(), 3u);
        ASSERT_FALSE(r.diagnostics.empty());
        ASSERT_TRUE(expected.contains(name)) << "a new fixture: add what it holds";
        EXPECT_EQ(r.diagnostics.front(),
                  name + ": note: separators detected: " + expected.at(name) + " [QZ023]");
        for (const std::string& d : r.diagnostics) EXPECT_EQ(d.find(": error:"), std::string::npos);
    }
    EXPECT_EQ(files, expected.size());
}

TEST(QuizletDetection, AFirstRowFullOfRunsStaysBounded) {
    // Runs of every length (a hostile first row) are not all candidates: at most 32, none longer
    // than 16 characters. The tab still wins.
    std::string first;
    for (int n = 3; n < 200; ++n) first += std::string(static_cast<std::size_t>(n), '/') + " ";
    std::string text = first + "\tdefinition\n";
    for (int i = 0; i < 1000; ++i) text += "term " + std::to_string(i) + "\tdefinition\n";
    ReadResult r = read_as("quizlet", "runs.txt", text);
    EXPECT_EQ(r.collection.notes.size(), 1001u);
    EXPECT_EQ(r.diagnostics.front(),
              "runs.txt: note: separators detected: between term and definition: Tab; between "
              "rows: New line [QZ023]");
}
