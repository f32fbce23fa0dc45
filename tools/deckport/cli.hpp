// Shared pieces of the command-line tool: each subcommand lives in its own file and registers
// itself through one of the add_*_command functions below.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "deckport/diagnostics.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"

namespace deckport::cli {

struct GlobalOptions {
    bool quiet = false;    // only errors
    int verbosity = 0;     // -v: notes too
};

// What main runs after parsing: the chosen subcommand's action, returning an exit code.
using Action = std::function<ExitCode()>;

void add_convert_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_inspect_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_formats_command(CLI::App& app, const GlobalOptions& global, Action& action);

// Prints diagnostics to stderr as `file:line:col: severity: message [CODE]`, honouring -q/-v.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global);

// Options shared by commands that read: --from, --timestamp, -O key=value.
struct ReadOptions {
    std::optional<std::string> from;
    std::optional<std::string> timestamp;
    std::vector<std::string> format_options;  // key=value
};
void add_read_options(CLI::App& command, ReadOptions& options);
FormatOptions parse_format_options(const std::vector<std::string>& key_values);
std::int64_t timestamp_for(const ReadOptions& options, const std::vector<std::string>& inputs);

// Reads one input through the registry; diagnostics go to `diagnostics`.
Collection read_one(const std::string& path, const ReadOptions& options, std::int64_t timestamp,
                    Diagnostics& diagnostics);

}  // namespace deckport::cli
