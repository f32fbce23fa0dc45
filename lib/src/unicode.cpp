#include "deckport/unicode.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace deckport {

std::string to_nfc(std::string_view text) {
    // ASCII is always NFC.
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return std::string(text);
    }
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (length < 0) {
        std::free(mapped);
        return std::string(text);
    }
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return out;
}

}  // namespace deckport
