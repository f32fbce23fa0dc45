// Shared pieces of the command-line tool: each subcommand lives in its own file and registers
// itself through one of the add_*_command functions below.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "deckport/diagnostics.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/report.hpp"

namespace deckport::cli {

struct GlobalOptions {
    bool quiet = false;  // only errors
    int verbosity = 0;   // -v: notes too
};

// What main runs after parsing: the chosen subcommand's action, returning an exit code.
using Action = std::function<ExitCode()>;

void add_convert_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_inspect_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_formats_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_check_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_roundtrip_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_diff_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_explain_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_preview_command(CLI::App& app, const GlobalOptions& global, Action& action);

// True when `stream` is a terminal and NO_COLOR is unset or empty (https://no-color.org).
bool colour_wanted(const std::ostream& stream);

// Prints diagnostics in one of the report formats, honouring -q (errors only) and -v (notes
// and hints too). Human output shows the source line and a caret when the file is a text file
// that can be read again (each file is read once).
class DiagnosticPrinter {
  public:
    DiagnosticPrinter(std::ostream& out, ReportFormat format, const GlobalOptions& global);
    void print(const Diagnostic& diagnostic);
    void print(const std::vector<Diagnostic>& diagnostics);

  private:
    std::optional<std::string> source_line(const SourceLocation& at);

    std::ostream& out_;
    ReportFormat format_;
    const GlobalOptions& global_;
    bool colour_;
    std::map<std::string, std::optional<std::vector<std::string>>> lines_;  // by file
};

// Prints diagnostics to stderr for people (see DiagnosticPrinter), honouring -q/-v.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global);

// --format human|json|github for commands whose output is diagnostics.
void add_report_option(CLI::App& command, std::string& format);
ReportFormat report_format(const std::string& name);

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
