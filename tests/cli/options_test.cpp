// Format options as data (issue "trust", item 7): every -O key is checked against the format
// that uses it in that direction, with a did-you-mean; values against the option's type.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "test_support.hpp"

using namespace deckport;
using test::run_cli;
using ::testing::HasSubstr;

namespace {

const std::string kDeck = "decks/rust-concurrency.md";

const FormatInfo& info(const std::string& name) {
    return builtin_formats().find(name)->info;
}

std::string usage_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const UsageError& e) {
        return e.diagnostic().message + " | " + e.diagnostic().hint;
    }
    return "(no error)";
}

}  // namespace

TEST(FormatOptions, MisspeltKeyIsAUsageErrorWithDidYouMean) {
    test::TempDir dir;
    auto csv = run_cli({"convert", kDeck, "-o", (dir / "x.csv").string(), "-O", "seperator=tab"});
    EXPECT_EQ(csv.exit_code, 2);
    EXPECT_THAT(csv.err, HasSubstr("unknown format option 'seperator': it is not read by markdown "
                                   "or written by csv"));
    EXPECT_THAT(csv.err, HasSubstr("did you mean 'separator'?"));
    EXPECT_FALSE(std::filesystem::exists(dir / "x.csv"));

    auto apkg =
        run_cli({"convert", kDeck, "-o", (dir / "x.apkg").string(), "-O", "varient=legacy2"});
    EXPECT_EQ(apkg.exit_code, 2);
    EXPECT_THAT(apkg.err, HasSubstr("did you mean 'variant'?"));
}

TEST(FormatOptions, BadValueListsTheAllowedOnes) {
    test::TempDir dir;
    auto result =
        run_cli({"convert", kDeck, "-o", (dir / "x.apkg").string(), "-O", "variant=legacy3"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_THAT(result.err, HasSubstr("apkg option 'variant=legacy3' is not valid"));
    EXPECT_THAT(result.err, HasSubstr("'variant' takes legacy, legacy2 or latest"));
    auto boolean = run_cli({"convert", kDeck, "-o", (dir / "x.csv").string(), "-O", "html=maybe"});
    EXPECT_EQ(boolean.exit_code, 2);
    EXPECT_THAT(boolean.err, HasSubstr("'html' takes true or false"));
    auto list =
        run_cli({"convert", kDeck, "-o", (dir / "x.csv").string(), "-O", "columns=guid,colour"});
    EXPECT_EQ(list.exit_code, 2);
    EXPECT_THAT(list.err,
                HasSubstr("a comma-separated list of guid, notetype, deck, tags, fields or none"));
}

TEST(FormatOptions, AnOptionOfAnotherFormatOrDirectionIsRefused) {
    test::TempDir dir;
    // csv's separator means nothing to apkg.
    auto other =
        run_cli({"convert", kDeck, "-o", (dir / "x.apkg").string(), "-O", "separator=tab"});
    EXPECT_EQ(other.exit_code, 2);
    EXPECT_THAT(other.err, HasSubstr("'separator' is a csv option (read+write)"));
    // quizlet's `safe` is a write option: reading a quizlet file does not take it.
    test::write_text(dir / "set.quizlet.txt", "term\tdefinition\n");
    auto direction = run_cli({"convert", (dir / "set.quizlet.txt").string(), "-o",
                              (dir / "set.md").string(), "-O", "safe=true"});
    EXPECT_EQ(direction.exit_code, 2);
    EXPECT_THAT(direction.err, HasSubstr("unknown format option 'safe': it is not read by quizlet "
                                         "or written by markdown"));
    EXPECT_THAT(direction.err, HasSubstr("'safe' is a quizlet option (write)"));
    // Options of the right format and direction pass.
    auto ok = run_cli({"convert", kDeck, "-o", (dir / "x.csv").string(), "-O", "separator=tab",
                       "-O", "columns=guid,tags"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(FormatOptions, CheckAndRoundtripAcceptAnyFormatsKeysAndRefuseOthers) {
    auto check = run_cli({"check", kDeck, "-O", "separator=tab"});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    auto misspelt = run_cli({"check", kDeck, "-O", "seperator=tab"});
    EXPECT_EQ(misspelt.exit_code, 2);
    EXPECT_THAT(misspelt.err, HasSubstr("did you mean 'separator'?"));
    // `variant` is only written: check reads.
    auto write_only = run_cli({"check", kDeck, "-O", "variant=legacy2"});
    EXPECT_EQ(write_only.exit_code, 2);
    auto roundtrip = run_cli({"roundtrip", kDeck, "--via", "apkg", "-O", "variant=legacy2"});
    EXPECT_EQ(roundtrip.exit_code, 0) << roundtrip.out << roundtrip.err;
}

TEST(FormatOptions, ReadersGetOnlyReadOptionsAndWritersOnlyWriteOptions) {
    FormatOptions given{{"separator", "semicolon"}, {"columns", "guid"}, {"header", "no"}};
    EXPECT_EQ(options_for(info("csv"), OptionDirection::read, given),
              (FormatOptions{{"header", "no"}, {"separator", "semicolon"}}));
    EXPECT_EQ(options_for(info("csv"), OptionDirection::write, given),
              (FormatOptions{{"columns", "guid"}, {"separator", "semicolon"}}));
    EXPECT_EQ(options_for(info("quizlet"), OptionDirection::read, {{"safe", "true"}}),
              FormatOptions{});
    EXPECT_EQ(usage_message([] {
                  options_for(info("csv"), OptionDirection::read, {{"separator", "tabs"}});
              }),
              "csv option 'separator=tabs' is not valid | 'separator' takes tab, comma, "
              "semicolon, pipe, colon or space, or a single character");
    EXPECT_EQ(usage_message([] {
                  check_option_keys({{"colums", "guid"}}, {{&info("csv"), OptionDirection::write}},
                                    builtin_formats());
              }),
              "unknown format option 'colums': it is not written by csv | did you mean "
              "'columns'?");
}

TEST(FormatOptions, QuizletSafeIsSugarForTheWriterOption) {
    test::TempDir dir;
    auto flag =
        run_cli({"convert", kDeck, "-o", (dir / "a.quizlet.txt").string(), "--quizlet-safe"});
    auto option =
        run_cli({"convert", kDeck, "-o", (dir / "b.quizlet.txt").string(), "-O", "safe=true"});
    ASSERT_EQ(flag.exit_code, 0) << flag.err;
    ASSERT_EQ(option.exit_code, 0) << option.err;
    EXPECT_EQ(test::read_text(dir / "a.quizlet.txt"), test::read_text(dir / "b.quizlet.txt"));
    // The chosen separators are shown without -v either way (OptionInfo::shown_codes).
    EXPECT_THAT(flag.err, HasSubstr("[QZ020]"));
    EXPECT_THAT(option.err, HasSubstr("[QZ020]"));
}

TEST(FormatOptions, FormatsListsDirectionTypeAndDefault) {
    auto result = run_cli({"formats", "--json"});
    ASSERT_EQ(result.exit_code, 0);
    auto formats = nlohmann::json::parse(result.out);
    nlohmann::json separator;
    for (const auto& format : formats) {
        if (format["name"] != "csv") continue;
        for (const auto& option : format["options"]) {
            if (option["name"] == "separator") separator = option;
        }
    }
    ASSERT_FALSE(separator.is_null());
    EXPECT_EQ(separator["direction"], "read+write");
    EXPECT_EQ(separator["type"], "character");
    EXPECT_EQ(separator["values"][0], "tab");
    EXPECT_THAT(separator["default"].get<std::string>(), HasSubstr("comma for .csv"));

    auto text = run_cli({"formats"});
    EXPECT_THAT(text.out, HasSubstr("  -O variant (write, choice: legacy, legacy2, latest)\n      default: "
                                    "legacy\n"));
    EXPECT_THAT(text.out, HasSubstr("  -O safe (write, bool) [--quizlet-safe]\n"));
    EXPECT_THAT(text.out, HasSubstr("normalises by rule: filtered cards sent home, flat, "
                                    "sanitised media names\n"));
}

TEST(FormatOptions, NoToolIncludesAFormatHeader) {
    for (const auto& entry :
         std::filesystem::directory_iterator(test::source_dir() / "tools" / "deckport")) {
        std::string text = test::read_text(entry.path());
        for (const char* format : {"apkg/", "csv/", "json/", "markdown/", "mochi/", "quizlet/",
                                   "crowdanki/", "common/"}) {
            EXPECT_EQ(text.find(std::string("#include \"") + format), std::string::npos)
                << entry.path() << " includes a header of " << format;
        }
    }
}
