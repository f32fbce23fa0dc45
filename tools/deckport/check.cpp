// deckport check FILE|DIR... : reader diagnostics, format invariants and lint rules, for CI.
#include <iostream>
#include <map>
#include <set>

#include "batch.hpp"
#include "cli.hpp"
#include "deckport/codes.hpp"
#include "deckport/deck_files.hpp"
#include "deckport/lint.hpp"

namespace deckport::cli {
namespace {

struct CheckOptions {
    std::vector<std::string> inputs;  // none: the project's decks (deckport.toml)
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::optional<std::string> fail_on;  // default: the project's, else "error"
    std::string format = "human";
    std::optional<std::size_t> max_field_bytes;
    DeckSearch search;
    ReadOptions read;
    BatchOptions batch;
    FormatOptions options;  // the project's [options] with -O over them
};

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

LintSettings lint_settings(const CheckOptions& o, const std::optional<ProjectSettings>& project) {
    LintSettings settings;
    if (o.max_field_bytes) {
        settings.max_field_bytes = *o.max_field_bytes;
    } else if (project && project->check.max_field_bytes) {
        settings.max_field_bytes = *project->check.max_field_bytes;
    }
    std::vector<std::string> enable = o.enable, disable = o.disable;
    if (project) {
        enable.insert(enable.end(), project->check.enable.begin(), project->check.enable.end());
        disable.insert(disable.end(), project->check.disable.begin(), project->check.disable.end());
    }
    for (const std::string& code : enable) settings.enabled.insert(upper(code));
    for (const std::string& code : disable) settings.disabled.insert(upper(code));
    for (const std::string& code : unknown_lint_codes(settings.enabled)) {
        throw UsageError("--enable " + code + ": no lint rule has this code",
                         "`deckport explain --list` lists the codes");
    }
    CodeRegistry codes = documented_codes(builtin_formats());
    // Media problems are found while reading, the same in convert and check.
    static const std::map<std::string, std::string> kRenamed = {{"LINT005", "MEDIA001"},
                                                                {"LINT007", "MEDIA002"}};
    for (const std::string& code : settings.disabled) {
        if (auto renamed = kRenamed.find(code); renamed != kRenamed.end()) {
            throw UsageError("--disable " + code + ": this code is now " + renamed->second,
                             "use --disable " + renamed->second);
        }
        if (!codes.find(code)) {
            throw UsageError("--disable " + code + ": no diagnostic has this code",
                             "`deckport explain --list` lists the codes");
        }
    }
    return settings;
}

std::vector<Diagnostic> check_one(const std::string& path, const CheckOptions& o,
                                  const LintSettings& settings, const Limits& limits,
                                  std::int64_t timestamp) {
    Diagnostics diagnostics;
    try {
        Input input = read_input(path, limits);
        const Format& format = builtin_formats().detect_input(input, o.read.from);
        ReadContext context = read_context(o.read, diagnostics, timestamp, o.options);
        return check_input(format, input, context, settings);
    } catch (const UsageError&) {
        throw;
    } catch (const Error& e) {
        return {e.diagnostic()};
    }
}

ExitCode run(CheckOptions o, const GlobalOptions& global) {
    std::optional<ProjectSettings> project = load_project();
    std::string fail_on_name =
        o.fail_on.value_or(project ? project->check.fail_on.value_or("error") : "error");
    Severity fail_on = fail_on_name == "warning" ? Severity::warning : Severity::error;
    LintSettings settings = lint_settings(o, project);
    o.options = merged_options(project, o.read.format_options);
    check_option_keys_for_any_format(o.options, OptionDirection::read);
    Limits limits = limits_of(o.read);
    DeckFiles found = select_decks(inputs_with_files_from(o.inputs, o.batch), o.search, project);
    const std::vector<std::string>& files = found.files;
    std::int64_t timestamp = timestamp_for(o.read, files);
    DiagnosticPrinter printer(std::cout, report_format(o.format), global);
    printer.print(found.skipped);
    ReportFormat report = report_format(o.format);
    bool colour = colour_wanted(std::cout);
    BatchSettings batch = batch_settings(o.batch, global, files.size());
    BatchOutcome outcome = run_batch(
        files.size(),
        [&](std::size_t i, std::ostream& out, std::ostream&) {
            JobReport counts;
            DiagnosticPrinter job_printer(out, report, global, colour);
            for (const Diagnostic& d : check_one(files[i], o, settings, limits, timestamp)) {
                job_printer.print(d);
                if (d.severity == Severity::error) ++counts.errors;
                if (d.severity == Severity::warning) ++counts.warnings;
                if (d.severity >= fail_on) counts.code = ExitCode::check_failed;
            }
            return counts;
        },
        batch);
    std::size_t errors = outcome.errors, warnings = outcome.warnings;
    bool failed = outcome.code != ExitCode::ok;
    if (o.format == "human" && !global.quiet) {
        std::cerr << "checked " << outcome.inputs << (outcome.inputs == 1 ? " deck: " : " decks: ")
                  << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning" : " warnings");
        if (!found.skipped.empty()) {
            std::cerr << " (" << found.skipped.size()
                      << (found.skipped.size() == 1 ? " file" : " files")
                      << " skipped: not decks; -v names them)";
        }
        if (outcome.stopped) {
            std::cerr << " (--fail-fast: " << files.size() - outcome.inputs << " not started)";
        }
        std::cerr << '\n';
    }
    return failed ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace

void add_check_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Validate decks: reader errors, format invariants and lint rules (for CI)");
    command->add_option("inputs", options->inputs,
                        "Deck files, or folders to search for every supported extension "
                        "(default: the decks of the project file deckport.toml)");
    // One value per flag (repeatable), so that `--enable X decks/` leaves decks/ an input.
    command->add_option("--enable", options->enable, "Run a lint rule that is off by default")
        ->allow_extra_args(false);
    command->add_option("--disable", options->disable, "Do not report this code")
        ->allow_extra_args(false);
    command
        ->add_option("--fail-on", options->fail_on,
                     "Fail (exit 5) on errors only, or on warnings too (default: error)")
        ->check(CLI::IsMember({"warning", "error"}));
    command->add_option("--max-field-bytes", options->max_field_bytes,
                        "LINT011: the largest field that passes");
    add_search_options(*command, options->search);
    add_batch_options(*command, options->batch);
    add_report_option(*command, options->format);
    add_read_options(*command, options->read);
    add_strict_option(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
