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

TEST(CiCommands, EveryDeckRoundTripsThroughEveryFormat) {
    if (round_trip_formats() == 0) GTEST_SKIP() << "no format both reads and writes yet";
    auto result = run_cli({"roundtrip", "decks/"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(result.out.find("FAILED"), std::string::npos) << result.out;
}
