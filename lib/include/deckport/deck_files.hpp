// Finding the decks under a folder: every file with an extension a readable format claims,
// and every folder that a folder format (CrowdAnki) recognises, in a deterministic order.
// `check`, `roundtrip` (and batch conversion) share it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/format.hpp"

namespace deckport {

// Which files of a walked folder are decks. Globs are shell-style (`*` and `?` within one path
// part, `[a-z]`/`[!a-z]` classes, `**` for any number of folders), matched against the path
// relative to the folder given on the command line (with `/`, whatever the system).
struct DeckSearch {
    std::vector<std::string> include;  // empty: every deck file
    std::vector<std::string> exclude;
};

struct DeckFiles {
    std::vector<std::string> files;  // the decks, in the order given, each folder sorted
    // Notes (FMT002) for files a folder walk left out because they are clearly not decks (a
    // README.md among markdown decks); shown at -v.
    std::vector<Diagnostic> skipped;
};

// Expands command-line inputs: a file or `-` stays as given (globs do not apply: it was asked
// for by name); a folder that a folder format recognises is one deck; any other folder is
// walked (hidden entries skipped) and yields the files whose extension a readable format
// claims, that the search's globs take, and that their format's reader does not call clearly
// not a deck (Reader::why_not_a_deck). Throws IoError for an input that does not exist.
DeckFiles find_deck_files(const std::vector<std::string>& inputs, const FormatRegistry& registry,
                          const DeckSearch& search = {});

// find_deck_files(...).files with the default search.
std::vector<std::string> expand_deck_inputs(const std::vector<std::string>& inputs,
                                            const FormatRegistry& registry);

// The paths of a file list (`--files-from`): NUL-separated when the list holds a NUL byte
// (`find -print0`), else one per line (a trailing CR is dropped). Empty entries are skipped;
// nothing else is trimmed, so names with spaces stay whole.
std::vector<std::string> split_file_list(std::string_view list);

// True when `path` (parts separated by `/`) matches the shell-style `pattern` (see DeckSearch).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace deckport
