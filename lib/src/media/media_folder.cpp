#include "deckport/media_folder.hpp"

#include <map>

#include "deckport/error.hpp"
#include "deckport/io.hpp"
#include "deckport/media_refs.hpp"
#include "deckport/media_root.hpp"
#include "deckport/output.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

// Whether `path` is a regular file (no link) holding exactly `bytes`.
bool holds(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    fs::file_status status = fs::symlink_status(path, ec);
    if (ec || !fs::is_regular_file(status)) return false;
    std::uintmax_t size = fs::file_size(path, ec);
    return !ec && size == bytes.size() && read_file(path, size) == bytes;
}

// Refuses links and non-folders on the way from `dir` down to `target` (both included), so
// that a file is never written through a link that leads somewhere else. Returns the status of
// `target`.
fs::file_status check_way(const fs::path& dir, const fs::path& relative, const fs::path& target) {
    std::error_code ec;
    fs::path at = dir;
    std::vector<fs::path> steps{dir};
    for (const fs::path& part : relative) steps.push_back(at /= part);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        fs::file_status status = fs::symlink_status(steps[i], ec);
        if (ec || !fs::exists(status)) return fs::file_status(fs::file_type::not_found);
        if (fs::is_symlink(status)) {
            throw IoError("IO002", steps[i].string(),
                          "is a symbolic link: media files are not written through links");
        }
        bool last = i + 1 == steps.size();
        if (!last && !fs::is_directory(status)) {
            throw IoError("IO002", steps[i].string(),
                          "is in the way of the media folder: not a folder");
        }
        if (last) {
            if (!fs::is_regular_file(status)) {
                throw IoError("IO002", target.string(),
                              "is in the way of a media file: not a regular file");
            }
            return status;
        }
    }
    return fs::file_status(fs::file_type::not_found);
}

}  // namespace

MediaFolderPlan plan_media_folder(const Collection& collection, const fs::path& dir,
                                  const MediaFolderPolicy& policy, Diagnostics& diagnostics) {
    MediaFolderPlan plan;
    plan.dir = dir;
    std::map<fs::path, const MediaFile*> planned;
    for (const MediaFile& file : collection.media) {
        SourceLocation origin = file.origin;
        if (origin.file.empty() && origin.locator.empty())
            origin.locator = "media[" + file.name + "]";
        fs::path relative = fs::path(file.name).lexically_normal();
        if (!is_safe_relative_path(file.name) || relative.empty() || relative == "." ||
            !relative.has_filename()) {
            ++plan.left_out;
            diagnostics.warning("MEDIA004", origin,
                                "media file '" + file.name +
                                    "' is not written: its name is not a path inside " +
                                    dir.string());
            continue;
        }
        fs::path target = dir / relative;
        const std::string& bytes = file.bytes();
        if (auto twin = planned.find(target); twin != planned.end()) {
            if (twin->second->bytes() != bytes) {
                ++plan.left_out;
                diagnostics.warning("MEDIA004", origin,
                                    "media file '" + file.name + "' is not written: '" +
                                        twin->second->name + "' goes to the same file");
            }
            continue;
        }
        planned.emplace(target, &file);
        if (!policy.output_folder.empty() && holds(policy.output_folder / relative, bytes)) {
            ++plan.unchanged;
            continue;
        }
        fs::file_status status = check_way(dir, relative, target);
        if (fs::exists(status)) {
            if (holds(target, bytes)) {
                ++plan.unchanged;
                continue;
            }
            for (const fs::path& input : policy.inputs) {
                if (same_file(input, target)) {
                    throw UsageError("media file " + target.string() +
                                         " is an input and differs from the media to write",
                                     "choose another --media-dir");
                }
            }
            if (!policy.force) throw OutputExistsError(target.string());
        }
        plan.writes.push_back({&file, target});
    }
    return plan;
}

void write_media_folder(const MediaFolderPlan& plan) {
    for (const MediaFolderPlan::Write& write : plan.writes) {
        atomic_write_file(write.target, write.file->bytes(), true);
    }
}

fs::path default_media_dir(const fs::path& output, const std::vector<std::string>& extensions) {
    std::string name = media_folder_name(output, extensions);
    if (name.empty()) name = "media";
    return output.parent_path() / name;
}

}  // namespace deckport
