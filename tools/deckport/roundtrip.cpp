// deckport roundtrip [FILE|DIR...] [--via FMT,...] [--keep DIR] [--strict]: write each deck with
// each format, read it back and compare; exit 0 only when nothing differs that the format should
// carry.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "batch.hpp"
#include "cli.hpp"
#include "deckport/roundtrip.hpp"

namespace deckport::cli {
namespace {

struct RoundtripOptions {
    std::vector<std::string> inputs;  // none: the project's decks (deckport.toml)
    std::vector<std::string> via;
    std::optional<std::string> keep;
    bool strict = false;
    std::string format = "human";
    DeckSearch search;
    ReadOptions read;
    BatchOptions batch;
};

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

void print_result(std::ostream& out, const std::string& file, const RoundtripResult& result) {
    for (const FormatRoundtrip& format : result.formats) {
        out << file << " via " << format.format << ": " << (format.passed() ? "ok" : "FAILED");
        if (format.unexpected > 0) {
            out << " (" << format.unexpected
                << (format.unexpected == 1 ? " unexpected difference)"
                                           : " unexpected differences)");
        }
        // Only when the second write happened (not after a failed write or read).
        bool refixed = std::any_of(format.diagnostics.begin(), format.diagnostics.end(),
                                   [](const Diagnostic& d) { return d.code == "RT006"; });
        if (refixed) out << " (not a fixpoint)";
        if (!format.losses.empty()) {
            out << "; lost by design" << (format.strict ? " (--strict)" : "") << ": "
                << joined(format.losses);
        }
        out << '\n';
    }
}

// Two decks whose kept outputs would have one name (a/deck.md and b/deck.md).
bool shares_a_stem(const std::vector<std::string>& files) {
    std::set<std::string> stems;
    for (const std::string& file : files) {
        if (!stems.insert(std::filesystem::path(file).stem().string()).second) return true;
    }
    return false;
}

JobReport roundtrip_file(const std::string& file, const RoundtripOptions& o,
                         const RoundtripSettings& settings, const GlobalOptions& global,
                         DiagnosticPrinter printer, std::ostream& out) {
    JobReport counts;
    auto count = [&](const std::vector<Diagnostic>& diagnostics) {
        for (const Diagnostic& d : diagnostics) {
            if (d.severity == Severity::error) ++counts.errors;
            if (d.severity == Severity::warning) ++counts.warnings;
        }
        printer.print(diagnostics);
    };
    Diagnostics diagnostics;
    Input input = read_input(file, settings.limits);
    const Format& source = builtin_formats().detect_input(input, o.read.from);
    ReadContext context = read_context(o.read, diagnostics, settings.timestamp, settings.options);
    Collection collection;
    try {
        collection = read_collection(source, input, context);
    } catch (const InputError& e) {
        diagnostics.report(e.diagnostic());
    }
    counts.notes = collection.notes.size();
    if (diagnostics.has_errors()) {
        count(diagnostics.all());
        counts.code = ExitCode::invalid_input;
        return counts;
    }
    bool text = !input.is_directory && input.bytes.find('\0') == std::string::npos;
    RoundtripSubject subject{collection, input.display_name,
                             text ? std::string_view(input.bytes) : std::string_view{},
                             input.base_dir()};
    RoundtripResult result = roundtrip(subject, builtin_formats(), settings);
    count(result.diagnostics());
    if (o.format == "human" && !global.quiet) print_result(out, file, result);
    if (!result.passed()) counts.code = ExitCode::check_failed;
    return counts;
}

ExitCode run(const RoundtripOptions& o, const GlobalOptions& global) {
    std::optional<ProjectSettings> project = load_project();
    RoundtripSettings settings;
    settings.via = !o.via.empty() || !project ? o.via : project->roundtrip.via;
    settings.options = merged_options(project, o.read.format_options);
    settings.strict = o.strict || (project && project->roundtrip.strict.value_or(false));
    check_option_keys_for_any_format(settings.options, OptionDirection::both);
    settings.limits = limits_of(o.read);
    if (o.keep) settings.keep_dir = *o.keep;
    if (o.read.media_root) settings.media_root = *o.read.media_root;
    DeckFiles found = select_decks(inputs_with_files_from(o.inputs, o.batch), o.search, project);
    settings.timestamp = timestamp_for(o.read, found.files);
    DiagnosticPrinter printer(std::cout, report_format(o.format), global);
    printer.print(found.skipped);
    ReportFormat report = report_format(o.format);
    bool colour = colour_wanted(std::cout);
    const std::vector<std::string>& files = found.files;
    BatchSettings batch = batch_settings(o.batch, global, files.size());
    if (o.keep && shares_a_stem(files)) batch.jobs = 1;  // --keep names outputs by stem
    BatchOutcome outcome = run_batch(
        files.size(),
        [&](std::size_t i, std::ostream& out, std::ostream&) {
            return roundtrip_file(files[i], o, settings, global,
                                  DiagnosticPrinter(out, report, global, colour), out);
        },
        batch);
    print_summary("round-tripped", files.size(), outcome, global);
    return outcome.code;
}

}  // namespace

void add_roundtrip_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<RoundtripOptions>();
    CLI::App* command = app.add_subcommand(
        "roundtrip", "Write each deck with each format, read it back and report every difference");
    command->add_option("inputs", options->inputs,
                        "Deck files, or folders to search (default: the decks of the project "
                        "file deckport.toml)");
    command
        ->add_option("--via", options->via,
                     "Formats to go through, comma-separated (default: every format that "
                     "reads and writes)")
        ->delimiter(',')
        ->allow_extra_args(false);
    command->add_option("--keep", options->keep, "Also write each intermediate output here");
    command->add_flag("--strict", options->strict,
                      "Losses by design (what a format cannot carry) fail the round trip too");
    add_search_options(*command, options->search);
    add_batch_options(*command, options->batch);
    add_report_option(*command, options->format);
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
