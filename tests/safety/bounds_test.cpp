// Issue 10, bounds: decompression is counted as it happens and capped, and many entries are
// read in linear time. Each hostile file is generated here and run through the CLI with its
// address space capped, so an unbounded read fails the test instead of the machine.
#include <gmock/gmock.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "hostile_files.hpp"
#include "test_support.hpp"

using namespace deckport::test;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

TEST(DecompressionBounds, AMediaZipBombIsRefusedWithinTheMemoryBound) {
    TempDir dir;
    // 1 GiB of zeros from about 1 MB: the package of issue 10, item 4.
    write_text(dir / "bomb.apkg",
               legacy_apkg(R"({"0": "big.bin"})", {zero_bomb_member("0", 1024)}));
    CliResult result = run_cli_capped({"convert", "bomb.apkg", "-o", "out.json"}, {}, dir.path());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_THAT(result.err, HasSubstr("[APKG003]"));
    EXPECT_FALSE(fs::exists(dir / "out.json"));
    EXPECT_LT(result.peak_rss_kib, kMemoryBoundKib);
}

TEST(ManyEntries, SixtyThousandMediaFilesAreReadInLinearTime) {
    TempDir dir;
    write_text(dir / "many.apkg", many_media_apkg(60'000));
    CliResult result = run_cli_capped({"convert", "many.apkg", "-o", "out.json"}, {}, dir.path());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // The whole test takes about 0.5 s; before the fix 37 s (a 4 MiB buffer cleared for every
    // file). The bound is loose so that a busy machine does not fail it; quadratic work would.
    EXPECT_LT(result.cpu_seconds, 6.0);
    auto json = nlohmann::json::parse(read_text(dir / "out.json"));
    ASSERT_EQ(json["media"].size(), 60'000u);
    EXPECT_EQ(json["media"][59'999]["name"], "m59999.txt");
}
