// deckport convert IN... (-o OUT | --out-dir DIR) [--from F] [--to F] [--force]
//                 [--media-root DIR] [--media-dir DIR | --no-media] [--strict]
#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "deckport/media_folder.hpp"
#include "deckport/output_plan.hpp"

namespace deckport::cli {
namespace {

struct ConvertOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    std::optional<std::string> out_dir;
    std::optional<std::string> to;
    bool force = false;
    OptionFlags flags;  // --quizlet-safe and other flags that set a writer option
    std::optional<std::string> media_dir;  // where media go beside a text output
    bool no_media = false;
    ReadOptions read;
};

// Where the media of a text output go: `--media-dir`, else `<output stem>.media/` beside a file
// output. Nothing when there are none, with --no-media, or for stdout without --media-dir (then
// a MEDIA003 warning says so).
std::optional<MediaFolderPlan> plan_media(const Collection& collection, const Format& format,
                                          const std::string& target, const ConvertOptions& o,
                                          const WritePolicy& policy, Diagnostics& diagnostics) {
    if (collection.media.empty()) return std::nullopt;
    std::string count = std::to_string(collection.media.size()) +
                        (collection.media.size() == 1 ? " media file was" : " media files were");
    SourceLocation where{target == "-" ? "<stdout>" : target};
    if (o.no_media) {
        diagnostics.warning("MEDIA003", where,
                            count + " not written (--no-media): the output refers to them by name",
                            "copy them beside the output, or into <output stem>.media/");
        return std::nullopt;
    }
    if (target == "-" && !o.media_dir) {
        diagnostics.warning("MEDIA003", where, count + " not written: the output goes to stdout",
                            "give --media-dir DIR to write them; readers look for them beside "
                            "the deck file and in <deck stem>.media/ beside it");
        return std::nullopt;
    }
    std::filesystem::path dir = o.media_dir ? std::filesystem::path(*o.media_dir)
                                            : default_media_dir(target, format.info.extensions);
    std::filesystem::path output_folder;
    if (target != "-") {
        output_folder = std::filesystem::path(target).parent_path();
        if (output_folder.empty()) output_folder = ".";
    }
    return plan_media_folder(collection, dir,
                             MediaFolderPolicy{o.force, policy.inputs, output_folder}, diagnostics);
}

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
    const std::string& target = planned.output;
    FormatOptions given =
        with_option_flags(parse_format_options(o.read.format_options), o.flags, format);
    Collection collection =
        read_one(planned.input, o.read, timestamp, diagnostics, &given, &format);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics.all(), global);
        return ExitCode::invalid_input;
    }
    FormatOptions write_options = options_for(format.info, OptionDirection::write, given);
    WriteContext context{diagnostics, write_options, limits_of(o.read), timestamp,
                         target == "-" ? "<stdout>" : target};
    bool media_beside = writes_media_beside(format.info, write_options);
    context.media_written_beside = media_beside;
    context.strict = o.read.strict;
    WritePolicy policy = write_policy(o, format);
    auto sink = open_output(target, shape_of(format), policy);
    format.writer->write(collection, *sink, context);
    std::optional<MediaFolderPlan> media;
    if (media_beside) media = plan_media(collection, format, target, o, policy, diagnostics);
    print_diagnostics(diagnostics.all(), global);
    std::set<std::string> asked_for = shown_codes(format, write_options);
    if (!asked_for.empty() && global.verbosity == 0 && !global.quiet) {
        // The user asked for these (the separators of --quizlet-safe): show them even though
        // notes are hidden by default.
        for (const Diagnostic& d : diagnostics.all()) {
            if (asked_for.contains(d.code)) std::cerr << format_diagnostic(d) << '\n';
        }
    }
    if (diagnostics.has_errors()) return ExitCode::invalid_input;  // the sink is not committed
    sink->commit();
    if (media) write_media_folder(*media);
    return ExitCode::ok;
}

// Every output is checked before anything is read or written: an output that exists without
// --force, or that --force may not replace, stops the whole run; so do two inputs that would
// write one output.
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
    if (o.media_dir && o.no_media)
        throw UsageError("give either --media-dir or --no-media, not both");
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
    add_option_flags(*command, options->flags);
    command->add_option("--media-dir", options->media_dir,
                        "Markdown, CSV, Quizlet or JSON (media=list) output: the folder its media "
                        "files are written to (default: <output stem>.media/ beside the output)");
    command->add_flag("--no-media", options->no_media,
                      "Do not write the media files of a markdown, CSV, Quizlet or JSON output");
    add_read_options(*command, options->read);
    add_strict_option(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
