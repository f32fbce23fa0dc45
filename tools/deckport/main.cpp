// deckport: converts flashcard decks between formats and proves every conversion.
#include <iostream>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.hpp"

using namespace deckport;

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // Buffers of 1 MiB and more are mapped, and given back when freed. By default glibc raises
    // this threshold to the largest buffer freed so far (such as the input file), after
    // which vectors growing by doubling are carved from the heap and leave holes it cannot give
    // back: 33 MiB more peak memory for md -> apkg at 100,000 cards.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    CLI::App app{
        "deckport: convert flashcard decks between markdown, Anki, CSV, JSON, Mochi and "
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
