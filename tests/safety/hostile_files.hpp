// Small hostile files for the bounds tests, generated in memory (a few MB at most on disk).
#pragma once

#include <string>
#include <vector>

#include "../apkg_read/package_builder.hpp"
#include "raw_zip.hpp"

namespace deckport::test {

// The peak memory no hostile or oversized input may push the CLI past.
constexpr long kMemoryBoundKib = 256 * 1024;

// A schema-11 collection with one Basic note whose Back is `back`; `extra_sql` runs last.
inline std::string one_note_collection(const std::string& back = "back",
                                       const std::vector<std::string>& extra_sql = {},
                                       bool revlog = true) {
    TestCollection c;
    c.notes = {{1500000000001, "guid1", 1001, "front\x1f" + back, ""}};
    c.cards = {{1500000000002, 1500000000001, 2000, 0}};
    c.with_revlog = revlog;
    c.extra_sql = extra_sql;
    return c.sqlite();
}

// A legacy package: the collection, a JSON media map and the given members.
inline std::string legacy_apkg(const std::string& media_map, std::vector<RawMember> members,
                               const std::string& collection = one_note_collection()) {
    members.insert(members.begin(), {stored_member("collection.anki2", collection),
                                     stored_member("media", media_map)});
    return raw_zip(members);
}

// `count` one-byte media files, stored, with their map.
inline std::string many_media_apkg(std::size_t count) {
    std::string map = "{";
    std::vector<RawMember> members;
    members.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        map += (i ? ", \"" : "\"") + std::to_string(i) + "\": \"m" + std::to_string(i) + ".txt\"";
        members.push_back(stored_member(std::to_string(i), "x"));
    }
    return legacy_apkg(map + "}", std::move(members));
}

}  // namespace deckport::test
