// Media files after a round trip: found by name, else by their bytes (a format that flattens
// folders or sanitises names stores the same bytes under another name).
#include <filesystem>
#include <unordered_map>

#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

// The file's bytes (read once and cached by MediaFile), or nullptr when unreadable.
const std::string* media_bytes(const MediaFile& file) {
    try {
        return &file.bytes();
    } catch (const std::exception&) {
        return nullptr;
    }
}

std::string last_part(const std::string& name) {
    return std::filesystem::path(name).filename().string();
}

// Read-back files under names the original does not use, by their bytes. Several files may
// hold the same bytes: each original takes the one with its own file name if there is one,
// else the first one left.
class RenamedFiles {
  public:
    RenamedFiles(const std::unordered_map<std::string_view, const MediaFile*>& original_names,
                 const Collection& readback) {
        for (const MediaFile& candidate : readback.media) {
            if (original_names.contains(candidate.name)) continue;
            if (const std::string* bytes = media_bytes(candidate)) {
                by_bytes_[*bytes].push_back(&candidate);
            }
        }
    }

    const MediaFile* take(const MediaFile& original) {
        const std::string* bytes = media_bytes(original);
        if (!bytes) return nullptr;
        auto it = by_bytes_.find(*bytes);
        if (it == by_bytes_.end() || it->second.empty()) return nullptr;
        std::vector<const MediaFile*>& list = it->second;
        auto chosen = list.begin();
        for (auto candidate = list.begin(); candidate != list.end(); ++candidate) {
            if (last_part((*candidate)->name) == last_part(original.name)) {
                chosen = candidate;
                break;
            }
        }
        const MediaFile* file = *chosen;
        list.erase(chosen);
        return file;
    }

  private:
    std::unordered_map<std::string_view, std::vector<const MediaFile*>> by_bytes_;
};

}  // namespace

void compare_media(const Collection& original, const Collection& readback, Comparison& c) {
    std::unordered_map<std::string_view, const MediaFile*> before_names, after_names;
    for (const MediaFile& file : original.media) before_names.emplace(file.name, &file);
    for (const MediaFile& file : readback.media) after_names.emplace(file.name, &file);
    if (!c.carries().media) {
        for (const MediaFile& file : original.media) {
            if (!after_names.contains(file.name)) c.lost("media", "files");
        }
        return;
    }
    RenamedFiles renamed(before_names, readback);
    for (const MediaFile& file : original.media) {
        SourceLocation where =
            file.origin.file.empty() ? SourceLocation{c.subject.file} : file.origin;
        auto same_name = after_names.find(file.name);
        if (same_name == after_names.end()) {
            if (const MediaFile* now = renamed.take(file)) {
                c.media_renames.emplace_back(file.name, now->name);
                if (c.normalises().media_names) {
                    c.normalise("media files stored under flat, sanitised names");
                } else {
                    c.unexpected("RT008", where,
                                 "media file '" + file.name + "' came back as '" + now->name + "'");
                }
            } else if (!c.carries().media_files) {
                c.lost("media files (the deck refers to them by path)", "files");
            } else {
                c.unexpected("RT008", where, "media file '" + file.name + "' is lost");
            }
            continue;
        }
        const std::string* before = media_bytes(file);
        const std::string* now = media_bytes(*same_name->second);
        if (!before || !now || *before != *now) {
            c.unexpected("RT008", where,
                         "media file '" + file.name + "' has other bytes (" +
                             (before ? std::to_string(before->size()) : std::string("unreadable")) +
                             " bytes, then " +
                             (now ? std::to_string(now->size()) : std::string("unreadable")) + ")");
        }
    }
}

}  // namespace deckport::roundtrip_detail
