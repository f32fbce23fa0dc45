// The commands docs/ci.md puts in CI, run on the repository's decks/: every deck passes check
// and round-trips through every format with no unexpected loss.
#include <gtest/gtest.h>

#include "deckport/format.hpp"
#include "test_support.hpp"

using deckport::test::run_cli;

namespace {

std::size_t round_trip_formats() {
    std::size_t count = 0;
    for (const deckport::Format* format : deckport::builtin_formats().all()) {
        if (format->reader && format->writer) ++count;
    }
    return count;
}

}  // namespace

TEST(CiCommands, EveryDeckPassesCheck) {
    auto result = run_cli({"check", "decks/", "--format", "github"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    auto human = run_cli({"check", "decks/"});
    EXPECT_EQ(human.exit_code, 0) << human.out << human.err;
    EXPECT_NE(human.err.find("checked "), std::string::npos);
    EXPECT_EQ(human.err.find("checked 0 decks"), std::string::npos)
        << "no deck in decks/ has a format with a reader";
}

TEST(CiCommands, WithoutArgumentsTheProjectFileNamesTheDecks) {
    // The repository's deckport.toml includes decks/**: CI needs one command.
    auto check = run_cli({"check", "--format", "github"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    auto human = run_cli({"check"});
    EXPECT_EQ(human.exit_code, 0) << human.out << human.err;
    auto listed = run_cli({"check", "decks/"});
    EXPECT_EQ(human.err, listed.err) << "the project's decks are decks/";
}

TEST(CiCommands, EveryDeckRoundTripsThroughEveryFormat) {
    if (round_trip_formats() == 0) GTEST_SKIP() << "no format both reads and writes yet";
    auto result = run_cli({"roundtrip", "decks/"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(result.out.find("FAILED"), std::string::npos) << result.out;
}

TEST(CiCommands, TagsThroughQuizletAreALossByDesignNotAFailure) {
    // algorithms-code-math.md has tags; Quizlet text has no place for them.
    auto result = run_cli({"roundtrip", "decks/algorithms-code-math.md", "--via", "quizlet"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("decks/algorithms-code-math.md via quizlet: ok; lost by design: "),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("warning: quizlet does not carry tags (4 notes, lost by design) "
                              "[RT001]"),
              std::string::npos)
        << result.out;
    auto json = run_cli(
        {"roundtrip", "decks/algorithms-code-math.md", "--via", "quizlet", "--format", "json"});
    EXPECT_EQ(json.exit_code, 0);
    EXPECT_NE(json.out.find("\"code\":\"RT001\",\"severity\":\"warning\""), std::string::npos)
        << json.out;
}
