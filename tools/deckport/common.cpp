#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

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
    : out_(out), format_(format), global_(global), colour_(colour_wanted(out)) {}

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

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global) {
    DiagnosticPrinter(std::cerr, ReportFormat::human, global).print(diagnostics);
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
                       "YYYY-MM-DDTHH:MM:SSZ (default: SOURCE_DATE_EPOCH, else the newest input's "
                       "modification time)");
    command.add_option("-O,--option", options.format_options,
                       "A format option as key=value (see `deckport formats`)");
    std::string limits;
    for (const LimitInfo& info : limit_infos()) {
        limits += (limits.empty() ? "" : ", ") + info.name + " (" +
                  limit_text(info, info.get(Limits{})) + ")";
    }
    command.add_option("--limit", options.limits,
                       "Raise a safety limit, as name=value with K/M/G for sizes; the limits and "
                       "their defaults: " +
                           limits);
}

Limits limits_of(const ReadOptions& options) {
    Limits limits;
    apply_limit_settings(limits, options.limits);
    return limits;
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

Collection read_one(const std::string& path, const ReadOptions& options, std::int64_t timestamp,
                    Diagnostics& diagnostics) {
    Limits limits = limits_of(options);
    Input input = read_input(path, limits);
    const Format& format = builtin_formats().detect_input(input, options.from);
    ReadContext context{diagnostics, parse_format_options(options.format_options), limits,
                        timestamp};
    return read_collection(format, input, context);
}

}  // namespace deckport::cli
