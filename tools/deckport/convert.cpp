// deckport convert IN... (-o OUT | --out-dir DIR) [--from F] [--to F] [--force]
#include <filesystem>
#include <iostream>

#include "cli.hpp"

namespace deckport::cli {
namespace {

struct ConvertOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    std::optional<std::string> out_dir;
    std::optional<std::string> to;
    bool force = false;
    OptionFlags flags;  // --quizlet-safe and other flags that set a writer option
    ReadOptions read;
};

// The output path for `input` inside --out-dir: its stem with the output format's extension.
std::string output_in_dir(const std::string& input, const std::string& dir, const Format& format) {
    if (input == "-") throw UsageError("stdin cannot go to --out-dir", "use -o FILE or -o -");
    std::filesystem::path in(input);
    std::string stem = in.stem().string();
    if (stem.empty()) stem = in.parent_path().filename().string();  // a folder given as "dir/"
    std::string extension = format.info.extensions.empty() || format.info.directory
                                ? std::string{}
                                : format.info.extensions.front();
    return (std::filesystem::path(dir) / (stem + extension)).string();
}

ExitCode convert_one(const std::string& input, const std::string& target, const ConvertOptions& o,
                     std::int64_t timestamp, const GlobalOptions& global) {
    Diagnostics diagnostics;
    const Format& format = builtin_formats().detect_output(target, o.to);
    FormatOptions given =
        with_option_flags(parse_format_options(o.read.format_options), o.flags, format);
    Collection collection = read_one(input, o.read, timestamp, diagnostics, &given, &format);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics.all(), global);
        return ExitCode::invalid_input;
    }
    FormatOptions write_options = options_for(format.info, OptionDirection::write, given);
    WriteContext context{diagnostics, write_options, Limits{}, timestamp,
                         target == "-" ? "<stdout>" : target};
    Output output = format.writer->write(collection, context);
    print_diagnostics(diagnostics.all(), global);
    std::set<std::string> asked_for = shown_codes(format, write_options);
    if (!asked_for.empty() && global.verbosity == 0 && !global.quiet) {
        // The user asked for these (the separators of --quizlet-safe): show them even though
        // notes are hidden by default.
        for (const Diagnostic& d : diagnostics.all()) {
            if (asked_for.contains(d.code)) std::cerr << format_diagnostic(d) << '\n';
        }
    }
    if (diagnostics.has_errors()) return ExitCode::invalid_input;

    WritePolicy policy{o.force, {}};
    for (const std::string& path : o.inputs) {
        if (path != "-") policy.inputs.emplace_back(path);
    }
    write_output(target, output, policy);
    return ExitCode::ok;
}

ExitCode run(const ConvertOptions& o, const GlobalOptions& global) {
    if (o.output && o.out_dir) throw UsageError("give either -o or --out-dir, not both");
    if (o.inputs.size() > 1 && !o.out_dir) {
        throw UsageError("several inputs need --out-dir", "or convert them one at a time with -o");
    }
    if (!o.output && !o.out_dir && !o.to) {
        throw UsageError("no output given", "give -o FILE, --out-dir DIR, or --to FORMAT for stdout");
    }
    std::int64_t timestamp = timestamp_for(o.read, o.inputs);
    ExitCode worst = ExitCode::ok;
    for (const std::string& input : o.inputs) {
        std::string target;
        if (o.out_dir) {
            if (!o.to) throw UsageError("--out-dir needs --to FORMAT");
            target = output_in_dir(input, *o.out_dir, builtin_formats().detect_output("", o.to));
        } else {
            target = o.output.value_or("-");
        }
        ExitCode code = ExitCode::ok;
        try {
            code = convert_one(input, target, o, timestamp, global);
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
    command->add_flag("-f,--force", options->force, "Replace an existing output");
    add_option_flags(*command, options->flags);
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
