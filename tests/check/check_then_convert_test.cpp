// "deckport check passes => deckport convert to every format succeeds": every deck of decks/,
// of the tests' rule decks and of the shared fixtures that check passes (no error) is written
// with every format that writes, without an error and without throwing.
#include <gtest/gtest.h>

#include "deckport/deck_files.hpp"
#include "deckport/error.hpp"
#include "deckport/lint.hpp"
#include "test_support.hpp"

using namespace deckport;

namespace {

// The decks a folder search finds under each folder.
std::vector<std::string> decks_under(const std::vector<std::filesystem::path>& folders) {
    std::vector<std::string> inputs;
    for (const auto& folder : folders) {
        if (std::filesystem::is_directory(folder)) inputs.push_back(folder.string());
    }
    return find_deck_files(inputs, builtin_formats()).files;
}

// True when `check` finds no error in the deck (warnings are allowed: the default --fail-on).
bool check_passes(const Input& input, const Format& format) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, 1700000000};
    for (const Diagnostic& d : check_input(format, input, context, LintSettings{})) {
        if (d.severity == Severity::error) return false;
    }
    return true;
}

void expect_every_format_writes(const std::string& file) {
    Input input = read_input(file);
    const Format& source = builtin_formats().detect_input(input, std::nullopt);
    if (!check_passes(input, source)) return;
    Diagnostics read_diagnostics;
    ReadContext context{read_diagnostics, {}, {}, 1700000000};
    Collection collection = read_collection(source, input, context);
    for (const Format* format : builtin_formats().all()) {
        if (!format->writer) continue;
        Diagnostics diagnostics;
        WriteContext write{
            diagnostics,
            {},
            {},
            1700000000,
            "out" + (format->info.extensions.empty() ? std::string{} : format->info.extensions[0])};
        try {
            write_to_memory(*format->writer, collection, write);
        } catch (const Error& e) {
            ADD_FAILURE() << file << " passes check, but " << format->info.name
                          << " cannot write it: " << format_diagnostic(e.diagnostic());
            continue;
        }
        for (const Diagnostic& d : diagnostics.all()) {
            EXPECT_NE(d.severity, Severity::error)
                << file << " passes check, but " << format->info.name
                << " reports: " << format_diagnostic(d);
        }
    }
}

}  // namespace

TEST(CheckThenConvert, DecksThatPassCheckConvertToEveryFormat) {
    std::vector<std::string> files = decks_under(
        {test::source_dir() / "decks", test::source_dir() / "tests" / "check" / "decks"});
    ASSERT_GE(files.size(), 10u);
    for (const std::string& file : files) expect_every_format_writes(file);
}

TEST(CheckThenConvert, FixturesThatPassCheckConvertToEveryFormat) {
    DECKPORT_REQUIRE_FIXTURES();
    std::vector<std::string> files = decks_under({test::fixtures_dir()});
    ASSERT_GE(files.size(), 40u);
    std::size_t passing = 0;
    for (const std::string& file : files) {
        Input input = read_input(file);
        if (check_passes(input, builtin_formats().detect_input(input, std::nullopt))) ++passing;
        expect_every_format_writes(file);
    }
    // Most fixtures pass check; the rest are other tools' markdown syntaxes and a package newer
    // than deckport knows.
    EXPECT_GE(passing, 25u);  // 28 on 2026-12-07
}
