// The local media files an Anki field or template refers to, as Anki finds them: `src` of
// <img>, <audio>, <video> and <source>, `data` of <object>, and `[sound:NAME]`.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace deckport::crowdanki {

// Adds every local file name `html` refers to (remote URLs and data: URIs are left out).
void collect_media_references(std::string_view html, std::set<std::string>& names);

}  // namespace deckport::crowdanki
