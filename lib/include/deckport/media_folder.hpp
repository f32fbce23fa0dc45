// Media out: the collection's media files written into a folder beside a text output (markdown,
// CSV, Quizlet, JSON with media=list), `<output stem>.media/` by default. File names are kept
// (fields keep referring to `red.png`), and readers look references up in that folder. Each
// file is written atomically; an identical file already there is left alone, a different one
// is replaced only with --force, and nothing else in the folder is ever touched.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport {

struct MediaFolderPolicy {
    bool force = false;                         // replace a file whose bytes differ
    std::vector<std::filesystem::path> inputs;  // never replaced, even with force
    // The output's folder: a file already there under its name with the same bytes (a deck
    // written next to its own media) is found by readers before the media folder, so it is
    // not copied.
    std::filesystem::path output_folder = {};
};

struct MediaFolderPlan {
    struct Write {
        const MediaFile* file = nullptr;
        std::filesystem::path target;
    };
    std::filesystem::path dir;
    std::vector<Write> writes;  // new files, and different ones replaced under force
    std::size_t unchanged = 0;  // already there (or beside the output) with the same bytes
    std::size_t left_out = 0;   // names that cannot be a path in the folder (MEDIA004)
};

// Decides what writing the collection's media into `dir` does, before anything is written:
// names that are not a relative path inside the folder are left out (MEDIA004, a warning); a
// file that exists with other bytes needs `force` (OutputExistsError, exit 4); a symbolic
// link, a folder or an input in the way is an IoError or a UsageError. Reads every file's bytes
// (IoError when one cannot be read).
MediaFolderPlan plan_media_folder(const Collection& collection, const std::filesystem::path& dir,
                                  const MediaFolderPolicy& policy, Diagnostics& diagnostics);

// Writes what the plan says, each file atomically (temporary file, then rename).
void write_media_folder(const MediaFolderPlan& plan);

// `<stem>.media` beside `output`, the stem being the file name without the first of
// `extensions` it ends with (see media_folder_name in deckport/media_root.hpp).
std::filesystem::path default_media_dir(const std::filesystem::path& output,
                                        const std::vector<std::string>& extensions);

}  // namespace deckport
