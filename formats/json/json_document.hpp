// What identifies a deckport JSON document: its format name and the version of its layout.
#pragma once

#include <string>

namespace deckport::json_format {

inline constexpr const char* kFormatName = "deckport";
// A new major version breaks readers (they refuse it); a new minor version only adds optional
// keys (older readers accept it with a warning and report the keys they do not know).
inline constexpr int kVersionMajor = 1;
inline constexpr int kVersionMinor = 0;

inline std::string current_version() {
    return std::to_string(kVersionMajor) + "." + std::to_string(kVersionMinor);
}

}  // namespace deckport::json_format
