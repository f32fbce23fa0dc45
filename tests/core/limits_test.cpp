// The one set of limits: parsed from --limit name=value, documented in README.md.
#include <gmock/gmock.h>

#include <regex>

#include "deckport/error.hpp"
#include "deckport/limits.hpp"
#include "test_support.hpp"

using namespace deckport;
using ::testing::HasSubstr;

namespace {

std::string usage_error(const std::vector<std::string>& settings) {
    Limits limits;
    try {
        apply_limit_settings(limits, settings);
    } catch (const UsageError& e) {
        return e.diagnostic().message + " | " + e.diagnostic().hint;
    }
    return "";
}

}  // namespace

TEST(Limits, SettingsRaiseTheNamedLimit) {
    Limits limits;
    apply_limit_settings(limits, {"member=64M", "archive=8G", "input=512K", "ratio=1000",
                                  "entries=500000", "nesting=1000", "field=3"});
    EXPECT_EQ(limits.max_member_bytes, 64ull << 20);
    EXPECT_EQ(limits.max_decompressed_bytes, 8ull << 30);
    EXPECT_EQ(limits.max_input_bytes, 512ull << 10);
    EXPECT_EQ(limits.max_ratio, 1000u);
    EXPECT_EQ(limits.max_entries, 500000u);
    EXPECT_EQ(limits.max_nesting, 1000u);
    EXPECT_EQ(limits.max_field_bytes, 3u);
    apply_limit_settings(limits, {"member=2g"});  // the last one wins; suffixes in any case
    EXPECT_EQ(limits.max_member_bytes, 2ull << 30);
}

TEST(Limits, UnknownNamesAndBadValuesAreUsageErrors) {
    EXPECT_EQ(usage_error({"members=1G"}),
              "--limit members=1G: no limit is called 'members' | the limits are input, member, "
              "archive, ratio, entries, nesting, field (see README.md, Safety)");
    EXPECT_THAT(usage_error({"member=12X"}),
                HasSubstr("--limit member=12X: the value is not a whole number from 1"));
    EXPECT_THAT(usage_error({"member=12X"}), HasSubstr("--limit member=512M"));
    for (const char* bad :
         {"member", "member=", "member=0", "member=-1", "member=1.5G",
          "member=99999999999999999999", "member=17179869184G", "ratio=10K", "nesting=100001"}) {
        EXPECT_NE(usage_error({bad}), "") << bad;
    }
    EXPECT_THAT(usage_error({"nesting=100001"}), HasSubstr("from 1 to 100000"));
}

TEST(Limits, TheReadmeTableShowsTheDefaults) {
    std::string readme = deckport::test::read_text(deckport::test::source_dir() / "README.md");
    for (const LimitInfo& info : limit_infos()) {
        std::regex row("\\| `" + info.name + "` \\| ([^|]+) \\|");
        std::smatch match;
        ASSERT_TRUE(std::regex_search(readme, match, row)) << info.name;
        std::string documented = match[1];
        documented.erase(std::remove(documented.begin(), documented.end(), ' '), documented.end());
        std::string actual = limit_text(info, info.get(Limits{}));
        actual.erase(std::remove(actual.begin(), actual.end(), ' '), actual.end());
        EXPECT_EQ(documented, actual) << info.name;
    }
}

TEST(Limits, SizesPrintInTheirLargestUnit) {
    const LimitInfo& member = limit_infos()[1];
    EXPECT_EQ(limit_text(member, 1ull << 30), "1 GiB");
    EXPECT_EQ(limit_text(member, 3ull << 29), "1.5 GiB");
    EXPECT_EQ(limit_text(member, 64ull << 20), "64 MiB");
    EXPECT_EQ(limit_text(member, 1000), "1000 bytes");
    EXPECT_EQ(limit_text(limit_infos()[3], 100), "100");
}
