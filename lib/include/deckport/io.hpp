// Reading inputs and writing outputs: `-` is stdin/stdout, files are written atomically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace deckport {

// Bounds that keep hostile input from exhausting memory.
struct Limits {
    std::uint64_t max_input_bytes = 2ull << 30;         // one input file
    std::uint64_t max_decompressed_bytes = 4ull << 30;  // everything taken out of one archive
    std::uint64_t max_member_bytes = 2ull << 30;        // one archive member
    std::uint32_t max_nesting = 256;                    // JSON/markup nesting depth
};

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

// The files a writer produces: one unnamed file for single-file formats, or named files
// relative to an output folder.
struct OutputFile {
    std::string relative_path;  // empty for the single file of a single-file format
    std::string bytes;
};
struct Output {
    std::vector<OutputFile> files;
    bool is_directory = false;

    static Output single(std::string bytes);
};

struct WritePolicy {
    bool force = false;  // replace an existing output
    std::vector<std::filesystem::path> inputs;  // never overwritten, even with force
};

// Writes to `-` (stdout) or a path: through a temporary file (or folder) in the same folder,
// renamed into place, so a failed run leaves no partial output. Throws IoError,
// OutputExistsError, UsageError (when the output is an input).
void write_output(const std::string& path_or_dash, const Output& output, const WritePolicy& policy);

// Writes bytes to a file atomically (temporary file + fsync + rename).
void atomic_write_file(const std::filesystem::path& path, std::string_view bytes, bool force);

std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace deckport
