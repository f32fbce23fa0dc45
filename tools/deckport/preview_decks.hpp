// Shared by `deckport preview` and its --serve mode: reading the decks with `check`'s
// diagnostics, and the page options from the command line.
#pragma once

#include <string>
#include <vector>

#include "cli.hpp"
#include "deckport/preview.hpp"

namespace deckport::cli {

struct PreviewCommandOptions {
    std::vector<std::string> inputs;
    std::optional<std::string> output;
    bool force = false;
    bool link_media = false;
    bool run_card_scripts = false;
    bool no_check = false;
    bool serve = false;
    int port = 8765;
    std::optional<std::string> title;
    ReadOptions read;
};

struct LoadedDecks {
    std::vector<PreviewInput> inputs;
    std::vector<Diagnostic> reader_errors;  // an input the page cannot be made from
};

// Reads every deck (and, unless --no-check, runs `check` on it). A deck that cannot be read,
// or whose reader reports errors, goes to reader_errors.
LoadedDecks load_preview_decks(const std::vector<std::string>& files,
                               const PreviewCommandOptions& options, std::int64_t timestamp);

// The page options: Debian's JavaScript folder (or $DECKPORT_JAVASCRIPT_DIR), the title.
PreviewOptions preview_page_options(const PreviewCommandOptions& options);

// deckport preview --serve: serves the page on 127.0.0.1 and rebuilds it when a deck changes.
ExitCode serve_preview(const PreviewCommandOptions& options, const std::vector<std::string>& files,
                       const GlobalOptions& global);

}  // namespace deckport::cli
