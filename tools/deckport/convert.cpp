// deckport convert IN... (-o OUT | --out-dir DIR) [--from F] [--to F[,F...]] [--force]
//                 [--media-root DIR] [--media-dir DIR | --no-media] [--strict]
//                 [--files-from FILE|-] [--include GLOB] [--exclude GLOB] [-j N] [--fail-fast]
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "batch.hpp"
#include "cli.hpp"
#include "deckport/media_folder.hpp"
#include "deckport/output_plan.hpp"

namespace deckport::cli {
namespace {

struct ConvertOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    std::optional<std::string> out_dir;
    std::optional<std::string> relative_to;  // the folder the --out-dir layout mirrors
    std::vector<std::string> to;             // --to FMT[,FMT...]
    bool force = false;
    OptionFlags flags;  // --quizlet-safe and other flags that set a writer option
    std::optional<std::string> media_dir;  // where media go beside a text output
    bool no_media = false;
    ReadOptions read;
    DeckSearch search;
    BatchOptions batch;
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

// The write policy of each output format: --force, what the format may replace, and the inputs
// (resolved once for the whole run) that no output may replace.
using Policies = std::map<const Format*, WritePolicy>;
Policies write_policies(const ConvertOptions& o, const std::vector<const Format*>& formats,
                        const std::vector<std::string>& inputs) {
    WritePolicy base{o.force, {}, {}, {}};
    for (const std::string& path : inputs) {
        if (path != "-") base.inputs.emplace_back(path);
    }
    base.resolved_inputs = std::make_shared<const ResolvedInputs>(base.inputs);
    Policies policies;
    for (const Format* format : formats) {
        WritePolicy& policy = policies[format] = base;
        policy.replaceable = format->info.folder_entries;
    }
    return policies;
}

OutputShape shape_of(const Format& format) {
    return format.info.directory ? OutputShape::folder : OutputShape::file;
}

// One input and the outputs it is written to, one per --to format.
struct Target {
    const Format* format;
    std::string output;
};
struct ConvertJob {
    std::string input;
    std::vector<Target> targets;
};

// Counts and prints a job's diagnostics on `err` (stderr once the job is done), with the codes
// an option asked for shown even without -v.
void report(const std::vector<Diagnostic>& diagnostics, const std::set<std::string>& asked_for,
            const GlobalOptions& global, std::ostream& err, JobReport& counts) {
    print_diagnostics(diagnostics, global, err);
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::error) ++counts.errors;
        if (d.severity == Severity::warning) ++counts.warnings;
    }
    if (asked_for.empty() || global.verbosity > 0 || global.quiet) return;
    // The user asked for these (the separators of --quizlet-safe): show them even though notes
    // are hidden by default.
    for (const Diagnostic& d : diagnostics) {
        if (asked_for.contains(d.code)) err << format_diagnostic(d) << '\n';
    }
}

// Writes `collection` to one target; `read` holds the reader's diagnostics, printed with the
// first target's.
ExitCode write_target(const Collection& collection, const Target& target,
                      const FormatOptions& given, const ConvertOptions& o,
                      const WritePolicy& policy, std::int64_t timestamp, Diagnostics& diagnostics) {
    const Format& format = *target.format;
    FormatOptions write_options = options_for(format.info, OptionDirection::write, given);
    WriteContext context{diagnostics, write_options, limits_of(o.read), timestamp,
                         target.output == "-" ? "<stdout>" : target.output};
    bool media_beside = writes_media_beside(format.info, write_options);
    context.media_written_beside = media_beside;
    context.strict = o.read.strict;
    auto sink = open_output(target.output, shape_of(format), policy);
    format.writer->write(collection, *sink, context);
    std::optional<MediaFolderPlan> media;
    if (media_beside) media = plan_media(collection, format, target.output, o, policy, diagnostics);
    if (diagnostics.has_errors()) return ExitCode::invalid_input;  // the sink is not committed
    sink->commit();
    if (media) write_media_folder(*media);
    return ExitCode::ok;
}

// Reads one input once and writes it in every --to format. Diagnostics go to `err`.
JobReport convert_input(const ConvertJob& job, const ConvertOptions& o, const Policies& policies,
                        const GlobalOptions& global, bool only_job, std::ostream& err) {
    JobReport counts;
    std::vector<const Format*> formats;
    for (const Target& target : job.targets) formats.push_back(target.format);
    FormatOptions given =
        with_option_flags(parse_format_options(o.read.format_options), o.flags, formats);
    // Each output's time is its own input's (unless --timestamp): a batch writes what converting
    // each input on its own writes.
    std::int64_t timestamp = timestamp_for(o.read, {job.input});
    auto fail = [&](const Error& e) {
        report({e.diagnostic()}, {}, global, err, counts);
        if (counts.code == ExitCode::ok) counts.code = e.exit_code();
    };
    Diagnostics read_diagnostics;
    Collection collection;
    try {
        collection = read_one(job.input, o.read, timestamp, read_diagnostics, &given, formats);
    } catch (const UsageError&) {
        throw;
    } catch (const Error& e) {
        report(read_diagnostics.all(), {}, global, err, counts);
        fail(e);
        return counts;
    }
    counts.notes = collection.notes.size();
    if (read_diagnostics.has_errors()) {
        report(read_diagnostics.all(), {}, global, err, counts);
        counts.code = ExitCode::invalid_input;
        return counts;
    }
    for (std::size_t i = 0; i < job.targets.size(); ++i) {
        const Target& target = job.targets[i];
        Diagnostics diagnostics;
        if (i == 0) {
            for (const Diagnostic& d : read_diagnostics.all()) diagnostics.report(d);
        }
        std::set<std::string> asked_for = shown_codes(
            *target.format, options_for(target.format->info, OptionDirection::write, given));
        try {
            ExitCode code = write_target(collection, target, given, o, policies.at(target.format),
                                         timestamp, diagnostics);
            report(diagnostics.all(), asked_for, global, err, counts);
            if (code != ExitCode::ok && counts.code == ExitCode::ok) counts.code = code;
        } catch (const UsageError&) {
            throw;
        } catch (const Error& e) {
            report(diagnostics.all(), asked_for, global, err, counts);
            fail(e);
        }
    }
    if (only_job) keep_until_exit(std::move(collection));
    return counts;
}

// The formats of --to (several, comma-separated), else the one the output's extension names.
std::vector<const Format*> output_formats(const ConvertOptions& o) {
    std::string output = o.out_dir ? std::string{} : o.output.value_or("-");
    if (o.to.empty()) return {&builtin_formats().detect_output(output, std::nullopt)};
    std::vector<const Format*> formats;
    for (const std::string& name : o.to) {
        const Format* format = &builtin_formats().detect_output(output, name);
        if (std::find(formats.begin(), formats.end(), format) != formats.end()) {
            throw UsageError("--to names " + format->info.name + " twice");
        }
        formats.push_back(format);
    }
    if (formats.size() > 1 && !o.out_dir) {
        throw UsageError("several --to formats need --out-dir", "give --out-dir DIR");
    }
    return formats;
}

// Every output is checked before anything is read or written: an output that exists without
// --force, or that --force may not replace, stops the whole run; so do two inputs (or two
// formats) that would write one output.
std::vector<ConvertJob> plan(const ConvertOptions& o, const std::vector<const Format*>& formats,
                             const DeckFiles& found, const std::vector<std::string>& walked,
                             const Policies& policies, const GlobalOptions& global,
                             ExitCode& refused) {
    const std::vector<std::string>& files = found.files;
    std::vector<ConvertJob> jobs(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) jobs[i].input = files[i];
    if (o.out_dir) {
        std::vector<PlannedOutput> every;
        for (const Format* format : formats) {
            std::string extension = format->info.extensions.empty() || format->info.directory
                                        ? std::string{}
                                        : format->info.extensions.front();
            std::vector<PlannedOutput> planned = plan_outputs(files, *o.out_dir, extension, walked);
            for (std::size_t i = 0; i < files.size(); ++i) {
                jobs[i].targets.push_back({format, planned[i].output});
            }
            every.insert(every.end(), planned.begin(), planned.end());
        }
        refuse_shared_outputs(every);
    } else {
        jobs.front().targets.push_back({formats.front(), o.output.value_or("-")});
    }
    for (const ConvertJob& job : jobs) {
        for (const Target& target : job.targets) {
            try {
                check_output_target(target.output, shape_of(*target.format),
                                    policies.at(target.format));
            } catch (const OutputExistsError& e) {
                print_diagnostics({e.diagnostic()}, global);
                refused = e.exit_code();
            }
        }
    }
    return jobs;
}

// The command-line folders that were walked for decks (not a folder that is itself a deck).
std::vector<std::string> walked_folders(const std::vector<std::string>& inputs,
                                        const DeckFiles& found) {
    std::vector<std::string> walked;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !std::filesystem::is_directory(input, ec)) continue;
        if (std::find(found.files.begin(), found.files.end(), input) == found.files.end()) {
            walked.push_back(input);
        }
    }
    return walked;
}

// --relative-to DIR: `dir`, after checking that it holds every input (UsageError otherwise), so
// that runs over parts of one list (a Slurm array, xargs -n) lay their outputs out alike.
std::string under_folder(const std::string& dir, const std::vector<std::string>& files) {
    std::filesystem::path base = std::filesystem::absolute(dir).lexically_normal();
    for (const std::string& file : files) {
        std::filesystem::path relative =
            std::filesystem::absolute(file).lexically_normal().lexically_relative(base);
        if (file == "-" || relative.empty() || *relative.begin() == "..") {
            throw UsageError("--relative-to " + dir + ": input '" + file + "' is not inside it");
        }
    }
    return dir;
}

ExitCode run(const ConvertOptions& o, const GlobalOptions& global) {
    if (o.output && o.out_dir) throw UsageError("give either -o or --out-dir, not both");
    if (o.media_dir && o.no_media)
        throw UsageError("give either --media-dir or --no-media, not both");
    if (!o.output && !o.out_dir && o.to.empty()) {
        throw UsageError("no output given",
                         "give -o FILE, --out-dir DIR, or --to FORMAT for stdout");
    }
    if (o.out_dir && o.to.empty()) throw UsageError("--out-dir needs --to FORMAT");
    if (o.relative_to && !o.out_dir) throw UsageError("--relative-to needs --out-dir");
    limits_of(o.read);  // a bad --limit is a usage error before anything is read
    std::vector<std::string> given = inputs_with_files_from(o.inputs, o.batch);
    if (given.empty()) throw UsageError("no inputs given", "give files, folders or --files-from");
    timestamp_for(o.read, {});  // a bad --timestamp too
    DeckFiles found = find_deck_files(given, builtin_formats(), o.search);
    print_diagnostics(found.skipped, global);
    if (found.files.empty()) {
        throw UsageError("no decks found in the folders given",
                         "deck files have an extension a format reads (`deckport formats`)");
    }
    if (found.files.size() > 1 && !o.out_dir) {
        throw UsageError("several inputs need --out-dir", "or convert them one at a time with -o");
    }
    std::vector<const Format*> formats = output_formats(o);
    ExitCode refused = ExitCode::ok;
    std::vector<std::string> anchors = walked_folders(given, found);
    if (o.relative_to) anchors = {under_folder(*o.relative_to, found.files)};
    Policies policies = write_policies(o, formats, found.files);
    std::vector<ConvertJob> jobs = plan(o, formats, found, anchors, policies, global, refused);
    if (refused != ExitCode::ok) return refused;

    BatchSettings settings = batch_settings(o.batch, global, jobs.size());
    BatchOutcome outcome = run_batch(
        jobs.size(),
        [&](std::size_t i, std::ostream&, std::ostream& err) {
            return convert_input(jobs[i], o, policies, global, jobs.size() == 1, err);
        },
        settings);
    print_summary("converted", jobs.size(), outcome, global);
    return outcome.code;
}

}  // namespace

void add_convert_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<ConvertOptions>();
    CLI::App* command =
        app.add_subcommand("convert", "Convert decks to another format (`-` is stdin/stdout)");
    command->add_option("inputs", options->inputs,
                        "Input files, folders (searched for decks, like check), or - for stdin");
    command->add_option("-o,--output", options->output, "Output file or folder, or - for stdout");
    command->add_option("--out-dir", options->out_dir,
                        "Folder for the outputs of several inputs, mirroring their layout "
                        "(needs --to)");
    command->add_option("--relative-to", options->relative_to,
                        "With --out-dir: mirror the inputs' layout relative to this folder, which "
                        "must hold them all (default: the deepest folder holding every input)");
    command
        ->add_option("--to", options->to,
                     "Output format (default: from the output's extension); several, "
                     "comma-separated, with --out-dir: each input is read once")
        ->delimiter(',')
        ->allow_extra_args(false);
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
    add_search_options(*command, options->search);
    add_batch_options(*command, options->batch);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
