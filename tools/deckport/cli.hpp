// Shared pieces of the command-line tool: each subcommand lives in its own file and registers
// itself through one of the add_*_command functions below.
#pragma once

#include <functional>
#include <iostream>
#include <list>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "deckport/deck_files.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/project.hpp"
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
    // With colour decided by the caller: `out` may be a buffer that ends up on a terminal.
    DiagnosticPrinter(std::ostream& out, ReportFormat format, const GlobalOptions& global,
                      bool colour);
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

// Prints diagnostics for people (see DiagnosticPrinter), honouring -q/-v, to stderr or to `err`,
// a buffer bound for stderr (coloured when stderr is a terminal).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global,
                       std::ostream& err = std::cerr);

// --format human|json|github for commands whose output is diagnostics.
void add_report_option(CLI::App& command, std::string& format);
ReportFormat report_format(const std::string& name);

// Options shared by commands that read: --from, --timestamp, -O key=value, --media-root,
// --limit name=value; and --strict for the commands that add it (convert, check).
struct ReadOptions {
    std::optional<std::string> from;
    std::optional<std::string> timestamp;
    std::vector<std::string> format_options;  // key=value
    std::optional<std::string> media_root;
    bool strict = false;
    std::vector<std::string> limits;  // name=value
};
void add_read_options(CLI::App& command, ReadOptions& options);
void add_strict_option(CLI::App& command, ReadOptions& options);
// The read context for these options (--media-root, --strict applied).
ReadContext read_context(const ReadOptions& options, Diagnostics& diagnostics,
                         std::int64_t timestamp, const FormatOptions& given);
FormatOptions parse_format_options(const std::vector<std::string>& key_values);
// Throws UsageError for a key that no format declares in `direction` (check and roundtrip,
// whose inputs may be of any format; `both`: any reader or writer), with a did-you-mean.
void check_option_keys_for_any_format(const FormatOptions& options, OptionDirection direction);

// Flags that set a format option to true, declared by the formats (OptionInfo::flag:
// `--quizlet-safe` sets quizlet's `safe`).
struct OptionFlag {
    const Format* format;
    const OptionInfo* option;
    bool set = false;
};
using OptionFlags = std::list<OptionFlag>;  // stable addresses for CLI11
void add_option_flags(CLI::App& command, OptionFlags& flags);
// `options` plus the option of each flag given; throws UsageError when a flag's format is none
// of `outputs`.
FormatOptions with_option_flags(FormatOptions options, const OptionFlags& flags,
                                const std::vector<const Format*>& outputs);
// The codes to print even without -v: those of the options given (OptionInfo::shown_codes).
std::set<std::string> shown_codes(const Format& format, const FormatOptions& options);

// The defaults raised (or lowered) by --limit; throws UsageError for an unknown name or value.
Limits limits_of(const ReadOptions& options);
std::int64_t timestamp_for(const ReadOptions& options, const std::vector<std::string>& inputs);

// The project file that applies in the current folder (deckport.toml, docs/ci.md), if any.
std::optional<ProjectSettings> load_project();

// --include and --exclude, for commands that walk folders.
void add_search_options(CLI::App& command, DeckSearch& search);

// The decks `check` and `roundtrip` look at: the inputs given (folders walked with the
// command-line globs), else the project's folder with the project's globs (command-line globs,
// when given, replace them). UsageError when there are neither inputs nor a project file.
DeckFiles select_decks(const std::vector<std::string>& inputs, const DeckSearch& search,
                       const std::optional<ProjectSettings>& project);

// The project's [options] with the command line's -O over them.
FormatOptions merged_options(const std::optional<ProjectSettings>& project,
                             const std::vector<std::string>& key_values);

// The process ends after its only job: what that job read is left to the operating system to
// take back at exit instead of being freed piece by piece (freeing 100,000 notes, and the heap
// consolidation it sets off, is a tenth of reading them). Kept reachable: leak checkers stay quiet.
void keep_until_exit(Collection collection);

// Reads one input through the registry; diagnostics go to `diagnostics`. Every option of
// `given` (default: the -O options) must be read by the input's format or written by one of
// `outputs` (else UsageError); the reader gets its read options.
Collection read_one(const std::string& path, const ReadOptions& options, std::int64_t timestamp,
                    Diagnostics& diagnostics, const FormatOptions* given = nullptr,
                    const std::vector<const Format*>& outputs = {});
// Reads with `given` as they are: the caller checked the keys (diff: any reader's keys).
Collection read_one_unchecked(const std::string& path, const ReadOptions& options,
                              std::int64_t timestamp, Diagnostics& diagnostics,
                              const FormatOptions& given);

}  // namespace deckport::cli
