// A markdown deck per lint rule and media code (tests/check/decks), checked through the CLI: the
// code at the right line and column in all three output forms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/format.hpp"
#include "test_support.hpp"

using deckport::test::run_cli;

// Outside the anonymous namespace: TEST_P's classes derive from these, and a base with internal
// linkage draws -Wsubobject-linkage when the folder's files are compiled as one.
struct RuleDeck {
    const char* file;
    const char* code;
    const char* severity;
    int line;
    int column;
    std::vector<std::string> extra_args;
};

class RuleDeckTest : public ::testing::TestWithParam<RuleDeck> {};

namespace {

const RuleDeck kRuleDecks[] = {
    {"lint001-duplicate-question.md", "LINT001", "warning", 13, 1, {}},
    {"lint002-empty-side.md", "LINT002", "error", 15, 1, {}},
    {"lint003-cloze-without-deletion.md", "LINT003", "error", 6, 1, {}},
    {"lint004-cloze-gap.md", "LINT004", "warning", 5, 20, {}},
    {"media001-missing-media.md", "MEDIA001", "warning", 9, 23, {}},
    {"lint006-unused-media.json", "LINT006", "warning", 64, 5, {}},
    {"media002-media-outside.md", "MEDIA002", "error", 9, 23, {}},
    {"lint008-deck-name.csv", "LINT008", "error", 4, 26, {}},
    {"lint009-tag.md", "LINT009", "warning", 3, 12, {}},
    {"lint010-unbalanced-html.md", "LINT010", "warning", 9, 20, {}},
    {"lint011-field-size.md", "LINT011", "warning", 5, 1, {"--max-field-bytes", "10"}},
    {"lint012-question-is-answer.md", "LINT012", "warning", 9, 1, {}},
    {"lint014-math-closes-cloze.md", "LINT014", "warning", 5, 36, {}},
};

std::string deck_path(const RuleDeck& deck) {
    return (std::filesystem::path("tests/check/decks") / deck.file).string();
}

std::vector<std::string> args(const RuleDeck& deck, const std::string& format) {
    std::vector<std::string> out = {"check", deck_path(deck), "--format", format};
    out.insert(out.end(), deck.extra_args.begin(), deck.extra_args.end());
    return out;
}

bool markdown_registered() {
    const deckport::Format* format = deckport::builtin_formats().find("markdown");
    return format && format->reader;
}

}  // namespace

TEST_P(RuleDeckTest, ReportedWithCodeLineAndColumnInEveryForm) {
    if (!markdown_registered()) GTEST_SKIP() << "the markdown reader is not registered";
    const RuleDeck& deck = GetParam();
    std::string file = deck_path(deck);
    std::string place = file + ":" + std::to_string(deck.line) + ":" + std::to_string(deck.column);

    auto json = run_cli(args(deck, "json"));
    EXPECT_NE(json.exit_code, 2) << json.err;
    bool found = false;
    std::size_t start = 0;
    while (start < json.out.size()) {
        std::size_t end = json.out.find('\n', start);
        auto object = nlohmann::json::parse(json.out.substr(start, end - start));
        if (object["code"] == deck.code && object["line"] == deck.line &&
            object["column"] == deck.column && object["file"] == file &&
            object["severity"] == deck.severity) {
            found = true;
        }
        start = end + 1;
    }
    EXPECT_TRUE(found) << deck.code << " at " << place << " not in:\n" << json.out;

    auto human = run_cli(args(deck, "human"));
    // The rule's line (another finding may share its place: LINT001's copy also gets DUP001).
    std::string human_line = place + ": " + deck.severity + ": ";
    std::size_t at = human.out.find(human_line);
    ASSERT_NE(at, std::string::npos) << human.out;
    std::string rest = human.out.substr(at, human.out.find('\n', at) - at);
    while (!rest.ends_with(std::string("[") + deck.code + "]")) {
        at = human.out.find(human_line, at + 1);
        ASSERT_NE(at, std::string::npos) << "no " << deck.code << " line in:\n" << human.out;
        rest = human.out.substr(at, human.out.find('\n', at) - at);
    }
    // The source line and a caret under the column follow.
    EXPECT_NE(human.out.find("\n " + std::to_string(deck.line) + " | ", at), std::string::npos)
        << human.out;

    auto github = run_cli(args(deck, "github"));
    std::string command = std::string("::") + deck.severity + " file=" + file +
                          ",line=" + std::to_string(deck.line) +
                          ",col=" + std::to_string(deck.column) + ",title=" + deck.code + "::";
    EXPECT_NE(github.out.find(command), std::string::npos) << github.out;

    if (std::string(deck.severity) == "error") {
        EXPECT_EQ(json.exit_code, 5) << json.out;
    }
    auto strict = args(deck, "json");
    strict.insert(strict.end(), {"--fail-on", "warning"});
    EXPECT_EQ(run_cli(strict).exit_code, 5);
}

INSTANTIATE_TEST_SUITE_P(Decks, RuleDeckTest, ::testing::ValuesIn(kRuleDecks),
                         [](const auto& info) { return std::string(info.param.code); });
