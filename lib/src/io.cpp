#include "deckport/io.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <system_error>

#include "deckport/error.hpp"

namespace deckport {
namespace fs = std::filesystem;

namespace {

// `expected_bytes`: the size to reserve (a regular file's size), so that a large input is held
// once rather than in a buffer that doubled past it.
std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_bytes,
                        std::uint64_t expected_bytes = 0) {
    std::string bytes;
    // One byte more than expected: reading to the end needs no reallocation.
    bytes.reserve(static_cast<std::size_t>(std::min(expected_bytes, max_bytes) + 1));
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bytes) {
            throw IoError(
                "IO003", name,
                "input is larger than the limit of " + std::to_string(max_bytes) + " bytes");
        }
    }
    if (in.bad()) throw IoError("IO001", name, "cannot read: " + errno_text());
    return bytes;
}

}  // namespace

fs::path Input::base_dir() const {
    if (path.empty()) return fs::current_path();
    if (is_directory) return path;
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

Input read_input(const std::string& path_or_dash, const Limits& limits) {
    Input input;
    if (path_or_dash == "-") {
        input.display_name = "<stdin>";
        input.bytes = read_stream(std::cin, input.display_name, limits.max_input_bytes);
        return input;
    }
    input.display_name = path_or_dash;
    input.path = path_or_dash;
    std::error_code ec;
    auto status = fs::status(input.path, ec);
    if (ec || !fs::exists(status)) {
        throw IoError("IO001", path_or_dash, "no such file or folder");
    }
    if (fs::is_directory(status)) {
        input.is_directory = true;
        return input;
    }
    input.bytes = read_file(input.path, limits.max_input_bytes);
    return input;
}

Input input_from_memory(std::string display_name, std::string bytes) {
    Input input;
    input.display_name = std::move(display_name);
    input.bytes = std::move(bytes);
    return input;
}

std::string read_file(const fs::path& path, std::uint64_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("IO001", path.string(), "cannot open: " + errno_text());
    std::error_code ec;
    std::uint64_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
    return read_stream(in, path.string(), max_bytes, ec ? 0 : size);
}

}  // namespace deckport
