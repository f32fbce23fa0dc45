// Reading inputs (`-` is stdin) within Limits. Outputs: deckport/output.hpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/limits.hpp"

namespace deckport {

// One input: its bytes in memory (or, for a folder format, its path).
struct Input {
    std::string display_name;  // the path as given, or "<stdin>"
    std::filesystem::path path;  // empty for stdin
    std::string bytes;
    bool is_directory = false;

    std::filesystem::path base_dir() const;  // where relative media paths resolve
};

// Reads a path, `-` (stdin) or a folder. Throws IoError.
Input read_input(const std::string& path_or_dash, const Limits& limits = {});
Input input_from_memory(std::string display_name, std::string bytes);

std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace deckport
