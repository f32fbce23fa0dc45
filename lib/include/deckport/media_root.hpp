// The media root: the one folder that a deck's media references may be read from. By default it
// is the deck file's folder (the folder of the path as given, even when the deck file is a
// symbolic link); `--media-root DIR` widens it. A reference is looked up beside the deck, then
// in `<deck stem>.media/` beside it. Absolute paths, `..` that climbs out of the root and
// symbolic links whose target lies outside it are refused, and nothing is read for them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport {

enum class MediaRefusal {
    absolute,         // `/x`, `C:\x`
    escapes,          // `..` climbs out of the media root
    symlink_escapes,  // a symbolic link leads out of the media root
    unsafe_name,      // NUL or another control character, or a backslash
};
// "is an absolute path", "leaves the media root", ...
const char* media_refusal_text(MediaRefusal refusal);

struct MediaLookup {
    enum class Outcome { found, refused, missing };
    Outcome outcome = Outcome::missing;
    std::optional<MediaRefusal> refusal;  // when refused
    std::filesystem::path path;           // when found: canonical, inside the root
    std::string name;  // when found: the reference as found (percent-decoded if it had to
                       // be), without `./` parts
    std::uintmax_t size = 0;
    std::string problem;  // when missing: "does not exist", "is a folder, not a file", ...
    std::vector<std::filesystem::path> tried;  // the places looked at, for messages
};

class MediaRoot {
  public:
    // `root`: nothing outside it is read. `dirs`: folders references are looked up in, in
    // order; a reference that climbs with `..` is looked up in the first only. Files larger
    // than `max_bytes` are not taken.
    MediaRoot(const std::filesystem::path& root, const std::vector<std::filesystem::path>& dirs,
              std::uint64_t max_bytes = UINT64_MAX);

    // For a deck in `folder` (the folder of the deck file as given on the command line, or a
    // folder format's own folder): references are looked up in it, then in `media_folder`
    // inside it (`<stem>.media`, empty for none). The root is `root_option`, or `folder` when
    // that is empty.
    static MediaRoot for_deck(const std::filesystem::path& folder, const std::string& media_folder,
                              const std::filesystem::path& root_option,
                              std::uint64_t max_bytes = UINT64_MAX);

    // Looks `target` up as written, then percent-decoded. Lexical checks come first (nothing
    // is touched on disk for an absolute or escaping path), then the path is resolved with
    // every symbolic link followed and must still lie inside the root.
    MediaLookup resolve(std::string_view target) const;

    const std::filesystem::path& root() const { return root_; }
    // The folders references are looked up in, in order (the deck's folder first).
    const std::vector<std::filesystem::path>& dirs() const { return dirs_; }
    // False when the deck's own folder is outside the root (`--media-root` elsewhere).
    bool deck_inside_root() const { return dirs_inside_; }
    // Whether `path` (canonical) lies in the root.
    bool contains(const std::filesystem::path& canonical) const;

  private:
    std::filesystem::path root_;               // weakly canonical
    std::vector<std::filesystem::path> dirs_;  // weakly canonical
    std::uint64_t max_bytes_;
    bool dirs_inside_ = true;
};

// `<stem>.media`: the folder beside a deck file that holds its media. The stem is the file
// name without the first of `extensions` it ends with (case-insensitive; `deck.quizlet.txt`
// -> `deck`), else without its last extension.
std::string media_folder_name(const std::filesystem::path& deck,
                              const std::vector<std::string>& extensions);

}  // namespace deckport
