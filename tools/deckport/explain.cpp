// deckport explain CODE | --list: what a diagnostic code means and how to fix it.
#include <iostream>

#include "cli.hpp"
#include "deckport/codes.hpp"

namespace deckport::cli {
namespace {

struct ExplainOptions {
    std::string code;
    bool list = false;
};

ExitCode run(const ExplainOptions& o) {
    CodeRegistry codes = documented_codes(builtin_formats());
    if (o.list) {
        for (const CodeInfo& info : codes.all()) {
            std::cout << info.code << "  " << severity_name(info.severity) << "  " << info.summary
                      << '\n';
        }
        return ExitCode::ok;
    }
    if (o.code.empty()) throw UsageError("give a code, such as LINT002, or --list");
    const CodeInfo* info = codes.find(o.code);
    if (!info) {
        throw UsageError("no diagnostic has the code '" + o.code + "'",
                         "`deckport explain --list` lists the codes");
    }
    std::cout << info->code << " (" << severity_name(info->severity) << "): " << info->summary
              << "\n\n"
              << info->explanation << '\n';
    return ExitCode::ok;
}

}  // namespace

void add_explain_command(CLI::App& app, const GlobalOptions&, Action& action) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App* command =
        app.add_subcommand("explain", "Explain a diagnostic code (LINT002, RT004, ...)");
    command->add_option("code", options->code, "The code, as printed in brackets");
    command->add_flag("--list", options->list, "List every documented code");
    command->callback([options, &action] { action = [options] { return run(*options); }; });
}

}  // namespace deckport::cli
