#include "batch.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "deckport/deck_files.hpp"
#include "deckport/threads.hpp"
#include "progress.hpp"

namespace deckport::cli {
namespace {

// One input's buffered output and what it did.
struct Finished {
    bool done = false;
    std::string out;
    std::string err;
    JobReport report;
    std::exception_ptr exception;
};

Finished run_job(const BatchJob& job, std::size_t index) {
    Finished finished;
    std::ostringstream out, err;
    try {
        finished.report = job(index, out, err);
    } catch (...) {
        finished.exception = std::current_exception();
    }
    finished.out = std::move(out).str();
    finished.err = std::move(err).str();
    finished.done = true;
    return finished;
}

bool failed(const Finished& finished) {
    return finished.exception || finished.report.code != ExitCode::ok;
}

// Prints finished inputs in input order and adds them up.
class InOrderPrinter {
  public:
    InOrderPrinter(BatchOutcome& outcome, ProgressBar& bar) : outcome_(outcome), bar_(bar) {}

    // Prints `finished` (the next input in order); rethrows its exception after its output.
    void print(Finished& finished) {
        if (!finished.out.empty() || !finished.err.empty()) {
            bar_.clear();
            std::cout << finished.out << std::flush;
            std::cerr << finished.err << std::flush;
        }
        ++outcome_.inputs;
        outcome_.notes += finished.report.notes;
        outcome_.warnings += finished.report.warnings;
        outcome_.errors += finished.report.errors;
        if (failed(finished)) {
            ++outcome_.failed;
            if (outcome_.code == ExitCode::ok) outcome_.code = finished.report.code;
        }
        if (finished.exception) std::rethrow_exception(finished.exception);
    }

  private:
    BatchOutcome& outcome_;
    ProgressBar& bar_;
};

// The calling thread runs every input, one after another.
void run_here(std::size_t count, const BatchJob& job, const BatchSettings& settings,
              BatchOutcome& outcome, ProgressBar& bar) {
    InOrderPrinter printer(outcome, bar);
    std::size_t notes = 0;
    for (std::size_t i = 0; i < count; ++i) {
        Finished finished = run_job(job, i);
        notes += finished.report.notes;
        bool stop = failed(finished) && (settings.fail_fast || finished.exception);
        printer.print(finished);
        bar.update(i + 1, notes);
        if (stop) {
            outcome.stopped = i + 1 < count;
            return;
        }
    }
}

// Worker threads take the inputs in order; the calling thread prints each input once it and
// every input before it are done, and draws the bar.
void run_pool(std::size_t count, const BatchJob& job, const BatchSettings& settings,
              BatchOutcome& outcome, ProgressBar& bar) {
    std::vector<Finished> results(count);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0, done = 0, notes = 0, running = 0;
    bool stop = false;

    auto work = [&] {
        std::unique_lock lock(mutex);
        while (!stop && next < count) {
            std::size_t index = next++;
            ++running;
            lock.unlock();
            Finished finished = run_job(job, index);
            lock.lock();
            --running;
            if (failed(finished) && (settings.fail_fast || finished.exception)) stop = true;
            notes += finished.report.notes;
            ++done;
            results[index] = std::move(finished);
            changed.notify_all();
        }
    };
    std::vector<std::jthread> threads;
    unsigned thread_count = std::min<std::size_t>(settings.jobs, count);
    for (unsigned t = 0; t < thread_count; ++t) threads.emplace_back(work);

    InOrderPrinter printer(outcome, bar);
    std::size_t printed = 0;
    std::exception_ptr first_exception;
    std::unique_lock lock(mutex);
    while (true) {
        changed.wait_for(lock, std::chrono::milliseconds(100));
        // After a job threw, nothing more is printed: the error ends the run.
        while (!first_exception && printed < count && results[printed].done) {
            Finished finished = std::move(results[printed++]);
            lock.unlock();
            try {
                printer.print(finished);
            } catch (...) {
                first_exception = std::current_exception();
            }
            lock.lock();
        }
        bool started_all_done = (stop || next == count) && running == 0;
        if (printed == count || (started_all_done && (printed == next || first_exception))) {
            break;
        }
        if (!first_exception) bar.update(done, notes);
    }
    outcome.stopped = printed < count;
    lock.unlock();
    threads.clear();  // joins
    if (first_exception) std::rethrow_exception(first_exception);
}

}  // namespace

void add_batch_options(CLI::App& command, BatchOptions& options) {
    command
        .add_option("-j,--jobs", options.jobs,
                    "Threads to use (default: the number of cores): several inputs run at "
                    "once, a single large input shares its work; output is the same, in input "
                    "order, whatever the number")
        ->check(CLI::Range(1u, 1024u));
    command.add_flag("--fail-fast", options.fail_fast,
                     "Stop at the first input that fails: no new input starts, those running "
                     "finish");
    command.add_option("--files-from", options.files_from,
                       "Read more inputs from this file, or - for stdin: one per line, or "
                       "NUL-separated (find -print0)");
}

std::vector<std::string> inputs_with_files_from(std::vector<std::string> inputs,
                                                const BatchOptions& options) {
    if (!options.files_from) return inputs;
    const std::string& from = *options.files_from;
    std::string list;
    if (from == "-") {
        for (const std::string& input : inputs) {
            if (input == "-") throw UsageError("stdin cannot be both an input and --files-from -");
        }
        list.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(from, std::ios::binary);
        if (!in) throw UsageError("--files-from " + from + ": cannot read this file");
        list.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (std::string& path : split_file_list(list)) inputs.push_back(std::move(path));
    if (inputs.empty()) throw UsageError("--files-from " + from + ": the list names no files");
    return inputs;
}

BatchSettings batch_settings(const BatchOptions& options, const GlobalOptions& global,
                             std::size_t count) {
    BatchSettings settings;
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned threads = options.jobs > 0 ? options.jobs : cores;
    settings.jobs =
        static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));
    settings.threads_per_input = std::max(1u, threads / settings.jobs);
    settings.fail_fast = options.fail_fast;
    settings.progress = count > 1 && !global.quiet && ::isatty(STDERR_FILENO) == 1;
    return settings;
}

BatchOutcome run_batch(std::size_t count, const BatchJob& job, const BatchSettings& settings) {
    auto start = std::chrono::steady_clock::now();
    BatchOutcome outcome;
    ProgressBar bar(count, settings.progress);
    set_threads_per_input(settings.threads_per_input);
    struct RestoreThreads {  // the setting is the process's: no run leaves its own behind
        ~RestoreThreads() { set_threads_per_input(0); }
    } restore;
    if (settings.jobs <= 1 || count <= 1) {
        run_here(count, job, settings, outcome, bar);
    } else {
        run_pool(count, job, settings, outcome, bar);
    }
    bar.clear();
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

void print_summary(const std::string& verb, std::size_t count, const BatchOutcome& outcome,
                   const GlobalOptions& global) {
    if (count <= 1 || global.quiet) return;
    auto plural = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", outcome.seconds);
    std::cerr << verb << " " << plural(outcome.inputs, "file", "files") << ": "
              << plural(outcome.notes, "note", "notes") << ", "
              << plural(outcome.warnings, "warning", "warnings") << ", "
              << plural(outcome.errors, "error", "errors") << " in " << seconds;
    if (outcome.failed > 0) std::cerr << " (" << outcome.failed << " failed)";
    if (outcome.stopped) {
        std::cerr << " (--fail-fast: " << count - outcome.inputs << " not started)";
    }
    std::cerr << '\n';
}

}  // namespace deckport::cli
