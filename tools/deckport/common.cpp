#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "cli.hpp"
#include "deckport/clock.hpp"

namespace deckport::cli {
namespace {

// Source lines are shown for text files up to this size; larger or binary files are not read.
constexpr std::uintmax_t kMaxSourceBytes = 16u << 20;

std::optional<std::vector<std::string>> text_lines(const std::string& file) {
    std::error_code ec;
    if (file.empty() || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    if (std::filesystem::file_size(file, ec) > kMaxSourceBytes || ec) return std::nullopt;
    std::string bytes;
    try {
        bytes = read_file(file, kMaxSourceBytes);
    } catch (const Error&) {
        return std::nullopt;
    }
    if (bytes.find('\0') != std::string::npos) return std::nullopt;  // not a text file
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        lines.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

bool colour_wanted(const std::ostream& stream) {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour) return false;
    if (&stream == &std::cout) return ::isatty(STDOUT_FILENO) == 1;
    if (&stream == &std::cerr) return ::isatty(STDERR_FILENO) == 1;
    return false;
}

DiagnosticPrinter::DiagnosticPrinter(std::ostream& out, ReportFormat format,
                                     const GlobalOptions& global)
    : DiagnosticPrinter(out, format, global, colour_wanted(out)) {}

DiagnosticPrinter::DiagnosticPrinter(std::ostream& out, ReportFormat format,
                                     const GlobalOptions& global, bool colour)
    : out_(out), format_(format), global_(global), colour_(colour) {}

std::optional<std::string> DiagnosticPrinter::source_line(const SourceLocation& at) {
    if (!at.has_position()) return std::nullopt;
    auto it = lines_.find(at.file);
    if (it == lines_.end()) it = lines_.emplace(at.file, text_lines(at.file)).first;
    const auto& lines = it->second;
    if (!lines || static_cast<std::size_t>(at.line) > lines->size()) return std::nullopt;
    return (*lines)[static_cast<std::size_t>(at.line) - 1];
}

void DiagnosticPrinter::print(const Diagnostic& d) {
    if (d.severity == Severity::note && global_.verbosity == 0) return;
    if (d.severity != Severity::error && global_.quiet) return;
    switch (format_) {
        case ReportFormat::json:
            out_ << render_json(d) << '\n';
            break;
        case ReportFormat::github:
            out_ << render_github(d) << '\n';
            break;
        case ReportFormat::human: {
            std::optional<std::string> line = source_line(d.origin);
            out_ << render_human(d, line ? std::optional<std::string_view>(*line) : std::nullopt,
                                 colour_)
                 << '\n';
            if (!d.hint.empty() && global_.verbosity > 0) out_ << "  hint: " << d.hint << '\n';
            break;
        }
    }
}

void DiagnosticPrinter::print(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) print(d);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global,
                       std::ostream& err) {
    DiagnosticPrinter(err, ReportFormat::human, global, colour_wanted(std::cerr))
        .print(diagnostics);
}

void add_report_option(CLI::App& command, std::string& format) {
    command
        .add_option("--format", format,
                    "Report format: human (compiler style), json (one object per line) or "
                    "github (workflow commands)")
        ->check(CLI::IsMember({"human", "json", "github"}));
}

ReportFormat report_format(const std::string& name) {
    auto format = report_format_from_name(name);
    if (!format) throw UsageError("unknown report format '" + name + "'", "human, json or github");
    return *format;
}

void add_read_options(CLI::App& command, ReadOptions& options) {
    command.add_option("--from", options.from,
                       "Input format (default: from the extension and content)");
    command.add_option("--timestamp", options.timestamp,
                       "Creation and modification time of the output: seconds since the epoch or "
                       "YYYY-MM-DDTHH:MM:SSZ (default: SOURCE_DATE_EPOCH, else the input's "
                       "modification time: convert takes each input's own, check and roundtrip "
                       "the newest)");
    command
        .add_option("-O,--option", options.format_options,
                    "A format option as key=value (see `deckport formats`); repeatable")
        ->allow_extra_args(false);
    command
        .add_option("--media-root", options.media_root,
                    "The folder media files may be read from (default: the deck's folder); "
                    "paths that leave it are refused (MEDIA002)")
        ->check(CLI::ExistingDirectory);
    std::string limits;
    for (const LimitInfo& info : limit_infos()) {
        limits += (limits.empty() ? "" : ", ") + info.name + " (" +
                  limit_text(info, info.get(Limits{})) + ")";
    }
    command
        .add_option("--limit", options.limits,
                    "Raise a safety limit, as name=value with K/M/G for sizes; the limits and "
                    "their defaults: " +
                        limits)
        ->allow_extra_args(false);
}

void add_strict_option(CLI::App& command, ReadOptions& options) {
    command.add_flag("--strict", options.strict,
                     "A missing media file is an error (MEDIA001), not a warning");
}

Limits limits_of(const ReadOptions& options) {
    Limits limits;
    apply_limit_settings(limits, options.limits);
    return limits;
}

ReadContext read_context(const ReadOptions& options, Diagnostics& diagnostics,
                         std::int64_t timestamp, const FormatOptions& given) {
    ReadContext context{diagnostics, given, limits_of(options), timestamp};
    if (options.media_root) context.media_root = *options.media_root;
    context.strict = options.strict;
    return context;
}

FormatOptions parse_format_options(const std::vector<std::string>& key_values) {
    FormatOptions options;
    for (const std::string& kv : key_values) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw UsageError("format option '" + kv + "' is not key=value");
        }
        options[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return options;
}

void check_option_keys_for_any_format(const FormatOptions& options, OptionDirection direction) {
    std::vector<OptionUser> users;
    for (const Format* format : builtin_formats().all()) {
        if (direction != OptionDirection::write && format->reader) {
            users.push_back({&format->info, OptionDirection::read});
        }
        if (direction != OptionDirection::read && format->writer) {
            users.push_back({&format->info, OptionDirection::write});
        }
    }
    check_option_keys(options, users, builtin_formats());
}

void add_option_flags(CLI::App& command, OptionFlags& flags) {
    for (const Format* format : builtin_formats().all()) {
        for (const OptionInfo& option : format->info.options) {
            if (option.flag.empty()) continue;
            OptionFlag& flag = flags.emplace_back(OptionFlag{format, &option});
            command.add_flag(option.flag, flag.set,
                             format->info.name + " output: sets -O " + option.name + "=true (" +
                                 option.description + ")");
        }
    }
}

FormatOptions with_option_flags(FormatOptions options, const OptionFlags& flags,
                                const std::vector<const Format*>& outputs) {
    for (const OptionFlag& flag : flags) {
        if (!flag.set) continue;
        if (std::find(outputs.begin(), outputs.end(), flag.format) == outputs.end()) {
            throw UsageError(
                flag.option->flag + " applies to " + flag.format->info.name + " output",
                "add --to " + flag.format->info.name);
        }
        options[flag.option->name] = "true";
    }
    return options;
}

std::set<std::string> shown_codes(const Format& format, const FormatOptions& options) {
    std::set<std::string> codes;
    for (const OptionInfo& option : format.info.options) {
        if (options.contains(option.name))
            codes.insert(option.shown_codes.begin(), option.shown_codes.end());
    }
    return codes;
}

std::int64_t timestamp_for(const ReadOptions& options, const std::vector<std::string>& inputs) {
    std::optional<std::int64_t> explicit_timestamp;
    if (options.timestamp) {
        explicit_timestamp = parse_timestamp(*options.timestamp);
        if (!explicit_timestamp) {
            throw UsageError("--timestamp '" + *options.timestamp + "' is not a time",
                             "give seconds since the epoch or YYYY-MM-DDTHH:MM:SSZ");
        }
    }
    return resolve_timestamp(explicit_timestamp, inputs);
}

std::optional<ProjectSettings> load_project() {
    std::optional<std::filesystem::path> file = find_project_file(std::filesystem::current_path());
    if (!file) return std::nullopt;
    return read_project_file(*file, builtin_formats());
}

void add_search_options(CLI::App& command, DeckSearch& search) {
    command
        .add_option("--include", search.include,
                    "Only files matching this glob, relative to the folder given (`*`, `?`, "
                    "`[...]`, `**` for any depth); repeatable")
        ->allow_extra_args(false);
    command
        .add_option("--exclude", search.exclude,
                    "Leave out files matching this glob (as --include); repeatable")
        ->allow_extra_args(false);
}

DeckFiles select_decks(const std::vector<std::string>& inputs, const DeckSearch& search,
                       const std::optional<ProjectSettings>& project) {
    if (!inputs.empty()) return find_deck_files(inputs, builtin_formats(), search);
    if (!project) {
        throw UsageError("no decks given, and no " + std::string(kProjectFileName) +
                             " in this folder or above it (up to the repository root)",
                         "give deck files or folders, or write a deckport.toml (docs/ci.md)");
    }
    DeckSearch from_project = project->decks;
    if (!search.include.empty()) from_project.include = search.include;
    if (!search.exclude.empty()) from_project.exclude = search.exclude;
    std::error_code ec;
    std::filesystem::path root = std::filesystem::relative(project->root, ec);
    if (ec || root.empty()) root = project->root;
    return find_deck_files({root.string()}, builtin_formats(), from_project);
}

FormatOptions merged_options(const std::optional<ProjectSettings>& project,
                             const std::vector<std::string>& key_values) {
    FormatOptions options = project ? project->options : FormatOptions{};
    for (auto& [key, value] : parse_format_options(key_values)) options[key] = value;
    return options;
}

namespace {

// Reads `path` with its detected format; `before_reading` sees the format first (to refuse
// options nobody uses before any work is done).
Collection read_detected(const std::string& path, const ReadOptions& options,
                         std::int64_t timestamp, Diagnostics& diagnostics,
                         const FormatOptions& given,
                         const std::function<void(const Format&)>& before_reading) {
    Input input = read_input(path, limits_of(options));
    const Format& format = builtin_formats().detect_input(input, options.from);
    before_reading(format);
    ReadContext context = read_context(options, diagnostics, timestamp, given);
    return read_collection(format, input, context);
}

}  // namespace

void keep_until_exit(Collection collection) {
    static std::mutex lock;
    static auto* kept = new std::vector<Collection>();
    std::lock_guard<std::mutex> hold(lock);
    kept->push_back(std::move(collection));
}

Collection read_one(const std::string& path, const ReadOptions& options, std::int64_t timestamp,
                    Diagnostics& diagnostics, const FormatOptions* given,
                    const std::vector<const Format*>& outputs) {
    FormatOptions from_command_line = parse_format_options(options.format_options);
    if (!given) given = &from_command_line;
    return read_detected(path, options, timestamp, diagnostics, *given, [&](const Format& format) {
        std::vector<OptionUser> users{{&format.info, OptionDirection::read}};
        for (const Format* output : outputs)
            users.push_back({&output->info, OptionDirection::write});
        check_option_keys(*given, users, builtin_formats());
    });
}

Collection read_one_unchecked(const std::string& path, const ReadOptions& options,
                              std::int64_t timestamp, Diagnostics& diagnostics,
                              const FormatOptions& given) {
    return read_detected(path, options, timestamp, diagnostics, given, [](const Format&) {});
}

}  // namespace deckport::cli
