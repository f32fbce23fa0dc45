// Where each input's output goes when several inputs are converted into one --out-dir: planned
// before anything is read or written, so that two inputs never share an output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace deckport {

struct PlannedOutput {
    std::string input;   // as given on the command line
    std::string output;  // the path the output is written to
};

// Each input's output mirrors the input's place relative to the inputs' deepest common folder,
// under `out_dir`, with its stem and `extension` (empty for a folder format):
// `nest/a/deck.md nest/b/deck.md` -> `o/a/deck.json o/b/deck.json`. A folder input ("deck/")
// is named after the folder. `walked_folders` are the folders the inputs were found in by a
// folder walk (`convert decks/`): the layout is relative to them as given, so that
// `decks/a/x.md` goes to `o/a/x.json` even when it is the only deck. Throws UsageError for stdin
// and when two inputs would still share an output (deck.md and deck.markdown in one folder),
// naming them; nothing is written.
std::vector<PlannedOutput> plan_outputs(const std::vector<std::string>& inputs,
                                        const std::filesystem::path& out_dir,
                                        const std::string& extension,
                                        const std::vector<std::string>& walked_folders = {});

// Throws UsageError when two entries of `plan` (the plans of several output formats together)
// write one output, naming the inputs.
void refuse_shared_outputs(const std::vector<PlannedOutput>& plan);

}  // namespace deckport
