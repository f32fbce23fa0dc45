// Quizlet text in every separator mode, from ../shared/fixtures/quizlet and by hand.
#include "../csv/csv_helpers.hpp"
#include "deckport/error.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

const std::vector<std::string> kTerms = {"What is a `Mutex`?", "How does a `Mutex` work?",
                                         "Why use a `Mutex`?", "What is **Mutex Poisoning**?",
                                         "What is ```mpsc```?"};

std::vector<std::string> terms(const Collection& c) {
    std::vector<std::string> out;
    for (const Note& note : c.notes) out.push_back(note.fields[0].source);
    return out;
}

// The reading rules with named separators (Quizlet's defaults unless a test names others);
// detection, when they are not named, is tested in detection_test.cpp.
ReadResult read_quizlet(const std::string& name, const std::string& bytes,
                        FormatOptions options = {}) {
    options.try_emplace("term-separator", "tab");
    options.try_emplace("row-separator", "newline");
    return read_as("quizlet", name, bytes, std::move(options));
}

}  // namespace

TEST(QuizletFixtures, TabNewline) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_quizlet("t.txt", fixture("quizlet", "synthetic-tab-newline.txt"));
    EXPECT_EQ(terms(r.collection), kTerms);
    EXPECT_TRUE(r.diagnostics.empty());
    const Note& last = r.collection.notes[4];
    EXPECT_EQ(last.fields[1].source,
              "**Multiple producer, single consumer.**   > For scenarios where several threads "
              "send data to one receiver.");
    EXPECT_EQ(last.fields[1].kind, Markup::text);
    EXPECT_EQ(r.collection.note_types[0].name, "Basic");
}

TEST(QuizletFixtures, CustomSeparatorsKeepMultiLineDefinitions) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_quizlet("c.txt", fixture("quizlet", "synthetic-custom-separators.txt"),
                                {{"term-separator", " ::: "}, {"row-separator", "\\n@@@\\n"}});
    EXPECT_EQ(terms(r.collection), kTerms);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(r.collection.notes[0].fields[1].source,
              "A `Mutex` (short for mutual exclusion) acts like a padlock for your data. It "
              "guarantees that only one thread can access and modify a shared resource at a time, "
              "preventing chaotic **data races** and preserving data integrity. \n\n> Rust's "
              "Mutex type from the standard library provides this essential synchronization tool.");
    EXPECT_EQ(r.collection.notes[4].fields[1].source,
              "**Multiple producer, single consumer.** \n\n> For scenarios where several threads "
              "send data to one receiver.");
}

TEST(QuizletFixtures, MultiLineAmbiguousJoinsContinuationLines) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_quizlet("m.txt", fixture("quizlet", "synthetic-multiline-ambiguous.txt"));
    EXPECT_EQ(terms(r.collection), (std::vector<std::string>(kTerms.begin(), kTerms.begin() + 3)));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "m.txt:3:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 1 [QZ005]",
                  "m.txt:5:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 4 [QZ005]",
                  "m.txt:6:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 4 [QZ005]",
                  "m.txt:8:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 4 [QZ005]",
                  "m.txt:10:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 9 [QZ005]",
                  "m.txt:12:1: warning: this row has no term separator (Tab): it is joined to the "
                  "definition of the card at line 9 [QZ005]",
              }));
    // The joined definitions are the multi-line originals, as the custom-separator file has them.
    ReadResult custom = read_quizlet("c.txt", fixture("quizlet", "synthetic-custom-separators.txt"),
                                     {{"term-separator", " ::: "}, {"row-separator", "\\n@@@\\n"}});
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(r.collection.notes[i].fields[1].source,
                  custom.collection.notes[i].fields[1].source);
    }
}

TEST(QuizletFixtures, CommaSemicolonSplitsAtTheFirstComma) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_quizlet("cs.txt", fixture("quizlet", "synthetic-comma-semicolon.txt"),
                                {{"term-separator", "comma"}, {"row-separator", "semicolon"}});
    // The `;` inside the second definition cannot be told from a row separator: the text after
    // it becomes a card of its own, exactly as Quizlet would read it.
    EXPECT_EQ(terms(r.collection),
              (std::vector<std::string>{"What is a `Mutex`?", "How does a `Mutex` work?",
                                        "if it succeeds", "Why use a `Mutex`?",
                                        "What is **Mutex Poisoning**?", "What is ```mpsc```?"}));
    EXPECT_TRUE(
        r.collection.notes[1].fields[1].source.ends_with("> A thread tries to get the lock"));
    EXPECT_EQ(r.collection.notes[5].fields[1].source,
              "**Multiple producer, single consumer.**   > For scenarios where several threads "
              "send data to one receiver.");
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(QuizletFixtures, WrongSeparatorsAreAClearError) {
    DECKPORT_REQUIRE_FIXTURES();
    ReadResult r = read_quizlet("cs.txt", fixture("quizlet", "synthetic-comma-semicolon.txt"),
                                {{"term-separator", "tab"}, {"row-separator", "newline"}});
    EXPECT_TRUE(r.collection.notes.empty());
    EXPECT_EQ(r.diagnostics, (std::vector<std::string>{
                                 "cs.txt:1:1: error: this row has no term separator (Tab) and no "
                                 "card before it to join [QZ006]"}));
}

TEST(QuizletReader, EmptyTermsAndDefinitionsAreReported) {
    ReadResult r = read_quizlet("e.txt", "a\t1\n \t2\nb\t \r\nb\t3\n\n");
    EXPECT_EQ(terms(r.collection), (std::vector<std::string>{"a", "b", "b"}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{
                  "e.txt:2:1: warning: the term is empty: the card is skipped [QZ007]",
                  "e.txt:3:1: warning: the definition is empty [QZ008]",
                  "e.txt:4:1: note: the term 'b' repeats (copy 2): the card gets its own GUID "
                  "[QZ009]",
              }));
    EXPECT_NE(r.collection.notes[1].guid, r.collection.notes[2].guid);
}

TEST(QuizletReader, SplitsAtTheFirstTermSeparatorOnly) {
    ReadResult r = read_quizlet("x.txt", "term\tdef\twith tab\n");
    EXPECT_EQ(sources(r.collection.notes[0]), (std::vector<std::string>{"term", "def\twith tab"}));
}

TEST(QuizletReader, EmptyAndBrokenFiles) {
    for (const std::string& empty : {std::string(""), std::string(" \n\n")}) {
        try {
            read_quizlet("e.txt", empty);
            ADD_FAILURE() << "expected InputError";
        } catch (const InputError& e) {
            EXPECT_EQ(format_diagnostic(e.diagnostic()),
                      "e.txt:1:1: error: the file is empty: it holds no cards [QZ001]");
        }
    }
    try {
        read_quizlet("b.txt", "a\tb\nc\t\xC3\x28\n");
        ADD_FAILURE() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(format_diagnostic(e.diagnostic()),
                  "b.txt:2:3: error: the text is not valid UTF-8 [QZ002]");
    }
    ReadResult nul = read_quizlet("n.txt", std::string("a\tb\nc\td\0e\n", 10));
    EXPECT_EQ(nul.diagnostics,
              (std::vector<std::string>{"n.txt:2:4: error: NUL byte in the text; a text file holds "
                                        "none [QZ004]"}));
}

TEST(QuizletReader, Utf16IsConverted) {
    std::string utf16be = "\xFE\xFF";
    for (char c : std::string("q\ta\n")) {
        utf16be += '\0';
        utf16be += c;
    }
    ReadResult r = read_quizlet("u.txt", utf16be);
    EXPECT_EQ(sources(r.collection.notes[0]), (std::vector<std::string>{"q", "a"}));
    EXPECT_EQ(r.diagnostics,
              (std::vector<std::string>{"u.txt:1:1: warning: the file is UTF-16 big-endian: it is "
                                        "converted to UTF-8 [QZ003]"}));
}

TEST(QuizletReader, OneMegabyteDefinition) {
    std::string big(1 << 20, 'z');
    ReadResult r = read_quizlet("big.txt", "t\t" + big + "\nu\tv\n");
    ASSERT_EQ(r.collection.notes.size(), 2u);
    EXPECT_EQ(r.collection.notes[0].fields[1].source, big);
    EXPECT_EQ(r.collection.notes[1].origin.line, 2);
}

TEST(QuizletReader, BadSeparatorOptions) {
    EXPECT_THROW(read_quizlet("x.txt", "a\tb\n", {{"term-separator", "  "}}), UsageError);
    EXPECT_THROW(read_quizlet("x.txt", "a\tb\n", {{"term-separator", "\\q"}}), UsageError);
    EXPECT_THROW(read_quizlet("x.txt", "a\tb\n", {{"term-separator", "a\\nb"}}), UsageError);
    // `safe` is a write option: the reader does not get it (FormatInfo declares directions), so
    // a bad value cannot fail a read.
    EXPECT_EQ(read_quizlet("x.txt", "a\tb\n", {{"safe", "sometimes"}}).collection.notes.size(), 1u);
}

TEST(QuizletReader, OnlyTheExtensionOrFromChoosesQuizlet) {
    EXPECT_EQ(&builtin_formats().detect_input(input_from_memory("set.quizlet.txt", "a\tb\n"), {}),
              builtin_formats().find("quizlet"));
    EXPECT_EQ(&builtin_formats().detect_input(input_from_memory("set.txt", "a\tb\n"), {}),
              builtin_formats().find("csv"));
}
