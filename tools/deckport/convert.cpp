// deckport convert IN... (-o OUT | --out-dir DIR) [--from F] [--to F] [--force]
#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "deckport/output_plan.hpp"
#include "quizlet/quizlet_format.hpp"

namespace deckport::cli {
namespace {

struct ConvertOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    std::optional<std::string> out_dir;
    std::optional<std::string> to;
    bool force = false;
    bool quizlet_safe = false;  // sets the quizlet writer's `safe` option
    ReadOptions read;
};

WritePolicy write_policy(const ConvertOptions& o, const Format& format) {
    WritePolicy policy{o.force, {}, format.info.folder_entries};
    for (const std::string& path : o.inputs) {
        if (path != "-") policy.inputs.emplace_back(path);
    }
    return policy;
}

OutputShape shape_of(const Format& format) {
    return format.info.directory ? OutputShape::folder : OutputShape::file;
}

ExitCode convert_one(const PlannedOutput& planned, const Format& format, const ConvertOptions& o,
                     std::int64_t timestamp, const GlobalOptions& global) {
    Diagnostics diagnostics;
    Collection collection = read_one(planned.input, o.read, timestamp, diagnostics);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics.all(), global);
        return ExitCode::invalid_input;
    }
    FormatOptions write_options = parse_format_options(o.read.format_options);
    if (o.quizlet_safe) {
        if (format.info.name != "quizlet") {
            throw UsageError("--quizlet-safe applies to quizlet output", "add --to quizlet");
        }
        write_options["safe"] = "true";
    }
    WriteContext context{diagnostics, write_options, limits_of(o.read), timestamp,
                         planned.output == "-" ? "<stdout>" : planned.output};
    auto sink = open_output(planned.output, shape_of(format), write_policy(o, format));
    format.writer->write(collection, *sink, context);
    print_diagnostics(diagnostics.all(), global);
    if (o.quizlet_safe && global.verbosity == 0 && !global.quiet) {
        // The user asked for the separators: show them even though notes are hidden by default.
        for (const Diagnostic& d : diagnostics.all()) {
            if (d.code == kQuizletSafeSeparatorsCode) std::cerr << format_diagnostic(d) << '\n';
        }
    }
    if (diagnostics.has_errors()) return ExitCode::invalid_input;  // the sink is not committed
    sink->commit();
    return ExitCode::ok;
}

// Every output is checked before anything is read or written: an output that exists without
// --force, or that --force may not replace, stops the whole run.
std::vector<PlannedOutput> plan(const ConvertOptions& o, const Format& format,
                                const GlobalOptions& global, ExitCode& refused) {
    std::vector<PlannedOutput> planned;
    if (o.out_dir) {
        std::string extension = format.info.extensions.empty() || format.info.directory
                                    ? std::string{}
                                    : format.info.extensions.front();
        planned = plan_outputs(o.inputs, *o.out_dir, extension);
    } else {
        planned.push_back({o.inputs.front(), o.output.value_or("-")});
    }
    WritePolicy policy = write_policy(o, format);
    for (const PlannedOutput& output : planned) {
        try {
            check_output_target(output.output, shape_of(format), policy);
        } catch (const OutputExistsError& e) {
            print_diagnostics({e.diagnostic()}, global);
            refused = e.exit_code();
        }
    }
    return planned;
}

ExitCode run(const ConvertOptions& o, const GlobalOptions& global) {
    if (o.output && o.out_dir) throw UsageError("give either -o or --out-dir, not both");
    if (o.inputs.size() > 1 && !o.out_dir) {
        throw UsageError("several inputs need --out-dir", "or convert them one at a time with -o");
    }
    if (!o.output && !o.out_dir && !o.to) {
        throw UsageError("no output given", "give -o FILE, --out-dir DIR, or --to FORMAT for stdout");
    }
    if (o.out_dir && !o.to) throw UsageError("--out-dir needs --to FORMAT");
    limits_of(o.read);  // a bad --limit is a usage error before anything is read
    std::int64_t timestamp = timestamp_for(o.read, o.inputs);
    const Format& format =
        builtin_formats().detect_output(o.out_dir ? std::string{} : o.output.value_or("-"), o.to);
    ExitCode refused = ExitCode::ok;
    std::vector<PlannedOutput> planned = plan(o, format, global, refused);
    if (refused != ExitCode::ok) return refused;

    ExitCode worst = ExitCode::ok;
    for (const PlannedOutput& output : planned) {
        ExitCode code = ExitCode::ok;
        try {
            code = convert_one(output, format, o, timestamp, global);
        } catch (const UsageError&) {
            throw;
        } catch (const Error& e) {
            print_diagnostics({e.diagnostic()}, global);
            code = e.exit_code();
        }
        if (code != ExitCode::ok && worst == ExitCode::ok) worst = code;
    }
    return worst;
}

}  // namespace

void add_convert_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<ConvertOptions>();
    CLI::App* command = app.add_subcommand(
        "convert", "Convert decks to another format (`-` is stdin/stdout)");
    command->add_option("inputs", options->inputs, "Input files or folders, or - for stdin")
        ->required();
    command->add_option("-o,--output", options->output, "Output file or folder, or - for stdout");
    command->add_option("--out-dir", options->out_dir,
                        "Folder for the outputs of several inputs (needs --to)");
    command->add_option("--to", options->to, "Output format (default: from the output's extension)");
    command->add_flag("-f,--force", options->force,
                      "Replace an existing output (a folder only when it holds nothing but what "
                      "deckport writes there)");
    command->add_flag("--quizlet-safe", options->quizlet_safe,
                      "Quizlet output: pick separators that occur in no card (keeping line breaks "
                      "and punctuation) and print them");
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
