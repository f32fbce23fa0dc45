// Quizlet output from term/definition text: flattening, safe separators, read-back.
#include "quizlet/card_writer.hpp"
#include "../csv/csv_helpers.hpp"
#include "quizlet/cloze_text.hpp"
#include "quizlet/flatten.hpp"

using namespace deckport;
using namespace deckport::test;
using QCard = quizlet::Card;

namespace {

quizlet::Options options_with(std::string term, std::string row, bool safe = false) {
    quizlet::Options o;
    o.separators = {std::move(term), std::move(row)};
    o.term_given = o.row_given = true;
    o.safe = safe;
    return o;
}

std::string write(const std::vector<QCard>& cards, const quizlet::Options& options,
                  std::vector<std::string>* diagnostics = nullptr) {
    Diagnostics d;
    std::string out = quizlet::write_cards(cards, options, d, "out.quizlet.txt");
    if (diagnostics) *diagnostics = rendered(d.all());
    return out;
}

const std::vector<QCard> kCards = {
    {"What is a Mutex?", "A lock.\n\nRust's Mutex guards data.", {"deck.md", 5, 1, {}}},
    {"mpsc", "Multiple producer, single consumer; one receiver.", {"deck.md", 9, 1, {}}},
    {"tab\tin term", "plain", {"deck.md", 12, 1, {}}},
};

}  // namespace

TEST(QuizletFlatten, EachSeparatorKind) {
    quizlet::Separators tab_newline{"\t", "\n"};
    auto lines = quizlet::flatten("  one\n\n  two  \r\nthree\t3 ", tab_newline, false);
    EXPECT_EQ(lines.text, "one two three 3");
    EXPECT_EQ(lines.changes,
              (std::vector<std::string>{"line breaks became spaces", "tabs became spaces"}));
    quizlet::Separators comma_semicolon{",", ";"};
    EXPECT_EQ(quizlet::flatten("a, b; c", comma_semicolon, true).text, "a， b； c");
    EXPECT_EQ(quizlet::flatten("a, b; c", comma_semicolon, false).text, "a, b； c");
    quizlet::Separators custom{"::", "@@"};
    EXPECT_EQ(quizlet::flatten("a::b@@c@@@d", custom, true).text, "a b c @d");
    EXPECT_EQ(quizlet::flatten("a::b@@c", custom, false).text, "a::b c");
    // A replacement that forms a new separator is replaced again.
    quizlet::Separators ab{"\t", "ab"};
    EXPECT_EQ(quizlet::flatten("aabb", ab, false).text, "a b");
}

TEST(QuizletCloze, BlanksAndReveals) {
    EXPECT_EQ(quizlet::blank_clozes("A {{c1::Mutex}} and {{c2::Arc::a pointer}}."),
              "A [...] and [a pointer].");
    EXPECT_EQ(quizlet::reveal_clozes("A {{c1::Mutex}} and {{c2::Arc::a pointer}}."),
              "A Mutex and Arc.");
    EXPECT_EQ(quizlet::reveal_clozes("{{c1::open"), "{{c1::open");
    EXPECT_EQ(quizlet::reveal_clozes("{{cx::no}}"), "{{cx::no}}");
}

TEST(QuizletCardWriter, DefaultsFlattenAndWarnPerCard) {
    std::vector<std::string> diagnostics;
    std::string out = write(kCards, quizlet::Options{}, &diagnostics);
    EXPECT_EQ(out,
              "What is a Mutex?\tA lock. Rust's Mutex guards data.\n"
              "mpsc\tMultiple producer, single consumer; one receiver.\n"
              "tab in term\tplain\n");
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{
                  "deck.md:5:1: warning: the card 'What is a Mutex?' is flattened to fit the "
                  "separators: line breaks became spaces [QZ011]",
                  "deck.md:12:1: warning: the card 'tab in term' is flattened to fit the "
                  "separators: tabs became spaces [QZ011]",
              }));
}

TEST(QuizletCardWriter, CommaSemicolon) {
    std::vector<std::string> diagnostics;
    std::string out = write(kCards, options_with(",", ";"), &diagnostics);
    EXPECT_EQ(out,
              "What is a Mutex?,A lock.\n\nRust's Mutex guards data.;"
              "mpsc,Multiple producer, single consumer； one receiver.;"
              "tab\tin term,plain\n");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0],
              "deck.md:9:1: warning: the card 'mpsc' is flattened to fit the separators: ';' "
              "became '；' [QZ011]");
}

TEST(QuizletCardWriter, SafeModeKeepsTabAndPicksARowSeparator) {
    std::vector<QCard> cards = {kCards[0], kCards[1]};
    std::vector<std::string> diagnostics;
    quizlet::Options safe;
    safe.safe = true;
    std::string out = write(cards, safe, &diagnostics);
    EXPECT_EQ(out,
              "What is a Mutex?\tA lock.\n\nRust's Mutex guards data.@@@"
              "mpsc\tMultiple producer, single consumer; one receiver.\n");
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{
                  "out.quizlet.txt: note: quizlet-safe: between term and definition: Tab; between "
                  "rows: custom \"@@@\" [QZ020]"}));
    // ...and reading with those separators gives back every card intact.
    ReadResult back =
        read_as("quizlet", "back.txt", out, {{"term-separator", "tab"}, {"row-separator", "@@@"}});
    ASSERT_EQ(back.collection.notes.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(sources(back.collection.notes[i]),
                  (std::vector<std::string>{cards[i].term, cards[i].definition}));
    }
}

TEST(QuizletCardWriter, SafeModeAvoidsEverySeparatorInTheText) {
    std::vector<QCard> cards = {{"a\tb", "x@@@y\nz", {}}, {"c/////d", "%%%", {}}};
    quizlet::Options safe;
    safe.safe = true;
    auto picked = quizlet::pick_safe_separators(cards, safe);
    ASSERT_TRUE(picked.has_value());
    EXPECT_EQ(picked->term, "|||");
    EXPECT_EQ(picked->row, "^^^");
    // A separator that would only form across a boundary is refused too: "...@" + "@@@" splits
    // one character early.
    std::vector<QCard> edge = {{"q", "ends with @", {}}, {"r", "s", {}}};
    auto edge_pick = quizlet::pick_safe_separators(edge, safe);
    ASSERT_TRUE(edge_pick.has_value());
    EXPECT_EQ(edge_pick->row, "\n");
    std::vector<QCard> edge2 = {{"q", "line one\nends with @", {}}, {"r", "s", {}}};
    EXPECT_EQ(quizlet::pick_safe_separators(edge2, safe)->row, "%%%");
}

TEST(QuizletCardWriter, SafeModeTriesTheGivenSeparatorsFirst) {
    auto picked = quizlet::pick_safe_separators(kCards, options_with(" ::: ", "\n####\n", true));
    ASSERT_TRUE(picked.has_value());
    EXPECT_EQ(picked->term, " ::: ");
    EXPECT_EQ(picked->row, "\n####\n");
}

TEST(QuizletCardWriter, EmptyTermOrDefinitionIsReported) {
    std::vector<std::string> diagnostics;
    write({{"", "def", {}}, {"term", " ", {}}}, quizlet::Options{}, &diagnostics);
    EXPECT_EQ(diagnostics,
              (std::vector<std::string>{
                  "warning: cards[1]: the card has an empty term: Quizlet may refuse it [QZ013]",
                  "warning: cards[2]: the card has an empty definition: Quizlet may refuse it "
                  "[QZ013]",
              }));
}

TEST(QuizletCardWriter, OutputThatWouldNotReadBackIsAnError) {
    // With the custom row separator "--", a definition ending in "-" shifts the split.
    std::vector<std::string> diagnostics;
    write({{"a", "b-", {}}, {"c", "d", {}}}, options_with("\t", "--"), &diagnostics);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0],
              "error: cards[1]: the card 'a' would not read back with the separators Tab and "
              "custom \"--\" [QZ012]");
}
