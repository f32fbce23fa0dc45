// The three output forms of a diagnostic: for people, JSON lines, GitHub workflow commands.
#include <gtest/gtest.h>

#include "deckport/report.hpp"

using namespace deckport;

namespace {

Diagnostic cloze_gap() {
    return {Severity::warning, "LINT004", "cloze numbers jump to c3: c2 is missing",
            SourceLocation{"decks/sky.md", 12, 20}, "number the deletions in order"};
}

}  // namespace

TEST(Report, HumanWithSourceLineAndCaret) {
    std::string line = "The {{c1::sky}} is {{c3::blue}}";
    EXPECT_EQ(render_human(cloze_gap(), line, false),
              "decks/sky.md:12:20: warning: cloze numbers jump to c3: c2 is missing [LINT004]\n"
              " 12 | The {{c1::sky}} is {{c3::blue}}\n"
              "    |                    ^");
}

TEST(Report, CaretCountsCharactersAndKeepsTabs) {
    Diagnostic d = cloze_gap();
    d.origin.column = 6;  // 'x': after a tab, "évé" (3 code points, 5 bytes) and a space
    std::string line = "\t\xC3\xA9v\xC3\xA9 x";
    EXPECT_EQ(render_human(d, line, false).substr(render_human(d, line, false).rfind('\n') + 1),
              "    | \t    ^");
}

// Columns count code points; the caret lines up by display width: CJK characters take two
// terminal cells, a combining accent none.
TEST(Report, CaretAlignsUnderWideAndCombiningCharacters) {
    Diagnostic d = cloze_gap();
    d.origin.column = 4;  // 'x' after "漢字 "
    std::string line = "\xE6\xBC\xA2\xE5\xAD\x97 x";
    std::string shown = render_human(d, line, false);
    EXPECT_EQ(shown.substr(shown.rfind('\n') + 1), "    |      ^");
    d.origin.column = 4;  // 'x' after "e" + U+0301 + " "
    line = "e\xCC\x81 x";
    shown = render_human(d, line, false);
    EXPECT_EQ(shown.substr(shown.rfind('\n') + 1), "    |   ^");
}

TEST(Report, HumanWithoutSourceIsTheCompilerLine) {
    EXPECT_EQ(render_human(cloze_gap(), std::nullopt, false),
              "decks/sky.md:12:20: warning: cloze numbers jump to c3: c2 is missing [LINT004]");
}

TEST(Report, HumanColourOnlyWhenAsked) {
    std::string coloured = render_human(cloze_gap(), std::nullopt, true);
    EXPECT_NE(coloured.find("\033[1;35mwarning:\033[0m"), std::string::npos) << coloured;
    EXPECT_EQ(render_human(cloze_gap(), std::nullopt, false).find('\033'), std::string::npos);
}

TEST(Report, JsonLineHasStableKeys) {
    EXPECT_EQ(render_json(cloze_gap()),
              R"({"code":"LINT004","severity":"warning","file":"decks/sky.md","line":12,)"
              R"("column":20,"locator":"","message":"cloze numbers jump to c3: c2 is missing",)"
              R"("hint":"number the deletions in order"})");
    Diagnostic apkg{Severity::error,
                    "LINT005",
                    "image 'a.png' is missing",
                    SourceLocation{"deck.apkg", 0, 0, "notes[guid=abc].Back"},
                    {}};
    EXPECT_EQ(render_json(apkg),
              R"({"code":"LINT005","severity":"error","file":"deck.apkg","line":null,)"
              R"("column":null,"locator":"notes[guid=abc].Back","message":"image 'a.png' is )"
              R"(missing","hint":""})");
}

TEST(Report, GithubWorkflowCommands) {
    EXPECT_EQ(render_github(cloze_gap()),
              "::warning file=decks/sky.md,line=12,col=20,title=LINT004::cloze numbers jump to "
              "c3: c2 is missing");
    Diagnostic d{Severity::error,
                 "RT004",
                 "field Back changed: 50%\nnext",
                 SourceLocation{"a,b.md", 3, 1},
                 {}};
    EXPECT_EQ(render_github(d),
              "::error file=a%2Cb.md,line=3,col=1,title=RT004::field Back changed: 50%25%0Anext");
    d.severity = Severity::note;
    d.origin = SourceLocation{"deck.apkg", 0, 0, "media[1]"};
    EXPECT_EQ(render_github(d),
              "::notice file=deck.apkg,title=RT004::media[1]: field Back changed: 50%25%0Anext");
}

TEST(Report, FormatNames) {
    EXPECT_EQ(report_format_from_name("json"), ReportFormat::json);
    EXPECT_EQ(report_format_from_name("github"), ReportFormat::github);
    EXPECT_EQ(report_format_from_name("human"), ReportFormat::human);
    EXPECT_FALSE(report_format_from_name("xml"));
}
