#include "deckport/deck_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "deckport/error.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

// What a folder search reads of a file to tell whether it is a deck: a first look, then the
// whole head when the first look does not show a deck.
constexpr std::size_t kFirstLookBytes = 4 * 1024;
constexpr std::size_t kHeadBytes = 64 * 1024;

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

const Format* deck_file_format(const fs::path& file, const FormatRegistry& registry) {
    const Format* format = registry.find_by_extension(file.string());
    return format && format->reader && !format->info.directory ? format : nullptr;
}

// The file's first `bytes` bytes (fewer when it is shorter). With `whole_lines`, a head that
// filled `bytes` ends at its last line break, so that no cut line is judged.
std::string head_of(const fs::path& file, std::size_t bytes, bool whole_lines = false) {
    std::ifstream in(file, std::ios::binary);
    std::string head(bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    if (whole_lines && head.size() == bytes) head.resize(head.rfind('\n') + 1);  // npos + 1 == 0
    return head;
}

bool wanted(const std::string& relative, const DeckSearch& search) {
    auto matches = [&](const std::string& pattern) { return glob_match(pattern, relative); };
    if (!search.include.empty() &&
        std::none_of(search.include.begin(), search.include.end(), matches)) {
        return false;
    }
    return std::none_of(search.exclude.begin(), search.exclude.end(), matches);
}

bool match_part(std::string_view pattern, std::string_view text);
std::vector<std::string_view> parts_of(std::string_view path);

// True when a path below the folder `dir` could match `pattern` (its leading parts match the
// folder's parts, or a `**` comes first).
bool may_match_below(const std::vector<std::string_view>& pattern, std::size_t p,
                     const std::vector<std::string_view>& dir, std::size_t t) {
    if (t == dir.size()) return true;
    if (p == pattern.size()) return false;
    if (pattern[p] == "**") return true;
    return match_part(pattern[p], dir[t]) && may_match_below(pattern, p + 1, dir, t + 1);
}

// False when no include glob can match anything in the folder: it is not walked.
bool may_hold_wanted(const std::string& dir, const DeckSearch& search) {
    if (search.include.empty()) return true;
    std::vector<std::string_view> parts = parts_of(dir);
    return std::any_of(search.include.begin(), search.include.end(), [&](const std::string& g) {
        return may_match_below(parts_of(g), 0, parts, 0) || glob_match(g, dir);
    });
}

class Walk {
  public:
    Walk(const FormatRegistry& registry, const DeckSearch& search, DeckFiles& out)
        : registry_(registry), search_(search), out_(out) {}

    void folder(const fs::path& root, const fs::path& dir) {
        // Entries keep the type the listing gave, so that telling folders from files takes no
        // stat per file (a deck's media folder may hold thousands).
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
            if (entry.path().filename().string().starts_with(".")) continue;
            entries.push_back(entry);
        }
        if (ec) throw IoError("IO001", dir.string(), "cannot list the folder: " + ec.message());
        std::sort(entries.begin(), entries.end());
        for (const fs::directory_entry& listed : entries) {
            const fs::path& entry = listed.path();
            std::string relative = entry.lexically_relative(root).generic_string();
            // `deckport check` in the project's root walks "."; "decks/a.md" reads better
            // than "./decks/a.md".
            std::string shown = root == fs::path(".") ? relative : entry.string();
            if (listed.is_directory(ec)) {
                if (!may_hold_wanted(relative, search_)) continue;  // build/ under a project
                if (!is_folder_deck(entry, registry_)) {
                    folder(root, entry);
                } else if (wanted(relative, search_)) {
                    out_.files.push_back(shown);
                }
            } else if (listed.is_regular_file(ec)) {
                file(entry, relative, shown);
            }
        }
    }

  private:
    void file(const fs::path& path, const std::string& relative, const std::string& shown) {
        const Format* format = deck_file_format(path, registry_);
        if (!format || !wanted(relative, search_)) return;
        Input head;
        head.display_name = shown;
        head.path = path;
        // Most decks say so in their first lines (front matter, a card separator): a look at
        // the first few kilobytes, and at the whole head only when they do not. In a batch this
        // is work done on one thread before the first job starts.
        head.bytes = head_of(path, kFirstLookBytes, true);
        std::string why = format->reader->why_not_a_deck(head);
        if (!why.empty()) {
            head.bytes = head_of(path, kHeadBytes, true);
            why = format->reader->why_not_a_deck(head);
        }
        if (!why.empty()) {
            out_.skipped.push_back({Severity::note, "FMT002",
                                    "skipped: not a " + format->info.name + " deck (" + why + ")",
                                    SourceLocation{shown},
                                    "name the file on the command line to read it anyway"});
            return;
        }
        out_.files.push_back(shown);
    }

    const FormatRegistry& registry_;
    const DeckSearch& search_;
    DeckFiles& out_;
};

// Matches one path part against one pattern part: `*`, `?` and `[...]` classes.
bool match_part(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
            continue;
        }
        if (p < pattern.size() && pattern[p] == '[') {
            std::size_t close = pattern.find(']', p + 2);
            if (close != std::string_view::npos) {
                std::string_view set = pattern.substr(p + 1, close - p - 1);
                bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
                if (negate) set.remove_prefix(1);
                bool found = false;
                for (std::size_t i = 0; i < set.size(); ++i) {
                    if (i + 2 < set.size() && set[i + 1] == '-') {
                        found = found || (set[i] <= text[t] && text[t] <= set[i + 2]);
                        i += 2;
                    } else {
                        found = found || set[i] == text[t];
                    }
                }
                if (found != negate) {
                    p = close + 1;
                    ++t;
                    continue;
                }
            } else if (text[t] == '[') {  // an unclosed `[` is itself
                ++p;
                ++t;
                continue;
            }
        } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
            continue;
        }
        if (star == std::string_view::npos) return false;
        p = star + 1;
        t = ++resume;
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<std::string_view> parts_of(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(start, slash - start);
        if (!part.empty() && part != ".") parts.push_back(part);
        start = slash + 1;
    }
    return parts;
}

bool match_parts(const std::vector<std::string_view>& pattern, std::size_t p,
                 const std::vector<std::string_view>& path, std::size_t t) {
    if (p == pattern.size()) return t == path.size();
    if (pattern[p] == "**") {
        // Any number of parts, none included.
        for (std::size_t skip = t; skip <= path.size(); ++skip) {
            if (match_parts(pattern, p + 1, path, skip)) return true;
        }
        return false;
    }
    return t < path.size() && match_part(pattern[p], path[t]) &&
           match_parts(pattern, p + 1, path, t + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_parts(parts_of(pattern), 0, parts_of(path), 0);
}

DeckFiles find_deck_files(const std::vector<std::string>& inputs, const FormatRegistry& registry,
                          const DeckSearch& search) {
    DeckFiles out;
    Walk walk(registry, search, out);
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            if (input != "-" && !fs::exists(input, ec)) {
                throw IoError("IO001", input, "no such file or folder");
            }
            out.files.push_back(input);
        } else if (is_folder_deck(input, registry)) {
            out.files.push_back(input);
        } else {
            walk.folder(input, input);
        }
    }
    return out;
}

std::vector<std::string> split_file_list(std::string_view list) {
    bool nul = list.find('\0') != std::string_view::npos;
    char separator = nul ? '\0' : '\n';
    std::vector<std::string> paths;
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find(separator, start);
        if (end == std::string_view::npos) end = list.size();
        std::string_view entry = list.substr(start, end - start);
        if (!nul && entry.ends_with('\r')) entry.remove_suffix(1);
        if (!entry.empty()) paths.emplace_back(entry);
        start = end + 1;
    }
    return paths;
}

std::vector<std::string> expand_deck_inputs(const std::vector<std::string>& inputs,
                                            const FormatRegistry& registry) {
    return find_deck_files(inputs, registry).files;
}

}  // namespace deckport
