// Media of a package: the `media` map (legacy: JSON {"0": "a.jpg"}; latest: zstd protobuf
// MediaEntries, entry i in member "i") and the members that hold the files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apkg/package.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

struct MediaEntry {
    std::string member;                 // the zip member holding the file
    std::string name;                   // the name fields refer to
    std::optional<std::uint32_t> size;  // latest packages: the file's size
    std::string sha1;                   // latest packages: the file's SHA-1 (20 bytes)
    bool key_is_number = true;          // legacy maps: Anki parses every key as a number
};

// The package's media map; empty for a bare collection or a package without `media`. A map
// that cannot be decoded is reported (APKG030) and read as empty.
std::vector<MediaEntry> read_media_map(Package& package, const std::string& display_name,
                                       const Limits& limits, Diagnostics& diagnostics);

// Why Anki or a file system would refuse `name` (empty, a path, `..`, control characters, not
// UTF-8), or nullopt when it is a plain file name.
std::optional<std::string> unsafe_media_name(const std::string& name);

// Adds every entry's file to `out.media`, in map order. Unsafe names (APKG032), duplicates
// (APKG033), missing members (APKG031) and damaged members (APKG035) are reported and
// skipped; a size or SHA-1 that differs from the map is reported (APKG034).
void load_media(Package& package, const std::vector<MediaEntry>& entries,
                const std::string& display_name, const Limits& limits, Collection& out,
                Diagnostics& diagnostics);

}  // namespace deckport::apkg
