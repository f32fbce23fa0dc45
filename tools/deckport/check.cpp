// deckport check FILE|DIR... : reader diagnostics, format invariants and lint rules, for CI.
#include <iostream>
#include <set>

#include "cli.hpp"
#include "deckport/codes.hpp"
#include "deckport/deck_files.hpp"
#include "deckport/lint.hpp"

namespace deckport::cli {
namespace {

struct CheckOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::string fail_on = "error";
    std::string format = "human";
    std::size_t max_field_bytes = LintSettings{}.max_field_bytes;
    ReadOptions read;
};

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

LintSettings lint_settings(const CheckOptions& o) {
    LintSettings settings;
    settings.max_field_bytes = o.max_field_bytes;
    for (const std::string& code : o.enable) settings.enabled.insert(upper(code));
    for (const std::string& code : o.disable) settings.disabled.insert(upper(code));
    for (const std::string& code : unknown_lint_codes(settings.enabled)) {
        throw UsageError("--enable " + code + ": no lint rule has this code",
                         "`deckport explain --list` lists the codes");
    }
    CodeRegistry codes = documented_codes(builtin_formats());
    for (const std::string& code : settings.disabled) {
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
        ReadContext context{diagnostics, parse_format_options(o.read.format_options), limits,
                            timestamp};
        return check_input(format, input, context, settings);
    } catch (const UsageError&) {
        throw;
    } catch (const Error& e) {
        return {e.diagnostic()};
    }
}

ExitCode run(const CheckOptions& o, const GlobalOptions& global) {
    Severity fail_on = o.fail_on == "warning" ? Severity::warning : Severity::error;
    LintSettings settings = lint_settings(o);
    Limits limits = limits_of(o.read);
    std::vector<std::string> files = expand_deck_inputs(o.inputs, builtin_formats());
    std::int64_t timestamp = timestamp_for(o.read, files);
    DiagnosticPrinter printer(std::cout, report_format(o.format), global);
    std::size_t errors = 0, warnings = 0;
    bool failed = false;
    for (const std::string& file : files) {
        for (const Diagnostic& d : check_one(file, o, settings, limits, timestamp)) {
            printer.print(d);
            if (d.severity == Severity::error) ++errors;
            if (d.severity == Severity::warning) ++warnings;
            if (d.severity >= fail_on) failed = true;
        }
    }
    if (o.format == "human" && !global.quiet) {
        std::cerr << "checked " << files.size() << (files.size() == 1 ? " deck: " : " decks: ")
                  << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning\n" : " warnings\n");
    }
    return failed ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace

void add_check_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Validate decks: reader errors, format invariants and lint rules (for CI)");
    command
        ->add_option("inputs", options->inputs,
                     "Deck files, or folders to search for every supported extension")
        ->required();
    command->add_option("--enable", options->enable, "Run a lint rule that is off by default");
    command->add_option("--disable", options->disable, "Do not report this code");
    command
        ->add_option("--fail-on", options->fail_on,
                     "Fail (exit 5) on errors only, or on warnings too (default: error)")
        ->check(CLI::IsMember({"warning", "error"}));
    command->add_option("--max-field-bytes", options->max_field_bytes,
                        "LINT011: the largest field that passes");
    add_report_option(*command, options->format);
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
