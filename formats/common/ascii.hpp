// ASCII case folding for keywords, option values and headers: bytes outside A-Z are kept, so
// UTF-8 text passes through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace deckport {

inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace deckport
