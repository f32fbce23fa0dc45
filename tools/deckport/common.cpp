#include <iostream>

#include "cli.hpp"
#include "deckport/clock.hpp"

namespace deckport::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const GlobalOptions& global) {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::note && global.verbosity == 0) continue;
        if (d.severity == Severity::warning && global.quiet) continue;
        std::cerr << format_diagnostic(d) << '\n';
        if (!d.hint.empty() && global.verbosity > 0) std::cerr << "  hint: " << d.hint << '\n';
    }
}

void add_read_options(CLI::App& command, ReadOptions& options) {
    command.add_option("--from", options.from, "Input format (default: from the extension and content)");
    command.add_option("--timestamp", options.timestamp,
                       "Creation and modification time of the output: seconds since the epoch or "
                       "YYYY-MM-DDTHH:MM:SSZ (default: SOURCE_DATE_EPOCH, else the newest input's "
                       "modification time)");
    command.add_option("-O,--option", options.format_options,
                       "A format option as key=value (see `deckport formats`)");
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
    Input input = read_input(path);
    const Format& format = builtin_formats().detect_input(input, options.from);
    ReadContext context{diagnostics, parse_format_options(options.format_options), Limits{},
                        timestamp};
    return read_collection(format, input, context);
}

}  // namespace deckport::cli
