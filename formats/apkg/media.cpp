#include "apkg/media.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "apkg/anki.pb.h"
#include "apkg/schema.hpp"
#include "apkg/text_util.hpp"
#include "common/utf8.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "deckport/identity.hpp"

namespace deckport::apkg {
namespace {

SourceLocation media_at(const std::string& display_name, const std::string& what) {
    return SourceLocation{display_name, 0, 0, what};
}

std::vector<MediaEntry> latest_map(Package& package, const std::string& bytes,
                                   const std::string& display_name, Diagnostics& diagnostics) {
    std::string payload;
    try {
        payload = decode_zstd(package, bytes, media_at(display_name, "media"));
    } catch (const InputError& e) {
        if (e.diagnostic().code == "APKG003") throw;
        diagnostics.error(
            "APKG030", media_at(display_name, "media"),
            "the media map is not valid zstd (" + e.diagnostic().message + "); no media is read");
        return {};
    }
    pb::MediaEntries map;
    if (!map.ParseFromString(payload)) {
        diagnostics.error("APKG030", media_at(display_name, "media"),
                          "the media map is not a valid MediaEntries message; no media is read");
        return {};
    }
    std::vector<MediaEntry> entries;
    for (int i = 0; i < map.entries_size(); ++i) {
        const pb::MediaEntry& e = map.entries(i);
        MediaEntry entry;
        entry.member = e.has_legacy_zip_filename() ? std::to_string(e.legacy_zip_filename())
                                                   : std::to_string(i);
        entry.name = e.name();
        entry.size = e.size();
        entry.sha1 = e.sha1();
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<MediaEntry> legacy_map(const std::string& bytes, const std::string& display_name,
                                   const Limits& limits, Diagnostics& diagnostics) {
    std::string error;
    std::optional<nlohmann::json> map = parse_bounded_json(bytes, limits.max_nesting, error);
    if (map && !map->is_object()) error = "it is not a JSON object";
    if (!map || !map->is_object()) {
        diagnostics.error("APKG030", media_at(display_name, "media"),
                          "the media map is not valid: " + error + "; no media is read");
        return {};
    }
    std::vector<MediaEntry> entries;
    for (auto& [key, value] : map->items()) {
        if (!value.is_string()) {
            diagnostics.warning("APKG030", media_at(display_name, "media[" + key + "]"),
                                "media map entry is not a file name; it is skipped");
            continue;
        }
        MediaEntry entry;
        entry.member = key;
        entry.name = value.get<std::string>();
        entry.key_is_number = json_id(nlohmann::json(key)).has_value();
        entries.push_back(std::move(entry));
    }
    // JSON objects come sorted as text ("10" before "2"); the package's order is numeric.
    std::stable_sort(entries.begin(), entries.end(), [](const MediaEntry& a, const MediaEntry& b) {
        if (a.member.size() != b.member.size()) return a.member.size() < b.member.size();
        return a.member < b.member;
    });
    return entries;
}

}  // namespace

std::vector<MediaEntry> read_media_map(Package& package, const std::string& display_name,
                                       const Limits& limits, Diagnostics& diagnostics) {
    if (!package.zip) return {};
    std::optional<std::string> bytes = package.zip->read("media");
    if (!bytes) return {};
    if (package.kind == PackageKind::latest) {
        return latest_map(package, *bytes, display_name, diagnostics);
    }
    return legacy_map(*bytes, display_name, limits, diagnostics);
}

std::optional<std::string> unsafe_media_name(const std::string& name) {
    if (name.empty()) return "the name is empty";
    if (!utf8::is_valid(name)) return "the name is not valid UTF-8";
    if (name == "." || name == "..") return "the name is a folder reference";
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
        return "the name is a path, not a file name";
    }
    if (!is_safe_relative_path(name)) return "the name has control characters or is a path";
    return std::nullopt;
}

void load_media(Package& package, const std::vector<MediaEntry>& entries,
                const std::string& display_name, const Limits& limits, Collection& out,
                Diagnostics& diagnostics) {
    if (!package.zip) return;
    if (entries.size() > limits.max_entries) {
        throw InputError("APKG003", media_at(display_name, "media"),
                         "the media map lists " + std::to_string(entries.size()) +
                             " files, more than the limit of " + std::to_string(limits.max_entries),
                         "if the file is trusted, raise the limit with --limit entries=N");
    }
    std::set<std::string> names;
    for (const MediaEntry& entry : entries) {
        SourceLocation at = media_at(display_name, "media[" + entry.member + "]");
        if (auto why = unsafe_media_name(entry.name)) {
            diagnostics.warning("APKG032", at,
                                "unsafe media name '" + utf8::repaired(entry.name) + "': " + *why +
                                    "; the file is skipped");
            continue;
        }
        if (!entry.key_is_number) {
            diagnostics.warning("APKG036", at,
                                "media map key '" + entry.member +
                                    "' is not a number (Anki refuses such packages)");
        }
        if (!names.insert(entry.name).second) {
            diagnostics.warning("APKG033", at,
                                "media name '" + entry.name +
                                    "' appears twice in the map; the later file is skipped");
            continue;
        }
        std::optional<std::string> bytes;
        try {
            bytes = package.zip->read(entry.member);
            if (bytes && package.kind == PackageKind::latest) {
                bytes = decode_zstd(package, *bytes, at);
            }
        } catch (const InputError& e) {
            if (e.diagnostic().code == "APKG003") throw;
            diagnostics.warning("APKG035", at,
                                "media file '" + entry.name + "' is damaged (" +
                                    e.diagnostic().message + "); it is skipped");
            continue;
        }
        if (!bytes) {
            diagnostics.warning("APKG031", at,
                                "media file '" + entry.name + "' has no member '" + entry.member +
                                    "' in the package; it is skipped");
            continue;
        }
        if (entry.size && *entry.size != bytes->size()) {
            diagnostics.warning("APKG034", at,
                                "media file '" + entry.name + "' has " +
                                    std::to_string(bytes->size()) + " bytes, the map says " +
                                    std::to_string(*entry.size));
        } else if (entry.sha1.size() == 20) {
            auto digest = sha1(*bytes);
            if (std::string(reinterpret_cast<const char*>(digest.data()), digest.size()) !=
                entry.sha1) {
                diagnostics.warning(
                    "APKG034", at,
                    "media file '" + entry.name + "' does not match the SHA-1 in the map");
            }
        }
        MediaFile file;
        file.name = entry.name;
        file.data = std::move(*bytes);
        file.origin = at;
        out.media.push_back(std::move(file));
    }
}

}  // namespace deckport::apkg
