// Running one job per input of a batch (convert, check, roundtrip): on up to -j threads, with
// each job's output buffered and printed in input order, so that `-j 8` prints exactly what
// `-j 1` prints; a progress bar on a terminal, a summary line, and --fail-fast.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "deckport/error.hpp"

namespace deckport::cli {

struct GlobalOptions;

// -j, --fail-fast and --files-from, shared by the commands that take many inputs.
struct BatchOptions {
    unsigned jobs = 0;  // 0: the number of cores
    bool fail_fast = false;
    std::optional<std::string> files_from;  // a file, or - for stdin
};
void add_batch_options(CLI::App& command, BatchOptions& options);

// The inputs given on the command line followed by those of --files-from (UsageError when the
// list cannot be read, or when both it and an input are stdin).
std::vector<std::string> inputs_with_files_from(std::vector<std::string> inputs,
                                                const BatchOptions& options);

// What one job did, for the exit code, --fail-fast and the summary.
struct JobReport {
    ExitCode code = ExitCode::ok;  // not ok: the input failed
    std::size_t notes = 0;         // the notes read
    std::size_t warnings = 0;
    std::size_t errors = 0;
};

// One input's work: `out` and `err` stand for stdout and stderr (buffered by the runner).
// A job may throw: the exception is rethrown on the calling thread, in input order, after the
// output of the inputs before it was printed, and no new input starts.
using BatchJob = std::function<JobReport(std::size_t index, std::ostream& out, std::ostream& err)>;

struct BatchSettings {
    unsigned jobs = 1;  // inputs at once, a thread each; 1 runs them on the calling thread
    // Threads for the work within one input (-j N over the inputs at once); 0: one per core.
    unsigned threads_per_input = 0;
    bool fail_fast = false;
    bool progress = false;  // a progress bar on stderr (see progress_wanted)
};

struct BatchOutcome {
    ExitCode code = ExitCode::ok;  // the first failure's code, in input order
    std::size_t inputs = 0;        // the inputs that ran
    std::size_t failed = 0;
    std::size_t notes = 0;
    std::size_t warnings = 0;
    std::size_t errors = 0;
    bool stopped = false;  // --fail-fast left inputs out
    double seconds = 0;
};

BatchOutcome run_batch(std::size_t count, const BatchJob& job, const BatchSettings& settings);

// The settings for `count` inputs: -j (default: the number of cores, never more threads than
// inputs), the bar only when stderr is a terminal and not with -q.
BatchSettings batch_settings(const BatchOptions& options, const GlobalOptions& global,
                             std::size_t count);

// `converted 200 files: 100000 notes, 2 warnings, 1 error in 1.2 s (1 failed)`, on stderr, for a
// batch of more than one input, unless -q.
void print_summary(const std::string& verb, std::size_t count, const BatchOutcome& outcome,
                   const GlobalOptions& global);

}  // namespace deckport::cli
