#include "crowdanki/crowdanki_uuid.hpp"

#include <array>

#include "deckport/identity.hpp"

namespace deckport::crowdanki {

std::string derived_uuid(std::string_view kind, std::string_view key) {
    // 6ba7b811-9dad-11d1-80b4-00c04fd430c8, RFC 4122's namespace for URLs.
    constexpr std::array<unsigned char, 16> kUrlNamespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                             0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                             0x4f, 0xd4, 0x30, 0xc8};
    std::string input(kUrlNamespace.begin(), kUrlNamespace.end());
    input.append("deckport:crowdanki:").append(kind).append(":").append(key);
    auto hash = sha1(input);
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0f) | 0x50);  // version 5
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string hex_digits = hex(hash.data(), 16);
    return hex_digits.substr(0, 8) + "-" + hex_digits.substr(8, 4) + "-" +
           hex_digits.substr(12, 4) + "-" + hex_digits.substr(16, 4) + "-" +
           hex_digits.substr(20, 12);
}

}  // namespace deckport::crowdanki
