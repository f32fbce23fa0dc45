// Stable identity: hashes, GUIDs and ids derived from content, never from a clock or a RNG.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace deckport {

std::array<unsigned char, 32> sha256(std::string_view bytes);
std::array<unsigned char, 20> sha1(std::string_view bytes);
std::string sha1_hex(std::string_view bytes);
std::string hex(const unsigned char* bytes, std::size_t size);

// Anki's GUID alphabet: base91 of an unsigned 64-bit number (as genanki and Anki write them).
std::string base91(std::uint64_t value);

// A note with an explicit id in its source uses that id as its GUID. Otherwise its GUID is
// derived: base91 of the first 8 bytes of
// SHA-256("deckport-guid\x1f" deck "\x1f" note type name "\x1f" first field source).
std::string derive_guid(std::string_view deck, std::string_view note_type,
                        std::string_view first_field);

// A positive id in [1e12, 2^53) from SHA-256("deckport-" kind "\x1f" key): looks like Anki's
// millisecond ids, and is exact in JavaScript and in JSON doubles.
std::int64_t derive_id(std::string_view kind, std::string_view key);

}  // namespace deckport
