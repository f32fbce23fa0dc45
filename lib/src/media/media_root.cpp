#include "deckport/media_root.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <iterator>

#include "deckport/media_refs.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

fs::path canonical_folder(const fs::path& folder) {
    std::error_code ec;
    fs::path absolute = fs::absolute(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) absolute = folder;
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : canonical;
}

// Whether `path` is `root` or lies below it, part by part (`/a/bc` is not below `/a/b`).
bool below(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (r->empty() && std::next(r) == root.end()) return true;  // a trailing separator
        if (p == path.end() || *p != *r) return false;
    }
    return true;
}

std::optional<MediaRefusal> lexical_refusal(std::string_view target) {
    for (unsigned char c : target) {
        if (c < 0x20 || c == 0x7f || c == '\\') return MediaRefusal::unsafe_name;
    }
    if (target.starts_with("/")) return MediaRefusal::absolute;
    if (target.size() >= 2 && target[1] == ':' &&
        std::isalpha(static_cast<unsigned char>(target[0])))
        return MediaRefusal::absolute;
    return std::nullopt;
}

}  // namespace

const char* media_refusal_text(MediaRefusal refusal) {
    switch (refusal) {
        case MediaRefusal::absolute:
            return "is an absolute path";
        case MediaRefusal::escapes:
            return "leaves the media root";
        case MediaRefusal::symlink_escapes:
            return "is a symbolic link that leads out of the media root";
        case MediaRefusal::unsafe_name:
            return "holds a backslash or a control character";
    }
    return "is refused";
}

MediaRoot::MediaRoot(const fs::path& root, const std::vector<fs::path>& dirs,
                     std::uint64_t max_bytes)
    : root_(canonical_folder(root)), max_bytes_(max_bytes) {
    for (const fs::path& dir : dirs) {
        dirs_.push_back(canonical_folder(dir));
        if (dirs_.size() == 1) dirs_inside_ = below(dirs_.front(), root_);
    }
}

MediaRoot MediaRoot::for_deck(const fs::path& folder, const std::string& media_folder,
                              const fs::path& root_option, std::uint64_t max_bytes) {
    std::vector<fs::path> dirs{folder};
    if (!media_folder.empty()) dirs.push_back(folder / media_folder);
    return MediaRoot(root_option.empty() ? folder : root_option, dirs, max_bytes);
}

bool MediaRoot::contains(const fs::path& canonical) const {
    return below(canonical, root_);
}

MediaLookup MediaRoot::resolve(std::string_view target) const {
    MediaLookup result;
    std::vector<std::string> candidates{std::string(target)};
    std::string decoded = percent_decode(target);
    if (decoded != target) candidates.push_back(decoded);
    if (target.empty()) {
        result.problem = "is empty";
        return result;
    }
    std::optional<MediaRefusal> refusal;
    std::string problem;
    for (const std::string& candidate : candidates) {
        if (auto refused = lexical_refusal(candidate)) {
            refusal = refusal.value_or(*refused);
            continue;
        }
        fs::path relative = fs::path(candidate).lexically_normal();
        std::size_t tries = is_safe_relative_path(candidate) ? dirs_.size() : 1;
        for (std::size_t d = 0; d < tries && d < dirs_.size(); ++d) {
            fs::path path = (dirs_[d] / relative).lexically_normal();
            if (!below(path, root_)) {
                refusal = refusal.value_or(MediaRefusal::escapes);
                continue;
            }
            result.tried.push_back(path);
            std::error_code ec;
            fs::path real = fs::canonical(path, ec);
            if (ec) {
                if (ec.value() == ELOOP && problem.empty()) problem = "is a symbolic link loop";
                continue;
            }
            if (!below(real, root_)) {
                refusal = refusal.value_or(MediaRefusal::symlink_escapes);
                continue;
            }
            fs::file_status status = fs::status(real, ec);
            if (ec || !fs::is_regular_file(status)) {
                if (problem.empty()) {
                    problem = fs::is_directory(status) ? "is a folder, not a file"
                                                       : "is not a regular file";
                }
                continue;
            }
            std::uintmax_t size = fs::file_size(real, ec);
            if (ec || size > max_bytes_) {
                if (problem.empty()) {
                    problem =
                        "is larger than the limit of " + std::to_string(max_bytes_) + " bytes";
                }
                continue;
            }
            result.outcome = MediaLookup::Outcome::found;
            result.path = real;
            result.name = relative.generic_string();
            result.size = size;
            return result;
        }
    }
    if (refusal) {
        result.outcome = MediaLookup::Outcome::refused;
        result.refusal = refusal;
        return result;
    }
    result.problem = problem.empty() ? "does not exist" : problem;
    return result;
}

std::string media_folder_name(const fs::path& deck, const std::vector<std::string>& extensions) {
    std::string file = deck.filename().string();
    if (file.empty()) file = deck.parent_path().filename().string();
    std::string lower = file;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string stem;
    for (const std::string& extension : extensions) {
        if (lower.size() > extension.size() && lower.ends_with(extension)) {
            stem = file.substr(0, file.size() - extension.size());
            break;
        }
    }
    if (stem.empty()) stem = fs::path(file).stem().string();
    if (stem.empty() || stem == "." || stem == "..") return {};
    return stem + ".media";
}

}  // namespace deckport
