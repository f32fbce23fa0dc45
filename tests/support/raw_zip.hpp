// Zip archives written by hand, for hostile shapes that no zip library writes: headers that lie
// about sizes, deflate bombs, `../` and absolute names, symbolic-link members, huge entry counts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::test {

struct RawMember {
    std::string name;
    std::string data;                   // as stored: deflated bytes when method is 8
    std::uint16_t method = 0;           // 0 stored, 8 deflate
    std::uint32_t crc = 0;              // CRC-32 of the inflated bytes
    std::uint64_t inflated_size = 0;    // as the headers claim it
    std::uint32_t unix_mode = 0100644;  // S_IFLNK | 0777 (0120777) makes a symbolic link
};

// A member stored as it is (headers true).
RawMember stored_member(std::string name, std::string bytes);
// A member deflated with zlib (headers true).
RawMember deflated_member(std::string name, std::string_view bytes);
// A deflated member that inflates to `mebibytes` MiB of zero bytes from about 1 KiB per MiB,
// with true headers: the classic zip bomb, built without ever holding the inflated bytes.
RawMember zero_bomb_member(std::string name, std::uint64_t mebibytes);

// The archive: local headers, data, central directory; zip64 end records when there are more
// than 65535 members. `claimed_entries` (when not 0) replaces the entry count in the end records.
std::string raw_zip(const std::vector<RawMember>& members, std::uint64_t claimed_entries = 0);

}  // namespace deckport::test
