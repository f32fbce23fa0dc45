#include "deckport/deck_files.hpp"

#include <algorithm>
#include <filesystem>

#include "deckport/error.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

bool is_folder_deck(const fs::path& dir, const FormatRegistry& registry) {
    Input input;
    input.display_name = dir.string();
    input.path = dir;
    input.is_directory = true;
    for (const Format* format : registry.all()) {
        if (format->info.directory && format->reader && format->reader->probe(input) > 0) {
            return true;
        }
    }
    return false;
}

bool is_deck_file(const fs::path& file, const FormatRegistry& registry) {
    const Format* format = registry.find_by_extension(file.string());
    return format && format->reader && !format->info.directory;
}

void walk(const fs::path& dir, const FormatRegistry& registry, std::vector<std::string>& out) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().filename().string().starts_with(".")) continue;
        entries.push_back(entry.path());
    }
    if (ec) throw IoError("IO001", dir.string(), "cannot list the folder: " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) {
        if (fs::is_directory(entry, ec)) {
            if (is_folder_deck(entry, registry)) {
                out.push_back(entry.string());
            } else {
                walk(entry, registry, out);
            }
        } else if (fs::is_regular_file(entry, ec) && is_deck_file(entry, registry)) {
            out.push_back(entry.string());
        }
    }
}

}  // namespace

std::vector<std::string> expand_deck_inputs(const std::vector<std::string>& inputs,
                                            const FormatRegistry& registry) {
    std::vector<std::string> out;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            if (input != "-" && !fs::exists(input, ec)) {
                throw IoError("IO001", input, "no such file or folder");
            }
            out.push_back(input);
        } else if (is_folder_deck(input, registry)) {
            out.push_back(input);
        } else {
            walk(input, registry, out);
        }
    }
    return out;
}

}  // namespace deckport
