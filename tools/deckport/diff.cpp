// deckport diff A B [--json]: what changed between two decks, in any formats.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "deckport/diff.hpp"

namespace deckport::cli {
namespace {

struct DiffOptions {
    std::string a;
    std::string b;
    bool json = false;
    ReadOptions read;
};

ExitCode run(const DiffOptions& o, const GlobalOptions& global) {
    std::int64_t timestamp = timestamp_for(o.read, {o.a, o.b});
    Diagnostics diagnostics;
    // The two decks may be of different formats: a key must be one that some reader takes.
    FormatOptions given = parse_format_options(o.read.format_options);
    check_option_keys_for_any_format(given, OptionDirection::read);
    Collection a = read_one_unchecked(o.a, o.read, timestamp, diagnostics, given);
    Collection b = read_one_unchecked(o.b, o.read, timestamp, diagnostics, given);
    print_diagnostics(diagnostics.all(), global);
    if (diagnostics.has_errors()) return ExitCode::invalid_input;
    CollectionDiff diff = diff_collections(a, b);
    if (o.json) {
        std::cout << diff_to_json(diff, o.a, o.b).dump(2) << '\n';
    } else {
        std::cout << diff_to_text(diff, o.a, o.b);
    }
    return diff.empty() ? ExitCode::ok : ExitCode::check_failed;
}

}  // namespace

void add_diff_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* command = app.add_subcommand(
        "diff", "Show what changed between two decks: notes added, removed and changed");
    command->add_option("a", options->a, "The old deck")->required();
    command->add_option("b", options->b, "The new deck")->required();
    command->add_flag("--json", options->json, "Print JSON");
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
