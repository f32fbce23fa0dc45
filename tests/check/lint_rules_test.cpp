// One small deck per lint rule: reported with the right code, at the right line and column.
#include <gtest/gtest.h>

#include "deckport/lint.hpp"
#include "deckport/notetypes.hpp"
#include "test_support.hpp"

using namespace deckport;

namespace {

// A deck read from `deck.md`: notes are added with the line they start on.
struct TestDeck {
    Collection collection;
    std::string text;
    std::filesystem::path base_dir = test::source_dir();

    TestDeck() { collection.note_types = {basic_note_type(), cloze_note_type()}; }
    Note& add(std::vector<std::string> fields, int line, Markup kind = Markup::markdown,
              bool cloze = false) {
        Note note;
        note.note_type_id = cloze ? cloze_note_type().id : basic_note_type().id;
        for (auto& field : fields) note.fields.push_back({kind, field});
        note.deck = "Default";
        note.guid = "guid" + std::to_string(line);
        note.origin = SourceLocation{"deck.md", line, 1};
        collection.notes.push_back(std::move(note));
        return collection.notes.back();
    }
    std::vector<Diagnostic> lint(LintSettings settings = {}) const {
        return deckport::lint({collection, "deck.md", text, base_dir}, settings);
    }
};

std::vector<std::string> codes_and_places(const std::vector<Diagnostic>& found) {
    std::vector<std::string> out;
    for (const Diagnostic& d : found) out.push_back(format_diagnostic(d));
    return out;
}

}  // namespace

TEST(LintRules, TableHasStableUniqueCodesInOrder) {
    // LINT005 and LINT007 became MEDIA001 and MEDIA002 (found while reading); their numbers
    // are not given to other rules.
    const std::vector<std::string> expected = {"LINT001", "LINT002", "LINT003", "LINT004",
                                               "LINT006", "LINT008", "LINT009", "LINT010",
                                               "LINT011", "LINT012", "LINT013", "LINT014"};
    const auto& rules = lint_rules();
    ASSERT_EQ(rules.size(), expected.size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        EXPECT_EQ(rules[i].info.code, expected[i]);
        EXPECT_FALSE(rules[i].info.summary.empty());
        EXPECT_FALSE(rules[i].info.explanation.empty());
    }
}

TEST(LintRules, CleanDeckHasNoFindings) {
    TestDeck deck;
    deck.text = "What is a Mutex?\n---\nA lock.\n";
    deck.add({"What is a Mutex?", "A lock."}, 1);
    EXPECT_TRUE(deck.lint().empty());
}

TEST(LintRules, Lint001DuplicateQuestionPointsAtTheCopy) {
    TestDeck deck;
    deck.text = "What is a **Mutex**?\n---\nA lock.\n. . .\nWhat is a Mutex?\n---\nAnother.\n";
    deck.add({"What is a **Mutex**?", "A lock."}, 1);
    deck.add({"What is a Mutex?", "Another."}, 5);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.md:5:1: warning: question 'What is a Mutex?' is "
                                       "asked again (first at deck.md:1) [LINT001]"});
}

TEST(LintRules, Lint002EmptySides) {
    TestDeck deck;
    deck.text = "Question\n---\n\n. . .\n\n---\nAnswer\n";
    deck.add({"Question", "  "}, 1);
    deck.add({"", "Answer"}, 5);
    deck.add({"![](CMakeLists.txt)", "An image alone is not empty"}, 9);
    EXPECT_EQ(codes_and_places(deck.lint()),
              (std::vector<std::string>{
                  "deck.md:1:1: error: Back: the answer is empty [LINT002]",
                  "deck.md:5:1: error: Front: the question is empty: Anki makes no card for "
                  "this note [LINT002]"}));
}

TEST(LintRules, Lint003ClozeWithoutDeletionPointsAtTheText) {
    TestDeck deck;
    deck.text = "Cloze: The sky is blue\n";
    deck.add({"The sky is blue", ""}, 1, Markup::markdown, true);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{
                  "deck.md:1:8: error: cloze note has no deletion such as {{c1::...}} [LINT003]"});
}

TEST(LintRules, Lint004ClozeGapPointsAtTheNumberAfterTheGap) {
    TestDeck deck;
    deck.text = "The {{c1::sky}} is {{c3::blue}}\n";
    deck.add({"The {{c1::sky}} is {{c3::blue}}", ""}, 1, Markup::markdown, true);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{
                  "deck.md:1:20: warning: cloze numbers jump to c3: c2 is missing [LINT004]"});
}

TEST(LintRules, Lint013ClozeNumbersPastAnkisLimitPointAtTheFirstOne) {
    TestDeck deck;
    std::string text = "Seas: {{c1::a}} {{c500::b}} {{c501::c}} {{c9999::d}}";
    deck.text = text + "\n";
    deck.add({text, ""}, 1, Markup::markdown, true);
    std::vector<std::string> found;
    for (const std::string& line : codes_and_places(deck.lint())) {
        if (line.find("[LINT013]") != std::string::npos) found.push_back(line);
    }
    EXPECT_EQ(found, std::vector<std::string>{
                         "deck.md:1:29: warning: cloze numbers c501 to c9999 (2 of them) get no "
                         "card in Anki: it makes at most 500 cloze cards, and shows c501 and above "
                         "only as text on other cards [LINT013]"});
    // c500 is the last number that gets a card: nothing to report.
    TestDeck fits;
    fits.text = "{{c1::a}} {{c500::b}}\n";
    fits.add({"{{c1::a}} {{c500::b}}", ""}, 1, Markup::markdown, true);
    for (const std::string& line : codes_and_places(fits.lint())) {
        EXPECT_EQ(line.find("[LINT013]"), std::string::npos) << line;
    }
}

TEST(LintRules, Lint006UnusedMedia) {
    TestDeck deck;
    deck.add({"<img src=\"used.png\">", "A"}, 1, Markup::html);
    for (const char* name : {"used.png", "unused.png", "_font.ttf"}) {
        MediaFile file;
        file.name = name;
        file.data = "bytes";
        file.origin = SourceLocation{"deck.apkg", 0, 0, std::string("media[") + name + "]"};
        deck.collection.media.push_back(file);
    }
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.apkg: warning: media[unused.png]: media file "
                                       "'unused.png' is not used by any note [LINT006]"});
}

TEST(LintRules, Lint006CountsTemplatesAndCssAsUses) {
    TestDeck deck;
    deck.add({"Q", "A"}, 1, Markup::html);
    deck.collection.note_types[0].css = ".card { background: url(\"paper.png\"); }";
    deck.collection.note_types[0].templates[0].front = "{{Front}}<img src=\"logo.png\">";
    for (const char* name : {"paper.png", "logo.png", "stray.png"}) {
        MediaFile file;
        file.name = name;
        file.data = "bytes";
        file.origin = SourceLocation{"deck.apkg", 0, 0, std::string("media[") + name + "]"};
        deck.collection.media.push_back(file);
    }
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.apkg: warning: media[stray.png]: media file "
                                       "'stray.png' is not used by any note [LINT006]"});
}

TEST(LintRules, Lint008InvalidDeckNamesPointAtTheName) {
    TestDeck deck;
    deck.text = "---\ndeck: Rust:: Sync\n---\nQ\n---\nA\n";
    deck.add({"Q", "A"}, 4).deck = "Rust:: Sync";
    deck.add({"Q2", "A2"}, 7).deck = "Lang::::Go";
    EXPECT_EQ(codes_and_places(deck.lint()),
              (std::vector<std::string>{
                  "deck.md:7:1: error: deck name 'Lang::::Go' has an empty part between '::' "
                  "[LINT008]",
                  "deck.md:2:7: error: deck name 'Rust:: Sync' has a part with leading or "
                  "trailing spaces (' Sync') [LINT008]"}));
}

TEST(LintRules, Lint009TagsAnkiWouldSplit) {
    TestDeck deck;
    deck.text = "Q\n---\nA\ntags: fine, needs review, a::::b\n";
    Note& note = deck.add({"Q", "A"}, 1);
    note.set_tags({"fine", "needs review", "a::::b", "say\"hi\""});
    EXPECT_EQ(codes_and_places(deck.lint()),
              (std::vector<std::string>{
                  "deck.md:4:27: warning: tag 'a::::b' has an empty '::' part: Anki drops it "
                  "[LINT009]",
                  "deck.md:4:13: warning: tag 'needs review' contains whitespace: Anki splits "
                  "it into several tags [LINT009]",
                  "deck.md:1:1: warning: tag 'say\"hi\"' contains '\"': Anki removes it "
                  "[LINT009]"}));
}

TEST(LintRules, Lint010UnbalancedHtml) {
    TestDeck deck;
    deck.text = "<b>bold\n---\nok</i> and <b><i>x</b></i> and <p>para <br> fine\n";
    deck.add({"<b>bold", "ok</i> and <b><i>x</b></i> and <p>para <br> fine"}, 1, Markup::html);
    EXPECT_EQ(codes_and_places(deck.lint()),
              (std::vector<std::string>{
                  "deck.md:1:1: warning: <b> is never closed [LINT010]",
                  "deck.md:3:3: warning: </i> closes no open element [LINT010]",
                  "deck.md:3:15: warning: <i> is closed by </b> before its own end tag "
                  "[LINT010]",
                  "deck.md:3:23: warning: </i> closes no open element [LINT010]"}));
}

TEST(LintRules, Lint010RawHtmlInsideMarkdown) {
    TestDeck deck;
    deck.text = "Q\n---\nSome <div>text and `</span>` in code\n";
    deck.add({"Q", "Some <div>text and `</span>` in code"}, 1);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.md:3:6: warning: <div> is never closed [LINT010]"});
}

TEST(LintRules, Lint011FieldPastTheBound) {
    TestDeck deck;
    deck.text = "Q\n---\n0123456789ABC\n";
    deck.add({"Q", "0123456789ABC"}, 1);
    LintSettings settings;
    settings.max_field_bytes = 10;
    EXPECT_EQ(codes_and_places(deck.lint(settings)),
              std::vector<std::string>{"deck.md:3:1: warning: field Back holds 13 bytes, more "
                                       "than the bound of 10 [LINT011]"});
}

TEST(LintRules, Lint012QuestionIsAnswer) {
    TestDeck deck;
    deck.text = "Same words\n---\n*Same*   words\n";
    deck.add({"Same words", "*Same*   words"}, 1);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.md:3:1: warning: the answer repeats the question "
                                       "'Same words' [LINT012]"});
}

TEST(LintRules, DisabledRulesDoNotRunAndUnknownCodesAreNamed) {
    TestDeck deck;
    deck.text = "Same\n---\nSame\n";
    deck.add({"Same", "Same"}, 1);
    LintSettings settings;
    settings.disabled = {"LINT012"};
    EXPECT_TRUE(deck.lint(settings).empty());
    EXPECT_EQ(unknown_lint_codes({"LINT001", "LINT999", "MD001"}),
              (std::vector<std::string>{"LINT999", "MD001"}));
}

TEST(LintRules, FindingsNeverPointIntoTheNextNote) {
    TestDeck deck;
    // The second note holds the tag text; the first note's finding stays at its origin.
    deck.text = "Q1\n---\nA1\n. . .\nQ2 bad tag\n---\nA2\n";
    deck.add({"Q1", "A1"}, 1).set_tags({"bad tag"});
    deck.add({"Q2 bad tag", "A2"}, 5);
    EXPECT_EQ(codes_and_places(deck.lint()),
              std::vector<std::string>{"deck.md:1:1: warning: tag 'bad tag' contains whitespace: "
                                       "Anki splits it into several tags [LINT009]"});
}

TEST(LintRules, Lint014BracesInMathThatEndACloze) {
    TestDeck deck;
    deck.text =
        "{{c1::\\(\\frac{a}{\\frac{b}{c}}\\)}} and {{c2::$x^{y^{z}}$}}\n"
        ". . .\n"
        "{{c1::\\(\\frac{a}{\\frac{b}{c} }\\)}} and \\(x^{ {{c1::2}}}\\) and `{{c1::}}}`\n";
    deck.add({"{{c1::\\(\\frac{a}{\\frac{b}{c}}\\)}} and {{c2::$x^{y^{z}}$}}", ""}, 1,
             Markup::markdown, true);
    // `} }`, a deletion inside math, and braces in code are fine.
    deck.add(
        {"{{c1::\\(\\frac{a}{\\frac{b}{c} }\\)}} and \\(x^{ {{c1::2}}}\\) and `{{c1::}}}`", ""}, 3,
        Markup::markdown, true);
    EXPECT_EQ(codes_and_places(deck.lint()),
              (std::vector<std::string>{
                  "deck.md:1:28: warning: `}}` inside math ends the cloze deletion here: Anki "
                  "closes a deletion at the first `}}` [LINT014]",
                  "deck.md:1:53: warning: `}}` inside math ends the cloze deletion here: Anki "
                  "closes a deletion at the first `}}` [LINT014]"}));
}

TEST(LintRules, Lint014InAnHtmlField) {
    TestDeck deck;
    deck.add({"<b>{{c1::\\[\\sqrt{\\frac{1}{2}}\\]}}</b>", ""}, 1, Markup::html, true);
    std::vector<std::string> found = codes_and_places(deck.lint());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("[LINT014]"), std::string::npos) << found[0];
}
