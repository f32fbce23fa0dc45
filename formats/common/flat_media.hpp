// Media names for formats that keep every file in one flat folder (Mochi's archive root,
// CrowdAnki's media/), where the model may name files with a path (`media/padlock.png`).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "deckport/model.hpp"

namespace deckport {

struct FlatMediaNames {
    std::map<std::string, std::string> by_name;  // model name -> flat name
    std::vector<std::string> unusable;           // model names that have no usable flat name
};

// Each file's flat name is the last component of its name. A flat name already taken gets "-"
// and the first 8 hex digits of the file's SHA-1 before its extension. Names that are empty,
// unsafe (`..`, control characters, backslashes) or in `reserved` are unusable.
FlatMediaNames flatten_media_names(const std::vector<MediaFile>& media,
                                   const std::set<std::string>& reserved);

}  // namespace deckport
