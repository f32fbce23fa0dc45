// The project file `deckport.toml`: defaults for `check` and `roundtrip` kept in the
// repository, so that CI needs one command (`deckport check` with no arguments).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "deckport/deck_files.hpp"
#include "deckport/format.hpp"

namespace deckport {

inline constexpr const char* kProjectFileName = "deckport.toml";

struct ProjectSettings {
    std::filesystem::path file;  // the deckport.toml that was read
    std::filesystem::path root;  // its folder: globs are relative to it
    DeckSearch decks;            // [decks] include, exclude
    FormatOptions options;       // [options]: defaults for -O
    struct Check {
        std::optional<std::string> fail_on;  // "error" or "warning"
        std::vector<std::string> enable;
        std::vector<std::string> disable;
        std::optional<std::size_t> max_field_bytes;
    } check;
    struct Roundtrip {
        std::optional<bool> strict;
        std::vector<std::string> via;
    } roundtrip;
};

// The project file that applies in `start`: deckport.toml in `start` or the nearest folder
// above it, looking no higher than the first folder that holds `.git` (the repository root).
std::optional<std::filesystem::path> find_project_file(const std::filesystem::path& start);

// Reads a project file with toml++. Throws Error (exit code 2, usage) with code CFG001 for a
// TOML syntax error, CFG002 for an unknown table or key (with a did-you-mean; option keys must
// be declared by some format in `registry`), CFG003 for a value of the wrong type or out of
// range, each at its line and column.
ProjectSettings read_project_file(const std::filesystem::path& file,
                                  const FormatRegistry& registry);

std::vector<CodeInfo> project_codes();

}  // namespace deckport
