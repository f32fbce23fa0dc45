// deckport: converts flashcard decks between formats and proves every conversion.
#include <iostream>

#include "cli.hpp"

using namespace deckport;

int main(int argc, char** argv) {
    CLI::App app{"deckport: convert flashcard decks between markdown, Anki, CSV, JSON, Mochi and "
                 "Quizlet, and prove every conversion by reading it back.",
                 "deckport"};
    app.set_version_flag("--version", std::string("deckport ") + DECKPORT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();

    cli::GlobalOptions global;
    app.add_flag("-q,--quiet", global.quiet, "Print errors only");
    app.add_flag("-v,--verbose", global.verbosity, "Print notes as well as warnings");

    cli::Action action;
    cli::add_convert_command(app, global, action);
    cli::add_inspect_command(app, global, action);
    cli::add_formats_command(app, global, action);
    cli::add_check_command(app, global, action);
    cli::add_roundtrip_command(app, global, action);
    cli::add_diff_command(app, global, action);
    cli::add_explain_command(app, global, action);
    cli::add_preview_command(app, global, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return static_cast<int>(ExitCode::usage);
    }

    try {
        return static_cast<int>(action());
    } catch (const Error& e) {
        cli::print_diagnostics({e.diagnostic()}, global);
        if (!e.diagnostic().hint.empty() && global.verbosity == 0) {
            std::cerr << "  hint: " << e.diagnostic().hint << '\n';
        }
        return static_cast<int>(e.exit_code());
    } catch (const std::exception& e) {
        std::cerr << "deckport: internal error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::internal);
    }
}
