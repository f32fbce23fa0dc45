// Helpers shared by the test executables: paths, fixtures, temporary folders, running the CLI.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::test {

std::filesystem::path source_dir();  // the repository root
// ../shared/fixtures, or $DECKPORT_FIXTURES when set.
std::filesystem::path fixtures_dir();
bool have_fixtures();
std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);
// The names of what a folder holds, in no particular order.
std::vector<std::string> entry_names(const std::filesystem::path& folder);

// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// The built deckport binary, for tests that run it through another program (a shell, GNU
// parallel, a pseudo-terminal).
std::string cli_path();

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
    long peak_rss_kib = 0;   // the child's peak resident memory
    double cpu_seconds = 0;  // the child's user + system time
};
// Runs the built deckport binary with `args`, feeding `stdin_text`, in `working_dir`.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {},
                  const std::filesystem::path& working_dir = source_dir());

// Like run_cli, with the child's address space and CPU time capped (setrlimit), so that a
// hostile input that is not bounded fails the test instead of exhausting the machine.
struct CliCaps {
    std::uint64_t address_space_bytes = 2ull << 30;
    unsigned cpu_seconds = 30;
};
CliResult run_cli_capped(const std::vector<std::string>& args, const CliCaps& caps,
                         const std::filesystem::path& working_dir = source_dir());

// How many times `needle` occurs in `text` (overlapping occurrences count).
std::size_t count_occurrences(const std::string& text, const std::string& needle);

// Diagnostics rendered one per line, for exact comparisons.
std::vector<std::string> rendered(const std::vector<Diagnostic>& diagnostics);

// A media file whose bytes are in memory.
MediaFile media_in_memory(std::string name, std::string bytes);

}  // namespace deckport::test

// Skips the current test, visibly, when ../shared/fixtures is not there.
#define DECKPORT_REQUIRE_FIXTURES()                                                \
    do {                                                                           \
        if (!::deckport::test::have_fixtures())                                    \
            GTEST_SKIP() << "fixtures folder " << ::deckport::test::fixtures_dir() \
                         << " is absent: set DECKPORT_FIXTURES to run this test";  \
    } while (0)
