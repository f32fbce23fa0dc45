// deckport preview DECK... -o preview.html [--link-media] | --serve [--port N]
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "deckport/deck_files.hpp"
#include "deckport/lint.hpp"
#include "preview_decks.hpp"

namespace deckport::cli {
namespace {

namespace fs = std::filesystem;

// `preview.html` -> `preview.media`, next to the page.
std::string media_folder_for(const std::string& output) {
    return fs::path(output).stem().string() + ".media";
}

void write_linked_media(const std::string& output, const PreviewPage& page) {
    fs::path base = fs::path(output).parent_path();
    for (const LinkedMedia& linked : page.linked_media) {
        fs::path target = base / linked.relative_path;
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            throw IoError("IO002", target.parent_path().string(),
                          "cannot create folder: " + ec.message());
        const std::string& bytes = linked.file->bytes();
        // Named by content: an existing file of that name holds these bytes already.
        if (fs::exists(target, ec) && fs::file_size(target, ec) == bytes.size()) continue;
        atomic_write_file(target, bytes, true);
    }
}

ExitCode run(const PreviewCommandOptions& o, const GlobalOptions& global) {
    std::vector<std::string> files = expand_deck_inputs(o.inputs, builtin_formats());
    if (o.serve) {
        if (o.output) throw UsageError("--serve shows the page in a browser: leave out -o");
        if (o.link_media) throw UsageError("--serve always inlines media: leave out --link-media");
        return serve_preview(o, files, global);
    }
    if (!o.output) throw UsageError("no output given", "give -o preview.html, or --serve");
    if (o.link_media && *o.output == "-")
        throw UsageError("--link-media writes files next to the page: give -o FILE");
    std::int64_t timestamp = timestamp_for(o.read, files);
    LoadedDecks decks = load_preview_decks(files, o, timestamp);
    if (!decks.reader_errors.empty()) {
        print_diagnostics(decks.reader_errors, global);
        return ExitCode::invalid_input;
    }
    PreviewOptions options = preview_page_options(o);
    if (o.link_media) options.media_folder = media_folder_for(*o.output);
    Diagnostics diagnostics;
    PreviewPage page = build_preview(decks.inputs, options, diagnostics);
    print_diagnostics(diagnostics.all(), global);

    WritePolicy policy;
    policy.force = o.force;
    for (const std::string& file : files) {
        if (file != "-") policy.inputs.emplace_back(file);
    }
    write_output(*o.output, Output::single(page.html), policy);
    if (o.link_media) write_linked_media(*o.output, page);
    if (!global.quiet && *o.output != "-") {
        std::size_t problems = 0;
        for (const PreviewInput& input : decks.inputs) problems += input.diagnostics.size();
        std::cerr << "wrote " << *o.output << ": " << page.cards
                  << (page.cards == 1 ? " card" : " cards") << " of " << page.notes
                  << (page.notes == 1 ? " note" : " notes") << " from " << files.size()
                  << (files.size() == 1 ? " deck" : " decks") << ", " << problems
                  << (problems == 1 ? " problem" : " problems") << " shown, "
                  << (page.html.size() + 512) / 1024 << " KiB\n";
    }
    return ExitCode::ok;
}

}  // namespace

LoadedDecks load_preview_decks(const std::vector<std::string>& files,
                               const PreviewCommandOptions& o, std::int64_t timestamp) {
    LoadedDecks decks;
    for (const std::string& file : files) {
        try {
            Input input = read_input(file);
            const Format& format = builtin_formats().detect_input(input, o.read.from);
            Diagnostics read_diagnostics;
            ReadContext context{read_diagnostics, parse_format_options(o.read.format_options),
                                Limits{}, timestamp};
            PreviewInput deck{input.display_name, read_collection(format, input, context), {}};
            for (const Diagnostic& d : read_diagnostics.all()) {
                if (d.severity == Severity::error) decks.reader_errors.push_back(d);
            }
            if (o.no_check) {
                deck.diagnostics = read_diagnostics.all();
            } else {
                Diagnostics check_diagnostics;
                ReadContext check_context{check_diagnostics, context.options, Limits{}, timestamp};
                deck.diagnostics = check_input(format, input, check_context, LintSettings{});
            }
            decks.inputs.push_back(std::move(deck));
        } catch (const UsageError&) {
            throw;
        } catch (const Error& e) {
            decks.reader_errors.push_back(e.diagnostic());
        }
    }
    return decks;
}

PreviewOptions preview_page_options(const PreviewCommandOptions& o) {
    PreviewOptions options;
    if (const char* dir = std::getenv("DECKPORT_JAVASCRIPT_DIR"); dir && *dir)
        options.javascript_dir = dir;
    options.run_card_scripts = o.run_card_scripts;
    options.title = o.title.value_or("");
    options.generator = std::string("deckport ") + DECKPORT_VERSION;
    return options;
}

void add_preview_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<PreviewCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "preview",
        "Write one HTML page showing every card as Anki renders it (or serve it with --serve)");
    command->add_option("inputs", options->inputs, "Deck files, or folders to search for decks")
        ->required();
    command->add_option("-o,--output", options->output, "The HTML file to write, or - for stdout");
    command->add_flag("-f,--force", options->force, "Replace an existing output");
    command->add_flag("--link-media", options->link_media,
                      "Write media files into a folder next to the page (NAME.media) and link "
                      "them, instead of embedding them");
    command->add_flag("--run-card-scripts", options->run_card_scripts,
                      "Let <script>s of the cards run (they are inert by default)");
    command->add_flag("--no-check", options->no_check,
                      "Do not run `check`: show only what the reader reports");
    command->add_option("--title", options->title, "The page's title (default: the inputs)");
    CLI::Option* serve =
        command->add_flag("--serve", options->serve,
                          "Serve the page on http://127.0.0.1 and reload it when a deck changes");
    command
        ->add_option("--port", options->port,
                     "The port for --serve (default 8765; 0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->needs(serve);
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
