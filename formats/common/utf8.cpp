#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

#include "deckport/unicode.hpp"

namespace deckport::utf8 {

std::size_t sequence_length(std::string_view text, std::size_t pos) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = at(pos);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char min_second = 0x80, max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) min_second = 0xA0;  // overlong
        if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) min_second = 0x90;  // overlong
        if (lead == 0xF4) max_second = 0x8F;  // past U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    if (at(pos + 1) < min_second || at(pos + 1) > max_second) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (at(pos + i) < 0x80 || at(pos + i) > 0xBF) return 0;
    }
    return length;
}

bool is_valid(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        // Eight ASCII bytes at a time: fields are mostly ASCII, and this runs on every one a
        // package holds.
        if (std::uint64_t word; pos + 8 <= text.size()) {
            std::memcpy(&word, text.data() + pos, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                pos += 8;
                continue;
            }
        }
        std::size_t length = sequence_length(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::string repaired(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t length = sequence_length(text, pos);
        if (length == 0) {
            append(out, 0xFFFD);
            ++pos;
            continue;
        }
        out.append(text.substr(pos, length));
        pos += length;
    }
    return out;
}

std::string to_nfc(std::string_view text) {
    return deckport::to_nfc(text);  // one implementation, in lib (deckport/unicode.hpp)
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    std::size_t length = sequence_length(text, pos);
    if (length == 0) {
        ++pos;
        return 0xFFFD;
    }
    auto byte = [&](std::size_t i) { return static_cast<char32_t>(text[pos + i]) & 0xFF; };
    char32_t cp = 0;
    switch (length) {
        case 1:
            cp = byte(0);
            break;
        case 2:
            cp = ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
            break;
        case 3:
            cp = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
            break;
        default:
            cp = ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
                 (byte(3) & 0x3F);
    }
    pos += length;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // not a character
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace deckport::utf8
